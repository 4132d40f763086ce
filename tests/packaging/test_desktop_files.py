"""The desktop integration files: valid for their tools, and consistent with each other and the app."""

from __future__ import annotations

import configparser
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from defusedxml import ElementTree

import casefile

ROOT = Path(__file__).resolve().parents[2]
PKG = ROOT / "packaging"
APP_ID = casefile.APP_ID
DESKTOP = PKG / f"{APP_ID}.desktop"
METAINFO = PKG / f"{APP_ID}.metainfo.xml"
MIME = PKG / f"{APP_ID}.mime.xml"
ICON = ROOT / "resources" / "icons" / f"{APP_ID}.svg"
MIME_NS = "{http://www.freedesktop.org/standards/shared-mime-info}"


def desktop_entry() -> configparser.SectionProxy:
    cp = configparser.ConfigParser(interpolation=None, strict=True)
    cp.optionxform = str  # keys are case-sensitive
    cp.read(DESKTOP, encoding="utf-8")
    return cp["Desktop Entry"]


def mime_types() -> dict[str, ElementTree.Element]:
    root = ElementTree.parse(MIME).getroot()
    return {t.get("type"): t for t in root.findall(f"{MIME_NS}mime-type")}


def test_all_files_use_the_app_id() -> None:
    assert APP_ID == "org.casefile.Casefile"
    for path in (DESKTOP, METAINFO, MIME, ICON):
        assert path.is_file(), path


def test_desktop_entry_is_consistent() -> None:
    e = desktop_entry()
    assert e["Type"] == "Application" and e["Name"] == "Casefile"
    assert e["Icon"] == APP_ID
    assert e["Exec"].split()[0] == "casefile"
    declared = [m for m in e["MimeType"].split(";") if m]
    assert sorted(declared) == sorted(mime_types())


@pytest.mark.skipif(shutil.which("desktop-file-validate") is None,
                    reason="desktop-file-validate not installed (Debian: desktop-file-utils)")
def test_desktop_file_validates() -> None:
    out = subprocess.run(["desktop-file-validate", str(DESKTOP)], capture_output=True, text=True)
    assert out.returncode == 0, out.stdout + out.stderr
    assert "error" not in out.stdout.lower()


def test_metainfo_is_consistent() -> None:
    root = ElementTree.parse(METAINFO).getroot()
    assert root.tag == "component" and root.get("type") == "desktop-application"
    assert root.findtext("id") == APP_ID
    assert root.findtext("launchable") == f"{APP_ID}.desktop"
    assert {m.text for m in root.iter("mediatype")} == set(mime_types())
    versions = [r.get("version") for r in root.iter("release")]
    assert versions and versions[0] == casefile.__version__


@pytest.mark.skipif(shutil.which("appstreamcli") is None,
                    reason="appstreamcli not installed (Debian: appstream)")
def test_metainfo_validates() -> None:
    out = subprocess.run(["appstreamcli", "validate", "--no-net", str(METAINFO)],
                         capture_output=True, text=True)
    assert out.returncode == 0, out.stdout + out.stderr


def test_bundle_mime_magic_matches_a_real_bundle(fresh_case, tmp_path: Path) -> None:
    from casefile.report.bundle import bundle_case

    out = tmp_path / "case.casefile.zip"
    bundle_case(fresh_case, out)
    head = out.read_bytes()[:64]
    bundle = mime_types()["application/x-casefile-bundle"]
    outer = bundle.find(f"{MIME_NS}magic/{MIME_NS}match")
    inner = outer.find(f"{MIME_NS}match")
    for m in (outer, inner):
        value = m.get("value").encode().decode("unicode_escape").encode("latin-1")
        offset = int(m.get("offset"))
        assert head[offset:offset + len(value)] == value, m.get("value")
    globs = [g.get("pattern") for g in bundle.findall(f"{MIME_NS}glob")]
    assert any(re.fullmatch(g.replace(".", r"\.").replace("*", ".*"), out.name) for g in globs)
    case_globs = [g.get("pattern") for g in mime_types()["application/x-casefile-case"]
                  .findall(f"{MIME_NS}glob")]
    assert case_globs == ["*.casefile"] and fresh_case.path.name.endswith(".casefile")


@pytest.mark.skipif(shutil.which("update-mime-database") is None,
                    reason="update-mime-database not installed (Debian: shared-mime-info)")
def test_mime_database_accepts_the_types(tmp_path: Path) -> None:
    (tmp_path / "packages").mkdir()
    shutil.copy(MIME, tmp_path / "packages" / f"{APP_ID}.xml")
    out = subprocess.run(["update-mime-database", "-V", str(tmp_path)], capture_output=True, text=True)
    assert out.returncode == 0, out.stderr
    assert "warning" not in out.stderr.lower(), out.stderr
    types = (tmp_path / "types").read_text().split()
    assert sorted(types) == sorted(mime_types())
    globs = (tmp_path / "globs2").read_text()
    assert "application/x-casefile-case:*.casefile" in globs


def test_icon_is_a_square_svg() -> None:
    root = ElementTree.parse(ICON).getroot()
    assert root.tag == "{http://www.w3.org/2000/svg}svg"
    x, y, w, h = (float(v) for v in root.get("viewBox").split())
    assert (x, y) == (0, 0) and w == h


@pytest.mark.parametrize("script", ["build.sh", "smoke.sh"])
def test_scripts_parse_and_are_executable(script: str) -> None:
    path = PKG / script
    assert path.stat().st_mode & 0o111
    out = subprocess.run(["bash", "-n", str(path)], capture_output=True, text=True)
    assert out.returncode == 0, out.stderr


@pytest.mark.slow
@pytest.mark.skipif(not (ROOT / "dist" / "casefile" / "casefile").is_file(),
                    reason="no built app (run packaging/build.sh first)")
def test_built_app_passes_the_smoke_run() -> None:
    out = subprocess.run(["bash", str(PKG / "smoke.sh"), str(ROOT / "dist" / "casefile" / "casefile")],
                         capture_output=True, text=True, timeout=600)
    assert out.returncode == 0, out.stdout[-2000:] + out.stderr[-2000:]
    assert "smoke: OK" in out.stdout
