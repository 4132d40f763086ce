"""Import keeps what it cannot read, documents are not web captures, and search finds everything a
person wrote or imported (items, tags, findings too): through the CLI, on real files."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from casefile.cli import main


def _run(capsys: pytest.CaptureFixture[str], *argv: str, code: int = 0) -> tuple[str, str]:
    rc = main(list(argv))
    out, err = capsys.readouterr()
    assert rc == code, (argv, out, err)
    return out, err


@pytest.fixture
def case(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> str:
    _run(capsys, "new", str(tmp_path / "i"), "--title", "import and search")
    return str(tmp_path / "i.casefile")


def test_damaged_png_is_kept_with_a_one_line_warning(case, corpora: Path, capsys) -> None:
    broken = corpora / "pillow-bad-images" / "broken.png"
    good = corpora / "exif-samples" / "jpg" / "Canon_40D.jpg"
    out, err = _run(capsys, "add", case, str(broken), str(good), "--workers", "1")
    warnings = [ln for ln in err.splitlines() if ln.startswith("casefile: warning:")]
    assert len(warnings) == 1 and str(broken) in warnings[0] and "not a readable image" in warnings[0]
    assert "kept as plain evidence" in warnings[0]
    assert "2 imported" in out and "0 failed" in out and "1 kept as plain evidence" in out
    items = {i["original_name"]: i for i in json.loads(_run(capsys, "items", case, "--json")[0])}
    kept = items["broken.png"]
    assert kept["kind"] == "file" and kept["mime"] == "image/png" and kept["ref"] == "D1"
    assert kept["sha256"] and items["Canon_40D.jpg"]["kind"] == "photo"
    # the custody log records why it is a plain file
    log = json.loads(_run(capsys, "log", case, "--item", "broken.png", "--json")[0])
    imported = next(e for e in log if e["action"] == "imported")
    assert "not a readable image" in imported["details"]["kept_as_plain_evidence"]
    assert _run(capsys, "verify", case)[0].startswith("OK")


def test_readme_and_license_in_a_folder_are_documents_not_captures(case, corpora, tmp_path, capsys):
    folder = tmp_path / "downloaded"
    folder.mkdir()
    shutil.copy(corpora / "README.md", folder / "README")
    shutil.copy(corpora / "pillow-bad-images" / "LICENSE.pillow", folder / "LICENSE")
    (folder / "page.html").write_text("<!DOCTYPE html><html><head><title>Tracker</title></head>"
                                      "<body><p>An-124 parked beside the Quokka hangar</p></body></html>")
    added = json.loads(_run(capsys, "add", case, str(folder), "-r", "--json")[0])
    kinds = {Path(f["path"]).name: f["kind"] for f in added["files"]}
    assert kinds == {"README": "document", "LICENSE": "document", "page.html": "capture"}
    # their text is still searchable
    refs = {Path(f["path"]).name: f["ref"] for f in added["files"]}
    hits = json.loads(_run(capsys, "search", case, "Quokka", "--json")[0])
    assert {h["ref"] for h in hits if h["kind"] == "capture"} == {refs["page.html"]}
    hits = json.loads(_run(capsys, "search", case, "Maiquetía", "--json")[0])   # in the README
    assert {h["ref"] for h in hits if h["kind"] == "capture"} == {refs["README"]}


def test_search_finds_items_tags_and_findings(case, corpora: Path, capsys) -> None:
    heic = corpora / "exif-samples" / "heic" / "IMG_5195.HEIC"
    jpg = corpora / "exif-samples" / "jpg" / "Canon_40D_photoshop_import.jpg"
    if not heic.is_file() or not jpg.is_file():
        pytest.skip("corpus photos missing")
    _run(capsys, "add", case, str(heic), str(jpg), "--note", "sent by the pilot's cousin",
         "--workers", "1")
    # camera metadata: the issue's "search iphone -> 0 hits"
    hits = json.loads(_run(capsys, "search", case, "iphone", "--json")[0])
    assert [(h["kind"], h["ref"]) for h in hits] == [("item", "P1")]
    # software written in the file, a file name, an import note
    assert {h["ref"] for h in json.loads(_run(capsys, "search", case, "GIMP", "--json")[0])} == {"P2"}
    assert {h["ref"] for h in json.loads(_run(capsys, "search", case, "IMG_5195.HEIC", "--json")[0])
            } == {"P1"}
    assert {h["ref"] for h in json.loads(_run(capsys, "search", case, "cousin", "--json")[0])
            } == {"P1", "P2"}
    # tags, a photo's aircraft tag too
    _run(capsys, "tag", "add", case, "P2", "needs-second-look")
    _run(capsys, "photo-tag", case, "P1", "YV3016")
    assert [(h["kind"], h["ref"]) for h in json.loads(
        _run(capsys, "search", case, "needs-second-look", "--json")[0])] == [("tag", "P2")]
    assert ("tag", "P1") in {(h["kind"], h["ref"]) for h in json.loads(
        _run(capsys, "search", case, "YV3016", "--json")[0])}
    # findings: a claim checked against a reported flight
    _run(capsys, "flight", "add", case, "--aircraft", "RA-86496", "--from", "OSLK", "--to", "SVMI",
         "--arrived", "2019-03-23T16:00-04:00", "--arrived-window", "2")
    src = json.loads(_run(capsys, "source", "add", case, "--title", "local press", "--json")[0])
    _run(capsys, "claim", "add", case, "Il-62 landed at Maiquetía", "--source", src["ref"],
         "--kind", "arrival", "--when", "2019-03-23", "--tz", "America/Caracas", "--place", "SVMI")
    _run(capsys, "xref", case)
    findings = json.loads(_run(capsys, "xref", case, "--no-run", "--json")[0])["findings"]
    claim_finding = next(f for f in findings if f["kind"] == "claim-flights")
    assert claim_finding["ref"].startswith("X") and "C1" in claim_finding["item_refs"]
    hits = json.loads(_run(capsys, "search", case, "claim flights", "--kind", "finding", "--json")[0])
    assert claim_finding["ref"] in {h["ref"] for h in hits}
    out, _ = _run(capsys, "search", case, "iphone")
    assert "item     P1     IMG_5195.HEIC" in out and "1 hits" in out
