"""One resolver (casefile.store.resolve) for what a person types to name a record: references,
names, ids, id and SHA-256 prefixes, with did-you-mean; the store, the analyst part, notes and
tags, reported flights, aircraft and the CLI all go through it."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

import casefile
from casefile.analyst.claims import add_claim
from casefile.analyst.inputs import resolve_id
from casefile.analyst.notes import add_note
from casefile.analyst.sources import add_source
from casefile.errors import InvalidInput, UnknownReference
from casefile.importers.pipeline import import_paths
from casefile.store import Case
from casefile.store.resolve import resolve


@pytest.fixture
def case(fresh_case: Case, corpora: Path) -> Case:
    photos = sorted((corpora / "exif-samples").rglob("*.jpg"))[:3]
    for p in photos:
        import_paths(fresh_case, [p], workers=1)
    return fresh_case


def test_every_way_of_naming_an_item_reaches_the_same_record(case: Case) -> None:
    rows = case.items()
    first = rows[0]
    for said in (first["id"], "P1", "p-1", first["original_name"], first["sha256"],
                 first["sha256"][:12], first["id"][:10], first["id"][-8:]):
        assert case.resolve_item(said)["id"] == first["id"], said
        assert resolve(case, said, "PFD") == first["id"], said


def test_a_misspelt_name_or_reference_gets_did_you_mean_everywhere(case: Case) -> None:
    name = case.items()[0]["original_name"]
    wrong = name[:-5] + "x" + name[-4:]
    with pytest.raises(UnknownReference) as err:
        case.resolve_item(wrong)
    assert "did you mean" in str(err.value) and name[:20] in str(err.value)
    s = add_source(case, title="Reuters article on the landing")
    add_claim(case, "An An-124 landed", when="2019-03-23", tz="UTC", source_ids=[s.id])
    with pytest.raises(UnknownReference) as err:
        resolve_id(case, "sources", "Reuters article on the landin")
    assert "did you mean S1 Reuters article on the landing" in str(err.value)
    with pytest.raises(UnknownReference) as err:
        resolve_id(case, "claims", "C9")
    assert err.value.suggestions == ["C1"]
    with pytest.raises(UnknownReference) as err:       # a note on something not in the case
        add_note(case, "P9", "looks staged")
    assert "did you mean P3" in str(err.value)


def test_a_note_target_is_named_like_anything_else(case: Case) -> None:
    s = add_source(case, title="Post with a photo")
    by_title = add_note(case, "Post with a photo", "archived twice")
    by_ref = add_note(case, "S1", "same source")
    by_file = add_note(case, case.items()[1]["original_name"], "a photo")
    assert by_title["target_id"] == by_ref["target_id"] == s.id
    assert by_title["target_kind"] == "source" and by_file["target_kind"] == "item"


def test_nothing_or_an_ambiguous_prefix_is_refused_with_the_candidates(case: Case) -> None:
    with pytest.raises(InvalidInput):
        resolve(case, "", "PFD")
    ids = [r["id"] for r in case.items()]       # ULIDs made close together share their time part
    common = next(ids[0][:n] for n in range(10, 0, -1) if all(i.startswith(ids[0][:n]) for i in ids))
    if len(common) >= 6:
        with pytest.raises(InvalidInput, match="give more characters"):
            resolve(case, common, "PFD")


def test_no_second_resolver_in_the_code() -> None:
    """Prefix matching and did-you-mean live in store/resolve.py only."""
    root = Path(casefile.__file__).parent
    offenders = []
    for path in root.rglob("*.py"):
        if path.name == "resolve.py" and path.parent.name == "store":
            continue
        text = path.read_text(encoding="utf-8")
        if re.search(r"id LIKE \? OR id LIKE \?|get_close_matches|def resolve_item\(.*\n(.*\n){0,3}.*LIKE",
                     text):
            offenders.append(str(path.relative_to(root)))
    assert offenders == []
