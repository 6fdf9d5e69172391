"""The coaching group: ``client.coaching``.

=================================================  =====================  ===============================
method                                             Gong operation         returns
=================================================  =====================  ===============================
``metrics(workspace_id, manager_id, from_, to)``   ``GET /v2/coaching``   ``list`` of :class:`CoachingData`
=================================================  =====================  ===============================
"""

from __future__ import annotations

from gongkit.sdk._resource import AsyncAPIResource
from gongkit.sdk._utils import DateTimeInput, format_datetime
from gongkit.types.coaching import CoachingData

__all__ = ["AsyncCoaching"]


class AsyncCoaching(AsyncAPIResource):
    """Coaching metrics of a manager's direct reports."""

    async def metrics(
        self, workspace_id: str | int, manager_id: str | int, from_: DateTimeInput, to: DateTimeInput
    ) -> list[CoachingData]:
        """What the manager did to coach each direct report in ``[from_, to)`` in the workspace (one answer)."""
        body = await self._client.request(
            "GET",
            "/v2/coaching",
            params={
                "workspace-id": str(workspace_id),
                "manager-id": str(manager_id),
                "from": format_datetime(from_),
                "to": format_datetime(to),
            },
        )
        return [CoachingData.model_validate(item) for item in body.get("coachingData") or []]
