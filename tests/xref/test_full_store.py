"""A full cross-reference run stores its findings in bulk: short references numbered in one
statement, the seal's rows noted once before and once after instead of by a trigger per row. On
the demo case (built from the shared corpora): the numbers are the ones the insert trigger gives
one by one, the case verifies after reruns and a one-photo update, and a finding changed behind
Casefile's back before a rerun is still named by `verify`."""

from __future__ import annotations

import json
import shutil
import sqlite3
from pathlib import Path

import pytest

from casefile.cli import main
from casefile.store import Case, refs
from casefile.xref.query import XrefSession, findings, run_xref


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from casefile.demo.builder import build_demo

    return Path(build_demo(tmp_path_factory.mktemp("demo"), say=lambda _msg: None).case_path)


def _copy(demo: Path, tmp_path: Path) -> Path:
    dest = tmp_path / demo.name
    shutil.copytree(demo, dest)
    return dest


def _verify(case: Path, capsys: pytest.CaptureFixture[str]) -> tuple[int, list[dict]]:
    capsys.readouterr()
    code = main(["verify", str(case), "--json"])
    return code, json.loads(capsys.readouterr().out)["problems"]


def test_numbers_are_the_triggers_and_reruns_verify(demo: Path, tmp_path: Path, capsys) -> None:
    path = _copy(demo, tmp_path)
    case = Case.open(path)
    try:
        with case.transaction():   # as a case from before: no finding numbered yet
            case.db.execute("DELETE FROM refs WHERE kind = 'X'")
        found = run_xref(case)
        assert len(found) > 10
        # the insert trigger numbers new findings one by one in the order they are written
        # (by kind, then id); the bulk numbering must give the same numbers
        order = [f.id for f in sorted(found, key=lambda f: (f.kind, f.id))]
        assert refs.all_refs(case, "X") == {fid: f"X{n}" for n, fid in enumerate(order, 1)}
        again = run_xref(case)
        assert [f.id for f in again] == [f.id for f in found]
        assert refs.all_refs(case, "X") == {fid: f"X{n}" for n, fid in enumerate(order, 1)}
        stored = findings(case)
        assert sorted((f.id, f.explanation, f.inputs) for f in stored) == sorted(
            (f.id, f.explanation, f.inputs) for f in found)
        photo = next(i for f in found if f.kind == "photo-aircraft" for i in f.item_ids)
        XrefSession(case).update_photos([photo])
    finally:
        case.close()
    code, problems = _verify(path, capsys)
    assert code == 0, problems


def test_finding_changed_before_a_rerun_is_still_named(demo: Path, tmp_path: Path, capsys) -> None:
    path = _copy(demo, tmp_path)
    conn = sqlite3.connect(path / "case.sqlite")   # what someone with the sqlite3 shell can do
    conn.execute("UPDATE xref_findings SET explanation = 'edited' WHERE rowid = "
                 "(SELECT min(rowid) FROM xref_findings)")
    conn.commit()
    conn.close()
    case = Case.open(path)
    try:
        run_xref(case)   # every row replaced: the edited one was subtracted as it was found
    finally:
        case.close()
    code, problems = _verify(path, capsys)
    assert code == 1
    assert any("cross-reference findings" in p["message"] for p in problems), problems


def test_rewrite_after_rows_changed_in_the_same_transaction_verifies(demo: Path, tmp_path: Path,
                                                                      capsys) -> None:
    """Rows a trigger already noted in the transaction keep their first 'before'; the bulk rewrite
    notes the rest, so the seal logged at commit is what `verify` sums from scratch."""
    path = _copy(demo, tmp_path)
    case = Case.open(path)
    try:
        rows = case.db.execute("SELECT * FROM xref_findings").fetchall()
        cols = [d[0] for d in case.db.execute("SELECT * FROM xref_findings LIMIT 0").description]
        with case.transaction():
            case.db.execute("UPDATE xref_findings SET explanation = 'changed first' WHERE rowid = "
                            "(SELECT min(rowid) FROM xref_findings)")
            with case.rewriting("xref_findings"):
                case.db.execute("DELETE FROM xref_findings")
                case.db.conn.executemany(
                    f"INSERT INTO xref_findings ({', '.join(cols)}) VALUES "
                    f"({', '.join('?' * len(cols))})", rows[1:])   # one row fewer than before
        assert case.db.execute("SELECT count(*) FROM xref_findings").fetchone()[0] == len(rows) - 1
    finally:
        case.close()
    code, problems = _verify(path, capsys)
    assert code == 0, problems
