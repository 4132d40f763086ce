"""`casefile source ...`: record, grade and inspect sources and their captures."""

from __future__ import annotations

import contextlib
import sys
from typing import Any

import click

from casefile.analyst import names
from casefile.cli.base import Choice, Out, cli, command, group
from casefile.cli.naming import add_ref, add_refs
from casefile.cli.output import print_table, print_zone_notes
from casefile.errors import InvalidInput
from casefile.model.analyst import (
    SOURCE_ITEM_ROLES,
    SOURCE_KIND_ALIASES,
    SOURCE_KINDS,
    SOURCE_RELATIONS,
    SOURCE_ROLE_ALIASES,
    Source,
)
from casefile.present.times import listing
from casefile.store import Case

source = group(cli, "source", help="sources: where information came from, graded A-F")

KIND = Choice(SOURCE_KINDS, SOURCE_KIND_ALIASES)
SOURCE = click.argument("source_ref", metavar="SOURCE")


def _item_spec(spec: str) -> tuple[str, str]:
    ref, _, role = spec.partition(":")
    return ref, role or "capture"


def _add_human(d: dict) -> None:
    print(f"source {d['ref']} recorded: {d['title'] or d['url'] or '(untitled)'}")
    print_zone_notes(published=d["published"])
    for k, v in d["suggestions_applied"].items():
        print(f"  {k} taken from the capture: {v}")
    if not d["suggestions_applied"]:
        for s in d["suggestions"]:
            for k in ("title", "author", "publisher", "url", "published_raw", "dateline"):
                if s.get(k):
                    print(f"  suggested {k}: {s[k]} ({s['where'].get(k, '')}); "
                          "not applied (use --accept-suggested or `source edit`)")


@command(source, "add", help="record a source (optionally importing saved pages as captures)",
         write=True)
@click.argument("files", nargs=-1, metavar="[FILE]...")
@click.option("--kind", default="news-article", show_default=True, type=KIND)
@click.option("--url")
@click.option("--title")
@click.option("--publisher")
@click.option("--author")
@click.option("--note")
@click.option("--published", metavar="TIME", help="publication time as the source shows it")
@click.option("--tz", metavar="ZONE", help="zone of --published/--collected without offset")
@click.option("--collected", metavar="TIME", help="when it was collected (default: now)")
@click.option("--collected-by", metavar="NAME")
@click.option("--grade", metavar="A-F", help="reliability (Admiralty scale)")
@click.option("--rationale", help="why this reliability grade")
@click.option("--archive", multiple=True, metavar="URL", help="archive link (repeat)")
@click.option("--item", "item_specs", multiple=True, metavar="ITEM[:ROLE]",
              help="attach an item already in the case (role: capture, screenshot, "
                   "published-photo, attachment; repeat)")
@click.option("--accept-suggested", is_flag=True,
              help="fill fields not given from what the capture says about itself")
def source_add(case: Case, files: tuple[str, ...], kind: str, url: str | None, title: str | None,
               publisher: str | None, author: str | None, note: str | None,
               published: str | None, tz: str | None, collected: str | None,
               collected_by: str | None, grade: str | None, rationale: str | None,
               archive: tuple[str, ...], item_specs: tuple[str, ...], accept_suggested: bool) -> Out:
    """FILE: files to import and attach: saved pages and documents (HTML, MHTML, PDF, text,
    WARC/WACZ) become captures, images screenshots, anything else attachments."""
    from casefile.analyst import sources
    from casefile.importers.pipeline import import_paths

    fields: dict[str, Any] = dict(
        kind=kind, url=url, title=title, publisher=publisher, author=author, published=published,
        published_tz=tz, collected=collected, collected_by=collected_by, reliability=grade,
        rationale=rationale, archive_urls=list(archive), note=note)
    sources.check_source_fields(case, **fields)       # a bad value: error before any import
    items = [(names.item(case, ref), role) for ref, role in map(_item_spec, item_specs)]
    if files:
        report = import_paths(case, list(files), workers=1)
        from casefile.commands import after_import

        after_import(case, report)
        if report.errors:
            raise InvalidInput("; ".join(o.message or o.path for o in report.errors) +
                               " (no source recorded; files that imported stay as evidence)")
        for o in report.warnings:
            print(f"casefile: warning: {o.message}", file=sys.stderr)
        roles = {"capture": "capture", "document": "capture", "photo": "screenshot"}
        items += [(o.item_id, roles.get(o.kind or "", "attachment"))
                  for o in report.outcomes if o.item_id]
    applied: dict[str, Any] = {}
    if accept_suggested:
        for ref, role in items:
            if role == "capture" and sources.capture_text(case, ref):
                applied = _apply_suggestion(sources.suggest(case, ref), fields)
                break
    from casefile.commands import SourceAdd, submit

    fields["archive_urls"] = tuple(fields["archive_urls"])
    done = submit(case, SourceAdd(items=tuple(items), **fields))
    src = sources.get_source(case, done.record_id or "")
    data = {**add_ref(case, src.to_dict()), "suggestions_applied": applied,
            "suggestions": [sources.suggest(case, i) for i, r in src.item_roles.items()
                            if r == "capture" and sources.capture_text(case, i)]}
    return Out(data, _add_human)


