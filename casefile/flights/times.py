"""Epoch seconds to the case's UTC text, rounded (not truncated) to the millisecond."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from casefile.timeutil import iso_z

_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)


def utc_text(t: float) -> str:
    """2024-08-12T00:00:05.060Z for 1723420805.06 (exact integer milliseconds, no float drift)."""
    return iso_z(_EPOCH + timedelta(milliseconds=round(t * 1000)))
