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

from casefile.ui.timefmt import TimeDisplay

MINUS = "\u2212"
_ISO_Z = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$")
_OFFSET = re.compile(r"([+-])(\d{2}):?(\d{2})$")

LABELS: dict[str, str] = {
    "photo": "Photo", "claim": "Claim", "source": "Source", "aircraft": "Aircraft",
    "capture": "capture", "window_utc": "time window", "place": "place", "track_spans": "track",
    "near_km": "counts as near within", "nearest_observation": "nearest track point",
    "events_near": "take-offs and landings nearby", "low_points_near": "low track points nearby",
    "published": "published", "collected_at": "collected", "window_start": "from", "window_end": "to",
    "aircraft_checked": "aircraft checked", "unresolved_refs": "aircraft not found in the case",
    "matches": "matching flight events", "reported_matches": "matching reported flights",
    "near_misses": "near misses", "no_data_s": "time without track data",
    "order": "order of appearance", "max_bits": "most hash bits apart", "pairs": "matching pairs",
    "phash_bits": "pHash bits apart", "dhash_bits": "dHash bits apart",
    "sun_at_centre": "sun at the photo time", "elevation_range_deg": "sun elevation over the window",
    "light_hint": "light in the photo", "thresholds": "thresholds", "night_below_deg": "night below",
    "day_above_deg": "day above", "daylight_ev": "daylight from exposure value",
    "dark_ev": "dark up to exposure value", "seconds_from_photo_centre": "from the photo time",
    "alt_ft": "altitude", "ground": "on the ground", "distance_km": "distance", "t": "time",
    "time_utc": "time", "airport_icao": "airport", "aircraft_elsewhere": "aircraft elsewhere",
    "aircraft_no_data": "aircraft without track data", "aircraft_ref": "aircraft reference",
    "earliest_utc": "earliest", "capture_utc": "capture", "tagged": "tagged on the photo",
    "on_ground_from": "on the ground from", "observed_low_near_place": "low track points near the place",
    "azimuth_deg": "azimuth", "elevation_deg": "elevation", "raw": "as found", "basis": "time basis",
    "uncertainty_s": "uncertainty", "item_id": "item", "aircraft_id": "aircraft", "source_id": "source",
    "a": "photo", "b": "same as", "icao": "airport", "ref": "reference",
}
BASIS: dict[str, str] = {
    "exif-offset": "from EXIF offset", "gps-utc": "from the GPS clock (UTC)",
    "location-tz": "zone from the GPS position", "recorded-utc": "recorded in UTC",
    "analyst": "entered by the analyst", "case-default": "zone assumed: the case default",
    "unknown": "time zone unknown",
}
PLACE_SOURCE = {"exif": "EXIF GPS", "xmp": "XMP GPS (no EXIF position)", "analyst": "set by the analyst"}
ID_KEYS = {"id", "item_id", "aircraft_id", "source_id", "a", "b"}
HIDDEN_KEYS = {"leg_id"}          # internal row ids: in the exact inputs only


def label(key: str) -> str:
    """A key as a reader's label ("distance_km" -> "distance")."""
    if key in LABELS:
        return LABELS[key]
    return re.sub(r"_(km|s|deg|ft|utc)$", "", key).replace("_", " ")


def number(v: float) -> str:
    """A number without trailing noise: 8, 0.85, 50.28, 12,000."""
    if float(v).is_integer():
        return f"{int(v):,}"
    return f"{v:,.2f}".rstrip("0").rstrip(".")


def signed(text: str) -> str:
    return text.replace("-", MINUS)


def duration(seconds: float) -> str:
    """Seconds as "1 s", "4 min 10 s", "16 h 40 min", "3 d 2 h"."""
    s = abs(float(seconds))
    if s < 60:
        return f"{number(round(s, 1))} s"
    if s < 3600:
        m, r = divmod(round(s), 60)
        return f"{m} min" + (f" {r} s" if r else "")
    if s < 2 * 86400:
        h, r = divmod(round(s / 60), 60)
        return f"{h} h" + (f" {r} min" if r else "")
    d, r = divmod(round(s / 3600), 24)
    return f"{d} d" + (f" {r} h" if r else "")


