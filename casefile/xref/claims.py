"""Claim ↔ flight records: does a claimed departure, arrival, transit or presence match the records,
from sources independent of the claim's own? Every claim gets a finding or a problem line.

What can verify what: a flight record can confirm a departure, an arrival, a transit or an
aircraft's presence; for a cargo or personnel claim it can at most show that the flight happened,
never who or what was on board, so such a claim is never "consistent" on flight records alone.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass, replace
from typing import Any

from casefile.model.findings import Finding
from casefile.present.labels import record_label
from casefile.present.times import fmt_window, people_time, time_basis_note
from casefile.reference import places
from casefile.reference.airports import data_version as airports_version
from casefile.reference.places import Place
from casefile.timeutil import APPROX_S, TimeValue, epoch, from_epoch, in_zone
from casefile.xref.claim_legs import leg_words, named_legs, names_leg
from casefile.xref.claim_match import (
    NEAR_MISS_H,
    REPORT_TOL_S,
    Sighting,
    Tolerances,
    _elsewhere,
    aircraft_type,
    match_events,
    presence,
    reported_named,
    resolve_named,
)
from casefile.xref.confidence import Factors, assess
from casefile.xref.findings import make_finding
from casefile.xref.independence import Origin, Provenance
from casefile.xref.model import CaseInputs, ClaimIn, LegIn, ReportedIn
from casefile.xref.reach import Reach, edge_km, max_ground_speed, reach
from casefile.xref.trackindex import GAP, NODATA, PARKED, STAY_NOTE, FleetIndex
from casefile.xref.windows import tv_window

KIND = "claim-flights"
#: kept for the Methods list: an airport's reach (a city's grows with its size, a country is its outline)
NEAR_KM = 10.0
FLIGHT_KINDS = ("departure", "arrival", "transit", "presence")
ONBOARD_KINDS = ("cargo", "personnel")
__all__ = ["KIND", "NEAR_KM", "NEAR_MISS_H", "REPORT_TOL_S", "claim_finding", "claim_label",
           "claim_time", "unchecked_reason"]


def claim_label(claim: ClaimIn) -> str:
    """How a person names a claim: "C4 'Two Russian Air Force aircraft landed…'"."""
    return record_label(claim.ref, claim.text, 58, quoted=True)


def area_of(claim: ClaimIn) -> Place | None:
    """The claim's resolved place; for inputs built without one, its airport or coordinates."""
    if claim.area is not None:
        return claim.area
    if claim.place_icao:
        got = places.airport_place(claim.place_icao)
        if got:
            return got
    if claim.place is not None:
        return places.point(claim.place.lat, claim.place.lon, claim.place.label)
    return None


def unchecked_reason(claim: ClaimIn) -> str | None:
    """Why flight records cannot check this claim, and what would make it checkable (None: they can)."""
    if claim.kind not in FLIGHT_KINDS + ONBOARD_KINDS:
        return ("its kind is 'other', which names no event a record could check; give it a kind "
                "(departure, arrival, transit, presence, cargo or personnel) with a time and place")
    if tv_window(claim.window_start) is None and tv_window(claim.window_end) is None \
            and not (names_leg(claim) and claim.aircraft_refs):
        return ("it has no time; add the time the source gives (a date is that whole local day)"
                + ("; or, for a transit, name the aircraft and its leg (from, to)"
                   if claim.kind == "transit" else ""))
    if area_of(claim) is None:
        if claim.place_text:
            return (f"its place {claim.place_text!r} is too vague or not in the offline gazetteer; "
                    "give an airport code, a city, a country or lat,lon")
        return "it has no place; add the airport, city, country or lat,lon the source gives"
    if claim.kind in ONBOARD_KINDS and not claim.aircraft_refs:
        return (f"a {claim.kind} claim is checked through the flight that carried it, and it names "
                "no aircraft; name the aircraft or type the source gives")
    return None


