"""Search over items, tags and findings (documents built at query time) sees every change made
through the same open case, and none of it needs a writable case."""

from __future__ import annotations

from pathlib import Path

from casefile.analyst import notes, search
from casefile.importers.pipeline import import_paths
from casefile.store import Case


def test_live_documents_follow_changes_on_the_same_connection(fresh_case, corpora: Path) -> None:
    photo = corpora / "exif-samples" / "jpg" / "Canon_40D.jpg"
    assert search.search(fresh_case, "Canon") == []
    item = import_paths(fresh_case, [photo], workers=1).outcomes[0].item_id
    assert [(h.kind, h.id) for h in search.search(fresh_case, "Canon 40D")] == [("item", item)]
    assert search.search(fresh_case, "runway-two") == []
    notes.add_tag(fresh_case, item, "runway-two")
    assert [(h.kind, h.id) for h in search.search(fresh_case, "runway-two")] == [("tag", item)]
    assert [h.kind for h in search.search(fresh_case, "runway-two", kinds=("item",))] == []


def test_read_only_case_searches_items(fresh_case, corpora: Path) -> None:
    import_paths(fresh_case, [corpora / "exif-samples" / "jpg" / "Canon_40D.jpg"], workers=1)
    path = fresh_case.path
    fresh_case.close()
    with Case.open(path, write=False) as case:
        assert [h.kind for h in search.search(case, "canon")] == ["item"]
