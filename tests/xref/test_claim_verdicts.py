"""Claim verdicts an editor can publish, on the real SPAR19 track (fr24-2ce4f83f.json: a USAF
C-40C, Subang WMSA -> Taipei Songshan RCSS, 2 August 2022; take-off observed between 07:41:42 and
07:42:48 UTC, landing between 14:43:32 and 14:43:49 UTC, last position 14:48:55 UTC on the
ground at RCSS). This is a track the rules were tuned on; tests/xref/test_claims_probe.py holds
the claims judged on tracks kept aside."""

from __future__ import annotations

from pathlib import Path

import pytest

from casefile.analyst import claims as cl
from casefile.importers.pipeline import import_paths
from casefile.store import Case
from casefile.xref.query import XrefSession, claim_verdict


def judge(case: Case, kind: str, **kw):
    """Add one claim about SPAR19, run the cross-reference, return its claim-flights finding."""
    refs = kw.pop("aircraft", ["SPAR19"])
    c = cl.add_claim(case, f"{kind} {kw}", kind=kind, aircraft_refs=refs, **kw)
    found = XrefSession(case).run()
    (f,) = [f for f in found if f.kind == "claim-flights" and c.id in f.item_ids]
    return f


def test_a_minute_twenty_seconds_from_the_observed_landing_is_consistent(spar19):
    f = judge(spar19, "arrival", when="2022-08-02 22:44", tz="Asia/Taipei", place_ref="RCSS")
    assert f.verdict == "consistent", f.explanation
    assert f.inputs["claim"]["precision_s"] == 30
    assert f.inputs["claim"]["window_utc"] == ["2022-08-02T14:43:30.000Z",
                                               "2022-08-02T14:44:30.000Z"]


def test_six_minutes_off_is_undetermined_with_the_gap_and_half_an_hour_is_not_consistent(spar19):
    f = judge(spar19, "arrival", when="2022-08-02 22:50", tz="Asia/Taipei", place_ref="RCSS")
    assert f.verdict == "undetermined", f.explanation
    assert "min outside the claimed time" in f.explanation
    # the landing window ends 14:43:49; the claim's window starts 14:49:30
    assert f.inputs["near_misses"][0]["minutes_outside"] == pytest.approx(5.7, abs=0.05)
    far = judge(spar19, "arrival", when="2022-08-02 22:20", tz="Asia/Taipei", place_ref="RCSS")
    assert far.verdict == "inconsistent", far.explanation   # 23 min before: records cover it


def test_about_widens_by_fifteen_minutes(spar19):
    f = judge(spar19, "arrival", when="about 2022-08-02 22:30", tz="Asia/Taipei",
              place_ref="RCSS")
    assert f.verdict == "consistent", f.explanation
    assert f.inputs["claim"]["window_start"]["approx"] is True
    assert "approximate" in " ".join(f.assumptions)


def test_a_neighbouring_airport_is_inconsistent_and_names_the_field_used(spar19):
    f = judge(spar19, "arrival", when="2022-08-02 22:44", tz="Asia/Taipei", place_ref="RCTP")
    assert f.verdict == "inconsistent", f.explanation
    assert "Taipei Songshan Airport (RCSS)" in f.explanation and "km from" in f.explanation
    assert f.inputs["elsewhere"][0]["airport_icao"] == "RCSS"
    assert 25 < f.inputs["elsewhere"][0]["distance_km"] < 40


def test_a_city_includes_its_airports(spar19):
    f = judge(spar19, "arrival", when="2022-08-02 22:44", tz="Asia/Taipei", place_ref="Taipei")
    assert f.verdict == "consistent", f.explanation
    assert "RCSS" in f.inputs["claim"]["place"]["airports"]


def test_a_time_with_no_zone_takes_the_zone_of_the_airport(spar19):
    # 15:42 at Subang (UTC+8) is 07:42 UTC, the observed take-off; read as UTC it would be hours off
    f = judge(spar19, "departure", when="2022-08-02 15:42", place_ref="WMSA")
    assert f.verdict == "consistent", f.explanation
    assert f.inputs["claim"]["window_start"]["basis"] == "location-tz"
    assert f.inputs["claim"]["window_start"]["zone"] == "Asia/Kuala_Lumpur"
    assert any("zone of the place" in a for a in f.assumptions)
    # 07:42 local is 23:42 UTC the day before, before the records begin: not consistent, and
    # not contradicted either (no track data is not evidence of no flight)
    wrong = judge(spar19, "departure", when="2022-08-02 07:42", place_ref="WMSA")
    assert wrong.verdict == "undetermined", wrong.explanation
    assert "begin 7.9 h after it" in wrong.explanation


