"""Issue 15 through the CLI, one test per case of its "Why": the scenario article as a source, its
claims, a real 2015 iPhone photo (Madrid GPS) re-posted as "today in Caracas", and the illustrative
readsb tracks casefile.demo generates along the reported route (labelled ILLUSTRATIVE)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from casefile.cli import main

CCS = "America/Caracas"
MSK = "Europe/Moscow"
CORPUS = Path(__file__).resolve().parents[2] / ".." / "shared" / "corpora" / "exif-samples"
#: A real photo: iPhone 6, 10 April 2015 20:12 local (GPS UTC 18:12), GPS in Madrid.
MADRID_2015 = CORPUS / "jpg" / "hdr" / "iphone_hdr_YES.jpg"
APRON = ("10.5987", "-66.9873")   # Maiquetía apron


class Cli:
    def __init__(self, case: Path, capsys: pytest.CaptureFixture[str]) -> None:
        self.case = str(case)
        self.capsys = capsys

    def __call__(self, *args: str) -> str:
        groups = ("source", "claim", "flight")
        argv = [*args[:2], self.case, *args[2:]] if args[0] in groups else [args[0], self.case,
                                                                           *args[1:]]
        rc = main(argv)
        out, err = self.capsys.readouterr()
        assert rc == 0, err
        return out

    def json(self, *args: str) -> Any:
        return json.loads(self(*args, "--json"))

    def findings(self) -> tuple[list[dict[str, Any]], list[str]]:
        d = self.json("xref")
        return d["findings"], d["problems"]


@pytest.fixture
def cli(tmp_path: Path, capsys: pytest.CaptureFixture[str], scenario: Path) -> Cli:
    from casefile.demo.flights import write_traces

    case = tmp_path / "caracas.casefile"
    assert main(["new", str(tmp_path / "caracas"), "--title", "Caracas, March 2019"]) == 0
    capsys.readouterr()
    c = Cli(case, capsys)
    c.json("add", *map(str, write_traces(tmp_path / "tracks")))
    c.json("source", "add", str(scenario / "article-2019-03-24.txt"), "--title",
           "Article, Caracas dateline", "--published", "2019-03-24", "--tz", CCS)   # S1
    return c


def _kind(findings: list[dict[str, Any]], kind: str, item: str) -> list[dict[str, Any]]:
    return [f for f in findings if f["kind"] == kind and item in f["item_ids"]]


def test_recycled_photo_is_an_older_photo_and_its_own_gps_is_shown(cli: Cli) -> None:
    if not MADRID_2015.is_file():
        pytest.skip("exif-samples corpus missing")
    photo = cli.json("add", str(MADRID_2015))["files"][0]["item_id"]
    cli("source", "add", "--kind", "social-media-post", "--title", "Post: An-124 in Caracas today",
        "--published", "2019-03-24", "--tz", CCS, "--item", f"{photo}:published-photo")   # S2
    claim = cli.json("claim", "add", "An-124 in Caracas today, 23 March 2019", "--kind", "presence",
                     "--when", "2019-03-23", "--tz", CCS, "--place", "Caracas", "--aircraft",
                     "An-124", "--source", "S2")["id"]
    cli("claim", "link", "C1", photo, "supports")
    cli("photo-place", photo, *APRON, "--note", "said to be the Maiquetía apron")
    shown = cli("photo", photo)
    assert "set by the analyst" in shown and "the file's own GPS" in shown
    assert "40.446972, -3.724753" in shown
    findings, _ = cli.findings()
    (pc,) = _kind(findings, "photo-claim", claim)
    assert pc["verdict"] == "inconsistent"
    assert "an older photo" in pc["explanation"] and "3.9 years" in pc["explanation"]
    assert "the analyst's place" in pc["inputs"]["photo"]["position_used"]
    (pub,) = _kind(findings, "time-photo-after-source", photo)
    assert pub["verdict"] == "inconsistent" and pub["explanation"].startswith("An older photo")
    (gps,) = _kind(findings, "photo-place-vs-gps", photo)
    assert gps["verdict"] == "inconsistent" and 6900 < gps["inputs"]["distance_km"] < 7100
    assert "UTC+2" in gps["explanation"]          # the camera clock says Madrid summer time
    assert all(f["verdict"] != "consistent" for f in _kind(findings, "photo-claim", photo))


def test_troops_claim_and_flights_typed_from_the_same_article_are_not_corroboration(cli: Cli) -> None:
    troops = cli.json("claim", "add", "Nearly 100 troops on board", "--kind", "personnel",
                      "--when", "2019-03-23", "--tz", CCS, "--place", "SVMI", "--source", "S1")["id"]
    for ac in ("A124", "IL62"):
        cli("flight", "add", "--aircraft", ac, "--from", "UUMU", "--to", "SVMI", "--departed",
            "2019-03-22", "--departed-tz", MSK, "--arrived", "2019-03-23", "--arrived-tz", CCS,
            "--source", "S1")
    # a rewrite of the article, and an arrival back at Chkalovsky only it and the article report
    cli("source", "add", "--title", "Rewrite of the article", "--published", "2019-03-26",
        "--tz", MSK)                                                                      # S2
    assert "not independent" in cli("source", "relate", "S2", "derived-from", "S1")
    back = cli.json("claim", "add", "The cargo plane landed back at Chkalovsky on 25 March",
                    "--kind", "arrival", "--when", "2019-03-25", "--tz", MSK, "--place", "UUMU",
                    "--aircraft", "Ruslan", "--source", "S1")["id"]
    cli("flight", "add", "--aircraft", "An-124", "--from", "SVMI", "--to", "UUMU", "--arrived",
        "2019-03-25", "--arrived-tz", MSK, "--source", "S2")
    findings, problems = cli.findings()
    assert not _kind(findings, "claim-flights", troops)
    assert any("Nearly 100 troops" in p and "names no aircraft" in p for p in problems)
    (f,) = _kind(findings, "claim-flights", back)
    assert f["verdict"] == "undetermined" and "Not independently checked" in f["explanation"]
    assert "Rewrite of the article" in f["explanation"]
    # named: the flight happened (tracked, independent), but a landing cannot confirm a troop count
    cli("claim", "edit", "C1", "--aircraft", "An-124")
    findings, _ = cli.findings()
    (t,) = _kind(findings, "claim-flights", troops)
    assert t["verdict"] == "undetermined" and "at most show that the flight happened" in t["explanation"]
    for f in findings:
        if f["kind"] == "claim-flights" and f["verdict"] == "consistent":
            assert f["inputs"]["independent_records"], f["explanation"]


def test_reported_flight_keeps_its_aircraft_and_a_type_claim_matches_its_tracks(cli: Cli) -> None:
    rf = cli.json("flight", "add", "--aircraft", "A124", "--from", "UUMU", "--to", "SVMI",
                  "--arrived", "2019-03-23", "--arrived-tz", CCS, "--source", "S1")
    assert rf["aircraft_ref"] == "A124" and rf["aircraft_type"] == "A124"
    (leg,) = [leg for leg in cli.json("flights")["legs"] if leg["reported"]]
    assert leg["aircraft_ref"] == "A124"
    table = cli("flights")
    row = next(line for line in table.splitlines() if "reported" in line)
    assert row.split()[0] == "A124" and "the whole day in America/Caracas" in row
    arrival = cli.json("claim", "add", "The An-124 landed at Maiquetía", "--kind", "arrival",
                       "--when", "2019-03-23", "--tz", CCS, "--place", "SVMI", "--aircraft",
                       "An-124", "--source", "S1")["id"]
    findings, _ = cli.findings()
    (f,) = _kind(findings, "claim-flights", arrival)
    assert f["verdict"] == "consistent"
    assert f["inputs"]["aircraft_named"][0] | {"aircraft": None} == {
        "typed": "An-124", "resolved_to": "type", "type": "A124", "type_name": "An-124",
        "aircraft": None}
    assert "Rests on:" in f["explanation"] and f["confidence_note"].startswith("Confidence")


def test_syria_caracas_and_unplaceable_claims_are_each_accounted_for(cli: Cli) -> None:
    syria = cli.json("claim", "add", "Both flew to Caracas via Syria", "--kind", "transit",
                     "--start", "2019-03-22", "--end", "2019-03-23", "--tz", MSK, "--place",
                     "Syria", "--aircraft", "Il-62", "--source", "S1")["id"]
    caracas = cli.json("claim", "add", "The An-124 was in Caracas", "--kind", "presence",
                       "--when", "2019-03-23", "--tz", CCS, "--place", "Caracas", "--aircraft",
                       "An-124", "--source", "S1")["id"]
    cli("claim", "add", "Aid arrived", "--kind", "cargo", "--place", "SVMI", "--aircraft", "A124",
        "--source", "S1")
    cli("claim", "add", "Russia sent aid before", "--source", "S1")
    findings, problems = cli.findings()
    (s,) = _kind(findings, "claim-flights", syria)
    assert s["verdict"] == "consistent" and s["inputs"]["claim"]["place"]["kind"] == "country"
    (c,) = _kind(findings, "claim-flights", caracas)
    assert c["verdict"] == "consistent" and c["inputs"]["claim"]["place"]["kind"] == "city"
    assert any("'Aid arrived'" in p and "no time" in p for p in problems)
    assert any("'Russia sent aid before'" in p and "kind is 'other'" in p for p in problems)


def test_dates_are_whole_local_days_and_each_end_has_its_zone(cli: Cli) -> None:
    c = cli.json("claim", "add", "Landed on 23 March", "--kind", "arrival", "--when", "2019-03-23",
                 "--tz", CCS, "--place", "SVMI", "--source", "S1")
    assert c["when"] == ("2019-03-23, the whole day in America/Caracas "
                         "(2019-03-23 04:00 UTC to 2019-03-24 03:59 UTC)")
    assert "16:00" not in cli("claim", "list")
    rf = cli.json("flight", "add", "--aircraft", "IL62", "--from", "UUMU", "--to", "SVMI",
                  "--departed", "2019-03-22", "--departed-tz", MSK, "--arrived", "2019-03-23",
                  "--arrived-tz", CCS)
    assert rf["departed"]["zone"] == MSK and rf["arrived"]["zone"] == CCS
    assert rf["departed_when"].startswith("2019-03-22, the whole day in Europe/Moscow")
    events = cli.json("timeline")["events"]
    (landing,) = [e for e in events if e["kind"] == "reported-landing"]
    assert landing["uncertainty_s"] == pytest.approx(12 * 3600)
    assert "known only to this window" in landing["display"] and "04:00:00 UTC" in landing["display"]


def test_a_transit_names_its_leg_on_the_command_line(cli: Cli, capsys: pytest.CaptureFixture[str]) -> None:
    d = cli.json("claim", "add", "flew over the Atlantic from Moscow to Caracas", "--source", "S1",
                 "--kind", "transit", "--place", "Venezuela", "--leg-from", "Moscow", "--leg-to",
                 "SVMI")
    assert (d["leg_from"], d["leg_to"]) == ("Moscow", "SVMI")
    assert "leg         from Moscow to SVMI" in cli("claim", "show", d["ref"])
    rc = main(["claim", "edit", cli.case, d["ref"], "--leg-to", "Atlantis Qqq"])
    err = capsys.readouterr().err
    assert rc != 0 and "leg_to" in err and "Atlantis Qqq" in err
