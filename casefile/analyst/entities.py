"""Entities: aircraft, people, organisations and places (airports resolved offline), with aliases."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from casefile.analyst import search as idx
from casefile.analyst.inputs import choice, clean_text, resolve_id
from casefile.analyst.json_lists import dump_list, load_list
from casefile.analyst.mentions import AcceptedMention
from casefile.errors import InvalidInput, NotFound
from casefile.ids import new_id
from casefile.model.analyst import ENTITY_KIND_ALIASES, ENTITY_KINDS, Entity
from casefile.reference import airports
from casefile.store.rows import EntityRow, IdRow, typed
from casefile.timeutil import now_z

if TYPE_CHECKING:
    from casefile.store import Case

KIND_ALIASES = ENTITY_KIND_ALIASES


def _aliases(values: Iterable[str], name: str) -> list[str]:
    out: list[str] = []
    for v in values:
        t = clean_text(v, "alias")
        if t and t != name and t not in out:
            out.append(t)
    return out


def add_entity(case: Case, kind: str, name: str | None = None, *, aliases: Iterable[str] = (),
               ref: str | None = None, note: str | None = None) -> Entity:
    """Record an entity. A place given an airport code (as name or ref) takes its details from
    the airport list; an aircraft's ref is its registration, ICAO hex or type."""
    kind = choice(kind, ENTITY_KINDS, "kind", KIND_ALIASES)
    name = clean_text(name, "name")
    ref = clean_text(ref, "ref")
    lat: float | None = None
    lon: float | None = None
    tz: str | None = None
    names = list(aliases)
    if kind == "place":
        code = ref or (name if name and len(name) in (3, 4) and name.isupper() else None)
        if code:
            ap = airports.lookup(code)
            if ap is None:
                raise InvalidInput(f"no airport with code {code!r} in the airport list", field="ref")
            ref = ap["icao"]
            lat, lon, tz = ap["lat"], ap["lon"], ap["tz"] or None
            names += [ap["icao"], ap["iata"], ap["name"]] if ap["iata"] else [ap["icao"], ap["name"]]
            if not name or name == code:
                name = ap["name"]
    elif kind == "aircraft" and ref:
        ref = ref.upper()
    if not name:
        if kind == "aircraft" and ref:
            name = ref
        else:
            raise InvalidInput("an entity needs a name", field="name")
    row = EntityRow(id=new_id(), kind=kind, name=name, aliases=dump_list(_aliases(names, name)),
                    ref=ref, lat=lat, lon=lon, tz=tz, note=clean_text(note, "note"), created_at=now_z())
    with case.transaction():
        case.insert("entities", row, action="entity-added")
        idx.index_entity(case, row)
    return get_entity(case, row["id"])


def add_alias(case: Case, entity_ref: str, alias: str) -> Entity:
    """Another name the entity goes by (spelling, transliteration, handle)."""
    eid = resolve_id(case, "entities", entity_ref)
    row = typed(EntityRow, case.get_row("entities", eid))
    new = _aliases([*load_list(row["aliases"]), alias], row["name"])
    with case.transaction():
        after = typed(EntityRow, case.update("entities", eid, {"aliases": dump_list(new)},
                                             action="entity-edited"))
        idx.index_entity(case, after)
    return get_entity(case, eid)


def delete_entity(case: Case, entity_ref: str, *, reason: str) -> EntityRow:
    """Delete an entity and the claims' references to it, for a recorded reason."""
    eid = resolve_id(case, "entities", entity_ref)
    if not reason or not reason.strip():
        raise InvalidInput("deleting an entity needs a reason", field="reason")
    with case.transaction():
        for r in case.select(IdRow, "SELECT id FROM claim_entities WHERE entity_id = ?", [eid]):
            case.delete("claim_entities", r["id"], reason=reason)
        before = typed(EntityRow, case.delete("entities", eid, reason=reason))
        idx.unindex(case, "entity", eid)
    return before


def _to_entity(row: EntityRow) -> Entity:
    return Entity(id=row["id"], kind=row["kind"], name=row["name"], aliases=load_list(row["aliases"]),
                  ref=row["ref"], lat=row["lat"], lon=row["lon"], tz=row["tz"], note=row["note"])


def list_entities(case: Case, kind: str | None = None) -> list[Entity]:
    """Every entity (or those of one kind), oldest first."""
    if kind:
        kind = choice(kind, ENTITY_KINDS, "kind", KIND_ALIASES)
        rows = case.select(EntityRow, "SELECT * FROM entities WHERE kind = ? ORDER BY id", [kind])
    else:
        rows = case.select(EntityRow, "SELECT * FROM entities ORDER BY id")
    return [_to_entity(r) for r in rows]


def get_entity(case: Case, entity_ref: str) -> Entity:
    return _to_entity(typed(EntityRow, case.get_row("entities", resolve_id(case, "entities", entity_ref))))


def find_entity(case: Case, text: str) -> Entity:
    """An entity by id, or by its name, ref or an alias (case-insensitive, must be unique)."""
    try:
        return get_entity(case, text)
    except NotFound:
        pass
    want = text.strip().casefold()
    found = [e for e in list_entities(case)
             if want in {e.name.casefold(), (e.ref or "").casefold(),
                         *(a.casefold() for a in e.aliases)}]
    if len(found) == 1:
        return found[0]
    if not found:
        raise NotFound(f"no entity named {text!r}")
    raise InvalidInput(f"{text!r} names {len(found)} entities; use an id", field="entity")


def add_from_mention(case: Case, mention: AcceptedMention) -> tuple[Entity, bool]:
    """The entity an accepted mention suggestion stands for: (entity, created). An entity already
    holding that ref or name is reused, so accepting twice records nothing new."""
    kind, value = mention["kind"], mention["value"]
    detail = mention.get("detail") or ""
    name: str | None = value
    ref: str | None = None
    aliases: list[str] = []
    if kind == "airport":
        entity_kind, name, ref = "place", None, value
    elif kind == "aircraft-type":
        code = detail.removeprefix("ICAO type ") if detail.startswith("ICAO type ") else None
        entity_kind, ref = "aircraft", code or value
        aliases = [f for f in mention.get("forms", []) if f != value]
    elif kind in ("registration", "icao-hex"):
        entity_kind, ref = "aircraft", value.upper()
        name = value.upper() if kind == "registration" else value
    elif kind in ("person", "organisation", "account"):
        entity_kind = "person" if kind == "account" else kind
    else:
        raise InvalidInput(f"cannot make an entity from a {kind!r} mention", field="mention")
    want = {(ref or "").casefold(), (name or "").casefold()} - {""}
    for e in list_entities(case, entity_kind):
        if want & {e.name.casefold(), (e.ref or "").casefold(), *(a.casefold() for a in e.aliases)}:
            return e, False
    note = f"accepted from a suggested {kind} mention" + (f" ({detail})" if detail else "")
    return add_entity(case, entity_kind, name, aliases=aliases, ref=ref, note=note), True
