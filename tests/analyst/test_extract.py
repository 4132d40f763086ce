"""Text and self-description from saved pages: HTML, MHTML, PDF, text, WARC, WACZ."""

from __future__ import annotations

import gzip
import io
import json
import zipfile
from email.message import EmailMessage

from hypothesis import given
from hypothesis import strategies as st

from casefile.analyst import extract as ex
from casefile.analyst import page_text as pt
from casefile.analyst import webarchive as wa

UNUSUAL = "Василий Тонкошкуров · עברית ‏mixed‎ · العربية · 🇷🇺✈️🇻🇪 · <b>not markup</b>"

PAGE = f"""<!DOCTYPE html>
<html lang="en"><head>
<title>Fallback title</title>
<meta property="og:title" content="Russian planes land in Caracas">
<meta property="article:published_time" content="2019-03-24T14:05:00-04:00">
<meta name="author" content="Jane Reporter">
<meta property="og:site_name" content="Example News">
<link rel="canonical" href="https://news.example/russian-planes">
<style>.x {{ color: red }}</style>
<script>var secret = "do not index";</script>
</head><body><h1>Headline</h1><p>First paragraph with &amp; entity.</p>
<p>{UNUSUAL.replace('<', '&lt;').replace('>', '&gt;')}</p></body></html>"""


def test_html_meta_tags_become_suggestions_with_their_origin():
    out = pt.extract_html(PAGE.encode("utf-8"))
    s = out.suggestion
    assert s.title == "Russian planes land in Caracas"
    assert s.where["title"] == '<meta "og:title">'
    assert s.published_raw == "2019-03-24T14:05:00-04:00"
    assert s.author == "Jane Reporter"
    assert s.publisher == "Example News"
    assert s.url == "https://news.example/russian-planes"
    assert s.language == "en"


def test_html_text_is_visible_text_only_and_keeps_unicode():
    out = pt.extract_html(PAGE.encode("utf-8"))
    assert "do not index" not in out.text and "color: red" not in out.text
    assert "First paragraph with & entity." in out.text
    assert UNUSUAL in out.text.splitlines()


def test_html_without_meta_falls_back_to_json_ld_then_title():
    page = """<html><head><title>Only a title</title>
    <script type="application/ld+json">{"@graph": [{"@type": "NewsArticle",
      "datePublished": "2019-03-24", "author": [{"name": "A. Writer"}],
      "publisher": {"name": "LD Publisher"}}]}</script></head><body>x</body></html>"""
    s = pt.extract_html(page.encode()).suggestion
    assert s.title == "Only a title" and s.where["title"] == "<title>"
    assert s.published_raw == "2019-03-24" and s.where["published_raw"] == "JSON-LD datePublished"
    assert s.author == "A. Writer" and s.publisher == "LD Publisher"


def test_text_article_gives_date_and_dateline(article):
    out = pt.extract_text(article.read_bytes())
    assert out.text == article.read_text("utf-8")
    assert out.suggestion.published_raw == "2019-03-24"
    assert out.suggestion.dateline == "CARACAS"
    assert out.suggestion.title is None  # the first line is a paragraph, not a title


def test_text_with_title_and_byline():
    text = "Planes seen at Maiquetía\nBy Ana María Pérez\nMarch 24, 2019\n\nBody text here."
    s = pt.extract_text(text.encode("utf-8")).suggestion
    assert s.title == "Planes seen at Maiquetía"
    assert s.author == "Ana María Pérez"
    assert s.published_raw == "March 24, 2019"


def test_text_bom_dropped_and_cp1252_fallback():
    assert pt.extract_text("\ufeffhello".encode("utf-8")).text == "hello"
    assert pt.extract_text("Guaidó’s".encode("cp1252")).text == "Guaidó’s"
    assert pt.extract_text("Тест".encode("utf-16")).text == "Тест"


@given(st.text().filter(lambda t: not t.startswith("\ufeff")))
def test_plain_text_round_trips_exactly(text):
    assert pt.extract_text(text.encode("utf-8")).text == text


def test_mhtml_html_part_and_snapshot_location():
    msg = EmailMessage()
    msg["Subject"] = "Saved page"
    msg["Snapshot-Content-Location"] = "https://news.example/a"
    msg["MIME-Version"] = "1.0"
    msg.set_content(PAGE, subtype="html", charset="utf-8", cte="quoted-printable")
    out = ex.extract_mhtml(msg.as_bytes())
    assert out.format == "mhtml"
    assert out.suggestion.title == "Russian planes land in Caracas"
    assert UNUSUAL in out.text


