"""The area an aircraft can have reached inside a gap in its track, as a shape to draw.

Between its last position before a gap (A, at t_a) and its first after it (B, at t_b), the
aircraft was somewhere it could reach from A and still get to B in time: every point X with
d(A, X) + d(X, B) ≤ v · (t_b − t_a), v its type's fastest ground speed (xref.reach). On a sphere
that is an ellipse-like region with A and B as foci; this traces its outline bearing by bearing
from A (along each bearing the sum grows with the distance, so the edge is found by bisection).
The same bound decides reachability in the findings; this only draws it.
"""

from __future__ import annotations

from dataclasses import dataclass

from casefile.geo import KM_PER_NM, destination, distance_km

#: outline points (one per this many degrees of bearing from A)
STEP_DEG = 5


@dataclass(frozen=True)
class GapArea:
    """The outline (lat, lon) of where the aircraft can have been during a gap, and its terms."""

    outline: list[tuple[float, float]]
    budget_km: float          # v · Δt: the longest path it could fly in the gap
    direct_km: float          # A to B in a straight line
    max_kt: float
    basis: str

    def words(self) -> str:
        if not self.outline:
            return (f"the two positions are {self.direct_km:,.0f} km apart, farther than "
                    f"{self.budget_km:,.0f} km at {self.max_kt:.0f} kt: one of them is wrong")
        return (f"anywhere in the shaded area, where a path of at most {self.budget_km:,.0f} km "
                f"({self.max_kt:.0f} kt, its type's fastest ground speed) joins the positions "
                f"either side — reachable, not shown")


def gap_area(a: tuple[float, float], b: tuple[float, float], dt_s: float, max_kt: float,
             basis: str = "") -> GapArea:
    """Where an aircraft seen at a (lat, lon) and, dt_s later, at b can have been in between."""
    budget = max_kt * KM_PER_NM * max(dt_s, 0.0) / 3600.0
    direct = distance_km(a[0], a[1], b[0], b[1])
    if budget < direct:
        return GapArea([], budget, direct, max_kt, basis)
    budget = min(budget, 19_000.0)      # beyond that, nearly the whole Earth
    out = []
    for k in range(0, 360, STEP_DEG):
        lo, hi = 0.0, budget
        for _ in range(25):
            mid = (lo + hi) / 2
            x = destination(a[0], a[1], float(k), mid)
            if mid + distance_km(x[0], x[1], b[0], b[1]) <= budget:
                lo = mid
            else:
                hi = mid
        out.append(destination(a[0], a[1], float(k), lo))
    return GapArea(out, budget, direct, max_kt, basis)
