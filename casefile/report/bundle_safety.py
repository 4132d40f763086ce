"""Checks on a bundle's zip members before anything is trusted or written: names, links, duplicates,
sizes against the manifest."""

from __future__ import annotations

import hashlib
import json
import stat
import zipfile
from collections.abc import Iterator
from pathlib import PurePosixPath
from typing import Any

MANIFEST = "manifest.json"
FORMAT = "casefile-bundle"
CHUNK = 1 << 20
MAX_MANIFEST = 64 << 20


def unsafe_name(name: str) -> str | None:
    """Why a member name is unsafe to restore, or None when it is a plain relative path."""
    if not name or "\x00" in name:
        return "empty name or NUL character"
    if "\\" in name:
        return "backslash in name"
    if name.startswith("/") or (len(name) > 1 and name[1] == ":"):
        return "absolute path"
    parts = PurePosixPath(name).parts
    if any(p in ("..", ".") for p in name.split("/")) or not parts:
        return "path goes outside the bundle ('..' or '.')"
    return None


def is_link(info: zipfile.ZipInfo) -> bool:
    """True for a symbolic link (Unix mode bits in the external attributes)."""
    mode = info.external_attr >> 16
    return stat.S_ISLNK(mode)


def structure_problems(zf: zipfile.ZipFile) -> Iterator[tuple[str, str]]:
    """(member, problem) for every member that must not be restored."""
    seen: dict[str, str] = {}
    for info in zf.infolist():
        name = info.filename
        why = unsafe_name(name)
        if why:
            yield name, why
            continue
        if is_link(info):
            yield name, "symbolic link"
            continue
        key = name.rstrip("/").casefold()
        if key in seen:
            yield name, f"duplicate name (also {seen[key]!r})"
            continue
        seen[key] = name
        if info.flag_bits & 0x1:
            yield name, "encrypted member"


def read_manifest(zf: zipfile.ZipFile) -> dict[str, Any]:
    """The manifest, checked for shape; raises ValueError with a reason."""
    try:
        info = zf.getinfo(MANIFEST)
    except KeyError:
        raise ValueError("no manifest.json (not a Casefile bundle)") from None
    if info.file_size > MAX_MANIFEST:
        raise ValueError("manifest.json is implausibly large")
    try:
        data = json.loads(zf.read(info).decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise ValueError(f"manifest.json is not valid JSON: {exc}") from None
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise ValueError("manifest.json is not a Casefile bundle manifest")
    members = data.get("members")
    if not isinstance(members, list) or not all(
            isinstance(m, dict) and isinstance(m.get("name"), str) and isinstance(m.get("size"), int)
            and isinstance(m.get("sha256"), str) for m in members):
        raise ValueError("manifest.json has no valid member list")
    return data


def hash_member(zf: zipfile.ZipFile, info: zipfile.ZipInfo, limit: int,
                sink: Any = None) -> tuple[str, int]:
    """SHA-256 and size of a member, reading at most limit+1 bytes (so a lying header can't blow up)."""
    sha = hashlib.sha256()
    size = 0
    with zf.open(info) as src:
        while chunk := src.read(min(CHUNK, limit + 1 - size)):
            sha.update(chunk)
            size += len(chunk)
            if sink is not None:
                sink.write(chunk)
            if size > limit:
                break
    return sha.hexdigest(), size
