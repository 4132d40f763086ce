"""Snapshot what Casefile answers, through the CLI only, so two versions can be compared.

Imports the whole of ../shared/corpora into a new case, builds the demo, and writes for each:
items, photos, flights (aircraft, legs, gaps, reported), findings, timeline and the report text,
with volatile values (ids, import times, paths) replaced by stable stand-ins.

    python benchmarks/behaviour_snapshot.py OUT_DIR [--casefile PATH_TO_casefile]
    diff -ru BEFORE_DIR AFTER_DIR
"""

from __future__ import annotations

import argparse
import json
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

CORPORA = Path(__file__).resolve().parents[1].parent / "shared" / "corpora"
ULID = re.compile(r"\b[0-9A-HJKMNP-TV-Z]{26}\b")
NOW = re.compile(r"20(2[5-9]|3\d)-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z?")


def run(exe: str, *args: str) -> str:
    out = subprocess.run([exe, *args], capture_output=True, text=True, check=False)
    if out.returncode != 0:
        return f"EXIT {out.returncode}\n{out.stdout}\n{out.stderr}"
    return out.stdout


def stable(text: str, ids: dict[str, str]) -> str:
    def sub(m: re.Match[str]) -> str:
        return ids.setdefault(m.group(0), f"ID{len(ids):04d}")
    text = ULID.sub(sub, text)
    text = NOW.sub("NOW", text)
    return re.sub(r"/tmp/[^\s\"']+", "TMP", text)


def pretty(text: str) -> str:
    try:
        return json.dumps(json.loads(text), indent=1, sort_keys=True, ensure_ascii=False)
    except ValueError:
        return text


def snapshot(exe: str, case: Path, out: Path, ids: dict[str, str]) -> None:
    out.mkdir(parents=True, exist_ok=True)
    for name, args in {
        "items": ["items", "--json"],
        "photos": ["photos", "--json"],
        "flights": ["flights", "--json"],
        "findings": ["xref", "--json"],
        "timeline": ["timeline", "--json"],
    }.items():
        (out / f"{name}.json").write_text(stable(pretty(run(exe, *args, str(case))), ids))
    pdf = out / "report.pdf"
    run(exe, "report", str(case), "-o", str(pdf), "--generated-at", "2026-01-01T00:00:00Z")
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True,
                          text=True, check=False).stdout
    (out / "report.txt").write_text(stable(text, ids))
    pdf.unlink(missing_ok=True)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("out", type=Path)
    ap.add_argument("--casefile", default=str(Path(sys.executable).parent / "casefile"))
    ap.add_argument("--corpora", type=Path, default=CORPORA)
    a = ap.parse_args()
    shutil.rmtree(a.out, ignore_errors=True)
    with tempfile.TemporaryDirectory() as tmp:
        case = Path(tmp) / "corpora.casefile"
        run(a.casefile, "new", str(case), "--title", "Corpora")
        added = run(a.casefile, "add", "-r", "--json", str(case), str(a.corpora))
        ids: dict[str, str] = {}
        a.out.mkdir(parents=True)
        (a.out / "corpora-add.json").write_text(stable(pretty(added), ids))
        snapshot(a.casefile, case, a.out / "corpora", ids)
        demo_dir = Path(tmp) / "demo"
        run(a.casefile, "demo", "--dir", str(demo_dir), "--no-gui")
        demo_case = next(demo_dir.glob("*.casefile"))
        snapshot(a.casefile, demo_case, a.out / "demo", {})


if __name__ == "__main__":
    main()
