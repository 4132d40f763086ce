"""A leg is a real flight (issue 25, item 1): airborne evidence, never flags or speeds that flap
while the position stays put. Real records from ../shared/corpora/flights, read by hand; where a
test changes records it says how (labelled as such)."""

from __future__ import annotations

import gzip
import json

import numpy as np

from casefile.flights import movement as M
from casefile.flights import query as Q
from tests.flights.helpers import import_one

TRAFFIC = "flights/traffic"


def _records(corpora, name):
    doc = json.loads(gzip.open(corpora / TRAFFIC / name).read())
    if isinstance(doc, dict):            # the column layout: {column: {row: value}}
        doc = [{c: doc[c].get(k) for c in doc} for k in sorted(doc["timestamp"], key=int)]
    return doc


def _write(tmp_path, name, records):
    path = tmp_path / name
    path.write_text(json.dumps(records))
    return path


def test_flapping_flags_at_a_taxiing_aircraft_make_no_leg(corpora, fresh_case, tmp_path):
    # noisy_takeoff before its take-off (17:35:36-17:39:40): taxiing at Zurich with the
    # on-ground flag flapping and stale 35,950-37,450 ft records (read by hand). CHANGED here:
    # the flag of 40 records in a row (17:37:25-17:38:05) is set false, a long flapping run.
    recs = [r for r in _records(corpora, "noisy-noisy_takeoff.json.gz")
            if r["timestamp"] < 1573493980000 and r["latitude"] is not None]
    flipped = 0
    for r in recs:
        if 1573493845000 <= r["timestamp"] <= 1573493885000:
            r["onground"] = False
            flipped += 1
    assert flipped >= 30
    import_one(fresh_case, _write(tmp_path, "parked-flapping.json", recs))
    assert [x for x in Q.legs(fresh_case) if not x.reported] == []
    [ac] = Q.list_aircraft(fresh_case)
    for t in ("2019-11-11T17:36:45Z", "2019-11-11T17:37:47Z", "2019-11-11T17:37:50Z"):
        w = Q.where(fresh_case, ac.id, t)
        assert w.status == "ground" and w.airport_icao == "LSZH", (t, w.reason)


def test_a_walk_with_altitudes_is_not_a_flight(corpora, fresh_case):
    # gpxpy's Cerknica lake walk: 296 points, 1,700-1,900 ft, walking pace: no flight
    import_one(fresh_case, corpora / "flights/gpx/gpxpy_test_files/cerknicko-jezero.gpx")
    assert [x for x in Q.legs(fresh_case) if not x.reported] == []


def test_single_sightings_are_airborne_but_no_leg(corpora, fresh_case):
    # the OpenSky REST snapshot: one state per aircraft (7,275 ft at 268 kt, 14,225 ft at 364 kt)
    import_one(fresh_case, corpora / "flights/opensky/python-opensky_rest_states.json")
    assert [x for x in Q.legs(fresh_case) if not x.reported] == []
    ac = next(a for a in Q.list_aircraft(fresh_case) if a.icao24 == "e8027d")
    assert Q.where(fresh_case, ac.id, "2023-05-07T19:45:43Z").status == "airborne"


def test_a_helicopter_flight_and_a_glider_flight_are_legs(corpora, fresh_case):
    # REGA: 2,000-3,000 ft at 50-100 kt across Zurich, no field under it; the glider: 3,400-10,600
    # ft for five hours with holes up to 17 min
    import_one(fresh_case, corpora / TRAFFIC / "ambulances-rega_zh.json.gz")
    import_one(fresh_case, corpora / TRAFFIC / "gliders-sisteron.json.gz")
    legs = [x for x in Q.legs(fresh_case) if not x.reported]
    assert [x.landing.airport_icao for x in legs] == ["LFNS", "LSMD"]


def test_a_garbage_altitude_between_ground_altitudes_is_an_outlier():
    t = np.arange(6, dtype=float)
    alt = np.array([1550.0, 1550.0, 38000.0, 1575.0, np.nan, 1550.0])
    assert M.altitude_outliers(t, alt).tolist() == [False, False, True, False, False, False]
    climb = np.array([1550.0, 1600.0, 1700.0, 1800.0, 1900.0, 2000.0])   # 100 ft/s: fine
    assert not M.altitude_outliers(t, climb).any()
