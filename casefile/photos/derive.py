"""Derived working copies: display thumbnail and preview, and Error Level Analysis on demand."""

from __future__ import annotations

import io
from typing import TYPE_CHECKING, TypedDict

from PIL import Image, ImageChops

if TYPE_CHECKING:   # numpy loads where a hash is worked out
    import numpy as np

THUMB_PX = 256
PREVIEW_PX = 1024
#: Decode JPEGs at the smallest DCT scale whose longest side is still at least this many pixels.
DRAFT_MIN_PX = 768
JPEG_QUALITY = 85


def draft_request(size: tuple[int, int]) -> tuple[int, int]:
    """The size to ask Pillow's draft mode for, so the decode stays just above DRAFT_MIN_PX."""
    w, h = size
    longest = max(w, h)
    if longest <= DRAFT_MIN_PX:
        return w, h
    return max(1, w * DRAFT_MIN_PX // longest), max(1, h * DRAFT_MIN_PX // longest)


def fit(im: Image.Image, max_px: int) -> Image.Image:
    """A copy no larger than max_px on its longest side (never enlarged)."""
    if max(im.size) <= max_px:
        return im
    out = im.copy()
    out.thumbnail((max_px, max_px), Image.Resampling.BILINEAR, reducing_gap=2.0)
    return out


#: a decoded image with more pixels than this is reduced (box filter) before anything else copies
#: it, so a near-limit PNG or TIFF costs its decode alone, not three full-size copies
SHRINK_ABOVE_PX = 16_000_000


def shrink(im: Image.Image) -> Image.Image:
    """A big decoded image reduced by a whole factor to at least twice the preview size (others,
    and modes Pillow cannot reduce, as they are)."""
    w, h = im.size
    factor = max(w, h) // (2 * PREVIEW_PX)
    if w * h <= SHRINK_ABOVE_PX or factor < 2:
        return im
    try:
        if "A" in im.getbands():   # Pillow would premultiply a full-size copy: one band at a time
            return Image.merge(im.mode, [im.getchannel(b).reduce(factor) for b in im.getbands()])
        return im.reduce(factor)
    except (ValueError, NotImplementedError):
        return im


def encode_jpeg(im: Image.Image, quality: int = JPEG_QUALITY) -> bytes:
    buf = io.BytesIO()
    im.save(buf, "JPEG", quality=quality)
    return buf.getvalue()


def _peak(im: Image.Image) -> float:
    """The highest pixel value over every band."""
    extrema = im.getextrema()
    if isinstance(extrema[0], tuple):      # one (min, max) pair per band
        return max(band[1] for band in extrema if isinstance(band, tuple))
    return float(extrema[1])


class ElaParams(TypedDict):
    """How an ELA image was made (kept with the derived copy): the re-save quality, the size
    limit, how much the difference was amplified, and the size it was computed at."""

    quality: int
    max_px: int
    amplification: float
    size: list[int]


def error_level(data: bytes, quality: int = 90, max_px: int = 2048) -> tuple[bytes, ElaParams]:
    """Error Level Analysis: re-save at `quality`, amplify the difference; PNG bytes and parameters."""
    with Image.open(io.BytesIO(data)) as im:
        if im.format == "JPEG":
            im.draft("RGB", (max_px, max_px))
        im.load()
        base = im.convert("RGB")
    base = fit(base, max_px)
    resaved = Image.open(io.BytesIO(encode_jpeg(base, quality)))
    diff = ImageChops.difference(base, resaved)
    peak = _peak(diff) or 1
    scale = 255.0 / peak
    ela = diff.point(lambda v: min(255, int(v * scale)))
    buf = io.BytesIO()
    ela.save(buf, "PNG")
    return buf.getvalue(), {"quality": quality, "max_px": max_px, "amplification": round(scale, 3),
                            "size": list(base.size)}


#: pHash's sizes, as imagehash has them: the picture reduced to 32x32 grey, its 8x8 lowest frequencies
_HASH_SIZE, _PHASH_PX = 8, 32


def _cosines() -> np.ndarray:
    """The first rows of the (unnormalised) DCT-II over 32 samples: 2 cos(pi k (2n + 1) / 64)."""
    import numpy as np

    k = np.arange(_HASH_SIZE)[:, None]
    n = np.arange(_PHASH_PX)[None, :]
    return 2.0 * np.cos(np.pi * k * (2 * n + 1) / (2 * _PHASH_PX))


_COS: np.ndarray | None = None


def phash(im: Image.Image) -> str:
    """imagehash's pHash of a picture, as its hex text: the same steps (grey, Lanczos to 32x32, DCT
    of the columns then the rows, the 8x8 lowest frequencies above their median), with only those
    frequencies worked out, as a product with the cosine rows, instead of scipy's whole transform;
    an import worker then never loads scipy (most of a second). Coefficients are rounded to 1e-6
    first, so a flat picture's zeros compare as zeros on every machine."""
    global _COS
    import imagehash
    import numpy as np

    if _COS is None:
        _COS = _cosines()
    grey = im.convert("L").resize((_PHASH_PX, _PHASH_PX), Image.Resampling.LANCZOS)
    pixels = np.asarray(grey, dtype=np.float64)
    low = np.round(_COS @ pixels @ _COS.T, 6)
    return str(imagehash.ImageHash(low > np.median(low)))
