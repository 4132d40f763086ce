"""Times as people read them, in one wording: an instant in a sentence, a typed time or window with
its uncertainty, how a time's zone was decided (its basis), UTC with the local reading beside it,
and the window's UTC-or-local display choice. Stored times stay UTC text (casefile.timeutil)."""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

from casefile.present.numbers import MINUS, duration
from casefile.timeutil import TimeValue, epoch, from_epoch, get_zone, is_date_only, parse_z, wall_text

_OFFSET_ZONE = re.compile(r"^[+-]\d{2}:\d{2}$")
_OFFSET = re.compile(r"([+-])(\d{2}):?(\d{2})$")

#: How a time's zone was decided (casefile.timeutil.BASES), in words.
BASIS: dict[str, str] = {
    "exif-offset": "zone from the EXIF offset",
    "gps-utc": "from the GPS clock (UTC)",
    "location-tz": "zone from the position",
    "case-default": "zone assumed: the case's default",
    "analyst": "as entered by the analyst",
    "source-stated": "as the source states it",
    "recorded-utc": "recorded in UTC",
    "unknown": "zone unknown",
}


# ---- an instant or a window in a sentence ------------------------------------------------------
def people_time(seconds: float, *, seconds_too: bool = False) -> str:
    """An instant as people read it in a sentence: '2019-03-23 19:40 UTC' (or '19:40:05')."""
    text = from_epoch(seconds)
    return f"{text[:10]} {text[11:19] if seconds_too else text[11:16]} UTC"


def fmt_window(lo: float, hi: float) -> str:
    """A short window: '2019-03-23 14:05 to 15:05 UTC' (the second date only when it differs)."""
    a, b = from_epoch(lo), from_epoch(hi)
    if a[:10] == b[:10]:
        return f"{a[:10]} {a[11:16]} to {b[11:16]} UTC"
    return f"{a[:10]} {a[11:16]} to {b[:10]} {b[11:16]} UTC"


def _utc_short(dt: datetime) -> str:
    return people_time(dt.timestamp())


def _zone_words(tv: TimeValue) -> str:
    if tv.utc is None:
        return "local time, zone unknown"
    return f"in {tv.zone}" if tv.zone else "UTC"


def describe(tv: TimeValue | None) -> str:
    """A time as a person should read it: a bare date as its whole local day with the UTC span it
    covers, an uncertain time with its ±, an unknown zone said plainly."""
    if tv is None:
        return "no time"
    w = tv.window()
    if w is None:
        return f"{tv.raw!r} (no time could be read)"
    span_text = f"{_utc_short(w[0])} to {_utc_short(w[1])}"
    if is_date_only(tv):
        return f"{tv.raw}, the whole day {_zone_words(tv)} ({span_text})"
    if tv.utc is None:
        return f"{tv.local or tv.raw} {_zone_words(tv)} (any time from {span_text})"
    centre = parse_z(tv.utc).strftime("%Y-%m-%d %H:%M:%S UTC")
    if tv.uncertainty_s >= 60:
        h = tv.uncertainty_s / 3600
        return f"{centre} ± {h:g} h" if h >= 1 else f"{centre} ± {tv.uncertainty_s / 60:.0f} min"
    return centre


def describe_window(start: TimeValue | None, end: TimeValue | None) -> str:
    """A window from two typed ends: one bare date for both is that whole local day."""
    s = start if start is not None and start.window() is not None else None
    e = end if end is not None and end.window() is not None else None
    if s is None and e is None:
        return "no time"
    if s is None or e is None or (s.raw == e.raw and s.zone == e.zone):
        one = s or e
        assert one is not None
        if s is not None and e is not None and is_date_only(one):
            ws, we = s.window(), e.window()
            assert ws is not None and we is not None
            return (f"{one.raw}, the whole day {_zone_words(one)} "
                    f"({_utc_short(ws[0])} to {_utc_short(we[1])})")
        return describe(one)
    ws, we = s.window(), e.window()
    assert ws is not None and we is not None
    return (f"{s.raw} to {e.raw} {_zone_words(s)} ({_utc_short(ws[0])} to {_utc_short(we[1])})")


def unknown_zone_note(tv: TimeValue) -> str:
    """A timeline label's note for a time with no zone: placed at the middle of the window it may
    be in ("" when the zone is known)."""
    if tv.utc is not None:
        return ""
    w = tv.window()
    span_text = f" {_utc_short(w[0])} to {_utc_short(w[1])}" if w else ""
    return f" (time zone unknown: could be any time from{span_text}; placed at the middle)"


def in_zone(utc_text: str, zone_name: str | None) -> str:
    """Stored UTC text on the clocks of a zone, naming it: '2019-03-23 15:20:00 -04:00
    (America/Caracas)'; UTC when no zone is given (or the reading leaves the calendar)."""
    dt = datetime.fromtimestamp(epoch(utc_text) or 0.0, UTC)
    if zone_name is None:
        return f"{wall_text(dt)} UTC"
    try:
        local = dt.astimezone(get_zone(zone_name))
    except OverflowError:   # the zone's reading falls outside the years 0001-9999
        return f"{wall_text(dt)} UTC"
    off = local.strftime("%z")
    return f"{wall_text(local)} {off[:3]}:{off[3:]} ({zone_name})"


def claim_when(start: TimeValue | None, end: TimeValue | None, none: str = "") -> str:
    """A claim's window as people read it ("2022-08-02, the whole day in Asia/Taipei (… UTC)"),
    `none` when neither end was given."""
    known = [tv for tv in (start, end) if tv is not None and tv.window() is not None]
    return describe_window(start, end) if known else none


