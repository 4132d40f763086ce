"""Photo ↔ aircraft track verdicts on inputs built in the test."""

from __future__ import annotations

from dataclasses import replace

from xref_helpers import SVMI, UUMU, fleet_inputs, photo, t, unknown_tv, utc_tv

from casefile.xref.engine import Engine
from casefile.xref.model import PointsIn
from casefile.xref.photo_track import photo_findings
from casefile.xref.trackindex import FleetIndex


def _fleet(inputs=None) -> FleetIndex:
    i = inputs or fleet_inputs()
    return FleetIndex(i.aircraft, i.legs, i.gaps, i.points)


def _one(p, fleet=None):
    found = photo_findings(p, fleet or _fleet())
    assert len(found) == 1, found
    return found[0]


def test_on_the_ground_near_the_photo_is_consistent():
    f = _one(photo("P1", utc_tv("2019-03-23 11:00", 60), tags=("RA-82035",)))
    assert f.verdict == "consistent"
    assert "SVMI" in f.explanation and "RA-82035" in f.explanation
    assert f.inputs["photo"]["window_utc"] == ["2019-03-23T10:59:00.000Z", "2019-03-23T11:01:00.000Z"]
    assert f.inputs["aircraft"]["tagged"] is True
    assert set(f.item_ids) == {"P1", "ITEM-TRACK"}
    # The stay at SVMI is inferred from landing and next take-off there: the finding says so.
    assert f.inputs["track_spans"][0]["note"].startswith("inferred")
    assert any("unrecorded flight" in a for a in f.assumptions)


def test_airborne_for_the_whole_window_is_inconsistent():
    f = _one(photo("P2", utc_tv("2019-03-23 12:30", 600), tags=("ra82035",)))
    assert f.verdict == "inconsistent"
    assert [s["state"] for s in f.inputs["track_spans"]] == ["airborne"]
    assert "airborne" in f.explanation


def test_on_the_ground_elsewhere_is_inconsistent_and_gives_the_distance():
    f = _one(photo("P3", utc_tv("2019-03-23 11:00"), place=UUMU, tags=("A124",)))
    assert f.verdict == "inconsistent"
    span = f.inputs["track_spans"][0]
    assert span["state"] == "ground" and span["airport_icao"] == "SVMI"
    assert 9000 < span["distance_km"] < 10500   # Moscow to Caracas


def test_inside_a_coverage_gap_is_undetermined_never_no_flight():
    f = _one(photo("P4", utc_tv("2019-03-23 14:00", 300), tags=("RA-82035",)))
    assert f.verdict == "undetermined"
    assert "does not mean the aircraft did not fly" in f.explanation
    assert f.inputs["track_spans"][0]["state"] == "gap"


def test_no_track_covering_the_time_is_undetermined():
    f = _one(photo("P5", utc_tv("2019-03-25 09:00"), tags=("RA-82035",)))
    assert f.verdict == "undetermined"
    assert f.inputs["track_spans"] == [{"from": "2019-03-25T09:00:00.000Z",
                                         "to": "2019-03-25T09:00:00.000Z", "state": "no-data"}]


def test_unknown_zone_widens_the_window_and_says_so():
    # 16:00 on the camera clock, zone unknown: the instant may be 02:00 .. 04:00 next day UTC
    p = photo("P6", unknown_tv("2019-03-23T16:00:00"), tags=("RA-82035",))
    f = _one(p)
    lo, hi = f.inputs["photo"]["window_utc"]
    assert (lo, hi) == ("2019-03-23T02:00:00.000Z", "2019-03-24T04:00:00.000Z")
    assert f.inputs["photo"]["capture"]["basis"] == "unknown"
    assert any("not assumed to be UTC" in a for a in f.assumptions)
    assert "zone is unknown" in f.explanation
    # Read as UTC it would be airborne/in a gap; widened it covers the stop at SVMI.
    assert f.verdict == "consistent" and f.confidence <= 0.5


def test_tag_narrows_to_that_aircraft_and_unknown_tag_is_undetermined():
    inputs = fleet_inputs()
    f = _one(photo("P7", utc_tv("2019-03-23 11:00"), tags=("RA-99999",)), _fleet(inputs))
    assert f.verdict == "undetermined" and "no track records" in f.explanation


def test_untagged_photo_lists_aircraft_that_were_there():
    f = _one(photo("P8", utc_tv("2019-03-23 11:00")))
    assert f.verdict == "consistent" and f.inputs["aircraft"]["tagged"] is False
    g = _one(photo("P9", utc_tv("2019-03-23 11:00"), place=(0.0, 0.0)))
    assert g.verdict == "undetermined"
    assert g.inputs["aircraft_elsewhere"] == ["RA-82035 (A124)"]


def test_low_observed_points_near_the_photo_count_as_there():
    inputs = fleet_inputs()
    # Drop the legs: only a few observed positions on the runway at SVMI.
    inputs.legs = []
    inputs.gaps = []
    inputs.points = [PointsIn("AC1", [t("2019-03-23 11:00"), t("2019-03-23 11:05")],
                              [SVMI[0], SVMI[0]], [SVMI[1], SVMI[1] + 0.01], [None, 200.0],
                              [True, False])]
    f = _one(photo("P10", utc_tv("2019-03-23 11:02", 300), tags=("RA-82035",)), _fleet(inputs))
    assert f.verdict == "consistent"
    assert len(f.inputs["low_points_near"]) == 2


def test_findings_are_reproducible_and_ids_follow_inputs():
    p = photo("P1", utc_tv("2019-03-23 11:00", 60), tags=("RA-82035",))
    a = Engine(fleet_inputs()).photo_findings(p)
    b = Engine(fleet_inputs()).photo_findings(p)
    assert [f.id for f in a] == [f.id for f in b]
    moved = Engine(fleet_inputs()).photo_findings(replace(p, capture=utc_tv("2019-03-23 12:30")))
    assert {f.id for f in moved}.isdisjoint({f.id for f in a})


def test_an_observed_landing_inside_the_window_counts_even_where_the_record_ends():
    # L2 lands at UUMU at 23:00 and the record ends there; the photo is 23:05 +- 10 min at UUMU.
    f = _one(photo("P11", utc_tv("2019-03-23 23:05", 600), place=UUMU, tags=("RA-82035",)))
    assert f.verdict == "consistent", f.explanation
    assert f.inputs["events_near"][0]["event"] == "landing"
    assert f.inputs["events_near"][0]["t"] == "2019-03-23T23:00:00.000Z"
    assert "landed at UUMU" in f.explanation
    # 20 minutes later the record says nothing: undetermined, not "no flight".
    g = _one(photo("P12", utc_tv("2019-03-23 23:30", 300), place=UUMU, tags=("RA-82035",)))
    assert g.verdict == "undetermined"
