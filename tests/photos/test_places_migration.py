"""A case written before photo places were kept (photos schema 1) opens with each capture time
naming where it was read: the same times, every change in the ledger, and a row edited behind
Casefile's back left as it is for `verify` to report."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

from casefile.importers.pipeline import import_paths
from casefile.photos import query
from casefile.store import Case, verify_case

#: Capture times as photos schema 1 stored them (raw text as it wrote it).
OLD = {
    "exif.jpg": ({"raw": "2019:03:23 14:05:00 -04:00", "utc": "2019-03-23T18:05:00.000Z",
                  "basis": "exif-offset", "uncertainty_s": 1.0, "local": "2019-03-23T14:05:00.000",
                  "zone": "-04:00"}, {"DateTimeOriginal": "2019:03:23 14:05:00"}),
    "xmp.jpg": ({"raw": "XMP xmp:CreateDate 2013-09-23T10:09:46+02:00", "utc": "2013-09-23T08:09:46.000Z",
                 "basis": "exif-offset", "uncertainty_s": 1.0, "local": "2013-09-23T10:09:46.000",
                 "zone": "+0200"}, {"XMP xmp:CreateDate": "2013-09-23T10:09:46+02:00"}),
    "digitized.jpg": ({"raw": "2019:03:23 14:05:00", "utc": None, "basis": "unknown",
                       "uncertainty_s": 1.0, "local": "2019-03-23T14:05:00.000"},
                      {"DateTimeOriginal": "    :  :     :  :  ",
                       "DateTimeDigitized": "2019:03:23 14:05:00"}),
}


def _legacy_case(tmp_path: Path, schema_at) -> Path:
    with schema_at("photos", 1):
        case = Case.create(tmp_path / "legacy", "legacy", investigator="T")
        files = []
        for name in [*OLD, "tampered.jpg"]:
            (tmp_path / name).write_bytes(name.encode())      # stands for the original photo
            files.append(tmp_path / name)
        outcomes = import_paths(case, files, importer="file").outcomes
        with case.transaction():
            for name, outcome in zip([*OLD, "tampered.jpg"], outcomes, strict=True):
                capture, times = OLD.get(name, OLD["exif.jpg"])
                case.insert("photos", {
                    "item_id": outcome.item_id, "format": "JPEG", "width": 1, "height": 1,
                    "capture": json.dumps(capture, sort_keys=True), "capture_utc": capture["utc"],
                    "meta": json.dumps({"times": times}), "raw_tags": "{}", "extractor": "{}"},
                    action="photo-metadata", item_id=outcome.item_id)
        case.close()
    conn = sqlite3.connect(tmp_path / "legacy.casefile" / "case.sqlite")
    conn.execute("UPDATE photos SET capture_utc = '2020-01-01T00:00:00.000Z' WHERE item_id = ?",
                 [outcomes[-1].item_id])
    conn.commit()
    conn.close()
    return tmp_path / "legacy.casefile"


def test_old_capture_times_name_where_they_were_read(tmp_path: Path, schema_at) -> None:
    path = _legacy_case(tmp_path, schema_at)
    with Case.open(path, investigator="T") as case:
        rows = {r["original_name"]: r for r in case.rows(
            "SELECT i.original_name, p.* FROM photos p JOIN items i ON i.id = p.item_id")}
        assert {n: r["capture_from"] for n, r in rows.items()} == {
            "exif.jpg": "exif DateTimeOriginal", "xmp.jpg": "xmp xmp:CreateDate",
            "digitized.jpg": "exif DateTimeDigitized", "tampered.jpg": None}
        for name, (old, _times) in OLD.items():
            now = json.loads(rows[name]["capture"])
            assert {k: v for k, v in now.items() if k != "read_from"} == old   # the time unchanged
            assert now["read_from"] == rows[name]["capture_from"]
        info = query.get_photo(case, rows["xmp.jpg"]["item_id"])
        assert info.capture is not None and info.capture.read_from == "xmp xmp:CreateDate"
        named = [e for e in case.events() if e["action"] == "capture-source-named"]
        assert len(named) == 3
        report = verify_case(case, record=False)
        assert not report.ok          # the row edited behind Casefile's back is still reported
        tampered = rows["tampered.jpg"]["item_id"]
        assert [p.table for p in report.problems if tampered in (p.item_id, p.target)] == ["photos"]
