"""What the body sections read (gathered once) and the record of where each finding is cited, so
the findings appendix can point back to every place in the body that relies on it."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from casefile.model.analyst import Claim, ClaimLink, Source
from casefile.model.findings import Finding
from casefile.report.context import Context
from casefile.report.gather import Flights, PhotoEntry
from casefile.report.people import Names
from casefile.xref.query import TimelineEvent, claim_verdict

VERDICT_WORD = {"consistent": "consistent", "inconsistent": "inconsistent",
                "undetermined": "undetermined"}


@dataclass
class Body:
    """The case as the body sections see it (withheld items already left out)."""

    ctx: Context
    names: Names
    claims: list[Claim] = field(default_factory=list)
    sources: list[Source] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)
    photos: list[PhotoEntry] = field(default_factory=list)
    flights: Flights | None = None
    timeline: list[TimelineEvent] | None = None
    links: dict[str, list[ClaimLink]] = field(default_factory=dict)
    cited: dict[str, list[str]] = field(default_factory=dict)    # finding id -> where cited
    _by_record: dict[str, list[Finding]] = field(default_factory=dict, repr=False)
    _indexed: int = field(default=-1, repr=False)     # how many findings the index holds

    def about(self, target_id: str) -> list[Finding]:
        """Findings that involve this record, strongest first (indexed once: a case with 20,000
        photos asks 20,000 times)."""
        if self._indexed != len(self.findings):
            index: dict[str, list[Finding]] = {}
            for f in self.findings:
                for i in dict.fromkeys(f.item_ids):
                    index.setdefault(i, []).append(f)
            self._by_record = {k: sorted(v, key=order) for k, v in index.items()}
            self._indexed = len(self.findings)
        return list(self._by_record.get(target_id, []))

    def cite(self, f: Finding, where: str) -> str:
        """The finding's reference, remembering that `where` relies on it."""
        places = self.cited.setdefault(f.id, [])
        if where not in places:
            places.append(where)
        return self.names.ref(f.id)

    def sentence(self, f: Finding, where: str) -> str:
        """'X4 (consistent, confidence 0.85): <explanation>' with records named for people."""
        ref = self.cite(f, where)
        return (f"{ref} ({f.verdict}, confidence {float(f.confidence or 0):.2f}): "
                f"{self.names.text(f.explanation)}")

    def uncited(self) -> list[Finding]:
        return [f for f in self.findings if f.id not in self.cited]


def order(f: Finding) -> tuple[int, float, str]:
    """Contradictions first, then agreements, then the undetermined; firmer before weaker."""
    rank = {"inconsistent": 0, "consistent": 1}.get(f.verdict, 2)
    return rank, -float(f.confidence or 0), f.id


def verdict_of(found: Iterable[Finding]) -> str:
    """What the findings about one claim add up to, in words (xref's one rule: a failed
    supporting photo is "not evidence for the claim", never a disagreement)."""
    return claim_verdict(found).words
