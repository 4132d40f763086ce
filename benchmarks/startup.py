"""Start-up benchmark: what a command and the window cost before they do anything, against a bare
Python and a bare Qt window measured in the same run.

- CLI: `casefile --version`, `items` and `where` on the demo case, each as a whole new process, against
  `python -c "import sqlite3, json"` (the same interpreter); the median of several interleaved runs
  of each. Goals: --version <= 3x, items <= 5x, where <= 6x the bare interpreter.
- Window: a new process opens the main window on the demo case, draws its first view and grabs it
  (what `casefile gui DEMO` shows first; the rest of the case may still be loading behind it), against
  a bare PySide6 window shown and grabbed (`QWidget().show(); grab()`), each a whole new process,
  medians. Goal: <= 5x. (`casefile gui --screenshot` is not used: it waits 1.5 s for thumbnails.)

    python benchmarks/startup.py [--runs 7] [--gui-runs 3] [--dir /tmp/casefile-bench-startup]

Run it with PYTHONPATH pointing at another checkout to measure that checkout with the same interpreter.
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

WINDOW = ("import sys\n"
          "from casefile.ui.app import application\n"
          "app = application()\n"
          "try:\n"
          "    from casefile.ui.window.main import MainWindow\n"
          "except ImportError:   # an older checkout, measured with PYTHONPATH\n"
          "    from casefile.ui.mainwindow import MainWindow\n"
          "win = MainWindow(); win.resize(1280, 800)\n"
          "assert win.open_case(sys.argv[2])\n"
          "win.show(); app.processEvents()\n"
          "win.grab().save(sys.argv[1])\n"
          "win.close()\n")
BARE_GUI = ("from PySide6.QtWidgets import QApplication, QWidget\n"
            "app = QApplication([])\n"
            "w = QWidget(); w.resize(1280, 800); w.show(); app.processEvents()\n"
            "w.grab().save(__import__('sys').argv[1])\n")


def _cpu() -> float:
    ru = resource.getrusage(resource.RUSAGE_CHILDREN)
    return ru.ru_utime + ru.ru_stime


def _run(cmd: list[str], env: dict[str, str]) -> tuple[float, float]:
    """(wall seconds, CPU seconds) of one whole process."""
    cpu = _cpu()
    started = time.perf_counter()
    out = subprocess.run(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
                         check=False)
    took = time.perf_counter() - started
    if out.returncode != 0:
        raise SystemExit(f"{' '.join(cmd)} failed ({out.returncode}):\n{out.stderr[-2000:]}")
    return took, _cpu() - cpu


def interleaved(cmds: dict[str, list[str]], runs: int, env: dict[str, str]
                ) -> tuple[dict[str, list[float]], dict[str, float]]:
    """Each command `runs` times, taking turns, so load on the machine falls on all of them alike:
    every wall time, and the median CPU time (user + system), which others' load changes less."""
    times: dict[str, list[float]] = {k: [] for k in cmds}
    cpus: dict[str, list[float]] = {k: [] for k in cmds}
    for cmd in cmds.values():     # once each, not timed: the page cache and .pyc files warm
        _run(cmd, env)
    for _ in range(runs):
        for k, cmd in cmds.items():
            wall, cpu = _run(cmd, env)
            times[k].append(wall)
            cpus[k].append(cpu)
    return times, {k: statistics.median(v) for k, v in cpus.items()}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--runs", type=int, default=7)
    ap.add_argument("--gui-runs", type=int, default=3)
    ap.add_argument("--dir", type=Path, default=Path("/tmp/casefile-bench-startup"))
    ap.add_argument("--no-gui", action="store_true")
    args = ap.parse_args()
    env = dict(os.environ)
    # As installed, a package has its bytecode (.pyc): let the first, untimed run of each command
    # write it, rather than compile every module on every run.
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    if not (env.get("DISPLAY") or env.get("WAYLAND_DISPLAY")):
        env["QT_QPA_PLATFORM"] = "offscreen"
    py = sys.executable
    exe = [py, "-m", "casefile"]
    shutil.rmtree(args.dir, ignore_errors=True)
    args.dir.mkdir(parents=True)
    subprocess.run([*exe, "demo", "--dir", str(args.dir / "demo"), "--no-gui"], env=env, check=True,
                   stdout=subprocess.DEVNULL)
    case = str(next((args.dir / "demo").glob("*.casefile")))

    cmds = {
        "bare": [py, "-c", "import sqlite3, json"],
        "--version": [*exe, "--version"],
        "items": [*exe, "items", case],
        "where": [*exe, "where", case, "--aircraft", "15d3b7", "--at", "2019-03-23T14:05Z"],
    }
    goals = {"--version": 3.0, "items": 5.0, "where": 6.0}
    times, cpu = interleaved(cmds, args.runs, env)
    med = {k: statistics.median(v) for k, v in times.items()}
    print(f"start-up, medians of {args.runs} interleaved runs; load average {os.getloadavg()[0]:.1f} on "
          f"{os.cpu_count()} cores (wall time; CPU time, which others' load disturbs less, beside it)")
    print(f"  python -c 'import sqlite3, json' {med['bare'] * 1000:7.0f} ms  [reference]"
          f"{'':38}CPU {cpu['bare'] * 1000:5.0f} ms")
    for k, goal in goals.items():
        r = med[k] / med["bare"]
        print(f"  casefile {k:<24} {med[k] * 1000:7.0f} ms  ratio {r:5.1f}x (goal <= {goal:.0f}x) "
              f"{'OK    ' if r <= goal else 'MISSED'}  CPU {cpu[k] * 1000:5.0f} ms, ratio "
              f"{cpu[k] / cpu['bare']:4.1f}x   [{', '.join(f'{x * 1000:.0f}' for x in times[k])}]")
    if args.no_gui:
        return 0
    png = args.dir / "shot.png"
    gui = {"bare window": [py, "-c", BARE_GUI, str(png)],
           "window + demo case": [py, "-c", WINDOW, str(png), case]}
    times, cpu = interleaved(gui, args.gui_runs, env)
    med = {k: statistics.median(v) for k, v in times.items()}
    r = med["window + demo case"] / med["bare window"]
    rc = cpu["window + demo case"] / cpu["bare window"]
    print(f"window, medians of {args.gui_runs} interleaved runs (whole process, shown and grabbed):")
    print(f"  bare PySide6 window     {med['bare window']:6.2f} s  [reference]")
    print(f"  window opening the demo {med['window + demo case']:6.2f} s  ratio {r:5.1f}x (goal <= 5x) "
          f"{'OK' if r <= 5 else 'MISSED'}; CPU ratio {rc:.1f}x   "
          f"[{', '.join(f'{x:.2f}' for x in times['window + demo case'])}]")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
