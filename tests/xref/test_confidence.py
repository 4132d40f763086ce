"""Confidence: one place, stated factors, one sentence; each factor moves the value the stated way."""

from __future__ import annotations

from casefile.xref.confidence import NOT_INDEPENDENT_CAP, UNDETERMINED_CAP, Factors, assess, stated
from casefile.xref.findings import FIXED, make_finding


def test_dense_near_track_match_is_high_and_says_why() -> None:
    c = assess("consistent", Factors("track", points=14, time_gap_s=120, distance_km=0.6,
                                     limit_km=10, coverage=1.0, independent=2))
    assert c.value >= 0.85
    assert c.sentence.startswith(f"Confidence {c.value:.2f} (high): rests on tracked positions")
    assert "14 observations" in c.sentence and "2 independent sources" in c.sentence
    assert "lowered" not in c.sentence


def test_each_factor_lowers_and_is_named() -> None:
    base = assess("consistent", Factors("track", points=14, time_gap_s=60)).value
    sparse = assess("consistent", Factors("track", points=1, time_gap_s=60))
    far_in_time = assess("consistent", Factors("track", points=14, time_gap_s=5 * 3600))
    edge = assess("consistent", Factors("track", points=14, time_gap_s=60, distance_km=9.0,
                                        limit_km=10))
    partial = assess("consistent", Factors("track", points=14, time_gap_s=60, coverage=0.5))
    for c, word in ((sparse, "only 1 observation"), (far_in_time, "5.0 h away"),
                    (edge, "9.0 km from the place"), (partial, "50%")):
        assert c.value < base
        assert word in c.sentence


def test_mismatch_far_beyond_limit_is_firmer_than_just_beyond() -> None:
    far = assess("inconsistent", Factors("photo-metadata", distance_km=7300, limit_km=25,
                                         mismatch=True))
    near = assess("inconsistent", Factors("photo-metadata", distance_km=30, limit_km=25,
                                          mismatch=True))
    assert far.value > near.value
    assert "just beyond the 25 km limit" in near.sentence


def test_reported_is_weaker_than_tracked_and_no_independent_source_caps() -> None:
    tracked = assess("consistent", Factors("track", independent=1))
    reported = assess("consistent", Factors("reported", independent=1))
    own = assess("undetermined", Factors("reported", independent=0))
    assert reported.value < tracked.value
    assert own.value <= NOT_INDEPENDENT_CAP
    assert "no source independent of the claim's own" in own.sentence


def test_undetermined_is_capped() -> None:
    c = assess("undetermined", Factors("track", points=50))
    assert c.value == UNDETERMINED_CAP
    assert "cannot settle" in c.sentence


def test_every_finding_carries_its_sentence() -> None:
    f = make_finding("k", "consistent", 0.85, "x.", ["a"], {"n": 1})
    assert f.confidence == 0.85
    assert f.confidence_note == stated(0.85, FIXED).sentence
    g = make_finding("k", "consistent", assess("consistent", Factors("track", points=3)), "x.",
                     ["a"], {"n": 1})
    assert g.confidence_note.startswith("Confidence") and g.inputs["confidence_note"] == g.confidence_note
    assert f.id != g.id
