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

    def parse(self, path: Path, data: bytes | None) -> None:
        return None

    def store(self, case: Case, ingested: Ingested, parsed: None) -> None:
        return None


register(GenericFile())
