"""`casefile entity|note|tag|search ...`: entities, notes and tags on anything, full-text search."""

from __future__ import annotations

from typing import Any

import click

from casefile.analyst import names
from casefile.analyst.search import INDEXED, LIVE
from casefile.cli.base import Choice, Out, cli, command, group
from casefile.cli.naming import add_ref, add_refs
from casefile.cli.output import print_table
from casefile.model.analyst import ENTITY_KIND_ALIASES, ENTITY_KINDS
from casefile.store import Case

entity = group(cli, "entity", help="aircraft, people, organisations, places")
note = group(cli, "note", help="notes on items, sources, claims, entities or the case")
tag = group(cli, "tag", help="tags on items, sources, claims, entities")

REASON = click.option("--reason", required=True, help="why (kept in the custody log)")


ENTITY_KIND = Choice(ENTITY_KINDS, ENTITY_KIND_ALIASES)


@command(entity, "add", help="record an entity", write=True)
@click.argument("kind", metavar="KIND", type=ENTITY_KIND)
@click.argument("name", metavar="NAME", required=False)
@click.option("--alias", multiple=True, metavar="NAME", help="another name (repeat)")
@click.option("--ref", help="aircraft: registration/hex/type; place: airport code (UUMU, CCS)")
@click.option("--note")
def entity_add(case: Case, kind: str, name: str | None, alias: tuple[str, ...], ref: str | None,
               note: str | None) -> Out:
    """KIND: aircraft | person | organisation | place. NAME: its name (a place may be an airport
    code: UUMU, CCS)."""
    from casefile.analyst.entities import get_entity
    from casefile.commands import EntityAdd, submit

    done = submit(case, EntityAdd(kind=kind, entity_name=name, aliases=alias, ref=ref, note=note))
    e = get_entity(case, done.record_id or "")
    return Out(_entity(case, e.to_dict()),
               lambda d: print(f"entity {d['short_ref']}: {d['kind']} {d['name']}"))


def _entity(case: Case, row: dict[str, Any]) -> dict[str, Any]:
    """An entity row with its short reference as `short_ref` (its `ref` is its registration,
    hex, type or airport code)."""
    return add_ref(case, row, key="short_ref")


@command(entity, "list", help="list entities")
@click.option("--kind", type=ENTITY_KIND, help="only entities of this kind")
def entity_list(case: Case, kind: str | None) -> Out:
    from casefile.analyst.query import list_entities

    rows = add_refs(case, [e.to_dict() for e in list_entities(case, kind)], key="short_ref")

    def human(rows: list[dict]) -> None:
        print_table([(e["short_ref"], e["kind"], e["name"], e["ref"] or "", ", ".join(e["aliases"]))
                     for e in rows], ["REF", "KIND", "NAME", "CODE", "ALIASES"])
        print(f"{len(rows)} entities")

    return Out(rows, human)


@command(entity, "alias", help="add another name for an entity", write=True)
@click.argument("entity_ref", metavar="ENTITY")
@click.argument("alias", metavar="ALIAS")
def entity_alias(case: Case, entity_ref: str, alias: str) -> Out:
    from casefile.analyst.entities import get_entity
    from casefile.commands import EntityAlias, submit

    eid = names.entity(case, entity_ref)
    submit(case, EntityAlias(entity=eid, alias=alias))
    e = get_entity(case, eid)
    return Out(_entity(case, e.to_dict()), lambda d: print(
        f"entity {d['short_ref']}: {d['name']} (also {', '.join(d['aliases'])})"))


@command(entity, "delete", help="delete an entity (reason required)", write=True)
@click.argument("entity_ref", metavar="ENTITY")
@REASON
def entity_delete(case: Case, entity_ref: str, reason: str) -> Out:
    from casefile.commands import EntityDelete, submit

    eid = names.entity(case, entity_ref)
    label = names.labels(case, [eid])[eid]
    before = case.get_row("entities", eid)
    submit(case, EntityDelete(entity=eid, reason=reason))
    return Out({"deleted": before, "reason": reason},
               lambda d: print(f"entity {label} deleted ({d['reason']})"))


