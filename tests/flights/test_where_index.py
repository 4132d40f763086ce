"""The where index (issue 28): `where` at one instant from the index (two points read, the state
model's calls as stored) says exactly what the state model run over every point says, on real
tracks: ground runs, noisy take-offs and landings, several aircraft in one file, a spoofed stretch,
an aircraft with two tracks (merged at the end of the import batch). A stale or missing index is
never used."""

from __future__ import annotations

import random

import pytest

from casefile.errors import CasefileError
from casefile.flights import query as Q
from casefile.flights import where as full
from casefile.flights import wherefast
from casefile.importers.pipeline import import_paths
from casefile.timeutil import epoch, from_epoch
from tests.flights.helpers import import_one
from tests.flights.test_spoof import _spliced

FILES = ("flights/traffic/noisy-noisy_landing.json.gz", "flights/traffic/noisy-noisy_ground.json.gz",
         "flights/traffic/ambulances-rega_zh.json.gz", "flights/traffic/calibration-kiruna.json.gz",
         "flights/traffic/ambulances-samu31.json.gz")


def _instants(case, aircraft_id: str, n: int, seed: int) -> list[str]:
    """Random instants over the aircraft's span (and beyond it), every observed point's own time
    among some, and instants a few ms off points."""
    first, last = (epoch(x) or 0.0 for x in case.db.execute(
        "SELECT min(first_utc), max(last_utc) FROM tracks WHERE aircraft_id = ?",
        [aircraft_id]).fetchone())
    rnd = random.Random(seed)
    ts = [rnd.uniform(first - 900, last + 900) for _ in range(n)]
    m = full.points.aircraft_points(case, aircraft_id)
    pts = m.t.tolist()
    for k in rnd.sample(range(len(pts)), min(n, len(pts))):
        ts += [pts[k], pts[k] + 0.0004, pts[k] - 0.003]
    return [from_epoch(t) for t in ts]


def _same_answers(case, instants_each: int = 150) -> int:
    compared = 0
    for ac in Q.list_aircraft(case):
        for k, at in enumerate(_instants(case, ac.id, instants_each, seed=len(ac.id))):
            fast = wherefast.where_indexed(case.db, case.path, ac.id, at)
            assert fast is not None, f"no where index for {ac.id}"
            assert fast.to_dict() == full.where_at(case, ac.id, at).to_dict(), (ac.id, at, k)
            compared += 1
    return compared


def test_index_answers_as_the_state_model_does_on_real_tracks(corpora, fresh_case):
    present = [corpora / f for f in FILES if (corpora / f).is_file()]
    if not present:
        pytest.skip("no traffic corpus files")
    rep = import_paths(fresh_case, present, workers=1)
    assert not rep.errors
    answers = _same_answers(fresh_case)
    assert answers > 1000
    statuses = {Q.where(fresh_case, ac.id, at).status for ac in Q.list_aircraft(fresh_case)
                for at in _instants(fresh_case, ac.id, 40, seed=1)}
    assert {"ground", "airborne", "unknown"} <= statuses


def test_index_inside_a_spoofed_stretch(corpora, fresh_case, tmp_path):
    import_one(fresh_case, _spliced(corpora, tmp_path))
    [ac] = Q.list_aircraft(fresh_case)
    w = wherefast.where_indexed(fresh_case.db, fresh_case.path, ac.id, "2022-02-02T15:55:00Z")
    assert w is not None and "spoofed" in w.reason and w.lat is None
    assert _same_answers(fresh_case, 60) > 100


def test_two_tracks_of_one_aircraft_are_merged_and_a_stale_index_is_not_used(scenario, tmp_path):
    from casefile.demo.builder import build_demo
    from casefile.store import Case

    build_demo(tmp_path / "demo")
    case = Case.open(next((tmp_path / "demo").glob("*.casefile")), write=True)
    try:
        two = [aid for aid, n in case.db.execute(
            "SELECT aircraft_id, count(*) FROM tracks GROUP BY aircraft_id") if n > 1]
        assert two, "the demo has an aircraft with two tracks"
        assert _same_answers(case, 100) > 300
        # made from other tracks than the aircraft has now: not used
        with case.transaction():
            case.db.execute("UPDATE where_index SET tracks = '[]' WHERE aircraft_id = ?", [two[0]])
        assert wherefast.where_indexed(case.db, case.path, two[0], "2019-03-23T14:05:00Z") is None
        assert Q.where(case, two[0], "2019-03-23T14:05:00Z").status == "airborne"
    finally:
        case.close()


def test_a_damaged_points_file_is_refused_not_read(corpora, fresh_case):
    import_one(fresh_case, corpora / FILES[0])
    [ac] = Q.list_aircraft(fresh_case)
    sha = fresh_case.db.execute("SELECT points_sha256 FROM tracks").fetchone()[0]
    wherefast._files.clear()
    path = fresh_case.path / "derived" / sha[:2] / sha
    data = bytearray(path.read_bytes())
    data[-1] ^= 1
    path.chmod(0o644)
    path.write_bytes(bytes(data))
    with pytest.raises(CasefileError, match="does not match the hash"):
        wherefast.where_indexed(fresh_case.db, fresh_case.path, ac.id, "2000-01-01T00:00:00Z")
