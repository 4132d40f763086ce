"""Capture times, zones and positions read from every place a camera or app puts them (real files
from the shared corpora; ExifTool's reading of each is quoted beside the assertion)."""

from __future__ import annotations

import io
from pathlib import Path

from PIL import PngImagePlugin

from casefile.photos import places
from casefile.photos.capture_time import capture_time
from casefile.photos.extract import extract_metadata, extract_metadata_file

from ._make import picture

JPG = ("exif-samples", "jpg")


def _read(corpora: Path, *parts: str):  # noqa: ANN202
    return extract_metadata_file(corpora.joinpath(*parts))[0]


def test_reconyx_trail_camera_time_from_its_maker_note(corpora: Path) -> None:
    meta = _read(corpora, *JPG, "Reconyx_HC500_Hyperfire.jpg")
    tv = capture_time(meta)
    # ExifTool: Reconyx:DateTimeOriginal 2020:03:16 10:00:00 (the EXIF block holds no time)
    assert tv is not None and tv.local == "2020-03-16T10:00:00.000"
    assert tv.read_from == "makernote Reconyx HyperFire DateTimeOriginal"
    assert tv.basis == "unknown" and tv.utc is None      # a trail camera states no zone


def test_canon_ciff_capture_time(corpora: Path) -> None:
    meta = _read(corpora, *JPG, "exif-org", "sony-powershota5.jpg")
    tv = capture_time(meta)
    # ExifTool: CIFF:DateTimeOriginal 2000:10:27 22:56:26; TimeZoneInfo 0 (the zone code is not valid)
    assert tv is not None and tv.local == "2000-10-27T22:56:26.000" and tv.read_from == "ciff TimeStamp"
    assert not places.zone_values(meta)
    assert (meta.make, meta.model) == ("Canon", "Canon PowerShot A5")


def test_olympus_picture_info_capture_time(corpora: Path) -> None:
    meta = _read(corpora, *JPG, "exif-org", "olympus-d320l.jpg")
    tv = capture_time(meta)
    # ExifTool: PictureInfo:DateTimeOriginal 1998:10:29 22:06:59 (APP12 TimeDate=909698819)
    assert tv is not None and tv.local == "1998-10-29T22:06:59.000"
    assert tv.read_from == "pictureinfo TimeDate" and tv.raw == "909698819"


def test_canon_maker_note_time_zone_gives_the_offset(corpora: Path) -> None:
    meta = _read(corpora, *JPG, "hdr", "canon_hdr_NO.jpg")
    tv = capture_time(meta, default_tz="Asia/Tokyo")
    # ExifTool: Canon:TimeZone +01:00, DaylightSavings Off (maker note moved by an editor: base -128)
    assert tv is not None and tv.basis == "exif-offset" and tv.zone == "+01:00"
    assert tv.utc == "2015-02-09T21:47:44.000Z"
    assert tv.read_from == ("exif DateTimeOriginal; zone from makernote Canon TimeInfo "
                            "TimeZone+DaylightSavings")


def test_nikon_world_time_gives_the_offset(corpora: Path) -> None:
    meta = _read(corpora, *JPG, "tests", "32-lens_data.jpeg")
    tv = capture_time(meta)
    # ExifTool: Nikon:TimeZone +03:00, DaylightSavings No; SubSecTimeOriginal 68
    assert tv is not None and tv.zone == "+03:00" and tv.utc == "2012-07-14T13:30:12.680Z"


def test_xmp_offset_for_the_same_wall_clock_time(corpora: Path) -> None:
    meta = _read(corpora, *JPG, "Nikon_D70.jpg")
    tv = capture_time(meta, default_tz="Asia/Tokyo")
    # ExifTool: ExifIFD:DateTimeOriginal 2008:03:15 09:52:01, XMP-exif:DateTimeOriginal ...-04:00
    assert tv is not None and tv.utc == "2008-03-15T13:52:01.000Z"
    assert tv.raw == "2008:03:15 09:52:01"                # not shown with an offset EXIF lacks
    assert tv.read_from == "exif DateTimeOriginal; offset from xmp exif:DateTimeOriginal"


def test_iptc_date_and_time_created(corpora: Path) -> None:
    meta = _read(corpora, "pillow-bad-images", "invalid-exif-without-x-resolution.jpg")
    iptc = [v for v in meta.found if v.place == "iptc"]
    # ExifTool: IPTC:DateCreated 2016:12:03, IPTC:TimeCreated 11:17:43+00:00
    assert [(v.kind, v.value, v.offset) for v in iptc] == [("original", "2016-12-03T11:17:43", "+00:00")]


