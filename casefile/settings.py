"""User settings shared by the CLI and the GUI: a small JSON file in the user's config folder."""

from __future__ import annotations

import getpass
import json
import os
from pathlib import Path
from typing import Any


def config_dir() -> Path:
    base = os.environ.get("XDG_CONFIG_HOME") or str(Path.home() / ".config")
    return Path(base) / "casefile"


def load() -> dict[str, Any]:
    path = config_dir() / "settings.json"
    try:
        values = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return values if isinstance(values, dict) else {}


def save(values: dict[str, Any]) -> None:
    path = config_dir()
    path.mkdir(parents=True, exist_ok=True)
    tmp = path / "settings.json.tmp"
    tmp.write_text(json.dumps(values, indent=2, ensure_ascii=False), encoding="utf-8")
    os.replace(tmp, path / "settings.json")


def investigator(explicit: str | None = None) -> str:
    """Who is acting: --investigator, then $CASEFILE_INVESTIGATOR, then settings, then the OS user."""
    for value in (explicit, os.environ.get("CASEFILE_INVESTIGATOR"), load().get("investigator")):
        if value and value.strip():
            return value.strip()
    try:
        return f"{getpass.getuser()} (system user)"
    except Exception:  # noqa: BLE001 - no user database on some sandboxes
        return "unknown (system user)"
