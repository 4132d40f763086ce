"""Fixtures for the desktop application tests (offscreen Qt, see tests/conftest.py)."""

from __future__ import annotations

from pathlib import Path

import pytest

pytest.importorskip("PySide6")
pytest.importorskip("pytestqt")


@pytest.fixture
def win(qtbot):
    """A main window with no case; closed (and its case released) after the test."""
    from casefile.ui.window.main import MainWindow

    w = MainWindow()
    qtbot.addWidget(w)
    w.show()
    yield w
    w.close()


@pytest.fixture
def opened(win, tmp_path: Path):
    """The window with a new empty case open."""
    assert win.create_case(tmp_path / "ui", "UI test case")
    return win
