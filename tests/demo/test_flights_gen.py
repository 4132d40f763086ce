"""The illustrative trace files: labelled, identity not invented, the reported route, importable."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

import airportsdata
import pytest

from casefile.demo import ILLUSTRATIVE
from casefile.demo.flights import distance_km, write_traces
from casefile.importers.pipeline import import_paths
from casefile.timeutil import iso_z, parse_z

AIRPORTS = airportsdata.load()


@pytest.fixture(scope="module")
def traces(tmp_path_factory: pytest.TempPathFactory) -> dict[str, dict]:
    folder = tmp_path_factory.mktemp("traces")
    return {p.name: json.loads(p.read_text()) for p in write_traces(folder)}


def _points(doc: dict) -> list[tuple[float, float, float, object]]:
    return [(doc["timestamp"] + p[0], p[1], p[2], p[3]) for p in doc["trace"]]


def _at(doc: dict, when: str) -> tuple[float, float, float, object] | None:
    t = parse_z(when).timestamp()
    return next((p for p in _points(doc) if abs(p[0] - t) <= 300), None)


def iso_z_from(t: float) -> str:
    return iso_z(datetime.fromtimestamp(t, UTC))


def _km_to(icao: str, lat: float, lon: float) -> float:
    ap = AIRPORTS[icao]
    return distance_km((ap["lat"], ap["lon"]), (lat, lon))


def test_files_are_labelled_and_identity_is_not_invented(traces: dict[str, dict]) -> None:
    assert len(traces) == 3
    assert {doc["t"] for doc in traces.values()} == {"IL62", "A124"}
    for name, doc in traces.items():
        assert ILLUSTRATIVE in doc["casefile_note"], name
        assert "r" not in doc, f"{name}: a registration was invented"
        assert 0x140000 <= int(doc["icao"], 16) <= 0x15FFFF, f"{name}: hex outside the Russian block"
        labelled = [p[8] for p in doc["trace"] if p[8]]
        assert labelled and all(d["casefile_note"] == ILLUSTRATIVE for d in labelled)


def test_points_are_in_order_with_realistic_speeds(traces: dict[str, dict]) -> None:
    for name, doc in traces.items():
        pts = _points(doc)
        for a, b in zip(pts, pts[1:], strict=False):
            assert b[0] > a[0], f"{name}: times out of order at {iso_z_from(a[0])}"
            kt = distance_km((a[1], a[2]), (b[1], b[2])) / ((b[0] - a[0]) / 3600) / 1.852
            limit = 60 if a[3] == "ground" and b[3] == "ground" else 520
            assert kt < limit, f"{name}: {kt:.0f} kt between {iso_z_from(a[0])} and {iso_z_from(b[0])}"


def test_route_follows_the_report(traces: dict[str, dict]) -> None:
    il62, an124 = traces["trace_full_15d3a1.json"], traces["trace_full_15d3b7.json"]
    leaving = traces["adsbx_trace_full_15d3b7_2019-03-24.json"]
    for doc in (il62, an124):
        first = _points(doc)[0]
        assert first[3] == "ground" and _km_to("UUMU", first[1], first[2]) < 3
        assert iso_z_from(first[0]).startswith("2019-03-22")
        last = _points(doc)[-1]
        assert last[3] == "ground" and _km_to("SVMI", last[1], last[2]) < 3
    # the stop in Syria: on the ground at Latakia/Hmeimim in the evening of the 22nd
    for doc in (il62, an124):
        p = _at(doc, "2019-03-22T20:00:00Z")
        assert p and p[3] == "ground" and _km_to("OSLK", p[1], p[2]) < 3
    # landed at Maiquetía on Saturday 23 March, Caracas time (UTC-4)
    p = _at(an124, "2019-03-23T19:20:00Z")
    assert p and p[3] == "ground" and _km_to("SVMI", p[1], p[2]) < 3
    p = _at(an124, "2019-03-23T13:30:00Z")
    assert p and p[3] != "ground" and _km_to("SVMI", p[1], p[2]) > 300
    # the ocean coverage gap: no position at all between 06:50 and 12:20 UTC
    t0, t1 = parse_z("2019-03-23T06:50:00Z").timestamp(), parse_z("2019-03-23T12:20:00Z").timestamp()
    assert [p for p in _points(an124) if t0 < p[0] < t1] == []
    # leaving Caracas on Sunday afternoon local time (19:25 UTC = 15:25 UTC-4), ends in the air
    pts = _points(leaving)
    takeoff = next(a for a, b in zip(pts, pts[1:], strict=False) if a[3] == "ground" and b[3] != "ground")
    assert iso_z_from(takeoff[0]) == "2019-03-24T19:25:00.000Z"
    assert pts[-1][3] != "ground"


def test_traces_import_with_the_expected_legs_and_gaps(fresh_case, tmp_path: Path) -> None:
    from casefile.flights import query as tq

    paths = write_traces(tmp_path / "in")
    rep = import_paths(fresh_case, paths, workers=1, note=ILLUSTRATIVE)
    assert [o.status for o in rep.outcomes] == ["imported"] * 3, [o.message for o in rep.outcomes]
    assert {o.importer for o in rep.outcomes} == {"readsb-trace"}
    an124 = tq.find_aircraft(fresh_case, "15d3b7")
    assert an124.registration is None and an124.type_code == "A124"
    legs = [lg for lg in tq.legs(fresh_case, an124.id) if not lg.reported]
    ends = [(lg.takeoff.airport_icao, lg.landing.airport_icao) for lg in legs]
    # UUMU -> OSLK; OSLK -> (gap) -> SVMI, split at the gap; SVMI -> (data ends in the air)
    assert ends == [("UUMU", "OSLK"), ("OSLK", None), (None, "SVMI"), ("SVMI", None)]
    # observed between the last airborne position (16:04:40, 725 ft, -1,472 fpm: about 490 ft above
    # the field, some 20 s from the runway) and the first flagged on the ground (16:05:00; its
    # speed is the approach speed the generator keeps, and the descent agrees with the flag)
    assert legs[2].landing.observed and legs[2].landing.window_utc == (
        "2019-03-23T16:04:40.000Z", "2019-03-23T16:05:00.000Z")
    gaps = tq.gaps(fresh_case, an124.id)
    assert any(g.start_utc <= "2019-03-23T07:00:00.000Z" and g.end_utc >= "2019-03-23T12:00:00.000Z"
               for g in gaps)
    assert tq.where(fresh_case, "15d3b7", "2019-03-23T19:20:00.000Z").status == "ground"
    assert tq.where(fresh_case, "15d3b7", "2019-03-23T13:30:00.000Z").status == "airborne"
    assert tq.where(fresh_case, "15d3b7", "2019-03-23T10:00:00.000Z").status == "unknown"
