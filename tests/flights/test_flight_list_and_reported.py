"""OpenSky flight list (stated origin/destination) and hand-entered reported flights."""

from __future__ import annotations

import pytest

from casefile.errors import InvalidInput
from casefile.flights import query as Q
from casefile.flights.reported import add_reported_flight
from flights.helpers import import_one, tracks_of

HEADER = ("callsign,number,icao24,registration,typecode,origin,destination,firstseen,lastseen,day,"
          "latitude_1,longitude_1,altitude_1,latitude_2,longitude_2,altitude_2\n")


def test_opensky_flight_list_states_origin_and_destination(fresh_case, tmp_path):
    p = tmp_path / "flights.csv"
    p.write_text(HEADER
                 + "RFF7075,,154042,RA-82014,A124,UUMU,LTAC,2019-03-22 06:10:00,2019-03-22 09:40:00,"
                   "2019-03-22,55.88,38.10,300,39.98,33.00,900\n"
                 + "RFF7075,,154042,RA-82014,A124,LTAC,SVMI,1553283000,1553327000,2019-03-22,"
                   "40.10,32.90,600,10.55,-66.90,700\n")
    out = import_one(fresh_case, p)
    assert out.importer == "opensky-flights-csv"
    ac = Q.find_aircraft(fresh_case, "RA-82014")
    assert (ac.icao24, ac.type_code, ac.country) == ("154042", "A124", "Russian Federation")
    [trk] = tracks_of(fresh_case, out.item_id)
    assert trk["points"] == 4 and trk["first_utc"] == "2019-03-22T06:10:00.000Z"
    legs = Q.legs(fresh_case, ac.id)
    assert [(leg.takeoff.airport_icao, leg.landing.airport_icao) for leg in legs] == [
        ("UUMU", "LTAC"), ("LTAC", "SVMI")]
    assert not any(leg.takeoff.observed or leg.landing.observed for leg in legs)
    assert "estimated" in legs[0].takeoff.note


def test_reported_flight_is_reported_not_tracked(fresh_case):
    fresh_case.set_meta("default_tz", "Europe/Moscow")
    rf = add_reported_flight(fresh_case, aircraft="Il-62", from_icao="uumu", to_icao="SVMI",
                             departed="2019-03-22", arrived="2019-03-23T14:00-04:00",
                             arrived_uncertainty_s=6 * 3600, note="news article 2019-03-24")
    assert rf.aircraft_id is None and rf.from_icao == "UUMU"
    assert rf.departed.basis == "case-default" and rf.departed.uncertainty_s == 12 * 3600
    assert rf.departed.utc == "2019-03-22T09:00:00.000Z"        # noon in Moscow (UTC+3)
    assert rf.arrived.utc == "2019-03-23T18:00:00.000Z"
    [leg] = Q.legs(fresh_case)
    assert leg.reported and not leg.takeoff.observed and leg.landing.airport_icao == "SVMI"
    assert "reported, not tracked" in leg.landing.note
    assert Q.reported_flights(fresh_case)[0].source_note == "news article 2019-03-24"
    assert [e["action"] for e in fresh_case.events()][-1] == "reported-flight-added"


def test_reported_flight_rejects_unknown_airports_and_backwards_times(fresh_case):
    with pytest.raises(InvalidInput, match="unknown airport code 'ZZZZ'"):
        add_reported_flight(fresh_case, aircraft="An-124", from_icao="ZZZZ")
    with pytest.raises(InvalidInput, match="before departure"):
        add_reported_flight(fresh_case, aircraft="An-124", departed="2019-03-23T10:00Z",
                            arrived="2019-03-22T10:00Z")


def test_where_mentions_a_reported_flight_when_tracks_cannot_say(fresh_case, corpora):
    import_one(fresh_case, corpora / "flights/readsb/trace_full_ac134a.json")
    add_reported_flight(fresh_case, aircraft="N8774Q", from_icao="KDJT", to_icao="KBWI",
                        departed="2024-08-12T04:00Z", arrived="2024-08-12T06:30Z")
    w = Q.where(fresh_case, "N8774Q", "2024-08-12T05:00Z")
    assert w.status == "unknown" and w.lat is None
    assert "reported (not tracked) flight KDJT -> KBWI covers this time" in w.reason
    w = Q.where(fresh_case, "N8774Q", "2024-08-12T08:00Z")
    assert "reported" not in w.reason
