"""The Gong-compatible server: an ASGI app over the resource groups (`gongkit.server.groups`)."""

from gongkit.server.app import create_app

__all__ = ["create_app"]
