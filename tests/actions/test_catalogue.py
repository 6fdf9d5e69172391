"""The catalogue is the seeds': same names, same inputs (name, type, format, required, enum, description), each
input placed where the operation takes it."""

from __future__ import annotations

import importlib
import pkgutil
import re
from typing import Any

import jsonschema
import pytest

from gongkit.actions import Action, Param, all_actions, catalogue, get
from gongkit.spec import GROUPS, SPEC_FILES, load_spec, operation
from tests.actions.seeds import actions_002, all_names_002, declared_count_002, input_names_002, tools_004

ACTIONS = all_actions("action")
TOOLS = all_actions("tool")


def test_the_53_actions_of_seed_002() -> None:
    assert declared_count_002() == 53
    assert len(all_names_002()) == 53
    assert {a.name for a in ACTIONS} == all_names_002() == set(actions_002())


def test_the_18_tools_of_seed_004() -> None:
    seed = tools_004()
    assert len(seed) == 18
    assert len(TOOLS) == 18
    assert sorted(t.description for t in TOOLS) == sorted(t.description for t in seed)


def test_every_operation_exists_and_names_are_unique() -> None:
    names = [a.name for a in all_actions()]
    assert len(names) == len(set(names)) == 71
    for a in all_actions():
        assert operation(a.operation_id).operation_id == a.operation_id


def test_one_catalogue_module_per_resource_group() -> None:
    """Each module is named as a group of the operation catalogue and declares only that group's actions."""
    modules = [info.name for info in pkgutil.iter_modules(catalogue.__path__)]
    assert set(modules) <= set(GROUPS)
    for name in modules:
        declared = importlib.import_module(f"{catalogue.__name__}.{name}").ACTIONS
        # a served group the seed catalogue has no action for (tasks) declares an empty list
        assert {a.group for a in declared} == {name} or (declared == [] and name == "tasks")
    assert sum(len(importlib.import_module(f"{catalogue.__name__}.{n}").ACTIONS) for n in modules) == 71


# --- seed 002, input by input ---------------------------------------------------------------------------


def _render_002(params: tuple[Param, ...]) -> str:
    """The inputs written back the way the seed page writes them."""
    if not params:
        return "Sin parámetros."
    out = ""
    for i, p in enumerate(params):
        if i and not params[i - 1].enum:
            out += "\n"
        required = p.required if p.catalogue_required is None else p.catalogue_required
        out += p.name + p.type + (p.format or "") + ("Obligatorio" if required else "") + ("enum" if p.enum else "")
        out += p.description
        if p.enum:
            out += "\n" + "".join(p.enum)
    return out


@pytest.mark.parametrize("act", ACTIONS, ids=lambda a: a.name)
def test_action_matches_its_seed_entry(act: Action) -> None:
    seed = actions_002()[act.name]
    assert act.description == seed.description
    assert act.title == seed.title
    assert _render_002(act.params) == "\n".join(seed.input_lines)


@pytest.mark.parametrize("act", ACTIONS, ids=lambda a: a.name)
def test_action_input_names_are_the_seeds(act: Action) -> None:
    seed = actions_002()[act.name]
    enums = {p.name: p.enum for p in act.params if p.enum}
    assert [p.name for p in act.params] == input_names_002(seed, enums)
    assert list(act.input_schema()["properties"]) == [p.name for p in act.params]


# Inputs the seed has beyond the 2024 contract's fields; all of them are in the 2026 contract or its prose.
_EXTRA_INPUTS = {
    ("GONG_ADD_CALL_MEDIA_V2_CALLS_ID_MEDIA", "mediaFile"),
    ("GONG_UPLOAD_CRM_OBJECTS_V2_CRM_ENTITIES", "dataFile"),
}


def _deref(spec: dict[str, Any], node: dict[str, Any]) -> dict[str, Any]:
    while "$ref" in node:
        target: Any = spec
        for part in node["$ref"].removeprefix("#/").split("/"):
            target = target[part]
        node = target
    return node


def _body_fields(spec: dict[str, Any], node: dict[str, Any], prefix: tuple[str, ...] = ()) -> set[tuple[str, ...]]:
    node = _deref(spec, node)
    props: dict[str, Any] = dict(node.get("properties") or {})
    for sub in node.get("allOf", []):
        props.update(_deref(spec, sub).get("properties") or {})
    out: set[tuple[str, ...]] = set()
    for key, value in props.items():
        out.add((*prefix, key))
        out |= _body_fields(spec, value, (*prefix, key))
    return out


def _contract_fields(op_id: str) -> set[tuple[str, ...]]:
    op = operation(op_id)
    fields: set[tuple[str, ...]] = set()
    for name in SPEC_FILES:
        spec = load_spec(name)
        raw = spec["paths"].get(op.path, {}).get(op.method.lower())
        if raw is None or not raw.get("requestBody"):
            continue
        for media in _deref(spec, raw["requestBody"]).get("content", {}).values():
            fields |= _body_fields(spec, media["schema"])
    return fields


