"""The JPEG container read marker by marker: APP segments, comments, quantization, end of image."""

from __future__ import annotations

import io
import mmap
from functools import lru_cache

import numpy as np
from PIL import Image, JpegImagePlugin

from casefile.model.photos import JpegSegment, JpegStructure
from casefile.photos import ciff

_APP_IDENTS = (b"Exif\x00", b"http://ns.adobe.com/xap/1.0/", b"http://ns.adobe.com/xmp/extension/",
               b"ICC_PROFILE", b"Photoshop 3.0", b"JFIF", b"JFXX", b"MPF", b"Adobe", b"Ducky",
               b"FPXR", b"JP", b"Meta", b"XMP", b"AROT", b"HDR_GAIN", b"urn:iso:std:iso:ts:21496")
_STANDALONE = {0x01} | set(range(0xD0, 0xD8))   # TEM and RST markers carry no length


def _ident(payload: bytes) -> str:
    for ident in _APP_IDENTS:
        if payload.startswith(ident):
            return ident.rstrip(b"\x00").decode("latin-1")
    if payload[:2] == b"JP" and len(payload) > 8 and payload[8:12] == b"jumb":
        return "JUMBF"
    end = payload.find(b"\x00")
    text = payload[: end if 0 <= end < 32 else 16]
    return text.decode("latin-1", errors="replace")


def _is_jumbf(payload: bytes) -> bool:
    # ISO 19566-5 JUMBF boxes ride in APP11 segments, "JP" + box instance + sequence + box.
    return payload[:2] == b"JP" and b"jumb" in payload[:32]


def _decode_comment(data: bytes) -> str:
    try:
        return data.decode("utf-8").rstrip("\x00").strip()
    except UnicodeDecodeError:
        return data.decode("latin-1").rstrip("\x00").strip()


def picture_info(payload: bytes) -> dict[str, str]:
    """The key=value lines of an APP12 '[picture info]' section (Olympus, Agfa and other early
    cameras write TimeDate, the capture time, there); later sections are left out."""
    text = payload.decode("latin-1", "replace")
    section = text[text.find("[picture info]") + len("[picture info]"):]
    out: dict[str, str] = {}
    for line in section.splitlines():
        line = line.strip("\x00 ")
        if line.startswith("["):
            break
        key, sep, value = line.partition("=")
        if sep and key.strip():
            out.setdefault(key.strip()[:40], value.strip()[:200])
    return out


def _find_eoi(data: bytes | mmap.mmap, start: int) -> int:
    """Offset of the first FF D9 at or after start, or -1 (vectorised: scan data is megabytes)."""
    arr = np.frombuffer(data, dtype=np.uint8)
    ff = np.flatnonzero(arr[start:-1] == 0xFF) + start
    hits = ff[arr[ff + 1] == 0xD9]
    return int(hits[0]) if hits.size else -1


def read_structure(data: bytes | mmap.mmap, *, find_end: bool = True) -> JpegStructure:
    """Walk a JPEG's markers from SOI to EOI; never raises on a broken file, records problems.

    With find_end=False the walk stops at the image data (header segments only: no end-of-image
    search, so nothing is known about trailing data).
    """
    st = JpegStructure()
    n = len(data)
    if data[:2] != b"\xff\xd8":
        st.problems.append("no start-of-image marker")
        return st
    pos = 2
    while pos < n:
        if data[pos] != 0xFF:
            st.problems.append(f"expected a marker at byte {pos}, found 0x{data[pos]:02X}")
            return st
        while pos < n and data[pos] == 0xFF:   # fill bytes
            pos += 1
        if pos >= n:
            break
        marker = data[pos]
        start = pos - 1
        pos += 1
        if marker == 0xD9:
            st.eoi_offset = pos
            break
        if marker in _STANDALONE:
            continue
        if pos + 2 > n:
            st.problems.append(f"marker 0xFF{marker:02X} at byte {start} cut off")
            return st
        length = int.from_bytes(data[pos:pos + 2], "big")
        if length < 2 or pos + length > n:
            st.problems.append(f"segment 0xFF{marker:02X} at byte {start} runs past the end of the file")
            return st
        payload = data[pos + 2:pos + length]
        seg = JpegSegment(marker=f"0xFF{marker:02X}", offset=start, length=length)
        if 0xE0 <= marker <= 0xEF:
            seg["ident"] = _ident(payload)
            if marker == 0xED and payload.startswith(b"Photoshop 3.0"):
                st.photoshop_app13 = True
                k = payload.find(b"FBMD")
                if k >= 0:
                    st.fbmd = payload[k:k + 96].split(b"\x00")[0].decode("latin-1")
            if marker == 0xEE and payload.startswith(b"Adobe"):
                st.adobe_app14 = True
            if marker == 0xE0 and payload[6:14] == b"HEAPJPGM":
                rec = ciff.read(bytes(payload))
                if rec is not None:
                    st.ciff_make_model = list(rec.make_model) if rec.make_model else None
                    st.ciff_taken = rec.taken
            if marker == 0xEC and b"[picture info]" in payload[:128]:
                st.picture_info = picture_info(bytes(payload))
            if marker == 0xE2 and payload.startswith(b"MPF"):
                st.mpf = True
            if marker == 0xEB and _is_jumbf(payload):
                seg["jumbf"] = True
                if b"c2pa" in payload:
                    seg["c2pa"] = True
        elif marker == 0xFE:
            st.comments.append(_decode_comment(payload))
        st.segments.append(seg)
        pos += length
        if marker == 0xDA and not find_end:
            return st
        if marker == 0xDA:
            # Entropy-coded data stuffs every 0xFF as FF00, so the first FFD9 from here on is the
            # end of the image (progressive files' later tables and scans lie before it).
            eoi = _find_eoi(data, pos)
            if eoi < 0:
                st.problems.append("image data ends without an end-of-image marker (truncated file)")
                return st
            st.eoi_offset = eoi + 2
            break
    if st.eoi_offset is None:
        st.problems.append("no end-of-image marker")
        return st
    trailing = data[st.eoi_offset:]
    st.trailing_bytes = len(trailing)
    if trailing:
        if trailing.lstrip(b"\x00").startswith(b"\xff\xd8"):
            st.trailing_kind = "jpeg"
        elif not trailing.strip(b"\x00\xff\r\n ") or len(trailing) <= 16:
            st.trailing_kind = "padding"
        else:
            st.trailing_kind = "data"
    return st


def quant_tables(im: Image.Image) -> list[list[int]]:
    """The quantization tables Pillow read from a JPEG, by table number (none for other images)."""
    if not isinstance(im, JpegImagePlugin.JpegImageFile):
        return []
    return [list(im.quantization[k]) for k in sorted(im.quantization)]


@lru_cache(maxsize=1)
def _standard_tables() -> dict[tuple[tuple[int, ...], ...], int]:
    """The libjpeg (IJG) standard quantization tables for qualities 1..100, as Pillow writes them."""
    out: dict[tuple[tuple[int, ...], ...], int] = {}
    img = Image.new("RGB", (8, 8))
    for q in range(1, 101):
        buf = io.BytesIO()
        img.save(buf, "JPEG", quality=q)
        buf.seek(0)
        with Image.open(buf) as im:
            key = tuple(tuple(t) for t in quant_tables(im))
        out.setdefault(key, q)
        out.setdefault(key[:1], q)       # greyscale files carry only the luminance table
    return out


def standard_quality(tables: list[list[int]]) -> int | None:
    """The IJG quality whose standard scaled tables equal these, or None if they are not standard."""
    if not tables:
        return None
    return _standard_tables().get(tuple(tuple(t) for t in tables))
