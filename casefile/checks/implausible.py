"""A capture time before photography existed: kept as found, flagged."""

from __future__ import annotations

from datetime import UTC, datetime

from casefile.checks.base import CheckInput, finding
from casefile.model.findings import CheckFinding
from casefile.timeutil import wall_text

#: Niépce's first photograph from nature is from 1826 (or 1827); nothing is earlier
FIRST_PHOTOGRAPH = datetime(1826, 1, 1, tzinfo=UTC)


def capture_before_photography(inp: CheckInput) -> list[CheckFinding]:
    cap = inp.capture
    window = cap.window() if cap is not None else None
    if cap is None or window is None or window[1] >= FIRST_PHOTOGRAPH:
        return []
    return [finding(inp, "capture-before-photography", "warning", "Taken before photography existed",
                    f"The capture time ({wall_text(window[1])} UTC at the latest) is before the first "
                    "photograph (1826), so the metadata's time cannot be when this picture was "
                    "taken; it is kept as found, and any finding that places the photo by it "
                    "rests on a time that is wrong.",
                    "A camera whose clock was never set, or a tool that wrote a placeholder date "
                    "(such as year 0001), gives such a time without anything being forged.",
                    capture_raw=cap.raw, latest_utc=wall_text(window[1]))]


CHECKS = (capture_before_photography,)
