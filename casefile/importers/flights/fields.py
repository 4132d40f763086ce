"""Reading a flight file's fields: text, numbers, positions, times, columns, and unit conversions.

Each raises ValueError naming the field (the importer turns it into a per-row warning) or
CorruptFile for the whole file.
"""

from __future__ import annotations

import io
import math
from collections.abc import Iterable, Iterator, Sequence
from itertools import compress
from pathlib import Path
from typing import Any

from casefile.errors import CorruptFile

FT_PER_M = 1 / 0.3048
KT_PER_MS = 3600 / 1852
FPM_PER_MS = 60 / 0.3048


#: the most columns a flight CSV may have (a header of millions would take gigabytes to split)
MAX_COLUMNS = 10_000


def csv_lines(path: Path, text: str, max_columns: int = MAX_COLUMNS) -> Iterator[str]:
    """The text's lines for csv.reader, refusing the file at the first line with more than
    `max_columns` separators (counted before the line is split: nothing big is built)."""
    for n, line in enumerate(io.StringIO(text, newline=""), 1):
        if line.count(",") >= max_columns:
            raise CorruptFile(f"line {n} has more than {max_columns:,} columns: not a flight "
                              "export", path, line=n)
        yield line


def utf8_text(path: Path, raw: bytes) -> str:
    """UTF-8 text (BOM allowed), or CorruptFile."""
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise CorruptFile(f"not UTF-8 text (byte {exc.start})", path) from None


def num(value: Any, name: str) -> float | None:
    """A finite float, None for empty/null; ValueError naming the field for anything else."""
    if value is None or value == "":
        return None
    if isinstance(value, bool):
        raise ValueError(f"{name}: {value!r} is not a number")
    try:
        x = float(value)
    except (TypeError, ValueError):
        raise ValueError(f"{name}: {value!r} is not a number") from None
    if not math.isfinite(x):
        raise ValueError(f"{name}: {value!r} is not a finite number")
    return x


def num_scaled(value: Any, name: str, factor: float) -> float | None:
    """num() converted to our units (e.g. OpenSky's metres to feet): None stays None."""
    x = num(value, name)
    return None if x is None else x * factor


def position(lat: Any, lon: Any) -> tuple[float, float]:
    """A checked latitude/longitude pair; ValueError says which one is wrong."""
    la, lo = num(lat, "latitude"), num(lon, "longitude")
    if la is None or lo is None:
        raise ValueError("no position (latitude/longitude empty)")
    if not -90.0 <= la <= 90.0:
        raise ValueError(f"latitude {la} is outside -90..90")
    if not -180.0 <= lo <= 180.0:
        raise ValueError(f"longitude {lo} is outside -180..180")
    return la, lo


def require_columns(path: Path, header: Sequence[str], needed: Iterable[str], fmt: str) -> dict[str, int]:
    """Column positions by name; CorruptFile naming the missing columns on line 1."""
    pos = {name.strip().lower(): i for i, name in enumerate(header)}
    missing = [c for c in needed if c not in pos]
    if missing:
        raise CorruptFile(f"not a {fmt} file: missing column(s) {', '.join(missing)} "
                          f"(header has: {', '.join(h.strip() for h in header) or 'nothing'})",
                          path, line=1)
    return pos


#: row index in a chunk -> why that row is skipped (the first problem found)
Bad = dict[int, str]


def drop_bad_rows(columns: list[Sequence[Any]], col_bad: Bad, kept: list[int] | None,
                  bad: Bad) -> list[Sequence[Any]]:
    """Columns without the rows col_bad names; each reason moves to `bad` under the row's index
    in the chunk (through `kept`, the chunk indices of the rows still in play, when some were
    already left out)."""
    if not col_bad:
        return columns
    good = [j not in col_bad for j in range(len(columns[0]))]
    for j, message in col_bad.items():
        bad[kept[j] if kept is not None else j] = message
    return [list(compress(col, good)) for col in columns]
