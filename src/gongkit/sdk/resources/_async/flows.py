"""The flows group: ``client.flows`` (Gong Engage flows).

=========================================  ===========================================================  ============================
method                                     Gong operation                                               returns
=========================================  ===========================================================  ============================
``list(flow_owner_email, ...)``            ``GET /v2/flows`` (listFlows)                                pager of :class:`Flow`
``folders(flow_folder_owner_email, ...)``  ``GET /v2/flows/folders`` (listFlowsFolders)                 pager of :class:`Flow`
``for_prospects(crm_prospect_ids)``        ``POST /v2/flows/prospects`` (getFlowsForProspects)          ``list`` of :class:`AssignedFlow`
``assign(...)``                            ``POST /v2/flows/prospects/assign`` (assignProspects)        :class:`AssignResult`
``assign_cool_off_override(...)``          ``POST .../assign/cool-off-override``                        :class:`AssignResult`
``unassign(crm_prospect_id, ...)``         ``POST .../unassign-flows-by-crm-id``                        ``list`` of flow instance ids
``unassign_instances(flow_instance_ids)``  ``POST .../unassign-flows-by-instance-id``                   ``list`` of flow instance ids
=========================================  ===========================================================  ============================

A user sees the company's flows, their own personal flows and the flows shared with them. Assignment succeeds or
fails per prospect: read ``prospectsNotAssigned`` of the result.
"""

from __future__ import annotations

import builtins
from collections.abc import Iterable
from typing import Any

from gongkit.sdk._async.pager import AsyncPager
from gongkit.sdk._resource import AsyncAPIResource
from gongkit.sdk._utils import drop_none, dump_model, id_list
from gongkit.types.flows import AssignedFlow, AssignOverrides, AssignResult, Flow

__all__ = ["AsyncFlows"]

Ids = str | int | Iterable[str | int]


def _assign_body(
    flow_id: str | int,
    crm_prospect_ids: Iterable[str],
    flow_instance_owner_email: str,
    overrides: AssignOverrides | None,
    flow_instance_description: str | None,
) -> dict[str, Any]:
    return drop_none(
        {
            "flowId": str(flow_id),
            "crmProspectsIds": list(dict.fromkeys(crm_prospect_ids)),
            "flowInstanceOwnerEmail": flow_instance_owner_email,
            "overrides": None if overrides is None else dump_model(overrides),
            "flowInstanceDescription": flow_instance_description,
        }
    )


def _instance_ids(body: dict[str, Any]) -> builtins.list[str]:
    return [str(i) for i in body.get("unassignedFlowInstanceIds") or []]


class AsyncFlows(AsyncAPIResource):
    """Engage flows: list flows and folders, see which flows prospects are in, assign and unassign them."""

    def list(
        self,
        flow_owner_email: str,
        *,
        workspace_id: str | int | None = None,
        folder_id: str | int | None = None,
        cursor: str | None = None,
    ) -> AsyncPager[Flow]:
        """The company's flows, with the personal flows of ``flow_owner_email`` and the flows shared with them."""
        params = {"flowOwnerEmail": flow_owner_email, "workspaceId": workspace_id, "folderId": folder_id}
        return self._client._paginate("GET", "/v2/flows", item_key="flows", model=Flow, params=params, cursor=cursor)

    def folders(
        self,
        flow_folder_owner_email: str,
        *,
        parent_id: str | int | None = None,
        workspace_id: str | int | None = None,
        cursor: str | None = None,
    ) -> AsyncPager[Flow]:
        """The flow folders ``flow_folder_owner_email`` sees; with ``parent_id``, that folder and its children."""
        params = {"flowFolderOwnerEmail": flow_folder_owner_email, "parentId": parent_id, "workspaceId": workspace_id}
        return self._client._paginate(
            "GET", "/v2/flows/folders", item_key="flows", model=Flow, params=params, cursor=cursor
        )

    async def for_prospects(self, crm_prospect_ids: Iterable[str]) -> builtins.list[AssignedFlow]:
        """The flow instances the prospects (CRM ids of contacts or leads) are in."""
        body = await self._client.request(
            "POST", "/v2/flows/prospects", json={"crmProspectsIds": list(dict.fromkeys(crm_prospect_ids))}
        )
        return [AssignedFlow.model_validate(x) for x in body.get("prospectsAssigned") or []]

    async def assign(
        self,
        flow_id: str | int,
        crm_prospect_ids: Iterable[str],
        flow_instance_owner_email: str,
        *,
        overrides: AssignOverrides | None = None,
        flow_instance_description: str | None = None,
    ) -> AssignResult:
        """Assign prospects (at most 200) to a flow; ``flow_instance_owner_email``'s user owns their to-dos."""
        json = _assign_body(flow_id, crm_prospect_ids, flow_instance_owner_email, overrides, flow_instance_description)
        return AssignResult.model_validate(await self._client.request("POST", "/v2/flows/prospects/assign", json=json))

    async def assign_cool_off_override(
        self,
        flow_id: str | int,
        crm_prospect_ids: Iterable[str],
        flow_instance_owner_email: str,
        *,
        overrides: AssignOverrides | None = None,
        flow_instance_description: str | None = None,
    ) -> AssignResult:
        """:meth:`assign`, regardless of the prospects' cool-off periods (at most 100 prospects)."""
        json = _assign_body(flow_id, crm_prospect_ids, flow_instance_owner_email, overrides, flow_instance_description)
        body = await self._client.request("POST", "/v2/flows/prospects/assign/cool-off-override", json=json)
        return AssignResult.model_validate(body)

    async def unassign(
        self,
        crm_prospect_id: str,
        *,
        flow_id: str | int | None = None,
        unassigned_by_user_email: str | None = None,
    ) -> builtins.list[str]:
        """Take a prospect out of one flow (``flow_id``) or of every flow; returns the flow instances ended."""
        json = drop_none(
            {
                "crmProspectId": crm_prospect_id,
                "flowId": None if flow_id is None else str(flow_id),
                "unassignedByUserEmail": unassigned_by_user_email,
            }
        )
        return _instance_ids(
            await self._client.request("POST", "/v2/flows/prospects/unassign-flows-by-crm-id", json=json)
        )

    async def unassign_instances(
        self, flow_instance_ids: Ids, *, unassigned_by_user_email: str | None = None
    ) -> builtins.list[str]:
        """End flow instances (at most 200); returns those ended (an id that could not be is left out)."""
        json = drop_none(
            {"flowInstanceIds": id_list(flow_instance_ids), "unassignedByUserEmail": unassigned_by_user_email}
        )
        return _instance_ids(
            await self._client.request("POST", "/v2/flows/prospects/unassign-flows-by-instance-id", json=json)
        )
