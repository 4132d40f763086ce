"""The state model on each situation of issue 14: a high field, altitude-0 runway positions, a
take-off between two positions, cruise holes, flapping flags, a ground flag at cruise."""

from __future__ import annotations

from casefile.flights import query as Q
from casefile.flights import state as S
from casefile.timeutil import from_epoch
from tests.flights.helpers import store_rows

T0 = 1553256000.0   # 2019-03-22T12:00:00Z
SLLP = (-16.5133, -68.1923)   # El Alto, La Paz: field elevation 13,355 ft


def _row(t, lat, lon, alt, ground, gs, vrate=0.0, src="adsb_icao"):
    return (t, lat, lon, alt, None, ground, gs, 90.0, vrate, "TEST1", src, 0)


def _legs(case):
    return [leg for leg in Q.legs(case) if not leg.reported]


def test_ground_at_a_high_field_is_ground(fresh_case):
    # taxiing at 12 kt at El Alto, barometric altitude at the field's height, no flag
    rows = [_row(T0 + k * 10, SLLP[0] + k * 0.0001, SLLP[1], 13360.0, None, 12.0) for k in range(6)]
    store_rows(fresh_case, rows)
    ac = Q.list_aircraft(fresh_case)[0]
    w = Q.where(fresh_case, ac.id, from_epoch(T0 + 25))
    assert w.status == "ground" and w.airport_icao == "SLLP"
    # the same speed 4,000 ft above the field is slow flight, not ground
    calls = S.ground_calls([0.0, 10.0], [SLLP[0]] * 2, [SLLP[1]] * 2, [17400.0] * 2, [None] * 2,
                           [30.0] * 2, [0.0] * 2)
    assert calls.ground == [False, False]


def test_altitude_zero_at_runway_speed_is_the_roll_not_flight(fresh_case):
    # Flightradar24: altitude 0 and no flag while rolling at 60-130 kt, then climbing away
    lat, lon = 47.4647, 8.54917
    rows = []
    for k in range(8):                                       # the take-off roll: alt 0
        rows.append(_row(T0 + k * 5, lat, lon + k * 0.002, 0.0, None, 60.0 + k * 10, 0.0, "fr24"))
    for k in range(1, 6):                                    # airborne, climbing
        rows.append(_row(T0 + 35 + k * 10, lat, lon + 0.016 + k * 0.006, 300.0 * k, None, 160.0,
                         2000.0, "fr24"))
    store_rows(fresh_case, rows)
    [leg] = _legs(fresh_case)
    assert leg.takeoff.observed and leg.takeoff.airport_icao == "LSZH"
    # between the last roll position (T0+35, 130 kt on the ground) and the first airborne one
    assert leg.takeoff.window_utc == (from_epoch(T0 + 35), from_epoch(T0 + 45))
    ac = Q.list_aircraft(fresh_case)[0]
    assert Q.where(fresh_case, ac.id, from_epoch(T0 + 30)).status == "ground"


def test_take_off_in_a_hole_is_a_window_and_where_invents_nothing(fresh_case):
    lat, lon = 47.4647, 8.54917
    rows = [_row(T0 + k * 10, lat, lon, None, True, 15.0) for k in range(5)]
    rows += [_row(T0 + 340 + k * 10, lat + 0.1, lon, 6000.0 + k * 100, False, 250.0, 2000.0)
             for k in range(5)]                               # next seen 5 minutes later, at 6,000 ft
    store_rows(fresh_case, rows)
    [leg] = _legs(fresh_case)
    assert leg.takeoff.window_utc == (from_epoch(T0 + 40), from_epoch(T0 + 340))
    assert leg.takeoff.uncertainty_s == 150.0
    assert "between 12:00:40 and 12:05:40 UTC" in leg.takeoff.note
    ac = Q.list_aircraft(fresh_case)[0]
    w = Q.where(fresh_case, ac.id, from_epoch(T0 + 200))
    assert w.status == "unknown" and w.alt_ft is None and w.lat is None
    assert w.reason.startswith("taking off between")


def test_cruise_holes_do_not_split_the_leg_and_where_says_airborne(fresh_case):
    # FL350 at ~450 kt, then 45 minutes dark while covering ~620 km, then seen again at FL350
    lat, lon = 50.0, -20.0
    rows = [_row(T0 + k * 60, lat, lon - k * 0.2, 35000.0, False, 450.0) for k in range(10)]
    lat2, lon2 = lat, lon - 1.8 - 8.66                      # 8.66 degrees west: ~620 km at 50N
    rows += [_row(T0 + 540 + 2700 + k * 60, lat2, lon2 - k * 0.2, 35000.0, False, 450.0)
             for k in range(10)]
    store_rows(fresh_case, rows)
    assert len(_legs(fresh_case)) == 1                        # no stop fits in 45 min
    ac = Q.list_aircraft(fresh_case)[0]
    w = Q.where(fresh_case, ac.id, from_epoch(T0 + 540 + 1350))
    assert w.status == "airborne" and w.lat is None
    assert w.reason.startswith("airborne, position unknown")
    # a 45-minute hole near the ground with the same two ends 20 km apart: a stop fits
    assert S.stop_possible(2700.0, 20.0, 1500.0, 1500.0)
    assert not S.stop_possible(2700.0, 620.0, 35000.0, 35000.0)


