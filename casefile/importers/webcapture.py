"""Saved web pages (HTML, MHTML, WARC/WACZ) as "capture" evidence; other documents with text
(PDF, plain text: an article, a statement, a README) as "document" evidence.

The original bytes are the evidence; the extracted text is kept beside it for search, with what
the file says about itself (title, date, author) as suggestions for the analyst to confirm. Only
web pages are captures by kind: a document becomes a source's capture when the analyst records
the source from it (`casefile source add CASE FILE`).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from casefile.errors import CorruptFile
from casefile.importers.flights.unread import MARKUP
from casefile.importers.registry import register
from casefile.importers.sniff import sniff_mime

if TYPE_CHECKING:
    from casefile.analyst.page_text import Extracted
    from casefile.store import Case, Ingested


class CaptureImporter:
    name = "capture"
    kind = "capture"
    extensions: tuple[str, ...] = (".html", ".htm", ".xhtml", ".mhtml", ".mht", ".warc", ".gz",
                                   ".wacz")
    max_in_memory = 64 * 1024 * 1024

    def score(self, path: Path, head: bytes, mime: str) -> float:
        name = path.name.lower()
        if mime == "application/warc":
            return 0.9
        if mime == "multipart/related":
            return 0.8
        if mime == "text/html":
            return 0.7
        if mime == "application/gzip" and name.endswith(".warc.gz"):
            return 0.8
        if mime == "application/zip" and (name.endswith(".wacz") or b"datapackage.json" in head):
            return 0.8
        return 0.0

    def parse(self, path: Path, data: bytes | None) -> Extracted:
        if data is None:
            data = path.read_bytes()
        from casefile.analyst.extract import extract_any  # the readers load when used

        mime = sniff_mime(data[:8192])
        try:
            ex = extract_any(data, mime, path.name)
        except Exception as exc:  # noqa: BLE001 - any reader failure is this file's error
            raise CorruptFile(f"cannot read as a saved page/document ({mime}): "
                              f"{type(exc).__name__}: {exc}", path) from None
        return ex

    def prepare(self, parsed: Extracted) -> Extracted:
        return parsed

    def store(self, case: Case, ingested: Ingested, parsed: Extracted) -> None:
        from casefile.analyst.sources import store_capture_text

        store_capture_text(case, ingested.item_id, parsed)


class DocumentImporter(CaptureImporter):
    """PDFs and plain text: documents with text, not web pages."""

    name = "document"
    kind = "document"
    extensions: tuple[str, ...] = (".pdf", ".txt", ".text", ".md", ".rst")

    def score(self, path: Path, head: bytes, mime: str) -> float:
        if path.suffix.lower() in MARKUP and b"<" not in head:
            return 0.0   # a KML or GPX with no markup: a plain file, said so (see unread)
        return {"application/pdf": 0.6, "text/plain": 0.4}.get(mime, 0.0)


register(CaptureImporter())
register(DocumentImporter())
