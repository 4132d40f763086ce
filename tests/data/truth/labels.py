"""Truth labels for the flight files of ../shared/corpora/flights, read by hand from the raw points
(tests/data/truth/rawdump.py prints them), before the rules of issue 25 were changed and never
copied from Casefile's output. Each file says how its labels were read.

A file's labels:
- `legs`: every real flight (airborne evidence), in time order: `first`/`last` are the first and
  last airborne points as read; `takeoff`/`landing`: `airport` (ICAO, or None: unknown or no
  airfield), `observed` (the ground-to-air change is in the data), `window` (UTC, when the change
  happened as far as the points tell; None when not observed). `events`: touch-and-go, low
  approach, go-around (kind, window), never landings. `may_split`: windows where a reader cannot
  tell whether the aircraft landed (a split there is not a false leg).
- `where`: (UTC instant, expected status, airport or None). Status is what the points support:
  `ground`, `airborne` or `unknown` (before the first/after the last record, or inside a hole
  where a stop and a flight both fit).
- `photos`: (UTC instant, photo place (lat, lon), expected verdict of the photo <-> aircraft
  check): a photo "taken" there and then, tagged with the aircraft.

Files kept aside (not labelled until the end, checked by hand then; see HELD_OUT).
"""

from __future__ import annotations

from typing import Any

F = "flights/"


def _end(airport: str | None, observed: bool = False,
         window: tuple[str, str] | None = None) -> dict[str, Any]:
    return {"airport": airport, "observed": observed, "window": window}


def _leg(first: str, last: str, takeoff: dict[str, Any], landing: dict[str, Any],
         events: tuple[tuple[str, str, str], ...] = (), may_split: tuple[tuple[str, str], ...] = ()
         ) -> dict[str, Any]:
    return {"first": first, "last": last, "takeoff": takeoff, "landing": landing,
            "events": [{"kind": k, "window": (a, b)} for k, a, b in events],
            "may_split": [list(w) for w in may_split]}


