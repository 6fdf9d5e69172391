"""People: workspaces, users (a management tree, avatars, settings) and the history of their settings."""

from __future__ import annotations

from typing import Any

from gongkit.demo.addresses import local_part, new_phone, slugify
from gongkit.demo.records import User
from gongkit.demo.seeded import B62, DAY_MS, K_USER, K_WORKSPACE, REFERENCE_MS, meet_code, rand_str
from gongkit.demo.state import State
from gongkit.demo.vocabulary import FIRST, LAST, WORKSPACE_NAMES


def gen_workspaces(g: State) -> None:
    """The workspaces; the first is the default."""
    n = g.size.workspaces
    for i in range(n):
        base, desc = WORKSPACE_NAMES[i % len(WORKSPACE_NAMES)]
        wname = base if i < len(WORKSPACE_NAMES) else f"{base} {i // len(WORKSPACE_NAMES) + 1}"
        wid = g.ids(K_WORKSPACE, i)
        g.workspace_ids.append(wid)
        g.w.rows["workspaces"].append(
            {"id": wid, "company_id": g.cid, "name": wname, "description": desc, "is_default": i == 0}
        )
    g.w.flush()
    g.report("workspaces", n, n)


def gen_users(g: State) -> None:
    """Users (a CRO, managers, their teams, Gong avatars), with their settings and the settings' history."""
    rng = g.rng("users")
    n = g.size.users
    n_avatars = 2 if n >= 8 else 1
    humans = n - n_avatars
    n_managers = max(1, round(humans / 7))
    team_cycle = ("AE", "CSM", "SDR", "PARTNER")
    ws = g.workspace_ids
    team_ws = {"AE": 0, "CSM": 1, "SDR": 0, "PARTNER": 2}
    users: list[User] = []
    manager_team: list[tuple[User, str]] = []
    span = REFERENCE_MS - g.window_start
    for i in range(humans):
        first, last = rng.choice(FIRST), rng.choice(LAST)
        email = g.unique_email(local_part(first, last), g.domain)
        start = g.company_created + rng.randrange(g.window_start - g.company_created)
        end = REFERENCE_MS
        if i == 0:
            title, team, manager, wsi = "Chief Revenue Officer", "CRO", None, 0
        elif i <= n_managers:
            team = team_cycle[(i - 1) % len(team_cycle)]
            title = {
                "AE": "Regional Sales Director",
                "CSM": "Director of Customer Success",
                "SDR": "Sales Development Manager",
                "PARTNER": "Head of Partnerships",
            }[team]
            wsi = team_ws[team]
            if team == "AE" and i > 1 and len(ws) > 3:
                wsi = 3 + (i // len(team_cycle)) % (len(ws) - 3)
            manager = users[0].id
        else:
            boss, boss_team = manager_team[(i - n_managers - 1) % len(manager_team)]
            team = boss_team
            if team == "AE" and rng.random() < 0.25:
                team, title = "SE", "Solutions Engineer"
            else:
                title = rng.choice(
                    {
                        "AE": ("Account Executive", "Senior Account Executive", "Enterprise Account Executive"),
                        "CSM": ("Customer Success Manager", "Onboarding Specialist"),
                        "SDR": ("Sales Development Representative",),
                        "PARTNER": ("Partner Manager",),
                    }[boss_team]
                )
            manager = boss.id
            wsi = next(j for j, w in enumerate(ws) if w == boss.workspace_id)
            r = rng.random()
            if r < 0.08:  # left the company
                end = g.window_start + int(span * (0.3 + 0.5 * rng.random()))
            elif r < 0.18:  # joined during the window
                start = g.window_start + int(span * (0.2 + 0.5 * rng.random()))
        user = User(
            id=g.ids(K_USER, i),
            first=first,
            last=last,
            email=email,
            title=title,
            team=team,
            workspace_id=ws[min(wsi, len(ws) - 1)],
            manager_id=manager,
            phone=new_phone(rng, "US", g.used_phones),
            start_ms=start,
            end_ms=end,
        )
        users.append(user)
        if team != "CRO" and i <= n_managers:
            user.team = "MANAGER"
            manager_team.append((user, team))
    for k in range(n_avatars):
        label = ("Support", "Customer Success")[k % 2]
        local = f"{slugify(label, '-')}-{slugify(g.company, '')}{'' if k < 2 else k}"
        users.append(
            User(
                id=g.ids(K_USER, humans + k),
                first="Gong",
                last=label,
                email=f"{local}@gong.io",
                title=f"Gong {label}",
                team="AVATAR",
                workspace_id=ws[0],
                manager_id=None,
                phone=None,
                start_ms=g.company_created,
                end_ms=g.company_created,
            )
        )
    g.users = users
    rows = g.w.rows["users"]
    hist = g.w.rows["user_settings_history"]
    slug = slugify(g.company, "-")
    for user in users:
        avatar = user.team == "AVATAR"
        active = avatar or user.end_ms == REFERENCE_MS
        settings = {
            "webConferencesRecorded": not avatar and rng.random() < 0.92,
            "preventWebConferenceRecording": not avatar and rng.random() < 0.04,
            "telephonyCallsImported": user.team in ("AE", "SDR", "CSM", "SE"),
            "emailsImported": not avatar and rng.random() < 0.9,
            "preventEmailImport": not avatar and rng.random() < 0.04,
            "nonRecordedMeetingsImported": not avatar and rng.random() < 0.8,
            "gongConnectEnabled": not avatar and rng.random() < 0.7,
        }
        local = user.email.split("@", 1)[0]
        aliases = (
            [f"{user.first[0].lower()}{slugify(user.last, '')}@{g.domain}"] if not avatar and rng.random() < 0.3 else []
        )
        if not avatar and rng.random() < 0.2:
            aliases.append(f"{local}@{slugify(g.company, '-')}.io")
        langs: list[dict[str, Any]] = [] if avatar else [{"language": "en-US", "primary": True}]
        if not avatar and rng.random() < 0.2:
            langs.append({"language": rng.choice(("es-ES", "fr-FR", "de-DE")), "primary": False})
        rows.append(
            {
                "id": user.id,
                "company_id": g.cid,
                "email_address": user.email,
                "created_ms": user.start_ms,
                "active": active,
                "email_aliases": aliases,
                "trusted_email_address": None if avatar or rng.random() < 0.1 else user.email,
                "first_name": user.first,
                "last_name": user.last,
                "title": user.title,
                "phone_number": user.phone.fmt(rng.choice((1, 1, 0, 5))) if user.phone else None,
                "extension": f"{rng.randrange(100, 1000)}" if not avatar and rng.random() < 0.3 else None,
                "personal_meeting_urls": []
                if avatar
                else [f"https://{g.zoom_host}/my/{local}"]
                + ([f"https://meet.google.com/{meet_code(rng)}"] if rng.random() < 0.3 else []),
                "settings": settings,
                "manager_id": user.manager_id,
                "meeting_consent_page_url": None
                if avatar
                else f"https://join.gong.io/{slug}/{local}?tkn={rand_str(rng, B62, 22)}",
                "spoken_languages": langs,
                "is_avatar": avatar,
            }
        )
        # History: every setting at creation, some toggled once and back, "active" off when they left.
        history = {**settings, "callsImported": settings["telephonyCallsImported"]}
        history.pop("telephonyCallsImported")
        for setting, value in [("active", True), *history.items()]:
            t0 = user.start_ms
            hist.append({"company_id": g.cid, "user_id": user.id, "setting": setting, "value": value, "time_ms": t0})
            if setting != "active" and not avatar and rng.random() < 0.25:
                t1 = t0 + rng.randrange(1, 200) * DAY_MS + rng.randrange(DAY_MS)
                t2 = t1 + rng.randrange(1, 60) * DAY_MS
                if t2 < min(user.end_ms, REFERENCE_MS):
                    hist.append(
                        {
                            "company_id": g.cid,
                            "user_id": user.id,
                            "setting": setting,
                            "value": not value,
                            "time_ms": t1,
                        }
                    )
                    hist.append(
                        {
                            "company_id": g.cid,
                            "user_id": user.id,
                            "setting": setting,
                            "value": value,
                            "time_ms": t2,
                        }
                    )
        if not active:
            hist.append(
                {
                    "company_id": g.cid,
                    "user_id": user.id,
                    "setting": "active",
                    "value": False,
                    "time_ms": user.end_ms,
                }
            )
    g.w.flush()
    g.report("users", len(users), len(users))
