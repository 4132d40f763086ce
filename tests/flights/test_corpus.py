"""Each sample in ../shared/corpora/flights imports with the values read off the file by hand."""

from __future__ import annotations

import pytest

from casefile.flights import query as Q
from casefile.store import verify_case
from flights.helpers import import_one, tracks_of

F = "flights"


def test_readsb_trace(fresh_case, corpora):
    out = import_one(fresh_case, corpora / F / "readsb/trace_full_ac134a.json")
    assert out.status == "imported" and out.importer == "readsb-trace"
    ac = Q.find_aircraft(fresh_case, "N8774Q")
    assert (ac.icao24, ac.type_code, ac.description, ac.operator, ac.country) == (
        "ac134a", "B38M", "BOEING 737 MAX 8", "SOUTHWEST AIRLINES CO", "United States")
    assert ac.military is None                       # dbFlags 0: the source does not say military
    [trk] = tracks_of(fresh_case, out.item_id)
    assert trk["points"] == 777 and trk["flagged"] == 0 and trk["skipped"] == 0
    assert trk["first_utc"] == "2024-08-12T00:00:05.060Z"      # timestamp 1723420800 + 5.06
    assert trk["last_utc"] == "2024-08-12T10:52:06.860Z"       # + 39126.86
    assert trk["callsigns"] == ["SWA506", "SWA936"]
    [leg] = Q.legs(fresh_case, ac.id)
    assert leg.takeoff.airport_icao is None and not leg.takeoff.observed   # starts at FL360
    assert leg.landing.observed and leg.landing.airport_icao == "KDJT"     # Palm Beach (PBI)
    # between the last airborne point and the first "ground" point: a window, its middle as time
    assert leg.landing.window_utc == ("2024-08-12T02:49:12.740Z", "2024-08-12T02:49:34.480Z")
    assert leg.landing.time_utc == "2024-08-12T02:49:23.610Z"
    assert leg.landing.distance_km < 1.0
    [gap] = Q.gaps(fresh_case, ac.id)
    assert (gap.start_utc, gap.end_utc) == ("2024-08-12T02:53:59.310Z", "2024-08-12T10:49:39.380Z")
    stays = Q.ground_stays(fresh_case, ac.id)
    assert [s["airport_icao"] for s in stays] == ["KDJT", "KDJT"]
    first = next(Q.track_points(fresh_case, ac.id))
    assert (first.alt_ft, first.geo_alt_ft, first.gs_kt, first.source) == (36000, 37375, 384.3,
                                                                          "adsb_icao")
    assert verify_case(fresh_case, record=False).ok


def test_readsb_gzip_gives_the_same_track(fresh_case, corpora, tmp_path):
    import gzip

    raw = (corpora / F / "readsb/trace_full_ac134a.json").read_bytes()
    gz = tmp_path / "trace_full_ac134a.json"
    gz.write_bytes(gzip.compress(raw))
    out = import_one(fresh_case, gz)
    assert out.importer == "readsb-trace"
    [trk] = tracks_of(fresh_case, out.item_id)
    assert trk["points"] == 777 and trk["last_utc"] == "2024-08-12T10:52:06.860Z"


def test_fr24_csv(fresh_case, corpora):
    out = import_one(fresh_case, corpora / F / "fr24/SkyDolly_FlightRadar24.csv")
    assert out.importer == "fr24-csv"
    [trk] = tracks_of(fresh_case, out.item_id)
    assert (trk["points"], trk["first_utc"], trk["last_utc"]) == (
        13, "2021-10-29T04:26:16.000Z", "2021-10-29T04:32:57.000Z")
    assert trk["callsigns"] == ["ANZ1005"]
    [ac] = Q.list_aircraft(fresh_case)
    assert ac.icao24 is None and ac.registration is None and "ANZ1005" in ac.label
    assert Q.legs(fresh_case) == []                      # taxiing only (0-9 kt)
    assert [s["airport_icao"] for s in Q.ground_stays(fresh_case)] == ["KLAX"]


def test_fr24_kml(fresh_case, corpora):
    out = import_one(fresh_case, corpora / F / "fr24/FlightRadar24_FZ981-922b3bd.kml")
    assert out.importer == "fr24-kml"
    [trk] = tracks_of(fresh_case, out.item_id)
    assert (trk["points"], trk["first_utc"], trk["last_utc"]) == (
        10, "2016-03-18T18:20:47.000Z", "2016-03-18T18:28:08.000Z")
    [ac] = Q.list_aircraft(fresh_case)
    assert (ac.registration, ac.type_code, ac.description, ac.operator) == (
        "A6-FDN", "B738", "Boeing 737-8KN", "FlyDubai")
    pts = list(Q.track_points(fresh_case))
    assert [p.gs_kt for p in pts[:3]] == [10, 0, 19] and pts[0].track_deg == 209
    assert [s["airport_icao"] for s in Q.ground_stays(fresh_case)] == ["OMDB"]
    assert Q.legs(fresh_case) == []


