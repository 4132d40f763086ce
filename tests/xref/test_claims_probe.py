"""The held-out claims probe (benchmarks/claims_probe.py) holds: no claim verdict contradicts the
label read by hand from the raw points of files the claim rules were not tuned on."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

PROBE = Path(__file__).resolve().parents[2] / "benchmarks" / "claims_probe.py"


def test_no_wrong_verdict_on_the_held_out_tracks(capsys):
    spec = importlib.util.spec_from_file_location("claims_probe", PROBE)
    assert spec is not None and spec.loader is not None
    probe = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = probe          # its dataclasses look their module up there
    spec.loader.exec_module(probe)
    if not all((probe.FLIGHTS / f).exists() for f in probe.FILES.values()):
        pytest.skip("shared corpora not found")
    assert len(probe.PROBES) >= 30
    code = probe.run(verbose=False)
    out = capsys.readouterr().out
    assert code == 0, out
    assert " 0 wrong" in out
