"""Tampering behind Casefile's back is found by verify and named."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

from casefile.importers.pipeline import import_paths
from casefile.store import Case, verify_case


def _case_with_files(case: Case, tmp_path: Path, n: int = 3) -> list[dict]:
    paths = []
    for i in range(n):
        p = tmp_path / f"doc{i}.txt"
        p.write_text(f"document number {i}\n" * 50)
        paths.append(p)
    import_paths(case, paths, workers=1, importer="file")
    return case.items()


def _flip_byte(path: Path, offset: int = 10) -> None:
    os.chmod(path, 0o644)
    data = bytearray(path.read_bytes())
    data[offset] ^= 0x01
    path.write_bytes(bytes(data))


def test_clean_case_verifies(fresh_case: Case, tmp_path: Path) -> None:
    _case_with_files(fresh_case, tmp_path)
    report = verify_case(fresh_case)
    assert report.ok, report.problems
    assert report.counts["originals"] == 3


def test_flipped_byte_in_an_original_is_named(fresh_case: Case, tmp_path: Path) -> None:
    items = _case_with_files(fresh_case, tmp_path)
    victim = items[1]
    _flip_byte(fresh_case.blob_path(victim))
    report = verify_case(fresh_case)
    assert not report.ok
    [problem] = report.problems
    assert problem.kind == "original-changed"
    assert problem.item_id == victim["id"]
    assert victim["sha256"] in problem.message


def test_flipped_byte_in_a_derived_file_is_named(fresh_case: Case, tmp_path: Path) -> None:
    items = _case_with_files(fresh_case, tmp_path, 1)
    d = fresh_case.add_derived(items[0]["id"], b"thumbnail bytes", kind="thumbnail", tool="t",
                               tool_version="1", params={})
    _flip_byte(fresh_case.path / d["blob_path"], 2)
    [problem] = verify_case(fresh_case).problems
    assert problem.kind == "derived-changed" and problem.target == d["id"]


def _tamper_sql(case: Case, *statements: str) -> None:
    """What someone with the sqlite3 shell could do: drop the guards, edit, put the guards back."""
    conn = sqlite3.connect(case.path / "case.sqlite")
    triggers = conn.execute("SELECT sql FROM sqlite_master WHERE type='trigger' "
                            "AND name LIKE 'ledger_%'").fetchall()
    conn.execute("DROP TRIGGER ledger_no_update")
    conn.execute("DROP TRIGGER ledger_no_delete")
    for sql in statements:
        conn.execute(sql)
    for (sql,) in triggers:
        conn.execute(sql)
    conn.commit()
    conn.close()


def test_edited_ledger_row_and_item_row_are_each_named(fresh_case: Case, tmp_path: Path) -> None:
    items = _case_with_files(fresh_case, tmp_path)
    target = items[2]
    acq_event = fresh_case.rows("SELECT seq FROM ledger WHERE action='acquired' AND item_id=?",
                                [items[0]["id"]])[0]["seq"]
    _tamper_sql(fresh_case,
                f"UPDATE ledger SET actor = 'Someone Else' WHERE seq = {acq_event}",
                f"UPDATE items SET original_name = 'innocent.txt' WHERE id = '{target['id']}'")
    report = verify_case(fresh_case, record=False)
    kinds = {(p.kind, p.target) for p in report.problems}
    assert ("ledger-edited", str(acq_event)) in kinds
    assert ("row-changed", target["id"]) in kinds
    row_problem = next(p for p in report.problems if p.kind == "row-changed")
    assert "original_name" in row_problem.message and "innocent.txt" in row_problem.message


def test_one_deleted_ledger_event_is_one_message(fresh_case: Case, tmp_path: Path) -> None:
    """Deleting one middle event gave a message for every later event; now it is one, naming
    the event and the row whose record it held."""
    items = _case_with_files(fresh_case, tmp_path)
    seq = fresh_case.rows("SELECT seq FROM ledger WHERE action = 'acquired' AND item_id = ?",
                          [items[1]["id"]])[0]["seq"]
    _tamper_sql(fresh_case, f"DELETE FROM ledger WHERE seq = {seq}")
    [problem] = verify_case(fresh_case, record=False).problems
    assert problem.kind == "ledger-gap"
    assert f"ledger event {seq} is missing" in problem.message
    assert "acquisitions row" in problem.message   # the record it held is named, not lost


def test_removed_guard_is_reported(fresh_case: Case) -> None:
    fresh_case.db.execute("DROP TRIGGER ledger_no_update")
    problems = verify_case(fresh_case, record=False).problems
    assert [p.kind for p in problems] == ["ledger-unprotected"]


def test_row_inserted_or_deleted_behind_our_back(fresh_case: Case, tmp_path: Path) -> None:
    items = _case_with_files(fresh_case, tmp_path, 2)
    fresh_case.db.execute("INSERT INTO case_meta VALUES ('planted', 'x')")
    fresh_case.db.execute("DELETE FROM acquisitions WHERE item_id = ?", [items[0]["id"]])
    problems = verify_case(fresh_case, record=False).problems
    kinds = {(p.kind, p.table) for p in problems}
    assert ("row-unrecorded", "case_meta") in kinds
    assert ("row-missing", "acquisitions") in kinds
    assert ("no-acquisition", "items") in kinds


def test_verify_records_nothing(fresh_case: Case, tmp_path: Path) -> None:
    """An examiner's verification changes nothing: no ledger event, the head unchanged."""
    _case_with_files(fresh_case, tmp_path, 1)
    before = fresh_case.head()
    assert verify_case(fresh_case).ok
    assert fresh_case.head() == before


