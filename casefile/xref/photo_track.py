"""Photo ↔ aircraft track: could this aircraft have been where the photo was, when it was taken?"""

from __future__ import annotations

import math
from bisect import bisect_left, bisect_right
from functools import lru_cache
from typing import Any

import numpy as np

from casefile.geo import distance_km, distances_km, intermediate
from casefile.model.findings import Finding
from casefile.present.times import fmt_window, people_time, time_basis_note
from casefile.reference import places
from casefile.timeutil import TimeValue, from_epoch
from casefile.xref.claim_match import type_of
from casefile.xref.confidence import Confidence, Factors, assess
from casefile.xref.findings import make_finding
from casefile.xref.model import PhotoIn
from casefile.xref.reach import max_ground_speed, reach
from casefile.xref.trackindex import (
    AIRBORNE,
    GAP,
    GROUND,
    NODATA,
    PARKED,
    STAY_NOTE,
    AircraftTrack,
    Event,
    Fix,
    FleetIndex,
    Span,
    low_above_field,
)
from casefile.xref.windows import tv_window

KIND = "photo-aircraft"
#: An aircraft on the ground within this distance of the photo's place counts as "there".
NEAR_KM = 10.0
#: With no position inside the photo's window, the nearest on each side within this many seconds
#: is the evidence (a photo seconds after a take-off falls between two positions)
REACH_S = 120.0
#: an aircraft covers at most this much ground per second (600 kt): a position this far from the
#: window can only exclude the place if it is further away than that allows
FAST_KM_S = 600 * 1.852 / 3600


@lru_cache(maxsize=1 << 14)
def _km(lat: float, lon: float, slat: float, slon: float) -> float:
    return distance_km(lat, lon, slat, slon)


def _span_input(s: Span, photo_lat: float, photo_lon: float) -> dict[str, Any]:
    d: dict[str, Any] = {"from": from_epoch(s.start), "to": from_epoch(s.end), "state": s.state}
    if s.state in (GROUND, PARKED) and s.lat is not None and s.lon is not None:
        d["airport_icao"] = s.airport_icao
        d["distance_km"] = round(_km(photo_lat, photo_lon, s.lat, s.lon), 2)
    if s.leg_id:
        d["leg_id"] = s.leg_id
    if s.note:
        d["note"] = s.note
    return d


def _summary(spans: list[Span], lat: float, lon: float) -> str:
    parts = []
    for s in spans:
        if s.state == GROUND and s.lat is not None and s.lon is not None:
            where = s.airport_icao or f"{s.lat:.3f},{s.lon:.3f}"
            parts.append(f"on the ground at {where} ({_km(lat, lon, s.lat, s.lon):.0f} km away)")
        elif s.state == AIRBORNE:
            parts.append("airborne")
        elif s.state == GAP:
            parts.append("in a gap in the tracking data")
        elif s.state == PARKED:
            parts.append("in a gap in the tracking data while on the ground "
                         f"{_km(lat, lon, s.lat or 0.0, s.lon or 0.0):.0f} km away")
        else:
            parts.append("not covered by any track record")
    return ", then ".join(dict.fromkeys(parts))


def classify(lo: float, hi: float, lat: float, lon: float, track: AircraftTrack) -> tuple[
        str, list[Span], list[Span], list[Event], list[Fix], list[Span]]:
    """Verdict of one aircraft for a window and place, with the spans that decide it."""
    spans = track.query(lo, hi)
    near_ground = [s for s in spans if s.state in (GROUND, PARKED) and s.lat is not None
                   and s.lon is not None and _km(lat, lon, s.lat, s.lon) <= NEAR_KM]
    near_ground.sort(key=lambda s: s.state == PARKED)   # observed ground first
    events = [] if near_ground else track.events_near(lo, hi, lat, lon, NEAR_KM)
    low_points = [] if near_ground or events else track.points_near(lo, hi, lat, lon, NEAR_KM)
    holes = [s for s in spans if s.state in (GAP, NODATA, PARKED)]
    if not (near_ground or events or low_points or holes):
        sides = [f for f in track.points_around(lo, hi, REACH_S) if f is not None]
        if len(sides) == 2 and _sides_fit(sides[0], sides[1], (lo + hi) / 2, lat, lon):
            low_points = sides          # the positions either side put it low at the place
        elif not _excluded(track, lo, hi, lat, lon):
            holes = [Span(lo, hi, NODATA, note="no position near enough in time to exclude "
                          "the place")]
    if near_ground or events or low_points:
        verdict = "consistent"
    elif holes:
        verdict = "undetermined"
    else:
        verdict = "inconsistent"
    return verdict, spans, near_ground, events, low_points, holes


