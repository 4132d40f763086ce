"""Every table a report or answer reads is vouched for: tampering with findings, legs, gaps,
references, triggers or the ledger's last events is named by `casefile verify` (exit 1), each
case through the CLI on a case built from a real readsb trace."""

from __future__ import annotations

import json
import shutil
import sqlite3
from pathlib import Path

import pytest

from casefile.cli import main

TRACE = "flights/readsb/trace_full_ac134a.json"


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from tests.conftest import CORPORA

    if not (CORPORA / TRACE).is_file():
        pytest.skip("shared corpora not found")
    root = tmp_path_factory.mktemp("vouched")
    assert main(["new", str(root / "case"), "--title", "vouched"]) == 0
    case = str(root / "case.casefile")
    doc = root / "note.txt"
    doc.write_text("a document\n" * 20)
    assert main(["add", case, str(CORPORA / TRACE), str(doc)]) == 0
    assert main(["source", "add", case, "--title", "Local news", "--published", "2024-08-13"]) == 0
    assert main(["claim", "add", case, "N8774Q landed at Palm Beach", "--source", "S1", "--when",
                 "2024-08-12", "--tz", "UTC", "--place", "KDJT", "--aircraft", "N8774Q",
                 "--kind", "arrival"]) == 0
    assert main(["xref", case]) == 0
    return root / "case.casefile"


def _copy(built: Path, tmp_path: Path) -> str:
    dest = tmp_path / "case.casefile"
    shutil.copytree(built, dest)
    return str(dest)


def _verify(case: str, capsys: pytest.CaptureFixture[str], *extra: str) -> tuple[int, list[dict]]:
    capsys.readouterr()
    code = main(["verify", case, "--json", *extra])
    out = json.loads(capsys.readouterr().out)
    return code, out["problems"]


def _sql(case: str, *statements: str) -> None:
    """What someone with the sqlite3 shell can do."""
    conn = sqlite3.connect(Path(case) / "case.sqlite")
    for sql in statements:
        conn.execute(sql)
    conn.commit()
    conn.close()


def test_built_case_verifies(built: Path, tmp_path: Path, capsys) -> None:
    code, problems = _verify(_copy(built, tmp_path), capsys)
    assert code == 0, problems


@pytest.mark.parametrize(("statement", "kind", "words"), [
    ("UPDATE xref_findings SET verdict = 'inconsistent' WHERE verdict = 'consistent'",
     "derived-changed", "cross-reference findings"),
    ("DELETE FROM xref_findings WHERE rowid = (SELECT min(rowid) FROM xref_findings)",
     "derived-missing", "cross-reference findings"),     # the case's one finding
    ("UPDATE flight_segments SET airport_icao = 'KJFK' WHERE kind = 'leg' AND rowid = "
     "(SELECT min(rowid) FROM flight_segments WHERE kind = 'leg')", "derived-changed",
     "legs and ground stays"),
    ("DELETE FROM flight_gaps", "derived-missing", "coverage gaps"),
    ("UPDATE refs SET n = n + 100 WHERE kind = 'D'", "ref-changed", "short reference D1"),
])
def test_derived_table_tampering_is_named(built: Path, tmp_path: Path, capsys, statement: str,
                                          kind: str, words: str) -> None:
    case = _copy(built, tmp_path)
    _sql(case, statement)
    code, problems = _verify(case, capsys)
    assert code == 1
    assert [p["kind"] for p in problems] == [kind], problems
    assert words in problems[0]["message"]


def test_guard_trigger_replaced_by_a_no_op_is_named(built: Path, tmp_path: Path, capsys) -> None:
    case = _copy(built, tmp_path)
    _sql(case, "DROP TRIGGER ledger_no_delete",
         "CREATE TRIGGER ledger_no_delete BEFORE DELETE ON ledger BEGIN SELECT 1; END")
    code, problems = _verify(case, capsys)
    assert code == 1 and [p["kind"] for p in problems] == ["ledger-unprotected"]
    assert "ledger_no_delete" in problems[0]["message"]