def km(v: float) -> str:
    """A distance in km, rounded to what it can mean (0.35 km, 8.4 km, 2,016 km)."""
    v = float(v)
    if v == 0:
        return "0 km"
    if v < 10:
        return f"{number(round(v, 2))} km"
    if v < 100:
        return f"{number(round(v, 1))} km"
    return f"{round(v):,} km"


def coords(lat: float, lon: float) -> str:
    """Latitude and longitude to 4 decimals (about 11 m), with hemispheres."""
    return (f"{abs(lat):.4f}° {'N' if lat >= 0 else 'S'}, "
            f"{abs(lon):.4f}° {'E' if lon >= 0 else 'W'}")


def place_text(p: Mapping[str, Any]) -> str:
    """A place input: airport, rounded coordinates and where the position came from."""
    parts = [str(p["icao"])] if p.get("icao") else []
    if p.get("lat") is not None and p.get("lon") is not None:
        parts.append(coords(float(p["lat"]), float(p["lon"])))
    text = ", ".join(parts) or "not known"
    src = p.get("source")
    return text + (f" ({PLACE_SOURCE.get(str(src), src)})" if src else "")


def _offset(tv: Mapping[str, Any]) -> str | None:
    for text in (tv.get("zone"), tv.get("raw")):
        m = _OFFSET.search(str(text or "").strip())
        if m:
            return f"{MINUS if m.group(1) == '-' else '+'}{m.group(2)}:{m.group(3)}"
    return None


def basis_text(tv: Mapping[str, Any]) -> str:
    """How a time's zone was established, in words ("from EXIF offset −04:00")."""
    basis = str(tv.get("basis") or "unknown")
    text = BASIS.get(basis, basis)
    zone = tv.get("zone")
    if basis == "exif-offset":
        off = _offset(tv)
        return f"{text} {off}" if off else text
    if zone and basis in ("analyst", "case-default", "location-tz"):
        return f"{text} ({zone})" if basis != "analyst" else f"{text} in {zone}"
    return text


def is_time(v: Any) -> bool:
    return isinstance(v, Mapping) and "basis" in v and "utc" in v


def time_text(tv: Mapping[str, Any], td: TimeDisplay) -> str:
    """A TimeValue input: 2019-03-23 20:02:10 UTC (from EXIF offset −04:00, ±1 s; as found: …)."""
    utc, raw = tv.get("utc"), tv.get("raw")
    head = td.fmt(utc) if utc else f"{raw or tv.get('local') or '?'} local time"
    notes = [basis_text(tv) + (f", ±{duration(tv['uncertainty_s'])}" if tv.get("uncertainty_s") else "")]
    window = tv.get("window_utc")
    if not utc and window and len(window) == 2:
        notes.append(f"could be {td.fmt(window[0])} to {td.fmt(window[1])}")
    if raw and raw != utc:
        notes.append(f"as found: {raw}")
    if tv.get("read_from"):
        notes.append(f"read from {tv['read_from']}")
    return f"{head} ({'; '.join(notes)})"


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
            return esc(time_text(v, self.td))
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
                out.append((label(k), esc(time_text({**d, "utc": d[k], "window_utc": None}, self.td))))
            elif loose_time and k in ("raw", "basis", "uncertainty_s", "zone") and "capture_utc" not in d:
                done.update(("raw", "basis", "uncertainty_s", "zone"))
                unc = f", ±{duration(d['uncertainty_s'])}" if d.get("uncertainty_s") else ""
                out.append(("as found", esc(f"{d.get('raw')} ({basis_text(d)}{unc})")))
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
        return time_text(v, td)
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


def shorten(text: str, limit: int = 120) -> str:
    """Text cut to `limit` characters with "…" (unchanged when it fits)."""
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"
