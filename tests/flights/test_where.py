"""where(): observed points come back as observed; interpolation stays on the great circle; gaps unknown."""

from __future__ import annotations

import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from casefile.flights import query as Q
from casefile.geo import distance_km
from casefile.store import Case
from casefile.timeutil import from_epoch
from tests.flights.helpers import store_rows

T0 = 1553256000.0   # 2019-03-22T12:00:00Z


_SHARED: dict[str, Case] = {}


def _shared_case() -> Case:
    """One case for all hypothesis examples (creating a case per example is slow)."""
    if "case" not in _SHARED:
        _SHARED["case"] = Case.create(Path(tempfile.mkdtemp()) / "w", "where test", investigator="T")
    return _SHARED["case"]


def _case_with(rows: list[tuple], icao: str = "15a0f2", case: Case | None = None) -> Case:
    if case is None:
        case = Case.create(Path(tempfile.mkdtemp()) / "w", "where test", investigator="Test")
    store_rows(case, rows, icao)
    return case


def _row(t: float, lat: float, lon: float, alt: float | None, ground: bool | None) -> tuple:
    return (t, lat, lon, alt, None, ground, 300.0 if not ground else 10.0, 90.0, 0.0, "RFF123",
            "adsb_icao", 0)


_counter = iter(range(0x100000, 0x1FFFFF))

# tracks that fly: moving north at 70-360 kt, above 0 ft. An "airborne" flag and speed at a
# standstill are no flight (issue 25: positions win over a flag or a speed they contradict)
points = st.lists(st.tuples(st.integers(1, 300_000).map(lambda ms: ms / 1000), st.floats(0.1, 0.5),
                            st.floats(-0.5, 0.5), st.floats(100, 40000)), min_size=2, max_size=25)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(points, st.floats(0, 1))
def test_where_at_an_observed_point_returns_that_point_and_interpolates_between(steps, frac):
    rows, t, lat, lon = [], T0, 10.0, -60.0
    for dt, dlat, dlon, alt in steps:
        t += dt
        lat, lon = lat + dlat * dt / 300, lon + dlon * dt / 300
        rows.append(_row(t, lat, lon, alt, False))
    hexa = f"{next(_counter):06x}"
    case = _case_with(rows, hexa, _shared_case())
    if True:
        for r in rows:
            w = Q.where(case, hexa, from_epoch(r[0]))
            assert w.status == "airborne"
            assert (w.lat, w.lon, w.alt_ft) == (r[1], r[2], r[3])
        a, b = rows[0], rows[1]
        tq = a[0] + frac * (b[0] - a[0])
        tq = round(tq * 1000) / 1000                  # where() takes millisecond times
        w = Q.where(case, hexa, from_epoch(tq))
        assert w.nearest_before is not None and w.nearest_after is not None
        d_ab = distance_km(a[1], a[2], b[1], b[2])
        d_aw = distance_km(a[1], a[2], w.lat, w.lon)
        d_wb = distance_km(w.lat, w.lon, b[1], b[2])
        assert d_aw + d_wb == pytest.approx(d_ab, abs=1e-3)    # on the great circle between them
        lo, hi = sorted((a[3], b[3]))
        assert lo - 1e-6 <= w.alt_ft <= hi + 1e-6
        assert Q.where(case, hexa, from_epoch(rows[0][0] - 1)).status == "unknown"
        assert Q.where(case, hexa, from_epoch(rows[-1][0] + 1)).status == "unknown"


def test_inside_a_gap_whereabouts_are_unknown_with_both_neighbours():
    rows = [_row(T0, 10.0, -60.0, 30000, False), _row(T0 + 60, 10.0, -59.9, 30000, False),
            _row(T0 + 3600, 10.0, -55.0, 30000, False)]
    case = _case_with(rows)
    try:
        w = Q.where(case, "15a0f2", from_epoch(T0 + 1800))
        assert w.status == "unknown" and "coverage gap" in w.reason
        assert w.lat is None and w.nearest_before.t == T0 + 60 and w.nearest_after.t == T0 + 3600
        [gap] = Q.gaps(case)
        assert gap.before.t == T0 + 60 and gap.after.t == T0 + 3600
    finally:
        case.close()


def test_on_the_ground_at_an_airport():
    # two ground points at Maiquetia (SVMI) 30 s apart
    rows = [_row(T0, 10.6031, -66.9906, None, True), _row(T0 + 30, 10.6035, -66.9900, None, True)]
    case = _case_with(rows)
    try:
        w = Q.where(case, "15a0f2", from_epoch(T0 + 15))
        assert w.status == "ground" and w.airport_icao == "SVMI"
    finally:
        case.close()
