"""Claim ↔ flight records: does a claimed departure, arrival or presence match legs and positions?"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from casefile.geo import distance_km
from casefile.model.findings import Finding
from casefile.reference.airports import airport
from casefile.timeutil import from_epoch
from casefile.xref.findings import make_finding
from casefile.xref.model import ClaimIn, EndIn, LegIn, ReportedIn
from casefile.xref.trackindex import GAP, GROUND, NODATA, STAY_NOTE, AircraftTrack, FleetIndex, end_place
from casefile.xref.windows import fmt_window, time_basis_note, tv_window

KIND = "claim-flights"
NEAR_KM = 10.0
#: Take-offs/landings at the claimed place within this many hours of the window are reported as
#: near misses (e.g. the claimed day is off by one).
NEAR_MISS_H = 48


def claim_place(claim: ClaimIn) -> tuple[float, float, str] | None:
    """The claim's place as coordinates: its airport, else its own coordinates."""
    rec = airport(claim.place_icao)
    if rec:
        return float(rec["lat"]), float(rec["lon"]), claim.place_icao or ""
    if claim.place is not None:
        return claim.place.lat, claim.place.lon, claim.place.label or "the claimed place"
    return None


def _at(end: EndIn, icao: str | None, lat: float, lon: float) -> float | None:
    """Distance (km) from a take-off/landing to the place; 0 when the airport codes match."""
    if icao and end.airport_icao and end.airport_icao.upper() == icao.upper():
        return 0.0
    elat, elon = end_place(end)
    if elat is None or elon is None:
        return None
    return distance_km(lat, lon, elat, elon)


def _events(kind: str, leg: LegIn | ReportedIn) -> list[tuple[str, EndIn]]:
    if kind == "departure":
        return [("takeoff", leg.takeoff)]
    if kind == "arrival":
        return [("landing", leg.landing)]
    return [("takeoff", leg.takeoff), ("landing", leg.landing)]


def _match(kind: str, legs: Sequence[LegIn | ReportedIn], icao: str | None, lat: float, lon: float, lo: float,
           hi: float) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """Events at the place inside the window, and near misses (at the place, just outside it)."""
    hits, misses = [], []
    for leg in legs:
        for what, end in _events(kind, leg):
            if end.time is None:
                continue
            d = _at(end, icao, lat, lon)
            if d is None or d > NEAR_KM:
                continue
            row = {"leg_id": leg.id, "event": what, "time_utc": from_epoch(end.time),
                   "airport_icao": end.airport_icao, "distance_km": round(d, 2),
                   "aircraft_id": leg.aircraft_id}
            if end.uncertainty_s:
                row["uncertainty_s"] = end.uncertainty_s
            if lo <= end.time + end.uncertainty_s and end.time - end.uncertainty_s <= hi:
                hits.append(row)
            elif lo - NEAR_MISS_H * 3600 <= end.time <= hi + NEAR_MISS_H * 3600:
                row["hours_outside_window"] = round(
                    (lo - end.time if end.time < lo else end.time - hi) / 3600, 1)
                misses.append(row)
    return hits, misses


def _presence(track: AircraftTrack, lo: float, hi: float, lat: float,
              lon: float) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    low = track.points_near(lo, hi, lat, lon, NEAR_KM)
    if low:
        out.append({"aircraft_id": track.aircraft.id, "observed_low_near_place": len(low),
                    "first": from_epoch(low[0][0]), "last": from_epoch(low[-1][0])})
    for s in track.query(lo, hi):
        if s.state == GROUND and s.lat is not None and s.lon is not None:
            d = distance_km(lat, lon, s.lat, s.lon)
            if d <= NEAR_KM:
                row = {"aircraft_id": track.aircraft.id, "on_ground_from": from_epoch(s.start),
                       "to": from_epoch(s.end), "airport_icao": s.airport_icao, "distance_km": round(d, 2)}
                if s.note:
                    row["note"] = s.note
                out.append(row)
    return out


