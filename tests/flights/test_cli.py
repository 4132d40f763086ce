"""The flights CLI: flights, where, flight add (JSON shapes and exit codes)."""

from __future__ import annotations

import json

from casefile.cli import main


def _run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_flights_where_and_flight_add(tmp_path, corpora, capsys):
    case = str(tmp_path / "c.casefile")
    assert _run(capsys, "new", case, "--title", "T")[0] == 0
    code, _, _ = _run(capsys, "add", case, str(corpora / "flights/readsb/trace_full_ac134a.json"),
                      "--workers", "1")
    assert code == 0
    code, out, _ = _run(capsys, "flights", case, "--json")
    data = json.loads(out)
    assert code == 0 and data["aircraft"][0]["registration"] == "N8774Q"
    assert data["legs"][0]["landing"]["airport_icao"] == "KDJT"
    assert data["gaps"][0]["note"] == "no position for 7 h 56 min"
    code, out, _ = _run(capsys, "where", case, "--aircraft", "N8774Q", "--at",
                        "2024-08-11T22:50:00-04:00", "--json")   # = 02:50Z, taxiing after landing
    w = json.loads(out)
    assert code == 0 and w["status"] == "ground" and w["airport_icao"] == "KDJT"
    assert w["time"]["utc"] == "2024-08-12T02:50:00.000Z"
    code, out, _ = _run(capsys, "where", case, "--aircraft", "ac134a", "--at", "2024-08-12T05:00Z")
    assert code == 0 and "UNKNOWN" in out and "coverage gap" in out
    code, _, err = _run(capsys, "where", case, "--aircraft", "N8774Q", "--at", "2024-08-12 05:00")
    assert code == 2 and "has no time zone" in err
    code, out, _ = _run(capsys, "flight", "add", case, "--aircraft", "An-124", "--from", "UUMU",
                        "--to", "SVMI", "--departed", "2019-03-22T10:00+03:00", "--arrived",
                        "2019-03-23", "--tz", "America/Caracas", "--json")
    rf = json.loads(out)
    assert code == 0 and rf["arrived"]["utc"] == "2019-03-23T16:00:00.000Z"
    code, out, _ = _run(capsys, "flights", case)
    assert code == 0 and "reported" in out and "UUMU" in out and "KDJT" in out
    code, _, err = _run(capsys, "where", case, "--aircraft", "NOPE", "--at", "2024-08-12T05:00Z")
    assert code == 1 and "no aircraft 'NOPE'" in err
