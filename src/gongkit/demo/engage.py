"""Gong Engage: flow folders and flows of every visibility, prospects assigned to them, the reps' tasks, and the
Dialer's call outcomes.

Prospects are the company's contacts and leads other than the privacy subjects (random references never pick a
subject). Each is in at most one flow at a time; some left a flow recently, so that assigning them again meets
the flow's cool-off period. Instants sit around :data:`REFERENCE_MS` (the demo's "now").
"""

from __future__ import annotations

from typing import Any

from gongkit.demo.seeded import DAY_MS, REFERENCE_MS
from gongkit.demo.state import State

# id kinds of this module (beyond those of gongkit.demo.seeded)
K_FLOW_FOLDER, K_FLOW, K_FLOW_INSTANCE, K_TASK = 40, 41, 42, 43

#: Steps of each flow: (name, action); a flow starting with a call gives its prospects' owners a call task.
STEPS = {
    "cold": (
        ("Intro call", "CALL"),
        ("Intro e-mail", "EMAIL"),
        ("Connect on LinkedIn", "LINKEDIN"),
        ("Break-up call", "CALL"),
    ),
    "warm": (("Thank-you e-mail", "EMAIL"), ("Discovery call", "CALL"), ("Case study e-mail", "EMAIL")),
    "renewal": (("Renewal check-in call", "CALL"), ("Usage review e-mail", "EMAIL")),
}
#: (name, visibility, folder index or None, exclusive, cool-off days, steps); folder 3 is personal, 4 shared.
FLOWS = (
    ("Outbound: enterprise cold", "Company", 0, True, 30, "cold"),
    ("Outbound: mid-market", "Company", 0, False, 14, "cold"),
    ("Inbound: demo request follow-up", "Company", 1, False, 0, "warm"),
    ("Inbound: webinar attendees", "Company", 1, False, 7, "warm"),
    ("Renewal: 90 days out", "Company", 2, False, 0, "renewal"),
    ("My re-engagement", "Personal", 3, False, 0, "cold"),
    ("Trade show follow-up", "Shared", 4, False, 0, "warm"),
    ("Closed-lost nurture", "Company", None, True, 60, "warm"),
)
OUTCOMES = (
    ("Connected", "CONNECTED", "POSITIVE", "COMPLETE", None, "ANSWERED"),
    ("Meeting booked", "CONNECTED", "POSITIVE", "COMPLETE_AND_REMOVE", None, "ANSWERED"),
    ("Not interested", "CONNECTED", "NEGATIVE", "COMPLETE", None, "ANSWERED"),
    ("Do not call", "CONNECTED", "NEGATIVE", "COMPLETE_AND_REMOVE", "MARK_AS_OPT_OUT", "ANSWERED"),
    ("Gatekeeper", "CONNECTED", "NEUTRAL", "COMPLETE", None, "ANSWERED"),
    ("Left voicemail", "NOT_CONNECTED", "NEUTRAL", "COMPLETE", None, "NOT_ANSWERED"),
    ("No answer", "NOT_CONNECTED", "NEUTRAL", None, None, "NOT_ANSWERED"),
    ("Busy", "NOT_CONNECTED", "NEUTRAL", None, None, "NOT_ANSWERED"),
    ("Wrong number", "NOT_CONNECTED", "NEGATIVE", "COMPLETE_AND_REMOVE", None, "NOT_ANSWERED"),
)
MANUAL_TOPICS = ("pricing", "the security review", "next steps", "the pilot results", "contract terms")
PRIORITIES = (None, 1, 2, 3)


