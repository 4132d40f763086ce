"""Where a position came from and how good it is: the point's `src` as its reader stored it.

`src` is the source's own word for how the position was found (readsb `type`: adsb_icao, mlat,
tisb_icao, adsr_icao, adsc, mode_s, other...; OpenSky REST `position_source`: adsb, asterix,
mlat, flarm; `estimated` for a tracker's own interpolation), followed, when the source states
it, by ";nacp=N" (ADS-B navigation accuracy category for position, DO-260B) and ";nic=N".

The state model reads it here, in one place:
- ADS-B with a stated NACp: the 95% bound of that category (NACP_EPU_M); without one, ADS_B_M.
- MLAT, TIS-B, ADS-R/ADS-C and radar (ASTERIX) (COMPUTED): positions the aircraft did not report itself,
  computed from receivers or radar: WEAK_M; a NACp of WEAK_NACP or lower is weak too. Weak
  positions are kept and shown with their wider uncertainty; alone they do not make a spoofed
  path win over reported ones (casefile.flights.quality) or an observed take-off or landing
  (casefile.flights.legs).
- `estimated`: the tracker's interpolation, never an observation (`where` says so).
- Any other word (a reader's format name: fr24, gpx, opensky): the file does not say; nothing
  is assumed.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

#: NACp -> 95% bound of the horizontal position error (m), DO-260B table (0: unknown)
NACP_EPU_M = {11: 3.0, 10: 10.0, 9: 30.0, 8: 92.6, 7: 185.2, 6: 555.6, 5: 926.0, 4: 1852.0,
              3: 3704.0, 2: 7408.0, 1: 18520.0}
#: ADS-B with no stated accuracy: a GNSS position, taken as good to this (m)
ADS_B_M = 100.0
#: a computed position (MLAT, TIS-B, radar): taken as good to this (m) at best
WEAK_M = 1000.0
#: an ADS-B position of this NACp or lower (0.5 NM or worse) is weak
WEAK_NACP = 5
#: sources whose positions the aircraft reported itself (GNSS via ADS-B, FLARM)
REPORTED = ("adsb", "adsb_icao", "adsb_icao_nt", "adsb_other", "flarm", "uat")
#: sources whose positions were computed or relayed, not reported by the aircraft (readsb's
#: tisb_icao, tisb_trackfile, adsr_icao...: the word before "_" decides)
COMPUTED = ("mlat", "tisb", "adsr", "adsc", "asterix", "mode", "other", "unknown")
ESTIMATED = "estimated"
#: how a person reads each kind
WORDS = {"mlat": "multilateration (MLAT)", "tisb": "TIS-B (radar traffic rebroadcast)",
         "adsr": "ADS-R (rebroadcast)", "adsc": "ADS-C (satellite contract)",
         "asterix": "radar (ASTERIX)", "mode_s": "Mode S without position",
         "other": "an unnamed source", ESTIMATED: "estimated by the tracker"}


@dataclass(frozen=True)
class Quality:
    """One position's source and quality."""

    source: str | None          # the source's word, as stored (None: the file does not say)
    nacp: int | None
    uncertainty_m: float | None  # None: not known (the file does not say)
    weak: bool                   # computed, rebroadcast or poor: not enough alone
    estimated: bool              # the tracker's own interpolation: never observed

    def words(self) -> str:
        """How the position was found, for a person ("" when the file does not say)."""
        if self.source is None:
            return ""
        base = self.source.split("_")[0]
        what = WORDS.get(self.source) or WORDS.get(base) or (
            "ADS-B" if self.source in REPORTED else self.source)
        if self.uncertainty_m is not None and not self.estimated:
            what += f", uncertain to about {self.uncertainty_m:,.0f} m"
        return what


@lru_cache(maxsize=256)
def of(src: str | None) -> Quality:
    """The quality of a position from its stored `src` (see module doc)."""
    if not src:
        return Quality(None, None, None, False, False)
    kind, *rest = src.split(";")
    tags = dict(x.split("=", 1) for x in rest if "=" in x)
    nacp = int(tags["nacp"]) if tags.get("nacp", "").isdigit() else None
    if kind == ESTIMATED:
        return Quality(kind, None, None, True, True)
    if kind in REPORTED:
        unc = NACP_EPU_M.get(nacp, WEAK_M * 10) if nacp is not None else ADS_B_M
        return Quality(kind, nacp, unc, nacp is not None and nacp <= WEAK_NACP, False)
    if kind.split("_")[0] in COMPUTED:
        return Quality(kind, nacp, max(WEAK_M, NACP_EPU_M.get(nacp or 0, 0.0)), True, False)
    return Quality(kind, nacp, None, False, False)   # a format's name (fr24, gpx): not stated


def with_accuracy(src: str | None, nacp: object, nic: object = None) -> str | None:
    """A reader's `src` with the accuracy the source states appended (";nacp=N;nic=N")."""
    out = src
    for name, v in (("nacp", nacp), ("nic", nic)):
        if type(v) is int and out is not None:
            out += f";{name}={v}"
    return out
