"""track_columns(): the same usable points, in the same order, as track_points(); the engine's
inputs gathered through it hold exactly those points."""

from __future__ import annotations

from dataclasses import replace

import pytest

from casefile.flights import query as Q
from casefile.flights.state import ground_calls
from casefile.timeutil import from_epoch
from casefile.xref.inputs import gather, points_in
from casefile.xref.model import PointsIn
from casefile.xref.trackindex import LOW_ALT_FT, _low_points
from tests.flights.helpers import store_rows

T0 = 1553256000.0


def _store(case, icao: str, rows: list[tuple]) -> None:
    store_rows(case, rows, icao)


def _row(t: float, lat: float, alt: float | None, ground: bool | None) -> tuple:
    return (t, lat, 10.0, alt, None, ground, 200.0, 90.0, 0.0, None, "adsb_icao", 0)


def _filled(case, ties: bool) -> None:
    # two files for one aircraft with interleaved times, a duplicate, an out-of-order point and
    # an impossible jump (flagged, left out), ground unknown on some points; a second aircraft
    a = [_row(T0 + 10 * i, 50.0 + i * 0.001, None if i < 3 else 1000.0 * i, True if i < 3 else None)
         for i in range(20)]
    a.insert(5, _row(T0 + 40, 50.0, 500.0, False))         # duplicate time
    a.insert(9, _row(T0 + 5, 50.0, 500.0, False))          # out of order
    a.insert(12, _row(T0 + 95, 10.0, 500.0, False))        # impossible speed
    b = [_row(T0 + 10 * i + 5, 50.0 + i * 0.001, 1500.0, False) for i in range(10)]
    _store(case, "15a0f2", a)
    _store(case, "15a0f2", b)
    if ties:   # a third file with points at the same times as the first: ordered by track, seq
        _store(case, "15a0f2", [_row(T0 + 10 * i, 50.02 + i * 0.001, 1200.0, False) for i in range(5, 9)])
    _store(case, "4b1805", [_row(T0 + i, 47.0, 0.0, True) for i in range(5)])


@pytest.mark.parametrize("ties", [False, True])
def test_track_columns_equal_track_points(fresh_case, ties):
    _filled(fresh_case, ties)
    every = Q.track_columns(fresh_case)
    assert list(every) == [a.id for a in Q.list_aircraft(fresh_case)]
    for ac in Q.list_aircraft(fresh_case):
        pts = list(Q.track_points(fresh_case, aircraft_id=ac.id))
        cols = Q.track_columns(fresh_case, ac.id)[ac.id]
        if ties and ac.icao24 == "15a0f2":
            assert len(set(cols.t)) < len(cols.t)
        assert every[ac.id] == cols
        assert len(cols) == len(pts) > 0
        assert cols.t == [p.t for p in pts]
        assert cols.lat == [p.lat for p in pts] and cols.lon == [p.lon for p in pts]
        assert cols.alt_ft == [p.alt_ft for p in pts] and cols.gs_kt == [p.gs_kt for p in pts]
        assert cols.ground == [p.on_ground for p in pts]
    assert Q.track_columns(fresh_case, "no-such-aircraft")["no-such-aircraft"].t == []


@pytest.mark.parametrize("ties", [False, True])
def test_engine_inputs_through_columns_equal_point_by_point(fresh_case, ties):
    _filled(fresh_case, ties)
    inputs = gather(fresh_case)
    assert len(inputs.points) == 2
    for got in inputs.points:
        pts = list(Q.track_points(fresh_case, aircraft_id=got.aircraft_id))
        # on the ground as the state model decides from the same points, one by one
        ground = ground_calls([p.t for p in pts], [p.lat for p in pts], [p.lon for p in pts],
                              [p.alt_ft for p in pts], [p.on_ground for p in pts],
                              [p.gs_kt for p in pts], [p.vrate_fpm for p in pts]).ground
        want = PointsIn(got.aircraft_id, [p.t for p in pts], [p.lat for p in pts],
                        [p.lon for p in pts], [p.alt_ft for p in pts], ground)
        assert replace(got, stays=()) == want
        assert replace(got, stays=()) == points_in(
            Q.track_columns(fresh_case, got.aircraft_id)[got.aircraft_id], got.aircraft_id)
        # its observed ground stays come along, placed among their own positions
        stays = Q.ground_stays(fresh_case, got.aircraft_id)
        assert [(from_epoch(s.start), from_epoch(s.end)) for s in got.stays] == [
            (s["start_utc"], s["end_utc"]) for s in stays]
        for s in got.stays:
            inside = [k for k, t in enumerate(got.t) if s.start <= t <= s.end]
            assert min(got.lat[k] for k in inside) <= s.lat <= max(got.lat[k] for k in inside)
        low = _low_points(got)
        keep = [k for k in range(len(got.t))
                if got.ground[k] or (got.alt_ft[k] is not None and got.alt_ft[k] <= LOW_ALT_FT)]
        assert low.t == [got.t[k] for k in keep] and low.alt_ft == [got.alt_ft[k] for k in keep]
        assert low.ground == [got.ground[k] for k in keep] and low.lat == [got.lat[k] for k in keep]
