"""The bracket-depth check before parsing HCL: its fast measure agrees with the token walk that reports where,
and a file nested too deep is one line naming the file, line and column."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from wasp.errors import InputError
from wasp.iac.terraform.hcl import _NESTING_TOKENS, _check_nesting, _deepest
from wasp.limits import MAX_DEPTH


def _walk(text: str) -> int:
    """The deepest nesting as the token walk counts it (strings and comments hold no brackets)."""
    depth = deepest = 0
    for m in _NESTING_TOKENS.finditer(text):
        token = m.group(0)
        if token in "[({":
            depth += 1
            deepest = max(deepest, depth)
        elif token in "])}":
            depth = max(0, depth - 1)
    return deepest


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet='[](){}"#/*\\\nab =$', max_size=80))
def test_the_fast_measure_is_the_walk_s_depth(text: str) -> None:
    assert _deepest(text) == _walk(text)


def test_brackets_in_strings_and_comments_do_not_count() -> None:
    text = 'a = "((((" # ((((\n// [[[[\n/* {{{{\n */ b = [(1)]\n'
    assert _deepest(text) == 2


def test_too_deep_is_one_line_with_line_and_column(tmp_path: Path) -> None:
    path = tmp_path / "main.tf"
    text = "locals {\n  x = " + "[" * MAX_DEPTH + "]" * MAX_DEPTH + "\n}\n"
    assert _deepest(text) == MAX_DEPTH + 1
    with pytest.raises(InputError) as exc:
        _check_nesting(text, path)
    column = len("  x = ") + MAX_DEPTH
    assert str(exc.value) == (
        f"{path}:2: nests more than {MAX_DEPTH} levels deep (column {column}); flatten it"
    )
    _check_nesting(text.replace("[", "", 1).replace("]", "", 1), path)  # one level less is accepted
