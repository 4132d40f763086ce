"""Claims: what sources assert (time window, place, entities), graded 1-6, linked to evidence."""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Mapping
from dataclasses import replace
from typing import TYPE_CHECKING, TypedDict

from casefile.analyst import search as idx
from casefile.analyst.inputs import choice, clean_text, credibility_grade, resolve_id, text_list, text_value
from casefile.analyst.json_lists import dump_list, load_list
from casefile.analyst.times import analyst_time
from casefile.errors import InvalidInput
from casefile.ids import new_id
from casefile.model.analyst import CLAIM_KINDS, CLAIM_STATUSES, CREDIBILITY, LINK_RELATIONS, Claim, ClaimLink
from casefile.reference import places
from casefile.store.canonical import canonical_json
from casefile.store.rows import ClaimEntityRow, ClaimLinkRow, ClaimRow, ClaimSourceRow, IdRow, typed
from casefile.timeutil import APPROX_S, TimeValue, in_zone, iso_z, now_z

if TYPE_CHECKING:
    from casefile.store import Case

NO_TIME = TimeValue(raw="", utc=None, basis="unknown")


def _bound(case: Case, text: str | None, tz: str | None, field: str, end: bool,
           approx: bool = False) -> TimeValue:
    """One end of a window; a date without a clock time means the start (00:00) or end
    (23:59:59.999) of that local day."""
    if text is None or not text.strip():
        return NO_TIME
    return analyst_time(text, tz=tz, default_tz=case.default_tz, field=field,
                        bound="end" if end else "start", approx=approx, approx_s=about_s(case))


#: the case setting that widens an "about" time (seconds either way; default timeutil.APPROX_S)
ABOUT_SETTING = "claims.about_s"


def about_s(case: Case) -> float:
    """How far "about"/"around" widens a time in this case."""
    try:
        value = float(case.meta().get(ABOUT_SETTING, ""))
    except ValueError:
        return APPROX_S
    return value if value >= 0 else APPROX_S


def window(case: Case, *, start: str | None = None, end: str | None = None,
           when: str | None = None, tz: str | None = None,
           approx: bool = False) -> tuple[TimeValue, TimeValue]:
    """The asserted window from --start/--end, or one --when (a bare date = that whole day);
    each end keeps its stated precision, and `approx` ("about") widens both."""
    if when and (start or end):
        raise InvalidInput("give either a single time or a start/end, not both", field="when")
    if when:
        start = end = when
    s = _bound(case, start, tz, "start", end=False, approx=approx)
    # one time given: a bare date covers that day; a clock time is itself, to its precision
    e = _bound(case, end or start, tz, "end", end=True, approx=approx)
    _check_order(s, e)
    return s, e


def _check_order(s: TimeValue, e: TimeValue) -> None:
    if (s.utc and e.utc and e.utc < s.utc) or (s.local and e.local and e.local < s.local):
        raise InvalidInput(f"the window ends ({e.raw}) before it starts ({s.raw})", field="end")


class ClaimPlace(TypedDict):
    """Where a claim says it happened, as the claims table keeps it (all None: no place)."""

    place_text: str | None
    place_icao: str | None
    place_lat: float | None
    place_lon: float | None
    place_kind: str | None             # airport | city | country | point
    place_key: str | None              # ICAO | GeoNames id | ISO2 | lat,lon


_COORD = re.compile(r"^\s*(-?\d+(?:\.\d+)?)\s*[, ]\s*(-?\d+(?:\.\d+)?)\s*$")


def place(text: str | None) -> ClaimPlace:
    """An asserted place: an airport code (ICAO/IATA), 'lat,lon', a country, a city, or a name as
    written (kept, but then too vague to check: the cross-reference says so)."""
    out = ClaimPlace(place_text=None, place_icao=None, place_lat=None, place_lon=None,
                     place_kind=None, place_key=None)
    t = clean_text(text, "place")
    if not t:
        return out
    m = _COORD.match(t)
    if m:
        lat, lon = float(m.group(1)), float(m.group(2))
        if not (-90 <= lat <= 90 and -180 <= lon <= 180):
            raise InvalidInput(f"{t!r} is not a latitude,longitude on Earth", field="place")
        pt = places.point(lat, lon)
        return {**out, "place_text": t, "place_lat": lat, "place_lon": lon, "place_kind": pt.kind,
                "place_key": pt.key}
    if re.fullmatch(r"[A-Z0-9]{3,4}", t):
        got = places.airport_place(t)   # airportsdata, else OurAirports
        if got is None:
            raise InvalidInput(f"no airport with code {t!r} in the airport list", field="place")
        return ClaimPlace(place_text=got.name.rsplit(" (", 1)[0], place_icao=got.key,
                          place_lat=got.lat, place_lon=got.lon, place_kind="airport", place_key=got.key)
    found = places.find_place(t)
    if found is None:
        return {**out, "place_text": t}
    return ClaimPlace(place_text=t, place_icao=found.key if found.kind == "airport" else None,
                      place_lat=found.lat, place_lon=found.lon, place_kind=found.kind,
                      place_key=found.key)


