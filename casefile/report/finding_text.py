"""A finding's inputs as labelled lines a reader can follow (times with basis and uncertainty,
distances and thresholds with units), keeping every exact value the engine used."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from casefile.present.findings import LABELS
from casefile.present.numbers import duration as dur

INDENT = "\u2002\u2002"    # en spaces: kept by the table's word wrapping, unlike plain spaces
TIME_KEYS = ("utc", "basis", "uncertainty_s", "raw", "local", "zone", "window_utc")
# Key endings and the unit they stand for (the key is shown without the ending).
UNITS = (("_km", "km"), ("_deg", "°"), ("_ft", "ft"), ("_kt", "kt"), ("_ev", "EV"),
         ("_bits", "bits"), ("_s", "s"), ("_h", "h"))
WORDS = {"utc": "UTC", "icao": "ICAO", "id": "id", "ids": "ids", "phash": "pHash",
         "dhash": "dHash", "alt": "altitude", "lat": "latitude", "lon": "longitude",
         "ev": "EV"}


def _split(key: str) -> tuple[str, str]:
    """A key without its unit ending, and the unit ('near_km' -> ('near', 'km'))."""
    for end, name in UNITS:
        if key.endswith(end) and len(key) > len(end):
            return key[: -len(end)], name
    if key.endswith("_utc") and len(key) > 4:
        return key[:-4], "UTC"
    return key, ""


def label(key: str) -> str:
    """A key as a reader's label (casefile.present.findings.LABELS, capitalised), else its words:
    'distance_km' -> 'Distance' (the value carries 'km'), 'first_utc' -> 'First (UTC)'."""
    base, unit = _split(key)
    if key in LABELS:
        text = LABELS[key][:1].upper() + LABELS[key][1:]
        return f"{text} (UTC)" if unit == "UTC" or key == "t" else text
    words = [WORDS.get(w, w) for w in base.split("_") if w]
    text = " ".join(words) or key
    text = text[:1].upper() + text[1:]
    return f"{text} (UTC)" if unit == "UTC" else text


def _unit_of(key: str) -> str:
    return _split(key)[1]


def scalar(value: Any, key: str = "") -> str:
    """One value exactly as recorded, with its unit (and seconds also as a readable duration)."""
    if value is None:
        return "none"
    if isinstance(value, bool):
        return "yes" if value else "no"
    text = str(value)
    unit = _unit_of(key)
    if unit == "s" and isinstance(value, (int, float)) and abs(value) >= 120:
        return f"{text} s ({dur(abs(value))})"
    if unit and unit != "UTC" and isinstance(value, (int, float)):
        return f"{text} {unit}"
    return text


def is_time(value: Any) -> bool:
    """A recorded time value (TimeValue as a dict): has a basis and a UTC reading (maybe none)."""
    return isinstance(value, Mapping) and "basis" in value and "utc" in value


def _window(value: Any) -> str:
    return f"{value[0]} to {value[1]}"


def time_line(tv: Mapping[str, Any]) -> str:
    """A time value on one line: UTC (or 'zone unknown'), basis, ± uncertainty, as written."""
    utc = tv.get("utc")
    head = f"{utc} UTC" if utc else "UTC not known (zone unknown)"
    parts = [head, f"basis {tv.get('basis') or 'unknown'}"]
    unc = tv.get("uncertainty_s")
    if unc is not None:
        parts.append(f"± {scalar(unc, 'uncertainty_s')}")
    if tv.get("raw") is not None:
        parts.append(f"as written “{tv['raw']}”")
    if tv.get("local") is not None:
        parts.append(f"local {tv['local']}")
    if tv.get("zone") is not None:
        parts.append(f"zone {tv['zone']}")
    if _pair(tv.get("window_utc")):
        parts.append(f"could be {_window(tv['window_utc'])}")
    return "; ".join(parts)


def _pair(value: Any) -> bool:
    return isinstance(value, Sequence) and not isinstance(value, str) and len(value) == 2 \
        and all(not isinstance(v, (Mapping, list, tuple)) for v in value)


def lines(value: Any, key: str = "", depth: int = 0) -> list[str]:
    """The lines for one value (without its own label): nested data indented under labels."""
    pad = INDENT * depth
    if hasattr(value, "to_dict"):
        value = value.to_dict()
    if is_time(value):
        rest = {k: v for k, v in value.items() if k not in TIME_KEYS}
        return [pad + time_line(value)] + _mapping(rest, depth, key)
    if isinstance(value, Mapping):
        return _mapping(value, depth, key) if value else [pad + "none"]
    if isinstance(value, (list, tuple)):
        if not value:
            return [pad + "none"]
        if _pair(value) and (key.endswith("_utc") or key.startswith("window")):
            return [pad + _window(value)]
        if _pair(value) and _unit_of(key) and _unit_of(key) != "UTC":
            return [pad + f"{value[0]} to {scalar(value[1], key)}"]
        if all(not isinstance(v, (Mapping, list, tuple)) and not hasattr(v, "to_dict")
               for v in value):
            return [pad + ", ".join(scalar(v, key) for v in value)]
        out: list[str] = []
        for n, v in enumerate(value, 1):
            sub = lines(v, key, depth + 1)
            out.append(f"{pad}{n}. " + sub[0].lstrip("\u2002"))
            out += sub[1:]
        return out
    return [pad + scalar(value, key)]


def _mapping(value: Mapping[str, Any], depth: int, parent: str = "") -> list[str]:
    """Labelled lines; keys without a unit of their own (ids) take the parent key's unit."""
    pad = INDENT * depth
    out: list[str] = []
    for k, v in value.items():
        k = str(k)
        sub = lines(v, k if _unit_of(k) or not _unit_of(parent) else parent, depth + 1)
        if len(sub) == 1:
            out.append(f"{pad}{label(k)}: {sub[0].lstrip(chr(0x2002))}")
        else:
            out.append(f"{pad}{label(k)}:")
            out += sub
    return out


def input_rows(inputs: Mapping[str, Any] | None) -> list[tuple[str, str]]:
    """One (label, text) row per input of a finding."""
    return [(label(str(k)), "\n".join(lines(v, str(k)))) for k, v in (inputs or {}).items()]
