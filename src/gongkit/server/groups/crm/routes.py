"""Routes of the crm group: the generic CRM integration (integrations, object schemas, uploads of objects and
their statuses, objects read back) and the calls associated with CRM objects by hand.

Uploads and the deletion of an integration are asynchronous: the request is recorded as a job, answered 201 with
its ``clientRequestId``, and run by the CRM worker (:mod:`.worker`), started with the app.
"""

from __future__ import annotations

import re
from collections.abc import Awaitable, Callable
from typing import Any

import anyio.to_thread
import orjson
from pydantic import ValidationError
from starlette.responses import Response

from gongkit.kernel.errors import InvalidRequest
from gongkit.kernel.wire import wire_id
from gongkit.server.core.context import AppState, Ctx, describe_validation_error
from gongkit.server.core.routing import handles
from gongkit.server.groups.crm import associations, integrations, jobs, objects, schema_fields, upload
from gongkit.server.groups.crm.jobs import CrmJobConfig
from gongkit.server.groups.crm.models import (
    MAX_ID_LIST,
    MAX_SCHEMA_FIELDS,
    OBJECT_TYPES,
    RegistrationIn,
    SchemaFieldIn,
    client_request_id_param,
    object_type_param,
)
from gongkit.server.groups.crm.worker import CrmWorker

WORKER = "crm_worker"
CONFIG = "crm_job_config"  # a CrmJobConfig put in AppState.extras before startup overrides the environment
UPLOADS_FOLDER = "crm-uploads"


def _integration_id(ctx: Ctx) -> int:
    return wire_id(ctx.require_query("integrationId"), "integrationId")


def _created(ctx: Ctx, body: dict[str, Any]) -> Response:
    """A 201 answer (for the operations whose contract declares 200 as well, the answer Gong documents)."""
    return Response(orjson.dumps({"requestId": ctx.request_id, **body}), 201, media_type="application/json")


def _wake(ctx: Ctx) -> None:
    running = ctx.state.extras.get(WORKER)
    if isinstance(running, CrmWorker):
        running.wake()


@handles("registerGenericCrmIntegration")
async def register_integration(ctx: Ctx) -> dict[str, Any]:
    body = await ctx.json(RegistrationIn)
    return await ctx.write(
        integrations.register, ctx.clock, company_id=ctx.company_id, name=body.name, owner_email=body.ownerEmail
    )


@handles("listGenericCrmIntegration")
async def list_integrations(ctx: Ctx) -> dict[str, Any]:
    return await ctx.read(integrations.list_integrations, company_id=ctx.company_id)


@handles("deleteGenericCrmIntegration")
async def delete_integration(ctx: Ctx) -> dict[str, Any]:
    integration_id = _integration_id(ctx)
    client_request_id = client_request_id_param(ctx.query("clientRequestId"))
    await ctx.write(
        jobs.record_deletion,
        ctx.clock,
        company_id=ctx.company_id,
        integration_id=integration_id,
        client_request_id=client_request_id,
    )
    _wake(ctx)
    return {"clientRequestId": client_request_id}


async def _schema_body(ctx: Ctx) -> list[SchemaFieldIn]:
    raw = await ctx.request.body()
    if not raw.strip():
        raise InvalidRequest("Request body is required (a JSON array of schema fields)")
    try:
        data = orjson.loads(raw)
    except orjson.JSONDecodeError as exc:
        raise InvalidRequest(f"Malformed JSON body: {exc}") from None
    if not isinstance(data, list):
        raise InvalidRequest("Request body must be a JSON array of schema fields")
    if len(data) > MAX_SCHEMA_FIELDS:
        raise InvalidRequest(f"body: a schema has at most {MAX_SCHEMA_FIELDS} fields")
    fields, errors = [], []
    for i, item in enumerate(data):
        try:
            fields.append(SchemaFieldIn.model_validate(item))
        except ValidationError as exc:
            errors += describe_validation_error(exc, prefix=f"[{i}].")
    if errors:
        raise InvalidRequest(*errors)
    return fields


@handles("uploadCrmSchemaField")
async def upload_schema(ctx: Ctx) -> Response:
    integration_id = _integration_id(ctx)
    object_type = object_type_param(ctx.query("objectType"))
    fields = await _schema_body(ctx)
    await ctx.write(
        schema_fields.upload_schema,
        company_id=ctx.company_id,
        integration_id=integration_id,
        object_type=object_type,
        fields=fields,
    )
    return _created(ctx, {})


@handles("listCrmSchemaFields")
async def list_schema(ctx: Ctx) -> dict[str, Any]:
    integration_id = _integration_id(ctx)
    given = ctx.query("objectType")
    object_type = None if given is None else object_type_param(given)
    return await ctx.read(
        schema_fields.list_schema, company_id=ctx.company_id, integration_id=integration_id, object_type=object_type
    )


def _type_from_filename(filename: str) -> str | None:
    """The object type a file is named after (``CONTACT.ldjson``, ``contacts.jsonl``), if any."""
    stem = re.sub(r"\.[A-Za-z0-9]+$", "", filename.rsplit("/", 1)[-1]).upper()
    for t in OBJECT_TYPES:
        if stem in (t, t + "S"):
            return t
    return None


