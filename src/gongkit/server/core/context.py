"""What a route sees: the parsed request, who is calling, and the app's shared state."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, TypeVar

import anyio
import anyio.to_thread
import orjson
from pydantic import BaseModel, ValidationError
from sqlalchemy import Connection
from starlette.requests import Request
from starlette.types import Scope

from gongkit.db import Database
from gongkit.db.paging import CursorCodec, PageQuery, query_fingerprint
from gongkit.kernel.clock import Clock, DateTimeError, parse_datetime_ms
from gongkit.kernel.config import ServerSettings
from gongkit.kernel.errors import Forbidden, InvalidRequest, Unauthenticated
from gongkit.kernel.ids import new_request_id
from gongkit.server.core.auth import Authenticator, Principal
from gongkit.server.core.ratelimit import RateLimiter
from gongkit.spec import Operation

M = TypeVar("M", bound=BaseModel)
T = TypeVar("T")


#: How many threads do database work at once, per engine. A SQLite read is the interpreter's own work (the
#: store is local): two threads keep one slow read from holding up the rest, and more only contend for the GIL
#: (a page of ``/v2/calls/extensive`` takes 10 ms alone, 15 ms with two threads at work and 21 ms with four).
#: A PostgreSQL thread mostly waits for the server, without the GIL.
DB_THREADS = {"sqlite": 2, "postgresql": 4}


@dataclass
class AppState:
    settings: ServerSettings
    db: Database
    clock: Clock
    limiter: RateLimiter
    auth: Authenticator
    codec: CursorCodec
    secret: bytes
    extras: dict[str, Any] = field(default_factory=dict)  # per-group singletons (e.g. the erasure worker)
    # Database work runs on a few threads (:data:`DB_THREADS`): more would only queue for the GIL and the pool.
    db_threads: anyio.CapacityLimiter = field(init=False)
    # SQLite only: the connection the event loop reads on (see read_direct), opened on first use.
    _loop_connection: Any = field(default=None, init=False, repr=False)

    def __post_init__(self) -> None:
        self.db_threads = anyio.CapacityLimiter(DB_THREADS["sqlite" if self.db.is_sqlite else "postgresql"])

    async def read_direct(self, fn: Callable[..., T], *args: Any, bounded: bool = False, **kwargs: Any) -> T:
        """Run ``fn(dbapi_connection, dialect, ...)`` in a read transaction, on the driver's own connection (for
        statements compiled once: :class:`gongkit.db.paging.CompiledStatement`).

        A ``bounded`` read is one statement (a keyset page, a lookup by key). On SQLite it is local work of a
        fraction of a millisecond that never waits for a writer (WAL): it runs on the event loop, on a connection
        the app keeps for that, because handing it to a thread and the pool costs more than the read; being one
        statement, it is its own read transaction. Any other read goes to the pool's threads.
        """
        dialect = self.db.engine.dialect
        if bounded and self.db.is_sqlite:
            conn = self._loop_connection
            if conn is None:
                conn = self._loop_connection = self.db.engine.raw_connection()
            return fn(conn.driver_connection, dialect, *args, **kwargs)

        def job(conn: Connection) -> T:
            return fn(conn.connection.dbapi_connection, dialect, *args, **kwargs)

        return await self.read(job)

    def close(self) -> None:
        """Give back the event loop's connections (when the app stops)."""
        if self._loop_connection is not None:
            self._loop_connection.close()
            self._loop_connection = None
        self.limiter.close()

    async def read(self, fn: Callable[..., T], *args: Any, **kwargs: Any) -> T:
        """Run ``fn(conn, ...)`` in a read transaction, on a thread of the bounded database pool."""

        def job() -> T:
            with self.db.read() as conn:
                return fn(conn, *args, **kwargs)

        return await anyio.to_thread.run_sync(job, limiter=self.db_threads)

    async def write(self, fn: Callable[..., T], *args: Any, **kwargs: Any) -> T:
        """Run ``fn(conn, ...)`` in one write transaction, on a thread of the bounded database pool: it commits
        when ``fn`` returns and rolls back when it raises."""

        def job() -> T:
            with self.db.write() as conn:
                return fn(conn, *args, **kwargs)

        return await anyio.to_thread.run_sync(job, limiter=self.db_threads)


def check_scope(principal: Principal, op: Operation, scope: str) -> None:
    """Refuse a Bearer token without ``scope``: 403, or 401 on the operations that declare only 401."""
    if not principal.has_scope(scope):
        cls = Forbidden if op.scope_failure_status == 403 else Unauthenticated
        raise cls(f"Access denied: this request needs the scope '{scope}'")


def request_id(scope: Scope) -> str:
    """The request's ``requestId``, made on first use and kept in the ASGI scope's state."""
    state = scope.setdefault("state", {})
    rid = state.get("request_id")
    if rid is None:
        rid = state["request_id"] = new_request_id()
    return str(rid)


def admin_principal(state: AppState, request: Request) -> Principal:
    """The calling company's administrator, for ``/admin/v1``: a Basic key of the company (in Gong's model, a
    technical administrator's credential), or a token with the ``gongkit:admin`` scope."""
    principal = state.auth.authenticate(request.headers.get("authorization"), state.clock.now_ms())
    if principal.kind != "basic" and not principal.has_scope("gongkit:admin"):
        raise Forbidden("Access denied: the admin API needs an access key (Basic) of the company")
    return principal


