"""Aircraft references: which aircraft a registration, ICAO hex, callsign or type names (one rule).

Everything an analyst may type for an aircraft (a CLI argument, a photo's aircraft tag, a claim's
aircraft) is matched here, so the CLI, the cross-reference and the GUI agree on what "RA-82010",
"15d3b7", "0x15D3B7" or "A124" mean. References compare without case, spaces or dashes.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from casefile.errors import NotFound, UnknownReference
from casefile.model.flights import Aircraft
from casefile.present.aircraft import aircraft_name
from casefile.reference.airlines import flight_number_forms
from casefile.reference.icao24 import normalise_hex
from casefile.store.resolve import Named, closest

#: How a reference names an aircraft, most specific first (`find_one` tries the first two tiers).
IDENTITY = ("id", "registration", "icao24")
RECORDED = ("label", "callsign")
TYPE = ("type",)


def norm_ref(ref: str) -> str:
    """A reference as compared: upper case, letters and digits only ("RA-82010" -> "RA82010")."""
    return "".join(ch for ch in ref.upper() if ch.isalnum())


def ref_forms(ref: str) -> set[str]:
    """The keys a typed reference may match (a hex also in its canonical six-digit form, a
    flight number also in its other airline designator: DL2927 <-> DAL2927)."""
    out = {norm_ref(ref)}
    hexa = normalise_hex(ref)
    if hexa:
        out.add(hexa.upper())
    out |= flight_number_forms(ref)
    out.discard("")
    return out


def aircraft_keys(a: Aircraft, callsigns: Iterable[str] = ()) -> dict[str, str]:
    """Every reference that names this aircraft: normalised key -> what it is (see IDENTITY...)."""
    keys: dict[str, str] = {}
    named: list[tuple[str, Iterable[str | None]]] = [
        ("type", [a.type_code]), ("callsign", callsigns), ("label", [a.label]),
        ("icao24", [a.icao24]), ("registration", [a.registration]), ("id", [a.id])]
    for kind, values in named:           # later (more specific) kinds win a shared key
        for v in values:
            if v:
                keys[norm_ref(str(v))] = kind
    return keys


def references(a: Aircraft) -> tuple[str, ...]:
    """The references an analyst would use for an aircraft, as written (registration, hex, type)."""
    return tuple(str(r) for r in (a.registration, a.icao24, a.type_code) if r)


@dataclass
class RefIndex:
    """Aircraft ids by normalised reference key, each key marked with what it is (a kind)."""

    _by_key: dict[str, list[tuple[str, str]]] = field(default_factory=dict)

    def add(self, aircraft_id: str, keys: Mapping[str, str]) -> None:
        """Index an aircraft under keys (normalised reference -> kind, as aircraft_keys gives);
        an empty key (a reference with no letter or digit) names nothing."""
        for key, kind in keys.items():
            if key:
                self._by_key.setdefault(key, []).append((kind, aircraft_id))

    def matches(self, ref: str, kinds: Iterable[str] | None = None) -> list[str]:
        """Ids of every aircraft the reference names (a type names them all), sorted."""
        wanted = set(kinds) if kinds is not None else None
        found = {aid for key in ref_forms(ref) for kind, aid in self._by_key.get(key, [])
                 if wanted is None or kind in wanted}
        return sorted(found)


@dataclass
class AircraftRefs(RefIndex):
    """Aircraft by every reference that names them, for resolving what an analyst typed."""

    aircraft: dict[str, Aircraft] = field(default_factory=dict)

    @classmethod
    def build(cls, fleet: Iterable[tuple[Aircraft, Iterable[str]]]) -> AircraftRefs:
        """From (aircraft, callsigns it was recorded with) pairs."""
        out = cls()
        for a, callsigns in fleet:
            out.aircraft[a.id] = a
            out.add(a.id, aircraft_keys(a, callsigns))
        return out

    def find_one(self, ref: str) -> Aircraft:
        """The one airframe a reference names: identity first, then the names it was recorded with.

        A type ("IL62") never picks an airframe here, even when the case has only one of that
        type: that is an inference for the analyst to make, not a lookup.
        """
        for tier in (IDENTITY, RECORDED):
            ids = self.matches(ref, tier)
            if len(ids) == 1:
                return self.aircraft[ids[0]]
            if len(ids) > 1:
                names = ", ".join(aircraft_name(self.aircraft[i]) for i in ids[:5])
                raise NotFound(f"{ref!r} matches {len(ids)} aircraft ({names}); give its hex or "
                               "registration")
        recs = [Named(a.id, "A", None, aircraft_name(a),
                      tuple(x for x in (a.registration, a.icao24, a.label) if x))
                for a in self.aircraft.values()]
        near = closest(recs, ref)         # the one resolver's did-you-mean
        hint = (f"; did you mean {', '.join(r.name for r in near)}?" if near else
                f"; the case has {', '.join(r.name for r in recs[:6])}" if recs else
                "; the case has no flight records yet (casefile add CASE FILE imports them)")
        raise UnknownReference(f"no aircraft {ref!r} in this case (give a registration, ICAO hex "
                               f"or id){hint}", [r.name for r in near])
