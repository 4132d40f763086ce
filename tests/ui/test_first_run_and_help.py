"""First start, Help, screenshots of any view, and a timeline that an outlier cannot squeeze."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest


@pytest.fixture(scope="module")
def demo_case(tmp_path_factory) -> Path:
    from casefile.demo.builder import build_demo

    return build_demo(tmp_path_factory.mktemp("demo"), say=lambda *a, **k: None).case_path


def test_first_start_is_a_full_size_window_with_a_start_page(win, tmp_path):
    assert win.case is None
    assert (win.width(), win.height()) == (1400, 860)
    assert win.stack.currentWidget() is win.start and win.start.isVisible()
    assert not win.navigator.isVisible() and not win.details.isVisible()        # nothing squashed
    assert set(win.start.buttons) == {"demo", "new", "open", "bundle", "guide"}
    assert not win.start.recent.isVisible()                                     # no recent cases yet
    assert win.create_case(tmp_path / "first", "First case")
    assert win.navigator.isVisible() and win.stack.currentWidget() is not win.start
    win.close_case()
    assert win.stack.currentWidget() is win.start
    assert win.start.recent.count() == 1 and win.start.recent.isVisibleTo(win.start)


def test_a_recent_case_opens_with_one_click(win, qtbot, tmp_path):
    from PySide6.QtCore import Qt

    assert win.create_case(tmp_path / "again", "Again")
    path = str(win.case.path)
    win.close_case()
    item = win.start.recent.item(0)
    rect = win.start.recent.visualItemRect(item)
    qtbot.mouseClick(win.start.recent.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert win.case is not None and str(win.case.path) == path


def test_the_demo_command_builds_the_case_the_start_page_opens():
    from casefile.ui.window.launch import demo_command

    cmd = demo_command(Path("/tmp/x"))
    assert cmd[-4:] == ["--no-gui", "--json", "--dir", "/tmp/x"] and "demo" in cmd


def test_help_opens_the_offline_guide(win):
    from casefile.ui.window.guide import guide_text
    from casefile.ui.window.menus import show_guide

    assert [a.text() for a in win.menuBar().actions()[-1].menu().actions()][:1] == ["&User Guide"]
    dlg = show_guide(win)
    text = dlg.browser.toPlainText()
    assert text.startswith("Casefile user guide") and "Undo" in text and "coverage gaps" in text
    # every menu entry the guide names exists
    for words in ("Records ▸ Add Source", "Records ▸ Add Claim", "File ▸ Verify Integrity"):
        assert words in guide_text()


@pytest.mark.parametrize("view,select", [("claims", "C1"), ("sources", "S1"), ("map", "P3"),
                                         ("timeline", None), ("start", None)])
def test_screenshot_of_any_view_with_a_selection(demo_case, tmp_path, view, select):
    from PySide6.QtGui import QImage

    from casefile.ui.app import run

    out = tmp_path / f"{view}.png"
    assert run(str(demo_case), screenshot=str(out), view=view, select=select) == 0
    img = QImage(str(out))
    assert (img.width(), img.height()) == (1400, 860)


def test_screenshot_refuses_an_unknown_view_or_reference(demo_case, tmp_path, capsys):
    from casefile.ui.app import run

    assert run(str(demo_case), screenshot=str(tmp_path / "x.png"), view="nowhere") == 2
    assert "no view 'nowhere'" in capsys.readouterr().err
    assert run(str(demo_case), screenshot=str(tmp_path / "y.png"), view="claims", select="C99") == 1
    assert "did you mean" in capsys.readouterr().err


def test_a_camera_clock_in_2099_does_not_squeeze_the_timeline(qtbot):
    from casefile.ui.views.timeline import Event, TimelineView

    view = TimelineView()
    qtbot.addWidget(view)
    view.resize(900, 400)
    t = datetime(2019, 3, 23, 12, tzinfo=UTC)
    events = [Event(t + timedelta(hours=h), 0, "photos", f"photo {h}", (f"p{h}",)) for h in range(12)]
    events.append(Event(datetime(2099, 1, 1, tzinfo=UTC), 0, "photos", "camera clock wrong", ("far",)))
    view.set_events(events)
    assert view.span_s < 3 * 86400                                   # the 2019 day, not a century
    xs = [view.x_of(e.time) for e in events[:-1]]
    assert max(xs) - min(xs) > 400                                   # the day's photos spread out
    assert view.x_of(events[-1].time) > view.width()                  # the outlier is past the edge …
    img = view.grab().toImage()
    assert not img.isNull()
    view.fit()
    view.zoom(1 / 200000)                                            # … and in view when zoomed out
    assert view.x_of(events[-1].time) < view.width()
