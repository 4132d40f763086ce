"""The one way a command is declared: CASE and --json added, the case opened, errors made exit codes.

A command is one short function. `@command(group, "name", write=...)` gives it the open `Case`
as its first argument (or nothing with `case="none"`, the path with `case="path"`), adds the
CASE argument and `--json`, and prints what it returns: an `Out(data, human)` is printed as JSON
with --json, else by `human(data)`. Errors are raised (`CasefileError`); `casefile.cli.main`
turns them into one line and an exit code.

Why click: it is small, typed, has no runtime dependencies of its own, has been stable for a
decade, gives each subcommand its own usage and help, and enforces required options and
choices before a command runs, so nothing half-happens on a usage error.
"""

from __future__ import annotations

import inspect
import sys
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Literal

import click

from casefile import __version__
from casefile.cli.output import print_json

if TYPE_CHECKING:
    from casefile.store import Case

CONTEXT = {"help_option_names": ["-h", "--help"], "max_content_width": 100}


@dataclass
class Out:
    """What a command prints: `data` as JSON with --json, else `human(data)`; and its exit code."""

    data: Any
    human: Callable[[Any], None] | None = None
    code: int = 0


def want_json() -> bool:
    """True when the running command was given --json."""
    ctx = click.get_current_context(silent=True)
    return bool(ctx and ctx.meta.get("casefile.json"))


def investigator() -> str | None:
    """Who is acting, from the top-level --investigator (None: environment, settings, OS user)."""
    ctx = click.get_current_context(silent=True)
    root = ctx.find_root() if ctx else None
    return root.obj.get("investigator") if root and isinstance(root.obj, dict) else None


def open_case(path: str, *, write: bool | Literal["prefer"]) -> Case:
    """Open the case; "prefer": for writing when the case can be written, else read-only (a
    report, export or bundle of a case on read-only media or a full disk is written, not
    recorded)."""
    from casefile.errors import DiskFull, ReadOnlyCase
    from casefile.store import Case

    if write == "prefer":
        try:
            return Case.open(path, write=True, investigator=investigator())
        except (ReadOnlyCase, DiskFull) as exc:
            case = Case.open(path, write=False, investigator=investigator())
            case.read_only_reason = exc.why if isinstance(exc, ReadOnlyCase) else \
                "the disk holding it is full"
            return case
    return Case.open(path, write=write, investigator=investigator())


def emit(out: Out | int | None) -> int:
    """Print a command's result (JSON or human) and give its exit code."""
    if not isinstance(out, Out):
        return int(out or 0)
    if want_json():
        print_json(out.data)
    elif out.human is not None:
        out.human(out.data)
    return out.code


CaseMode = Literal["open", "path", "none"]
CASE_HELP = "the case folder (NAME.casefile)"


Write = bool | Literal["prefer"]


def command(group: click.Group, name: str, *, help: str,
            write: Write | Callable[[dict], bool] = False,
            case: CaseMode = "open", json: bool = True, case_help: str = CASE_HELP,
            hidden: bool = False, **settings: Any) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    """Declare a subcommand of `group` from a function whose click options are decorated below.

    `write` is whether the case opens for writing ("prefer": when it can, else read-only), or a
    function of the options that says so.
    `hidden`: an old spelling kept working, left out of --help and docs/cli.md.
    """

    def decorate(fn: Callable[..., Any]) -> Callable[..., Any]:
        params: list[click.Parameter] = list(reversed(getattr(fn, "__click_params__", [])))
        if case != "none":
            params.insert(0, click.Argument(["case"], metavar="CASE"))
        if json:
            params.append(click.Option(["--json"], is_flag=True,
                                       help="print JSON (stable shape, see docs/cli.md)"))

        def callback(**kw: Any) -> int:
            ctx = click.get_current_context()
            ctx.meta["casefile.json"] = kw.pop("json", False)
            if case == "open":
                path = kw.pop("case")
                with open_case(path, write=write(kw) if callable(write) else write) as c:
                    result = fn(c, **kw)
            else:
                result = fn(**kw)
            return emit(result)

        doc = "\n\n".join(filter(None, [help, f"CASE: {case_help}." if case != "none" else "",
                                         inspect.getdoc(fn)]))
        group.add_command(click.Command(name, callback=callback, params=params, help=doc,
                                        short_help=help, context_settings={**CONTEXT, **settings},
                                        hidden=hidden))
        return fn

    return decorate


