"""The report never disagrees with itself about one event: build the report's blocks, read the legs
table it prints (take-offs and landings with their windows and airports), recompute each arrival
and departure claim's verdict from those printed rows alone, and compare it with the verdict the
summary prints. Real tracks: SPAR19 (fr24-2ce4f83f.json) and N8774Q (readsb trace)."""

from __future__ import annotations

import os
import re
from datetime import datetime
from pathlib import Path

import pytest

from casefile.analyst import claims as cl
from casefile.importers.pipeline import import_paths
from casefile.report.blocks import Grid
from casefile.report.context import Context, ReportOptions
from casefile.report.story import build_story
from casefile.store import Case
from casefile.xref.query import run_xref

FLIGHTS = Path(os.environ.get("CASEFILE_SHARED", Path(__file__).resolve().parents[3] / "shared")) \
    / "corpora" / "flights"
TOLERANCE_S = 120.0      # the reporting tolerance the report's Methods states

CLAIMS = [   # (kind, time, zone, airport, aircraft)
    ("arrival", "2022-08-02 22:44", "Asia/Taipei", "RCSS", "SPAR19"),        # 20 s off: agrees
    ("arrival", "2022-08-02 22:20", "Asia/Taipei", "RCSS", "SPAR19"),        # 23 min off
    ("arrival", "2022-08-02 22:44", "Asia/Taipei", "RCTP", "SPAR19"),        # the other airport
    ("departure", "2022-08-02 15:42", "Asia/Kuala_Lumpur", "WMSA", "SPAR19"),
    ("departure", "2022-08-02 15:10", "Asia/Kuala_Lumpur", "WMSA", "SPAR19"),
    ("arrival", "2024-08-11 22:49", "America/New_York", "PBI", "N8774Q"),
    ("arrival", "2024-08-11 22:30", "America/New_York", "PBI", "N8774Q"),
]


def _utc(text: str) -> float:
    return datetime.fromisoformat(text.replace(" UTC", "+00:00")).timestamp()


def _printed_window(cell: str) -> tuple[float, float] | None:
    """A take-off or landing cell as printed: 'between D T1 and T2 UTC' or 'D Mon YYYY HH:MM UTC'."""
    m = re.search(r"between (\d{4}-\d\d-\d\d) (\d\d:\d\d:\d\d) and (?:(\d{4}-\d\d-\d\d) )?"
                  r"(\d\d:\d\d:\d\d) UTC", cell)
    if m:
        return (_utc(f"{m.group(1)}T{m.group(2)} UTC"),
                _utc(f"{m.group(3) or m.group(1)}T{m.group(4)} UTC"))
    return None


@pytest.fixture
def report_case(tmp_path: Path):
    files = [FLIGHTS / "traffic" / "fr24-2ce4f83f.json", FLIGHTS / "readsb" / "trace_full_ac134a.json"]
    if not all(f.exists() for f in files):
        pytest.skip("shared corpora not found")
    case = Case.create(tmp_path / "c", "Self-consistency", investigator="T", default_tz=None)
    import_paths(case, files, workers=1)
    made = []
    for kind, when, tz, place, ref in CLAIMS:
        made.append(cl.add_claim(case, f"{ref} {kind} {place} {when}", kind=kind, when=when,
                                 tz=tz, place_ref=place, aircraft_refs=[ref]))
    run_xref(case)
    yield case, made
    case.close()


def test_each_claim_verdict_follows_from_the_legs_table_the_report_prints(report_case):
    case, made = report_case
    story = build_story(Context(case, ReportOptions()))
    grids = [b for b in story.blocks if isinstance(b, Grid)]
    legs = next(g for g in grids if g.headers[:5] == ("Aircraft", "Take-off", "From", "Landing", "To"))
    summary = next(g for g in grids if g.headers[:3] == ("Claim", "What was claimed", "Verdict"))
    printed = {row[1].split("'")[0]: row[2] for row in summary.rows}   # claim text -> verdict
    assert legs.rows and all(_printed_window(r[1]) or _printed_window(r[3]) for r in legs.rows)
    checked = 0
    for c in made:
        verdict = next(v for text, v in printed.items() if text.startswith(c.text[:40]))
        lo, hi = (w.timestamp() for w in (c.window_start.window() or ()))
        col, place_col = (3, 4) if c.kind == "arrival" else (1, 2)
        key = (c.place_icao or "").upper()
        at_place = [w for r in legs.rows if (w := _printed_window(r[col])) is not None
                    and (r[place_col].startswith(key) or (key == "KPBI" and "Palm Beach" in
                                                          r[place_col]))]
        meets = any(w[0] - TOLERANCE_S <= hi and w[1] + TOLERANCE_S >= lo for w in at_place)
        # what the printed table says must be what the summary says
        assert ("the records agree" in verdict) == meets, (c.text, verdict, at_place)
        if "the records disagree" in verdict:
            assert not meets
        checked += 1
    assert checked == len(CLAIMS)