def _low_near(f: Fix, lat: float, lon: float) -> bool:
    return (f[4] or low_above_field(f[3], f[1], f[2])) and _km(lat, lon, f[1], f[2]) <= NEAR_KM


def _sides_fit(b: Fix, a: Fix, t: float, lat: float, lon: float) -> bool:
    """Whether the positions just before (b) and after (a) a window put the aircraft low at the
    place: a take-off or landing between them, both near it and one low; or, in one state on
    both sides, the position between them (as `where` interpolates it) near the place and low."""
    if b[4] != a[4]:
        return (_km(lat, lon, b[1], b[2]) <= NEAR_KM and _km(lat, lon, a[1], a[2]) <= NEAR_KM
                and (_low_near(b, lat, lon) or _low_near(a, lat, lon)))
    f = (t - b[0]) / (a[0] - b[0]) if a[0] > b[0] else 0.0
    plat, plon = intermediate(b[1], b[2], a[1], a[2], f)
    alt = None if b[3] is None or a[3] is None else b[3] + f * (a[3] - b[3])
    return _km(lat, lon, plat, plon) <= NEAR_KM and (b[4] or low_above_field(alt, plat, plon))


def _excluded(track: AircraftTrack, lo: float, hi: float, lat: float, lon: float) -> bool:
    """Whether the positions exclude the place over the whole window: between each two positions
    around and inside it, the aircraft could not have flown by way of the place (at 600 kt), and
    positions lie on both sides of the window."""
    p = track.points
    if p is None or not p.t:
        return True       # no positions: the spans (inferred ground stays elsewhere) decide
    i, j = bisect_left(p.t, lo) - 1, bisect_right(p.t, hi)
    if i < 0 or j >= len(p.t):
        return False      # the window reaches past the record: nothing excludes that part
    # every two positions in turn: neither leaves time to fly by way of the place (numpy)
    ts, lats, lons = track.arrays
    spare = distances_km(lat, lon, lats[i:j + 1], lons[i:j + 1]) - NEAR_KM
    reach_km = FAST_KM_S * np.diff(ts[i:j + 1])
    return bool(np.all(spare[:-1] + spare[1:] > reach_km))


