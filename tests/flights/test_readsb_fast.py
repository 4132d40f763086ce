"""readsb traces: the column-wise conversion gives exactly the rows, callsigns, warnings and skips
of a plain point-by-point reading of the format (written out below), for well-formed and malformed
points alike, however the trace is cut into chunks."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from casefile.importers.flights import readsb
from casefile.importers.flights.fields import num, position
from casefile.importers.flights.parsed import ParsedFlights, finish
from casefile.model.flights import ParsedTrack

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


def reference(path: Path, base: float, trace: list) -> ParsedFlights:
    """The format read one point at a time, skipping (and naming) each malformed point."""
    out = ParsedFlights("readsb-trace", [ParsedTrack("readsb-trace", icao24="4d2271")])
    callsign = None
    for k, p in enumerate(trace):
        try:
            if type(p) is not list or len(p) < 8:
                raise ValueError("a trace point needs at least 8 fields")
            dt, lat, lon, alt, gs, track, f, vr = p[:8]
            det, src, geo = (p[8:11] + [None] * 3)[:3]
            if type(lat) is not float or type(lon) is not float or not (
                    -90.0 <= lat <= 90.0 and -180.0 <= lon <= 180.0):
                lat, lon = position(lat, lon)
            if type(dt) not in (int, float):
                dt = num(dt, "time offset")
                if dt is None:
                    raise ValueError("time offset is empty")
            if alt == "ground":
                alt, ground = None, True
            elif alt is None:
                ground = None
            else:
                if type(alt) not in (int, float):
                    alt = num(alt, "altitude")
                ground = False
            odd = [v for v in (gs, track, vr, geo) if v is not None and type(v) not in (int, float)]
            if odd:
                raise ValueError(f"{odd[0]!r} is not a number (ground speed, track, vertical rate "
                                 "and geometric altitude must be numbers)")
            if det and type(det) is dict and det.get("flight"):
                callsign = str(det["flight"]).strip() or callsign
            out.tracks[0].rows.append((base + dt, lat, lon, alt, geo, ground, gs, track, vr,
                                       callsign, src, 1 if type(f) is int and f & 2 else 0))
        except ValueError as exc:
            out.warn(path, f"trace[{k}]", f"skipped: {exc}")
    return finish(path, out)


def _summary(out: ParsedFlights) -> tuple:
    return ([repr(t.point_rows()) for t in out.tracks],           # repr: 55 and 55.0 differ
            [t.quality for t in out.tracks], out.warnings, out.skipped,
            [t.callsigns() for t in out.tracks])


def _both(tmp: Path, points: list, monkeypatch) -> tuple:
    path = tmp / "trace_full_4d2271.json"
    path.write_text(json.dumps({"icao": "4d2271", "timestamp": 1553212800.5, "trace": points}))
    trace = json.loads(path.read_text())["trace"]
    got: list = []
    for read in (lambda: reference(path, 1553212800.5, trace),
                 lambda: readsb.ReadsbTrace().parse(path, None)):
        with monkeypatch.context() as m:
            m.setattr(readsb, "CHUNK", 7)                 # several chunks, clean and not
            try:
                got.append(_summary(read()))
            except Exception as exc:                      # noqa: BLE001 - compared below
                got.append(repr(exc))
    return tuple(got)


@settings(max_examples=200, deadline=None)
@given(st.lists(good, max_size=40), st.lists(st.tuples(st.integers(0, 40), bad), max_size=3),
       st.integers(8, 11))
def test_column_conversion_reads_every_point_as_the_format_says(tmp_path_factory, points,
                                                                 inserts, width):
    points = [p[:width] for p in points]
    for at, p in inserts:
        points.insert(min(at, len(points)), p)
    tmp = tmp_path_factory.mktemp("r")
    with pytest.MonkeyPatch.context() as mp:
        expected, got = _both(tmp, points, mp)
        assert got == expected


def test_a_clean_chunk_converts_in_one_go():
    pts = [[float(i), 55.0, 38.0 + i / 1000, "ground" if i < 3 else 1000 * i, 200.0, 90.0,
            2 if i == 5 else 0, None, {"flight": "RFF7075 "} if i == 4 else None, "adsb_icao"]
           for i in range(10)]
    rows, bad, cs, _clean = readsb.convert_chunk(pts, 100.0, None)
    assert bad == [] and cs == "RFF7075"
    assert rows[0] == (100.0, 55.0, 38.0, None, None, True, 200.0, 90.0, None, None, "adsb_icao", 0)
    assert rows[5] == (105.0, 55.0, 38.005, 5000, None, False, 200.0, 90.0, None, "RFF7075",
                       "adsb_icao", 1)
    assert [r[9] for r in rows] == [None] * 4 + ["RFF7075"] * 6


def test_malformed_points_are_skipped_and_named_the_rest_kept():
    pts = [[0.0, 55.0, 38.0, 1000, None, None, 0, None],
           [1.0, 55.0, 38.0],                                  # too short
           [2.0, 95.0, 38.0, 1000, None, None, 0, None],       # latitude out of range
           [3.0, "55.5", 38.0, "ground", None, None, 0, None],  # text position: converted
           [4.0, 55.0, 38.0, 1000, "fast", None, 0, None]]     # ground speed not a number
    rows, bad, _, _clean = readsb.convert_chunk(pts, 100.0, None)
    assert [r[0] for r in rows] == [100.0, 103.0]
    assert rows[1][1:6] == (55.5, 38.0, None, None, True)
    assert bad == [(1, "a trace point needs at least 8 fields"),
                   (2, "latitude 95.0 is outside -90..90"),
                   (4, "'fast' is not a number (ground speed, track, vertical rate and geometric "
                       "altitude must be numbers)")]


def test_a_clean_trace_is_handed_over_as_columns_only(corpora, fresh_case):
    """No row tuple per point (issue 28): the reader gives the columns; the track stored from them
    is the one the rows would give, point for point."""
    from casefile.flights import points as P
    from casefile.flights.store import _point_columns
    from tests.flights.helpers import import_one

    path = corpora / "flights" / "readsb" / "trace_full_ac134a.json"
    parsed = readsb.ReadsbTrace().parse(path, None)
    [trk] = parsed.tracks
    assert trk.rows == [] and trk.columns_only() and trk.size() > 700
    assert trk.callsigns() == [cs for cs in dict.fromkeys(r[9] for r in trk.point_rows()) if cs]
    assert _point_columns(trk.rows, trk.quality, trk.columns) == \
        _point_columns(trk.point_rows(), trk.quality)
    assert import_one(fresh_case, path).status == "imported"
    [tp] = P.load_many(fresh_case)
    assert len(tp) == trk.size()
    assert tp.cols.column("t") == trk.columns["t"] and tp.cols.column("lat") == trk.columns["lat"]
