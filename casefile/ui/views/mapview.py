"""Offline map (QGraphicsView): Natural Earth land and borders, flight tracks, airports, photo places.

Scene units are degrees (x = longitude, y = -latitude, plate carrée); pens are cosmetic so lines
stay thin at every zoom. Wheel zooms under the mouse, drag pans, keys + / - / 0 zoom and fit.
"""

from __future__ import annotations

import html
from dataclasses import dataclass, field

from PySide6.QtCore import QEvent, QPointF, QRectF, Qt, Signal
from PySide6.QtGui import (
    QBrush,
    QColor,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPainterPath,
    QPalette,
    QPen,
    QPolygonF,
    QResizeEvent,
    QTransform,
    QWheelEvent,
)
from PySide6.QtWidgets import (
    QGraphicsEllipseItem,
    QGraphicsItem,
    QGraphicsScene,
    QGraphicsSimpleTextItem,
    QGraphicsView,
    QLabel,
    QWidget,
)

from casefile.flights import query as flights
from casefile.photos import query as photos
from casefile.reference.airports import index as airport_index
from casefile.reference.worldmap import Ring, load_world
from casefile.store import Case
from casefile.ui.views.records import aircraft_label


@dataclass
class MapData:
    """What the map shows, gathered from the parts' read APIs."""

    tracks: dict[str, list[tuple[float, float]]] = field(default_factory=dict)   # aircraft -> (lon, lat)
    track_items: dict[str, str] = field(default_factory=dict)                       # aircraft -> item id
    track_labels: dict[str, str] = field(default_factory=dict)                      # aircraft -> label
    track_colors: dict[str, str] = field(default_factory=dict)                      # aircraft -> #rrggbb
    airports: dict[str, tuple[float, float, str]] = field(default_factory=dict)     # icao -> lon, lat, name
    photos: dict[str, tuple[float, float, str]] = field(default_factory=dict)       # item -> lon, lat, label


def gather(case: Case) -> MapData:
    """Each aircraft's usable track points, the airports of its legs, and photo positions."""
    data = MapData()
    for aircraft_id, cols in flights.track_columns(case).items():
        if len(cols):
            data.tracks[aircraft_id] = list(zip(cols.lon, cols.lat, strict=True))
    for track in flights.tracks(case):                    # clicking a track selects its first file
        if track["aircraft_id"] in data.tracks and track["item_id"]:
            data.track_items.setdefault(track["aircraft_id"], track["item_id"])
    for a in flights.list_aircraft(case):
        label = aircraft_label(a)
        if a.id in data.tracks and label:
            data.track_labels[a.id] = label
        data.track_colors[a.id] = flights.aircraft_color(a)
    airports = airport_index()
    for leg in flights.legs(case):
        for end in (leg.takeoff, leg.landing):
            icao = end.airport_icao
            if icao and icao not in data.airports:
                ap = airports.get(icao)
                if ap is not None:
                    data.airports[icao] = (ap.lon, ap.lat, ap.name)
    for info in photos.list_photos(case):
        if info.gps is not None:
            data.photos[info.item_id] = (info.gps.lon, info.gps.lat, info.item_id)
    return data


def _ring_path(path: QPainterPath, ring: Ring) -> None:
    """Add a ring, unwrapped across the antimeridian (Chukotka, Fiji) so no edge spans the map."""
    if len(ring) < 2:
        return
    poly = QPolygonF()
    shift, prev = 0.0, ring[0][0]
    for lon, lat in ring:
        if lon - prev > 180:
            shift -= 360
        elif prev - lon > 180:
            shift += 360
        prev = lon
        poly.append(QPointF(lon + shift, -lat))
    path.addPolygon(poly)
    path.closeSubpath()


def track_path(points: list[tuple[float, float]]) -> QPainterPath:
    """A polyline, broken where it crosses the antimeridian."""
    path = QPainterPath()
    prev = None
    for lon, lat in points:
        if prev is None or abs(lon - prev[0]) > 180:
            path.moveTo(lon, -lat)
        else:
            path.lineTo(lon, -lat)
        prev = (lon, lat)
    return path