def test_pdf_text_and_info(tmp_path):
    from reportlab.pdfgen import canvas

    buf = io.BytesIO()
    c = canvas.Canvas(buf)
    c.setTitle("Ministry statement")
    c.setAuthor("Press Office")
    c.drawString(72, 720, "Two aircraft landed at Maiquetia on 23 March 2019.")
    c.showPage()
    c.drawString(72, 720, "Second page text.")
    c.save()
    out = ex.extract_pdf(buf.getvalue())
    assert "Two aircraft landed at Maiquetia" in out.text and "Second page text." in out.text
    assert out.suggestion.title == "Ministry statement"
    assert out.suggestion.author == "Press Office"
    assert out.suggestion.published_raw[:4].isdigit()  # from /CreationDate, as ISO text


def test_pdf_date_conversion():
    assert ex._pdf_date("D:20190324140500-04'00'") == "2019-03-24T14:05:00-04:00"
    assert ex._pdf_date("D:20190324") == "2019-03-24"
    assert ex._pdf_date("D:20190324140500Z") == "2019-03-24T14:05:00Z"


def _warc(uri: str, html: str) -> bytes:
    body = html.encode("utf-8")
    http = (b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n"
            b"Content-Length: " + str(len(body)).encode() + b"\r\n\r\n" + body)
    head = (f"WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: {uri}\r\n"
            f"WARC-Date: 2019-03-24T20:00:00Z\r\nContent-Type: application/http;msgtype=response\r\n"
            f"Content-Length: {len(http)}\r\n\r\n").encode()
    info = b"WARC/1.0\r\nWARC-Type: warcinfo\r\nContent-Length: 4\r\n\r\ninfo\r\n\r\n"
    return info + head + http + b"\r\n\r\n"


def test_warc_response_text_and_target_uri():
    data = _warc("https://news.example/a", "<html><body><p>Archived Ан-124 text</p></body></html>")
    out = wa.extract_warc(data)
    assert "Archived Ан-124 text" in out.text
    assert out.suggestion.url == "https://news.example/a"
    assert wa.extract_warc(gzip.compress(data)).text == out.text


def test_wacz_reads_its_warcs_and_page_titles():
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        zf.writestr("datapackage.json", json.dumps({"resources": []}))
        zf.writestr("archive/data.warc", _warc("https://x.example/", "<p>inside wacz</p>"))
        zf.writestr("pages/pages.jsonl", '{"format": "json-pages-1.0"}\n'
                    '{"url": "https://x.example/", "title": "WACZ page"}\n')
    out = wa.extract_wacz(buf.getvalue())
    assert "inside wacz" in out.text
    assert out.suggestion.title == "WACZ page"


def test_long_text_is_capped_and_says_so(monkeypatch):
    monkeypatch.setattr(pt, "MAX_TEXT_CHARS", 10)
    out = pt.extract_text(b"abcdefghijklmnop")
    assert out.text == "abcdefghij" and out.truncated


def test_legacy_cyrillic_encodings():
    text = "Самолёт Ан-124 приземлился в Каракасе"
    assert pt.extract_text(text.encode("cp1251")).text == text
    assert pt.extract_text(text.encode("cp1251")).tool == "text (cp1251)"
    page = f'<html><head><meta charset="koi8-r"></head><body><p>{text}</p></body></html>'
    assert pt.extract_html(page.encode("koi8-r")).text == text
    # Western text with a few accents stays Windows-1252
    assert pt.extract_text("Guaidó’s café, Maiquetía".encode("cp1252")).text == "Guaidó’s café, Maiquetía"


def test_warc_chunked_gzipped_response_with_http_charset():
    html = "<p>Ответ сервера</p>".encode("cp1251")
    gz = gzip.compress(html)
    chunked = f"{len(gz):x}\r\n".encode() + gz + b"\r\n0\r\n\r\n"
    http = (b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=windows-1251\r\n"
            b"Transfer-Encoding: chunked\r\nContent-Encoding: gzip\r\n\r\n" + chunked)
    rec = (f"WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: https://ru.example/\r\n"
           f"Content-Length: {len(http)}\r\n\r\n").encode() + http + b"\r\n\r\n"
    assert "Ответ сервера" in wa.extract_warc(rec).text


@given(data=st.binary(max_size=2000),
       mime=st.sampled_from(["text/html", "multipart/related", "application/warc", "text/plain",
                             "application/zip", "application/pdf"]))
def test_any_bytes_are_read_or_refused_never_hang(data, mime):
    for blob in (data, b"WARC/1.0\r\n" + data, b"<html>" + data):
        try:
            out = ex.extract_any(blob, mime, "x.warc")
        except Exception:  # noqa: BLE001 - the importer turns any of these into CorruptFile
            continue  # the property under test: every input ends (no hang, no process crash)
        else:
            assert isinstance(out.text, str)
