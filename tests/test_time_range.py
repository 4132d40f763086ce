"""Times in years 0001 and 9999 never break a listing, the timeline, the cross-reference or the
report (through the CLI), and the time rules hold at the calendar's edges."""

from __future__ import annotations

import io
import json
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import pytest
from PIL import Image

from casefile.cli import main
from casefile.timeutil import (
    MAX_MS,
    MIN_MS,
    TimeOutOfRange,
    TimeValue,
    from_epoch,
    iso_z,
    iso_z_or_none,
    parse_z,
    wall_text,
)

KML = """<?xml version="1.0"?><kml xmlns="http://www.opengis.net/kml/2.2"
 xmlns:gx="http://www.google.com/kml/ext/2.2"><Document><Placemark><name>N8774Q</name><gx:Track>
<when>{a}</when><gx:coord>-80.1 26.6 100</gx:coord>
<when>{b}</when><gx:coord>-80.2 26.7 200</gx:coord>
</gx:Track></Placemark></Document></kml>"""


def _photo(path: Path, taken: str, offset: str | None) -> Path:
    exif = Image.Exif()
    exif[0x010F] = "TestMake"
    ifd = exif.get_ifd(0x8769)
    ifd[0x9003] = taken
    if offset:
        ifd[0x9011] = offset
    buf = io.BytesIO()
    Image.new("RGB", (64, 48), (120, 30, 30)).save(buf, "JPEG", exif=exif)
    path.write_bytes(buf.getvalue())
    return path


def test_years_0001_and_9999_through_the_cli(tmp_path: Path, capsys) -> None:
    files = [_photo(tmp_path / "y1.jpg", "0001:01:01 00:00:00", "+02:00"),
             _photo(tmp_path / "y1_nozone.jpg", "0001:01:01 00:00:00", None),
             _photo(tmp_path / "y9999.jpg", "9999:12:31 23:59:59", "-05:00"),
             _photo(tmp_path / "y9999_nozone.jpg", "9999:12:31 23:59:59", None)]
    for name, a, b in (("y1.kml", "0001-01-01T00:00:00Z", "0001-01-01T00:01:00Z"),
                       ("y9999.kml", "9999-12-31T23:50:00Z", "9999-12-31T23:51:00Z")):
        (tmp_path / name).write_text(KML.format(a=a, b=b))
        files.append(tmp_path / name)
    assert main(["new", str(tmp_path / "c"), "--title", "edges"]) == 0
    case = str(tmp_path / "c.casefile")
    assert main(["add", case, *map(str, files)]) == 0
    for cmd in (["photos"], ["timeline"], ["xref"], ["flights"], ["timeline", "--tz",
                                                                  "America/New_York"]):
        capsys.readouterr()
        assert main([cmd[0], case, *cmd[1:]]) == 0, cmd
        out = capsys.readouterr().out
        assert "1-01-01 " not in out.replace("0001-01-01", ""), out   # years are zero-padded
    capsys.readouterr()
    assert main(["photos", case, "--json"]) == 0
    assert json.dumps(json.loads(capsys.readouterr().out)).count("capture-before-photography") >= 2
    assert main(["timeline", case, "--json"]) == 0
    events = json.loads(capsys.readouterr().out)["events"]
    assert sum("y1" in json.dumps(e) for e in events) >= 2
    assert main(["report", case, "-o", str(tmp_path / "r.pdf")]) == 0
    assert main(["verify", case]) == 0


def test_formatting_at_the_edges() -> None:
    assert iso_z(datetime(1, 1, 1, tzinfo=UTC)) == "0001-01-01T00:00:00.000Z"
    assert from_epoch(MAX_MS / 1000) == "9999-12-31T23:59:59.999Z"
    with pytest.raises(TimeOutOfRange):
        iso_z(datetime(1, 1, 1, tzinfo=timezone(timedelta(hours=2))))   # UTC would be year 0
    assert iso_z_or_none(datetime(9999, 12, 31, 23, tzinfo=timezone(timedelta(hours=-5)))) is None
    assert from_epoch(1e300) == "9999-12-31T23:59:59.999Z"    # a computed edge, not a crash
    assert from_epoch(-1e300) == from_epoch(MIN_MS / 1000) == "0001-01-01T00:00:00.000Z"
    with pytest.raises(TimeOutOfRange):
        from_epoch(float("nan"))
    assert parse_z("0000-12-31T22:00:00.000Z") == datetime(1, 1, 1, tzinfo=UTC)
    assert parse_z("10000-01-01T04:59:00.000Z").year == 9999
    assert wall_text(datetime(1, 2, 3, 4, 5, 6)) == "0001-02-03 04:05:06"


def test_windows_widen_to_the_calendar_edge() -> None:
    top = TimeValue(raw="x", utc="9999-12-31T23:00:00.000Z", basis="gps-utc", uncertainty_s=7200)
    lo, hi = top.window()
    assert hi == datetime.max.replace(tzinfo=UTC) and lo.hour == 21
    bottom = TimeValue(raw="x", utc=None, basis="unknown", local="0001-01-01T00:00:00")
    lo, hi = bottom.window()
    assert lo == datetime.min.replace(tzinfo=UTC) and hi.hour == 12


def test_absurd_values_and_nan_are_flagged_points_not_a_lost_file(corpora: Path, tmp_path: Path,
                                                                 capsys) -> None:
    doc = json.loads((corpora / "flights/readsb/trace_full_ac134a.json").read_text())
    trace = doc["trace"]
    trace[199][3] = 1e308            # altitude, ft
    trace[299][4] = 1e300            # ground speed, kt
    trace[399][0] = float("nan")     # time (seconds after the file's timestamp)
    trace[499][0] = -9_900_000_000 - doc["timestamp"]   # the year 1656
    path = tmp_path / "hostile_trace.json"
    path.write_text(json.dumps(doc))
    assert main(["new", str(tmp_path / "c"), "--title", "values"]) == 0
    case = str(tmp_path / "c.casefile")
    capsys.readouterr()
    assert main(["add", case, str(path)]) == 0
    capsys.readouterr()
    assert main(["flights", case]) == 0      # the import's notes are listed with the flights
    said = capsys.readouterr()
    notes = [line for line in (said.out + said.err).splitlines()
             if line.startswith("note: hostile_trace.json: point")]
    assert any("point 200 (" in n and "alt_ft = 1e+308" in n and "implausible-value" in n
               for n in notes), notes
    assert any("point 300 (" in n and "gs_kt = 1e+300" in n for n in notes), notes
    assert any("point 400: t = nan" in n and "bad-value" in n for n in notes), notes
    assert any("point 500: t = " in n and "implausible-time" in n for n in notes), notes
    for cmd in ("flights", "timeline", "xref", "verify"):
        assert main([cmd, case]) == 0, cmd
    capsys.readouterr()
    assert main(["flights", case, "--json"]) == 0
    assert "implausible-value" in capsys.readouterr().out
