"""Finding's hand-written __init__ (fast for large scans) stays the dataclass's: same parameters, same result."""

from __future__ import annotations

import dataclasses
import inspect

import pytest

from wasp.model import Finding, FindingStatus, ResourceRef, Severity

REF = ResourceRef("AWS::S3::Bucket", "Logs", file="t.yaml", line=3, address="Logs")


def test_parameters_are_the_fields_in_order_with_their_defaults() -> None:
    params = list(inspect.signature(Finding.__init__).parameters.values())[1:]
    fields = dataclasses.fields(Finding)
    assert [p.name for p in params] == [f.name for f in fields]
    for p, f in zip(params, fields, strict=True):
        assert p.default == (inspect.Parameter.empty if f.default is dataclasses.MISSING else f.default), (
            f.name
        )
        assert p.kind is inspect.Parameter.POSITIONAL_OR_KEYWORD


def test_a_finding_holds_what_it_was_given_and_stays_frozen() -> None:
    values = {
        "id": "f-1",
        "rule": "r",
        "best_practices": ("SEC08-BP02",),
        "status": FindingStatus.FAIL,
        "severity": Severity.HIGH,
        "resource": REF,
        "message": "m",
        "evidence": {"A": 1},
        "observed_at": "2026-01-01T00:00:00+00:00",
    }
    f = Finding(*values.values(), True, "accepted", "guardduty")
    assert {k: getattr(f, k) for k in values} == values
    assert (f.public_exposure, f.waiver, f.source) == (True, "accepted", "guardduty")
    plain = Finding(**values)
    assert (plain.public_exposure, plain.waiver, plain.source) == (False, None, "rule")
    assert dataclasses.replace(plain, waiver="w") == Finding(**values, waiver="w")
    with pytest.raises(dataclasses.FrozenInstanceError):
        plain.status = FindingStatus.PASS  # type: ignore[misc]
