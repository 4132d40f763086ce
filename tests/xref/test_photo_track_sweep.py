"""No photo ↔ track verdict without evidence in reach: photo times swept across the real take-offs
and landings of ../shared/corpora/flights/traffic, every finding checked against its inputs."""

from __future__ import annotations

import pytest
from xref_helpers import photo

from casefile.flights import query as Q
from casefile.geo import distance_km
from casefile.reference.airports import index as airport_index
from casefile.timeutil import TimeValue, epoch, from_epoch
from casefile.xref.inputs import gather
from casefile.xref.photo_track import FAST_KM_S, NEAR_KM, REACH_S, photo_findings
from casefile.xref.trackindex import FleetIndex
from tests.flights.helpers import import_one

FILES = ("fr24-2ce4f83f.json", "fr24-372355e5.json", "featured-elal747.json.gz",
         "noisy-noisy_takeoff.json.gz", "gliders-sisteron.json.gz", "calibration-funchal.json.gz")


def _tv(t: float) -> TimeValue:
    return TimeValue(raw=from_epoch(t), utc=from_epoch(t), basis="gps-utc", uncertainty_s=1.0)


@pytest.mark.parametrize("name", FILES)
def test_every_verdict_across_take_offs_and_landings_has_evidence_in_reach(corpora, fresh_case,
                                                                           name):
    import_one(fresh_case, corpora / "flights/traffic" / name)
    [ac] = Q.list_aircraft(fresh_case)
    ends = [e for leg in Q.legs(fresh_case) if not leg.reported
            for e in (leg.takeoff, leg.landing) if e.observed and e.airport_icao]
    assert ends, "each of these files has an observed take-off or landing at an airport"
    i = gather(fresh_case)
    fleet = FleetIndex(i.aircraft, i.legs, i.gaps, i.points)
    pts = list(Q.track_points(fresh_case, ac.id))
    verdicts = set()
    for end in ends:
        ap = airport_index().get(end.airport_icao or "")
        assert ap is not None
        centre = epoch(end.time_utc)
        assert centre is not None
        for step in range(-20, 21):
            t = centre + step * 30.0
            for place in ((ap.lat, ap.lon), (ap.lat + 0.5, ap.lon)):   # the airport, 55 km north
                [f] = photo_findings(photo("P", _tv(t), place=place, tags=(ac.icao24 or "",)), fleet)
                verdicts.add(f.verdict)
                _check(f, place, t, pts)
    assert "consistent" in verdicts


def _check(f, place, t, pts) -> None:
    inputs = f.inputs
    if f.verdict == "consistent":
        near_ground = [s for s in inputs["track_spans"] if s.get("distance_km") is not None
                       and s["state"] in ("ground", "parked-gap") and s["distance_km"] <= NEAR_KM]
        events = inputs.get("events_near", [])
        low = inputs.get("low_points_near", [])
        assert near_ground or events or low, f.explanation
        for e in events:
            assert e["distance_km"] <= NEAR_KM
        for p in low:   # inside the window, or the nearest on each side within reach
            assert abs(epoch(p["t"]) - t) <= REACH_S + 1.0, f.explanation
            assert distance_km(*place, p["lat"], p["lon"]) <= NEAR_KM * 2, f.explanation
    elif f.verdict == "inconsistent" and "reachability" in inputs:
        # no positions inside the window: the ones either side put the place out of reach at the
        # type's fastest ground speed (the prism of xref.reach), recomputed here from the points
        lo, hi = t - 1.0, t + 1.0
        v = inputs["reachability"]["max_kt"] * 1.852 / 3600
        before = [p for p in pts if p.t < lo][-1:]
        after = [p for p in pts if p.t > hi][:1]
        assert not [p for p in pts if lo <= p.t <= hi], f.explanation
        earliest = max([lo] + [b.t + (distance_km(*place, b.lat, b.lon) - NEAR_KM) / v
                               for b in before])
        latest = min([hi] + [a.t - (distance_km(*place, a.lat, a.lon) - NEAR_KM) / v
                             for a in after])
        assert before or after, f.explanation
        assert earliest > latest, f.explanation
        assert inputs["reachability"]["need_kt"] > inputs["reachability"]["max_kt"]
    elif f.verdict == "inconsistent":
        # the positions around and inside the window: between each two, the aircraft could not
        # have flown (600 kt) by way of the place
        lo, hi = t - 1.0, t + 1.0
        inside = [p for p in pts if lo <= p.t <= hi]
        before = [p for p in pts if p.t < lo][-1:]
        after = [p for p in pts if p.t > hi][:1]
        chain = before + inside + after
        assert before and after, f.explanation
        for a, b in zip(chain, chain[1:], strict=False):
            spare = (distance_km(*place, a.lat, a.lon) - NEAR_KM
                     + distance_km(*place, b.lat, b.lon) - NEAR_KM)
            assert spare > FAST_KM_S * (b.t - a.t), f.explanation
