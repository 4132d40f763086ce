"""How the report names records: short references with file names (P3 apron.jpg, S2 Reuters
article) instead of ids, and ids, positions, times and hashes in free text as people read them.
The wording itself (times, numbers, labels, aircraft) is casefile.present's."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping

from casefile.model.analyst import Claim, Source
from casefile.model.findings import Finding
from casefile.model.flights import Aircraft
from casefile.present.aircraft import aircraft_name
from casefile.present.labels import record_label
from casefile.present.numbers import coords
from casefile.present.times import day_time
from casefile.timeutil import parse_z

ULID = re.compile(r"\b[0-9A-HJKMNP-TV-Z]{26}\b")
FINDING_ID = re.compile(r"\bF[0-9a-f]{24}\b")
HEX64 = re.compile(r"\b[0-9a-fA-F]{64}\b")
LATLON = re.compile(r"(?<![\d.])(-?\d{1,2}\.\d{3,}), (-?\d{1,3}\.\d{3,})(?![\d.])")
ISO_Z = re.compile(r"\b\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|\+00:00)")
_ITEM_ID = re.compile(r"\bitem ([0-9A-HJKMNP-TV-Z]{26})\b")

class Names:
    """Every record as a person names it: its short reference and, for files, the file name."""

    def __init__(self, refs: Mapping[str, str], file_names: Mapping[str, str | None],
                 sources: Iterable[Source] = (), claims: Iterable[Claim] = (),
                 aircraft: Iterable[Aircraft] = (), findings: Iterable[Finding] = ()) -> None:
        self.refs = dict(refs)
        self.files = dict(file_names)
        self.sources = {s.id: s for s in sources}
        self.claims = {c.id: c for c in claims}
        self.aircraft = {a.id: aircraft_name(a) for a in aircraft}
        for f in findings:
            self.refs.setdefault(f.id, f"X?{f.id[-4:]}")

    def ref(self, target_id: str) -> str:
        """The short reference ("P3"), or a short stand-in for a record without one."""
        return self.refs.get(target_id) or self.aircraft.get(target_id) or "(unnumbered record)"

    def name(self, target_id: str) -> str:
        """'P3 apron.jpg', 'S2 Reuters article', 'C4', '15d3b7 (A124)'."""
        if target_id in self.aircraft:
            return self.aircraft[target_id]
        ref = self.ref(target_id)
        if target_id in self.files:
            return f"{ref} {self.files[target_id] or '(no name)'}"
        src = self.sources.get(target_id)
        if src is not None:
            return record_label(ref, src.title or src.publisher or src.kind)
        return ref

    def names(self, ids: Iterable[str]) -> str:
        return ", ".join(self.name(i) for i in ids)

    def text(self, text: str | None) -> str:
        """Free text with every record id replaced by how a person names it (and any SHA-256
        shortened: the full hash is in the appendix)."""
        if not text:
            return ""
        text = _ITEM_ID.sub(lambda m: self.ref(m.group(1)) if m.group(1) in self.refs
                            else m.group(0), text)
        text = ULID.sub(lambda m: self.name(m.group(0)) if m.group(0) in self.refs
                        or m.group(0) in self.aircraft else "a record", text)
        text = FINDING_ID.sub(lambda m: self.ref(m.group(0)), text)
        text = LATLON.sub(lambda m: _latlon(m.group(1), m.group(2)) or m.group(0), text)
        text = ISO_Z.sub(lambda m: f"{day_time(parse_z(_z(m.group(0))))} UTC", text)
        return HEX64.sub(lambda m: f"SHA-256 {m.group(0)[:12]}…", text)


def _latlon(lat: str, lon: str) -> str | None:
    """'10.5979, -66.9881' as '10.5979° N, 66.9881° W' (when it can be a position)."""
    a, o = float(lat), float(lon)
    return coords(a, o) if -90 <= a <= 90 and -180 <= o <= 180 else None


def _z(text: str) -> str:
    return text.replace("+00:00", "Z") if text.endswith("+00:00") else text
