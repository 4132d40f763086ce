"""`casefile source ...`: record, grade and inspect sources and their captures."""

from __future__ import annotations

import argparse
import contextlib
from typing import Any

from casefile.cli.args import add_case_arg, add_json_arg, open_case
from casefile.cli.output import emit, print_table
from casefile.errors import InvalidInput
from casefile.model.analyst import Source
from casefile.store import Case


def register(sub: argparse._SubParsersAction) -> None:
    src = sub.add_parser("source", help="sources: where information came from, graded A-F")
    ssub = src.add_subparsers(dest="source_cmd", metavar="ACTION", required=True)

    p = ssub.add_parser("add", help="record a source (optionally importing saved pages as captures)")
    add_case_arg(p)
    p.add_argument("files", nargs="*", metavar="FILE",
                   help="files to import and attach: saved pages/documents become captures, "
                        "images screenshots, anything else attachments")
    p.add_argument("--kind", default="news-article",
                   help="news-article | social-media-post | flight-tracker-page | "
                        "official-statement | document | other")
    for opt in ("url", "title", "publisher", "author", "note"):
        p.add_argument(f"--{opt}")
    p.add_argument("--published", metavar="TIME", help="publication time as the source shows it")
    p.add_argument("--tz", metavar="ZONE", help="zone of --published/--collected without offset")
    p.add_argument("--collected", metavar="TIME", help="when it was collected (default: now)")
    p.add_argument("--collected-by", metavar="NAME")
    p.add_argument("--grade", metavar="A-F", help="reliability (Admiralty scale)")
    p.add_argument("--rationale", help="why this reliability grade")
    p.add_argument("--archive", action="append", default=[], metavar="URL", help="archive link")
    p.add_argument("--item", action="append", default=[], metavar="ID[:ROLE]",
                   help="attach an item already in the case (role: capture, screenshot, "
                        "published-photo, attachment)")
    p.add_argument("--accept-suggested", action="store_true",
                   help="fill fields not given from what the capture says about itself")
    add_json_arg(p)
    p.set_defaults(func=cmd_add)

    p = ssub.add_parser("list", help="list sources")
    add_case_arg(p)
    add_json_arg(p)
    p.set_defaults(func=cmd_list)

    p = ssub.add_parser("show", help="one source: details, captures, claims, suggested entities")
    add_case_arg(p)
    p.add_argument("source", metavar="SOURCE")
    add_json_arg(p)
    p.set_defaults(func=cmd_show)

    p = ssub.add_parser("suggest", help="what a capture item says about itself (title, date...)")
    add_case_arg(p)
    p.add_argument("item", metavar="ITEM")
    add_json_arg(p)
    p.set_defaults(func=cmd_suggest)

    p = ssub.add_parser("grade", help="set a source's reliability grade A-F")
    add_case_arg(p)
    p.add_argument("source", metavar="SOURCE")
    p.add_argument("grade", metavar="A-F")
    p.add_argument("--rationale")
    add_json_arg(p)
    p.set_defaults(func=cmd_grade)

    p = ssub.add_parser("attach", help="attach an evidence item to a source")
    add_case_arg(p)
    p.add_argument("source", metavar="SOURCE")
    p.add_argument("item", metavar="ITEM")
    p.add_argument("--role", default="capture")
    add_json_arg(p)
    p.set_defaults(func=cmd_attach)

    p = ssub.add_parser("archive", help="add an archive link (e.g. web.archive.org) to a source")
    add_case_arg(p)
    p.add_argument("source", metavar="SOURCE")
    p.add_argument("url", metavar="URL")
    add_json_arg(p)
    p.set_defaults(func=cmd_archive)

    p = ssub.add_parser("edit", help="change a source's fields (the ledger keeps before/after)")
    add_case_arg(p)
    p.add_argument("source", metavar="SOURCE")
    for opt in ("kind", "url", "title", "publisher", "author", "note", "published", "collected"):
        p.add_argument(f"--{opt}")
    p.add_argument("--collected-by")
    p.add_argument("--tz", metavar="ZONE")
    p.add_argument("--reason")
    add_json_arg(p)
    p.set_defaults(func=cmd_edit)

    p = ssub.add_parser("delete", help="delete a source and its links (never the evidence)")
    add_case_arg(p)
    p.add_argument("source", metavar="SOURCE")
    p.add_argument("--reason", required=True)
    add_json_arg(p)
    p.set_defaults(func=cmd_delete)

    p = ssub.add_parser("mentions", help="suggested entities found in a source's text")
    add_case_arg(p)
    p.add_argument("source", metavar="SOURCE")
    p.add_argument("--accept", action="append", default=[], metavar="VALUE",
                   help="record the suggestion with this value as an entity (repeat)")
    add_json_arg(p)
    p.set_defaults(func=cmd_mentions)


def _item_spec(spec: str) -> tuple[str, str]:
    ref, _, role = spec.partition(":")
    return ref, role or "capture"


