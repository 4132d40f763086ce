"""KML, GeoJSON, CSV and JSON exports read back with standard parsers."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import defusedxml.ElementTree as DET

from casefile.report.exports import export

KML = "{http://www.opengis.net/kml/2.2}"
GX = "{http://www.google.com/kml/ext/2.2}"


def _all_points(case) -> list:
    from casefile.flights.query import list_aircraft, track_points

    return [p for a in list_aircraft(case) for p in track_points(case, aircraft_id=a.id,
                                                                  include_flagged=True)]


def test_kml_holds_every_track_point(demo_case, tmp_path: Path) -> None:
    out = tmp_path / "case.kml"
    res = export(demo_case, "kml", out)
    root = DET.parse(out).getroot()
    tracks = root.findall(f".//{GX}Track")
    points = _all_points(demo_case)
    assert len(points) > 1000
    coords = [c.text for t in tracks for c in t.findall(f"{GX}coord")]
    whens = [w.text for t in tracks for w in t.findall(f"{KML}when")]
    assert len(coords) == len(whens) == len(points) == res["track_points"]
    assert sorted(whens) == sorted(p.time_utc for p in points)
    got = sorted((round(float(c.split()[1]), 5), round(float(c.split()[0]), 5)) for c in coords)
    assert got == sorted((round(p.lat, 5), round(p.lon, 5)) for p in points)
    names = [pm.findtext(f"{KML}name") for pm in root.iter(f"{KML}Placemark")]
    assert any(n.startswith("SVMI") for n in names)   # airport where the legs end
    from casefile.photos.query import list_photos

    with_gps = [p for p in list_photos(demo_case) if p.gps is not None]
    assert sum(1 for n in names if n in {p.item_id for p in with_gps}) == len(with_gps) > 0
    assert any(e["action"] == "exported" and e["details"]["sha256"] == res["sha256"]
               for e in demo_case.events())


def test_geojson_tracks_and_places(demo_case, tmp_path: Path) -> None:
    out = tmp_path / "case.geojson"
    export(demo_case, "geojson", out)
    doc = json.loads(out.read_text("utf-8"))
    assert doc["type"] == "FeatureCollection"
    lines = [f for f in doc["features"] if f["properties"]["kind"] == "track"]
    apart = [f for f in doc["features"] if f["properties"]["kind"] == "track-points-apart"]

    def coords(f: dict) -> list:
        g = f["geometry"]
        return [c for part in g["coordinates"] for c in part] if g["type"] == "MultiLineString" \
            else g["coordinates"]

    # every point once: in a line per continuous stretch, or apart (flagged, or alone between gaps)
    assert sum(len(coords(f)) for f in lines + apart) == len(_all_points(demo_case))
    assert all(f["geometry"]["type"] == "MultiLineString" for f in lines)
    for f in lines:
        times = f["properties"]["times_utc"]
        assert [len(t) for t in times] == [len(part) for part in f["geometry"]["coordinates"]]
        lon, lat = coords(f)[0][:2]
        assert -180 <= lon <= 180 and -90 <= lat <= 90
    # the demo's An-124 crosses the Atlantic in a coverage gap: its line is broken there
    assert any(f["properties"]["stretches"] > 1 for f in lines)


def test_csv_and_json_items(real_case, tmp_path: Path) -> None:
    out = tmp_path / "items.csv"
    export(real_case, "csv", out)
    rows = list(csv.DictReader(io.StringIO(out.read_text("utf-8-sig"))))
    items = real_case.items()
    assert [r["sha256"] for r in rows] == [i["sha256"] for i in items]
    assert rows[0]["first_acquired_by"] == real_case.acquisitions(items[0]["id"])[0]["acquired_by"]
    jout = tmp_path / "items.json"
    export(real_case, "json", jout)
    doc = json.loads(jout.read_text("utf-8"))
    assert doc["count"] == len(items)
    assert doc["items"][0]["acquisitions"][0]["method"] == "file-import"


def test_csv_neutralises_formulas_and_findings_export(demo_case, tmp_path: Path) -> None:
    item = demo_case.items()[0]
    with demo_case.transaction():
        demo_case.update("items", item["id"], {"notes": "=HYPERLINK(\"http://x\")"}, reason="test")
    out = tmp_path / "items.csv"
    export(demo_case, "csv", out)
    rows = {r["id"]: r for r in csv.DictReader(io.StringIO(out.read_text("utf-8-sig")))}
    assert rows[item["id"]]["notes"] == "'=HYPERLINK(\"http://x\")"
    fout = tmp_path / "findings.json"
    res = export(demo_case, "json", fout, what="findings")
    doc = json.loads(fout.read_text("utf-8"))
    from casefile.xref import findings

    assert {f["id"] for f in doc["findings"]} == {f.id for f in findings(demo_case)}
    assert res["records"] == len(doc["findings"]) > 0


def test_sensitive_items_left_out_of_exports(demo_case, tmp_path: Path) -> None:
    from casefile.photos.query import list_photos

    secret = next(p for p in list_photos(demo_case) if p.gps is not None)
    with demo_case.transaction():
        demo_case.update("items", secret.item_id, {"sensitive": 1}, reason="protect the source")
    for fmt in ("kml", "geojson", "csv", "json"):
        out = tmp_path / f"x.{fmt}"
        export(demo_case, fmt, out, exclude_sensitive=True)
        assert secret.item_id not in out.read_text("utf-8"), fmt
        full = tmp_path / f"full.{fmt}"
        export(demo_case, fmt, full)
        assert secret.item_id in full.read_text("utf-8"), fmt


def test_geojson_cuts_tracks_at_the_antimeridian() -> None:
    from casefile.model.flights import Point
    from casefile.report.geodata import GeoData, TrackOut
    from casefile.report.geojson import to_geojson

    pts = [Point("t", "a", i, 1577836800.0 + 60 * i, f"2020-01-01T00:0{i}:00.000Z", 50.0, lon)
           for i, lon in enumerate((170.0, 179.5, -179.5, -170.0))]
    doc = json.loads(to_geojson(GeoData(tracks=[TrackOut("a", "A", "t", None, pts)]), "x"))
    geom = doc["features"][0]["geometry"]
    assert geom["type"] == "MultiLineString"
    assert [len(p) for p in geom["coordinates"]] == [2, 2]


def test_exports_break_lines_at_coverage_gaps_and_put_ground_at_the_field(tmp_path: Path) -> None:
    import xml.etree.ElementTree as ET

    from casefile.model.flights import Point
    from casefile.report.geodata import GeoData, TrackOut
    from casefile.report.geojson import to_geojson
    from casefile.report.kml import to_kml

    t0 = 1577836800.0
    # on the ground at El Alto (13,355 ft) with no altitude, then airborne; an hour dark; again
    pts = [Point("t", "a", 0, t0, "2020-01-01T00:00:00.000Z", -16.5133, -68.1923, on_ground=True),
           Point("t", "a", 1, t0 + 60, "2020-01-01T00:01:00.000Z", -16.50, -68.18, alt_ft=14000.0),
           Point("t", "a", 2, t0 + 3660, "2020-01-01T01:01:00.000Z", -15.0, -66.0, alt_ft=30000.0),
           Point("t", "a", 3, t0 + 3720, "2020-01-01T01:02:00.000Z", -14.9, -65.9, alt_ft=30000.0)]
    data = GeoData(tracks=[TrackOut("a", "CP-1234", "t", None, pts, item_label="F1")])
    geom = json.loads(to_geojson(data, "x"))["features"][0]["geometry"]
    assert geom["type"] == "MultiLineString" and [len(p) for p in geom["coordinates"]] == [2, 2]
    assert geom["coordinates"][0][0][2] == round(13355 * 0.3048, 1)   # the field, not 0
    root = ET.fromstring(to_kml(data, "x"))
    tracks = root.findall(f".//{GX}Track")
    assert len(tracks) == 2                                            # one per stretch
    assert tracks[0].findtext(f"{KML}altitudeMode") == "absolute"
    assert tracks[0].findall(f"{GX}coord")[0].text.endswith(f" {round(13355 * 0.3048, 1):g}")
