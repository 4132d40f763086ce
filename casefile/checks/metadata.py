"""Checks on what metadata a photo carries: none at all, editing software, XMP history, C2PA."""

from __future__ import annotations

import re

from casefile.checks.base import CheckInput, finding
from casefile.model.findings import CheckFinding

#: Names of programs that edit or re-encode pictures (matched case-insensitively as words).
EDITORS = ("Photoshop", "Lightroom", "GIMP", "Snapseed", "Pixelmator", "Affinity Photo", "Paint.NET",
           "Picasa", "ACDSee", "Luminar", "Capture One", "Canva", "PicsArt", "VSCO", "Facetune",
           "ImageMagick", "GraphicsMagick", "Microsoft Photos", "Windows Photo Editor", "Photopea",
           "Darktable", "RawTherapee", "Krita", "Corel", "PaintShop", "Fotor", "Polarr", "Meitu",
           "PhotoScape", "IrfanView", "XnView", "Paint Tool", "PaintTool", "Adobe")
_EDITOR_RE = re.compile(r"\b(" + "|".join(re.escape(e) for e in EDITORS) + r")\b", re.I)


def editor_named(text: str | None) -> str | None:
    """The editing program a software string names, if any."""
    if not text:
        return None
    m = _EDITOR_RE.search(text)
    return m.group(1) if m else None


def no_metadata(inp: CheckInput) -> list[CheckFinding]:
    m = inp.meta
    camera_segment = bool(m.jpeg and (m.jpeg.ciff_make_model or any(
        s["marker"] == "0xFFEC" for s in m.jpeg.segments)))     # Canon CIFF, Olympus APP12
    if m.has_exif or m.xmp_present or m.iptc_present or camera_segment:
        return []
    return [finding(inp, "no-metadata", "notice", "No camera metadata",
                    "The file carries no EXIF, XMP or IPTC metadata at all, which is typical of a "
                    "picture re-encoded by a social-media platform or messaging app.",
                    "Many platforms and apps strip metadata for privacy on every upload, and some "
                    "cameras, screenshots and scanners never write any.",
                    has_exif=m.has_exif, xmp_present=m.xmp_present, iptc_present=m.iptc_present,
                    format=m.format)]


def editing_software(inp: CheckInput) -> list[CheckFinding]:
    m = inp.meta
    for field_name, value in (("Software", m.software), ("XMP CreatorTool", m.xmp_creator_tool)):
        editor = editor_named(value)
        if editor:
            return [finding(inp, "editing-software", "notice", f"Edited with {editor}",
                            f"The {field_name} field names {value!r}, an image editor, so the file "
                            "was written by that program after it left the camera.",
                            "Editors are also used for harmless steps such as rotating, resizing, "
                            "adding a caption or converting the format.",
                            field=field_name, value=value, editor=editor)]
    return []


def xmp_history(inp: CheckInput) -> list[CheckFinding]:
    hist = inp.meta.xmp_history
    if not hist:
        return []
    return [finding(inp, "xmp-history", "notice", "Edit history in XMP",
                    f"The XMP metadata records {len(hist)} editing event(s), for example "
                    f"'{hist[-1]}', so the file was saved by editing software.",
                    "Saving, converting or adding metadata in Adobe software writes these events "
                    "even when the picture itself was not changed.",
                    events=hist[:50])]


def c2pa_manifest(inp: CheckInput) -> list[CheckFinding]:
    if not inp.meta.c2pa:
        return []
    return [finding(inp, "c2pa", "info", "Content Credentials (C2PA) present",
                    "The file carries a C2PA / Content Credentials manifest that may state who made "
                    "or edited it; Casefile records its presence but does not verify its signature.",
                    "Cameras, phones and editing or AI tools add these manifests routinely.",
                    c2pa=True)]


CHECKS = (no_metadata, editing_software, xmp_history, c2pa_manifest)
