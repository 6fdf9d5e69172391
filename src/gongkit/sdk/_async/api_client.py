"""The request loop of a client: pacing, sending, retrying, paging (see :mod:`gongkit.sdk._base_client`)."""

from __future__ import annotations

import asyncio
from collections.abc import Mapping
from types import TracebackType
from typing import Any, Self, TypeVar

import httpx
from pydantic import BaseModel

from gongkit.sdk._async.pager import AsyncPager
from gongkit.sdk._base_client import AsyncSleep, BaseClient, RequestFiles, file_positions, rewind, with_cursor
from gongkit.sdk._page import Page, is_empty_listing
from gongkit.sdk._utils import clean_params
from gongkit.sdk.errors import GongError, NotFoundError

__all__ = ["AsyncAPIClient"]

M = TypeVar("M", bound=BaseModel)


class AsyncAPIClient(BaseClient[httpx.AsyncClient, AsyncSleep]):
    """A client's request loop: ``await request()`` returns the decoded JSON object of a successful answer."""

    def _new_http(self, timeout: float | httpx.Timeout) -> httpx.AsyncClient:
        return httpx.AsyncClient(timeout=timeout)

    def _default_sleep(self) -> AsyncSleep:
        return asyncio.sleep

    async def request(
        self,
        method: str,
        path: str,
        *,
        params: Mapping[str, Any] | None = None,
        json: Any = None,
        files: RequestFiles | None = None,
        headers: Mapping[str, str] | None = None,
    ) -> dict[str, Any]:
        """Send one request (with pacing and retries); the decoded JSON object, or a typed GongError.

        ``headers`` are sent with this request only and replace the client's of the same name (for example an
        ``Authorization`` for other credentials, over the same connection pool, pacing and retries).
        """
        response = await self._send(method, path, params=params, json=json, files=files, headers=headers)
        return self._success_body(response)

    async def _send(
        self,
        method: str,
        path: str,
        *,
        params: Mapping[str, Any] | None = None,
        json: Any = None,
        files: RequestFiles | None = None,
        headers: Mapping[str, str] | None = None,
    ) -> httpx.Response:
        method = method.upper()
        url = self._url(path)
        query = clean_params(params)
        sent_headers = self._headers(headers)
        positions = file_positions(files)
        timeout = self._timeout_kwargs()
        attempt = 0
        while True:
            await self._pace()
            rewind(positions)
            error: GongError
            cause: BaseException | None = None
            try:
                response = await self._http.request(
                    method,
                    url,
                    params=query or None,
                    json=json,
                    files=files,
                    headers=sent_headers,
                    **timeout,
                )
            except Exception as exc:
                transport = self._transport_error(exc)
                if transport is None:
                    raise
                error, cause = transport, exc
            else:
                if response.is_success:
                    return response
                error = self._status_error(response)
            delay = self._retry_delay(attempt, error)
            if delay is None:
                raise error from cause
            self._note_retry(method, path, attempt, delay, error)
            if delay > 0:
                await self._sleep(delay)
            attempt += 1

    def _paginate(
        self,
        method: str,
        path: str,
        *,
        item_key: str,
        model: type[M],
        params: Mapping[str, Any] | None = None,
        json: Mapping[str, Any] | None = None,
        cursor: str | None = None,
    ) -> AsyncPager[M]:
        """A lazy iterator over a cursor-paged list: ``body[item_key]`` of each page, as ``model``s.

        Gong's 404 for "nothing found for these filters" is an empty page (:func:`~gongkit.sdk._page.is_empty_listing`);
        any other 404 raises :class:`~gongkit.sdk.errors.NotFoundError`.
        """
        verb = method.upper()

        async def fetch(cur: str | None) -> Page[M]:
            query, body = with_cursor(verb, params, json, cur)
            try:
                data = await self.request(verb, path, params=query, json=body)
            except NotFoundError as exc:
                if not is_empty_listing(exc):
                    raise
                return Page.empty(exc.request_id)
            return Page.parse(data, item_key, model)

        return AsyncPager(fetch, cursor)

    async def _pace(self) -> None:
        if self._bucket is not None:
            wait = self._bucket.reserve()
            if wait > 0:
                await self._sleep(wait)

    async def close(self) -> None:
        """Close the HTTP connection pool (not an ``http_client`` passed in: its owner closes it)."""
        if self._owns_http:
            await self._http.aclose()

    async def __aenter__(self) -> Self:
        return self

    async def __aexit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        await self.close()
