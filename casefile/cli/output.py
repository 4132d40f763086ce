"""What commands print: JSON, aligned tables, sizes, zone notes.

Tables are formatted here rather than with rich: loading rich costs a listing command about a
third of its start-up. The import progress bar (rich) is in casefile/cli/progress.py.
"""

from __future__ import annotations

import json
import shutil
import sys
import unicodedata
from collections.abc import Iterable, Sequence
from typing import Any


def print_json(data: Any) -> None:
    json.dump(data, sys.stdout, indent=2, ensure_ascii=False, sort_keys=False)
    sys.stdout.write("\n")


def _width(text: str) -> int:
    """Columns `text` takes in a terminal (East Asian wide characters take two)."""
    if text.isascii():
        return len(text)
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 0 if unicodedata.combining(c) else 1
               for c in text)


def _cut(text: str, width: int) -> str:
    """`text` cut to `width` columns, ending with an ellipsis when cut."""
    if _width(text) <= width:
        return text
    out, used = [], 0
    for c in text:
        w = _width(c)
        if used + w > width - 1:
            break
        out.append(c)
        used += w
    return "".join(out) + "\u2026"


def _cell(value: Any) -> str:
    return "" if value is None else str(value).replace("\n", " ")


def print_table(rows: Iterable[Sequence[Any]], headers: Sequence[str], *, max_width: int = 60) -> None:
    """An aligned table (a header, a rule, one line a row; columns three spaces apart); cells
    longer than `max_width` end with an ellipsis. On a terminal the widest columns narrow to fit
    it; piped or captured output is never wrapped or cut further. Text is printed as it is."""
    cells = [[_cut(_cell(c), max_width) for c in r] for r in rows]
    widths = [max([_width(h), *(_width(r[i]) for r in cells)]) for i, h in enumerate(headers)]
    tty = sys.stdout.isatty()
    if tty:
        room = shutil.get_terminal_size().columns - 3 * (len(widths) - 1)
        while sum(widths) > room and max(widths) > 8:
            widest = widths.index(max(widths))
            widths[widest] -= 1
        cells = [[_cut(c, widths[i]) for i, c in enumerate(r)] for r in cells]
    sep = "   "

    def line(values: Sequence[str]) -> str:
        return sep.join(v + " " * (widths[i] - _width(v)) for i, v in enumerate(values))

    head = line([_cut(h, widths[i]) for i, h in enumerate(headers)])
    out = [f"\033[1m{head}\033[0m" if tty else head, "\u2500" * _width(head)]
    out += [line(r) for r in cells]
    sys.stdout.write("\n".join(out) + "\n")


def human_size(n: int) -> str:
    size = float(n)
    for unit in ("B", "KiB", "MiB", "GiB"):
        if size < 1024 or unit == "GiB":
            return f"{size:.0f} {unit}" if unit == "B" else f"{size:.1f} {unit}"
        size /= 1024
    return f"{n} B"


def zone_note(what: str, tv: dict[str, Any] | None) -> str | None:
    """One line saying which zone a typed time without one was read in, and why; None when the
    time carried its own offset or the analyst gave --tz."""
    if not tv or tv.get("basis") not in ("case-default", "unknown"):
        return None
    if tv["basis"] == "case-default":
        return (f"note: {what} '{tv['raw']}' has no zone: read in {tv['zone']}, the case's default "
                "zone (give an offset such as Z or -04:00, or --tz, to say otherwise)")
    return (f"note: {what} '{tv['raw']}' has no zone and the case has no default zone: kept as "
            "local time, so comparisons widen it to every zone on Earth (give an offset or --tz "
            "to settle it)")


def print_zone_notes(**times: dict[str, Any] | None) -> None:
    """`zone_note` for each named time, printed."""
    for what, tv in times.items():
        note = zone_note(what.replace("_", " "), tv)
        if note:
            print(note)
