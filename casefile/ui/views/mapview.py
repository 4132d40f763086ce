"""Offline map (QGraphicsView): Natural Earth land and borders, flight tracks, airports, photo places.

Scene units are degrees (x = longitude, y = -latitude, plate carrée); pens are cosmetic so lines
stay thin at every zoom. Wheel zooms under the mouse, drag pans, keys + / - / 0 zoom and fit.
"""

from __future__ import annotations

import html
from datetime import UTC, datetime

from PySide6.QtCore import QEvent, QPoint, QPointF, QRectF, Qt, Signal
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

from casefile.model.flights import Whereabouts
from casefile.reference.worldmap import Ring, load_world
from casefile.ui.views.gaplayer import GapLayer
from casefile.ui.views.mapdata import (
    ALTITUDE_BANDS,
    MapData,
    Moment,
    Position,
    TrackPoint,
    altitude_color,
    gather,
    position_at,
)
from casefile.ui.views.runwaylayer import RunwayLayer

__all__ = ["MapData", "MapView", "gather", "track_path"]
GAP_COLOR = "#8a8a8a"
SELECTION_DEG = 0.12          # zoom to a photo: this far around it (closer, the land fill breaks up)
CLUSTER_DEG = 0.02  # photos this close share one label (their markers stay apart)
PHOTO_COLOR = "#e6007e"
LEGEND_AIRCRAFT = 8           # aircraft named in the legend; the rest are counted
#: low passes (touch-and-go, low approach, go-around) and spoofed stretches
EVENT_COLOR = "#000000"
SPOOF_COLOR = "#000000"
EVENT_CLUSTER_DEG = 0.1       # events this close share one label
_EVENT_WORDS = {"touch-and-go": "touch-and-go", "low-approach": "low approach",
                "go-around": "go-around"}


def _ring_path(path: QPainterPath, ring: Ring) -> None:
    """Add a ring, unwrapped across the antimeridian (Chukotka, Fiji) so no edge spans the map."""
    if len(ring) < 2:
        return
    xs: list[float] = []
    shift, prev = 0.0, ring[0][0]
    for lon, _lat in ring:
        if lon - prev > 180:
            shift -= 360
        elif prev - lon > 180:
            shift += 360
        prev = lon
        xs.append(lon + shift)
    # Unwrapping follows the first point: a ring that starts on the far side of the antimeridian
    # (Afro-Eurasia starts at Chukotka's -180°) would land a whole world to the west. Bring the
    # ring's bulk back between -180° and 180°.
    back = 360.0 * round(sum(xs) / len(xs) / 360.0)
    path.addPolygon(QPolygonF([QPointF(x - back, -lat) for x, (_lon, lat) in zip(xs, ring, strict=True)]))
    path.closeSubpath()


def track_path(points: list[tuple[float, float]]) -> QPainterPath:
    """A polyline, broken where it crosses the antimeridian."""
    path = QPainterPath()
    prev: tuple[float, float] | None = None
    for lon, lat in points:
        if prev is None or abs(lon - prev[0]) > 180:
            path.moveTo(lon, -lat)
        else:
            path.lineTo(lon, -lat)
        prev = (lon, lat)
    return path


class _Marker(QGraphicsEllipseItem):
    def __init__(
        self, lon: float, lat: float, radius: float, color: QColor, item_id: str | None, tip: str
    ) -> None:
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


def _hm(t: float | None, seconds: bool = False) -> str:
    if t is None:
        return "?"
    return datetime.fromtimestamp(t, UTC).strftime("%Y-%m-%d %H:%M:%S" if seconds else "%Y-%m-%d %H:%M")


def _rect(pts: list[tuple[float, float]], frac: float, least: float) -> QRectF:
    """The box around (lon, lat) points in scene units, padded by a fraction (at least `least` deg)."""
    lons, lats = [p[0] for p in pts], [p[1] for p in pts]
    rect = QRectF(min(lons), -max(lats), max(lons) - min(lons), max(lats) - min(lats))
    pad = max(least, frac * max(rect.width(), rect.height()))
    return rect.adjusted(-pad, -pad, pad, pad)


def altitude_runs(stretch: list[TrackPoint]) -> list[tuple[str, list[TrackPoint]]]:
    """A stretch cut where its altitude band changes: (colour, points), each run sharing its first
    point with the previous one's last so the line stays whole."""
    runs: list[tuple[str, list[TrackPoint]]] = []
    for p in stretch:
        c = altitude_color(p[3])
        if runs and runs[-1][0] == c:
            runs[-1][1].append(p)
        else:
            runs.append((c, [runs[-1][1][-1], p] if runs else [p]))
    return runs


