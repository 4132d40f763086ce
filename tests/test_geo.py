"""The vectorised distance gives what the one-pair haversine gives (the cross-reference uses both)."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from casefile.geo import distance_km, distances_km

lat = st.floats(-90, 90)
lon = st.floats(-180, 180)


@given(lat, lon, st.lists(st.tuples(lat, lon), min_size=1, max_size=30))
def test_distances_km_matches_distance_km(la: float, lo: float, others: list[tuple[float, float]]) -> None:
    got = distances_km(la, lo, [o[0] for o in others], [o[1] for o in others])
    for d, (ola, olo) in zip(got, others, strict=True):
        assert abs(float(d) - distance_km(la, lo, ola, olo)) < 1e-6
