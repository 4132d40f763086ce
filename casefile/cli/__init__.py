"""The `casefile` command. Subcommands live in this package's modules, each with `register()`."""

from __future__ import annotations

import argparse
import sys

from casefile import __version__
from casefile.errors import CasefileError


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="casefile",
        description="Casefile: keep and check the evidence of an open-source investigation, offline.")
    parser.add_argument("--version", action="version", version=f"Casefile {__version__}")
    parser.add_argument("--investigator", metavar="NAME",
                        help="who is acting (default: $CASEFILE_INVESTIGATOR, then settings)")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    from casefile.cli import (
        analyst,
        claims,
        core_cmds,
        demo,
        flights,
        photos,
        report,
        sources,
        xref,
    )

    for module in (core_cmds, analyst, claims, demo, flights, photos, report, sources, xref):
        module.register(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if not args.command:
        args = parser.parse_args(["gui", *(argv or [])])
    try:
        return int(args.func(args) or 0)
    except CasefileError as exc:
        print(f"casefile: error: {exc}", file=sys.stderr)
        return 2 if type(exc).__name__ in {"InvalidInput"} else 1
    except KeyboardInterrupt:
        print("casefile: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0
