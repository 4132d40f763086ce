"""The window's QSettings (layout, recent cases, display choices), next to the shared settings file."""

from __future__ import annotations

from PySide6.QtCore import QSettings

from casefile import settings as user_settings

MAX_RECENT = 8


def qsettings() -> QSettings:
    """An INI file in the Casefile config folder (respects XDG_CONFIG_HOME, so tests stay isolated)."""
    path = user_settings.config_dir() / "gui.ini"
    return QSettings(str(path), QSettings.Format.IniFormat)


def recent_cases(qs: QSettings) -> list[str]:
    value = qs.value("recent_cases", []) or []
    return [value] if isinstance(value, str) else [str(v) for v in value]


def add_recent(qs: QSettings, path: str) -> list[str]:
    items = [path] + [p for p in recent_cases(qs) if p != path]
    qs.setValue("recent_cases", items[:MAX_RECENT])
    return items[:MAX_RECENT]
