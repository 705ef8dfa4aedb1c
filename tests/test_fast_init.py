"""The hand-written __init__ of hot frozen dataclasses (fast for large scans) stays the dataclass's own:
same parameters in the same order with the same defaults, the values kept, the instance still frozen."""

from __future__ import annotations

import dataclasses
import inspect
from typing import Any

import pytest

from wasp.model import Finding, FindingStatus, Origin, Resource, ResourceRef, Severity
from wasp.model.rule import Verdict
from wasp.model.status import OriginKind

REF = ResourceRef("AWS::S3::Bucket", "Logs", file="t.yaml", line=3, address="Logs")
ORIGIN = Origin(OriginKind.CLOUDFORMATION, file="t.yaml", line=3, address="Logs")

# each class with a full set of values (every field given, none equal to its default)
FULL: dict[type, dict[str, Any]] = {
    Finding: {
        "id": "f-1",
        "rule": "r",
        "best_practices": ("SEC08-BP02",),
        "status": FindingStatus.FAIL,
        "severity": Severity.HIGH,
        "resource": REF,
        "message": "m",
        "evidence": {"A": 1},
        "observed_at": "2026-01-01T00:00:00+00:00",
        "public_exposure": True,
        "waiver": "accepted",
        "source": "guardduty",
    },
    Verdict: {
        "status": FindingStatus.FAIL,
        "message": "m",
        "severity": Severity.LOW,
        "public_exposure": False,
    },
    ResourceRef: {
        "type": "AWS::EC2::Volume",
        "id": "v",
        "arn": "arn:aws:ec2:eu-west-2:1:volume/v",
        "account": "1",
        "region": "eu-west-2",
        "file": "f.tf",
        "line": 9,
        "address": "aws_ebs_volume.v",
    },
    Origin: {
        "kind": OriginKind.TERRAFORM,
        "account": "1",
        "region": "eu-west-2",
        "file": "main.tf",
        "line": 4,
        "address": "aws_s3_bucket.b",
    },
    Resource: {
        "type": "AWS::S3::Bucket",
        "id": "b",
        "properties": {"BucketName": "b"},
        "origin": ORIGIN,
        "arn": "arn:aws:s3:::b",
    },
}
CLASSES = list(FULL)


@pytest.mark.parametrize("cls", CLASSES, ids=lambda c: c.__name__)
def test_parameters_are_the_fields_in_order_with_their_defaults(cls: type) -> None:
    params = list(inspect.signature(cls.__init__).parameters.values())[1:]  # type: ignore[misc]
    fields = dataclasses.fields(cls)
    assert [p.name for p in params] == [f.name for f in fields]
    for p, f in zip(params, fields, strict=True):
        assert p.default == (inspect.Parameter.empty if f.default is dataclasses.MISSING else f.default), (
            f.name
        )
        assert p.kind is inspect.Parameter.POSITIONAL_OR_KEYWORD


@pytest.mark.parametrize("cls", CLASSES, ids=lambda c: c.__name__)
def test_values_are_kept_by_position_or_name_and_the_instance_stays_frozen(cls: type) -> None:
    values = FULL[cls]
    by_name, by_position = cls(**values), cls(*values.values())
    for made in (by_name, by_position):
        assert {k: getattr(made, k) for k in values} == values
        assert vars(made) == values  # nothing else stored
    assert by_name == by_position
    required = {
        f.name: values[f.name]
        for f in dataclasses.fields(cls)
        if f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING
    }
    defaults = cls(**required)
    for f in dataclasses.fields(cls):
        if f.name not in required:
            assert getattr(defaults, f.name) == f.default
    first = next(iter(values))
    assert dataclasses.replace(by_name, **{first: values[first]}) == by_name
    with pytest.raises(dataclasses.FrozenInstanceError):
        setattr(by_name, first, values[first])
