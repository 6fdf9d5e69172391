"""gongkit: a Gong API v2 toolkit — a Gong-compatible server, a typed SDK and an agent toolkit."""

from gongkit._version import __version__

__all__ = ["__version__"]
