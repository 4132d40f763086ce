"""Legs worked out in the import workers (flights.store.prepare_track) are the legs of the stored
points, and a case that already knows the aircraft as another type derives them for that type."""

from __future__ import annotations

import json
from pathlib import Path

from casefile.flights.store import derive
from casefile.importers.pipeline import import_paths

_SEGMENT = "kind, start_t, end_t, points, airport_icao, takeoff, landing, params, events"
_GAP = "before_seq, after_seq, start_t, end_t, note"


def _derived(case, track_id: str) -> tuple[list[dict], list[dict]]:  # noqa: ANN001
    """A track's segments (their JSON columns read: a value the file gave as 36000 is 36000.0 when
    read back from the points file) and gaps."""
    segs = case.rows(f"SELECT {_SEGMENT} FROM flight_segments WHERE track_id = ? ORDER BY start_t, "
                     "kind", [track_id])
    for s in segs:
        for k in ("takeoff", "landing", "params", "events"):
            s[k] = json.loads(s[k]) if s[k] else s[k]
    gaps = case.rows(f"SELECT {_GAP} FROM flight_gaps WHERE track_id = ? ORDER BY before_seq",
                     [track_id])
    return segs, gaps


def test_legs_prepared_in_workers_are_the_stored_points_legs(fresh_case, corpora: Path) -> None:
    flights = corpora / "flights"
    files = [flights / "readsb" / "trace_full_ac134a.json",
             flights / "traffic" / "noisy-noisy_landing.json.gz",
             flights / "traffic" / "calibration-kiruna.json.gz",
             flights / "flightaware" / "FlightAware_DLH1534_LSZH_EDDF_20210817.kml"]
    rep = import_paths(fresh_case, files, workers=2)   # several files: a pool of worker processes
    assert rep.count("imported") == len(files), [o.message for o in rep.errors]
    tracks = fresh_case.rows("SELECT id FROM tracks ORDER BY id")
    assert len(tracks) >= len(files)
    legs = 0
    for t in tracks:
        stored = _derived(fresh_case, t["id"])
        with fresh_case.transaction():
            derive(fresh_case, t["id"])   # again, from the points file the case keeps
        assert _derived(fresh_case, t["id"]) == stored
        legs += sum(1 for s in stored[0] if s["kind"] == "leg")
    assert legs >= len(files)


def test_a_known_aircraft_type_decides_its_legs(fresh_case, corpora: Path, tmp_path: Path) -> None:
    doc = json.loads((corpora / "flights" / "readsb" / "trace_full_ac134a.json").read_text())
    first, second = dict(doc, t="C172"), dict(doc, t="B38M", timestamp=doc["timestamp"] + 1)
    paths = [tmp_path / "first.json", tmp_path / "second.json"]
    for path, d in zip(paths, (first, second), strict=True):
        path.write_text(json.dumps(d))
    for path in paths:   # one after the other: the case knows the aircraft as a C172 first
        assert import_paths(fresh_case, [path, tmp_path / "absent.json"], workers=2).count("imported") == 1
    (type_code,) = [r["type_code"] for r in fresh_case.rows("SELECT type_code FROM aircraft")]
    assert type_code == "C172"
    params = {json.loads(r["params"])["aircraft_type"]
              for r in fresh_case.rows("SELECT params FROM flight_segments")}
    assert params == {"C172"}   # the second file's B38M legs were worked out again for the C172
