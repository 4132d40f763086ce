"""Canonical encodings: what the custody ledger hashes, so the same facts always give the same hash."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping


def _default(value: object) -> dict[str, str]:
    if isinstance(value, (bytes, bytearray, memoryview)):
        return {"$bytes": bytes(value).hex()}
    raise TypeError(f"cannot encode {type(value).__name__} canonically")


def canonical_json(value: object) -> str:
    """Sorted keys, no spaces, UTF-8 text kept as is, bytes as hex."""
    return json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False,
                      default=_default, allow_nan=False)


def sha256_text(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def row_state(row: Mapping[str, object]) -> dict[str, object]:
    """A row as the ledger records it: NULL columns left out, so adding a nullable column changes nothing."""
    out: dict[str, object] = {}
    for key, value in row.items():
        if value is None:
            continue
        if isinstance(value, (bytes, bytearray, memoryview)):
            value = {"$bytes": bytes(value).hex()}
        out[key] = value
    return out


def row_digest(row: Mapping[str, object]) -> str:
    return sha256_text(canonical_json(row_state(row)))
