"""Photo ↔ track on the state model: a high field, a photo seconds after a take-off, altitude-0
runway positions, what 'inconsistent' needs; `where` and photo ↔ track agree (property test)."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from xref_helpers import photo

from casefile.flights import query as Q
from casefile.geo import distance_km
from casefile.timeutil import TimeValue, from_epoch
from casefile.xref.inputs import gather
from casefile.xref.photo_track import NEAR_KM, photo_findings
from casefile.xref.trackindex import FleetIndex
from tests.flights.helpers import store_rows

T0 = 1553256000.0   # 2019-03-22T12:00:00Z
HEX = "15a0f2"
SLLP = (-16.5133, -68.1923)     # El Alto: field elevation 13,355 ft
LSZH = (47.4647, 8.54917)       # Zurich: 1,416 ft


def _row(t, lat, lon, alt, ground, gs, vrate=0.0, src="adsb_icao"):
    return (t, lat, lon, alt, None, ground, gs, 90.0, vrate, "TEST1", src, 0)


def _tv(t: float, unc: float = 1.0) -> TimeValue:
    return TimeValue(raw=from_epoch(t), utc=from_epoch(t), basis="gps-utc", uncertainty_s=unc)


def _verdict(case, t: float, place: tuple[float, float], unc: float = 1.0):
    i = gather(case)
    fleet = FleetIndex(i.aircraft, i.legs, i.gaps, i.points)
    [f] = photo_findings(photo("P1", _tv(t, unc), place=place, tags=(HEX,)), fleet)
    return f


def test_on_the_ground_at_a_high_field_is_consistent(fresh_case):
    # taxiing at El Alto at 12 kt, barometric altitude at the field (13,360 ft), no ground flag
    rows = [_row(T0 + k * 10, SLLP[0] + k * 0.0002, SLLP[1], 13360.0, None, 12.0) for k in range(60)]
    store_rows(fresh_case, rows, HEX)
    lat, lon = SLLP[0] + 30 * 0.0002, SLLP[1] + 0.0004          # about 40 m from the aircraft
    f = _verdict(fresh_case, T0 + 300, (lat, lon))
    assert f.verdict == "consistent", f.explanation


def _takeoff_rows():
    """Rolling on the runway (flagged on the ground) to T0+100, first airborne 30 s later low."""
    rows = [_row(T0 + k * 10, LSZH[0], LSZH[1] + k * 0.0008, None, True, 20.0 + k * 12)
            for k in range(11)]
    rows += [_row(T0 + 130 + k * 10, LSZH[0], LSZH[1] + 0.012 + k * 0.004, 1700.0 + k * 300, False,
                  170.0, 2000.0) for k in range(20)]
    return rows


def test_a_photo_seconds_after_take_off_is_consistent(fresh_case):
    store_rows(fresh_case, _takeoff_rows(), HEX)
    # 5 s after the last ground position, 140 m from the runway; no position in the ±1 s window
    place = (LSZH[0] + 0.00126, LSZH[1] + 0.0084)
    for dt in (5.0, 10.0, 20.0):
        f = _verdict(fresh_case, T0 + 100 + dt, place)
        assert f.verdict == "consistent", (dt, f.explanation)


def test_altitude_zero_runway_positions_are_ground_for_the_photo(fresh_case):
    # Flightradar24 landing roll: altitude 0 and no flag, 120 kt slowing to a taxi
    rows = [_row(T0 + k * 10, LSZH[0], LSZH[1] + k * 0.004, 3000.0 - k * 300, None, 150.0, -900.0,
                 "fr24") for k in range(6)]
    rows += [_row(T0 + 60 + k * 10, LSZH[0], LSZH[1] + 0.024 + k * 0.002, 0.0, None,
                  max(120.0 - k * 15, 10.0), 0.0, "fr24") for k in range(12)]
    store_rows(fresh_case, rows, HEX)
    ac = Q.list_aircraft(fresh_case)[0]
    w = Q.where(fresh_case, ac.id, from_epoch(T0 + 75))
    assert w.status == "ground"
    f = _verdict(fresh_case, T0 + 75, (w.lat, w.lon))
    assert f.verdict == "consistent", f.explanation
    [leg] = [leg for leg in Q.legs(fresh_case) if not leg.reported]
    assert leg.landing.observed and leg.landing.airport_icao == "LSZH"


def test_inconsistent_needs_positions_that_exclude_the_place(fresh_case):
    # cruising 100 km east of Zurich, positions 8 minutes apart (not a coverage gap)
    rows = [_row(T0 + k * 480, LSZH[0], LSZH[1] + 1.33 + k * 0.0001, 35000.0, False, 5.0)
            for k in range(3)]
    store_rows(fresh_case, rows, HEX)
    # photo at Zurich 5 s after a position 100 km away: the aircraft could not have come back
    f = _verdict(fresh_case, T0 + 5, LSZH)
    assert f.verdict == "inconsistent", f.explanation
    # photo in the middle of the 8 minutes: 4 min at 600 kt is 74 km, not enough to exclude
    # a place 100 km away with a 10 km radius?  100 - 74 > 10: excluded
    assert _verdict(fresh_case, T0 + 240, LSZH).verdict == "inconsistent"


def test_a_place_the_aircraft_could_reach_in_the_time_is_not_excluded(fresh_case):
    rows = [_row(T0 + k * 480, LSZH[0], LSZH[1] + 0.5, 35000.0, False, 5.0) for k in range(3)]
    store_rows(fresh_case, rows, HEX)      # 38 km away, 4 minutes either side of the photo
    f = _verdict(fresh_case, T0 + 240, LSZH)
    assert f.verdict == "undetermined"
    assert "rules the place out" in f.explanation and "no-data" not in f.explanation


_SHARED: dict = {}


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                                  HealthCheck.function_scoped_fixture])
@given(st.floats(-60.0, 400.0))
def test_where_and_photo_track_agree(fresh_case, offset):
    if "case" not in _SHARED or _SHARED["case"] is not fresh_case:
        store_rows(fresh_case, _takeoff_rows(), HEX)
        _SHARED["case"] = fresh_case
    ac = Q.list_aircraft(fresh_case)[0]
    t = T0 + offset
    w = Q.where(fresh_case, ac.id, from_epoch(t))
    if w.status == "ground":
        # a photo where `where` puts the aircraft on the ground, at that time: consistent
        assert _verdict(fresh_case, t, (w.lat, w.lon)).verdict == "consistent"
    elif w.status == "airborne" and w.lat is not None and w.alt_ft is not None:
        far = (w.lat + 1.0, w.lon)                         # 111 km away
        assert _verdict(fresh_case, t, far).verdict != "consistent"
        if w.alt_ft - 1416 < 2000 and distance_km(w.lat, w.lon, *LSZH) <= NEAR_KM:
            assert _verdict(fresh_case, t, (w.lat, w.lon)).verdict == "consistent"
    else:
        # `where` cannot say (before the record, taking off between two positions): the
        # cross-reference never calls a place at the runway inconsistent
        assert _verdict(fresh_case, t, LSZH).verdict != "inconsistent"


def test_a_photo_tagged_with_a_callsign_is_checked_against_that_aircraft(fresh_case):
    store_rows(fresh_case, _takeoff_rows(), HEX)      # recorded with callsign TEST1
    i = gather(fresh_case)
    fleet = FleetIndex(i.aircraft, i.legs, i.gaps, i.points)
    [f] = photo_findings(photo("P1", _tv(T0 + 50), place=LSZH, tags=("TEST1",)), fleet)
    assert "no track records" not in f.explanation
    assert f.verdict == "consistent" and f.inputs["aircraft"]["tagged"] is True


def test_a_parked_aircraft_with_no_legs_is_at_the_gate(fresh_case, corpora):
    """ANZ1005 seen only on the ground at Los Angeles (13 Flightradar24 CSV rows, no flight): a
    photo at its stand while it is parked is consistent, one 10 km+ away inconsistent; between two
    rows (no position inside the photo's ±1 s window) the observed ground stay still reaches."""
    from casefile.importers.pipeline import import_paths

    import_paths(fresh_case, [corpora / "flights/fr24/SkyDolly_FlightRadar24.csv"], workers=1)
    assert not Q.legs(fresh_case, include_reported=False)
    [stay] = Q.ground_stays(fresh_case)
    assert stay["airport_icao"] == "KLAX"
    i = gather(fresh_case)
    fleet = FleetIndex(i.aircraft, i.legs, i.gaps, i.points)
    t = 1635481680.0    # 04:28:00, between the rows of 04:27:53 and 04:28:16
    at_stand = photo("P1", _tv(t), place=(33.9434, -118.4280), tags=("ANZ1005",))
    [f] = photo_findings(at_stand, fleet)
    assert f.verdict == "consistent", f.explanation
    assert "on the ground at KLAX" in f.explanation
    assert any(s.get("note", "").startswith("observed on the ground")
               for s in f.inputs["track_spans"])
    [far] = photo_findings(photo("P2", _tv(t), place=(34.06, -118.25), tags=("ANZ1005",)), fleet)
    assert far.verdict == "inconsistent", far.explanation
    # outside the stay (after the last row) nothing is known: undetermined, not consistent
    [later] = photo_findings(photo("P3", _tv(t + 3600), place=(33.9434, -118.4280),
                                   tags=("ANZ1005",)), fleet)
    assert later.verdict == "undetermined", later.explanation