def test_extra_trigger_and_table_are_named(built: Path, tmp_path: Path, capsys) -> None:
    case = _copy(built, tmp_path)
    _sql(case, "CREATE TRIGGER quiet AFTER INSERT ON ledger BEGIN SELECT 1; END",
         "CREATE TABLE notes_of_mine (x)")
    code, problems = _verify(case, capsys)
    assert code == 1
    assert sorted(p["kind"] for p in problems) == ["unknown-table", "unknown-trigger"]
    assert any("quiet (on ledger)" in p["message"] for p in problems)


def test_last_events_deleted_are_named_by_the_head_file(built: Path, tmp_path: Path,
                                                        capsys) -> None:
    case = _copy(built, tmp_path)
    last = sqlite3.connect(Path(case) / "case.sqlite").execute("SELECT max(seq) FROM ledger").fetchone()[0]
    _sql(case, "DROP TRIGGER ledger_no_delete", f"DELETE FROM ledger WHERE seq > {last - 3}",
         "CREATE TRIGGER ledger_no_delete BEFORE DELETE ON ledger BEGIN SELECT RAISE(ABORT, "
         "'the custody ledger is append-only'); END")
    code, problems = _verify(case, capsys)
    assert code == 1
    head = [p for p in problems if p["kind"] == "head-file"]
    assert len(head) == 1 and f"ends at event {last - 3}" in head[0]["message"]
    assert "the last 3 events were removed" in head[0]["message"]


def test_whole_last_import_removed_is_named(built: Path, tmp_path: Path, capsys) -> None:
    """The last import's rows, events and file removed: only the head file still knows."""
    case = _copy(built, tmp_path)
    code, _ = _verify(case, capsys)
    assert main(["add", case, str(Path(__file__))]) == 0
    conn = sqlite3.connect(Path(case) / "case.sqlite")
    item_id, blob = conn.execute("SELECT id, blob_path FROM items ORDER BY created_at DESC "
                                 "LIMIT 1").fetchone()
    first = conn.execute("SELECT min(seq) FROM ledger WHERE item_id = ?", [item_id]).fetchone()[0]
    conn.close()
    _sql(case, "DROP TRIGGER ledger_no_delete", f"DELETE FROM ledger WHERE seq >= {first}",
         f"DELETE FROM acquisitions WHERE item_id = '{item_id}'",
         f"DELETE FROM refs WHERE target_id = '{item_id}'",
         f"DELETE FROM items WHERE id = '{item_id}'",
         "CREATE TRIGGER ledger_no_delete BEFORE DELETE ON ledger BEGIN SELECT RAISE(ABORT, "
         "'the custody ledger is append-only'); END")
    (Path(case) / blob).chmod(0o644)
    (Path(case) / blob).unlink()
    code, problems = _verify(case, capsys)
    assert code == 1
    assert [p["kind"] for p in problems] == ["head-file"]
    assert "a last import removed with its events" in problems[0]["message"]


def test_expect_fingerprint(built: Path, tmp_path: Path, capsys) -> None:
    case = _copy(built, tmp_path)
    capsys.readouterr()
    assert main(["verify", case, "--json"]) == 0
    noted = json.loads(capsys.readouterr().out)["fingerprint"]
    assert main(["add", case, str(Path(__file__))]) == 0
    code, problems = _verify(case, capsys, "--expect", noted)
    assert code == 0, problems
    seq = int(noted.split("-")[0])
    code, problems = _verify(case, capsys, "--expect", f"{seq}-{'0' * 16}")
    assert code == 1 and [p["kind"] for p in problems] == ["expect"]
    assert f"ledger event {seq} is not the one the fingerprint you gave" in problems[0]["message"]
    code, problems = _verify(case, capsys, "--expect", "not-a-fingerprint")
    assert code == 1 and "is not a ledger fingerprint" in problems[0]["message"]
