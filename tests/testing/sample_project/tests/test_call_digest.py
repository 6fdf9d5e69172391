"""The sample project's own tests, against the gongkit plugin's fixtures."""

import asyncio

import pytest
from call_digest import calls_per_rep, customer_quotes, team_of


def test_calls_per_rep(gong, gong_seed):
    ana = gong_seed.user(emailAddress="ana@acme.example", firstName="Ana", lastName="Diaz")
    bo = gong_seed.user(emailAddress="bo@acme.example", firstName="Bo", lastName="Lund")
    for day in (6, 7):
        gong_seed.call(started=f"2025-01-0{day}T15:00:00Z", primaryUserId=ana)
    gong_seed.call(started="2025-01-08T15:00:00Z", primaryUserId=bo)
    gong_seed.call(started="2024-12-01T15:00:00Z", primaryUserId=bo)  # before the period

    assert calls_per_rep(gong, since="2025-01-01T00:00:00Z") == {"Ana Diaz": 2, "Bo Lund": 1}


def test_customer_quotes(async_gong, gong_seed):
    rep = gong_seed.user(emailAddress="rep@acme.example")
    call = gong_seed.call(
        started="2025-01-06T15:00:00Z",
        primaryUserId=rep,
        parties=[{"userId": rep, "speakerId": "1"}, {"name": "Maya Levin", "speakerId": "2"}],
        transcript=[
            {"speakerId": "1", "sentences": [{"start": 0, "end": 900, "text": "Shall we talk pricing?"}]},
            {"speakerId": "2", "sentences": [{"start": 1000, "end": 2000, "text": "Forty seats, please."}]},
        ],
    )

    async def main():
        async with async_gong:
            return await customer_quotes(async_gong, call)

    assert asyncio.run(main()) == ["Forty seats, please."]


@pytest.mark.gong_server("loopback")
def test_team_of_over_plain_http(gong_credentials, gong_seed):
    boss = gong_seed.user(emailAddress="boss@acme.example")
    gong_seed.user(emailAddress="ann@acme.example", managerId=boss)
    gong_seed.user(emailAddress="ben@acme.example", managerId=boss)
    gong_seed.user(emailAddress="solo@acme.example")

    team = team_of(gong_credentials.base_url, gong_credentials.auth, "boss@acme.example")
    assert team == ["ann@acme.example", "ben@acme.example"]
