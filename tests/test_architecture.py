"""The shape of the code: parts meet through typed imports, the GUI runs no SQL, contracts cover all."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PKG = ROOT / "casefile"


def _sources(folder: Path) -> list[Path]:
    return sorted(p for p in folder.rglob("*.py") if "__pycache__" not in p.parts)


def test_no_part_is_looked_up_by_name_at_run_time():
    lookups = [f"{p.relative_to(ROOT)}:{n}" for p in _sources(PKG)
               for n, line in enumerate(p.read_text().splitlines(), 1)
               if re.search(r"\bimport_module\(|__import__\(", line)]
    assert lookups == []


def test_the_gui_runs_no_sql():
    sql = re.compile(r"\.execute\(|\bcase\.rows\(|\.db\[|\bSELECT\b|\bINSERT\b|\bUPDATE\s+\w+\s+SET\b")
    found = [f"{p.relative_to(ROOT)}:{n}: {line.strip()}" for p in _sources(PKG / "ui")
             for n, line in enumerate(p.read_text().splitlines(), 1) if sql.search(line)]
    assert found == []


def test_no_grab_bag_module_names():
    assert [str(p.relative_to(ROOT)) for p in PKG.rglob("common.py")] == []


def test_only_reference_airports_reads_airportsdata():
    readers = [str(p.relative_to(PKG)) for p in _sources(PKG)
               if re.search(r"^\s*(import airportsdata|from airportsdata)|files\(\"airportsdata\"\)",
                            p.read_text(), re.M)]
    assert readers == ["reference/airports.py"]


def test_the_layers_contract_names_every_package_and_top_level_module():
    config = tomllib.loads((ROOT / "pyproject.toml").read_text())
    contracts = config["tool"]["importlinter"]["contracts"]
    layers = next(c for c in contracts if c["type"] == "layers")["layers"]
    named = {m.strip() for layer in layers for m in layer.split("|")}
    present = {f"casefile.{p.stem if p.is_file() else p.name}" for p in PKG.iterdir()
               if (p.is_dir() and (p / "__init__.py").exists())
               or (p.suffix == ".py" and p.name != "__init__.py")}
    assert present - named == set()
