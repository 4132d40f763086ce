"""Legs, airports, ground stays and flags on every real file of ../shared/corpora/flights/traffic,
as read by hand from the data (see the notes beside each): noisy take-offs, landings and ground
movement; a carrier landing far from any airport; helicopters; calibration low passes over
runways (not landings); gliders; SPAR19; long-haul cruise holes."""

from __future__ import annotations

import pytest

from casefile.flights import query as Q
from casefile.timeutil import from_epoch
from tests.flights.helpers import import_one

TRAFFIC = "flights/traffic"

# name: (legs, (take-off observed, its airport), (landing observed, its airport), ground stays)
EXPECTED = {
    # REGA1 comes in from the city at 2,000 ft and sets down at its base on Dübendorf airfield
    # (47.396 N 8.637 E, 1,450 ft at the 1,470 ft field, 8-18 kt) with the on-ground flag false
    "ambulances-rega_zh.json.gz": (1, (False, None), (True, "LSMD"), 1),
    # SAMU31's data ends descending through 950 ft, 3.6 km from Toulouse-Blagnac: no landing
    "ambulances-samu31.json.gz": (1, (False, None), (False, None), 0),
    # VOR05: first seen climbing out at 25 ft, flies low passes at 50-100 ft and 150-165 kt over
    # the runway (not landings), lands at 13:24 (altitude 0 from 97 kt down to a taxi)
    "calibration-funchal.json.gz": (1, (False, "LPMA"), (True, "LPMA"), 1),
    "calibration-kiruna.json.gz": (1, (False, "ESNQ"), (True, "ESNQ"), 1),
    # takes off from and lands at Schiphol; first seen at 224 ft climbing, last at altitude 0
    "featured-belevingsvlucht.json.gz": (1, (False, "EHAM"), (True, "EHAM"), 1),
    "featured-elal747.json.gz": (1, (True, "LIRF"), (True, "LLBG"), 2),
    # the glider: airborne 10:59-16:04 with coverage holes up to 17 min, one flight
    "gliders-sisteron.json.gz": (1, (True, "LFNS"), (True, "LFNS"), 3),
    # flapping flags and 38,000 ft altitudes while parked: one ground stay, then one take-off
    "noisy-noisy_ground.json.gz": (1, (True, "LSZH"), (False, None), 1),
    "noisy-noisy_landing.json.gz": (1, (False, None), (False, None), 0),
    "noisy-noisy_takeoff.json.gz": (1, (True, "LSZH"), (False, None), 1),
    # SPAR19, Kuala Lumpur Subang to Taipei Songshan (Flightradar24: altitude 0, no flag)
    "fr24-2ce4f83f.json": (1, (True, "WMSA"), (True, "RCSS"), 2),
    # Zurich to Cancun with nine 10-26 min holes over the Atlantic: one leg, not ten
    "fr24-34a8254b.json": (1, (True, "LSZH"), (True, "MMUN"), 2),
    "fr24-372355e5.json": (1, (True, "LTFM"), (True, "ENGM"), 2),
}


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_traffic_file_legs_airports_and_ground_stays(corpora, fresh_case, name):
    n_legs, (to_obs, to_ap), (ld_obs, ld_ap), stays = EXPECTED[name]
    import_one(fresh_case, corpora / TRAFFIC / name)
    legs = [leg for leg in Q.legs(fresh_case) if not leg.reported]
    assert len(legs) == n_legs, [(x.takeoff.note, x.landing.note) for x in legs]
    first, last = legs[0], legs[-1]
    assert (first.takeoff.observed, first.takeoff.airport_icao) == (to_obs, to_ap), first.takeoff.note
    assert (last.landing.observed, last.landing.airport_icao) == (ld_obs, ld_ap), last.landing.note
    assert len(Q.ground_stays(fresh_case)) == stays


