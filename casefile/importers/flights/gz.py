"""Gzip-compressed flight exports (readsb writes traces gzipped even when named .json)."""

from __future__ import annotations

import zlib
from pathlib import Path

from casefile.errors import CorruptFile

MAGIC = b"\x1f\x8b"
MAX_INFLATED = 2 << 30


def inflate(path: Path, data: bytes) -> bytes:
    """Gunzip with a ceiling, so a gzip bomb is refused rather than filling memory."""
    d = zlib.decompressobj(16 + zlib.MAX_WBITS)
    try:
        out = d.decompress(data, MAX_INFLATED)
    except zlib.error as exc:
        raise CorruptFile(f"broken gzip data: {exc}", path) from None
    if d.unconsumed_tail:
        raise CorruptFile(f"gzip data inflates to more than {MAX_INFLATED >> 20} MiB; refused", path)
    if not d.eof:
        raise CorruptFile("gzip data is truncated (the file ends early)", path)
    return out


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


def header_columns(head: bytes) -> set[str]:
    """The column names of a CSV file's header line, for sniffing (lower case, trimmed)."""
    return {c.strip() for c in header_line(head).split(",")}