@command(note, "add", help="add a note", write=True)
@click.argument("target", metavar="TARGET")
@click.argument("text", metavar="TEXT")
def note_add(case: Case, target: str, text: str) -> Out:
    """TARGET: an item, source, claim or entity (reference, id or name), or 'case'."""
    from casefile.commands import NoteAdd, submit

    done = submit(case, NoteAdd(target=_target(case, target), text=text))
    row = add_ref(case, add_ref(case, case.get_row("notes", str(done.record_id))),
                  "target_id", "target_ref")
    return Out(row, lambda d: print(f"note {d['ref'] or d['id']} on {d['target_kind']} "
                                    f"{d['target_ref'] or d['target_id'] or ''}"))


def _target(case: Case, text: str | None) -> str | None:
    """What a note or tag is about, by reference, name or id ('case': the case itself)."""
    if text is None or text.strip().lower() in ("", "case"):
        return text
    return names.target(case, text)


@command(note, "list", help="list notes (on one target, or all)")
@click.argument("target", metavar="[TARGET]", required=False)
def note_list(case: Case, target: str | None) -> Out:
    from casefile.analyst.notes import notes

    def human(rows: list[dict]) -> None:
        print_table([(n["ref"] or n["id"], n["created_at"], n["created_by"], n["target_kind"],
                      n["target_ref"] or n["target_id"] or "", n["text"]) for n in rows],
                    ["REF", "AT (UTC)", "BY", "ON", "TARGET", "TEXT"])

    rows = add_refs(case, notes(case, _target(case, target)))
    return Out(add_refs(case, rows, "target_id", "target_ref"), human)


@command(note, "delete", help="delete a note (reason required)", write=True)
@click.argument("note_ref", metavar="NOTE")
@REASON
def note_delete(case: Case, note_ref: str, reason: str) -> Out:
    from casefile.analyst.inputs import resolve_id
    from casefile.commands import NoteDelete, submit

    nid = resolve_id(case, "notes", note_ref)
    before = add_ref(case, case.get_row("notes", nid))
    submit(case, NoteDelete(note=nid, reason=reason))
    return Out({"deleted": before, "reason": reason},
               lambda d: print(f"note {d['deleted'].get('ref') or d['deleted']['id']} deleted "
                               f"({d['reason']})"))


@command(tag, "add", help="tag something (e.g. aircraft:RA-82010 on a photo); --remove takes tags off",
         write=True)
@click.argument("target", metavar="TARGET")
@click.argument("tags", nargs=-1, required=True, metavar="TAG...")
@click.option("--remove", is_flag=True, help="remove these tags (give --reason)")
@click.option("--reason", metavar="TEXT", help="why they are removed (kept in the ledger)")
def tag_add(case: Case, target: str, tags: tuple[str, ...], remove: bool, reason: str | None) -> Out:
    from casefile.analyst import notes
    from casefile.errors import InvalidInput

    if remove:
        if not (reason or "").strip():
            raise InvalidInput("--remove needs --reason (why the tag is taken off)", field="--reason")
        target_id = names.target(case, target)
        removed = [_remove_tag(case, target_id, t, str(reason)) for t in tags]
        return Out({"removed": removed, "reason": reason}, lambda d: print(
            f"removed tag {', '.join(r['tag'] for r in d['removed'])} ({d['reason']})"))

    from casefile.commands import TagAdd, submit

    target_id = names.target(case, target)
    for t in tags:                      # one edit each: each can be undone on its own
        submit(case, TagAdd(target=target_id, tag=t))
    data = add_ref(case, {"target_id": target_id, "tags": notes.tags(case, target_id)},
                   "target_id", "target_ref")
    return Out(data, lambda d: print(f"{d['target_ref'] or d['target_id']}: {', '.join(d['tags'])}"))


