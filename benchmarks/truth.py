"""Truth harness: Casefile's legs, `where` answers and photo verdicts against labels read by hand
from the raw points (tests/data/truth/labels.py), over every labelled flight file.

    python benchmarks/truth.py [--files] [--misses] [--held-out]

Prints leg precision and recall (a leg is matched one-to-one to the truth leg it overlaps most; an
unmatched Casefile leg is a false leg, an unmatched truth leg a missed one; a split inside a window
the labels mark "may split" is not a false leg; the take-off of a leg so split is its first
piece's, the landing its last's), airport accuracy at the ends of matched legs (the airport
Casefile names, observed or the best candidate of a probable end, against the label; None against
None counts as right), leg-end times (an observed end's window overlaps the label's), events (low
approaches, go-arounds, touch-and-go: the label's events found as events, never as landings),
`where` accuracy (status, and the airport for the ground) and photo-verdict accuracy. --misses
lists every disagreement; --held-out runs the files kept aside instead. A label keyed "file#icao24"
judges that one aircraft of a file of many.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from casefile.timeutil import parse_z  # noqa: E402


def _t(iso: str) -> float:
    return parse_z(iso).timestamp()


@dataclass
class Score:
    legs_truth: int = 0
    legs_found: int = 0
    legs_matched: int = 0
    ends: int = 0
    ends_right: int = 0
    times: int = 0
    times_right: int = 0
    events: int = 0
    events_found: int = 0
    events_reported: int = 0
    events_right: int = 0
    where: int = 0
    where_right: int = 0
    photos: int = 0
    photos_right: int = 0
    misses: list[str] = field(default_factory=list)

    def add(self, other: Score) -> None:
        for k, v in vars(other).items():
            if k == "misses":
                self.misses.extend(v)
            else:
                setattr(self, k, getattr(self, k) + v)

    @staticmethod
    def pct(a: int, b: int) -> float:
        return 100.0 * a / b if b else 100.0

    def figures(self) -> dict[str, float]:
        return {"leg precision": self.pct(self.legs_matched, self.legs_found),
                "leg recall": self.pct(self.legs_matched, self.legs_truth),
                "airports at leg ends": self.pct(self.ends_right, self.ends),
                "leg-end times": self.pct(self.times_right, self.times),
                "events found (low approach, go-around, touch-and-go)": self.pct(
                    self.events_found, self.events),
                "events reported that are real": self.pct(self.events_right, self.events_reported),
                "where": self.pct(self.where_right, self.where),
                "photo verdicts": self.pct(self.photos_right, self.photos)}


def _span(leg: Any) -> tuple[float, float]:
    a = leg.first_seen_utc or leg.takeoff.time_utc
    b = leg.last_seen_utc or leg.landing.time_utc
    return _t(a), _t(b)


def _overlap(a: tuple[float, float], b: tuple[float, float]) -> float:
    return min(a[1], b[1]) - max(a[0], b[0])


def _end_airport(end: Any) -> str | None:
    return end.airport_icao or (end.evidence or {}).get("candidate_airport")


def _same_airport(got: str | None, label: str | None) -> bool:
    """A label may name a field by its codes then and now ("KPBI|KDJT": Palm Beach renamed)."""
    if label is None:
        return got is None
    return got in label.split("|")


def _window_ok(end: Any, truth: dict[str, Any], slack_s: float = 30.0) -> bool:
    w = end.window_utc or ((end.time_utc, end.time_utc) if end.time_utc else None)
    if not w:
        return False
    lo, hi = _t(truth["window"][0]) - slack_s, _t(truth["window"][1]) + slack_s
    return _t(w[0]) <= hi and _t(w[1]) >= lo


def score_legs(name: str, legs: list[Any], truth: list[dict[str, Any]]) -> Score:
    s = Score(legs_truth=len(truth), legs_found=len(legs))
    spans = [_span(x) for x in legs]
    used: set[int] = set()
    for k, tl in enumerate(truth):
        ts = (_t(tl["first"]), _t(tl["last"]))
        cands = sorted(((_overlap(spans[i], ts), i) for i in range(len(legs)) if i not in used),
                       reverse=True)
        if not cands or cands[0][0] < -60:
            s.misses.append(f"{name}: truth leg {k + 1} ({tl['first']}-{tl['last']}) not found")
            s.ends += 2
            s.events += len(tl["events"])
            continue
        i = cands[0][1]
        used.add(i)
        s.legs_matched += 1
        pieces = [i]
        # pieces of the same truth leg split inside a "may split" window are not false legs
        for w in tl["may_split"]:
            lo, hi = _t(w[0]), _t(w[1])
            for j in range(len(legs)):
                if j not in used and _overlap(spans[j], ts) > 0 and (
                        lo - 60 <= spans[j][0] <= hi + 60 or lo - 60 <= spans[j][1] <= hi + 60):
                    used.add(j)
                    pieces.append(j)
                    s.legs_found -= 1
        # a leg split in pieces: its take-off is the first piece's, its landing the last's
        first = legs[min(pieces, key=lambda k: spans[k][0])]
        last = legs[max(pieces, key=lambda k: spans[k][1])]
        for what, end in (("takeoff", first.takeoff), ("landing", last.landing)):
            te = tl[what]
            s.ends += 1
            if _same_airport(_end_airport(end), te["airport"]):
                s.ends_right += 1
            else:
                s.misses.append(f"{name}: leg {k + 1} {what}: {_end_airport(end)} for "
                                f"{te['airport']} ({end.note[:120]})")
            if te["observed"] and te["window"]:
                s.times += 1
                if end.observed and _window_ok(end, te):
                    s.times_right += 1
                else:
                    s.misses.append(f"{name}: leg {k + 1} {what} time {end.window_utc or end.time_utc}"
                                    f" (observed {end.observed}) for {te['window']}")
        events = [e for k in pieces for e in (getattr(legs[k], "events", ()) or ())]
        for e in events:
            s.events_reported += 1
            if any(_t(ev["window"][0]) - 60 <= _t(e.window_utc[1])
                   and _t(e.window_utc[0]) <= _t(ev["window"][1]) + 60 for ev in tl["events"]):
                s.events_right += 1
            else:
                s.misses.append(f"{name}: leg {k + 1}: {e.kind} {e.window_utc} is no event read")
        for ev in tl["events"]:
            s.events += 1
            lo, hi = _t(ev["window"][0]) - 60, _t(ev["window"][1]) + 60
            if any(e.window_utc and _t(e.window_utc[0]) <= hi and _t(e.window_utc[1]) >= lo
                   for e in events):
                s.events_found += 1
            else:
                s.misses.append(f"{name}: leg {k + 1} {ev['kind']} {ev['window']} not found")
    for i, leg in enumerate(legs):
        if i not in used:
            s.misses.append(f"{name}: false leg {leg.first_seen_utc}-{leg.last_seen_utc} "
                            f"({leg.takeoff.note[:60]} / {leg.landing.note[:60]})")
    return s


def _photo_verdict(case: Any, fleet: Any, hexes: tuple[str, ...], t_iso: str,
                   place: tuple[float, float]) -> str:
    from casefile.timeutil import TimeValue
    from casefile.xref.model import PhotoIn, Place
    from casefile.xref.photo_track import photo_findings

    tv = TimeValue(raw=t_iso, utc=t_iso, basis="gps-utc", uncertainty_s=1.0)
    p = PhotoIn("TRUTH-PHOTO", tv, Place(place[0], place[1], "exif"), aircraft_tags=hexes)
    found = photo_findings(p, fleet)
    return found[0].verdict if found else "none"


def score_file(corpora: Path, name: str, labels: dict[str, Any]) -> Score:
    from casefile.flights import query as Q
    from casefile.importers.pipeline import import_paths
    from casefile.store import Case
    from casefile.xref.inputs import gather
    from casefile.xref.trackindex import FleetIndex

    path, _, hexcode = name.partition("#")     # "file#icao24": one aircraft of a file of many
    with tempfile.TemporaryDirectory() as tmp:
        case = Case.create(Path(tmp) / "truth", "truth", investigator="truth", default_tz=None)
        try:
            import_paths(case, [corpora / path], workers=1)
            aircraft = [a for a in Q.list_aircraft(case) if not hexcode or a.icao24 == hexcode]
            ids = {a.id for a in aircraft}
            legs = [x for x in Q.legs(case) if not x.reported and x.aircraft_id in ids]
            s = score_legs(name, legs, labels["legs"])
            for t_iso, status, airport in labels["where"]:
                s.where += 1
                w = Q.where(case, aircraft[0].id, t_iso)
                ok = w.status == status and (status != "ground" or airport is None
                                             or _same_airport(w.airport_icao, airport))
                s.where_right += ok
                if not ok:
                    s.misses.append(f"{name}: where {t_iso}: {w.status} {w.airport_icao or ''} for "
                                    f"{status} {airport or ''} ({w.reason[:110]})")
            if labels["photos"]:
                i = gather(case)
                fleet = FleetIndex(i.aircraft, i.legs, i.gaps, i.points)
                hexes = tuple(a.icao24 or a.registration or a.id for a in aircraft[:1])
                for t_iso, place, verdict in labels["photos"]:
                    s.photos += 1
                    got = _photo_verdict(case, fleet, hexes, t_iso, place)
                    s.photos_right += got == verdict
                    if got != verdict:
                        s.misses.append(f"{name}: photo {t_iso} at {place}: {got} for {verdict}")
        finally:
            case.close()
    return s


def run(corpora: Path, names: list[str] | None = None, *,
        held_out: bool = False) -> tuple[Score, dict[str, Score]]:
    from tests.data.truth.labels import HELD_OUT_TRUTH, TRUTH

    labels = HELD_OUT_TRUTH if held_out else TRUTH
    total, per = Score(), {}
    for name in names or sorted(labels):
        if not (corpora / name.partition("#")[0]).exists():
            continue
        s = score_file(corpora, name, labels[name])
        per[name] = s
        total.add(s)
    return total, per


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--corpora", default=str(ROOT.parent / "shared" / "corpora"))
    ap.add_argument("--files", action="store_true", help="figures per file")
    ap.add_argument("--misses", action="store_true", help="list every disagreement")
    ap.add_argument("--held-out", action="store_true",
                    help="the files kept aside (labelled after the rules were done)")
    a = ap.parse_args()
    corpora = Path(a.corpora)
    if not corpora.is_dir():
        sys.exit(f"corpora not found at {corpora}")
    total, per = run(corpora, held_out=a.held_out)
    which = " (held-out files)" if a.held_out else ""
    print(f"truth harness{which}: {len(per)} labelled files, {total.legs_truth} legs, "
          f"{total.where} `where` instants, {total.photos} photos")
    for k, v in total.figures().items():
        print(f"  {k:50} {v:6.1f}%")
    print(f"  (legs: {total.legs_matched} matched of {total.legs_truth} true and {total.legs_found} "
          f"found; airports {total.ends_right}/{total.ends}; where {total.where_right}/"
          f"{total.where}; photos {total.photos_right}/{total.photos})")
    if a.files:
        for name, s in per.items():
            f = s.figures()
            print(f"  {name:62} legs {s.legs_matched}/{s.legs_truth}/{s.legs_found}  where "
                  f"{s.where_right}/{s.where}  photos {s.photos_right}/{s.photos}  "
                  f"airports {f['airports at leg ends']:.0f}%")
    if a.misses:
        for m in total.misses:
            print("  MISS", m)


if __name__ == "__main__":
    main()
