"""Names as people can read them safely: control characters, bidirectional overrides and bytes
that are not UTF-8 shown escaped (`\\x1b`, `\\u202e`, `\\xb9`), never acted on by a terminal or
a text layout. A name with an RTL override would otherwise read reversed ("gpj.exe" as "exe.jpg").
"""

from __future__ import annotations

import os
import unicodedata

#: bidirectional embedding, override and isolate controls, marks, and separators that break lines
_BIDI = frozenset("\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
                  "\u2028\u2029")


def _escape(ch: str) -> str:
    code = ord(ch)
    if 0xDC80 <= code <= 0xDCFF:            # a byte that was not UTF-8 (os.fsdecode's escape)
        return f"\\x{code - 0xDC00:02x}"
    if code < 0x100:
        return f"\\x{code:02x}"
    return f"\\u{code:04x}" if code <= 0xFFFF else f"\\U{code:08x}"


def needs_escaping(ch: str) -> bool:
    cat = unicodedata.category(ch)
    return ch in _BIDI or cat in ("Cc", "Cs") or (cat == "Zl" or cat == "Zp")


def printable(name: str) -> str:
    """The name with every control, bidi-control and undecodable character escaped."""
    if name.isprintable() and not any(ch in _BIDI for ch in name):
        return name
    return "".join(_escape(ch) if needs_escaping(ch) else ch for ch in name)


def raw_bytes(name: str) -> bytes:
    """The name's bytes as the file system holds them (undoes os.fsdecode's escapes)."""
    return os.fsencode(name)
