"""`casefile entity|note|tag|search ...`: entities, notes and tags on anything, full-text search."""

from __future__ import annotations

import argparse
from typing import Any

from casefile.cli.args import add_case_arg, add_json_arg, open_case
from casefile.cli.output import emit, print_table


def register(sub: argparse._SubParsersAction) -> None:
    ent = sub.add_parser("entity", help="aircraft, people, organisations, places")
    esub = ent.add_subparsers(dest="entity_cmd", metavar="ACTION", required=True)
    p = esub.add_parser("add", help="record an entity")
    add_case_arg(p)
    p.add_argument("kind", metavar="KIND", help="aircraft | person | organisation | place")
    p.add_argument("name", metavar="NAME", nargs="?",
                   help="its name (a place may be an airport code: UUMU, CCS)")
    p.add_argument("--alias", action="append", default=[], metavar="NAME")
    p.add_argument("--ref", help="aircraft: registration/hex/type; place: airport code")
    p.add_argument("--note")
    add_json_arg(p)
    p.set_defaults(func=cmd_entity_add)

    p = esub.add_parser("list", help="list entities")
    add_case_arg(p)
    p.add_argument("--kind")
    add_json_arg(p)
    p.set_defaults(func=cmd_entity_list)

    p = esub.add_parser("alias", help="add another name for an entity")
    add_case_arg(p)
    p.add_argument("entity", metavar="ENTITY")
    p.add_argument("alias", metavar="ALIAS")
    add_json_arg(p)
    p.set_defaults(func=cmd_entity_alias)

    p = esub.add_parser("delete", help="delete an entity (reason required)")
    add_case_arg(p)
    p.add_argument("entity", metavar="ENTITY")
    p.add_argument("--reason", required=True)
    add_json_arg(p)
    p.set_defaults(func=cmd_entity_delete)

    note = sub.add_parser("note", help="notes on items, sources, claims, entities or the case")
    nsub = note.add_subparsers(dest="note_cmd", metavar="ACTION", required=True)
    p = nsub.add_parser("add", help="add a note")
    add_case_arg(p)
    p.add_argument("target", metavar="TARGET", help="an item/source/claim/entity id, or 'case'")
    p.add_argument("text", metavar="TEXT")
    add_json_arg(p)
    p.set_defaults(func=cmd_note_add)

    p = nsub.add_parser("list", help="list notes (on one target, or all)")
    add_case_arg(p)
    p.add_argument("target", metavar="TARGET", nargs="?")
    add_json_arg(p)
    p.set_defaults(func=cmd_note_list)

    p = nsub.add_parser("delete", help="delete a note (reason required)")
    add_case_arg(p)
    p.add_argument("note", metavar="NOTE")
    p.add_argument("--reason", required=True)
    add_json_arg(p)
    p.set_defaults(func=cmd_note_delete)

    tag = sub.add_parser("tag", help="tags on items, sources, claims, entities")
    tsub = tag.add_subparsers(dest="tag_cmd", metavar="ACTION", required=True)
    p = tsub.add_parser("add", help="tag something (e.g. aircraft:RA-82010 on a photo)")
    add_case_arg(p)
    p.add_argument("target", metavar="TARGET")
    p.add_argument("tags", nargs="+", metavar="TAG")
    add_json_arg(p)
    p.set_defaults(func=cmd_tag_add)

    p = tsub.add_parser("list", help="tags of one target, what carries a tag, or all tags")
    add_case_arg(p)
    p.add_argument("target", metavar="TARGET", nargs="?")
    p.add_argument("--tag", help="list what carries this tag")
    add_json_arg(p)
    p.set_defaults(func=cmd_tag_list)

    p = tsub.add_parser("remove", help="remove a tag (reason required)")
    add_case_arg(p)
    p.add_argument("target", metavar="TARGET")
    p.add_argument("tag", metavar="TAG")
    p.add_argument("--reason", required=True)
    add_json_arg(p)
    p.set_defaults(func=cmd_tag_remove)

    p = sub.add_parser("search", help="full-text search of sources, captures, claims, notes")
    add_case_arg(p)
    p.add_argument("query", metavar="QUERY", help='words (all must occur), "a phrase", pref*')
    p.add_argument("--kind", action="append", metavar="KIND",
                   help="only source | capture | claim | note | entity (repeat)")
    p.add_argument("--limit", type=int, default=50)
    p.add_argument("--rebuild", action="store_true", help="rebuild the search index first")
    add_json_arg(p)
    p.set_defaults(func=cmd_search)


def cmd_entity_add(args: argparse.Namespace) -> int:
    from casefile.analyst.entities import add_entity

    with open_case(args, write=True) as case:
        e = add_entity(case, args.kind, args.name, aliases=args.alias, ref=args.ref, note=args.note)
    emit(args, e.to_dict(), lambda d: print(f"entity {d['id']}: {d['kind']} {d['name']}"))
    return 0


