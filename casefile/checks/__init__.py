"""Metadata checks: small pure functions from a photo's metadata to findings (no I/O)."""

from __future__ import annotations

from collections.abc import Callable

from casefile.checks import duplicates, gps, image, implausible, metadata, places, structure, times
from casefile.checks.base import CheckInput, OtherPhoto
from casefile.model.findings import CheckFinding

#: Bump when a check's logic changes, so stored findings are recomputed.
CHECKS_VERSION = 3

PHOTO_CHECKS: tuple[Callable[[CheckInput], list[CheckFinding]], ...] = (
    *metadata.CHECKS, *times.CHECKS, *gps.CHECKS, *image.CHECKS, *structure.CHECKS,
    *duplicates.CHECKS, *places.CHECKS, *implausible.CHECKS)
_ORDER = {"warning": 0, "notice": 1, "info": 2}


def run_photo_checks(inp: CheckInput) -> list[CheckFinding]:
    """Every photo check on one photo, most severe first."""
    out: list[CheckFinding] = []
    for check in PHOTO_CHECKS:
        out.extend(check(inp))
    return sorted(out, key=lambda f: (_ORDER.get(f.severity, 3), f.check_id))


__all__ = ["CHECKS_VERSION", "CheckInput", "OtherPhoto", "PHOTO_CHECKS", "run_photo_checks"]