def gen_engage(g: State) -> None:
    """Folders, flows (with steps and shares), flow instances, tasks and call outcomes."""
    rng = g.rng("engage")
    w = g.w.rows
    humans = [u for u in g.users if u.team != "AVATAR"]
    reps = [u for u in humans if u.team in ("SDR", "AE")] or humans
    owner, partner = reps[0], (reps[1] if len(reps) > 1 else humans[-1])
    created = REFERENCE_MS - 400 * DAY_MS
    ws = g.workspace_ids[0] if g.workspace_ids else None
    folders = [
        ("Outbound", "Company", None, None),
        ("Inbound", "Company", None, None),
        ("Renewals", "Company", None, None),
        (f"{owner.first}'s sequences", "Personal", owner.id, 0),
        ("Enterprise team", "Shared", partner.id, 0),
    ]
    folder_ids = [g.ids.ordered(K_FLOW_FOLDER, n) for n in range(len(folders))]  # parents first, by id
    for n, (name, visibility, folder_owner, parent) in enumerate(folders):
        w["flow_folders"].append(
            {
                "id": folder_ids[n],
                "company_id": g.cid,
                "workspace_id": ws,
                "parent_id": None if parent is None else folder_ids[parent],
                "name": name,
                "visibility": visibility,
                "owner_id": folder_owner,
                "created_ms": created + n * DAY_MS,
            }
        )
    w["flow_folder_shares"].append({"folder_id": folder_ids[4], "user_id": owner.id})
    flows: list[tuple[int, bool, int, list[tuple[int, str]]]] = []  # (id, exclusive, cool-off, [(step id, action)])
    for n, (name, visibility, folder, exclusive, cool_off, kind) in enumerate(FLOWS):
        flow_id = g.ids(K_FLOW, n)
        flow_owner = owner.id if visibility == "Personal" else partner.id if visibility == "Shared" else None
        w["flows"].append(
            {
                "id": flow_id,
                "company_id": g.cid,
                "workspace_id": ws,
                "folder_id": None if folder is None else folder_ids[folder],
                "name": name,
                "visibility": visibility,
                "owner_id": flow_owner,
                "exclusive": exclusive,
                "cool_off_days": cool_off,
                "created_ms": created + (10 + n) * DAY_MS,
            }
        )
        if visibility == "Shared":
            w["flow_shares"].extend({"flow_id": flow_id, "user_id": u.id} for u in humans if u.id != partner.id)
        steps = []
        for number, (step_name, action) in enumerate(STEPS[kind], 1):
            step_id = g.ids(K_FLOW, 1000 + 10 * n + number)
            w["flow_steps"].append(
                {
                    "id": step_id,
                    "company_id": g.cid,
                    "flow_id": flow_id,
                    "number": number,
                    "name": step_name,
                    "action": action,
                }
            )
            steps.append((step_id, action))
        flows.append((flow_id, exclusive, cool_off, steps))

    prospects = [c for a in g.accounts for c in g.contacts(a)] + g.other_leads
    task_n = 0

    def task(user_id: int, **values: Any) -> None:
        nonlocal task_n
        task_n += 1
        made = REFERENCE_MS - rng.randrange(1, 30) * DAY_MS
        w["tasks"].append(
            {
                "id": g.ids(K_TASK, task_n),
                "company_id": g.cid,
                "user_id": user_id,
                "workspace_id": ws,
                "action": "CALL",
                "created_ms": made,
                "updated_ms": made,
                "due_ms": REFERENCE_MS + rng.randrange(-3, 8) * DAY_MS,
                "priority": rng.choice(PRIORITIES),
                **values,
            }
        )

    for n, person in enumerate(prospects[:40]):
        flow_id, _, cool_off, steps = flows[n % len(flows)]
        rep = reps[n % len(reps)] if flow_id != flows[5][0] else owner  # only the owner sees a personal flow
        started = REFERENCE_MS - rng.randrange(2, 60) * DAY_MS
        left = n % 5 == 4  # every fifth prospect left its flow a few days ago (a cool-off may still run)
        instance_id = g.ids(K_FLOW_INSTANCE, n)
        w["flow_instances"].append(
            {
                "id": instance_id,
                "company_id": g.cid,
                "flow_id": flow_id,
                "prospect_id": person.id,
                "owner_id": rep.id,
                "status": ("Running", "Running", "Running", "Paused", "Pending")[rng.randrange(5)],
                "description": None,
                "overrides": None,
                "created_ms": started,
                "ended_ms": REFERENCE_MS - rng.randrange(1, 5) * DAY_MS if left else None,
                "ended_by_id": rep.id if left else None,
            }
        )
        if not left and steps[0][1] == "CALL":
            task(
                rep.id,
                type="FLOW",
                status="OPEN",
                title=None,
                prospect_id=person.id,
                flow_instance_id=instance_id,
                step_id=steps[0][0],
            )
        elif steps[0][1] == "CALL":
            task(
                rep.id,
                type="FLOW",
                status="DONE",
                title=None,
                prospect_id=person.id,
                flow_instance_id=instance_id,
                step_id=steps[0][0],
            )
    for n, rep in enumerate(reps):
        for k in range(3):
            about = prospects[(7 * n + 3 * k) % len(prospects)] if prospects else None
            topic = MANUAL_TOPICS[(n + k) % len(MANUAL_TOPICS)]
            who = about.first if about else "the champion"
            task(
                rep.id,
                type="MANUAL",
                status=("OPEN", "OPEN", "DISMISSED")[k],
                title=f"Call {who} about {topic}",
                prospect_id=about.id if about else None,
                flow_instance_id=None,
                step_id=None,
            )
    for order, (name, connect, sentiment, todo, automation, category) in enumerate(OUTCOMES, 1):
        w["call_outcomes"].append(
            {
                "company_id": g.cid,
                "name": name,
                "display_order": order,
                "connect_status": connect,
                "sentiment": sentiment,
                "todo_action": todo,
                "automation": automation,
                "category": category,
            }
        )
    g.report("flows", len(FLOWS), len(FLOWS))
