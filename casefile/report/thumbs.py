"""A photo's thumbnail for the report: the stored working copy, else one made in memory (never
written to the case), sized in points."""

from __future__ import annotations

import io
from pathlib import Path

from casefile.report.blocks import Picture
from casefile.report.context import Context


def thumbnail(ctx: Context, item_id: str, size: float) -> Picture:
    """The picture to draw for this photo, at most `size` points on its longer side."""
    from PIL import Image as PILImage

    row = ctx.case.derived(item_id, "thumbnail")
    try:
        source: Path | bytes
        if row is not None:
            source = ctx.case.blob_path(row)
            with PILImage.open(source) as im:      # reads the header only
                iw, ih = im.size
        else:
            source = _make_thumb(ctx.case.blob_path(ctx.case.resolve_item(item_id)))
            with PILImage.open(io.BytesIO(source)) as im:
                iw, ih = im.size
    except (OSError, ValueError, SyntaxError) as exc:
        return Picture(None, size, size * 0.75, f"no preview: {type(exc).__name__}")
    k = size / max(iw, ih, 1)
    return Picture(source, iw * k, ih * k)


def _make_thumb(path: Path) -> bytes:
    from PIL import Image as PILImage
    from PIL import ImageOps

    with PILImage.open(path) as im:
        im.draft("RGB", (256, 256))
        small = ImageOps.exif_transpose(im).convert("RGB")
        small.thumbnail((256, 256))
        buf = io.BytesIO()
        small.save(buf, "JPEG", quality=80)
    return buf.getvalue()
