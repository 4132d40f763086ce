"""Engine inputs built in the test, so each test shows the situation it checks."""

from __future__ import annotations

from datetime import UTC, datetime

from casefile.timeutil import TimeValue, iso_z
from casefile.xref.model import AircraftIn, CaseInputs, EndIn, GapIn, LegIn, PhotoIn, Place

SVMI = (10.60312, -66.99059)      # Caracas Maiquetía
UUMU = (55.8783, 38.0617)         # Chkalovsky


def t(text: str) -> float:
    """'2019-03-23 11:00' (UTC) as epoch seconds."""
    return datetime.fromisoformat(text).replace(tzinfo=UTC).timestamp()


def utc_tv(text: str, unc: float = 0.0, basis: str = "exif-offset") -> TimeValue:
    dt = datetime.fromisoformat(text).replace(tzinfo=UTC)
    return TimeValue(raw=text, utc=iso_z(dt), basis=basis, uncertainty_s=unc)


def unknown_tv(local: str) -> TimeValue:
    return TimeValue(raw=local, utc=None, basis="unknown", local=datetime.fromisoformat(local).isoformat())


def photo(item_id: str, tv: TimeValue | None, place: tuple[float, float] | None = SVMI,
          tags: tuple[str, ...] = (), phash: str | None = None) -> PhotoIn:
    return PhotoIn(item_id, tv, Place(*place, "exif") if place else None, phash=phash,
                   aircraft_tags=tags)


def fleet_inputs() -> CaseInputs:
    """RA-82035 (An-124): UUMU -> SVMI landing 23 Mar 10:00 UTC, on the ground until 12:00, then
    SVMI -> UUMU until 23:00 with a coverage gap 13:00-15:00."""
    a = AircraftIn("AC1", ("RA-82035", "A124", "154a81"), "RA-82035 (A124)")
    legs = [
        LegIn("L1", "AC1", "ITEM-TRACK", EndIn(t("2019-03-22 20:00"), "UUMU"),
              EndIn(t("2019-03-23 10:00"), "SVMI")),
        LegIn("L2", "AC1", "ITEM-TRACK", EndIn(t("2019-03-23 12:00"), "SVMI"),
              EndIn(t("2019-03-23 23:00"), "UUMU")),
    ]
    gaps = [GapIn("AC1", t("2019-03-23 13:00"), t("2019-03-23 15:00"), "no ADS-B over the Atlantic",
                  "ITEM-TRACK")]
    return CaseInputs(aircraft=[a], legs=legs, gaps=gaps)
