"""Photo importer: JPEG, TIFF, PNG, WebP and HEIC/HEIF, recognised by content.

Decoding pixels is the costly part: it is estimated from the header first and runs inside the
machine-wide decode budget (`casefile.importers.budget`); an image whose decode alone would
exceed the whole budget keeps its metadata, hashes and custody, without a preview.
"""

from __future__ import annotations

import io
import warnings
from pathlib import Path
from typing import TYPE_CHECKING

from casefile.errors import CorruptFile
from casefile.importers import budget
from casefile.importers.registry import register

if TYPE_CHECKING:
    from casefile.photos.extract import ParsedPhoto
    from casefile.store import Case, Ingested

PHOTO_MIMES = {"image/jpeg", "image/png", "image/tiff", "image/webp", "image/heic", "image/heif"}
#: bytes per pixel of a decoded image, by Pillow mode (others: 4)
_BPP = {"1": 1, "L": 1, "P": 1, "LA": 2, "PA": 2, "La": 2, "RGB": 3, "YCbCr": 3, "LAB": 3,
        "HSV": 3, "RGBA": 4, "RGBa": 4, "CMYK": 4, "I;16": 2, "I;16B": 2, "I;16L": 2, "I": 4, "F": 4}
_ALPHA = {"LA", "PA", "La", "RGBA", "RGBa"}
#: what the rest of the work adds to the decode: a reduced copy and its conversions (a few MiB)
_AFTER = 48 << 20


def decode_cost(data: bytes) -> tuple[int, str] | None:
    """Bytes a decode of this image will hold at its peak, and its size and mode as text (None
    when the header cannot be read: the parser then names the problem)."""
    from PIL import Image

    from casefile.photos.derive import draft_request

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            with Image.open(io.BytesIO(data)) as im:
                w, h = im.size
                mode = im.mode
                if im.format == "JPEG":   # decoded at a reduced DCT scale (see photos.extract)
                    im.draft("RGB", draft_request(im.size))
                    w, h = im.size
                    mode = im.mode
    except Exception:  # noqa: BLE001 - any unreadable header is the parser's to report
        return None
    per_px = _BPP.get(mode, 4) + (1 if mode in _ALPHA else 0)   # reduced one band at a time
    return w * h * per_px + _AFTER, f"{w}x{h} {mode}"


class PhotoImporter:
    name = "photo"
    kind = "photo"
    extensions: tuple[str, ...] = (".jpg", ".jpeg", ".jpe", ".tif", ".tiff", ".png", ".webp",
                                   ".heic", ".heif", ".hif")
    max_in_memory = 256 * 1024 * 1024

    def score(self, path: Path, head: bytes, mime: str) -> float:
        return 0.9 if mime in PHOTO_MIMES else 0.0

    def parse(self, path: Path, data: bytes | None) -> ParsedPhoto:
        # the extractor (Pillow, exifread, imagehash, numpy) loads with the first photo, so a
        # batch without photos, and the window, do not wait for it
        from casefile.photos.extract import ParsedPhoto, extract_metadata, parse_photo, tool_versions

        if data is None:
            raise CorruptFile(f"larger than {self.max_in_memory // (1 << 20)} MiB: too large to read "
                              "as a photo (add it with --as file to keep it as plain evidence)", path)
        cost = decode_cost(data)
        if cost is None:
            return parse_photo(path, data)
        need, what = cost
        limit = budget.budget_bytes()
        if need > limit:
            meta, raw = extract_metadata(path, data)
            return ParsedPhoto(meta=meta, raw_tags=raw, tools=tool_versions(), decode_problem=(
                f"pixels not decoded: {what} needs about {need >> 20} MiB, more than the memory "
                f"budget for decoding ({limit >> 20} MiB, CASEFILE_DECODE_BUDGET_MB); the "
                "metadata and the original are kept"))
        with budget.reserve(need):
            return parse_photo(path, data)

    def prepare(self, parsed: ParsedPhoto) -> ParsedPhoto:
        from casefile.photos.storage import prepare

        return prepare(parsed)

    def store(self, case: Case, ingested: Ingested, parsed: ParsedPhoto) -> None:
        from casefile.photos.storage import store_parsed

        store_parsed(case, ingested, parsed)


register(PhotoImporter())
