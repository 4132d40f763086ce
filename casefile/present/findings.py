"""Each kind of cross-reference finding as people read it, in one place: its title (the window's
tables, the CLI), what it checked (the report's claim sections), the inputs it records (each with a
label), and whether it is recomputed when one photo changes. A new kind is added here only; the
test in tests/present/test_findings_wording.py fails when the engine makes a kind not declared here
or records an input without a label."""

from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True)
class Kind:
    """How one kind of finding is worded."""

    title: str                      # "photo vs. flight track"
    checked: str                    # the report: "what was checked" for a claim
    inputs: tuple[str, ...]         # the top-level keys of its inputs (each has a label in LABELS)
    per_photo: bool = False         # recomputed when one photo changes (incremental cross-reference)


_NOTE = ("confidence_note",)

KINDS: dict[str, Kind] = {
    "photo-aircraft": Kind(
        "photo vs. flight track", "the aircraft's track at the photo's time and place",
        ("photo", "aircraft", "near_km", "nearest_observation", "track_spans", "events_near",
         "low_points_near", "window_utc", "place", "zone_readings", "reachability", *_NOTE),
        per_photo=True),
    "sun-position": Kind(
        "sun position vs. light in the photo", "the sun's position at the photo's time and place",
        ("photo", "place", "sun_at_centre", "elevation_range_deg", "light_hint", "thresholds", *_NOTE),
        per_photo=True),
    "claim-flights": Kind(
        "claim vs. flight records",
        "the flight records (take-offs, landings and positions at the claimed place)",
        ("claim", "aircraft_checked", "aircraft_named", "unresolved_refs", "matches", "reported_matches",
         "near_misses", "no_data_s", "independent_records", "own_source_records", "tolerances",
         "elsewhere", "reachability", "reference_data", *_NOTE)),
    "photo-duplicates": Kind(
        "same picture elsewhere", "near-identical photos and which appeared first",
        ("order", "max_bits", "pairs", *_NOTE), per_photo=True),
    "photo-claim": Kind(
        "photo vs. the claim it supports",
        "the supporting photo's capture time and place against the claim's",
        ("photo", "claim", "gap_s", "distance_km", "independent_records", "own_source_records", *_NOTE),
        per_photo=True),
    "photo-against-claim": Kind(
        "photo linked against the claim",
        "the contradicting photo's own capture time and place against the claim's, at the "
        "aircraft's fastest ground speed",
        ("photo", "claim", "positions", "gap_s", "distance_km", "max_kt", "need_kt", *_NOTE),
        per_photo=True),
    "photo-place-vs-gps": Kind(
        "analyst's place vs. the file's GPS",
        "the analyst's place for the photo against the file's own GPS",
        ("analyst_place", "file_gps", "distance_km", "limit_km", *_NOTE), per_photo=True),
    "photo-zone": Kind(
        "offset tag vs. the zone at the photo's GPS position",
        "the photo's offset tag against the zone at its own GPS position on that date",
        ("photo", "offset_tag", "zone_at_position", "zone_offset", "tag_utc", "zone_utc", "gps_utc",
         "settled_by_gps", "reference_data", *_NOTE), per_photo=True),
    "time-photo-after-source": Kind(
        "capture time vs. publication",
        "the photo's capture time against its source's publication",
        ("photo", "source", "gap_s", *_NOTE), per_photo=True),
    "time-claim-after-source": Kind(
        "claim vs. publication time", "the claim's date against its source's publication",
        ("claim", "source", *_NOTE)),
    "time-source-vs-capture": Kind(
        "publication vs. collection time", "the source's dates against the capture time",
        ("source", *_NOTE)),
}

#: Kinds recomputed when one photo changes; claim and source findings are left alone.
PHOTO_KINDS: tuple[str, ...] = tuple(k for k, v in KINDS.items() if v.per_photo)