def leg_end(text: str | None, field: str) -> str | None:
    """One end of a transit's leg as typed (an airport code or a city), checked now: an end that
    names no airport or place is refused. An empty text clears it."""
    t = clean_text(text, field)
    if not t:
        return None
    got = places.find_place_or_code(t)
    if got is None or got.kind not in ("airport", "city"):
        raise InvalidInput(f"{t!r} names no airport or city in the offline gazetteer (give an "
                           "airport code such as RCSS or TPE, or a city)", field=field)
    return t


def _in_place_zone(tv: TimeValue, where: Mapping[str, object]) -> TimeValue:
    """A time typed with no zone (and no case default) read in the zone of the claim's place
    (basis location-tz: "the zone of the place"); any other time as it is."""
    if tv.utc is not None or not tv.local or not where.get("place_kind") or not where.get("place_key"):
        return tv
    got = places.from_key(str(where["place_kind"]), str(where["place_key"]))
    return in_zone(tv, got.zone) if got is not None and got.zone else tv


def _refs(values: Iterable[str]) -> list[str]:
    """Aircraft references as typed ("An-124", "RA-82010"), each once (compared without case)."""
    out: list[str] = []
    for v in values:
        v = clean_text(v, "aircraft") or ""
        if v and v.upper() not in {o.upper() for o in out}:
            out.append(v)
    return out


def add_claim(case: Case, text: str, *, quoted: bool = False, start: str | None = None,
              end: str | None = None, when: str | None = None, tz: str | None = None,
              place_ref: str | None = None, credibility: int | str | None = None,
              status: str = "unverified", kind: str = "other",
              aircraft_refs: Iterable[str] = (), source_ids: Iterable[str] = (),
              entity_ids: Iterable[str] = (), note: str | None = None,
              approx: bool = False, leg_from: str | None = None,
              leg_to: str | None = None) -> Claim:
    """Record a claim; every value is checked before anything is written. `approx`: the source
    says "about"/"around" the time (widens it by timeutil.APPROX_S). `leg_from`/`leg_to`: for a
    transit, the leg it concerns, by where it left and where it went (an airport or a city)."""
    s, e = window(case, start=start, end=end, when=when, tz=tz, approx=approx)
    where = place(place_ref)
    s, e = _in_place_zone(s, where), _in_place_zone(e, where)
    row = ClaimRow(
        id=new_id(), text=clean_text(text, "text", required=True) or "", quoted=int(quoted),
        window_start=canonical_json(s.to_dict()), window_end=canonical_json(e.to_dict()),
        start_utc=s.utc, end_utc=e.utc, place_text=where["place_text"],
        place_icao=where["place_icao"], place_lat=where["place_lat"], place_lon=where["place_lon"],
        place_kind=where["place_kind"], place_key=where["place_key"],
        credibility=credibility_grade(credibility), status=choice(status, CLAIM_STATUSES, "status"),
        kind=choice(kind, CLAIM_KINDS, "kind"), aircraft_refs=dump_list(_refs(aircraft_refs)),
        note=clean_text(note, "note"), created_at=now_z(), created_by=case.actor,
        leg_from=leg_end(leg_from, "leg_from"), leg_to=leg_end(leg_to, "leg_to"))
    sids = [resolve_id(case, "sources", r) for r in source_ids]
    eids = [resolve_id(case, "entities", r) for r in entity_ids]
    with case.transaction():
        case.insert("claims", row, action="claim-added")
        for sid in dict.fromkeys(sids):
            case.insert("claim_sources", {"id": new_id(), "claim_id": row["id"], "source_id": sid},
                        action="claim-source-added")
        for eid in dict.fromkeys(eids):
            case.insert("claim_entities", {"id": new_id(), "claim_id": row["id"], "entity_id": eid},
                        action="claim-entity-added")
        idx.index_claim(case, row)
    return get_claim(case, row["id"])


