"""`casefile demo --no-gui --report`: the whole training case, built once through the CLI."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from pypdf import PdfReader

from casefile.cli import main
from casefile.demo import ILLUSTRATIVE, SYNTHETIC
from casefile.demo.scenario import CLAIMS
from casefile.store import Case, verify_case

DEMO_PKG = Path(__file__).resolve().parents[2] / "casefile" / "demo"


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> dict:
    folder = tmp_path_factory.mktemp("demo")
    out = folder / "out.json"
    import contextlib

    with open(out, "w") as f, contextlib.redirect_stdout(f):
        rc = main(["demo", "--dir", str(folder), "--no-gui", "--json", "--report",
                   str(folder / "demo.pdf")])
    data = json.loads(out.read_text())
    return {"rc": rc, "folder": folder, **data}


def test_cli_builds_the_case_without_errors(built: dict) -> None:
    assert built["rc"] == 0
    assert built["errors"] == []
    assert len(built["items"]) == 16
    assert Path(built["case"]).name == "caracas-2019-demo.casefile"
    assert set(built["verdicts"]) == {"consistent", "inconsistent", "undetermined"}
    readme = (Path(built["inputs"]) / "README.txt").read_text(encoding="utf-8")
    assert ILLUSTRATIVE in readme and SYNTHETIC in readme


def test_every_item_is_labelled_in_its_provenance(built: dict) -> None:
    with Case.open(built["case"], write=False) as case:
        items = case.items()
        assert len(items) == 16
        for item in items:
            acq = case.acquisitions(item["id"])
            assert len(acq) == 1
            label = ILLUSTRATIVE if item["kind"] == "flight-record" else SYNTHETIC
            assert label in acq[0]["note"], item["original_name"]
            assert acq[0]["source_url"].startswith("casefile-demo://")


def test_sources_and_claims_are_recorded_with_grades(built: dict) -> None:
    from casefile.analyst import claims as cl
    from casefile.analyst import sources as so

    with Case.open(built["case"], write=False) as case:
        sources = {s.kind: s for s in so.list_sources(case)}
        assert sources["news-article"].reliability == "D"
        assert sources["news-article"].url is None
        assert sources["social-media-post"].reliability == "F"
        assert len(so.source_items(case, sources["social-media-post"].id)) == 3
        claims = {c.text: c for c in cl.list_claims(case)}
        assert len(claims) == len(CLAIMS) == 7
        for want in CLAIMS:
            got = claims[want.text]
            assert got.credibility == want.credibility and got.kind == want.kind
        arrival = claims[next(c.text for c in CLAIMS if c.key == "arrival-svmi")]
        # "Saturday 23 March, Caracas time" is 04:00 UTC on the 23rd to 03:59 UTC on the 24th
        assert arrival.window_start.utc == "2019-03-23T04:00:00.000Z"
        assert arrival.window_end.utc.startswith("2019-03-24T03:59:59")
        assert arrival.place_icao == "SVMI"


def test_reported_flights_say_they_are_reported_not_tracked(built: dict) -> None:
    from casefile.flights import query as tq

    with Case.open(built["case"], write=False) as case:
        flights = tq.reported_flights(case)
    assert sorted(f.aircraft_ref for f in flights) == ["An-124", "Il-62",
                                                       "strategic bombers (type not stated)"]
    assert {f.aircraft_type for f in flights} == {"A124", "IL62", None}
    assert len({f.source_id for f in flights}) == 1 and flights[0].source_id is not None
    flights = [f for f in flights if f.aircraft_type]
    for f in flights:
        assert (f.from_icao, f.to_icao) == ("UUMU", "SVMI")
        assert f.aircraft_id is None            # a type as reported, not linked to a track
        # Friday 22 March, Moscow time, as a whole day: 21:00 UTC on the 21st to 21:00 UTC on the 22nd
        assert f.departed.utc == "2019-03-22T09:00:00.000Z" and f.departed.uncertainty_s == 43200
        assert "not tracked" in f.source_note


def test_cross_reference_gives_each_verdict_where_the_demo_means_it(built: dict) -> None:
    from casefile.xref import findings

    items = built["items"]
    with Case.open(built["case"], write=False) as case:
        def verdicts(name: str, kind: str) -> set[str]:
            return {f.verdict for f in findings(case, items[name]) if f.kind == kind}

        assert verdicts("demo-01-an124-on-apron.jpg", "photo-aircraft") == {"consistent"}
        assert verdicts("demo-03-an124-time-airborne.jpg", "photo-aircraft") == {"inconsistent"}
        # inside the ocean gap, yet the positions either side of it put Maiquetia out of reach
        assert verdicts("demo-04-an124-in-coverage-gap.jpg", "photo-aircraft") == {"inconsistent"}
        (gap,) = [f for f in findings(case, items["demo-04-an124-in-coverage-gap.jpg"])
                  if f.kind == "photo-aircraft"]
        assert "kt its type can make good" in gap.explanation
        assert verdicts("demo-07-bogus-gps.jpg", "photo-aircraft") == {"consistent"}
        claims = [f for f in findings(case) if f.kind == "claim-flights"]
        assert len(claims) >= 4
        assert verify_case(case, record=False).ok


def test_recycled_photo_and_circular_reporting_each_have_their_finding(built: dict) -> None:
    from casefile.xref import findings

    recycled = built["items"]["demo-13-an124-recycled-2015.jpg"]
    with Case.open(built["case"], write=False) as case:
        mine = findings(case, recycled)
        (pc,) = [f for f in mine if f.kind == "photo-claim"]
        assert pc.verdict == "inconsistent" and "an older photo" in pc.explanation
        assert "3.8 years" in pc.explanation
        (pub,) = [f for f in mine if f.kind == "time-photo-after-source"]
        assert pub.verdict == "inconsistent" and pub.explanation.startswith("An older photo")
        every = findings(case)
        bombers = [f for f in every if f.kind == "claim-flights"
                   and "bombers" in f.inputs["claim"]["text"]]
        assert len(bombers) == 1 and bombers[0].verdict == "undetermined"
        assert "Not independently checked" in bombers[0].explanation
        troops = [f for f in every if f.kind == "claim-flights"
                  and f.inputs["claim"]["kind"] == "personnel"]
        assert len(troops) == 1 and "at most show that the flight happened" in troops[0].explanation
        # no finding is consistent on records that come only from the claim's own source
        for f in every:
            if f.kind in ("claim-flights", "photo-claim") and f.verdict == "consistent":
                assert f.inputs["independent_records"], f.explanation
            assert f.confidence_note.startswith("Confidence"), f.kind


def test_report_shows_every_verdict_and_every_check(built: dict) -> None:
    from casefile.photos import query as pq

    text = " ".join(" ".join(p.extract_text() or "" for p in PdfReader(built["report"]).pages).split())
    for verdict in ("consistent", "inconsistent", "undetermined"):
        assert re.search(rf"\b{verdict}\b", text, re.IGNORECASE), verdict
    from casefile.report.sections.photos import check_name

    with Case.open(built["case"], write=False) as case:
        titles: dict[str, set[str]] = {}
        results: dict[str, list] = {}
        for fs in pq.all_photo_checks(case).values():
            for f in fs:
                titles.setdefault(f.check_id, set()).add("".join(f.title.split()))
                results.setdefault(f.check_id, []).append(f)
    # a check whose title differs per photo (it names the other photo) is listed once by its name
    for cid, fs in results.items():
        titles[cid].add("".join(check_name(fs).split()))
    assert len(titles) >= 19
    # table cells wrap long file names mid-word, so compare with all white space removed
    flat = "".join(text.split())
    missing = {cid: ts for cid, ts in titles.items() if not any(t in flat for t in ts)}
    assert not missing, f"check titles not in the PDF: {missing}"


def test_a_second_demo_never_touches_the_first(built: dict) -> None:
    from casefile.demo.builder import build_demo

    first = Path(built["case"])
    with Case.open(first, write=False) as case:
        before = case.events()[-1]["hash"]
    again = build_demo(built["folder"], say=lambda s: None)
    assert again.case_path.name == "caracas-2019-demo-2.casefile"
    assert again.inputs.name == "caracas-2019-demo-2-inputs"
    with Case.open(first, write=False) as case:
        assert case.events()[-1]["hash"] == before


def test_the_article_text_is_not_shipped(scenario: Path) -> None:
    words = re.findall(r"\w+", (scenario / "article-2019-03-24.txt").read_text(encoding="utf-8").lower())
    shingles = {" ".join(words[i:i + 7]) for i in range(len(words) - 6)}
    for path in DEMO_PKG.rglob("*.py"):
        ours = " ".join(re.findall(r"\w+", path.read_text(encoding="utf-8").lower()))
        copied = [s for s in shingles if s in ours]
        assert not copied, f"{path.name} repeats the article word for word: {copied[:3]}"


def test_an_unwritable_folder_is_a_one_line_error(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    rc = main(["demo", "--dir", str(blocker / "demo"), "--no-gui"])
    err = capsys.readouterr().err.strip().splitlines()
    assert rc == 1
    assert err[-1].startswith("casefile: error: ") and str(blocker) in err[-1]


def test_the_demo_edits_are_commands_in_the_history_that_undo_takes_back(
        built: dict, tmp_path: Path) -> None:
    import shutil

    from casefile.commands import history, undo
    from casefile.flights.query import reported_flights

    copy = tmp_path / "copy.casefile"            # the shared demo case stays as built
    shutil.copytree(built["case"], copy, ignore=shutil.ignore_patterns("case.lock"))
    with Case.open(copy) as case:
        made = [e.command for e in history(case)]
        assert (made.count("source.add"), made.count("claim.add"), made.count("entity.add"),
                made.count("flight.add")) == (2, len(CLAIMS), 5, 3)
        assert {"photo.tag", "photo.place", "source.relate", "claim.link"} <= set(made)
        assert all(e.state == "in effect" for e in history(case))
        last = history(case)[-1]
        assert last.command == "flight.add" and "strategic bombers" in last.params["aircraft"]
        undo(case)
        assert [f.aircraft_ref for f in reported_flights(case)] == ["Il-62", "An-124"]
        assert verify_case(case).ok
