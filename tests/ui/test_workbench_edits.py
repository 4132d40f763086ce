"""Every edit path of the window: the custody log records it, undo reverts it (recorded too), the
panels show it. Edits run through the same core functions as the command line, off the UI thread."""

from __future__ import annotations

import pytest
from edithelp import events, fill, redo, undo
from uihelp import GPS_PHOTOS, TRACE, wait_op

from casefile.analyst.query import (
    claim_links,
    get_claim,
    get_source,
    list_claims,
    list_sources,
    notes,
    tags,
)
from casefile.flights.query import reported_flights
from casefile.photos.query import get_photo
from casefile.store import verify_case
from casefile.store.refs import ref_of
from casefile.ui.forms.records import NO_SOURCE
from casefile.xref.query import findings

ARTICLE = "article-2019-03-24.txt"


@pytest.fixture
def bench(opened, qtbot, corpora, scenario):
    """A case with a GPS photo, a photo without position, a real trace and the scenario article."""
    files = [
        corpora / GPS_PHOTOS / "DSCN0010.jpg",
        corpora / "exif-samples/jpg/Canon_40D.jpg",
        corpora / TRACE,
        scenario / ARTICLE,
    ]
    op = wait_op(qtbot, opened.import_files([str(p) for p in files]))
    assert op.changes.result.count("imported") == 4, op.changes.errors
    return opened


def _id(win, name: str) -> str:
    return next(it["id"] for it in win.case.items() if it["original_name"] == name)


def _reasons(case, table: str) -> list[tuple[str, str | None]]:
    """(action, reason) of each event on a table; an undo's or redo's reason ("undo of command
    #12") as "undo" or "redo"."""
    out = []
    for e in events(case):
        if e["target_table"] == table:
            why = e["details"].get("reason")
            out.append((e["action"], why.split(" of command")[0] if why else why))
    return out


def _add_source(win, qtbot, capture: str | None = None) -> str:
    assert fill(
        win,
        qtbot,
        "add-source",
        capture,
        {
            "title": "Russian planes land in Venezuela",
            "kind": "news-article",
            "url": "https://example.org/2019/03/24/planes",
            "publisher": "Example Wire",
            "published": "2019-03-24 10:00",
            "published_tz": "Europe/London",
            "reliability": "B",
            "rationale": "wire service with a correction record",
        },
    )
    return list_sources(win.case)[-1].id


def test_add_and_grade_a_source(bench, qtbot):
    win = bench
    article = _id(win, ARTICLE)
    sid = _add_source(win, qtbot, article)
    src = get_source(win.case, sid)
    assert (src.reliability, src.published.zone, src.item_roles) == (
        "B",
        "Europe/London",
        {article: "capture"},
    )
    assert win.selected == sid  # the new record is selected …
    page = win.details.browser.toPlainText()
    assert "Russian planes land in Venezuela" in page and "B — usually reliable" in page  # … and shown
    assert "capture: D1 article-2019-03-24.txt" in page
    assert [a for a, _ in _reasons(win.case, "sources")] == ["source-added"]
    # grade again, with a reason; undo puts the old grade back through the core, recorded
    assert fill(win, qtbot, "grade", sid, {"grade": "D", "rationale": "the story was later retracted"})
    assert get_source(win.case, sid).reliability == "D"
    assert "D — not usually reliable" in win.details.browser.toPlainText()
    undo(win, qtbot)
    assert get_source(win.case, sid).reliability == "B"
    assert get_source(win.case, sid).reliability_rationale == "wire service with a correction record"
    assert "B — usually reliable" in win.details.browser.toPlainText()
    assert _reasons(win.case, "sources") == [
        ("source-added", None),
        ("source-graded", None),
        ("restored", "undo"),     # the core's inverse: the row as it was, for the reason "undo"
    ]
    # undo of the add deletes it for the reason "undo" (the log keeps it); redo records it again
    undo(win, qtbot)
    assert list_sources(win.case) == []
    assert ("deleted", "undo") in _reasons(win.case, "sources")
    redo(win, qtbot)
    assert [s.title for s in list_sources(win.case)] == ["Russian planes land in Venezuela"]
    assert verify_case(win.case, record=False).ok


