"""What verify found: problems a person can act on, each naming the record or file it is about."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any


@dataclass
class Problem:
    kind: str
    message: str
    item_id: str | None = None
    table: str | None = None
    target: str | None = None


@dataclass
class VerifyReport:
    ok: bool = True
    head_hash: str = ""
    counts: dict[str, int] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)
    #: the ledger head as a person notes it (event number and hash prefix), for `verify --expect`
    fingerprint: str = ""

    def add(self, kind: str, message: str, **where: Any) -> None:
        self.ok = False
        self.problems.append(Problem(kind, message, **where))

    def to_dict(self) -> dict[str, Any]:
        return {"ok": self.ok, "head_hash": self.head_hash, "fingerprint": self.fingerprint,
                "counts": self.counts, "problems": [asdict(p) for p in self.problems]}