def test_carrier_landings_are_probable_landings_away_from_any_airfield(corpora, fresh_case):
    # PSWRD35 takes off from North Island (altitude 0, 125 kt, flag false), descends to 50 ft
    # about 150 km south-west at sea twice, its last report repeated unchanged for minutes on
    # deck, climbs away from the same spot, and lands back at North Island (-50 ft, 100 kt)
    import_one(fresh_case, corpora / TRAFFIC / "military-aircraft_carrier.json.gz")
    legs = [leg for leg in Q.legs(fresh_case) if not leg.reported]
    # 22:59:45 descending at 150 ft, 7 min unseen, 23:06:44 climbing at 650 ft: a trap and a
    # launch, or a bolter (the labels cannot tell): a fifth leg there is allowed
    trap = [k for k, leg in enumerate(legs) if leg.first_seen_utc.startswith("2020-09-14T23:06")]
    if trap:
        assert len(legs) == 5 and legs[trap[0]].takeoff.note.startswith(
            "probable take-off away from an airfield")
        legs = legs[:trap[0]] + legs[trap[0] + 1:]
    assert len(legs) == 4
    assert legs[0].takeoff.observed and legs[0].takeoff.airport_icao == "KNZY"
    for leg in legs[:2]:
        assert leg.landing.note.startswith("probable landing away from an airfield (not observed)")
        assert leg.landing.airport_icao is None and not leg.landing.observed
    for leg in legs[1:3]:
        assert leg.takeoff.note.startswith("probable take-off away from an airfield")
    assert legs[-1].landing.observed and legs[-1].landing.airport_icao == "KNZY"
    [trk] = Q.tracks(fresh_case)
    assert trk["ground_flags_contradicted"] >= 1     # "not on the ground" at 0 ft on the runway


def test_flapping_flags_are_noise_and_a_contradicted_flag_is_counted(corpora, fresh_case):
    import_one(fresh_case, corpora / TRAFFIC / "noisy-noisy_takeoff.json.gz")
    [trk] = Q.tracks(fresh_case)
    # the flag flaps on the runway (17:39:47-49, read by hand): noise; no flag is contradicted
    # by a speed the positions imply over 10 s either side (one-second jumps of stale positions
    # no longer count as 250 kt on the ground)
    assert trk["noise_points"] > 0
    [leg] = [leg for leg in Q.legs(fresh_case) if not leg.reported]
    # read by hand: on the runway at 17:39:45-46 (flag true), climbing at 1,625 ft at 17:39:47
    assert leg.takeoff.window_utc is not None
    assert "2019-11-11T17:39:4" in leg.takeoff.window_utc[0]


def test_where_in_a_cruise_hole_says_airborne_position_unknown(corpora, fresh_case):
    import_one(fresh_case, corpora / TRAFFIC / "fr24-34a8254b.json")
    # 13:21:06 to 13:35:31 no position, at cruise on both sides over the Atlantic
    w = Q.where(fresh_case, "HB-JMF", "2024-04-06T13:28:00Z")
    assert w.status == "airborne" and w.lat is None
    assert w.reason.startswith("airborne, position unknown")
    # the flight number and the callsign name the aircraft, as its registration does
    assert Q.find_aircraft(fresh_case, "WK24").registration == "HB-JMF"
    assert Q.find_aircraft(fresh_case, "EDW24").registration == "HB-JMF"


def test_fr24_altitude_zero_roll_is_ground_and_the_take_off_a_window(corpora, fresh_case):
    import_one(fresh_case, corpora / TRAFFIC / "fr24-2ce4f83f.json")
    [leg] = [leg for leg in Q.legs(fresh_case) if not leg.reported]
    # read by hand: last altitude-0 position 07:41:42 (48 kt on the runway), next 07:42:48 at
    # 1,025 ft climbing 2,048 ft/min: the take-off is somewhere in those 66 s
    assert leg.takeoff.window_utc == ("2022-08-02T07:41:42.000Z", "2022-08-02T07:42:48.000Z")
    w = Q.where(fresh_case, "SPAR19", "2022-08-02T07:41:42Z")
    assert w.status == "ground" and w.airport_icao == "WMSA"
    assert from_epoch(1659426102) == "2022-08-02T07:41:42.000Z"
