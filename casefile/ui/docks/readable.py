"""Finding inputs and check fields as text an investigator reads: labelled rows, units, named items.

No Qt here: plain functions from the stored JSON shapes (TimeValue dicts, places, `*_km`, `*_s`,
`*_deg` numbers, item ids) to HTML fragments, so the docks stay small and this stays testable.
Every number shown comes from the input it labels; the exact JSON stays one click away in the dock.
"""

from __future__ import annotations

import html
import re
from collections.abc import Mapping
from typing import Any

from casefile.present.findings import label
from casefile.present.numbers import coords, duration, km, number, shorten, signed
from casefile.present.times import TimeDisplay, basis_of

_ISO_Z = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$")
PLACE_SOURCE = {"exif": "EXIF GPS", "xmp": "XMP GPS (no EXIF position)", "analyst": "set by the analyst"}
ID_KEYS = {"id", "item_id", "aircraft_id", "source_id", "a", "b"}
HIDDEN_KEYS = {"leg_id"}          # internal row ids: in the exact inputs only


def place_text(p: Mapping[str, Any]) -> str:
    """A place input: airport, rounded coordinates and where the position came from."""
    parts = [str(p["icao"])] if p.get("icao") else []
    if p.get("lat") is not None and p.get("lon") is not None:
        parts.append(coords(float(p["lat"]), float(p["lon"])))
    text = ", ".join(parts) or "not known"
    src = p.get("source")
    return text + (f" ({PLACE_SOURCE.get(str(src), src)})" if src else "")


def is_time(v: Any) -> bool:
    return isinstance(v, Mapping) and "basis" in v and "utc" in v


class Reader:
    """Renders one finding's inputs; `names` maps ids to what to call them (items become links)."""

    def __init__(self, td: TimeDisplay, names: Mapping[str, str], items: set[str] | frozenset = frozenset()):
        self.td, self.names, self.items = td, dict(names), set(items)

    def learn(self, value: Any) -> None:
        """Pick up names the inputs themselves give (aircraft labels, source titles)."""
        if isinstance(value, Mapping):
            ident = value.get("id") or value.get("source_id")
            name = value.get("label") or value.get("title") or shorten(str(value.get("text") or ""), 60)
            if isinstance(ident, str) and name and ident not in self.names:
                self.names[ident] = str(name)
            for v in value.values():
                self.learn(v)
        elif isinstance(value, list):
            for v in value:
                self.learn(v)

    def ref(self, ident: str) -> str:
        name = html.escape(self.names.get(ident, ident))
        if ident in self.items:
            return f"<a href='item:{html.escape(ident)}'>{name}</a>"
        return name

    def value(self, key: str, v: Any) -> str:
        """One input value as an HTML fragment (nested lists for nested inputs)."""
        esc = html.escape
        if v is None:
            return "—"
        if isinstance(v, bool):
            return "yes" if v else "no"
        if is_time(v):
            return esc(self.td.value_text(v))
        if isinstance(v, Mapping) and {"lat", "lon"} <= set(v) <= {"lat", "lon", "source", "icao"}:
            return esc(place_text(v))
        if isinstance(v, (int, float)):
            if key.endswith("_km"):
                return esc(km(v))
            if key.endswith("_s") or key == "seconds_from_photo_centre":
                return esc(duration(v)) + (" earlier" if key == "seconds_from_photo_centre" and v < 0 else "")
            if key.endswith("_deg"):
                return esc(signed(f"{number(round(v, 1))}°"))
            if key.endswith("_ft"):
                return esc(f"{number(round(v))} ft")
            return esc(signed(number(v)))
        if isinstance(v, str):
            if key in ID_KEYS or v in self.names:
                return self.ref(v)
            if _ISO_Z.match(v):
                return esc(self.td.fmt(v))
            return esc(v)
        if isinstance(v, list):
            if not v:
                return "none"
            if len(v) == 2 and all(isinstance(x, str) and _ISO_Z.match(x) for x in v):
                return esc(f"{self.td.fmt(v[0])} to {self.td.fmt(v[1])}")
            if len(v) == 2 and key.endswith("_deg") and all(isinstance(x, (int, float)) for x in v):
                return esc(signed(f"{number(round(v[0], 1))}° to {number(round(v[1], 1))}°"))
            if all(not isinstance(x, (Mapping, list)) for x in v):
                return ", ".join(self.value(key, x) for x in v)
            return "<ul>" + "".join(f"<li>{self.inline(x)}</li>" for x in v) + "</ul>"
        if isinstance(v, Mapping):
            if not v:
                return "none"
            if key.endswith("_s") and all(isinstance(x, (int, float)) for x in v.values()):
                return ", ".join(f"{self.ref(str(k))}: {esc(duration(x))}" for k, x in v.items())
            return self.rows(v)
        return esc(str(v))

    def _merged(self, d: Mapping[str, Any]) -> list[tuple[str, str]]:
        """A dict's rows in order: its place as one row, a loose capture time (capture_utc, basis,
        raw) as one row, ids as names; internal ids only in the exact inputs."""
        esc = html.escape
        out: list[tuple[str, str]] = []
        done: set[str] = set(HIDDEN_KEYS)
        loose_time = "basis" in d and not is_time(d)
        for k in d:
            if k in done or (k == "title" and "source_id" in d):     # the source row names it
                continue
            if k in ("lat", "lon", "source", "icao") and "lat" in d and "lon" in d:
                done.update(("lat", "lon", "source", "icao"))
                out.append(("position", esc(place_text({x: d[x] for x in ("lat", "lon", "source", "icao")
                                                        if x in d}))))
            elif loose_time and k == "capture_utc":
                done.update(("capture_utc", "raw", "basis", "uncertainty_s", "zone"))
                out.append((label(k), esc(self.td.value_text({**d, "utc": d[k], "window_utc": None}))))
            elif loose_time and k in ("raw", "basis", "uncertainty_s", "zone") and "capture_utc" not in d:
                done.update(("raw", "basis", "uncertainty_s", "zone"))
                unc = f", ±{duration(d['uncertainty_s'])}" if d.get("uncertainty_s") else ""
                out.append(("as found", esc(f"{d.get('raw')} ({basis_of(d)}{unc})")))
            elif k == "id":
                name_key = "label" if "label" in d else "title" if "title" in d else None
                ident = str(d[k])
                if name_key:
                    done.add(name_key)
                    out.append(("name" if name_key == "label" else "title",
                                self.ref(ident) if ident in self.items else esc(str(d[name_key]))))
                elif ident in self.items:
                    out.append(("item", self.ref(ident)))
                # otherwise an internal id (claim, source): in the exact inputs only
            else:
                out.append((label(k), self.value(k, d[k])))
            done.add(k)
        return out

    def rows(self, d: Mapping[str, Any]) -> str:
        """A dict as a bulleted list of labelled rows."""
        rows = "".join(f"<li><b>{html.escape(k)}:</b> {v}</li>" for k, v in self._merged(d))
        return f"<ul>{rows}</ul>"

    def inline(self, v: Any) -> str:
        """A list entry: a dict on one line ("time: … · airport: SVMI · distance: 0 km")."""
        if isinstance(v, Mapping) and not is_time(v):
            return " · ".join(f"{html.escape(k)}: {val}" for k, val in self._merged(v))
        return self.value("", v)


