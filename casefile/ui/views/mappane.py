"""The map with its controls: show all, zoom to the selection, and a time slider that plays.

At the slider's moment each aircraft's position or state and the photos taken then are shown; the
state is read off the UI thread (the window's loader), one request at a time, newest wins.
"""

from __future__ import annotations

import gc
import html
from datetime import UTC, datetime

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QSlider, QVBoxLayout, QWidget

from casefile.ui.views.mapdata import MapData, Moment
from casefile.ui.views.mapview import MapView

STEPS = 1000              # slider positions over the case's time span
PLAY_MS = 120             # one step of playback


class MapPane(QWidget):
    """MapView + controls; emits momentRequested(epoch seconds) when the slider's moment changes."""

    momentRequested = Signal(float)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName("Map and time slider")
        self.view = MapView()
        self.fit_button = QPushButton("Show all")
        self.fit_button.setToolTip("Zoom to all of the case's data (key 0)")
        self.fit_button.clicked.connect(self.view.fit)
        self.sel_button = QPushButton("Zoom to selection")
        self.sel_button.setToolTip("Zoom to the selected photo or track (key S)")
        self.sel_button.clicked.connect(self.view.zoom_to_selection)
        self.play_button = QPushButton("▶ Play")
        self.play_button.setAccessibleName("Play the time slider")
        self.play_button.setCheckable(True)
        self.play_button.toggled.connect(self.play)
        self.slider = QSlider(Qt.Orientation.Horizontal)
        self.slider.setRange(0, STEPS)
        self.slider.setAccessibleName("Time slider")
        self.slider.setToolTip("The moment shown: each aircraft's position or state, the photos taken then")
        self.slider.valueChanged.connect(self._moved)
        self.when = QLabel("")
        self.when.setAccessibleName("Moment shown")
        self.when.setMinimumWidth(170)
        self.state = QLabel("")
        self.state.setAccessibleName("Aircraft at this moment")
        self.state.setWordWrap(True)
        self.state.setTextFormat(Qt.TextFormat.RichText)
        self.info = QLabel("Click a track for a point's time, altitude and speed; right-click to place "
                           "the selected photo there.")
        self.info.setAccessibleName("Track point")
        self.view.pointInfo.connect(self.info.setText)
        bar = QHBoxLayout()
        for w in (self.fit_button, self.sel_button, self.play_button):
            bar.addWidget(w)
        bar.addWidget(self.slider, 1)
        bar.addWidget(self.when)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.view, 1)
        layout.addLayout(bar)
        layout.addWidget(self.state)
        layout.addWidget(self.info)
        self.span: tuple[float, float] | None = None
        self.pending = False              # a moment is being read
        self.wanted: float | None = None  # the newest moment asked for
        self.timer = QTimer(self)
        self.timer.setInterval(PLAY_MS)
        self.timer.timeout.connect(self._tick)
        self._set_enabled(False)

    def _set_enabled(self, on: bool) -> None:
        for w in (self.slider, self.play_button):
            w.setEnabled(on)

    def show_data(self, data: MapData) -> None:
        self.view.show_data(data)
        self.span = data.time_range()
        self._set_enabled(self.span is not None and bool(data.stretches or data.photos))
        self.view.show_moment(None)
        self.state.setText("" if self.span else "No dated tracks or photos: nothing for the time slider.")
        self.when.setText("")
        if self.span is not None:
            self._moved(self.slider.value())          # the state at the slider's moment from the start

    # ---- the moment ---------------------------------------------------------------------------
    def t_of(self, value: int) -> float:
        assert self.span is not None
        lo, hi = self.span
        return lo + (hi - lo) * value / STEPS

    def set_time(self, t: float) -> None:
        """Move the slider to a moment (epoch seconds)."""
        if self.span is None:
            return
        lo, hi = self.span
        self.slider.setValue(round((t - lo) / max(hi - lo, 1e-9) * STEPS))

    def _moved(self, value: int) -> None:
        if self.span is None:
            return
        t = self.t_of(value)
        self.when.setText(datetime.fromtimestamp(t, UTC).strftime("%Y-%m-%d %H:%M UTC"))
        self.wanted = t
        if not self.pending:
            self.pending = True
            self.momentRequested.emit(t)

    def show_moment(self, m: Moment | None) -> None:
        """The moment's result has arrived (on the UI thread); ask for the newest one if it moved."""
        self.pending = False
        if m is not None:
            self.view.show_moment(m)
            data = self.view.data
            lines = [f"<span style='color:{data.colors.get(a, '#555')}'>■</span> "
                     f"<b>{html.escape(data.labels.get(a, 'aircraft'))}</b>: {html.escape(note)}"
                     for a, note in m.notes.items()]
            if m.photos:
                lines.append("<span style='color:#e6007e'>◯</span> taken then: "
                             + html.escape(", ".join(data.photos[p].name for p in m.photos)))
            self.state.setText(" &nbsp; ".join(lines))
        if self.wanted is not None and (m is None or abs(self.wanted - m.t) > 1e-6):
            self.pending = True
            self.momentRequested.emit(self.wanted)

    def play(self, on: bool) -> None:
        self.play_button.setText("⏸ Pause" if on else "▶ Play")
        if on:
            if self.slider.value() >= STEPS:
                self.slider.setValue(0)
            # as during a long operation (ops.OpRunner): what is alive now lives through playback, so
            # the cyclic collector's full passes need not scan it (they hold the GIL for ~100 ms)
            gc.freeze()
            self.timer.start()
        else:
            self.timer.stop()
            gc.unfreeze()

    def _tick(self) -> None:
        if self.slider.value() >= STEPS:
            self.play_button.setChecked(False)
            return
        self.slider.setValue(self.slider.value() + 2)
