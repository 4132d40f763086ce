"""A column file: bulk rows (e.g. a million track points) stored column by column in one file.

Rows that are only ever added together and read together (the points of one track) are kept as a
derived file rather than as a million SQLite rows: one SHA-256 vouches for every value, writing is
a few array copies, and reading is a few array views. The layout, all little-endian:

    CASEFILE-COLUMNS/1\\n
    {"rows": N, "columns": [{"name", "type", "offset", "length"[, "strings"]}, ...]}\\n
    zero padding to a multiple of 8, then each column's bytes at its offset (from the data start)

Column types: "f8" float64, NaN meaning "no value" (real NaN or infinity is refused when
writing; negative zero is stored as zero); "b1" int8 flags 1/0, -1 meaning "no value"; "str"
int32 codes into the column's "strings" list, -1 meaning "no value".
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import numpy as np

from casefile.errors import CasefileError

MAGIC = b"CASEFILE-COLUMNS/1\n"
TYPES = ("f8", "b1", "str")
_DTYPE: dict[str, np.dtype[np.generic]] = {"f8": np.dtype("<f8"), "b1": np.dtype("i1"),
                                           "str": np.dtype("<i4")}
#: one value of a column as Python gives it back: a number, a flag, a text, or None ("no value")
ColumnValue = float | bool | str | None
_FLAG: dict[ColumnValue, int] = {None: -1, True: 1, False: 0}


@dataclass(frozen=True)
class Columns:
    """A decoded column file: read-only arrays (views into the file's bytes) and string tables."""

    rows: int
    arrays: Mapping[str, np.ndarray]
    strings: Mapping[str, list[str]]

    def value(self, name: str, i: int) -> ColumnValue:
        """One value as Python gives it back: float/bool/str, or None for "no value"."""
        return as_python(self.arrays[name][i:i + 1], self.strings.get(name))[0]

    def column(self, name: str, index: np.ndarray | None = None) -> list[ColumnValue]:
        """A whole column (or the rows at `index`) as Python values, None for "no value"."""
        a = self.arrays[name] if index is None else self.arrays[name][index]
        return as_python(a, self.strings.get(name))

    def numbers(self, name: str, index: np.ndarray | None = None) -> list[float | None]:
        """An "f8" column's values (None for "no value")."""
        return floats_of(self._of(name, "f", index))

    def flags(self, name: str, index: np.ndarray | None = None) -> list[bool | None]:
        """A "b1" column's values (None for "no value")."""
        return flags_of(self._of(name, "i1", index))

    def text(self, name: str, i: int) -> str | None:
        """One value of a "str" column."""
        return self.texts(name, np.asarray([i]))[0]

    def texts(self, name: str, index: np.ndarray | None = None) -> list[str | None]:
        """A "str" column's values (None for "no value")."""
        codes = self._of(name, "i4", index)
        table: list[str | None] = [*self.strings[name], None]   # code -1 picks the trailing None
        return [table[c] for c in codes.tolist()]

    def _of(self, name: str, kind: str, index: np.ndarray | None) -> np.ndarray:
        a = self.arrays[name]
        got = a.dtype.kind if kind == "f" else a.dtype.str.lstrip("<|")
        if got != kind or (kind == "i4") != (name in self.strings):
            raise TypeError(f"column {name} is not of the type asked for ({kind})")
        return a if index is None else a[index]


def floats_of(a: np.ndarray) -> list[float | None]:
    """Float64 values as Python floats, NaN ("no value") as None."""
    out: list[float] = a.tolist()
    return [None if x != x else x for x in out] if np.isnan(a).any() else list(out)


def flags_of(a: np.ndarray) -> list[bool | None]:
    """Int8 flags as bools, -1 ("no value") as None."""
    return [None if x < 0 else bool(x) for x in a.tolist()]


def as_python(a: np.ndarray, strings: list[str] | None = None) -> list[ColumnValue]:
    """Column values as Python gives them back (float/bool/str), None for "no value"; `strings`
    is the column's string table for a "str" column."""
    if strings is not None:
        table: list[str | None] = [*strings, None]   # code -1 picks the trailing None
        return [table[c] for c in a.tolist()]
    if a.dtype.kind == "f":
        return list(floats_of(a))
    return list(flags_of(a))


def _floats(values: Sequence[ColumnValue], n: int) -> np.ndarray:
    """values as float64, None as NaN: a column of plain numbers is read straight from the list
    (np.fromiter, about 2.5x np.array's speed), one with no value at all is NaN throughout."""
    if not n:
        return np.zeros(0)
    if type(values) is list and values[0] is not None and not isinstance(values[0], str):
        try:
            return np.fromiter(values, np.float64, n)
        except (TypeError, ValueError, OverflowError):   # a None or a non-number: the long way
            pass
    elif values[0] is None and values.count(None) == n:
        return np.full(n, np.nan)
    return np.array(values, dtype=np.float64)


def _encode(kind: str, name: str, values: Sequence[ColumnValue],
            n: int) -> tuple[bytes, list[str] | None]:
    if len(values) != n:
        raise ValueError(f"column {name}: {len(values)} values for {n} rows")
    if kind == "f8":
        arr = _floats(values, n)
        bad = ~np.isfinite(arr)
        if bad.any() and int(bad.sum()) != values.count(None):
            raise ValueError(f"column {name}: NaN or infinite values cannot be stored")
        arr += 0.0   # -0.0 becomes 0.0, as SQLite stores it (a "-0 ft" would only puzzle)
        return arr.astype("<f8", copy=False).tobytes(), None
    if kind == "b1":
        try:
            codes = np.fromiter(map(_FLAG.__getitem__, values), np.int8, n)
        except (KeyError, TypeError):
            raise ValueError(f"column {name}: flags must be true, false or none") from None
        return codes.tobytes(), None
    if kind == "str":
        distinct = set(values)
        distinct.discard(None)
        strings = sorted(v for v in distinct if isinstance(v, str))
        if len(strings) != len(distinct):
            raise ValueError(f"column {name}: text values must be strings")
        table: dict[ColumnValue, int] = {None: -1, **{v: k for k, v in enumerate(strings)}}
        codes = np.fromiter(map(table.__getitem__, values), np.int32, n)
        return codes.astype("<i4", copy=False).tobytes(), strings
    raise ValueError(f"column {name}: unknown type {kind!r} (known: {', '.join(TYPES)})")


def encode(spec: Sequence[tuple[str, str]], columns: Mapping[str, Sequence[ColumnValue]],
           rows: int) -> bytes:
    """The column file for `columns` (name -> values), laid out as `spec` ((name, type), ...)."""
    parts: list[bytes] = []
    meta: list[dict[str, object]] = []
    offset = 0
    for name, kind in spec:
        data, strings = _encode(kind, name, columns[name], rows)
        entry: dict[str, object] = {"name": name, "type": kind, "offset": offset, "length": len(data)}
        if strings is not None:
            entry["strings"] = strings
        meta.append(entry)
        pad = -len(data) % 8
        parts.append(data + b"\0" * pad)
        offset += len(data) + pad
    header = MAGIC + json.dumps({"rows": rows, "columns": meta}, ensure_ascii=False,
                                separators=(",", ":")).encode("utf-8") + b"\n"
    header += b"\0" * (-len(header) % 8)
    return b"".join([header, *parts])


def decode(data: bytes, *, where: str = "column file") -> Columns:
    """Read a column file (arrays are views into `data`, so keep it alive with them)."""
    if not data.startswith(MAGIC):
        raise CasefileError("not a Casefile column file (wrong first line)", where)
    end = data.find(b"\n", len(MAGIC))
    try:
        header = json.loads(data[len(MAGIC):end])
        start = end + 1 + (-(end + 1) % 8)
        rows = int(header["rows"])
        arrays: dict[str, np.ndarray] = {}
        strings: dict[str, list[str]] = {}
        for c in header["columns"]:
            dtype = _DTYPE[c["type"]]
            if c["length"] != rows * dtype.itemsize:
                raise ValueError(f"column {c['name']} holds {c['length']} bytes for {rows} rows")
            arrays[c["name"]] = np.frombuffer(data, dtype, rows, start + c["offset"])
            if c["type"] == "str":
                strings[c["name"]] = list(c["strings"])
    except (ValueError, KeyError, TypeError) as exc:
        raise CasefileError(f"damaged column file: {exc}", where) from None
    return Columns(rows, arrays, strings)