def cmd_entity_list(args: argparse.Namespace) -> int:
    from casefile.analyst.query import list_entities

    with open_case(args, write=False) as case:
        rows = list_entities(case, args.kind)

    def human(_: Any) -> None:
        print_table([(e.id, e.kind, e.name, e.ref or "", ", ".join(e.aliases)) for e in rows],
                    ["ID", "KIND", "NAME", "REF", "ALIASES"])
        print(f"{len(rows)} entities")

    emit(args, [e.to_dict() for e in rows], human)
    return 0


def cmd_entity_alias(args: argparse.Namespace) -> int:
    from casefile.analyst.entities import add_alias, find_entity

    with open_case(args, write=True) as case:
        e = add_alias(case, find_entity(case, args.entity).id, args.alias)
    emit(args, e.to_dict(), lambda d: print(f"entity {d['id']}: {d['name']} "
                                            f"(also {', '.join(d['aliases'])})"))
    return 0


def cmd_entity_delete(args: argparse.Namespace) -> int:
    from casefile.analyst.entities import delete_entity, find_entity

    with open_case(args, write=True) as case:
        before = delete_entity(case, find_entity(case, args.entity).id, reason=args.reason)
    emit(args, {"deleted": before, "reason": args.reason},
         lambda d: print(f"entity {d['deleted']['id']} deleted ({d['reason']})"))
    return 0


def cmd_note_add(args: argparse.Namespace) -> int:
    from casefile.analyst.notes import add_note

    with open_case(args, write=True) as case:
        row = add_note(case, args.target, args.text)
    emit(args, row, lambda d: print(f"note {d['id']} on {d['target_kind']} {d['target_id'] or ''}"))
    return 0


def cmd_note_list(args: argparse.Namespace) -> int:
    from casefile.analyst.notes import notes

    with open_case(args, write=False) as case:
        rows = notes(case, args.target)

    def human(_: Any) -> None:
        print_table([(n["id"], n["created_at"], n["created_by"], n["target_kind"],
                      n["target_id"] or "", n["text"]) for n in rows],
                    ["ID", "AT (UTC)", "BY", "ON", "TARGET", "TEXT"])

    emit(args, rows, human)
    return 0


def cmd_note_delete(args: argparse.Namespace) -> int:
    from casefile.analyst.notes import delete_note

    with open_case(args, write=True) as case:
        before = delete_note(case, args.note, reason=args.reason)
    emit(args, {"deleted": before, "reason": args.reason},
         lambda d: print(f"note {d['deleted']['id']} deleted ({d['reason']})"))
    return 0


def cmd_tag_add(args: argparse.Namespace) -> int:
    from casefile.analyst.notes import add_tag, resolve_target, tags

    with open_case(args, write=True) as case:
        _, target_id = resolve_target(case, args.target)
        with case.transaction():
            for t in args.tags:
                add_tag(case, args.target, t)
        data = {"target_id": target_id, "tags": tags(case, target_id or "")}
    emit(args, data, lambda d: print(f"{d['target_id']}: {', '.join(d['tags'])}"))
    return 0


def cmd_tag_list(args: argparse.Namespace) -> int:
    from casefile.analyst.notes import all_tags, resolve_target, tagged, tags

    with open_case(args, write=False) as case:
        if args.target:
            _, target_id = resolve_target(case, args.target)
            data: Any = {"target_id": target_id, "tags": tags(case, target_id or "")}
        elif args.tag:
            data = tagged(case, args.tag)
        else:
            data = all_tags(case)

    def human(d: Any) -> None:
        if isinstance(d, dict):
            print("\n".join(d["tags"]))
        elif args.tag:
            print_table([(r["target_kind"], r["target_id"]) for r in d], ["KIND", "ID"])
        else:
            print_table([(r["tag"], r["count"]) for r in d], ["TAG", "COUNT"])

    emit(args, data, human)
    return 0


def cmd_tag_remove(args: argparse.Namespace) -> int:
    from casefile.analyst.notes import remove_tag

    with open_case(args, write=True) as case:
        before = remove_tag(case, args.target, args.tag, reason=args.reason)
    emit(args, {"removed": before, "reason": args.reason},
         lambda d: print(f"removed tag {d['removed']['tag']} ({d['reason']})"))
    return 0


def cmd_search(args: argparse.Namespace) -> int:
    from casefile.analyst.search import rebuild_index, search

    with open_case(args, write=args.rebuild) as case:
        if args.rebuild:
            rebuild_index(case)
        hits = search(case, args.query, kinds=tuple(args.kind) if args.kind else None,
                      limit=args.limit)

    def human(_: Any) -> None:
        for h in hits:
            print(f"{h.kind:<8} {h.id}  {h.title[:60]}")
            print(f"         {' '.join(h.snippet.split())}")
        print(f"{len(hits)} hits")

    emit(args, [h.to_dict() for h in hits], human)
    return 0
