"""Short references (S2, C4, P3 ...): given at insert, per kind, never changed, resolved with hints."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from casefile.analyst.claims import add_claim
from casefile.analyst.entities import add_entity
from casefile.analyst.sources import add_source
from casefile.errors import UnknownReference
from casefile.importers.pipeline import import_paths
from casefile.store import Case, refs
from casefile.store.resolve import resolve
from casefile.xref.query import run_xref


def _photos(corpora: Path, n: int) -> list[Path]:
    return sorted((corpora / "exif-samples").rglob("*.jpg"))[:n]


def test_records_get_numbers_per_kind_in_order(fresh_case: Case, corpora: Path) -> None:
    photos = _photos(corpora, 3)
    track = sorted((corpora / "flights" / "readsb").glob("trace_*.json"))[0]
    for p in photos:                       # one at a time, so the order is the import order
        import_paths(fresh_case, [p], workers=1)
    import_paths(fresh_case, [track], workers=1)
    s1 = add_source(fresh_case, title="First article")
    s2 = add_source(fresh_case, title="Second article")
    c1 = add_claim(fresh_case, "An An-124 landed", when="2019-03-23", tz="UTC", source_ids=[s2.id])
    e1 = add_entity(fresh_case, "person", "Vasily Tonkoshkurov")

    assert [refs.ref_of(fresh_case, s.id) for s in (s1, s2)] == ["S1", "S2"]
    assert refs.ref_of(fresh_case, c1.id) == "C1"
    assert refs.ref_of(fresh_case, e1.id) == "E1"
    names = {r["original_name"]: refs.ref_of(fresh_case, r["id"]) for r in fresh_case.items()}
    assert [names[p.name] for p in photos] == ["P1", "P2", "P3"]
    assert names[track.name] == "F1"
    assert refs.target_of(fresh_case, "s2") == s2.id
    assert resolve(fresh_case, "C-1", "C") == c1.id
    # the same resolution is what the core's own lookups accept
    assert fresh_case.resolve_item("P2")["original_name"] == photos[1].name


def test_unknown_reference_suggests_the_closest(fresh_case: Case) -> None:
    for title in ("a", "b", "c"):
        add_source(fresh_case, title=title)
    with pytest.raises(UnknownReference) as err:
        resolve(fresh_case, "S7", "S")
    assert err.value.suggestions == ["S3", "S2", "S1"]
    assert "did you mean S3 c, S2 b, S1 a" in str(err.value)
    with pytest.raises(UnknownReference) as err:   # a claim reference where a source is wanted
        resolve(fresh_case, "C1", "S")
    assert "no source 'C1'" in str(err.value)


def test_findings_keep_their_number_across_runs(tmp_path: Path) -> None:
    from casefile.demo.builder import build_demo

    result = build_demo(tmp_path, say=lambda _msg: None)
    case = Case.open(result.case_path)
    try:
        before = refs.all_refs(case, "X")
        again = {f.id: refs.ref_of(case, f.id) for f in run_xref(case)}
        assert again and again == {i: before[i] for i in again}
        nums = sorted(int(r[1:]) for r in before.values())
        assert nums == list(range(1, len(nums) + 1))
    finally:
        case.close()


def test_replace_does_not_renumber(fresh_case: Case) -> None:
    src = add_source(fresh_case, title="kept")
    add_source(fresh_case, title="other")
    row = fresh_case.rows("SELECT * FROM sources WHERE id = ?", [src.id])[0]
    cols = ", ".join(row)
    fresh_case.db.execute(f"INSERT OR REPLACE INTO sources ({cols}) VALUES ({', '.join('?' * len(row))})",
                          list(row.values()))
    assert refs.ref_of(fresh_case, src.id) == "S1"
    assert refs.all_refs(fresh_case, "S") == {src.id: "S1", **{k: v for k, v in
                                               refs.all_refs(fresh_case, "S").items() if v == "S2"}}


def test_a_case_made_before_references_gets_them_in_creation_order(tmp_path: Path) -> None:
    case = Case.create(tmp_path / "old", "old", investigator="T", default_tz=None)
    made = [add_source(case, title=t).id for t in ("one", "two", "three")]
    folder = case.path
    case.close()
    # take the case back to before the refs migration, as an older Casefile left it
    con = sqlite3.connect(folder / "case.sqlite")
    con.execute("DROP TABLE refs")
    for (name,) in con.execute("SELECT name FROM sqlite_master WHERE type='trigger' AND name LIKE 'refs_%'")\
            .fetchall():
        con.execute(f"DROP TRIGGER {name}")
    con.execute("DELETE FROM _schema WHERE \"group\" = 'refs'")
    con.commit()
    con.close()
    case = Case.open(folder)
    try:
        assert [refs.ref_of(case, i) for i in made] == ["S1", "S2", "S3"]
        assert refs.ref_of(case, add_source(case, title="four").id) == "S4"
    finally:
        case.close()


def test_notes_get_references_and_the_cli_names_them(tmp_path: Path) -> None:
    import json
    import subprocess
    import sys

    case = Case.create(tmp_path / "n", "notes", investigator="T", default_tz=None)
    src = add_source(case, title="Article")
    folder = case.path
    case.close()

    def cli(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run([sys.executable, "-m", "casefile", *args], capture_output=True, text=True)

    first = cli("note", "add", str(folder), "S1", "checked the byline")
    assert first.returncode == 0, first.stderr
    assert first.stdout.startswith("note N1 on source S1")
    cli("note", "add", str(folder), "case", "second")
    rows = json.loads(cli("note", "list", str(folder), "--json").stdout)
    assert [(r["ref"], r["target_ref"]) for r in rows] == [("N1", "S1"), ("N2", None)]
    gone = cli("note", "delete", str(folder), "N2", "--reason", "typed on the wrong record")
    assert gone.returncode == 0 and "note N2 deleted" in gone.stdout, gone.stderr
    assert src.id