@dataclass(frozen=True)
class ClaimTime:
    """The claimed window in UTC epoch seconds, how precise it is, and how its zone was decided."""

    lo: float
    hi: float
    unc: float                      # the claim's own precision (widest end), seconds either way
    start: TimeValue | None
    end: TimeValue | None
    zone_band: bool                 # no zone: widened to every zone on Earth
    notes: tuple[str, ...]


def claim_time(claim: ClaimIn, area: Place | None) -> ClaimTime:
    """The claim's window. A time typed with no zone takes the zone of its place (basis
    location-tz); only where no place fixes a zone is it widened to every zone on Earth."""
    notes: list[str] = []
    ends = []
    for tv in (claim.window_start, claim.window_end):
        if tv is not None and tv.utc is None and tv.local and area is not None and area.zone:
            tv = in_zone(tv, area.zone, "location-tz")
        ends.append(tv)
    s, e = ends
    for tv in (s, e):
        if tv is None:
            continue
        note = (f"The time {tv.raw!r} had no zone; the zone of the place ({tv.zone}, "
                f"{area.name if area else ''}) was used." if tv.basis == "location-tz"
                else time_basis_note(tv))
        if note and note not in notes:
            notes.append(note)
        if tv.precision:
            prec = (f"The time {tv.raw!r} is given to the {tv.precision}"
                    + (" and said to be approximate" if tv.approx else "")
                    + f", so it stands for ± {_dur(tv.uncertainty_s)}.")
            if prec not in notes:
                notes.append(prec)
    ws, we = tv_window(s) or tv_window(e), tv_window(e) or tv_window(s)
    assert ws is not None and we is not None
    # a date is its whole day (the window itself): no rounding either side of it
    unc = max(((APPROX_S if tv.approx else 0.0) if tv.precision in ("day", "month", "year")
               else tv.uncertainty_s for tv in (s, e) if tv is not None), default=0.0)
    band = any(tv is not None and tv.utc is None and tv.local for tv in (s, e))
    return ClaimTime(min(ws[0], we[0]), max(ws[1], we[1]), unc, s, e, band, tuple(notes))


def _dur(seconds: float) -> str:
    """A duration as people say it: '30 s', '15 min', '8.0 h'."""
    if seconds < 60:
        return f"{seconds:.0f} s"
    if seconds < 5400:
        return f"{seconds / 60:.0f} min"
    return f"{seconds / 3600:.1f} h"


def _what(kind: str, area: Place) -> str:
    place, at = area.name, "in" if area.is_area or area.kind == "city" else "at"
    return {"departure": f"a departure from {place}", "arrival": f"an arrival {at} {place}",
            "transit": f"a flight through or a stop in {place}",
            "presence": f"the aircraft {at} {place}"}.get(kind, f"a take-off or landing {at} {place}")


def _hits(area: Place, kind: str, ids: list[str], fleet: FleetIndex, legs: list[LegIn],
          ct: ClaimTime, tol: Tolerances) -> tuple[list[Sighting], list[Sighting]]:
    cand = [x for x in legs if x.aircraft_id in set(ids) and not x.reported]
    ev_kind = kind if kind in ("departure", "arrival") else "both"
    hits, misses = match_events(ev_kind, cand, area, ct.lo, ct.hi, ct.unc, tol.report_tol_s,
                                tol.near_factor)
    if kind in ("presence", "transit"):
        for aid in ids:
            hits += presence(fleet.tracks[aid], ct.lo, ct.hi, area, low_only=kind == "presence")
    return hits, misses


def _holes(fleet: FleetIndex, ids: list[str], lo: float, hi: float) -> dict[str, float]:
    """Per aircraft, the seconds of [lo, hi] with no data (gaps, before/after the records, and
    stays only probably on the ground); a window of no length inside a hole counts as one."""
    out: dict[str, float] = {}
    for aid in ids:
        spans = [s for s in fleet.tracks[aid].query(lo, hi) if s.state in (GAP, NODATA, PARKED)]
        if spans:
            out[aid] = max(sum(s.end - s.start for s in spans), 1e-3)
    return out


