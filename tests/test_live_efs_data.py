"""EFS customer-managed keys read live: an encrypted file system without a key of its own fails, one with a
customer-managed key passes, and an unencrypted one is left to efs_encrypted."""

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
RULE = [r for r in load_rules() if r.id == "efs_cmk"]


def test_efs_key_read_live() -> None:
    from moto import mock_aws

    with mock_aws():
        key = boto3.client("kms", region_name=REGION).create_key()["KeyMetadata"]["Arn"]
        efs = boto3.client("efs", region_name=REGION)
        plain = efs.create_file_system(CreationToken="plain")["FileSystemId"]
        default = efs.create_file_system(CreationToken="default", Encrypted=True)["FileSystemId"]
        keyed = efs.create_file_system(CreationToken="keyed", Encrypted=True, KmsKeyId=key)["FileSystemId"]
        factory = ClientFactory(boto3.session.Session(region_name=REGION))
        inventory, _ = collect(
            plan(select_collectors(["efs", "kms"]), [ACCOUNT], (REGION,)), {ACCOUNT: factory}, (REGION,)
        )
    now = datetime(2026, 11, 28, tzinfo=UTC)
    found = evaluate(RULE, inventory, RuleContext(inventory=inventory, now=now), observed_at=now)
    seen = {f.resource.id: f.status.value for f in found.findings}
    assert seen == {default: "fail", keyed: "pass"}
    assert plain not in seen
