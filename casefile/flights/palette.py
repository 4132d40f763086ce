"""One colour per aircraft, the same in the window and the PDF (Qt-free).

The colour follows from the aircraft's own identity (ICAO hex, else registration, else its label),
never from its place in a list, so adding a second aircraft never repaints the first.
"""

from __future__ import annotations

import hashlib

from casefile.model.flights import Aircraft
from casefile.reference.icao24 import normalise_hex

#: Distinct colours readable on the light map and on white paper (no pale yellows), and apart
#: from the map's photo magenta (#e6007e) and selection amber (#ffbf00).
PALETTE = (
    "#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#17becf", "#393b79",
    "#637939", "#00796b",
)
UNKNOWN = "#555555"          # an aircraft known by nothing at all


def _key(text: str) -> str:
    """Compare references without case, spaces or dashes ("RA-82010" == "ra82010")."""
    return "".join(ch for ch in text.upper() if ch.isalnum())


def color_for(reference: str | None) -> str:
    """The hex colour of one aircraft reference (a hex address, registration or label)."""
    key = _key(reference or "")
    if not key:
        return UNKNOWN
    digest = hashlib.sha256(key.encode("utf-8")).digest()
    return PALETTE[int.from_bytes(digest[:4], "big") % len(PALETTE)]


def identity(icao24: str | None = None, registration: str | None = None, label: str | None = None) -> str:
    """The reference a colour is keyed on: the ICAO hex (any spelling), else the registration,
    else the label."""
    hexa = normalise_hex(icao24) if icao24 else None
    return hexa or next((str(v) for v in (icao24, registration, label) if v and _key(str(v))), "")


def aircraft_color(aircraft: Aircraft) -> str:
    """The colour of this aircraft in every map and chart."""
    return color_for(identity(aircraft.icao24, aircraft.registration, aircraft.label or aircraft.id))