def test_flightaware_gx_track(fresh_case, corpora):
    out = import_one(fresh_case, corpora / F / "flightaware/FlightAware_DLH1534_LSZH_EDDF_20210817.kml")
    assert out.importer == "kml-gx-track"
    [trk] = tracks_of(fresh_case, out.item_id)
    assert (trk["points"], trk["first_utc"], trk["last_utc"]) == (
        87, "2021-08-17T12:43:24.000Z", "2021-08-17T13:19:29.000Z")
    first = next(Q.track_points(fresh_case))
    assert first.alt_ft == pytest.approx(587 / 0.3048)          # gx:coord altitude is metres
    [leg] = Q.legs(fresh_case)
    assert leg.takeoff.airport_icao == "LSZH" and not leg.takeoff.observed
    assert "probable take-off" in leg.takeoff.note
    # the data ends at 53 m near Frankfurt, still moving fast: no landing is claimed
    assert leg.landing.airport_icao is None and leg.landing.evidence["candidate_airport"] == "EDDF"


def test_opensky_states_csv(fresh_case, corpora):
    out = import_one(fresh_case, corpora / F / "opensky/states_RYR2RG_2022-02-02_from_traffic_cache.csv")
    assert out.importer == "opensky-states-csv"
    [trk] = tracks_of(fresh_case, out.item_id)
    assert trk["points"] == 1200
    # 20 rows repeat the previous lastposupdate (position not refreshed): flagged, kept, counted
    assert trk["flagged"] == 20 and trk["quality"] == {"duplicate-time": 20}
    assert (trk["first_utc"], trk["last_utc"]) == ("2022-02-02T15:44:59.932Z",
                                                   "2022-02-02T16:04:59.715Z")
    ac = Q.find_aircraft(fresh_case, "4d2271")
    assert ac.country == "Malta"
    p = next(Q.track_points(fresh_case, ac.id))
    assert p.alt_ft == pytest.approx(37000.0)                  # 11277.6 m
    assert p.gs_kt == pytest.approx(215.95192459883742 * 3600 / 1852)
    assert p.callsign == "RYR2RG" and p.on_ground is False
    [leg] = Q.legs(fresh_case)
    assert leg.points == 1180 and not leg.takeoff.observed and not leg.landing.observed


def test_opensky_rest_states(fresh_case, corpora):
    out = import_one(fresh_case, corpora / F / "opensky/python-opensky_rest_states.json")
    assert out.importer == "opensky-rest"
    ac = {a.icao24: a for a in Q.list_aircraft(fresh_case)}
    assert sorted(ac) == ["a2cbe1", "ab1644", "e8027d", "e8027e"]
    assert ac["e8027e"].country == "Chile" and ac["ab1644"].country == "United States"
    assert len(tracks_of(fresh_case, out.item_id)) == 4        # one file, four aircraft
    w = Q.where(fresh_case, "e8027e", "2023-05-07T19:41:19Z")  # time_position 1683488479
    assert w.status == "ground" and w.airport_icao == "SPJC"   # on_ground true at Lima
    w = Q.where(fresh_case, "ab1644", "2023-05-07T19:45:43Z")
    assert w.status == "airborne" and w.alt_ft == pytest.approx(2217.42 / 0.3048)


def test_opensky_rest_without_states_is_kept_with_a_note(fresh_case, corpora):
    out = import_one(fresh_case, corpora / F / "opensky/python-opensky_rest_unavailable_states.json")
    assert out.status == "imported"
    assert Q.list_aircraft(fresh_case) == []
    ev = [e for e in fresh_case.events(out.item_id) if e["action"] == "flight-record-empty"]
    assert "no state vectors" in ev[0]["details"]["notes"][0]


@pytest.mark.parametrize("name, points, untimed, first, last", [
    ("SkyDolly_Nile.gpx", 20, 0, "2022-01-15T10:00:00.000Z", "2022-01-15T10:19:00.000Z"),
    ("SkyDolly_Nile-NoElevation-NoTimestamp.gpx", 20, 20, None, None),
    ("gpxpy_test_files/route.gpx", 55, 55, None, None),
    ("gpxpy_test_files/track-with-empty-segment.gpx", 9, 0, None, None),
])
def test_gpx(fresh_case, corpora, name, points, untimed, first, last):
    out = import_one(fresh_case, corpora / F / "gpx" / name)
    assert out.importer == "gpx", out.message
    trks = tracks_of(fresh_case, out.item_id)
    assert sum(t["points"] for t in trks) == points
    assert sum(t["untimed"] for t in trks) == untimed
    if first:
        assert (trks[0]["first_utc"], trks[0]["last_utc"]) == (first, last)


