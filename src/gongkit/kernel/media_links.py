"""Signed media links: ``/media/{token}`` URLs that are their own credential, as Gong's are.

The token names the company and the recording and carries its expiry, signed with a key derived from the
instance secret. Links stay valid 8 hours after they were issued (Gong's figure).
"""

from __future__ import annotations

import base64
import hashlib
import hmac
from collections.abc import Callable

import orjson

#: How long a media download URL stays valid (Gong: 8 hours).
MEDIA_URL_TTL_MS = 8 * 3600 * 1000


def _media_key(secret: bytes) -> bytes:
    return hashlib.sha256(b"gongkit-media-url:" + secret).digest()


def media_token(secret: bytes, company_id: int, media_id: int, expires_ms: int) -> str:
    """A signed, expiring reference to one stored recording."""
    body = base64.urlsafe_b64encode(orjson.dumps([company_id, media_id, expires_ms])).rstrip(b"=")
    sig = base64.urlsafe_b64encode(hmac.digest(_media_key(secret), body, "sha256")[:18])
    return (body + b"." + sig).decode()


def media_url_signer(secret: bytes, app_url: str, company_id: int, now_ms: int) -> Callable[[int], str]:
    """Makes download URLs for one company's recordings, valid for 8 hours from ``now_ms``."""
    expires = now_ms + MEDIA_URL_TTL_MS
    base = app_url.rstrip("/")

    def sign(media_id: int) -> str:
        return f"{base}/media/{media_token(secret, company_id, media_id, expires)}"

    return sign


class MediaLinkInvalid(Exception):
    """A media link that was forged, altered or has expired (the message says which)."""


def verify_media_token(secret: bytes, token: str, now_ms: int) -> tuple[int, int]:
    """(company id, media id) of a valid token; raises :class:`MediaLinkInvalid` otherwise."""
    try:
        body, sig = token.encode().split(b".", 1)
        expected = base64.urlsafe_b64encode(hmac.digest(_media_key(secret), body, "sha256")[:18])
        if not hmac.compare_digest(sig, expected):
            raise ValueError("signature")
        company_id, media_id, expires = orjson.loads(base64.urlsafe_b64decode(body + b"=" * (-len(body) % 4)))
    except (ValueError, TypeError, UnicodeError, orjson.JSONDecodeError):
        raise MediaLinkInvalid("This media link is not valid") from None
    if int(expires) <= now_ms:
        raise MediaLinkInvalid("This media link has expired (links are valid for 8 hours)")
    return int(company_id), int(media_id)
