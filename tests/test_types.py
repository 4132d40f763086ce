"""The type checker is strict enough to catch what string reads of fields used to hide."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]

GOOD = '''
from casefile.flights.query import reported_flights
from casefile.store import Case


def first_aircraft(case: Case) -> str | None:
    for rf in reported_flights(case):
        return rf.aircraft_ref
    return None
'''
# The field names xref once guessed for a reported flight, and a call with a wrong argument.
BAD = '''
from casefile.flights.query import legs, reported_flights
from casefile.store import Case


def departure(case: Case) -> object:
    for rf in reported_flights(case):
        return rf.departure_time
    return legs(case, include_reported="no")
'''


def _mypy(tmp_path: Path, source: str) -> subprocess.CompletedProcess[str]:
    probe = tmp_path / "probe.py"
    probe.write_text(source)
    return subprocess.run([sys.executable, "-m", "mypy", "--config-file", str(ROOT / "pyproject.toml"),
                           "--no-incremental", "--follow-imports=silent", str(probe)],
                          capture_output=True, text=True, cwd=ROOT, check=False)


@pytest.mark.slow
def test_mypy_refuses_a_misspelled_model_field_and_a_wrong_argument(tmp_path):
    good = _mypy(tmp_path, GOOD)
    assert good.returncode == 0, good.stdout
    bad = _mypy(tmp_path, BAD)
    assert bad.returncode == 1
    assert '"ReportedFlight" has no attribute "departure_time"' in bad.stdout
    assert 'Argument "include_reported" to "legs" has incompatible type "str"' in bad.stdout