def test_flapping_ground_flags_make_no_one_second_legs(fresh_case):
    lat, lon = 47.4647, 8.54917
    flags = [True, False, True, True, False, True, False, True, True, True] * 3   # taxiing
    rows = [_row(T0 + k, lat, lon + k * 0.00005, None if g else 1450.0, g, 12.0)
            for k, g in enumerate(flags)]
    store_rows(fresh_case, rows)
    assert _legs(fresh_case) == []
    assert len(Q.ground_stays(fresh_case)) == 1


def test_a_ground_flag_at_cruise_is_contradicted_not_obeyed(fresh_case):
    lat, lon = 40.0, -30.0                                    # mid-Atlantic, FL309, 420 kt
    rows = [_row(T0 + k * 10, lat, lon - k * 0.02, 30900.0, k == 5, 420.0) for k in range(12)]
    store_rows(fresh_case, rows)
    [leg] = _legs(fresh_case)
    assert not leg.landing.observed and not leg.takeoff.observed
    calls = S.ground_calls([r[0] for r in rows], [r[1] for r in rows], [r[2] for r in rows],
                           [r[3] for r in rows], [r[5] for r in rows], [r[6] for r in rows],
                           [r[8] for r in rows])
    assert calls.contradicted == 1 and calls.why[5] == S.WHY_FLAG_CONTRADICTED


def test_a_spoofed_stretch_is_flagged_not_the_genuine_points_after_it(fresh_case):
    # genuine: FL350 eastward at ~430 kt (0.2 deg of longitude a minute at 45N); for 8 minutes the
    # positions jump to a stretch at FL380 and 50 kt over another city, 600 km north; then genuine
    rows = [_row(T0 + k * 60, 45.0, 10.0 + k * 0.2, 35000.0, False, 430.0) for k in range(10)]
    spoof = [_row(T0 + 600 + k * 60, 50.5, 11.0 + k * 0.01, 38000.0, False, 50.0) for k in range(8)]
    rows += spoof
    rows += [_row(T0 + 1080 + k * 60, 45.0, 13.6 + k * 0.2, 35000.0, False, 430.0)
             for k in range(10)]
    tid = store_rows(fresh_case, rows)
    [trk] = Q.tracks(fresh_case)
    assert trk["id"] == tid and trk["quality"] == {"spoofed": 8}
    flagged = [p.t for p in Q.track_points(fresh_case, include_flagged=True) if p.quality]
    assert flagged == [r[0] for r in spoof]
    ac = Q.list_aircraft(fresh_case)[0]
    w = Q.where(fresh_case, ac.id, from_epoch(T0 + 600 + 120))     # inside the spoofed stretch
    assert w.lat is None or abs(w.lat - 45.0) < 0.1                  # never the spoofed place
    assert len(_legs(fresh_case)) == 1


def test_a_descent_into_a_gap_far_out_is_a_probable_landing_at_the_fitting_airport(fresh_case):
    # northbound toward Ely, Nevada (KELY, 6,260 ft, scheduled service), going dark descending
    # through 12,300 ft 35 km south of it, 6 km past a private strip (NV99, 6,834 ft); seen again
    # three hours later climbing 8 km north of Ely
    rows = [_row(T0 + k * 20, 38.92 + k * 0.013, -114.842, 16300.0 - k * 400, False, 250.0, -1200.0)
            for k in range(11)]                                # last: 39.05 N, 12,300 ft
    back = T0 + 200 + 3 * 3600
    rows += [_row(back + k * 20, 39.37 + k * 0.013, -114.842, 8000.0 + k * 400, False, 250.0, 1500.0)
             for k in range(10)]
    store_rows(fresh_case, rows)
    legs = _legs(fresh_case)
    assert len(legs) == 2
    end = legs[0].landing
    assert end.airport_icao == "KELY" and not end.observed
    assert end.note.startswith("probable landing at KELY")
    assert "ranked above" in end.note and "NV99" in end.note
    assert [c["airport_icao"] for c in end.evidence["candidates"]][:2] == ["KELY", "NV99"]
    assert legs[1].takeoff.airport_icao == "KELY"