class _Marker(QGraphicsEllipseItem):
    def __init__(self, lon: float, lat: float, radius: float, color: QColor, item_id: str | None,
                 tip: str) -> None:
        super().__init__(-radius, -radius, 2 * radius, 2 * radius)
        self.setPos(lon, -lat)
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIgnoresTransformations)
        self.setBrush(QBrush(color))
        self.setPen(QPen(QColor("white"), 1))
        self.setToolTip(tip)
        self.item_id = item_id
        self.setZValue(10)
        if item_id:
            self.setCursor(Qt.CursorShape.PointingHandCursor)


class MapView(QGraphicsView):
    """The map; emits itemSelected(item_id) when a photo or track is clicked."""

    itemSelected = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName("Map")
        self.setScene(QGraphicsScene(self))
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.setDragMode(QGraphicsView.DragMode.ScrollHandDrag)
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorUnderMouse)
        self.setViewportUpdateMode(QGraphicsView.ViewportUpdateMode.SmartViewportUpdate)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.data = MapData()
        self.markers: dict[str, _Marker] = {}
        self.track_items: list[QGraphicsItem] = []
        self._highlight: QGraphicsEllipseItem | None = None
        self._base_drawn = False
        self._base_items: list[QGraphicsItem] = []
        self._auto_fit = True          # keep fitting the data until the user zooms or pans
        self.legend = QLabel(self)
        self.legend.setAccessibleName("Map legend")
        self.legend.setStyleSheet("QLabel { background: rgba(255,255,255,210); color: #222; padding: 6px; "
                                  "border-radius: 4px; }")
        self.legend.move(8, 8)
        self.legend.hide()
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.scene().setSceneRect(QRectF(-540, -90, 1080, 180))   # room to pan across the antimeridian

    def _draw_base(self) -> None:
        world = load_world()
        pal = self.palette()
        dark = pal.color(QPalette.ColorRole.Window).lightness() < 128
        self.setBackgroundBrush(QColor("#1b2a3a") if dark else QColor("#dce9f5"))
        land = QPainterPath()
        land.setFillRule(Qt.FillRule.WindingFill)
        for ring in world.land:
            _ring_path(land, ring)
        item = self.scene().addPath(land, QPen(Qt.PenStyle.NoPen),
                                    QBrush(QColor("#3a4a3a") if dark else QColor("#f4f1e8")))
        item.setZValue(0)
        self._base_items = [item]
        borders = QPainterPath()
        for country in world.countries:
            for ring in country.rings:
                _ring_path(borders, ring)
        pen = QPen(QColor("#7d8b7d") if dark else QColor("#b9b3a5"), 0)
        pen.setCosmetic(True)
        border_item = self.scene().addPath(borders, pen)
        border_item.setZValue(1)
        self._base_items.append(border_item)
        self._base_drawn = True

    def show_data(self, data: MapData) -> None:
        """Replace the overlays (tracks, airports, photos) with these."""
        if not self._base_drawn:
            self._draw_base()
        for it in self.track_items + list(self.markers.values()):
            self.scene().removeItem(it)
        self.track_items, self.markers, self.data = [], {}, data
        self._highlight = None
        for key, pts in sorted(data.tracks.items()):
            pen = QPen(QColor(data.track_colors.get(key, '#555555')), 2)
            pen.setCosmetic(True)
            item = self.scene().addPath(track_path(pts), pen)
            item.setZValue(5)
            item.setToolTip(f"{data.track_labels.get(key, 'track ' + key)} ({len(pts)} points)")
            item.setData(0, data.track_items.get(key))
            self.track_items.append(item)
        text_color = self.palette().color(QPalette.ColorRole.Text)
        for icao, (lon, lat, name) in data.airports.items():
            m = _Marker(lon, lat, 4, QColor("#333333"), None, f"{icao} {name}")
            self.scene().addItem(m)
            label = QGraphicsSimpleTextItem(icao)
            label.setBrush(text_color)
            label.setPos(lon, -lat)
            label.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIgnoresTransformations)
            label.setTransform(QTransform.fromTranslate(6, -18))     # beside the dot, in pixels
            label.setZValue(11)
            self.scene().addItem(label)
            self.track_items += [m, label]
        for item_id, (lon, lat, name) in data.photos.items():
            m = _Marker(lon, lat, 6, QColor("#e6007e"), item_id, f"photo {name}")
            self.scene().addItem(m)
            self.markers[item_id] = m
        self._legend(data)
        self.fit()

    def _legend(self, data: MapData) -> None:
        rows = [f"<span style='color:{data.track_colors.get(key, '#555555')}'>━━</span> "
                f"{html.escape(data.track_labels.get(key, 'track ' + key[-6:]))}"
                for key in sorted(data.tracks)]
        if data.photos:
            rows.append(f"<span style='color:#e6007e'>●</span> photo with a position ({len(data.photos)})")
        if data.airports:
            rows.append("<span style='color:#333333'>●</span> airport of a flight leg")
        self.legend.setText("<br>".join(rows))
        self.legend.setVisible(bool(rows))
        self.legend.adjustSize()

    def data_rect(self) -> QRectF:
        """The area with data on it, in scene units (the whole world when there is none)."""
        pts = [p for pts in self.data.tracks.values() for p in pts]
        pts += [(lon, lat) for lon, lat, _ in self.data.airports.values()]
        pts += [(lon, lat) for lon, lat, _ in self.data.photos.values()]
        if not pts:
            return QRectF(-180, -85, 360, 170)
        lons, lats = [p[0] for p in pts], [p[1] for p in pts]
        rect = QRectF(min(lons), -max(lats), max(lons) - min(lons), max(lats) - min(lats))
        pad = max(2.0, 0.15 * max(rect.width(), rect.height()))
        return rect.adjusted(-pad, -pad, pad, pad)

    def fit(self) -> None:
        self._auto_fit = True
        self.fitInView(self.data_rect(), Qt.AspectRatioMode.KeepAspectRatio)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if self._auto_fit:
            self.fitInView(self.data_rect(), Qt.AspectRatioMode.KeepAspectRatio)

    def select_item(self, item_id: str) -> bool:
        """Ring the photo of this item, if it has a place on the map."""
        if self._highlight is not None:
            self.scene().removeItem(self._highlight)
            self._highlight = None
        m = self.markers.get(item_id)
        if m is None:
            return False
        ring = QGraphicsEllipseItem(-11, -11, 22, 22)
        ring.setPos(m.pos())
        ring.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIgnoresTransformations)
        ring.setPen(QPen(QColor("#ffbf00"), 3))
        ring.setZValue(20)
        self.scene().addItem(ring)
        self._highlight = ring
        if not self.viewport().rect().contains(self.mapFromScene(m.pos())):
            self.centerOn(m)
        return True

    def changeEvent(self, event: QEvent) -> None:
        """Follow a switch between the system's light and dark palettes."""
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange and self._base_drawn:
            for it in self._base_items:
                self.scene().removeItem(it)
            self._draw_base()

    def zoom(self, factor: float) -> None:
        self._auto_fit = False
        self.scale(factor, factor)

    def wheelEvent(self, event: QWheelEvent) -> None:
        self.zoom(1.25 if event.angleDelta().y() > 0 else 0.8)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        if key in (Qt.Key.Key_Plus, Qt.Key.Key_Equal):
            self.zoom(1.25)
        elif key == Qt.Key.Key_Minus:
            self.zoom(0.8)
        elif key == Qt.Key.Key_0:
            self.fit()
        else:
            super().keyPressEvent(event)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        self._auto_fit = False
        for it in self.items(event.position().toPoint()):
            item_id = it.item_id if isinstance(it, _Marker) else it.data(0)
            if item_id:
                self.itemSelected.emit(item_id)
                break
        super().mousePressEvent(event)
