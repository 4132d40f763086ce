"""Cross-reference commands: xref (findings) and timeline."""

from __future__ import annotations

import click

from casefile.analyst import names
from casefile.cli.base import Out, cli, command
from casefile.cli.naming import add_list_refs, add_refs
from casefile.cli.output import print_table
from casefile.present.findings import title
from casefile.store import Case, refs

VERDICTS = ("consistent", "inconsistent", "undetermined")


def _xref_human(d: dict) -> None:
    for problem in d["problems"]:
        print(f"warning: {problem}")
    print_table([(f["ref"], title(f["kind"]), f["verdict"], f"{f['confidence']:.2f}",
                  f["explanation"]) for f in d["findings"]],
                ["REF", "CHECK", "VERDICT", "CONF", "EXPLANATION"], max_width=100)
    print(f"{len(d['findings'])} findings; digest {d['digest']}")


@command(cli, "xref", help="cross-reference photos, flights, claims and sources",
         write=lambda o: not o["no_run"])
@click.option("--item", metavar="REF", help="only findings involving this item, claim, source "
              "or reported flight")
@click.option("--verdict", type=click.Choice(VERDICTS))
@click.option("--no-run", is_flag=True, help="show the stored findings, do not recompute")
@click.option("--update", multiple=True, metavar="PHOTO",
              help="re-evaluate only what involves this photo (repeat); the rest is kept")
def xref(case: Case, item: str | None, verdict: str | None, no_run: bool,
         update: tuple[str, ...]) -> Out:
    """Recompute (or --update, or --no-run) and print the findings."""
    from casefile.xref.query import findings, last_run, run_xref, update_xref

    if update and not no_run:
        update_xref(case, [names.resolve(case, ref, "P") for ref in update])
    elif not no_run:
        run_xref(case)
    found = findings(case)
    if item:
        item_id = names.resolve(case, item, names.ANY + "R")
        found = [f for f in found if item_id in f.item_ids]
    if verdict:
        found = [f for f in found if f.verdict == verdict]
    run = last_run(case)
    known = refs.all_refs(case)
    rows = add_refs(case, [add_list_refs(known, f.to_dict(), "item_ids", "item_refs") for f in found])
    data = {"findings": rows, "digest": run and run["digest"],
            "problems": run["problems"] if run else []}
    return Out(data, _xref_human)


@command(cli, "timeline", help="every dated thing in the case, in time order")
@click.option("--tz", metavar="ZONE|local",
              help="show times in this IANA zone, or 'local' for each place's zone (default UTC)")
@click.option("--lane", type=click.Choice(("sources", "photos", "flights", "claims")))
def timeline(case: Case, tz: str | None, lane: str | None) -> Out:
    """Print the case timeline in UTC, a zone, or local times."""
    from casefile.xref.query import timeline

    evs = [e for e in timeline(case, tz) if not lane or e.lane == lane]
    known = refs.all_refs(case)
    data = {"tz": tz or "UTC",
            "events": [add_list_refs(known, dict(e.to_dict()), "item_ids", "item_refs") for e in evs]}
    return Out(data, lambda d: print_table(
        [(e["display"], e["lane"], e["kind"], e["label"]) for e in d["events"]],
        ["TIME", "LANE", "KIND", "EVENT"], max_width=90))
