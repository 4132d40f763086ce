"""Heliports and overhead passes on real records (issue 25): a helicopter ambulance last seen
descending over its hospital names the hospital's pad (OurAirports, type heliport), not the airport
3.6 km away; a helicopter at its base is on the ground there; a calibration flight crossing its
field 700 ft up, off any approach, is no go-around. Labels read by hand: tests/data/truth/labels.py."""

from __future__ import annotations

from casefile.flights import helipads as H
from casefile.flights import query as Q
from casefile.reference.aircraft_types import performance
from casefile.timeutil import parse_z
from tests.flights.helpers import import_one

TRAFFIC = "flights/traffic"


def _legs(case):
    return [x for x in Q.legs(case) if not x.reported]


def test_an_ambulance_descending_over_its_hospital_names_the_hospital_pad(corpora, fresh_case):
    # SAMU31: the data ends at 950 ft, 34 kt, -320 fpm, 0.24 km from the Purpan hospital's pad
    import_one(fresh_case, corpora / TRAFFIC / "ambulances-samu31.json.gz")
    [leg] = _legs(fresh_case)
    end = leg.landing
    assert not end.observed and end.airport_icao is None
    assert end.evidence["candidate_airport"] == "FR-0121", end.note
    assert "heliport" in end.note and "LFBO" not in end.note


def test_a_helicopter_at_its_base_is_on_the_ground_there(corpora, fresh_case):
    # CAL FIRE Copter 106 at the Alma Helitack Base (US-3104): 800 ft, 0 kt, 0 fpm at 18:24:28
    import_one(fresh_case, corpora / TRAFFIC / "firefighting-calfire.json.gz")
    [c106] = [a for a in Q.list_aircraft(fresh_case) if a.icao24 == "a622fc"]
    w = Q.where(fresh_case, c106.id, "2020-09-12T18:24:28Z")
    assert (w.status, w.airport_icao) == ("ground", "US-3104"), w.reason
    ends = [e for x in _legs(fresh_case) if x.aircraft_id == c106.id
            for e in (x.takeoff, x.landing)]
    named = [e.airport_icao or e.evidence.get("candidate_airport") for e in ends]
    assert named.count("US-3104") >= len(ends) * 3 // 4, named
    # an aeroplane (a type that needs a runway) is never taken for a helicopter
    assert not H.rotorcraft(performance("B738"), [20.0] * 10)
    assert H.rotorcraft(performance("EC35"), [])
    assert H.rotorcraft(None, [30.0, 35.0, 12.0]) and not H.rotorcraft(None, [30.0, 120.0])


def test_an_overhead_pass_high_above_the_field_is_no_go_around(corpora, fresh_case):
    # Kiruna (ESNQ, 1,508 ft): five passes over runway 21 at 290-440 ft above it are low
    # approaches; at 10:30 it crosses the field at 2,200 ft (690 ft up, 570 ft above a 3° descent
    # to the runway) before its landing: no event
    import_one(fresh_case, corpora / TRAFFIC / "calibration-kiruna.json.gz")
    [leg] = _legs(fresh_case)
    assert [(e.kind, e.airport_icao) for e in leg.events] == [("low-approach", "ESNQ")] * 5
    late = parse_z("2019-01-30T10:29:00Z").timestamp()
    assert all(parse_z(e.window_utc[1]).timestamp() < late for e in leg.events)
    assert leg.landing.observed and leg.landing.airport_icao == "ESNQ"
