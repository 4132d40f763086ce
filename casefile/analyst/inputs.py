"""What the analyst types, checked: ids (or id prefixes), choices, grades and free text."""

from __future__ import annotations

import unicodedata
from typing import TYPE_CHECKING

from casefile.errors import InvalidInput
from casefile.store.resolve import resolve

if TYPE_CHECKING:
    from casefile.store import Case

#: the short-reference kinds that name rows of a table
_REF_KINDS = {"sources": "S", "claims": "C", "entities": "E", "reported_flights": "R", "notes": "N"}


def resolve_id(case: Case, table: str, ref: str) -> str:
    """The id of a row of `table` (sources, claims, entities, notes, reported_flights) that `ref`
    names: through the one resolver (`casefile.store.resolve`)."""
    return resolve(case, ref, _REF_KINDS[table])


def choice(value: str, allowed: tuple[str, ...], field: str,
           aliases: dict[str, str] | None = None) -> str:
    """`value` if it is one of `allowed` (case-insensitive, or a known alias), else a clear error."""
    v = (value or "").strip().lower()
    v = (aliases or {}).get(v, v)
    if v not in allowed:
        raise InvalidInput(f"{value!r} is not one of: {', '.join(allowed)}", field=field)
    return v


def reliability_grade(value: str | None) -> str | None:
    """A source reliability grade: one letter A-F (Admiralty scale), or None for ungraded."""
    if value is None or str(value).strip() == "":
        return None
    v = str(value).strip().upper()
    if len(v) != 1 or v not in "ABCDEF":
        raise InvalidInput(f"{value!r} is not a reliability grade: use one letter A-F (A completely "
                           "reliable ... E unreliable, F cannot be judged)", field="reliability")
    return v


def credibility_grade(value: int | str | None) -> int | None:
    """An information credibility grade 1-6 (Admiralty scale), or None for ungraded."""
    if value is None or str(value).strip() == "":
        return None
    text = str(value).strip()
    if not (text.isascii() and text.isdigit()) or not 1 <= int(text) <= 6:
        raise InvalidInput(f"{value!r} is not a credibility grade: use a number 1-6 (1 confirmed "
                           "... 5 improbable, 6 cannot be judged)", field="credibility")
    return int(text)


def text_value(value: object, field: str) -> str | None:
    """A value given for a text field (an edit's changes come by name): text or nothing; anything
    else is refused, naming the field."""
    if value is None or isinstance(value, str):
        return value
    raise InvalidInput(f"{field} is text, not {type(value).__name__}", field=field)


def text_list(value: object, field: str) -> list[str]:
    """A value given for a list of text (aircraft, archive addresses): a list or tuple of text."""
    if value is None:
        return []
    if isinstance(value, list | tuple) and all(isinstance(v, str) for v in value):
        return [str(v) for v in value]
    raise InvalidInput(f"{field} is a list of text, not {type(value).__name__}", field=field)


def clean_text(value: str | None, field: str, *, required: bool = False,
               max_len: int = 1_000_000) -> str | None:
    """Text as typed (never altered inside); surrounding whitespace dropped; control chars refused."""
    if value is None:
        if required:
            raise InvalidInput("is required", field=field)
        return None
    text = value.strip()
    if not text:
        if required:
            raise InvalidInput("is empty", field=field)
        return None
    if len(text) > max_len:
        raise InvalidInput(f"is {len(text)} characters; at most {max_len}", field=field)
    bad = [c for c in text if unicodedata.category(c) == "Cc" and c not in "\n\t\r"]
    if bad:
        raise InvalidInput(f"contains a control character U+{ord(bad[0]):04X}", field=field)
    return text
