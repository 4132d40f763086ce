"""A photo linked as contradicting a claim (`photo-against-claim`).

The analyst links a photo as contradicting a claim when it shows the claimed aircraft somewhere
else (or at another time). Casefile cannot see what the picture shows; it checks what the file
can vouch for: the photo's own capture time and position. The photo counts against the claimed
event only where both are sound and no path at the aircraft type's fastest ground speed (the one
performance table, as reachability uses) joins the photo's time and place to the claim's:

- inconsistent (counts against the event): the photo was taken so far from the claimed place, so
  close in time to the claimed window, that the aircraft could not have been in both; the
  distance, the time between them and the speed it would need are stated;
- undetermined (does not count): the photo has no capture time or no position, the claim no time
  or place, the analyst's place and the file's GPS disagree, or its time and place are reachable
  from the claim's (then it does not contradict the claim by its metadata; what it shows is the
  analyst's reading).

Whatever the verdict, the finding says that it takes the analyst's word that the photo shows the
claimed aircraft.
"""

from __future__ import annotations

from casefile.model.findings import Finding
from casefile.present.times import fmt_window, time_basis_note
from casefile.reference.places import Place
from casefile.xref.claim_match import aircraft_type, resolve_named
from casefile.xref.claims import area_of, claim_label, claim_time
from casefile.xref.confidence import Factors, assess
from casefile.xref.findings import make_finding
from casefile.xref.model import ClaimIn, PhotoIn
from casefile.xref.model import Place as Position
from casefile.xref.photo_claims import PHOTO_SLACK_KM, position_used
from casefile.xref.reach import KT_KMH, edge_km, max_ground_speed
from casefile.xref.trackindex import FleetIndex
from casefile.xref.windows import describe_time, tv_window

KIND = "photo-against-claim"
SHOWS = ("Taken as the analyst linked it: the photo shows the claimed aircraft (what a picture "
         "shows is not checked here; only its own time and place are).")


def _speed(claim: ClaimIn, fleet: FleetIndex | None) -> tuple[float, str]:
    """The fastest ground speed of the aircraft the claim names (the fastest of them; the
    cautious default for an unknown type)."""
    types: list[str | None] = []
    if fleet is not None and claim.aircraft_refs:
        named = resolve_named(claim.aircraft_refs, fleet)
        types = [aircraft_type(fleet, aid) for aid in named.ids]
        types += sorted(named.types)
    options = [max_ground_speed(t) for t in (types or [None])]
    return max(options, key=lambda o: o[0])


def _positions(photo: PhotoIn) -> list[tuple[str, Position]]:
    """The positions the photo's place rests on: the one used, and the file's GPS when the
    analyst's place replaces it (both must agree for the place to be sound)."""
    out: list[tuple[str, Position]] = []
    if photo.place is not None:
        out.append((position_used(photo), photo.place))
    own = photo.file_place
    if own is not None and photo.place is not None and photo.place.source == "analyst":
        out.append((f"the file's own GPS ({own.lat:.5f}, {own.lon:.5f})", own))
    return out


def photo_against(photo: PhotoIn, claim: ClaimIn, names: dict[str, str],
                  fleet: FleetIndex | None = None) -> Finding:
    """The photo linked as contradicting the claim, against the claim's time and place."""
    name = names.get(photo.item_id) or photo.label or "the photo"
    area: Place | None = area_of(claim)
    cw = None
    if tv_window(claim.window_start) or tv_window(claim.window_end):
        ct = claim_time(claim, area)
        cw = (ct.lo, ct.hi)
    pw = tv_window(photo.capture)
    kt, basis = _speed(claim, fleet)
    notes = [SHOWS, *(n for n in (photo.capture and time_basis_note(photo.capture),) if n),
             f"It counts against the claimed event only when no path at up to {kt:.0f} kt ground "
             f"speed ({basis}) joins its time and place to the claim's, with {PHOTO_SLACK_KM:g} km "
             f"allowed for GPS and placement."]
    open_: list[str] = []
    if pw is None:
        open_.append("the photo has no capture time (stripped or never written)")
    if cw is None:
        open_.append("the claim gives no time")
    if photo.place is None:
        open_.append("the photo has no position (no GPS and none set by the analyst)")
    if area is None:
        open_.append("the claim gives no place")
    gap_s = km = need = None
    used: list[dict[str, object]] = []
    if not open_:
        assert pw is not None and cw is not None and area is not None
        gap_s = max(0.0, cw[0] - pw[1], pw[0] - cw[1])
        far = []
        for what, pos in _positions(photo):
            d = float(edge_km(area, [pos.lat], [pos.lon])[0])
            used.append({"position": what, "lat": pos.lat, "lon": pos.lon, "distance_km": round(d, 2)})
            far.append(max(0.0, d - PHOTO_SLACK_KM))
        km = min(far)
        reach_km = kt * KT_KMH * gap_s / 3600.0
        if km <= reach_km:
            open_.append(
                f"its time and place do not rule the claim out: taken {km:,.1f} km from "
                f"{area.name} and {gap_s / 60:,.0f} min from the claimed time "
                f"({fmt_window(*cw)}), which the aircraft could cover at up to {kt:.0f} kt"
                if km > 0 else f"it was taken at {area.name} itself")
        else:
            need = km / max(gap_s, 1.0) * 3600.0 / KT_KMH if gap_s > 0 else None
    inputs: dict[str, object] = {
        "photo": {"item_id": photo.item_id, "name": name, "capture": describe_time(photo.capture),
                  "position_used": position_used(photo)},
        "claim": {"id": claim.id, "ref": claim.ref, "text": claim.text,
                  "window_start": describe_time(claim.window_start),
                  "window_end": describe_time(claim.window_end),
                  "place": area and {"kind": area.kind, "key": area.key, "name": area.name,
                                     "reach_km": area.radius_km}},
        "positions": used, "gap_s": round(gap_s) if gap_s is not None else None,
        "distance_km": round(km, 2) if km is not None else None,
        "max_kt": round(kt), "need_kt": round(need) if need is not None else None,
    }
    items = [photo.item_id, claim.id]
    if open_:
        expl = (f"{name} is linked as contradicting claim {claim_label(claim)} but cannot count "
                f"against it: " + "; ".join(open_) + ". A capture time and position from the file "
                "(or a dated, placed copy) far from the claimed place at the claimed time would.")
        return make_finding(KIND, "undetermined", assess("undetermined", Factors("photo-metadata")),
                            expl, items, inputs, notes)
    assert pw is not None and cw is not None and area is not None and km is not None
    speed = (f"which would need {need:,.0f} kt, over the {kt:.0f} kt its type can make good"
             if need is not None else "at the same time")
    expl = (f"{name} counts against claim {claim_label(claim)}: taken ({fmt_window(*pw)}) "
            f"{km:,.1f} km beyond {area.name} and {(gap_s or 0) / 60:,.0f} min from the claimed "
            f"time ({fmt_window(*cw)}), {speed}; if it shows the claimed aircraft, the aircraft "
            f"was not there as claimed.")
    return make_finding(KIND, "inconsistent",
                        assess("inconsistent", Factors("photo-metadata", distance_km=km,
                                                       mismatch=True)),
                        expl, items, inputs, notes)
