"""The state model's words and the rules that need no arrays (what a coverage gap allows).

Kept apart from casefile.flights.state (which works on whole tracks with numpy) so that answering
one question (`where` at one instant, from the where index) loads no numpy; state.py re-exports
every name here, so the model still has one home to read.
"""

from __future__ import annotations

from casefile.geo import KM_PER_NM

# the states, as the core names them (what a person reads is worded by each caller)
GROUND = "ground"
AIRBORNE = "airborne"
AIRBORNE_NO_POSITION = "airborne-position-unknown"   # in a coverage gap no stop fits in
PROBABLY_STOPPED = "probably-stopped"                # in a gap with a stop possible
UNKNOWN = "unknown"

#: no position for longer than this: a coverage gap (where the aircraft was inside is unknown)
GAP_S = 600.0
#: a field (airport) this close to a point gives the ground's height there
FIELD_KM = 5.0
#: a stop in a gap needs the descent, a stop and the climb, and the distance covered at no more
#: than this speed ...
STOP_FAST_KT = 600.0
#: ... climbing and descending at this rate ...
STOP_VRATE_FPM = 3000.0
#: ... and on the ground for at least this long
STOP_MIN_S = 120.0
#: a hole entered descending and left climbing, both at most this high (ft) above the field near
#: them (above sea level with none near), with time for a stop: a landing and a take-off out of
#: sight (casefile.flights.legs.low_stop)
LOW_STOP_FT = 1500.0
#: climbing at least this fast (ft/min) low near a field, just out of a hole: a take-off's climb
TAKEOFF_CLIMB_FPM = 500.0

#: why a point's state is the source's own flag, and why it cannot be decided at all
WHY_FLAG = "the source's on-ground flag"
WHY_UNKNOWN = "no flag, speed or altitude to decide"


def stop_possible(dt: float, km: float, agl_before_ft: float | None,
                  agl_after_ft: float | None) -> bool:
    """Whether an aircraft airborne on both sides of a gap could have landed and taken off again
    inside it: descending, stopping, climbing and covering the distance, at generous rates."""
    return dt >= needed_for_stop(km, agl_before_ft, agl_after_ft)


def needed_for_stop(km: float, agl_before_ft: float | None, agl_after_ft: float | None) -> float:
    """The least time (s) a stop in a gap would take (see stop_possible)."""
    return (max(agl_before_ft or 0.0, 0.0) / STOP_VRATE_FPM * 60.0 + STOP_MIN_S
            + max(agl_after_ft or 0.0, 0.0) / STOP_VRATE_FPM * 60.0
            + km / KM_PER_NM / STOP_FAST_KT * 3600.0)
