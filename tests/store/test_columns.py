"""Column files: every value (and every "no value") comes back as written; bad data is refused."""

from __future__ import annotations

import math

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from casefile.errors import CasefileError
from casefile.store import columns

SPEC = (("x", "f8"), ("flag", "b1"), ("name", "str"))

rows = st.lists(st.tuples(st.none() | st.floats(allow_nan=False, allow_infinity=False),
                          st.none() | st.booleans(), st.none() | st.text(max_size=5)), max_size=40)


@given(rows)
@example([(-0.0, None, None), (0.0, True, "")])
def test_round_trip(rs: list[tuple]) -> None:
    data = columns.encode(SPEC, {n: [r[k] for r in rs] for k, (n, _) in enumerate(SPEC)}, len(rs))
    cols = columns.decode(data)
    assert cols.rows == len(rs)
    back = list(zip(*(cols.column(n) for n, _ in SPEC), strict=True)) if rs else []
    assert back == rs
    assert [tuple(cols.value(n, i) for n, _ in SPEC) for i in range(len(rs))] == rs
    assert all(math.copysign(1, a) == 1 for a in cols.column("x") if a == 0)  # -0.0 stored as 0.0


@pytest.mark.parametrize("bad", [math.nan, math.inf, -math.inf])
def test_non_finite_numbers_are_refused(bad: float) -> None:
    with pytest.raises(ValueError, match="column x: NaN or infinite"):
        columns.encode(SPEC, {"x": [1.0, bad, None], "flag": [None] * 3, "name": [None] * 3}, 3)


def test_wrong_kinds_of_values_are_refused() -> None:
    with pytest.raises(ValueError, match="column name: text values must be strings"):
        columns.encode(SPEC, {"x": [1.0], "flag": [True], "name": [7]}, 1)
    with pytest.raises(ValueError, match="column flag: flags must be"):
        columns.encode(SPEC, {"x": [1.0], "flag": ["yes"], "name": [None]}, 1)
    with pytest.raises(ValueError, match="column x: 1 values for 2 rows"):
        columns.encode(SPEC, {"x": [1.0], "flag": [True, None], "name": [None, None]}, 2)


def test_damaged_files_are_named() -> None:
    data = columns.encode(SPEC, {"x": [1.0, 2.0], "flag": [True, False], "name": ["a", None]}, 2)
    with pytest.raises(CasefileError, match="not a Casefile column file"):
        columns.decode(b"PK" + data, where="x.bin")
    with pytest.raises(CasefileError, match="damaged column file"):
        columns.decode(data.replace(b'"rows":2', b'"rows":3'), where="x.bin")
    with pytest.raises(CasefileError, match="damaged column file"):
        columns.decode(data[:-8], where="x.bin")