def test_xmp_time_only_in_xmp(corpora: Path) -> None:
    meta = _read(corpora, *JPG, "tests", "30-type_error.jpg")
    tv = capture_time(meta)
    # ExifTool: XMP-exif:DateTimeOriginal 2013:07:05 03:18:27Z (and no EXIF time)
    assert tv is not None and tv.utc == "2013-07-05T03:18:27.000Z"
    assert tv.read_from == "xmp exif:DateTimeOriginal"


def test_a_date_alone_is_the_whole_day(corpora: Path) -> None:
    meta = _read(corpora, *JPG, "long_description.jpg")
    tv = capture_time(meta, default_tz="UTC")
    # ExifTool: XMP-photoshop:DateCreated 2003:08:31 (a date alone), XMP-xmp:CreateDate 2005:12:17 ...
    assert tv is not None and tv.read_from == "xmp photoshop:DateCreated"
    assert tv.utc == "2003-08-31T12:00:00.000Z" and tv.uncertainty_s == 12 * 3600


def _png_with_xmp(description: str) -> bytes:
    info = PngImagePlugin.PngInfo()
    info.add_itxt("XML:com.adobe.xmp",
                  '<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF '
                  'xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">'
                  f'<rdf:Description xmlns:exif="http://ns.adobe.com/exif/1.0/" '
                  f'xmlns:xap="http://ns.adobe.com/xap/1.0/" {description}/></rdf:RDF></x:xmpmeta>')
    buf = io.BytesIO()
    picture().save(buf, "PNG", pnginfo=info)
    return buf.getvalue()


def test_gps_inside_xmp_is_the_position_when_exif_has_none() -> None:
    # An app that writes only XMP (no EXIF block); the prefix "xap" is the old name of xmp:.
    data = _png_with_xmp('exif:GPSLatitude="10,36.3N" exif:GPSLongitude="66,59,24.6W" '
                         'xap:CreateDate="2019-03-23T14:05:00-04:00"')
    meta, _ = extract_metadata(Path("app.png"), data)
    assert abs(meta.gps.lat - 10.605) < 1e-9 and abs(meta.gps.lon - (-66.99016666666667)) < 1e-9
    assert meta.gps.read_from == "xmp exif:GPSLatitude/GPSLongitude"
    assert meta.gps.tz_at_position == "America/Caracas"
    tv = capture_time(meta)
    assert tv is not None and tv.utc == "2019-03-23T18:05:00.000Z" and tv.read_from == "xmp xmp:CreateDate"


def test_impossible_xmp_position_is_kept_with_why_not_used() -> None:
    meta, _ = extract_metadata(Path("bad.png"), _png_with_xmp('exif:GPSLatitude="95,0N" '
                                                              'exif:GPSLongitude="10,0E"'))
    assert meta.gps.lat is None
    found = [v for v in meta.found if v.kind == "position"]
    assert found and found[0].raw == "95,0N 10,0E" and "not a possible position" in (found[0].problem or "")


def test_xmp_time_forms() -> None:
    assert places.read_time("2019-03-23T14:05:00.5+1:00") == ("2019-03-23T14:05:00.500", "+01:00", None)
    assert places.read_time("2019:03:23 14:05Z") == ("2019-03-23T14:05:00", "+00:00", None)
    assert places.read_time("2019-03-23") == ("2019-03-23", None, None)
    assert places.read_time("2019")[2] == "gives only a year or a month, not a day"
    assert places.read_time("2019-02-30T10:00:00")[2] == "not a possible date and time"
    assert places.read_time("2019-03-23T14:05:00+15:00")[1:] == (
        None, "offset '+15:00' is not one in use on Earth (ignored)")


def _jpeg_with_makernote(note: bytes, *, make: str, original: str | None) -> bytes:
    """A JPEG whose EXIF IFD carries this maker note (and DateTimeOriginal unless None)."""
    from PIL import Image

    ex = Image.Exif()
    ex[0x010F] = make
    sub = ex.get_ifd(0x8769)
    if original:
        sub[0x9003] = original
    sub[0x927C] = note
    buf = io.BytesIO()
    picture().save(buf, "JPEG", exif=ex.tobytes())
    return buf.getvalue()


def _ifd(entries: list[tuple[int, int, int, bytes]], order: str = "<") -> bytes:
    """A little IFD: (tag, type, count, 4-byte value field) entries, no next IFD."""
    import struct

    out = struct.pack(order + "H", len(entries))
    for tag, typ, count, field in entries:
        out += struct.pack(order + "HHI", tag, typ, count) + field
    return out + b"\x00\x00\x00\x00"


