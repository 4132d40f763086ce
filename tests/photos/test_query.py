"""The photos read API (docs/interfaces.md) on a case built from photos made in the test."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from PIL import Image

from casefile.errors import InvalidInput, NotFound
from casefile.importers.pipeline import import_paths
from casefile.photos import query
from casefile.store import Case, verify_case

from ._make import make_jpeg, picture


def _add(case: Case, tmp_path: Path, name: str, data: bytes) -> str:
    path = tmp_path / name
    path.write_bytes(data)
    report = import_paths(case, [path], workers=1)
    (outcome,) = report.outcomes
    assert outcome.status == "imported", outcome.message
    return outcome.item_id


def test_import_list_get_and_raw(fresh_case: Case, tmp_path: Path) -> None:
    item = _add(fresh_case, tmp_path, "a.jpg", make_jpeg(gps=(48.8584, 2.2945), offset="+01:00"))
    (info,) = query.list_photos(fresh_case)
    assert info.item_id == item and info.make == "Canon" and info.model == "Canon EOS 5D"
    assert info.capture.basis == "exif-offset" and info.capture.utc == "2019-03-23T13:05:00.000Z"
    assert info.gps.source == "exif" and info.gps.lat == pytest.approx(48.8584, abs=1e-6)
    assert len(info.phash) == 16 and len(info.dhash) == 16
    assert query.get_photo(fresh_case, item) == info
    assert query.raw_tags(fresh_case, item)["Image Make"] == "Canon"
    kinds = {d["kind"] for d in fresh_case.derivations(item)}
    assert {"thumbnail", "preview"} <= kinds
    assert query.embedded_thumbnail(fresh_case, item) is None      # Pillow writes none
    thumb = query.derived_copy(fresh_case, item, "thumbnail")
    assert max(Image.open(thumb["path"]).size) <= 256
    with pytest.raises(NotFound):
        query.get_photo(fresh_case, "NOPE")


def test_analyst_location_changes_capture_basis_and_is_in_the_ledger(fresh_case: Case,
                                                                     tmp_path: Path) -> None:
    item = _add(fresh_case, tmp_path, "b.jpg", make_jpeg())
    assert query.get_photo(fresh_case, item).capture.basis == "unknown"
    query.set_photo_location(fresh_case, item, 10.48, -66.90, "matched the skyline of Caracas")
    info = query.get_photo(fresh_case, item)
    assert info.gps.source == "analyst" and info.analyst_place_note.startswith("matched")
    assert info.capture.basis == "location-tz" and info.capture.zone == "America/Caracas"
    assert info.capture.utc == "2019-03-23T18:05:00.000Z"
    assert any(e["action"] == "photo-location-set" for e in fresh_case.events(item))
    with pytest.raises(InvalidInput):
        query.set_photo_location(fresh_case, item, 95.0, 0.0)
    assert verify_case(fresh_case).ok


def test_tags_ela_and_findings_recomputed_after_changes(fresh_case: Case, tmp_path: Path) -> None:
    item = _add(fresh_case, tmp_path, "c.jpg", make_jpeg(software="Adobe Photoshop 2024"))
    assert "editing-software" in {f.check_id for f in query.photo_checks(fresh_case, item)}
    query.tag_aircraft(fresh_case, item, "yv3016")
    query.tag_aircraft(fresh_case, item, "YV3016")      # same tag once
    assert query.get_photo(fresh_case, item).aircraft_tags == ["YV3016"]
    row = query.make_ela(fresh_case, item, quality=80)
    assert row["kind"] == "ela" and '"quality":80' in row["params"]
    assert Image.open(fresh_case.path / row["blob_path"]).format == "PNG"
    # a second, re-encoded copy of the same picture arrives: both now name each other
    buf = io.BytesIO()
    Image.open(io.BytesIO(make_jpeg())).resize((320, 240)).save(buf, "JPEG", quality=60)
    other = _add(fresh_case, tmp_path, "copy.jpg", buf.getvalue())
    dup = [f for f in query.photo_checks(fresh_case, item) if f.check_id == "near-duplicate"]
    assert dup and dup[0].fields["other_item_id"] == other and "copy.jpg" in dup[0].title
    assert verify_case(fresh_case).ok


def test_unrelated_pictures_are_not_near_duplicates(fresh_case: Case, tmp_path: Path) -> None:
    a = _add(fresh_case, tmp_path, "a.jpg", make_jpeg(image=picture(seed=1)))
    _add(fresh_case, tmp_path, "b.jpg", make_jpeg(image=picture(seed=4).rotate(90, expand=True)))
    assert "near-duplicate" not in {f.check_id for f in query.photo_checks(fresh_case, a)}


def test_read_only_case_computes_findings_without_writing(fresh_case: Case, tmp_path: Path) -> None:
    item = _add(fresh_case, tmp_path, "d.jpg", make_jpeg(exif=False))
    path = fresh_case.path
    fresh_case.close()
    with Case.open(path, write=False) as ro:
        ids = {f.check_id for f in query.photo_checks(ro, item)}
        assert "no-metadata" in ids
        assert ro.db.execute("SELECT count(*) FROM photo_checks").fetchone()[0] == 0


def test_embedded_thumbnail_read_on_demand(fresh_case: Case, tmp_path: Path, corpora: Path) -> None:
    data = (corpora / "exif-samples/jpg/Canon_40D.jpg").read_bytes()
    item = _add(fresh_case, tmp_path, "canon.jpg", data)
    thumb = query.embedded_thumbnail(fresh_case, item)
    assert thumb and Image.open(io.BytesIO(thumb)).size == (68, 46)     # what ExifTool -b extracts too


def test_capture_times_follow_a_new_case_default_zone(fresh_case: Case, tmp_path: Path) -> None:
    item = _add(fresh_case, tmp_path, "z.jpg", make_jpeg())
    assert query.get_photo(fresh_case, item).capture.basis == "unknown"
    fresh_case.set_meta("default_tz", "Europe/Madrid")
    assert query.refresh_capture_times(fresh_case) == 1
    cap = query.get_photo(fresh_case, item).capture
    assert cap.basis == "case-default" and cap.utc == "2019-03-23T13:05:00.000Z"
    assert query.refresh_capture_times(fresh_case) == 0
    assert verify_case(fresh_case).ok


def test_photo_whose_pixels_do_not_decode(fresh_case: Case, tmp_path: Path, corpora: Path) -> None:
    from casefile.errors import CorruptFile

    item = _add(fresh_case, tmp_path, "broken.png",
                (corpora / "pillow-bad-images/broken_data_stream.png").read_bytes())
    info = query.get_photo(fresh_case, item)
    assert info.phash is None and fresh_case.derivations(item) == []
    assert "image-damaged" in {f.check_id for f in query.photo_checks(fresh_case, item)}
    with pytest.raises(CorruptFile, match="does not decode"):
        query.make_ela(fresh_case, item)
