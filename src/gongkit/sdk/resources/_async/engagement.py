"""The engagement group (engagement events and digital interactions): ``client.engagement``.

=================================  ============================================  ==================================
method                             Gong operation                                returns
=================================  ============================================  ==================================
``custom_action(event)``           ``PUT /v2/customer-engagement/action``        :class:`EngagementEventResponse`
``content_shared(event)``          ``PUT /v2/customer-engagement/content/shared``  :class:`EngagementEventResponse`
``content_viewed(event)``          ``PUT /v2/customer-engagement/content/viewed``  :class:`EngagementEventResponse`
``digital_interaction(event)``     ``POST /v2/digital-interaction``              :class:`DigitalInteractionResponse`
=================================  ============================================  ==================================

An event is reported once: reporting the same ``eventId`` again from the same system is a 409
(:class:`~gongkit.sdk.errors.ConflictError`). The events are what a data-privacy lookup reports as
``customerEngagement``.
"""

from __future__ import annotations

from gongkit.sdk._resource import AsyncAPIResource
from gongkit.sdk._utils import dump_model
from gongkit.types.engagement import (
    ContentSharedEvent,
    ContentViewedEvent,
    CustomActionEvent,
    DigitalInteraction,
    DigitalInteractionResponse,
    EngagementEventResponse,
)

__all__ = ["AsyncEngagement"]


class AsyncEngagement(AsyncAPIResource):
    """Report what people outside the company do with content: views, shares, custom actions, web interactions."""

    async def custom_action(self, event: CustomActionEvent) -> EngagementEventResponse:
        """Report a custom action (``customAction``), e.g. a contract signed."""
        body = await self._client.request("PUT", "/v2/customer-engagement/action", json=dump_model(event))
        return EngagementEventResponse.model_validate(body)

    async def content_shared(self, event: ContentSharedEvent) -> EngagementEventResponse:
        """Report content shared with people outside the company (``contentShared``)."""
        body = await self._client.request("PUT", "/v2/customer-engagement/content/shared", json=dump_model(event))
        return EngagementEventResponse.model_validate(body)

    async def content_viewed(self, event: ContentViewedEvent) -> EngagementEventResponse:
        """Report content viewed by someone outside the company (``contentViewed``)."""
        body = await self._client.request("PUT", "/v2/customer-engagement/content/viewed", json=dump_model(event))
        return EngagementEventResponse.model_validate(body)

    async def digital_interaction(self, event: DigitalInteraction) -> DigitalInteractionResponse:
        """Report a digital interaction (``addDigitalInteraction``)."""
        body = await self._client.request("POST", "/v2/digital-interaction", json=dump_model(event))
        return DigitalInteractionResponse.model_validate(body)
