"""Undo and redo from the core: the ledger form of a command, inverses recorded as commands, a
deleted record back with its id, reference and links, refusals that say why, history that survives
closing the case, imports never undone."""

from __future__ import annotations

import json

import pytest

from casefile.analyst import query as analyst
from casefile.commands import (
    ClaimDelete,
    ClaimEdit,
    ClaimLink,
    ClaimSources,
    Refused,
    SourceAdd,
    SourceDelete,
    history,
    redo,
    submit,
    undo,
)
from casefile.store import Case, verify_case
from casefile.store.refs import ref_of


def _command_events(case: Case) -> list[dict]:
    return [json.loads(r["details"]) for r in case.rows(
        "SELECT details FROM ledger WHERE action = 'command' ORDER BY seq")]


def _claim(case: Case):
    """The demo's arrival claim (sources, entities and linked evidence)."""
    return next(c for c in analyst.list_claims(case) if c.kind == "arrival")


def test_a_command_event_has_the_agreed_form_and_its_inverse_is_recorded_as_a_command(demo: Case) -> None:
    claim = _claim(demo)
    done = submit(demo, ClaimEdit(claim=claim.id, text="Two aircraft landed at Maiquetía"))
    ev = _command_events(demo)[-1]
    assert set(ev) == {"command", "params", "records", "undoes", "redoes", "summary"}
    assert ev["command"] == "claim.edit" and ev["params"]["claim"] == claim.id
    assert ev["params"]["text"] == "Two aircraft landed at Maiquetía"
    assert ["claims", claim.id] in ev["records"]
    assert ev["undoes"] is None and ev["redoes"] is None
    assert ev["summary"] == f"Edit claim {ref_of(demo.db, claim.id)} (text)"
    # the row event just before it keeps before and after
    row = demo.rows("SELECT details FROM ledger WHERE seq = ?", [done.seq - 1])[0]
    change = json.loads(row["details"])
    assert change["before"]["text"] == claim.text
    assert change["after"]["text"] == "Two aircraft landed at Maiquetía"

    back = undo(demo)
    inv = _command_events(demo)[-1]
    assert inv["command"] == "records.restore" and inv["undoes"] == done.seq
    assert inv["summary"].startswith("Undo: Edit claim")
    assert analyst.get_claim(demo, claim.id).text == claim.text
    again = redo(demo)
    assert _command_events(demo)[-1]["redoes"] == done.seq
    assert analyst.get_claim(demo, claim.id).text == "Two aircraft landed at Maiquetía"
    states = [(e.seq, e.state) for e in history(demo) if e.seq >= done.seq]   # after the demo's own
    assert states == [(done.seq, "in effect"), (back.seq, "undo"), (again.seq, "redo")]
    assert verify_case(demo).ok


def test_undoing_a_delete_brings_back_the_same_claim_reference_sources_and_links(demo: Case) -> None:
    claim = _claim(demo)
    ref = ref_of(demo.db, claim.id)
    links = analyst.claim_links(demo, claim.id)
    assert links and claim.source_ids and claim.entity_ids
    submit(demo, ClaimDelete(claim=claim.id, reason="entered twice"))
    assert claim.id not in {c.id for c in analyst.list_claims(demo)}
    undo(demo)
    back = analyst.get_claim(demo, claim.id)
    assert ref_of(demo.db, claim.id) == ref
    assert back.text == claim.text and back.window_start == claim.window_start
    assert back.source_ids == claim.source_ids and back.entity_ids == claim.entity_ids
    assert analyst.claim_links(demo, claim.id) == links
    assert claim.id in {h.id for h in analyst.search(demo, claim.text.split()[0])}
    redo(demo)                                  # and the delete again, recorded as a redo
    assert claim.id not in {c.id for c in analyst.list_claims(demo)}
    assert verify_case(demo).ok