def _apply_suggestion(sug: dict[str, Any], fields: dict[str, Any]) -> dict[str, Any]:
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


def _src_row(s: Source, ref: str) -> tuple[object, ...]:
    pub = s.published.utc or s.published.raw if s.published else ""
    return (ref, s.kind, s.reliability or "-", pub, s.publisher or "",
            s.title or s.url or "", len(s.capture_item_ids))


@command(source, "list", help="list sources")
def source_list(case: Case) -> Out:
    from casefile.analyst.query import list_sources

    rows = list_sources(case)
    data = add_refs(case, [s.to_dict() for s in rows])

    def human(_: Any) -> None:
        print_table([_src_row(s, d["ref"]) for s, d in zip(rows, data)],
                    ["REF", "KIND", "GRADE", "PUBLISHED", "PUBLISHER", "TITLE", "CAPTURES"])
        print(f"{len(rows)} sources")

    return Out(data, human)


def _show_human(d: dict) -> None:
    print(f"Source {d['ref']} ({d['kind']})")
    for k in ("title", "url", "publisher", "author", "collected_at", "collected_by"):
        if d.get(k):
            print(f"  {k:<13} {d[k]}")
    if d["published"]:
        p = d["published"]
        print(f"  {'published':<13} {p['raw']} -> {listing(p)}")
    print(f"  {'reliability':<13} {d['reliability'] or 'not graded'}"
          + (f" ({d['reliability_meaning']})" if d["reliability_meaning"] else "")
          + (f": {d['reliability_rationale']}" if d["reliability_rationale"] else ""))
    for u in d["archive_urls"]:
        print(f"  archive       {u}")
    for i in d["items"]:
        print(f"  {i['role']:<13} {i['ref']} {i['name']} ({i['mime']})")
    for c in d["claims"]:
        print(f"  claim         {c['ref']} [{c['credibility'] or '-'}] {c['text'][:70]}")
    for m in d["mentions"]:
        print(f"  mention       {m['kind']:<13} {m['value']} x{m['count']} ({m['confidence']})"
              + (f" {m['detail']}" if m["detail"] else ""))


@command(source, "show", help="one source: details, captures, claims, suggested entities")
@SOURCE
def source_show(case: Case, source_ref: str) -> Out:
    from casefile.analyst import query
    from casefile.analyst.notes import notes

    src = query.get_source(case, names.source(case, source_ref))
    claims = [c for c in query.list_claims(case) if src.id in c.source_ids]
    items = []
    for item_id, role in src.item_roles.items():
        item = case.resolve_item(item_id)
        ct = query.capture_text(case, item_id)
        items.append({"item_id": item_id, "role": role, "name": item["original_name"],
                      "mime": item["mime"], "sha256": item["sha256"],
                      "text_chars": len(ct["text"]) if ct else None,
                      "text_format": ct["format"] if ct else None})
    data = {**add_ref(case, src.to_dict()), "items": add_refs(case, items, "item_id"),
            "claims": add_refs(case, [c.to_dict() for c in claims]),
            "notes": notes(case, src.id), "tags": query.tags(case, src.id),
            "mentions": query.source_mentions(case, src.id)}
    return Out(data, _show_human)


