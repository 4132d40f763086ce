"""How the report names things and writes numbers and times for people: short references with
file names (P3 apron.jpg, S2 Reuters article) instead of ids, coordinates as 10.5979° N, and
times in UTC with the place's local time beside them and how the zone was decided."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from datetime import datetime, timedelta

from casefile.model.analyst import Claim, Source
from casefile.model.findings import Finding
from casefile.model.flights import Aircraft
from casefile.timeutil import TimeValue, get_zone, parse_z

ULID = re.compile(r"\b[0-9A-HJKMNP-TV-Z]{26}\b")
FINDING_ID = re.compile(r"\bF[0-9a-f]{24}\b")
HEX64 = re.compile(r"\b[0-9a-fA-F]{64}\b")
LATLON = re.compile(r"(?<![\d.])(-?\d{1,2}\.\d{3,}), (-?\d{1,3}\.\d{3,})(?![\d.])")
ISO_Z = re.compile(r"\b\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|\+00:00)")
_ITEM_ID = re.compile(r"\bitem ([0-9A-HJKMNP-TV-Z]{26})\b")
_OFFSET = re.compile(r"^[+-]\d{2}:\d{2}$")

BASIS = {
    "exif-offset": "zone from the photo's EXIF offset",
    "gps-utc": "from the GPS clock (UTC)",
    "location-tz": "zone from where the photo was taken",
    "case-default": "the case's default zone (assumed)",
    "analyst": "as entered by the analyst",
    "unknown": "zone unknown",
}


def basis_text(basis: str | None) -> str:
    return BASIS.get(basis or "unknown", basis or "zone unknown")


def _clock(dt: datetime, seconds: bool) -> str:
    return dt.strftime("%H:%M:%S" if seconds else "%H:%M")


def _day(dt: datetime) -> str:
    return f"{dt.day} {dt.strftime('%b %Y')}"


def day_time(dt: datetime, seconds: bool | None = None) -> str:
    """'23 Mar 2019 19:20' (by default with seconds only when they are not zero)."""
    return f"{_day(dt)} {_clock(dt, bool(dt.second) if seconds is None else seconds)}"


def _range(a: datetime, z: datetime) -> str:
    """'22 Mar 2019 00:00 to 23:59' (the second date only when it differs), to the minute."""
    end = _clock(z, False) if a.date() == z.date() else day_time(z, False)
    return f"{day_time(a, False)} to {end}"


def local_of(utc: datetime, zone: str | None) -> tuple[datetime, str] | None:
    """The same instant on the clocks of `zone` (IANA name or ±HH:MM) and how to name it."""
    if not zone:
        return None
    if _OFFSET.match(zone):
        sign = -1 if zone[0] == "-" else 1
        off = timedelta(hours=int(zone[1:3]), minutes=int(zone[4:6])) * sign
        return utc + off, f"local, UTC{zone.replace('-', '−')}"
    try:
        tz = get_zone(zone)
    except Exception:  # noqa: BLE001 - an unknown zone name: show UTC only
        return None
    return utc.astimezone(tz).replace(tzinfo=None), zone.replace("_", " ")


def with_local(utc_text: str | None, zone: str | None) -> str:
    """'23 Mar 2019 19:20 UTC (15:20 America/Caracas)'; the local date is shown when it differs."""
    if not utc_text:
        return "not known"
    utc = parse_z(utc_text)
    out = f"{day_time(utc)} UTC"
    loc = local_of(utc, zone)
    if loc is not None:
        dt, name = loc
        clock = _clock(dt, bool(dt.second))
        out += f" ({clock} {name})" if dt.date() == utc.date() else f" ({_day(dt)} {clock} {name})"
    return out


def when(tv: TimeValue | None, zone_hint: str | None = None) -> str:
    """A recorded time for people: UTC with the local time beside it and how the zone was
    decided; a time whose zone is unknown stays a local reading with the window it could be in."""
    if tv is None:
        return "not known"
    if not tv.utc:
        if not tv.local:
            return "not stated"
        local = datetime.fromisoformat(tv.local)
        w = tv.window()
        span = f"; in UTC anywhere from {_range(w[0], w[1])}" if w else ""
        return f"{day_time(local)} local time, zone unknown{span}"
    out = with_local(tv.utc, tv.zone or zone_hint)
    extra = [basis_text(tv.basis)]
    if tv.uncertainty_s and tv.uncertainty_s > 1:
        extra.append(f"± {duration(tv.uncertainty_s)}")
    return f"{out}, {', '.join(extra)}"


def span(start: TimeValue | None, end: TimeValue | None) -> str:
    """A window such as a claim's: both ends in UTC, with the local reading when a zone is known."""
    if start is None or end is None or not start.utc or not end.utc:
        one = start if start is not None and (start.utc or start.local) else end
        return when(one) if one is not None and (one.utc or one.local) else "no time stated"
    a, z = parse_z(start.utc), parse_z(end.utc)
    out = f"{_range(a, z)} UTC"
    la, lz = local_of(a, start.zone), local_of(z, end.zone or start.zone)
    if la is not None and lz is not None:
        out += f" ({_range(la[0], lz[0])} {la[1]})"
    return out


