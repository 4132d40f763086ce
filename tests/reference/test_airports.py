"""Nearest-airport search over airportsdata via the grid index."""

import math

from casefile.geo import distance_km
from casefile.reference.airports import index


def test_nearest_finds_the_airport_under_a_ground_point():
    ap, km = index().nearest(26.682369, -80.089257, 5)  # readsb sample's first ground point
    assert ap.iata == "PBI" and km < 1.0
    ap, km = index().nearest(25.2619, 55.362, 5)        # FR24 KML sample, taxiing at Dubai
    assert ap.icao == "OMDB"


def test_nothing_within_radius_mid_ocean():
    assert index().nearest(0.0, -30.0, 10) is None


def test_index_agrees_with_brute_force():
    ix = index()
    for lat, lon in ((55.87, 38.06), (10.6, -67.0), (-33.9, 151.17), (64.1, -21.9), (0.3, 179.9)):
        brute = sorted((distance_km(lat, lon, a.lat, a.lon), a.icao) for a in ix.by_icao.values())
        within = [b for b in brute if b[0] <= 30]
        got = [(round(d, 6), a.icao) for d, a in ix.within(lat, lon, 30)]
        assert got == [(round(d, 6), c) for d, c in within]


def test_lookup_by_code():
    assert index().get("uumu").name.startswith("Chkalov")
    assert index().get("CCS").icao == "SVMI"
    assert index().get("XXXX") is None
    assert math.isclose(index().get("SVMI").lat, 10.60312)
