"""Models of the tasks group (``client.tasks``): Gong Engage tasks; and the call outcomes of the Dialer, listed by
``client.calls.outcomes()``."""

from __future__ import annotations

from datetime import datetime
from typing import Literal

from pydantic import Field

from gongkit.types.common import GongModel

TaskStatus = Literal["OPEN", "DONE", "DISMISSED"]
TaskType = Literal["FLOW", "MANUAL"]
TaskAction = Literal["CALL"]


class TaskAccount(GongModel):
    """The CRM account of a task (``AccountDto``)."""

    crmId: str | None = None
    name: str | None = None
    crmUrl: str | None = None


class TaskOpportunity(GongModel):
    """The CRM deal of a task (``OpportunityDto``)."""

    crmId: str | None = None
    name: str | None = None
    crmUrl: str | None = None
    status: str | None = None
    stage: str | None = None
    amount: str | None = None
    probability: str | None = None
    closeDate: str | None = None


class TaskFlowStep(GongModel):
    """The flow step a task is for (``StepDto``); ``stepNumber`` 1 is the first step."""

    id: int | None = None
    name: str | None = None
    stepNumber: int | None = None


class TaskFlow(GongModel):
    """The flow a task belongs to (``FlowDto``)."""

    id: int | None = None
    name: str | None = None
    step: TaskFlowStep | None = None


class ContactEmail(GongModel):
    email: str | None = None


class ContactPhone(GongModel):
    """A contact's phone number (``PersonPhoneDto``)."""

    raw: str | None = None
    extension: str | None = None
    countryCode: int | None = None
    normalized: str | None = None
    label: str | None = None
    isVerified: bool | None = None


class ContactData(GongModel):
    """What the CRM holds about a task's contact (``ContactCrmData``)."""

    firstName: str | None = None
    lastName: str | None = None
    crmUrl: str | None = None
    companyName: str | None = None
    affiliation: str | None = None
    emails: list[ContactEmail] | None = None
    title: str | None = None
    timezone: str | None = None
    phoneNumbers: list[ContactPhone] | None = None
    city: str | None = None
    country: str | None = None
    state: str | None = None
    zipcode: str | None = None
    optOutChannels: list[str] | None = None
    linkedinProfile: str | None = None


class TaskContact(GongModel):
    """The CRM contact or lead a task is about (``ContactDto``): ``type`` is ``CONTACT`` or ``LEAD``."""

    crmId: str | None = None
    type: str | None = None
    data: ContactData | None = None


class TaskPriority(GongModel):
    """A task's priority (``Priority``): a higher ``weight`` is more important."""

    id: int | None = None
    name: str | None = None
    weight: int | None = None


class Task(GongModel):
    """An Engage task (``ReminderDataDto``). Ids are numbers here, as Gong's contract declares them."""

    id: int
    userId: int | None = None
    created: datetime | None = None
    updated: datetime | None = None
    status: str | None = None
    type: str | None = None
    actions: list[str] | None = None
    account: TaskAccount | None = None
    opportunity: TaskOpportunity | None = None
    dueDate: datetime | None = None
    flow: TaskFlow | None = None
    contact: TaskContact | None = None
    additionalContacts: list[TaskContact] | None = None
    title: str | None = None
    priority: TaskPriority | None = None


class UserTasks(GongModel):
    """A user's tasks (``UserRemindersResponse``), with the company's CRM type when known."""

    requestId: str | None = None
    tasks: list[Task] = Field(default_factory=list)
    crmType: str | None = None


class CallOutcomeOption(GongModel):
    """One call outcome a rep can pick at the end of a call (``CallOutcomeDto``), as set up in the Dialer."""

    callOutcome: str | None = None
    displayOrder: int | None = None
    connectStatus: str | None = None
    sentiment: str | None = None
    todoAction: str | None = None
    automation: str | None = None
    category: str | None = None
