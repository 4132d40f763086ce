"""Arguments every command shares: the case folder, --json, and opening the case they name."""

from __future__ import annotations

import argparse

from casefile.store import Case


def add_case_arg(p: argparse.ArgumentParser) -> None:
    p.add_argument("case", metavar="CASE", help="the case folder (NAME.casefile)")


def add_json_arg(p: argparse.ArgumentParser) -> None:
    p.add_argument("--json", action="store_true", help="print JSON (stable shape, see README)")


def open_case(args: argparse.Namespace, *, write: bool) -> Case:
    return Case.open(args.case, write=write, investigator=getattr(args, "investigator", None))