def test_edited_track_point_is_named(fresh_case: Case, corpora: Path) -> None:
    """Track points live in a column file per track, vouched for by its hash: one edited point
    is found by verify and refused by every reader; re-pointing the track at a doctored file is
    found too."""
    import pytest

    from casefile.errors import CasefileError
    from casefile.flights import points as P
    from casefile.flights import query as Q
    from casefile.store import columns

    trace = corpora / "flights" / "readsb" / "trace_full_ac134a.json"
    report = import_paths(fresh_case, [trace])
    assert report.count("imported") == 1, report.to_dict()
    [track] = Q.tracks(fresh_case)
    [d] = fresh_case.rows("SELECT * FROM derived WHERE sha256 = ?", [track["points_sha256"]])
    path = fresh_case.path / d["blob_path"]
    cols = columns.decode(path.read_bytes())
    assert cols.rows == track["points"] == 777
    values = {n: cols.column(n) for n in P.NAMES}
    values["lat"][100] += 0.01
    doctored = columns.encode(P.POINT_COLUMNS, values, cols.rows)
    os.chmod(path, 0o644)
    path.write_bytes(doctored)
    P._cache.clear()
    [problem] = verify_case(fresh_case, record=False).problems
    assert problem.kind == "derived-changed" and problem.target == d["id"]
    with pytest.raises(CasefileError, match="does not match the hash"):
        list(Q.track_points(fresh_case))
    # the doctored file under its own hash, and the rows re-pointed at it with the sqlite3 shell
    from casefile.store.blobs import blob_relpath, hash_file

    sha, _ = hash_file(path)
    (fresh_case.path / blob_relpath(sha, "derived")).parent.mkdir(exist_ok=True)
    path.rename(fresh_case.path / blob_relpath(sha, "derived"))
    _tamper_sql(fresh_case,
                f"UPDATE derived SET sha256 = '{sha}', blob_path = '{blob_relpath(sha, 'derived')}' "
                f"WHERE id = '{d['id']}'",
                f"UPDATE tracks SET points_sha256 = '{sha}' WHERE id = '{track['id']}'")
    kinds = sorted((p.kind, p.table) for p in verify_case(fresh_case, record=False).problems)
    assert kinds == [("row-changed", "derived"), ("row-changed", "tracks")]
