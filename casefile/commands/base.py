"""What a command is: a frozen dataclass of typed parameters, applied by the part that owns the record.

Each parameter is a dataclass field declared with `param(...)`, which also says how a form asks for
it (label, choices, hint), so the window builds its forms from the command types: one field per
parameter. `apply(case)` calls the owning part's API (never a raw column write) inside the
transaction that `history.submit` opens; the rows it writes are found in the ledger afterwards.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, ClassVar

from casefile.store import refs

if TYPE_CHECKING:
    from casefile.store import Case

#: What a person is told when asked for a time and its zone (every form that asks for one).
TIME_HINT = "e.g. 2019-03-23 14:00 or 2019-03-23 (empty: not stated)"
ZONE_HINT = "IANA zone or offset the time was given in, e.g. Europe/Moscow or +03:00 (empty: case default)"

#: How a form asks for a parameter: text (one line), long text, a choice, a record of a kind,
#: several records of a kind, a flag, a number.
INPUTS = ("text", "long", "choice", "record", "records", "flag", "number")


@dataclass(frozen=True)
class Param:
    """How a person is asked for one parameter of a command."""

    label: str
    input: str = "text"
    choices: tuple[str, ...] = ()
    kind: str = ""                 # for record inputs: item | source | claim | entity | photo | flight
    hint: str = ""
    required: bool = False
    hidden: bool = False           # given by where the command is asked from (the selected record)


def param(label: str, *, input: str = "text", choices: Sequence[str] = (), kind: str = "",
          hint: str = "", required: bool = False, hidden: bool = False, default: Any = None,
          default_factory: Callable[[], Any] | None = None) -> Any:
    """A command parameter with how it is asked for (see Param)."""
    if input not in INPUTS:
        raise ValueError(f"unknown input {input!r}")
    meta = {"param": Param(label, input, tuple(choices), kind, hint, required, hidden)}
    if default_factory is not None:
        return dataclasses.field(default_factory=default_factory, metadata=meta)
    if required and default is None:
        return dataclasses.field(metadata=meta)
    return dataclasses.field(default=default, metadata=meta)


@dataclass(frozen=True)
class Applied:
    """What applying a command did, as people read it and as the window follows it."""

    summary: str                         # "Edit claim C2 (text)"
    record_id: str | None = None         # the record to show afterwards (a new one)
    uses: tuple[tuple[str, str], ...] = ()   # records it relies on without writing them


@dataclass(frozen=True, kw_only=True)
class Command:
    """One analyst edit. Subclasses set `name` ("claim.edit") and `heading` ("Edit Claim")."""

    name: ClassVar[str] = ""
    heading: ClassVar[str] = ""

    def apply(self, case: Case) -> Applied:  # pragma: no cover - every command overrides it
        raise NotImplementedError

    def params(self) -> dict[str, Any]:
        """The parameters as JSON values (as the ledger keeps them)."""
        return {f.name: _json(getattr(self, f.name)) for f in dataclasses.fields(self)}

    @classmethod
    def fields(cls) -> list[tuple[str, Param]]:
        """(name, how it is asked for) of each parameter, in order."""
        return [(f.name, f.metadata["param"]) for f in dataclasses.fields(cls)]


def _json(value: Any) -> Any:
    if isinstance(value, (tuple, list)):
        return [_json(v) for v in value]
    return value


#: Every command type by name (filled by `register`).
COMMANDS: dict[str, type[Command]] = {}


def register(cls: type[Command]) -> type[Command]:
    """Class decorator: make a command type known by its name."""
    if not cls.name or cls.name in COMMANDS:
        raise ValueError(f"command name {cls.name!r} is empty or taken")
    COMMANDS[cls.name] = cls
    return cls


def ref(case: Case, record_id: str | None) -> str:
    """A record's short reference (C2, S3, P4) for a summary, or a short id where it has none."""
    if not record_id:
        return "?"
    return refs.ref_of(case.db, record_id) or record_id[:8]
