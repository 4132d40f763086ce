"""airportsdata against OurAirports' runways (issue 25, item 4): the disagreements over 1 km,
rebuilt from the two tables, are exactly the shipped corrections; EBBR comes out right."""

from __future__ import annotations

import pytest

from casefile.geo import distance_km
from casefile.reference import crosscheck
from casefile.reference.airports import index, table


@pytest.mark.slow
def test_the_shipped_corrections_are_the_disagreements_of_the_tables():
    rebuilt = {c.icao: c for c in crosscheck.disagreements()}
    shipped = crosscheck.corrections()
    assert set(rebuilt) == set(shipped), (sorted(set(rebuilt) ^ set(shipped))[:20])
    # the list, largest first, for the reader of a failing run
    worst = sorted(shipped.values(), key=lambda c: -c.km)[:10]
    assert all(c.km > crosscheck.OVER_KM for c in worst)


def test_brussels_comes_out_right():
    # airportsdata has EBBR at 50.5405, 4.2904 (degrees-minutes-seconds typed as decimals, 42 km
    # off); OurAirports and its runways put it at 50.9014, 4.4844
    raw = table()["EBBR"]
    assert (float(raw["lat"]), float(raw["lon"])) == (50.5405, 4.2904)
    ap = index().get("EBBR")
    assert ap is not None and distance_km(ap.lat, ap.lon, 50.9014, 4.4844) < 1.0
    hit = index().nearest(50.8999, 4.4926, 5.0)       # the middle of its runways
    assert hit is not None and hit[0].icao == "EBBR"
    c = crosscheck.corrections()["EBBR"]
    assert c.km > 40


def test_a_code_two_tables_give_to_different_fields_is_not_corrected():
    # K7S1: airportsdata lists a Georgia strip, OurAirports a Montana one (3,000 km apart)
    assert "K7S1" not in crosscheck.corrections()
    assert "OurAirports 2022-10-11" in crosscheck.version()
