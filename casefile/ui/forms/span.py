"""A chosen range for the time slider: two times typed as people type them (zone optional)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QWidget

from casefile.commands.base import TIME_HINT, ZONE_HINT
from casefile.errors import CasefileError
from casefile.timeutil import parse_analyst_time
from casefile.ui.forms.dialog import Field, FormDialog


def span_of(values: dict[str, str], default_tz: str | None) -> tuple[float, float]:
    """The range's UTC ends (epoch seconds); a bare date covers its whole day."""
    tz = values.get("tz") or None
    start = parse_analyst_time(values["start"], tz=tz, default_tz=default_tz or "UTC", field="from")
    end = parse_analyst_time(values["end"], tz=tz, default_tz=default_tz or "UTC", field="to")
    ws, we = start.window(), end.window()
    if ws is None or we is None:
        raise ValueError("Both ends need a time.")
    lo, hi = ws[0].timestamp(), we[1].timestamp()
    if hi <= lo:
        raise ValueError("The range ends before it starts.")
    return lo, hi


def ask_range(parent: QWidget, default_tz: str | None,
              chosen: Callable[[float, float], object]) -> FormDialog:
    """Ask for a range; OK hands its ends (epoch seconds) to `chosen`."""

    def problem(v: dict[str, str]) -> str | None:
        try:
            span_of(v, default_tz)
        except (CasefileError, ValueError) as exc:
            return str(exc)
        return None

    dlg = FormDialog(parent, "Time slider range",
                     [Field("start", "&From:", required=True, hint=TIME_HINT),
                      Field("end", "&To:", required=True, hint=TIME_HINT),
                      Field("tz", "&Zone:", hint=ZONE_HINT)],
                     intro="The slider will span this range (a date alone is its whole day).",
                     check=problem)

    def done() -> None:
        chosen(*span_of(dlg.values(), default_tz))

    dlg.accepted.connect(done)
    dlg.open()
    return dlg
