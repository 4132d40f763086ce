"""Stops out of sight (issue 25): CAL FIRE Tanker 83 (a50acc in firefighting-calfire) reloads at
Fresno (KFAT, 336 ft) between fire runs, each time unseen: last seen on final at 600-1,600 ft,
next seen 8-58 min later climbing out of KFAT. Each run is a leg of its own, its landing and next
take-off at KFAT not observed; `where` inside such a hole is unknown, not airborne by
interpolation; the points on final stay airborne (positions minutes apart say nothing of the
speed at either). Labels read by hand: tests/data/truth/labels.py."""

from __future__ import annotations

from casefile.flights import query as Q
from casefile.timeutil import parse_z
from tests.flights.helpers import import_one

CALFIRE = "flights/traffic/firefighting-calfire.json.gz"


def test_tanker_reload_stops_split_its_runs(corpora, fresh_case):
    import_one(fresh_case, corpora / CALFIRE)
    [t83] = [a for a in Q.list_aircraft(fresh_case) if a.icao24 == "a50acc"]
    lo, hi = parse_z("2020-09-09T18:30:00Z").timestamp(), parse_z("2020-09-09T21:15:00Z").timestamp()
    runs = [x for x in Q.legs(fresh_case, t83.id, include_reported=False)
            if lo <= parse_z(x.first_seen_utc).timestamp() <= hi]
    # 18:34-18:52, 19:00-19:17, 19:31-19:53 (a 9 min hole), 20:08-20:29, 20:47-21:10
    assert len(runs) == 5, [(x.first_seen_utc, x.last_seen_utc) for x in runs]
    for leg in runs:
        assert not leg.takeoff.observed and not leg.landing.observed
        assert leg.takeoff.airport_icao == "KFAT", leg.takeoff.note
        landed = leg.landing.airport_icao or leg.landing.evidence.get("candidate_airport")
        assert landed == "KFAT", leg.landing.note
    w = Q.where(fresh_case, t83.id, "2020-09-09T18:56:00Z")     # inside the 8-min reload hole
    assert w.status == "unknown" and "a landing and a take-off fit" in w.reason, w.reason
    on_final = Q.where(fresh_case, t83.id, "2020-09-09T18:52:13Z")
    assert on_final.status == "airborne", on_final.reason
    # the last run's climb (00:40-00:41) and the next take-off from Fresno 30 min later: a landing
    # at KFAT in between, read from that take-off
    [short] = [x for x in Q.legs(fresh_case, t83.id, include_reported=False)
               if x.first_seen_utc.startswith("2020-09-10T00:40")]
    assert short.landing.airport_icao == "KFAT" and "climbing out of it" in short.landing.note
