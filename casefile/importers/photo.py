"""Photo importer: JPEG, TIFF, PNG, WebP and HEIC/HEIF, recognised by content."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from casefile.errors import CorruptFile
from casefile.importers.registry import register
from casefile.photos.extract import ParsedPhoto, parse_photo
from casefile.photos.storage import store_parsed

if TYPE_CHECKING:
    from casefile.store import Case, Ingested

PHOTO_MIMES = {"image/jpeg", "image/png", "image/tiff", "image/webp", "image/heic", "image/heif"}


class PhotoImporter:
    name = "photo"
    kind = "photo"
    extensions: tuple[str, ...] = (".jpg", ".jpeg", ".jpe", ".tif", ".tiff", ".png", ".webp",
                                   ".heic", ".heif", ".hif")
    max_in_memory = 256 * 1024 * 1024

    def score(self, path: Path, head: bytes, mime: str) -> float:
        return 0.9 if mime in PHOTO_MIMES else 0.0

    def parse(self, path: Path, data: bytes | None) -> ParsedPhoto:
        if data is None:
            raise CorruptFile(f"larger than {self.max_in_memory // (1 << 20)} MiB: too large to read "
                              "as a photo (add it with --as file to keep it as plain evidence)", path)
        return parse_photo(path, data)

    def store(self, case: Case, ingested: Ingested, parsed: ParsedPhoto) -> None:
        store_parsed(case, ingested, parsed)


register(PhotoImporter())
