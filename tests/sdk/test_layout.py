"""The SDK stands alone (it never imports server code) and makes its resource groups on first access."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

from gongkit import AsyncGong, Gong
from gongkit.sdk._resource import resource
from gongkit.sdk.resources.calls import AsyncCalls, Calls
from gongkit.sdk.resources.coaching import AsyncCoaching, Coaching
from gongkit.sdk.resources.data_privacy import AsyncDataPrivacy, DataPrivacy
from gongkit.sdk.resources.logs import AsyncLogs, Logs
from gongkit.sdk.resources.settings import AsyncSettings, Settings
from gongkit.sdk.resources.stats import AsyncStats, Stats
from gongkit.sdk.resources.users import AsyncUsers, Users

SRC = Path(__file__).resolve().parents[2] / "src"

#: What ``gongkit.sdk`` and ``gongkit.types`` may import of gongkit: each other and the version. Not the server,
#: services, storage, demo or CLI, so the SDK installs and imports without them.
ALLOWED = ("gongkit._version", "gongkit.sdk", "gongkit.types")


def _gongkit_imports(path: Path) -> list[str]:
    found = []
    for node in ast.walk(ast.parse(path.read_text("utf-8"))):
        if isinstance(node, ast.Import):
            found += [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            assert node.level == 0, f"{path}: relative import"
            found.append(node.module or "")
    return [name for name in found if name == "gongkit" or name.startswith("gongkit.")]


def _allowed(module: str) -> bool:
    return any(module == prefix or module.startswith(prefix + ".") for prefix in ALLOWED)


@pytest.mark.parametrize("package", ["sdk", "types"])
def test_sdk_and_types_import_no_server_code(package: str) -> None:
    files = sorted((SRC / "gongkit" / package).rglob("*.py"))
    assert files
    wrong = {
        f"{path.relative_to(SRC)}: {name}" for path in files for name in _gongkit_imports(path) if not _allowed(name)
    }
    assert not wrong, f"gongkit.{package} may import only {ALLOWED}: {sorted(wrong)}"


def test_importing_and_using_the_sdk_loads_no_server_module() -> None:
    script = (
        "import sys, gongkit, gongkit.sdk, gongkit.types\n"
        "from gongkit import Gong, AsyncGong\n"
        "for g in (Gong('k', 's'), AsyncGong('k', 's')):\n"
        "    g.calls, g.users, g.settings, g.data_privacy\n"
        "print('\\n'.join(sorted(sys.modules)))\n"
    )
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True).stdout
    loaded = [m for m in out.split() if m.startswith("gongkit.")]
    assert loaded and all(_allowed(m) for m in loaded), [m for m in loaded if not _allowed(m)]
    assert not {"sqlalchemy", "starlette", "alembic"} & set(out.split())  # (httpx itself loads click)


GROUPS = {
    "calls": (Calls, AsyncCalls),
    "users": (Users, AsyncUsers),
    "settings": (Settings, AsyncSettings),
    "data_privacy": (DataPrivacy, AsyncDataPrivacy),
    "stats": (Stats, AsyncStats),
    "coaching": (Coaching, AsyncCoaching),
    "logs": (Logs, AsyncLogs),
}


@pytest.mark.parametrize("name", sorted(GROUPS))
def test_groups_are_made_on_first_access_and_kept(name: str) -> None:
    sync_cls, async_cls = GROUPS[name]
    for client_cls, group_cls in ((Gong, sync_cls), (AsyncGong, async_cls)):
        declared = vars(client_cls)[name]
        assert isinstance(declared, resource) and declared.group is group_cls and declared.name == name
        assert getattr(client_cls, name) is declared
        client = client_cls("k", "s", base_url="https://gong.test")
        other = client_cls("k", "s", base_url="https://gong.test")
        assert name not in vars(client)  # nothing made yet
        group = getattr(client, name)
        assert isinstance(group, group_cls) and group._client is client
        assert getattr(client, name) is group and vars(client)[name] is group
        assert getattr(other, name) is not group and getattr(other, name)._client is other


def test_both_clients_have_the_same_groups() -> None:
    def groups(cls: type) -> set[str]:
        return {name for name, value in vars(cls).items() if isinstance(value, resource)}

    assert groups(Gong) == groups(AsyncGong) == set(GROUPS)