def test_a_command_a_later_one_relies_on_is_undone_only_after_it(demo: Case) -> None:
    added = submit(demo, SourceAdd(title="Local radio report", kind="news-article"))
    claim = _claim(demo)
    later = submit(demo, ClaimSources(claim=claim.id, sources=(added.record_id or "",)))
    with pytest.raises(Refused, match=rf"#{later.seq} .*Add source .* to claim .*undo that first"):
        undo(demo, added.seq)
    assert added.record_id in {s.id for s in analyst.list_sources(demo)}     # nothing written
    undo(demo)                                  # the later one first ...
    undo(demo, added.seq)                       # ... then the source goes
    assert added.record_id not in {s.id for s in analyst.list_sources(demo)}


def test_undo_refuses_what_changed_outside_the_history(demo: Case) -> None:
    claim = _claim(demo)
    done = submit(demo, ClaimEdit(claim=claim.id, status="corroborated"))
    analyst.edit_claim(demo, claim.id, {"status": "contradicted"}, reason="not a command")
    with pytest.raises(Refused, match=rf"cannot undo #{done.seq} .*has changed since"):
        undo(demo)
    assert analyst.get_claim(demo, claim.id).status == "contradicted"


def test_history_survives_closing_the_case_and_imports_are_not_in_it(demo: Case, scenario) -> None:
    from casefile.importers.pipeline import import_paths

    claim = _claim(demo)
    built = len(history(demo))                  # the demo's own edits are commands too
    photo = next(i for i, _rel in [(lk.item_id, lk.relation) for lk in analyst.claim_links(demo, claim.id)])
    submit(demo, ClaimLink(claim=claim.id, item=photo, relation="contradicts", note="on reflection"))
    report = import_paths(demo, [scenario / "article-2019-03-24.txt"], workers=1)
    assert report.count("imported") + report.count("duplicate") == 1
    path = demo.path
    demo.close()
    with Case.open(path) as again:
        items = again.rows("SELECT count(*) AS n FROM items")[0]["n"]
        entries = history(again)[built:]
        assert [e.command for e in entries] == ["claim.link"]
        undo(again)
        assert dict((lk.item_id, lk.relation) for lk in analyst.claim_links(again, claim.id))[photo] \
            != "contradicts"
        # the import is not an edit: the next undo takes back the demo's last edit, the file stays
        assert undo(again).summary.startswith("Undo: Add reported flight")
        assert again.rows("SELECT count(*) AS n FROM items")[0]["n"] == items
        assert verify_case(again).ok


def test_deleting_a_source_and_undoing_it_keeps_its_reference_and_the_claims_citing_it(demo: Case) -> None:
    src = next(s for s in analyst.list_sources(demo) if s.kind == "news-article")
    ref = ref_of(demo.db, src.id)
    citing = sorted(c.id for c in analyst.list_claims(demo) if src.id in c.source_ids)
    assert citing
    submit(demo, SourceDelete(source=src.id, reason="wrong article"))
    assert not [c for c in analyst.list_claims(demo) if src.id in c.source_ids]
    undo(demo)
    assert ref_of(demo.db, src.id) == ref
    assert sorted(c.id for c in analyst.list_claims(demo) if src.id in c.source_ids) == citing
    assert analyst.source_relations(demo)


def test_undo_takes_back_only_the_command_not_what_was_written_just_before_it(demo: Case) -> None:
    """A claim made and linked outside the history (a script, the demo builder), then deleted by a
    command: undo brings it back as it was before the delete, not as it was before it existed."""
    sid = analyst.list_sources(demo)[0].id
    made = analyst.add_claim(demo, "Made by a script", when="2019-03-23", source_ids=[sid])
    item = demo.items()[0]["id"]
    analyst.link(demo, made.id, item, "supports", None)
    submit(demo, ClaimDelete(claim=made.id, reason="entered twice"))
    undo(demo)
    back = analyst.get_claim(demo, made.id)
    assert back.text == "Made by a script" and back.source_ids == [sid]
    assert [lk.item_id for lk in analyst.claim_links(demo, made.id)] == [item]
