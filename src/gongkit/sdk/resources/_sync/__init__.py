"""The synchronous twins of the modules in ``_async``, written by ``scripts/unasync.py``; edit ``_async`` instead."""