def describe_validation_error(exc: ValidationError, prefix: str = "") -> list[str]:
    """Pydantic's errors as Gong-style messages: ``field.path: what is wrong``."""
    out = []
    for err in exc.errors(include_url=False):
        loc = ".".join(str(p) for p in err["loc"] if p != "__root__")
        where = f"{prefix}{loc}" if loc else (prefix.rstrip(".") or "body")
        msg = err["msg"]
        if err["type"] == "missing":
            msg = "is required"
        out.append(f"{where}: {msg}")
    return out


class Ctx:
    """One request to one operation."""

    __slots__ = ("op", "principal", "request", "request_id", "state")

    def __init__(self, request: Request, state: AppState, op: Operation, principal: Principal, request_id: str) -> None:
        self.request = request
        self.state = state
        self.op = op
        self.principal = principal
        self.request_id = request_id

    @property
    def company_id(self) -> int:
        return self.principal.company_id

    @property
    def db(self) -> Database:
        return self.state.db

    @property
    def clock(self) -> Clock:
        return self.state.clock

    def path_param(self, name: str) -> str:
        return str(self.request.path_params[name])

    def query(self, name: str) -> str | None:
        value = self.request.query_params.get(name)
        if value is None:
            return None
        value = value.strip()
        return value or None

    def require_query(self, name: str) -> str:
        value = self.query(name)
        if value is None:
            raise InvalidRequest(f"{name}: is required")
        return value

    def query_datetime_ms(self, name: str, *, required: bool = False) -> int | None:
        value = self.require_query(name) if required else self.query(name)
        if value is None:
            return None
        try:
            return parse_datetime_ms(value)
        except DateTimeError as exc:
            raise InvalidRequest(f"{name}: {exc}") from None

    def query_bool(self, name: str, default: bool = False) -> bool:
        value = self.query(name)
        if value is None:
            return default
        low = value.lower()
        if low in ("true", "1", "yes"):
            return True
        if low in ("false", "0", "no"):
            return False
        raise InvalidRequest(f"{name}: must be true or false")

    def require_scope(self, scope: str) -> None:
        """A scope beyond the operation's own (e.g. media links in ``/v2/calls/extensive``)."""
        check_scope(self.principal, self.op, scope)

    async def json(self, model: type[M], *, optional: bool = False) -> M:
        """The JSON body validated into ``model``; a clear 400 otherwise. (Its size is limited as it arrives, by
        :class:`gongkit.server.core.limits.BodyLimitMiddleware`.)"""
        body = await self.request.body()
        if not body.strip():
            if optional:
                return model.model_validate({})
            raise InvalidRequest("Request body is required (JSON)")
        try:
            data = orjson.loads(body)
        except orjson.JSONDecodeError as exc:
            raise InvalidRequest(f"Malformed JSON body: {exc}") from None
        if not isinstance(data, dict):
            raise InvalidRequest("Request body must be a JSON object")
        try:
            return model.model_validate(data)
        except ValidationError as exc:
            raise InvalidRequest(*describe_validation_error(exc)) from None

    def page_query(self, params: Any, cursor: str | None) -> PageQuery:
        return PageQuery(
            codec=self.state.codec,
            company_id=self.company_id,
            fingerprint=query_fingerprint(self.op.operation_id, params),
            cursor=cursor,
            page_size=self.principal.limits.page_size,
        )

    async def read_direct(self, fn: Callable[..., T], *args: Any, bounded: bool = False, **kwargs: Any) -> T:
        """Run ``fn(dbapi_connection, dialect, ...)`` in a read transaction on the driver's connection
        (:meth:`AppState.read_direct`)."""
        return await self.state.read_direct(fn, *args, bounded=bounded, **kwargs)

    async def read_bounded(self, fn: Callable[..., T], *args: Any, **kwargs: Any) -> T:
        """Run a small, bounded read (a keyset page, a lookup by key) in a read transaction.

        On SQLite such a read is local work of a fraction of a millisecond that never waits for a writer (WAL),
        so it runs on the event loop: handing it to a thread costs more than the read, and the threads then
        queue for the GIL. Elsewhere (a network round trip) it goes to a worker thread.
        """
        if self.db.is_sqlite:
            with self.db.read() as conn:
                return fn(conn, *args, **kwargs)
        return await self.read(fn, *args, **kwargs)

    async def read(self, fn: Callable[..., T], *args: Any, **kwargs: Any) -> T:
        """Run ``fn(conn, ...)`` in a read transaction on the bounded database pool."""
        return await self.state.read(fn, *args, **kwargs)

    async def write(self, fn: Callable[..., T], *args: Any, **kwargs: Any) -> T:
        """Run ``fn(conn, ...)`` in one write transaction on the bounded database pool."""
        return await self.state.write(fn, *args, **kwargs)


def model_params(model: BaseModel) -> Any:
    """The inputs of a request model other than its cursor, in a canonical form (for cursor binding)."""
    data = model.model_dump(mode="json", exclude_none=True)
    data.pop("cursor", None)
    return data
