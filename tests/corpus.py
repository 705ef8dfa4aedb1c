"""The labelled IaC corpus (tests/fixtures/iac/corpus/<area>/labels.yaml): what each tool must find where.

Each area folder holds CloudFormation templates (YAML/JSON, SAM), Terraform root modules (folders of ``.tf``)
and a ``labels.yaml``::

    cases:
      - rule: s3_bucket_access_logging          # the wasp rule that decides the property
        checkov: [CKV_AWS_18]                   # Checkov checks that test the same property (for the bench)
        cloudformation:
          file: s3.yaml                         # relative to the area folder
          insecure: [NoLogs]                    # logical ids on which the rule must FAIL
          secure: [WithLogs]                    # their secure twins, on which it must PASS
        terraform:
          file: s3_tf                           # a root module folder
          insecure: [aws_s3_bucket.nologs]      # addresses (instance keys included: aws_x.y["k"])
          secure: [aws_s3_bucket.logs]
        # or, where the property cannot be written in one language:  terraform: {none: "reason"}

Every insecure resource is one labelled case. ``tests/test_iac_corpus.py`` checks wasp against the labels,
``bench/iac_vs_checkov.py`` scores wasp and Checkov on them, and ``tests/test_parity.py`` counts a rule with
cases in both languages as compared across sources.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import yaml

CORPUS = Path(__file__).parent / "fixtures" / "iac" / "corpus"
LANGUAGES = ("cloudformation", "terraform")


@dataclass(frozen=True)
class Side:
    """One language's half of a case: the file and the resources that must fail and pass."""

    language: str
    file: Path
    insecure: tuple[str, ...]
    secure: tuple[str, ...]


@dataclass(frozen=True)
class Case:
    """A rule's labelled resources in one area, per language, and the Checkov checks for the same property."""

    area: str
    rule: str
    checkov: tuple[str, ...]
    sides: tuple[Side, ...]
    missing: dict[str, str]
    """Languages without a side, and why."""


def cases() -> Iterator[Case]:
    """Every labelled case in the corpus, area by area."""
    for labels in sorted(CORPUS.glob("*/labels.yaml")):
        area = labels.parent.name
        data = yaml.safe_load(labels.read_text()) or {}
        for entry in data.get("cases", []):
            sides: list[Side] = []
            missing: dict[str, str] = {}
            for language in LANGUAGES:
                side = entry.get(language)
                if side is None:
                    raise ValueError(
                        f"{labels}: case {entry.get('rule')} has no {language} (or {{none: reason}})"
                    )
                if "none" in side:
                    missing[language] = str(side["none"])
                    continue
                sides.append(
                    Side(
                        language,
                        labels.parent / side["file"],
                        tuple(side.get("insecure", ())),
                        tuple(side.get("secure", ())),
                    )
                )
            yield Case(area, str(entry["rule"]), tuple(entry.get("checkov", ())), tuple(sides), missing)


def insecure_count() -> int:
    """Labelled insecure resources across the corpus."""
    return sum(len(side.insecure) for case in cases() for side in case.sides)


def compared_rules() -> set[str]:
    """Rules with labelled cases in both CloudFormation and Terraform."""
    both: dict[str, set[str]] = {}
    for case in cases():
        both.setdefault(case.rule, set()).update(s.language for s in case.sides)
    return {rule for rule, languages in both.items() if set(LANGUAGES) <= languages}


def explained_rules() -> set[str]:
    """Rules labelled in one language only, with the reason the other cannot express the property."""
    return {case.rule for case in cases() if case.sides and case.missing} - compared_rules()
