"""The cover and the methods name the ledger event the case fingerprint is, and a reader can
re-check it with `casefile log CASE --json` and `casefile verify CASE`."""

from __future__ import annotations

import json
import re
from pathlib import Path

from report_helpers import pdf_text

from casefile.cli import main
from casefile.report.context import READ_ONLY_ACTIONS, ReportOptions
from casefile.report.pdf import build_report


def _flat(text: str) -> str:
    return " ".join(text.split())


def test_cover_and_methods_name_the_fingerprint_event(real_case, tmp_path: Path, capsys) -> None:
    out = tmp_path / "r.pdf"
    build_report(real_case, out)
    build_report(real_case, tmp_path / "again.pdf")      # an 'exported' event in between
    text, pages = pdf_text(out)
    cover = _flat(pages[0])
    methods = _flat(text[text.rindex("How to re-verify"):])
    m = re.search(r"ledger event #(\d+) \(([\w-]+)", cover)
    assert m, cover
    seq, action = int(m.group(1)), m.group(2)
    hashes = re.findall(r"\b[0-9a-f]{64}\b", cover)
    assert len(hashes) == 1
    fingerprint = hashes[0]
    assert f"custody-ledger event #{seq} ({action}" in cover
    assert "casefile log CASE --json" in cover and "casefile verify CASE" in cover
    assert f"event #{seq}" in methods and f'"seq": {seq}' in methods
    assert fingerprint in methods and "casefile log CASE --json" in methods
    # the reader's check: the log lists that event with that hash; it is the last event that
    # changed the case, and only read-only events (the exports) come after it
    path = str(real_case.path)
    real_case.close()
    assert main(["log", path, "--json"]) == 0
    events = json.loads(capsys.readouterr().out)
    event = next(e for e in events if e["seq"] == seq)
    assert event["hash"] == fingerprint and event["action"] == action
    later = [e["action"] for e in events if e["seq"] > seq]
    assert later.count("exported") == 2 and set(later) <= READ_ONLY_ACTIONS
    assert main(["verify", path]) == 0


def test_fingerprint_event_moves_with_a_real_change(real_case, tmp_path: Path) -> None:
    build_report(real_case, tmp_path / "a.pdf", ReportOptions(sections=("methods",)))
    item = real_case.items()[0]
    with real_case.transaction():
        seq = real_case.update("items", item["id"], {"notes": "checked"}, reason="test")
    build_report(real_case, tmp_path / "b.pdf", ReportOptions(sections=("methods",)))
    cover = _flat(pdf_text(tmp_path / "b.pdf")[1][0])
    head = real_case.events()[-2]           # the last is the 'exported' event of b.pdf
    assert head["action"] != "exported"
    assert f"ledger event #{head['seq']} (" in cover and head["hash"] in cover
    if isinstance(seq, int):
        assert head["seq"] == seq
