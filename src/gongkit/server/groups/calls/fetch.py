"""Downloading a call's recording from its ``downloadMediaUrl``, without letting a caller reach what the operator
has not opened to it (no server-side request forgery).

- **Schemes**: ``http`` and ``https`` only.
- **Addresses**: the host name is resolved here, every address it resolves to is checked, and the connection is
  made to the checked address itself (the URL is rewritten to it; ``Host`` and, for https, the TLS server name
  and certificate check keep the name). So a name that resolves to a public address when checked and to a
  private one when connected (DNS rebinding) cannot slip through. Loopback, private, link-local, multicast,
  reserved and other non-public addresses are refused unless they fall in a network the operator allowed
  (``GONGKIT_MEDIA_FETCH_ALLOW``). Proxies from the environment are not used (they would connect elsewhere).
- **Redirects** are followed, up to :data:`MAX_REDIRECTS`, each hop checked like the first.
- **Limits**: a connect timeout, a read timeout (seconds without a byte), a deadline for the whole download, and
  the media size limit, enforced on the bytes as they arrive (and on a ``Content-Length`` announcing more).

Failures are :class:`FetchRefused` (the URL or its content will not do: retrying cannot help) or
:class:`FetchFailed` (the network or the remote server failed: a later attempt may succeed). Their messages
never hold the URL (it may carry a token).
"""

from __future__ import annotations

import ipaddress
import socket
import time
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import httpx

from gongkit.db.media import MediaStore

MAX_REDIRECTS = 5
CHUNK = 64 * 1024

Address = ipaddress.IPv4Address | ipaddress.IPv6Address
Network = ipaddress.IPv4Network | ipaddress.IPv6Network


class FetchRefused(Exception):
    """The download will never succeed as asked: a refused scheme or address, too large, an HTTP 4xx."""


class FetchFailed(Exception):
    """The download failed for now (connection, timeout, HTTP 5xx): worth another attempt."""


@dataclass(frozen=True)
class FetchLimits:
    """What one download may take: time (seconds) and size (bytes)."""

    connect_seconds: float
    read_seconds: float
    total_seconds: float
    max_bytes: int


class AddressPolicy:
    """Which addresses may be connected to: public ones, and those in the operator's allowed networks."""

    def __init__(self, allowed: tuple[str, ...] = ()) -> None:
        self.allowed: tuple[Network, ...] = tuple(ipaddress.ip_network(c, strict=False) for c in allowed)

    def permits(self, address: Address) -> bool:
        if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped is not None:
            address = address.ipv4_mapped
        if any(address.version == net.version and address in net for net in self.allowed):
            return True
        return address.is_global and not (
            address.is_multicast or address.is_reserved or address.is_loopback or address.is_link_local
        )

    def resolve(self, host: str, port: int) -> Address:
        """The address to connect to for ``host``: every address it resolves to must be permitted."""
        try:
            literal: Address | None = ipaddress.ip_address(host.strip("[]"))
        except ValueError:
            literal = None
        if literal is not None:
            found = [literal]
        else:
            try:
                infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
            except (socket.gaierror, UnicodeError) as exc:
                raise FetchFailed(f"the host name does not resolve ({exc})") from None
            found = [ipaddress.ip_address(str(info[4][0]).split("%", 1)[0]) for info in infos]
        if not found:
            raise FetchFailed("the host name resolves to no address")
        for address in found:
            if not self.permits(address):
                raise FetchRefused(
                    f"the host resolves to {address}, an address this server does not fetch from "
                    "(not public, and not in GONGKIT_MEDIA_FETCH_ALLOW)"
                )
        return found[0]


def _target(url: str, policy: AddressPolicy) -> tuple[str, dict[str, str], dict[str, str]]:
    """(the URL with its host replaced by the checked address, headers, request extensions)."""
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https"):
        raise FetchRefused(f"only http and https URLs are fetched, not '{parts.scheme}'")
    if not parts.hostname or parts.username is not None or parts.password is not None:
        raise FetchRefused("the URL must name a host, without credentials")
    try:
        port = parts.port or (443 if parts.scheme == "https" else 80)
    except ValueError:
        raise FetchRefused("the URL's port is not valid") from None
    address = policy.resolve(parts.hostname, port)
    shown = f"[{address}]" if address.version == 6 else str(address)
    rewritten = parts._replace(netloc=f"{shown}:{port}").geturl()
    host = parts.hostname if ":" not in parts.hostname else f"[{parts.hostname}]"
    default_port = port == (443 if parts.scheme == "https" else 80)
    headers = {"Host": host if default_port else f"{host}:{port}"}
    extensions = {"sni_hostname": parts.hostname} if parts.scheme == "https" else {}
    return rewritten, headers, extensions


def download(url: str, store: MediaStore, policy: AddressPolicy, limits: FetchLimits) -> tuple[Path, int]:
    """Fetch ``url`` into a new incoming file of ``store``: (its path, its size). The file is discarded on any
    failure. Runs in a worker thread (blocking I/O)."""
    deadline = time.monotonic() + limits.total_seconds
    timeout = httpx.Timeout(limits.read_seconds, connect=limits.connect_seconds)
    path = store.incoming()
    try:
        with httpx.Client(timeout=timeout, follow_redirects=False, trust_env=False) as client:
            for _ in range(MAX_REDIRECTS + 1):
                rewritten, headers, extensions = _target(url, policy)
                request = client.build_request("GET", rewritten, headers=headers, extensions=extensions)
                response = client.send(request, stream=True)
                try:
                    if response.is_redirect and "location" in response.headers:
                        url = urljoin(url, response.headers["location"])
                        continue
                    return path, _receive(response, path, limits, deadline)
                finally:
                    response.close()
            raise FetchRefused(f"more than {MAX_REDIRECTS} redirects")
    except httpx.TimeoutException:
        store.discard(path)
        raise FetchFailed("the download timed out") from None
    except httpx.HTTPError as exc:
        store.discard(path)
        raise FetchFailed(f"the download failed ({type(exc).__name__})") from None
    except BaseException:
        store.discard(path)
        raise


def _receive(response: httpx.Response, path: Path, limits: FetchLimits, deadline: float) -> int:
    status = response.status_code
    if status >= 500 or status == 429:
        raise FetchFailed(f"the server answered {status}")
    if status != 200:
        raise FetchRefused(f"the server answered {status}")
    announced = response.headers.get("content-length", "")
    if announced.isdigit() and int(announced) > limits.max_bytes:
        raise FetchRefused(f"the file is larger than the limit ({limits.max_bytes} bytes)")
    size = 0
    with open(path, "wb") as fh:
        for chunk in response.iter_bytes(CHUNK):
            size += len(chunk)
            if size > limits.max_bytes:
                raise FetchRefused(f"the file is larger than the limit ({limits.max_bytes} bytes)")
            if time.monotonic() > deadline:
                raise FetchFailed(f"the download took longer than {limits.total_seconds:g} seconds")
            fh.write(chunk)
        fh.flush()
    if size == 0:
        raise FetchRefused("the file is empty")
    return size