def test_olympus_utc_clock_gives_the_zone() -> None:
    import struct

    # OLYMPUS header (offsets count from the note's start); CameraSettings sub-IFD at 30 holding
    # DateTimeUTC (0x0908) at 48: the camera's UTC reading of the moment.
    main = _ifd([(0x2020, 13, 1, struct.pack("<I", 30))])
    camera = _ifd([(0x0908, 2, 20, struct.pack("<I", 48))])
    note = b"OLYMPUS\x00II\x03\x00" + main + camera + b"2019:03:23 18:05:00\x00"
    meta, _ = extract_metadata(Path("om.jpg"), _jpeg_with_makernote(note, make="OM Digital Solutions",
                                                                    original="2019:03:23 14:05:00"))
    tv = capture_time(meta, default_tz="Asia/Tokyo")
    assert tv is not None and tv.utc == "2019-03-23T18:05:00.000Z" and tv.zone == "-04:00"
    assert tv.read_from == ("exif DateTimeOriginal; zone from the camera's UTC clock (makernote "
                            "Olympus CameraSettings DateTimeUTC)")


def test_sony_shot_info_time_when_exif_has_none() -> None:
    import struct

    from casefile.photos import ifd, makernotes

    def note_at(offset: int) -> bytes:     # Sony offsets count from the TIFF header
        shot = b"II" + b"\x00" * 4 + b"2019:03:23 14:05:00\x00" + b"\x00" * 6
        entry = (0x3000, 7, len(shot), struct.pack("<I", offset + 30))
        return b"SONY DSC \x00\x00\x00" + _ifd([entry]) + shot

    draft = _jpeg_with_makernote(note_at(0), make="SONY", original=None)
    from PIL import Image

    located = makernotes.find_makernote(ifd.tiff_block(Image.open(io.BytesIO(draft)).info["exif"]) or b"")
    assert located is not None
    data = _jpeg_with_makernote(note_at(located[0]), make="SONY", original=None)
    meta, _ = extract_metadata(Path("sony.jpg"), data)
    tv = capture_time(meta)
    assert tv is not None and tv.local == "2019-03-23T14:05:00.000"
    assert tv.read_from == "makernote Sony ShotInfo SonyDateTime"


def test_gps_time_inside_xmp_gives_the_utc_when_nothing_states_a_zone() -> None:
    data = _png_with_xmp('exif:DateTimeOriginal="2019-03-23T14:05:00" '
                         'exif:GPSTimeStamp="2019-03-23T18:04:58Z"')
    meta, _ = extract_metadata(Path("app.png"), data)
    tv = capture_time(meta, default_tz="Asia/Tokyo")
    assert tv is not None and tv.basis == "gps-utc" and tv.utc == "2019-03-23T18:04:58.000Z"
    assert tv.read_from == "xmp exif:GPSTimeStamp" and tv.local == "2019-03-23T14:05:00.000"


def _samsung_trailer(ms: str) -> bytes:
    """A Samsung 'SEFT' trailer holding one Image_UTC_Data block (milliseconds since 1970, UTC)."""
    import struct

    name, value = b"Image_UTC_Data", ms.encode()
    block = b"\x00\x00\x01\x0a" + struct.pack("<I", len(name)) + name + value
    directory = b"SEFH" + struct.pack("<II", 101, 1) + b"\x00\x00\x01\x0a" + struct.pack("<II", len(block),
                                                                                        len(block))
    return block + directory + struct.pack("<I", len(directory)) + b"SEFT"


def test_samsung_trailer_utc_gives_the_zone_of_the_camera_time() -> None:
    from ._make import make_jpeg

    data = make_jpeg(make="samsung", model="SM-G991B", original="2019:03:23 14:05:00") + \
        _samsung_trailer("1553364301200")                  # 2019-03-23T18:05:01.200Z, saved 1.2 s later
    meta, _ = extract_metadata(Path("galaxy.jpg"), data)
    tv = capture_time(meta, default_tz="Asia/Tokyo")
    assert tv is not None and tv.zone == "-04:00" and tv.utc == "2019-03-23T18:05:00.000Z"
    assert tv.read_from == ("exif DateTimeOriginal; zone from the camera's UTC clock (trailer Samsung "
                            "Image_UTC_Data)")
    alone = make_jpeg(make="samsung", original=None) + _samsung_trailer("1553364301200")
    tv = capture_time(extract_metadata(Path("galaxy2.jpg"), alone)[0])
    assert tv is not None and tv.utc == "2019-03-23T18:05:01.200Z"
    assert tv.read_from == "trailer Samsung Image_UTC_Data"
