"""Claims against flight records, and time-sanity findings, on inputs built in the test."""

from __future__ import annotations

from dataclasses import replace

from xref_helpers import fleet_inputs, photo, t, utc_tv

from casefile.timeutil import parse_analyst_time
from casefile.xref import photo_claims, sanity
from casefile.xref.claims import claim_finding
from casefile.xref.model import ClaimIn, EndIn, ReportedIn, SourceIn
from casefile.xref.trackindex import FleetIndex


def _claim(kind: str, day: str, icao: str, refs: tuple[str, ...] = (), tz: str = "America/Caracas",
           cid: str = "C1") -> ClaimIn:
    start = parse_analyst_time(day, tz=tz)
    return ClaimIn(cid, f"{kind} at {icao} on {day}", kind, start, start, icao, None, refs)


def _run(claim: ClaimIn, inputs=None):
    i = inputs or fleet_inputs()
    return claim_finding(claim, FleetIndex(i.aircraft, i.legs, i.gaps, i.points), i.legs, i.reported)


def test_landed_at_svmi_on_23_march_caracas_time_is_consistent():
    f = _run(_claim("arrival", "2019-03-23", "SVMI"))
    assert f.verdict == "consistent"
    assert f.inputs["matches"][0]["event"] == "landing"
    assert f.inputs["matches"][0]["time_utc"] == "2019-03-23T10:00:00.000Z"
    # the Caracas day is 04:00Z .. 04:00Z next day
    assert f.inputs["claim"]["window_utc"] == ["2019-03-23T04:00:00.000Z", "2019-03-24T04:00:00.000Z"]
    assert "ITEM-TRACK" in f.item_ids and "C1" in f.item_ids


def test_claim_about_a_named_aircraft_seen_elsewhere_is_inconsistent():
    start = parse_analyst_time("2019-03-23T10:30:00Z", uncertainty_s=1800)
    claim = ClaimIn("C2", "An-124 on the ground at Chkalovsky", "presence", start, start, "UUMU", None,
                    ("RA-82035",))
    f = _run(claim)
    assert f.verdict == "inconsistent"
    assert "cover the whole claimed time" in f.explanation


def test_claim_names_no_aircraft_and_nothing_matches_is_undetermined():
    f = _run(_claim("arrival", "2019-03-23", "UUMU", tz="Europe/Moscow"))
    assert f.verdict == "undetermined"
    assert "names no aircraft" in f.explanation


def test_near_miss_is_reported_when_the_day_is_off():
    # Claimed departure from SVMI on the 24th; the track shows it on the 23rd at 12:00Z.
    f = _run(_claim("departure", "2019-03-24", "SVMI", refs=("RA-82035",)))
    assert f.verdict == "undetermined"        # after the last landing the track has no data
    assert f.inputs["near_misses"][0]["leg_id"] == "L2"
    assert "Nearest match" in f.explanation


def test_only_a_reported_flight_supports_the_claim():
    inputs = fleet_inputs()
    inputs.reported = [ReportedIn("R1", None, "RA-86496", EndIn(None, "UUMU"),
                                  EndIn(t("2019-03-23 18:00"), "SVMI", observed=False,
                                        uncertainty_s=43200))]
    claim = _claim("arrival", "2019-03-23", "SVMI", refs=("RA-86496",))
    f = _run(claim, inputs)
    assert f.verdict == "undetermined" and "no flight records" in f.explanation
    claim2 = _claim("arrival", "2019-03-23", "SVMI")
    inputs.legs = []
    # typed in with no source recorded: it cannot vouch for anything
    f2 = _run(claim2, inputs)
    assert f2.verdict == "undetermined" and "Not independently checked" in f2.explanation
    # typed in from a report independent of the claim's source: consistent, but weak
    inputs.reported = [replace(inputs.reported[0], source_id="S9")]
    f3 = _run(claim2, inputs)
    assert f3.verdict == "consistent" and f3.confidence < 0.5
    assert "not a track" in f3.explanation


def test_photo_captured_after_the_source_published_it():
    src = SourceIn("S1", "Post on social media", utc_tv("2019-03-24 02:00", basis="source-stated"),
                   "2019-03-24T03:00:00.000Z", ("P1",))
    late = photo_claims.photo_vs_source(photo("P1", utc_tv("2019-03-24 05:00")), src)
    assert late.verdict == "inconsistent" and "3.0 h" in late.explanation
    ok = photo_claims.photo_vs_source(photo("P1", utc_tv("2019-03-23 12:00")), src)
    assert ok.verdict == "consistent"


def test_source_collected_before_it_was_published():
    src = SourceIn("S2", "Article", utc_tv("2019-03-24 12:00", basis="source-stated"),
                   "2019-03-24T06:00:00.000Z")
    f = sanity.source_vs_capture(src)
    assert f.verdict == "inconsistent" and "6.0 h before" in f.explanation
    fine = SourceIn("S3", "Article", utc_tv("2019-03-24 12:00"), "2019-03-25T06:00:00.000Z")
    assert sanity.source_vs_capture(fine) is None


def test_claim_dated_after_the_source_that_reports_it():
    src = SourceIn("S4", "Article", utc_tv("2019-03-22 08:00", basis="source-stated"), None)
    claim = _claim("arrival", "2019-03-23", "SVMI")
    f = sanity.claim_vs_source(claim, src)
    assert f.verdict == "inconsistent"
    assert sanity.claim_vs_source(claim, SourceIn("S5", "Later", utc_tv("2019-03-24 20:00"), None)) is None
