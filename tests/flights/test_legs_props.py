"""Property tests: leg splitting covers every usable point once, legs never overlap."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from casefile.flights.legs import LEG_GAP_S, TrackData, find_gaps, ground_states, in_flight_gap, split
from casefile.flights.probable import SEARCH_KM


@st.composite
def tracks(draw) -> TrackData:
    n = draw(st.integers(min_value=1, max_value=60))
    steps = draw(st.lists(st.one_of(st.floats(1, 120), st.floats(120, 7200)), min_size=n, max_size=n))
    t, acc = [], 1.7e9
    for s in steps:
        acc += s
        t.append(acc)
    ground = draw(st.lists(st.sampled_from([True, False, None]), min_size=n, max_size=n))
    alt = [None if g else draw(st.one_of(st.none(), st.floats(-500, 45000))) for g in ground]
    gs = draw(st.lists(st.one_of(st.none(), st.floats(0, 600)), min_size=n, max_size=n))
    new_leg = draw(st.lists(st.booleans(), min_size=n, max_size=n))
    lat0 = draw(st.floats(-60, 60))
    lon0 = draw(st.floats(-170, 170))
    lat = [lat0 + i * 0.01 for i in range(n)]
    lon = [lon0 + i * 0.01 for i in range(n)]
    vrate = draw(st.lists(st.one_of(st.none(), st.floats(-4000, 4000)), min_size=n, max_size=n))
    return TrackData(list(range(n)), t, lat, lon, alt, ground, gs, vrate, new_leg)


@settings(max_examples=150, deadline=None)
@given(tracks())
def test_every_point_in_exactly_one_segment_and_no_overlap(d):
    segs = split(d)
    covered = [i for s in segs for i in range(s.first, s.last + 1)]
    assert covered == list(range(len(d)))            # each point once, in order
    for a, b in zip(segs, segs[1:], strict=False):
        assert d.t[a.last] < d.t[b.first]              # segments never overlap in time
    legs = [s for s in segs if s.kind == "leg"]
    for leg in legs:
        for end in (leg.takeoff, leg.landing):
            assert end is not None
            if end.observed:                           # an observed end has its time
                assert end.t is not None
            if end.airport_icao and end.distance_km is not None:
                assert end.distance_km <= SEARCH_KM
        # a leg never spans a new-leg flag, nor a long gap a stop fits in
        ground = ground_states(d)
        for i in range(leg.first + 1, leg.last + 1):
            assert not d.new_leg[i]
            assert d.t[i] - d.t[i - 1] <= LEG_GAP_S or in_flight_gap(d, i - 1, i, ground)


@settings(max_examples=100, deadline=None)
@given(tracks())
def test_gaps_are_exactly_the_long_silences(d):
    gaps = find_gaps(d, gap_s=600)
    expected = [(i - 1, i) for i in range(1, len(d)) if d.t[i] - d.t[i - 1] > 600]
    assert [(g.before, g.after) for g in gaps] == expected


def test_probable_landing_when_dark_descending_and_reappearing_climbing_out():
    """Descend toward UUMU, go dark for 3 h, reappear climbing out of UUMU: probable landing."""
    ap_lat, ap_lon = 55.8783, 38.0617                  # Chkalovskiy, elevation 499 ft
    t = [0, 60, 120, 120 + 3 * 3600, 120 + 3 * 3600 + 60]
    lat = [55.70, 55.78, 55.85, ap_lat + 0.02, ap_lat + 0.08]
    lon = [ap_lon] * 5
    alt = [6000.0, 3500.0, 1800.0, 1500.0, 4000.0]
    vr = [-1500.0, -1500.0, -1200.0, 2000.0, 2000.0]
    d = TrackData(list(range(5)), [1.7e9 + x for x in t], lat, lon, alt, [False] * 5,
                  [250.0] * 5, vr, [False] * 5)
    segs = split(d)
    assert [s.kind for s in segs] == ["leg", "leg"]
    first, second = segs
    assert first.landing.airport_icao == "UUMU" and not first.landing.observed
    assert first.landing.t is None                     # never an interpolated time
    assert first.landing.note.startswith("probable landing at UUMU")
    assert first.landing.evidence["next_seen"]["seq"] == 3
    assert second.takeoff.airport_icao == "UUMU" and not second.takeoff.observed
    assert [(g.before, g.after) for g in find_gaps(d)] == [(2, 3)]


def test_dark_while_cruising_is_unknown_not_a_landing():
    d = TrackData([0, 1, 2], [1.7e9, 1.7e9 + 60, 1.7e9 + 4 * 3600], [55.0, 55.05, 40.0],
                  [38.0, 38.0, 30.0], [35000.0, 35000.0, 35000.0], [False] * 3, [450.0] * 3,
                  [0.0] * 3, [False] * 3)
    first, second = split(d)
    assert first.landing.airport_icao is None and first.landing.note.startswith("unknown")
    assert second.takeoff.airport_icao is None


@settings(max_examples=300, deadline=None)
@given(st.floats(-89, 89), st.floats(-180, 180), st.floats(-89, 89), st.floats(-180, 180),
       st.floats(0.1, 3000))
def test_fast_distance_check_agrees_with_haversine(lat1, lon1, lat2, lon2, km):
    from casefile.flights.quality import _far
    from casefile.geo import distance_km

    assert _far(lat1, lon1, lat2, lon2, km) == (distance_km(lat1, lon1, lat2, lon2) > km)
