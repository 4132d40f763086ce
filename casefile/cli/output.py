"""What commands print: JSON, aligned tables, sizes and a progress line on stderr."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable, Iterable, Sequence
from typing import Any


def print_json(data: Any) -> None:
    json.dump(data, sys.stdout, indent=2, ensure_ascii=False, sort_keys=False)
    sys.stdout.write("\n")


def emit(args: argparse.Namespace, data: Any, human: Callable[[Any], None]) -> None:
    """Print JSON with --json, else the human rendering."""
    if getattr(args, "json", False):
        print_json(data)
    else:
        human(data)


def _cell(value: Any) -> str:
    if value is None:
        return ""
    text = str(value).replace("\n", " ")
    return text


def print_table(rows: Iterable[Sequence[Any]], headers: Sequence[str], *,
                max_width: int = 60) -> None:
    """A plain aligned text table; long cells are shortened with an ellipsis."""
    body = [[_cell(c) for c in r] for r in rows]
    for r in body:
        for i, c in enumerate(r):
            if len(c) > max_width:
                r[i] = c[: max_width - 1] + "…"
    widths = [len(h) for h in headers]
    for r in body:
        for i, c in enumerate(r):
            widths[i] = max(widths[i], len(c))
    line = "  ".join(h.ljust(widths[i]) for i, h in enumerate(headers)).rstrip()
    print(line)
    print("  ".join("-" * w for w in widths))
    for r in body:
        print("  ".join(c.ljust(widths[i]) for i, c in enumerate(r)).rstrip())


def human_size(n: int) -> str:
    size = float(n)
    for unit in ("B", "KiB", "MiB", "GiB"):
        if size < 1024 or unit == "GiB":
            return f"{size:.0f} {unit}" if unit == "B" else f"{size:.1f} {unit}"
        size /= 1024
    return f"{n} B"


class Progress:
    """A one-line progress bar on stderr when it is a terminal; silent otherwise."""

    def __init__(self, label: str) -> None:
        self.label = label
        self.enabled = sys.stderr.isatty()

    def __call__(self, done: int, total: int, *_: Any) -> None:
        if not self.enabled or total == 0:
            return
        width = 30
        filled = int(width * done / total)
        sys.stderr.write(f"\r{self.label} [{'#' * filled}{'.' * (width - filled)}] {done}/{total}")
        if done == total:
            sys.stderr.write("\n")
        sys.stderr.flush()
