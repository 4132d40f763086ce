"""The input layer reads the parts' dataclasses by their real fields."""

from __future__ import annotations

from casefile.flights.reported import add_reported_flight
from casefile.timeutil import parse_z
from casefile.xref.inputs import gather


def test_reported_flight_keeps_airports_times_aircraft_and_note(fresh_case):
    add_reported_flight(fresh_case, aircraft="RA-86496", from_icao="OSLK", to_icao="SVMI",
                        arrived="2019-03-23T16:00", tz="America/Caracas",
                        arrived_uncertainty_s=7200, note="local journalists")
    [r] = gather(fresh_case).reported
    assert r.aircraft_ref == "RA-86496" and r.aircraft_id is None   # no such aircraft tracked
    assert r.takeoff.airport_icao == "OSLK" and r.takeoff.time is None
    assert r.landing.airport_icao == "SVMI" and not r.landing.observed
    assert r.landing.time == parse_z("2019-03-23T20:00:00Z").timestamp()   # 16:00 in Caracas
    assert r.landing.uncertainty_s == 7200
    assert r.note == "local journalists"
