"""Quarantine and ledger-head commands: files no row refers to, re-attached or deleted with a
reason; a head file the ledger does not hold, accepted with a reason."""

from __future__ import annotations

from typing import Any

import click

from casefile.cli.base import Out, cli, command, group
from casefile.errors import InvalidInput
from casefile.importers.pipeline import import_paths
from casefile.store import Case, quarantine, quarantine_ops

quarantined = group(cli, "quarantine", help="files in the case no row refers to: list, re-attach, "
                    "delete with a reason")


def _listing(d: dict[str, Any]) -> None:
    if not d["files"]:
        print("the quarantine is empty")
    for q in d["files"]:
        print(f"{q['name']}  {q['size']:>10} bytes  was {q['was']}  ({q['why']}, {q['at']})")


@command(quarantined, "list", help="list quarantined files with their SHA-256 and where they were")
def list_(case: Case) -> Out:
    return Out({"files": [q.to_dict() for q in quarantine.entries(case.path)]}, _listing)


@command(quarantined, "reattach", help="import quarantined files again as evidence (all, or the "
         "ones named by SHA-256 prefix)", write=True)
@click.argument("names", nargs=-1, metavar="[SHA256-PREFIX...]")
def reattach(case: Case, names: tuple[str, ...]) -> Out:
    chosen = [quarantine.find(case.path, n) for n in names] or quarantine.entries(case.path)
    chosen.sort(key=lambda q: not q.is_original)   # originals first: their working copies follow
    done, left = [], []
    for q in chosen:
        if q.is_original and quarantine_ops.held_again(case, q) is None:
            from casefile.commands import after_import

            after_import(case, import_paths(
                case, [case.path / q.file], workers=1,
                note="re-attached from the quarantine (the database had no row for it)"))
        if quarantine_ops.held_again(case, q) is None:
            left.append({**q.to_dict(), "why_left": "a derived working copy: it is re-made from its "
                         "original; confirm its deletion with a reason"
                         if not q.is_original else "could not be imported"})
            continue
        quarantine_ops.reattached(case, q)
        done.append(q.to_dict())

    def human(d: dict[str, Any]) -> None:
        for q in d["reattached"]:
            print(f"re-attached {q['name']} ({q['was']})")
        for q in d["left"]:
            print(f"left {q['name']} ({q['was']}): {q['why_left']}")

    return Out({"reattached": done, "left": left}, human, 1 if left else 0)


@command(quarantined, "delete", help="delete quarantined files for a stated reason (the ledger "
         "keeps each one's name, hash and size)", write=True)
@click.argument("names", nargs=-1, metavar="[SHA256-PREFIX...]")
@click.option("--derived", "all_derived", is_flag=True,
              help="every quarantined working copy (thumbnails, previews, point files), not originals")
@click.option("--reason", required=True, help="why they are not evidence (kept in the ledger)")
def delete(case: Case, names: tuple[str, ...], all_derived: bool, reason: str) -> Out:
    chosen = [quarantine.find(case.path, n) for n in names]
    if all_derived:
        chosen += [q for q in quarantine.entries(case.path) if not q.is_original]
    if not chosen:
        raise InvalidInput("the quarantine holds no working copies" if all_derived else
                           "name the files to delete (SHA-256 prefixes) or give --derived")
    done = []
    for q in {q.file: q for q in chosen}.values():
        quarantine_ops.confirm_deletion(case, q, reason)
        done.append(q.to_dict())

    def human(d: dict[str, Any]) -> None:
        for q in d["deleted"]:
            print(f"deleted {q['name']} ({q['was']})")

    return Out({"deleted": done, "reason": reason}, human)


@command(cli, "recover", help="remove the files of imports that never finished (their journals "
         "list them) and move any other file no row refers to into quarantine/; recorded in the "
         "ledger (verify only names them)", write=True)
def recover(case: Case) -> Out:
    done = case.recovered
    data = {"removed": list(done.removed) if done else [],
            "quarantined": [q.to_dict() for q in done.quarantined] if done else []}

    def human(d: dict[str, Any]) -> None:
        for rel in d["removed"]:
            print(f"removed {rel} (an import that never finished wrote it)")
        for q in d["quarantined"]:
            print(f"quarantined {q['name']} ({q['was']}, {q['size']} bytes)")
        if not d["removed"] and not d["quarantined"]:
            print("nothing to recover")
        elif d["quarantined"]:
            print("see `casefile quarantine list`; re-attach them with `casefile quarantine reattach`")

    return Out(data, human)


ledger = group(cli, "ledger", help="the custody ledger's head")


@command(ledger, "accept-head", help="accept the ledger as it is when ledger-head.json names an "
         "event it does not hold (an older database restored on purpose)", write=True)
@click.option("--reason", required=True, help="why (kept in the ledger with the old head)")
def accept_head(case: Case, reason: str) -> Out:
    case.accept_ledger_head(reason)
    from casefile.store.ledger import head_fingerprint

    fp = head_fingerprint(case)
    return Out({"fingerprint": fp}, lambda d: print(f"accepted; ledger head now {d['fingerprint']}"))