def inputs_html(inputs: Mapping[str, Any], td: TimeDisplay, names: Mapping[str, str],
                items: set[str] | frozenset = frozenset()) -> str:
    """A finding's inputs as labelled rows (top-level keys as headings of their own rows)."""
    reader = Reader(td, names, items)
    reader.learn(inputs)
    rows = []
    for key, v in inputs.items():
        if key in HIDDEN_KEYS:
            continue
        rows.append(f"<li><b>{html.escape(label(key))}:</b> {reader.value(key, v)}</li>")
    return "<ul>" + "".join(rows) + "</ul>"


def field_text(key: str, v: Any, td: TimeDisplay) -> str:
    """A check field as one line of plain text (lists joined, times and places in words)."""
    if is_time(v):
        return td.value_text(v)
    if isinstance(v, Mapping) and "lat" in v and "lon" in v:
        return place_text(v)
    if isinstance(v, list):
        if v and all(isinstance(x, list) for x in v):
            return " | ".join(f"[{i + 1}] " + ", ".join(str(y) for y in x) for i, x in enumerate(v))
        sep = ", " if all(isinstance(x, (int, float)) for x in v) else "; "
        return sep.join(field_text(key, x, td) for x in v) if v else "none"
    if isinstance(v, Mapping):
        return "; ".join(f"{label(str(k))}: {field_text(str(k), x, td)}" for k, x in v.items())
    if isinstance(v, bool):
        return "yes" if v else "no"
    if isinstance(v, (int, float)):
        if key.endswith("_s"):
            return duration(v) + (f" ({number(v)} s)" if abs(v) >= 60 else "")
        if key.endswith("_km"):
            return km(v)
        if key.endswith("_deg"):
            return signed(f"{number(round(v, 1))}°")
        return number(v) if isinstance(v, float) else str(v)
    return str(v)
