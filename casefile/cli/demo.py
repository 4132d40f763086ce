"""`casefile demo`: build the training case on the reference scenario, then open it."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from casefile.cli.base import Out, cli, command, emit, investigator, run_gui, want_json


@command(cli, "demo", help="build a training case (illustrative data) and open it", case="none")
@click.option("--dir", "folder", default="casefile-demo", metavar="DIR",
              help="folder for the new case and its generated inputs (default: ./casefile-demo; "
                   "an earlier demo there is kept, the new one gets the next free name)")
@click.option("--report", metavar="OUT.pdf", help="also write the PDF case report")
@click.option("--no-gui", is_flag=True, help="do not open the desktop application")
@click.option("--screenshot", metavar="PNG",
              help="open the application, save a picture of its window, and exit")
def demo(folder: str, report: str | None, no_gui: bool, screenshot: str | None) -> Out | int:
    """Build a training case on the reference scenario (Russian Air Force flights to Caracas,
    March 2019) from illustrative flight records and synthetic photos generated on this
    machine, run the cross-reference, and open it in the desktop application."""
    from casefile.demo.builder import build_demo

    as_json = want_json()
    say = (lambda s: print(s, file=sys.stderr)) if as_json else print
    result = build_demo(Path(folder), report=report, investigator=investigator(), say=say)
    for err in result.errors:
        print(f"casefile: error: {err}", file=sys.stderr)
    data = {"case": str(result.case_path), "inputs": str(result.inputs), "items": result.items,
            "errors": result.errors, "sources": result.sources, "claims": result.claims,
            "verdicts": result.verdicts, "finding_kinds": result.finding_kinds,
            "report": str(result.report) if result.report else None}
    out = Out(data, lambda d: print(f"demo case: {d['case']}"), 1 if result.errors else 0)
    if result.errors or (no_gui and not screenshot):
        return out
    emit(out)
    return run_gui(str(result.case_path), screenshot)