def cmd_add(args: argparse.Namespace) -> int:
    from casefile.analyst import sources
    from casefile.importers.pipeline import import_paths

    fields: dict[str, Any] = dict(
        kind=args.kind, url=args.url, title=args.title, publisher=args.publisher,
        author=args.author, published=args.published, published_tz=args.tz,
        collected=args.collected, collected_by=args.collected_by, reliability=args.grade,
        rationale=args.rationale, archive_urls=args.archive, note=args.note)
    with open_case(args, write=True) as case:
        sources.check_source_fields(case, **fields)       # a bad value: error before any import
        items = [_item_spec(s) for s in args.item]
        for ref, _ in items:
            case.resolve_item(ref)
        if args.files:
            report = import_paths(case, args.files, workers=1)
            if report.errors:
                raise InvalidInput("; ".join(o.message or o.path for o in report.errors) +
                                   " (no source recorded; files that imported stay as evidence)")
            roles = {"capture": "capture", "photo": "screenshot"}
            items += [(o.item_id, roles.get(o.kind or "", "attachment"))
                      for o in report.outcomes if o.item_id]
        applied: dict[str, Any] = {}
        if args.accept_suggested:
            for ref, role in items:
                if role == "capture" and sources.capture_text(case, case.resolve_item(ref)["id"]):
                    applied = _apply_suggestion(case, sources.suggest(case, ref), fields)
                    break
        src = sources.add_source(case, items=items, **fields)
        data = {**src.to_dict(), "suggestions_applied": applied,
                "suggestions": [sources.suggest(case, i) for i, r in src.item_roles.items()
                                if r == "capture" and sources.capture_text(case, i)]}

    def human(d: dict) -> None:
        print(f"source {d['id']} recorded: {d['title'] or d['url'] or '(untitled)'}")
        for k, v in d["suggestions_applied"].items():
            print(f"  {k} taken from the capture: {v}")
        if not d["suggestions_applied"]:
            for s in d["suggestions"]:
                for k in ("title", "author", "publisher", "url", "published_raw", "dateline"):
                    if s.get(k):
                        print(f"  suggested {k}: {s[k]} ({s['where'].get(k, '')}); "
                              "not applied (use --accept-suggested or `source edit`)")

    emit(args, data, human)
    return 0


def _apply_suggestion(case: Case, sug: dict[str, Any], fields: dict[str, Any]) -> dict[str, Any]:
    applied: dict[str, Any] = {}
    for key in ("title", "author", "publisher", "url"):
        if not fields.get(key) and sug.get(key):
            fields[key] = applied[key] = sug[key]
    pub = sug.get("published")
    if not fields.get("published") and pub:
        fields["published"] = applied["published"] = pub["raw"]
        if not fields.get("published_tz") and pub.get("zone") and pub["basis"] == "location-tz":
            fields["published_tz"] = applied["published_zone"] = pub["zone"]
        if pub["basis"] == "source-stated" or "published_zone" in applied:
            fields["published_basis"] = pub["basis"]
    return applied


def _src_row(s: Source) -> tuple[object, ...]:
    pub = s.published.utc or s.published.raw if s.published else ""
    return (s.id, s.kind, s.reliability or "-", pub, s.publisher or "",
            s.title or s.url or "", len(s.capture_item_ids))


def cmd_list(args: argparse.Namespace) -> int:
    from casefile.analyst.query import list_sources

    with open_case(args, write=False) as case:
        rows = list_sources(case)

    def human(_: Any) -> None:
        print_table([_src_row(s) for s in rows],
                    ["ID", "KIND", "GRADE", "PUBLISHED", "PUBLISHER", "TITLE", "CAPTURES"])
        print(f"{len(rows)} sources")

    emit(args, [s.to_dict() for s in rows], human)
    return 0


def cmd_show(args: argparse.Namespace) -> int:
    from casefile.analyst import query
    from casefile.analyst.notes import notes

    with open_case(args, write=False) as case:
        src = query.get_source(case, args.source)
        claims = [c for c in query.list_claims(case) if src.id in c.source_ids]
        items = []
        for item_id, role in src.item_roles.items():
            item = case.resolve_item(item_id)
            ct = query.capture_text(case, item_id)
            items.append({"item_id": item_id, "role": role, "name": item["original_name"],
                          "mime": item["mime"], "sha256": item["sha256"],
                          "text_chars": len(ct["text"]) if ct else None,
                          "text_format": ct["format"] if ct else None})
        data = {**src.to_dict(), "items": items, "claims": [c.to_dict() for c in claims],
                "notes": notes(case, src.id), "tags": query.tags(case, src.id),
                "mentions": query.source_mentions(case, src.id)}

    def human(d: dict) -> None:
        print(f"Source {d['id']} ({d['kind']})")
        for k in ("title", "url", "publisher", "author", "collected_at", "collected_by"):
            if d.get(k):
                print(f"  {k:<13} {d[k]}")
        if d["published"]:
            p = d["published"]
            print(f"  {'published':<13} {p['raw']} -> {p['utc'] or p['local'] or '?'} "
                  f"(basis {p['basis']}{', ' + p['zone'] if p['zone'] else ''})")
        print(f"  {'reliability':<13} {d['reliability'] or 'not graded'}"
              + (f" ({d['reliability_meaning']})" if d["reliability_meaning"] else "")
              + (f": {d['reliability_rationale']}" if d["reliability_rationale"] else ""))
        for u in d["archive_urls"]:
            print(f"  archive       {u}")
        for i in d["items"]:
            print(f"  {i['role']:<13} {i['item_id']} {i['name']} ({i['mime']})")
        for c in d["claims"]:
            print(f"  claim         {c['id']} [{c['credibility'] or '-'}] {c['text'][:70]}")
        for m in d["mentions"]:
            print(f"  mention       {m['kind']:<13} {m['value']} x{m['count']} ({m['confidence']})"
                  + (f" {m['detail']}" if m["detail"] else ""))

    emit(args, data, human)
    return 0