def claim_finding(claim: ClaimIn, fleet: FleetIndex, legs: list[LegIn],
                  reported: list[ReportedIn]) -> Finding | None:
    """One finding per claim with a time window and a place; None for claims without them."""
    ws, we = tv_window(claim.window_start), tv_window(claim.window_end or claim.window_start)
    place = claim_place(claim)
    if ws is None or we is None or place is None:
        return None
    lo, hi = min(ws[0], we[0]), max(ws[1], we[1])
    lat, lon, label = place
    kind = claim.kind if claim.kind in ("departure", "arrival", "presence") else "presence"
    assumptions = [f"A take-off, landing or stop within {NEAR_KM:g} km of {label} counts as at that "
                   f"place."]
    for tv in (claim.window_start, claim.window_end):
        note = tv and time_basis_note(tv)
        if note:
            assumptions.append(note)
    ids: list[str] = []
    unresolved = []
    for ref in claim.aircraft_refs:
        found = fleet.resolve(ref)
        ids += found
        if not found:
            unresolved.append(ref)
    named = bool(claim.aircraft_refs)
    ids = sorted(set(ids)) if named else sorted(fleet.tracks)
    if not named:
        assumptions.append("The claim names no aircraft, so every aircraft in the case was checked.")
    cand_legs = [x for x in legs if x.aircraft_id in set(ids) and not x.reported]
    hits, misses = _match(kind, cand_legs, claim.place_icao, lat, lon, lo, hi)
    if kind == "presence":
        for aid in ids:
            hits += _presence(fleet.tracks[aid], lo, hi, lat, lon)
    if any(h.get("note") == STAY_NOTE for h in hits):
        assumptions.append("Between a landing and the next take-off from the same place the "
                           "aircraft is taken to have stayed on the ground there.")
    rep_ok = [r for r in reported if not named or r.aircraft_id in set(ids)
              or any(fleet.resolve(r.aircraft_ref) == [a] for a in ids)]
    rep_hits, _ = _match(kind, rep_ok, claim.place_icao, lat, lon, lo, hi)
    holes: dict[str, float] = {}
    for aid in ids:
        missing = sum(s.end - s.start for s in fleet.tracks[aid].query(lo, hi)
                      if s.state in (GAP, NODATA))
        if missing > 0:
            holes[aid] = missing
    labels = {aid: fleet.tracks[aid].aircraft.label for aid in ids}
    what = {"departure": f"a departure from {label}", "arrival": f"an arrival at {label}",
            "presence": f"an aircraft at {label}"}[kind]
    when = fmt_window(lo, hi)
    if hits:
        who = sorted({labels.get(h["aircraft_id"], h["aircraft_id"]) for h in hits})
        verdict, conf = "consistent", 0.85
        expl = (f"The flight records show {what} within the claimed time ({when}): "
                f"{', '.join(who)}.")
    elif rep_hits:
        verdict, conf = "consistent", 0.4
        expl = (f"Only a hand-entered reported flight (not a track) shows {what} within the claimed "
                f"time ({when}); no tracked flight confirms it.")
    elif not ids:
        verdict, conf = "undetermined", 0.3
        expl = (f"The claim is about {', '.join(unresolved) or 'an aircraft'}, but the case holds "
                f"no flight records for it, so it cannot be checked (no track data is not "
                f"evidence of no flight).")
    elif named and not holes:
        verdict, conf = "inconsistent", 0.8
        expl = (f"The flight records of {', '.join(labels.values())} cover the whole claimed time "
                f"({when}) and show no {what.split(' ', 1)[1]}.")
    else:
        verdict, conf = "undetermined", 0.4
        expl = (f"No flight record in the case shows {what} within the claimed time ({when})"
                + (f", but {len(holes)} of the aircraft checked have no track data for part of "
                   f"that time" if holes else "")
                + ("; the claim names no aircraft, so it may concern one the case has no records for"
                   if not named else "") + ".")
    if misses and not hits:
        m = min(misses, key=lambda r: r["hours_outside_window"])
        expl += (f" Nearest match: {labels.get(m['aircraft_id'], m['aircraft_id'])} "
                 f"{m['event']} at {m['airport_icao'] or label} at {m['time_utc']}, "
                 f"{m['hours_outside_window']} h outside the claimed window.")
    inputs = {
        "claim": {"id": claim.id, "text": claim.text, "kind": claim.kind,
                  "window_utc": [from_epoch(lo), from_epoch(hi)],
                  "window_start": claim.window_start and claim.window_start.to_dict(),
                  "window_end": claim.window_end and claim.window_end.to_dict(),
                  "place": {"icao": claim.place_icao, "lat": lat, "lon": lon}},
        "aircraft_checked": [{"id": a, "label": labels[a]} for a in ids],
        "unresolved_refs": unresolved, "matches": hits, "reported_matches": rep_hits,
        "near_misses": misses[:10], "no_data_s": {k: round(v) for k, v in holes.items()},
        "near_km": NEAR_KM,
    }
    leg_items = {x.id: x.item_id for x in legs}
    items = [claim.id, *claim.item_ids,
             *sorted({leg_items.get(h["leg_id"]) or "" for h in hits if "leg_id" in h} - {""})]
    return make_finding(KIND, verdict, conf, expl, items, inputs, assumptions)
