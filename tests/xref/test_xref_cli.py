"""The xref and timeline commands: human output, errors, and an empty case."""

from __future__ import annotations

import json

from casefile.cli import main


def test_empty_case_has_no_findings_and_logs_the_run(tmp_path, capsys):
    assert main(["new", str(tmp_path / "c"), "--title", "empty"]) == 0
    case = str(tmp_path / "c.casefile")
    capsys.readouterr()
    assert main(["xref", case, "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["findings"] == [] and len(out["digest"]) == 64
    assert main(["xref", case]) == 0
    text = capsys.readouterr().out
    assert "0 findings; digest" in text
    assert main(["timeline", case, "--json", "--tz", "America/Caracas"]) == 0
    assert json.loads(capsys.readouterr().out) == {"tz": "America/Caracas", "events": []}


def test_bad_zone_is_a_one_line_error(tmp_path, capsys):
    assert main(["new", str(tmp_path / "c"), "--title", "t"]) == 0
    capsys.readouterr()
    assert main(["timeline", str(tmp_path / "c.casefile"), "--tz", "Mars/Olympus"]) == 2
    err = capsys.readouterr().err.strip()
    assert err.count("\n") == 0 and "Mars/Olympus" in err


def test_not_a_case_is_a_clear_error(tmp_path, capsys):
    assert main(["xref", str(tmp_path / "nothing")]) == 1
    assert "not a Casefile case" in capsys.readouterr().err


def test_reported_flight_supports_a_claim_only_weakly_and_shows_once(tmp_path, capsys):
    assert main(["new", str(tmp_path / "c"), "--title", "reported"]) == 0
    case = str(tmp_path / "c.casefile")
    assert main(["flight", "add", case, "--aircraft", "RA-86496", "--from", "OSLK", "--to", "SVMI",
                 "--arrived", "2019-03-23T16:00", "--arrived-window", "2", "--tz", "America/Caracas",
                 "--note", "local journalists"]) == 0
    capsys.readouterr()
    assert main(["source", "add", case, "--title", "local journalists", "--json"]) == 0
    source = json.loads(capsys.readouterr().out)["id"]
    assert main(["claim", "add", case, "Il-62 landed at Maiquetía on 23 March", "--kind", "arrival",
                 "--source", source,
                 "--when", "2019-03-23", "--tz", "America/Caracas", "--place", "SVMI"]) == 0
    capsys.readouterr()
    assert main(["xref", case, "--json"]) == 0
    found = [f for f in json.loads(capsys.readouterr().out)["findings"] if f["kind"] == "claim-flights"]
    assert len(found) == 1
    f = found[0]
    # typed in with no source recorded: it shows the arrival but cannot vouch for it
    assert f["verdict"] == "undetermined" and f["confidence"] <= 0.3
    assert "Not independently checked" in f["explanation"]
    assert f["inputs"]["reported_matches"][0]["time_utc"] == "2019-03-23T20:00:00.000Z"
    assert main(["timeline", case, "--json"]) == 0
    events = json.loads(capsys.readouterr().out)["events"]
    reported = [e for e in events if "reported" in e["kind"]]
    assert [e["kind"] for e in reported] == ["reported-landing"]
    assert "reported, not tracked" in reported[0]["label"]
