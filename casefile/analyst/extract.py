"""Text and self-description (title, date, author) from saved pages: HTML, MHTML, PDF, text, WARC.

Pure functions on bytes: nothing here touches a case. The original file stays the evidence; the
text is kept only so search can find it and the analyst can read it.
"""

from __future__ import annotations

import email
import email.policy
import io
import re
from collections.abc import Mapping
from dataclasses import replace

from casefile.analyst.page_text import (
    Extracted,
    capped,
    decode_text,
    extract_html,
    extract_text,
    merge_suggestions,
    suggest_from_text,
)
from casefile.analyst.webarchive import extract_wacz, extract_warc
from casefile.model.analyst import Suggestion


def extract_mhtml(data: bytes) -> Extracted:
    """A saved MHTML page: the HTML part's text, and the address it was saved from."""
    msg = email.message_from_bytes(data, policy=email.policy.default)
    url = msg.get("Snapshot-Content-Location") or None
    for part in msg.walk():
        if part.get_content_type() == "text/html":
            decoded = part.get_payload(decode=True)
            payload = decoded if isinstance(decoded, bytes) else b""
            charset = part.get_content_charset()
            html = payload.decode(charset, errors="replace") if charset else decode_text(payload)
            ex = extract_html(html, "mhtml")
            url = url or part.get("Content-Location")
            sug = ex.suggestion
            if url and not sug.url:
                sug = replace(sug, url=str(url), where={**sug.where, "url": "MHTML header"})
            if not sug.title and msg.get("Subject"):
                sug = replace(sug, title=str(msg["Subject"]), where={**sug.where, "title": "Subject"})
            return replace(ex, suggestion=sug, tool="email+html.parser")
    raise ValueError("no text/html part in this MHTML file")


def extract_pdf(data: bytes) -> Extracted:
    """A PDF document's text (pypdf) and its document-information title, author and date."""
    from pypdf import PdfReader

    reader = PdfReader(io.BytesIO(data))
    pages = []
    for page in reader.pages:
        try:
            pages.append(page.extract_text() or "")
        except Exception as exc:  # noqa: BLE001 - one unreadable page must not lose the others
            pages.append(f"[page text could not be read: {type(exc).__name__}]")
    info: Mapping[str, object] = reader.metadata or {}
    values: dict[str, str] = {}
    where: dict[str, str] = {}
    for fld, key in (("title", "/Title"), ("author", "/Author"), ("published_raw", "/CreationDate")):
        val = info.get(key)
        if val and str(val).strip():
            values[fld], where[fld] = str(val).strip(), f"PDF info {key}"
    raw = values.get("published_raw")
    if raw and raw.startswith("D:") and len(raw) >= 10:
        values["published_raw"] = _pdf_date(raw)
    text = "\n\n".join(p.strip() for p in pages)
    sug = merge_suggestions(Suggestion(**values, where=where), suggest_from_text(text))
    return capped(Extracted("pdf", text, sug, tool="pypdf"))


def _pdf_date(raw: str) -> str:
    """D:YYYYMMDDHHmmSS+hh'mm' to ISO text (kept as written: zone only when the PDF gives one)."""
    m = re.match(r"D:(\d{4})(\d{2})?(\d{2})?(\d{2})?(\d{2})?(\d{2})?(Z|[+-]\d{2}'?\d{2}'?)?", raw)
    if not m:
        return raw
    y, mo, d, h, mi, s, z = m.groups()
    out = f"{y}-{mo or '01'}-{d or '01'}"
    if h:
        out += f"T{h}:{mi or '00'}:{s or '00'}"
        if z:
            out += "Z" if z == "Z" else z.replace("'", "")[:3] + ":" + z.replace("'", "")[3:5]
    return out


def extract_any(data: bytes, mime: str, name: str = "") -> Extracted:
    """Dispatch on the sniffed MIME type (and a .warc.gz name); ValueError for other content."""
    name = name.lower()
    if mime == "application/warc" or (mime == "application/gzip" and ".warc" in name):
        return extract_warc(data)
    if mime == "application/zip":
        return extract_wacz(data)
    if mime == "multipart/related":
        return extract_mhtml(data)
    if mime == "application/pdf":
        return extract_pdf(data)
    if mime in ("text/html", "application/xml") and b"<html" in data[:65536].lower():
        return extract_html(data)
    if mime.startswith("text/") or mime in ("application/json", "application/xml"):
        return extract_text(data)
    raise ValueError(f"not a page or document this reader knows ({mime})")


def can_extract(mime: str, name: str = "") -> bool:
    """Whether extract_any reads this kind of content."""
    return (mime in ("application/warc", "application/zip", "multipart/related", "application/pdf",
                     "text/html", "application/xml", "application/json") or mime.startswith("text/")
            or (mime == "application/gzip" and ".warc" in name.lower()))
