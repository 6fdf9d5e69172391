"""docs/CLI.md is generated from the commands' help; it must match the code."""

from __future__ import annotations

from pathlib import Path

from gongkit.cli import _docs

DOC = Path(__file__).resolve().parents[2] / "docs" / "CLI.md"


def test_cli_reference_is_current() -> None:
    assert DOC.read_text(encoding="utf-8") == _docs.render(), (
        "docs/CLI.md is stale: run `python -m gongkit.cli._docs --write docs/CLI.md`"
    )


def test_every_command_is_documented() -> None:
    text = DOC.read_text(encoding="utf-8")
    for title in ("`gongkit serve`", "`gongkit demo`", "`gongkit admin token create`", "`gongkit mcp`"):
        assert title in text
