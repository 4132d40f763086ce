"""The where index: each aircraft's usable points in time order with the state model's call at
each, kept in the case (table where_index) so `where` at one instant finds the two points around
it by a binary search and reads only them (casefile.flights.wherefast), instead of loading the
aircraft's tracks and running the state model over every point.

A cache, like the legs: written when a track is stored (from the calls its legs were derived
with, when it is the aircraft's only track; else, at the end of the import batch, from the
aircraft's points merged as `where` merges them). It records the tracks (id and points hash) it
was made from; `where` uses it only while they are the aircraft's tracks.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

import numpy as np

from casefile.flights import helipads, points, spoof
from casefile.flights import state as S
from casefile.store import Case

if TYPE_CHECKING:
    from collections.abc import Sequence

#: the index's layout (wherefast reads it): uint16 track index, uint32 seq, uint8 call
WHICH, SEQ, CALL = "<u2", "<u4", "u1"
GROUND_BIT = 128


def write(case: Case, aircraft_id: str, m: points.Merged, calls: S.GroundCalls,
          stretches: Sequence[spoof.Stretch]) -> None:
    """Store an aircraft's index: its merged usable points `m` and the state model's `calls` at
    them (in m's order)."""
    if len(calls.ground) != len(m) or len(m.tracks) > 0xFFFF or len(S.WHYS) >= GROUND_BIT:
        raise ValueError("the calls do not match the points")
    codes = np.asarray(calls.why.codes, dtype=np.uint8) if len(m) else np.zeros(0, np.uint8)
    ground = np.asarray(calls.array if len(calls.array) == len(m) else calls.ground, dtype=bool)
    packed = (codes | (ground.astype(np.uint8) * GROUND_BIT)).astype(CALL)
    which = None if len(m.tracks) == 1 else m.which.astype(WHICH).tobytes()
    row = (aircraft_id, json.dumps([[tp.track_id, tp.sha256] for tp in m.tracks]), len(m), which,
           m.seq.astype(SEQ).tobytes(), packed.tobytes(), json.dumps(list(S.WHYS)),
           json.dumps(sorted([s.t0, s.t1, len(s.seqs)] for s in stretches)),
           int(bool(helipads.Rotor(None, m.column("gs_kt"), ground))) if len(m) else 0)
    with case.transaction():
        case.db.execute("DELETE FROM where_index WHERE aircraft_id = ?", [aircraft_id])
        case.db.execute("INSERT INTO where_index (aircraft_id, tracks, points, which, seq, calls, "
                        "whys, spoofed, rotor) VALUES (?,?,?,?,?,?,?,?,?)", row)


def refresh(case: Case, aircraft_id: str) -> None:
    """(Re)make an aircraft's index from its tracks as stored."""
    m = points.aircraft_points(case, aircraft_id)
    if not m.tracks:
        with case.transaction():
            case.db.execute("DELETE FROM where_index WHERE aircraft_id = ?", [aircraft_id])
        return
    from casefile.flights.where import aircraft_calls

    write(case, aircraft_id, m, aircraft_calls(m),
          [s for tp in m.tracks for s in spoof.of_track(tp)])


def stale(case: Case) -> list[str]:
    """Aircraft with tracks whose index is missing or was made from other tracks."""
    have: dict[str, list[list[str]]] = {}
    for aid, tid, sha in case.db.execute("SELECT aircraft_id, id, points_sha256 FROM tracks "
                                         "ORDER BY aircraft_id, id"):
        have.setdefault(aid, []).append([tid, sha])
    made = {aid: json.loads(tr) for aid, tr in case.db.execute(
        "SELECT aircraft_id, tracks FROM where_index")}
    return sorted(aid for aid, tracks in have.items() if made.get(aid) != tracks)


def refresh_stale(case: Case) -> int:
    """Remake every missing or outdated index (after an import batch); returns how many."""
    todo = stale(case)
    for aircraft_id in todo:
        refresh(case, aircraft_id)
    return len(todo)
