"""Claim ↔ flight records: does a claimed departure, arrival, transit or presence match the records,
from sources independent of the claim's own? Every claim gets a finding or a problem line.

What can verify what: a flight record can confirm a departure, an arrival, a transit or an
aircraft's presence; for a cargo or personnel claim it can at most show that the flight happened,
never who or what was on board, so such a claim is never "consistent" on flight records alone.
"""

from __future__ import annotations

from typing import Any

from casefile.model.findings import Finding
from casefile.present.labels import record_label
from casefile.present.times import fmt_window, time_basis_note
from casefile.reference import places
from casefile.reference.places import Place
from casefile.timeutil import from_epoch
from casefile.xref.claim_match import (
    NEAR_MISS_H,
    match_events,
    presence,
    reported_named,
    resolve_named,
)
from casefile.xref.confidence import Factors, assess
from casefile.xref.findings import make_finding
from casefile.xref.independence import Origin, Provenance
from casefile.xref.model import CaseInputs, ClaimIn, LegIn, ReportedIn
from casefile.xref.trackindex import GAP, NODATA, STAY_NOTE, FleetIndex
from casefile.xref.windows import tv_window

KIND = "claim-flights"
#: kept for the Methods list: an airport's reach (a city's grows with its size, a country is its outline)
NEAR_KM = 10.0
FLIGHT_KINDS = ("departure", "arrival", "transit", "presence")
ONBOARD_KINDS = ("cargo", "personnel")
__all__ = ["KIND", "NEAR_KM", "NEAR_MISS_H", "claim_finding", "claim_label", "unchecked_reason"]


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
    if tv_window(claim.window_start) is None and tv_window(claim.window_end) is None:
        return "it has no time; add the time the source gives (a date is that whole local day)"
    if area_of(claim) is None:
        if claim.place_text:
            return (f"its place {claim.place_text!r} is too vague or not in the offline gazetteer; "
                    "give an airport code, a city, a country or lat,lon")
        return "it has no place; add the airport, city, country or lat,lon the source gives"
    if claim.kind in ONBOARD_KINDS and not claim.aircraft_refs:
        return (f"a {claim.kind} claim is checked through the flight that carried it, and it names "
                "no aircraft; name the aircraft or type the source gives")
    return None


def _window(claim: ClaimIn) -> tuple[float, float]:
    ws = tv_window(claim.window_start) or tv_window(claim.window_end)
    we = tv_window(claim.window_end) or ws
    assert ws is not None and we is not None
    return min(ws[0], we[0]), max(ws[1], we[1])


def _what(kind: str, area: Place) -> str:
    place, at = area.name, "in" if area.is_area else "at"
    return {"departure": f"a departure from {place}", "arrival": f"an arrival {at} {place}",
            "transit": f"a flight through or a stop in {place}",
            "presence": f"the aircraft {at} {place}"}.get(kind, f"a take-off or landing {at} {place}")


def _hits(area: Place, kind: str, ids: list[str], fleet: FleetIndex,
          legs: list[LegIn], lo: float, hi: float) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    cand = [x for x in legs if x.aircraft_id in set(ids) and not x.reported]
    ev_kind = kind if kind in ("departure", "arrival") else "both"
    hits, misses = match_events(ev_kind, cand, area, lo, hi)
    if kind in ("presence", "transit"):
        for aid in ids:
            hits += presence(fleet.tracks[aid], lo, hi, area, low_only=kind == "presence")
    return hits, misses