D = "2019-11-11T"
TRUTH: dict[str, dict[str, Any]] = {
    # Swiss 440549 at Zurich (LSZH, 1,416 ft): on the ground 14:13:50-14:20:25 (flag true, baro
    # 1,525-1,575 ft, positions creeping along the taxiway, many stale repeats), one record at
    # 14:15:42 says 38,000 ft with the flag false at the parked position (garbage). Airborne from
    # 14:20:26 (1,600 ft, 147 kt, +1,536 fpm), climbing through 16,400 ft at 14:26:26 when the
    # data ends.
    F + "traffic/noisy-noisy_ground.json.gz": {
        "legs": [_leg(D + "14:20:26Z", D + "14:26:26Z",
                      _end("LSZH", True, (D + "14:20:20Z", D + "14:20:30Z")), _end(None))],
        "where": [(D + "14:15:00Z", "ground", "LSZH"), (D + "14:15:42Z", "ground", "LSZH"),
                  (D + "14:18:00Z", "ground", "LSZH"), (D + "14:23:00Z", "airborne", None),
                  (D + "14:10:00Z", "unknown", None), (D + "14:30:00Z", "unknown", None)],
        "photos": [(D + "14:17:00Z", (47.4551, 8.5627), "consistent"),
                   (D + "14:17:00Z", (46.2381, 6.1090), "inconsistent")],
    },
    # 3946e4 taxiing at LSZH 17:35:36-17:39:46 (flag true, baro 1,525-1,550 ft); 65 stale records
    # with the flag false and 35,950-37,450 ft at taxiway positions (garbage); the flag flaps at
    # 17:39:47-49 on the runway; airborne from 17:39:47 (1,625 ft), 158 kt +2,816 fpm at
    # 17:39:50; data ends climbing through 21,925 ft at 17:47:45.
    F + "traffic/noisy-noisy_takeoff.json.gz": {
        "legs": [_leg(D + "17:39:47Z", D + "17:47:45Z",
                      _end("LSZH", True, (D + "17:39:44Z", D + "17:39:52Z")), _end(None))],
        "where": [(D + "17:36:45Z", "ground", "LSZH"), (D + "17:37:47Z", "ground", "LSZH"),
                  (D + "17:38:30Z", "ground", "LSZH"), (D + "17:44:00Z", "airborne", None),
                  (D + "17:50:00Z", "unknown", None)],
        "photos": [(D + "17:38:30Z", (47.4564, 8.5703), "consistent"),
                   (D + "17:44:00Z", (47.4564, 8.5703), "inconsistent")],
    },
    # 3c664e descending from 14,150 ft (17:55:51) toward Zurich; data ends at 18:09:59 at 1,675 ft
    # baro (field 1,416), 139 kt, -768 fpm, 3 km north-west of the runway: landing not observed,
    # LSZH is where it was going.
    F + "traffic/noisy-noisy_landing.json.gz": {
        "legs": [_leg(D + "17:55:51Z", D + "18:09:59Z", _end(None), _end("LSZH"))],
        "where": [(D + "18:00:00Z", "airborne", None), (D + "18:09:00Z", "airborne", None),
                  (D + "18:20:00Z", "unknown", None)],
        "photos": [],
    },
    # REGA (4b43ac), helicopter: first seen 21:18:39 lifting off near Triemli hospital (47.3665 N
    # 8.5007 E, 1,950 ft, 51 kt, +768 fpm: a hospital pad, no airfield), 2,900-3,000 ft across
    # the city, sets down at Duebendorf (LSMD, 1,470 ft) by 21:24:04 (1,450 ft, 10 kt, then
    # hover-taxi 7-18 kt; the flag stays false throughout). Data ends 21:24:17.
    F + "traffic/ambulances-rega_zh.json.gz": {
        "legs": [_leg("2019-05-24T21:18:39Z", "2019-05-24T21:24:00Z", _end(None),
                      _end("LSMD", True, ("2019-05-24T21:23:47Z", "2019-05-24T21:24:08Z")))],
        "where": [("2019-05-24T21:21:00Z", "airborne", None),
                  ("2019-05-24T21:30:00Z", "unknown", None)],
        "photos": [("2019-05-24T21:21:00Z", (47.0, 8.0), "inconsistent")],
    },
    # VOR05, calibration at Funchal (LPMA, 192 ft). First seen 09:44:10 at 25 ft, 89 kt, climbing
    # (a take-off just before: LPMA, not observed). Orbits at 8,000 ft, then runs at 4,750 and
    # 3,300 ft; low passes: 12:49:55-12:50:25 down to 700 ft then +1,984 fpm (a go-around over the
    # sea on final), 13:00:40-13:01:10 at 50-125 ft and 150-160 kt then +672 fpm (low approach
    # over the runway), 13:07:40-13:08:00 at 100 ft and 165 kt (low approach). Lands 13:24:10-
    # 13:24:20 (75 ft -> 0, 105 -> 77 kt); on the ground to the end (13:33:45; altitude 0,
    # speeds 17-27 kt while the position barely moves: a garbage speed).
    F + "traffic/calibration-funchal.json.gz": {
        "legs": [_leg("2018-11-23T09:44:10Z", "2018-11-23T13:24:10Z", _end("LPMA"),
                      _end("LPMA", True, ("2018-11-23T13:24:05Z", "2018-11-23T13:24:25Z")),
                      events=(("go-around", "2018-11-23T12:49:50Z", "2018-11-23T12:50:30Z"),
                              ("low-approach", "2018-11-23T13:00:35Z", "2018-11-23T13:01:15Z"),
                              ("low-approach", "2018-11-23T13:07:35Z", "2018-11-23T13:08:05Z")))],
        "where": [("2018-11-23T10:00:00Z", "airborne", None),
                  ("2018-11-23T13:01:00Z", "airborne", None),
                  ("2018-11-23T13:07:50Z", "airborne", None),
                  ("2018-11-23T13:28:00Z", "ground", "LPMA"),
                  ("2018-11-23T09:40:00Z", "unknown", None),
                  ("2018-11-23T13:40:00Z", "unknown", None)],
        "photos": [("2018-11-23T13:01:00Z", (32.6926, -16.7805), "consistent"),
                   ("2018-11-23T13:28:00Z", (32.6894, -16.7845), "consistent"),
                   ("2018-11-23T10:00:00Z", (32.6894, -16.7845), "inconsistent")],
    },
    # 484506 "belevingsvlucht": first seen 15:21:38 at 224 ft climbing 2,240 fpm 1.5 km north of
    # Schiphol's 18L/36R (take-off from EHAM, not observed); 5 hours of loops over the
    # Netherlands, never below 1,950 ft until the approach; lands at EHAM 20:18:00-20:18:08
    # (25 ft -> -11 ft -> -47 ft; field -11 ft); the reported speed then stays at 135 kt while the
    # position creeps (a stale speed) to the end at 20:22:54.
    F + "traffic/featured-belevingsvlucht.json.gz": {
        "legs": [_leg("2018-05-30T15:21:38Z", "2018-05-30T20:18:00Z", _end("EHAM"),
                      _end("EHAM", True, ("2018-05-30T20:17:56Z", "2018-05-30T20:18:12Z")))],
        "where": [("2018-05-30T16:00:00Z", "airborne", None),
                  ("2018-05-30T18:00:00Z", "airborne", None),
                  ("2018-05-30T20:20:30Z", "ground", "EHAM"),
                  ("2018-05-30T15:00:00Z", "unknown", None),
                  ("2018-05-30T20:30:00Z", "unknown", None)],
        "photos": [("2018-05-30T20:20:30Z", (52.3040, 4.7690), "consistent"),
                   ("2018-05-30T18:00:00Z", (52.3040, 4.7690), "inconsistent")],
    },
    # El Al 747 (738043): on the ground at Rome Fiumicino (LIRF) 09:28:10-10:10:40 (altitude 0,
    # 0-26 kt), rolling at 84 kt at 10:10:40, 425 ft and 162 kt at 10:11:00; lands at Tel Aviv
    # (LLBG) between 15:07:40 (325 ft) and 15:08:00 (0, 140 kt); ground to 15:18:10.
    F + "traffic/featured-elal747.json.gz": {
        "legs": [_leg("2019-11-03T10:11:00Z", "2019-11-03T15:07:40Z",
                      _end("LIRF", True, ("2019-11-03T10:10:35Z", "2019-11-03T10:11:05Z")),
                      _end("LLBG", True, ("2019-11-03T15:07:35Z", "2019-11-03T15:08:05Z")))],
        "where": [("2019-11-03T09:40:00Z", "ground", "LIRF"),
                  ("2019-11-03T12:00:00Z", "airborne", None),
                  ("2019-11-03T15:15:00Z", "ground", "LLBG"),
                  ("2019-11-03T09:00:00Z", "unknown", None),
                  ("2019-11-03T15:30:00Z", "unknown", None)],
        "photos": [("2019-11-03T09:40:00Z", (41.7940, 12.2426), "consistent"),
                   ("2019-11-03T15:15:00Z", (32.0063, 34.8773), "consistent"),
                   ("2019-11-03T15:15:00Z", (41.7940, 12.2426), "inconsistent"),
                   ("2019-11-03T12:00:00Z", (32.0063, 34.8773), "inconsistent")],
    },
    # ASK glider at Sisteron (LFNS, 1,772 ft): on the ground 10:58:44 (6 kt), rolling 36 kt at
    # 10:59:33, airborne 10:59:44 (54 kt, +1,024 fpm); five hours of thermalling at 3,400-10,600 ft
    # with holes up to 17 min (no stop fits: airborne far from any field on both sides); lands
    # at LFNS 16:04:02-16:04:12 (1,771 -> 1,755 ft, 65 -> 43 kt); on the ground 16:05:06, then no
    # record for 71 min, then parked at 17:15:58 and 17:21:16 (1-2 kt; the baro altitude drifts
    # from 1,742 to 1,876 ft while parked: a pressure change, not a climb).
    F + "traffic/gliders-sisteron.json.gz": {
        "legs": [_leg("2019-05-23T10:59:44Z", "2019-05-23T16:04:02Z",
                      _end("LFNS", True, ("2019-05-23T10:59:30Z", "2019-05-23T10:59:50Z")),
                      _end("LFNS", True, ("2019-05-23T16:03:57Z", "2019-05-23T16:04:20Z")))],
        "where": [("2019-05-23T12:00:00Z", "airborne", None),
                  ("2019-05-23T15:00:00Z", "airborne", None),
                  ("2019-05-23T16:05:00Z", "ground", "LFNS"),
                  ("2019-05-23T16:40:00Z", "unknown", None),
                  ("2019-05-23T17:18:00Z", "ground", "LFNS")],
        "photos": [("2019-05-23T17:18:00Z", (44.2840, 5.9325), "consistent")],
    },
    # PSWRD35 (ae0455), carrier practice off San Diego. Take-off from North Island (KNZY) at
    # 21:47:52-54 (0 -> 50 ft at 125 kt, flag false). Descends onto the carrier 150 km south-west:
    # 50 ft, 99 kt at 22:26:09, that record then repeated unchanged to 22:33 (on deck), nothing
    # for 18 min, then 200 ft climbing 3,776 fpm at 22:51:45 (a launch). 22:59:45 at 150 ft,
    # 100 kt descending, 7 min without a record, 650 ft climbing at 23:06:44: a trap and a
    # launch or a bolter: cannot tell (may split). 23:17:43 50 ft 86 kt, repeated to 23:27
    # (on deck), launch 23:42:56 (175 ft, +2,112 fpm); 23:49:13 50 ft 99 kt repeated to 23:57,
    # launch 00:29:50 (100 ft, +3,904 fpm); back to KNZY, landing 00:52:01-00:52:07 (25 -> -50
    # ft, 119 -> 108 kt); the last record repeated to 00:58:40.
    F + "traffic/military-aircraft_carrier.json.gz": {
        "legs": [
            _leg("2020-09-14T21:47:54Z", "2020-09-14T22:26:09Z",
                 _end("KNZY", True, ("2020-09-14T21:47:45Z", "2020-09-14T21:48:00Z")), _end(None)),
            _leg("2020-09-14T22:51:45Z", "2020-09-14T23:17:43Z", _end(None), _end(None),
                 may_split=(("2020-09-14T22:59:40Z", "2020-09-14T23:06:50Z"),)),
            _leg("2020-09-14T23:42:56Z", "2020-09-14T23:49:13Z", _end(None), _end(None)),
            _leg("2020-09-15T00:29:50Z", "2020-09-15T00:52:01Z", _end(None),
                 _end("KNZY", True, ("2020-09-15T00:51:55Z", "2020-09-15T00:52:15Z"))),
        ],
        "where": [("2020-09-14T22:05:00Z", "airborne", None),
                  ("2020-09-14T23:10:00Z", "airborne", None),
                  ("2020-09-15T00:40:00Z", "airborne", None),
                  ("2020-09-15T01:10:00Z", "unknown", None)],
        "photos": [("2020-09-14T22:05:00Z", (32.6990, -117.2150), "inconsistent")],
    },
    # SPAR19 (C-32), Flightradar24 playback: altitude 0 and 23-48 kt at Kuala Lumpur Subang
    # (WMSA) 07:36:06-07:41:42, 1,025 ft 182 kt at 07:42:48 (take-off between); cruise with
    # holes up to 8.5 min (airborne at FL340 on both sides); lands at Taipei Songshan (RCSS)
    # between 14:43:32 (100 ft) and 14:43:49 (0, 98 kt); taxi to 14:47:46.
    F + "traffic/fr24-2ce4f83f.json": {
        "legs": [_leg("2022-08-02T07:42:48Z", "2022-08-02T14:43:32Z",
                      _end("WMSA", True, ("2022-08-02T07:41:40Z", "2022-08-02T07:42:50Z")),
                      _end("RCSS", True, ("2022-08-02T14:43:30Z", "2022-08-02T14:43:50Z")))],
        "where": [("2022-08-02T07:37:00Z", "ground", "WMSA"),
                  ("2022-08-02T11:30:00Z", "airborne", None),
                  ("2022-08-02T14:46:00Z", "ground", "RCSS"),
                  ("2022-08-02T07:00:00Z", "unknown", None),
                  ("2022-08-02T15:00:00Z", "unknown", None)],
        "photos": [("2022-08-02T14:46:00Z", (25.0670, 121.5610), "consistent"),
                   ("2022-08-02T07:37:00Z", (25.0670, 121.5610), "inconsistent")],
    },
    # Zurich -> Cancun, Flightradar24 playback: altitude 0 at LSZH 10:43:07-11:04:23 (the
    # speed says 0 while the position moves 750 m at 11:04:11-23: a stale speed); 1,225 ft
    # (pressure altitude below the 1,416 ft field) at 120 kt 11:04:37, climbing +1,024 fpm at
    # 11:05:06: the take-off is between 11:04:23 and 11:05:06. Over the Atlantic holes of 10-26
    # min at FL350 (airborne on both sides, hundreds of km apart). Lands at MMUN between 21:40:46
    # (50 ft) and 21:41:27 (0, 44 kt); taxi to 21:42:37.
    F + "traffic/fr24-34a8254b.json": {
        "legs": [_leg("2024-04-06T11:05:06Z", "2024-04-06T21:40:46Z",
                      _end("LSZH", True, ("2024-04-06T11:04:20Z", "2024-04-06T11:05:10Z")),
                      _end("MMUN", True, ("2024-04-06T21:40:40Z", "2024-04-06T21:41:30Z")))],
        "where": [("2024-04-06T10:50:00Z", "ground", "LSZH"),
                  ("2024-04-06T15:40:00Z", "airborne", None),
                  ("2024-04-06T18:00:00Z", "airborne", None),
                  ("2024-04-06T21:42:00Z", "ground", "MMUN"),
                  ("2024-04-06T22:00:00Z", "unknown", None)],
        "photos": [("2024-04-06T10:50:00Z", (47.4522, 8.5550), "consistent"),
                   ("2024-04-06T21:42:00Z", (47.4522, 8.5550), "inconsistent")],
    },
    # (Palm Beach International was KPBI then; airportsdata now names it KDJT: either is right)
    # N8774Q (B38M), readsb trace: cruise at FL360 from 00:00:05; descends into Palm Beach
    # (KPBI, 19 ft): 0 ft baro at 02:49:04, -100 ft baro 162 kt flag airborne at 02:49:12 (a
    # pressure altitude below the field while still flying), first "ground" record 02:49:34 at
    # 95 kt. Taxi to 02:53:49, no record for 7 h 56 min, then taxiing at KPBI from 10:49:39
    # (the new-leg bit set while on the ground) to the end at 10:52:06: no second flight.
    F + "readsb/trace_full_ac134a.json": {
        "legs": [_leg("2024-08-12T00:00:05Z", "2024-08-12T02:49:12Z", _end(None),
                      _end("KPBI|KDJT", True, ("2024-08-12T02:49:04Z", "2024-08-12T02:49:35Z")))],
        "where": [("2024-08-12T01:30:00Z", "airborne", None),
                  ("2024-08-12T02:49:08Z", "airborne", None),
                  ("2024-08-12T02:51:00Z", "ground", "KPBI|KDJT"),
                  ("2024-08-12T06:00:00Z", "unknown", None),
                  ("2024-08-12T10:51:00Z", "ground", "KPBI|KDJT"),
                  ("2024-08-12T11:00:00Z", "unknown", None)],
        "photos": [("2024-08-12T02:51:00Z", (26.6834, -80.0880), "consistent"),
                   ("2024-08-12T01:30:00Z", (26.6834, -80.0880), "inconsistent")],
    },
    # ANZ1005 at Los Angeles (KLAX, 125 ft): 13 Flightradar24 CSV records 04:26:16-04:32:57,
    # altitude 500-530 ft (a reported altitude, not height: no climb, no speed), 0-9 kt, the
    # position moving 150 m: on the ground, no flight.
    F + "fr24/SkyDolly_FlightRadar24.csv": {
        "legs": [],
        "where": [("2021-10-29T04:28:00Z", "ground", "KLAX"),
                  ("2021-10-29T04:30:30Z", "ground", "KLAX")],
        "photos": [("2021-10-29T04:28:00Z", (33.9434, -118.4280), "consistent")],
    },
    # FZ981 at Dubai (OMDB): ten KML route points 18:20:47-18:28:08, altitude 0, 0-26 kt: taxiing.
    F + "fr24/FlightRadar24_FZ981-922b3bd.kml": {
        "legs": [],
        "where": [("2016-03-18T18:27:00Z", "ground", "OMDB")],
        "photos": [],
    },
    # RYR2RG (4d2271), OpenSky state vectors 15:45:00-16:05:00 at FL370, 412-424 kt: one
    # cruise stretch, both ends unknown. 20 records repeat the previous position (same
    # lastposupdate): resampled repeats, not new positions.
    F + "opensky/states_RYR2RG_2022-02-02_from_traffic_cache.csv": {
        "legs": [_leg("2022-02-02T15:45:00Z", "2022-02-02T16:05:00Z", _end(None), _end(None))],
        "where": [("2022-02-02T15:55:00Z", "airborne", None),
                  ("2022-02-02T16:10:00Z", "unknown", None)],
        "photos": [],
    },
    # OpenSky REST snapshot: one state per aircraft (two climbing, one descending, LPE2264's
    # position is 4 minutes stale with the on-ground flag set at 162 kt): no leg can be
    # shown from one position.
    F + "opensky/python-opensky_rest_states.json": {"legs": [], "where": [], "photos": []},
    # SkyDolly's Nile flight: 20 points 10:00-10:19 at 1,640 ft along the Nile, 80 km in 19
    # min (about 135 kt): one flight seen in the air, ends unknown.
    F + "gpx/SkyDolly_Nile.gpx": {
        "legs": [_leg("2022-01-15T10:00:00Z", "2022-01-15T10:19:00Z", _end(None), _end(None))],
        "where": [], "photos": [],
    },
    # CAL FIRE Copter 106 (a622fc), one aircraft of the 45 in firefighting-calfire (a file of
    # several aircraft: the key names the one labelled). Labelled from rawdump --all --icao a622fc
    # (points sorted by time by hand: the file is in flight-id order) before Casefile ran on the
    # file. Sparse records (holes of 1-15 min) 8-14 Sep 2020; no on-ground flag. Every flight
    # starts climbing and ends descending within 2 km of the Alma Helitack Base (OurAirports
    # US-3104, 37.18 N 121.99 W, a heliport; the lowest readings there are 750-800 ft geometric):
    # 01:06:29-01:46:52 (1,000 ft, 18 kt, -384 fpm over the base at the end, then 19 h without a
    # record); 20:43:07 (1,000 ft climbing over the base) - 21:47:46 (1,100 ft, 30 kt, descending
    # at the base), a 16-min hole at 1,800 ft over 37.49 N 121.83 W in it (a stop may fit); 9 Sep
    # 16:43:37-18:16:43 (a 3.5-min hole at the base at 16:52-16:55: may have set down); 12 Sep
    # 17:01:20 (1,600 ft, 52 kt, climbing 1.4 km from the base) - 18:12:58 (1,500 ft, 69 kt,
    # descending), then 18:24:28 at the base at 800 ft, 0 kt, 0 fpm: on the ground (landing between
    # the two, observed); a 12-min hole 17:33:46 (800 ft, 27 kt, descending at the base) - 17:45:49
    # (1,200 ft climbing 1,344 fpm): may have set down; 14 Sep 17:24:03 (900 ft climbing at the
    # base) - 17:59:59 (800 ft, 45 kt, descending at the base; then 70 min without a record, as
    # for every aircraft in the file: the records stop at 17:59:59), a 6-min hole at the base at
    # 17:33-17:39 (may split); 19:10:13 (1,500 ft climbing 1.7 km away) - 19:42:07 (800 ft, 50
    # kt, descending at the base), 12 min without a record 19:12:32-19:24:35 then at the base at
    # 800 ft descending and 38 s later 1,600 ft climbing (set down or a low pass: may split).
    F + "traffic/firefighting-calfire.json.gz#a622fc": {
        "legs": [
            _leg("2020-09-08T01:06:29Z", "2020-09-08T01:46:52Z", _end("US-3104"), _end("US-3104")),
            _leg("2020-09-08T20:43:07Z", "2020-09-08T21:47:46Z", _end("US-3104"), _end("US-3104"),
                 may_split=(("2020-09-08T21:04:33Z", "2020-09-08T21:20:10Z"),)),
            _leg("2020-09-09T16:43:37Z", "2020-09-09T18:16:43Z", _end("US-3104"), _end("US-3104"),
                 may_split=(("2020-09-09T16:52:00Z", "2020-09-09T16:55:29Z"),)),
            _leg("2020-09-12T17:01:20Z", "2020-09-12T18:12:58Z", _end("US-3104"),
                 _end("US-3104", True, ("2020-09-12T18:12:58Z", "2020-09-12T18:24:28Z")),
                 may_split=(("2020-09-12T17:33:46Z", "2020-09-12T17:45:49Z"),)),
            _leg("2020-09-14T17:24:03Z", "2020-09-14T17:59:59Z", _end("US-3104"), _end("US-3104"),
                 may_split=(("2020-09-14T17:33:10Z", "2020-09-14T17:39:32Z"),)),
            _leg("2020-09-14T19:10:13Z", "2020-09-14T19:42:07Z", _end("US-3104"), _end("US-3104"),
                 may_split=(("2020-09-14T19:12:32Z", "2020-09-14T19:25:13Z"),)),
        ],
        "where": [("2020-09-07T23:00:00Z", "unknown", None),
                  ("2020-09-08T01:08:30Z", "airborne", None),
                  ("2020-09-09T17:09:30Z", "airborne", None),
                  ("2020-09-10T12:00:00Z", "unknown", None),
                  ("2020-09-12T17:15:00Z", "airborne", None),
                  ("2020-09-12T18:24:28Z", "ground", "US-3104"),
                  ("2020-09-12T18:30:00Z", "unknown", None),
                  ("2020-09-14T17:53:00Z", "airborne", None),
                  ("2020-09-14T18:30:00Z", "unknown", None)],
        "photos": [("2020-09-12T18:24:28Z", (37.1844, -121.9897), "consistent"),
                   ("2020-09-09T17:09:30Z", (38.6670, -121.4000), "inconsistent"),
                   ("2020-09-14T18:30:00Z", (37.1844, -121.9897), "undetermined")],
    },
    # CAL FIRE Tanker 83 (a50acc), a second aircraft of firefighting-calfire, an aeroplane (130-230
    # kt), labelled from the raw points (sorted by time) before Casefile's answers for it were
    # looked at. Records every 0.5-5 min with holes; no on-ground flag, no record on the ground.
    # Fields by the points' positions: Paso Robles (KPRB, 840 ft), Columbia (KO22, 2,118 ft),
    # Porterville (KPTV, 442 ft; or Kingtech Field 1Q1, 426 ft, 2 km from it: cannot tell),
    # Fresno (KFAT, 336 ft). 8 Sep: 00:53:11 climbing (1,900 ft, +1,152 fpm) 2.9 km from KPRB;
    # 01:08:35 on final to KPRB (1,600 ft, -1,792 fpm), 23 min without a record, 01:32:02
    # climbing out of KPRB (2,000 ft): a reload stop; north at FL090-100 to 02:16:44 (5,200 ft,
    # -2,176 fpm, 5 km from KO22: data ends for 16 h): going to Columbia. 18:01:12 first seen at
    # 10,400 ft climbing 11 km from KO22 (take-off not read: already high); 18:33:48 2,900 ft
    # descending 9-12 km from 1Q1/KPTV, 6 h 22 min without a record, 9 Sep 00:56:14 climbing at
    # 3,300 ft at the same spot; back north, 01:59:59 3,500 ft descending 3.5 km from KO22 (the
    # file's records stop at hh:59:59). 16:26:19 first seen at 7,100 ft, 231 kt; 17:01 descending
    # near Porterville, 15 min without a record, 17:16 climbing 6.5 km from KPTV (a reload may
    # fit: may split); over the Creek fire (37.05 N 119.42 W) at 4,000-7,000 ft to 17:42:50, 52
    # min without a record, 18:34:52 climbing out of Fresno at 900 ft. Then nine runs from Fresno
    # to the fire and back: each ends on final to KFAT at 600-1,600 ft descending 700-1,900 fpm
    # 1-5 km from the field, and after 8-58 min without a record the next starts climbing out of
    # KFAT at 1,000-1,500 ft (reloads at Fresno: landings and take-offs not observed). The run
    # from 00:40:33 shows only its climb (1,000 -> 1,800 ft) before 30 min without a record, then
    # 01:11:38 climbing out of KFAT again (it must have landed there). The last run leaves Fresno
    # 01:45:47 and is last seen 02:21:19 at 7,400 ft, 214 kt, level, heading north-west.
    F + "traffic/firefighting-calfire.json.gz#a50acc": {
        "legs": [
            _leg("2020-09-08T00:53:11Z", "2020-09-08T01:08:35Z", _end("KPRB"), _end("KPRB")),
            _leg("2020-09-08T01:32:02Z", "2020-09-08T02:16:44Z", _end("KPRB"), _end("KO22")),
            _leg("2020-09-08T18:01:12Z", "2020-09-08T18:33:48Z", _end(None), _end("KPTV|1Q1")),
            _leg("2020-09-09T00:56:14Z", "2020-09-09T01:59:59Z", _end("KPTV|1Q1"), _end("KO22")),
            _leg("2020-09-09T16:26:19Z", "2020-09-09T17:42:50Z", _end(None), _end("KFAT"),
                 may_split=(("2020-09-09T17:01:00Z", "2020-09-09T17:16:26Z"),)),
            _leg("2020-09-09T18:34:52Z", "2020-09-09T18:52:13Z", _end("KFAT"), _end("KFAT")),
            _leg("2020-09-09T19:00:18Z", "2020-09-09T19:17:52Z", _end("KFAT"), _end("KFAT")),
            _leg("2020-09-09T19:31:09Z", "2020-09-09T19:53:38Z", _end("KFAT"), _end("KFAT")),
            _leg("2020-09-09T20:08:02Z", "2020-09-09T20:29:06Z", _end("KFAT"), _end("KFAT")),
            _leg("2020-09-09T20:47:09Z", "2020-09-09T21:10:33Z", _end("KFAT"), _end("KFAT")),
            _leg("2020-09-09T22:13:32Z", "2020-09-09T22:32:12Z", _end("KFAT"), _end("KFAT")),
            _leg("2020-09-09T22:49:28Z", "2020-09-09T23:13:35Z", _end("KFAT"), _end("KFAT")),
            _leg("2020-09-09T23:22:57Z", "2020-09-09T23:42:02Z", _end("KFAT"), _end("KFAT")),
            _leg("2020-09-10T00:40:33Z", "2020-09-10T00:41:31Z", _end("KFAT"), _end("KFAT")),
            _leg("2020-09-10T01:11:38Z", "2020-09-10T01:20:01Z", _end("KFAT"), _end("KFAT")),
            _leg("2020-09-10T01:45:47Z", "2020-09-10T02:21:19Z", _end("KFAT"), _end(None)),
        ],
        "where": [("2020-09-08T01:20:00Z", "unknown", None),
                  ("2020-09-08T01:50:00Z", "airborne", None),
                  ("2020-09-08T12:00:00Z", "unknown", None),
                  ("2020-09-09T17:38:00Z", "airborne", None),
                  ("2020-09-09T18:56:00Z", "unknown", None),
                  ("2020-09-09T21:40:00Z", "unknown", None),
                  ("2020-09-10T01:30:00Z", "unknown", None),
                  ("2020-09-10T03:00:00Z", "unknown", None)],
        "photos": [("2020-09-09T18:56:00Z", (36.7762, -119.7181), "consistent"),
                   ("2020-09-09T17:38:00Z", (36.7762, -119.7181), "inconsistent")],
    },
    # Walking and driving tracks (gpxpy's test files): no airborne evidence, no flight.
    F + "gpx/gpxpy_test_files/cerknicko-jezero.gpx": {"legs": [], "where": [], "photos": []},
    F + "gpx/gpxpy_test_files/korita-zbevnica.gpx": {"legs": [], "where": [], "photos": []},
    F + "gpx/gpxpy_test_files/around-visnjan-with-car.gpx": {"legs": [], "where": [], "photos": []},
}