def cmd_suggest(args: argparse.Namespace) -> int:
    from casefile.analyst.sources import suggest

    with open_case(args, write=False) as case:
        data = suggest(case, args.item)

    def human(d: dict) -> None:
        for k in ("title", "author", "publisher", "url", "published_raw", "dateline", "language"):
            if d.get(k):
                print(f"{k:<14} {d[k]}  ({d['where'].get(k, '')})")
        if d.get("published"):
            p = d["published"]
            print(f"{'published':<14} {p['utc'] or p['local']} (basis {p['basis']}"
                  f"{', zone ' + p['zone'] if p['zone'] else ''})")

    emit(args, data, human)
    return 0


def _print_source(d: dict) -> None:
    print(f"source {d['id']}: grade {d['reliability'] or '-'}; {d['title'] or d['url'] or ''}")


def cmd_grade(args: argparse.Namespace) -> int:
    from casefile.analyst.sources import grade_source

    with open_case(args, write=True) as case:
        src = grade_source(case, args.source, args.grade, args.rationale)
    emit(args, src.to_dict(), _print_source)
    return 0


def cmd_attach(args: argparse.Namespace) -> int:
    from casefile.analyst.sources import attach_item

    with open_case(args, write=True) as case:
        src = attach_item(case, args.source, args.item, args.role)
    emit(args, src.to_dict(), _print_source)
    return 0


def cmd_archive(args: argparse.Namespace) -> int:
    from casefile.analyst.sources import add_archive_url

    with open_case(args, write=True) as case:
        src = add_archive_url(case, args.source, args.url)
    emit(args, src.to_dict(), _print_source)
    return 0


def cmd_edit(args: argparse.Namespace) -> int:
    from casefile.analyst.sources import edit_source

    changes = {k: getattr(args, k) for k in ("kind", "url", "title", "publisher", "author", "note",
                                             "published", "collected", "collected_by")
               if getattr(args, k) is not None}
    if not changes:
        raise InvalidInput("nothing to change (give --title, --published, ...)")
    with open_case(args, write=True) as case:
        src = edit_source(case, args.source, changes, reason=args.reason, tz=args.tz)
    emit(args, src.to_dict(), _print_source)
    return 0


def cmd_delete(args: argparse.Namespace) -> int:
    from casefile.analyst.sources import delete_source

    with open_case(args, write=True) as case:
        before = delete_source(case, args.source, reason=args.reason)
    emit(args, {"deleted": before, "reason": args.reason},
         lambda d: print(f"source {d['deleted']['id']} deleted ({d['reason']}); the ledger keeps it"))
    return 0


def cmd_mentions(args: argparse.Namespace) -> int:
    from casefile.analyst.entities import add_from_mention
    from casefile.analyst.query import source_mentions

    with open_case(args, write=bool(args.accept)) as case:
        rows = source_mentions(case, args.source)
        by_value = {r["value"].casefold(): r for r in rows}
        missing = [v for v in args.accept if v.casefold() not in by_value]
        if missing:
            raise InvalidInput(f"no suggestion {missing[0]!r} in this source (see `source "
                               "mentions` for the values)", field="accept")
        with contextlib.ExitStack() as stack:
            if args.accept:
                stack.enter_context(case.transaction())
            for value in args.accept:
                entity, created = add_from_mention(case, by_value[value.casefold()])
                by_value[value.casefold()]["entity"] = {**entity.to_dict(), "created": created}

    def human(_: Any) -> None:
        print_table([(m["kind"], m["value"], m["count"], m["confidence"], ", ".join(m["forms"]),
                      m["detail"] or "", m["entity"]["id"] if "entity" in m else "")
                     for m in rows],
                    ["KIND", "VALUE", "COUNT", "CONFIDENCE", "AS WRITTEN", "DETAIL", "ENTITY"])
        print(f"{len(rows)} suggestions; {len(args.accept)} accepted as entities "
              "(nothing else is recorded)")

    emit(args, rows, human)
    return 0
