"""Recording downloads, outside ``/v2``: ``GET /media/{token}``.

``POST /v2/calls/extensive`` hands out these links (``media.audioUrl`` / ``media.videoUrl``) to callers holding
the ``api:calls:read:media-url`` scope. The token is signed with the instance secret, names the company and the
recording, and expires 8 hours after it was issued, so the link itself is the credential, as with Gong's links.
A recording erased since the link was made is gone: the link then answers 404.
"""

from __future__ import annotations

import anyio.to_thread
from starlette.requests import Request
from starlette.responses import FileResponse, Response
from starlette.routing import Route

from gongkit.errors import Forbidden, NotFound
from gongkit.media import MediaStore
from gongkit.server.context import AppState
from gongkit.services.calls import MediaFile, MediaLinkInvalid, find_media, verify_media_token


def routes(state: AppState) -> list[Route]:
    store = MediaStore(state.settings.media_dir)

    def lookup(company_id: int, media_id: int) -> MediaFile | None:
        with state.db.read() as conn:
            return find_media(conn, company_id, media_id)

    async def download(request: Request) -> Response:
        try:
            company_id, media_id = verify_media_token(
                state.secret, str(request.path_params["token"]), state.clock.now_ms()
            )
        except MediaLinkInvalid as exc:
            raise Forbidden(str(exc)) from None
        found = await anyio.to_thread.run_sync(lookup, company_id, media_id)
        if found is None or not store.exists(found.storage_key):
            raise NotFound("Media not found")
        return FileResponse(store.path(found.storage_key), media_type=found.content_type)

    return [Route("/media/{token}", download, methods=["GET"])]
