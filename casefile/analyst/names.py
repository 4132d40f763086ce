"""Naming records as people do: a short reference (P3, S2, C4), a file name, a title, an entity's
name, alias or registration, or a unique id prefix; and labels that show them ("P3 apron.jpg").

Resolution order, for the kinds a command accepts: an exact id; a short reference (through
`casefile.store.refs`); an exact name (file name, title, entity name/alias/registration, reported
aircraft), unique; a unique id prefix or suffix (6+ characters) or SHA-256 prefix. Nothing
matching raises `UnknownReference` with the closest records ("did you mean P3 apron.jpg, ...?");
several matching raise `InvalidInput` naming them.
"""

from __future__ import annotations

import difflib
import json
from collections.abc import Iterable
from dataclasses import dataclass

from casefile.errors import InvalidInput, UnknownReference
from casefile.present.labels import record_label
from casefile.store import Case, refs

ITEMS = "PFD"
ANY = "PFDSCE"          # what notes and tags may be about

#: kind letter -> (table, SQL for the kind's rows: id, name, other names as JSON or text)
_ROWS: dict[str, str] = {
    "P": "SELECT id, original_name, sha256 FROM items WHERE kind = 'photo'",
    "F": "SELECT id, original_name, sha256 FROM items WHERE kind = 'flight-record'",
    "D": "SELECT id, original_name, sha256 FROM items WHERE kind NOT IN ('photo', 'flight-record')",
    "S": "SELECT id, COALESCE(title, url, publisher), url FROM sources",
    "C": "SELECT id, text, NULL FROM claims",
    "E": "SELECT id, name, COALESCE(ref, '') || char(31) || COALESCE(aliases, '') FROM entities",
    "R": "SELECT id, aircraft_ref, COALESCE(from_icao, '?') || '-' || COALESCE(to_icao, '?') "
         "FROM reported_flights",
    "X": "SELECT id, kind || ': ' || explanation, NULL FROM xref_findings",
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


def records(case: Case, kinds: str) -> list[Named]:
    """Every record of the given kinds, with its reference and names."""
    if not _table_exists(case, "refs"):
        ref_by_id: dict[str, str] = {}
    else:
        ref_by_id = refs.all_refs(case)
    out = []
    for kind in kinds:
        if not _table_exists(case, _table(kind)):
            continue
        for rid, name, extra in case.db.execute(_ROWS[kind]).fetchall():
            out.append(Named(rid, kind, ref_by_id.get(rid), name or "", _others(kind, extra)))
    return out


def _table(kind: str) -> str:
    return _ROWS[kind].split(" FROM ")[1].split()[0]


def _table_exists(case: Case, table: str) -> bool:
    return bool(case.db[table].exists())


def _what(kinds: str) -> str:
    names = [refs.KINDS[k] for k in kinds]
    if set(kinds) == set(ITEMS):
        return "item"
    return " or ".join(names) if len(names) <= 2 else ", ".join(names[:-1]) + " or " + names[-1]


def resolve(case: Case, text: str, kinds: str, *, lists: str = "", create: str = "") -> str:
    """The id of the one record of `kinds` that `text` names (see the module docstring).

    When nothing matches, the error names the closest records, else the command that `lists`
    them, and the command that would `create` one.
    """
    want = (text or "").strip()
    what = _what(kinds)
    if not want:
        raise InvalidInput(f"no {what} given")
    recs = records(case, kinds)
    by_id = {r.id: r for r in recs}
    if want in by_id:
        return want
    parsed = refs.parse(want)
    if parsed is not None and parsed[0] in kinds:
        found = refs.target_of(case, want)
        if found in by_id:
            return found
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
            pref = [r for r in recs if r.kind in ITEMS and _sha_prefix(case, r.id, low)]
        if len(pref) == 1:
            return pref[0].id
        if len(pref) > 1:
            raise InvalidInput(f"'{want}' matches {len(pref)} records: "
                               f"{', '.join(r.label for r in pref[:6])}; give more characters "
                               "or the reference")
    near = closest(recs, want)
    msg = f"no {what} '{want}'"
    if near:
        msg += f"; did you mean {', '.join(r.label for r in near)}?"
    elif recs:
        msg += f" (`{lists}` lists them)" if lists else ""
    else:
        msg += ": the case has none yet"
    if create:
        msg += f" ({create})"
    raise UnknownReference(msg, [r.ref or r.id for r in near])


def _sha_prefix(case: Case, item_id: str, prefix: str) -> bool:
    row = case.db.execute("SELECT sha256 FROM items WHERE id = ?", [item_id]).fetchone()
    return bool(row and row[0].startswith(prefix))


def closest(recs: Iterable[Named], text: str, limit: int = 3) -> list[Named]:
    """The records whose reference, id or names look most like `text`."""
    want = text.strip().casefold()
    scored = []
    for r in recs:
        keys = [r.id.casefold(), r.name.casefold(), *(o.casefold() for o in r.other)]
        if r.ref:
            keys.append(r.ref.casefold())
        score = max(difflib.SequenceMatcher(None, want, k).ratio() for k in keys if k)
        if r.ref and refs.parse(text) is not None and r.ref[0] == text.strip()[0].upper():
            score = max(score, 0.7)
        scored.append((score, r.ref or r.id, r))
    scored.sort(key=lambda s: (-s[0], s[1]))
    return [r for score, _, r in scored[:limit] if score >= 0.5]


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


def labels(case: Case, ids: Iterable[str]) -> dict[str, str]:
    """id -> "P3 apron.jpg" for the given ids (ids of unknown records are left out)."""
    wanted = set(ids)
    return {r.id: r.label for r in records(case, ANY + "RX") if r.id in wanted}
