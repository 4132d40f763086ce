"""What a metadata check receives, and a helper that builds its findings."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from casefile.model.findings import CheckFinding, Severity
from casefile.model.photos import PhotoMeta
from casefile.timeutil import TimeValue


@dataclass(frozen=True)
class OtherPhoto:
    """Another photo already in the case, for the near-duplicate check."""

    item_id: str
    name: str | None
    phash: str | None
    dhash: str | None


@dataclass(frozen=True)
class CheckInput:
    """Everything a photo check may read: the photo's metadata and its place in the case."""

    item_id: str
    meta: PhotoMeta
    capture: TimeValue | None = None
    acquired_at: str | None = None          # first acquisition of the item (UTC)
    now: str | None = None                  # when the checks ran (UTC)
    decode_problem: str | None = None
    others: tuple[OtherPhoto, ...] = field(default_factory=tuple)


def finding(inp: CheckInput, check_id: str, severity: Severity, title: str, explanation: str,
            innocent_cause: str, **fields: Any) -> CheckFinding:
    return CheckFinding(check_id=check_id, item_id=inp.item_id, severity=severity, title=title,
                        explanation=explanation, innocent_cause=innocent_cause, fields=fields)