#: kept aside: not labelled while the rules changed; checked by hand at the end (see the note)
HELD_OUT = (
    F + "traffic/ambulances-samu31.json.gz",
    F + "traffic/calibration-kiruna.json.gz",
    F + "traffic/fr24-372355e5.json",
    F + "flightaware/FlightAware_DLH1534_LSZH_EDDF_20210817.kml",
)

#: the held-out files' labels, read from the raw points only after the rules were done (never
#: tuned on): `python benchmarks/truth.py --held-out`
HELD_OUT_TRUTH: dict[str, dict[str, Any]] = {
    # SAMU31 (39ac45), helicopter: first seen 11:23:15 at 1,125 ft, 87 kt over Toulouse; circles
    # at 1,100-1,475 ft; the data ends 11:29:15-32 at 950 ft, 34 kt, -320 fpm over the Purpan
    # hospital (43.611 N 1.401 E), its last record repeated: landing not observed, no airport
    # (Toulouse-Blagnac lies 3 km west). Label corrected after the first check by hand: the
    # hospital's pad is listed by OurAirports (FR-0121, Centre Hospitalier Régional Heliport,
    # 0.24 km from the last position), so that is where it was going, not "no airfield".
    F + "traffic/ambulances-samu31.json.gz": {
        "legs": [_leg("2019-05-17T11:23:15Z", "2019-05-17T11:29:15Z", _end(None),
                      _end("FR-0121"))],
        "where": [("2019-05-17T11:26:00Z", "airborne", None),
                  ("2019-05-17T11:40:00Z", "unknown", None)],
        "photos": [],
    },
    # 4ab179, calibration at Kiruna (ESNQ, 1,509 ft): first seen 08:15:25 at 2,400 ft climbing
    # 2,176 fpm 1.3 km from the field (a take-off from ESNQ, not observed); five passes over the
    # runway at 1,800-2,000 ft (300-500 ft above it) and 145-175 kt, each followed by a climb
    # (08:27:40, 08:50:10, 09:21:35, 09:30:25, 09:38:30); an excursion east at 8,275 ft; lands
    # 10:34:45-10:35:15 (1,750 ft and 34 kt, then 0 and 24 kt), taxi to the end.
    F + "traffic/calibration-kiruna.json.gz": {
        "legs": [_leg("2019-01-30T08:15:25Z", "2019-01-30T10:34:45Z", _end("ESNQ"),
                      _end("ESNQ", True, ("2019-01-30T10:34:30Z", "2019-01-30T10:35:20Z")),
                      events=(("low-approach", "2019-01-30T08:27:25Z", "2019-01-30T08:27:55Z"),
                              ("low-approach", "2019-01-30T08:49:55Z", "2019-01-30T08:50:25Z"),
                              ("low-approach", "2019-01-30T09:21:35Z", "2019-01-30T09:21:50Z"),
                              ("low-approach", "2019-01-30T09:30:10Z", "2019-01-30T09:30:40Z"),
                              ("low-approach", "2019-01-30T09:38:30Z", "2019-01-30T09:38:45Z")))],
        "where": [("2019-01-30T09:00:00Z", "airborne", None),
                  ("2019-01-30T08:27:40Z", "airborne", None),
                  ("2019-01-30T10:36:00Z", "ground", "ESNQ"),
                  ("2019-01-30T08:00:00Z", "unknown", None)],
        "photos": [],
    },
    # THY9BP (TC-JVF), Istanbul (LTFM, 325 ft) to Oslo (ENGM, 681 ft), Flightradar24 playback:
    # taxi at altitude 0 to 08:01:54 (the speed reads 0 while moving), 225 ft (below the field:
    # pressure altitude) at 106 kt 08:02:03, climbing 1,728 fpm at 08:02:21: take-off between
    # 08:01:54 and 08:02:21. Lands at ENGM between 11:17:08 (150 ft, 98 kt) and 11:17:15 (0,
    # 69 kt); taxi to 11:20:57.
    F + "traffic/fr24-372355e5.json": {
        "legs": [_leg("2024-09-17T08:02:21Z", "2024-09-17T11:17:08Z",
                      _end("LTFM", True, ("2024-09-17T08:01:50Z", "2024-09-17T08:02:25Z")),
                      _end("ENGM", True, ("2024-09-17T11:17:05Z", "2024-09-17T11:17:20Z")))],
        "where": [("2024-09-17T07:45:00Z", "unknown", None),
                  ("2024-09-17T07:58:00Z", "ground", "LTFM"),
                  ("2024-09-17T09:30:00Z", "airborne", None),
                  ("2024-09-17T11:19:00Z", "ground", "ENGM")],
        "photos": [],
    },
    # DLH1534, FlightAware KML (altitude only, metres): first point 12:43:24 at 1,926 ft 1.5 km
    # west of Zurich's runways (field 1,416 ft) climbing (a take-off from LSZH, not observed);
    # the last at 13:19:29, 174 ft (below the field's 364 ft: the altitude is not height) 1.5 km
    # from Frankfurt's runway 25C on final: landing not observed, at EDDF.
    F + "flightaware/FlightAware_DLH1534_LSZH_EDDF_20210817.kml": {
        "legs": [_leg("2021-08-17T12:43:24Z", "2021-08-17T13:19:29Z", _end("LSZH"),
                      _end("EDDF"))],
        "where": [("2021-08-17T13:00:00Z", "airborne", None)],
        "photos": [],
    },
}
