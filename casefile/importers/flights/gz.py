"""Gzip-compressed flight exports (readsb writes traces gzipped even when named .json)."""

from __future__ import annotations

import functools
import zlib
from pathlib import Path

from casefile.errors import CorruptFile

MAGIC = b"\x1f\x8b"
#: the most a flight file may inflate to (held in memory by one worker, whatever the core count)
MAX_INFLATED = 256 << 20
#: the longest stretch of XML without a '<' (one text node, comment or attribute run): real KML
#: coordinate lists stay far below; a 1 GiB comment is refused after 32 MiB, not parsed for minutes
MAX_XML_RUN = 32 << 20
_OUT_CHUNK = 1 << 20


class XmlRuns:
    """Tracks the longest stretch without a '<' across the chunks of a stream."""

    def __init__(self, limit: int = MAX_XML_RUN) -> None:
        self.limit = limit
        self.since = 0   # bytes since the last '<'

    def feed(self, chunk: bytes | bytearray | memoryview) -> bool:
        """False as soon as a stretch longer than the limit is seen."""
        if not len(chunk):
            return True
        import numpy as np  # loaded where an XML stream is screened, not with every importer

        marks = np.flatnonzero(np.frombuffer(chunk, np.uint8) == 0x3C)
        if marks.size == 0:
            self.since += len(chunk)
            return self.since <= self.limit
        first = self.since + int(marks[0])
        inner = int(np.diff(marks).max()) if marks.size > 1 else 0
        self.since = len(chunk) - 1 - int(marks[-1])
        return max(first, inner, self.since) <= self.limit


def too_long_run(path: Path, limit: int = MAX_XML_RUN) -> CorruptFile:
    return CorruptFile(f"refused: more than {limit >> 20} MiB of XML without markup (one text, "
                       "comment or value that long is not flight data; a parser would take "
                       "minutes and gigabytes on it)", path)


def inflate(path: Path, data: bytes, *, xml: bool = False, limit: int = MAX_INFLATED) -> bytes:
    """Gunzip in a stream against a ceiling (and, for XML, a longest-run limit), so a gzip bomb
    is refused after `limit` bytes rather than filling memory."""
    d = zlib.decompressobj(16 + zlib.MAX_WBITS)
    out = bytearray()
    runs = XmlRuns() if xml else None
    pending = data
    try:
        while True:
            chunk = d.decompress(pending, _OUT_CHUNK)
            pending = d.unconsumed_tail
            if runs is not None and not runs.feed(chunk):
                raise too_long_run(path)
            out += chunk
            if len(out) > limit:
                raise CorruptFile(f"gzip data inflates to more than {limit >> 20} MiB; refused "
                                  "(split the export into smaller files)", path)
            if d.eof or (not chunk and not pending):
                break
    except zlib.error as exc:
        raise CorruptFile(f"broken gzip data: {exc}", path) from None
    if not d.eof:
        raise CorruptFile("gzip data is truncated (the file ends early)", path)
    return bytes(out)
def plain_head(head: bytes, size: int = 8192) -> bytes:
    """The first bytes of the content, inflated when the file is gzip (best effort, for sniffing)."""
    if not head.startswith(MAGIC):
        return head
    try:
        return zlib.decompressobj(16 + zlib.MAX_WBITS).decompress(head, size)
    except zlib.error:
        return b""


def header_line(head: bytes) -> str:
    """The first line of a (possibly gzipped) text file, lower case, without a UTF-8 BOM."""
    return plain_head(head).lstrip(b"\xef\xbb\xbf").split(b"\n", 1)[0].lower().decode("latin-1")


@functools.lru_cache(maxsize=4)
def header_columns(head: bytes) -> frozenset[str]:
    """The column names of a CSV file's header line, for sniffing (lower case, trimmed); kept for
    the last few heads, as each CSV reader's scorer asks about the same one."""
    return frozenset(c.strip() for c in header_line(head).split(","))
