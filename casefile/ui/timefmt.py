"""Showing stored UTC times in UTC or in a local zone, always naming the zone shown."""

from __future__ import annotations

from zoneinfo import ZoneInfo

from casefile.timeutil import TimeValue, parse_z


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
            return dt.strftime("%Y-%m-%d %H:%M:%S") + " UTC"
        local = dt.astimezone(ZoneInfo(self.zone_name)) if self.zone_name else dt.astimezone()
        return local.strftime("%Y-%m-%d %H:%M:%S ") + (self.zone_name or local.tzname() or "")
