"""Airports that fit the aircraft (issue 25, item 4): a probable landing ranks only fields whose
runways the type can use (OurAirports' runways, casefile.reference.aircraft_types.performance)
and scores the fit of a 3° descent. Real file: N8774Q's readsb trace (a Boeing 737 MAX 8 into
Palm Beach, read by hand); CHANGED here: the trace is cut at 02:42:13 (4,500 ft, 32 km out),
as if the aircraft went dark there. Smaller fields lie nearer (North County, Lantana, private
strips)."""

from __future__ import annotations

import json

from casefile.flights import query as Q
from casefile.reference import runways
from casefile.reference.aircraft_types import performance
from tests.flights.helpers import import_one

TRACE = "flights/readsb/trace_full_ac134a.json"
CUT_S = 2 * 3600 + 42 * 60 + 13      # seconds after the trace's timestamp (00:00:00 UTC)


def _cut(corpora, tmp_path, type_code):
    doc = json.loads((corpora / TRACE).read_text())
    doc["trace"] = [p for p in doc["trace"] if p[0] <= CUT_S]
    doc["t"] = type_code
    path = tmp_path / "trace_full_ac134a.json"
    path.write_text(json.dumps(doc))
    return path


def test_a_dark_descent_lands_probably_at_a_field_the_jet_can_use(corpora, fresh_case, tmp_path):
    import_one(fresh_case, _cut(corpora, tmp_path, "B38M"))
    [leg] = [x for x in Q.legs(fresh_case) if not x.reported]
    end = leg.landing
    assert not end.observed and end.evidence["candidate_airport"] in ("KPBI", "KDJT"), end.note
    assert "3° descent" in end.note
    perf = performance("B38M")
    for c in end.evidence["candidates"]:
        f = runways.field(c["airport_icao"])
        assert f is None or runways.fits(f, perf), c
    # the findings record the tables used
    seg = fresh_case.rows("SELECT params FROM flight_segments WHERE kind = 'leg'")[0]
    params = json.loads(seg["params"])
    assert params["ourairports"] == "OurAirports 2022-10-11" and params["aircraft_type"] == "B38M"


def test_for_a_light_aircraft_the_nearer_strips_are_candidates(corpora, fresh_case, tmp_path):
    # the same descent flown by a Cessna 172: the small fields nearer are in the running
    import_one(fresh_case, _cut(corpora, tmp_path, "C172"))
    [leg] = [x for x in Q.legs(fresh_case) if not x.reported]
    names = [c["airport_icao"] for c in leg.landing.evidence["candidates"]]
    perf = performance("B38M")
    assert any((f := runways.field(n)) is not None and not runways.fits(f, perf) for n in names)
