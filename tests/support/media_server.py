"""A loopback HTTP server the media-fetch tests start: it serves the sample recordings and the misbehaviours a
download must survive (stalls, oversize bodies, redirects, errors), and records the requests it saw."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

from tests.support.media import sample


class MediaServer:
    """Routes (path -> what to answer) set by the test; ``seen`` holds (path, Host header) per request."""

    def __init__(self) -> None:
        self.routes: dict[str, Any] = {}
        self.seen: list[tuple[str, str | None]] = []
        self.port = 0

    def url(self, path: str, host: str = "127.0.0.1") -> str:
        return f"http://{host}:{self.port}{path}"


def _handler(server: MediaServer) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def log_message(self, format: str, *args: Any) -> None:
            return None

        def do_GET(self) -> None:
            server.seen.append((self.path, self.headers.get("Host")))
            route = server.routes.get(self.path)
            if callable(route):
                route = route()
            if route is None:
                self.send_response(404)
                self.send_header("Content-Length", "0")
                self.end_headers()
                return
            kind, value = route
            if kind == "file":
                self._body(sample(value))
            elif kind == "bytes":
                self._body(value)
            elif kind == "chunked":  # no Content-Length: the size is known only as the bytes arrive
                self.send_response(200)
                self.send_header("Transfer-Encoding", "chunked")
                self.end_headers()
                for piece in value:
                    self.wfile.write(f"{len(piece):x}\r\n".encode() + piece + b"\r\n")
                self.wfile.write(b"0\r\n\r\n")
            elif kind == "redirect":
                self.send_response(302)
                self.send_header("Location", value)
                self.send_header("Content-Length", "0")
                self.end_headers()
            elif kind == "status":
                self.send_response(value)
                self.send_header("Content-Length", "0")
                self.end_headers()
            elif kind == "stall":  # headers, then silence
                self.send_response(200)
                self.send_header("Content-Length", "100000")
                self.end_headers()
                self.wfile.flush()
                time.sleep(value)

        def _body(self, data: bytes) -> None:
            self.send_response(200)
            self.send_header("Content-Type", "application/octet-stream")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

    return Handler


@contextmanager
def media_server() -> Iterator[MediaServer]:
    """A server on a free loopback port (chosen by the system), stopped on exit."""
    state = MediaServer()
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _handler(state))
    httpd.daemon_threads = True
    state.port = httpd.server_address[1]
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield state
    finally:
        httpd.shutdown()
        httpd.server_close()
        thread.join(5)
