"""Security Hub's failed FSBP and CIS control findings in one region (the Security Hub collector's helper).

Read with the filters Security Hub documents (``ComplianceStatus`` FAILED, ``RecordState`` ACTIVE, workflow not
SUPPRESSED, generator ids of the FSBP and CIS standards and of consolidated control findings), the same filters
applied again to what comes back (an emulator may ignore them), at most ``api.max_findings``, most severe first.
Each summary carries the best practices and wasp rules its control maps to (``wasp.catalogue.securityhub``).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from wasp.catalogue.securityhub import load_controls
from wasp.collect.api import ApiReader, CallFailed

HUB = "AWS::SecurityHub::Hub"
PAGE = 100
"""GetFindings' largest page."""

GENERATORS = (
    "aws-foundational-security-best-practices/v/",
    "cis-aws-foundations-benchmark/v/",
    "arn:aws:securityhub:::ruleset/cis-aws-foundations-benchmark/v/",
    "security-control/",
)
"""FSBP, CIS (current and legacy) and consolidated control findings."""

FILTERS = {
    "ComplianceStatus": [{"Value": "FAILED", "Comparison": "EQUALS"}],
    "RecordState": [{"Value": "ACTIVE", "Comparison": "EQUALS"}],
    "WorkflowStatus": [{"Value": "SUPPRESSED", "Comparison": "NOT_EQUALS"}],
    "GeneratorId": [{"Value": g, "Comparison": "PREFIX"} for g in GENERATORS],
}

_SEVERITY_ORDER = ("CRITICAL", "HIGH", "MEDIUM", "LOW", "INFORMATIONAL")

_TYPES = {
    "AwsAccount": "AWS::::Account",
    "AwsS3Bucket": "AWS::S3::Bucket",
    "AwsEc2Instance": "AWS::EC2::Instance",
    "AwsEc2SecurityGroup": "AWS::EC2::SecurityGroup",
    "AwsEc2Volume": "AWS::EC2::Volume",
    "AwsEc2Vpc": "AWS::EC2::VPC",
    "AwsEc2Subnet": "AWS::EC2::Subnet",
    "AwsEc2NetworkAcl": "AWS::EC2::NetworkAcl",
    "AwsIamUser": "AWS::IAM::User",
    "AwsIamRole": "AWS::IAM::Role",
    "AwsIamPolicy": "AWS::IAM::ManagedPolicy",
    "AwsIamAccessKey": "AWS::IAM::AccessKey",
    "AwsKmsKey": "AWS::KMS::Key",
    "AwsLambdaFunction": "AWS::Lambda::Function",
    "AwsRdsDbInstance": "AWS::RDS::DBInstance",
    "AwsRdsDbCluster": "AWS::RDS::DBCluster",
    "AwsDynamoDbTable": "AWS::DynamoDB::Table",
    "AwsCloudTrailTrail": "AWS::CloudTrail::Trail",
    "AwsSnsTopic": "AWS::SNS::Topic",
    "AwsSqsQueue": "AWS::SQS::Queue",
    "AwsEcrRepository": "AWS::ECR::Repository",
    "AwsEfsFileSystem": "AWS::EFS::FileSystem",
    "AwsCloudFrontDistribution": "AWS::CloudFront::Distribution",
    "AwsElbv2LoadBalancer": "AWS::ElasticLoadBalancingV2::LoadBalancer",
    "AwsSecretsManagerSecret": "AWS::SecretsManager::Secret",
}
"""ASFF resource types as CloudFormation types (others are kept as ASFF names)."""

_LEGACY_CIS = re.compile(r"cis-aws-foundations-benchmark/v/[\d.]+/(?:rule/)?(\d+(?:\.\d+)*)$")


def control_id(finding: Mapping[str, Any]) -> str:
    """The control a finding is about: its consolidated id, else one read from its generator id."""
    compliance = finding.get("Compliance") or {}
    if compliance.get("SecurityControlId"):
        return str(compliance["SecurityControlId"])
    generator = str(finding.get("GeneratorId") or "")
    legacy = _LEGACY_CIS.search(generator)
    if legacy:
        return f"CIS.{legacy.group(1)}"
    return generator.rsplit("/", 1)[-1] or generator


def counts(finding: Mapping[str, Any]) -> bool:
    """The finding is a failed, active, unsuppressed FSBP/CIS control finding (the filters, checked again)."""
    compliance = finding.get("Compliance") or {}
    workflow = (finding.get("Workflow") or {}).get("Status") or finding.get("WorkflowState")
    return (
        compliance.get("Status") == "FAILED"
        and finding.get("RecordState", "ACTIVE") == "ACTIVE"
        and workflow != "SUPPRESSED"
        and str(finding.get("GeneratorId") or "").startswith(GENERATORS)
    )


def summary(finding: Mapping[str, Any]) -> dict[str, Any]:
    """What the rule and a reader need from one failed control finding."""
    cid = control_id(finding)
    control = load_controls().get(cid)
    first = (finding.get("Resources") or [{}])[0]
    kind = str(first.get("Type") or "")
    return {
        "Id": finding.get("Id"),
        "ControlId": cid,
        "Title": finding.get("Title"),
        "Severity": (finding.get("Severity") or {}).get("Label"),
        "FirstObservedAt": finding.get("FirstObservedAt") or finding.get("CreatedAt"),
        "Resource": {"Type": _TYPES.get(kind, kind), "Id": first.get("Id")},
        "BestPractices": list(control.best_practices) if control else [],
        "WaspRules": list(control.wasp_rules) if control else [],
    }


def read_findings(api: ApiReader, hub: str) -> dict[str, Any]:
    """``Findings`` (summaries, most severe first) and ``FindingsCapped``; both unknown when the read failed."""
    try:
        got = api.capped_pages(
            "get_findings",
            "Findings",
            page_size=PAGE,
            resource_id=hub,
            affects=(HUB,),
            Filters=FILTERS,
            SortCriteria=[{"Field": "SeverityNormalized", "SortOrder": "desc"}],
        )
    except CallFailed as failed:
        return {"Findings": failed.unresolved, "FindingsCapped": failed.unresolved}
    found = [summary(f) for f in got.items if counts(f)]
    found.sort(key=lambda f: _SEVERITY_ORDER.index(f["Severity"]) if f["Severity"] in _SEVERITY_ORDER else 9)
    return {"Findings": found, "FindingsCapped": got.capped}