def edit_claim(case: Case, claim_ref: str, changes: Mapping[str, object], *,
               reason: str | None = None, tz: str | None = None) -> Claim:
    """Change a claim's text, window, place, grade, status, kind or aircraft (before/after kept):
    text by field name (start, end, when, place, ...), `quoted` and `approx` true or false,
    `credibility` 1-6, `aircraft_refs` a list."""
    cid = resolve_id(case, "claims", claim_ref)
    upd: dict[str, object] = {}
    ch = dict(changes)
    if {"start", "end", "when"} & ch.keys():
        cur = get_claim(case, cid)
        new_s, new_e, when = (text_value(ch.pop(k, None), k) for k in ("start", "end", "when"))
        approx = bool(ch.pop("approx", False))
        if when or not (new_s or new_e):
            s, e = window(case, start=new_s, end=new_e, when=when, tz=tz, approx=approx)
        else:  # one end changed: the other keeps its reading (and zone) as recorded
            s = _bound(case, new_s, tz, "start", end=False) if new_s else cur.window_start
            e = _bound(case, new_e, tz, "end", end=True) if new_e else cur.window_end
            _check_order(s, e)
        upd.update(window_start=canonical_json(s.to_dict()), window_end=canonical_json(e.to_dict()),
                   start_utc=s.utc, end_utc=e.utc)
    for key, value in ch.items():
        if key == "text":
            upd["text"] = clean_text(text_value(value, key), "text", required=True)
        elif key == "quoted":
            upd["quoted"] = int(bool(value))
        elif key == "place":
            upd.update(place(text_value(value, key)))
        elif key == "credibility":
            upd["credibility"] = credibility_grade(_grade_value(value))
        elif key == "status":
            upd["status"] = choice(text_value(value, key) or "", CLAIM_STATUSES, "status")
        elif key == "kind":
            upd["kind"] = choice(text_value(value, key) or "", CLAIM_KINDS, "kind")
        elif key == "aircraft_refs":
            upd["aircraft_refs"] = dump_list(_refs(text_list(value, key)))
        elif key == "note":
            upd["note"] = clean_text(text_value(value, key), "note")
        elif key in ("leg_from", "leg_to"):
            upd[key] = leg_end(text_value(value, key), key)
        else:
            raise InvalidInput(f"a claim has no editable field {key!r}", field=key)
    _zone_from_place(case, cid, upd)
    with case.transaction():
        row = typed(ClaimRow, case.update("claims", cid, upd, action="claim-edited", reason=reason))
        idx.index_claim(case, row)
    return get_claim(case, cid)


def _grade_value(value: object) -> int | str | None:
    if value is None or isinstance(value, int | str):
        return value
    raise InvalidInput(f"credibility is a number 1-6, not {type(value).__name__}", field="credibility")


def _zone_from_place(case: Case, cid: str, upd: dict[str, object]) -> None:
    """Keep a zone-less time in the zone of the claim's place when either changes: a time read
    in the old place's zone is read again in the new one's."""
    if not ({"window_start", "place_kind"} & upd.keys()):
        return
    cur = get_claim(case, cid)
    where = {"place_kind": upd.get("place_kind", cur.place_kind),
             "place_key": upd.get("place_key", cur.place_key)}
    new: dict[str, TimeValue] = {}
    for name in ("window_start", "window_end"):
        tv = TimeValue.from_dict(json.loads(str(upd[name]))) if name in upd else getattr(cur, name)
        if tv is None:
            continue
        if tv.basis == "location-tz" and tv.local:   # placed by the old place: place it again
            tv = replace(tv, utc=None, basis="unknown", zone=None)
        got = _in_place_zone(tv, where)
        if got != (getattr(cur, name) if name not in upd else None):
            new[name] = got
    for name, tv in new.items():
        upd[name] = canonical_json(tv.to_dict())
        upd["start_utc" if name == "window_start" else "end_utc"] = tv.utc


def set_status(case: Case, claim_ref: str, status: str, *, reason: str | None = None) -> Claim:
    """Set a claim's status (unverified / corroborated / contradicted / inconclusive)."""
    return edit_claim(case, claim_ref, {"status": status}, reason=reason)


def grade_claim(case: Case, claim_ref: str, credibility: int | str,
                reason: str | None = None) -> Claim:
    """Set a claim's information credibility (1-6)."""
    if credibility_grade(credibility) is None:
        raise InvalidInput("give a grade 1-6", field="credibility")
    return edit_claim(case, claim_ref, {"credibility": credibility}, reason=reason)


