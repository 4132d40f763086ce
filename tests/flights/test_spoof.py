"""Spoofing and jumps (issue 25, item 3): the path kept is the one consistent with the flight
before and after, not merely the longest; `where` inside a spoofed stretch says so; after it the
genuine data answers. The corpora hold no spoofed track, so these tests SPLICE a stretch of one
real track into another (labelled as such): RYR2RG's OpenSky state vectors (FL370, 420 kt,
15:45:00-16:05:00, read by hand) get, from 15:48:00 to 16:01:00, the positions of the glider
over Sisteron (gliders-sisteron, 12:00 onward, 50-80 kt, about 190 km away) and its speed."""

from __future__ import annotations

import csv
import gzip
import json
from bisect import bisect_left

from casefile.flights import query as Q
from casefile.flights import spoof
from casefile.timeutil import parse_z
from tests.flights.helpers import import_one

RYR = "flights/opensky/states_RYR2RG_2022-02-02_from_traffic_cache.csv"
GLIDER = "flights/traffic/gliders-sisteron.json.gz"
LO, HI = parse_z("2022-02-02T15:48:00Z").timestamp(), parse_z("2022-02-02T16:01:00Z").timestamp()
GLIDER_T0 = parse_z("2019-05-23T12:00:00Z").timestamp()


def _spliced(corpora, tmp_path):
    glider = sorted((r["timestamp"] / 1000, r["latitude"], r["longitude"], r["groundspeed"])
                    for r in json.loads(gzip.open(corpora / GLIDER).read()) if r["latitude"])
    gt = [g[0] for g in glider]
    with open(corpora / RYR, newline="") as f:
        rows = list(csv.DictReader(f))
    n = 0
    for r in rows:
        t = float(r["time"])
        if LO <= t <= HI:
            g = glider[min(bisect_left(gt, GLIDER_T0 + t - LO), len(glider) - 1)]
            r["lat"], r["lon"], r["velocity"] = str(g[1]), str(g[2]), str(g[3] * 1852 / 3600)
            r["lastposupdate"] = r["time"]
            n += 1
    assert n > 700
    path = tmp_path / "ryr2rg-spliced.csv"
    with open(path, "w", newline="") as f:
        w = csv.DictWriter(f, fieldnames=list(rows[0]))
        w.writeheader()
        w.writerows(rows)
    return path


def test_a_spoofed_stretch_loses_to_the_genuine_flight_around_it(corpora, fresh_case, tmp_path):
    import_one(fresh_case, _spliced(corpora, tmp_path))
    [ac] = Q.list_aircraft(fresh_case)
    [s] = spoof.stretches(fresh_case, ac.id)
    assert s.t0 >= LO - 1 and s.t1 <= HI + 1 and len(s.seqs) > 700
    # inside: said so, never served as an observed position
    w = Q.where(fresh_case, ac.id, "2022-02-02T15:55:00Z")
    assert "spoofed" in w.reason and w.lat is None
    assert "observed position" not in w.reason.split("from the genuine")[0]
    # after it: the genuine data answers, at FL370 near Clermont, not at Sisteron
    w = Q.where(fresh_case, ac.id, "2022-02-02T16:03:00Z")
    assert w.status == "airborne" and "spoofed" not in w.reason
    assert 44.0 < w.lat < 45.5 and 2.0 < w.lon < 3.5, (w.lat, w.lon)
    [leg] = [x for x in Q.legs(fresh_case) if not x.reported]
    assert leg.last_seen_utc >= "2022-02-02T16:04:59"
