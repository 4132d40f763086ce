"""Aircraft references resolve by one rule everywhere: registration, hex, callsign, type."""

from __future__ import annotations

import pytest

from casefile.errors import NotFound
from casefile.flights import query as Q
from casefile.flights.refs import AircraftRefs, norm_ref, references
from tests.flights.helpers import import_one


@pytest.fixture
def southwest(fresh_case, corpora):
    import_one(fresh_case, corpora / "flights" / "readsb" / "trace_full_ac134a.json")
    return fresh_case


@pytest.mark.parametrize("ref", ["N8774Q", "n-8774q", "ac134a", "AC134A", "0xAC134A", " ac134a "])
def test_find_by_registration_or_hex_in_any_spelling(southwest, ref):
    a = Q.find_aircraft(southwest, ref)
    assert (a.icao24, a.registration) == ("ac134a", "N8774Q")


def test_a_type_never_picks_an_airframe_even_the_only_one_of_that_type(southwest):
    with pytest.raises(NotFound):
        Q.find_aircraft(southwest, "B38M")


def test_unknown_reference_says_what_to_give(southwest):
    with pytest.raises(NotFound, match="registration, ICAO hex or id"):
        Q.find_aircraft(southwest, "RA-82010")


def test_type_names_every_aircraft_of_that_type_but_find_one_refuses(southwest):
    a = Q.find_aircraft(southwest, "N8774Q")
    twin = type(a)(id="other", icao24="ac134b", registration="N8775Q", type_code="B38M",
                   description=None, operator=None, country=None, military=None)
    refs = AircraftRefs.build([(a, ()), (twin, ())])
    assert refs.matches("b38m") == sorted([a.id, "other"])
    assert refs.matches("N8775-Q") == ["other"]
    with pytest.raises(NotFound, match="no aircraft 'B38M'"):
        refs.find_one("B38M")
    same_reg = type(a)(id="dup", icao24=None, registration="N8774Q", type_code=None,
                       description=None, operator=None, country=None, military=None)
    with pytest.raises(NotFound, match="matches 2 aircraft"):
        AircraftRefs.build([(a, ()), (same_reg, ())]).find_one("N8774Q")
    assert references(a) == ("N8774Q", "ac134a", "B38M")
    assert norm_ref("RA-82010 ") == "RA82010"
