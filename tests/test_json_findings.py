"""FindingEncoder writes the same text as json.dumps(finding_dict(f), default=str), whatever the finding holds."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from types import MappingProxyType
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from wasp.model import Finding, FindingStatus, ResourceRef, Severity, Unresolved
from wasp.report.document import finding_dict
from wasp.report.json_findings import FindingEncoder, compact_encoder

REF = ResourceRef("AWS::S3::Bucket", "Logs", file="t/a.yaml", line=12, address="Logs")
OTHER = ResourceRef(
    "AWS::EC2::Volume", "v-1", arn="arn:aws:ec2:eu-west-2:1:volume/v-1", account="1", region="eu-west-2"
)


def finding(**changes: Any) -> Finding:
    base: dict[str, Any] = {
        "id": "f-0123456789abcdef",
        "rule": "s3_bucket_versioning",
        "best_practices": ("SEC08-BP04",),
        "status": FindingStatus.FAIL,
        "severity": Severity.MEDIUM,
        "resource": REF,
        "message": "bucket Logs is not versioned",
        "evidence": {"VersioningConfiguration.Status": None},
        "observed_at": "2026-11-29T06:00:00+00:00",
    }
    return Finding(**(base | changes))


def expected(f: Finding) -> str:
    return json.dumps(finding_dict(f), default=str)


def test_shared_parts_are_reused_and_each_finding_keeps_its_own() -> None:
    encoder = FindingEncoder()
    findings = [
        finding(),
        finding(id="f-1", status=FindingStatus.PASS, message="ok", evidence={"A": True, "B": 3.5}),
        finding(id="f-2", resource=OTHER, rule="ebs_volume_encrypted", best_practices=("SEC08-BP02", "X")),
        finding(id="f-3", status=FindingStatus.WAIVED, waiver="accepted until 2027-01-01: legacy"),
        finding(id="f-4", public_exposure=True, source="guardduty", severity=Severity.CRITICAL),
        finding(id="f-5", message='caf\u00e9 \u2603 "quoted" \\ \n tab\t', evidence={"N\u00e4me": "\u00fc"}),
    ]
    assert [encoder.encode(f) for f in findings] == [expected(f) for f in findings]
    # the same findings again, from the caches
    assert [encoder.encode(f) for f in findings] == [expected(f) for f in findings]


def test_evidence_that_is_not_plain_json_is_written_as_json_dumps_writes_it() -> None:
    encoder = FindingEncoder()
    odd = {
        "when": datetime(2026, 1, 2, tzinfo=UTC),
        "unknown": Unresolved("Ref P has no default"),
        "nested": {"list": [1, None, {"k": float("inf")}], "tuple": (1, 2)},
        3: "int key",
    }
    for evidence in (odd, MappingProxyType({"Read.Only": "x"}), {}):
        f = finding(evidence=evidence)
        assert encoder.encode(f) == expected(f)


def test_a_resource_forgotten_between_sources_is_encoded_again() -> None:
    encoder = FindingEncoder()
    first = finding(resource=ResourceRef("AWS::KMS::Key", "Key1", file="a.yaml", line=1))
    assert encoder.encode(first) == expected(first)
    encoder.forget_resources()
    second = finding(resource=ResourceRef("AWS::KMS::Key", "Key2", file="b.yaml", line=9))
    assert encoder.encode(second) == expected(second)


text = st.text(max_size=12)
json_value = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | text,
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(text, inner, max_size=3),
    max_leaves=8,
)


@settings(max_examples=60, deadline=None)
@given(
    rule=text,
    practices=st.lists(text, max_size=3),
    message=text,
    evidence=st.dictionaries(text, json_value, max_size=4),
    waiver=st.none() | text,
    line=st.none() | st.integers(min_value=1, max_value=10**6),
    exposed=st.booleans(),
)
def test_any_finding(
    rule: str,
    practices: list[str],
    message: str,
    evidence: dict[str, Any],
    waiver: str | None,
    line: int | None,
    exposed: bool,
) -> None:
    ref = ResourceRef("AWS::SQS::Queue", rule or "q", file="q.yaml", line=line, address=message[:4] or None)
    f = finding(
        rule=rule,
        best_practices=tuple(practices),
        message=message,
        evidence=evidence,
        waiver=waiver,
        resource=ref,
        public_exposure=exposed,
    )
    assert FindingEncoder().encode(f) == expected(f)


def test_the_compact_encoder_is_json_encoder_and_recovers_from_an_error() -> None:
    encode = compact_encoder()
    values: list[object] = [
        "caf\u00e9",
        3,
        2.5,
        float("inf"),
        None,
        True,
        [1, "a", {"b": None}],
        {"k": (1, 2), 4: datetime(2026, 1, 1, tzinfo=UTC), "u": Unresolved("x")},
    ]
    for value in values:
        assert encode(value) == json.JSONEncoder(default=str).encode(value)
    loop: list[object] = []
    loop.append(loop)
    with pytest.raises(ValueError, match="Circular"):
        encode({"loop": loop})
    for value in values:
        assert encode(value) == json.JSONEncoder(default=str).encode(value)
