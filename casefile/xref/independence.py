"""Independence: which records can corroborate a claim, and which only repeat its own source.

A record's origin is the source it came from: an item's sources are those that published or
captured it (`source_items`), a reported flight's is the source it was typed in from, and an
imported file no source is recorded for stands on its own acquisition (its own origin). Sources
linked by "cites" or "derived from", in either direction and through any chain, are one family:
a claim checked only against records of its own sources' family is "not independently checked".
A reported flight with no source recorded cannot vouch for anything: its origin is unknown.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from casefile.present.labels import record_label
from casefile.xref.model import CaseInputs, ClaimIn, ReportedIn


@dataclass(frozen=True)
class Origin:
    """Where one record came from, as a person reads it."""

    record: str                     # "F1 trace_full_15d3b7.json", "R2 An-124 UUMU-SVMI"
    sources: tuple[str, ...] = ()   # source ids it came from (none: its own acquisition)
    unknown: bool = False           # typed in with no source recorded


class Provenance:
    """Sources, their families (cites / derived from) and the sources of each item."""

    def __init__(self, inputs: CaseInputs) -> None:
        self.sources = {s.id: s for s in inputs.sources}
        self.names = inputs.item_names
        self.of_items: dict[str, set[str]] = {}
        for s in inputs.sources:
            for item in s.item_ids:
                self.of_items.setdefault(item, set()).add(s.id)
        self._parent = {sid: sid for sid in self.sources}
        for s in inputs.sources:
            for other in s.cites:
                if other in self._parent:
                    self._parent[self._root(s.id)] = self._root(other)

    def _root(self, sid: str) -> str:
        while self._parent.get(sid, sid) != sid:
            sid = self._parent[sid]
        return sid

    def family(self, source_ids: Iterable[str]) -> set[str]:
        """The sources, and every source that cites, derives from or is cited by them (any chain)."""
        roots = {self._root(s) for s in source_ids}
        return {s for s in self.sources if self._root(s) in roots} | set(source_ids)

    def source_label(self, sid: str) -> str:
        s = self.sources.get(sid)
        if s is None:
            return "an unknown source"
        return record_label(s.ref, s.title, None, quoted=True, fallback="an untitled source")

    def of_item(self, item_id: str | None) -> Origin:
        if not item_id:
            return Origin("a record with no file", unknown=True)
        return Origin(self.names.get(item_id, "an item"), tuple(sorted(self.of_items.get(item_id, ()))))

    @staticmethod
    def of_reported(r: ReportedIn) -> Origin:
        label = r.label or r.aircraft_ref
        if r.source_id is None:
            return Origin(f"reported flight {label}", unknown=True)
        return Origin(f"reported flight {label}", (r.source_id,))

    def split(self, claim: ClaimIn, origins: Iterable[Origin]) -> tuple[list[Origin], list[Origin]]:
        """(independent of the claim's sources, not independent), each once."""
        own = self.family(claim.source_ids)
        indep: dict[str, Origin] = {}
        dep: dict[str, Origin] = {}
        for o in origins:
            if o.unknown or (o.sources and set(o.sources) <= own):
                dep.setdefault(o.record, o)
            else:
                indep.setdefault(o.record, o)
        return list(indep.values()), list(dep.values())

    def describe(self, o: Origin, claim: ClaimIn | None = None) -> str:
        """"F1 trace_full_15d3b7.json (imported file, no source recorded)" or "... (from S3 'title')"."""
        if o.unknown:
            return f"{o.record} (no source recorded)"
        own = self.family(claim.source_ids) if claim else set()
        outside = [s for s in o.sources if s not in own] or list(o.sources)
        if not outside:
            return f"{o.record} (an imported file with no source recorded)"
        return f"{o.record} (from {', '.join(self.source_label(s) for s in outside)})"

    def claim_sources(self, claim: ClaimIn) -> str:
        """The claim's own sources and their family, named."""
        fam = self.family(claim.source_ids)
        return ", ".join(self.source_label(s) for s in sorted(fam)) or "no recorded source"
