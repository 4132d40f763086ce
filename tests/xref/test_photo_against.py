"""A photo linked as contradicting a claim counts against the event only where its own time and
place are sound (issue 29, item 2), on the real SPAR19 track (fr24-2ce4f83f.json: a C-40C that
landed at Taipei Songshan, RCSS, between 14:43:32 and 14:43:49 UTC on 2 August 2022)."""

from __future__ import annotations

from pathlib import Path

from casefile.analyst import claims as cl
from casefile.importers.pipeline import import_paths
from casefile.store import Case
from casefile.xref.query import XrefSession, claim_verdict


def _against(case: Case, tmp_path: Path, name: str, **exif):
    """Import a photo, link it as contradicting the (true) landing claim, run, return the claim's
    verdict and the photo's finding about it."""
    from photos._make import make_jpeg

    jpg = tmp_path / name
    jpg.write_bytes(make_jpeg(**exif))
    import_paths(case, [jpg], workers=1)
    photo = case.rows("SELECT id FROM items WHERE original_name = ?", [name])[0]["id"]
    c = cl.add_claim(case, "SPAR19 landed at Songshan", kind="arrival", when="2022-08-02 22:44",
                     tz="Asia/Taipei", place_ref="RCSS", aircraft_refs=["SPAR19"])
    cl.link(case, c.id, photo, "contradicts")
    found = [f for f in XrefSession(case).run() if c.id in f.item_ids]
    (mine,) = [f for f in found if f.kind == "photo-against-claim"]
    return claim_verdict(found), mine


def test_a_sound_photo_far_away_at_the_claimed_time_counts_against_the_event(spar19, tmp_path):
    # taken at Subang (WMSA, ~3,200 km away) at 22:40 Taipei time, four minutes before the claim
    cv, f = _against(spar19, tmp_path, "subang.jpg", original="2022:08:02 22:40:00",
                     offset="+08:00", gps=(3.1306, 101.549))
    assert f.verdict == "inconsistent", f.explanation
    assert f.inputs["need_kt"] > 10 * f.inputs["max_kt"]
    assert f.inputs["distance_km"] > 3000
    assert "counts against claim" in f.explanation and "kt" in f.explanation
    # the track agrees and the photo disagrees: independent evidence about the event disagrees
    assert cv.words.startswith("mixed"), cv.words
    assert f in cv.event and f not in cv.not_counted


def test_a_stripped_photo_linked_against_cannot_count_and_leaves_the_verdict(spar19, tmp_path):
    cv, f = _against(spar19, tmp_path, "stripped.jpg", original=None, gps=None)
    assert f.verdict == "undetermined", f.explanation
    assert "cannot count against it" in f.explanation and "no capture time" in f.explanation
    assert cv.words == "the records agree"
    assert cv.deciding is not None and cv.deciding.kind == "claim-flights"
    assert cv.not_counted == [f]


def test_a_photo_reachable_from_the_claim_does_not_count(spar19, tmp_path):
    # taken at Subang a day earlier: the aircraft could fly from there to Taipei in that time
    cv, f = _against(spar19, tmp_path, "daybefore.jpg", original="2022:08:01 12:00:00",
                     offset="+08:00", gps=(3.1306, 101.549))
    assert f.verdict == "undetermined", f.explanation
    assert "do not rule the claim out" in f.explanation
    assert cv.words == "the records agree" and cv.not_counted == [f]
