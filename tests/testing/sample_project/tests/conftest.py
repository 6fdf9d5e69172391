"""The project's own fixtures, named as many projects name theirs: the plugin's gong_* fixtures sit beside them."""

import pytest


@pytest.fixture
def client():
    return "the project's client"


@pytest.fixture
def company():
    return "the project's company"


@pytest.fixture
def db():
    return "the project's db"