def add_sources(case: Case, claim_ref: str, source_refs: Iterable[str]) -> Claim:
    """Add sources that report this claim (the same claim from several sources stays one claim)."""
    cid = resolve_id(case, "claims", claim_ref)
    sids = [resolve_id(case, "sources", r) for r in source_refs]
    with case.transaction():
        for sid in dict.fromkeys(sids):
            if not case.rows("SELECT 1 FROM claim_sources WHERE claim_id = ? AND source_id = ?",
                             [cid, sid]):
                case.insert("claim_sources", {"id": new_id(), "claim_id": cid, "source_id": sid},
                            action="claim-source-added")
    return get_claim(case, cid)


def remove_source(case: Case, claim_ref: str, source_ref: str, *, reason: str) -> Claim:
    """Say a source does not make this claim after all, for a recorded reason."""
    cid = resolve_id(case, "claims", claim_ref)
    sid = resolve_id(case, "sources", source_ref)
    rows = case.select(ClaimSourceRow, "SELECT * FROM claim_sources WHERE claim_id = ? AND source_id = ?",
                       [cid, sid])
    if not rows:
        raise InvalidInput(f"source {sid} is not a source of claim {cid}", field="source")
    with case.transaction():
        case.delete("claim_sources", rows[0]["id"], reason=reason)
    return get_claim(case, cid)


def remove_entity(case: Case, claim_ref: str, entity_ref: str, *, reason: str) -> Claim:
    """Say an entity is not involved in this claim, for a recorded reason."""
    cid = resolve_id(case, "claims", claim_ref)
    eid = resolve_id(case, "entities", entity_ref)
    rows = case.select(ClaimEntityRow, "SELECT * FROM claim_entities WHERE claim_id = ? AND entity_id = ?",
                       [cid, eid])
    if not rows:
        raise InvalidInput(f"entity {eid} is not part of claim {cid}", field="entity")
    with case.transaction():
        case.delete("claim_entities", rows[0]["id"], reason=reason)
    return get_claim(case, cid)


def add_entities(case: Case, claim_ref: str, entity_refs: Iterable[str]) -> Claim:
    """Say which entities a claim involves."""
    cid = resolve_id(case, "claims", claim_ref)
    eids = [resolve_id(case, "entities", r) for r in entity_refs]
    with case.transaction():
        for eid in dict.fromkeys(eids):
            if not case.rows("SELECT 1 FROM claim_entities WHERE claim_id = ? AND entity_id = ?",
                             [cid, eid]):
                case.insert("claim_entities", {"id": new_id(), "claim_id": cid, "entity_id": eid},
                            action="claim-entity-added")
    return get_claim(case, cid)


def link(case: Case, claim_ref: str, item_ref: str, relation: str,
         note: str | None = None) -> ClaimLink:
    """Link an evidence item to a claim (supports / contradicts / context); relinking edits it."""
    cid = resolve_id(case, "claims", claim_ref)
    item = case.resolve_item(item_ref)
    rel = choice(relation, LINK_RELATIONS, "relation")
    text = clean_text(note, "note")
    existing = case.select(ClaimLinkRow, "SELECT * FROM claim_links WHERE claim_id = ? AND item_id = ?",
                           [cid, item["id"]])
    with case.transaction():
        if existing:
            case.update("claim_links", existing[0]["id"], {"relation": rel, "note": text},
                        action="claim-link-edited", item_id=item["id"])
        else:
            case.insert("claim_links", {"id": new_id(), "claim_id": cid, "item_id": item["id"],
                                        "relation": rel, "note": text, "created_at": now_z()},
                        action="claim-linked", item_id=item["id"])
    return ClaimLink(item["id"], rel, text)


def unlink(case: Case, claim_ref: str, item_ref: str, *, reason: str) -> None:
    """Remove an item's link to a claim, for a recorded reason."""
    cid = resolve_id(case, "claims", claim_ref)
    item = case.resolve_item(item_ref)
    rows = case.select(ClaimLinkRow, "SELECT * FROM claim_links WHERE claim_id = ? AND item_id = ?",
                       [cid, item["id"]])
    if not rows:
        raise InvalidInput(f"item {item['id']} is not linked to claim {cid}", field="item")
    with case.transaction():
        case.delete("claim_links", rows[0]["id"], reason=reason, item_id=item["id"])


