"""The report as format-free blocks (headings, paragraphs, tables, pictures, the map), written once
and drawn by each writer: the PDF (reportlab) and the editable DOCX copy (python-docx) show the same
content, headings and references."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from casefile.report.mapdata import MapData


@dataclass(frozen=True)
class Run:
    """A piece of paragraph text; `bold` and `mono` (hashes, commands) are its only styles."""

    text: str
    bold: bool = False
    mono: bool = False


@dataclass(frozen=True)
class Para:
    runs: tuple[Run, ...]
    style: str = "body"            # body | small | title | marking

    @property
    def text(self) -> str:
        return "".join(r.text for r in self.runs)


@dataclass(frozen=True)
class Heading:
    text: str
    level: int                     # 1 and 2 are listed in the contents; 3 is a minor heading


@dataclass(frozen=True)
class Grid:
    """A table with a header row repeated across pages. `mono` columns (hashes, exact times)
    use the monospaced font; `mono` and `fixed` columns are never wrapped inside a word."""

    headers: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    widths: tuple[float, ...]      # points on an A4 page's 495-point text width
    mono: tuple[int, ...] = ()
    fixed: tuple[int, ...] = ()


@dataclass(frozen=True)
class Pairs:
    """A two-column label/value table; values of labels in `mono` use the monospaced font."""

    rows: tuple[tuple[str, str], ...]
    widths: tuple[float, float] = (110, 385)
    mono: tuple[str, ...] = ()


@dataclass(frozen=True)
class Picture:
    """A photo's thumbnail: the file to draw (or its bytes) and its size in points; `missing`
    says why there is none."""

    source: Path | bytes | None
    width: float
    height: float
    missing: str = ""


@dataclass(frozen=True)
class Beside:
    """A picture with a label/value table to its right (a photo's header)."""

    picture: Picture
    pairs: Pairs


@dataclass(frozen=True)
class Gallery:
    """A row of small pictures, each with its caption."""

    pictures: tuple[tuple[Picture, str], ...]


@dataclass(frozen=True)
class Figure:
    """The map of tracks, airports and photo positions, with its caption."""

    data: MapData
    caption: str
    width: float = 495
    height: float = 330


@dataclass(frozen=True)
class PageBreak:
    pass


@dataclass(frozen=True)
class KeepSpace:
    """Start a new page unless this much room (points) is left."""

    points: float


@dataclass(frozen=True)
class Space:
    points: float


@dataclass(frozen=True)
class Contents:
    """The contents list (level 1 and 2 headings with their pages)."""


Block = Para | Heading | Grid | Pairs | Picture | Beside | Gallery | Figure | PageBreak | KeepSpace | Space \
    | Contents


@dataclass
class Story:
    """The blocks of one report, and where the appendices begin (for the body's page count)."""

    blocks: list[Block] = field(default_factory=list)
    sections: list[str] = field(default_factory=list)

    def add(self, blocks: Sequence[Block]) -> None:
        self.blocks.extend(blocks)


def para(*parts: str | Run, style: str = "body") -> Para:
    """A paragraph of plain parts (never parsed: user text goes in as it is) and styled runs."""
    return Para(tuple(p if isinstance(p, Run) else Run(p) for p in parts if p), style)


def b(text: str) -> Run:
    return Run(text, bold=True)


def mono(text: str) -> Run:
    return Run(text, mono=True)


_MARK = re.compile(r"(\*\*.+?\*\*|`.+?`)")


def md(text: str, style: str = "body") -> Para:
    """A paragraph of program-written text with **bold** and `mono` marks (never user text)."""
    runs = []
    for piece in _MARK.split(text):
        if piece.startswith("**") and piece.endswith("**") and len(piece) > 4:
            runs.append(Run(piece[2:-2], bold=True))
        elif piece.startswith("`") and piece.endswith("`") and len(piece) > 2:
            runs.append(Run(piece[1:-1], mono=True))
        elif piece:
            runs.append(Run(piece))
    return Para(tuple(runs), style)


def h1(text: str) -> Heading:
    return Heading(text, 1)


def h2(text: str) -> Heading:
    return Heading(text, 2)


def h3(text: str) -> Heading:
    return Heading(text, 3)


def grid(headers: Sequence[str], rows: Sequence[Sequence[object]], widths: Sequence[float], *,
         mono: Sequence[int] = (), fixed: Sequence[int] = ()) -> Grid:
    return Grid(tuple(headers), tuple(tuple(_s(v) for v in r) for r in rows), tuple(widths),
                tuple(mono), tuple(fixed))


def pairs(rows: Sequence[tuple[str, object]], widths: tuple[float, float] = (110, 385), *,
          mono: Sequence[str] = ()) -> Pairs:
    """Label/value rows; rows with an empty value are left out."""
    return Pairs(tuple((k, _s(v)) for k, v in rows if v not in (None, "")), widths, tuple(mono))


def _s(value: object) -> str:
    return "" if value is None else str(value)


def plain_text(blocks: Sequence[Block]) -> list[str]:
    """Every string the blocks show, in order (for tests and the DOCX check)."""
    out: list[str] = []
    for bl in blocks:
        if isinstance(bl, Para):
            out.append(bl.text)
        elif isinstance(bl, Heading):
            out.append(bl.text)
        elif isinstance(bl, Grid):
            out += [*bl.headers, *(c for r in bl.rows for c in r)]
        elif isinstance(bl, Pairs):
            out += [c for r in bl.rows for c in r]
        elif isinstance(bl, Beside):
            out += [c for r in bl.pairs.rows for c in r]
        elif isinstance(bl, Gallery):
            out += [c for _, c in bl.pictures]
        elif isinstance(bl, Figure):
            out.append(bl.caption)
            out += [t.label for t in bl.data.tracks]
    return out