def _suggest_human(d: dict) -> None:
    for k in ("title", "author", "publisher", "url", "published_raw", "dateline", "language"):
        if d.get(k):
            print(f"{k:<14} {d[k]}  ({d['where'].get(k, '')})")
    if d.get("published"):
        p = d["published"]
        print(f"{'published':<14} {listing(p)}")


@command(source, "suggest", help="what a capture item says about itself (title, date...)")
@click.argument("item", metavar="ITEM")
def source_suggest(case: Case, item: str) -> Out:
    from casefile.analyst.sources import suggest

    return Out(suggest(case, names.item(case, item)), _suggest_human)


def _print_source(d: dict) -> None:
    print(f"source {d['ref']}: grade {d['reliability'] or '-'}; {d['title'] or d['url'] or ''}")


def _print_edited(d: dict) -> None:
    _print_source(d)
    print_zone_notes(published=d["published"])


@command(source, "grade", help="set a source's reliability grade A-F", write=True)
@SOURCE
@click.argument("grade", metavar="A-F")
@click.option("--rationale")
def source_grade(case: Case, source_ref: str, grade: str, rationale: str | None) -> Out:
    from casefile.analyst.sources import get_source
    from casefile.commands import SourceGrade, submit

    source_id = names.source(case, source_ref)
    submit(case, SourceGrade(source=source_id, grade=grade, rationale=rationale))
    src = get_source(case, source_id)
    return Out(add_ref(case, src.to_dict()), _print_source)


@command(source, "attach", help="attach an evidence item to a source", write=True)
@SOURCE
@click.argument("item", metavar="ITEM")
@click.option("--role", default="capture", show_default=True,
              type=Choice(SOURCE_ITEM_ROLES, SOURCE_ROLE_ALIASES))
def source_attach(case: Case, source_ref: str, item: str, role: str) -> Out:
    from casefile.analyst.sources import get_source
    from casefile.commands import SourceAttach, submit

    source_id = names.source(case, source_ref)
    submit(case, SourceAttach(source=source_id, item=names.item(case, item), role=role))
    src = get_source(case, source_id)
    return Out(add_ref(case, src.to_dict()), _print_source)


@command(source, "relate", help="record that a source cites, or is derived from, another", write=True)
@SOURCE
@click.argument("relation", metavar="cites|derived-from", type=Choice(SOURCE_RELATIONS))
@click.argument("other", metavar="OTHER")
@click.option("--note", metavar="TEXT", help="how you know (e.g. 'quotes the tracker's post')")
def source_relate(case: Case, source_ref: str, relation: str, other: str, note: str | None) -> Out:
    """A source that cites or derives from another is not independent of it: a claim checked only
    against records from that family is "not independently checked"."""
    from casefile.analyst.inputs import resolve_id
    from casefile.analyst.provenance import SourceRelation, source_relations
    from casefile.commands import SourceRelate, submit
    from casefile.store.refs import refs_of

    sid, oid = resolve_id(case, "sources", source_ref), resolve_id(case, "sources", other)
    submit(case, SourceRelate(source=sid, other=oid, relation=relation, note=note))
    rel: SourceRelation = next(r for r in source_relations(case) if (r.source_id, r.other_id) == (sid, oid)
                               and r.relation == relation.strip().lower())
    names = refs_of(case, [rel.source_id, rel.other_id])
    return Out(rel.to_dict(), lambda d: print(
        f"{names.get(d['source_id'], d['source_id'])} {d['relation']} "
        f"{names.get(d['other_id'], d['other_id'])}: not independent of it"))


@command(source, "archive", help="add an archive link (e.g. web.archive.org) to a source", write=True)
@SOURCE
@click.argument("url", metavar="URL")
def source_archive(case: Case, source_ref: str, url: str) -> Out:
    from casefile.analyst.sources import get_source
    from casefile.commands import SourceArchive, submit

    source_id = names.source(case, source_ref)
    submit(case, SourceArchive(source=source_id, url=url))
    src = get_source(case, source_id)
    return Out(add_ref(case, src.to_dict()), _print_source)


