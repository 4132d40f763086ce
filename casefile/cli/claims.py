"""`casefile claim ...`: record claims, grade them 1-6, set their status, link evidence."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import click

from casefile.cli.base import Out, cli, command, group
from casefile.cli.output import print_table
from casefile.errors import InvalidInput
from casefile.model.analyst import Claim
from casefile.store import Case

claim = group(cli, "claim", help="claims: what sources assert, graded 1-6")

STATUSES = "unverified | corroborated | contradicted | inconclusive"
KINDS = "departure | arrival | presence | transit | cargo | personnel | other"


def _window(fn: Callable[..., Any]) -> Callable[..., Any]:
    """The time window and place options of `claim add` and `claim edit`."""
    for opt in reversed([
            click.option("--when", metavar="TIME", help="asserted time (a bare date = that whole day)"),
            click.option("--start", metavar="TIME", help="asserted window start"),
            click.option("--end", metavar="TIME", help="asserted window end"),
            click.option("--tz", metavar="ZONE", help="zone of times without an offset "
                         "(e.g. America/Caracas for a Caracas dateline)"),
            click.option("--place", help="airport code (UUMU, CCS), 'lat,lon', or a place name")]):
        fn = opt(fn)
    return fn


CLAIM = click.argument("claim_ref", metavar="CLAIM")


def _entity_ids(case: Case, refs: tuple[str, ...]) -> list[str]:
    from casefile.analyst.entities import find_entity

    return [find_entity(case, r).id for r in refs]


def _claim_line(c: dict) -> None:
    print(f"claim {c['id']}: [{c['credibility'] or '-'}] {c['status']}; {c['text'][:80]}")


@command(claim, "add", help="record a claim", write=True)
@click.argument("text", metavar="TEXT")
@click.option("--quoted", is_flag=True, help="TEXT is the source's own words")
@click.option("--source", "sources", multiple=True, required=True, metavar="SOURCE",
              help="a source that makes the claim (repeat for several; `casefile source add` "
                   "records one)")
@_window
@click.option("--grade", metavar="1-6", help="information credibility (Admiralty scale)")
@click.option("--status", default="unverified", show_default=True, help=STATUSES)
@click.option("--kind", default="other", show_default=True, help=KINDS)
@click.option("--aircraft", multiple=True, metavar="REF",
              help="registration, ICAO hex or type the claim concerns (repeat)")
@click.option("--entity", multiple=True, metavar="ENTITY",
              help="an entity involved (reference, name or alias; repeat)")
@click.option("--note")
def claim_add(case: Case, text: str, quoted: bool, sources: tuple[str, ...], when: str | None,
              start: str | None, end: str | None, tz: str | None, place: str | None,
              grade: str | None, status: str, kind: str, aircraft: tuple[str, ...],
              entity: tuple[str, ...], note: str | None) -> Out:
    """TEXT: the claim, in your words or quoted (--quoted)."""
    from casefile.analyst.claims import add_claim

    c = add_claim(case, text, quoted=quoted, start=start, end=end, when=when, tz=tz, place_ref=place,
                  credibility=grade, status=status, kind=kind, aircraft_refs=list(aircraft),
                  source_ids=list(sources), entity_ids=_entity_ids(case, entity), note=note)
    return Out(c.to_dict(), _claim_line)


def _when(c: Claim) -> str:
    s, e = c.window_start, c.window_end
    a = s.utc or s.local or ""
    b = e.utc or e.local or ""
    return a if a == b else f"{a} .. {b}"


@command(claim, "list", help="list claims")
@click.option("--source", metavar="SOURCE", help="only claims made by this source")
@click.option("--status", help=STATUSES)
def claim_list(case: Case, source: str | None, status: str | None) -> Out:
    from casefile.analyst.inputs import resolve_id
    from casefile.analyst.query import list_claims

    rows = list_claims(case)
    if source:
        sid = resolve_id(case, "sources", source)
        rows = [c for c in rows if sid in c.source_ids]
    if status:
        rows = [c for c in rows if c.status == status.lower()]

    def human(_: Any) -> None:
        print_table([(c.id, c.kind, c.credibility or "-", c.status, _when(c),
                      c.place_icao or c.place_text or "", len(c.source_ids), c.text)
                     for c in rows],
                    ["ID", "KIND", "CRED", "STATUS", "WHEN (UTC)", "PLACE", "SRC", "TEXT"])
        print(f"{len(rows)} claims")

    return Out([c.to_dict() for c in rows], human)


def _show_human(d: dict) -> None:
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


@command(claim, "show", help="one claim with its sources and linked evidence")
@CLAIM
def claim_show(case: Case, claim_ref: str) -> Out:
    from casefile.analyst import query
    from casefile.analyst.notes import notes

    c = query.get_claim(case, claim_ref)
    data = {**c.to_dict(),
            "links": [link.to_dict() for link in query.claim_links(case, c.id)],
            "sources": [query.get_source(case, s).to_dict() for s in c.source_ids],
            "entities": [query.get_entity(case, e).to_dict() for e in c.entity_ids],
            "notes": notes(case, c.id), "tags": query.tags(case, c.id)}
    return Out(data, _show_human)


@command(claim, "link", help="link an evidence item: supports | contradicts | context", write=True)
@CLAIM
@click.argument("item", metavar="ITEM")
@click.argument("relation", metavar="RELATION")
@click.option("--note")
def claim_link(case: Case, claim_ref: str, item: str, relation: str, note: str | None) -> Out:
    """RELATION: supports | contradicts | context."""
    from casefile.analyst.claims import link

    lk = link(case, claim_ref, item, relation, note)
    return Out(lk.to_dict(), lambda d: print(f"{d['item_id']} {d['relation']} the claim"))


@command(claim, "unlink", help="remove an item's link to a claim (reason required)", write=True)
@CLAIM
@click.argument("item", metavar="ITEM")
@click.option("--reason", required=True)
def claim_unlink(case: Case, claim_ref: str, item: str, reason: str) -> Out:
    from casefile.analyst.claims import unlink

    unlink(case, claim_ref, item, reason=reason)
    return Out({"unlinked": item, "reason": reason},
               lambda d: print(f"unlinked {d['unlinked']} ({d['reason']})"))


@command(claim, "status", help="set a claim's status", write=True)
@CLAIM
@click.argument("status", metavar="STATUS")
@click.option("--reason")
def claim_status(case: Case, claim_ref: str, status: str, reason: str | None) -> Out:
    """STATUS: unverified | corroborated | contradicted | inconclusive."""
    from casefile.analyst.claims import set_status

    return Out(set_status(case, claim_ref, status, reason=reason).to_dict(), _claim_line)


@command(claim, "grade", help="set a claim's credibility 1-6", write=True)
@CLAIM
@click.argument("grade", metavar="1-6")
@click.option("--reason")
def claim_grade(case: Case, claim_ref: str, grade: str, reason: str | None) -> Out:
    from casefile.analyst.claims import grade_claim

    return Out(grade_claim(case, claim_ref, grade, reason=reason).to_dict(), _claim_line)


@command(claim, "source", help="add sources that also make this claim (or --remove)", write=True)
@CLAIM
@click.argument("sources", nargs=-1, required=True, metavar="SOURCE...")
@click.option("--remove", is_flag=True, help="these sources do not make the claim")
@click.option("--reason", help="why (required with --remove)")
def claim_source(case: Case, claim_ref: str, sources: tuple[str, ...], remove: bool,
                 reason: str | None) -> Out:
    from casefile.analyst.claims import add_sources, get_claim, remove_source

    if remove and not (reason or "").strip():
        raise InvalidInput("removing a source from a claim needs --reason", field="reason")
    if remove:
        with case.transaction():
            for s in sources:
                remove_source(case, claim_ref, s, reason=reason or "")
        c = get_claim(case, claim_ref)
    else:
        c = add_sources(case, claim_ref, list(sources))
    return Out(c.to_dict(), _claim_line)


@command(claim, "edit", help="change a claim (the ledger keeps before/after)", write=True)
@CLAIM
@click.option("--text")
@_window
@click.option("--kind", help=KINDS)
@click.option("--aircraft", multiple=True, metavar="REF", help="replaces the aircraft (repeat)")
@click.option("--entity", multiple=True, metavar="ENTITY", help="add an entity (repeat)")
@click.option("--note")
@click.option("--reason")
def claim_edit(case: Case, claim_ref: str, text: str | None, when: str | None, start: str | None,
               end: str | None, tz: str | None, place: str | None, kind: str | None,
               aircraft: tuple[str, ...], entity: tuple[str, ...], note: str | None,
               reason: str | None) -> Out:
    from casefile.analyst.claims import add_entities, edit_claim, get_claim

    given = {"text": text, "when": when, "start": start, "end": end, "place": place, "kind": kind,
             "note": note}
    changes: dict[str, Any] = {k: v for k, v in given.items() if v is not None}
    if aircraft:
        changes["aircraft_refs"] = list(aircraft)
    if not changes and not entity:
        raise InvalidInput("nothing to change (give --text, --when, --place, ...)")
    eids = _entity_ids(case, entity)
    with case.transaction():
        if changes:
            edit_claim(case, claim_ref, changes, reason=reason, tz=tz)
        if eids:
            add_entities(case, claim_ref, eids)
    return Out(get_claim(case, claim_ref).to_dict(), _claim_line)


@command(claim, "delete", help="delete a claim and its links (reason required)", write=True)
@CLAIM
@click.option("--reason", required=True)
def claim_delete(case: Case, claim_ref: str, reason: str) -> Out:
    from casefile.analyst.claims import delete_claim

    before = delete_claim(case, claim_ref, reason=reason)
    return Out({"deleted": before, "reason": reason},
               lambda d: print(f"claim {d['deleted']['id']} deleted ({d['reason']}); "
                               "the ledger keeps it"))
