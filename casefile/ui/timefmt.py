"""Showing stored UTC times in UTC or in a local zone, always naming the zone shown."""

from __future__ import annotations

from zoneinfo import ZoneInfo

from casefile.timeutil import TimeValue, parse_z, wall_text


class TimeDisplay:
    """The window's time display choice: UTC, or local in a named zone."""

    def __init__(self) -> None:
        self.local = False
        self.zone_name: str | None = None     # None = the computer's zone

    def fmt(self, value: TimeValue | str | None) -> str:
        """An ISO 'Z' string (or TimeValue) as text in the chosen zone, with the zone named."""
        text = value.utc if isinstance(value, TimeValue) else value
        if not text:
            raw = value.raw if isinstance(value, TimeValue) else None
            return f"{raw} (zone unknown)" if raw else ""
        if not self.local and len(text) == 24 and text[10] == "T" and text.endswith("Z"):
            return f"{text[:10]} {text[11:19]} UTC"      # canonical form: no parsing needed
        try:
            dt = parse_z(text)
        except (ValueError, TypeError):
            return text
        if not self.local:
            return wall_text(dt) + " UTC"
        try:
            local = dt.astimezone(ZoneInfo(self.zone_name)) if self.zone_name else dt.astimezone()
        except OverflowError:   # outside the years 0001-9999 in that zone
            return wall_text(dt) + " UTC"
        return f"{wall_text(local)} " + (self.zone_name or local.tzname() or "")
