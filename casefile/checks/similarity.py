"""Photo similarity: the one rule for "the same picture" (pHash distance), for checks and xref alike.

Two 64-bit perceptual hashes at most PHASH_DISTANCE bits apart show the same picture (resized,
recompressed, lightly cropped or recoloured; imagehash's docs treat <= 10 as similar). A flat
(blank, one-colour) picture hashes to nearly all zeros or all ones and matches every other flat
one, so such hashes are "uninformative" and never make a pair.
"""

from __future__ import annotations

from collections.abc import Iterable

import numpy as np

#: pHash bits (of 64) at or below which two photos show nearly the same picture.
PHASH_DISTANCE = 8
_HEX_DIGITS = 16


def hash_bits(phash: str | None) -> int | None:
    """A 64-bit pHash (16 hex digits) as an integer; None when absent or malformed."""
    if not phash or len(phash) != _HEX_DIGITS:
        return None
    try:
        return int(phash, 16)
    except ValueError:
        return None


def _pairable(phash: str | None) -> int | None:
    """The hash as an integer when it can make a pair: 64 bits, and not a flat picture's."""
    bits = hash_bits(phash)
    if bits is None or not 2 < bits.bit_count() < 4 * _HEX_DIGITS - 2:
        return None
    return bits


def informative(phash: str | None) -> bool:
    """False for a missing hash or the hash of a flat picture, which matches every other flat one."""
    return _pairable(phash) is not None


def hamming(a: str, b: str) -> int:
    """Bits that differ between two hex hashes."""
    return (int(a, 16) ^ int(b, 16)).bit_count()


class SimilarityIndex:
    """Informative pHashes in one array, so one photo is compared with all at once."""

    def __init__(self, photos: Iterable[tuple[str, str | None]]) -> None:
        self.ids: list[str] = []
        vals: list[int] = []
        for item_id, phash in photos:
            bits = _pairable(phash)
            if bits is not None:
                self.ids.append(item_id)
                vals.append(bits)
        self.pos = {pid: i for i, pid in enumerate(self.ids)}
        self.arr = np.array(vals, dtype=np.uint64)

    def set(self, item_id: str, phash: str | None) -> None:
        """Add, change or (with an uninformative hash) drop one photo."""
        i = self.pos.get(item_id)
        bits = _pairable(phash)
        if bits is None:
            if i is not None:
                self.arr[i] = 0
                self.ids[i] = ""
                del self.pos[item_id]
            return
        value = np.uint64(bits)
        if i is None:
            self.pos[item_id] = len(self.ids)
            self.ids.append(item_id)
            self.arr = np.append(self.arr, value)
        else:
            self.arr[i] = value

    def neighbours(self, item_id: str) -> dict[str, int]:
        """Photos within PHASH_DISTANCE of this one: id -> Hamming distance."""
        i = self.pos.get(item_id)
        if i is None:
            return {}
        d = np.bitwise_count(self.arr ^ self.arr[i])
        hits = np.nonzero(d <= PHASH_DISTANCE)[0]
        return {self.ids[j]: int(d[j]) for j in hits.tolist() if j != i and self.ids[j]}

    def all_edges(self, block: int = 256) -> list[tuple[str, str, int]]:
        """Every near-duplicate pair (a before b by position), computed in blocks."""
        out: list[tuple[str, str, int]] = []
        n = len(self.arr)
        for s in range(0, n, block):
            chunk = self.arr[s:s + block]
            # each block against itself and the photos after it only: the pairs before it were
            # found from the other side
            d = np.bitwise_count(chunk[:, None] ^ self.arr[None, s:])
            rows, cols = np.nonzero(d <= PHASH_DISTANCE)
            for r, k in zip(rows.tolist(), cols.tolist(), strict=True):
                i, c = s + r, s + k
                if c > i and self.ids[i] and self.ids[c]:
                    out.append((self.ids[i], self.ids[c], int(d[r, k])))
        return out
