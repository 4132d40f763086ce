"""Each command loads only what it needs: which libraries a fresh process has imported after a
command ran (behaviour, not timing; benchmarks/startup.py measures the time)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from casefile.cli.base import COMMAND_MODULE, MODULES

HEAVY = ("numpy", "PIL", "reportlab", "PySide6", "shapely", "timezonefinder", "rich", "airportsdata",
         "exifread", "imagehash", "casefile.importers", "casefile.report", "casefile.ui",
         "casefile.xref", "casefile.photos")

RUN = """
import contextlib, io, json, sys
from casefile.cli import main
args = json.loads(sys.argv[1])
with contextlib.redirect_stdout(io.StringIO()):
    code = main(args) if args else 0
print(json.dumps({"code": code, "modules": sorted(sys.modules)}))
"""


def loaded_after(*args: str) -> tuple[int, set[str]]:
    out = subprocess.run([sys.executable, "-c", RUN, json.dumps(list(args))], capture_output=True,
                         text=True, check=True)
    result = json.loads(out.stdout.strip().splitlines()[-1])
    return result["code"], set(result["modules"])


def heavy(modules: set[str]) -> set[str]:
    return {h for h in HEAVY if h in modules}


def test_importing_the_cli_loads_no_command_nor_heavy_library() -> None:
    code, modules = loaded_after()
    assert code == 0
    assert heavy(modules) == set()
    assert not {m for m in modules if m.startswith("casefile.store") or m == "sqlite_utils"}
    assert not {f"casefile.cli.{m}" for m in MODULES} & modules


def test_version_loads_no_case_code() -> None:
    code, modules = loaded_after("--version")
    assert code == 0
    assert heavy(modules) == set() and "sqlite_utils" not in modules


def test_listing_items_loads_no_importer_report_window_or_numpy(tmp_path: Path) -> None:
    case = tmp_path / "c.casefile"
    assert loaded_after("new", str(case), "--title", "T")[0] == 0
    code, modules = loaded_after("items", str(case))
    assert code == 0
    assert heavy(modules) == set() and "sqlite_utils" not in modules   # plain sqlite3 to read
    assert "casefile.cli.core_cmds" in modules and "casefile.cli.photos" not in modules


def test_every_command_is_found_in_the_module_the_table_names() -> None:
    """COMMAND_MODULE must name each top-level command's module, or that command loads them all."""
    script = """
import importlib, json, sys
from casefile.cli.base import MODULES, cli
found = {}
for name in MODULES:
    before, mods = set(cli.commands), set(sys.modules)
    importlib.import_module(f"casefile.cli.{name}")
    side = {m for m in set(sys.modules) - mods if m.startswith("casefile.cli.")} - {f"casefile.cli.{name}"}
    for cmd in set(cli.commands) - before:
        found[cmd] = name if not side else None
print(json.dumps(found))
"""
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    found = json.loads(out.stdout)
    assert set(found) == set(COMMAND_MODULE), set(found) ^ set(COMMAND_MODULE)
    for cmd, module in found.items():
        assert module in (None, COMMAND_MODULE[cmd]), (cmd, module)


def test_where_at_one_instant_loads_no_numpy(tmp_path: Path) -> None:
    """`where` reads the two points around the instant through the where index, in plain Python."""
    case = tmp_path / "c.casefile"
    trace = Path(__file__).resolve().parents[1] / "data" / "old_cases" / "inputs" / "trace_ac134a_short.json"
    assert loaded_after("new", str(case), "--title", "T")[0] == 0
    assert loaded_after("add", str(case), str(trace))[0] == 0
    # 2024-08-12T00:00:20Z: between the first two positions, at FL360
    code, modules = loaded_after("where", str(case), "--aircraft", "N8774Q", "--at", "2024-08-12T00:00:20Z")
    assert code == 0
    assert heavy(modules) == set() and "sqlite_utils" not in modules
    assert "casefile.flights.wherefast" in modules and "casefile.flights.where" not in modules
