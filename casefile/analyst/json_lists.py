"""Lists of text kept in one TEXT column as JSON: aliases, archive addresses, aircraft refs."""

from __future__ import annotations

import json
from collections.abc import Sequence

from casefile.store.canonical import canonical_json


def dump_list(values: Sequence[str]) -> str:
    """The column text: canonical JSON (no spaces, text kept as is)."""
    return canonical_json(list(values))


def load_list(text: str | None) -> list[str]:
    """The list a column holds (empty for NULL or empty text)."""
    return [str(v) for v in json.loads(text)] if text else []
