"""README's coverage table is the one the code gives (``make coverage-table`` rewrites it)."""

from __future__ import annotations

from pathlib import Path

from gongkit import coverage
from gongkit.spec import operations

README = Path(__file__).resolve().parents[1] / "README.md"


def test_readme_coverage_table_is_current() -> None:
    text = README.read_text(encoding="utf-8")
    assert coverage.current_block(text) == coverage.render(), (
        "README.md's coverage table is stale: run `make coverage-table` (python -m gongkit.coverage --write README.md)"
    )


def test_the_table_has_every_operation() -> None:
    rows = coverage.rows()
    assert len(rows) == len(operations()) == 62
    by_id = {r.op.operation_id: r for r in rows}
    assert by_id["listCalls"].actions == ["GONG_RETRIEVE_CALL_DATA_BY_DATE_RANGE_V2_CALLS"]
    assert by_id["listCalls"].tools == ["gong_retrieve_call_data_by_date_range"]
    assert "gongkit calls list" in by_id["listCalls"].cli
    assert by_id["listCalls"].sdk == ["gong.calls.list()"]
    assert by_id["listCalls"].server
    assert sum(len(r.actions) for r in rows) == 53
    assert sum(len(r.tools) for r in rows) == 18
    assert by_id["integrationSettings"].actions == []


def test_sdk_paths_from_module_constants() -> None:
    import ast

    tree = ast.parse(
        'PATH = "/v2/users"\nclass R:\n    def go(self):\n        return self._client.request("GET", PATH)\n'
    )
    names = coverage._module_strings(tree)
    assert names == {"PATH": "/v2/users"}
    method = tree.body[1].body[0]  # type: ignore[attr-defined]
    assert list(coverage._requests_in(method, names)) == [("GET", "/v2/users")]
    assert coverage._match_operation("GET", "/v2/users/{}/settings-history").operation_id == "getUserHistory"  # type: ignore[union-attr]


def test_block_replacement_and_check(tmp_path: Path) -> None:
    doc = tmp_path / "README.md"
    doc.write_text(f"# x\n\n{coverage.START}\nSTALE-TABLE\n{coverage.END}\n\ntail\n", encoding="utf-8")
    assert coverage.main(["--check", str(doc)]) == 1
    assert coverage.main(["--write", str(doc)]) == 0
    assert coverage.main(["--check", str(doc)]) == 0
    text = doc.read_text(encoding="utf-8")
    assert text.startswith("# x\n\n") and text.endswith(f"{coverage.END}\n\ntail\n")
    assert "STALE-TABLE" not in text