def evaluate(photo: PhotoIn, track: AircraftTrack, *, tagged: bool) -> Finding | None:
    """One aircraft against one photo; None when the photo lacks a time or place."""
    win = tv_window(photo.capture)
    if win is None or photo.place is None or photo.capture is None:
        return None
    lo, hi = win
    lat, lon = photo.place.lat, photo.place.lon
    _, spans, near_ground, events, low_points, holes = classify(lo, hi, lat, lon, track)
    a = track.aircraft
    assumptions = [f"An aircraft on the ground within {NEAR_KM:g} km of the photo's place counts "
                   f"as being there; a track shows where the aircraft was, not what the photo shows."]
    if any(sp.note == STAY_NOTE for sp in spans):
        assumptions.append("Between a landing and the next take-off from the same place the "
                           "aircraft is taken to have stayed on the ground there; an unrecorded "
                           "flight in between would not show.")
    note = time_basis_note(photo.capture)
    if note:
        assumptions.append(note)
    if photo.place.source == "analyst":
        assumptions.append("The photo's place was set by the analyst, not read from the file.")
    widened = photo.capture.utc is None
    who = f"{a.label}" + (" (tagged on the photo)" if tagged else "")
    when = fmt_window(lo, hi)
    conf: float | Confidence
    gone: tuple[str, dict[str, Any]] | None = None
    if near_ground:
        s = near_ground[0]
        verdict, conf = "consistent", (0.8 if tagged else 0.6)
        expl = (f"{who} was on the ground at {s.airport_icao or 'a place'} "
                f"{_km(lat, lon, s.lat, s.lon):.1f} km from where the photo was taken, "
                f"during the photo's time window ({when}).")
        if s.state == PARKED:
            conf -= 0.2
            expl = (f"{who} was probably parked {_km(lat, lon, s.lat, s.lon):.1f} km from "
                    f"where the photo was taken during its time window ({when}): the track has no "
                    f"positions then, but shows it on the ground at that spot before and after.")
            assumptions.append("An aircraft on the ground at the same spot before and after a gap "
                               "in its track is assumed to have stayed there during the gap.")
    elif events:
        e = events[0]
        verdict, conf = "consistent", (0.8 if tagged else 0.6)
        expl = (f"{who} {'took off from' if e[4] == 'takeoff' else 'landed at'} "
                f"{e[3] or 'a place'} {_km(lat, lon, e[1], e[2]):.1f} km from where the photo was "
                f"taken at {people_time(e[0], seconds_too=True)}, within the photo's time window ({when}).")
    elif low_points and not lo <= low_points[0][0] <= hi:
        verdict = "consistent"
        b, f = low_points[0], low_points[-1]
        gap = max(lo - b[0], f[0] - hi)
        conf = assess(verdict, Factors("track", points=2, time_gap_s=gap,
                                       distance_km=max(_km(lat, lon, b[1], b[2]), _km(lat, lon, f[1], f[2])),
                                       limit_km=NEAR_KM))
        expl = (f"{who} was observed low or on the ground near the photo's place just before and "
                f"just after the photo's time window ({when}): {_fix(b, lat, lon)} "
                f"{lo - b[0]:.0f} s before it, and {_fix(f, lat, lon)} {f[0] - hi:.0f} s after it; "
                "no position falls inside the window itself.")
    elif low_points:
        verdict, conf = "consistent", (0.7 if tagged else 0.5)
        expl = (f"{who} was observed low or on the ground within {NEAR_KM:g} km of the photo's place "
                f"during the photo's time window ({when}).")
    elif holes and (gone := _out_of_reach(track, lo, hi, lat, lon)) is not None:
        verdict = "inconsistent"
        conf = assess(verdict, Factors("track", mismatch=True))
        expl = (f"{who} could not have been at the photo's place during its time window ({when}), "
                f"though the track has no positions then: {gone[0]}.")
        assumptions.append(f"An aircraft moves at most at its type's fastest ground speed "
                           f"({gone[1]['basis']}).")
    elif holes:
        verdict, conf = "undetermined", 0.5
        missing = sum(min(s.end, hi) - max(s.start, lo) for s in holes)
        if any(s.note.startswith("no position near enough") for s in holes):
            expl = (f"Cannot tell whether {who} was at the photo's place during its time window "
                    f"({when}): it was airborne, but no position inside the window or close enough "
                    "to it in time rules the place out.")
        else:
            rest = _summary([s for s in spans if s not in holes], lat, lon)
            expl = (f"Cannot tell whether {who} was at the photo's place: for "
                    f"{_dur(missing)} of the photo's time window ({when}) there is no track "
                    f"data (a gap or no record), which does not mean the aircraft did not fly."
                    + (f" The rest of the time it was {rest}." if rest else "")
                    + _edge_words(track, lo, hi, lat, lon))
    else:
        verdict, conf = "inconsistent", (0.85 if tagged else 0.7)
        expl = (f"{who} was not at the photo's place during the whole time window ({when}): it was "
                f"{_summary(spans, lat, lon)}.")
    if widened:
        conf = min(conf, 0.5) if isinstance(conf, float) else (
            conf if conf.value <= 0.5 else Confidence(0.5, conf.sentence))
        expl += " The photo's time zone is unknown, so the window covers every zone on Earth."
    inputs = {
        "photo": {"item_id": photo.item_id, "capture": _capture(photo.capture),
                  "window_utc": [from_epoch(lo), from_epoch(hi)],
                  "place": {"lat": lat, "lon": lon, "source": photo.place.source}},
        "aircraft": {"id": a.id, "label": a.label, "tagged": tagged},
        "track_spans": [_span_input(s, lat, lon) for s in spans],
        "near_km": NEAR_KM,
    }
    if verdict == "inconsistent" and holes and gone is not None:
        inputs["reachability"] = gone[1]
    if events:
        inputs["events_near"] = [{"t": from_epoch(e[0]), "event": e[4], "airport_icao": e[3],
                                  "distance_km": round(_km(lat, lon, e[1], e[2]), 2), "leg_id": e[5]}
                                 for e in events[:5]]
    if low_points:
        inputs["low_points_near"] = [{"t": from_epoch(p[0]), "lat": p[1], "lon": p[2], "alt_ft": p[3],
                                      "ground": p[4]} for p in low_points[:5]]
    if tagged:
        near = track.nearest_point((lo + hi) / 2)
        if near is not None:
            inputs["nearest_observation"] = {
                "t": from_epoch(near[0]), "seconds_from_photo_centre": round(near[0] - (lo + hi) / 2, 1),
                "lat": near[1], "lon": near[2], "alt_ft": near[3], "ground": near[4],
                "distance_km": round(distance_km(lat, lon, near[1], near[2]), 2)}
    items = [photo.item_id] + sorted({s.item_id for s in spans if s.item_id})
    return make_finding(KIND, verdict, conf, expl, items, inputs, assumptions)


