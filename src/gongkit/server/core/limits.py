"""Size limits enforced as bytes arrive: request bodies (413) and request heads (431).

A body is counted on the ASGI ``receive`` channel, so no route ever holds more than its limit: a declared
``Content-Length`` over the limit is refused before a byte of the body is read, and a body sent without one
(chunked) is refused as soon as the count passes the limit. Either way the answer says ``Connection: close``,
so the server does not read the rest.

A request head is counted by :class:`HeadCappedHttpToolsProtocol`, uvicorn's httptools protocol with a cap:
httptools itself accepts a header of any size and gathers it by repeated concatenation, which lets one client
stall the event loop and fill memory.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

import orjson
from starlette.responses import Response
from starlette.types import ASGIApp, Message, Receive, Scope, Send
from uvicorn.protocols.http.httptools_impl import HttpToolsProtocol

from gongkit.kernel.config import ServerSettings
from gongkit.kernel.errors import ApiError, PayloadTooLarge, RequestHeaderFieldsTooLarge
from gongkit.kernel.ids import new_request_id

log = logging.getLogger("gongkit.server")


class LimitedBody:
    """A request body counted against ``limit`` bytes as it arrives.

    :meth:`check_declared` refuses a declared ``Content-Length`` over the limit before a byte is read;
    :meth:`receive` raises :class:`PayloadTooLarge` as soon as the count passes it (a body sent without a length).
    Once the body is refused, :meth:`send` puts ``Connection: close`` on the answer, so the rest is never read.
    """

    __slots__ = ("_receive", "_send", "limit", "received", "refused")

    def __init__(self, receive: Receive, send: Send, limit: int) -> None:
        self._receive = receive
        self._send = send
        self.limit = limit
        self.received = 0
        self.refused = False

    def check_declared(self, scope: Scope) -> None:
        declared = content_length(scope)
        if declared is not None and declared > self.limit:
            self.refused = True
            raise too_large(self.limit)

    async def receive(self) -> Message:
        message = await self._receive()
        if message["type"] == "http.request":
            self.received += len(message.get("body", b""))
            if self.received > self.limit:
                self.refused = True
                raise too_large(self.limit)
        return message

    async def send(self, message: Message) -> None:
        if self.refused and message["type"] == "http.response.start":
            message["headers"] = [*message.get("headers", []), (b"connection", b"close")]
        await self._send(message)


class BodyLimitMiddleware:
    """Refuses a request body larger than ``limit`` bytes with a 413, without reading the rest
    (:class:`LimitedBody`).

    ``render(scope, error)`` makes the answer when the limit is known before the app runs (from
    ``Content-Length``); past that point :class:`PayloadTooLarge` is raised from ``receive`` and the app renders
    it like any other error.
    """

    def __init__(self, app: ASGIApp, limit: int, render: Callable[[Scope, ApiError], Response]) -> None:
        self.app = app
        self.limit = limit
        self.render = render

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        body = LimitedBody(receive, send, self.limit)
        try:
            body.check_declared(scope)
        except PayloadTooLarge as exc:
            await self.render(scope, exc)(scope, receive, body.send)
            return
        await self.app(scope, body.receive, body.send)


def too_large(limit: int) -> PayloadTooLarge:
    return PayloadTooLarge(f"Request body too large (limit {limit} bytes)")


def content_length(scope: Scope) -> int | None:
    """The request's declared ``Content-Length`` (None when absent or not a number)."""
    for name, value in scope["headers"]:
        if name == b"content-length":
            return int(value) if value.isdigit() else None
    return None


class _HeadTooLarge(Exception):
    """Raised from a parser callback to stop parsing a head that passed the cap."""


class HeadCappedHttpToolsProtocol(HttpToolsProtocol):
    """uvicorn's httptools protocol, refusing a request head (request line and headers) over a cap with 431.

    The cap is uvicorn's ``h11_max_incomplete_event_size`` option (the same bound h11 puts on an unfinished
    head), or the settings' default (64 KB) when it is not set, so ``--http gongkit.server.core.limits:HeadCappedHttpToolsProtocol
    --h11-max-incomplete-event-size N`` sets it from uvicorn's own command line.

    Bytes are counted as they arrive while a head is incomplete (so a huge header is refused before it is
    gathered), and the finished parts (URL, each header) are counted again exactly.
    """

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.max_head_bytes = self.config.h11_max_incomplete_event_size or ServerSettings.max_header_bytes
        self.in_head = False
        self.head_bytes = 0
        self.parsed_head_bytes = 0
        self.head_refused = False

    def on_message_begin(self) -> None:
        super().on_message_begin()
        self.in_head = True
        self.head_bytes = self.parsed_head_bytes = 0

    def on_url(self, url: bytes) -> None:
        self._count_parsed(len(url))
        super().on_url(url)

    def on_header(self, name: bytes, value: bytes) -> None:
        self._count_parsed(len(name) + len(value) + 4)  # "name: value\r\n"
        super().on_header(name, value)

    def on_headers_complete(self) -> None:
        self.in_head = False
        super().on_headers_complete()

    def _count_parsed(self, size: int) -> None:
        self.parsed_head_bytes += size
        if self.parsed_head_bytes > self.max_head_bytes:
            self.head_refused = True
            raise _HeadTooLarge

    def data_received(self, data: bytes) -> None:
        if self.head_refused:
            return
        super().data_received(data)
        if self.in_head and not self.head_refused:
            # The head is still incomplete after this chunk: the whole chunk is head (from the message's start).
            self.head_bytes += len(data)
            if self.head_bytes > self.max_head_bytes:
                self.head_refused = True
                self.send_400_response("")

    def send_400_response(self, msg: str) -> None:
        """The parent answers a parser failure with this; a head over the cap gets its 431 instead."""
        if not self.head_refused:
            super().send_400_response(msg)
            return
        error = RequestHeaderFieldsTooLarge(
            f"Request headers too large (limit {self.max_head_bytes} bytes for the request line and headers)"
        )
        rid = new_request_id()
        log.warning("%s refused a request head over %d bytes (431)", rid, self.max_head_bytes)
        body = orjson.dumps({"requestId": rid, "errors": error.messages})
        head = (
            b"HTTP/1.1 431 Request Header Fields Too Large\r\n"
            b"content-type: application/json\r\n"
            b"x-request-id: " + rid.encode() + b"\r\n"
            b"x-content-type-options: nosniff\r\n"
            b"cache-control: no-store\r\n"
            b"content-length: " + str(len(body)).encode() + b"\r\n"
            b"connection: close\r\n\r\n"
        )
        self.transport.write(head + body)
        self.transport.close()
