"""Bounds on what a file can make Casefile do: a CSV's column count, a KML/GPX with text but no
markup, and names with invalid UTF-8, control or bidirectional characters (imported, shown
escaped, their bytes kept in the ledger)."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest

from casefile.cli import main
from casefile.importers.flights.fields import MAX_COLUMNS
from casefile.importers.pipeline import import_paths
from casefile.store import Case, verify_case
from casefile.textsafe import printable


def test_csv_with_too_many_columns_is_kept_not_read(fresh_case: Case, corpora: Path,
                                                    tmp_path: Path) -> None:
    """A Flightradar24 header followed by 50,000 more columns: refused as a flight export before
    it is split (kept as plain evidence, with the line that says why); a real export still reads."""
    real = corpora / "flights/fr24/SkyDolly_FlightRadar24.csv"
    wide = tmp_path / "wide.csv"
    header, rest = real.read_text().split("\n", 1)
    wide.write_text(header + "," * 50_000 + "\n" + rest)
    report = import_paths(fresh_case, [wide, real], workers=1)
    by_name = {Path(o.path).name: o for o in report.outcomes}
    assert by_name["wide.csv"].status == "imported" and by_name["wide.csv"].kind == "file"
    assert f"more than {MAX_COLUMNS:,} columns" in (by_name["wide.csv"].message or "")
    assert by_name["SkyDolly_FlightRadar24.csv"].kind == "flight-record"


@pytest.mark.parametrize("name", ["empty.kml", "empty.gpx"])
def test_markup_file_without_markup_says_so(fresh_case: Case, tmp_path: Path, name: str) -> None:
    f = tmp_path / name
    f.write_bytes(b" \n\t" * 400_000)            # 1.2 MB of white space
    [outcome] = import_paths(fresh_case, [f], workers=1).outcomes
    assert outcome.status == "imported" and outcome.kind == "file"
    assert "only white space" in (outcome.message or "") and "no flight was read" in outcome.message


def test_names_are_imported_and_shown_escaped(tmp_path: Path, corpora: Path,
                                              capsys: pytest.CaptureFixture[str]) -> None:
    src = tmp_path / "in"
    src.mkdir()
    photo = corpora / "exif-samples/jpg/Kodak_CX7530.jpg"
    raw_names = [b"photo\xb9.jpg", "evil\u202egpj.exe".encode(), b"bell\x07\x1b[31m.txt"]
    for i, raw in enumerate(raw_names):
        target = os.path.join(os.fsencode(src), raw)
        if i == 0:
            shutil.copyfile(photo, target)
        else:
            with open(target, "wb") as f:
                f.write(f"file {i}\n".encode())
    assert main(["new", str(tmp_path / "c"), "--title", "names"]) == 0
    case = str(tmp_path / "c.casefile")
    capsys.readouterr()
    assert main(["add", case, str(src), "-r"]) == 0
    added = capsys.readouterr()
    assert "3 imported" in added.out
    for text in (added.out, added.err):
        assert "\u202e" not in text and "\x1b" not in text and "\x07" not in text
    assert "photo\\xb9.jpg" in added.out and "evil\\u202egpj.exe" in added.out
    assert main(["items", case]) == 0
    listed = capsys.readouterr().out
    assert "photo\\xb9.jpg" in listed and "\u202e" not in listed and "\x1b" not in listed
    with Case.open(case, write=False) as c:
        names = sorted(i["original_name"] for i in c.items())
        assert names == sorted(printable(os.fsdecode(r)) for r in raw_names)
        kept = [e["details"].get("original_path_bytes") for e in c.events()
                if e["action"] == "imported"]
        assert {bytes.fromhex(k).rsplit(b"/", 1)[1] for k in kept if k} == set(raw_names)
        assert verify_case(c).ok
    assert main(["items", case, "--json"]) == 0
    assert {i["original_name"] for i in json.loads(capsys.readouterr().out)} == set(names)


def test_labels_escape_names_stored_raw_by_an_older_casefile() -> None:
    """Names imported before they were stored escaped still read safely wherever a record is
    named (the window, the report, the CLI all name records through one label)."""
    from casefile.present.labels import record_label

    assert record_label("D3", "invoice\u202egpj.exe") == "D3 invoice\\u202egpj.exe"
    assert record_label("D4", "bell\x07\x1b[2J.txt") == "D4 bell\\x07\\x1b[2J.txt"
    assert record_label("P1", "Ил-62 apron.jpg") == "P1 Ил-62 apron.jpg"
