"""The one resolver: what a person types to name a record, to its id, with did-you-mean.

Accepted, for the kinds a caller allows (reference letters, casefile.store.refs.KINDS): an exact
id; a short reference (P3, S2, C4, through `casefile.store.refs`); an item's SHA-256; an exact name
(file name, title, claim text, entity name/alias/registration, reported aircraft), unique; a unique
id prefix or suffix (6+ characters) or SHA-256 prefix. Nothing matching raises `UnknownReference`
with the closest records ("did you mean P3 apron.jpg, ...?"); several matching raise `InvalidInput`
naming them. The CLI, the window, the analyst part and `Case.resolve_item` all call `resolve`.
"""

from __future__ import annotations

import difflib
import json
from collections.abc import Iterable
from dataclasses import dataclass

from casefile.errors import InvalidInput, UnknownReference
from casefile.present.labels import record_label
from casefile.store import refs
from casefile.store.refs import DbLike, _db

ITEMS = "PFD"
ANY = "PFDSCE"          # what notes and tags may be about

#: kind letter -> (table, which of its rows, name column, further exact names as JSON or text)
_SPEC: dict[str, tuple[str, str, str, str]] = {
    "P": ("items", "kind = 'photo'", "original_name", "sha256"),
    "F": ("items", "kind = 'flight-record'", "original_name", "sha256"),
    "D": ("items", "kind NOT IN ('photo', 'flight-record')", "original_name", "sha256"),
    "S": ("sources", "1", "COALESCE(title, url, publisher)", "url"),
    "C": ("claims", "1", "text", "NULL"),
    "E": ("entities", "1", "name", "COALESCE(ref, '') || char(31) || COALESCE(aliases, '')"),
    "R": ("reported_flights", "1", "aircraft_ref",
          "COALESCE(from_icao, '?') || '-' || COALESCE(to_icao, '?')"),
    "X": ("xref_findings", "1", "kind || ': ' || explanation", "NULL"),
    "N": ("notes", "1", "text", "NULL"),
}


@dataclass(frozen=True)
class Named:
    """One record as a person may name it."""

    id: str
    kind: str            # the reference letter
    ref: str | None      # "P3"
    name: str            # file name, title, claim text, entity name ...
    other: tuple[str, ...] = ()   # further exact names: aliases, registration, URL

    @property
    def label(self) -> str:
        return record_label(self.ref or self.id, self.name, 50)


def _others(kind: str, extra: str | None) -> tuple[str, ...]:
    if not extra:
        return ()
    if kind == "E":
        ref, _, aliases = extra.partition("\x1f")
        try:
            names = json.loads(aliases) if aliases else []
        except ValueError:
            names = []
        return tuple(x for x in [ref, *names] if isinstance(x, str) and x)
    if kind in ITEMS:           # the SHA-256 is matched by prefix, not as a name
        return ()
    return (extra,)


def _exists(where: DbLike, table: str) -> bool:
    return bool(_db(where)[table].exists())


def _select(kind: str, where: str = "1") -> str:
    table, which, name, extra = _SPEC[kind]
    return f"SELECT id, {name}, {extra} FROM [{table}] WHERE ({which}) AND ({where})"


def records(where: DbLike, kinds: str) -> list[Named]:
    """Every record of the given kinds, with its reference and names."""
    ref_by_id = refs.all_refs(where) if _exists(where, "refs") else {}
    out = []
    for kind in kinds:
        if not _exists(where, _SPEC[kind][0]):
            continue
        for rid, name, extra in _db(where).execute(_select(kind)).fetchall():
            out.append(Named(rid, kind, ref_by_id.get(rid), name or "", _others(kind, extra)))
    return out


def kind_of(where: DbLike, rid: str, kinds: str = "".join(_SPEC)) -> str | None:
    """The reference letter of the record with this exact id, among `kinds`; None if none."""
    for kind in kinds:
        if _exists(where, _SPEC[kind][0]) and _db(where).execute(
                _select(kind, "id = ?"), [rid]).fetchone() is not None:
            return kind
    return None


def what(kinds: str) -> str:
    """The kinds in words: "source", "claim or entity", "item"."""
    if set(kinds) == set(ITEMS):
        return "item"
    names = [refs.KINDS[k] for k in kinds]
    return " or ".join(names) if len(names) <= 2 else ", ".join(names[:-1]) + " or " + names[-1]


