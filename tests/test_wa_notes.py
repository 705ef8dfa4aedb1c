"""The answer notes stay within the Tool's limit and say what they cut; the Tool's risk rule as wasp models it."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from wasp.catalogue import load_catalogue
from wasp.wa.lens import tool_questions
from wasp.wa.notes import CHOICE_NOTES_LIMIT, NOTES_LIMIT, clip, fit
from wasp.wa.risk import tool_risk

CAT = load_catalogue()
SEC11 = tool_questions(CAT)[10]

lines = st.lists(
    st.tuples(st.from_regex(r"SEC0[1-9]-BP0[1-9]", fullmatch=True), st.text(min_size=0, max_size=900)),
    max_size=12,
    unique_by=lambda t: t[0],
)


@given(header=st.text(max_size=600), body=lines)
def test_notes_never_exceed_the_limit_and_name_every_practice_they_drop(
    header: str, body: list[tuple[str, str]]
) -> None:
    text = fit(header, [(bp, f"{bp} {line}") for bp, line in body])
    assert len(text) <= NOTES_LIMIT
    shown = text.splitlines()
    for bp, _ in body:
        assert any(row.startswith(bp) for row in shown[1:]) or (
            shown[-1].startswith("[cut") and bp in shown[-1]
        )


def test_short_notes_are_kept_whole_and_long_ones_cut_in_order() -> None:
    short = fit("head", [("SEC01-BP01", "SEC01-BP01 fine")])
    assert short == "head\nSEC01-BP01 fine"
    long = fit("head", [(f"SEC01-BP0{n}", f"SEC01-BP0{n} " + "x" * 390) for n in range(1, 10)])
    kept = [row.split()[0] for row in long.splitlines()[1:-1]]
    assert kept == [f"SEC01-BP0{n}" for n in range(1, len(kept) + 1)]
    assert long.splitlines()[-1].endswith(f"SEC01-BP0{9}; see review.json]")


def test_clip_keeps_choice_notes_within_250() -> None:
    assert len(clip("y" * 1000, CHOICE_NOTES_LIMIT)) == CHOICE_NOTES_LIMIT
    assert clip("a  b\nc", 10) == "a b c"


def test_tool_risk_follows_the_worst_unselected_practice() -> None:
    choice = {bp: c for bp, c, _ in SEC11.choices}
    every = list(choice.values())
    assert tool_risk(SEC11, [], [], True) == "UNANSWERED"
    assert tool_risk(SEC11, every, [], False) == "NOT_APPLICABLE"
    assert tool_risk(SEC11, every, [], True) == "NONE"
    low_missing = [c for bp, c in choice.items() if bp != "SEC11-BP08"]  # SEC11-BP08 is low risk
    assert tool_risk(SEC11, low_missing, [], True) == "NONE"
    medium_missing = [c for bp, c in choice.items() if bp != "SEC11-BP01"]
    assert tool_risk(SEC11, medium_missing, [], True) == "MEDIUM"
    high_missing = [c for bp, c in choice.items() if bp != "SEC11-BP03"]
    assert tool_risk(SEC11, high_missing, [], True) == "HIGH"
    assert tool_risk(SEC11, high_missing, [choice["SEC11-BP03"]], True) == "NONE"  # not applicable: no risk
    assert tool_risk(SEC11, [SEC11.none_choice], [], True) == "HIGH"
