"""Airline designators: a flight number in IATA form and in ICAO form name the same flight."""

from __future__ import annotations

from casefile.flights.refs import ref_forms
from casefile.reference import airlines


def test_iata_and_icao_forms_resolve_to_each_other():
    assert airlines.flight_number_forms("DL2927") == {"DAL2927"}
    assert airlines.flight_number_forms("DAL2927") == {"DL2927"}
    assert airlines.flight_number_forms("JL 0516") == {"JAL516", "JL516"}
    assert "JL516" in ref_forms("JAL516") and "DAL2927" in ref_forms("dl-2927")


def test_registrations_and_callsigns_that_are_not_flight_numbers_stay_as_typed():
    for ref in ("N8774Q", "RA-82035", "SPAR19", "THY9BP", "ae503d"):
        assert airlines.flight_number_forms(ref) == set()


def test_the_investigator_extends_the_table(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path))
    assert airlines.flight_number_forms("ZZ123") == set()
    (tmp_path / "casefile").mkdir()
    airlines.user_table().write_text("iata,icao,name\nZZ,ZZZ,Test Air\n", "utf-8")
    assert airlines.flight_number_forms("ZZ123") == {"ZZZ123"}
