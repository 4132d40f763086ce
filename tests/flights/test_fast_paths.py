"""The fast (column-wise, inlined) import and derivation paths give exactly what the plain per-point
algorithms give: quality flags, ground states, legs, gaps, TrackData; the GC pause nests safely."""

from __future__ import annotations

import gc
import math
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from casefile.flights import legs as L
from casefile.flights import points as P
from casefile.flights.quality import (
    AIRBORNE_LIMIT_KT,
    DUPLICATE,
    IMPOSSIBLE_SPEED,
    MLAT_FACTOR,
    NOISE_KM,
    OUT_OF_ORDER,
    REANCHOR_AFTER,
    SURFACE_LIMIT_KT,
    flag_points,
)
from casefile.flights.store import _point_columns, track_data
from casefile.gcpause import gc_paused, paused
from casefile.geo import KM_PER_NM, distance_km
from casefile.store import Case
from tests.flights.helpers import store_rows

T0 = 1553256000.0


# ---- plain reference algorithms (one point at a time, haversine only) -----------------------

def _ref_flags(t, lat, lon, ground, source):
    flags, max_t, ref, misses = [None] * len(t), -math.inf, -1, 0
    for i in range(len(t)):
        if t[i] < max_t:
            flags[i] = OUT_OF_ORDER
            continue
        if t[i] == max_t:
            flags[i] = DUPLICATE
            continue
        max_t = t[i]
        if ref < 0:
            ref = i
            continue
        limit = SURFACE_LIMIT_KT if (ground[i] and ground[ref]) else AIRBORNE_LIMIT_KT
        if "mlat" in (source[i], source[ref]):
            limit *= MLAT_FACTOR
        allowed = NOISE_KM + limit * KM_PER_NM * (t[i] - t[ref]) / 3600.0
        if distance_km(lat[ref], lon[ref], lat[i], lon[i]) > allowed:
            flags[i] = IMPOSSIBLE_SPEED
            misses += 1
            if misses >= REANCHOR_AFTER:
                ref, misses = i, 0
            continue
        ref, misses = i, 0
    return flags


def _ref_then_path(t, lat, lon, ground, src):
    """The plain anchored check, then the same largest-consistent-path re-decision."""
    from casefile.flights import quality

    flags = _ref_flags(t, lat, lon, ground, src)
    if quality.IMPOSSIBLE_SPEED in flags:
        quality._keep_largest_consistent_path(flags, t, lat, lon, ground, src)
    return flags


def _ref_boundaries(d, ground):
    out, start = [], 0
    for i in range(1, len(d) + 1):
        if (i == len(d) or ground[i] != ground[i - 1] or d.new_leg[i]
                or (d.t[i] - d.t[i - 1] > L.LEG_GAP_S
                    and (ground[i - 1] or not L.in_flight_gap(d, i - 1, i, ground)))):
            out.append((start, i - 1))
            start = i
    return out


# ---- strategies ---------------------------------------------------------------------------

steps = st.lists(st.tuples(
    st.sampled_from([-30.0, 0.0, 0.0, 1.0, 5.0, 60.0, 700.0, 2000.0]),   # time step (dupes, back)
    st.floats(-0.3, 0.3), st.floats(-0.3, 0.3),                           # position step (deg)
    st.sampled_from([True, False, None]),
    st.sampled_from(["adsb_icao", "mlat", None]),
    st.one_of(st.none(), st.floats(0, 500)),                              # ground speed
    st.booleans()), min_size=0, max_size=60)


def _track(s):
    t, lat, lon, ground, src, gs, new_leg = [], [], [], [], [], [], []
    ti, la, lo = T0, 55.0, 179.8          # near the antimeridian: longitude wraps
    for dt, dla, dlo, g, sr, speed, nl in s:
        ti += dt
        la = max(-89.0, min(89.0, la + dla))
        lo = ((lo + dlo + 180.0) % 360.0) - 180.0
        t.append(ti)
        lat.append(la)
        lon.append(lo)
        ground.append(g)
        src.append(sr)
        gs.append(speed)
        new_leg.append(nl)
    return t, lat, lon, ground, src, gs, new_leg


@settings(max_examples=300, deadline=None)
@given(steps)
def test_flag_points_matches_the_plain_algorithm(s):
    t, lat, lon, ground, src, _, _ = _track(s)
    assert flag_points(t, lat, lon, ground, src) == _ref_then_path(t, lat, lon, ground, src)


@settings(max_examples=30, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 1999), st.sampled_from(["dup", "back", "jump", "mlat", "stop"])),
                max_size=12), st.booleans())
def test_flag_points_long_smooth_tracks_with_glitches_match_the_plain_algorithm(glitches, north):
    n = 2000
    t = [T0 + i for i in range(n)]
    lat = [(70.0 if north else 0.0) + i * 0.002 for i in range(n)]     # about 430 kt
    lon = [(179.0 + i * 0.002 + 180.0) % 360.0 - 180.0 for i in range(n)]
    ground = [i < 50 for i in range(n)]
    src = ["adsb_icao"] * n
    for k, what in glitches:
        if what == "dup" and k:
            t[k] = t[k - 1]
        elif what == "back":
            t[k] -= 30.0
        elif what == "jump":
            lat[k] += 1.0
        elif what == "mlat":
            src[k] = "mlat"
        else:
            ground[k] = None
    assert flag_points(t, lat, lon, ground, src) == _ref_then_path(t, lat, lon, ground, src)


