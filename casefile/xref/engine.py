"""The cross-reference engine: plain inputs in, findings out, with per-photo incremental updates."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import replace
from functools import partial

from casefile.model.findings import Finding
from casefile.xref import (
    claims,
    duplicates,
    photo_against,
    photo_claims,
    photo_track,
    photo_zone,
    sanity,
    sun,
)
from casefile.xref.claim_match import Tolerances
from casefile.xref.independence import Provenance
from casefile.xref.model import CaseInputs, ClaimIn, PhotoIn, SourceIn
from casefile.xref.trackindex import FleetIndex

#: What bad input data raises inside a check (a malformed time, a missing value, ...).
BAD_INPUT = (ValueError, TypeError, KeyError, ArithmeticError, AttributeError)


class Engine:
    """Holds the indexes built from the case's inputs; pure: never touches the case."""

    def __init__(self, inputs: CaseInputs) -> None:
        self.inputs = inputs
        self.fleet = FleetIndex(inputs.aircraft, inputs.legs, inputs.gaps, inputs.points)
        self.photos: dict[str, PhotoIn] = {p.item_id: p for p in inputs.photos}
        self.sources_of: dict[str, list[SourceIn]] = {}
        for s in inputs.sources:
            for item in s.item_ids:
                self.sources_of.setdefault(item, []).append(s)
        self.hashes = duplicates.photo_index(inputs.photos)
        self.edges: dict[frozenset[str], int] = {}
        self.provenance = Provenance(inputs)
        #: photo id -> the claims it is linked to as supporting
        self.supported_by: dict[str, list[ClaimIn]] = {}
        #: photo id -> the claims it is linked to as contradicting
        self.against: dict[str, list[ClaimIn]] = {}
        for c in inputs.claims:
            for item in c.supports:
                self.supported_by.setdefault(item, []).append(c)
            for item in c.contradicts:
                self.against.setdefault(item, []).append(c)
        #: One line per record that could not be checked; the others still are.
        self.problems: list[str] = list(inputs.problems)

    def _guarded(self, what: str, fn: Callable[[], list[Finding]]) -> list[Finding]:
        try:
            return fn()
        except BAD_INPUT as exc:
            self.problems.append(f"{what}: could not be cross-referenced: {exc}")
            return []

    # ---- per-photo findings (everything that involves one photo but not another photo) ------
    def photo_findings(self, photo: PhotoIn) -> list[Finding]:
        """Track, sun and time-sanity findings of one photo (none, and a problem noted, if its data
        is unreadable)."""
        return self._guarded(f"photo {photo.item_id}", lambda: self._photo_findings(photo))

    def _photo_findings(self, photo: PhotoIn) -> list[Finding]:
        zr = photo_zone.readings(replace(photo, capture=photo.capture_found)) \
            if photo.capture_found is not None else None
        if zr is not None and zr.settled is None:   # two readings of its time: weigh both
            out = photo_zone.weigh(
                photo_track.photo_findings(photo_zone.reading(photo, zr, "tag"), self.fleet),
                photo_track.photo_findings(photo_zone.reading(photo, zr, "zone"), self.fleet), zr)
        else:
            out = photo_track.photo_findings(photo, self.fleet)
        f = sun.sun_finding(photo)
        if f:
            out.append(f)
        names = self.inputs.item_names
        for s in self.sources_of.get(photo.item_id, []):
            f = photo_claims.photo_vs_source(photo, s, names)
            if f:
                out.append(f)
        if zr is not None:
            out.append(photo_zone.zone_finding(photo, zr, names))
        f = photo_claims.place_vs_gps(photo, names)
        if f:
            out.append(f)
        for c in self.supported_by.get(photo.item_id, []):
            out.append(photo_claims.photo_claim(photo, c, self.provenance))
        for c in self.against.get(photo.item_id, []):
            out.append(photo_against.photo_against(photo, c, names, self.fleet))
        return out

    def claim_findings(self) -> list[Finding]:
        """Claims against flight records, and against the sources that make them."""
        out = []
        src = {s.id: s for s in self.inputs.sources}
        for c in self.inputs.claims:
            out += self._guarded(f"claim {c.id}", partial(self._claim, c, src))
        return out

    def _claim(self, c: ClaimIn, src: dict[str, SourceIn]) -> list[Finding]:
        out = []
        why = claims.unchecked_reason(c)
        if why:
            self.problems.append(f"claim {claims.claim_label(c)} cannot be checked against flight "
                                 f"records: {why}.")
        f = claims.claim_finding(c, self.fleet, self.inputs.legs, self.inputs.reported,
                                 self.provenance, Tolerances.of(self.inputs.claim_settings))
        if f:
            out.append(f)
        for sid in c.source_ids:
            if sid in src:
                f = sanity.claim_vs_source(c, src[sid])
                if f:
                    out.append(f)
        return out

    def source_findings(self) -> list[Finding]:
        """Sources collected before they were published."""
        out: list[Finding] = []
        for s in self.inputs.sources:
            out += self._guarded(f"source {s.id}", partial(self._source, s))
        return out

    @staticmethod
    def _source(s: SourceIn) -> list[Finding]:
        f = sanity.source_vs_capture(s)
        return [f] if f else []

    # ---- duplicates -------------------------------------------------------------------------
    def duplicate_findings(self, groups: Iterable[list[str]]) -> list[Finding]:
        """One finding per group of near-duplicate photos."""
        out = []
        for g in groups:
            members = set(g)
            edges = [(min(k), max(k), d) for k, d in self.edges.items() if k <= members]
            out += self._guarded(f"photos {', '.join(g)}", partial(self._group, g, edges))
        return out

    def _group(self, group: list[str], edges: list[tuple[str, str, int]]) -> list[Finding]:
        return [duplicates.group_finding(group, self.photos, self.sources_of, edges)]

    def all_groups(self) -> list[list[str]]:
        """Compare every photo hash with every other; the groups of near-duplicates."""
        self.edges = {frozenset((a, b)): d for a, b, d in self.hashes.all_edges()}
        return duplicates.components(
            [], [(min(k), max(k), d) for k, d in self.edges.items()])

    def run(self) -> list[Finding]:
        """Every finding of the case, in a stable order; unreadable records go to `problems`."""
        self.problems = list(self.inputs.problems)
        out: list[Finding] = []
        for p in self.inputs.photos:
            out += self.photo_findings(p)
        out += self.claim_findings()
        out += self.source_findings()
        out += self.duplicate_findings(self.all_groups())
        return dedupe(out)

    def change_photo(self, photo: PhotoIn | None, item_id: str) -> tuple[list[Finding], set[str]]:
        """Re-evaluate one photo (None: it was removed).

        Returns the new findings that involve it and the set of photos whose duplicate group must
        be replaced (the caller drops the stored findings of those photos' groups first).
        """
        self._seed(item_id)
        old_group = self._group_of(item_id)
        for k in [k for k in self.edges if item_id in k]:
            del self.edges[k]
        if photo is None:
            self.photos.pop(item_id, None)
            self.hashes.set(item_id, None)
            touched = old_group - {item_id}
            return self.duplicate_findings(self._groups_within(touched)), old_group
        self.photos[item_id] = photo
        self.hashes.set(photo.item_id, photo.phash)
        for other, d in self.hashes.neighbours(item_id).items():
            self.edges[frozenset((item_id, other))] = d
        for other in list(self.hashes.neighbours(item_id)):
            self._seed(other)
        touched = set(old_group) | {item_id}
        for other in list(touched):
            touched |= self._group_of(other)
        out = self.photo_findings(photo)
        out += self.duplicate_findings(self._groups_within(touched))
        return dedupe(out), touched

    def _seed(self, start: str) -> None:
        """Know every near-duplicate pair in start's group: an engine that has not run knows only
        the pairs it was told of, and a group's finding names all its pairs."""
        seen, todo = {start}, [start]
        while todo:
            cur = todo.pop()
            for other, d in self.hashes.neighbours(cur).items():
                self.edges.setdefault(frozenset((cur, other)), d)
                if other not in seen:
                    seen.add(other)
                    todo.append(other)

    def _group_of(self, item_id: str) -> set[str]:
        seen, todo = {item_id}, [item_id]
        adj: dict[str, set[str]] | None = None
        while todo:
            cur = todo.pop()
            if adj is None:
                adj = {}
                for k in self.edges:
                    a, b = tuple(k)
                    adj.setdefault(a, set()).add(b)
                    adj.setdefault(b, set()).add(a)
            for n in adj.get(cur, ()):
                if n not in seen:
                    seen.add(n)
                    todo.append(n)
        return seen

    def _groups_within(self, nodes: set[str]) -> list[list[str]]:
        edges = [(min(k), max(k), d) for k, d in self.edges.items() if k <= nodes]
        return duplicates.components(nodes, edges)


def dedupe(findings: list[Finding]) -> list[Finding]:
    """Drop repeated findings (same id), keeping the first; sort by kind then id."""
    seen: dict[str, Finding] = {}
    for f in findings:
        seen.setdefault(f.id, f)
    return sorted(seen.values(), key=lambda f: (f.kind, f.id))
