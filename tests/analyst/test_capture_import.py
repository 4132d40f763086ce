"""The capture importer inside real import batches: good files kept, bad ones a clear error each."""

from __future__ import annotations

import io

from casefile.analyst import search, sources
from casefile.importers.pipeline import import_paths
from casefile.store import verify_case


def _pdf(text: str) -> bytes:
    from reportlab.pdfgen import canvas

    buf = io.BytesIO()
    c = canvas.Canvas(buf)
    c.setTitle("Statement")
    c.drawString(72, 720, text)
    c.save()
    return buf.getvalue()


def test_batch_with_html_pdf_text_and_broken_files(fresh_case, tmp_path, article):
    page = tmp_path / "page.html"
    page.write_text('<html><head><meta property="og:title" content="Заголовок 🇻🇪"></head>'
                    "<body><p>Quokkas landed at Maiquetía</p></body></html>", encoding="utf-8")
    good_pdf = tmp_path / "statement.pdf"
    good_pdf.write_bytes(_pdf("Wombats departed Chkalovsky"))
    broken_pdf = tmp_path / "broken.pdf"
    broken_pdf.write_bytes(good_pdf.read_bytes()[:300])
    rep = import_paths(fresh_case, [page, broken_pdf, good_pdf, article], workers=1)
    status = {o.path.rsplit("/", 1)[-1]: o for o in rep.outcomes}
    # a damaged file is kept as plain evidence, with one line saying what failed
    assert status["broken.pdf"].status == "imported" and status["broken.pdf"].kind == "file"
    assert "broken.pdf" in status["broken.pdf"].message and "cannot read" in status["broken.pdf"].message
    assert "kept as plain evidence" in status["broken.pdf"].message
    assert "\n" not in status["broken.pdf"].message
    assert status["page.html"].kind == "capture"             # a saved web page
    for name in ("statement.pdf", article.name):              # documents, not web pages
        assert status[name].status == "imported" and status[name].kind == "document"
    assert len(fresh_case.items()) == 4
    assert not list((fresh_case.path / "tmp").iterdir())
    html_id = status["page.html"].item_id
    assert sources.suggest(fresh_case, html_id)["title"] == "Заголовок 🇻🇪"
    assert {h.id for h in search.search(fresh_case, "Quokkas")} == {html_id}
    assert {h.id for h in search.search(fresh_case, "Wombats")} == {status["statement.pdf"].item_id}
    assert verify_case(fresh_case).ok


def test_same_article_twice_is_one_item(fresh_case, article):
    first = import_paths(fresh_case, [article], workers=1).outcomes[0]
    again = import_paths(fresh_case, [article], workers=1).outcomes[0]
    assert again.status == "duplicate" and again.item_id == first.item_id
    assert len(fresh_case.rows("SELECT * FROM capture_texts")) == 1


def test_content_not_extension_decides(fresh_case, tmp_path):
    html_named_txt = tmp_path / "saved.txt"
    html_named_txt.write_text("<!DOCTYPE html><html><body><p>Platypus</p></body></html>")
    out = import_paths(fresh_case, [html_named_txt], workers=1).outcomes[0]
    assert out.kind == "capture"
    assert sources.capture_text(fresh_case, out.item_id)["format"] == "html"
    assert sources.capture_text(fresh_case, out.item_id)["text"] == "Platypus"


def test_item_kept_as_plain_file_gets_its_text_when_attached_as_capture(fresh_case, article):
    out = import_paths(fresh_case, [article], importer="file", workers=1).outcomes[0]
    assert out.kind == "file" and sources.capture_text(fresh_case, out.item_id) is None
    assert search.search(fresh_case, "Tonkoshkurov") == []
    s = sources.add_source(fresh_case, title="article", items=[(out.item_id, "capture")])
    assert sources.capture_text(fresh_case, out.item_id)["text"] == article.read_text("utf-8")
    assert [h.id for h in search.search(fresh_case, "Tonkoshkurov")] == [out.item_id]
    assert sources.suggest(fresh_case, out.item_id)["dateline"] == "CARACAS"
    assert s.capture_item_ids == [out.item_id]
    assert verify_case(fresh_case).ok


def test_empty_query_finds_nothing(fresh_case, article_item):
    assert search.search(fresh_case, "") == [] and search.search(fresh_case, " * - ") == []
