"""Core commands: new, add, items, log, verify, upgrade, gui."""

from __future__ import annotations

import sys
from collections.abc import Mapping
from typing import Any

import click

from casefile.analyst import names
from casefile.cli.base import Choice, Out, cli, command, investigator, run_gui, want_json
from casefile.cli.naming import add_refs
from casefile.cli.output import human_size, print_table
from casefile.store import Case, verify_case, verify_memory


@command(cli, "new", help="create a case", case="path", case_help="folder to create (.casefile is added)")
@click.option("--title", required=True)
@click.option("--tz", "default_tz", metavar="ZONE",
              help="the case's default time zone (IANA name) for times without one")
def new(case: str, title: str, default_tz: str | None) -> Out:
    c = Case.create(case, title, investigator=investigator(), default_tz=default_tz)
    with c:
        data = {"path": str(c.path), "title": c.title, "case_id": c.meta()["case_id"],
                "investigator": c.actor, "default_tz": c.default_tz}
    return Out(data, lambda d: print(f"created {d['path']} ({d['title']})"))


@command(cli, "add", help="import files as evidence (content decides the kind)", write=True)
@click.argument("paths", nargs=-1, required=True, metavar="PATH...")
@click.option("--recursive", "-r", is_flag=True, help="import folders' contents")
@click.option("--source-url", metavar="URL", help="where the files were obtained")
@click.option("--note", metavar="TEXT")
@click.option("--as", "importer", metavar="IMPORTER",
              help="force an importer (e.g. 'file' to keep a file as plain evidence)")
@click.option("--workers", type=int, help="parallel workers (default: cores)")
@click.option("--follow-links", is_flag=True, help="import what links to files point to (by "
              "default a link is kept as the link it is: its target path, not its content)")
def add(case: Case, paths: tuple[str, ...], recursive: bool, source_url: str | None,
        note: str | None, importer: str | None, workers: int | None, follow_links: bool) -> Out:
    from casefile.cli.progress import ImportProgress
    from casefile.importers.pipeline import import_paths

    with ImportProgress("importing") as progress:
        report = import_paths(case, list(paths), recursive=recursive, source_url=source_url,
                              note=note, importer=importer, workers=workers,
                              follow_links=follow_links,
                              progress=None if want_json() else progress)
    from casefile.commands import after_import

    after_import(case, report)          # findings and checks up to date before it says done

    data = report.to_dict()
    data["files"] = add_refs(case, data["files"], "item_id")

    def human(d: dict[str, Any]) -> None:
        for f in d["files"]:
            if f["status"] == "imported":
                print(f"imported  {f['ref'] or f['item_id']:<6} {f['kind']:<13} {f['path']}")
                if f["message"]:          # kept as plain evidence: what failed, or why
                    named = f["message"] if f["message"].startswith(f["path"]) else \
                        f"{f['path']}: {f['message']}"
                    print(f"casefile: warning: {named}", file=sys.stderr)
            elif f["status"] == "duplicate":
                print(f"duplicate {f['ref'] or f['item_id']:<6} {f['kind']:<13} {f['path']} "
                      "(already in the case; acquisition recorded)")
            elif f["status"] == "error":
                print(f"casefile: error: {f['message']}", file=sys.stderr)
        print(f"{report.count('imported')} imported, {report.count('duplicate')} duplicate, "
              f"{report.count('error')} failed" +
              (f", {report.count('cancelled')} cancelled" if report.count("cancelled") else "") +
              (f" ({len(report.warnings)} kept as plain evidence)" if report.warnings else ""))

    return Out(data, human, 1 if report.errors else 0)


def item_dict(case: Case, item: Mapping[str, Any]) -> dict[str, Any]:
    acqs = case.acquisitions(item["id"])
    return {"id": item["id"], "kind": item["kind"], "original_name": item["original_name"],
            "mime": item["mime"], "size": item["size"], "sha256": item["sha256"],
            "md5": item["md5"], "created_at": item["created_at"], "importer": item["importer"],
            "notes": item["notes"], "sensitive": bool(item["sensitive"]),
            "blob_path": item["blob_path"],
            "acquisitions": [{k: a[k] for k in ("id", "acquired_at", "acquired_by", "method",
                                                "original_path", "source_url", "original_mtime",
                                                "note")} for a in acqs]}


def _items_table(rows: list[dict]) -> None:
    print_table([(r["ref"], r["kind"], r["mime"], human_size(r["size"]), r["sha256"][:16],
                  r["acquisitions"][0]["acquired_by"] if r["acquisitions"] else "",
                  r["original_name"]) for r in rows],
                ["REF", "KIND", "MIME", "SIZE", "SHA-256", "ACQUIRED BY", "NAME"])
    print(f"{len(rows)} items")


