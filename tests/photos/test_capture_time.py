"""Capture time: offset tags > GPS UTC stamp > zone at the GPS position > case default > unknown."""

from __future__ import annotations

from datetime import UTC
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from casefile.photos.capture_time import capture_time
from casefile.photos.extract import parse_photo

from ._make import make_jpeg


def _meta(**kw):  # noqa: ANN202
    return parse_photo(Path("made.jpg"), make_jpeg(**kw)).meta


def test_offset_tag_wins_over_gps_and_case_default() -> None:
    meta = _meta(offset="-04:00", gps=(10.6, -66.99), gps_stamp=("2019:03:23", (18, 0, 0)))
    tv = capture_time(meta, default_tz="Asia/Tokyo")
    assert tv.basis == "exif-offset"
    assert tv.utc == "2019-03-23T18:05:00.000Z"      # 14:05 at -04:00
    assert tv.raw == "2019:03:23 14:05:00 -04:00" and tv.read_from == "exif DateTimeOriginal"


def test_gps_utc_stamp_when_no_offset_tag() -> None:
    meta = _meta(gps=(10.6, -66.99), gps_stamp=("2019:03:23", (18, 4, 58)))
    tv = capture_time(meta, default_tz="Asia/Tokyo")
    assert tv.basis == "gps-utc" and tv.utc == "2019-03-23T18:04:58.000Z"
    assert tv.local == "2019-03-23T14:05:00.000"     # the camera's own reading is kept


def test_zone_at_gps_position_offline() -> None:
    meta = _meta(gps=(10.48, -66.90))                  # Caracas, no GPS time stamp
    tv = capture_time(meta, default_tz="Asia/Tokyo")
    assert tv.basis == "location-tz" and tv.zone == "America/Caracas"
    assert tv.utc == "2019-03-23T18:05:00.000Z"


def test_case_default_zone_then_unknown_never_utc() -> None:
    meta = _meta()
    tv = capture_time(meta, default_tz="Europe/Berlin")
    assert tv.basis == "case-default" and tv.utc == "2019-03-23T13:05:00.000Z"
    unknown = capture_time(meta, default_tz=None)
    assert unknown.basis == "unknown" and unknown.utc is None
    assert unknown.local == "2019-03-23T14:05:00.000"
    assert unknown.uncertainty_s == 1.0  # the zone spread is added by window(), once
    start, end = unknown.window()
    assert (end - start).total_seconds() == 26 * 3600 + 2.0


def test_ambiguous_dst_wall_time_widens_uncertainty() -> None:
    meta = _meta(original="2019:10:27 02:30:00")      # happens twice in Berlin that night
    tv = capture_time(meta, default_tz="Europe/Berlin")
    assert tv.uncertainty_s >= 3600


def test_no_times_at_all_gives_none() -> None:
    import io

    from ._make import picture

    buf = io.BytesIO()
    picture().save(buf, "PNG")
    assert capture_time(parse_photo(Path("plain.png"), buf.getvalue()).meta) is None


def test_xmp_create_date_used_when_exif_has_none(corpora: Path) -> None:
    path = corpora / "exif-samples" / "jpg" / "xmp" / "no_exif.jpg"
    tv = capture_time(parse_photo(path, path.read_bytes()).meta)
    # ExifTool: XMP CreateDate 2013:09:23 10:09:46+02:00
    assert tv.utc == "2013-09-23T08:09:46.000Z" and tv.read_from == "xmp xmp:CreateDate"
    assert tv.raw == "2013-09-23T10:09:46+02:00"


def test_real_iphone_heic_uses_offset_tag(corpora: Path) -> None:
    path = corpora / "exif-samples" / "heic" / "IMG_5195.HEIC"
    tv = capture_time(parse_photo(path, path.read_bytes()).meta)
    assert tv.basis == "exif-offset" and tv.utc.startswith("2021-04-11T20:47:53")


@settings(max_examples=30, deadline=None)
@given(st.integers(-12 * 4, 14 * 4))
def test_offset_tags_round_trip(quarters: int) -> None:
    mins = quarters * 15
    sign = "-" if mins < 0 else "+"
    text = f"{sign}{abs(mins) // 60:02d}:{abs(mins) % 60:02d}"
    from datetime import datetime, timedelta

    tv = capture_time(_meta(offset=text))
    expect = datetime(2019, 3, 23, 14, 5, tzinfo=UTC) - timedelta(minutes=mins)
    assert tv.utc == expect.strftime("%Y-%m-%dT%H:%M:%S.000Z")


def test_xmp_creation_time_with_offset_for_files_without_exif_time() -> None:
    import io

    from PIL import PngImagePlugin

    from ._make import picture

    info = PngImagePlugin.PngInfo()
    packet = ('<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF><rdf:Description '
              'photoshop:DateCreated="2019-03-23T14:05:00-04:00"/></rdf:RDF></x:xmpmeta>')
    info.add_itxt("XML:com.adobe.xmp", packet)
    buf = io.BytesIO()
    picture().save(buf, "PNG", pnginfo=info)
    meta = parse_photo(Path("s.png"), buf.getvalue()).meta
    tv = capture_time(meta, default_tz="Asia/Tokyo")
    assert tv.basis == "exif-offset" and tv.utc == "2019-03-23T18:05:00.000Z"
    assert tv.raw == "2019-03-23T14:05:00-04:00" and tv.read_from == "xmp photoshop:DateCreated"