@handles("uploadCrmData")
async def upload_data(ctx: Ctx) -> dict[str, Any]:
    """``POST /v2/crm/entities``: multipart ``dataFile`` (LDJSON) with ``integrationId``, ``objectType`` and
    ``clientRequestId`` in the query string, as the contract's prose describes (its schema declares none of them).

    The seed action of this operation can send only the file, so what it cannot say is taken as a user would
    expect: no ``integrationId`` means the company's one integration, no ``clientRequestId`` means this request's
    ``requestId`` (answered as the ``clientRequestId`` to poll), and no ``objectType`` means the type the file is
    named after (``CONTACT.ldjson``, ``deals.jsonl``).
    """
    given_type = ctx.query("objectType")
    object_type = None if given_type is None else object_type_param(given_type)
    given_id = ctx.query("clientRequestId")
    client_request_id = ctx.request_id if given_id is None else client_request_id_param(given_id)
    given_integration = ctx.query("integrationId")
    if given_integration is None:
        integration_id = await ctx.read(integrations.current, ctx.company_id)
    else:
        integration_id = wire_id(given_integration, "integrationId")
        await ctx.read(integrations.active, ctx.company_id, integration_id)
    await ctx.read(jobs.ensure_unused, ctx.company_id, client_request_id)  # before a byte of the file is read
    store = upload.UploadStore(ctx.state.settings.data_dir / UPLOADS_FOLDER)
    received = await upload.receive_data_file(
        ctx.request.stream(),
        ctx.request.headers.get("content-type"),
        store,
        ctx.state.settings.max_crm_upload_bytes,
        upload.MAX_LINE_BYTES,
    )
    try:
        object_type = object_type or _type_from_filename(received.filename)
        if object_type is None:
            raise InvalidRequest(
                f"objectType: is required: one of {', '.join(OBJECT_TYPES)} (or a dataFile named after it)"
            )
        key = await anyio.to_thread.run_sync(store.adopt, received.path)
    except Exception:
        await anyio.to_thread.run_sync(store.discard, received.path)
        raise
    try:
        await ctx.write(
            jobs.record_upload,
            ctx.clock,
            company_id=ctx.company_id,
            integration_id=integration_id,
            client_request_id=client_request_id,
            object_type=object_type,
            file_key=key,
        )
    except Exception:
        await anyio.to_thread.run_sync(store.remove, key)
        raise
    _wake(ctx)
    return {"clientRequestId": client_request_id}


async def _requested_ids(ctx: Ctx) -> list[str]:
    """``objectsCrmIds``: a JSON array body (the contract's prose), else the query (its declared parameter,
    repeated or comma-separated)."""
    raw = await ctx.request.body()
    if raw.strip():
        try:
            data = orjson.loads(raw)
        except orjson.JSONDecodeError as exc:
            raise InvalidRequest(f"Malformed JSON body: {exc}") from None
        if not isinstance(data, list) or not all(isinstance(v, str) for v in data):
            raise InvalidRequest("Request body must be a JSON array of CRM ids (strings)")
        ids = data
    else:
        ids = [p.strip() for v in ctx.request.query_params.getlist("objectsCrmIds") for p in v.split(",")]
        ids = [i for i in ids if i]
    if not ids:
        raise InvalidRequest("objectsCrmIds: is required (a JSON array of CRM ids in the body)")
    if len(ids) > MAX_ID_LIST:
        raise InvalidRequest(f"objectsCrmIds: at most {MAX_ID_LIST} ids")
    return ids


@handles("getCrmObjects")
async def get_objects(ctx: Ctx) -> dict[str, Any]:
    integration_id = _integration_id(ctx)
    object_type = object_type_param(ctx.query("objectType"))
    ids = await _requested_ids(ctx)
    return await ctx.read(
        objects.get_objects,
        company_id=ctx.company_id,
        integration_id=integration_id,
        object_type=object_type,
        ids=ids,
    )


@handles("getRequestStatus")
async def request_status(ctx: Ctx) -> dict[str, Any]:
    integration_id = _integration_id(ctx)
    client_request_id = client_request_id_param(ctx.query("clientRequestId"))
    return await ctx.read(
        jobs.request_status,
        company_id=ctx.company_id,
        integration_id=integration_id,
        client_request_id=client_request_id,
    )


@handles("listCRMCallsManualAssociation")
async def list_manual_associations(ctx: Ctx) -> dict[str, Any]:
    from_ms = ctx.query_datetime_ms("fromDateTime")
    page_query = ctx.page_query([from_ms], ctx.query("cursor"))
    return await ctx.read(associations.list_manual_associations, page_query, company_id=ctx.company_id, from_ms=from_ms)


async def startup(state: AppState) -> Callable[[], Awaitable[None]]:
    """Resumes unfinished CRM requests and runs new ones in a thread (``settings.crm_workers = 0``: no thread;
    ``worker.run_pending()`` then runs them on demand)."""
    config = state.extras.get(CONFIG)
    running = CrmWorker(
        state.db,
        upload.UploadStore(state.settings.data_dir / UPLOADS_FOLDER),
        state.clock,
        config if isinstance(config, CrmJobConfig) else CrmJobConfig.from_env(),
    )
    state.extras[WORKER] = running
    if state.settings.crm_workers > 0:
        running.start()

    async def stop() -> None:
        await anyio.to_thread.run_sync(running.stop)

    return stop
