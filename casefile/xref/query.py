"""The cross-reference part's public API (for ui, report and cli): run, update, read, timeline."""

from __future__ import annotations

from collections.abc import Iterable

from casefile.model.findings import Finding
from casefile.reference import places
from casefile.store import Case
from casefile.timeutil import APPROX_S
from casefile.xref import chronology, trackindex
from casefile.xref import claim_match as claim_match_rules
from casefile.xref import claims as claim_rules
from casefile.xref import duplicates as duplicate_rules
from casefile.xref import inputs as input_rules
from casefile.xref import photo_claims as photo_claim_rules
from casefile.xref import photo_track as photo_track_rules
from casefile.xref import reach as reach_rules
from casefile.xref import sun as sun_rules
from casefile.xref.chronology import LANES, TimelineEvent
from casefile.xref.claim_methods import claim_methods as claim_methods  # re-exported
from casefile.xref.findings import ENGINE_VERSION
from casefile.xref.inputs import gather
from casefile.xref.prism import GapArea
from casefile.xref.prism import gap_area as prism_area
from casefile.xref.session import XrefRun, XrefSession, count_findings, findings, last_run
from casefile.xref.verdict import ClaimVerdict as ClaimVerdict  # re-exported: the public API
from casefile.xref.verdict import claim_verdict as claim_verdict


def run_xref(case: Case) -> list[Finding]:
    """Recompute every finding of the case from its current records, store them, return them."""
    return XrefSession(case).run()


def update_xref(case: Case, item_ids: Iterable[str]) -> list[Finding]:
    """Re-evaluate only what involves these photos (changed, added or removed); returns their findings."""
    return XrefSession(case).update_photos(item_ids)


def update_claims(case: Case, item_ids: Iterable[str] = ()) -> list[Finding]:
    """Re-evaluate claims and sources and the photos they reach (plus these); returns those findings."""
    return XrefSession(case).update_claims(item_ids)


def gap_area(a: tuple[float, float], b: tuple[float, float], dt_s: float,
             type_code: str | None) -> GapArea:
    """Where an aircraft of this type, seen at a (lat, lon) and dt_s later at b, can have been
    in between (the map shades it; the findings use the same bound)."""
    from casefile.reference.aircraft_types import designator

    kt, basis = reach_rules.max_ground_speed(designator(type_code) if type_code else None)
    return prism_area(a, b, dt_s, kt, basis)


def timeline(case: Case, tz: str | None = None) -> list[TimelineEvent]:
    """Every dated thing in the case, shown in UTC (None), a zone, or "local" (each place's zone)."""
    return chronology.display(chronology.events(gather(case)), tz)


__all__ = ["GapArea", "LANES", "TimelineEvent", "XrefRun", "XrefSession", "count_findings", "findings",
           "gap_area", "last_run", "run_xref", "timeline", "update_claims", "update_xref", "THRESHOLDS"]

#: The settings behind the findings, named by the module that holds them (the report lists them
#: under Methods).
THRESHOLDS: dict[str, float | int | str] = {
    "xref.claims.NEAR_KM": claim_rules.NEAR_KM,
    "xref.claims.NEAR_MISS_H": claim_rules.NEAR_MISS_H,
    "xref.claim_match.REPORT_TOL_S": claim_match_rules.REPORT_TOL_S,
    "xref.claim_match.NEAR_FACTOR": claim_match_rules.NEAR_FACTOR,
    "timeutil.APPROX_S": APPROX_S,
    "reference.places.AIRPORT_UNNAMED_KM": places.AIRPORT_UNNAMED_KM,
    "reference.places.TERRITORIAL_KM": places.TERRITORIAL_KM,
    "reference.places.CITY_AIRPORT_MAX_KM": places.CITY_AIRPORT_MAX_KM,
    "xref.reach.MAX_POINTS": reach_rules.MAX_POINTS,
    "xref.photo_claims.CLAIM_SLACK_H": photo_claim_rules.CLAIM_SLACK_H,
    "xref.photo_claims.OLDER_H": photo_claim_rules.OLDER_H,
    "xref.photo_claims.PLACE_DIFF_KM": photo_claim_rules.PLACE_DIFF_KM,
    "xref.photo_claims.PHOTO_SLACK_KM": photo_claim_rules.PHOTO_SLACK_KM,
    "reference.places.AIRPORT_KM": places.AIRPORT_KM,
    "xref.duplicates.MAX_BITS": duplicate_rules.MAX_BITS,
    "xref.findings.ENGINE_VERSION": ENGINE_VERSION,
    "xref.inputs.PARKED_KM": input_rules.PARKED_KM,
    "xref.photo_track.NEAR_KM": photo_track_rules.NEAR_KM,
    "xref.sun.DARK_EV": sun_rules.DARK_EV,
    "xref.sun.DAYLIGHT_EV": sun_rules.DAYLIGHT_EV,
    "xref.sun.DAY_ELEVATION": sun_rules.DAY_ELEVATION,
    "xref.sun.NIGHT_ELEVATION": sun_rules.NIGHT_ELEVATION,
    "xref.trackindex.LOW_ALT_FT": trackindex.LOW_ALT_FT,
    "xref.trackindex.SAME_PLACE_KM": trackindex.SAME_PLACE_KM,
}
