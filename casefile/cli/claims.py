"""`casefile claim ...`: record claims, grade them 1-6, set their status, link evidence."""

from __future__ import annotations

import argparse
from typing import Any

from casefile.cli.args import add_case_arg, add_json_arg, open_case
from casefile.cli.output import emit, print_table
from casefile.errors import InvalidInput
from casefile.model.analyst import Claim
from casefile.store import Case


def _window_args(p: argparse.ArgumentParser) -> None:
    p.add_argument("--when", metavar="TIME", help="asserted time (a bare date = that whole day)")
    p.add_argument("--start", metavar="TIME", help="asserted window start")
    p.add_argument("--end", metavar="TIME", help="asserted window end")
    p.add_argument("--tz", metavar="ZONE", help="zone of times without an offset "
                   "(e.g. America/Caracas for a Caracas dateline)")
    p.add_argument("--place", help="airport code (UUMU, CCS), 'lat,lon', or a place name")


def register(sub: argparse._SubParsersAction) -> None:
    cl = sub.add_parser("claim", help="claims: what sources assert, graded 1-6")
    csub = cl.add_subparsers(dest="claim_cmd", metavar="ACTION", required=True)

    p = csub.add_parser("add", help="record a claim")
    add_case_arg(p)
    p.add_argument("text", metavar="TEXT", help="the claim, in your words or quoted (--quoted)")
    p.add_argument("--quoted", action="store_true", help="TEXT is the source's own words")
    p.add_argument("--source", action="append", default=[], metavar="SOURCE",
                   help="a source that makes the claim (repeat for several)")
    _window_args(p)
    p.add_argument("--grade", metavar="1-6", help="information credibility (Admiralty scale)")
    p.add_argument("--status", default="unverified",
                   help="unverified | corroborated | contradicted | inconclusive")
    p.add_argument("--kind", default="other", help="departure | arrival | presence | transit | "
                   "cargo | personnel | other")
    p.add_argument("--aircraft", action="append", default=[], metavar="REF",
                   help="registration, ICAO hex or type the claim concerns (repeat)")
    p.add_argument("--entity", action="append", default=[], metavar="ENTITY",
                   help="an entity involved (id, name or alias; repeat)")
    p.add_argument("--note")
    add_json_arg(p)
    p.set_defaults(func=cmd_add)

    p = csub.add_parser("list", help="list claims")
    add_case_arg(p)
    p.add_argument("--source", metavar="SOURCE", help="only claims made by this source")
    p.add_argument("--status")
    add_json_arg(p)
    p.set_defaults(func=cmd_list)

    p = csub.add_parser("show", help="one claim with its sources and linked evidence")
    add_case_arg(p)
    p.add_argument("claim", metavar="CLAIM")
    add_json_arg(p)
    p.set_defaults(func=cmd_show)

    p = csub.add_parser("link", help="link an evidence item: supports | contradicts | context")
    add_case_arg(p)
    p.add_argument("claim", metavar="CLAIM")
    p.add_argument("item", metavar="ITEM")
    p.add_argument("relation", metavar="RELATION", help="supports | contradicts | context")
    p.add_argument("--note")
    add_json_arg(p)
    p.set_defaults(func=cmd_link)

    p = csub.add_parser("unlink", help="remove an item's link to a claim (reason required)")
    add_case_arg(p)
    p.add_argument("claim", metavar="CLAIM")
    p.add_argument("item", metavar="ITEM")
    p.add_argument("--reason", required=True)
    add_json_arg(p)
    p.set_defaults(func=cmd_unlink)

    p = csub.add_parser("status", help="set a claim's status")
    add_case_arg(p)
    p.add_argument("claim", metavar="CLAIM")
    p.add_argument("status", metavar="STATUS",
                   help="unverified | corroborated | contradicted | inconclusive")
    p.add_argument("--reason")
    add_json_arg(p)
    p.set_defaults(func=cmd_status)

    p = csub.add_parser("grade", help="set a claim's credibility 1-6")
    add_case_arg(p)
    p.add_argument("claim", metavar="CLAIM")
    p.add_argument("grade", metavar="1-6")
    p.add_argument("--reason")
    add_json_arg(p)
    p.set_defaults(func=cmd_grade)

    p = csub.add_parser("source", help="add sources that also make this claim (or --remove)")
    add_case_arg(p)
    p.add_argument("claim", metavar="CLAIM")
    p.add_argument("sources", nargs="+", metavar="SOURCE")
    p.add_argument("--remove", action="store_true", help="these sources do not make the claim")
    p.add_argument("--reason", help="why (required with --remove)")
    add_json_arg(p)
    p.set_defaults(func=cmd_source)

    p = csub.add_parser("edit", help="change a claim (the ledger keeps before/after)")
    add_case_arg(p)
    p.add_argument("claim", metavar="CLAIM")
    p.add_argument("--text")
    _window_args(p)
    p.add_argument("--kind")
    p.add_argument("--aircraft", action="append", metavar="REF")
    p.add_argument("--entity", action="append", default=[], metavar="ENTITY")
    p.add_argument("--note")
    p.add_argument("--reason")
    add_json_arg(p)
    p.set_defaults(func=cmd_edit)

    p = csub.add_parser("delete", help="delete a claim and its links (reason required)")
    add_case_arg(p)
    p.add_argument("claim", metavar="CLAIM")
    p.add_argument("--reason", required=True)
    add_json_arg(p)
    p.set_defaults(func=cmd_delete)