def _dur(seconds: float) -> str:
    return f"{seconds:.0f} s" if seconds < 90 else f"{seconds / 60:.0f} min"


def _out_of_reach(track: AircraftTrack, lo: float, hi: float, lat: float,
                  lon: float) -> tuple[str, dict[str, Any]] | None:
    """Why the observed positions put the photo's place out of reach for its whole time window
    (a space-time prism at the type's fastest ground speed, xref.reach); None: some path reaches
    it, or nothing bounds it."""
    kt, basis = max_ground_speed(type_of(track.aircraft))
    got = reach(track, places.point(lat, lon, "the photo's place", NEAR_KM), lo, hi, kt, basis)
    if got is None or got.reachable or got.km is None or got.need_kt is None:
        return None
    words = (f"{got.anchor} it was {got.km + NEAR_KM:,.1f} km from the photo's place; to be "
             f"within {NEAR_KM:g} km of it in the window would need {got.need_kt:,.0f} kt, over the "
             f"{kt:.0f} kt its type can make good ({basis})")
    return words, {"reachable": False, "max_kt": kt, "need_kt": got.need_kt,
                   "km": round(got.km, 2), "basis": basis}


def _last_seen_here(track: AircraftTrack, lo: float, lat: float, lon: float) -> str | None:
    """'X was last seen on the ground 200 m from the photo's place, 16 min before its window,
    with no position since' (None unless so)."""
    before, after = track.points_around(lo, lo, math.inf)
    if before is None or after is not None or not before[4] \
            or _km(lat, lon, before[1], before[2]) > NEAR_KM:
        return None
    return (f"{track.aircraft.label} was last seen {_fix(before, lat, lon)}, "
            f"{_dur(lo - before[0])} before the window, with no position since: it may still "
            f"have been there (not observed).")


def _edge_words(track: AircraftTrack, lo: float, hi: float, lat: float, lon: float) -> str:
    """Where the positions either side of a window with no data put the aircraft, in words."""
    before, after = track.points_around(lo, hi, math.inf)
    parts = []
    if before is not None:
        parts.append(f"its last position before the window was {_fix(before, lat, lon)}, "
                     f"{_dur(lo - before[0])} before it")
    if after is not None:
        parts.append(f"its first position after it was {_fix(after, lat, lon)}, "
                     f"{_dur(after[0] - hi)} after it")
    if not parts:
        return ""
    ground_here = [f for f in (before, after) if f is not None and f[4]
                   and _km(lat, lon, f[1], f[2]) <= NEAR_KM]
    end = (" It may still have been there (not observed)." if ground_here and after is None
           else " It could have reached the photo's place in that time (reachable is not shown).")
    text = "; ".join(parts)
    return " " + text[0].upper() + text[1:] + "." + end


def _fix(f: Fix, lat: float, lon: float) -> str:
    """An observed point in plain words: on the ground or at what height, and how far away."""
    what = "on the ground" if f[4] else (f"at {f[3]:.0f} ft" if f[3] is not None else "airborne")
    km = _km(lat, lon, f[1], f[2])
    return f"{what} {km * 1000:.0f} m away" if km < 10 else f"{what} {km:,.0f} km away"


def _capture(tv: TimeValue) -> dict[str, Any]:
    return {"raw": tv.raw, "utc": tv.utc, "basis": tv.basis, "uncertainty_s": tv.uncertainty_s,
            "local": tv.local}


