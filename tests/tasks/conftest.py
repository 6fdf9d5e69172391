"""The tasks tests use the Engage world of the flows tests."""

from tests.flows.conftest import world

__all__ = ["world"]