def _entity_ids(case: Case, refs: list[str]) -> list[str]:
    from casefile.analyst.entities import find_entity

    return [find_entity(case, r).id for r in refs]


def _claim_line(c: dict) -> None:
    print(f"claim {c['id']}: [{c['credibility'] or '-'}] {c['status']}; {c['text'][:80]}")


def cmd_add(args: argparse.Namespace) -> int:
    from casefile.analyst.claims import add_claim

    with open_case(args, write=True) as case:
        claim = add_claim(case, args.text, quoted=args.quoted, start=args.start, end=args.end,
                          when=args.when, tz=args.tz, place_ref=args.place,
                          credibility=args.grade, status=args.status, kind=args.kind,
                          aircraft_refs=args.aircraft, source_ids=args.source,
                          entity_ids=_entity_ids(case, args.entity), note=args.note)
    emit(args, claim.to_dict(), _claim_line)
    return 0


def _when(c: Claim) -> str:
    s, e = c.window_start, c.window_end
    a = s.utc or s.local or ""
    b = e.utc or e.local or ""
    return a if a == b else f"{a} .. {b}"


def cmd_list(args: argparse.Namespace) -> int:
    from casefile.analyst.inputs import resolve_id
    from casefile.analyst.query import list_claims

    with open_case(args, write=False) as case:
        rows = list_claims(case)
        if args.source:
            sid = resolve_id(case, "sources", args.source)
            rows = [c for c in rows if sid in c.source_ids]
    if args.status:
        rows = [c for c in rows if c.status == args.status.lower()]

    def human(_: Any) -> None:
        print_table([(c.id, c.kind, c.credibility or "-", c.status, _when(c),
                      c.place_icao or c.place_text or "", len(c.source_ids), c.text)
                     for c in rows],
                    ["ID", "KIND", "CRED", "STATUS", "WHEN (UTC)", "PLACE", "SRC", "TEXT"])
        print(f"{len(rows)} claims")

    emit(args, [c.to_dict() for c in rows], human)
    return 0


