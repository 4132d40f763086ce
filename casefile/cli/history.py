"""Undo, redo and the history of analyst edits (kept in the ledger, so they survive closing the case)."""

from __future__ import annotations

from typing import Any

import click

from casefile.cli.base import Out, cli, command
from casefile.cli.output import print_table
from casefile.store import Case


def _done(d: dict[str, Any]) -> None:
    print(f"#{d['seq']} {d['summary']}")


def _number(text: str | None) -> int | None:
    if text is None:
        return None
    from casefile.errors import InvalidInput
    try:
        return int(text.lstrip("#"))
    except ValueError:
        raise InvalidInput(f"{text!r} is not a command number (see `casefile history`)",
                           field="command") from None


@command(cli, "undo", help="take back the last edit still in effect (or edit #N), recorded as its "
         "inverse", write=True)
@click.argument("number", required=False, metavar="[#N]")
def undo(case: Case, number: str | None) -> Out:
    from casefile.commands import undo as undo_
    done = undo_(case, _number(number))
    return Out({"seq": done.seq, "summary": done.summary}, _done)


@command(cli, "redo", help="apply again the last edit undone (or edit #N)", write=True)
@click.argument("number", required=False, metavar="[#N]")
def redo(case: Case, number: str | None) -> Out:
    from casefile.commands import redo as redo_
    done = redo_(case, _number(number))
    return Out({"seq": done.seq, "summary": done.summary}, _done)


def _table(rows: list[dict[str, Any]]) -> None:
    if not rows:
        print("no edits yet")
        return
    print_table([[f"#{r['seq']}", r["at"][:19].replace("T", " "), r["actor"], r["summary"], r["state"]]
                 for r in rows], ["#", "when (UTC)", "by", "edit", "state"], max_width=80)


@command(cli, "history", help="the analyst edits of the case, oldest first: in effect, undone, undo, "
         "redo")
def history(case: Case) -> Out:
    from casefile.commands import history as history_
    return Out([e.to_dict() for e in history_(case)], _table)
