"""A gap's reachable area on the map: click a coverage gap (the dashed line) and the map shades
where the aircraft can have been in it, at its type's fastest ground speed (xref.prism, the same
bound the findings use), and says so in words. Clicking elsewhere or new data clears it."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QPoint, QPointF, QRect, Qt
from PySide6.QtGui import QBrush, QColor, QPen, QPolygonF
from PySide6.QtWidgets import QGraphicsItem, QGraphicsView

if TYPE_CHECKING:
    from casefile.ui.views.mapdata import MapData

COLOR = "#8a8a8a"


class GapLayer:
    """Draws one gap's reachable area at a time."""

    def __init__(self, view: QGraphicsView) -> None:
        self.view = view
        self.items: list[QGraphicsItem] = []
        self.words = ""

    def clear(self) -> None:
        for it in self.items:
            if it.scene() is not None:
                self.view.scene().removeItem(it)
        self.items, self.words = [], ""

    def key_at(self, at: QPoint) -> tuple[str, int] | None:
        """The gap (aircraft, index) drawn on or within a few pixels of a view point."""
        near = QRect(at.x() - 4, at.y() - 4, 9, 9)
        for it in self.view.items(near, Qt.ItemSelectionMode.IntersectsItemShape):
            key = it.data(2)
            if isinstance(key, str) and "\t" in key:
                aid, n = key.rsplit("\t", 1)
                return aid, int(n)
        return None

    def show_gap(self, data: MapData, aid: str, n: int) -> str:
        a, b = data.gaps[aid][n]
        return self.show(data.labels.get(aid, "aircraft"), data.types.get(aid),
                         (a[0], a[1], a[2]), (b[0], b[1], b[2]))

    def show(self, name: str, type_code: str | None, a: tuple[float, float, float],
             b: tuple[float, float, float]) -> str:
        """Shade where the aircraft can have been between a and b ((t, lon, lat) each); return
        what it means, in words."""
        from casefile.present.times import people_time
        from casefile.xref.query import gap_area

        self.clear()
        area = gap_area((a[2], a[1]), (b[2], b[1]), b[0] - a[0], type_code)
        if area.outline:
            xs, ys = [], []
            shift = 0.0
            prev = a[1]
            for lat, lon in area.outline:      # unwrapped around the gap's start, as tracks are
                x = lon + shift
                if x - prev > 180:
                    shift -= 360
                elif prev - x > 180:
                    shift += 360
                x = lon + shift
                prev = x
                xs.append(x)
                ys.append(-lat)
            pen = QPen(QColor(COLOR), 1.5, Qt.PenStyle.DashLine)
            pen.setCosmetic(True)
            fill = QColor(COLOR)
            fill.setAlpha(60)
            poly = self.view.scene().addPolygon(
                QPolygonF([QPointF(x, y) for x, y in zip(xs, ys, strict=True)]), pen, QBrush(fill))
            poly.setZValue(3)
            poly.setToolTip(f"{name}: where it can have been in the gap, at up to "
                            f"{area.max_kt:.0f} kt ({area.basis})")
            self.items.append(poly)
        self.words = (f"{name}, gap {people_time(a[0], seconds_too=True)} – "
                      f"{people_time(b[0], seconds_too=True)}: {area.words()}.")
        return self.words
