"""Secret detection measured on the labelled corpus (tests/fixtures/secrets): at least 98 % precision and recall.

corpus.jsonl (253 lines) was written before the detector; holdout.jsonl (89 lines) after its first draft and
before it was run on them. Its first run scored 87.5 % precision and recall; the fixes that followed are
listed in docs/security.md, so the figures on it are no longer out-of-sample.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from wasp.model.secrets import scan_text, scan_variables

FIXTURES = Path(__file__).parent / "fixtures" / "secrets"
_VARIABLE = re.compile(r"^([A-Za-z_][A-Za-z0-9_]*)=(.*)$")


def _load(name: str) -> list[dict[str, object]]:
    lines = (FIXTURES / name).read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip()]


CORPUS = _load("corpus.jsonl")
BOTH = CORPUS + _load("holdout.jsonl")


def _rates(records: list[dict[str, object]], detect: object) -> tuple[float, float, list[str]]:
    tp = fp = fn = 0
    misses: list[str] = []
    for rec in records:
        said = bool(detect(str(rec["text"])))  # type: ignore[operator]
        truth = bool(rec["secret"])
        tp += said and truth
        fp += said and not truth
        fn += truth and not said
        if said != truth:
            misses.append(f"{rec['kind']}: {'fp' if said else 'fn'}")
    return tp / ((tp + fp) or 1), tp / ((tp + fn) or 1), misses


def _as_variable(text: str) -> bool:
    m = _VARIABLE.match(text)
    assert m is not None
    return bool(scan_variables({m.group(1): m.group(2)}))


def test_corpus_is_large_and_balanced() -> None:
    secrets = sum(1 for r in CORPUS if r["secret"])
    assert len(CORPUS) >= 200 and secrets >= 100 and len(CORPUS) - secrets >= 100
    assert len({r["text"] for r in BOTH}) == len(BOTH), "every line is different"


@pytest.mark.parametrize("records", [CORPUS, BOTH], ids=["corpus", "corpus+holdout"])
def test_user_data_lines_meet_98_percent(records: list[dict[str, object]]) -> None:
    precision, recall, misses = _rates(records, scan_text)
    assert precision >= 0.98 and recall >= 0.98, misses


@pytest.mark.parametrize("records", [CORPUS, BOTH], ids=["corpus", "corpus+holdout"])
def test_variables_meet_98_percent(records: list[dict[str, object]]) -> None:
    variables = [r for r in records if _VARIABLE.match(str(r["text"]))]
    assert len(variables) >= 100
    precision, recall, misses = _rates(variables, _as_variable)
    assert precision >= 0.98 and recall >= 0.98, misses


def test_hits_name_the_place_never_the_value() -> None:
    text = "\n".join(str(r["text"]) for r in BOTH if r["secret"])
    hits = scan_text(text, "user data ")
    assert hits
    for hit in hits:
        assert re.fullmatch(r"user data line \d+( \([\w.\-\"' /:]+\))?", hit.where), hit.where
        assert re.fullmatch(r"[a-z-]+", hit.detector)
