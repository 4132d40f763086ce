"""Text and self-description (title, date, author) of a page or plain text: the HTML and text
readers every capture format ends in (MHTML, PDF and web archives wrap them).

Pure functions on bytes: nothing here touches a case.
"""

from __future__ import annotations

import codecs
import json
import re
from dataclasses import dataclass, field, replace
from html.parser import HTMLParser

from casefile.model.analyst import Suggestion

MAX_TEXT_CHARS = 5_000_000
_BLOCK = {"p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "table",
          "section", "article", "header", "footer", "blockquote", "pre", "figcaption", "hr",
          "title", "dd", "dt", "main", "aside", "nav", "figure", "td", "th"}
_SKIP = {"script", "style", "noscript", "template", "svg", "head"}


@dataclass
class Extracted:
    """What a capture file holds: its text and what it says about itself."""

    format: str
    text: str
    suggestion: Suggestion = field(default_factory=Suggestion)
    truncated: bool = False
    tool: str = "casefile-extract"


def decode_text(data: bytes, declared: str | None = None) -> str:
    """Bytes to text (see `detect_encoding`); undecodable bytes become U+FFFD, never dropped."""
    return data.decode(detect_encoding(data, declared), errors="replace")


def detect_encoding(data: bytes, declared: str | None = None) -> str:
    """BOM, then UTF-8, then a declared charset, then Windows-1251 for Cyrillic-looking bytes,
    else Windows-1252."""
    if data.startswith(b"\xef\xbb\xbf"):
        return "utf-8-sig"
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return "utf-16"
    try:
        data.decode("utf-8")
        return "utf-8"
    except UnicodeDecodeError:
        pass
    if declared:
        try:
            name = codecs.lookup(declared).name
            data.decode(name)
            return name
        except (LookupError, UnicodeDecodeError):
            pass
    high = [i for i, b in enumerate(data) if b >= 0x80]
    # Cyrillic in Windows-1251 is whole words of high bytes; Western accents are mostly single
    joined = sum(1 for i in high if (i + 1 < len(data) and data[i + 1] >= 0x80)
                 or (i > 0 and data[i - 1] >= 0x80))
    if len(high) >= 8 and joined >= 0.6 * len(high):
        return "cp1251"
    return "cp1252"


