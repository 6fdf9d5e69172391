"""Request models of the flows group (Gong Engage flows and their prospects)."""

from __future__ import annotations

from typing import Annotated

from pydantic import Field, field_validator

from gongkit.kernel.wire import NonEmpty, Text, WireId, WireModel

#: Prospects one assignment may carry: Gong's 2024 contract and the seed action state 200 (the 2026 contract's
#: prose says 100 for both assignment operations; the larger, longer-standing figure is kept for the plain one).
MAX_ASSIGN = 200
#: Prospects one cool-off-override assignment may carry (the 2026 contract, which introduced it).
MAX_ASSIGN_COOL_OFF_OVERRIDE = 100
#: Flow instances one unassignment may remove (the contract's prose).
MAX_UNASSIGN = 200
#: Prospects one lookup of assigned flows may name (the contract states no limit; this keeps a request bounded).
MAX_LOOKUP = 1_000
MAX_OVERRIDES = 100
#: A CRM id as a client sends it (Salesforce ids are 15 or 18 characters; other CRMs' are longer).
CrmId = Annotated[str, Field(min_length=1, max_length=200)]


def _unique(values: list[str]) -> list[str]:
    return list(dict.fromkeys(values))


class ProspectsFlowsRequest(WireModel):
    """Gong's ``ProspectsAssignedFlowsRequestV2``."""

    crmProspectsIds: Annotated[list[CrmId], Field(min_length=1, max_length=MAX_LOOKUP)]

    @field_validator("crmProspectsIds")
    @classmethod
    def _dedupe(cls, v: list[str]) -> list[str]:
        return _unique(v)


class StepOverride(WireModel):
    """Gong's ``PublicApiStepContentOverride``: new subject and body of one step."""

    number: Annotated[int, Field(ge=1)]
    subject: Text | None = None
    body: Text | None = None


class VariableOverride(WireModel):
    """Gong's ``PublicApiVariableValueOverride``."""

    name: NonEmpty
    value: Text


class AssignOverrides(WireModel):
    """Gong's ``AssignOverrides`` (in beta at Gong): kept with the flow instance."""

    steps: Annotated[list[StepOverride], Field(max_length=MAX_OVERRIDES)] | None = None
    flowInstanceVariables: Annotated[list[VariableOverride], Field(max_length=MAX_OVERRIDES)] | None = None
    coolOffOverride: bool | None = None


class AssignRequest(WireModel):
    """Gong's ``AssignFlowRequestV2``; the prospect limit is checked by the operation (it differs between the two
    assignment operations)."""

    crmProspectsIds: Annotated[list[CrmId], Field(min_length=1, max_length=MAX_ASSIGN)]
    flowId: WireId
    flowInstanceOwnerEmail: NonEmpty
    overrides: AssignOverrides | None = None
    flowInstanceDescription: Text | None = None

    @field_validator("crmProspectsIds")
    @classmethod
    def _dedupe(cls, v: list[str]) -> list[str]:
        return _unique(v)


class UnassignByCrmIdRequest(WireModel):
    """Gong's ``UnassignProspectFlowsRequest``: one prospect, from one flow or from all of them."""

    crmProspectId: CrmId
    flowId: WireId | None = None
    unassignedByUserEmail: NonEmpty | None = None


class UnassignByInstanceIdRequest(WireModel):
    """Gong's ``UnassignFlowsRequest``."""

    flowInstanceIds: Annotated[list[WireId], Field(min_length=1, max_length=MAX_UNASSIGN)]
    unassignedByUserEmail: NonEmpty | None = None
