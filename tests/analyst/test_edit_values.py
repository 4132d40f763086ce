"""An edit's changes come by field name from the window's forms, the CLI and commands; a value of
the wrong kind is refused naming its field, and nothing is written."""

from __future__ import annotations

import pytest

from casefile.analyst.claims import add_claim, edit_claim, get_claim
from casefile.analyst.sources import add_source, edit_source, get_source
from casefile.errors import InvalidInput


def test_a_claim_edit_with_a_value_of_the_wrong_kind_names_the_field(fresh_case) -> None:
    c = add_claim(fresh_case, "An-124 landed at Caracas", when="2019-03-23", place_ref="SVMI")
    head = fresh_case.head()
    for changes, field in (({"status": 3}, "status"), ({"text": ["two", "words"]}, "text"),
                           ({"aircraft_refs": "RA-82010"}, "aircraft_refs"),
                           ({"credibility": 2.5}, "credibility")):
        with pytest.raises(InvalidInput) as err:
            edit_claim(fresh_case, c.id, changes)
        assert err.value.field == field
    assert fresh_case.head() == head
    edit_claim(fresh_case, c.id, {"status": "corroborated", "aircraft_refs": ["RA-82010"]})
    got = get_claim(fresh_case, c.id)
    assert (got.status, got.aircraft_refs) == ("corroborated", ["RA-82010"])


def test_a_source_edit_takes_archive_addresses_as_a_list(fresh_case) -> None:
    s = add_source(fresh_case, title="Reuters", url="https://example.org/a")
    with pytest.raises(InvalidInput) as err:
        edit_source(fresh_case, s.id, {"archive_urls": "https://web.archive.org/x"})
    assert err.value.field == "archive_urls"
    edit_source(fresh_case, s.id, {"archive_urls": ["https://web.archive.org/x"], "title": "AP"})
    got = get_source(fresh_case, s.id)
    assert (got.title, got.archive_urls) == ("AP", ["https://web.archive.org/x"])