def claim_finding(claim: ClaimIn, fleet: FleetIndex, legs: list[LegIn],
                  reported: list[ReportedIn], prov: Provenance | None = None,
                  tol: Tolerances | None = None) -> Finding | None:
    """One finding for a checkable claim (see `unchecked_reason` for the others)."""
    area = area_of(claim)
    if unchecked_reason(claim) is not None or area is None:
        return None
    prov = prov or Provenance(CaseInputs())
    tol = tol or Tolerances()
    named = resolve_named(claim.aircraft_refs, fleet)
    ids = named.ids if claim.aircraft_refs else sorted(fleet.tracks)
    timed = tv_window(claim.window_start) is not None or tv_window(claim.window_end) is not None
    ct = claim_time(claim, area) if timed else None
    if names_leg(claim):
        ct = _on_named_leg(claim, ct, legs, ids)
        if ct is None:
            return _no_named_leg(claim, area, named.rows, ids, fleet)
    assert ct is not None
    lo, hi = ct.lo, ct.hi
    kind = claim.kind
    assumptions = [f"A record counts as at the claimed place when it is {area.describe()}.",
                   *ct.notes,
                   f"A claimed time matches a recorded event when their windows meet within "
                   f"{tol.report_tol_s / 60:g} min (news rounds times); beyond that but within "
                   f"{tol.near_factor:g}× the combined tolerance it is undetermined."]
    if not claim.aircraft_refs:
        assumptions.append("The claim names no aircraft, so every aircraft in the case was checked.")
    if named.types:
        assumptions.append("A type the claim names (" + ", ".join(sorted(named.types)) + ") matches "
                           "every aircraft of that type in the case, from its recorded type or model.")
    hits, misses = _hits(area, kind, ids, fleet, legs, ct, tol)
    if any(h.get("note") == STAY_NOTE for h in hits):
        assumptions.append("Between a landing and the next take-off from the same place the "
                           "aircraft is taken to have stayed on the ground there.")
    rep_ok = [r for r in reported if not claim.aircraft_refs or reported_named(r, named, fleet)]
    rep_kind = kind if kind in ("departure", "arrival") else "both"
    rep_hits, _ = match_events(rep_kind, rep_ok, area, lo, hi, ct.unc, tol.report_tol_s,
                               tol.near_factor)
    by_id = {r.id: r for r in reported}
    origins = {id(h): prov.of_item(h.get("item_id")) for h in hits}
    origins |= {id(h): prov.of_reported(by_id[h["leg_id"]]) for h in rep_hits}
    indep, dep = prov.split(claim, origins.values())
    indep_hits = [h for h in hits if origins[id(h)] in indep]
    indep_rep = [h for h in rep_hits if origins[id(h)] in indep]
    holes = _holes(fleet, ids, lo, hi)
    labels = {aid: fleet.tracks[aid].aircraft.label for aid in ids}
    what = _what(kind, area)
    when = fmt_window(lo, hi)
    rests = "; ".join(prov.describe(o, claim) for o in indep)
    own = "; ".join(prov.describe(o, claim) for o in dep)
    cover = 1.0 - (sum(min(v, hi - lo) for v in holes.values()) / (len(ids) * (hi - lo))
                   if ids and hi > lo else (1.0 if holes else 0.0))
    seen = indep_hits or indep_rep
    cand = [x for x in legs if x.aircraft_id in set(ids) and not x.reported]
    other = _elsewhere(kind, cand, area, lo, hi, tol.report_tol_s) if claim.aircraft_refs else []
    near = [m for m in misses if m.get("near")]
    reaches: dict[str, Reach] = {}
    if claim.aircraft_refs and not seen and (holes or kind in ("presence", "transit")):
        for aid in ids:
            kt, basis = max_ground_speed(aircraft_type(fleet, aid))
            got = reach(fleet.tracks[aid], area, lo, hi, kt, basis)
            if got is not None:
                reaches[aid] = got
    unreachable = bool(ids) and all(aid in reaches and not reaches[aid].reachable for aid in ids)
    can_reach = any(r.reachable for r in reaches.values())

    def name(h: Sighting) -> str:
        if h.get("leg_id") in by_id:
            return f"reported flight {by_id[h['leg_id']].label}"
        return labels.get(h["aircraft_id"] or "") or str(h["aircraft_id"])

    who = sorted({name(h) for h in (indep_hits or indep_rep or hits or rep_hits)})
    points = sum(int(h.get("observed_low_at_place", 0) or h.get("observed_inside_place", 0))
                 for h in indep_hits) or None
    near_km = min((h["distance_km"] for h in indep_hits if "distance_km" in h), default=None)
    probable = bool(indep_hits) and all(h.get("probable") or h.get("probably") for h in indep_hits)
    covered = bool(claim.aircraft_refs and ids and not holes)
    if kind in ONBOARD_KINDS:
        if hits or rep_hits:
            verdict = "undetermined"
            expl = (f"Flight records can at most show that the flight happened: they show {what} "
                    f"within the claimed time ({when}) by {', '.join(who)}, but not who or what was "
                    f"on board, so the {kind} claim itself is not checked.")
            if not seen:
                expl += (f" Even that rests only on records from the claim's own source "
                         f"({prov.claim_sources(claim)}): not independently checked.")
            factors = Factors("track" if indep_hits else "reported", independent=len(indep))
        elif covered and not near and not ct.zone_band:
            verdict = "inconsistent"
            expl = (f"The flight records of {', '.join(labels.values())} cover the whole claimed "
                    f"time ({when}) and show no take-off or landing at {area.name}: the flight the "
                    f"{kind} claim depends on did not happen as claimed.")
            factors = Factors("track", coverage=1.0, mismatch=True)
        else:
            verdict = "undetermined"
            expl = (f"No flight record shows {what} within the claimed time ({when}); and flight "
                    f"records could at most show the flight happened, not what it carried.")
            factors = Factors("none", coverage=cover if ids else None)
    elif indep_hits and ct.zone_band:
        verdict = "undetermined"
        expl = (f"The flight records show {what} by {', '.join(who)} only for some readings of the "
                f"claimed time, which gives no zone ({when} spans every zone on Earth); give the "
                f"zone the source uses to settle it.")
        factors = Factors("track", coverage=cover)
    elif indep_hits:
        verdict = "consistent"
        expl = f"The flight records show {what} within the claimed time ({when}): {', '.join(who)}."
        if probable:
            expl += (" Only probably: " + "; ".join(sorted({str(h.get("probably") or
                     "a probable (not observed) take-off or landing, inside a coverage gap")
                     for h in indep_hits})) + ".")
        factors = Factors("track", points=points, distance_km=near_km,
                          limit_km=area.radius_km if not area.is_area else None,
                          independent=len(indep), coverage=0.6 if probable else None)
    elif indep_rep:
        verdict = "consistent"
        expl = (f"Only a reported flight (typed in from an independent report, not a track) shows "
                f"{what} within the claimed time ({when}); no tracked flight confirms it.")
        factors = Factors("reported", independent=len(indep))
    elif hits or rep_hits:
        verdict = "undetermined"
        expl = (f"Not independently checked: the only records that show {what} within the claimed "
                f"time ({when}) come from the claim's own source ({prov.claim_sources(claim)}): "
                f"{own}. A source cannot corroborate itself.")
        factors = Factors("reported" if rep_hits and not hits else "track", independent=0)
    elif not ids:
        verdict = "undetermined"
        about = ", ".join(f"{r['typed']} (type {r['type']})" if r["resolved_to"] == "type" else
                          r["typed"] for r in named.rows)
        expl = (f"The claim is about {about}, but the case holds no flight records for it, so it "
                f"cannot be checked (no track data is not evidence of no flight)." if about else
                "The case holds no flight records at all, so the claim cannot be checked against "
                "them (no track data is not evidence of no flight).")
        factors = Factors("none")
    elif near:
        m = min(near, key=lambda r: r["minutes_outside"])
        verdict = "undetermined"
        expl = (f"The nearest recorded {m['event']} at {m['airport_icao'] or area.name} by "
                f"{labels.get(m['aircraft_id'] or '', m['aircraft_id'])} was {_event_when(m)}, "
                f"{m['minutes_outside']:g} min outside the claimed time ({when}): beyond the "
                f"combined tolerance (the claim's ± {_dur(ct.unc)}, the event's own window and "
                f"{tol.report_tol_s / 60:g} min for rounding) but within {tol.near_factor:g}× it, "
                f"so the "
                f"records neither confirm nor contradict it."
                + (" The claim names no aircraft, so it may concern one the case has no records for."
                   if not claim.aircraft_refs else ""))
        factors = Factors("track", time_gap_s=m["minutes_outside"] * 60)
    elif other and not ct.zone_band and (covered or not holes):
        o = min(other, key=lambda r: r["distance_km"])
        verdict = "inconsistent"
        expl = (f"In the claimed time ({when}) {labels.get(o['aircraft_id'] or '', o['aircraft_id'])} "
                f"{'took off from' if o['event'] == 'takeoff' else 'landed at'} {o['field']}, "
                f"{o['distance_km']:,.1f} km from {area.name}, {_event_when(o)}; the records "
                f"show no {what.split(' ', 1)[1]}.")
        factors = Factors("track", mismatch=True, coverage=1.0)
    elif covered and kind == "transit" and not can_reach and not ct.zone_band:
        verdict = "inconsistent"
        expl = (f"The flight records of {', '.join(labels.values())} cover the whole claimed time "
                f"({when}) and show no {what.split(' ', 1)[1]}; "
                f"{closest_words(fleet, ids, area, lo, hi, labels)}.")
        factors = Factors("track", coverage=1.0, mismatch=True)
    elif claim.aircraft_refs and unreachable and not ct.zone_band:
        verdict = "inconsistent"
        expl = "; ".join(reaches[a].sentence(labels[a], area.name) for a in ids) + "."
        factors = Factors("track", mismatch=True)
    elif covered and not can_reach and not ct.zone_band:
        verdict = "inconsistent"
        expl = (f"The flight records of {', '.join(labels.values())} cover the whole claimed time "
                f"({when}) and show no {what.split(' ', 1)[1]}.")
        factors = Factors("track", coverage=1.0, mismatch=True)
    else:
        verdict = "undetermined"
        expl = (f"No flight record in the case shows {what} within the claimed time ({when})"
                + (f"; {_hole_words(fleet, holes, labels, lo, hi)}" if holes else "")
                + ("; the claim names no aircraft, so it may concern one the case has no records for"
                   if not claim.aircraft_refs else "")
                + (", and it gives no zone, so it spans every zone on Earth" if ct.zone_band else "")
                + ".")
        reach_words = [reaches[a].sentence(labels[a], area.name) for a in ids
                       if a in reaches and reaches[a].reachable]
        if reach_words:
            expl += " " + "; ".join(reach_words) + "."
        if kind == "transit" and claim.aircraft_refs:
            near_path = closest_words(fleet, ids, area, lo, hi, labels)
            if near_path:
                expl += " " + near_path[0].upper() + near_path[1:] + "."
        factors = Factors("track", coverage=max(cover, 0.0))
    if other and verdict != "inconsistent":
        expl += (" In the claimed time the aircraft " + "; ".join(
            f"{'took off from' if o['event'] == 'takeoff' else 'landed at'} {o['field']} "
            f"({o['distance_km']:,.1f} km from {area.name})" for o in other) + ".")
    if misses and not hits and not near and verdict != "consistent":
        m = min(misses, key=lambda r: r["hours_outside_window"])
        expl += (f" Nearest match: {labels.get(m['aircraft_id'] or '', m['aircraft_id'])} "
                 f"{m['event']} at {m['airport_icao'] or area.name} {_event_when(m)}, "
                 f"{_outside(m)} outside the claimed window.")
    if verdict != "inconsistent" and (hits or rep_hits):
        expl += (f" Rests on: {rests}." if rests else
                 " Rests on no source independent of the claim's own.")
    conf = assess(verdict, factors)
    checked_items = sorted({it for aid in ids for it in _items_of(fleet, aid, lo, hi)})
    inputs = {
        "claim": {"id": claim.id, "ref": claim.ref, "text": claim.text, "kind": claim.kind,
                  "window_utc": [from_epoch(lo), from_epoch(hi)],
                  "precision_s": ct.unc, "zone_band": ct.zone_band,
                  "window_start": ct.start and ct.start.to_dict(),
                  "window_end": ct.end and ct.end.to_dict(),
                  "place": {"typed": claim.place_text, "kind": area.kind, "key": area.key,
                            "name": area.name, "lat": area.lat, "lon": area.lon,
                            "reach_km": area.radius_km, "source": area.source,
                            "airports": list(area.airports), "zone": area.zone},
                  "sources": sorted(claim.source_ids)},
        "tolerances": {"report_tolerance_s": tol.report_tol_s, "near_factor": tol.near_factor},
        "aircraft_named": named.rows,
        "aircraft_checked": [{"id": a, "label": labels[a]} for a in ids],
        "unresolved_refs": named.unresolved, "matches": hits, "reported_matches": rep_hits,
        "near_misses": misses[:10], "elsewhere": other,
        "no_data_s": {k: round(v) for k, v in holes.items()},
        "reachability": {a: {"reachable": r.reachable, "max_kt": r.max_kt, "need_kt": r.need_kt,
                             "km": r.km, "basis": r.basis} for a, r in reaches.items()},
        "independent_records": [_origin(o) for o in indep],
        "own_source_records": [_origin(o) for o in dep],
        "reference_data": [airports_version(), places.GAZETTEER, "Natural Earth 4.1.0"],
    }
    items = [claim.id, *sorted({h.get("item_id") or "" for h in (*hits, *other)} - {""}),
             *checked_items]
    return make_finding(KIND, verdict, conf, expl, list(dict.fromkeys(items)), inputs, assumptions)