def test_presence_far_away_just_after_the_data_ends_is_unreachable_but_later_undetermined(spar19):
    soon = judge(spar19, "presence", when="2022-08-02 15:04", tz="UTC", place_ref="Tokyo")
    assert soon.verdict == "inconsistent", soon.explanation
    r = next(iter(soon.inputs["reachability"].values()))
    assert not r["reachable"] and r["need_kt"] > 3 * r["max_kt"]
    assert "kt" in soon.explanation and "km from the nearest point that counts as there" in soon.explanation
    later = judge(spar19, "presence", when="2022-08-02 22:50", tz="UTC", place_ref="Tokyo")
    assert later.verdict == "undetermined", later.explanation
    assert "reachable is not shown" in later.explanation


def test_presence_after_the_data_ends_is_never_inconsistent_nor_covered(spar19):
    f = judge(spar19, "presence", when="2022-08-02 16:00", tz="UTC", place_ref="RCSS")
    assert f.verdict == "undetermined", f.explanation
    assert "cover the whole" not in f.explanation
    assert "end 71 min before it" in f.explanation
    assert f.inputs["no_data_s"]


def test_transit_over_a_country_the_leg_never_nears_is_inconsistent(spar19):
    f = judge(spar19, "transit", start="2022-08-02 07:40", end="2022-08-02 14:45", tz="UTC",
              place_ref="Vietnam")
    assert f.verdict == "inconsistent", f.explanation
    assert "comes no nearer than" in f.explanation
    assert 600 < min(float(x.replace(",", "")) for x in
                     __import__("re").findall(r"no nearer than ([\d,]+) km", f.explanation)) < 800


def test_an_inconsistent_finding_names_the_track_it_rests_on(spar19):
    f = judge(spar19, "arrival", when="2022-08-02 22:44", tz="Asia/Taipei", place_ref="RCTP")
    track = spar19.rows("SELECT id FROM items WHERE original_name = 'fr24-2ce4f83f.json'")
    assert track and track[0]["id"] in f.item_ids


def test_a_recycled_photo_is_not_evidence_and_does_not_make_the_claim_mixed(spar19, tmp_path):
    from photos._make import make_jpeg

    jpg = tmp_path / "recycled.jpg"
    jpg.write_bytes(make_jpeg(original="2015:06:01 10:00:00", offset="+08:00",
                              gps=(25.0694, 121.552)))
    import_paths(spar19, [jpg], workers=1)
    photo = spar19.rows("SELECT id FROM items WHERE original_name = 'recycled.jpg'")[0]["id"]
    c = cl.add_claim(spar19, "SPAR19 landed at Songshan", kind="arrival", when="2022-08-02 22:44",
                     tz="Asia/Taipei", place_ref="RCSS", aircraft_refs=["SPAR19"])
    cl.link(spar19, c.id, photo, "supports")
    found = [f for f in XrefSession(spar19).run() if c.id in f.item_ids]
    cv = claim_verdict(found)
    assert cv.words == "the records agree"
    assert cv.deciding is not None and cv.deciding.kind == "claim-flights"
    assert [f.kind for f in cv.not_evidence] == ["photo-claim"]
    assert "not evidence for claim" in cv.not_evidence[0].explanation
    assert photo not in cv.deciding.item_ids


def _photo_findings(case: Case, tmp_path: Path, name: str, tag: str | None = None,
                    **exif) -> list:
    from photos._make import make_jpeg

    jpg = tmp_path / name
    jpg.write_bytes(make_jpeg(comment=name.encode(), **exif))   # its own bytes: never a duplicate
    import_paths(case, [jpg], workers=1)
    item = case.rows("SELECT id FROM items WHERE original_name = ?", [name])[0]["id"]
    if tag:
        from casefile.commands import PhotoTag, submit

        submit(case, PhotoTag(item=item, aircraft=tag))
    found = XrefSession(case).run()
    return [f for f in found if item in f.item_ids]