def test_gpx_untimed_points_are_not_used_for_where(fresh_case, corpora):
    import_one(fresh_case, corpora / F / "gpx/SkyDolly_Nile-NoElevation-NoTimestamp.gpx")
    [ac] = Q.list_aircraft(fresh_case)
    assert list(Q.track_points(fresh_case, ac.id)) == []
    assert len(list(Q.track_points(fresh_case, ac.id, include_flagged=True))) == 20
    assert Q.where(fresh_case, ac.id, "2022-01-15T10:05:00Z").status == "unknown"


def test_whole_corpus_folder_imports_without_errors(fresh_case, corpora):
    from casefile.importers.pipeline import import_paths

    rep = import_paths(fresh_case, [corpora / F], recursive=True, workers=1)
    assert rep.errors == []
    flights = [o for o in rep.outcomes if o.kind == "flight-record"]
    # 7 tracker exports + 34 SkyDolly/gpxpy GPX files + 15 in traffic/ (3 FR24 playback, 12 records)
    assert len(flights) == 7 + 34 + 15
    assert verify_case(fresh_case, record=False).ok


def test_gpx_route_points_are_a_plan_not_observations(fresh_case, corpora):
    out = import_one(fresh_case, corpora / F / "gpx/SkyDolly_Sample.gpx")
    # two tracks (3 points; 2 points, one without time) and one route of 3 points
    assert sorted(t["points"] for t in tracks_of(fresh_case, out.item_id)) == [2, 3, 3]
    route = [t for t in tracks_of(fresh_case, out.item_id) if t["quality"].get("planned-route")]
    assert len(route) == 1 and route[0]["quality"] == {"planned-route": 3}
    pts = [p for p in Q.track_points(fresh_case, route[0]["aircraft_id"], include_flagged=True)]
    assert {p.source for p in pts} == {"gpx-route"}
    assert list(Q.track_points(fresh_case, route[0]["aircraft_id"])) == []


def test_gpx_time_without_zone_is_utc_by_the_gpx_spec(fresh_case, corpora):
    out = import_one(fresh_case, corpora / F / "gpx/gpxpy_test_files/gpx1.1_with_all_fields.gpx")
    [trk] = [t for t in tracks_of(fresh_case, out.item_id) if not t["quality"]]
    assert trk["first_utc"] == "2013-01-01T12:00:04.000Z"          # <time>2013-01-01T12:00:04</time>
    notes = [w for t in tracks_of(fresh_case, out.item_id) for w in t["warnings"]]
    assert any("without a zone read as UTC" in n for n in notes)


def test_where_infers_ground_from_speed_when_the_source_has_no_flag(fresh_case, corpora):
    import_one(fresh_case, corpora / F / "fr24/SkyDolly_FlightRadar24.csv")
    [ac] = Q.list_aircraft(fresh_case)
    w = Q.where(fresh_case, ac.id, "2021-10-29T04:30:00Z")     # taxiing at 0-9 kt at LAX
    assert w.status == "ground" and w.airport_icao == "KLAX" and "decided from speed" in w.reason
    import_one(fresh_case, corpora / F / "flightaware/FlightAware_DLH1534_LSZH_EDDF_20210817.kml")
    w = Q.where(fresh_case, "DLH1534", "2021-08-17T13:00:00Z")   # no speed: implied by positions
    assert w.status == "airborne" and "decided from altitude and speed" in w.reason


@pytest.mark.parametrize("name, importer", [
    ("opensky/states_RYR2RG_2022-02-02_from_traffic_cache.csv", "opensky-states-csv"),
    ("fr24/SkyDolly_FlightRadar24.csv", "fr24-csv"),
    ("fr24/FlightRadar24_FZ981-922b3bd.kml", "fr24-kml"),
    ("flightaware/FlightAware_DLH1534_LSZH_EDDF_20210817.kml", "kml-gx-track"),
    ("gpx/SkyDolly_Nile.gpx", "gpx"),
    ("opensky/python-opensky_rest_states.json", "opensky-rest"),
])
def test_gzipped_exports_import_like_the_plain_file(fresh_case, corpora, tmp_path, name, importer):
    import gzip

    src = corpora / F / name
    gz = tmp_path / (src.name + ".gz")
    gz.write_bytes(gzip.compress(src.read_bytes()))
    out = import_one(fresh_case, gz)
    assert out.importer == importer, out.message
    plain = import_one(fresh_case, src)
    got = [(t["points"], t["first_utc"], t["last_utc"]) for t in tracks_of(fresh_case, out.item_id)]
    want = [(t["points"], t["first_utc"], t["last_utc"]) for t in tracks_of(fresh_case, plain.item_id)]
    assert got == want and got
