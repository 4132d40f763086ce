"""Sources through the core API: validation writes nothing, edits keep before/after, text round-trips."""

from __future__ import annotations

import pytest

from casefile.analyst import sources
from casefile.errors import InvalidInput, NotFound
from casefile.store import verify_case

UNUSUAL = "Василий Тонкошкуров — עברית ‏RTL‎ — 🇷🇺✈️🇻🇪 — <script>alert('x')</script> &amp;"


def _ledger_len(case) -> int:
    return case.head()[0]


def test_capture_import_keeps_text_and_suggests_dateline_zone(fresh_case, article, article_item):
    ct = sources.capture_text(fresh_case, article_item)
    assert ct["format"] == "text" and ct["text"] == article.read_text("utf-8")
    item = fresh_case.resolve_item(article_item)
    assert item["kind"] == "document"          # a text file, not a saved web page
    sug = sources.suggest(fresh_case, article_item)
    assert sug["published_raw"] == "2019-03-24" and sug["dateline"] == "CARACAS"
    pub = sug["published"]
    # Caracas is UTC-4: noon local on 24 March is 16:00 UTC, +-12 h for a bare date
    assert pub["utc"] == "2019-03-24T16:00:00.000Z" and pub["uncertainty_s"] == 43200
    assert pub["basis"] == "location-tz" and pub["zone"] == "America/Caracas"


def test_add_source_with_capture_grade_and_archive(fresh_case, article_item):
    s = sources.add_source(fresh_case, kind="news", title=UNUSUAL, author="Автор عربي",
                           published="2019-03-24", published_tz="America/Caracas",
                           reliability="c", rationale="mixes reporting and opinion",
                           archive_urls=["https://web.archive.org/web/2019/x"],
                           items=[(article_item[-8:], "capture")])
    assert s.kind == "news-article" and s.reliability == "C"
    assert s.title == UNUSUAL and s.author == "Автор عربي"
    assert s.capture_item_ids == [article_item]
    assert s.archive_urls == ["https://web.archive.org/web/2019/x"]
    assert s.published.utc == "2019-03-24T16:00:00.000Z" and s.published.basis == "analyst"
    assert s.collected_by == fresh_case.actor and s.collected_at.endswith("Z")
    again = sources.list_sources(fresh_case)
    assert [x.to_dict() for x in again] == [s.to_dict()]
    assert verify_case(fresh_case).ok


@pytest.mark.parametrize("field,value,message", [
    ("reliability", "G", "A-F"), ("reliability", "AB", "A-F"), ("reliability", "1", "A-F"),
    ("kind", "rumour", "not one of"), ("published", "the day after tomorrowish", "cannot read"),
    ("archive_urls", ["not a url"], "web address"), ("collected", "2019-03-24 10:00", "zone"),
    ("title", "bad\x00title", "control character"),
])
def test_bad_values_are_clear_errors_and_write_nothing(fresh_case, field, value, message):
    before = _ledger_len(fresh_case)
    with pytest.raises(InvalidInput) as err:
        sources.add_source(fresh_case, **{"title": "t", field: value})
    assert message in str(err.value)
    assert _ledger_len(fresh_case) == before
    assert sources.list_sources(fresh_case) == []


def test_attaching_a_missing_item_is_not_found_and_writes_nothing(fresh_case):
    before = _ledger_len(fresh_case)
    with pytest.raises(NotFound, match="no item"):
        sources.add_source(fresh_case, title="t", items=[("01ZZZZZZZZZZZZZZZZZZZZZZZZ", "capture")])
    assert _ledger_len(fresh_case) == before and sources.list_sources(fresh_case) == []


def test_edit_and_grade_are_in_the_ledger_with_before_and_after(fresh_case):
    s = sources.add_source(fresh_case, title="Old title", reliability="D")
    sources.edit_source(fresh_case, s.id, {"title": "New title"}, reason="typo")
    sources.grade_source(fresh_case, s.id, "b", "confirmed by a second outlet")
    events = [e for e in fresh_case.events() if e["target_id"] == s.id]
    assert [e["action"] for e in events] == ["source-added", "source-edited", "source-graded"]
    assert events[1]["details"]["before"] == {"title": "Old title"}
    assert events[1]["details"]["after"] == {"title": "New title"}
    assert events[1]["details"]["reason"] == "typo"
    assert events[2]["details"]["before"]["reliability"] == "D"
    assert sources.get_source(fresh_case, s.id).reliability_meaning == "usually reliable"
    with pytest.raises(InvalidInput):
        sources.grade_source(fresh_case, s.id, "Z")


def test_delete_needs_a_reason_and_keeps_the_evidence(fresh_case, article_item):
    s = sources.add_source(fresh_case, title="x", items=[(article_item, "capture")])
    with pytest.raises(InvalidInput, match="reason"):
        sources.delete_source(fresh_case, s.id, reason="  ")
    sources.delete_source(fresh_case, s.id, reason="duplicate of another source")
    assert sources.list_sources(fresh_case) == []
    assert fresh_case.resolve_item(article_item)["id"] == article_item
    deleted = [e for e in fresh_case.events() if e["action"] == "deleted"]
    assert {e["target_table"] for e in deleted} == {"sources", "source_items"}
    assert all(e["details"]["reason"] == "duplicate of another source" for e in deleted)
    assert deleted[-1]["details"]["row"]["title"] == "x"
    assert verify_case(fresh_case).ok


def test_source_items_returns_published_photos_by_default(fresh_case, article_item):
    s = sources.add_source(fresh_case, title="x", items=[(article_item, "capture")])
    assert sources.source_items(fresh_case, s.id) == []
    assert sources.source_items(fresh_case, s.id, roles=None) == [article_item]
    assert sources.sources_of_item(fresh_case, article_item) == [s.id]
    with pytest.raises(InvalidInput, match="already attached"):
        sources.attach_item(fresh_case, s.id, article_item, "screenshot")
