"""The places-disagree check: a real file whose XMP was rewritten, and made-up files for the cases
no corpus file shows (a zone, a position and a camera name that differ between places)."""

from __future__ import annotations

from pathlib import Path

from photos._make import make_jpeg

from casefile.checks import CheckInput, run_photo_checks
from casefile.photos.capture_time import capture_time
from casefile.photos.extract import extract_metadata, extract_metadata_file


def _findings(path: Path, data: bytes | None = None) -> list:
    meta = extract_metadata_file(path)[0] if data is None else extract_metadata(path, data)[0]
    inp = CheckInput(item_id="ITEM", meta=meta, capture=capture_time(meta))
    return [f for f in run_photo_checks(inp) if f.check_id == "places-disagree"]


def _with_xmp(data: bytes, description: str) -> bytes:
    packet = ('<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-'
              'syntax-ns#"><rdf:Description xmlns:exif="http://ns.adobe.com/exif/1.0/" xmlns:tiff='
              f'"http://ns.adobe.com/tiff/1.0/" {description}/></rdf:RDF></x:xmpmeta>').encode()
    payload = b"http://ns.adobe.com/xap/1.0/\x00" + packet
    return data[:2] + b"\xff\xe1" + (len(payload) + 2).to_bytes(2, "big") + payload + data[2:]


def test_xmp_create_date_rewritten_days_after_the_camera_time(corpora: Path) -> None:
    found = _findings(corpora / "exif-samples" / "jpg" / "Pentax_K10D.jpg")
    # ExifTool: ExifIFD:CreateDate 2008:05:04 16:47:24, XMP-xmp:CreateDate 2008:05:10 20:55:15+09:00
    assert len(found) == 1 and found[0].fields["field"] == "creation time"
    assert "xmp xmp:CreateDate says 2008-05-10T20:55:15+09:00 (6 d 4 h 7 min 51 s later)" \
        in found[0].explanation
    # The EXIF time is read at +09:00 (XMP exif:DateTimeOriginal gives it), so the gap is real time.
    assert found[0].fields["differences_s"] == [6 * 86400 + 4 * 3600 + 7 * 60 + 51]


def test_same_instant_written_in_another_zone_is_no_disagreement(corpora: Path) -> None:
    # ExifTool: EXIF CreateDate 19:31:26 (no zone), XMP-exif 19:31:26.0+1:00, XMP-xmp:CreateDate
    # 20:31:26+02:00: the same moment, written by an editor in its own zone.
    assert _findings(corpora / "exif-samples" / "jpg" / "tests" / "33-type_error.jpg") == []


def test_agreeing_places_give_nothing(corpora: Path) -> None:
    # EXIF, XMP photoshop:DateCreated, xmp:CreateDate and IPTC all say 2005:12:14 14:39:47.
    assert _findings(corpora / "exif-samples" / "jpg" / "tests" / "87_OSError.jpg") == []


def test_editor_time_that_differs_from_the_camera_time() -> None:
    data = _with_xmp(make_jpeg(original="2019:03:23 14:05:00", offset="-04:00"),
                     'exif:DateTimeOriginal="2019-03-24T09:00:00-04:00"')
    found = _findings(Path("edited.jpg"), data)
    assert [f.fields["field"] for f in found] == ["capture time"]
    assert found[0].fields["differences_s"] == [18 * 3600 + 55 * 60]
    assert "Casefile takes the capture time from exif DateTimeOriginal" in found[0].explanation


def test_zone_setting_and_offset_tag_disagree() -> None:
    data = _with_xmp(make_jpeg(original="2019:03:23 14:05:00", offset="+02:00"),
                     'exif:DateTimeOriginal="2019-03-23T14:05:00-05:00"')
    found = _findings(Path("zones.jpg"), data)
    assert [f.fields["field"] for f in found] == ["time zone"]
    assert "exif DateTimeOriginal says +02:00; xmp exif:DateTimeOriginal says -05:00" in found[0].explanation


def test_positions_far_apart_and_camera_renamed() -> None:
    data = _with_xmp(make_jpeg(gps=(10.6, -66.99), make="Canon", model="Canon EOS 5D"),
                     'exif:GPSLatitude="55,45.0N" exif:GPSLongitude="37,37.0E" tiff:Make="Nikon"')
    found = {f.fields["field"]: f for f in _findings(Path("moved.jpg"), data)}
    assert set(found) == {"position", "camera make"}
    assert found["position"].severity == "warning" and found["position"].fields["distance_m"] > 9_000_000
    assert "Casefile uses exif GPS" in found["position"].explanation
    # Spelling and spacing alone are not a different camera.
    same = _with_xmp(make_jpeg(make="Canon"), 'tiff:Make="CANON "')
    assert _findings(Path("same.jpg"), same) == []
