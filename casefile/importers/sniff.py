"""MIME type from a file's first bytes: content decides, the extension never does."""

from __future__ import annotations

import re

_HEIF_BRANDS = {b"heic": "image/heic", b"heix": "image/heic", b"hevc": "image/heic",
                b"heim": "image/heic", b"heis": "image/heic", b"hevx": "image/heic",
                b"mif1": "image/heif", b"msf1": "image/heif", b"avif": "image/avif"}


def _text(head: bytes) -> str | None:
    if head.startswith(b"\xef\xbb\xbf"):
        head = head[3:]
    elif head.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return head.decode("utf-16", errors="ignore")
        except UnicodeDecodeError:
            return None
    if b"\x00" in head:
        return None
    try:
        return head.decode("utf-8")
    except UnicodeDecodeError as exc:
        if exc.start > len(head) - 4:  # a character cut at the end of the head
            return head[: exc.start].decode("utf-8")
        try:
            text = head.decode("latin-1")
        except UnicodeDecodeError:
            return None
        printable = sum(ch.isprintable() or ch in "\r\n\t" for ch in text)
        return text if printable > 0.95 * len(text) else None


def sniff_mime(head: bytes) -> str:
    """The MIME type a file's first bytes (up to a few KiB) show."""
    if head.startswith(b"\xff\xd8\xff"):
        return "image/jpeg"
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return "image/png"
    if head[:4] in (b"II*\x00", b"MM\x00*", b"II+\x00", b"MM\x00+"):
        return "image/tiff"
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return "image/webp"
    if head[4:8] == b"ftyp":
        brands = [head[8:12]] + [head[i:i + 4] for i in range(16, min(len(head), 64), 4)]
        for brand in brands:
            if brand in _HEIF_BRANDS:
                return _HEIF_BRANDS[brand]
        return "video/mp4"
    if head.startswith((b"GIF87a", b"GIF89a")):
        return "image/gif"
    if head.startswith(b"BM") and len(head) > 14:
        return "image/bmp"
    if head.startswith(b"%PDF-"):
        return "application/pdf"
    if head.startswith(b"PK\x03\x04"):
        return "application/zip"
    if head.startswith(b"\x1f\x8b"):
        return "application/gzip"
    if head.startswith(b"WARC/"):
        return "application/warc"
    text = _text(head)
    if text is None:
        return "application/octet-stream"
    return _sniff_text(text)


def _sniff_text(text: str) -> str:
    stripped = text.lstrip()
    low = stripped[:4096].lower()
    if low.startswith("mime-version:") or ("mime-version:" in low[:2048]
                                           and "multipart/related" in low):
        return "multipart/related"
    if low.startswith("<"):
        if re.search(r"<gpx[\s>]", low):
            return "application/gpx+xml"
        if re.search(r"<kml[\s>]", low):
            return "application/vnd.google-earth.kml+xml"
        if low.startswith("<!doctype html") or re.search(r"<html[\s>]", low):
            return "text/html"
        if low.startswith("<?xml") or re.match(r"<[a-z_]", low):
            return "application/xml"
    if stripped[:1] in "{[" and stripped:
        return "application/json"
    lines = [ln for ln in text.splitlines()[:5] if ln.strip()]
    if len(lines) >= 2 and lines[0].count(",") >= 2 and abs(
            lines[0].count(",") - lines[1].count(",")) <= lines[0].count(",") // 2 + 1:
        return "text/csv"
    return "text/plain"


EXTENSIONS = {"image/jpeg": ".jpg", "image/png": ".png", "image/tiff": ".tif", "image/webp": ".webp",
              "image/heic": ".heic", "image/heif": ".heif", "application/pdf": ".pdf",
              "text/html": ".html", "application/json": ".json", "text/csv": ".csv",
              "text/plain": ".txt", "application/gpx+xml": ".gpx",
              "application/vnd.google-earth.kml+xml": ".kml", "application/zip": ".zip"}
