"""The window's QSettings (layout, recent cases, display choices), next to the shared settings file."""

from __future__ import annotations

from PySide6.QtCore import QSettings

from casefile import settings as user_settings

MAX_RECENT = 8


def qsettings() -> QSettings:
    """An INI file in the Casefile config folder (respects XDG_CONFIG_HOME, so tests stay isolated)."""
    path = user_settings.config_dir() / "gui.ini"
    return QSettings(str(path), QSettings.Format.IniFormat)


def int_value(qs: QSettings, key: str, default: int) -> int:
    """A whole-number setting (an INI file keeps it as text); the default when absent or not a number."""
    value = qs.value(key, default)
    try:
        return int(value) if isinstance(value, (int, str)) else default
    except ValueError:
        return default


def str_value(qs: QSettings, key: str, default: str = "") -> str:
    """A text setting; the default when absent."""
    value = qs.value(key, default)
    return value if isinstance(value, str) else default


def bool_value(qs: QSettings, key: str, default: bool = False) -> bool:
    """A yes/no setting (an INI file keeps it as "true" / "false")."""
    value = qs.value(key, default)
    return value in (True, "true") if value is not None else default


def recent_cases(qs: QSettings) -> list[str]:
    value = qs.value("recent_cases", [])
    if isinstance(value, str):
        return [value]
    return [str(v) for v in value] if isinstance(value, list) else []


def add_recent(qs: QSettings, path: str) -> list[str]:
    items = [path] + [p for p in recent_cases(qs) if p != path]
    qs.setValue("recent_cases", items[:MAX_RECENT])
    return items[:MAX_RECENT]
