"""Data classification recognised the way organisations tag it, and overridable by the workload file."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from conftest import NOW
from wasp.engine.evaluate import evaluate_resource
from wasp.engine.review import scope_of
from wasp.errors import InputError
from wasp.model import (
    ACCOUNT_TYPE,
    Finding,
    FindingStatus,
    Inventory,
    Origin,
    OriginKind,
    Resource,
    Unresolved,
)
from wasp.model.classification import DEFAULT_KEYS, DEFAULT_VALUES, recognise, value_map
from wasp.model.rule import RuleContext, WorkloadScope
from wasp.rules import load_rules
from wasp.workload import load_workload, workload_template

RULES = {r.id: r for r in load_rules()}
P, F, U = FindingStatus.PASS, FindingStatus.FAIL, FindingStatus.UNKNOWN
DEFAULTS = value_map(DEFAULT_VALUES)
AES = {"ServerSideEncryptionConfiguration": [{"ServerSideEncryptionByDefault": {"SSEAlgorithm": "AES256"}}]}


def _level(tags: dict[str, str]) -> str | None:
    return recognise(tags, DEFAULT_KEYS, DEFAULTS).level


@pytest.mark.parametrize(
    ("key", "value", "level"),
    [
        ("DataClassification", "Confidential", "confidential"),
        ("data-classification", "PII", "restricted"),
        ("data_classification", "secret", "restricted"),
        ("Data Classification", "Top Secret", "restricted"),
        ("CLASSIFICATION", "internal use only", "internal"),
        ("classification", "public", "public"),
        ("Sensitivity", "sensitive", "confidential"),
        ("DataSensitivity", "Highly_Confidential", "restricted"),
        ("acme:data-classification", "OFFICIAL-SENSITIVE", "confidential"),
        ("acme/Sensitivity", "official", "internal"),
    ],
)
def test_common_keys_and_spellings(key: str, value: str, level: str) -> None:
    found = recognise({key: value, "Name": "x"}, DEFAULT_KEYS, DEFAULTS)
    assert (found.key, found.value, found.level) == (key, value, level)


def test_unrecognised_value_is_unclassified_but_kept() -> None:
    found = recognise({"DataClassification": "secret-ish"}, DEFAULT_KEYS, DEFAULTS)
    assert found.key == "DataClassification" and found.value == "secret-ish" and found.level is None


def test_unrelated_keys_are_not_classification() -> None:
    assert (
        recognise({"Name": "confidential", "MyClassificationX": "secret"}, DEFAULT_KEYS, DEFAULTS).key is None
    )
    assert _level({"Owner": "restricted"}) is None


def test_keys_are_tried_in_order() -> None:
    tags = {"Sensitivity": "public", "DataClassification": "restricted"}
    assert _level(tags) == "restricted"
    assert recognise(tags, ("Sensitivity", "DataClassification"), DEFAULTS).level == "public"


_SEPARATORS = st.sampled_from(["", "-", "_", " ", "."])


@given(
    st.lists(st.booleans(), min_size=18, max_size=18), _SEPARATORS, st.sampled_from(["Confidential", "PII"])
)
def test_any_case_and_separator_of_data_classification(upper: list[bool], sep: str, value: str) -> None:
    word = "dataclassification"
    cased = "".join(c.upper() if u else c for c, u in zip(word, upper, strict=True))
    key = cased[:4] + sep + cased[4:]
    assert _level({key: value}) in ("confidential", "restricted")


def _finding(rule: str, props: dict[str, Any], scope: WorkloadScope | None = None) -> Finding:
    res = Resource("AWS::S3::Bucket", "b", props, Origin(OriginKind.LIVE, "111122223333", "eu-west-2"))
    inv = Inventory()
    inv.add(res)
    finding = evaluate_resource(
        RULES[rule], res, RuleContext(inventory=inv, workload=scope or WorkloadScope(), now=NOW), ""
    )
    assert finding is not None
    return finding


def test_cmk_rule_runs_on_what_is_recognised() -> None:
    props = {"Tags": [{"Key": "data-classification", "Value": "Secret"}], "BucketEncryption": AES}
    finding = _finding("s3_bucket_cmk_for_sensitive", props)
    assert finding.status is F and finding.message.startswith("restricted S3 bucket")
    assert finding.evidence["classification_key"] == "data-classification"
    # an internal bucket is not in the rule's scope
    props["Tags"] = [{"Key": "Sensitivity", "Value": "internal"}]
    res = Resource("AWS::S3::Bucket", "b", props, Origin(OriginKind.LIVE, "1", "eu-west-2"))
    ctx = RuleContext(inventory=Inventory(), now=NOW)
    assert evaluate_resource(RULES["s3_bucket_cmk_for_sensitive"], res, ctx, "") is None


def test_classified_rule_names_an_unrecognised_value() -> None:
    finding = _finding("s3_bucket_classified", {"Tags": [{"Key": "classification", "Value": "C3"}]})
    assert finding.status is F and "classification=C3" in finding.message
    assert finding.evidence["classification_value"] == "C3" and finding.evidence["classification"] is None
    own = WorkloadScope(classification_values=(*DEFAULT_VALUES, ("c3", "confidential")))
    assert (
        _finding("s3_bucket_classified", {"Tags": [{"Key": "classification", "Value": "C3"}]}, own).status
        is P
    )
    missing = _finding("s3_bucket_classified", {"Tags": [{"Key": "Owner", "Value": "me"}]})
    assert missing.status is F and "looked for DataClassification" in missing.message


def test_unreadable_tags_are_unknown_not_unclassified() -> None:
    finding = _finding("s3_bucket_classified", {"Tags": Unresolved("s3:get_bucket_tagging access_denied")})
    assert finding.status is U


def test_macie_follows_recognised_classification_and_unreadable_tags() -> None:
    acct = Resource(ACCOUNT_TYPE, "111122223333", {}, Origin(OriginKind.LIVE, "111122223333", None))

    def run(*buckets: Resource) -> Finding | None:
        inv = Inventory()
        inv.extend((acct, *buckets))
        return evaluate_resource(
            RULES["macie_for_sensitive_data"], acct, RuleContext(inventory=inv, now=NOW), ""
        )

    def bucket(tags: Any, region: str = "eu-west-2", account: str = "111122223333") -> Resource:
        return Resource(
            "AWS::S3::Bucket", f"b-{region}", {"Tags": tags}, Origin(OriginKind.LIVE, account, region)
        )

    pii = [{"Key": "Sensitivity", "Value": "PII"}]
    off = run(bucket(pii))
    assert off is not None and off.status is F
    assert run(bucket([{"Key": "Sensitivity", "Value": "public"}])) is None
    assert run(bucket(pii, account="444455556666")) is None  # another account's data
    unreadable = run(bucket(Unresolved("denied"), "eu-west-1"))
    assert unreadable is not None and unreadable.status is U


def _write(tmp_path: Path, extra: str) -> Path:
    p = tmp_path / "wasp.yaml"
    p.write_text("name: x\nregions: [eu-west-2]\n" + extra)
    return p


def test_workload_file_overrides_keys_and_values(tmp_path: Path) -> None:
    wl = load_workload(
        _write(
            tmp_path, "classification:\n  keys: [Tier, DataClassification]\n  values: {gold: restricted}\n"
        )
    )
    assert wl.classification_keys == ("Tier", "DataClassification")
    scope = scope_of(wl)
    assert scope.classify({"tier": "GOLD"}).level == "restricted"
    assert scope.classify({"DataClassification": "pii"}).level == "restricted"  # defaults still there
    assert scope.classify({"Sensitivity": "pii"}).key is None  # keys were replaced
    wl = load_workload(_write(tmp_path, "classification:\n  values: {pii: confidential}\n"))
    assert scope_of(wl).classify({"Sensitivity": "PII"}).level == "confidential"  # the file's spelling wins


def test_classification_tag_is_tried_first(tmp_path: Path) -> None:
    wl = load_workload(_write(tmp_path, "classification_tag: dc\n"))
    assert wl.classification_keys[0] == "dc" and set(DEFAULT_KEYS) <= set(wl.classification_keys)
    wl = load_workload(_write(tmp_path, "classification_tag: data-classification\n"))
    assert wl.classification_keys == ("data-classification", *DEFAULT_KEYS[1:])


def test_defaults_when_the_file_says_nothing(tmp_path: Path) -> None:
    p = tmp_path / "wasp.yaml"
    p.write_text(workload_template("payments", ["eu-west-2"], []))
    wl = load_workload(p)
    assert wl.classification_keys == DEFAULT_KEYS and wl.classification_values == DEFAULT_VALUES


@pytest.mark.parametrize(
    ("body", "message"),
    [
        (
            "classification:\n  values: {pii: top}\n",
            r"wasp.yaml:4: .*'public', 'internal', 'confidential' or 'restricted'",
        ),
        ("classification:\n  keys: []\n", r"wasp.yaml:4: .*at least 1"),
        ("classification:\n  keys: ['-']\n", r"not a tag key"),
        ("classification:\n  key: [x]\n", r"Extra inputs"),
    ],
)
def test_bad_classification_settings(tmp_path: Path, body: str, message: str) -> None:
    with pytest.raises(InputError, match=message):
        load_workload(_write(tmp_path, body))