_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([\w.:-]+)""", re.IGNORECASE)


def capped(ex: Extracted) -> Extracted:
    """The extraction with its text cut to MAX_TEXT_CHARS (and marked truncated) when longer."""
    if len(ex.text) > MAX_TEXT_CHARS:
        return replace(ex, text=ex.text[:MAX_TEXT_CHARS], truncated=True)
    return ex


class _PageParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.meta: dict[str, str] = {}
        self.title = ""
        self.lang: str | None = None
        self.canonical: str | None = None
        self.ld_json: list[str] = []
        self._skip = 0
        self._in_title = False
        self._in_ld = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k.lower(): (v or "") for k, v in attrs}
        if tag == "html" and a.get("lang"):
            self.lang = a["lang"]
        if tag == "meta":
            key = (a.get("property") or a.get("name") or a.get("itemprop") or "").strip().lower()
            if key and a.get("content") and key not in self.meta:
                self.meta[key] = a["content"].strip()
        elif tag == "link" and "canonical" in a.get("rel", "").lower() and a.get("href"):
            self.canonical = a["href"].strip()
        elif tag == "title":
            self._in_title = True
        elif tag == "script" and "ld+json" in a.get("type", "").lower():
            self._in_ld = True
            self.ld_json.append("")
        if tag in _SKIP:
            self._skip += 1
        if tag in _BLOCK:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag == "title":
            self._in_title = False
        if tag == "script":
            self._in_ld = False
        if tag in _SKIP and self._skip:
            self._skip -= 1
        if tag in _BLOCK:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if self._in_title:
            self.title += data
        if self._in_ld:
            self.ld_json[-1] += data
        elif not self._skip:
            self.parts.append(data)


def _tidy(text: str) -> str:
    lines = [re.sub(r"[ \t\r\f\v]+", " ", ln).strip() for ln in text.split("\n")]
    out: list[str] = []
    for ln in lines:
        if ln or (out and out[-1]):
            out.append(ln)
    return "\n".join(out).strip()


def _ld_fields(blobs: list[str]) -> dict[str, str]:
    found: dict[str, str] = {}

    def visit(node: object) -> None:
        if isinstance(node, list):
            for n in node:
                visit(n)
        elif isinstance(node, dict):
            for key in ("headline", "datePublished", "url"):
                if isinstance(node.get(key), str) and key not in found:
                    found[key] = node[key]
            author = node.get("author")
            names = [author] if isinstance(author, (dict, str)) else (author or [])
            for a in names if isinstance(names, list) else []:
                name = a.get("name") if isinstance(a, dict) else a
                if isinstance(name, str) and "author" not in found:
                    found["author"] = name
            pub = node.get("publisher")
            if isinstance(pub, dict) and isinstance(pub.get("name"), str):
                found.setdefault("publisher", pub["name"])
            visit(node.get("@graph"))

    for blob in blobs:
        try:
            visit(json.loads(blob))
        except ValueError:
            continue
    return found


_META_KEYS = {
    "title": ("og:title", "twitter:title", "dc.title", "dcterms.title", "headline"),
    "published_raw": ("article:published_time", "og:article:published_time", "datepublished",
                      "date", "dc.date", "dcterms.date", "dc.date.issued", "pubdate",
                      "publish-date", "sailthru.date", "parsely-pub-date"),
    "author": ("author", "article:author", "dc.creator", "dcterms.creator", "parsely-author",
               "twitter:creator", "byl"),
    "publisher": ("og:site_name", "application-name", "dc.publisher", "publisher"),
    "url": ("og:url", "twitter:url"),
}


def extract_html(data: bytes | str, fmt: str = "html", charset: str | None = None) -> Extracted:
    """Visible text of an HTML page and its meta tags (title, date, author, site, URL)."""
    if isinstance(data, str):
        html = data
    else:
        m = _META_CHARSET.search(data[:8192])
        declared = charset or (m.group(1).decode("ascii", "replace") if m else None)
        html = decode_text(data, declared)
    p = _PageParser()
    p.feed(html)
    p.close()
    ld = _ld_fields(p.ld_json)
    values: dict[str, str] = {}
    where: dict[str, str] = {}
    for fld, keys in _META_KEYS.items():
        for key in keys:
            if p.meta.get(key):
                values[fld], where[fld] = p.meta[key], f'<meta "{key}">'
                break
    for fld, key in (("title", "headline"), ("published_raw", "datePublished"),
                     ("author", "author"), ("publisher", "publisher"), ("url", "url")):
        if fld not in values and ld.get(key):
            values[fld], where[fld] = ld[key], f"JSON-LD {key}"
    if "title" not in values and p.title.strip():
        values["title"], where["title"] = re.sub(r"\s+", " ", p.title).strip(), "<title>"
    if "url" not in values and p.canonical:
        values["url"], where["url"] = p.canonical, '<link rel="canonical">'
    if p.lang:
        values["language"] = p.lang
    text = _tidy("".join(p.parts))
    sug = Suggestion(**values, where=where)
    if not sug.published_raw or not sug.title:
        sug = merge_suggestions(sug, suggest_from_text(text))
    return capped(Extracted(fmt, text, sug, tool="html.parser"))


def merge_suggestions(first: Suggestion, second: Suggestion) -> Suggestion:
    """Fields of `first`, with gaps filled from `second`."""
    merged = Suggestion(title=first.title or second.title, author=first.author or second.author,
                        publisher=first.publisher or second.publisher, url=first.url or second.url,
                        published_raw=first.published_raw or second.published_raw,
                        dateline=first.dateline or second.dateline,
                        language=first.language or second.language)
    filled = {k for k, v in merged.to_dict().items() if v and k != "where"}
    where = {**second.where, **first.where}
    return replace(merged, where={k: v for k, v in where.items() if k in filled})


_MONTHS = ("January|February|March|April|May|June|July|August|September|October|November|December"
           "|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec")
_DATE_RES = [
    re.compile(r"\b(\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2})?(?:Z|[+-]\d{2}:?\d{2})?)?)\b"),
    re.compile(rf"\b((?:{_MONTHS})\.? \d{{1,2}}, \d{{4}})\b"),
    re.compile(rf"\b(\d{{1,2}} (?:{_MONTHS})\.? \d{{4}})\b"),
]
_DATELINE = re.compile(r"(?:^|\s)([A-Z][A-Z.'’]+(?:[ -][A-Z][A-Z.'’]+){0,3})"
                       r"(?:,\s*[A-Z][A-Za-z. ]{1,30})?\s*(?:\([^)]{1,40}\)\s*)?[–—-]{1,2}\s")
_BYLINE = re.compile(r"^\s*(?:By|BY|by)\s+([A-Z][\w.'’-]+(?:\s+[A-Z][\w.'’-]+){0,3})\s*$")


def suggest_from_text(text: str) -> Suggestion:
    """Title, date, dateline and byline from the first lines of a plain-text article."""
    lines = [ln.strip() for ln in text.splitlines() if ln.strip()][:8]
    values: dict[str, str] = {}
    where: dict[str, str] = {}
    head = "\n".join(lines[:4])[:600]
    for rx in _DATE_RES:
        m = rx.search(head)
        if m:
            line_no = head[: m.start()].count("\n") + 1
            values["published_raw"], where["published_raw"] = m.group(1), f"text line {line_no}"
            break
    for i, ln in enumerate(lines[:3]):
        m = _DATELINE.search(ln[:200])
        if m and len(m.group(1).strip(" .")) >= 3:
            values["dateline"], where["dateline"] = m.group(1).strip(" ."), f"text line {i + 1}"
            break
    for i, ln in enumerate(lines[:6]):
        m = _BYLINE.match(ln)
        if m:
            values["author"], where["author"] = m.group(1), f"text line {i + 1}"
            break
    if lines and len(lines[0]) <= 160 and not lines[0].endswith((".", ":", ",")) \
            and "dateline" not in values and not lines[0].lower().startswith(("by ", "date")):
        values["title"], where["title"] = lines[0], "text line 1"
    return Suggestion(**values, where=where)


def extract_text(data: bytes) -> Extracted:
    """A plain-text capture: the text as is (BOM dropped) and suggestions from its first lines."""
    enc = detect_encoding(data)
    text = decode_text(data)
    return capped(Extracted("text", text, suggest_from_text(text), tool=f"text ({enc})"))