#: Input keys (at any depth) as a reader's label; units are shown with the value.
LABELS: dict[str, str] = {
    "photo": "Photo", "claim": "Claim", "source": "Source", "aircraft": "Aircraft",
    "capture": "capture", "window_utc": "time window", "place": "place", "track_spans": "track",
    "near_km": "counts as near within", "nearest_observation": "nearest track point",
    "events_near": "take-offs and landings nearby", "low_points_near": "low track points nearby",
    "published": "published", "collected_at": "collected", "window_start": "from", "window_end": "to",
    "aircraft_checked": "aircraft checked", "aircraft_named": "aircraft the claim names",
    "unresolved_refs": "aircraft not found in the case",
    "matches": "matching flight events", "reported_matches": "matching reported flights",
    "near_misses": "near misses", "no_data_s": "time without track data",
    "independent_records": "independent records", "own_source_records": "records from the claim's own source",
    "order": "order of appearance", "max_bits": "most hash bits apart", "pairs": "matching pairs",
    "phash_bits": "pHash bits apart", "dhash_bits": "dHash bits apart",
    "sun_at_centre": "sun at the photo time", "elevation_range_deg": "sun elevation over the window",
    "light_hint": "light in the photo", "thresholds": "thresholds", "night_below_deg": "night below",
    "day_above_deg": "day above", "daylight_ev": "daylight from exposure value",
    "dark_ev": "dark up to exposure value", "seconds_from_photo_centre": "from the photo time",
    "alt_ft": "altitude", "ground": "on the ground", "distance_km": "distance", "t": "time",
    "time_utc": "time", "airport_icao": "airport", "aircraft_elsewhere": "aircraft elsewhere",
    "aircraft_no_data": "aircraft without track data", "aircraft_ref": "aircraft reference",
    "earliest_utc": "earliest", "capture_utc": "capture", "tagged": "tagged on the photo",
    "on_ground_from": "on the ground from", "observed_low_near_place": "low track points near the place",
    "azimuth_deg": "azimuth", "elevation_deg": "elevation", "raw": "as found", "basis": "time basis",
    "uncertainty_s": "uncertainty", "item_id": "item", "aircraft_id": "aircraft", "source_id": "source",
    "a": "photo", "b": "same as", "icao": "airport", "ref": "reference",
    "gap_s": "time between them", "limit_km": "counts as different beyond",
    "analyst_place": "analyst's place", "file_gps": "the file's GPS",
    "confidence_note": "confidence", "hours_outside_window": "hours outside the window",
    "zone_readings": "two readings of the photo's time", "tolerances": "tolerances",
    "elsewhere": "take-offs and landings elsewhere in the claimed time",
    "reachability": "where the aircraft could have been", "reference_data": "reference data",
    "offset_tag": "offset tag", "zone_at_position": "zone at its GPS position",
    "zone_offset": "that zone's offset", "tag_utc": "read with the tag",
    "zone_utc": "read in the zone of its position", "gps_utc": "GPS time stamp",
    "settled_by_gps": "settled by the GPS clock", "precision_s": "stated precision",
    "zone_band": "no zone: every zone on Earth", "report_tolerance_s": "reporting tolerance",
    "near_factor": "undetermined within this many times the tolerance",
    "minutes_outside": "minutes outside the window", "near": "near miss",
    "probable": "probable (not observed)", "probably": "probably", "need_kt": "speed it would need",
    "max_kt": "fastest ground speed", "reachable": "reachable", "field": "field used",
    "verdict_with_tag": "verdict with the offset tag",
    "verdict_with_zone": "verdict in the zone of its position",
    "positions": "positions checked", "position": "position",
}


def title(kind: str) -> str:
    """'photo vs. flight track' for 'photo-aircraft'; an unknown kind in words."""
    k = KINDS.get(kind)
    return k.title if k else kind.replace("-", " ")


def checked(kind: str) -> str:
    """What a finding of this kind checked, for the report's claim sections."""
    k = KINDS.get(kind)
    return k.checked if k else kind.replace("-", " ")


def label(key: str) -> str:
    """An input key as a reader's label ("distance_km" -> "distance")."""
    if key in LABELS:
        return LABELS[key]
    return re.sub(r"_(km|s|deg|ft|utc)$", "", key).replace("_", " ")
