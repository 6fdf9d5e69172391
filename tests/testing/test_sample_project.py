"""A project outside gongkit tests its own Gong code with the plugin, in a pytest process of its own.

``sample_project/`` is that project: ``call_digest.py`` (its code, calling Gong through the SDK and plain
httpx), ``tests/test_call_digest.py`` (its three tests, on the plugin's fixtures) and ``tests/test_plugin.py``
(the plugin's behaviours as a project meets them: fixture names beside the project's own, seeding from YAML and
JSON, seed errors, the clock, rate limits, the demo company, the loopback server). It is copied out of the
repository and run by :func:`tests.testing.project.run_pytest`.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

from tests.testing.project import SRC, run_pytest

SAMPLE = Path(__file__).parent / "sample_project"


def test_a_sample_project_tests_its_own_gong_code_with_the_plugin(tmp_path: Path) -> None:
    project = tmp_path / "call-digest"
    shutil.copytree(SAMPLE, project, ignore=shutil.ignore_patterns("__pycache__"))
    outcomes, output = run_pytest(project)
    assert outcomes == {
        "test_call_digest::test_calls_per_rep": "passed",
        "test_call_digest::test_customer_quotes": "passed",
        "test_call_digest::test_team_of_over_plain_http": "passed",
        "test_plugin::test_the_projects_fixtures_keep_their_names": "passed",
        "test_plugin::test_each_test_gets_a_fresh_company": "passed",
        "test_plugin::test_seeding_from_yaml_reaches_every_listing": "passed",
        "test_plugin::test_seeding_from_json": "passed",
        "test_plugin::test_bad_seed_data_names_every_field_and_writes_nothing": "passed",
        "test_plugin::test_the_clock_can_be_frozen_and_moved": "passed",
        "test_plugin::test_gongs_rate_limits": "passed",
        "test_plugin::test_the_demo_company": "passed",
        "test_plugin::test_the_demo_company_is_a_fresh_copy_in_every_test": "passed",
        "test_plugin::test_async_clients_on_a_loopback_server": "passed",
    }, output


def test_importing_the_plugin_imports_no_server_code() -> None:
    """pytest imports the plugin in every session of every project with gongkit installed (gongkit's own too)."""
    code = (
        "import sys, gongkit.testing.plugin; "
        "print(','.join(sorted(m for m in sys.modules if m.startswith(('gongkit.', 'sqlalchemy', 'starlette')))))"
    )
    env = {**os.environ, "PYTHONPATH": str(SRC)}
    done = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True)
    assert done.stdout.strip().split(",") == ["gongkit._version", "gongkit.testing", "gongkit.testing.plugin"]
