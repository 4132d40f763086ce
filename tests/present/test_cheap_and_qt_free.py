"""The presentation layer is cheap to import (start-up) and needs nothing heavy: the window, the
report and the CLI all import it first."""

from __future__ import annotations

import subprocess
import sys


def test_importing_the_presentation_layer_pulls_in_nothing_heavy() -> None:
    code = ("import sys, casefile.present.times, casefile.present.findings, casefile.present.labels, "
            "casefile.present.aircraft, casefile.present.numbers; "
            "print(','.join(sorted(m for m in sys.modules if m.split('.')[0] in "
            "('PySide6', 'numpy', 'sqlite_utils', 'reportlab', 'PIL', 'click', 'rich'))))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == ""
