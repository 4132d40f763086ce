"""The case timeline: every dated thing as an event in UTC with its uncertainty and local zone."""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import TypedDict

from casefile.present.numbers import duration
from casefile.present.times import in_zone, unknown_zone_note
from casefile.reference.airports import zone_of_airport
from casefile.reference.zones import zone_at
from casefile.timeutil import TimeValue, epoch, from_epoch, get_zone, is_date_only
from casefile.xref.model import CaseInputs, EndIn
from casefile.xref.trackindex import end_place
from casefile.xref.windows import tv_window

LANES = ("sources", "photos", "flights", "claims")


class TimelineEventData(TypedDict):
    """A timeline event as plain data for JSON (see TimelineEvent)."""

    time_utc: str
    uncertainty_s: float
    lane: str
    label: str
    item_ids: list[str]
    kind: str
    local_zone: str | None
    end_utc: str | None
    basis: str
    display: str


@dataclass(frozen=True)
class TimelineEvent:
    """One dated thing of the case, in UTC with its uncertainty, and where it happened."""

    time_utc: str                    # centre of what is known
    uncertainty_s: float             # +- around time_utc
    lane: str                        # sources | photos | flights | claims
    label: str
    item_ids: tuple[str, ...]
    kind: str                        # captured, published, collected, takeoff, landing, gap, ...
    local_zone: str | None           # IANA zone of the event's place, when it has one
    end_utc: str | None = None       # for spans (gaps, claim windows)
    basis: str = "recorded-utc"      # how the time's zone was decided
    display: str = ""                # the time as shown in the chosen zone

    def to_dict(self) -> TimelineEventData:
        """Plain data for JSON."""
        return {"time_utc": self.time_utc, "uncertainty_s": self.uncertainty_s, "lane": self.lane,
                "label": self.label, "item_ids": list(self.item_ids), "kind": self.kind,
                "local_zone": self.local_zone, "end_utc": self.end_utc, "basis": self.basis,
                "display": self.display}


def _from_tv(tv: TimeValue) -> tuple[str, float] | None:
    w = tv_window(tv)
    if w is None:
        return None
    return from_epoch((w[0] + w[1]) / 2), (w[1] - w[0]) / 2


def _instant(text: str) -> float | None:
    try:
        return epoch(text)
    except ValueError:
        return None


def _canonical(text: str) -> str:
    """Recorded UTC text in the one sortable form (e.g. '…+00:00' or no milliseconds)."""
    t = _instant(text)
    return text if t is None else from_epoch(t)


def sort_key(e: TimelineEvent) -> tuple[float, int, str]:
    """UTC order by the instant itself (not the text), then lane, then label; unreadable last."""
    t = _instant(e.time_utc)
    return (t if t is not None else float("inf"), LANES.index(e.lane), e.label)


def _end_zone(end: EndIn) -> str | None:
    zone = zone_of_airport(end.airport_icao)
    if zone:
        return zone
    lat, lon = end_place(end)
    return zone_at(lat, lon) if lat is not None and lon is not None else None