def test_an_offset_tag_that_disagrees_with_the_zone_at_the_gps_position(spar19, tmp_path):
    # at Songshan (UTC+8) 22:45 wall clock = 14:45Z, on the ground after the 14:43:40Z landing;
    # the tag says +09:00 (a phone still on Tokyo time): read literally, 13:45Z, airborne
    found = _photo_findings(spar19, tmp_path, "tagged.jpg", original="2022:08:02 22:45:00",
                            offset="+09:00", gps=(25.0694, 121.552))
    (z,) = [f for f in found if f.kind == "photo-zone"]
    assert z.verdict == "undetermined", z.explanation
    assert "+09:00" in z.explanation and "+08:00" in z.explanation and "Asia/Taipei" in z.explanation
    (pa,) = [f for f in found if f.kind == "photo-aircraft"]
    assert pa.verdict == "undetermined", pa.explanation   # the two readings disagree
    assert pa.inputs["zone_readings"]["verdict_with_zone"] == "consistent"
    assert "With its offset tag (+09:00)" in pa.explanation


def test_the_gps_time_stamp_settles_which_reading_is_right(spar19, tmp_path):
    found = _photo_findings(spar19, tmp_path, "gpsstamp.jpg", original="2022:08:02 22:45:00",
                            offset="+09:00", gps=(25.0694, 121.552),
                            gps_stamp=("2022:08:02", (14, 45, 0)))
    (z,) = [f for f in found if f.kind == "photo-zone"]
    assert z.verdict == "inconsistent" and z.inputs["settled_by_gps"] == "zone", z.explanation
    (pa,) = [f for f in found if f.kind == "photo-aircraft"]
    assert pa.verdict == "consistent", pa.explanation     # on the ground at RCSS at 14:45Z


def test_a_case_sets_its_own_reporting_tolerance_and_methods_says_so(spar19):
    from casefile.xref.query import claim_methods

    spar19.set_meta("claims.report_tolerance_s", "600")
    try:
        f = judge(spar19, "arrival", when="2022-08-02 22:50", tz="Asia/Taipei", place_ref="RCSS")
        assert f.verdict == "consistent", f.explanation     # 5.7 min off, within 10 min
        assert f.inputs["tolerances"]["report_tolerance_s"] == 600
        rules = dict(claim_methods(spar19.meta()))
        assert "within 10 min" in rules["Reporting tolerance"]
        assert "claims.report_tolerance_s = 600" in rules["This case's settings"]
    finally:
        spar19.set_meta("claims.report_tolerance_s", None)


def test_a_photo_just_after_the_data_ends_says_where_it_was_last_seen(spar19, tmp_path):
    # the last position is 14:48:55Z on the ground at RCSS; a photo there at 23:05 local (15:05Z)
    # is undetermined (nothing observed then), but says it was last seen on the ground there
    found = _photo_findings(spar19, tmp_path, "after.jpg", original="2022:08:02 23:05:00",
                            offset="+08:00", gps=(25.0694, 121.552))
    (pa,) = [f for f in found if f.kind == "photo-aircraft"]   # untagged: about every aircraft
    assert pa.verdict == "undetermined", pa.explanation
    assert "was last seen on the ground" in pa.explanation
    assert "may still have been there (not observed)" in pa.explanation
    found = _photo_findings(spar19, tmp_path, "after-tagged.jpg", original="2022:08:02 23:05:00",
                            offset="+08:00", gps=(25.0694, 121.552), tag="SPAR19")
    (pa,) = [f for f in found if f.kind == "photo-aircraft"]
    assert pa.verdict == "undetermined", pa.explanation
    assert "0 min" not in pa.explanation
    assert "last position before the window was on the ground" in pa.explanation
    assert "may still have been there (not observed)" in pa.explanation


def test_a_photo_far_away_just_after_the_data_ends_is_out_of_reach(spar19, tmp_path):
    # the same moment at Subang, 3,200 km from where the aircraft stood 16 minutes earlier
    found = _photo_findings(spar19, tmp_path, "subang.jpg", original="2022:08:02 23:05:00",
                            offset="+08:00", gps=(3.1306, 101.549), tag="SPAR19")
    (pa,) = [f for f in found if f.kind == "photo-aircraft"]
    assert pa.verdict == "inconsistent", pa.explanation
    assert "its last position" in pa.explanation and "kt its type can make good" in pa.explanation
    # a day later the aircraft could have flown there: not shown, not ruled out
    later = _photo_findings(spar19, tmp_path, "subang-later.jpg", original="2022:08:03 23:05:00",
                            offset="+08:00", gps=(3.1306, 101.549), tag="SPAR19")
    (pl,) = [f for f in later if f.kind == "photo-aircraft"]
    assert pl.verdict == "undetermined", pl.explanation
    assert "reachable is not shown" in pl.explanation
