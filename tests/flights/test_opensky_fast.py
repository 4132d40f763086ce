"""OpenSky state-vector CSV: the column-wise conversion gives exactly the points, tracks, warnings
(with their line numbers) and skips of a plain row-by-row reading of the format (written out below),
for good and bad rows alike, however the file is cut into chunks."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from casefile.importers.flights import opensky_csv
from casefile.importers.flights.fields import (
    FPM_PER_MS,
    FT_PER_M,
    KT_PER_MS,
    num,
    num_scaled,
    position,
    require_columns,
)
from casefile.importers.flights.opensky_csv import Cols, convert_chunk
from casefile.importers.flights.parsed import ParsedFlights, finish
from casefile.model.flights import ParsedTrack
from casefile.reference.icao24 import normalise_hex

HEADER = ("time,icao24,lat,lon,velocity,heading,vertrate,callsign,onground,alert,spi,squawk,"
          "baroaltitude,geoaltitude,lastposupdate,lastcontact").split(",")

number = st.floats(-1e4, 1e4, allow_nan=False).map(lambda x: f"{x:.3f}")
good = st.fixed_dictionaries({
    "time": st.integers(1_550_000_000, 1_560_000_000).map(str),
    "icao24": st.sampled_from(["4ca7b5", "4CA7B5 ", "3c6444"]),
    "lat": st.floats(-90, 90, allow_nan=False).map(repr), "lon": st.floats(-180, 180).map(repr),
    "velocity": st.just("") | number, "heading": st.just("") | number, "vertrate": st.just("") | number,
    "callsign": st.sampled_from(["RYR2RG  ", "", "  "]),
    "onground": st.sampled_from(["True", "False", "true", "0", ""]),
    "baroaltitude": st.just("") | number, "geoaltitude": st.just("") | number,
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


_BOOL = {"true": True, "false": False, "1": True, "0": False, "": None}


def reference(path: Path) -> ParsedFlights:
    """The format read one row at a time, skipping (and naming) each malformed row."""
    with open(path, newline="") as f:
        reader = csv.reader(f)
        header = next(reader)
        col = require_columns(path, header, ("time", "icao24", "lat", "lon"), "OpenSky")
        g = col.get
        out = ParsedFlights("opensky-states-csv")
        tracks: dict[str, ParsedTrack] = {}
        no_position = 0
        for row in reader:
            if not row:
                continue
            try:
                if len(row) != len(header):
                    raise ValueError(f"{len(row)} fields, the header has {len(header)}")
                if not row[col["lat"]].strip() and not row[col["lon"]].strip():
                    no_position += 1
                    continue
                hexa = normalise_hex(row[col["icao24"]])
                if hexa is None:
                    raise ValueError(f"icao24 {row[col['icao24']]!r} is not a 24-bit hex address")
                t = num(row[g("lastposupdate")], "lastposupdate")
                if t is None:
                    t = num(row[col["time"]], "time")
                if t is None:
                    raise ValueError("time is empty")
                lat, lon = position(row[col["lat"]], row[col["lon"]])
                key = row[g("onground")].strip().lower()
                if key not in _BOOL:
                    raise ValueError(f"onground {row[g('onground')]!r} is not true/false")
                point = (t, lat, lon, num_scaled(row[g("baroaltitude")], "baroaltitude", FT_PER_M),
                         num_scaled(row[g("geoaltitude")], "geoaltitude", FT_PER_M), _BOOL[key],
                         num_scaled(row[g("velocity")], "velocity", KT_PER_MS),
                         num(row[g("heading")], "heading"),
                         num_scaled(row[g("vertrate")], "vertrate", FPM_PER_MS),
                         row[g("callsign")].strip() or None, "opensky", 0)
            except ValueError as exc:
                out.warn(path, f"line {reader.line_num}", f"skipped: {exc}")
                continue
            tracks.setdefault(hexa, ParsedTrack("opensky-states-csv", icao24=hexa)).rows.append(point)
    if no_position:
        out.notes.append(f"{no_position} state vector(s) without a position (not positions, "
                         "not errors) were left out")
    out.tracks = list(tracks.values())
    return finish(path, out)


def _both(path: Path, mp: pytest.MonkeyPatch) -> tuple:
    got: list = []
    for read in (lambda: reference(path), lambda: opensky_csv.OpenSkyStatesCsv().parse(path, None)):
        with mp.context() as m:
            m.setattr(opensky_csv, "CHUNK", 5)
            try:
                out = read()
                got.append(([(t.icao24, repr(t.rows), t.quality) for t in out.tracks],
                            out.warnings, out.skipped, out.notes))
            except Exception as exc:   # noqa: BLE001 - compared below
                got.append(repr(exc))
    return tuple(got)


@settings(max_examples=150, deadline=None)
@given(st.lists(good, max_size=30), st.lists(st.tuples(st.integers(0, 30), bad | st.none()),
                                             max_size=3))
def test_column_conversion_reads_every_row_as_the_format_says(tmp_path_factory, rows, inserts):
    rows = list(rows)
    for at, change in inserts:
        base = rows[min(at, len(rows) - 1)] if rows else None
        bad_row = None if change is None or base is None else {**base, **change}
        rows.insert(min(at, len(rows)), bad_row)
    path = tmp_path_factory.mktemp("o") / "states.csv"
    _write(path, rows)
    with pytest.MonkeyPatch.context() as mp:
        expected, got = _both(path, mp)
        assert got == expected


def test_a_chunk_converts_units_and_groups_by_aircraft():
    cols = Cols(0, 1, 2, 3, 14, 4, 5, 6, 7, 8, 12, 13)
    row = ["1550000000", "4CA7B5", "53.4", "-6.2", "100", "90.5", "", "RYR2RG ", "False", "False",
           "False", "1000", "1000", "", "1550000000.5", "1550000001"]
    other = [*row[:1], "3c6444", *row[2:]]
    got, bad, unplaced = convert_chunk([row, other, row], len(HEADER), cols)
    assert bad == [] and unplaced == 0
    assert [h for h, _ in got] == ["4ca7b5", "3c6444"]
    p = got[0][1][0]
    assert p[:3] == (1550000000.5, 53.4, -6.2) and p[3] == pytest.approx(3280.84, abs=0.01)
    assert p[4:] == (None, False, pytest.approx(194.38, abs=0.01), 90.5, None, "RYR2RG", "opensky", 0)
    assert len(got[0][1]) == 2


def test_bad_rows_are_skipped_and_named_the_rest_of_the_chunk_kept():
    cols = Cols(0, 1, 2, 3, 14, 4, 5, 6, 7, 8, 12, 13)
    row = ["1550000000", "4CA7B5", "53.4", "-6.2", "100", "90.5", "", "RYR2RG ", "False", "False",
           "False", "1000", "1000", "", "1550000000.5", "1550000001"]
    unplaced = [*row[:2], "", " ", *row[4:]]
    far = [*row[:2], "95.0", *row[3:]]
    odd = [*row[:8], "maybe", *row[9:]]
    got, bad, n_unplaced = convert_chunk([row, ["too", "short"], unplaced, far, [], odd, row],
                                         len(HEADER), cols)
    assert n_unplaced == 1 and len(got) == 1 and len(got[0][1]) == 2
    assert bad == [(1, "2 fields, the header has 16"), (3, "latitude 95.0 is outside -90..90"),
                   (5, "onground 'maybe' is not true/false")]
