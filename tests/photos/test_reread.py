"""Reading stored photos again: a photo stored before places were kept (here: a Reconyx trail
camera's maker-note time, which the earlier reader missed) gets its time, recorded in the ledger;
a changed original is not read."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from casefile.importers.pipeline import import_paths
from casefile.photos import query
from casefile.store import Case, verify_case


def _as_stored_before_places(case: Case, item_id: str) -> None:
    """Make the row what the earlier reader stored: no places kept, no capture time."""
    row = case.get_row("photos", item_id)
    meta = json.loads(row["meta"])
    meta.pop("found")
    with case.transaction():
        case.update("photos", item_id, {"meta": json.dumps(meta), "capture": None, "capture_utc": None,
                                        "capture_from": None}, action="edited", item_id=item_id)


def test_reread_gives_an_old_trail_camera_photo_its_time(fresh_case: Case, corpora: Path,
                                                         tmp_path: Path) -> None:
    src = tmp_path / "Reconyx_HC500_Hyperfire.jpg"
    shutil.copy(corpora / "exif-samples" / "jpg" / "Reconyx_HC500_Hyperfire.jpg", src)
    shutil.copy(corpora / "exif-samples" / "jpg" / "Canon_40D.jpg", tmp_path / "Canon_40D.jpg")
    outcomes = import_paths(fresh_case, [src, tmp_path / "Canon_40D.jpg"], workers=1).outcomes
    trail, canon = (o.item_id for o in outcomes)
    _as_stored_before_places(fresh_case, trail)
    assert query.get_photo(fresh_case, trail).capture is None

    report = query.reread_metadata(fresh_case)
    assert report.changed == [trail] and not report.skipped   # the Canon row already has places
    tv = query.get_photo(fresh_case, trail).capture
    assert tv is not None and tv.local == "2020-03-16T10:00:00.000"
    assert tv.read_from == "makernote Reconyx HyperFire DateTimeOriginal"
    [event] = [e for e in fresh_case.events() if e["action"] == "metadata-reread"]
    assert event["target_id"] == trail
    assert verify_case(fresh_case, record=False).ok
    assert query.reread_metadata(fresh_case, only_without_places=False).changed == []   # nothing new


def test_a_changed_original_is_not_read(fresh_case: Case, corpora: Path, tmp_path: Path) -> None:
    src = tmp_path / "Reconyx_HC500_Hyperfire.jpg"
    shutil.copy(corpora / "exif-samples" / "jpg" / "Reconyx_HC500_Hyperfire.jpg", src)
    [outcome] = import_paths(fresh_case, [src], workers=1).outcomes
    _as_stored_before_places(fresh_case, outcome.item_id)
    item = fresh_case.rows("SELECT * FROM items WHERE id = ?", [outcome.item_id])[0]
    blob = fresh_case.blob_path(item)
    blob.chmod(0o644)
    blob.write_bytes(blob.read_bytes() + b"changed")
    report = query.reread_metadata(fresh_case)
    assert report.changed == [] and "no longer matches its SHA-256" in report.skipped[outcome.item_id]
    assert query.get_photo(fresh_case, outcome.item_id).capture is None
