"""Agreement with ExifTool (the reference reader, used as a test oracle) over the shared corpora."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from casefile.errors import CasefileError
from casefile.photos.extract import parse_photo

FOLDERS = ("exif-samples", "pillow-bad-images")
#: Files where we disagree with ExifTool on purpose, and why.
DELIBERATE = {
    ("exif_gps.jpg", "GPSLatitude"): "latitude 4294967295 with no N/S reference is impossible; "
                                     "we reject it and report it (check gps-bogus) instead of a position",
}


@pytest.fixture
def oracle(request: pytest.FixtureRequest) -> tuple[Path, list[dict]]:
    corpora = request.getfixturevalue("corpora")
    if not shutil.which("exiftool"):
        pytest.skip("exiftool not installed (apt-get install libimage-exiftool-perl)")
    out = subprocess.run(["exiftool", "-json", "-n", "-r", "-q", "-q", "-EXIF:DateTimeOriginal",
                          "-GPSLatitude", "-GPSLongitude", "-Make", "-Model", *FOLDERS],
                         cwd=corpora, capture_output=True, check=False, timeout=120)
    return corpora, json.loads(out.stdout or b"[]")


def _ours(path: Path) -> dict | None:
    try:
        m = parse_photo(path, path.read_bytes()).meta
    except CasefileError:
        return None
    return {"DateTimeOriginal": m.times.get("DateTimeOriginal"), "GPSLatitude": m.gps.lat,
            "GPSLongitude": m.gps.lon, "Make": m.make, "Model": m.model}


def _agree(field: str, theirs: object, ours: object) -> bool:
    if field.startswith("GPS"):
        return isinstance(ours, float) and abs(float(theirs) - ours) <= 1e-5  # type: ignore[arg-type]
    if field == "DateTimeOriginal":
        return ours is not None and str(theirs)[:19] == str(ours)[:19]
    return ours is not None and str(theirs).strip() == str(ours).strip()


def test_agreement_with_exiftool_is_at_least_99_percent(oracle: tuple[Path, list[dict]]) -> None:
    corpora, records = oracle
    assert len(records) > 100, "ExifTool read fewer files than the corpora hold"
    fields = ("DateTimeOriginal", "GPSLatitude", "GPSLongitude", "Make", "Model")
    counts = {f: [0, 0] for f in fields}
    disagreements = []
    excused: list[tuple[str, str]] = []
    for rec in records:
        path = corpora / rec["SourceFile"]
        ours = _ours(path) or {}
        for f in fields:
            key = "EXIF:DateTimeOriginal" if f == "DateTimeOriginal" and f not in rec else f
            if key not in rec and f not in rec:
                continue
            theirs = rec.get(f, rec.get(key))
            counts[f][1] += 1
            if _agree(f, theirs, ours.get(f)):
                counts[f][0] += 1
            elif (path.name, f) not in DELIBERATE:
                disagreements.append((rec["SourceFile"], f, theirs, ours.get(f)))
            else:
                counts[f][1] -= 1   # excused: explained in DELIBERATE and tested below
                excused.append((path.name, f))
    for f, (ok, total) in counts.items():
        assert total > 0, f"ExifTool reported no {f} at all"
        assert ok / total >= 0.99, f"{f}: {ok}/{total} agree; disagreements: {disagreements}"
    # Numbers the report can quote; GPS is compared on the 18+ files that carry a position.
    assert counts["GPSLatitude"][1] >= 15
    assert counts["DateTimeOriginal"][1] >= 60
    assert sorted(excused) == sorted(DELIBERATE), "a deliberate disagreement no longer happens"
    print("agreement with ExifTool:", {f: f"{ok}/{total}" for f, (ok, total) in counts.items()},
          "excused:", excused)


def test_deliberate_disagreement_bogus_latitude_is_rejected_and_reported(corpora: Path) -> None:
    path = corpora / "pillow-bad-images" / "exif_gps.jpg"
    meta = parse_photo(path, path.read_bytes()).meta
    # ExifTool prints GPSLatitude 4294967295 here; we refuse to turn that into a position.
    assert meta.gps.lat is None and meta.gps.lon is None
    assert "4294967295" in (meta.gps.problem or "")


def test_every_exif_structure_problem_is_confirmed_by_exiftool_validate(corpora: Path) -> None:
    if not shutil.which("exiftool"):
        pytest.skip("exiftool not installed (apt-get install libimage-exiftool-perl)")
    out = subprocess.run(["exiftool", "-json", "-validate", "-warning", "-a", "-r", "-q", "-q", *FOLDERS],
                         cwd=corpora, capture_output=True, check=False, timeout=120)
    flagged = 0
    for rec in json.loads(out.stdout or b"[]"):
        path = corpora / rec["SourceFile"]
        try:
            meta = parse_photo(path, path.read_bytes()).meta
        except CasefileError:
            continue
        ours = [p for p in meta.exif_problems if "truncated" not in p]
        if ours:
            flagged += 1
            verdict = str(rec.get("Validate", "OK"))
            assert verdict != "OK" and "all minor" not in verdict, (rec["SourceFile"], ours, verdict)
    assert flagged >= 10
