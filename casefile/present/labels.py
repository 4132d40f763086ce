"""A record as people name it: its short reference and its own name ("P3 apron.jpg", "S2 Reuters
article", "C4 'Two Russian Air Force aircraft landed…'"); never its internal id."""

from __future__ import annotations

from casefile.present.numbers import shorten
from casefile.textsafe import printable

WIDTH = 60


def record_label(ref: str | None, name: str | None, width: int | None = WIDTH, *, quoted: bool = False,
                 fallback: str = "") -> str:
    """Reference and name on one line, the name cut to `width` (None: whole; quoted: inside a
    sentence)."""
    name = printable(name) if name else name   # control and bidi characters shown escaped
    text = (shorten(name, width) if width else name) if name else ""
    if text and quoted:
        text = repr(text)
    return " ".join(x for x in (ref, text) if x) or fallback
