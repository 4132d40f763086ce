"""Near-duplicates: another photo in the case that shows nearly the same picture (perceptual hashes)."""

from __future__ import annotations

from casefile.checks.base import CheckInput, finding
from casefile.checks.similarity import PHASH_DISTANCE, hamming, informative
from casefile.model.findings import CheckFinding


def near_duplicate(inp: CheckInput) -> list[CheckFinding]:
    me = inp.meta
    if me.phash is None or not informative(me.phash):
        return []
    out = []
    for other in inp.others:
        if other.item_id == inp.item_id or not informative(other.phash):
            continue
        dist = hamming(me.phash, other.phash or "")
        if dist > PHASH_DISTANCE:
            continue
        ddist = hamming(me.dhash, other.dhash) if me.dhash and other.dhash else None
        label = other.name or other.item_id
        out.append(finding(inp, "near-duplicate", "notice", f"Near-duplicate of {label}",
                           f"This picture looks nearly the same as {label} (item {other.item_id}; "
                           f"{dist} of 64 perceptual-hash bits differ), so one may be a copy, crop "
                           "or re-encoding of the other.",
                           "Burst shots, two people photographing the same scene, or the same photo "
                           "saved twice at different sizes look alike too.",
                           other_item_id=other.item_id, other_name=other.name, phash=me.phash,
                           other_phash=other.phash, phash_distance=dist, dhash_distance=ddist,
                           threshold=PHASH_DISTANCE))
    return out


CHECKS = (near_duplicate,)
