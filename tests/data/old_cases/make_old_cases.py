#!/usr/bin/env python3
"""Build a small case with every schema version that ever landed, using that commit's own code.

For each commit that introduced a schema version (a new `@migration(group, n)`: found from the
history, the first day's included) and the last commit of each day of work (a release), this
script takes the commit's tree (`git archive`, nothing checked out in the working copy), runs
that commit's own CLI with PYTHONPATH pointing at it, and builds a case with a photo, a flight
file, a source, a claim and a note — as far as that commit's CLI could (the first commits had no
sources or claims yet; what it could not do is listed in the case's MADE.json). The cases are
copied here, one folder per commit, and
`tests/store/test_old_cases.py` opens, upgrades and verifies each with the current code.

    python tests/data/old_cases/make_old_cases.py            # rebuild every case
    python tests/data/old_cases/make_old_cases.py --list     # only list the commits

Inputs (copied beside this script, with their licences): `Kodak_CX7530.jpg` (exif-samples,
Wikimedia Commons, CC BY-SA) and `trace_ac134a_short.json` (the first 40 points of the pyreadsb
test trace, MIT). Dependencies are this environment's (the old code runs on today's libraries;
a commit whose CLI fails to run with them is reported, not hidden).
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[2]
PHOTO = HERE / "inputs" / "Kodak_CX7530.jpg"
FLIGHT = HERE / "inputs" / "trace_ac134a_short.json"
_MIGRATION = re.compile(r'@migration\(\s*"([a-z]+)",\s*(\d+)')


def git(*args: str) -> str:
    return subprocess.run(["git", "-C", str(REPO), *args], check=True, capture_output=True,
                          text=True).stdout


def schema_commits() -> list[tuple[str, str, list[str]]]:
    """(commit, date, the versions it introduced) for each commit that added a migration."""
    seen: set[str] = set()
    out = []
    for commit in git("log", "--reverse", "--topo-order", "--format=%H", "--", "casefile").split():
        try:
            text = git("grep", "-h", "@migration(", commit, "--", "casefile")
        except subprocess.CalledProcessError:
            continue
        versions = {f"{g} {n}" for g, n in _MIGRATION.findall(text)}
        new = sorted(versions - seen)
        if new:
            date = git("log", "-1", "--format=%cI", commit).strip()
            out.append((commit, date, new))
            seen |= versions
    return out


def day_ends() -> list[tuple[str, str, list[str]]]:
    """The last commit of each day of work before today's (what people ran as a release)."""
    out = []
    days = sorted({d[:10] for d in git("log", "--format=%cI").split()})
    for day in days[:-1]:
        commit = git("log", "-1", "--format=%H", f"--until={day}T23:59:59Z").strip()
        date = git("log", "-1", "--format=%cI", commit).strip()
        out.append((commit, date, [f"the last commit of {day}"]))
    return out


def extract(commit: str, dest: Path) -> None:
    """The commit's casefile package, from git (no checkout)."""
    archive = dest.with_suffix(".tar")
    with open(archive, "wb") as f:
        subprocess.run(["git", "-C", str(REPO), "archive", commit, "casefile"], check=True,
                       stdout=f)
    with tarfile.open(archive) as tar:
        tar.extractall(dest, filter="data")
    archive.unlink()


def run(code: Path, args: list[str], env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "casefile", *args], cwd=code, env=env,
                          capture_output=True, text=True, timeout=600)


def steps(case: str) -> list[tuple[str, list[list[str]]]]:
    """What to do, each with the spellings the CLI had over time (the first that works wins)."""
    return [
        ("photo", [["add", case, str(PHOTO)]]),
        ("flight", [["add", case, str(FLIGHT)]]),
        ("source", [["source", "add", case, "--title", "Plane spotters' forum post", "--url",
                     "https://example.org/forum/123", "--kind", "social-media-post"],
                    ["source", "add", case, "--title", "Plane spotters' forum post", "--url",
                     "https://example.org/forum/123"]]),
        ("claim", [["claim", "add", case, "N8774Q flew on 12 August 2024", "--source", "S1",
                    "--when", "2024-08-12"],
                   ["claim", "add", case, "N8774Q flew on 12 August 2024", "--source", "S1"]]),
        ("note", [["note", "add", case, "C1", "compared with the ADS-B trace"],
                  ["note", "add", case, "case", "compared with the ADS-B trace"]]),
    ]


