"""Synthetic pictures for the demo: a drawn aircraft on an apron, captioned as a synthetic image."""

from __future__ import annotations

import random
from dataclasses import dataclass

from PIL import Image, ImageDraw, ImageFilter, ImageFont

from casefile.demo import SYNTHETIC_ASCII

WIDTH, HEIGHT = 1600, 1200


@dataclass(frozen=True)
class Scene:
    """What one picture shows; seed makes the clutter reproducible and different per picture."""

    seed: int
    aircraft: str | None = "an124"       # an124 | il62 | None
    x: float = 0.5                        # aircraft centre, fraction of the width
    scale: float = 1.0
    facing_left: bool = False
    horizon: float = 0.45                 # fraction of the height
    sky: tuple[tuple[int, int, int], tuple[int, int, int]] = ((120, 170, 225), (215, 230, 245))
    trucks: int = 0
    label: str = ""


def _font(size: int) -> ImageFont.ImageFont | ImageFont.FreeTypeFont:
    return ImageFont.load_default(size=size)


def _sky_and_ground(img: Image.Image, d: ImageDraw.ImageDraw, s: Scene, rng: random.Random) -> int:
    hy = int(HEIGHT * s.horizon)
    (r1, g1, b1), (r2, g2, b2) = s.sky
    for y in range(hy):
        f = y / max(1, hy - 1)
        d.line([(0, y), (WIDTH, y)], fill=(int(r1 + (r2 - r1) * f), int(g1 + (g2 - g1) * f),
                                           int(b1 + (b2 - b1) * f)))
    # mountains behind the airfield, a ridge line from the seed
    pts = [(0, hy)]
    y = hy - rng.randint(60, 200)
    for x in range(0, WIDTH + 80, 80):
        y = max(hy - 330, min(hy - 30, y + rng.randint(-70, 70)))
        pts.append((x, y))
    pts.append((WIDTH, hy))
    d.polygon(pts, fill=(88 + rng.randint(-15, 15), 110 + rng.randint(-15, 15), 84))
    # apron (concrete) with joint lines in perspective
    d.rectangle([0, hy, WIDTH, HEIGHT], fill=(150, 150, 146))
    for i in range(-8, 9):
        d.line([(WIDTH / 2 + i * 40, hy), (WIDTH / 2 + i * 400, HEIGHT)], fill=(135, 135, 132), width=2)
    for k in range(1, 7):
        yy = hy + (HEIGHT - hy) * (k / 7) ** 1.7
        d.line([(0, yy), (WIDTH, yy)], fill=(135, 135, 132), width=2)
    # terminal buildings on the horizon
    for _ in range(rng.randint(2, 5)):
        bx = rng.randint(0, WIDTH - 200)
        bw, bh = rng.randint(120, 380), rng.randint(30, 90)
        shade = rng.randint(170, 215)
        d.rectangle([bx, hy - bh, bx + bw, hy], fill=(shade, shade - 5, shade - 15))
    return hy