def _quick(where: DbLike, want: str, kinds: str) -> str | None:
    """An exact id, a short reference or an item's full SHA-256: found without reading every record."""
    if kind_of(where, want, kinds):
        return want
    parsed = refs.parse(want)
    if parsed is not None and parsed[0] in kinds and _exists(where, "refs"):
        found = refs.target_of(where, want)
        if found is not None and kind_of(where, found, parsed[0]):
            return found
    if set(kinds) & set(ITEMS) and len(want) == 64 and _exists(where, "items"):
        row = _db(where).execute("SELECT id FROM items WHERE sha256 = ?", [want.lower()]).fetchone()
        if row is not None and kind_of(where, row[0], kinds):
            return str(row[0])
    return None


def resolve(where: DbLike, text: str, kinds: str, *, lists: str = "", create: str = "") -> str:
    """The id of the one record of `kinds` that `text` names (see the module docstring).

    When nothing matches, the error names the closest records, else the command that `lists`
    them, and the command that would `create` one.
    """
    want = (text or "").strip()
    said = what(kinds)
    if not want:
        raise InvalidInput(f"no {said} given")
    quick = _quick(where, want, kinds)
    if quick is not None:
        return quick
    recs = records(where, kinds)
    folded = want.casefold()
    named = [r for r in recs if folded in {r.name.casefold(), *(o.casefold() for o in r.other)}]
    if len(named) == 1:
        return named[0].id
    if len(named) > 1:
        raise InvalidInput(f"'{want}' names {len(named)} records: "
                           f"{', '.join(r.label for r in named[:6])}; use the reference")
    if len(want) >= 6:
        up, low = want.upper(), want.lower()
        pref = [r for r in recs if r.id.startswith(up) or r.id.endswith(up)]
        if not pref and set(kinds) & set(ITEMS):
            shas = _sha_prefixed(where, low)
            pref = [r for r in recs if r.kind in ITEMS and r.id in shas]
        if len(pref) == 1:
            return pref[0].id
        if len(pref) > 1:
            raise InvalidInput(f"'{want}' matches {len(pref)} records: "
                               f"{', '.join(r.label for r in pref[:6])}; give more characters "
                               "or the reference")
    near = closest(recs, want)
    msg = f"no {said} '{want}'"
    if near:
        msg += f"; did you mean {', '.join(r.label for r in near)}?"
    elif recs:
        msg += f" (`{lists}` lists them)" if lists else ""
    else:
        msg += ": the case has none yet"
    if create:
        msg += f" ({create})"
    raise UnknownReference(msg, [r.ref or r.id for r in near])


def _sha_prefixed(where: DbLike, prefix: str) -> set[str]:
    if not _exists(where, "items"):
        return set()
    rows = _db(where).execute("SELECT id FROM items WHERE sha256 LIKE ?", [prefix + "%"]).fetchall()
    return {str(r[0]) for r in rows}


def closest(recs: Iterable[Named], text: str, limit: int = 3) -> list[Named]:
    """The records whose reference, id or names look most like `text`."""
    want = text.strip().casefold()
    parsed = refs.parse(text)
    scored = []
    for r in recs:
        keys = [r.id.casefold(), r.name.casefold(), *(o.casefold() for o in r.other)]
        if r.ref:
            keys.append(r.ref.casefold())
        score = max(difflib.SequenceMatcher(None, want, k).ratio() for k in keys if k)
        if r.ref and parsed is not None and r.ref[0] == parsed[0]:
            # a reference of the right kind: the nearest numbers first ("S7" -> S3, S2, S1)
            score = max(score, 0.7 + 0.2 / (1 + abs(int(r.ref[1:]) - parsed[1])))
        scored.append((score, r.ref or r.id, r))
    scored.sort(key=lambda s: (-s[0], s[1]))
    return [r for score, _, r in scored[:limit] if score >= 0.5]


def labels(where: DbLike, ids: Iterable[str]) -> dict[str, str]:
    """id -> "P3 apron.jpg" for the given ids (ids of unknown records are left out)."""
    wanted = set(ids)
    return {r.id: r.label for r in records(where, ANY + "RXN") if r.id in wanted}