@settings(max_examples=300, deadline=None)
@given(steps)
def test_ground_states_legs_and_gaps_match_the_plain_algorithms(s):
    t, lat, lon, ground, _, gs, new_leg = _track(s)
    keep = sorted(range(len(t)), key=lambda k: (t[k], k))
    keep = [k for n, k in enumerate(keep) if n == 0 or t[k] > t[keep[n - 1]]]   # usable: increasing
    d = L.from_columns(range(len(keep)), [t[k] for k in keep], [lat[k] for k in keep],
                       [lon[k] for k in keep], [30000.0] * len(keep), [ground[k] for k in keep],
                       [gs[k] for k in keep], [None] * len(keep), [new_leg[k] for k in keep])
    states = L.ground_states(d)
    assert [(g.first, g.last) for g in L.split(d)] == (_ref_boundaries(d, states) if len(d) else [])
    assert [(g.before, g.after) for g in L.find_gaps(d)] == [
        (i - 1, i) for i in range(1, len(d)) if d.t[i] - d.t[i - 1] > L.GAP_S]


def test_from_columns_makes_ground_flags_bool_or_none_like_from_rows():
    cols = [(0, 1, 2, 3, 4, 5), (1.0, 2.0, 3.0, 4.0, 5.0, 6.0), (0.0,) * 6, (0.0,) * 6, (None,) * 6,
            (1, 0, None, True, False, 2), (None,) * 6, (None,) * 6, (0, 1, None, 0, 2, 0)]
    d = L.from_columns(*cols)
    assert d.ground == [True, False, None, True, False, True]
    assert all(g is None or type(g) is bool for g in d.ground)
    assert d.new_leg == [False, True, False, False, True, False]
    assert L.from_rows(list(zip(*cols, strict=True))) == d


def test_gc_pause_nests_and_restores_the_previous_state():
    assert gc.isenabled()
    with gc_paused():
        assert not gc.isenabled()
        with gc_paused():
            assert not gc.isenabled()
        assert not gc.isenabled()
    assert gc.isenabled()
    gc.disable()
    try:
        with gc_paused():
            pass
        assert not gc.isenabled()   # was off before: stays off
    finally:
        gc.enable()

    @paused
    def boom() -> None:
        assert not gc.isenabled()
        raise RuntimeError("x")

    with pytest.raises(RuntimeError):
        boom()
    assert gc.isenabled()


# ---- storing: rows and derived legs are what the database gives back -----------------------

def _case() -> Case:
    return Case.create(Path(tempfile.mkdtemp()) / "f", "fast paths", investigator="T")


def _store(case: Case, rows: list[tuple]) -> str:
    return store_rows(case, rows)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(steps.filter(lambda s: len(s) > 0))
def test_stored_rows_and_legs_equal_a_rederivation_from_the_database(s):
    t, lat, lon, ground, src, gs, new_leg = _track(s)
    rows = [(t[i], lat[i], lon[i], 3000.0 if not ground[i] else None, None, ground[i], gs[i], 90.0,
             0.0, "RFF1" if i % 3 else None, src[i], 1 if new_leg[i] else 0) for i in range(len(t))]
    case = _case()
    try:
        track_id = _store(case, rows)
        tp = P.load(case, track_id)
        got = list(zip(*(tp.cols.column(n) for n in P.NAMES[:12]), strict=True))
        assert got == [(*r[:5], None if r[5] is None else bool(r[5]), *r[6:11], bool(r[11]))
                       for r in rows]
        assert [p.seq for p in tp.points(range(len(rows)))] == list(range(len(rows)))
        segs = case.db.execute("SELECT kind, start_t, end_t, points, takeoff, landing FROM "
                               "flight_segments WHERE track_id = ? ORDER BY start_t, kind",
                               [track_id]).fetchall()
        gaps = case.db.execute("SELECT before_seq, after_seq, start_t, end_t FROM flight_gaps WHERE "
                               "track_id = ? ORDER BY start_t", [track_id]).fetchall()
        from casefile.flights.store import derive
        derive(case, track_id, data=track_data(case, track_id))   # from the database this time
        assert case.db.execute("SELECT kind, start_t, end_t, points, takeoff, landing FROM "
                               "flight_segments WHERE track_id = ? ORDER BY start_t, kind",
                               [track_id]).fetchall() == segs
        assert case.db.execute("SELECT before_seq, after_seq, start_t, end_t FROM flight_gaps WHERE "
                               "track_id = ? ORDER BY start_t", [track_id]).fetchall() == gaps
    finally:
        case.close()


def test_storing_refuses_rows_of_the_wrong_shape():
    with pytest.raises(ValueError, match="12 values"):
        _point_columns([(T0, 1.0, 2.0)], [None])
    with pytest.raises(ValueError, match="quality"):
        _point_columns([(T0, 1.0, 2.0, None, None, None, None, None, None, None, None, 0)], [])
