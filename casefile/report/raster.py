"""The map drawing as a PNG (Pillow), for the DOCX copy: the same reportlab shapes the PDF draws,
so both show the same map, key and colours."""

from __future__ import annotations

import io
from functools import lru_cache
from importlib import resources

from PIL import Image, ImageDraw, ImageFont
from reportlab.graphics.shapes import Circle, Drawing, Group, Line, Polygon, PolyLine, Rect, String
from reportlab.lib import colors

SCALE = 3.0          # pixels per point (216 dpi)


@lru_cache(maxsize=8)
def _font(size: float) -> ImageFont.FreeTypeFont:
    with resources.as_file(resources.files("casefile.report") / "fonts" / "DejaVuSans.ttf") as p:
        return ImageFont.truetype(str(p), max(1, round(size * SCALE)))


def _rgb(c: colors.Color | None) -> tuple[int, int, int] | None:
    if not isinstance(c, colors.Color):
        return None
    return round(float(c.red) * 255), round(float(c.green) * 255), round(float(c.blue) * 255)


def drawing_png(d: Drawing) -> bytes:
    """Render a drawing made of rects, polygons, lines, circles and strings to PNG bytes."""
    w, h = round(d.width * SCALE), round(d.height * SCALE)
    im = Image.new("RGB", (max(w, 1), max(h, 1)), "white")
    draw = ImageDraw.Draw(im)

    def pt(x: float, y: float) -> tuple[float, float]:
        return x * SCALE, h - y * SCALE

    def width(shape: object) -> int:
        return max(1, round(float(getattr(shape, "strokeWidth", 1) or 1) * SCALE))

    def walk(shapes: list[object]) -> None:
        for s in shapes:
            if isinstance(s, Group):
                walk(list(s.contents))
            elif isinstance(s, Rect):
                x0, y1 = pt(s.x, s.y)
                x1, y0 = pt(s.x + s.width, s.y + s.height)
                draw.rectangle([x0, y0, x1, y1], fill=_rgb(s.fillColor), outline=_rgb(s.strokeColor),
                               width=width(s) if s.strokeColor is not None else 0)
            elif isinstance(s, Polygon):
                xy = [pt(s.points[i], s.points[i + 1]) for i in range(0, len(s.points), 2)]
                if len(xy) >= 3:
                    draw.polygon(xy, fill=_rgb(s.fillColor), outline=_rgb(s.strokeColor))
            elif isinstance(s, PolyLine):
                xy = [pt(s.points[i], s.points[i + 1]) for i in range(0, len(s.points), 2)]
                if len(xy) >= 2:
                    draw.line(xy, fill=_rgb(s.strokeColor), width=width(s), joint="curve")
            elif isinstance(s, Line):
                a, b = pt(s.x1, s.y1), pt(s.x2, s.y2)
                color = _rgb(s.strokeColor)
                if s.strokeDashArray:
                    _dotted(draw, a, b, color, width(s))
                else:
                    draw.line([a, b], fill=color, width=width(s))
            elif isinstance(s, Circle):
                x, y = pt(s.cx, s.cy)
                r = s.r * SCALE
                draw.ellipse([x - r, y - r, x + r, y + r], fill=_rgb(s.fillColor),
                             outline=_rgb(s.strokeColor))
            elif isinstance(s, String):
                font = _font(float(s.fontSize))
                x, y = pt(s.x, s.y)
                anchor = {"end": "rs", "middle": "ms"}.get(getattr(s, "textAnchor", ""), "ls")
                draw.text((x, y), s.text, fill=_rgb(s.fillColor) or (0, 0, 0), font=font,
                          anchor=anchor)

    walk(list(d.contents))
    buf = io.BytesIO()
    im.save(buf, "PNG", optimize=True)
    return buf.getvalue()


def _dotted(draw: ImageDraw.ImageDraw, a: tuple[float, float], b: tuple[float, float],
            color: tuple[int, int, int] | None, w: int) -> None:
    (x0, y0), (x1, y1) = a, b
    n = max(1, int(((x1 - x0) ** 2 + (y1 - y0) ** 2) ** 0.5 / (w * 4)))
    for i in range(0, n, 2):
        t0, t1 = i / n, min(1.0, (i + 1) / n)
        draw.line([(x0 + (x1 - x0) * t0, y0 + (y1 - y0) * t0),
                   (x0 + (x1 - x0) * t1, y0 + (y1 - y0) * t1)], fill=color, width=w)
