"""Naming records as people do, for the commands: an item, source, claim, entity or what a note
or tag is about, each through the one resolver (`casefile.store.resolve`: short references, names,
id and SHA-256 prefixes, did-you-mean), with the listing and creating commands to suggest."""

from __future__ import annotations

from casefile.store import Case
from casefile.store.resolve import ANY, ITEMS, Named, closest, labels, records, resolve

__all__ = ["ANY", "ITEMS", "Named", "closest", "entity", "item", "labels", "records", "resolve",
           "source", "claim", "target"]


def item(case: Case, text: str) -> str:
    """An evidence item (photo, flight record, document) by reference, file name, id or hash."""
    return resolve(case, text, ITEMS, lists="casefile items CASE")


def source(case: Case, text: str) -> str:
    return resolve(case, text, "S", lists="casefile source list CASE",
                   create="`casefile source add CASE --title ...` records one")


def claim(case: Case, text: str) -> str:
    return resolve(case, text, "C", lists="casefile claim list CASE")


def entity(case: Case, text: str) -> str:
    return resolve(case, text, "E", lists="casefile entity list CASE",
                   create=f"record it with `casefile entity add CASE "
                          f"person|organisation|aircraft|place \"{text.strip()}\"`")


def target(case: Case, text: str) -> str:
    """What a note or tag may be about: an item, source, claim or entity."""
    return resolve(case, text, ANY)
