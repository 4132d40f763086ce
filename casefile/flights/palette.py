"""One colour per aircraft, the same in the window and the PDF (Qt-free).

The colour follows from the aircraft's own identity (ICAO hex, else registration, else its label),
never from its place in a list. Within one case no two aircraft share a colour while the palette
has a free one (`case_colors`): each takes its own colour when it is free, else the next free one,
aircraft taken in the order of their identities, so the window and the PDF (which both ask for the
case's whole fleet) always agree. Adding an aircraft repaints another only when their colours clash.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable

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


def _slot(key: str) -> int:
    digest = hashlib.sha256(key.encode("utf-8")).digest()
    return int.from_bytes(digest[:4], "big") % len(PALETTE)


def color_for(reference: str | None) -> str:
    """The hex colour of one aircraft reference (a hex address, registration or label) on its own."""
    key = _key(reference or "")
    if not key:
        return UNKNOWN
    return PALETTE[_slot(key)]


def identity(icao24: str | None = None, registration: str | None = None, label: str | None = None) -> str:
    """The reference a colour is keyed on: the ICAO hex (any spelling), else the registration,
    else the label."""
    hexa = normalise_hex(icao24) if icao24 else None
    return hexa or next((str(v) for v in (icao24, registration, label) if v and _key(str(v))), "")


def aircraft_color(aircraft: Aircraft) -> str:
    """The colour of this aircraft in every map and chart."""
    return color_for(identity(aircraft.icao24, aircraft.registration, aircraft.label or aircraft.id))


def case_colors(fleet: Iterable[Aircraft]) -> dict[str, str]:
    """Aircraft id -> colour for a whole case's fleet, no two alike while the palette lasts."""
    keyed = sorted((_key(identity(a.icao24, a.registration, a.label or a.id)), a.id) for a in fleet)
    taken: set[int] = set()
    out: dict[str, str] = {}
    for key, aid in keyed:
        if not key:
            out[aid] = UNKNOWN
            continue
        slot = _slot(key)
        if len(taken) < len(PALETTE):
            while slot in taken:
                slot = (slot + 1) % len(PALETTE)
        taken.add(slot)
        out[aid] = PALETTE[slot]
    return out
