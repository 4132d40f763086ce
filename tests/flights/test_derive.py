"""Legs/gaps derived at import (from memory) equal a recomputation from the stored points."""

from __future__ import annotations

import pytest

from casefile.flights import query as Q
from casefile.flights.store import derive
from casefile.store import verify_case
from flights.helpers import import_one


def _snapshot(case):
    legs = [(leg.takeoff, leg.landing, leg.first_seen_utc, leg.last_seen_utc, leg.points)
            for leg in Q.legs(case)]
    gaps = [(g.start_utc, g.end_utc, g.before, g.after) for g in Q.gaps(case)]
    return legs, gaps, Q.ground_stays(case)


@pytest.mark.parametrize("name", ["readsb/trace_full_ac134a.json",
                                  "opensky/states_RYR2RG_2022-02-02_from_traffic_cache.csv",
                                  "gpx/gpxpy_test_files/cerknicko-without-times.gpx"])
def test_recompute_from_stored_points_gives_the_same_result(fresh_case, corpora, name):
    import_one(fresh_case, corpora / "flights" / name)
    before = _snapshot(fresh_case)
    with fresh_case.transaction():
        for t in Q.tracks(fresh_case):
            derive(fresh_case, t["id"])
    assert _snapshot(fresh_case) == before
    assert verify_case(fresh_case, record=False).ok
