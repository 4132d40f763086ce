"""Timeline: one lane each for sources, photos, flights and claims; uncertainty drawn as a bar.

Wheel or + / - zoom around the mouse, drag or arrow keys pan, 0 fits; clicking an event selects
its first item. Events come from the cross-reference part's timeline.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime

from PySide6.QtCore import QPointF, QRectF, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QFontMetrics,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPalette,
    QPen,
    QWheelEvent,
)
from PySide6.QtWidgets import QSizePolicy, QWidget

from casefile.store import Case
from casefile.timeutil import parse_z, shift, wall_text
from casefile.xref.query import timeline

LANES = ("sources", "photos", "flights", "claims")
LANE_COLORS = {"sources": "#1f77b4", "photos": "#e6007e", "flights": "#d62728", "claims": "#2ca02c"}


@dataclass
class Event:
    """One mark on the timeline (UTC)."""

    time: datetime
    uncertainty_s: float
    lane: str
    label: str
    item_ids: tuple[str, ...]


def gather(case: Case) -> list[Event]:
    """The case's dated events (the cross-reference timeline), in UTC."""
    out = []
    for ev in timeline(case):
        try:
            t = parse_z(ev.time_utc)
        except (ValueError, TypeError):
            continue
        out.append(Event(t, float(ev.uncertainty_s or 0), ev.lane, ev.label, tuple(ev.item_ids)))
    return out


MOST = 0.75              # the span shown holds at least this share of the dated things


def fit_range(times: list[datetime]) -> tuple[datetime, datetime]:
    """The span to show: all events, unless a few outliers would squeeze the rest into a corner —
    then the shortest span that holds most of them (MOST), padded; the rest are counted at the
    edges. A 2015 photo and the 2026 collection dates no longer crush the investigated day."""
    ts = sorted(times)
    lo, hi = ts[0], ts[-1]
    if len(ts) >= 4:
        k = max(2, math.ceil(len(ts) * MOST))
        i = min(range(len(ts) - k + 1), key=lambda j: ts[j + k - 1] - ts[j])
        a, b = ts[i], ts[i + k - 1]
        core = (b - a).total_seconds()
        if core * 5 < (hi - lo).total_seconds():
            pad = max(core * 0.25, 1800)
            lo, hi = max(lo, shift(a, -pad)), min(hi, shift(b, pad))
    return lo, hi


