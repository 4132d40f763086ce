"""What verify found: problems a person can act on, each naming the record or file it is about."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TypedDict


@dataclass
class Problem:
    kind: str
    message: str
    item_id: str | None = None
    table: str | None = None
    target: str | None = None


class ProblemDict(TypedDict):
    kind: str
    message: str
    item_id: str | None
    table: str | None
    target: str | None


class VerifyReportDict(TypedDict):
    """A verification as JSON (`casefile verify --json`, the ledger's `verified` event)."""

    ok: bool
    head_hash: str
    fingerprint: str
    counts: dict[str, int]
    problems: list[ProblemDict]


@dataclass
class VerifyReport:
    ok: bool = True
    head_hash: str = ""
    counts: dict[str, int] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)
    #: the ledger head as a person notes it (event number and hash prefix), for `verify --expect`
    fingerprint: str = ""

    def add(self, kind: str, message: str, *, item_id: str | None = None, table: str | None = None,
            target: str | None = None) -> None:
        """A problem, naming the item, table row or file (target) it is about."""
        self.ok = False
        self.problems.append(Problem(kind, message, item_id, table, target))

    def to_dict(self) -> VerifyReportDict:
        return VerifyReportDict(
            ok=self.ok, head_hash=self.head_hash, fingerprint=self.fingerprint, counts=self.counts,
            problems=[ProblemDict(kind=p.kind, message=p.message, item_id=p.item_id, table=p.table,
                                  target=p.target) for p in self.problems])
