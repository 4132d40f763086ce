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
