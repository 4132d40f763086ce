"""The `casefile` command (click). Each module of this package declares its subcommands with
`casefile.cli.base.command`; `main` runs them and turns every error into one line and an exit code:
0 ok, 1 a problem with the case or a file, 2 a usage error or an unacceptable value, 130 interrupted.
"""

from __future__ import annotations

import sqlite3
import sys

import click
from click.exceptions import NoArgsIsHelpError

from casefile.cli.base import MODULES, LazyGroup, cli
from casefile.errors import CasefileError, InvalidInput


def _load(module: str) -> None:
    """Import one command module of this package; importing it registers its commands."""
    if module == "analyst":
        from casefile.cli import analyst  # noqa: F401
    elif module == "claims":
        from casefile.cli import claims  # noqa: F401
    elif module == "core_cmds":
        from casefile.cli import core_cmds  # noqa: F401
    elif module == "demo":
        from casefile.cli import demo  # noqa: F401
    elif module == "flights":
        from casefile.cli import flights  # noqa: F401
    elif module == "history":
        from casefile.cli import history  # noqa: F401
    elif module == "photos":
        from casefile.cli import photos  # noqa: F401
    elif module == "report":
        from casefile.cli import report  # noqa: F401
    elif module == "safety":
        from casefile.cli import safety  # noqa: F401
    elif module == "sources":
        from casefile.cli import sources  # noqa: F401
    elif module == "xref":
        from casefile.cli import xref  # noqa: F401
    else:
        raise ValueError(f"no command module {module!r}")


def load_commands(*modules: str) -> None:
    """Import the named command modules (base.COMMAND_MODULE says which holds a command); all when
    none is named. `casefile NAME` loads only NAME's module."""
    for module in modules or MODULES:
        _load(module)


LazyGroup.load = staticmethod(load_commands)


def _usage_error(exc: click.UsageError) -> int:
    """The failing subcommand's own usage, then one error line (with what to do, where known)."""
    ctx = exc.ctx
    if isinstance(exc, NoArgsIsHelpError) and ctx is not None:
        print(ctx.get_help(), file=sys.stderr)
        return 2
    if ctx is not None:
        print(ctx.get_usage(), file=sys.stderr)
        print(f"Try '{ctx.command_path} --help' for help.", file=sys.stderr)
    message = exc.format_message()
    if isinstance(exc, click.MissingParameter) and isinstance(exc.param, click.Option) and exc.param.help:
        message = f"{message.rstrip('.')}: {exc.param.help}"
    repeatable = [p.opts[0] for p in ctx.command.params if isinstance(p, click.Option) and p.multiple
                  ] if ctx is not None else []
    if message.startswith("Got unexpected extra argument") and repeatable:
        message += f"; repeat an option for each value ({repeatable[0]} A {repeatable[0]} B)"
    print(f"casefile: error: {message}", file=sys.stderr)
    return 2


def main(argv: list[str] | None = None) -> int:
    try:
        return int(cli.main(args=argv, prog_name="casefile", standalone_mode=False) or 0)
    except click.UsageError as exc:
        return _usage_error(exc)
    except click.ClickException as exc:
        print(f"casefile: error: {exc.format_message()}", file=sys.stderr)
        return exc.exit_code
    except CasefileError as exc:
        print(f"casefile: error: {exc}", file=sys.stderr)
        return 2 if isinstance(exc, InvalidInput) else 1
    except sqlite3.DatabaseError as exc:   # damaged, read-only or a full disk, found mid-command
        from casefile.store import access

        print(f"casefile: error: {access.explain(None, exc)}", file=sys.stderr)
        return 1
    except (click.Abort, KeyboardInterrupt):
        print("casefile: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0
    except OSError as exc:              # a full disk or read-only place met outside the store
        from casefile.store import access

        if exc.errno not in access.EXPLAINED:
            raise
        print(f"casefile: error: {access.explain(None, exc)}", file=sys.stderr)
        return 1
    except SystemExit as exc:           # click's own exit on a closed pipe
        return exc.code if isinstance(exc.code, int) else 1
