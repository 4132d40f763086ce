"""Naming things as people do, through the CLI: short references, file names, registrations and
names work wherever an id does; mistakes get "did you mean"; listings and --json show refs."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from casefile.cli import main


class Run:
    def __init__(self, case: str, capsys: pytest.CaptureFixture[str]) -> None:
        self.case, self.capsys = case, capsys

    def __call__(self, *argv: str, code: int = 0) -> tuple[str, str]:
        """Run `casefile ARGV` with CASE put after the (sub)command; check the exit code."""
        groups = ("source", "claim", "entity", "note", "tag", "flight")
        n = 2 if argv[0] in groups else 1
        rc = main([*argv[:n], self.case, *argv[n:]])
        out, err = self.capsys.readouterr()
        assert rc == code, (argv, rc, out, err)
        return out, err

    def json(self, *argv: str) -> object:
        return json.loads(self(*argv, "--json")[0])


@pytest.fixture
def run(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Run:
    assert main(["new", str(tmp_path / "r"), "--title", "refs", "--tz", "America/Caracas"]) == 0
    capsys.readouterr()
    return Run(str(tmp_path / "r.casefile"), capsys)


@pytest.fixture
def files(corpora: Path, scenario: Path) -> dict[str, Path]:
    out = {"track": corpora / "flights" / "readsb" / "trace_full_ac134a.json",
           "photo": corpora / "exif-samples" / "jpg" / "Canon_40D.jpg",
           "article": scenario / "article-2019-03-24.txt"}
    for p in out.values():
        if not p.is_file():
            pytest.skip(f"{p} missing")
    return out


def test_items_by_file_name_and_reference(run: Run, files: dict[str, Path]) -> None:
    added = run.json("add", str(files["track"]), str(files["photo"]), "--workers", "1")
    by_name = {Path(f["path"]).name: f for f in added["files"]}
    assert by_name["trace_full_ac134a.json"]["ref"] == "F1"
    assert by_name["Canon_40D.jpg"]["ref"] == "P1"
    items = run.json("items")
    assert {i["ref"] for i in items} == {"F1", "P1"}
    assert all(list(i)[:2] == ["id", "ref"] for i in items)        # ref right after the id
    out, _ = run("items")
    assert "F1" in out and "P1" in out and items[0]["id"] not in out   # people read refs, not ids

    src = run.json("source", "add", "--title", "ADS-B Exchange trace")
    assert src["ref"] == "S1"
    claim = run.json("claim", "add", "N8774Q landed at KDJT", "--source", "S1")
    assert claim["ref"] == "C1" and claim["source_ids"] == [src["id"]]
    # the item named by its file name (the issue's "no item" case), the claim by its reference
    link = run.json("claim", "link", "C1", "trace_full_ac134a.json", "supports")
    assert link["item_ref"] == "F1" and link["item_id"] == by_name["trace_full_ac134a.json"]["item_id"]
    out, _ = run("claim", "show", "c1")
    assert "supports    F1 trace_full_ac134a.json" in out and "source      S1" in out
    photo = run.json("photo", "P1")
    assert photo["ref"] == "P1" and photo["original_name"] == "Canon_40D.jpg"
    assert run.json("log", "--item", "canon_40d.jpg")[0]["item_ref"] == "P1"


def test_copy_mistakes_get_did_you_mean(run: Run, files: dict[str, Path]) -> None:
    a = run.json("source", "add", "--title", "Reuters article")["id"]
    run.json("source", "add", "--title", "Tass report")
    typo = a[:-1] + ("X" if a[-1] != "X" else "Y")                  # the last character wrong
    _, err = run("claim", "add", "x", "--source", typo, code=1)
    assert f"no source '{typo}'" in err and "did you mean S1 Reuters article" in err
    _, err = run("source", "show", "S7", code=1)
    assert "did you mean" in err and "S2" in err and "S1" in err
    _, err = run("claim", "show", "C1", code=1)
    assert "no claim 'C1': the case has none yet" in err
    # two entities whose ids differ only at the end are told apart by reference or name
    e1 = run.json("entity", "add", "person", "Vasily Tonkoshkurov")
    e2 = run.json("entity", "add", "person", "Vladimir Padrino")
    assert (e1["short_ref"], e2["short_ref"]) == ("E1", "E2")
    assert run.json("entity", "alias", "E2", "Padrino López")["id"] == e2["id"]
    assert run.json("entity", "alias", "padrino lópez", "V. Padrino")["id"] == e2["id"]


def test_a_missing_entity_says_how_to_record_it(run: Run) -> None:
    run.json("source", "add", "--title", "A source")
    _, err = run("claim", "add", "x", "--source", "S1", "--entity", "Vasily Tonkoshkurov", code=1)
    assert "no entity 'Vasily Tonkoshkurov'" in err
    assert 'casefile entity add CASE person|organisation|aircraft|place "Vasily Tonkoshkurov"' in err
    assert err.count("\n") == 1


def test_registration_names_an_entity_and_an_aircraft(run: Run, files: dict[str, Path]) -> None:
    run("add", str(files["track"]), "--workers", "1")
    run.json("entity", "add", "aircraft", "Pilatus PC-12 of the survey", "--ref", "N8774Q")
    note = run.json("note", "add", "N8774Q", "seen on the apron")
    assert note["target_ref"] == "E1"
    _, err = run("where", "--aircraft", "N8774X", "--at", "2024-08-12T02:50Z", code=1)
    assert "no aircraft 'N8774X'" in err and "did you mean N8774Q" in err
    # the flight record's reference and the aircraft entity's reference name the aircraft too
    by_reg = run.json("where", "--aircraft", "N8774Q", "--at", "2024-08-12T02:50Z")
    assert run.json("where", "--aircraft", "F1", "--at", "2024-08-12T02:50Z") == by_reg
    assert run.json("where", "--aircraft", "E1", "--at", "2024-08-12T02:50Z") == by_reg
    assert run.json("flights", "--aircraft", "F1")["aircraft"][0]["registration"] == "N8774Q"


def test_a_time_without_zone_says_which_zone_was_used(run: Run, files: dict[str, Path]) -> None:
    run("add", str(files["track"]), "--workers", "1")
    # the case's default zone is Caracas; the aircraft is American: the output says what was done
    out, _ = run("where", "--aircraft", "N8774Q", "--at", "2024-08-12 02:30")
    assert "'2024-08-12 02:30' has no zone: read in America/Caracas, the case's default zone" in out
    w = run.json("where", "--aircraft", "N8774Q", "--at", "2024-08-12 02:30")
    assert w["time"]["basis"] == "case-default" and w["time"]["utc"] == "2024-08-12T06:30:00.000Z"
    out, _ = run("where", "--aircraft", "N8774Q", "--at", "2024-08-12T02:30Z")
    assert "no zone" not in out
    run.json("source", "add", "--title", "s")
    out, _ = run("claim", "add", "landed", "--source", "S1", "--when", "2024-08-11 22:50")
    assert "read in America/Caracas, the case's default zone" in out


def test_search_tag_and_xref_rows_carry_refs(run: Run, files: dict[str, Path]) -> None:
    run("add", str(files["photo"]), "--workers", "1")
    run("tag", "add", "P1", "apron", "aircraft:yv-3016")
    assert run.json("tag", "list", "Canon_40D.jpg")["target_ref"] == "P1"
    listed = {r["tag"]: r["count"] for r in run.json("tag", "list")}
    assert listed == {"apron": 1, "aircraft:YV-3016": 1}           # aircraft tags listed too
    assert run.json("tag", "list", "--tag", "aircraft:YV-3016")[0]["target_ref"] == "P1"
    out, _ = run("tag", "list", "--tag", "apron")
    assert "P1 Canon_40D.jpg" in out
