"""Country of registration from an ICAO 24-bit address, by the Annex 10 allocation blocks."""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources


@dataclass(frozen=True)
class Block:
    start: int
    end: int
    iso2: str | None
    name: str

    @property
    def size(self) -> int:
        return self.end - self.start + 1


@lru_cache(maxsize=1)
def blocks() -> tuple[Block, ...]:
    """The allocation table, smallest blocks first so nested blocks win over the ones around them."""
    text = resources.files("casefile.reference").joinpath("icao24_blocks.csv").read_text("utf-8")
    out = []
    rows = csv.reader(io.StringIO("".join(ln for ln in text.splitlines(True) if not ln.startswith("#"))))
    for row in rows:
        if not row:
            continue
        start, end, iso2, name = row
        out.append(Block(int(start, 16), int(end, 16), iso2 or None, name))
    return tuple(sorted(out, key=lambda b: (b.size, b.start)))


def normalise_hex(value: str | int | None) -> str | None:
    """Six lower-case hex digits, or None when the value is not a 24-bit address."""
    if value is None:
        return None
    if isinstance(value, int):
        n = value
    else:
        text = value.strip().lower()
        if text.startswith("0x"):
            text = text[2:]
        if not text or len(text) > 6:
            return None
        try:
            n = int(text, 16)
        except ValueError:
            return None
    if not 0 < n <= 0xFFFFFF:
        return None
    return f"{n:06x}"


@lru_cache(maxsize=4096)
def block_for(icao24: str) -> Block | None:
    """The smallest allocation block holding this address, or None if unallocated."""
    hexa = normalise_hex(icao24)
    if hexa is None:
        return None
    n = int(hexa, 16)
    for block in blocks():
        if block.start <= n <= block.end:
            return block
    return None


def country_for(icao24: str) -> str | None:
    """The State an address is allocated to (e.g. 'Malta' for 4d2271), or None."""
    block = block_for(icao24)
    return block.name if block else None
