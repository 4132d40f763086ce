"""Finding ids and construction: a finding's id is a stable hash of what it was decided from."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping
from functools import lru_cache

from casefile.model.findings import Finding
from casefile.xref.confidence import Confidence, stated

#: The reason given for a confidence that a rule sets without weighing factors.
FIXED = "set by the rule for this kind of finding (see Methods)"

#: The one encoder of finding inputs (compact; what it cannot encode is written as its str): built
#: once, as json.dumps would build it on every call, with the same settings and so the same text.
#: (check_circular off: inputs are trees built by the rules; the text is the same either way.)
_INPUTS_JSON = json.JSONEncoder(separators=(",", ":"), default=str, check_circular=False)

#: Bumped when the engine's rules change, so stored findings are known to be stale.
ENGINE_VERSION = "2"


def finding_id(kind: str, items: list[str] | tuple[str, ...], inputs_text: str,
               assumptions: list[str] | tuple[str, ...] = ()) -> str:
    """Stable id: SHA-256 of the kind, items, canonical inputs and assumptions (same case, same id)."""
    # each part followed by a record separator, hashed as one text (the same digest as part by part)
    text = "\x1e".join((ENGINE_VERSION, kind, "\x1f".join(items), inputs_text,
                        "\x1f".join(assumptions), ""))
    return "F" + hashlib.sha256(text.encode()).hexdigest()[:24]


def inputs_json(f: Finding) -> str:
    """The finding's inputs as JSON, exactly as hashed into its id (kept on the finding when made here)."""
    if f.inputs_text is not None:
        return f.inputs_text
    return _INPUTS_JSON.encode(f.inputs)


@lru_cache(maxsize=256)
def _fixed(value: float) -> Confidence:
    """A confidence the rule sets (a handful of values, each worded once)."""
    return stated(value, FIXED)


def make_finding(kind: str, verdict: str, confidence: float | Confidence, explanation: str,
                 item_ids: list[str] | tuple[str, ...], inputs: Mapping[str, object],
                 assumptions: list[str] | tuple[str, ...] = ()) -> Finding:
    """A Finding whose id hashes its kind, items, verdict inputs and assumptions; its confidence
    sentence is kept in the inputs (`confidence_note`) so it is stored and hashed with them."""
    conf = confidence if isinstance(confidence, Confidence) else _fixed(confidence)
    inputs = {**inputs, "confidence_note": conf.sentence}
    items = tuple(dict.fromkeys(i for i in item_ids if i))
    # Key order is the order the engine builds its dicts in (fixed in code), so no sort is needed.
    text = _INPUTS_JSON.encode(inputs)
    fid = finding_id(kind, items, text, tuple(assumptions))
    return Finding(id=fid, kind=kind, verdict=verdict, confidence=round(float(conf.value), 3),
                   explanation=explanation, item_ids=items, inputs=inputs,
                   assumptions=tuple(assumptions), confidence_note=conf.sentence, inputs_text=text)


def confidence_note(inputs: Mapping[str, object], confidence: float) -> str:
    """A stored finding's confidence sentence (findings stored before it existed get the fixed one)."""
    note = inputs.get("confidence_note")
    return note if isinstance(note, str) and note else stated(confidence, FIXED).sentence
