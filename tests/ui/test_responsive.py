"""The window stays responsive during a long import; the photo grid stays cheap with 10,000 photos."""

from __future__ import annotations

import time

from PySide6.QtCore import QTimer
from uihelp import wait_op


def test_the_event_loop_keeps_running_during_a_long_import(opened, qtbot, corpora):
    """The import runs in a worker: timer ticks keep arriving all through it (how long the longest
    gap is, against the 100 ms rule, is measured in benchmarks/gui.py, not asserted here)."""
    win = opened
    gaps: list[float] = []
    last = [time.perf_counter()]

    def tick() -> None:
        now = time.perf_counter()
        gaps.append(now - last[0])
        last[0] = now

    timer = QTimer()
    timer.setInterval(10)
    timer.timeout.connect(tick)
    op = win.import_files([str(corpora / "exif-samples"), str(corpora / "pillow-bad-images"),
                           str(corpora / "flights")])
    last[0] = time.perf_counter()
    timer.start()
    wait_op(qtbot, op, timeout=180000)
    timer.stop()
    report = op.changes.result
    assert report.count("imported") > 100          # it was a long import of real files
    assert len(gaps) > 50


def test_photo_grid_with_10000_photos_loads_only_what_is_visible(qtbot, corpora):
    from casefile.ui.views.photogrid import PhotoGridView

    src = corpora / "exif-samples/jpg/gps/DSCN0010.jpg"
    view = PhotoGridView(size=96)
    qtbot.addWidget(view)
    view.resize(800, 600)
    view.show()
    rows = [{"id": f"{i:026d}", "original_name": f"photo{i}.jpg", "path": src} for i in range(10000)]
    t0 = time.perf_counter()
    view.set_photos(rows)
    qtbot.wait(50)
    shown = time.perf_counter() - t0
    model = view.grid_model
    assert model.rowCount() == 10000
    first = model.requested
    assert 0 < first < 200, first                      # only the rows on screen asked for pixels
    qtbot.waitUntil(lambda: model._cache.get(rows[0]["id"]) is not None, timeout=10000)
    view.scrollToBottom()
    qtbot.waitUntil(lambda: model._cache.get(rows[-1]["id"]) is not None, timeout=10000)
    assert model.requested < 500
    model.stop()
    print(f"10,000 photos: first paint {shown * 1000:.0f} ms, {model.requested} thumbnails decoded")


def test_broken_image_gets_a_placeholder_not_a_crash(qtbot, corpora):
    from casefile.ui.views.photogrid import PhotoGridView

    bad = corpora / "exif-samples/jpg/corrupted.jpg"
    view = PhotoGridView(size=64)
    qtbot.addWidget(view)
    view.show()
    view.set_photos([{"id": "bad", "original_name": "corrupted.jpg", "path": bad},
                     {"id": "missing", "original_name": "gone.jpg", "path": bad.with_name("nope.jpg")}])
    qtbot.waitUntil(lambda: {"missing"} <= view.grid_model.broken, timeout=10000)
    assert "cannot be decoded" in view.grid_model.index(1).data(3)   # tooltip says why
    view.grid_model.stop()


def test_no_collector_pass_while_an_import_runs_and_all_handed_back_after(opened, qtbot, corpora):
    """A cyclic-collector pass holds the GIL: one in the import worker after a flight file held the
    window 0.6 s. While the import runs the collector makes no pass; after it, it is on again and
    nothing stays frozen."""
    import gc

    from uihelp import TRACE

    assert gc.isenabled()
    frozen_before = gc.get_freeze_count()
    seen: list[tuple[bool, int]] = []
    op = opened.import_files([str(corpora / TRACE), str(corpora / "flights/fr24")])
    op.progress.connect(lambda *_a: seen.append((gc.isenabled(), gc.get_count()[0])))
    wait_op(qtbot, op, timeout=120000)
    assert op.changes.result.count("imported") >= 2
    assert seen and not any(enabled for enabled, _young in seen)
    assert gc.isenabled()
    assert gc.get_freeze_count() == frozen_before


def test_after_an_import_the_table_is_read_again_off_the_ui_thread(opened, qtbot, corpora):
    """When an import ends, the table is read again in a worker: right after the import the window
    still shows the rows it had, then the new ones arrive (as the rows of every file imported)."""
    from uihelp import GPS_PHOTOS, TRACE

    win = opened
    wait_op(qtbot, win.import_files([str(corpora / GPS_PHOTOS)]))
    before = win.records.model.rowCount()
    assert before >= 3
    seen: list[int] = []
    op = win.import_files([str(corpora / TRACE)])
    op.finished.connect(lambda _c: seen.append(win.records.model.rowCount()))   # after the refresh
    wait_op(qtbot, op)
    assert seen == [before]
    assert win.records.model.rowCount() == before + 1
    assert any("trace_full_ac134a.json" in " ".join(win.records.model.texts(i))
               for i in range(win.records.model.rowCount()))


def test_the_thread_that_records_an_import_keeps_the_windows_priority(opened, qtbot):
    """The operation's thread shares the GIL with the UI thread: were it of lower priority, the
    system would leave it waiting while it holds the GIL, and the window with it. Only the parser
    processes run lower (their own GIL)."""
    import os
    import sys
    import threading

    import pytest

    from casefile.ui.operations.runner import Changes

    if sys.platform != "linux":
        pytest.skip("per-thread priorities are read on Linux")
    op = opened.ops.run(opened.case, "Probe", lambda _case, _ctx: Changes(
        result=os.getpriority(os.PRIO_PROCESS, threading.get_native_id())))
    wait_op(qtbot, op)
    assert op.changes.result == os.getpriority(os.PRIO_PROCESS, threading.get_native_id())
