"""One freshness rule: after every command (and its undo) and every import, the stored findings are
what a full recomputation gives and search finds what the records now say, with no manual step."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from casefile.analyst import query as analyst
from casefile.commands import (
    ClaimEdit,
    ClaimLink,
    ClaimUnlink,
    Command,
    EntityAdd,
    EntityAlias,
    FlightAdd,
    FlightDelete,
    ItemEdit,
    NoteAdd,
    PhotoPlace,
    PhotoTag,
    PhotoUntag,
    SourceEdit,
    SourceGrade,
    SourceRelate,
    TagAdd,
    after_import,
    submit,
    undo,
)
from casefile.flights.query import reported_flights
from casefile.photos.query import list_photos
from casefile.store import Case
from casefile.xref.engine import Engine
from casefile.xref.inputs import gather
from casefile.xref.query import findings


def _stored(case: Case) -> set[tuple[str, str, float | None, str]]:
    return {(f.id, f.verdict, f.confidence, f.explanation) for f in findings(case)}


def _recomputed(case: Case) -> set[tuple[str, str, float | None, str]]:
    return {(f.id, f.verdict, f.confidence, f.explanation) for f in Engine(gather(case)).run()}


def _arrival(case: Case) -> str:
    return next(c.id for c in analyst.list_claims(case) if c.kind == "arrival")


def _photo(case: Case, name: str) -> str:
    return next(p.item_id for p in list_photos(case) if p.original_name.startswith(name))


def _supporting_photo(case: Case) -> tuple[str, str]:
    """(claim id, photo id) of a photo linked to a claim as support."""
    photos = {p.item_id for p in list_photos(case)}
    for c in analyst.list_claims(case):
        for lk in analyst.claim_links(case, c.id):
            if lk.item_id in photos and lk.relation == "supports":
                return c.id, lk.item_id
    raise AssertionError("the demo links no photo as support")


#: (what changes, the command, a word search must find afterwards or None)
EDITS: list[tuple[str, Callable[[Case], Command], str | None]] = [
    ("claim text", lambda c: ClaimEdit(claim=_arrival(c), text="Quokka airlift landed"), "quokka"),
    ("claim window", lambda c: ClaimEdit(claim=_arrival(c), when="2019-03-20", tz="America/Caracas"),
     None),
    ("claim place", lambda c: ClaimEdit(claim=_arrival(c), place="UUMU"), None),
    ("claim grade", lambda c: ClaimEdit(claim=_arrival(c), credibility="5"), None),
    ("link evidence", lambda c: ClaimLink(claim=_arrival(c), item=_photo(c, "demo-01"),
                                          relation="contradicts"), None),
    ("unlink evidence", lambda c: ClaimUnlink(claim=_supporting_photo(c)[0],
                                              item=_supporting_photo(c)[1], reason="test"), None),
    ("source text", lambda c: SourceEdit(source=analyst.list_sources(c)[0].id,
                                         title="Wombat gazette"), "wombat"),
    ("source grade", lambda c: SourceGrade(source=analyst.list_sources(c)[0].id, grade="E",
                                           rationale="unknown outlet"), None),
    ("source relation", lambda c: SourceRelate(source=analyst.list_sources(c)[1].id,
                                               other=analyst.list_sources(c)[0].id,
                                               relation="derived-from"), None),
    ("entity", lambda c: EntityAdd(kind="organisation", entity_name="Numbat Airlines"), "numbat"),
    ("entity alias", lambda c: EntityAlias(entity=analyst.list_entities(c)[0].id, alias="Bilby"),
     "bilby"),
    ("note", lambda c: NoteAdd(target=_arrival(c), text="Ask the platypus desk"), "platypus"),
    ("tag", lambda c: TagAdd(target=_arrival(c), tag="wallaby"), None),
    ("aircraft tag", lambda c: PhotoTag(item=_photo(c, "demo-01"), aircraft="RA-82010"), None),
    ("aircraft untag", lambda c: PhotoUntag(item=_photo(c, "demo-01"),
                                            aircraft=next(p for p in list_photos(c) if p.original_name
                                                          .startswith("demo-01")).aircraft_tags[0],
                                            reason="test"), None),
    ("photo place", lambda c: PhotoPlace(item=_photo(c, "demo-01"), lat=55.88, lon=38.06,
                                         note="Chkalovsky"), None),
    ("reported flight", lambda c: FlightAdd(aircraft="An-124", from_icao="SVMI", to_icao="UUMU",
                                            departed="2019-03-24 15:00", tz="America/Caracas"), None),
    ("reported flight gone", lambda c: FlightDelete(flight=reported_flights(c)[0].id, reason="test"),
     None),
    ("item notes", lambda c: ItemEdit(item=_photo(c, "demo-01"), notes="seen on a forum",
                                      sensitive=True), None),
]


@pytest.mark.parametrize("what,make,word", EDITS, ids=[e[0] for e in EDITS])
def test_findings_and_search_are_current_after_each_edit_and_its_undo(
        demo: Case, what: str, make: Callable[[Case], Command], word: str | None) -> None:
    assert _stored(demo) == _recomputed(demo)
    before = _stored(demo)
    submit(demo, make(demo))
    after = _stored(demo)
    assert after == _recomputed(demo), f"stale findings after: {what}"
    if word:
        assert analyst.search(demo, word), f"search does not find {word!r} after: {what}"
    undo(demo)
    assert _stored(demo) == _recomputed(demo) == before, f"stale findings after undoing: {what}"
    if word:
        assert not analyst.search(demo, word), f"search still finds {word!r} after undoing: {what}"


def test_some_edits_change_what_the_findings_say(demo: Case) -> None:
    """The rule is tested on edits that matter: moving the claim's day changes its finding."""
    before = _stored(demo)
    submit(demo, ClaimEdit(claim=_arrival(demo), when="2019-03-20", tz="America/Caracas"))
    assert _stored(demo) != before
    submit(demo, PhotoPlace(item=_photo(demo, "demo-01"), lat=55.88, lon=38.06, note="elsewhere"))
    assert _stored(demo) == _recomputed(demo)


def test_an_import_brings_findings_up_to_date(demo: Case, demo_case_master) -> None:
    from casefile.importers.pipeline import import_paths

    inputs = demo_case_master.with_name(demo_case_master.name.removesuffix(".casefile") + "-inputs")
    photo = sorted((inputs / "photos").glob("*.jpg"))[0]
    copy = demo.path.parent / "again.jpg"
    copy.write_bytes(photo.read_bytes() + b"\0")      # a different file: imported, not a duplicate
    report = import_paths(demo, [copy], workers=1)
    assert report.count("imported") == 1
    assert _stored(demo) != _recomputed(demo)            # the import alone leaves them behind ...
    plan = after_import(demo, report)
    assert plan.photos and not plan.everything
    assert _stored(demo) == _recomputed(demo)            # ... the rule brings them up to date
