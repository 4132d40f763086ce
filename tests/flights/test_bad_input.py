"""Bad flight files: kept as plain evidence with one line naming file, line and what failed, or rows
skipped and counted; never half-imported."""

from __future__ import annotations

import gzip
import json
from datetime import UTC

from casefile.flights import query as Q
from flights.helpers import counts, import_one, tracks_of

FR24_HEADER = "Timestamp,UTC,Callsign,Position,Altitude,Speed,Direction\n"
OPENSKY_HEADER = ("time,icao24,lat,lon,velocity,heading,vertrate,callsign,onground,alert,spi,squawk,"
                  "baroaltitude,geoaltitude,lastposupdate,lastcontact\n")


def _fr24_row(t: int, lat: float = 33.9434, lon: float = -118.4287, alt: str = "500") -> str:
    from datetime import datetime

    utc = datetime.fromtimestamp(t, UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    return f'{t},{utc},ANZ1005,"{lat},{lon}",{alt},5,250\n'


def _opensky_row(t: int, hexa: str, lat: float, lon: float, ground: str = "False") -> str:
    return (f"{t},{hexa},{lat},{lon},200.0,90.0,0.0,TEST1,{ground},False,False,1000,10000.0,"
            f"10100.0,{t}.5,{t}.9\n")


def _kept_plain(case, out, before: dict[str, int]) -> str:
    """The file was kept as plain evidence (one new item, nothing in the flights tables); its message."""
    assert out.status == "imported" and out.kind == "file" and out.importer == "file"
    assert "kept as plain evidence" in out.message and "\n" not in out.message
    after = counts(case)
    assert after["items"] == before["items"] + 1 and after["evidence files"] == before["evidence files"] + 1
    assert {k: v for k, v in after.items() if "items" not in k and "evidence" not in k} == {
        k: v for k, v in before.items() if "items" not in k and "evidence" not in k}
    return out.message


def _readsb(points: list[list], icao: str = "4d2271", flags: int = 0) -> dict:
    return {"icao": icao, "r": "9H-QAA", "t": "B38M", "dbFlags": flags, "timestamp": 1700000000.0,
            "trace": points}


def _pt(dt: float, lat: float, lon: float, alt: object = 30000, flags: int = 0) -> list:
    return [dt, lat, lon, alt, 450.0, 90.0, flags, 0, None, "adsb_icao", None, None, None, None]


def test_missing_columns_name_the_file_and_line_1(fresh_case, tmp_path):
    p = tmp_path / "fr24.csv"
    p.write_text("Timestamp,UTC,Callsign,Altitude,Speed,Direction\n1635481576,x,A,1,2,3\n")
    before = counts(fresh_case)
    out = import_one(fresh_case, p)
    # the header does not match FR24 (no Position after Callsign), so the generic importer would
    # keep it; force the FR24 reader to see the column error
    from casefile.importers.pipeline import import_paths

    rep = import_paths(fresh_case, [p], importer="fr24-csv", workers=1)
    err = rep.outcomes[0]
    assert err.status == "error"
    assert f"{p}:1:" in err.message and "missing column(s) position" in err.message
    assert out.importer == "file"
    assert counts(fresh_case)["tracks"] == before["tracks"]


def test_non_numeric_and_out_of_range_rows_are_skipped_and_counted(fresh_case, tmp_path):
    p = tmp_path / "fr24.csv"
    p.write_text(FR24_HEADER + _fr24_row(1635481576) + _fr24_row(1635481600, alt="high")
                 + _fr24_row(1635481620, lat=95.0) + _fr24_row(1635481640))
    out = import_one(fresh_case, p)
    assert out.status == "imported"
    [trk] = tracks_of(fresh_case, out.item_id)
    assert trk["points"] == 2 and trk["skipped"] == 2
    assert any("line 3" in w and "'high' is not a number" in w for w in trk["warnings"])
    assert any("line 4" in w and "latitude 95.0 is outside -90..90" in w for w in trk["warnings"])


def test_a_file_with_no_readable_row_is_an_error_and_leaves_nothing(fresh_case, tmp_path):
    p = tmp_path / "fr24.csv"
    p.write_text(FR24_HEADER + _fr24_row(1635481576, lat=200.0) + _fr24_row(1635481600, alt="x"))
    before = counts(fresh_case)
    message = _kept_plain(fresh_case, import_one(fresh_case, p), before)
    assert str(p) in message and "no readable position" in message


def test_truncated_json_names_the_line(fresh_case, tmp_path):
    p = tmp_path / "trace_full_4d2271.json"
    text = json.dumps(_readsb([_pt(i, 45.0, 5.0 + i / 100) for i in range(50)]), indent=1)
    p.write_text(text[: len(text) // 2])
    before = counts(fresh_case)
    message = _kept_plain(fresh_case, import_one(fresh_case, p), before)
    assert f"{p}:" in message and "truncated" in message


def test_truncated_gzip_is_an_error(fresh_case, tmp_path):
    p = tmp_path / "trace_full_4d2271.json"
    data = gzip.compress(json.dumps(_readsb([_pt(i, 45.0, 5.0) for i in range(500)])).encode())
    p.write_bytes(data[: len(data) - 40])
    before = counts(fresh_case)
    assert "gzip" in _kept_plain(fresh_case, import_one(fresh_case, p), before)


def test_xml_bomb_is_refused(fresh_case, tmp_path):
    p = tmp_path / "bomb.kml"
    p.write_text('<?xml version="1.0"?>\n<!DOCTYPE kml [<!ENTITY a "aaaaaaaaaa">'
                 '<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;">]>\n'
                 '<kml xmlns="http://www.opengis.net/kml/2.2" xmlns:gx="http://www.google.com/kml/ext/2.2">'
                 '<Document><name>&c;</name><Placemark><gx:Track><when>2021-08-17T12:43:24Z</when>'
                 '<gx:coord>8.5 47.4 500</gx:coord></gx:Track></Placemark></Document></kml>')
    before = counts(fresh_case)
    message = _kept_plain(fresh_case, import_one(fresh_case, p), before)
    assert "refused unsafe XML" in message and str(p) in message


def test_external_entity_in_gpx_is_refused(fresh_case, tmp_path):
    p = tmp_path / "xxe.gpx"
    p.write_text('<?xml version="1.0"?>\n<!DOCTYPE gpx [<!ENTITY x SYSTEM "file:///etc/passwd">]>\n'
                 '<gpx version="1.1"><trk><name>&x;</name><trkseg><trkpt lat="1" lon="2">'
                 '<time>2020-01-01T00:00:00Z</time></trkpt></trkseg></trk></gpx>')
    before = counts(fresh_case)
    assert "refused unsafe XML" in _kept_plain(fresh_case, import_one(fresh_case, p), before)


def test_malformed_xml_names_the_line(fresh_case, tmp_path):
    p = tmp_path / "broken.gpx"
    p.write_text('<?xml version="1.0"?>\n<gpx version="1.1">\n<trk><trkseg>\n<trkpt lat="1" lon="2">\n'
                 '</trk></gpx>\n')
    before = counts(fresh_case)
    message = _kept_plain(fresh_case, import_one(fresh_case, p), before)
    assert f"{p}:5:" in message and "not well-formed" in message


def test_duplicate_and_out_of_order_times_are_flagged_and_kept_out_of_legs(fresh_case, tmp_path):
    pts = [_pt(i * 10, 45.0, 5.0 + i * 0.02) for i in range(20)]
    pts.insert(5, list(pts[4]))                      # exact duplicate of point 4
    pts.insert(12, _pt(35, 45.0, 5.07))              # out of order (t=35 after t=100)
    p = tmp_path / "trace_full_4d2271.json"
    p.write_text(json.dumps(_readsb(pts)))
    out = import_one(fresh_case, p)
    [trk] = tracks_of(fresh_case, out.item_id)
    assert trk["points"] == 22 and trk["flagged"] == 2
    assert trk["quality"] == {"duplicate-time": 1, "out-of-order": 1}
    [leg] = Q.legs(fresh_case)
    assert leg.points == 20


def test_impossible_speed_is_flagged(fresh_case, tmp_path):
    pts = [_pt(i * 10, 45.0, 5.0 + i * 0.02) for i in range(10)]
    pts[6] = _pt(60, 48.0, 5.12)                     # 330 km in 10 s: a decoding error
    p = tmp_path / "trace_full_4d2271.json"
    p.write_text(json.dumps(_readsb(pts)))
    out = import_one(fresh_case, p)
    [trk] = tracks_of(fresh_case, out.item_id)
    assert trk["quality"] == {"impossible-speed": 1}
    w = Q.where(fresh_case, "4d2271", "2023-11-14T22:14:20Z")   # t = 60 s: the bad point's time
    assert w.nearest_before.lat == 45.0 and w.status == "airborne"


def test_several_aircraft_in_one_file_make_several_tracks(fresh_case, tmp_path):
    p = tmp_path / "states.csv"
    rows = [_opensky_row(1643816700 + i, "4d2271", 45.0, 5.0 + i * 0.002) for i in range(5)]
    rows += [_opensky_row(1643816700 + i, "3c6444", 50.0, 8.0 + i * 0.002) for i in range(3)]
    rows.append(_opensky_row(1643816710, "xyz", 50.0, 8.0))   # not a hex address
    p.write_text(OPENSKY_HEADER + "".join(rows))
    out = import_one(fresh_case, p)
    trks = tracks_of(fresh_case, out.item_id)
    assert sorted(t["points"] for t in trks) == [3, 5]
    assert {a.country for a in Q.list_aircraft(fresh_case)} == {"Malta", "Germany"}
    assert trks[0]["skipped"] + trks[1]["skipped"] == 1


def test_opensky_wrong_field_count_names_the_line(fresh_case, tmp_path):
    p = tmp_path / "states.csv"
    p.write_text(OPENSKY_HEADER + _opensky_row(1643816700, "4d2271", 45.0, 5.0)
                 + "1643816701,4d2271,45.0\n" + _opensky_row(1643816702, "4d2271", 45.0, 5.01))
    out = import_one(fresh_case, p)
    [trk] = tracks_of(fresh_case, out.item_id)
    assert trk["points"] == 2 and trk["skipped"] == 1
    assert "line 3" in trk["warnings"][0] and "3 fields, the header has 16" in trk["warnings"][0]


def test_military_flag_from_readsb_dbflags(fresh_case, tmp_path):
    p = tmp_path / "trace_full_ae1234.json"
    p.write_text(json.dumps(_readsb([_pt(0, 38.0, -77.0), _pt(10, 38.0, -76.98)], icao="ae1234",
                                    flags=1)))
    import_one(fresh_case, p)
    [ac] = Q.list_aircraft(fresh_case)
    assert ac.military is True and ac.country == "United States"


def test_the_same_aircraft_in_two_files_is_one_aircraft(fresh_case, tmp_path):
    a = tmp_path / "trace_full_4d2271.json"
    a.write_text(json.dumps(_readsb([_pt(0, 45.0, 5.0), _pt(10, 45.0, 5.02)])))
    b = tmp_path / "states.csv"
    b.write_text(OPENSKY_HEADER + _opensky_row(1700000100, "4D2271", 45.0, 5.2))
    import_one(fresh_case, a)
    import_one(fresh_case, b)
    [ac] = Q.list_aircraft(fresh_case)
    assert ac.registration == "9H-QAA" and len(Q.tracks(fresh_case, ac.id)) == 2
