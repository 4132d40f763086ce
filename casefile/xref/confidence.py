"""Confidence: the one place that says what raises and lowers a finding's confidence.

A confidence (0-1) is how much weight the verdict can bear, not a probability. It starts from
what the verdict rests on (a tracked position is firmer than a hand-entered report) and is then
raised or lowered by stated factors, each named in the one sentence every finding carries:

- **evidence density**: how many observations reach the question (one lone point is weaker than a
  dozen);
- **nearness in time**: how far the nearest evidence is from the moment in question;
- **distance**: for a match, how close to the place (well inside the limit is firmer); for a
  mismatch, how far beyond the limit (just beyond it is weaker);
- **coverage**: how much of the time in question the records cover;
- **independence**: how many sources independent of the claim's own the verdict rests on; with
  none it can never be firm (and a claim checked only against its own source is never
  "consistent": see `casefile.xref.independence`).

An undetermined verdict is capped at 0.5: it is a statement about what the records cannot tell.
"""

from __future__ import annotations

from dataclasses import dataclass

#: What a verdict rests on, and the confidence it starts from.
BASE = {
    "track": 0.9,            # tracked positions (ADS-B, MLAT, GPS logs)
    "photo-metadata": 0.75,  # a photo's own capture time and GPS
    "publication": 0.7,      # a source's stated publication time
    "analyst": 0.6,          # a position or time an analyst set by hand
    "reported": 0.5,         # a flight typed in from a report: reported, not tracked
    "none": 0.3,             # nothing reaches the question
}
WHAT = {"track": "tracked positions", "photo-metadata": "the photo's own metadata",
        "publication": "the source's publication time", "analyst": "an analyst-set value",
        "reported": "a reported (not tracked) flight", "none": "no record that reaches it"}
#: The ceiling of an undetermined verdict, and of any verdict with no independent source.
UNDETERMINED_CAP = 0.5
NOT_INDEPENDENT_CAP = 0.3


@dataclass(frozen=True)
class Factors:
    """What a verdict rests on; None means the factor does not apply to this finding."""

    evidence: str                        # a key of BASE
    points: int | None = None            # observations that reach the question
    time_gap_s: float | None = None      # nearest evidence to the moment in question
    distance_km: float | None = None     # evidence to the place in question
    limit_km: float | None = None        # the distance that counts as "at the place"
    coverage: float | None = None        # share of the time in question the records cover (0-1)
    independent: int | None = None       # independent sources it rests on (claims only)
    mismatch: bool = False               # the verdict says the records disagree


@dataclass(frozen=True)
class Confidence:
    """A confidence value and the one sentence that says why."""

    value: float
    sentence: str


def _dur(seconds: float) -> str:
    s = abs(seconds)
    if s >= 2 * 86400:
        return f"{s / 86400:.0f} days"
    if s >= 3600:
        return f"{s / 3600:.1f} h"
    if s >= 60:
        return f"{s / 60:.0f} min"
    return f"{s:.0f} s"


def _density(points: int) -> tuple[float, str | None]:
    if points >= 10:
        return 1.0, None
    if points >= 3:
        return 0.95, f"only {points} observations"
    if points >= 1:
        return 0.85, f"only {points} observation{'s' if points > 1 else ''}"
    return 0.7, "no observation at the time"


def _nearness(gap: float) -> tuple[float, str | None]:
    if gap <= 15 * 60:
        return 1.0, None
    if gap <= 2 * 3600:
        return 0.9, f"the nearest evidence {_dur(gap)} away"
    if gap <= 12 * 3600:
        return 0.8, f"the nearest evidence {_dur(gap)} away"
    return 0.7, f"the nearest evidence {_dur(gap)} away"


def _distance(d: float, limit: float, mismatch: bool) -> tuple[float, str | None]:
    ratio = d / limit if limit > 0 else 0.0
    if mismatch:
        if ratio >= 10:
            return 1.0, None
        if ratio >= 2:
            return 0.9, f"{d:.1f} km away, not far beyond the {limit:g} km limit"
        return 0.75, f"{d:.1f} km away, just beyond the {limit:g} km limit"
    if ratio <= 0.25:
        return 1.0, None
    if ratio <= 1:
        return 0.9, f"{d:.1f} km from the place ({limit:g} km counts as there)"
    return 0.8, f"{d:.1f} km from the place, beyond the {limit:g} km limit"


def _coverage(share: float) -> tuple[float, str | None]:
    share = min(max(share, 0.0), 1.0)
    if share >= 0.999:
        return 1.0, None
    return 0.6 + 0.4 * share, f"records cover only {share:.0%} of the time"


def _label(value: float) -> str:
    if value >= 0.75:
        return "high"
    if value >= 0.5:
        return "moderate"
    if value >= 0.3:
        return "low"
    return "very low"


def assess(verdict: str, f: Factors) -> Confidence:
    """The confidence of a verdict from its factors, with one sentence naming each that counted."""
    value = BASE[f.evidence]
    lowered: list[str] = []
    raised: list[str] = []
    steps: list[tuple[float, str | None]] = []
    if f.points is not None:
        steps.append(_density(f.points))
        if f.points >= 10:
            raised.append(f"{f.points} observations")
    if f.time_gap_s is not None:
        steps.append(_nearness(f.time_gap_s))
        if f.time_gap_s <= 15 * 60:
            raised.append(f"the nearest {_dur(f.time_gap_s)} from the time")
    if f.distance_km is not None and f.limit_km is not None:
        steps.append(_distance(f.distance_km, f.limit_km, f.mismatch))
    if f.coverage is not None:
        steps.append(_coverage(f.coverage))
    for factor, why in steps:
        value *= factor
        if why:
            lowered.append(why)
    if f.independent is not None:
        if f.independent <= 0:
            value = min(value, NOT_INDEPENDENT_CAP)
            lowered.append("no source independent of the claim's own")
        elif f.independent == 1:
            value *= 0.95
            raised.append("1 independent source")
        else:
            raised.append(f"{f.independent} independent sources")
    if verdict == "undetermined" and value > UNDETERMINED_CAP:
        value = UNDETERMINED_CAP
        lowered.append("the records cannot settle it")
    value = round(value, 2)
    sentence = f"Confidence {value:.2f} ({_label(value)}): rests on {WHAT[f.evidence]}"
    if raised:
        sentence += ", " + ", ".join(raised)
    if lowered:
        sentence += "; lowered by " + ", ".join(lowered)
    return Confidence(value, sentence + ".")


def stated(value: float, why: str) -> Confidence:
    """A fixed confidence from a rule that has no factors to weigh, with its reason as written."""
    v = round(float(value), 3)
    return Confidence(v, f"Confidence {v:.2f} ({_label(v)}): {why.rstrip('.')}.")