@command(source, "edit", help="change a source's fields (the ledger keeps before/after)", write=True)
@SOURCE
@click.option("--kind", type=KIND)
@click.option("--url")
@click.option("--title")
@click.option("--publisher")
@click.option("--author")
@click.option("--note")
@click.option("--published", metavar="TIME")
@click.option("--collected", metavar="TIME")
@click.option("--collected-by", metavar="NAME")
@click.option("--tz", metavar="ZONE", help="zone of --published/--collected without offset")
@click.option("--reason")
def source_edit(case: Case, source_ref: str, tz: str | None, reason: str | None,
                **given: str | None) -> Out:
    from casefile.analyst.sources import get_source
    from casefile.commands import SourceEdit, submit

    changes = {k: v for k, v in given.items() if v is not None}
    if not changes:
        raise InvalidInput("nothing to change (give --title, --published, ...)")
    source_id = names.source(case, source_ref)
    submit(case, SourceEdit(source=source_id, tz=tz, reason=reason, **changes))
    src = get_source(case, source_id)
    return Out(add_ref(case, src.to_dict()), _print_edited)


@command(source, "delete", help="delete a source and its links (never the evidence)", write=True)
@SOURCE
@click.option("--reason", required=True)
def source_delete(case: Case, source_ref: str, reason: str) -> Out:
    from casefile.commands import SourceDelete, submit

    source_id = names.source(case, source_ref)
    label = names.labels(case, [source_id])[source_id]
    before = case.get_row("sources", source_id)
    submit(case, SourceDelete(source=source_id, reason=reason))
    return Out({"deleted": before, "reason": reason},
               lambda d: print(f"source {label} deleted ({d['reason']}); the ledger keeps it"))


@command(source, "mentions", help="suggested entities found in a source's text",
         write=lambda o: bool(o["accept"]))
@SOURCE
@click.option("--accept", multiple=True, metavar="VALUE",
              help="record the suggestion with this value as an entity (repeat the option)")
def source_mentions(case: Case, source_ref: str, accept: tuple[str, ...]) -> Out:
    from casefile.analyst.entities import get_entity
    from casefile.analyst.query import source_mentions
    from casefile.commands import AlreadyAnEntity, EntityAccept, submit

    found = source_mentions(case, names.source(case, source_ref))
    by_value = {r["value"].casefold(): r for r in found}
    rows: list[dict[str, Any]] = [dict(r) for r in found]    # each with its entity once accepted
    shown = {r["value"].casefold(): r for r in rows}
    missing = [v for v in accept if v.casefold() not in by_value]
    if missing:
        raise InvalidInput(f"no suggestion {missing[0]!r} in this source (see `source "
                           "mentions` for the values)", field="accept")
    with contextlib.ExitStack() as stack:
        if accept:
            stack.enter_context(case.transaction())
        for value in accept:
            m = by_value[value.casefold()]
            try:           # one command per accepted value: `casefile undo` takes back the last
                done = submit(case, EntityAccept(mention=m["kind"], value=m["value"],
                                                 detail=m["detail"], forms=tuple(m["forms"])))
                entity, created = get_entity(case, done.record_id or ""), True
            except AlreadyAnEntity as known:
                entity, created = known.entity, False
            shown[value.casefold()]["entity"] = {**add_ref(case, entity.to_dict(), key="short_ref"),
                                                 "created": created}

    def human(_: Any) -> None:
        print_table([(m["kind"], m["value"], m["count"], m["confidence"], ", ".join(m["forms"]),
                      m["detail"] or "", m["entity"]["short_ref"] if "entity" in m else "")
                     for m in rows],
                    ["KIND", "VALUE", "COUNT", "CONFIDENCE", "AS WRITTEN", "DETAIL", "ENTITY"])
        print(f"{len(rows)} suggestions; {len(accept)} accepted as entities "
              "(nothing else is recorded)")

    return Out(rows, human)
