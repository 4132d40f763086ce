"""What a report or export shows: options, the case state it describes, redaction and exclusion."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, TypeVar

from casefile import __version__
from casefile.errors import InvalidInput
from casefile.store import Case
from casefile.store.refs import all_refs

SECTIONS = ("summary", "findings", "sources", "photos", "flights", "timeline", "limitations",
            "custody", "methods")
# Ledger actions that change no evidence record: exports, verifications and recomputing the
# cross-reference cache (a pure function of the records). The fingerprint skips them, so exporting
# twice describes the same state and gives the same bytes.
READ_ONLY_ACTIONS = frozenset({"exported", "verified", "bundled", "xref-run", "derived-recorded"})
REDACTED = "[redacted]"
REDACTABLE = ("acquired_by", "actor", "author", "collected_by", "investigator", "note", "notes",
              "original_name", "original_path", "serial", "source_url")
# "collector": every field that names who collected or handled the evidence.
REDACT_GROUPS = {"collector": ("acquired_by", "actor", "collected_by", "investigator")}
T = TypeVar("T")


@dataclass(frozen=True)
class ReportOptions:
    """Choices for one report: sections, handling marking, redaction, exclusion, signing."""

    sections: tuple[str, ...] = SECTIONS
    marking: str = "UNMARKED"
    redact: frozenset[str] = frozenset()
    exclude_sensitive: bool = False
    generated_at: str | None = None
    sign_cert: str | None = None
    sign_key: str | None = None
    sign_password: str | None = field(default=None, repr=False)

    def __post_init__(self) -> None:
        unknown = [s for s in self.sections if s not in SECTIONS]
        if unknown:
            raise InvalidInput(f"unknown report section {unknown[0]!r} (choose from "
                               f"{', '.join(SECTIONS)})", field="sections")
        fields: set[str] = set()
        for name in self.redact:
            if name in REDACT_GROUPS:
                fields.update(REDACT_GROUPS[name])
            elif name in REDACTABLE:
                fields.add(name)
            else:
                raise InvalidInput(f"cannot redact {name!r}: choose from "
                                   f"{', '.join(REDACTABLE + tuple(REDACT_GROUPS))}", field="redact")
        object.__setattr__(self, "redact", frozenset(fields))
        if bool(self.sign_cert) != bool(self.sign_key):
            raise InvalidInput("signing needs both a certificate and its private key",
                               field="sign_cert")

    def to_dict(self) -> dict[str, Any]:
        """The options as recorded in the custody ledger (never the key's password)."""
        return {"sections": list(self.sections), "marking": self.marking,
                "redact": sorted(self.redact), "exclude_sensitive": self.exclude_sensitive,
                "generated_at": self.generated_at, "signed": bool(self.sign_cert)}


def content_head(case: Case) -> dict[str, Any]:
    """The last ledger event that changed the case (exports and verifications don't)."""
    marks = ",".join("?" * len(READ_ONLY_ACTIONS))
    rows = case.rows(f"SELECT seq, at, hash, action FROM ledger WHERE action NOT IN ({marks}) "
                     "ORDER BY seq DESC LIMIT 1", sorted(READ_ONLY_ACTIONS))
    return rows[0] if rows else {"seq": 0, "at": "", "hash": "0" * 64, "action": ""}


class Context:
    """A case seen through one set of options: filtered items and redacted values."""

    def __init__(self, case: Case, options: ReportOptions) -> None:
        self.case = case
        self.options = options
        self.meta = case.meta()
        self.head = content_head(case)
        self.version = __version__
        every = case.items()
        self.sensitive_ids = {i["id"] for i in every if i["sensitive"]}
        self.items = [i for i in every if not (options.exclude_sensitive and i["sensitive"])]
        self.item_ids = {i["id"] for i in self.items}
        self.names = {i["id"]: i["original_name"] for i in self.items}
        removed = [i for i in case.items(include_removed=True) if i["removed_at"]]
        self.removed = [i for i in removed if not (options.exclude_sensitive and i["sensitive"])]
        self.withheld = len(every) - len(self.items)
        self.refs = all_refs(case)          # id -> short reference (P3, S2, C4, X7 ...)

    @property
    def title(self) -> str:
        return self.meta.get("title", self.case.path.stem)

    @property
    def investigator(self) -> str | None:
        return self.red("investigator", self.meta.get("investigator") or self.meta.get("created_by"))

    @property
    def generated_at(self) -> str:
        return self.options.generated_at or self.head["at"]

    def redacted_values(self, extra: Mapping[str, Sequence[object]] | None = None) -> set[str]:
        """Every value of a redacted field in the case, to scrub from free text too."""
        r = self.options.redact
        vals: set[object] = set()
        acq = self.case.rows("SELECT acquired_by, original_path, source_url, note FROM acquisitions")
        for name in ("acquired_by", "original_path", "source_url", "note"):
            if name in r:
                vals.update(a[name] for a in acq)
        items = self.case.items(include_removed=True)
        if "original_name" in r:
            vals.update(i["original_name"] for i in items)
        if "notes" in r:
            vals.update(i["notes"] for i in items)
        if "actor" in r:
            vals.update(x[0] for x in self.case.db.execute("SELECT DISTINCT actor FROM ledger"))
        if "investigator" in r:
            vals.update((self.meta.get("investigator"), self.meta.get("created_by")))
        for name, values in (extra or {}).items():
            if name in r:
                vals.update(values)
        return {str(v) for v in vals if v}

    def red(self, name: str, value: T) -> T | str:
        """The value, or a redaction mark when the field is redacted and has a value."""
        if name in self.options.redact and value not in (None, ""):
            return REDACTED
        return value

    def shows(self, item_ids: Iterable[str] | None) -> bool:
        """False when any of these items is withheld (sensitive and excluded)."""
        if not self.options.exclude_sensitive:
            return True
        return not any(i in self.sensitive_ids for i in (item_ids or ()))

    def wants(self, section: str) -> bool:
        return section in self.options.sections
