"""One switch for the cyclic garbage collector: the importers' pauses and the window's holds
nest in any order, and neither turns collection back on while the other still needs it off."""

from __future__ import annotations

import gc

from casefile.gcpause import gc_paused
from casefile.ui.operations import quietgc


def test_an_import_pause_ending_inside_a_window_hold_keeps_collection_off() -> None:
    assert gc.isenabled()
    with gc_paused():
        quietgc.hold()
    assert not gc.isenabled()          # the import's pause ended; the window still holds
    quietgc.release()
    assert gc.isenabled()


def test_a_window_hold_ending_inside_an_import_pause_keeps_collection_off() -> None:
    quietgc.hold()
    with gc_paused():
        quietgc.release()
        assert not gc.isenabled()      # the hold ended; the import still pauses
    assert gc.isenabled() and not quietgc.held()
    quietgc.release()                   # one release too many changes nothing
    assert gc.isenabled()
