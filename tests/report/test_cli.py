"""The report, export, bundle, unbundle and verify-a-bundle commands end to end."""

from __future__ import annotations

import json
from pathlib import Path

from casefile.cli import main


def test_cli_round_trip(real_case, tmp_path: Path, capsys) -> None:
    path = str(real_case.path)
    real_case.close()   # the commands open the case themselves
    pdf = tmp_path / "r.pdf"
    assert main(["report", path, "-o", str(pdf), "--sections", "custody,methods",
                 "--marking", "TLP:AMBER", "--redact", "collector", "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["sections"] == ["custody", "methods"] and pdf.is_file()
    # a writable case records what was written: no "not recorded" line in the human output
    assert main(["report", path, "-o", str(tmp_path / "r2.pdf"), "--sections", "methods"]) == 0
    said = capsys.readouterr().out
    assert "fingerprint" in said and "not recorded" not in said, said
    assert main(["export", path, "--format", "kml", "-o", str(tmp_path / "c.kml")]) == 0
    said = capsys.readouterr().out
    assert "records" in said and "not recorded" not in said, said
    zpath = tmp_path / "case.zip"
    assert main(["bundle", path, "-o", str(zpath)]) == 0
    assert "not recorded" not in capsys.readouterr().out
    assert main(["verify", str(zpath), "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["ok"] and report["counts"]["members"] > 1
    assert main(["unbundle", str(zpath), str(tmp_path / "restored")]) == 0
    capsys.readouterr()
    assert main(["verify", str(tmp_path / "restored")]) == 0
    assert "OK" in capsys.readouterr().out


def test_cli_errors_are_one_line(real_case, tmp_path: Path, capsys) -> None:
    path = str(real_case.path)
    real_case.close()
    assert main(["report", path, "-o", str(tmp_path / "r.pdf"), "--sections", "nope"]) == 2
    err = capsys.readouterr().err.strip()
    assert err.startswith("casefile: error:") and "nope" in err and "\n" not in err
    junk = tmp_path / "junk.zip"
    junk.write_bytes(b"PK\x03\x04 broken")
    assert main(["unbundle", str(junk), str(tmp_path / "o")]) == 1
    err = capsys.readouterr().err.strip()
    assert "junk.zip" in err and "\n" not in err