def test_archive_link_and_a_first_grade_undo_back_to_not_graded(bench, qtbot):
    win = bench
    assert fill(win, qtbot, "add-source", None, {"title": "Tracker page", "kind": "flight-tracker-page"})
    sid = list_sources(win.case)[-1].id
    assert get_source(win.case, sid).reliability is None
    assert fill(win, qtbot, "grade", sid, {"grade": "C", "rationale": "community tracker"})
    assert fill(win, qtbot, "archive", sid, {"url": "https://web.archive.org/web/2019/x"})
    assert get_source(win.case, sid).archive_urls == ["https://web.archive.org/web/2019/x"]
    undo(win, qtbot)
    assert get_source(win.case, sid).archive_urls == []
    undo(win, qtbot)
    assert get_source(win.case, sid).reliability is None  # "not graded" again
    assert "not graded" in win.details.browser.toPlainText()
    assert _reasons(win.case, "sources")[-1] == ("restored", "undo")


def test_a_claim_with_window_zone_place_status_and_evidence(bench, qtbot):
    win = bench
    sid = _add_source(win, qtbot)
    photo = _id(win, "DSCN0010.jpg")
    win.select_item(sid)
    assert fill(
        win,
        qtbot,
        "add-claim",
        sid,
        {
            "text": "An An-124 landed at Caracas Maiquetía",
            "kind": "arrival",
            "start": "2019-03-23 16:00",
            "end": "2019-03-23 20:00",
            "tz": "America/Caracas",
            "place": "SVMI",
            "credibility": "3",
        },
    )
    claim = list_claims(win.case)[-1]
    assert claim.source_ids == [sid] and claim.place_icao == "SVMI" and claim.credibility == 3
    assert claim.window_start.utc == "2019-03-23T20:00:00.000Z"  # 16:00 in Caracas (UTC−4)
    page = win.details.browser.toPlainText()
    assert "2019-03-23 20:00:00 UTC" in page and "America/Caracas" in page
    assert claim.when in page   # the window as people read it, in one line
    assert "S1 Russian planes land in Venezuela — reliability B" in page
    # status with a reason, then undo
    assert fill(win, qtbot, "status", claim.id, {"status": "corroborated", "reason": "two tracks agree"})
    assert get_claim(win.case, claim.id).status == "corroborated"
    edit = [e for e in events(win.case, "claim-edited")][-1]
    assert edit["details"]["reason"] == "two tracks agree"
    undo(win, qtbot)
    assert get_claim(win.case, claim.id).status == "unverified"
    assert events(win.case, "restored")[-1]["details"]["reason"].startswith("undo of command #")
    # the window and the credibility
    assert fill(win, qtbot, "claim-window", claim.id, {"start": "2019-03-23 18:00", "end": "", "tz": "UTC"})
    assert get_claim(win.case, claim.id).window_start.utc == "2019-03-23T18:00:00.000Z"
    undo(win, qtbot)
    assert get_claim(win.case, claim.id).window_start.utc == "2019-03-23T20:00:00.000Z"
    assert fill(win, qtbot, "credibility", claim.id, {"credibility": "2", "reason": ""})
    assert get_claim(win.case, claim.id).credibility == 2
    # link evidence; the panel lists it; undo unlinks for the reason "undo"
    assert fill(
        win, qtbot, "claim-link", claim.id, {"claim": claim.id, "item": photo, "relation": "contradicts"}
    )
    assert claim_links(win.case, claim.id)[0].relation == "contradicts"
    win.select_item(claim.id)
    assert "contradicts: P1 DSCN0010.jpg" in win.details.browser.toPlainText()
    undo(win, qtbot)
    assert claim_links(win.case, claim.id) == []
    assert _reasons(win.case, "claim_links")[-1] == ("deleted", "undo")


def test_failed_edit_is_an_error_naming_the_field_and_leaves_nothing_on_the_stack(bench, qtbot):
    win = bench
    before = len(events(win.case))
    assert not fill(win, qtbot, "add-claim", None, {"text": "x", "start": "2019-13-45",
                                                   "sources": NO_SOURCE})
    assert list_claims(win.case) == []
    title, text = win.messages[-1]
    assert title.startswith("Add claim") and "start" in text
    assert win.undo_stack.count() == 0 and not win.act_undo.isEnabled()
    assert len(events(win.case)) == before  # nothing was written


