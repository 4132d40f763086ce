"""Opening an original safely: a copy with its own extension, and a warning for what can fetch.

The evidence store keeps originals under their hash with no extension; handing such a file to the
desktop lets the desktop guess (a saved web page may open in a browser and load remote resources,
revealing the investigation). Here the content's type decides the extension of a read-only
viewing copy, and anything a browser or viewer could fetch from — HTML, MHTML, SVG, XML, PDF,
office documents, e-mail — is marked risky: the window asks first or shows it as text or hex.
"""

from __future__ import annotations

import mimetypes
import os
import shutil
import stat
import tempfile
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from casefile.errors import NotFound

#: extension -> why opening it in its usual application could contact the network
RISKY_EXTENSIONS: dict[str, str] = {
    **dict.fromkeys((".html", ".htm", ".xhtml", ".shtml"), "a web page loads images, scripts and fonts "
                    "from the sites it names"),
    **dict.fromkeys((".mht", ".mhtml", ".webarchive"), "a saved web page can still load remote resources"),
    **dict.fromkeys((".svg", ".svgz"), "an SVG image can load remote images, fonts and scripts"),
    **dict.fromkeys((".xml", ".xsl", ".kml", ".gpx"), "XML can name external entities and stylesheets "
                    "a viewer may fetch"),
    ".pdf": "a PDF can carry links, forms and remote actions a viewer may follow",
    **dict.fromkeys((".doc", ".docx", ".docm", ".dot", ".dotx", ".xls", ".xlsx", ".xlsm", ".ppt",
                     ".pptx", ".pptm", ".odt", ".ods", ".odp", ".rtf"),
                    "an office document can load remote templates and images, and report that it "
                    "was opened"),
    **dict.fromkeys((".eml", ".msg"), "an e-mail's HTML body loads remote images (tracking pixels)"),
}
#: content types (as sniffed on import) with the same risk, whatever the file was called
RISKY_TYPES: dict[str, str] = {
    "text/html": ".html", "application/xhtml+xml": ".xhtml", "multipart/related": ".mhtml",
    "message/rfc822": ".eml", "image/svg+xml": ".svg", "application/pdf": ".pdf",
    "text/xml": ".xml", "application/xml": ".xml", "application/rtf": ".rtf", "text/rtf": ".rtf",
    "application/msword": ".doc", "application/vnd.google-earth.kml+xml": ".kml",
    "application/gpx+xml": ".gpx",
}
RISKY_TYPE_PREFIXES = ("application/vnd.openxmlformats-officedocument.",
                       "application/vnd.oasis.opendocument.", "application/vnd.ms-")
VIEW_LIMIT = 2 * 1024 * 1024          # text and hex views read at most this much


@dataclass(frozen=True)
class OpenPlan:
    """How one original would open: the viewing copy's name, and why it is risky ("" when not)."""

    name: str
    extension: str
    risk: str
    mime: str

    @property
    def risky(self) -> bool:
        return bool(self.risk)


def _type_risk(mime: str) -> str:
    ext = RISKY_TYPES.get(mime)
    if ext:
        return RISKY_EXTENSIONS.get(ext, "it can load remote resources")
    if mime.startswith(RISKY_TYPE_PREFIXES):
        return RISKY_EXTENSIONS[".docx"]
    return ""


def extension_for(mime: str, original_name: str | None) -> str:
    """The extension the content's type calls for; the original's own when it agrees (".jpeg" stays)."""
    mime = (mime or "").split(";")[0].strip().lower()
    suffix = Path(original_name or "").suffix.lower()
    known = mimetypes.guess_type("x" + suffix)[0] if suffix else None
    if suffix and (known == mime or not mime or mime == "application/octet-stream"):
        return suffix
    return RISKY_TYPES.get(mime) or mimetypes.guess_extension(mime or "") or suffix or ".bin"


def plan(item: Mapping[str, object]) -> OpenPlan:
    """What opening this item (a row of `items`) would do, decided by its content type and name."""
    mime = str(item.get("mime") or "").split(";")[0].strip().lower()
    name = str(item.get("original_name") or item.get("id") or "original")
    ext = extension_for(mime, name)
    stem = Path(name).stem if Path(name).suffix else name
    safe = "".join(ch if ch.isalnum() or ch in "-_. " else "_" for ch in stem).strip(" .") or "original"
    risk = (_type_risk(mime) or RISKY_EXTENSIONS.get(ext, "")
            or RISKY_EXTENSIONS.get(Path(name).suffix.lower(), ""))
    return OpenPlan(name=safe[:120] + ext, extension=ext, risk=risk, mime=mime)


def viewing_copy(blob: Path, item: Mapping[str, object], root: Path | None = None) -> Path:
    """A read-only copy of the original under its own extension (the evidence file stays untouched)."""
    if not blob.is_file():
        raise NotFound("the original is missing from the case's evidence folder", blob)
    p = plan(item)
    folder = (root or Path(tempfile.gettempdir()) / "casefile-open") / str(item.get("sha256") or "x")[:16]
    folder.mkdir(parents=True, exist_ok=True)
    out = folder / p.name
    if not out.exists():
        tmp = folder / (p.name + ".part")
        shutil.copyfile(blob, tmp)
        os.chmod(tmp, stat.S_IRUSR | stat.S_IRGRP | stat.S_IROTH)
        os.replace(tmp, out)
    return out


def text_view(blob: Path, limit: int = VIEW_LIMIT) -> str:
    """The file as text (UTF-8, undecodable bytes shown as �), at most `limit` bytes: nothing runs."""
    with blob.open("rb") as fh:
        data = fh.read(limit + 1)
    text = data[:limit].decode("utf-8", errors="replace")
    return text + ("\n… (cut: the view shows the first 2 MiB)" if len(data) > limit else "")


def hex_view(blob: Path, limit: int = 256 * 1024) -> str:
    """Offset, hex bytes and printable characters, 16 bytes a line, at most `limit` bytes."""
    with blob.open("rb") as fh:
        data = fh.read(limit + 1)
    lines = []
    for off in range(0, min(len(data), limit), 16):
        chunk = data[off:off + 16]
        hexes = " ".join(f"{b:02x}" for b in chunk)
        chars = "".join(chr(b) if 32 <= b < 127 else "." for b in chunk)
        lines.append(f"{off:08x}  {hexes:<47}  {chars}")
    if len(data) > limit:
        lines.append(f"… (cut: the view shows the first {limit // 1024} KiB)")
    return "\n".join(lines)