def claim_finding(claim: ClaimIn, fleet: FleetIndex, legs: list[LegIn],
                  reported: list[ReportedIn], prov: Provenance | None = None) -> Finding | None:
    """One finding for a checkable claim (see `unchecked_reason` for the others)."""
    area = area_of(claim)
    if unchecked_reason(claim) is not None or area is None:
        return None
    prov = prov or Provenance(CaseInputs())
    lo, hi = _window(claim)
    kind = claim.kind
    assumptions = [f"A record counts as at the claimed place when it is {area.describe()}."]
    for tv in (claim.window_start, claim.window_end):
        note = tv and time_basis_note(tv)
        if note and note not in assumptions:
            assumptions.append(note)
    named = resolve_named(claim.aircraft_refs, fleet)
    ids = named.ids if claim.aircraft_refs else sorted(fleet.tracks)
    if not claim.aircraft_refs:
        assumptions.append("The claim names no aircraft, so every aircraft in the case was checked.")
    if named.types:
        assumptions.append("A type the claim names (" + ", ".join(sorted(named.types)) + ") matches "
                           "every aircraft of that type in the case, from its recorded type or model.")
    hits, misses = _hits(area, kind, ids, fleet, legs, lo, hi)
    if any(h.get("note") == STAY_NOTE for h in hits):
        assumptions.append("Between a landing and the next take-off from the same place the "
                           "aircraft is taken to have stayed on the ground there.")
    rep_ok = [r for r in reported if not claim.aircraft_refs or reported_named(r, named, fleet)]
    rep_kind = kind if kind in ("departure", "arrival") else "both"
    rep_hits, _ = match_events(rep_kind, rep_ok, area, lo, hi)
    by_id = {r.id: r for r in reported}
    origins = {id(h): prov.of_item(h.get("item_id")) for h in hits}
    origins |= {id(h): prov.of_reported(by_id[h["leg_id"]]) for h in rep_hits}
    indep, dep = prov.split(claim, origins.values())
    indep_hits = [h for h in hits if origins[id(h)] in indep]
    indep_rep = [h for h in rep_hits if origins[id(h)] in indep]
    holes: dict[str, float] = {}
    for aid in ids:
        missing = sum(s.end - s.start for s in fleet.tracks[aid].query(lo, hi)
                      if s.state in (GAP, NODATA))
        if missing > 0:
            holes[aid] = missing
    labels = {aid: fleet.tracks[aid].aircraft.label for aid in ids}
    what = _what(kind, area)
    when = fmt_window(lo, hi)
    rests = "; ".join(prov.describe(o, claim) for o in indep)
    own = "; ".join(prov.describe(o, claim) for o in dep)
    cover = 1.0 - (sum(holes.values()) / (len(ids) * (hi - lo)) if ids and hi > lo else 0.0)
    seen = indep_hits or indep_rep
    def name(h: dict[str, Any]) -> str:
        if h.get("leg_id") in by_id:
            return f"reported flight {by_id[h['leg_id']].label}"
        return labels.get(h["aircraft_id"]) or str(h["aircraft_id"])

    who = sorted({name(h) for h in (indep_hits or indep_rep or hits or rep_hits)})
    points = sum(int(h.get("observed_low_at_place", 0) or h.get("observed_inside_place", 0))
                 for h in indep_hits) or None
    near_km = min((h["distance_km"] for h in indep_hits if "distance_km" in h), default=None)
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
        elif claim.aircraft_refs and ids and not holes:
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
    elif indep_hits:
        verdict = "consistent"
        expl = f"The flight records show {what} within the claimed time ({when}): {', '.join(who)}."
        factors = Factors("track", points=points, distance_km=near_km,
                          limit_km=area.radius_km if not area.is_area else None,
                          independent=len(indep))
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
    elif claim.aircraft_refs and not holes:
        verdict = "inconsistent"
        expl = (f"The flight records of {', '.join(labels.values())} cover the whole claimed time "
                f"({when}) and show no {what.split(' ', 1)[1]}.")
        factors = Factors("track", coverage=1.0, mismatch=True)
    else:
        verdict = "undetermined"
        expl = (f"No flight record in the case shows {what} within the claimed time ({when})"
                + (f", but {len(holes)} of the aircraft checked have no track data for part of "
                   f"that time" if holes else "")
                + ("; the claim names no aircraft, so it may concern one the case has no records for"
                   if not claim.aircraft_refs else "") + ".")
        factors = Factors("track", coverage=max(cover, 0.0))
    if misses and not hits:
        m = min(misses, key=lambda r: r["hours_outside_window"])
        expl += (f" Nearest match: {labels.get(m['aircraft_id'], m['aircraft_id'])} "
                 f"{m['event']} at {m['airport_icao'] or area.name} at {m['time_utc']}, "
                 f"{m['hours_outside_window']} h outside the claimed window.")
    if verdict != "inconsistent" and (hits or rep_hits):
        expl += (f" Rests on: {rests}." if rests else
                 " Rests on no source independent of the claim's own.")
    conf = assess(verdict, factors)
    inputs = {
        "claim": {"id": claim.id, "ref": claim.ref, "text": claim.text, "kind": claim.kind,
                  "window_utc": [from_epoch(lo), from_epoch(hi)],
                  "window_start": claim.window_start and claim.window_start.to_dict(),
                  "window_end": claim.window_end and claim.window_end.to_dict(),
                  "place": {"typed": claim.place_text, "kind": area.kind, "key": area.key,
                            "name": area.name, "lat": area.lat, "lon": area.lon,
                            "reach_km": area.radius_km, "source": area.source},
                  "sources": sorted(claim.source_ids)},
        "aircraft_named": named.rows,
        "aircraft_checked": [{"id": a, "label": labels[a]} for a in ids],
        "unresolved_refs": named.unresolved, "matches": hits, "reported_matches": rep_hits,
        "near_misses": misses[:10], "no_data_s": {k: round(v) for k, v in holes.items()},
        "independent_records": [_origin(o) for o in indep],
        "own_source_records": [_origin(o) for o in dep],
    }
    items = [claim.id, *claim.item_ids,
             *sorted({h.get("item_id") or "" for h in hits} - {""})]
    return make_finding(KIND, verdict, conf, expl, items, inputs, assumptions)


def _origin(o: Origin) -> dict[str, Any]:
    return {"record": o.record, "sources": list(o.sources), "unknown": o.unknown}