def test_entities_notes_and_tags(bench, qtbot):
    win = bench
    assert fill(
        win, qtbot, "add-entity", None, {"kind": "place", "entity_name": "", "ref": "SVMI",
                                         "aliases": "Maiquetía"}
    )
    ent = win.selected
    page = win.details.browser.toPlainText()
    assert "Simon Bolivar" in page or "Simón Bolívar" in page
    assert fill(win, qtbot, "alias", ent, {"alias": "Caracas airport"})
    assert "Caracas airport" in win.details.browser.toPlainText()
    undo(win, qtbot)
    assert "Caracas airport" not in win.details.browser.toPlainText()
    photo = _id(win, "DSCN0010.jpg")
    win.select_item(photo)
    assert fill(win, qtbot, "note", photo, {"text": "same hangar as in the 2018 photo"})
    assert fill(win, qtbot, "tag", photo, {"tag": "  runway "})
    assert tags(win.case, photo) == ["runway"]
    page = win.details.browser.toPlainText()
    assert "same hangar as in the 2018 photo" in page and "runway" in page
    undo(win, qtbot)
    assert tags(win.case, photo) == []
    undo(win, qtbot)
    assert notes(win.case, photo) == []
    assert [a for a, r in _reasons(win.case, "notes")] == ["note-added", "deleted"]


def test_place_a_photo_and_tag_its_aircraft(bench, qtbot):
    win = bench
    photo = _id(win, "Canon_40D.jpg")
    assert get_photo(win.case, photo).gps is None
    win.select_item(photo)
    assert fill(
        win,
        qtbot,
        "place-photo",
        photo,
        {"lat": "10.6012", "lon": "-66.9913", "note": "apron matched on imagery"},
    )
    info = get_photo(win.case, photo)
    assert (info.gps.lat, info.gps.lon) == (10.6012, -66.9913)
    page = win.details.browser.toPlainText()
    assert "Placed by the analyst" in page and "10.6012° N, 66.9913° W" in page
    assert "The file's own GPS" in page                # said beside it, even when the file has none
    assert events(win.case, "photo-location-set")[-1]["details"]["reason"] == "apron matched on imagery"
    undo(win, qtbot)
    assert get_photo(win.case, photo).gps is None
    assert fill(win, qtbot, "aircraft-tag", photo, {"aircraft": "ac134a"})
    assert get_photo(win.case, photo).aircraft_tags == ["AC134A"]
    undo(win, qtbot)
    assert get_photo(win.case, photo).aircraft_tags == []
    last = [e for e in events(win.case) if e["action"] not in ("command", "xref-run")
            and not e["action"].startswith("derived-")][-1]                      # the row event
    assert last["action"] == "deleted"


def test_reported_flight_and_the_cross_reference_follows_edits(bench, qtbot):
    win = bench
    assert fill(
        win,
        qtbot,
        "reported-flight",
        None,
        {
            "aircraft": "A124",
            "from_icao": "uumu",
            "to_icao": "SVMI",
            "departed": "2019-03-22 06:00",
            "departed_tz": "UTC",
            "note": "article, paragraph 2",
        },
    )
    (rf,) = reported_flights(win.case)
    assert (rf.from_icao, rf.to_icao, rf.departed.utc) == ("UUMU", "SVMI", "2019-03-22T06:00:00.000Z")
    # the core brought the findings up to date before the edit was done: no manual step
    from casefile.xref.engine import Engine
    from casefile.xref.inputs import gather

    assert {f.id for f in findings(win.case)} == {f.id for f in Engine(gather(win.case)).run()}
    # a claim about the flight: the finding about it appears in the panel by itself
    assert fill(
        win,
        qtbot,
        "add-claim",
        None,
        {
            "text": "The An-124 flew from Chkalovsky",
            "sources": NO_SOURCE,
            "kind": "departure",
            "start": "2019-03-22 05:00",
            "end": "2019-03-22 08:00",
            "tz": "UTC",
            "place": "UUMU",
            "aircraft": "A124",
        },
    )
    claim = list_claims(win.case)[-1]
    found = findings(win.case, claim.id)
    assert found, "the cross-reference ran after the edit"
    assert found[0].explanation in win.details.browser.toPlainText()
    assert found[0].confidence_note   # every finding says what its confidence rests on …
    from casefile.ui.docks.xref import findings_html

    panel = findings_html(win.case, claim.id)      # … and the findings panel says it
    assert found[0].confidence_note.replace("'", "&#x27;") in panel and "claim-flights" not in panel
    undo(win, qtbot)
    undo(win, qtbot)
    assert reported_flights(win.case) == []
    assert _reasons(win.case, "reported_flights")[-1] == ("deleted", "undo")