class MapView(QGraphicsView):
    """The map; emits itemSelected(item_id) when a photo or track is clicked."""

    itemSelected = Signal(str)
    pointInfo = Signal(str)  # time, altitude, speed of a clicked track point
    placeRequested = Signal(float, float)  # right click: lat, lon

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
        self._selected: str | None = None
        self.moment_items: list[QGraphicsItem] = []
        self.moment: Moment | None = None
        self.by_altitude = False                  # tracks coloured by altitude band
        self.position_items: list[QGraphicsItem] = []
        self.positions: dict[str, Position] = {}  # aircraft -> where the playback put it
        self.positions_t: float | None = None
        self.runways = RunwayLayer(self)          # runway ends at airport zoom (OurAirports)
        self.gap_area = GapLayer(self)            # a clicked gap's reachable area
        self.info = ""  # what the last click on a track point showed
        self._base_drawn = False
        self._base_items: list[QGraphicsItem] = []
        self._auto_fit = True  # keep fitting the data until the user zooms or pans
        self.legend = QLabel(self)
        self.legend.setAccessibleName("Map legend")
        self.legend.setStyleSheet(
            "QLabel { background: rgba(255,255,255,210); color: #222; padding: 6px; border-radius: 4px; }"
        )
        self.legend.move(8, 8)
        self.legend.hide()
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.scene().setSceneRect(QRectF(-540, -90, 1080, 180))  # room to pan across the antimeridian

    def _draw_base(self) -> None:
        world = load_world()
        pal = self.palette()
        dark = pal.color(QPalette.ColorRole.Window).lightness() < 128
        self.setBackgroundBrush(QColor("#1b2a3a") if dark else QColor("#dce9f5"))
        land = QPainterPath()
        land.setFillRule(Qt.FillRule.WindingFill)
        for ring in world.land:
            _ring_path(land, ring)
        item = self.scene().addPath(
            land, QPen(Qt.PenStyle.NoPen), QBrush(QColor("#3a4a3a") if dark else QColor("#f4f1e8"))
        )
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
        for it in self._base_items:      # drawn once per zoom, not on every playback frame
            it.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)
        self._base_drawn = True

    def set_by_altitude(self, on: bool) -> None:
        """Colour the tracks by altitude band (as flight trackers do) or by aircraft."""
        self.by_altitude = on
        keep = self.transform(), self.horizontalScrollBar().value(), self.verticalScrollBar().value()
        auto = self._auto_fit
        self.show_data(self.data, refit=False)
        if not auto:
            self.setTransform(keep[0])
            self.horizontalScrollBar().setValue(keep[1])
            self.verticalScrollBar().setValue(keep[2])
        if self.positions_t is not None:
            self.show_positions(self.positions_t)

    def show_positions(self, t: float) -> dict[str, Position]:
        """Every aircraft's marker at t along its drawn track, labelled with its callsign or
        registration, altitude and ground speed (cheap: runs on every playback tick)."""
        for it in self.position_items:
            self.scene().removeItem(it)
        self.position_items = []
        self.positions_t = t
        placed: dict[str, Position] = {}
        for aid, stretches in self.data.stretches.items():
            pos = position_at(stretches, t)
            if pos is None:
                continue
            placed[aid] = pos
            color = QColor(altitude_color(pos.alt_ft) if self.by_altitude else
                           self.data.colors.get(aid, "#555555"))
            alt = f"{pos.alt_ft:,.0f} ft" if pos.alt_ft is not None else "alt. ?"
            gs = f"{pos.gs_kt:.0f} kt" if pos.gs_kt is not None else "speed ?"
            name = self.data.short.get(aid, "aircraft")
            m = _Marker(pos.lon, pos.lat, 7, color, self.data.track_items.get(aid),
                        f"{self.data.labels.get(aid, name)}: {alt}, {gs}")
            m.setPen(QPen(QColor("black"), 2))
            m.setZValue(18)
            self.scene().addItem(m)
            self.position_items += [m, self._label(pos.lon, pos.lat, f"{name}  {alt}  {gs}", color, 18)]
        self.positions = placed
        return placed

    def show_data(self, data: MapData, *, refit: bool = True) -> None:
        """Replace the overlays (tracks, gaps, airports, photos) with these."""
        if not self._base_drawn:
            self._draw_base()
        for it in self.track_items + list(self.markers.values()) + self.moment_items + self.position_items:
            self.scene().removeItem(it)
        self.track_items, self.markers, self.moment_items, self.data = [], {}, [], data
        self.position_items, self.positions = [], {}
        self._highlight = None
        self.gap_area.clear()
        for key, stretches in sorted(data.stretches.items()):
            name = data.labels.get(key, "aircraft")
            for stretch in stretches:
                runs = altitude_runs(stretch) if self.by_altitude else [(data.colors.get(key, "#555555"),
                                                                         stretch)]
                for run_color, run in runs:
                    pen = QPen(QColor(run_color), 2)
                    pen.setCosmetic(True)
                    item = self.scene().addPath(track_path([(p[1], p[2]) for p in run]), pen)
                    item.setZValue(5)
                    item.setToolTip(
                        f"{name} ({len(stretch)} points) — click a point for its time, altitude and speed"
                    )
                    item.setData(0, data.track_items.get(key))
                    item.setData(1, key)
                    self.track_items.append(item)
            for n, (a, b) in enumerate(data.gaps.get(key, [])):
                pen = QPen(QColor(GAP_COLOR), 1.5, Qt.PenStyle.DashLine)
                pen.setCosmetic(True)
                gap = self.scene().addPath(track_path([(a[1], a[2]), (b[1], b[2])]), pen)
                gap.setZValue(4)
                gap.setToolTip(
                    f"{name}: coverage gap {_hm(a[0])} – {_hm(b[0])} UTC — no positions, "
                    "whereabouts unknown (not a straight flight); click to shade where it can "
                    "have been"
                )
                gap.setData(2, f"{key}\t{n}")
                self.track_items.append(gap)
            for path, note in data.spoofed.get(key, []):
                pen = QPen(QColor(SPOOF_COLOR), 2, Qt.PenStyle.DotLine)
                pen.setCosmetic(True)
                item = self.scene().addPath(track_path(path), pen)
                item.setZValue(4)
                item.setToolTip(f"{name}: {note}")
                self.track_items += [item, self._label(path[0][0], path[0][1], "spoofed positions",
                                                       QColor(SPOOF_COLOR), 11)]
            places: dict[tuple[int, int], list[tuple[float, float, str]]] = {}
            for lon, lat, kind, note in data.events.get(key, []):
                m = _Marker(lon, lat, 4, QColor(EVENT_COLOR), None, f"{name}: {note}")
                self.scene().addItem(m)
                self.track_items.append(m)
                cell = (round(lon / EVENT_CLUSTER_DEG), round(lat / EVENT_CLUSTER_DEG))
                places.setdefault(cell, []).append((lon, lat, _EVENT_WORDS.get(kind, kind)))
            for evs in places.values():      # one label per place, naming what happened there
                kinds = [k for _, _, k in evs]
                text = ", ".join(f"{k} ×{kinds.count(k)}" if kinds.count(k) > 1 else k
                                 for k in dict.fromkeys(kinds))
                self.track_items.append(self._label(evs[0][0], evs[0][1], text,
                                                    QColor(EVENT_COLOR), 11, below=True))
        text_color = self.palette().color(QPalette.ColorRole.Text)
        for icao, (lon, lat, name) in data.airports.items():
            m = _Marker(lon, lat, 4, QColor("#333333"), None, f"{icao} {name}")
            self.scene().addItem(m)
            self.track_items += [m, self._label(lon, lat, icao, text_color, 11)]
        clusters: dict[tuple[int, int], list[str]] = {}
        for item_id, ph in data.photos.items():
            m = _Marker(
                ph.lon,
                ph.lat,
                6,
                QColor(PHOTO_COLOR),
                item_id,
                f"{ph.name}" + (f"\ntaken {_hm(ph.t, True)} UTC" if ph.t is not None else ""),
            )
            self.scene().addItem(m)
            self.markers[item_id] = m
            clusters.setdefault((round(ph.lon / CLUSTER_DEG), round(ph.lat / CLUSTER_DEG)), []).append(
                ph.name
            )
        for ids in clusters.values():  # one label per place: names piled up cannot be read
            first = next(p for p in data.photos.values() if p.name == ids[0])
            text = ids[0] + (f" and {len(ids) - 1} more here" if len(ids) > 1 else "")
            self.track_items.append(
                self._label(first.lon, first.lat, text, QColor(PHOTO_COLOR), 12, below=True)
            )
        self._legend(data)
        if refit:
            self.fit()

    def _label(
        self, lon: float, lat: float, text: str, color: QColor, z: int, below: bool = False
    ) -> QGraphicsSimpleTextItem:
        label = QGraphicsSimpleTextItem(text)
        label.setBrush(color)
        label.setPos(lon, -lat)
        label.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIgnoresTransformations)
        label.setTransform(QTransform.fromTranslate(8, 2 if below else -18))  # beside the dot, in pixels
        label.setZValue(z)
        self.scene().addItem(label)
        return label

    def _legend(self, data: MapData) -> None:
        keys = sorted(data.stretches)
        rows = [
            f"<span style='color:{data.colors.get(key, '#555555')}'>━━</span> "
            f"{html.escape(data.labels.get(key, 'aircraft'))}"
            for key in keys[:LEGEND_AIRCRAFT]
        ]
        if len(keys) > LEGEND_AIRCRAFT:          # dozens of flight files: the map stays a map
            rows.append(f"… and {len(keys) - LEGEND_AIRCRAFT} more aircraft (hover a track, or see "
                        "Flights)")
        if self.by_altitude and data.stretches:
            rows.append("altitude: " + " ".join(f"<span style='color:{c}'>━</span>{lo // 1000}k"
                                                for lo, c in ALTITUDE_BANDS) + " ft")
        if any(data.gaps.values()):
            rows.append(f"<span style='color:{GAP_COLOR}'>╌╌</span> coverage gap (no data; click it)")
        if any(data.events.values()):
            rows.append(f"<span style='color:{EVENT_COLOR}'>●</span> low approach, touch-and-go "
                        "or go-around (not a landing)")
        if any(data.spoofed.values()):
            rows.append(f"<span style='color:{SPOOF_COLOR}'>┈┈</span> spoofed positions (not "
                        "where the aircraft was)")
        if data.photos:
            rows.append(
                f"<span style='color:{PHOTO_COLOR}'>●</span> photo with a position ({len(data.photos)})"
            )
        if data.airports:
            rows.append("<span style='color:#333333'>●</span> airport of a flight leg")
        self.legend.setText("<br>".join(rows))
        self.legend.setVisible(bool(rows))
        self.legend.adjustSize()

    def data_rect(self) -> QRectF:
        """The area with data on it, in scene units (the whole world when there is none)."""
        pts = [p for pts in self.data.tracks.values() for p in pts]
        pts += [(lon, lat) for lon, lat, _ in self.data.airports.values()]
        pts += [(ph.lon, ph.lat) for ph in self.data.photos.values()]
        pts += [p for paths in self.data.spoofed.values() for path, _ in paths for p in path]
        return _rect(pts, 0.15, 0.05) if pts else QRectF(-180, -85, 360, 170)

    def zoom_to_selection(self) -> bool:
        """Zoom to the selected photo (about 3 km around it) or the selected track."""
        sel = self._selected
        ph = self.data.photos.get(sel or "")
        if ph is not None:
            self._auto_fit = False
            self.fitInView(_rect([(ph.lon, ph.lat)], 0, SELECTION_DEG), Qt.AspectRatioMode.KeepAspectRatio)
            return True
        key = next((k for k, i in self.data.track_items.items() if i == sel), None)
        if key is not None:
            self._auto_fit = False
            self.fitInView(_rect(self.data.tracks[key], 0.1, 0.05), Qt.AspectRatioMode.KeepAspectRatio)
            return True
        return False

    def show_moment(self, m: Moment | None) -> None:
        """Each aircraft's position or state at one moment, and the photos taken then ringed."""
        for it in self.moment_items:
            self.scene().removeItem(it)
        self.moment_items = []
        self.moment = m
        if m is None:
            return
        for aid, w in m.states.items():
            if aid not in self.positions:         # placed by the playback along its track already
                self._aircraft_at(aid, w, m.notes.get(aid, ""))
        for pid in m.photos:
            mk = self.markers.get(pid)
            if mk is None:
                continue
            ring = QGraphicsEllipseItem(-10, -10, 20, 20)
            ring.setPos(mk.pos())
            ring.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIgnoresTransformations)
            ring.setPen(QPen(QColor(PHOTO_COLOR), 3))
            ring.setZValue(19)
            ring.setToolTip(f"{self.data.photos[pid].name}: taken at this moment")
            self.scene().addItem(ring)
            self.moment_items.append(ring)

    def _aircraft_at(self, aid: str, w: Whereabouts, note: str) -> None:
        color = QColor(self.data.colors.get(aid, "#555555"))
        name = self.data.labels.get(aid, "aircraft")
        if w.lat is None or w.lon is None:
            return
        m = _Marker(w.lon, w.lat, 7, color, None, f"{name}: {note}")
        m.setPen(QPen(QColor("black"), 2))
        m.setZValue(18)
        self.scene().addItem(m)
        self.moment_items += [m, self._label(w.lon, w.lat, f"{name} — {note}", color, 18)]

    def point_info(self, aid: str, scene_pos: QPointF) -> str:
        """Time, altitude and speed of the track point of this aircraft nearest a scene position."""
        best: TrackPoint | None = None
        dist = float("inf")
        for stretch in self.data.stretches.get(aid, []):
            for p in stretch:
                d = (p[1] - scene_pos.x()) ** 2 + (-p[2] - scene_pos.y()) ** 2
                if d < dist:
                    best, dist = p, d
        if best is None:
            return ""
        alt = f"{best[3]:,.0f} ft" if best[3] is not None else "altitude not reported"
        gs = f"{best[4]:.0f} kt" if best[4] is not None else "speed not reported"
        return (
            f"{self.data.labels.get(aid, 'aircraft')} at {_hm(best[0], True)} UTC: {alt}, {gs} "
            f"({best[2]:.4f}, {best[1]:.4f})"
        )

    def fit(self) -> None:
        self._auto_fit = True
        self.fitInView(self._under_legend(self.data_rect()), Qt.AspectRatioMode.KeepAspectRatio)

    def _under_legend(self, r: QRectF) -> QRectF:
        """Room above the data for the legend, so it covers no track, airport or photo."""
        if not self.legend.isVisible():
            return r
        frac = (self.legend.height() + 12) / max(self.viewport().height(), 1)
        if frac < 0.5:
            r = QRectF(r.left(), r.top() - r.height() * frac / (1 - frac), r.width(), r.height() / (1 - frac))
        return r

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if self._auto_fit:
            self.fitInView(self._under_legend(self.data_rect()), Qt.AspectRatioMode.KeepAspectRatio)

    def select_item(self, item_id: str) -> bool:
        """Ring the photo of this item, if it has a place on the map."""
        self._selected = item_id
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
        elif key == Qt.Key.Key_S:
            self.zoom_to_selection()
        elif key in (Qt.Key.Key_Left, Qt.Key.Key_Right, Qt.Key.Key_Up, Qt.Key.Key_Down):
            self._auto_fit = False
            step = {
                Qt.Key.Key_Left: (-1, 0),
                Qt.Key.Key_Right: (1, 0),
                Qt.Key.Key_Up: (0, -1),
                Qt.Key.Key_Down: (0, 1),
            }[Qt.Key(key)]
            bar_h, bar_v = self.horizontalScrollBar(), self.verticalScrollBar()
            bar_h.setValue(bar_h.value() + step[0] * self.viewport().width() // 8)
            bar_v.setValue(bar_v.value() + step[1] * self.viewport().height() // 8)
        else:
            super().keyPressEvent(event)

    def show_gap(self, aid: str, n: int) -> str:
        """Shade where the aircraft can have been in its n-th gap; the words are shown below."""
        self.info = self.gap_area.show_gap(self.data, aid, n)
        self.pointInfo.emit(self.info)
        return self.info

    def _gap_clicked(self, at: QPoint) -> bool:
        key = self.gap_area.key_at(at)
        if key is not None:
            self.show_gap(*key)
        return key is not None

    def mousePressEvent(self, event: QMouseEvent) -> None:
        self._auto_fit = False
        if event.button() == Qt.MouseButton.RightButton:
            pos = self.mapToScene(event.position().toPoint())
            self.placeRequested.emit(-pos.y(), pos.x())
            return
        if self._gap_clicked(event.position().toPoint()):
            super().mousePressEvent(event)
            return
        self.gap_area.clear()
        for it in self.items(event.position().toPoint()):
            item_id = it.item_id if isinstance(it, _Marker) else it.data(0)
            aid = it.data(1) if not isinstance(it, _Marker) else None
            if aid:
                self.info = self.point_info(str(aid), self.mapToScene(event.position().toPoint()))
                self.pointInfo.emit(self.info)
            if item_id:
                self.itemSelected.emit(item_id)
                break
        super().mousePressEvent(event)
