"""Models of the flows group (``client.flows``): Gong Engage flows, folders and prospects' flow instances."""

from __future__ import annotations

from datetime import datetime
from typing import Literal

from pydantic import Field

from gongkit.types.common import GongModel

FlowVisibility = Literal["Company", "Personal", "Shared"]


class Flow(GongModel):
    """An Engage flow (``PublicApiFlow``). ``GET /v2/flows/folders`` answers folders in this shape too: the folder's
    own id and name, its parent folder as ``folderId``/``folderName``, and no ``exclusive``."""

    id: str
    name: str | None = None
    folderId: str | None = None
    folderName: str | None = None
    visibility: str | None = None
    creationDate: datetime | None = None
    exclusive: bool | None = None


class AssignedFlow(GongModel):
    """A prospect's flow instance (``PublicApiAssignedFlow``)."""

    flowId: str | None = None
    flowName: str | None = None
    crmProspectId: str | None = None
    flowInstanceId: str | None = None
    flowInstanceOwnerEmail: str | None = None
    flowInstanceOwnerFullName: str | None = None
    flowInstanceCreateDate: datetime | None = None
    flowInstanceStatus: str | None = None
    workspaceId: str | None = None
    exclusive: bool | None = None


class AssignFailure(GongModel):
    """A prospect that was not assigned (``AssignedFlowFailure``): ``errorCode`` is ``InvalidArgument``,
    ``InvalidState`` or ``UnexpectedError``."""

    flowId: str | None = None
    crmProspectId: str | None = None
    errorCode: str | None = None
    errorMessage: str | None = None


class AssignResult(GongModel):
    """What an assignment did (``AssignFlowResponse``): it succeeds or fails per prospect."""

    requestId: str | None = None
    prospectsAssigned: list[AssignedFlow] = Field(default_factory=list)
    prospectsNotAssigned: list[AssignFailure] = Field(default_factory=list)


class StepOverride(GongModel):
    """A new subject and body for one step of the flow (``PublicApiStepContentOverride``); the first step is 1."""

    number: int
    subject: str | None = None
    body: str | None = None


class VariableOverride(GongModel):
    """A new value of a flow variable (``PublicApiVariableValueOverride``)."""

    name: str
    value: str


class AssignOverrides(GongModel):
    """Overrides of an assignment (``AssignOverrides``, in beta at Gong)."""

    steps: list[StepOverride] | None = None
    flowInstanceVariables: list[VariableOverride] | None = None
    coolOffOverride: bool | None = None