def test_delete_a_source_for_a_reason_and_undo_it(bench, qtbot):
    win = bench
    sid = _add_source(win, qtbot, _id(win, ARTICLE))
    assert fill(win, qtbot, "delete-source", sid, {"reason": "duplicate of another source"})
    assert list_sources(win.case) == []
    assert ("deleted", "duplicate of another source") in _reasons(win.case, "sources")
    undo(win, qtbot)
    (again,) = list_sources(win.case)
    assert (again.title, again.reliability, list(again.item_roles.values())) == (
        "Russian planes land in Venezuela",
        "B",
        ["capture"],
    )
    # the same record comes back: same id, so the same short reference, restored for the reason "undo"
    assert again.id == sid and ref_of(win.case, sid) == "S1"
    assert _reasons(win.case, "sources")[-1] == ("restored", "undo")


def test_delete_a_claim_and_undo_it_keeps_its_reference_and_links(bench, qtbot):
    from casefile.analyst.query import add_claim, claim_links, get_claim, link

    win = bench
    sid = _add_source(win, qtbot, _id(win, ARTICLE))
    claim = add_claim(win.case, "Two aircraft landed at Caracas", when="2019-03-23", tz="America/Caracas",
                      place_ref="SVMI", kind="arrival", source_ids=[sid])
    link(win.case, claim.id, _id(win, ARTICLE), "supports", None)
    ref = ref_of(win.case, claim.id)
    assert fill(win, qtbot, "delete-claim", claim.id, {"reason": "entered twice"})
    undo(win, qtbot)
    back = get_claim(win.case, claim.id)
    assert (back.text, back.source_ids, ref_of(win.case, claim.id)) == (claim.text, [sid], ref)
    assert [lk.relation for lk in claim_links(win.case, claim.id)] == ["supports"]
    assert verify_case(win.case, record=False).ok   # the custody log vouches for the restored rows


def test_a_source_that_cites_another_and_a_reported_flight_from_it(bench, qtbot):
    from casefile.analyst.query import source_relations

    win = bench
    first = _add_source(win, qtbot)
    assert fill(win, qtbot, "add-source", None, {"title": "Blog repeating the wire story", "kind": "other"})
    blog = list_sources(win.case)[-1].id
    assert fill(win, qtbot, "relate", blog, {"source": blog, "relation": "derived-from", "other": first,
                                             "note": "same wording"})
    assert [(r.source_id, r.other_id, r.relation) for r in source_relations(win.case)] == [
        (blog, first, "derived-from")]
    win.select_item(first)
    assert "Blog repeating the wire story derived-from it" in win.details.browser.toPlainText()
    undo(win, qtbot)
    assert source_relations(win.case) == []
    assert _reasons(win.case, "source_relations")[-1] == ("deleted", "undo")
    # a reported flight, each end in its own zone, from the wire story
    assert fill(win, qtbot, "reported-flight", first, {
        "aircraft": "IL62", "from_icao": "UUMU", "to_icao": "SVMI", "departed": "2019-03-22 09:00",
        "arrived": "2019-03-23 16:00", "departed_tz": "Europe/Moscow", "arrived_tz": "America/Caracas"})
    (rf,) = reported_flights(win.case)
    assert (rf.departed.utc, rf.arrived.utc) == ("2019-03-22T06:00:00.000Z", "2019-03-23T20:00:00.000Z")
    win.select_item(rf.id)
    page = win.details.browser.toPlainText()
    assert "Reported flight (reported, not tracked)" in page and "Europe/Moscow" in page
    assert "S1 Russian planes land in Venezuela" in page                # reported by, linked


def test_editing_a_claims_text_and_undoing_it_leaves_search_and_findings_current(bench, qtbot):
    """The issue's own case: edit a claim's text in the window, undo; search finds the restored
    text, not the edited one, and the findings are what a full recomputation gives."""
    from casefile.analyst.query import search
    from casefile.xref.engine import Engine
    from casefile.xref.inputs import gather

    win = bench
    sid = _add_source(win, qtbot)
    assert fill(win, qtbot, "add-claim", sid, {"text": "An An-124 landed at Maiquetía", "kind": "arrival",
                                              "place": "SVMI", "sources": sid})
    claim = list_claims(win.case)[-1]
    assert fill(win, qtbot, "edit-claim", claim.id, {"text": "A Quokkavia jet landed at Maiquetía"})
    assert claim.id in {h.id for h in search(win.case, "Quokkavia")}
    undo(win, qtbot)
    assert get_claim(win.case, claim.id).text == "An An-124 landed at Maiquetía"
    assert claim.id in {h.id for h in search(win.case, "An-124")}
    assert not search(win.case, "Quokkavia")
    assert {f.id for f in findings(win.case)} == {f.id for f in Engine(gather(win.case)).run()}
