"""The window's edits, each a core call and its recorded inverse (see edits.py).

Inverses go through the same core functions with the reason "undo" where the core has one (delete,
unlink, untag, edit back); where the core has no way to write the old value (a grade back to
"not graded", a window back to the zone it was read in, an alias list) the tracked store update
writes it, so the ledger keeps before and after either way.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from casefile.analyst import query as analyst
from casefile.flights import query as flights
from casefile.photos import query as photos
from casefile.store import Case
from casefile.ui.operations.edits import UNDO_REASON, Edit


def _id(result: Any) -> str | None:
    rid = getattr(result, "id", None)
    if rid is None and isinstance(result, dict):
        rid = result.get("id")
    return str(rid) if rid else None


def _restore(case: Case, table: str, row_id: str, old: Mapping[str, Any], action: str) -> None:
    """Write old values back as a tracked update (before/after in the ledger, reason "undo")."""
    with case.transaction():
        case.update(table, row_id, dict(old), action=action, reason=UNDO_REASON)


def _old(case: Case, table: str, row_id: str, fields: tuple[str, ...]) -> dict[str, Any]:
    row = case.get_row(table, row_id)
    return {f: row[f] for f in fields}


# ---- sources ----------------------------------------------------------------------------------
def add_source(fields: Mapping[str, Any], label: str) -> Edit:
    def apply(case: Case) -> Any:
        return analyst.add_source(case, **dict(fields))

    def revert(case: Case, src: Any) -> None:
        analyst.delete_source(case, src.id, reason=UNDO_REASON)

    return Edit(f"Add source {label}", apply, revert, _id)


_SOURCE_GRADE = ("reliability", "reliability_rationale")


def grade_source(source_id: str, grade: str, rationale: str | None, label: str) -> Edit:
    def apply(case: Case) -> dict[str, Any]:
        old = _old(case, "sources", source_id, _SOURCE_GRADE)
        analyst.grade_source(case, source_id, grade, rationale)
        return old

    def revert(case: Case, old: dict[str, Any]) -> None:
        if old["reliability"]:
            analyst.grade_source(case, source_id, old["reliability"], old["reliability_rationale"] or "")
        else:                              # back to "not graded": no core call writes that
            _restore(case, "sources", source_id, old, "source-graded")

    return Edit(f"Grade {label} as {grade}", apply, revert)


_SOURCE_TEXT = ("kind", "url", "title", "publisher", "author", "collected_by", "note")


def edit_source(source_id: str, changes: Mapping[str, Any], label: str) -> Edit:
    """Change text fields of a source (kind, url, title, publisher, author, note)."""
    bad = set(changes) - set(_SOURCE_TEXT)
    if bad:
        raise ValueError(f"not an editable source text field: {sorted(bad)}")

    def apply(case: Case) -> dict[str, Any]:
        old = _old(case, "sources", source_id, tuple(changes))
        analyst.edit_source(case, source_id, changes)
        return old

    def revert(case: Case, old: dict[str, Any]) -> None:
        analyst.edit_source(case, source_id, old, reason=UNDO_REASON)

    return Edit(f"Edit {label}", apply, revert)


def add_archive_url(source_id: str, url: str, label: str) -> Edit:
    def apply(case: Case) -> dict[str, Any]:
        old = _old(case, "sources", source_id, ("archive_urls",))
        analyst.add_archive_url(case, source_id, url)
        return old

    def revert(case: Case, old: dict[str, Any]) -> None:
        _restore(case, "sources", source_id, old, "source-edited")

    return Edit(f"Add archive link to {label}", apply, revert)


def attach_item(source_id: str, item_id: str, role: str, label: str) -> Edit:
    def apply(case: Case) -> None:
        analyst.attach_item(case, source_id, item_id, role)

    def revert(case: Case, _none: None) -> None:
        analyst.detach_item(case, source_id, item_id, reason=UNDO_REASON)

    return Edit(f"Attach {label}", apply, revert)


def delete_source(source_id: str, reason: str, label: str) -> Edit:
    """Delete for a reason; undo puts the same source back (same reference, same links)."""
    def go(case: Case) -> Any:
        rows = analyst.source_snapshot(case, source_id)
        analyst.delete_source(case, source_id, reason=reason)
        return rows

    def revert(case: Case, rows: Any) -> None:
        analyst.restore(case, rows, reason=UNDO_REASON)

    return Edit(f"Delete {label}", go, revert)


def relate_sources(source_id: str, other_id: str, relation: str, note: str | None, label: str) -> Edit:
    """This source cites, or is derived from, another (so the two are not independent)."""
    def apply(case: Case) -> Any:
        return next((r for r in analyst.source_relations(case) if (r.source_id, r.other_id, r.relation)
                     == (source_id, other_id, relation)), None)

    def go(case: Case) -> Any:
        old = apply(case)
        analyst.relate_sources(case, source_id, other_id, relation, note)
        return old

    def revert(case: Case, old: Any) -> None:
        if old is None:
            analyst.unrelate_sources(case, source_id, other_id, reason=UNDO_REASON)
        else:
            analyst.relate_sources(case, source_id, other_id, relation, old.note)

    return Edit(f"{label}", go, revert)


# ---- claims -----------------------------------------------------------------------------------
def add_claim(fields: Mapping[str, Any], label: str) -> Edit:
    def apply(case: Case) -> Any:
        return analyst.add_claim(case, **dict(fields))

    def revert(case: Case, claim: Any) -> None:
        analyst.delete_claim(case, claim.id, reason=UNDO_REASON)

    return Edit(f"Add claim {label}", apply, revert, _id)


_CLAIM_COLUMNS = {"text": ("text",), "place": ("place_text", "place_icao", "place_lat", "place_lon"),
                  "credibility": ("credibility",), "status": ("status",), "kind": ("kind",),
                  "note": ("note",), "aircraft_refs": ("aircraft_refs",), "quoted": ("quoted",),
                  "start": ("window_start", "window_end", "start_utc", "end_utc"),
                  "end": ("window_start", "window_end", "start_utc", "end_utc"),
                  "when": ("window_start", "window_end", "start_utc", "end_utc")}


def edit_claim(claim_id: str, changes: Mapping[str, Any], label: str, *, reason: str | None = None,
               tz: str | None = None, what: str = "Edit") -> Edit:
    """Change a claim (text, window with its zone, place, credibility, status with a reason, kind)."""
    cols = tuple(dict.fromkeys(c for k in changes for c in _CLAIM_COLUMNS.get(k, (k,))))

    def apply(case: Case) -> dict[str, Any]:
        old = _old(case, "claims", claim_id, cols)
        analyst.edit_claim(case, claim_id, changes, reason=reason, tz=tz)
        return old

    def revert(case: Case, old: dict[str, Any]) -> None:
        _restore(case, "claims", claim_id, old, "claim-edited")

    return Edit(f"{what} {label}", apply, revert)


def link_item(claim_id: str, item_id: str, relation: str, note: str | None, label: str) -> Edit:
    def apply(case: Case) -> Any:
        old = next((lk for lk in analyst.claim_links(case, claim_id) if lk.item_id == item_id), None)
        analyst.link(case, claim_id, item_id, relation, note)
        return old

    def revert(case: Case, old: Any) -> None:
        if old is None:
            analyst.unlink(case, claim_id, item_id, reason=UNDO_REASON)
        else:                                   # relinking edits the link back (recorded)
            analyst.link(case, claim_id, item_id, old.relation, old.note)

    return Edit(f"Link {label}", apply, revert)


def claim_sources(claim_id: str, source_ids: list[str], label: str) -> Edit:
    def apply(case: Case) -> list[str]:
        have = set(analyst.get_claim(case, claim_id).source_ids)
        analyst.add_sources(case, claim_id, source_ids)
        return [s for s in source_ids if s not in have]

    def revert(case: Case, added: list[str]) -> None:
        for sid in added:
            analyst.remove_source(case, claim_id, sid, reason=UNDO_REASON)

    return Edit(f"Add sources to {label}", apply, revert)


def claim_entities(claim_id: str, entity_ids: list[str], label: str) -> Edit:
    def apply(case: Case) -> list[str]:
        have = set(analyst.get_claim(case, claim_id).entity_ids)
        analyst.add_entities(case, claim_id, entity_ids)
        return [e for e in entity_ids if e not in have]

    def revert(case: Case, added: list[str]) -> None:
        for eid in added:
            analyst.remove_entity(case, claim_id, eid, reason=UNDO_REASON)

    return Edit(f"Add entities to {label}", apply, revert)


# ---- entities, notes, tags ----------------------------------------------------------------------
def add_entity(kind: str, name: str, aliases: list[str], ref: str | None, label: str) -> Edit:
    def apply(case: Case) -> Any:
        return analyst.add_entity(case, kind, name or None, aliases=aliases, ref=ref or None)

    def revert(case: Case, ent: Any) -> None:
        analyst.delete_entity(case, ent.id, reason=UNDO_REASON)

    return Edit(f"Add entity {label}", apply, revert, _id, xref=kind in ("aircraft", "place"))


def add_alias(entity_id: str, alias: str, label: str) -> Edit:
    def apply(case: Case) -> dict[str, Any]:
        old = _old(case, "entities", entity_id, ("aliases",))
        analyst.add_alias(case, entity_id, alias)
        return old

    def revert(case: Case, old: dict[str, Any]) -> None:
        _restore(case, "entities", entity_id, old, "entity-edited")

    return Edit(f"Add alias {alias!r} to {label}", apply, revert, xref=False)


def add_note(target_id: str | None, text: str, label: str) -> Edit:
    def apply(case: Case) -> dict[str, Any]:
        return analyst.add_note(case, target_id, text)

    def revert(case: Case, row: dict[str, Any]) -> None:
        analyst.delete_note(case, row["id"], reason=UNDO_REASON)

    return Edit(f"Add note to {label}", apply, revert, xref=False)


def add_tag(target_id: str, tag: str, label: str) -> Edit:
    def apply(case: Case) -> bool:
        before = tag_present(case, target_id, tag)
        analyst.add_tag(case, target_id, tag)
        return not before

    def revert(case: Case, added: bool) -> None:
        if added:
            analyst.remove_tag(case, target_id, tag, reason=UNDO_REASON)

    return Edit(f"Tag {label} {tag!r}", apply, revert, xref=tag.lower().startswith("aircraft"))


def tag_present(case: Case, target_id: str, tag: str) -> bool:
    t = tag.strip().casefold().replace(" ", "")
    return any(x.casefold().replace(" ", "") == t for x in analyst.tags(case, target_id))


# ---- photos and flights ---------------------------------------------------------------------------
def place_photo(item_id: str, lat: float | None, lon: float | None, note: str | None, label: str) -> Edit:
    def apply(case: Case) -> tuple[float | None, float | None, str | None]:
        old = _old(case, "photos", item_id, ("place_lat", "place_lon", "place_note"))
        photos.set_photo_location(case, item_id, lat, lon, note)
        return old["place_lat"], old["place_lon"], old["place_note"]

    def revert(case: Case, old: tuple[float | None, float | None, str | None]) -> None:
        photos.set_photo_location(case, item_id, old[0], old[1], old[2] or UNDO_REASON)

    where = f"{lat:.5f}, {lon:.5f}" if lat is not None and lon is not None else "nowhere"
    return Edit(f"Place {label} at {where}", apply, revert)


def tag_aircraft(item_id: str, ref: str, label: str) -> Edit:
    def apply(case: Case) -> bool:
        had = ref.strip().upper() in {t.upper() for t in photos.get_photo(case, item_id).aircraft_tags}
        photos.tag_aircraft(case, item_id, ref)
        return not had

    def revert(case: Case, added: bool) -> None:
        if added:
            photos.untag_aircraft(case, item_id, ref, reason=UNDO_REASON)

    return Edit(f"Tag {label} with aircraft {ref.upper()}", apply, revert)


def add_reported_flight(fields: Mapping[str, Any], label: str) -> Edit:
    def apply(case: Case) -> Any:
        return flights.add_reported_flight(case, **dict(fields))

    def revert(case: Case, rf: Any) -> None:
        with case.transaction():           # the flights part has no delete: a tracked one
            case.delete("reported_flights", rf.id, reason=UNDO_REASON)

    return Edit(f"Add reported flight {label}", apply, revert, _id)