def time_basis_note(tv: TimeValue) -> str | None:
    """The assumption to state when a time's zone is unknown or only assumed."""
    if tv.utc is None:
        return (f"The time {tv.raw!r} has no time zone (basis: unknown), so it was widened to every "
                f"zone on Earth (UTC-12 to UTC+14); it was not assumed to be UTC.")
    if tv.basis == "case-default":
        return f"The time {tv.raw!r} had no zone; the case's default zone {tv.zone} was assumed."
    return None


# ---- how the zone was decided -------------------------------------------------------------------
def _offset_of(zone: object, raw: object) -> str | None:
    for text in (zone, raw):
        m = _OFFSET.search(str(text or "").strip())
        if m:
            return f"{MINUS if m.group(1) == '-' else '+'}{m.group(2)}:{m.group(3)}"
    return None


def basis_text(basis: str | None, zone: str | None = None, raw: str | None = None) -> str:
    """How a time's zone was decided, in words; with `zone` (and `raw` for an EXIF offset) the
    zone is named too: "zone from the EXIF offset −04:00"."""
    key = basis or "unknown"
    text = BASIS.get(key, key)
    if key == "exif-offset":
        off = _offset_of(zone, raw)
        return f"{text} {off}" if off else text
    if zone and key == "case-default":
        return f"{text}, {zone}"
    if zone and key == "location-tz":
        return f"{text}: {zone}"
    if zone and key == "analyst":
        return f"{text} in {zone}"
    return text


def basis_of(tv: Mapping[str, object]) -> str:
    """basis_text of a stored time (a TimeValue as a dict), naming its zone."""
    zone, raw = tv.get("zone"), tv.get("raw")
    return basis_text(str(tv.get("basis") or "unknown"), zone if isinstance(zone, str) else None,
                      raw if isinstance(raw, str) else None)


def listing(tv: Mapping[str, object] | None) -> str:
    """A stored time on one line of a listing: '2019-03-23T20:02:10.000Z (zone from the EXIF offset
    −04:00, ± 1 s)'; with no zone, '2019-03-23T16:02:10 local, zone unknown'."""
    if not tv:
        return "no time"
    utc = tv.get("utc")
    if utc:
        unc = tv.get("uncertainty_s")
        extra = f", ± {duration(float(unc))}" if isinstance(unc, (int, float)) and unc > 1 else ""
        return f"{utc} ({basis_of(tv)}{extra})"
    return f"{tv.get('local') or tv.get('raw') or '?'} local, zone unknown"


# ---- the window's display choice: UTC, or local in a named zone ---------------------------------
class TimeDisplay:
    """UTC, or local in a named zone (None: the computer's); every text names the zone shown."""

    def __init__(self) -> None:
        self.local = False
        self.zone_name: str | None = None

    def fmt(self, value: TimeValue | str | None) -> str:
        """An ISO 'Z' string (or TimeValue) as text in the chosen zone, with the zone named."""
        text = value.utc if isinstance(value, TimeValue) else value
        if not text:
            raw = value.raw if isinstance(value, TimeValue) else None
            return f"{raw} (zone unknown)" if raw else ""
        if not self.local and len(text) == 24 and text[10] == "T" and text.endswith("Z"):
            return f"{text[:10]} {text[11:19]} UTC"      # canonical form: no parsing needed
        try:
            dt = parse_z(text)
        except (ValueError, TypeError):
            return text
        if not self.local:
            return wall_text(dt) + " UTC"
        try:
            local = dt.astimezone(ZoneInfo(self.zone_name)) if self.zone_name else dt.astimezone()
        except OverflowError:   # outside the years 0001-9999 in that zone
            return wall_text(dt) + " UTC"
        return f"{wall_text(local)} " + (self.zone_name or local.tzname() or "")

    def value_text(self, tv: Mapping[str, object]) -> str:
        """A stored time with its basis: '2019-03-23 20:02:10 UTC (zone from the EXIF offset
        −04:00, ±1 s; as found: …)'."""
        utc, raw = tv.get("utc"), tv.get("raw")
        head = self.fmt(str(utc)) if utc else f"{raw or tv.get('local') or '?'} local time"
        unc = tv.get("uncertainty_s")
        notes = [basis_of(tv) + (f", ±{duration(float(unc))}" if isinstance(unc, (int, float)) and unc
                                 else "")]
        window = tv.get("window_utc")
        if not utc and isinstance(window, (list, tuple)) and len(window) == 2:
            notes.append(f"could be {self.fmt(str(window[0]))} to {self.fmt(str(window[1]))}")
        if raw and raw != utc:
            notes.append(f"as found: {raw}")
        if tv.get("read_from"):
            notes.append(f"read from {tv['read_from']}")
        return f"{head} ({'; '.join(notes)})"


# ---- the report's reading: a day and clock, UTC with the local time beside it ---------------------
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
    if _OFFSET_ZONE.match(zone):
        sign = -1 if zone[0] == "-" else 1
        off = timedelta(hours=int(zone[1:3]), minutes=int(zone[4:6])) * sign
        return utc + off, f"local, UTC{zone.replace('-', MINUS)}"
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
        span_text = f"; in UTC anywhere from {_range(w[0], w[1])}" if w else ""
        return f"{day_time(local)} local time, zone unknown{span_text}"
    out = with_local(tv.utc, tv.zone or zone_hint)
    extra = [basis_text(tv.basis)]        # the zone itself is named beside the local time
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
