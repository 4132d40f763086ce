"""Any file at all, kept as evidence with its hashes and provenance (the fallback importer);
a link met on import, kept as the link it is."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from casefile.importers.registry import register

if TYPE_CHECKING:
    from casefile.store import Case, Ingested


class GenericFile:
    name = "file"
    kind = "file"
    extensions: tuple[str, ...] = ()
    max_in_memory = 0

    def score(self, path: Path, head: bytes, mime: str) -> float:
        return 0.01

    def parse(self, path: Path, data: bytes | None) -> str | None:
        """A one-line note when the file looks like position data no reader takes, or is named as
        markup (KML, GPX) but holds none, else None."""
        from casefile.importers.flights.unread import markup_missing, position_like, read_head

        head = data[:8192] if data is not None else read_head(path)   # read once, for both
        if head is None:
            return None
        return position_like(head) or markup_missing(path, head)

    def prepare(self, parsed: str | None) -> str | None:
        return parsed

    def store(self, case: Case, ingested: Ingested, parsed: str | None) -> None:
        if parsed:
            case.log("not-read-as-flight", item_id=ingested.item_id, details={"note": parsed})


class LinkRecord:
    """A symbolic link (or junction) met on import: kept as its target path, never followed
    (the item's bytes are the path; what it points to is not read)."""

    name = "link"
    kind = "link"
    extensions: tuple[str, ...] = ()
    max_in_memory = 1 << 16

    def score(self, path: Path, head: bytes, mime: str) -> float:
        return 0.0        # never chosen by content: the pipeline picks it for links

    def parse(self, path: Path, data: bytes | None) -> str | None:
        return None

    def prepare(self, parsed: str | None) -> str | None:
        return parsed

    def store(self, case: Case, ingested: Ingested, parsed: str | None) -> None:
        return None


register(GenericFile())
register(LinkRecord())
