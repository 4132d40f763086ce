"""`casefile photos` and `casefile photo` on a small case."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from casefile.cli import main

from ._make import make_jpeg


@pytest.fixture
def case_dir(tmp_path: Path, capsys: pytest.CaptureFixture) -> Path:
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.jpg").write_bytes(make_jpeg(gps=(10.48, -66.9), software="GIMP 2.10"))
    (tmp_path / "in" / "b.jpg").write_bytes(make_jpeg(gps=(0.0, 0.0), original="2019:03:24 09:00:00"))
    assert main(["new", str(tmp_path / "c"), "--title", "cli", "--tz", "UTC"]) == 0
    assert main(["add", str(tmp_path / "c.casefile"), str(tmp_path / "in"), "-r", "--json",
                 "--workers", "1"]) == 0
    capsys.readouterr()
    return tmp_path / "c.casefile"


def test_photos_json_shape(case_dir: Path, capsys: pytest.CaptureFixture) -> None:
    assert main(["photos", str(case_dir), "--json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    by_name = {r["original_name"]: r for r in rows}
    a, b = by_name["a.jpg"], by_name["b.jpg"]
    assert a["capture"]["basis"] == "location-tz" and a["capture"]["zone"] == "America/Caracas"
    assert a["gps"]["source"] == "exif" and "editing-software" in {c["check_id"] for c in a["checks"]}
    assert b["gps"] is None and "0°, 0°" in b["gps_problem"]
    assert b["capture"]["basis"] == "case-default"
    for c in a["checks"] + b["checks"]:
        assert set(c) >= {"check_id", "severity", "title", "explanation", "innocent_cause", "fields"}


def test_photos_human_listing(case_dir: Path, capsys: pytest.CaptureFixture) -> None:
    assert main(["photos", str(case_dir)]) == 0
    out = capsys.readouterr().out
    assert "a.jpg" in out and "zone from the position" in out and "rejected" in out and "2 photo(s)" in out


def test_photo_raw_and_ela(case_dir: Path, capsys: pytest.CaptureFixture) -> None:
    main(["photos", str(case_dir), "--json"])
    item = next(r["item_id"] for r in json.loads(capsys.readouterr().out) if r["original_name"] == "a.jpg")
    assert main(["photo", str(case_dir), item[-8:], "--json", "--raw", "--ela"]) == 0
    d = json.loads(capsys.readouterr().out)
    assert d["raw_tags"]["Image Software"] == "GIMP 2.10"
    assert Path(d["ela"]["path"]).is_file()
    assert {x["kind"] for x in d["derived"]} >= {"thumbnail", "preview"}
    assert main(["photo", str(case_dir), item, "--raw"]) == 0
    out = capsys.readouterr().out
    assert "Image Software = GIMP 2.10" in out and "could also be:" in out


def test_photo_unknown_id_is_an_error(case_dir: Path, capsys: pytest.CaptureFixture) -> None:
    assert main(["photo", str(case_dir), "ZZZZZZZZ"]) == 1
    assert "no item" in capsys.readouterr().err


def test_place_and_tag_commands(case_dir: Path, capsys: pytest.CaptureFixture) -> None:
    main(["photos", str(case_dir), "--json"])
    item = next(r["item_id"] for r in json.loads(capsys.readouterr().out) if r["original_name"] == "b.jpg")
    assert main(["photo-place", str(case_dir), item, "40.4168", "-3.7038", "--note", "skyline",
                 "--json"]) == 0
    d = json.loads(capsys.readouterr().out)
    assert d["gps"]["source"] == "analyst" and d["capture"]["zone"] == "Europe/Madrid"
    assert main(["photo-tag", str(case_dir), item, "yv3016", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["aircraft_tags"] == ["YV3016"]
    assert main(["photo-tag", str(case_dir), item, "YV3016", "--remove", "wrong aircraft"]) == 0
    assert "aircraft none" in capsys.readouterr().out
    assert main(["photo-place", str(case_dir), item]) == 2     # LAT/LON missing
