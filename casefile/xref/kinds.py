"""What each kind of cross-reference finding is called where a person reads it (the window, the
command line): one home, so a new kind is named everywhere or nowhere."""

from __future__ import annotations

TITLES = {
    "photo-aircraft": "photo vs. flight track",
    "sun-position": "sun position vs. light in the photo",
    "claim-flights": "claim vs. flight records",
    "photo-duplicates": "same picture elsewhere",
    "photo-claim": "photo vs. the claim it supports",
    "photo-place-vs-gps": "analyst's place vs. the file's GPS",
    "photo-zone": "offset tag vs. the zone at the photo's GPS position",
    "time-photo-after-source": "capture time vs. publication",
    "time-claim-after-source": "claim vs. publication time",
    "time-source-vs-capture": "publication vs. collection time",
}


def title(kind: str) -> str:
    """'photo vs. flight track' for 'photo-aircraft'; an unknown kind in words."""
    return TITLES.get(kind, kind.replace("-", " "))
