"""Runways at airport zoom: OurAirports runway ends (offline, the table the airport checks read),
drawn to scale with their end numbers, so a photo can be placed relative to them by eye.

The map asks for them only once it is zoomed in to an airport (a visible width under RUNWAY_DEG);
they are read off the UI thread (the first read loads the vendored table).
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from PySide6.QtCore import QObject, QPointF, QTimer, Signal
from PySide6.QtGui import QColor, QPainterPath, QPen
from PySide6.QtWidgets import QGraphicsItem, QGraphicsSimpleTextItem, QGraphicsView

RUNWAY_DEG = 0.6           # the map shows runways once it is zoomed in to about this width
RADIUS_KM = 25.0           # runways read around the map's centre
COLOR = "#5f6368"
STRIP_PX = 7


@dataclass(frozen=True)
class RunwayLine:
    """One runway as the map draws it: both ends, its width, its surface and its field."""

    field: str
    ends: tuple[tuple[str, float, float], tuple[str, float, float]]     # (ident, lat, lon) × 2
    width_m: float
    surface: str
    closed: bool


def runways_near(lat: float, lon: float, radius_km: float = RADIUS_KM) -> list[RunwayLine]:
    """The runways with both ends known within radius_km of a point (Qt-free; runs in a worker)."""
    from casefile.reference.runways import runways_within

    out = []
    for r in runways_within(lat, lon, radius_km):
        a, b = r.ends
        if a is None or b is None:
            continue
        out.append(RunwayLine(r.field_ident, ((a.ident, a.lat, a.lon), (b.ident, b.lat, b.lon)),
                              r.width_m or 45.0, r.surface, bool(getattr(r, "closed", False))))
    return out


class RunwayLayer(QObject):
    """Watches the map's zoom; emits wanted(lat, lon) at airport zoom, draws what comes back."""

    wanted = Signal(float, float)

    def __init__(self, view: QGraphicsView) -> None:
        super().__init__(view)
        self.view = view
        self.items: list[QGraphicsItem] = []
        self.lines: list[RunwayLine] = []
        self.asked: tuple[float, float] | None = None
        self.timer = QTimer(self)
        self.timer.setInterval(300)
        self.timer.timeout.connect(self.check)
        self.timer.start()

    def check(self) -> None:
        """At airport zoom, ask for the runways around the centre (again when it moved away)."""
        if not self.view.isVisible():
            return
        rect = self.view.mapToScene(self.view.viewport().rect()).boundingRect()
        if rect.width() > RUNWAY_DEG:
            return
        lon, lat = rect.center().x(), -rect.center().y()
        if self.asked is not None and abs(self.asked[0] - lat) < 0.1 and abs(self.asked[1] - lon) < 0.1:
            return
        self.asked = (lat, lon)
        self.wanted.emit(lat, lon)

    def forget(self) -> None:
        """A new case: nothing drawn, nothing asked."""
        self.show([])
        self.asked = None

    def show(self, lines: list[RunwayLine]) -> None:
        scene = self.view.scene()
        for it in self.items:
            scene.removeItem(it)
        self.items, self.lines = [], lines
        for r in lines:
            (ia, lat_a, lon_a), (ib, lat_b, lon_b) = r.ends
            pen = QPen(QColor(COLOR), STRIP_PX)      # wide enough to see at airport zoom
            pen.setCosmetic(True)
            pen.setCapStyle(pen.capStyle().FlatCap)
            if r.closed or r.surface != "hard":
                pen.setColor(QColor("#9e9e9e"))
            path = QPainterPath(QPointF(lon_a, -lat_a))
            path.lineTo(lon_b, -lat_b)
            strip = scene.addPath(path, pen)
            strip.setZValue(3)
            strip.setToolTip(f"{r.field} runway {ia}/{ib} ({r.surface}{', closed' if r.closed else ''}; "
                             "OurAirports)")
            self.items.append(strip)
            centre = QPen(QColor("white"), 0, pen.style().DashLine)
            centre.setCosmetic(True)
            line = scene.addPath(path, centre)
            line.setZValue(3.5)
            self.items.append(line)
            bearing = math.degrees(math.atan2(lon_b - lon_a, lat_b - lat_a))
            for ident, lat, lon, back in ((ia, lat_a, lon_a, bearing + 180), (ib, lat_b, lon_b, bearing)):
                label = QGraphicsSimpleTextItem(ident)
                label.setBrush(QColor("#202124"))
                label.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIgnoresTransformations)
                label.setPos(lon, -lat)
                dx, dy = math.sin(math.radians(back)) * 14, -math.cos(math.radians(back)) * 14
                label.setTransform(label.transform().fromTranslate(dx - 6, dy - 8))
                label.setZValue(12)
                scene.addItem(label)
                self.items.append(label)
