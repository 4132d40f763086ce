"""The public signatures of the parts others build on (casefile.store, analyst, xref, flights,
photos) name their types: no `Any`, no bare `dict` or `list`. mypy --strict checks their bodies
(pyproject.toml, .ci/run); this checks what they promise callers.

Every table read from the store has its row TypedDict in casefile/store/rows.py, read with
`case.select(RowType, sql)`; a column file's values are store.columns.ColumnValue, or typed by
column (numbers, flags, texts). DEBT, the list of functions not typed yet, is empty and stays so:
a function with Any or a bare dict or list in its public signature fails.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import casefile

ROOT = Path(casefile.__file__).parent
PACKAGES = ("store", "analyst", "xref", "flights", "photos")
BAD = re.compile(r"\bAny\b|\b(dict|list|Dict|List)\b(?!\[)")

DEBT: dict[str, tuple[str, ...]] = {}


def _public_functions(tree: ast.Module):
    def visit(body: list[ast.stmt], prefix: str = ""):
        for node in body:
            if isinstance(node, ast.ClassDef) and not node.name.startswith("_"):
                yield from visit(node.body, prefix + node.name + ".")
            elif isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef) and (
                    not node.name.startswith("_") or node.name == "__init__"):
                yield prefix + node.name, node
    yield from visit(tree.body)


def _annotations(fn: ast.FunctionDef | ast.AsyncFunctionDef) -> list[str]:
    a = fn.args
    params = [*a.posonlyargs, *a.args, *a.kwonlyargs, *(x for x in (a.vararg, a.kwarg) if x)]
    return [ast.unparse(x) for x in [*(p.annotation for p in params), fn.returns] if x is not None]


def loose_signatures() -> dict[str, set[str]]:
    found: dict[str, set[str]] = {}
    for pkg in PACKAGES:
        for path in sorted((ROOT / pkg).rglob("*.py")):
            module = str(path.relative_to(ROOT).with_suffix(""))
            for name, fn in _public_functions(ast.parse(path.read_text(encoding="utf-8"))):
                if any(BAD.search(text) for text in _annotations(fn)):
                    found.setdefault(module, set()).add(name)
    return found


def test_no_new_public_signature_takes_or_gives_any_or_a_bare_dict_or_list() -> None:
    found = loose_signatures()
    new = {m: sorted(f - set(DEBT.get(m, ()))) for m, f in found.items()}
    assert {m: f for m, f in new.items() if f} == {}, "name the types (a dataclass or TypedDict)"


def test_the_debt_list_only_shrinks() -> None:
    found = loose_signatures()
    paid = {m: sorted(set(f) - found.get(m, set())) for m, f in DEBT.items()}
    assert {m: f for m, f in paid.items() if f} == {}, "remove these from DEBT: they are typed now"


def test_the_check_catches_what_it_is_for() -> None:
    tree = ast.parse("def f(a: dict) -> list[int]: ...\ndef g(a: Mapping[str, Any]) -> None: ...\n"
                     "def h(a: dict[str, int]) -> list[str]: ...\ndef _i(a: Any) -> None: ...\n")
    loose = [n for n, fn in _public_functions(tree) if any(BAD.search(t) for t in _annotations(fn))]
    assert loose == ["f", "g"]
