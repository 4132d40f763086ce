"""Findings: what checks and the cross-reference engine conclude, as plain data."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any, Literal, get_args

#: How much a metadata check's finding matters to the examiner.
Severity = Literal["info", "notice", "warning"]
SEVERITIES: tuple[Severity, ...] = get_args(Severity)
VERDICTS = ("consistent", "inconsistent", "undetermined")


@dataclass(frozen=True)
class CheckFinding:
    """A metadata check's result on one item."""

    check_id: str
    item_id: str
    severity: Severity
    title: str
    explanation: str           # one sentence a non-engineer understands
    innocent_cause: str        # what harmless reason could also explain it
    fields: dict[str, Any] = field(default_factory=dict)  # the exact values the check used

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True)
class Finding:
    """A cross-reference result: does the evidence agree?"""

    id: str
    kind: str
    verdict: str               # consistent | inconsistent | undetermined
    confidence: float
    explanation: str
    item_ids: tuple[str, ...]
    inputs: dict[str, Any] = field(default_factory=dict)
    assumptions: tuple[str, ...] = ()
    #: one sentence saying what raised and lowered the confidence (casefile.xref.confidence)
    confidence_note: str = ""
    #: the inputs as JSON exactly as hashed into the id (set by the engine; storing reuses it)
    inputs_text: str | None = field(default=None, compare=False, repr=False)

    def to_dict(self) -> dict[str, Any]:
        d = asdict(self)
        del d["inputs_text"]
        d["item_ids"] = list(self.item_ids)
        d["assumptions"] = list(self.assumptions)
        return d
