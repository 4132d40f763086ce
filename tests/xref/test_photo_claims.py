"""A photo against the claim it is linked to, the source that published it, and its own GPS, on
inputs built in the test (each shows the situation it checks)."""

from __future__ import annotations

from dataclasses import replace

from xref_helpers import SVMI, photo, unknown_tv, utc_tv

from casefile.timeutil import parse_analyst_time
from casefile.xref.independence import Provenance
from casefile.xref.model import CaseInputs, ClaimIn, Place, SourceIn
from casefile.xref.photo_claims import photo_claim, photo_vs_source, place_vs_gps

MADRID = (40.4470, -3.7248)


def _claim(day: str = "2019-03-23", sources: tuple[str, ...] = ("S1",)) -> ClaimIn:
    s = parse_analyst_time(day + "T00:00", tz="America/Caracas")
    e = parse_analyst_time(day + "T23:59:59", tz="America/Caracas")
    return ClaimIn("C1", "An-124 at Maiquetía", "presence", s, e, "SVMI", None, ref="C1",
                   source_ids=sources)


def _prov(published_by: str | None = None) -> Provenance:
    srcs = [SourceIn("S1", "Post", None, None, ("P1",) if published_by == "S1" else (), ref="S1"),
            SourceIn("S2", "Agency photo desk", None, None, ("P1",) if published_by == "S2" else (),
                     ref="S2")]
    return Provenance(CaseInputs(sources=srcs, item_names={"P1": "P1 apron.jpg"}))


def test_photo_from_an_independent_source_at_the_time_and_place_is_consistent() -> None:
    f = photo_claim(photo("P1", utc_tv("2019-03-23 19:20")), _claim(), _prov("S2"))
    assert f.verdict == "consistent"
    assert "S2 'Agency photo desk'" in f.explanation and "the file's own GPS" in f.explanation


def test_photo_only_the_claims_own_source_published_is_not_independent() -> None:
    f = photo_claim(photo("P1", utc_tv("2019-03-23 19:20")), _claim(), _prov("S1"))
    assert f.verdict == "undetermined" and f.explanation.startswith("Not independently checked")
    assert f.confidence <= 0.3


def test_older_later_and_far_photos_are_inconsistent_with_the_gap_stated() -> None:
    older = photo_claim(photo("P1", utc_tv("2019-03-20 12:00")), _claim(), _prov("S2"))
    assert older.verdict == "inconsistent" and "an older photo" in older.explanation
    assert "at least 3 days before the claimed time" in older.explanation
    later = photo_claim(photo("P1", utc_tv("2019-04-02 12:00")), _claim(), _prov("S2"))
    assert later.verdict == "inconsistent" and "a later photo" in later.explanation
    far = photo_claim(photo("P1", utc_tv("2019-03-23 19:20"), place=MADRID), _claim(), _prov("S2"))
    assert far.verdict == "inconsistent" and "km from" in far.explanation


def test_no_capture_time_or_position_is_undetermined_with_why() -> None:
    f = photo_claim(photo("P1", None), _claim(), _prov("S2"))
    assert f.verdict == "undetermined" and "no capture time" in f.explanation
    g = photo_claim(photo("P1", utc_tv("2019-03-23 19:20"), place=None), _claim(), _prov("S2"))
    assert g.verdict == "undetermined" and "no position" in g.explanation
    # a time with no zone is widened to every zone: still within the day's reach here
    h = photo_claim(photo("P1", unknown_tv("2019-03-23T15:00:00")), _claim(), _prov("S2"))
    assert h.verdict == "consistent"


def test_publication_older_photo_and_fresh_photo() -> None:
    src = SourceIn("S1", "Post", utc_tv("2019-03-24 02:00", basis="source-stated"), None, ("P1",),
                   ref="S1")
    old = photo_vs_source(photo("P1", utc_tv("2015-06-11 14:55")), src)
    assert old is not None and old.verdict == "inconsistent"
    assert old.explanation.startswith("An older photo") and "years" in old.explanation
    fresh = photo_vs_source(photo("P1", utc_tv("2019-03-23 19:20")), src)
    assert fresh is not None and fresh.verdict == "consistent"


def test_analyst_place_against_the_files_gps() -> None:
    p = replace(photo("P1", utc_tv("2015-04-10 18:12")), place=Place(*SVMI, "analyst"),
                file_place=Place(*MADRID, "exif"))
    f = place_vs_gps(p)
    assert f is not None and f.verdict == "inconsistent" and 6900 < f.inputs["distance_km"] < 7100
    near = replace(p, file_place=Place(SVMI[0] + 0.01, SVMI[1], "exif"))
    g = place_vs_gps(near)
    assert g is not None and g.verdict == "consistent"
    assert place_vs_gps(photo("P1", None)) is None    # file GPS only: nothing to compare