def _aircraft(d: ImageDraw.ImageDraw, kind: str, cx: float, base: float, sc: float, left: bool) -> None:
    """A side-view silhouette; An-124: high wing, under-wing engines; Il-62: T-tail, rear engines."""
    def P(x: float, y: float) -> tuple[float, float]:
        return (cx + (-x if left else x) * sc, base - y * sc)

    def B(a: tuple[float, float], b: tuple[float, float]) -> list[float]:
        return [min(a[0], b[0]), min(a[1], b[1]), max(a[0], b[0]), max(a[1], b[1])]

    body, dark, stripe = (236, 238, 240), (60, 64, 70), (40, 80, 160)
    length, h = (520, 62) if kind == "an124" else (480, 44)
    y0 = 40 if kind == "an124" else 50
    nose = [P(-length / 2, y0 + h * 0.45), P(-length / 2 + 30, y0 + h), P(length / 2 - 90, y0 + h),
            P(length / 2, y0 + h * 0.75), P(length / 2, y0 + h * 0.55), P(length / 2 - 60, y0),
            P(-length / 2 + 40, y0)]
    d.polygon(nose, fill=body, outline=dark)
    d.line([P(-length / 2 + 30, y0 + h * 0.5), P(length / 2 - 40, y0 + h * 0.5)], fill=stripe,
           width=max(2, int(6 * sc)))
    tail_x = length / 2 - 40
    if kind == "an124":
        d.polygon([P(tail_x - 70, y0 + h), P(tail_x - 20, y0 + h + 150), P(tail_x + 20, y0 + h + 150),
                   P(tail_x + 30, y0 + h * 0.7)], fill=body, outline=dark)
        d.polygon([P(-110, y0 + h + 4), P(120, y0 + h + 4), P(80, y0 + h - 10), P(-90, y0 + h - 10)],
                  fill=(210, 212, 215), outline=dark)
        for ex in (-60, 30):
            d.ellipse(B(P(ex - 28, y0 + h - 10), P(ex + 28, y0 + h - 38)), fill=(190, 192, 196), outline=dark)
        for gx in range(-150, 180, 45):
            d.ellipse(B(P(gx - 12, y0 + 2), P(gx + 12, y0 - 22)), fill=dark)
    else:
        d.polygon([P(tail_x - 60, y0 + h), P(tail_x - 5, y0 + h + 120), P(tail_x + 25, y0 + h + 120),
                   P(tail_x + 20, y0 + h * 0.7)], fill=body, outline=dark)
        d.polygon([P(tail_x - 35, y0 + h + 118), P(tail_x + 55, y0 + h + 118), P(tail_x + 55, y0 + h + 108),
                   P(tail_x - 25, y0 + h + 108)], fill=body, outline=dark)
        d.polygon([P(-80, y0 + 6), P(90, y0 + 6), P(60, y0 - 6), P(-70, y0 - 6)], fill=(210, 212, 215),
                  outline=dark)
        for ey in (h * 0.55, h * 1.0):
            d.ellipse(B(P(tail_x - 150, y0 + ey + 12), P(tail_x - 70, y0 + ey - 8)), fill=(200, 202, 206),
                      outline=dark)
        for gx in (-170, -10, 20):
            d.ellipse(B(P(gx - 10, y0 + 2), P(gx + 10, y0 - 18)), fill=dark)
    for wx in range(int(-length / 2 + 70), int(length / 2 - 120), 28):
        d.rectangle(B(P(wx, y0 + h * 0.78), P(wx + 10, y0 + h * 0.66)), fill=(90, 110, 140))


def _truck(d: ImageDraw.ImageDraw, x: float, y: float, sc: float, colour: tuple[int, int, int]) -> None:
    d.rectangle([x, y - 60 * sc, x + 110 * sc, y - 12 * sc], fill=colour, outline=(40, 40, 40))
    d.rectangle([x + 110 * sc, y - 48 * sc, x + 150 * sc, y - 12 * sc], fill=(70, 80, 70),
                outline=(40, 40, 40))
    for wx in (20, 60, 128):
        d.ellipse([x + (wx - 12) * sc, y - 24 * sc, x + (wx + 12) * sc, y], fill=(30, 30, 30))


def render(s: Scene) -> Image.Image:
    """Draw the scene; the caption marks it as synthetic on the picture itself."""
    rng = random.Random(s.seed)
    img = Image.new("RGB", (WIDTH, HEIGHT))
    d = ImageDraw.Draw(img)
    hy = _sky_and_ground(img, d, s, rng)
    base = hy + (HEIGHT - hy) * 0.55
    if s.aircraft:
        _aircraft(d, s.aircraft, WIDTH * s.x, base, 1.35 * s.scale, s.facing_left)
    for i in range(s.trucks):
        tx = WIDTH * (0.08 + 0.14 * i) + rng.randint(-20, 20)
        _truck(d, tx, base + 140 + 30 * (i % 2), 1.2, (85 + rng.randint(0, 30), 100, 70))
    img = img.filter(ImageFilter.GaussianBlur(0.6))
    d = ImageDraw.Draw(img)
    d.rectangle([0, HEIGHT - 120, WIDTH, HEIGHT], fill=(20, 20, 20))
    d.text((30, HEIGHT - 110), SYNTHETIC_ASCII, fill=(255, 210, 0), font=_font(38))
    d.text((30, HEIGHT - 58), s.label, fill=(235, 235, 235), font=_font(30))
    return img