#: The kinds of item the importers make (tests/cli/test_grammar.py checks it against the registry).
ITEM_KINDS = ("photo", "flight-record", "capture", "document", "file", "link")


@command(cli, "items", help="list evidence items")
@click.option("--kind", type=Choice(ITEM_KINDS, {"flight": "flight-record", "flights": "flight-record"}),
              help="only items of this kind")
def items(case: Case, kind: str | None) -> Out:
    return Out(add_refs(case, [item_dict(case, i) for i in case.items(kind)]), _items_table)


_TABLE_WORDS = {"items": "item", "sources": "source", "claims": "claim", "entities": "entity",
                "notes": "note", "tags": "tag", "acquisitions": "acquisition", "derived": "derived copy",
                "reported_flights": "reported flight", "xref_findings": "finding", "tracks": "track",
                "case_meta": "case", "source_items": "source's item", "claim_links": "claim link"}


def _target(e: dict[str, Any]) -> str:
    """What an event is about, as a person says it: "claim C4", "track" (its item is beside it)."""
    word = _TABLE_WORDS.get(e["target_table"] or "", (e["target_table"] or "").replace("_", " "))
    return f"{word} {e['target_ref']}" if e["target_ref"] else word


def _log_table(rows: list[dict]) -> None:
    print_table([(e["seq"], e["at"], e["actor"], e["action"], e["item_ref"] or e["item_id"] or "",
                  _target(e), e["hash"][:16]) for e in rows],
                ["SEQ", "AT (UTC)", "ACTOR", "ACTION", "ITEM", "ABOUT", "HASH"])


@command(cli, "log", help="show the custody ledger")
@click.option("--item", metavar="ID", help="only the events of one item")
def log(case: Case, item: str | None) -> Out:
    item_id = names.item(case, item) if item else None
    rows = add_refs(case, add_refs(case, case.events(item_id), "item_id", "item_ref"),
                    "target_id", "target_ref")
    return Out(rows, _log_table)


def _verify_human(r: dict[str, Any]) -> None:
    for p in r["problems"]:
        print(f"FAIL {p['kind']}: {p['message']}")
    counts = ", ".join(f"{v} {k}" for k, v in r["counts"].items())
    print(("OK" if r["ok"] else f"FAILED ({len(r['problems'])} problems)") + f": checked {counts}")
    print(f"ledger head {r['head_hash']}")
    if r.get("fingerprint"):
        print(f"fingerprint {r['fingerprint']} (note it; `casefile verify CASE --expect "
              f"{r['fingerprint']}` later checks the ledger still holds this event)")


@command(cli, "verify", help="check every original, derived file, ledger event and row; "
         "exit 1 on any problem", case="path", case_help="a case folder or a case bundle (.zip)")
@click.option("--item", metavar="ID", help="only one item")
@click.option("--expect", metavar="FINGERPRINT", help="a ledger fingerprint noted earlier (as "
              "verify prints it: 412-9f3a1c2b7d4e5f60); fails unless the ledger still holds it")
def verify(case: str, item: str | None, expect: str | None) -> Out:
    if case.endswith(".zip"):
        from casefile.report.bundle import verify_bundle

        report = verify_bundle(case, expect=expect)
    else:
        with Case.open(case, write=False, upgrade=False, investigator=investigator()) as c:
            item_id = names.item(c, item) if item else None
            report = verify_case(c, item_id=item_id, expect=expect)
            if item_id is None:     # noted for this user, outside the case (the window shows it)
                verify_memory.remember(c, report)
    return Out(report.to_dict(), _verify_human, 0 if report.ok else 1)


@command(cli, "upgrade", help="bring a case written by an older Casefile up to this version's "
         "schema (all steps in one transaction, each recorded in the ledger)", case="path")
def upgrade(case: str) -> Out:
    with Case.open(case, write=True, investigator=investigator()) as c:
        todo = c.migrated
    return Out({"applied": todo}, lambda d: print(
        "\n".join(f"upgraded: {t}" for t in d["applied"]) or "the case is already up to date"))


@command(cli, "gui", help="open the desktop application (also: casefile with no arguments)",
         case="none", json=False)
@click.argument("case", required=False, metavar="[CASE]")
@click.option("--screenshot", metavar="PNG", help="render once, save the window, and exit")
@click.option("--view", metavar="NAME", help="with --screenshot: the view to show (start, all, sources, "
              "claims, photos, flights, entities, findings, map, timeline, ledger)")
@click.option("--select", metavar="REF", help="with --screenshot: the record to select (S2, C4, P3, …)")
def gui(case: str | None, screenshot: str | None, view: str | None, select: str | None) -> int:
    return run_gui(case, screenshot, view, select)