def _on_named_leg(claim: ClaimIn, ct: ClaimTime | None, legs: list[LegIn],
                  ids: list[str]) -> ClaimTime | None:
    """The time a transit naming its leg is judged on: its recorded legs (within the claimed
    time, if any); the claimed time as a whole when no recorded leg matches (None: neither)."""
    picked = named_legs(claim, legs, ids, (ct.lo, ct.hi) if ct else None)
    if not picked:
        if ct is None:
            return None
        return replace(ct, notes=(*ct.notes, f"The claim names {leg_words(claim)}, but no recorded "
                                  f"leg of the aircraft matches it in the claimed time, so the "
                                  f"claimed time is judged as a whole."))
    lo, hi = min(s[0] for _, s in picked), max(s[1] for _, s in picked)
    if ct is not None:
        lo, hi = max(lo, ct.lo), min(hi, ct.hi)
    note = (f"The claim names {leg_words(claim)}: judged on the recorded "
            f"leg{'s' if len(picked) > 1 else ''} from {people_time(lo)} to {people_time(hi)}"
            + (", within the claimed time." if ct is not None else "."))
    if ct is None:
        return ClaimTime(lo, hi, 0.0, None, None, False, (note,))
    return replace(ct, lo=lo, hi=hi, notes=(*ct.notes, note))


