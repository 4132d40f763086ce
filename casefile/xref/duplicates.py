"""Photo ↔ photo: near-duplicates by perceptual hash, ordered by earliest known appearance."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TypedDict

from casefile.checks.similarity import PHASH_DISTANCE, SimilarityIndex, hash_bits
from casefile.model.findings import Finding
from casefile.present.times import people_time
from casefile.timeutil import epoch, from_epoch
from casefile.xref.findings import make_finding
from casefile.xref.model import PhotoIn, SourceIn
from casefile.xref.windows import tv_window

KIND = "photo-duplicates"
#: The threshold comes from the one photo-similarity rule (casefile.checks.similarity).
MAX_BITS = PHASH_DISTANCE


def photo_index(photos: Iterable[PhotoIn]) -> SimilarityIndex:
    """The near-duplicate index over the photos' pHashes (flat, one-colour pictures left out)."""
    return SimilarityIndex((p.item_id, p.phash) for p in photos)


def components(nodes: Iterable[str], edges: Iterable[tuple[str, str, int]]) -> list[list[str]]:
    """Connected groups of photos (union-find), each sorted, groups of two or more only."""
    parent: dict[str, str] = {n: n for n in nodes}

    def find(x: str) -> str:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for a, b, _ in edges:
        parent.setdefault(a, a)
        parent.setdefault(b, b)
        ra, rb = find(a), find(b)
        if ra != rb:
            parent[max(ra, rb)] = min(ra, rb)
    groups: dict[str, list[str]] = {}
    for n in parent:
        groups.setdefault(find(n), []).append(n)
    return sorted(sorted(g) for g in groups.values() if len(g) > 1)


class Appearance(TypedDict, total=False):
    """The earliest known appearance of a photo (a duplicates finding keeps one per photo): when,
    how (captured or published), and what that rests on."""

    item_id: str
    earliest_utc: str | None
    how: str                     # captured | published | no known time
    source_id: str               # published: by which source
    title: str | None
    basis: str
    raw: str
    window_utc: list[str]


def appearance(photo: PhotoIn, sources: list[SourceIn]) -> Appearance:
    """The earliest known appearance of a photo: its capture time or a source publishing it."""
    cands: list[tuple[float, str, Appearance]] = []
    w = tv_window(photo.capture)
    if w is not None and photo.capture is not None:
        cands.append((w[0], "captured", {"basis": photo.capture.basis, "raw": photo.capture.raw,
                                         "window_utc": [from_epoch(w[0]), from_epoch(w[1])]}))
    for s in sources:
        sw = tv_window(s.published)
        if sw is not None and s.published is not None:
            cands.append((sw[0], "published", {"source_id": s.id, "title": s.title,
                                               "basis": s.published.basis, "raw": s.published.raw,
                                               "window_utc": [from_epoch(sw[0]), from_epoch(sw[1])]}))
    if not cands:
        return {"item_id": photo.item_id, "earliest_utc": None, "how": "no known time"}
    t, how, detail = min(cands, key=lambda c: c[0])
    out: Appearance = {"item_id": photo.item_id, "earliest_utc": from_epoch(t), "how": how}
    out.update(detail)
    return out


def _people(iso_z: str) -> str:
    at = epoch(iso_z)
    return iso_z if at is None else people_time(at)


def group_finding(group: list[str], photos: dict[str, PhotoIn],
                  sources_of: dict[str, list[SourceIn]],
                  edges: list[tuple[str, str, int]]) -> Finding:
    """One finding per group of near-duplicates, ordered by earliest known appearance."""
    apps = [appearance(photos[g], sources_of.get(g, [])) for g in group]
    apps.sort(key=lambda a: (a["earliest_utc"] is None, a["earliest_utc"] or "", a["item_id"]))
    first = apps[0]
    dated = [a for a in apps if a["earliest_utc"]]
    if len(dated) >= 2:
        tie = dated[0]["earliest_utc"] == dated[1]["earliest_utc"]
        how = "was captured" if first["how"] == "captured" else f"was published by {first.get('title')!r}"
        expl = (f"{len(group)} photos in the case are the same picture (perceptual hashes at most "
                f"{MAX_BITS} bits apart). "
                + ("Two appeared at the same earliest time, so who published first is not clear."
                   if tie else f"The earliest known appearance is "
                               f"{photos[first['item_id']].label or 'one of them'}, which {how} "
                               f"by {_people(str(first['earliest_utc']))}."))
        verdict, conf = ("undetermined", 0.5) if tie else ("consistent", 0.7)
    else:
        expl = (f"{len(group)} photos in the case are the same picture (perceptual hashes at most "
                f"{MAX_BITS} bits apart); too few have a known time to tell which appeared first.")
        verdict, conf = "undetermined", 0.5
    def dbits(a: str, b: str) -> int | None:
        x, y = hash_bits(photos[a].dhash), hash_bits(photos[b].dhash)
        return None if x is None or y is None else (x ^ y).bit_count()

    inputs = {"order": apps, "max_bits": MAX_BITS,
              "pairs": [{"a": a, "b": b, "phash_bits": d, "dhash_bits": dbits(a, b)}
                        for a, b, d in sorted(edges)]}
    assumptions = ["Earliest appearance is the earliest possible time of a photo's capture or of a "
                   "source publishing it; a photo may have circulated earlier unseen.",
                   "A perceptual hash match means the pictures look alike, not that one file was "
                   "copied from the other."]
    return make_finding(KIND, verdict, conf, expl, [a["item_id"] for a in apps], inputs,
                        assumptions)
