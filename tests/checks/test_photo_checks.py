"""Metadata checks on real corpus files that show each case, and on photos made here where none does."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from photos._make import make_jpeg, picture
from PIL import Image

from casefile.checks import CheckInput, run_photo_checks
from casefile.model.findings import SEVERITIES
from casefile.photos.capture_time import capture_time
from casefile.photos.extract import parse_photo


def _run(path: Path | str, data: bytes | None = None, *, acquired_at: str | None = None,
         now: str = "2026-01-01T00:00:00.000Z", default_tz: str | None = None) -> dict[str, list]:
    path = Path(path)
    parsed = parse_photo(path, data if data is not None else path.read_bytes())
    inp = CheckInput(item_id="ITEM", meta=parsed.meta,
                     capture=capture_time(parsed.meta, default_tz=default_tz),
                     acquired_at=acquired_at, now=now, decode_problem=parsed.decode_problem)
    found: dict[str, list] = {}
    for f in run_photo_checks(inp):
        assert f.severity in SEVERITIES and f.item_id == "ITEM"
        assert f.explanation.endswith(".") and f.innocent_cause and f.fields, f
        found.setdefault(f.check_id, []).append(f)
    return found


def _segment(data: bytes, marker: int, payload: bytes) -> bytes:
    """Insert an APPn segment right after the start-of-image marker."""
    return data[:2] + bytes([0xFF, marker]) + (len(payload) + 2).to_bytes(2, "big") + payload + data[2:]


# ---- real files ---------------------------------------------------------------------------------

def test_canon_40d_photoshop_import_names_its_editor(corpora: Path) -> None:
    found = _run(corpora / "exif-samples/jpg/Canon_40D_photoshop_import.jpg")
    (f,) = found["editing-software"]
    assert f.fields == {"field": "Software", "value": "GIMP 2.4.5", "editor": "GIMP"}
    assert "no-metadata" not in found


def test_canon_40d_resaved_with_library_tables_modified_and_gps_stripped(corpora: Path) -> None:
    found = _run(corpora / "exif-samples/jpg/Canon_40D.jpg")
    assert found["library-quantization"][0].fields["estimated_quality"] == 65
    assert found["modified-after-capture"][0].fields["difference_s"] > 60 * 86400
    assert "gps-stripped" in found


def test_bogus_gps_and_future_capture_time(corpora: Path) -> None:
    found = _run(corpora / "pillow-bad-images/exif_gps.jpg")
    assert found["gps-bogus"][0].severity == "warning"
    assert "4294967295" in found["gps-bogus"][0].fields["problem"]
    assert "capture-in-future" in found          # DateTimeOriginal 2099:09:29


def test_gps_vs_camera_clock_on_nikon_gps_sample(corpora: Path) -> None:
    found = _run(corpora / "exif-samples/jpg/gps/DSCN0010.jpg")
    f = found["camera-clock-offset"][0]
    assert f.fields["gps_utc"] == "2008-10-23T14:27:07.240Z"
    # camera 2008-10-22 16:28:39 in Italy (UTC+2 in October) vs GPS 2008-10-23 14:27:07: ~22 h behind
    assert f.fields["clock_offset_s"] == pytest.approx(-(22 * 3600 - 92.24 + 7200), abs=2)


def test_embedded_thumbnail_differs(corpora: Path) -> None:
    f = _run(corpora / "exif-samples/jpg/tests/35-empty.jpg")["thumbnail-differs"][0]
    assert f.fields["dhash_distance"] >= 20


def test_pixel_size_of_cropped_iphone_heic(corpora: Path) -> None:
    f = _run(corpora / "exif-samples/heic/IMG_5195.HEIC")["pixel-size"][0]
    assert (f.fields["exif_width"], f.fields["width"]) == (4032, 2566)


def test_exif_structure_loop_and_wrong_ifd(corpora: Path) -> None:
    loop = _run(corpora / "exif-samples/jpg/tests/45-gps_ifd.jpg")["exif-structure"][0]
    assert any("loop" in p for p in loop.fields["problems"])
    wrong = _run(corpora / "pillow-bad-images/broken_exif_dpi.jpg")["exif-structure"][0]
    assert any("LensModel is in IFD0" in p for p in wrong.fields["problems"])


def test_xmp_history_and_photoshop_segment(corpora: Path) -> None:
    found = _run(corpora / "exif-samples/jpg/tests/87_OSError.jpg")
    assert "Lightroom" in found["xmp-history"][0].fields["events"][0]
    assert "photoshop-app13" in found


def test_mpo_extra_image_is_info_not_warning(corpora: Path) -> None:
    f = _run(corpora / "pillow-bad-images/sugarshack_bad_mpo_header.jpg")["trailing-data"][0]
    assert f.severity == "info" and f.fields["mpf_index"] and f.fields["kind"] == "jpeg"


def test_truncated_and_stripped_files(corpora: Path) -> None:
    assert "image-damaged" in _run(corpora / "pillow-bad-images/truncated_jpeg.jpg")
    assert "no-metadata" in _run(corpora / "pillow-bad-images/exif_imagemagick.png")


def test_clean_camera_file_raises_no_warning(corpora: Path) -> None:
    found = _run(corpora / "exif-samples/jpg/hdr/iphone_hdr_YES.jpg")
    assert not [f for fs in found.values() for f in fs if f.severity == "warning"]


# ---- photos made here ---------------------------------------------------------------------------

def test_hidden_data_after_end_of_image_is_a_warning() -> None:
    hidden = b"PK\x03\x04 a zip file hides here" * 3
    f = _run("x.jpg", make_jpeg(trailing=hidden))["trailing-data"][0]
    assert f.severity == "warning" and f.fields["trailing_bytes"] == len(hidden)


def test_facebook_fbmd_marker() -> None:
    iptc = b"\x1c\x02\x67" + (40).to_bytes(2, "big") + b"FBMD01000a8c0100003b0500001a0a0000a10b0000"[:40]
    res = b"8BIM\x04\x04\x00\x00" + len(iptc).to_bytes(4, "big") + iptc
    found = _run("fb.jpg", _segment(make_jpeg(), 0xED, b"Photoshop 3.0\x00" + res))
    assert found["platform-facebook"][0].fields["fbmd"].startswith("FBMD01000")


def test_c2pa_manifest_detected() -> None:
    box = b"JP" + b"\x00\x01" + b"\x00\x00\x00\x01" + b"\x00\x00\x00\x20jumb\x00\x00\x00\x18jumdc2pa"
    assert _run("c.jpg", _segment(make_jpeg(), 0xEB, box))["c2pa"][0].severity == "info"


def test_library_tables_not_flagged_for_custom_camera_tables() -> None:
    buf = io.BytesIO()
    tables = [[2 + (i % 7) for i in range(64)], [3 + (i % 5) for i in range(64)]]
    exif = Image.open(io.BytesIO(make_jpeg())).info["exif"]
    picture().save(buf, "JPEG", qtables=tables, exif=exif)
    assert "library-quantization" not in _run("cam.jpg", buf.getvalue())
    assert "library-quantization" in _run("lib.jpg", make_jpeg(quality=80))


def test_capture_after_acquisition_but_not_before() -> None:
    data = make_jpeg(offset="+00:00")       # taken 2019-03-23 14:05 UTC
    late = _run("t.jpg", data, acquired_at="2019-03-22T00:00:00.000Z")
    assert late["capture-after-acquisition"][0].severity == "warning"
    assert "capture-after-acquisition" not in _run("t.jpg", data, acquired_at="2019-03-24T00:00:00.000Z")


def test_unknown_zone_only_flags_what_no_zone_could_explain() -> None:
    data = make_jpeg()                      # 14:05 local, zone unknown: UTC 00:05 .. 02:05 next day
    assert "capture-after-acquisition" not in _run("u.jpg", data, acquired_at="2019-03-23T03:00:00.000Z")
    assert "capture-after-acquisition" in _run("u.jpg", data, acquired_at="2019-03-22T20:00:00.000Z")


def test_camera_clock_agreeing_with_gps_is_quiet() -> None:
    data = make_jpeg(offset="+01:00", gps=(48.85, 2.29), gps_stamp=("2019:03:23", (13, 5, 20)))
    assert "camera-clock-offset" not in _run("ok.jpg", data)
    off = make_jpeg(offset="+01:00", gps=(48.85, 2.29), gps_stamp=("2019:03:23", (13, 25, 0)))
    f = _run("off.jpg", off)["camera-clock-offset"][0]
    assert f.fields["clock_offset_s"] == -1200


def test_exif_size_mismatch_and_jpeg_comment_software() -> None:
    comment = b"CREATOR: gd-jpeg v1.0 (using IJG JPEG v80)"
    found = _run("r.jpg", make_jpeg(exif_size=(4000, 3000), comment=comment))
    assert found["pixel-size"][0].fields["exif_width"] == 4000
    assert found["jpeg-comment-software"][0].fields["writer"] == "CREATOR:"


def test_bad_date_field_is_a_structure_problem() -> None:
    found = _run("d.jpg", make_jpeg(original="2019-03-23T14:05:00"))
    assert any("DateTimeOriginal" in p for p in found["exif-structure"][0].fields["problems"])
