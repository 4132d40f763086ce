"""The map with its controls: show all, zoom to the selection, and a time slider that plays.

At the slider's moment each aircraft's position or state and the photos taken then are shown; the
state is read off the UI thread (the window's loader), one request at a time, newest wins.
"""

from __future__ import annotations

import html
import time
from datetime import UTC, datetime

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSlider,
    QVBoxLayout,
    QWidget,
)

from casefile.ui.operations import quietgc
from casefile.ui.views.mapdata import MapData, Moment
from casefile.ui.views.mapview import MapView

TICK_MS = 50             # playback: the moment moves this often
SPEEDS = (1, 10, 60, 100, 300, 1000)      # × real time
THUMB_PX = 56             # photos taken at the moment, shown under the aircraft states
STATE_MAX_PX = 96         # the aircraft-state list scrolls past this height; the map keeps the room


class MapPane(QWidget):
    """MapView + controls; emits momentRequested(epoch seconds) when the slider's moment changes.

    Playback works like a flight tracker's replay: the slider spans the case, the selected flight
    or claim window, or a chosen range; Play moves the moment at 1×–1,000× real time and every
    aircraft's marker moves along its track with its callsign, altitude and speed."""

    momentRequested = Signal(float)
    spanWanted = Signal(str)            # "case", "selection" or "range": the window fills it in

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
        self.speed = QComboBox()
        self.speed.setAccessibleName("Playback speed")
        for x in SPEEDS:
            self.speed.addItem(f"{x:,}×", x)
        self.speed.setCurrentIndex(SPEEDS.index(60))
        self.speed.setToolTip("How fast playback moves: times real time")
        self.span_box = QComboBox()
        self.span_box.setAccessibleName("Time span of the slider")
        for key, text in (("case", "Span: the case"), ("selection", "Span: the selection"),
                          ("range", "Span: a chosen range…")):
            self.span_box.addItem(text, key)
        self.span_box.setToolTip("What the slider spans: the case's dated things, the selected "
                                 "flight, leg or claim window, or a range you choose")
        self.span_box.activated.connect(lambda _i: self.spanWanted.emit(str(self.span_box.currentData())))
        self.altitude_box = QCheckBox("Colour by altitude")
        self.altitude_box.setAccessibleName("Colour tracks by altitude")
        self.altitude_box.toggled.connect(self.view.set_by_altitude)
        self.slider = QSlider(Qt.Orientation.Horizontal)
        self.slider.setRange(0, 0)
        self.slider.setAccessibleName("Time slider")
        self.slider.setToolTip("The moment shown: each aircraft's position or state, the photos taken then")
        self.slider.valueChanged.connect(self._moved)
        self.when = QLabel("")
        self.when.setAccessibleName("Moment shown")
        self.when.setMinimumWidth(170)
        self.span_label = QLabel("")
        self.span_label.setAccessibleName("What the slider spans")
        self.state = QLabel("")
        self.state.setAccessibleName("Aircraft at this moment")
        self.state.setWordWrap(True)
        self.state.setTextFormat(Qt.TextFormat.RichText)
        self.state.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.state_scroll = QScrollArea()
        self.state_scroll.setWidget(self.state)
        self.state_scroll.setWidgetResizable(True)
        self.state_scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.state_scroll.setMaximumHeight(STATE_MAX_PX)
        self.state_scroll.setAccessibleName("Aircraft at this moment (scrolls)")
        self.info = QLabel("Click a track for a point's time, altitude and speed, or a dashed gap "
                           "for where the aircraft can have been; right-click to place the "
                           "selected photo there.")
        self.info.setWordWrap(True)
        self.info.setAccessibleName("Track point")
        self.view.pointInfo.connect(self.info.setText)
        bar = QHBoxLayout()
        for w in (self.fit_button, self.sel_button, self.play_button, self.speed):
            bar.addWidget(w)
        bar.addWidget(self.slider, 1)
        bar.addWidget(self.when)
        bar2 = QHBoxLayout()
        bar2.addWidget(self.span_box)
        bar2.addWidget(self.span_label)
        bar2.addStretch(1)
        bar2.addWidget(self.altitude_box)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.view, 1)
        layout.addLayout(bar)
        layout.addLayout(bar2)
        layout.addWidget(self.state_scroll)
        layout.addWidget(self.info)
        self.span: tuple[float, float] | None = None
        self.case_span: tuple[float, float] | None = None
        self.t: float | None = None       # the moment shown (epoch seconds)
        self.pending = False              # a moment is being read
        self.wanted: float | None = None  # the newest moment asked for
        self._gc_held = False              # playing holds the cyclic collector (quietgc)
        self.timer = QTimer(self)
        self.timer.setInterval(TICK_MS)
        self.timer.timeout.connect(self._tick)
        self._last_tick = 0.0
        self._set_enabled(False)

    def _set_enabled(self, on: bool) -> None:
        for w in (self.slider, self.play_button, self.speed, self.span_box):
            w.setEnabled(on)

    def show_data(self, data: MapData) -> None:
        self.view.show_data(data)
        self.case_span = data.time_range()
        self._set_enabled(self.case_span is not None and bool(data.stretches or data.photos))
        self.view.show_moment(None)
        self.state.setText("" if self.case_span else
                           "No dated tracks or photos: nothing for the time slider.")
        self.when.setText("")
        if self.case_span is not None:
            keep = self.t
            self.set_span(*self.case_span, "the case's tracks and dated photos")
            if keep is not None:
                self.set_time(keep)

    def set_span(self, lo: float, hi: float, what: str) -> None:
        """Make the slider span [lo, hi] (epoch seconds), one step a second; the moment stays in it."""
        hi = max(hi, lo + 1)
        self.span = (lo, hi)
        self.span_label.setText(f"{what}: {_utc(lo)} – {_utc(hi)}")
        keep = self.t
        self.slider.blockSignals(True)
        self.slider.setRange(0, int(hi - lo))
        self.slider.setPageStep(max(int((hi - lo) / 20), 1))
        self.slider.blockSignals(False)
        self.set_time(keep if keep is not None and lo <= keep <= hi else lo)
        if self.slider.value() == 0:
            self._moved(0)

    # ---- the moment ---------------------------------------------------------------------------
    def t_of(self, value: int) -> float:
        assert self.span is not None
        return self.span[0] + value

    def set_time(self, t: float) -> None:
        """Move the slider to a moment (epoch seconds)."""
        if self.span is None:
            return
        lo, hi = self.span
        t = min(max(t, lo), hi)
        self.slider.blockSignals(True)          # one moment drawn per move, not two
        self.slider.setValue(round(t - lo))
        self.slider.blockSignals(False)
        self._show_time(t)

    def _moved(self, value: int) -> None:
        if self.span is None:
            return
        self._show_time(self.t_of(value))

    def _show_time(self, t: float) -> None:
        self.t = t
        self.when.setText(datetime.fromtimestamp(t, UTC).strftime("%Y-%m-%d %H:%M:%S UTC"))
        self.view.show_positions(t)                 # markers move at once, along the tracks
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
            lines = []
            for a, note in m.notes.items():
                pos = self.view.positions.get(a)
                now = (f" — {pos.gs_kt:.0f} kt" if pos is not None and pos.gs_kt is not None else "")
                name = html.escape(data.labels.get(a, "aircraft"))
                lines.append(f"<span style='color:{data.colors.get(a, '#555')}'>■</span> "
                             f"<b>{name}</b>: {html.escape(note)}{now}")
            if m.photos:
                lines.append("<span style='color:#e6007e'>◯</span> <b>taken then:</b> "
                             + html.escape(", ".join(data.photos[p].name for p in m.photos)))
                thumbs = [data.photos[p].thumb for p in m.photos[:8] if data.photos[p].thumb]
                if thumbs:
                    lines.append(" ".join(f"<img src='{html.escape(t or '')}' height='{THUMB_PX}'>"
                                          for t in thumbs))
            self.state.setText("<br>".join(lines))
        if m is None:
            self.wanted = None                  # nothing to read (no case): ask for nothing more
        elif self.wanted is not None and abs(self.wanted - m.t) > 1e-6:
            self.pending = True
            self.momentRequested.emit(self.wanted)

    def play(self, on: bool) -> None:
        self.play_button.setText("⏸ Pause" if on else "▶ Play")
        if on:
            if self.span is not None and self.slider.value() >= self.slider.maximum():
                self.set_time(self.span[0])
            # as during a long operation (ops.OpRunner): no collector pass while it plays (a full
            # pass holds the GIL for ~100 ms)
            if not self._gc_held:
                self._gc_held = True
                quietgc.hold()
            self._last_tick = time.monotonic()
            self.timer.start()
        else:
            self.timer.stop()
            if self._gc_held:
                self._gc_held = False
                quietgc.release()

    def _tick(self) -> None:
        if self.span is None or self.t is None:
            self.play_button.setChecked(False)
            return
        now = time.monotonic()
        step = (now - self._last_tick) * float(self.speed.currentData())   # real time × the speed
        self._last_tick = now
        if self.t >= self.span[1]:
            self.play_button.setChecked(False)
            return
        self.set_time(min(self.t + step, self.span[1]))


def _utc(t: float) -> str:
    return datetime.fromtimestamp(t, UTC).strftime("%Y-%m-%d %H:%M UTC")
