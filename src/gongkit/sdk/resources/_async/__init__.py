"""The asyncio code of the SDK, written once; ``scripts/unasync.py`` writes its synchronous twin into ``_sync``."""
