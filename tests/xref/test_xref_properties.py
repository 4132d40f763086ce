"""Properties: track queries tile the window exactly; incremental updates equal a full recompute."""

from __future__ import annotations

from dataclasses import replace

from hypothesis import given, settings
from hypothesis import strategies as st
from xref_helpers import SVMI, UUMU, fleet_inputs, photo, t, utc_tv

from casefile.xref.engine import Engine, dedupe
from casefile.xref.model import AircraftIn, EndIn, GapIn, LegIn
from casefile.xref.trackindex import AircraftTrack

BASE = t("2019-03-23 00:00")
airports = st.sampled_from(["SVMI", "UUMU", "OSLK", None])


@st.composite
def tracks(draw):
    n = draw(st.integers(0, 5))
    legs, clock = [], BASE
    for i in range(n):
        dep = clock + draw(st.integers(0, 5 * 3600))
        arr = dep + draw(st.integers(600, 12 * 3600))
        legs.append(LegIn(f"L{i}", "A", None, EndIn(dep, draw(airports)), EndIn(arr, draw(airports))))
        clock = arr
    gaps = []
    for _ in range(draw(st.integers(0, 3))):
        s = BASE + draw(st.integers(0, 40 * 3600))
        gaps.append(GapIn("A", s, s + draw(st.integers(60, 6 * 3600))))
    return AircraftTrack(AircraftIn("A", ("A",), "A"), legs, gaps)


@settings(max_examples=150, deadline=None)
@given(tracks(), st.integers(-3600, 50 * 3600), st.integers(0, 30 * 3600))
def test_query_tiles_the_window_without_overlap(track, start, length):
    lo, hi = BASE + start, BASE + start + length
    spans = track.query(lo, hi)
    assert spans[0].start == lo and spans[-1].end == hi
    for a, b in zip(spans, spans[1:], strict=False):
        assert a.end == b.start                    # contiguous, no overlap, no hole
    assert all(s.end >= s.start for s in spans)


edits = st.lists(st.tuples(st.sampled_from(["P1", "P2", "P3"]),
                           st.integers(0, 24 * 3600 - 1), st.sampled_from([SVMI, UUMU]),
                           st.integers(0, 3)), min_size=1, max_size=4)
HASHES = ["9f3a55c01e2d7b48", "9f3a55c01e2d7b49", "9f3a55c01e2d7b4f", "0123456789abcdef"]


@settings(max_examples=40, deadline=None)
@given(edits)
def test_incremental_updates_equal_a_full_recompute(changes):
    inputs = fleet_inputs()
    inputs.photos = [photo(f"P{i}", utc_tv("2019-03-23 11:00"), tags=("RA-82035",) if i != 2 else (),
                           phash=HASHES[i]) for i in (1, 2, 3)]
    engine = Engine(inputs)
    stored = {f.id: f for f in engine.run()}
    current = {p.item_id: p for p in inputs.photos}
    for pid, secs, place, h in changes:
        new = replace(current[pid], phash=HASHES[h],
                      capture=utc_tv(f"2019-03-23 {secs // 3600:02d}:{secs % 3600 // 60:02d}"),
                      place=replace(current[pid].place, lat=place[0], lon=place[1]))
        current[pid] = new
        found, touched = engine.change_photo(new, pid)
        stored = {k: f for k, f in stored.items()
                  if not (pid in f.item_ids and f.kind in ("photo-aircraft", "sun-position"))
                  and not (f.kind == "photo-duplicates" and set(f.item_ids) & (touched | {pid}))}
        stored.update({f.id: f for f in found})
    inputs2 = fleet_inputs()
    inputs2.photos = list(current.values())
    full = dedupe(Engine(inputs2).run())
    assert sorted(stored) == sorted(f.id for f in full)
