"""Running a project's tests with the gongkit plugin, in a pytest process of its own.

The project is run with this interpreter; gongkit is the one under test (``PYTHONPATH``). Where gongkit's
``pytest11`` entry point is not registered in this environment (an install made before the entry point was
added), the plugin is named with ``-p gongkit.testing.plugin`` instead, which is what the entry point does.
"""

from __future__ import annotations

import importlib.metadata
import os
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import gongkit

SRC = Path(gongkit.__file__).resolve().parents[1]


def entry_point_registered() -> bool:
    return any(
        ep.name == "gongkit" and ep.value == "gongkit.testing.plugin"
        for ep in importlib.metadata.entry_points(group="pytest11")
    )


def run_pytest(project: Path) -> tuple[dict[str, str], str]:
    """Run ``project``'s tests; the outcome of each (``module::test`` -> ``passed``, ``failure``, ``error``,
    ``skipped``) and pytest's output."""
    report = project.parent / f"{project.name}-report.xml"
    command = [sys.executable, "-m", "pytest", "-p", "no:cacheprovider", "-q", f"--junitxml={report}"]
    if not entry_point_registered():
        command += ["-p", "gongkit.testing.plugin"]
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PYTEST_", "GONG_", "GONGKIT_"))}
    env["PYTHONPATH"] = os.pathsep.join([str(project), str(SRC)])
    done = subprocess.run(command, cwd=project, env=env, capture_output=True, text=True, timeout=240)
    output = done.stdout + done.stderr
    if not report.exists():
        raise AssertionError(f"pytest wrote no report:\n{output}")
    outcomes: dict[str, str] = {}
    for case in ET.parse(report).getroot().iter("testcase"):
        outcome = next((child.tag for child in case if child.tag in ("failure", "error", "skipped")), "passed")
        outcomes[f"{case.get('classname', '').rsplit('.', 1)[-1]}::{case.get('name')}"] = outcome
    return outcomes, output