def events(inputs: CaseInputs) -> list[TimelineEvent]:
    """Every dated thing in the inputs, sorted by UTC time (display left blank)."""
    out: list[TimelineEvent] = []
    labels = {a.id: a.label for a in inputs.aircraft}
    for p in inputs.photos:
        got = p.capture and _from_tv(p.capture)
        if got and p.capture:
            zone = zone_at(p.place.lat, p.place.lon) if p.place else None
            note = unknown_zone_note(p.capture)
            out.append(TimelineEvent(got[0], got[1], "photos", f"Photo {p.label or p.item_id} "
                                     f"captured{note}", (p.item_id,), "captured", zone,
                                     basis=p.capture.basis))
    for s in inputs.sources:
        got = s.published and _from_tv(s.published)
        if got and s.published:
            day = " (date only: the whole local day)" if is_date_only(s.published) else ""
            out.append(TimelineEvent(got[0], got[1], "sources", f"Source published: {s.title}"
                                     f"{day}{unknown_zone_note(s.published)}",
                                     (s.id, *s.item_ids), "published", s.published.zone
                                     if s.published.zone and "/" in s.published.zone else None,
                                     basis=s.published.basis))
        if s.collected_at:
            out.append(TimelineEvent(_canonical(s.collected_at), 0.0, "sources",
                                     f"Source collected: {s.title}",
                                     (s.id,), "collected", None, basis="recorded-utc"))
    for leg in inputs.legs:
        who = labels.get(leg.aircraft_id, leg.aircraft_id)
        for what, end in (("takeoff", leg.takeoff), ("landing", leg.landing)):
            if end.time is None:
                continue
            where = f" {'from' if what == 'takeoff' else 'at'} {end.airport_icao}" if end.airport_icao else ""
            tag = " (reported, not tracked)" if leg.reported else ""
            out.append(TimelineEvent(from_epoch(end.time), 0.0, "flights",
                                     f"{who} {'took off' if what == 'takeoff' else 'landed'}{where}{tag}",
                                     tuple(x for x in (leg.item_id,) if x), what, _end_zone(end)))
    for r in inputs.reported:
        for what, end in (("takeoff", r.takeoff), ("landing", r.landing)):
            if end.time is None:
                continue
            where = f" {end.airport_icao}" if end.airport_icao else ""
            # the time as reported is a window: its middle, ± half its width (a date: the whole day)
            out.append(TimelineEvent(from_epoch(end.time), end.uncertainty_s, "flights",
                                     f"{r.label or r.aircraft_ref} reported {what}{where} "
                                     f"(reported, not tracked)",
                                     r.item_ids, f"reported-{what}", _end_zone(end), basis="analyst"))
    for g in inputs.gaps:
        who = labels.get(g.aircraft_id, g.aircraft_id)
        out.append(TimelineEvent(from_epoch(g.start), 0.0, "flights", f"{who}: no track data "
                                 f"({g.note or 'coverage gap'})", tuple(x for x in (g.item_id,) if x),
                                 "gap", zone_at(*g.before_at) if g.before_at else None,
                                 end_utc=from_epoch(g.end)))
    for c in inputs.claims:
        ws, we = tv_window(c.window_start), tv_window(c.window_end or c.window_start)
        if ws is None or we is None:
            continue
        lo, hi = min(ws[0], we[0]), max(ws[1], we[1])
        zone = zone_of_airport(c.place_icao) or (zone_at(c.place.lat, c.place.lon)
                                                 if c.place else None)
        out.append(TimelineEvent(from_epoch(lo), 0.0, "claims", f"Claim ({c.kind}): {c.text}",
                                 (c.id, *c.item_ids), "claim-window", zone, end_utc=from_epoch(hi),
                                 basis=c.window_start.basis if c.window_start else "unknown"))
    out.sort(key=sort_key)
    return out


def display(evs: list[TimelineEvent], tz: str | None = None) -> list[TimelineEvent]:
    """Fill each event's display time: UTC (None), one zone (IANA name), or "local" per place."""
    if tz and tz != "local":
        get_zone(tz)
    out = []
    for e in evs:
        zone = (e.local_zone if tz == "local" else tz) or None
        centre = epoch(e.time_utc)
        if e.uncertainty_s >= 3600 and not e.end_utc and centre is not None:
            # a time known only to a window (a date, a reported day): shown as that window, never
            # as its made-up middle
            shown = (f"{in_zone(from_epoch(centre - e.uncertainty_s), zone)} to "
                     f"{in_zone(from_epoch(centre + e.uncertainty_s), zone)} (known only to this window)")
        else:
            shown = in_zone(e.time_utc, zone)
            if e.end_utc:
                shown += " to " + in_zone(e.end_utc, zone)
            if e.uncertainty_s:
                shown += f" ±{duration(e.uncertainty_s)}"
        if tz == "local" and not e.local_zone:
            shown += " (no local zone known)"
        out.append(replace(e, display=shown))
    return out
