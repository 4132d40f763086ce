"""What the findings about one claim add up to: the one rule the report, the window and the CLI use.

A claim's verdict rests on evidence about the claimed event (tracks, positions, reported flights,
and a linked photo whose own time and place fit the claim). A photo offered as support that fails
(older, later, elsewhere, or that cannot be placed) is "not evidence for the claim": it is listed
on its own and never turns the event's verdict into "mixed" or "contradicted". "Mixed" is kept
for evidence about the event itself that disagrees. A photo linked as contradicting counts against
the event only where its own time and place rule the claim out (xref.photo_against); otherwise it
is listed as not counted. The summary cites the finding that decides.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from casefile.model.findings import Finding

#: a photo linked as supporting a claim, checked against the claim's time and place
PHOTO_SUPPORT = "photo-claim"
#: a photo linked as contradicting a claim, checked the same way (xref.photo_against)
PHOTO_AGAINST = "photo-against-claim"

AGREE = "the records agree"
DISAGREE = "the records disagree"
MIXED = "mixed: independent records about the event disagree"
OPEN = "undetermined"
NONE = "not checked"


@dataclass(frozen=True)
class ClaimVerdict:
    """A claim's verdict in words, the finding that decides it, and the offered evidence that is
    not evidence for it."""

    words: str
    deciding: Finding | None
    event: list[Finding] = field(default_factory=list)
    not_evidence: list[Finding] = field(default_factory=list)
    #: photos linked as contradicting it whose own time or place cannot count against it
    not_counted: list[Finding] = field(default_factory=list)


def strength(f: Finding) -> tuple[float, str]:
    return -float(f.confidence or 0), f.id


def is_not_evidence(f: Finding) -> bool:
    """A supporting photo whose own time or place does not fit the claim (or cannot be told)."""
    return f.kind == PHOTO_SUPPORT and f.verdict != "consistent"


def is_not_counted(f: Finding) -> bool:
    """A photo linked as contradicting whose own time and place do not rule the claim out."""
    return f.kind == PHOTO_AGAINST and f.verdict != "inconsistent"


def claim_verdict(found: Iterable[Finding]) -> ClaimVerdict:
    """The claim's verdict from the findings about it (see the module's rule)."""
    found = list(found)
    uncounted = sorted((f for f in found if is_not_counted(f)), key=strength)
    found = [f for f in found if not is_not_counted(f)]
    event = [f for f in found if not is_not_evidence(f)]
    failed = sorted((f for f in found if is_not_evidence(f)), key=strength)
    agree = sorted((f for f in event if f.verdict == "consistent"), key=strength)
    disagree = sorted((f for f in event if f.verdict == "inconsistent"), key=strength)
    if agree and disagree:
        words, lead = MIXED, disagree[0]
    elif disagree:
        words, lead = DISAGREE, disagree[0]
    elif agree:
        words, lead = AGREE, agree[0]
    elif event:
        words, lead = OPEN, sorted(event, key=strength)[0]
    else:
        words, lead = (OPEN if failed or uncounted else NONE), None
    return ClaimVerdict(words, lead, event, failed, uncounted)
