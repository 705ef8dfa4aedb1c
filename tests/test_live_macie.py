"""Macie findings read live: S3 from moto, Macie stubbed (moto has no ListFindings/GetFindings)."""

from __future__ import annotations

from typing import Any

import boto3
import pytest
from botocore.stub import ANY, Stubber

from conftest import NOW, REGION
from test_live_controls import ACCOUNT, F, P, U, _c
from wasp.collect.clients import ClientFactory
from wasp.collect.runner import collect, plan
from wasp.collect.s3 import S3Collector
from wasp.engine.evaluate import evaluate
from wasp.model.rule import RuleContext, WorkloadScope
from wasp.rules import load_rules

RULE = "macie_sensitive_data_protected"


class _MacieStubbed(ClientFactory):
    """moto for every service but Macie, whose answers are stubbed (validated against the real model)."""

    def __init__(self, findings: list[dict[str, Any]] | None) -> None:
        super().__init__(boto3.session.Session(region_name=REGION))
        self.findings = findings
        self.stub: Stubber | None = None

    def client(self, service: str, region: str, operation: str | None = None) -> Any:
        made = super().client(service, region, operation)
        if service == "macie2" and self.stub is None:
            self.stub = Stubber(made)
            self.stub.add_response(
                "get_macie_session", {"status": "ENABLED", "findingPublishingFrequency": "SIX_HOURS"}
            )
            if self.findings is None:
                self.stub.add_client_error("list_findings", "AccessDeniedException", "denied", 403)
            else:
                self.stub.add_response(
                    "list_findings",
                    {"findingIds": [f["id"] for f in self.findings]},
                    {"findingCriteria": ANY, "maxResults": ANY},
                )
                if self.findings:
                    self.stub.add_response("get_findings", {"findings": self.findings})
            self.stub.activate()
        return made


def _finding(fid: str, bucket: str, archived: bool = False) -> dict[str, Any]:
    return {
        "id": fid,
        "accountId": ACCOUNT,
        "archived": archived,
        "category": "CLASSIFICATION",
        "type": "SensitiveData:S3Object/Personal",
        "severity": {"description": "High", "score": 3},
        "resourcesAffected": {"s3Bucket": {"name": bucket, "arn": f"arn:aws:s3:::{bucket}"}},
    }


@pytest.fixture
def buckets(aws: None) -> None:
    s3 = boto3.client("s3", region_name=REGION)
    for name in ("hr-exports", "payroll"):
        s3.create_bucket(Bucket=name, CreateBucketConfiguration={"LocationConstraint": REGION})
    key = boto3.client("kms", region_name=REGION).create_key()["KeyMetadata"]["Arn"]
    s3.put_bucket_tagging(
        Bucket="payroll", Tagging={"TagSet": [{"Key": "data-classification", "Value": "restricted"}]}
    )
    s3.put_bucket_encryption(
        Bucket="payroll",
        ServerSideEncryptionConfiguration={
            "Rules": [
                {"ApplyServerSideEncryptionByDefault": {"SSEAlgorithm": "aws:kms", "KMSMasterKeyID": key}}
            ]
        },
    )


def _run(findings: list[dict[str, Any]] | None) -> tuple[dict[str, Any], Any]:
    factory = _MacieStubbed(findings)
    collectors = [S3Collector(), _c("macie"), _c("kms")]
    inventory, _ = collect(plan(collectors, [ACCOUNT], (REGION,)), {ACCOUNT: factory}, (REGION,))
    rule = next(r for r in load_rules() if r.id == RULE)
    ctx = RuleContext(inventory=inventory, workload=WorkloadScope(regions=(REGION,)), now=NOW)
    found = evaluate((rule,), inventory, ctx, observed_at=NOW).findings
    return {f.resource.id: f.status for f in found}, {f.resource.id: f.evidence for f in found}


@pytest.mark.usefixtures("buckets")
def test_sensitive_data_in_an_unclassified_bucket_fails_with_the_finding_id() -> None:
    status, evidence = _run([_finding("m-1", "hr-exports"), _finding("m-2", "payroll")])
    assert status == {"hr-exports": F, "payroll": P}
    assert evidence["hr-exports"]["finding_ids"] == ["m-1"]


@pytest.mark.usefixtures("buckets")
def test_archived_findings_are_not_counted() -> None:
    assert _run([_finding("m-1", "hr-exports", archived=True)])[0] == {}


@pytest.mark.usefixtures("buckets")
def test_denied_findings_are_unknown() -> None:
    assert set(_run(None)[0].values()) == {U}
