"""OpenSky state-vector CSV: the column-wise fast path gives exactly the points, tracks, warnings
(with their line numbers) and skips of the row-by-row path, for good and bad rows alike."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from casefile.importers.flights import opensky_csv
from casefile.importers.flights.opensky_fast import Cols, fast_chunk

HEADER = ("time,icao24,lat,lon,velocity,heading,vertrate,callsign,onground,alert,spi,squawk,"
          "baroaltitude,geoaltitude,lastposupdate,lastcontact").split(",")

num = st.floats(-1e4, 1e4, allow_nan=False).map(lambda x: f"{x:.3f}")
good = st.fixed_dictionaries({
    "time": st.integers(1_550_000_000, 1_560_000_000).map(str),
    "icao24": st.sampled_from(["4ca7b5", "4CA7B5 ", "3c6444"]),
    "lat": st.floats(-90, 90, allow_nan=False).map(repr), "lon": st.floats(-180, 180).map(repr),
    "velocity": st.just("") | num, "heading": st.just("") | num, "vertrate": st.just("") | num,
    "callsign": st.sampled_from(["RYR2RG  ", "", "  "]),
    "onground": st.sampled_from(["True", "False", "true", "0", ""]),
    "baroaltitude": st.just("") | num, "geoaltitude": st.just("") | num,
    "lastposupdate": st.just("") | st.floats(1.55e9, 1.56e9).map(lambda x: f"{x:.3f}"),
})
bad = st.sampled_from([
    {"lat": "", "lon": ""},                  # no position: counted, not a warning
    {"lat": "95.0"}, {"lon": "abc"}, {"icao24": "xyz"}, {"onground": "maybe"},
    {"velocity": "nan"}, {"baroaltitude": "1e999"}, {"time": "", "lastposupdate": ""},
    {"heading": "inf"}, {"lat": ""},
])


def _write(path: Path, rows: list[dict]) -> None:
    with open(path, "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(HEADER)
        for r in rows:
            if r is None:
                f.write("\n")                 # a blank line
                continue
            w.writerow([r.get(h, "") for h in HEADER])


def _parse(path: Path, mp: pytest.MonkeyPatch, fast: bool):
    with mp.context() as m:
        m.setattr(opensky_csv, "CHUNK", 5)
        if not fast:
            m.setattr(opensky_csv, "fast_chunk", lambda chunk, width, cols: None)
        try:
            out = opensky_csv.OpenSkyStatesCsv().parse(path, None)
        except Exception as exc:   # noqa: BLE001 - compared below
            return repr(exc)
    return ([(t.icao24, t.rows, t.quality) for t in out.tracks], out.warnings, out.skipped,
            out.notes)


@settings(max_examples=150, deadline=None)
@given(st.lists(good, max_size=30), st.lists(st.tuples(st.integers(0, 30), bad | st.none()),
                                             max_size=3))
def test_fast_and_row_by_row_paths_agree(tmp_path_factory, rows, inserts):
    rows = list(rows)
    for at, change in inserts:
        base = rows[min(at, len(rows) - 1)] if rows else None
        bad_row = None if change is None or base is None else {**base, **change}
        rows.insert(min(at, len(rows)), bad_row)
    path = tmp_path_factory.mktemp("o") / "states.csv"
    _write(path, rows)
    with pytest.MonkeyPatch.context() as mp:
        assert _parse(path, mp, fast=True) == _parse(path, mp, fast=False)


def test_fast_chunk_converts_units_and_groups_by_aircraft():
    cols = Cols(0, 1, 2, 3, 14, 4, 5, 6, 7, 8, 12, 13)
    row = ["1550000000", "4CA7B5", "53.4", "-6.2", "100", "90.5", "", "RYR2RG ", "False", "False",
           "False", "1000", "1000", "", "1550000000.5", "1550000001"]
    other = [*row[:1], "3c6444", *row[2:]]
    got = fast_chunk([row, other, row], len(HEADER), cols)
    assert got is not None and [h for h, _ in got] == ["4ca7b5", "3c6444"]
    p = got[0][1][0]
    assert p[:3] == (1550000000.5, 53.4, -6.2) and p[3] == pytest.approx(3280.84, abs=0.01)
    assert p[4:] == (None, False, pytest.approx(194.38, abs=0.01), 90.5, None, "RYR2RG", "opensky", 0)
    assert len(got[0][1]) == 2
    assert fast_chunk([row, ["too", "short"]], len(HEADER), cols) is None
