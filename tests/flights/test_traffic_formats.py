"""Flightradar24 playback JSON and `traffic` position-record JSON, on the real files in
../shared/corpora/flights/traffic (values read by hand from the files)."""

from __future__ import annotations

import gzip
import json

import pytest

from casefile.flights import query as Q
from tests.flights.helpers import import_one, tracks_of

TRAFFIC = "flights/traffic"


def _aircraft(case, track):
    return next(a for a in Q.list_aircraft(case) if a.id == track["aircraft_id"])


@pytest.mark.parametrize(("name", "reg", "hexa", "model", "number", "callsign", "route", "points"), [
    ("fr24-2ce4f83f.json", "09-0540", "ae503d", "Boeing C-40C", None, "SPAR19", ("WMSA", "RCSS"), 871),
    ("fr24-34a8254b.json", "HB-JMF", "4b1901", "Airbus A340-313", "WK24", "EDW24", ("LSZH", "MMUN"),
     1249),
    ("fr24-372355e5.json", "TC-JVF", "4baac6", "Boeing 737-8F2", "TK1745", "THY9BP", ("LTFM", "ENGM"),
     634),
])
def test_fr24_playback_reads_aircraft_flight_and_track(corpora, fresh_case, name, reg, hexa, model,
                                                       number, callsign, route, points):
    out = import_one(fresh_case, corpora / TRAFFIC / name)
    assert out.status == "imported"
    (trk,) = tracks_of(fresh_case, out.item_id)
    assert trk["format"] == "fr24-playback-json"
    a = _aircraft(fresh_case, trk)
    assert (a.registration, a.icao24, a.description) == (reg, hexa, model)
    assert trk["points"] == points and trk["skipped"] == 0
    assert trk["callsigns"] == [callsign]
    flight = trk["flight"]
    assert flight.get("number") == number and flight["callsign"] == callsign
    assert (flight["origin"]["icao"], flight["destination"]["icao"]) == route
    assert any("stated by the file, not observed" in w for w in trk["warnings"])


@pytest.mark.parametrize(("name", "hexa", "records"), [
    ("ambulances-rega_zh.json.gz", "4b43ac", 339),
    ("calibration-kiruna.json.gz", "4ab179", 1691),
    ("noisy-noisy_ground.json.gz", "440549", 924),      # a table by column, not a list
    ("noisy-noisy_takeoff.json.gz", "3946e4", 730),     # a table by column, not a list
    ("gliders-sisteron.json.gz", "dd0891", 1605),
])
def test_traffic_records_import_as_one_track_per_address(corpora, fresh_case, name, hexa, records):
    out = import_one(fresh_case, corpora / TRAFFIC / name)
    assert out.status == "imported"
    (trk,) = tracks_of(fresh_case, out.item_id)
    assert trk["format"] == "traffic-json"
    assert _aircraft(fresh_case, trk).icao24 == hexa
    assert trk["points"] + trk["skipped"] == records


def test_traffic_records_without_position_are_skipped_and_named(corpora, fresh_case):
    path = corpora / TRAFFIC / "military-aircraft_carrier.json.gz"
    doc = json.loads(gzip.open(path).read())
    no_position = sum(1 for r in doc if r["latitude"] is None)
    assert no_position == 1689          # read by hand: the file has these holes
    out = import_one(fresh_case, path)
    (trk,) = tracks_of(fresh_case, out.item_id)
    assert trk["skipped"] == no_position and trk["points"] == len(doc) - no_position
    assert any(w.endswith("record 0: skipped: no position (latitude/longitude empty)")
               for w in trk["warnings"])
    # on deck the transponder's last report is repeated, every value unchanged, for minutes
    assert any(w.startswith("3713 record(s) repeat the record before in every value")
               for w in trk["warnings"])


def test_stale_positions_are_kept_out_and_counted(corpora, fresh_case):
    # noisy_ground: 426 records repeat the position of an earlier update (last_position older
    # than timestamp); each is timed at that update, so the repeats are duplicates, not moves
    out = import_one(fresh_case, corpora / TRAFFIC / "noisy-noisy_ground.json.gz")
    (trk,) = tracks_of(fresh_case, out.item_id)
    assert any(w.startswith("426 record(s) repeat an older position") for w in trk["warnings"])
    assert trk["quality"].get("duplicate-time", 0) + trk["quality"].get("out-of-order", 0) >= 300


def test_records_out_of_time_order_are_read_in_order_and_said(corpora, fresh_case):
    out = import_one(fresh_case, corpora / TRAFFIC / "gliders-sisteron.json.gz")
    (trk,) = tracks_of(fresh_case, out.item_id)
    assert "not in time order in the file" in " ".join(trk["warnings"])
    assert trk["flagged"] == 0


def test_origin_and_destination_in_records_are_kept_as_stated(corpora, fresh_case):
    out = import_one(fresh_case, corpora / TRAFFIC / "featured-elal747.json.gz")
    (trk,) = tracks_of(fresh_case, out.item_id)
    assert trk["flight"]["origin"] == {"icao": "LIRF"}
    assert trk["flight"]["destination"] == {"icao": "LLBG"}


def test_position_data_no_reader_takes_is_said_in_one_line_and_kept(fresh_case, tmp_path):
    from casefile.importers.pipeline import import_paths

    odd = tmp_path / "positions.json"   # a layout no flight reader takes
    odd.write_text('{"positions": [{"lat": 47.1, "lng": 8.5, "time": "2020-01-01T00:00:00Z"}]}')
    plain = tmp_path / "people.csv"
    plain.write_text("name,city\nAda,London\n")
    rep = import_paths(fresh_case, [odd, plain], workers=1)
    by_name = {o.path.rsplit("/", 1)[-1]: o for o in rep.outcomes}
    assert by_name["positions.json"].status == "imported"
    assert by_name["positions.json"].message.startswith("looks like position data (fields lat, "
                                                        "lng, time), but no flight reader takes")
    assert by_name["people.csv"].message is None
    assert Q.tracks(fresh_case) == []
    assert any(e["action"] == "not-read-as-flight" for e in fresh_case.events())


def test_repeated_records_are_repeats_used_by_last_seen_and_where(corpora, fresh_case):
    # PSWRD35's last report on North Island (00:58:39, -50 ft, 100 kt, read by hand) is repeated
    # in every value, resampled to 1 s, to 00:58:40; on deck at sea the 22:26:09 report repeats
    # to 22:33. Repeats are counted, not flagged: the aircraft was still reported there.
    from casefile.flights import query as Q

    out = import_one(fresh_case, corpora / TRAFFIC / "military-aircraft_carrier.json.gz")
    (trk,) = tracks_of(fresh_case, out.item_id)
    assert any(w.startswith("3713 record(s) repeat the record before in every value")
               and "counted as repeats" in w for w in trk["warnings"])
    pts = list(Q.track_points(fresh_case, item_id=out.item_id))
    assert not [p for p in pts if p.quality == "duplicate-time"]
    assert pts[-1].time_utc.startswith("2020-09-15T00:58:40")
    [ac] = Q.list_aircraft(fresh_case)
    # the repeated report still answers `where` minutes after the last new position
    w = Q.where(fresh_case, ac.id, "2020-09-14T22:31:00Z")
    assert w.nearest_before is not None and w.nearest_before.time_utc >= "2020-09-14T22:30:5"
    assert (w.lat, w.lon) == (31.38868, -117.87067) or abs(w.lat - 31.38868) < 1e-4
