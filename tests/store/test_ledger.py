"""The custody ledger: chained, append-only, written with every change."""

from __future__ import annotations

import sqlite3

import pytest

from casefile.errors import InvalidInput
from casefile.store import Case, verify_case
from casefile.store.ledger import GENESIS, event_hash


def test_events_are_chained_by_hash(fresh_case: Case) -> None:
    events = fresh_case.rows("SELECT * FROM ledger ORDER BY seq")
    assert events[0]["prev_hash"] == GENESIS
    for before, after in zip(events, events[1:]):
        assert after["prev_hash"] == before["hash"]
        assert after["seq"] == before["seq"] + 1
    for ev in events:
        assert event_hash(ev) == ev["hash"]


def test_update_and_delete_are_refused_by_triggers(fresh_case: Case) -> None:
    with pytest.raises(sqlite3.IntegrityError, match="append-only"):
        fresh_case.db.execute("UPDATE ledger SET actor = 'someone else' WHERE seq = 1")
    with pytest.raises(sqlite3.IntegrityError, match="append-only"):
        fresh_case.db.execute("DELETE FROM ledger WHERE seq = 1")


def test_edit_records_before_and_after_in_same_transaction(fresh_case: Case) -> None:
    fresh_case.set_meta("title", "Renamed")
    last = fresh_case.events()[-1]
    assert last["action"] == "meta-set"
    assert last["details"]["before"] == {"value": "Test case"}
    assert last["details"]["after"] == {"value": "Renamed"}


def test_failed_change_leaves_neither_row_nor_event(fresh_case: Case) -> None:
    n_events = len(fresh_case.events())
    with pytest.raises(RuntimeError):
        with fresh_case.transaction():
            fresh_case.insert("case_meta", {"key": "k", "value": "v"})
            raise RuntimeError("boom")
    assert "k" not in fresh_case.meta()
    assert len(fresh_case.events()) == n_events


def test_delete_needs_a_reason_and_is_recorded(fresh_case: Case) -> None:
    with fresh_case.transaction():
        fresh_case.insert("case_meta", {"key": "k", "value": "v"})
    with pytest.raises(InvalidInput):
        with fresh_case.transaction():
            fresh_case.delete("case_meta", "k", reason=" ")
    with fresh_case.transaction():
        fresh_case.delete("case_meta", "k", reason="entered by mistake")
    last = fresh_case.events()[-1]
    assert last["action"] == "deleted"
    assert last["details"]["reason"] == "entered by mistake"
    assert last["details"]["row"] == {"key": "k", "value": "v"}
    assert verify_case(fresh_case).ok


def test_writes_outside_a_transaction_are_refused(fresh_case: Case) -> None:
    with pytest.raises(RuntimeError, match="transaction"):
        fresh_case.insert("case_meta", {"key": "k", "value": "v"})


def test_read_only_case_refuses_writes(fresh_case: Case) -> None:
    path = fresh_case.path
    fresh_case.close()
    with Case.open(path, write=False) as ro:
        with pytest.raises(Exception, match="read-only"):
            with ro.transaction():
                pass