def group(parent: click.Group, name: str, *, help: str, cls: type[click.Group] = click.Group) -> click.Group:
    """A command with subcommands (`casefile source add ...`)."""
    g = cls(name, help=help, context_settings=CONTEXT)
    parent.add_command(g)
    return g


class Choice(click.Choice):
    """One of a fixed set of words, checked before the command runs (a usage error lists them);
    any case, and the core's own aliases ("org" for organisation) are accepted."""

    def __init__(self, choices: Iterable[str], aliases: Mapping[str, str] | None = None) -> None:
        super().__init__(list(choices), case_sensitive=False)
        self.aliases = dict(aliases or {})

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> Any:
        if isinstance(value, str):
            value = self.aliases.get(value.strip().lower(), value.strip())
        return super().convert(value, param, ctx)


def run_gui(case: str | None, screenshot: str | None, view: str | None = None,
            select: str | None = None) -> int:
    """Open the desktop application, or say why it is not available."""
    try:
        from casefile.ui.app import run
    except ImportError as exc:
        # Only a missing GUI (the Qt binding or its system libraries) is reported this way.
        if not (exc.name or "").startswith(("casefile.ui", "PySide", "shiboken")):
            raise
        print(f"casefile: error: the desktop application is not available ({exc}); "
              "use the subcommands (casefile --help)", file=sys.stderr)
        return 1
    return run(case, screenshot=screenshot, investigator=investigator(), view=view, select=select)


# Which module of casefile.cli declares each top-level command: a command loads only its own module
# (and what that imports), so `casefile --version` or `items` does not pay for the importers, the
# report or the window. A name missing here still works (every module is loaded to find it);
# tests/cli/test_startup.py checks that the table is complete. casefile/cli/__init__.py loads them.
MODULES = ("analyst", "claims", "core_cmds", "demo", "flights", "history", "photos", "report",
           "safety", "sources", "xref")
COMMAND_MODULE = {
    "new": "core_cmds", "add": "core_cmds", "items": "core_cmds", "log": "core_cmds",
    "verify": "core_cmds", "upgrade": "core_cmds", "gui": "core_cmds", "demo": "demo",
    "flights": "flights", "where": "flights", "flight": "flights",
    "photos": "photos", "photo": "photos", "photo-place": "photos", "photo-tag": "photos",
    "report": "report", "export": "report", "bundle": "report", "unbundle": "report",
    "quarantine": "safety", "ledger": "safety", "recover": "safety", "source": "sources", "claim": "claims",
    "entity": "analyst", "note": "analyst", "tag": "analyst", "search": "analyst",
    "xref": "xref", "timeline": "xref", "undo": "history", "redo": "history", "history": "history",
}


class LazyGroup(click.Group):
    """The top-level group: a subcommand's module is imported when that subcommand is asked for
    (by `load`, which casefile/cli/__init__.py sets: it imports the named modules, or all)."""

    load: Callable[..., None] = staticmethod(lambda *modules: None)

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name not in self.commands:
            module = COMMAND_MODULE.get(cmd_name)
            self.load(*([module] if module else []))
        return super().get_command(ctx, cmd_name)

    def list_commands(self, ctx: click.Context) -> list[str]:
        self.load()
        return super().list_commands(ctx)


@click.group(cls=LazyGroup, context_settings=CONTEXT, invoke_without_command=True,
             help="Casefile: keep and check the evidence of an open-source investigation, offline.\n\n"
                  "With no command, opens the desktop application.")
@click.version_option(__version__, message="Casefile %(version)s")
@click.option("--investigator", metavar="NAME",
              help="who is acting (default: $CASEFILE_INVESTIGATOR, then settings)")
@click.pass_context
def cli(ctx: click.Context, investigator: str | None) -> int:
    ctx.obj = {"investigator": investigator}
    if ctx.invoked_subcommand is None:
        return run_gui(None, None)
    return 0
