"""Web archives: WARC files (plain or gzipped) and WACZ bundles, read for their pages' text."""

from __future__ import annotations

import gzip
import io
import json
import re
import zipfile
from dataclasses import replace

from casefile.analyst.page_text import Extracted, capped, extract_html, extract_text
from casefile.model.analyst import Suggestion


def _warc_records(data: bytes) -> list[tuple[dict[str, str], bytes]]:
    if data[:2] == b"\x1f\x8b":
        data = gzip.decompress(data)  # members concatenated: gzip reads them all
    records = []
    pos = 0
    while True:
        start = data.find(b"WARC/", pos)
        if start < 0:
            break
        head_end = data.find(b"\r\n\r\n", start)
        if head_end < 0:
            raise ValueError(f"WARC record at byte {start} has no end of headers")
        headers: dict[str, str] = {}
        for line in data[start:head_end].decode("utf-8", "replace").split("\r\n")[1:]:
            k, _, v = line.partition(":")
            headers[k.strip().lower()] = v.strip()
        length = int(headers.get("content-length", "0"))
        body = data[head_end + 4: head_end + 4 + length]
        records.append((headers, body))
        pos = head_end + 4 + length
    if not records:
        raise ValueError("no WARC records found")
    return records


def extract_warc(data: bytes, fmt: str = "warc") -> Extracted:
    """A web archive: the text of every archived HTML/text response, and the first page's details."""
    texts: list[str] = []
    sug: Suggestion | None = None
    for headers, body in _warc_records(data):
        if headers.get("warc-type") not in ("response", "resource"):
            continue
        uri = headers.get("warc-target-uri", "").strip("<>")
        payload, ctype, charset = body, "", None
        if headers.get("warc-type") == "response" and body.startswith(b"HTTP/"):
            sep = body.find(b"\r\n\r\n")
            http_head = body[:sep].decode("latin-1").lower() if sep > 0 else ""
            m = re.search(r"content-type:\s*([^\r\n;]+)(?:;\s*charset=([\w.:-]+))?", http_head)
            ctype = m.group(1).strip() if m else ""
            charset = m.group(2) if m and m.group(2) else None
            payload = body[sep + 4:] if sep > 0 else b""
            if "transfer-encoding: chunked" in http_head:
                payload = _unchunk(payload)
            if "content-encoding: gzip" in http_head:
                payload = gzip.decompress(payload)
        else:
            ctype = headers.get("content-type", "")
        if "html" in ctype:
            ex = extract_html(payload, charset=charset)
        elif ctype.startswith("text/"):
            ex = extract_text(payload)
        else:
            continue
        texts.append(f"[{uri}]\n{ex.text}" if uri else ex.text)
        if sug is None:
            s = ex.suggestion
            if uri and not s.url:
                s = replace(s, url=uri, where={**s.where, "url": "WARC-Target-URI"})
            sug = s
    return capped(Extracted(fmt, "\n\n".join(texts), sug or Suggestion(), tool="warc-reader"))


def _unchunk(payload: bytes) -> bytes:
    out, pos = bytearray(), 0
    while pos < len(payload):
        eol = payload.find(b"\r\n", pos)
        if eol < 0:
            break
        size = int(payload[pos:eol].split(b";")[0] or b"0", 16)
        if size == 0:
            break
        out += payload[eol + 2: eol + 2 + size]
        pos = eol + 2 + size + 2
    return bytes(out)


def extract_wacz(data: bytes) -> Extracted:
    """A WACZ bundle (zip of WARCs + page list): text of its archived pages."""
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        names = [n for n in zf.namelist() if n.startswith("archive/") and ".warc" in n]
        if not names:
            raise ValueError("WACZ has no archive/*.warc file")
        parts = [extract_warc(zf.read(n), "wacz") for n in sorted(names)]
        title = None
        if "pages/pages.jsonl" in zf.namelist():
            for line in zf.read("pages/pages.jsonl").decode("utf-8", "replace").splitlines():
                try:
                    rec = json.loads(line)
                except ValueError:
                    continue
                if isinstance(rec, dict) and rec.get("title"):
                    title = str(rec["title"])
                    break
    sug = parts[0].suggestion
    if title and (not sug.title or sug.where.get("title", "").startswith("text")):
        sug = replace(sug, title=title, where={**sug.where, "title": "pages.jsonl"})
    return capped(Extracted("wacz", "\n\n".join(p.text for p in parts), sug, tool="warc-reader"))
