"""The README's "Testing your Gong integration" example runs as written: its code and its tests, copied into a
project of their own."""

from __future__ import annotations

import re
from pathlib import Path

from tests.testing.project import run_pytest

README = Path(__file__).resolve().parents[2] / "README.md"


def example_blocks() -> list[str]:
    text = README.read_text(encoding="utf-8")
    section = text.split("### Testing your Gong integration", 1)[1].split("\n### ", 1)[0]
    return re.findall(r"```python\n(.*?)```", section, flags=re.S)


def test_the_readme_example_passes(tmp_path: Path) -> None:
    code, tests = example_blocks()
    project = tmp_path / "readme-example"
    project.mkdir()
    (project / "digest.py").write_text(code, encoding="utf-8")
    (project / "test_digest.py").write_text(tests, encoding="utf-8")
    (project / "pyproject.toml").write_text('[tool.pytest.ini_options]\nfilterwarnings = ["error"]\n')
    outcomes, output = run_pytest(project)
    assert outcomes == {
        "test_digest::test_calls_per_rep": "passed",
        "test_digest::test_over_plain_http": "passed",
        "test_digest::test_on_the_demo_company": "passed",
        "test_digest::test_an_expired_token": "passed",
    }, output
