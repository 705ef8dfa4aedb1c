"""ECR tag immutability and KMS encryption read live from describe_repositories."""

from __future__ import annotations

from datetime import UTC, datetime

import boto3

from conftest import REGION
from wasp.collect.clients import ClientFactory
from wasp.collect.registry import select_collectors
from wasp.collect.runner import collect, plan
from wasp.engine.evaluate import evaluate
from wasp.model.rule import RuleContext
from wasp.rules import load_rules

ACCOUNT = "123456789012"
IDS = ("ecr_image_tags_immutable", "ecr_repository_kms")
RULES = [r for r in load_rules() if r.id in IDS]


def test_repository_settings_read_live() -> None:
    from moto import mock_aws

    with mock_aws():
        ecr = boto3.client("ecr", region_name=REGION)
        ecr.create_repository(repositoryName="plain")
        ecr.create_repository(
            repositoryName="hardened",
            imageTagMutability="IMMUTABLE",
            encryptionConfiguration={"encryptionType": "KMS"},
        )
        factory = ClientFactory(boto3.session.Session(region_name=REGION))
        inventory, _ = collect(
            plan(select_collectors(["ecr"]), [ACCOUNT], (REGION,)), {ACCOUNT: factory}, (REGION,)
        )
    now = datetime(2026, 11, 28, tzinfo=UTC)
    found = evaluate(RULES, inventory, RuleContext(inventory=inventory, now=now), observed_at=now)
    seen = {(f.rule, f.resource.id): f.status.value for f in found.findings}
    assert seen == {
        ("ecr_image_tags_immutable", "plain"): "fail",
        ("ecr_image_tags_immutable", "hardened"): "pass",
        ("ecr_repository_kms", "plain"): "fail",
        ("ecr_repository_kms", "hardened"): "pass",
    }
