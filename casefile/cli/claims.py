"""`casefile claim ...`: record claims, grade them 1-6, set their status, link evidence."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import Any

import click

from casefile.analyst import names
from casefile.cli.base import Choice, Out, cli, command, group
from casefile.cli.naming import add_ref, add_refs
from casefile.cli.output import print_table, print_zone_notes
from casefile.errors import InvalidInput
from casefile.model.analyst import CLAIM_KINDS, CLAIM_STATUSES, LINK_RELATIONS, Claim
from casefile.present.times import claim_when, listing
from casefile.store import Case

claim = group(cli, "claim", help="claims: what sources assert, graded 1-6")

STATUS = Choice(CLAIM_STATUSES)
KIND = Choice(CLAIM_KINDS)


def _window(fn: Callable[..., Any]) -> Callable[..., Any]:
    """The time window and place options of `claim add` and `claim edit`."""
    for opt in reversed([
            click.option("--when", metavar="TIME", help="asserted time (a bare date = that whole day)"),
            click.option("--start", metavar="TIME", help="asserted window start"),
            click.option("--end", metavar="TIME", help="asserted window end"),
            click.option("--about", "approx", is_flag=True,
                         help="the source says 'about'/'around' the time (widens it ±15 min)"),
            click.option("--tz", metavar="ZONE", help="zone of times without an offset "
                         "(e.g. America/Caracas for a Caracas dateline)"),
            click.option("--place", help="airport code (UUMU, CCS), 'lat,lon', or a place name"),
            click.option("--leg-from", metavar="PLACE", help="a transit's leg: where it left "
                         "(airport code or city)"),
            click.option("--leg-to", metavar="PLACE", help="a transit's leg: where it went "
                         "(airport code or city)")]):
        fn = opt(fn)
    return fn


CLAIM = click.argument("claim_ref", metavar="CLAIM")


def _claim_line(c: dict) -> None:
    print(f"claim {c['ref']}: [{c['credibility'] or '-'}] {c['status']}; {c['text'][:80]}")
    start, end = c["window_start"], c["window_end"]
    if start and end and start.get("raw") == end.get("raw"):
        print_zone_notes(time=start)
    else:
        print_zone_notes(start=start, end=end)


def _claim(case: Case, claim_id: str) -> Out:
    """The claim as it now stands, printed in one line."""
    from casefile.analyst.claims import get_claim

    return Out(add_ref(case, get_claim(case, claim_id).to_dict()), _claim_line)


@command(claim, "add", help="record a claim", write=True)
@click.argument("text", metavar="TEXT")
@click.option("--quoted", is_flag=True, help="TEXT is the source's own words")
@click.option("--source", "sources", multiple=True, required=True, metavar="SOURCE",
              help="a source that makes the claim (repeat for several; `casefile source add` "
                   "records one)")
@_window
@click.option("--grade", metavar="1-6", help="information credibility (Admiralty scale)")
@click.option("--status", default="unverified", show_default=True, type=STATUS)
@click.option("--kind", default="other", show_default=True, type=KIND)
@click.option("--aircraft", multiple=True, metavar="REF",
              help="registration, ICAO hex or type the claim concerns (repeat)")
@click.option("--entity", multiple=True, metavar="ENTITY",
              help="an entity involved (reference, name or alias; repeat)")
@click.option("--note")
def claim_add(case: Case, text: str, quoted: bool, sources: tuple[str, ...], when: str | None,
              start: str | None, end: str | None, tz: str | None, place: str | None,
              grade: str | None, status: str, kind: str, aircraft: tuple[str, ...],
              entity: tuple[str, ...], note: str | None, approx: bool = False,
              leg_from: str | None = None, leg_to: str | None = None) -> Out:
    """TEXT: the claim, in your words or quoted (--quoted)."""
    from casefile.commands import ClaimAdd, submit

    done = submit(case, ClaimAdd(
        text=text, quoted=quoted, start=start, end=end, when=when, tz=tz, about=approx, place=place,
        credibility=grade, status=status, kind=kind, aircraft=tuple(aircraft),
        sources=tuple(names.source(case, s) for s in sources),
        entities=tuple(names.entity(case, e) for e in entity), note=note, leg_from=leg_from,
        leg_to=leg_to))
    return _claim(case, done.record_id or "")


def _when(c: Claim) -> str:
    return claim_when(c.window_start, c.window_end)


@command(claim, "list", help="list claims")
@click.option("--source", metavar="SOURCE", help="only claims made by this source")
@click.option("--status", type=STATUS, help="only claims with this status")
def claim_list(case: Case, source: str | None, status: str | None) -> Out:
    from casefile.analyst.query import list_claims

    rows = list_claims(case)
    if source:
        sid = names.source(case, source)
        rows = [c for c in rows if sid in c.source_ids]
    if status:
        rows = [c for c in rows if c.status == status.lower()]
    data = add_refs(case, [c.to_dict() for c in rows])
    src_refs = {s: r for c in data for s, r in zip(c["source_ids"], _refs(case, c["source_ids"]))}

    def human(_: Any) -> None:
        print_table([(d["ref"], c.kind, c.credibility or "-", c.status, _when(c),
                      c.place_icao or c.place_text or "",
                      " ".join(src_refs[s] for s in c.source_ids), c.text)
                     for d, c in zip(data, rows)],
                    ["REF", "KIND", "CRED", "STATUS", "WHEN", "PLACE", "SOURCES", "TEXT"])
        print(f"{len(rows)} claims")

    return Out(data, human)


def _refs(case: Case, ids: list[str]) -> list[str]:
    from casefile.store import refs

    found = refs.refs_of(case, ids)
    return [found.get(i, i) for i in ids]


def _show_human(d: dict, labels: dict[str, str]) -> None:
    print(f"Claim {d['ref']} ({d['kind']}, {d['status']})")
    print(f"  {'text':<11} {'“' + d['text'] + '”' if d['quoted'] else d['text']}")
    for key in ("window_start", "window_end"):
        t = d[key]
        if t["raw"]:
            print(f"  {key[7:]:<11} {t['raw']} -> {listing(t)}")
    if d["when"] != "no time":
        print(f"  {'when':<11} {d['when']}")
    if d["place_text"] or d["place_icao"]:
        print(f"  {'place':<11} {d['place_icao'] or ''} {d['place_text'] or ''}".rstrip()
              + (f" ({d['place_kind']})" if d.get("place_kind") else " (not resolved: too vague "
                 "to check)"))
    print(f"  {'credibility':<11} {d['credibility'] or 'not graded'}"
          + (f" ({d['credibility_meaning']})" if d["credibility_meaning"] else ""))
    if d["aircraft_refs"]:
        print(f"  {'aircraft':<11} {', '.join(d['aircraft_refs'])}")
    if d.get("leg_from") or d.get("leg_to"):
        print(f"  {'leg':<11} from {d.get('leg_from') or 'anywhere'} to {d.get('leg_to') or 'anywhere'}")
    for s in d["sources"]:
        print(f"  source      {s['ref']} [{s['reliability'] or '-'}] {s['title'] or s['url'] or ''}")
    for e in d["entities"]:
        print(f"  entity      {e['short_ref']} {e['kind']} {e['name']}")
    for lk in d["links"]:
        what = labels.get(lk["item_id"], lk["item_id"])
        print(f"  {lk['relation']:<11} {what} {lk['note'] or ''}".rstrip())


@command(claim, "show", help="one claim with its sources and linked evidence")
@CLAIM
def claim_show(case: Case, claim_ref: str) -> Out:
    from casefile.analyst import query
    from casefile.analyst.notes import notes

    c = query.get_claim(case, names.claim(case, claim_ref))
    links = add_refs(case, [link.to_dict() for link in query.claim_links(case, c.id)],
                     "item_id", "item_ref")
    labels = names.labels(case, [lk["item_id"] for lk in links])
    data = {**add_ref(case, c.to_dict()),
            "links": links,
            "sources": add_refs(case, [query.get_source(case, s).to_dict() for s in c.source_ids]),
            "entities": add_refs(case, [query.get_entity(case, e).to_dict() for e in c.entity_ids],
                                 key="short_ref"),
            "notes": notes(case, c.id), "tags": query.tags(case, c.id)}
    return Out(data, lambda d: _show_human(d, labels))


@command(claim, "link", help="link an evidence item: supports | contradicts | context; --remove "
         "takes the link away", write=True)
@CLAIM
@click.argument("item", metavar="ITEM")
@click.argument("relation", metavar="RELATION", required=False, type=Choice(LINK_RELATIONS))
@click.option("--note")
@click.option("--remove", is_flag=True, help="remove the item's link (give --reason)")
@click.option("--reason", metavar="TEXT", help="why the link is removed (kept in the ledger)")
def claim_link(case: Case, claim_ref: str, item: str, relation: str | None, note: str | None,
               remove: bool, reason: str | None) -> Out:
    """RELATION: supports | contradicts | context (not needed with --remove)."""
    from casefile.analyst.claims import claim_links
    from casefile.commands import ClaimLink, submit
    from casefile.errors import InvalidInput

    if remove:
        if not (reason or "").strip():
            raise InvalidInput("--remove needs --reason (why the link is taken away)", field="--reason")
        return _unlink(case, claim_ref, item, str(reason))
    if relation is None:
        raise InvalidInput("give RELATION: supports, contradicts or context", field="relation")
    item_id = names.item(case, item)
    claim_id = names.claim(case, claim_ref)
    submit(case, ClaimLink(claim=claim_id, item=item_id, relation=relation, note=note))
    lk = add_ref(case, next(x for x in claim_links(case, claim_id) if x.item_id == item_id).to_dict(),
                 "item_id", "item_ref")
    label = names.labels(case, [item_id]).get(item_id, item_id)
    return Out(lk, lambda d: print(f"{label} {d['relation']} the claim"))


def _unlink(case: Case, claim_ref: str, item: str, reason: str) -> Out:
    from casefile.commands import ClaimUnlink, submit

    item_id = names.item(case, item)
    submit(case, ClaimUnlink(claim=names.claim(case, claim_ref), item=item_id, reason=reason))
    return Out({"unlinked": item_id, "reason": reason},
               lambda d: print(f"unlinked {item} ({d['reason']})"))


@command(claim, "unlink", help="old spelling of `claim link --remove`", write=True, hidden=True)
@CLAIM
@click.argument("item", metavar="ITEM")
@click.option("--reason", required=True)
def claim_unlink(case: Case, claim_ref: str, item: str, reason: str) -> Out:
    return _unlink(case, claim_ref, item, reason)


@command(claim, "status", help="set a claim's status", write=True)
@CLAIM
@click.argument("status", metavar="STATUS", type=STATUS)
@click.option("--reason")
def claim_status(case: Case, claim_ref: str, status: str, reason: str | None) -> Out:
    """STATUS: unverified | corroborated | contradicted | inconclusive."""
    from casefile.commands import ClaimEdit, submit

    claim_id = names.claim(case, claim_ref)
    submit(case, ClaimEdit(claim=claim_id, status=status, reason=reason))
    return _claim(case, claim_id)


@command(claim, "grade", help="set a claim's credibility 1-6", write=True)
@CLAIM
@click.argument("grade", metavar="1-6")
@click.option("--reason")
def claim_grade(case: Case, claim_ref: str, grade: str, reason: str | None) -> Out:
    from casefile.analyst.inputs import credibility_grade
    from casefile.commands import ClaimEdit, submit

    if credibility_grade(grade) is None:
        raise InvalidInput("give a grade 1-6", field="credibility")
    claim_id = names.claim(case, claim_ref)
    submit(case, ClaimEdit(claim=claim_id, credibility=grade, reason=reason))
    return _claim(case, claim_id)


@command(claim, "source", help="add sources that also make this claim (or --remove)", write=True)
@CLAIM
@click.argument("sources", nargs=-1, required=True, metavar="SOURCE...")
@click.option("--remove", is_flag=True, help="these sources do not make the claim")
@click.option("--reason", help="why (required with --remove)")
def claim_source(case: Case, claim_ref: str, sources: tuple[str, ...], remove: bool,
                 reason: str | None) -> Out:
    from casefile.commands import ClaimRemoveSource, ClaimSources, submit

    if remove and not (reason or "").strip():
        raise InvalidInput("removing a source from a claim needs --reason", field="reason")
    claim_id = names.claim(case, claim_ref)
    source_ids = [names.source(case, s) for s in sources]
    if remove:
        for s in source_ids:               # one edit each: each can be undone on its own
            submit(case, ClaimRemoveSource(claim=claim_id, source=s, reason=reason or ""))
    else:
        submit(case, ClaimSources(claim=claim_id, sources=tuple(source_ids)))
    return _claim(case, claim_id)


@command(claim, "edit", help="change a claim (the ledger keeps before/after)", write=True)
@CLAIM
@click.option("--text")
@_window
@click.option("--kind", type=KIND)
@click.option("--aircraft", multiple=True, metavar="REF", help="replaces the aircraft (repeat)")
@click.option("--entity", multiple=True, metavar="ENTITY", help="add an entity (repeat)")
@click.option("--note")
@click.option("--reason")
def claim_edit(case: Case, claim_ref: str, text: str | None, when: str | None, start: str | None,
               end: str | None, tz: str | None, place: str | None, kind: str | None,
               aircraft: tuple[str, ...], entity: tuple[str, ...], note: str | None,
               reason: str | None, approx: bool = False, leg_from: str | None = None,
               leg_to: str | None = None) -> Out:
    from casefile.commands import ClaimEdit, ClaimEntities, submit

    edit = ClaimEdit(claim="", text=text, when=when, start=start, end=end, tz=tz,
                     about=approx or None, place=place,
                     kind=kind, note=note, aircraft=tuple(aircraft) if aircraft else None,
                     leg_from=leg_from, leg_to=leg_to, reason=reason)
    if not edit.changes() and not entity:
        raise InvalidInput("nothing to change (give --text, --when, --place, ...)")
    claim_id = names.claim(case, claim_ref)
    eids = tuple(names.entity(case, e) for e in entity)
    if edit.changes():
        submit(case, replace(edit, claim=claim_id))
    if eids:
        submit(case, ClaimEntities(claim=claim_id, entities=eids))
    return _claim(case, claim_id)


@command(claim, "delete", help="delete a claim and its links (reason required)", write=True)
@CLAIM
@click.option("--reason", required=True)
def claim_delete(case: Case, claim_ref: str, reason: str) -> Out:
    from casefile.commands import ClaimDelete, submit

    claim_id = names.claim(case, claim_ref)
    label = names.labels(case, [claim_id])[claim_id]
    before = case.get_row("claims", claim_id)
    submit(case, ClaimDelete(claim=claim_id, reason=reason))
    return Out({"deleted": before, "reason": reason},
               lambda d: print(f"claim {label} deleted ({d['reason']}); the ledger keeps it"))


@command(claim, "tolerances", help="show or set this case's claim tolerances", write=True)
@click.option("--report-tolerance", "report_min", type=float, metavar="MIN",
              help="minutes a claimed moment may be off a recorded event (default 2: news rounds)")
@click.option("--about", "about_min", type=float, metavar="MIN",
              help="minutes 'about'/'around' widens a time (default 15; applies to claims added "
                   "after it is set)")
@click.option("--near-factor", type=float, metavar="N",
              help="beyond the combined tolerance but within N times it: undetermined (default 3)")
@click.option("--reset", is_flag=True, help="go back to the defaults")
def claim_tolerances(case: Case, report_min: float | None, about_min: float | None,
                     near_factor: float | None, reset: bool) -> Out:
    """Every tolerance a claim verdict uses is stated in the report's Methods; these are the
    ones a case may set for itself."""
    from casefile.xref.query import claim_methods

    given = {"claims.report_tolerance_s": report_min and report_min * 60,
             "claims.about_s": about_min and about_min * 60, "claims.near_factor": near_factor}
    for key, value in given.items():
        if value is not None and value < 0:
            raise InvalidInput(f"{key.split('.', 1)[1]} cannot be negative")
    with case.transaction():
        for key, value in given.items():
            if reset:
                case.set_meta(key, None)
            elif value is not None:
                case.set_meta(key, f"{value:g}")
    rows = [{"what": w, "rule": r} for w, r in claim_methods(case.meta())]
    return Out(rows, _print_rules)


def _print_rules(rows: list[dict[str, str]]) -> None:
    for r in rows:
        print(f"{r['what']}: {r['rule']}")
