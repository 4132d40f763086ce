"""Files that look like position data but that no flight reader takes: said in one line at import
(the file is still kept as plain evidence, and no flight is read from it)."""

from __future__ import annotations

import re
from pathlib import Path

from casefile.importers.flights.gz import plain_head

_LAT = re.compile(r'(?i)(?:^|[",;\t{ ])(lat|latitude)(?:["\s:,;\t]|$)')
_LON = re.compile(r'(?i)(?:^|[",;\t{ ])(lon|lng|long|longitude)(?:["\s:,;\t]|$)')
_TIME = re.compile(r'(?i)(?:^|[",;\t{ _])(time|timestamp|ts|date|datetime|utc|when)(?:["\s:,;\t_]|$)')


def read_head(path: Path) -> bytes | None:
    """The file's first 8 KiB (None when it cannot be read)."""
    try:
        with open(path, "rb") as f:
            return f.read(8192)
    except OSError:
        return None


def position_like(head: bytes) -> str | None:
    """The one line to say when a JSON or CSV file names latitude, longitude and time fields in
    its first bytes (it looks like position records), else None."""
    text = plain_head(head)[:8192].decode("utf-8", "replace").lstrip("\ufeff \r\n\t")
    if not text or text[0] not in "[{" and "," not in text.split("\n", 1)[0] and \
            "\t" not in text.split("\n", 1)[0]:
        return None
    lat, lon, when = _LAT.search(text), _LON.search(text), _TIME.search(text)
    if not (lat and lon and when):
        return None
    fields = ", ".join(m.group(1) for m in (lat, lon, when))
    return (f"looks like position data (fields {fields}), but no flight reader takes this layout: "
            "kept as a plain file, no flight was read from it")


#: file name endings that promise markup (a tag in the first bytes)
MARKUP = {".kml": "KML", ".gpx": "GPX", ".xml": "XML"}


def markup_missing(path: Path, head: bytes) -> str | None:
    """The one line to say when a file named .kml/.gpx/.xml holds text but no tag at its start."""
    kind = MARKUP.get(path.suffix.lower())
    if kind is None:
        return None
    text = plain_head(head)[:8192]
    if b"<" in text:
        return None
    what = "only white space" if not text.strip() else "text without a single tag"
    return (f"named {path.suffix} but holds {what} in its first {len(text):,} bytes, no {kind} "
            "markup: no flight was read from it; kept as a plain file")