def cmd_show(args: argparse.Namespace) -> int:
    from casefile.analyst import query
    from casefile.analyst.notes import notes

    with open_case(args, write=False) as case:
        claim = query.get_claim(case, args.claim)
        data = {**claim.to_dict(),
                "links": [link.to_dict() for link in query.claim_links(case, claim.id)],
                "sources": [query.get_source(case, s).to_dict() for s in claim.source_ids],
                "entities": [query.get_entity(case, e).to_dict() for e in claim.entity_ids],
                "notes": notes(case, claim.id), "tags": query.tags(case, claim.id)}

    def human(d: dict) -> None:
        print(f"Claim {d['id']} ({d['kind']}, {d['status']})")
        print(f"  {'text':<11} {'“' + d['text'] + '”' if d['quoted'] else d['text']}")
        for key in ("window_start", "window_end"):
            t = d[key]
            if t["raw"]:
                print(f"  {key[7:]:<11} {t['raw']} -> {t['utc'] or t['local']} (basis {t['basis']}"
                      f"{', ' + t['zone'] if t['zone'] else ''})")
        if d["place_text"] or d["place_icao"]:
            print(f"  {'place':<11} {d['place_icao'] or ''} {d['place_text'] or ''}".rstrip())
        print(f"  {'credibility':<11} {d['credibility'] or 'not graded'}"
              + (f" ({d['credibility_meaning']})" if d["credibility_meaning"] else ""))
        if d["aircraft_refs"]:
            print(f"  {'aircraft':<11} {', '.join(d['aircraft_refs'])}")
        for s in d["sources"]:
            print(f"  source      {s['id']} [{s['reliability'] or '-'}] {s['title'] or s['url'] or ''}")
        for e in d["entities"]:
            print(f"  entity      {e['id']} {e['kind']} {e['name']}")
        for lk in d["links"]:
            print(f"  {lk['relation']:<11} {lk['item_id']} {lk['note'] or ''}".rstrip())

    emit(args, data, human)
    return 0


def cmd_link(args: argparse.Namespace) -> int:
    from casefile.analyst.claims import link

    with open_case(args, write=True) as case:
        lk = link(case, args.claim, args.item, args.relation, args.note)
    emit(args, lk.to_dict(), lambda d: print(f"{d['item_id']} {d['relation']} the claim"))
    return 0


def cmd_unlink(args: argparse.Namespace) -> int:
    from casefile.analyst.claims import unlink

    with open_case(args, write=True) as case:
        unlink(case, args.claim, args.item, reason=args.reason)
    emit(args, {"unlinked": args.item, "reason": args.reason},
         lambda d: print(f"unlinked {d['unlinked']} ({d['reason']})"))
    return 0


def cmd_status(args: argparse.Namespace) -> int:
    from casefile.analyst.claims import set_status

    with open_case(args, write=True) as case:
        claim = set_status(case, args.claim, args.status, reason=args.reason)
    emit(args, claim.to_dict(), _claim_line)
    return 0


def cmd_grade(args: argparse.Namespace) -> int:
    from casefile.analyst.claims import grade_claim

    with open_case(args, write=True) as case:
        claim = grade_claim(case, args.claim, args.grade, reason=args.reason)
    emit(args, claim.to_dict(), _claim_line)
    return 0


def cmd_source(args: argparse.Namespace) -> int:
    from casefile.analyst.claims import add_sources, get_claim, remove_source

    if args.remove and not (args.reason or "").strip():
        raise InvalidInput("removing a source from a claim needs --reason", field="reason")
    with open_case(args, write=True) as case:
        if args.remove:
            with case.transaction():
                for s in args.sources:
                    remove_source(case, args.claim, s, reason=args.reason)
            claim = get_claim(case, args.claim)
        else:
            claim = add_sources(case, args.claim, args.sources)
    emit(args, claim.to_dict(), _claim_line)
    return 0


def cmd_edit(args: argparse.Namespace) -> int:
    from casefile.analyst.claims import add_entities, edit_claim, get_claim

    changes = {k: getattr(args, k) for k in ("text", "when", "start", "end", "place", "kind", "note")
               if getattr(args, k) is not None}
    if args.aircraft is not None:
        changes["aircraft_refs"] = args.aircraft
    if not changes and not args.entity:
        raise InvalidInput("nothing to change (give --text, --when, --place, ...)")
    with open_case(args, write=True) as case:
        eids = _entity_ids(case, args.entity)
        with case.transaction():
            if changes:
                edit_claim(case, args.claim, changes, reason=args.reason, tz=args.tz)
            if eids:
                add_entities(case, args.claim, eids)
        claim = get_claim(case, args.claim)
    emit(args, claim.to_dict(), _claim_line)
    return 0


def cmd_delete(args: argparse.Namespace) -> int:
    from casefile.analyst.claims import delete_claim

    with open_case(args, write=True) as case:
        before = delete_claim(case, args.claim, reason=args.reason)
    emit(args, {"deleted": before, "reason": args.reason},
         lambda d: print(f"claim {d['deleted']['id']} deleted ({d['reason']}); the ledger keeps it"))
    return 0