def duration(seconds: float) -> str:
    """A duration in the unit a reader takes in at a glance."""
    s = abs(float(seconds))
    if s < 120:
        return f"{s:g} s"
    if s < 7200:
        return f"{s / 60:.0f} min"
    if s < 3 * 86400:
        return f"{s / 3600:.1f} h"
    return f"{s / 86400:.1f} days"


def coords(lat: float | None, lon: float | None) -> str:
    """'10.5979° N, 66.9881° W'."""
    if lat is None or lon is None:
        return "no position"
    return (f"{abs(lat):.4f}° {'N' if lat >= 0 else 'S'}, "
            f"{abs(lon):.4f}° {'E' if lon >= 0 else 'W'}")


def aircraft_name(a: Aircraft) -> str:
    """Registration (or ICAO 24-bit address) and type, as the map key and the tables name it."""
    name = a.registration or a.icao24 or a.label or a.id
    return f"{name} ({a.type_code})" if a.type_code else name


def short(text: str, n: int = 90) -> str:
    text = " ".join(text.split())
    return text if len(text) <= n else text[: n - 1].rstrip() + "…"


class Names:
    """Every record as a person names it: its short reference and, for files, the file name."""

    def __init__(self, refs: Mapping[str, str], file_names: Mapping[str, str | None],
                 sources: Iterable[Source] = (), claims: Iterable[Claim] = (),
                 aircraft: Iterable[Aircraft] = (), findings: Iterable[Finding] = ()) -> None:
        self.refs = dict(refs)
        self.files = dict(file_names)
        self.sources = {s.id: s for s in sources}
        self.claims = {c.id: c for c in claims}
        self.aircraft = {a.id: aircraft_name(a) for a in aircraft}
        for f in findings:
            self.refs.setdefault(f.id, f"X?{f.id[-4:]}")

    def ref(self, target_id: str) -> str:
        """The short reference ("P3"), or a short stand-in for a record without one."""
        return self.refs.get(target_id) or self.aircraft.get(target_id) or "(unnumbered record)"

    def name(self, target_id: str) -> str:
        """'P3 apron.jpg', 'S2 Reuters article', 'C4', '15d3b7 (A124)'."""
        if target_id in self.aircraft:
            return self.aircraft[target_id]
        ref = self.ref(target_id)
        if target_id in self.files:
            return f"{ref} {self.files[target_id] or '(no name)'}"
        src = self.sources.get(target_id)
        if src is not None:
            return f"{ref} {short(src.title or src.publisher or src.kind, 60)}"
        return ref

    def names(self, ids: Iterable[str]) -> str:
        return ", ".join(self.name(i) for i in ids)

    def text(self, text: str | None) -> str:
        """Free text with every record id replaced by how a person names it (and any SHA-256
        shortened: the full hash is in the appendix)."""
        if not text:
            return ""
        text = _ITEM_ID.sub(lambda m: self.ref(m.group(1)) if m.group(1) in self.refs
                            else m.group(0), text)
        text = ULID.sub(lambda m: self.name(m.group(0)) if m.group(0) in self.refs
                        or m.group(0) in self.aircraft else "a record", text)
        text = FINDING_ID.sub(lambda m: self.ref(m.group(0)), text)
        text = LATLON.sub(lambda m: _latlon(m.group(1), m.group(2)) or m.group(0), text)
        text = ISO_Z.sub(lambda m: f"{day_time(parse_z(_z(m.group(0))))} UTC", text)
        return HEX64.sub(lambda m: f"SHA-256 {m.group(0)[:12]}…", text)


def _latlon(lat: str, lon: str) -> str | None:
    """'10.5979, -66.9881' as '10.5979° N, 66.9881° W' (when it can be a position)."""
    a, o = float(lat), float(lon)
    return coords(a, o) if -90 <= a <= 90 and -180 <= o <= 180 else None


def _z(text: str) -> str:
    return text.replace("+00:00", "Z") if text.endswith("+00:00") else text
