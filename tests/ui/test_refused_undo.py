"""An undo the core refuses (a later command relies on the edit) leaves the window's undo stack
where it was, says why, and writes nothing; once the later command is undone, Undo works."""

from __future__ import annotations

from edithelp import events, settle, undo

from casefile.analyst.query import list_sources
from casefile.commands import ClaimAdd, SourceAdd, submit
from casefile.commands import undo as core_undo
from casefile.ui.operations.edits import Edit


def test_a_refused_undo_keeps_the_stack_and_the_record(opened, qtbot):
    win = opened
    win.push_edit(Edit("Add source Local radio report",
                       SourceAdd(title="Local radio report", kind="news-article")))
    settle(win, qtbot)
    (source,) = list_sources(win.case)
    assert (win.undo_stack.index(), win.undo_stack.count()) == (1, 1)
    # another process (the command line) records a claim citing that source: it relies on it
    other = win.case.connect_again()
    try:
        later = submit(other, ClaimAdd(text="Two aircraft landed at SVMI", sources=(source.id,)))
    finally:
        other.close()
    logged = len(events(win.case))

    undo(win, qtbot)
    assert (win.undo_stack.index(), win.undo_stack.count()) == (1, 1)    # not moved
    assert win.act_undo.isEnabled() and not win.act_redo.isEnabled()
    assert win.act_undo.text().endswith("Add source Local radio report")
    assert [s.id for s in list_sources(win.case)] == [source.id]          # the source stays
    assert len(events(win.case)) == logged                                # nothing recorded
    title, text = win.messages[-1]
    assert "Add source Local radio report" in title
    assert f"#{later.seq}" in text and "undo that first" in text
    assert win.nav_items["claims"].text(0) == "Claims (1)"      # the later claim is shown now

    # undo the claim from outside, then the window's Undo takes the source back
    other = win.case.connect_again()
    try:
        core_undo(other, later.seq)
    finally:
        other.close()
    undo(win, qtbot)
    assert (win.undo_stack.index(), win.undo_stack.count()) == (0, 1)
    assert list_sources(win.case) == []
    assert win.act_redo.isEnabled()
