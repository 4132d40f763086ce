"""readsb traces: the column-wise fast path gives exactly the rows, callsigns, warnings and skips of
the point-by-point path, for well-formed and malformed points alike."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from casefile.importers.flights import readsb

good = st.tuples(
    st.floats(0, 1e5, allow_nan=False) | st.integers(0, 10**5),                 # time offset
    st.floats(-90, 90, allow_nan=False), st.floats(-180, 180, allow_nan=False),
    st.sampled_from(["ground", None]) | st.integers(-1000, 45000) | st.floats(0, 45000),
    st.none() | st.floats(0, 600), st.none() | st.integers(0, 359),
    st.integers(0, 7),                                                            # flags
    st.none() | st.integers(-4000, 4000),
    st.none() | st.just({"flight": "RFF7075 "}) | st.just({"flight": "  "}) | st.just({"x": 1}),
    st.sampled_from(["adsb_icao", "mlat", None]),
    st.none() | st.floats(0, 45000)).map(list)
bad = st.sampled_from([
    [1.0, "55.1", 38.0, 1000, None, None, 0, None],       # position as text: converted
    [1.0, 95.0, 38.0, 1000, None, None, 0, None],         # latitude out of range
    [1.0, 55.0, 38.0, "high", None, None, 0, None],       # altitude not a number
    [1.0, 55.0, 38.0, 1000, "fast", None, 0, None],       # ground speed not a number
    ["2", 55.0, 38.0, 1000, None, None, 0, None],         # time offset as text: converted
    [True, 55.0, 38.0, 1000, None, None, 0, None],        # a boolean time offset
    [1.0, 55.0, 38.0, 1000, None, None, 0.0, None],       # float flags: no new leg
    [1.0, 55.0, 38.0, 1000, None, None, True, None],      # boolean flags
    [1.0, 55.0, 38.0],                                    # too short
    {"t": 1.0},                                           # not a list
    [1.0, 55, 38, 1000, None, None, 0, None],             # integer position: converted
])


def _parse(tmp: Path, points: list, monkeypatch, fast: bool):
    path = tmp / "trace_full_4d2271.json"
    path.write_text(json.dumps({"icao": "4d2271", "timestamp": 1553212800.5, "trace": points}))
    with monkeypatch.context() as m:
        m.setattr(readsb, "CHUNK", 7)                     # several chunks, some fast, some not
        if not fast:
            m.setattr(readsb, "_fast_chunk", lambda part, base, cs, rows: (False, cs))
        try:
            out = readsb.ReadsbTrace().parse(path, None)
        except Exception as exc:                          # noqa: BLE001 - compared below
            return repr(exc)
    return ([t.rows for t in out.tracks], [t.quality for t in out.tracks], out.warnings,
            out.skipped, [t.callsigns() for t in out.tracks])


@settings(max_examples=200, deadline=None)
@given(st.lists(good, max_size=40), st.lists(st.tuples(st.integers(0, 40), bad), max_size=3),
       st.integers(8, 11))
def test_fast_and_point_by_point_paths_agree(tmp_path_factory, points, inserts, width):
    points = [p[:width] for p in points]
    for at, p in inserts:
        points.insert(min(at, len(points)), p)
    tmp = tmp_path_factory.mktemp("r")
    with pytest.MonkeyPatch.context() as mp:
        assert _parse(tmp, points, mp, fast=True) == _parse(tmp, points, mp, fast=False)


def test_fast_path_converts_a_clean_chunk(tmp_path, monkeypatch):
    pts = [[float(i), 55.0, 38.0 + i / 1000, "ground" if i < 3 else 1000 * i, 200.0, 90.0,
            2 if i == 5 else 0, None, {"flight": "RFF7075 "} if i == 4 else None, "adsb_icao"]
           for i in range(10)]
    rows: list[tuple] = []
    done, cs = readsb._fast_chunk(pts, 100.0, None, rows)
    assert done and cs == "RFF7075"
    assert rows[0] == (100.0, 55.0, 38.0, None, None, True, 200.0, 90.0, None, None, "adsb_icao", 0)
    assert rows[5] == (105.0, 55.0, 38.005, 5000, None, False, 200.0, 90.0, None, "RFF7075",
                       "adsb_icao", 1)
    assert [r[9] for r in rows] == [None] * 4 + ["RFF7075"] * 6
    assert readsb._fast_chunk(pts[:3] + [[1.0, 55.0, 38.0]], 0.0, None, []) == (False, None)