def delete_claim(case: Case, claim_ref: str, *, reason: str) -> ClaimRow:
    """Delete a claim and its links for a recorded reason (the ledger keeps all of it)."""
    cid = resolve_id(case, "claims", claim_ref)
    if not reason or not reason.strip():
        raise InvalidInput("deleting a claim needs a reason", field="reason")
    with case.transaction():
        for link_ in case.select(ClaimLinkRow, "SELECT * FROM claim_links WHERE claim_id = ?", [cid]):
            case.delete("claim_links", link_["id"], reason=reason, item_id=link_["item_id"])
        for table in ("claim_sources", "claim_entities"):
            for r in case.select(IdRow, f"SELECT id FROM {table} WHERE claim_id = ?", [cid]):
                case.delete(table, r["id"], reason=reason)
        before = typed(ClaimRow, case.delete("claims", cid, reason=reason))
        idx.unindex(case, "claim", cid)
    return before


# ---- reading --------------------------------------------------------------------------------
def _sources_by_claim(case: Case) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for r in case.select(ClaimSourceRow, "SELECT * FROM claim_sources ORDER BY id"):
        out.setdefault(r["claim_id"], []).append(r["source_id"])
    return out


def _entities_by_claim(case: Case) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for r in case.select(ClaimEntityRow, "SELECT * FROM claim_entities ORDER BY id"):
        out.setdefault(r["claim_id"], []).append(r["entity_id"])
    return out


def _to_claim(row: ClaimRow, sources: list[str], entities: list[str]) -> Claim:
    return Claim(
        id=row["id"], text=row["text"], quoted=bool(row["quoted"]),
        window_start=TimeValue(**json.loads(row["window_start"])),
        window_end=TimeValue(**json.loads(row["window_end"])),
        place_text=row["place_text"], place_icao=row["place_icao"], place_lat=row["place_lat"],
        place_lon=row["place_lon"], place_kind=row.get("place_kind"), place_key=row.get("place_key"),
        credibility=row["credibility"], status=row["status"],
        source_ids=sources, entity_ids=entities, kind=row["kind"],
        aircraft_refs=load_list(row["aircraft_refs"]), note=row["note"], created_at=row["created_at"],
        credibility_meaning=CREDIBILITY.get(row["credibility"] or 0),
        leg_from=row.get("leg_from"), leg_to=row.get("leg_to"))


def list_claims(case: Case) -> list[Claim]:
    """Every claim, oldest first, with its sources and entities."""
    srcs, ents = _sources_by_claim(case), _entities_by_claim(case)
    return [_to_claim(r, srcs.get(r["id"], []), ents.get(r["id"], []))
            for r in case.select(ClaimRow, "SELECT * FROM claims ORDER BY id")]


def get_claim(case: Case, claim_ref: str) -> Claim:
    cid = resolve_id(case, "claims", claim_ref)
    row = typed(ClaimRow, case.get_row("claims", cid))
    srcs = [r["source_id"] for r in case.select(
        ClaimSourceRow, "SELECT * FROM claim_sources WHERE claim_id = ? ORDER BY id", [cid])]
    ents = [r["entity_id"] for r in case.select(
        ClaimEntityRow, "SELECT * FROM claim_entities WHERE claim_id = ? ORDER BY id", [cid])]
    return _to_claim(row, srcs, ents)


def claim_links(case: Case, claim_id: str) -> list[ClaimLink]:
    """(item_id, relation, note) for each evidence item linked to a claim."""
    cid = resolve_id(case, "claims", claim_id)
    return [ClaimLink(r["item_id"], r["relation"], r["note"]) for r in case.select(
        ClaimLinkRow, "SELECT * FROM claim_links WHERE claim_id = ? ORDER BY id", [cid])]


def claims_of_item(case: Case, item_id: str) -> list[tuple[str, str]]:
    """(claim id, relation) for each claim an item is linked to."""
    return [(r["claim_id"], r["relation"]) for r in case.select(ClaimLinkRow,
        "SELECT * FROM claim_links WHERE item_id = ? ORDER BY id", [item_id])]


def window_utc(claim: Claim) -> tuple[str, str] | None:
    """The claim's window as UTC text (widened for unknown zones), or None when no time is asserted."""
    lo, hi = claim.window_start.window(), claim.window_end.window()
    first, last = lo or hi, hi or lo
    if first is None or last is None:
        return None
    return iso_z(first[0]), iso_z(last[1])

