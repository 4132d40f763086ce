"""Importer registry (Picard-style): each importer says what it reads and scores a file by content.

The extension is only a hint that breaks ties; the content decides. Importer modules in this
package register themselves when `casefile.importers` is imported.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from casefile.errors import UnsupportedFile

if TYPE_CHECKING:
    from casefile.store import Case, Ingested


class Importer(Protocol):
    @property
    def name(self) -> str:
        """Stable id, e.g. "photo", "readsb-trace", "file"."""

    @property
    def kind(self) -> str:
        """The item kind it creates: "photo", "flight-record", "capture", "file"."""

    @property
    def extensions(self) -> tuple[str, ...]:
        """File name endings it usually reads (a hint that breaks ties, never the decider)."""

    @property
    def max_in_memory(self) -> int:
        """parse() gets the whole file as bytes (read once while hashing) up to this size, else None."""

    def score(self, path: Path, head: bytes, mime: str) -> float:
        """0 = cannot read this; 1 = certainly mine. Runs on the first 8 KiB."""

    def parse(self, path: Path, data: bytes | None) -> Any:
        """Read the file (in a worker process); raise CorruptFile with a clear message."""

    def prepare(self, parsed: Any) -> Any:
        """What parse() found, made ready for store() where it was read (in the worker, after
        parse): the work that needs no case is done there, in parallel, and not when recording."""

    def store(self, case: Case, ingested: Ingested, parsed: Any) -> None:
        """Write what parse() found, inside the transaction that records the new item."""


@dataclass(frozen=True)
class Choice:
    importer: Importer
    score: float


_REGISTRY: dict[str, Importer] = {}


def register(importer: Importer) -> Importer:
    _REGISTRY[importer.name] = importer
    return importer


def all_importers() -> list[Importer]:
    _load()
    return list(_REGISTRY.values())


def get(name: str) -> Importer:
    _load()
    try:
        return _REGISTRY[name]
    except KeyError:
        raise UnsupportedFile(f"no importer named {name!r} (known: "
                              f"{', '.join(sorted(_REGISTRY))})") from None


def choose(path: Path, head: bytes, mime: str) -> Choice:
    """The importer that scores this content highest; the extension breaks ties."""
    _load()
    best: Choice | None = None
    suffix = path.suffix.lower()
    for imp in _REGISTRY.values():
        try:
            score = float(imp.score(path, head, mime))
        except Exception:  # noqa: BLE001 - a scorer must never break an import batch
            score = 0.0
        if score <= 0:
            continue
        if suffix and suffix in imp.extensions:
            score += 0.001
        if best is None or score > best.score:
            best = Choice(imp, score)
    if best is None:
        raise UnsupportedFile(f"no importer reads {mime} content", path)
    return best


def _load() -> None:
    import casefile.importers  # noqa: F401  (registers every importer module)
