"""An aircraft as people name it, one wording everywhere (window, map, report, CLI): the callsigns or
flight numbers it flew as, then its registration, ICAO 24-bit address and type
("SPAR19 · 09-0540 ae503d B737"; with no callsign "RA-82010 15d3a1 A124")."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

UNKNOWN = "aircraft of unknown identity"


class Named(Protocol):
    """What naming needs of an aircraft (casefile.model.flights.Aircraft has it)."""

    @property
    def registration(self) -> str | None: ...
    @property
    def icao24(self) -> str | None: ...
    @property
    def type_code(self) -> str | None: ...
    @property
    def label(self) -> str: ...


def aircraft_name(a: Named, calls: Sequence[str] = ()) -> str:
    """Callsigns (at most three, "+N" for the rest) · registration, hex and type, as far as known."""
    ref = " ".join(x for x in (a.registration, a.icao24, a.type_code) if x) or a.label or UNKNOWN
    if not calls:
        return ref
    shown = ", ".join(calls[:3]) + (f" +{len(calls) - 3}" if len(calls) > 3 else "")
    return f"{shown} · {ref}"