def _no_named_leg(claim: ClaimIn, area: Place, rows: list[dict[str, Any]], ids: list[str],
                  fleet: FleetIndex) -> Finding:
    """A transit naming a leg the records do not hold, with no time of its own."""
    labels = [fleet.tracks[a].aircraft.label for a in ids]
    expl = (f"No recorded leg of {', '.join(labels) or 'the named aircraft'} matches "
            f"{leg_words(claim)}, and the claim gives no time of its own, so nothing bounds when "
            f"it would have passed {area.name} (no track data is not evidence of no flight). A "
            f"track of that leg, or the date the source gives, would settle it.")
    inputs = {"claim": {"id": claim.id, "ref": claim.ref, "text": claim.text, "kind": claim.kind,
                        "place": {"typed": claim.place_text, "kind": area.kind, "key": area.key,
                                  "name": area.name}},
              "aircraft_named": rows,
              "aircraft_checked": [{"id": a, "label": fleet.tracks[a].aircraft.label} for a in ids]}
    return make_finding(KIND, "undetermined", assess("undetermined", Factors("none")), expl,
                        [claim.id], inputs, [f"The claim names {leg_words(claim)}."])


def closest_words(fleet: FleetIndex, ids: list[str], area: Place, lo: float, hi: float,
                  labels: dict[str, str]) -> str:
    """How near each aircraft's recorded path in [lo, hi] comes to the place, in words."""
    out = []
    for aid in ids:
        p = fleet.tracks[aid].points
        if p is None or not p.t:
            continue
        i, j = bisect_left(p.t, lo), bisect_right(p.t, hi)
        step = max(1, (j - i) // 2000)
        idx = list(range(i, j, step))
        if not idx:
            continue
        d = edge_km(area, [p.lat[k] for k in idx], [p.lon[k] for k in idx])
        k = int(d.argmin())
        out.append(f"the recorded path of {labels[aid]} comes no nearer than {float(d[k]):,.0f} km "
                   f"to {area.name} (at {people_time(p.t[idx[k]])})")
    return "; ".join(out)


def _items_of(fleet: FleetIndex, aid: str, lo: float, hi: float) -> list[str]:
    """The flight records (files) an aircraft's state over [lo, hi] rests on, or its nearest."""
    tr = fleet.tracks[aid]
    got = [s.item_id for s in tr.query(lo, hi) if s.item_id]
    if not got:
        got = [x.item_id for x in tr.legs if x.item_id]
    return got


def _event_when(row: Sighting) -> str:
    """An event's time as people read it: at an instant, or inside its window."""
    w = row.get("window_utc")
    if w and row.get("uncertainty_s", 0) >= 1:
        a, b = epoch(w[0]), epoch(w[1])
        assert a is not None and b is not None
        return (f"between {people_time(a, seconds_too=True)[11:19]} and "
                f"{people_time(b, seconds_too=True)[11:]}")
    t = epoch(row["time_utc"])
    assert t is not None
    return f"at {people_time(t, seconds_too=True)}"


def _outside(row: Sighting) -> str:
    h = float(row.get("hours_outside_window", 0))
    return f"{h:.1f} h" if h >= 1 else f"{row.get('minutes_outside', h * 60):g} min"


def _hole_words(fleet: FleetIndex, holes: dict[str, float], labels: dict[str, str], lo: float,
                hi: float) -> str:
    """What the records lack in the window, per aircraft, said as it is."""
    out = []
    for aid, secs in holes.items():
        tr = fleet.tracks[aid]
        cov = tr.coverage
        if cov is not None and lo >= cov[1]:
            out.append(f"the records of {labels[aid]} end {_dur(round(lo - cov[1]))} before it "
                       f"(last position {people_time(cov[1])})")
        elif cov is not None and hi <= cov[0]:
            out.append(f"the records of {labels[aid]} begin {_dur(round(cov[0] - hi))} after it")
        else:
            share = min(secs / (hi - lo), 1.0) if hi > lo else 1.0
            out.append(f"{labels[aid]} has no track data for {share:.0%} of it")
    return "; ".join(out)


def _origin(o: Origin) -> dict[str, Any]:
    return {"record": o.record, "sources": list(o.sources), "unknown": o.unknown}