def ticks(
    t0: datetime, span_s: float, width_px: float, measure: Callable[[str], float]
) -> tuple[list[datetime], str]:
    """Calendar-aligned tick times and their label format, spaced so labels do not overlap."""
    fixed = [
        (60, "%H:%M"),
        (300, "%H:%M"),
        (900, "%H:%M"),
        (3600, "%m-%d %H:%M"),
        (3 * 3600, "%m-%d %H:%M"),
        (6 * 3600, "%m-%d %H:%M"),
        (12 * 3600, "%m-%d %H:%M"),
        (86400, "%Y-%m-%d"),
        (2 * 86400, "%Y-%m-%d"),
        (7 * 86400, "%Y-%m-%d"),
    ]
    end = shift(t0, span_s)
    sample = datetime(2019, 12, 28, 23, 58, tzinfo=UTC)
    need = span_s * (measure("2019-12") + 16) / max(width_px, 1.0)
    for step, fmt in fixed:
        if step >= span_s * (measure(sample.strftime(fmt)) + 16) / max(width_px, 1.0):
            try:
                start = datetime.fromtimestamp((t0.timestamp() // step) * step, UTC)
            except (OverflowError, ValueError, OSError):   # at the calendar's first edge
                start = t0
            out, t = [], start
            while t <= end:
                out.append(t)
                nxt = shift(t, step)
                if nxt == t:     # the calendar's last instant
                    break
                t = nxt
            return out, fmt
    months = next((m for m in (1, 3, 6, 12, 24, 60, 120, 240, 600, 1200, 2400, 6000, 12000)
                   if m * 30.4 * 86400 >= need), 24000)   # up to the whole calendar, 0001-9999
    t = datetime(t0.year, 1, 1, tzinfo=UTC)
    out = []
    while t <= end:
        if t >= shift(t0, -400 * 86400):
            out.append(t)
        y, m = divmod(t.month - 1 + months, 12)
        if t.year + y > 9999:    # the calendar ends at 9999
            break
        t = t.replace(year=t.year + y, month=m + 1)
    return out, ("%Y" if months >= 12 else "%Y-%m")


class TimelineView(QWidget):
    """Paints lanes of events; emits itemSelected(item_id)."""

    itemSelected = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName("Timeline")
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMouseTracking(True)
        self.events: list[Event] = []
        self.selected: str | None = None
        self.edge_counts: dict[tuple[str, int], int] = {}   # (lane, side) -> events past that edge
        self.t0 = datetime(2000, 1, 1, tzinfo=UTC)
        self.span_s = 86400.0
        self._drag: QPointF | None = None
        self._hit: list[tuple[QRectF, Event]] = []

    def set_events(self, events: list[Event]) -> None:
        self.events = sorted(events, key=lambda e: e.time)
        self.fit()

    def fit(self) -> None:
        """Show where the events are; a few far outliers are left to the edge markers."""
        if self.events:
            lo, hi = fit_range(
                [
                    shift(e.time, sign * e.uncertainty_s)
                    for e in self.events
                    for sign in (-1, 1)
                ]
            )
            span = max((hi - lo).total_seconds(), 600.0)
            mid = lo + (hi - lo) / 2
            self.t0 = shift(mid, -span * 0.55)
            self.span_s = span * 1.1
        self.update()

    def select_item(self, item_id: str) -> bool:
        """Highlight the selection's events and bring them into view (zoomed to them when the view
        is far wider than they are)."""
        self.selected = item_id
        mine = [e for e in self.events if item_id in e.item_ids]
        if mine:
            lo = min(shift(e.time, -e.uncertainty_s) for e in mine)
            hi = max(shift(e.time, e.uncertainty_s) for e in mine)
            need = max((hi - lo).total_seconds(), 3600.0) * 1.6    # the selection, with room around
            shown = lo >= self.t0 and hi <= shift(self.t0, self.span_s)
            if need * 50 < self.span_s or need > self.span_s:
                self.span_s = need                       # a dot in a decade, or wider than the view
            if not shown or self.span_s == need:
                self.t0 = shift(lo + (hi - lo) / 2, -self.span_s / 2)
        self.update()
        return bool(mine)

    # ---- geometry ---------------------------------------------------------------------------
    def _label_w(self) -> int:
        return QFontMetrics(self.font()).horizontalAdvance("flights") + 24

    def x_of(self, t: datetime) -> float:
        w = max(1, self.width() - self._label_w() - 10)
        return self._label_w() + (t - self.t0).total_seconds() / self.span_s * w

    def t_of(self, x: float) -> datetime:
        w = max(1, self.width() - self._label_w() - 10)
        return shift(self.t0, (x - self._label_w()) / w * self.span_s)

    def _lane_rect(self, i: int) -> QRectF:
        top, axis_h = 8, QFontMetrics(self.font()).height() * 2 + 8
        h = max(30.0, (self.height() - top - axis_h) / len(LANES))
        return QRectF(0, top + i * h, self.width(), h)

    # ---- painting ---------------------------------------------------------------------------
    def paintEvent(self, _event: QPaintEvent) -> None:
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        pal = self.palette()
        p.fillRect(self.rect(), pal.color(QPalette.ColorRole.Base))
        text = pal.color(QPalette.ColorRole.Text)
        mid = pal.color(QPalette.ColorRole.Mid)
        fm = QFontMetrics(self.font())
        self._hit = []
        for i, lane in enumerate(LANES):
            r = self._lane_rect(i)
            if i % 2:
                p.fillRect(r, pal.color(QPalette.ColorRole.AlternateBase))
            p.setPen(text)
            p.drawText(QRectF(6, r.top(), self._label_w(), r.height()), Qt.AlignmentFlag.AlignVCenter, lane)
        self._paint_axis(p, fm, text, mid)
        label_end: dict[tuple[str, int], float] = {}
        edge: dict[tuple[str, int], int] = {}  # (lane, -1 left / +1 right) -> events past the edge
        right_edge = self.width() - 10
        for e in self.events:
            if e.lane not in LANES:
                continue
            r = self._lane_rect(LANES.index(e.lane))
            x, y = self.x_of(e.time), r.center().y()
            if x < self._label_w() or x > right_edge:  # an outlier: counted at the edge
                side = -1 if x < self._label_w() else 1
                edge[(e.lane, side)] = edge.get((e.lane, side), 0) + 1
                continue
            color = QColor(LANE_COLORS[e.lane])
            if e.uncertainty_s > 0:
                dx = e.uncertainty_s / self.span_s * (self.width() - self._label_w() - 10)
                bar = QColor(color)
                bar.setAlpha(70)
                p.fillRect(QRectF(x - dx, y - 5, 2 * dx, 10), bar)
            chosen = bool(self.selected and self.selected in e.item_ids)
            p.setPen(
                QPen(
                    QColor("#ffbf00") if chosen else pal.color(QPalette.ColorRole.Base), 3 if chosen else 1
                )
            )
            p.setBrush(color)
            p.drawEllipse(QPointF(x, y), 5, 5)
            self._hit.append((QRectF(x - 7, y - 7, 14, 14), e))
            # a label in the first free row above or below the dot, kept inside the view
            label = fm.elidedText(e.label, Qt.TextElideMode.ElideRight, 260)
            width = fm.horizontalAdvance(label)
            lx = min(x + 8, right_edge - width)
            rows = max(1, int((r.height() / 2 - 10) // (fm.height() + 1)))
            for k in range(2 * rows):
                level = k // 2 + 1
                ly = (
                    y - 8 - (level - 1) * (fm.height() + 1)
                    if k % 2 == 0
                    else y + 8 + level * (fm.height() + 1) - 4
                )
                if lx > label_end.get((e.lane, k), -1e9) and lx >= self._label_w():
                    p.setPen(text)
                    p.drawText(QPointF(lx, ly), label)
                    label_end[(e.lane, k)] = lx + width + 12
                    break
        self.edge_counts = edge
        for (lane, side), n in edge.items():
            r = self._lane_rect(LANES.index(lane))
            mark = f"◀ {n}" if side < 0 else f"{n} ▶"
            ex = self._label_w() + 2 if side < 0 else right_edge - fm.horizontalAdvance(mark) + 6
            p.setPen(QColor(LANE_COLORS[lane]))
            p.drawText(QPointF(ex, r.center().y() + fm.height() / 3), mark)
        if not self.events:
            p.setPen(text)
            p.drawText(
                self.rect().adjusted(self._label_w(), 0, -10, -40),
                Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap,
                "No dated events yet.",
            )
        p.end()

    def _paint_axis(self, p: QPainter, fm: QFontMetrics, text: QColor, mid: QColor) -> None:
        width = max(1, self.width() - self._label_w() - 10)
        times, fmt = ticks(self.t0, self.span_s, width, fm.horizontalAdvance)
        bottom = self._lane_rect(len(LANES) - 1).bottom()
        for dt in times:
            x = self.x_of(dt)
            if x < self._label_w():
                continue
            p.setPen(QPen(mid, 1, Qt.PenStyle.DotLine))
            p.drawLine(QPointF(x, 8), QPointF(x, bottom))
            tick = dt.strftime(fmt.replace("%Y", f"{dt.year:04d}"))   # year 1 as 0001
            if x + 3 + fm.horizontalAdvance(tick) > self.width() - 4:
                continue  # a label cut by the edge reads wrong
            p.setPen(text)
            p.drawText(QPointF(x + 3, bottom + fm.height()), tick)
        p.setPen(text)
        p.drawText(QPointF(6, bottom + fm.height()), "UTC")
        left = sum(1 for e in self.events if self.x_of(e.time) < self._label_w())
        right = sum(1 for e in self.events if self.x_of(e.time) > self.width() - 4)
        if left:
            p.drawText(QPointF(self._label_w() + 4, bottom + 2 * fm.height()), f"◀ {left} earlier")
        if right:
            label = f"{right} later ▶"
            p.drawText(
                QPointF(self.width() - fm.horizontalAdvance(label) - 8, bottom + 2 * fm.height()), label
            )

    # ---- interaction ------------------------------------------------------------------------
    def zoom(self, factor: float, at_x: float | None = None) -> None:
        at = self.t_of(at_x if at_x is not None else self.width() / 2)
        new_span = min(max(self.span_s / factor, 10.0), 200 * 365 * 86400.0)
        frac = (at - self.t0).total_seconds() / self.span_s
        self.t0 = shift(at, -frac * new_span)
        self.span_s = new_span
        self.update()

    def pan(self, fraction: float) -> None:
        self.t0 = shift(self.t0, self.span_s * fraction)
        self.update()

    def wheelEvent(self, event: QWheelEvent) -> None:
        self.zoom(1.25 if event.angleDelta().y() > 0 else 0.8, event.position().x())

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        actions: dict[int, Callable[[], None]] = {
            Qt.Key.Key_Plus: lambda: self.zoom(1.25),
            Qt.Key.Key_Equal: lambda: self.zoom(1.25),
            Qt.Key.Key_Minus: lambda: self.zoom(0.8),
            Qt.Key.Key_0: self.fit,
            Qt.Key.Key_Left: lambda: self.pan(-0.1),
            Qt.Key.Key_Right: lambda: self.pan(0.1),
        }
        if key in actions:
            actions[key]()
        else:
            super().keyPressEvent(event)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        pos = event.position()
        for rect, e in self._hit:
            if rect.contains(pos) and e.item_ids:
                self.itemSelected.emit(e.item_ids[0])
                return
        self._drag = pos

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        pos = event.position()
        if self._drag is not None:
            width = max(1, self.width() - self._label_w() - 10)
            self.t0 = shift(self.t0, -(pos.x() - self._drag.x()) / width * self.span_s)
            self._drag = pos
            self.update()
            return
        tip = next(
            (
                f"{e.label}\n{wall_text(e.time)} UTC ± {e.uncertainty_s:.0f} s"
                for rect, e in self._hit
                if rect.contains(pos)
            ),
            "",
        )
        self.setToolTip(tip)

    def mouseReleaseEvent(self, _event: QMouseEvent) -> None:
        self._drag = None
