"""Build small photos in tests, so the reader sees exactly what is special about each one."""

from __future__ import annotations

import io
from fractions import Fraction
from typing import Any

from PIL import Image, ImageDraw

EXIF_IFD, GPS_IFD = 0x8769, 0x8825


def picture(size: tuple[int, int] = (640, 480), seed: int = 0) -> Image.Image:
    """A picture with structure (so perceptual hashes mean something)."""
    im = Image.new("RGB", size, (40 + seed * 30 % 200, 90, 160))
    d = ImageDraw.Draw(im)
    w, h = size
    for i in range(6):
        x = (i * 97 + seed * 53) % w
        d.rectangle([x, h // 4, min(w - 1, x + w // 8), h - h // 5], fill=(255 - i * 30, 200, i * 40))
    d.ellipse([w // 3, h // 6, w // 3 + h // 3, h // 6 + h // 3], fill=(250, 240, 30))
    return im


def rational(x: float) -> Fraction:
    return Fraction(x).limit_denominator(1_000_000)


def dms(value: float) -> tuple[Fraction, Fraction, Fraction]:
    value = abs(value)
    d = int(value)
    m = int((value - d) * 60)
    s = (value - d - m / 60) * 3600
    return (Fraction(d), Fraction(m), rational(s))


def make_jpeg(*, make: str | None = "Canon", model: str | None = "Canon EOS 5D", software: str | None = None,
              original: str | None = "2019:03:23 14:05:00", modify: str | None = None,
              offset: str | None = None, gps: tuple[float, float] | None = None,
              gps_stamp: tuple[str, tuple[int, int, int]] | None = None,
              exif_size: tuple[int, int] | None = None, image: Image.Image | None = None,
              quality: int = 90, extra_ifd0: dict[int, Any] | None = None, exif: bool = True,
              comment: bytes | None = None, trailing: bytes = b"") -> bytes:
    """A JPEG with the EXIF fields given (None leaves a field out)."""
    im = image or picture()
    ex = Image.Exif()
    if exif:
        if make:
            ex[0x010F] = make
        if model:
            ex[0x0110] = model
        if software:
            ex[0x0131] = software
        if modify:
            ex[0x0132] = modify
        for k, v in (extra_ifd0 or {}).items():
            ex[k] = v
        sub = ex.get_ifd(EXIF_IFD)
        if original:
            sub[0x9003] = original
        if offset:
            sub[0x9011] = offset
        if exif_size:
            sub[0xA002], sub[0xA003] = exif_size
        if gps or gps_stamp:
            g = ex.get_ifd(GPS_IFD)
            if gps:
                lat, lon = gps
                g[1] = "N" if lat >= 0 else "S"
                g[2] = dms(lat)
                g[3] = "E" if lon >= 0 else "W"
                g[4] = dms(lon)
            if gps_stamp:
                g[29] = gps_stamp[0]
                g[7] = tuple(Fraction(x) for x in gps_stamp[1])
    buf = io.BytesIO()
    kwargs: dict[str, Any] = {"quality": quality}
    if exif:
        kwargs["exif"] = ex.tobytes()
    if comment is not None:
        kwargs["comment"] = comment
    im.save(buf, "JPEG", **kwargs)
    return buf.getvalue() + trailing
