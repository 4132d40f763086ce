"""GPS checks: a position that is impossible or a placeholder, or a GPS block with the position removed."""

from __future__ import annotations

from casefile.checks.base import CheckInput, finding
from casefile.model.findings import CheckFinding


def gps_bogus_or_stripped(inp: CheckInput) -> list[CheckFinding]:
    g = inp.meta.gps
    if not g.present or not g.problem:
        return []
    stripped = "no latitude or longitude" in g.problem
    if stripped:
        return [finding(inp, "gps-stripped", "notice", "GPS block without a position",
                        "The file has a GPS section but no latitude or longitude in it, so a "
                        "position was removed or never recorded.",
                        "Phones and cameras write an empty GPS section when they had no satellite "
                        "fix, and privacy settings remove only the coordinates.",
                        problem=g.problem, gps_tags=g.raw)]
    return [finding(inp, "gps-bogus", "warning", "GPS position rejected",
                    f"The GPS values cannot be a real position ({g.problem}), so Casefile does not "
                    "show them on the map.",
                    "Faulty firmware or software that wrote the tags badly can produce such values "
                    "without anyone intending to mislead.",
                    problem=g.problem, gps_tags=g.raw)]


CHECKS = (gps_bogus_or_stripped,)