def _remove_tag(case: Case, target_id: str, tag_name: str, reason: str) -> dict[str, Any]:
    """Remove one tag through its command; returns what was removed (the tag's row as it was)."""
    from casefile.analyst.notes import normalise_tag, resolve_target
    from casefile.commands import TagRemove, submit

    kind, _tid = resolve_target(case, target_id)
    t = normalise_tag(tag_name)
    rows = case.rows("SELECT * FROM tags WHERE target_id = ? AND tag = ?", [target_id, t])
    before = rows[0] if rows else {"target_kind": kind, "target_id": target_id, "tag": t,
                                   "stored_by": "photos"}
    submit(case, TagRemove(target=target_id, tag=tag_name, reason=reason))
    return before


@command(tag, "list", help="tags of one target, what carries a tag, or all tags")
@click.argument("target", metavar="[TARGET]", required=False)
@click.option("--tag", "tag_name", metavar="TAG", help="list what carries this tag")
def tag_list(case: Case, target: str | None, tag_name: str | None) -> Out:
    from casefile.analyst.notes import all_tags, tagged, tags

    data: Any
    if target:
        target_id = names.target(case, target)
        data = add_ref(case, {"target_id": target_id, "tags": tags(case, target_id)},
                       "target_id", "target_ref")
    elif tag_name:
        labels = names.labels(case, [r["target_id"] for r in tagged(case, tag_name)])
        data = [{**r, "target_ref": labels.get(r["target_id"], "").split(" ")[0] or None,
                 "label": labels.get(r["target_id"])} for r in tagged(case, tag_name)]
    else:
        data = all_tags(case)

    def human(d: Any) -> None:
        if isinstance(d, dict):
            print("\n".join(d["tags"]))
        elif tag_name:
            print_table([(r["target_kind"], r["label"] or r["target_id"]) for r in d],
                        ["KIND", "WHAT"])
        else:
            print_table([(r["tag"], r["count"]) for r in d], ["TAG", "COUNT"])

    return Out(data, human)


@command(tag, "remove", help="old spelling of `tag add --remove`", write=True, hidden=True)
@click.argument("target", metavar="TARGET")
@click.argument("tag_name", metavar="TAG")
@REASON
def tag_remove(case: Case, target: str, tag_name: str, reason: str) -> Out:
    before = _remove_tag(case, names.target(case, target), tag_name, reason)
    return Out({"removed": before, "reason": reason},
               lambda d: print(f"removed tag {d['removed']['tag']} ({d['reason']})"))


@command(cli, "search", help="search everything written or imported: sources, captures, claims, "
         "notes, entities, items, tags, findings", write=lambda o: bool(o["rebuild"]))
@click.argument("query", metavar="QUERY")
@click.option("--kind", multiple=True, type=Choice(INDEXED + LIVE), help="only these (repeat)")
@click.option("--limit", type=int, default=50, show_default=True)
@click.option("--rebuild", is_flag=True, help="rebuild the search index first")
def search(case: Case, query: str, kind: tuple[str, ...], limit: int, rebuild: bool) -> Out:
    """QUERY: words (all must occur), "a phrase", prefix*, OR. Items are found by file name,
    notes, where they came from, camera, lens and software, and a flight record's aircraft and
    callsigns; the text of saved pages and documents (PDF, text) as "capture"."""
    from casefile.analyst.search import rebuild_index, search

    if rebuild:
        rebuild_index(case)
    hits = add_refs(case, [h.to_dict() for h in search(case, query, kinds=kind or None, limit=limit)])

    def human(rows: list[dict]) -> None:
        for h in rows:
            print(f"{h['kind']:<8} {h['ref'] or h['id']:<6} {h['title'][:70]}")
            print(f"         {' '.join(h['snippet'].split())}")
        print(f"{len(rows)} hits")

    return Out(hits, human)
