"""A form built from a command type: one field per parameter it asks for, read back as the command.

The command's `param(...)` declarations say each field's label, input, choices and hint
(casefile/commands/base.py); a `FormSpec` says which parameters one form asks for, which come from
the selected record, and what an edit form shows first. Values are converted by the parameter's
declared type, so the form hands the core a typed command, never a dictionary of strings.
"""

from __future__ import annotations

import dataclasses
import types
import typing
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from casefile.commands import Command, Param
from casefile.model.analyst import CREDIBILITY, RELIABILITY
from casefile.ui import names
from casefile.ui.forms.choices import one_of, records
from casefile.ui.forms.dialog import Field, FormDialog, split_list
from casefile.ui.operations.edits import Edit

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from casefile.store import Case

Values = Mapping[str, Any]
Build = Callable[[dict[str, str]], Edit]
Choices = Callable[["Case"], list[tuple[str, str]]]
#: A choice meaning "none, on purpose" (unlike a choice left empty); it gives the parameter no value.
NONE_CHOSEN = "-none-on-purpose-"


@dataclass(frozen=True)
class FormSpec:
    """One form of a command: what it asks, what the selection gives, what it shows first."""

    command: type[Command]
    ask: tuple[str, ...] = ()                 # the parameters shown (default: all not hidden)
    title: str = ""                           # "{label}" is the selected record (default: heading)
    intro: str | Callable[[Case, str | None], str] = ""     # a sentence above the fields
    given: Callable[[Case, str | None], Values] | None = None     # parameters from the selection
    current: Callable[[Case, str | None], Values] | None = None   # what an edit form shows first
    required: tuple[str, ...] = ()            # asked for here even where the command has a default
    only_changed: bool = False                # an edit: pass only what the person changed ...
    always: tuple[str, ...] = ()              # ... and these, changed or not (a time's zone)
    check: Callable[[dict[str, str]], str | None] | None = None
    labels: Mapping[str, str] | None = None   # a label other than the parameter's, for this form
    choices: Mapping[str, Choices] | None = None   # choices other than the parameter's, for this form
    text: str = ""                            # what the Edit menu says ("{label}" filled)


_TYPES: dict[str, dict[str, Any]] = {}


def _types(command: type[Command]) -> dict[str, Any]:
    if command.name not in _TYPES:
        _TYPES[command.name] = typing.get_type_hints(command)
    return _TYPES[command.name]


def _readable(name: str, value: str) -> str:
    meaning = RELIABILITY.get(value) if name in ("grade", "reliability") else (
        CREDIBILITY.get(int(value)) if name == "credibility" and value.isdigit() else None)
    return f"{value} — {meaning}" if meaning else value


def _shown(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else ""
    if isinstance(value, (tuple, list)):
        return ", ".join(str(v) for v in value)
    return str(value)


def field_for(case: Case, name: str, p: Param, value: Any, *, required: bool, label: str) -> Field:
    """The form field of one command parameter."""
    if p.input == "choice":
        choices = [(c, _readable(name, c) if c else "not graded yet") for c in p.choices]
        return Field(name, label, "choice", choices, _shown(value), p.hint, required)
    if p.input in ("record", "records"):
        opts = records(case, p.kind) if p.kind in ("source", "claim", "entity") else \
            one_of(case, "item", "(no files yet)")
        if p.kind in ("source", "claim", "entity") and (not required or not opts):
            opts = [("", f"(no {p.kind} chosen)" if opts else f"(no {p.kind}s yet)"), *opts]
        return Field(name, label, "choice", opts, _shown(value), p.hint, required)
    if p.input == "flag":
        return Field(name, label, "choice", [("", "no"), ("yes", "yes")], _shown(value), p.hint)
    kind = "long" if p.input == "long" else "text"
    return Field(name, label, kind, (), _shown(value), p.hint, required)


def _optional(tp: Any) -> tuple[Any, bool]:
    args = typing.get_args(tp)
    if (typing.get_origin(tp) in (typing.Union, types.UnionType)) and type(None) in args:
        rest = [a for a in args if a is not type(None)]
        return rest[0], True
    return tp, False


def value_of(command: type[Command], name: str, text: str, *, cleared: bool = False) -> Any:
    """A form's text as the parameter's declared type (raises ValueError with a person's message);
    an empty field is None (the command's default), or "" when `cleared` (an edit that empties it)."""
    tp, optional = _optional(_types(command)[name])
    p = dict(command.fields())[name]
    if tp is bool:
        return text == "yes"
    if not text:
        if typing.get_origin(tp) is tuple:
            return () if cleared or not optional else None
        return "" if cleared and tp is str else None
    if tp is float:
        try:
            return float(text)
        except ValueError:
            raise ValueError(f"{p.label.replace('&', '').rstrip(':')} is a number, e.g. 10.6012") \
                from None
    if typing.get_origin(tp) is tuple:
        return (text,) if p.input in ("record", "records") else tuple(split_list(text))
    return text


def build_form(case: Case, parent: QWidget, spec: FormSpec, rid: str | None) -> tuple[FormDialog, Build]:
    """The dialog of one FormSpec for the selected record, and how its values become an Edit."""
    label = names.label(case, rid) if rid else ""
    params = dict(spec.command.fields())
    given = dict(spec.given(case, rid)) if spec.given else {}
    current = dict(spec.current(case, rid)) if spec.current else {}
    asked = spec.ask or tuple(n for n, p in params.items() if not p.hidden and n not in given)
    defaults = {f.name: f.default for f in dataclasses.fields(spec.command)
                if f.default is not dataclasses.MISSING}
    fields = [field_for(case, n, params[n], current.get(n, given.get(n, defaults.get(n))),
                        required=params[n].required or n in spec.required,
                        label=(spec.labels or {}).get(n, params[n].label)) for n in asked]
    for f in fields:
        if spec.choices and f.name in spec.choices:
            f.choices = spec.choices[f.name](case)
    title = (spec.title or spec.command.heading).format(label=label or "the case")
    intro = spec.intro(case, rid) if callable(spec.intro) else spec.intro
    dlg = FormDialog(parent, title, fields, intro=intro, check=spec.check)
    shown = {f.name: f.value for f in fields}

    def build(v: dict[str, str]) -> Edit:
        kw: dict[str, Any] = {k: val for k, val in given.items() if k not in asked}
        for n in asked:
            if spec.only_changed and n not in spec.always and v.get(n, "") == shown[n]:
                continue
            text = v.get(n, "")
            got = value_of(spec.command, n, "" if text == NONE_CHOSEN else text,
                           cleared=spec.only_changed)
            if got is None and n not in given and not spec.only_changed:
                continue                     # left empty: the command's own default
            kw[n] = got
        text = (spec.text or title).format(label=label or "the case")
        return Edit(text, spec.command(**kw))

    return dlg, build
