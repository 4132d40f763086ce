"""Any file at all, kept as evidence with its hashes and provenance (the fallback importer)."""

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
        """A one-line note when the file looks like position data no reader takes, else None."""
        from casefile.importers.flights.unread import position_like

        return position_like(path, data[:8192] if data else None)

    def store(self, case: Case, ingested: Ingested, parsed: str | None) -> None:
        if parsed:
            case.log("not-read-as-flight", item_id=ingested.item_id, details={"note": parsed})


register(GenericFile())
