"""The reference scenario through the CLI: import the article as a source, grade it and the sources
it cites, record its claims with grades, see suggested entities, search; bad input writes nothing."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from casefile.cli import main

CCS = "America/Caracas"
MSK = "Europe/Moscow"


class Cli:
    def __init__(self, case: Path, capsys: pytest.CaptureFixture[str]) -> None:
        self.case = str(case)
        self.capsys = capsys

    def __call__(self, *args: str, ok: bool = True) -> tuple[int, str, str]:
        rc = main([args[0], *args[1:]] if args[0] == "new" else [*args[:2], self.case, *args[2:]]
                  if args[0] in ("source", "claim", "entity", "note", "tag") else
                  [args[0], self.case, *args[1:]])
        out, err = self.capsys.readouterr()
        if ok:
            assert rc == 0, err
        return rc, out, err

    def json(self, *args: str) -> object:
        return json.loads(self(*args, "--json")[1])

    def events(self) -> int:
        return len(self.json("log"))


@pytest.fixture
def cli(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Cli:
    case = tmp_path / "caracas.casefile"
    assert main(["new", str(case), "--title", "Caracas, March 2019"]) == 0
    capsys.readouterr()
    return Cli(case, capsys)


def _article(scenario: Path) -> Path:
    path = scenario / "article-2019-03-24.txt"
    if not path.is_file():
        pytest.skip("scenario article missing")
    return path


def test_scenario_sources_claims_grades_and_suggested_entities(cli: Cli, scenario: Path):
    art = cli.json("source", "add", str(_article(scenario)), "--kind", "news-article",
                   "--grade", "C", "--rationale", "mixes attributed reporting, unattributed "
                   "assertions and opinion", "--accept-suggested")
    assert art["reliability"] == "C" and len(art["capture_item_ids"]) == 1
    assert art["published"]["raw"] == "2019-03-24"
    assert art["published"]["zone"] == CCS and art["published"]["basis"] == "location-tz"
    assert art["suggestions_applied"]["published_zone"] == CCS

    cited = {}
    for key, kind, grade, title in (
            ("fr24", "flight-tracker-page", "B", "Flightradar24 (as cited by the article)"),
            ("local", "other", "F", "Local journalists (unnamed, as cited)"),
            ("tweet", "social-media-post", "F", "@Capt_Navy post, 24 March 2019"),
            ("mayorca", "social-media-post", "C", "Javier Mayorca on Twitter"),
            ("adsbx", "flight-tracker-page", "B", "ADS-B Exchange (as cited by the article)")):
        cited[key] = cli.json("source", "add", "--kind", kind, "--grade", grade, "--title", title,
                              "--rationale", "cited second-hand in the article")["id"]
    a = art["id"]
    claims = [  # README items 1-6 (item 6 holds three separate background claims)
        ("1", ["Il-62 and An-124 left Chkalovsky for Caracas, stopping in Syria", "--when",
               "2019-03-22", "--tz", MSK, "--place", "UUMU", "--kind", "departure", "--aircraft",
               "IL62", "--aircraft", "A124", "--grade", "3", "--source", a, "--source",
               cited["fr24"]]),
        ("2", ["Two Russian Air Force planes landed at Maiquetía with a defence official and "
               "nearly 100 troops", "--when", "2019-03-23", "--tz", CCS, "--place", "SVMI",
               "--kind", "arrival", "--grade", "3", "--source", a, "--source", cited["local"]]),
        ("3", ["Photo of the 🇷🇺#RussianAF Antonov An-124 airplane in #Caracas 🇻🇪#Venezuela "
               "today, March 23 2019", "--quoted", "--when", "2019-03-23", "--tz", CCS,
               "--place", "Caracas", "--kind", "presence", "--aircraft", "A124", "--grade", "4",
               "--source", a, "--source", cited["tweet"]]),
        ("4", ["The first plane carried Vasily Tonkoshkurov, chief of staff of the ground forces; "
               "the second carried 35 tonnes of material", "--when", "2019-03-23", "--tz", CCS,
               "--kind", "personnel", "--grade", "3", "--source", a, "--source",
               cited["mayorca"]]),
        ("5", ["The cargo plane left Caracas on Sunday afternoon", "--start", "2019-03-24T12:00",
               "--end", "2019-03-24T18:00", "--tz", CCS, "--place", "CCS", "--kind",
               "departure", "--aircraft", "A124", "--grade", "2", "--source", a, "--source",
               cited["adsbx"]]),
        ("6", ["Two Russian strategic bombers landed in Venezuela", "--start", "2018-12-01",
               "--end", "2018-12-31", "--tz", CCS, "--place", "Venezuela", "--kind",
               "arrival", "--grade", "2", "--source", a]),
        ("6", ["Russia sent some 300 tonnes of humanitarian aid", "--start", "2019-02-01",
               "--end", "2019-02-28", "--tz", CCS, "--kind", "cargo", "--grade", "3",
               "--source", a]),
        ("6", ["The burned aid convoy contained military supplies provided by the United States",
               "--start", "2019-02-01", "--end", "2019-02-28", "--tz", CCS, "--kind", "other",
               "--grade", "6", "--source", a, "--note", "unattributed, no support given"]),
    ]
    ids = {}
    for n, args in claims:
        ids.setdefault(n, []).append(cli.json("claim", "add", *args)["id"])
    listed = cli.json("claim", "list")
    assert len(listed) == 8 and {n for n in ids} == {"1", "2", "3", "4", "5", "6"}
    by_id = {c["id"]: c for c in listed}
    c1, c2, c5 = by_id[ids["1"][0]], by_id[ids["2"][0]], by_id[ids["5"][0]]
    # Friday in Moscow (UTC+3) / Saturday and Sunday afternoon in Caracas (UTC-4), in UTC
    assert (c1["window_start"]["utc"], c1["window_end"]["utc"]) == (
        "2019-03-21T21:00:00.000Z", "2019-03-22T20:59:59.999Z")
    assert c2["window_start"]["utc"] == "2019-03-23T04:00:00.000Z" and c2["place_icao"] == "SVMI"
    assert (c5["window_start"]["utc"], c5["window_end"]["utc"], c5["place_icao"]) == (
        "2019-03-24T16:00:00.000Z", "2019-03-24T22:00:00.000Z", "SVMI")
    assert c1["source_ids"] == [a, cited["fr24"]] and c1["aircraft_refs"] == ["IL62", "A124"]
    assert [by_id[i]["credibility"] for n in "123456" for i in ids[n]] == [3, 3, 4, 3, 2, 2, 3, 6]
    assert by_id[ids["3"][0]]["quoted"] and "🇷🇺#RussianAF" in by_id[ids["3"][0]]["text"]
    assert len(cli.json("claim", "list", "--source", cited["fr24"])) == 1

    shown = cli.json("source", "show", a)
    assert len(shown["claims"]) == 8
    found = {(m["kind"], m["value"]) for m in shown["mentions"]}
    assert {("aircraft-type", "An-124"), ("aircraft-type", "Il-62"), ("airport", "UUMU"),
            ("airport", "SVMI"), ("person", "Vasily Tonkoshkurov")} <= found
    human = cli("source", "mentions", a)[1]
    assert "Vasily Tonkoshkurov" in human and "UUMU" in human

    # the analyst confirms an entity, links evidence, sets a status
    accepted = cli.json("source", "mentions", a, "--accept", "Vasily Tonkoshkurov", "--accept",
                        "UUMU", "--accept", "svmi", "--accept", "An-124", "--accept", "Il-62")
    made = {m["value"]: m["entity"] for m in accepted if "entity" in m}
    assert made["UUMU"]["kind"] == "place" and made["UUMU"]["tz"] == "Europe/Moscow"
    assert made["SVMI"]["ref"] == "SVMI" and "CCS" in made["SVMI"]["aliases"]
    assert made["An-124"]["ref"] == "A124" and "Antonov AN-124" in made["An-124"]["aliases"]
    assert made["Il-62"]["ref"] == "IL62"
    person = made["Vasily Tonkoshkurov"]
    assert person["kind"] == "person" and all(m["created"] for m in made.values())
    again = cli.json("source", "mentions", a, "--accept", "UUMU")
    assert not next(m for m in again if m["value"] == "UUMU")["entity"]["created"]
    assert len(cli.json("entity", "list")) == 5
    cli("entity", "alias", person["id"], "Василий Тонкошкуров")
    cli("claim", "edit", ids["4"][0], "--entity", "Василий Тонкошкуров")  # by its alias
    cli("claim", "link", ids["2"][0], art["capture_item_ids"][0], "context", "--note", "the article")
    assert cli.json("claim", "status", ids["6"][2], "inconclusive",
                    "--reason", "no evidence either way")["status"] == "inconclusive"
    show4 = cli.json("claim", "show", ids["4"][0])
    assert show4["entity_ids"] == [person["id"]]
    assert show4["entities"][0]["name"] == "Vasily Tonkoshkurov"
    assert cli.json("claim", "show", ids["2"][0])["links"] == [
        {"item_id": art["capture_item_ids"][0], "item_ref": "D1", "relation": "context",
         "note": "the article"}]

    # search finds words across capture text, sources, claims, entities
    hits = cli.json("search", "Tonkoshkurov")
    assert {h["kind"] for h in hits} == {"capture", "claim", "entity"}
    assert {h["kind"] for h in cli.json("search", "Flightradar24")} == {"capture", "source"}
    assert cli("verify")[1].startswith("OK")



def test_an_accepted_suggestion_is_a_command_that_undo_takes_back(cli: Cli):
    assert "nothing to undo" in cli("undo", ok=False)[2]     # a new case has no edit yet
    s = cli.json("source", "add", "--title", "An-124 landed at Maiquetia (SVMI) from UUMU")["id"]
    accepted = cli.json("source", "mentions", s, "--accept", "SVMI", "--accept", "UUMU")
    made = {m["value"]: m["entity"] for m in accepted if "entity" in m}
    assert {v: e["created"] for v, e in made.items()} == {"SVMI": True, "UUMU": True}
    last = cli.json("history")[-2:]                 # one command per accepted value, in order
    assert [(e["command"], e["state"], e["params"]["value"]) for e in last] == [
        ("entity.accept", "in effect", "SVMI"), ("entity.accept", "in effect", "UUMU")]
    assert last[1]["records"] == [["entities", made["UUMU"]["id"]]]
    # accepting again finds the entity and records nothing
    again = cli.json("source", "mentions", s, "--accept", "UUMU")
    assert not next(m for m in again if m["value"] == "UUMU")["entity"]["created"]
    assert cli.json("history")[-1] == last[1]
    cli("undo")                                     # takes back UUMU, the last accepted
    assert [e["ref"] for e in cli.json("entity", "list")] == ["SVMI"]
    assert cli.json("history")[-1]["undoes"] == last[1]["seq"]
    cli("redo")                                     # the same entity again, same id
    assert {e["id"] for e in cli.json("entity", "list")} == {made["SVMI"]["id"], made["UUMU"]["id"]}
    assert cli("verify")[1].startswith("OK")

def test_bad_input_is_a_clear_error_and_writes_nothing(cli: Cli, tmp_path: Path):
    s = cli.json("source", "add", "--title", "A source")["id"]
    c = cli.json("claim", "add", "A claim", "--source", s)["id"]
    before = cli.events()
    bad = [
        (("source", "add", "--title", "x", "--grade", "G"), "reliability"),
        (("source", "grade", s, "7"), "A-F"),
        (("claim", "add", "x", "--source", s, "--grade", "7"), "1-6"),
        (("claim", "add", "x", "--source", s, "--grade", "C"), "1-6"),
        (("claim", "grade", c, "0"), "1-6"),
        (("claim", "add", "x", "--source", s, "--when", "Saturday-ish afternoon"), "cannot read"),
        (("claim", "add", "x", "--source", "NOSUCHSOURCE"), "no source"),
        (("claim", "link", c, "01ZZZZZZZZZZZZZZZZZZZZZZZZ", "supports"), "no item"),
        (("claim", "status", c, "true"), "not one of"),
        (("source", "add", str(tmp_path / "missing.html"), "--title", "x"), "missing.html"),
        (("source", "add", "--title", "x", "--published", "2019-13-45"), "cannot read"),
        (("note", "add", "NOSUCHTARGET", "text"), "NOSUCHTARGET"),
        (("source", "mentions", s, "--accept", "Nobody Atall"), "no suggestion"),
    ]
    for args, words in bad:
        rc, out, err = cli(*args, ok=False)
        assert rc != 0, args
        if args[:2] == ("claim", "status"):   # a fixed word is checked as a choice: a usage error
            assert rc == 2 and err.startswith("Usage:") and err.splitlines()[-1].startswith(
                "casefile: error:") and words in err.splitlines()[-1], err
            continue
        assert words in err and err.startswith("casefile: error:") and err.count("\n") == 1, err
    assert cli.events() == before
    assert len(cli.json("source", "list")) == 1 and len(cli.json("claim", "list")) == 1


def test_unusual_text_round_trips_through_cli_json(cli: Cli):
    text = "Ан-124 «Руслан» — עברית ‏RTL‎ — 🇷🇺✈️🇻🇪 — <b>bold?</b> & \"quotes\" 'single'"
    s = cli.json("source", "add", "--title", text, "--author", "محمد", "--kind", "social")
    assert cli.json("source", "list")[0]["title"] == text
    note = cli.json("note", "add", s["id"], text)
    assert cli.json("note", "list", s["id"])[0]["text"] == text == note["text"]
    cli("tag", "add", s["id"], "проверить", "aircraft:ra-82010")
    assert cli.json("tag", "list", s["id"])["tags"] == ["проверить", "aircraft:RA-82010"]
    assert {h["id"] for h in cli.json("search", "Руслан")} == {s["id"], note["id"]}
    ent = cli.json("entity", "list")
    assert ent == []
    cli("entity", "add", "place", "CCS")
    assert cli.json("entity", "list", "--kind", "place")[0]["ref"] == "SVMI"
    rc, out, _ = cli("tag", "list")
    assert "aircraft:RA-82010" in out


def test_saved_page_suggestions_are_shown_then_accepted(cli: Cli, tmp_path: Path):
    page = tmp_path / "saved page.html"
    page.write_text(
        '<html><head><meta property="og:title" content="Самолёты в Каракасе">'
        '<meta property="article:published_time" content="2019-03-24T14:05:00-04:00">'
        '<meta name="author" content="Jane Reporter"><meta property="og:site_name" '
        'content="Example News"><meta property="og:url" content="https://news.example/a">'
        "</head><body><p>Text</p></body></html>", encoding="utf-8")
    rc, out, _ = cli("source", "add", str(page), "--grade", "B")
    assert "suggested title: Самолёты в Каракасе" in out and "not applied" in out
    first = cli.json("source", "list")[0]
    assert first["title"] is None and first["published"] is None
    accepted = cli.json("source", "add", "--item", first["capture_item_ids"][0],
                        "--accept-suggested", "--author", "Analyst's own reading")
    assert accepted["title"] == "Самолёты в Каракасе" and accepted["publisher"] == "Example News"
    assert accepted["author"] == "Analyst's own reading"          # what the analyst typed wins
    assert accepted["url"] == "https://news.example/a"
    assert accepted["published"]["utc"] == "2019-03-24T18:05:00.000Z"
    assert accepted["published"]["basis"] == "source-stated"      # the page gave the offset
    suggestion = cli.json("source", "suggest", first["capture_item_ids"][0])
    assert suggestion["where"]["title"] == '<meta "og:title">'
    cli("claim", "add", "x", "--source", accepted["id"])
    rc, _, err = cli("claim", "source", cli.json("claim", "list")[0]["id"], accepted["id"],
                     "--remove", ok=False)
    assert rc == 2 and "--reason" in err


def test_source_with_page_and_screenshot_files(cli: Cli, scenario: Path, corpora: Path):
    shot = corpora / "exif-samples" / "jpg" / "gps" / "DSCN0012.jpg"
    src = cli.json("source", "add", str(_article(scenario)), str(shot), "--title", "with shot")
    roles = sorted(src["item_roles"].values())
    kinds = {i["kind"] for i in cli.json("items")}
    assert roles == ["capture", "screenshot" if "photo" in kinds else "attachment"]
    assert len(src["capture_item_ids"]) == 2                     # the page and the screenshot
