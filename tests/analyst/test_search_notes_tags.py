"""Full-text search across sources, captures, claims, notes, entities; notes and tags on anything."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from casefile.analyst import claims, entities, notes, search, sources
from casefile.errors import InvalidInput, NotFound
from casefile.importers.pipeline import import_paths
from casefile.photos.query import get_photo
from casefile.store import verify_case


@pytest.fixture
def filled(fresh_case, article_item):
    s = sources.add_source(fresh_case, title="Flightradar24 page", publisher="Flightradar24",
                           rationale="tracker data, usually accurate", items=[(article_item, "capture")])
    c = claims.add_claim(fresh_case, "The Antonov departed Chkalovsky on Friday", source_ids=[s.id],
                         place_ref="UUMU", aircraft_refs=["A124"])
    n = notes.add_note(fresh_case, c.id, "Перепроверить: עברית 🇷🇺 <i>markup</i> stays")
    e = entities.add_entity(fresh_case, "person", "Vasily Tonkoshkurov",
                            aliases=["Василий Тонкошкуров"])
    return fresh_case, {"source": s.id, "claim": c.id, "note": n["id"], "entity": e.id,
                        "capture": article_item}


def _kinds(case, query):
    return {(h.kind, h.id) for h in search.search(case, query)}


def test_search_finds_words_in_every_place(filled):
    case, ids = filled
    assert ("capture", ids["capture"]) in _kinds(case, "Mayorca")          # capture text only
    assert ("source", ids["source"]) in _kinds(case, "usually accurate")   # grade rationale
    assert ("claim", ids["claim"]) in _kinds(case, "departed")             # claim text
    assert ("claim", ids["claim"]) in _kinds(case, "Chkalovskiy")          # resolved place name
    assert _kinds(case, "Перепроверить") == {("note", ids["note"])}         # Cyrillic note
    assert _kinds(case, "Тонкошкуров") == {("entity", ids["entity"])}       # Cyrillic alias
    both = _kinds(case, "Tonkoshkurov")
    assert {("entity", ids["entity"]), ("capture", ids["capture"])} <= both


def test_search_syntax(filled):
    case, ids = filled
    assert ("capture", ids["capture"]) in _kinds(case, '"cargo plane left Caracas"')
    assert _kinds(case, '"plane Caracas cargo left"') == set()             # phrase order matters
    assert ("capture", ids["capture"]) in _kinds(case, "Tonkosh*")
    assert _kinds(case, "Tonkoshkurov nonexistentword") == set()            # all words must occur
    assert len(_kinds(case, "nonexistentword OR Перепроверить")) == 1
    for odd in ('AND (', 'NEAR(" x', "col:umn", "a-b", "*"):
        try:
            search.search(case, odd)
        except InvalidInput:
            pass
    hit = search.search(case, "Mayorca", kinds=("capture",))[0]
    assert "[Mayorca]" in hit.snippet and hit.item_id == ids["capture"]
    with pytest.raises(InvalidInput):
        search.search(case, "x", kinds=("photos",))


def test_index_follows_edits_deletes_and_rebuilds(filled):
    case, ids = filled
    claims.edit_claim(case, ids["claim"], {"text": "The Ilyushin departed"})
    assert ("claim", ids["claim"]) not in _kinds(case, "Antonov")
    assert ("claim", ids["claim"]) in _kinds(case, "Ilyushin")
    notes.delete_note(case, ids["note"], reason="no longer needed")
    assert _kinds(case, "Перепроверить") == set()
    before = sorted(_kinds(case, "Tonkoshkurov") | _kinds(case, "departed"))
    assert search.rebuild_index(case) == 4
    assert sorted(_kinds(case, "Tonkoshkurov") | _kinds(case, "departed")) == before


def test_notes_round_trip_and_target_any_item(filled):
    case, ids = filled
    got = notes.notes(case, ids["claim"])
    assert got[0]["text"] == "Перепроверить: עברית 🇷🇺 <i>markup</i> stays"
    notes.add_note(case, ids["capture"][:10], "on the capture")
    notes.add_note(case, "case", "case-wide note")
    assert [n["target_kind"] for n in notes.notes(case)] == ["claim", "item", "case"]
    assert notes.notes(case, "case")[0]["text"] == "case-wide note"
    with pytest.raises(NotFound):
        notes.add_note(case, "NOSUCHTHING", "x")
    with pytest.raises(InvalidInput):
        notes.add_note(case, ids["claim"], "   ")


def test_tags_on_items_sources_claims(filled):
    case, ids = filled
    notes.add_tag(case, ids["capture"], "aircraft: ra-82010")
    notes.add_tag(case, ids["capture"], "aircraft:RA-82010")          # same tag: no change
    notes.add_tag(case, ids["source"], "needs-archive")
    notes.add_tag(case, ids["claim"], "needs-archive")
    assert notes.tags(case, ids["capture"]) == ["aircraft:RA-82010"]
    assert notes.aircraft_tags(case, ids["capture"]) == ["RA-82010"]
    assert {r["target_id"] for r in notes.tagged(case, "needs-archive")} == {ids["source"], ids["claim"]}
    assert len([e for e in case.events() if e["action"] == "tagged"]) == 3
    with pytest.raises(InvalidInput):
        notes.add_tag(case, ids["claim"], "two\nlines")
    notes.remove_tag(case, ids["claim"], "needs-archive", reason="archived now")
    assert notes.tags(case, ids["claim"]) == []
    assert verify_case(case).ok


def test_entities_places_resolve_through_airport_list(fresh_case):
    p = entities.add_entity(fresh_case, "airport", "SVMI")
    assert p.kind == "place" and p.ref == "SVMI" and p.tz == "America/Caracas"
    assert "CCS" in p.aliases and p.name.startswith("Maiquetia")
    a = entities.add_entity(fresh_case, "aircraft", ref="ra-82010", aliases=["the Antonov"])
    assert a.name == "RA-82010" and a.ref == "RA-82010"
    assert entities.find_entity(fresh_case, "ccs").id == p.id
    assert entities.find_entity(fresh_case, "THE ANTONOV").id == a.id
    entities.add_alias(fresh_case, a.id, "Руслан")
    assert entities.get_entity(fresh_case, a.id).aliases == ["the Antonov", "Руслан"]
    before = fresh_case.head()[0]
    for bad in (lambda: entities.add_entity(fresh_case, "vehicle", "x"),
                lambda: entities.add_entity(fresh_case, "place", ref="QQQQ"),
                lambda: entities.add_entity(fresh_case, "person", "  ")):
        with pytest.raises(InvalidInput):
            bad()
    assert fresh_case.head()[0] == before
    assert [e.kind for e in entities.list_entities(fresh_case)] == ["place", "aircraft"]


def test_aircraft_tag_on_a_photo_is_the_photos_part_tag(fresh_case, corpora):
    photo = corpora / "exif-samples" / "jpg" / "gps" / "DSCN0010.jpg"
    rep = import_paths(fresh_case, [photo], workers=1)
    item = rep.outcomes[0]
    assert item.kind == "photo" and item.item_id is not None
    row = notes.add_tag(fresh_case, item.item_id, "aircraft:ra-82010")
    assert row["stored_by"] == "photos"
    assert get_photo(fresh_case, item.item_id).aircraft_tags == ["RA-82010"]
    notes.add_tag(fresh_case, item.item_id, "reposted")
    assert notes.tags(fresh_case, item.item_id) == ["reposted", "aircraft:RA-82010"]
    notes.remove_tag(fresh_case, item.item_id, "aircraft:RA-82010", reason="wrong aircraft")
    assert get_photo(fresh_case, item.item_id).aircraft_tags == []
    assert verify_case(fresh_case).ok


@given(query=st.text(max_size=40))
@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
def test_any_typed_query_is_safe(fresh_case, query):
    """Whatever is typed (FTS syntax, quotes, NUL, emoji, RTL), search answers or finds nothing."""
    if not search.search(fresh_case, "probe"):
        notes.add_note(fresh_case, "case", "probe text with Ан-124 and 🇻🇪 and עברית")
    hits = search.search(fresh_case, query)
    assert all(h.kind == "note" for h in hits)


def test_typed_words_that_occur_are_found(fresh_case):
    notes.add_note(fresh_case, "case", "probe text with Ан-124 and 🇻🇪 and עברית")
    for q in ("Ан-124", "עברית", "PROBE", "probe Ан", 'with "Ан-124"'):
        assert len(search.search(fresh_case, q)) == 1, q
