"""What keeps rule evaluation quick must not change a verdict: indexed look-ups, shared references, GC."""

from __future__ import annotations

import gc
from pathlib import Path
from typing import Any

from wasp.engine.evaluate import evaluate_resource
from wasp.model import Inventory, Origin, OriginKind, Resource, ResourceRef
from wasp.model.classification import DEFAULT_VALUES, value_map
from wasp.model.rule import RuleContext, WorkloadScope
from wasp.rules import load_rules

BUCKET = "AWS::S3::Bucket"


def _bucket(rid: str, **props: Any) -> Resource:
    return Resource(
        BUCKET, rid, props, Origin(kind=OriginKind.CLOUDFORMATION, file="t.yaml", line=1, address=rid)
    )


def _scan(inventory: Inventory, **props: Any) -> list[str]:
    """What find() answered before it was indexed: a pass over the type with ==."""
    return [
        r.id for r in inventory.of_type(BUCKET) if all(r.properties.get(k) == v for k, v in props.items())
    ]


def test_find_answers_exactly_what_a_scan_would() -> None:
    nan = float("nan")
    inventory = Inventory()
    values: list[Any] = ["logs", "data", "logs", None, 1, True, 1.0, ["a"], {"k": "v"}, nan, "logs"]
    for n, value in enumerate(values):
        inventory.add(_bucket(f"b{n}", BucketName=value, Versioning="on" if n % 2 else "off"))
    inventory.add(_bucket("b-missing"))
    questions: list[Any] = ["logs", "data", None, 1, True, 1.0, ["a"], {"k": "v"}, nan, "absent", 0]
    for wanted in questions:
        got = [r.id for r in inventory.find(BUCKET, BucketName=wanted)]
        assert got == _scan(inventory, BucketName=wanted), wanted
        both = [r.id for r in inventory.find(BUCKET, BucketName=wanted, Versioning="on")]
        assert both == _scan(inventory, BucketName=wanted, Versioning="on"), wanted
    assert [r.id for r in inventory.find(BUCKET, BucketName="logs")] == ["b0", "b2", "b10"]
    assert inventory.find("AWS::KMS::Key", KeyId="k") == []


def test_a_resource_added_after_a_find_is_found() -> None:
    inventory = Inventory()
    inventory.add(_bucket("first", BucketName="logs"))
    assert [r.id for r in inventory.find(BUCKET, BucketName="logs")] == ["first"]
    inventory.add(_bucket("second", BucketName="logs"))
    # a second description of the first bucket changes its name: merged, and found under the new one
    inventory.add(_bucket("first", BucketName="renamed"))
    assert [r.id for r in inventory.find(BUCKET, BucketName="logs")] == ["second"]
    assert [r.id for r in inventory.find(BUCKET, BucketName="renamed")] == ["first"]


def test_classification_spellings_are_the_workloads_own() -> None:
    mine = WorkloadScope(classification_keys=("Tier",), classification_values=(("gold", "restricted"),))
    assert mine.classify({"Tier": "Gold"}).level == "restricted"
    assert WorkloadScope().classify({"Tier": "Gold"}).level is None
    assert WorkloadScope().classify({"DataClassification": "Highly Confidential"}).level == "restricted"
    # pairs given as lists (not hashable) still work
    listed = WorkloadScope(classification_values=[["gold", "internal"]])  # type: ignore[list-item]
    assert listed.classify({"DataClassification": "gold"}).level == "internal"
    assert value_map(DEFAULT_VALUES)["highly-confidential"] == "restricted"


def test_a_shared_reference_gives_the_same_finding() -> None:
    rule = next(r for r in load_rules() if r.id == "s3_bucket_default_encryption")
    bucket = _bucket("b", BucketName="b")
    inventory = Inventory()
    inventory.add(bucket)
    ctx = RuleContext(inventory=inventory)
    alone = evaluate_resource(rule, bucket, ctx, "T")
    shared = evaluate_resource(rule, bucket, ctx, "T", ResourceRef.of(bucket))
    assert alone is not None and alone == shared
    assert alone.status.value == "fail" and alone.evidence


def test_a_scan_leaves_the_collector_unfrozen(tmp_path: Path) -> None:
    from wasp.scan_workflow import scan

    template = tmp_path / "t.yaml"
    template.write_text("Resources:\n  B:\n    Type: AWS::S3::Bucket\n")
    result = scan([template])
    assert result.resources == 1 and any(f.rule == "s3_bucket_default_encryption" for f in result.findings)
    assert gc.get_freeze_count() == 0