def source_id(code: Path, case: str, env: dict[str, str]) -> str | None:
    done = run(code, ["source", "list", case, "--json"], env)
    try:
        rows = json.loads(done.stdout)
    except ValueError:
        return None
    return rows[0]["id"] if rows else None


def claim_id(code: Path, case: str, env: dict[str, str]) -> str | None:
    done = run(code, ["claim", "list", case, "--json"], env)
    try:
        rows = json.loads(done.stdout)
    except ValueError:
        return None
    return rows[0]["id"] if rows else None


def build(commit: str, date: str, versions: list[str], out_dir: Path, work: Path) -> dict:
    code = work / commit[:10]
    extract(commit, code)
    home = work / f"home-{commit[:10]}"
    home.mkdir()
    env = {**os.environ, "PYTHONPATH": str(code), "HOME": str(home), "XDG_CONFIG_HOME": str(home),
           "CASEFILE_INVESTIGATOR": "Old Release", "QT_QPA_PLATFORM": "offscreen"}
    folder = work / "cases" / commit[:10]
    folder.parent.mkdir(exist_ok=True)
    case = str(folder.with_name(folder.name + ".casefile"))
    made = {"commit": commit, "date": date, "introduced": versions, "done": [], "not_done": {}}
    created = run(code, ["new", str(folder), "--title", f"Made by {commit[:10]}"], env)
    if created.returncode != 0:
        made["not_done"]["new"] = (created.stderr or created.stdout).strip()[-400:]
        return made
    for what, spellings in steps(case):
        last = ""
        for argv in spellings:
            argv = list(argv)
            if what == "claim" and "S1" in argv:   # before short references: the source's id
                sid = source_id(code, case, env)
                alt = [a if a != "S1" else (sid or "S1") for a in argv]
                tries = [argv, alt]
            elif what == "note" and "C1" in argv:
                cid = claim_id(code, case, env)
                tries = [argv, [a if a != "C1" else (cid or "C1") for a in argv]]
            else:
                tries = [argv]
            ok = False
            for attempt in tries:
                done = run(code, attempt, env)
                if done.returncode == 0:
                    made["done"].append(what)
                    ok = True
                    break
                last = (done.stderr or done.stdout).strip().splitlines()[-1:] or [""]
                last = last[0][:300]
            if ok:
                break
        else:
            made["not_done"][what] = last
    target = out_dir / f"{date[:10]}-{commit[:10]}.casefile"
    if target.exists():
        shutil.rmtree(target)
    shutil.copytree(case, target, ignore=shutil.ignore_patterns("case.lock", "*-shm", "*-wal",
                                                                "tmp"))
    (target / "tmp").mkdir(exist_ok=True)
    (target / "MADE.json").write_text(json.dumps(made, indent=1) + "\n")
    return made


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--list", action="store_true", help="only list the commits")
    parser.add_argument("--out", type=Path, default=HERE)
    parser.add_argument("--only", nargs="*", metavar="COMMIT", help="only these commits")
    args = parser.parse_args()
    commits = schema_commits()
    have = {c for c, _d, _v in commits}
    commits += [(c, d, v) for c, d, v in day_ends() if c not in have]
    if args.only:
        commits = [c for c in commits if c[0].startswith(tuple(args.only))]
    for commit, date, versions in commits:
        print(f"{commit[:10]} {date[:16]} introduces {', '.join(versions)}")
    if args.list:
        return 0
    with tempfile.TemporaryDirectory(prefix="casefile-old-") as td:
        for commit, date, versions in commits:
            made = build(commit, date, versions, args.out, Path(td))
            print(f"{commit[:10]}: made {', '.join(made['done']) or 'an empty case'}"
                  + "".join(f"; no {k}: {v}" for k, v in made["not_done"].items()))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