def photo_findings(photo: PhotoIn, fleet: FleetIndex) -> list[Finding]:
    """Photo against the aircraft it is tagged with, or against every aircraft when untagged."""
    win = tv_window(photo.capture)
    if photo.capture is None or win is None:
        return []
    if photo.place is None:
        return [_whereabouts(photo, photo.capture, win, fleet, ref, aid) for ref in photo.aircraft_tags
                for aid in fleet.resolve(ref)]
    out: list[Finding] = []
    if photo.aircraft_tags:
        for ref in photo.aircraft_tags:
            ids = fleet.resolve(ref)
            if not ids:
                out.append(_unknown_tag(photo, ref))
            for aid in ids:
                f = evaluate(photo, fleet.tracks[aid], tagged=True)
                if f:
                    out.append(f)
        return out
    # Untagged: report the aircraft that were there; say plainly when none was.
    lo, hi = win
    lat, lon = photo.place.lat, photo.place.lon
    for aid in sorted(fleet.candidates(lo, hi, lat, lon)):
        f = evaluate(photo, fleet.tracks[aid], tagged=False)
        if f and f.verdict == "consistent":
            out.append(f)
    if not out and fleet.tracks:
        no_data = fleet.without_data(lo, hi)
        unknown = [label for label, a in fleet.by_label if a in no_data]
        elsewhere = [label for label, a in fleet.by_label if a not in no_data]
        expl = (f"No aircraft in the case was recorded near the photo's place during its time window "
                f"({fmt_window(lo, hi)}): {len(elsewhere)} were recorded elsewhere the whole time, "
                f"{len(unknown)} have no track data for part of it. The photo may show an aircraft "
                f"the case has no records for.")
        for a in sorted(no_data):
            seen = _last_seen_here(fleet.tracks[a], lo, lat, lon)
            if seen:
                expl += " " + seen
        notes = [n for n in [time_basis_note(photo.capture)] if n]
        out.append(make_finding(KIND, "undetermined", 0.4, expl, [photo.item_id],
                                {"photo": {"item_id": photo.item_id, "capture": _capture(photo.capture),
                                           "window_utc": [from_epoch(lo), from_epoch(hi)],
                                           "place": {"lat": photo.place.lat, "lon": photo.place.lon,
                                                     "source": photo.place.source}},
                                 "aircraft_elsewhere": sorted(elsewhere),
                                 "aircraft_no_data": sorted(unknown), "near_km": NEAR_KM},
                                notes))
    return out


#: what a person reads for each span state
_IN_WORDS = {AIRBORNE: "airborne", GROUND: "on the ground", GAP: "in a gap in the tracking data",
             PARKED: "probably parked (no positions, on the ground at the same spot either side)",
             NODATA: "not covered by any track record"}


def _unknown_tag(photo: PhotoIn, ref: str) -> Finding:
    return make_finding(
        KIND, "undetermined", 0.3,
        f"The photo is tagged with aircraft {ref!r}, but the case holds no track records for it, "
        f"so where it was cannot be checked (no track data is not evidence of no flight).",
        [photo.item_id], {"photo": {"item_id": photo.item_id}, "aircraft_ref": ref})


def _whereabouts(photo: PhotoIn, capture: TimeValue, win: tuple[float, float], fleet: FleetIndex,
                 ref: str, aid: str) -> Finding:
    """A tagged photo with a time (capture, its UTC window) but no place: where the aircraft was,
    for the analyst to compare."""
    lo, hi = win
    track = fleet.tracks[aid]
    spans = track.query(lo, hi)
    places = sorted({s.airport_icao or f"{s.lat:.3f},{s.lon:.3f}" for s in spans
                     if s.state in (GROUND, PARKED) and s.lat is not None and s.lon is not None})
    states = list(dict.fromkeys(_IN_WORDS.get(s.state, s.state) for s in spans))
    expl = (f"The photo has no place (no GPS, none set by the analyst), so it cannot be matched "
            f"against {track.aircraft.label}'s track. During the photo's time window "
            f"({fmt_window(lo, hi)}) the aircraft was: {', '.join(states)}"
            + (f"; on the ground at {', '.join(places)}" if places else "") + ".")
    if capture.utc is None:
        expl += " The photo's time zone is unknown, so the window covers every zone on Earth."
    notes = [n for n in [time_basis_note(capture)] if n]
    inputs = {"photo": {"item_id": photo.item_id, "capture": _capture(capture),
                        "window_utc": [from_epoch(lo), from_epoch(hi)], "place": None},
              "aircraft": {"id": aid, "label": track.aircraft.label, "tagged": True, "ref": ref},
              "track_spans": [{"from": from_epoch(s.start), "to": from_epoch(s.end), "state": s.state,
                               "airport_icao": s.airport_icao} for s in spans]}
    return make_finding(KIND, "undetermined", 0.3, expl, [photo.item_id], inputs, notes)
