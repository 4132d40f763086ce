"""Near-duplicate check: the threshold, flat pictures, and naming the other item."""

from __future__ import annotations

from casefile.checks import CheckInput, OtherPhoto
from casefile.checks.duplicates import near_duplicate
from casefile.checks.similarity import PHASH_DISTANCE, hamming, informative
from casefile.model.photos import PhotoMeta


def _inp(phash: str, *others: OtherPhoto) -> CheckInput:
    return CheckInput(item_id="ME", meta=PhotoMeta(phash=phash, dhash="00ff00ff00ff00ff"), others=others)


def test_threshold_is_inclusive_and_other_item_named() -> None:
    me = "c5043eb73c3138f9"
    near = f"{int(me, 16) ^ ((1 << PHASH_DISTANCE) - 1):016x}"        # exactly 8 bits differ
    far = f"{int(me, 16) ^ ((1 << (PHASH_DISTANCE + 1)) - 1):016x}"   # 9 bits differ
    assert hamming(me, near) == PHASH_DISTANCE and hamming(me, far) == PHASH_DISTANCE + 1
    found = near_duplicate(_inp(me, OtherPhoto("A", "a.jpg", near, None),
                                OtherPhoto("B", "b.jpg", far, None)))
    assert [f.fields["other_item_id"] for f in found] == ["A"]
    assert "a.jpg" in found[0].title and found[0].fields["phash_distance"] == PHASH_DISTANCE


def test_flat_pictures_never_match() -> None:
    assert not informative("8000000000000000") and not informative("0000000000000000")
    assert not near_duplicate(_inp("8000000000000000", OtherPhoto("A", "a", "8000000000000000", None)))


def test_itself_is_not_a_duplicate() -> None:
    me = "c5043eb73c3138f9"
    assert near_duplicate(_inp(me, OtherPhoto("ME", "me.jpg", me, None))) == []