@pytest.mark.parametrize("act", all_actions(), ids=lambda a: a.name)
def test_every_input_goes_where_the_operation_takes_it(act: Action) -> None:
    op = act.operation
    params = {p["name"]: p["in"] for p in op.parameters}
    body = _contract_fields(act.operation_id)
    for p in act.params:
        target = act.targets[p.name]
        if target.location in ("path", "query"):
            assert params.get(target.name) == target.location, (p.name, str(target))
        elif target.location == "body" and target.keys:
            assert target.keys in body, (p.name, str(target))
        elif target.location == "body":
            assert act.name == "GONG_GET_CRM_OBJECTS_V2_CRM_ENTITIES"  # the one JSON-array body
        elif target.location == "file":
            assert (act.name, p.name) in _EXTRA_INPUTS
        else:
            assert act.kind == "tool" and p.name in ("accessKey", "accessKeySecret")
    # every required path/query parameter has an input
    for p in op.parameters:
        if p["in"] == "path" or (p.get("required") and p["in"] == "query"):
            assert any(t.location == p["in"] and t.name == p["name"] for t in act.targets.values()), p["name"]


def test_flattening_rules() -> None:
    coaching = get("GONG_LIST_ALL_COACHING_METRICS_V2_COACHING")
    assert {k: str(v) for k, v in coaching.targets.items()} == {
        "workspace__id": "query:workspace-id",
        "manager__id": "query:manager-id",
        "from": "query:from",
        "to": "query:to",
    }
    extensive = get("GONG_RETRIEVE_FILTERED_CALL_DETAILS")
    assert str(extensive.targets["cursor"]) == "body:cursor"
    assert str(extensive.targets["contentSelector__exposedFields__content__trackers"]) == (
        "body:contentSelector.exposedFields.content.trackers"
    )
    add_call = get("GONG_ADD_NEW_CALL_V2_CALLS")
    assert str(add_call.targets["parties"]) == "body:parties"
    assert add_call.input_schema()["properties"]["parties"] == {
        "type": "array",
        "items": {"type": "object"},
        "description": add_call.input_schema()["properties"]["parties"]["description"],
    }
    assert str(add_call.targets["speakersTimeline__speechSegments"]) == "body:speakersTimeline.speechSegments"


# --- seed 004 -------------------------------------------------------------------------------------------


def _words(text: str) -> list[str]:
    return re.findall(r"[a-z0-9]+", text.lower())


@pytest.mark.parametrize("seed", tools_004(), ids=lambda t: t.description[:40])
def test_tool_matches_its_seed_entry(seed: Any) -> None:
    [tool] = [t for t in TOOLS if t.description == seed.description]
    # a stable snake_case name: "gong_" + the first words of the seed's title
    assert re.fullmatch(r"gong_[a-z0-9]+(_[a-z0-9]+)*", tool.name)
    assert len(tool.name) <= 64
    words = tool.name.removeprefix("gong_").split("_")
    assert words == _words(seed.description)[: len(words)]
    assert [(p.name, p.type, p.required, p.description) for p in tool.params] == [
        (i.name, i.type, i.required, i.description) for i in seed.inputs
    ]
    assert tool.output is not None
    assert tool.output.keep == seed.outputs


def test_tool_credentials_and_lists() -> None:
    t = get("gong_retrieve_transcripts_of_calls")
    assert str(t.targets["accessKey"]) == "credential:access_key"
    assert str(t.targets["accessKeySecret"]) == "credential:access_key_secret"
    assert [p.name for p in t.params if p.split] == ["callIds"]
    assert str(t.targets["callIds"]) == "body:filter.callIds"
    assert str(get("gong_retrieve_coaching_metrics_for_a_manager").targets["fromDate"]) == "query:from"


# --- schemas --------------------------------------------------------------------------------------------


@pytest.mark.parametrize("act", all_actions(), ids=lambda a: a.name)
def test_input_schema_is_valid_json_schema(act: Action) -> None:
    schema = act.input_schema()
    jsonschema.Draft202012Validator.check_schema(schema)
    assert schema["type"] == "object"
    assert schema.get("required", []) == [p.name for p in act.params if p.required]
    for p in act.params:
        prop = schema["properties"][p.name]
        assert prop.get("description", "") == p.description
        if p.enum:
            values = prop["items"]["enum"] if prop["type"] == "array" else prop["enum"]
            assert all(", " not in v and " / " not in v for v in values)


def test_defect_enums_are_expanded() -> None:
    profile = get("GONG_CREATE_PERMISSION_PROFILE_V2_PERMISSION_PROFILE")
    prop = profile.input_schema()["properties"]["callsAccess__permissionLevel"]
    assert prop["enum"] == ["all", "managers-team", "report-to-them", "own", "none"]
    viewed = get("GONG_REPORT_CONTENT_VIEWED_EVENT")
    assert viewed.input_schema()["properties"]["agentPlatform"]["enum"] == [
        "Windows",
        "Linux",
        "MacOS",
        "iOS",
        "Android",
    ]


@pytest.mark.parametrize("act", ACTIONS, ids=lambda a: a.name)
def test_no_required_input_says_it_may_be_left_out(act: Action) -> None:
    """An input's schema and its description agree: one whose text says what happens when it is not provided
    is optional."""
    for p in act.params:
        text = p.description.lower()
        says_optional = "if not provided" in text or text.startswith("optional")
        assert not (p.required and says_optional), f"{act.name}.{p.name} is required but says it may be left out"
