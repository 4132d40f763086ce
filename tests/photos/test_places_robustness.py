"""The place readers never raise on damaged bytes or text: a bad maker note, XMP time, IPTC field or
CIFF record gives nothing or a value with its problem, never an exception (property-based)."""

from __future__ import annotations

import struct

from hypothesis import example, given, settings
from hypothesis import strategies as st

from casefile.model.photos import JpegStructure
from casefile.photos import ciff, makernotes, places

HEADERS = (b"", b"Nikon\x00\x02\x00\x00\x00MM\x00*\x00\x00\x00\x08", b"OLYMPUS\x00II\x03\x00",
           b"OM SYSTEM\x00\x00\x00II\x04\x00", b"SONY DSC \x00\x00\x00", b"Panasonic\x00\x00\x00",
           b"RECONYXUF\x00", b"RECONYXH2\x00", b"\x01\xf1\x03\x00")


def _tiff_with_note(note: bytes, order: str) -> bytes:
    """A TIFF block whose IFD0 points at an EXIF IFD holding this maker note."""
    e = "<" if order == "II" else ">"
    head = (b"II*\x00" if order == "II" else b"MM\x00*") + struct.pack(e + "I", 8)
    ifd0 = struct.pack(e + "HHHII", 1, 0x8769, 4, 1, 26) + b"\0" * 4       # IFD0 at 8: EXIF IFD at 26
    exif = struct.pack(e + "HHHII", 1, 0x927C, 7, len(note), 44) + b"\0" * 4  # the note at 44
    return head + ifd0 + exif + note


@settings(max_examples=300, deadline=None)
@given(st.sampled_from(HEADERS), st.binary(max_size=400), st.sampled_from(("II", "MM")),
       st.sampled_from((None, "Canon", "SONY", "RECONYX", "NIKON CORPORATION")))
def test_maker_notes_never_raise(header: bytes, body: bytes, order: str, make: str | None) -> None:
    found = makernotes.read(_tiff_with_note(header + body, order), {}, make)
    for v in found:
        assert v.place == "makernote" and (v.value is not None or v.problem)


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=40), st.text(max_size=30), st.binary(max_size=12), st.binary(max_size=12))
@example("2019:03:23 10:00:00.\u00b9", "\u00b9", b"2019\xb903", b"\xb9")
def test_xmp_and_iptc_times_never_raise(text: str, coord: str, date: bytes, clock: bytes) -> None:
    for v in places.xmp_values({"exif:DateTimeOriginal": text, "xmp:CreateDate": text,
                                "exif:GPSLatitude": coord, "exif:GPSLongitude": coord,
                                "exif:GPSTimeStamp": text}):
        assert v.value is not None or v.problem
    for v in places.iptc_values({(2, 55): date, (2, 60): clock}):
        assert v.value is not None or v.problem


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=300), st.integers(0, 2**32 - 1), st.integers(-2**31, 2**31 - 1),
       st.integers(0, 2**32 - 1), st.text(max_size=20))
@example(b"", 0, 0, 0, "\u00b9")          # failed once: '¹' passes str.isdigit(), int() refuses it
@example(b"", 0, 0, 0, "\u0661\u0662")    # Arabic-Indic digits: isdigit() too, not ASCII
def test_ciff_and_picture_info_never_raise(payload: bytes, secs: int, code: int, flag: int,
                                           stamp: str) -> None:
    ciff.read(b"II\x1a\x00\x00\x00HEAPJPGM" + payload)
    jpeg = JpegStructure(ciff_taken=[secs, code, flag], picture_info={"TimeDate": stamp})
    for v in places.container_values(jpeg):
        assert v.value is not None or v.problem


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=200), st.integers(0, 300))
@example(b"\xb9\xb2", 4)
def test_samsung_trailer_never_raises(body: bytes, length: int) -> None:
    from casefile.photos import trailers

    for data in (body + b"\x00\x00SEFT", body + length.to_bytes(4, "little") + b"SEFT",
                 body + b"SEFH" + body + length.to_bytes(4, "little") + b"SEFT"):
        for v in trailers.samsung(data):
            assert v.place == "trailer" and (v.value is not None or v.problem)


def test_picture_info_superscript_from_real_bytes() -> None:
    """The bytes a file can carry: an APP12 '[picture info]' section whose TimeDate is 0xB9
    (Latin-1 '¹'). The capture time is named as not a count of seconds, nothing raises."""
    from casefile.photos.jpeg import picture_info

    info = picture_info(b"[picture info]\r\nTimeDate=\xb9\r\nShutter=1/60\r\n")
    [found] = places.container_values(JpegStructure(picture_info=info))
    assert found.raw == "\u00b9" and found.value is None and found.problem == "not a count of seconds"
