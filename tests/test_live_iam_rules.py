"""The iam area's rules read live (moto): access keys, direct policies, least privilege, trails."""

from __future__ import annotations

import json
from datetime import UTC, datetime

import boto3

from conftest import REGION
from wasp.collect.clients import ClientFactory
from wasp.collect.registry import select_collectors
from wasp.collect.runner import collect, plan
from wasp.engine.evaluate import evaluate
from wasp.model.rule import RuleContext, WorkloadScope
from wasp.rules import load_rules

ACCOUNT = "123456789012"
RULES = {
    "iam_access_key_long_term",
    "iam_user_no_direct_policies",
    "iam_policy_least_privilege",
    "iam_role_policy_least_privilege",
    "iam_user_policy_least_privilege",
    "cloudtrail_trail_multi_region",
    "cloudtrail_trail_logging",
    "cloudtrail_cloudwatch_logs",
}


def _verdicts(collectors: list[str], workload: WorkloadScope | None = None) -> dict[tuple[str, str], str]:
    factory = ClientFactory(boto3.session.Session(region_name=REGION))
    inventory, _ = collect(
        plan(select_collectors(collectors), [ACCOUNT], (REGION,)), {ACCOUNT: factory}, (REGION,)
    )
    now = datetime(2026, 11, 28, tzinfo=UTC)
    rules = [r for r in load_rules() if r.id in RULES]
    ctx = RuleContext(inventory=inventory, workload=workload or WorkloadScope(regions=(REGION,)), now=now)
    found = evaluate(rules, inventory, ctx, observed_at=now)
    return {(f.rule, f.resource.id.split("/")[0]): f.status.value for f in found.findings}


def _doc(action: str | list[str], resource: str = "*") -> str:
    return json.dumps(
        {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": action, "Resource": resource}]}
    )


def _identities() -> None:
    iam = boto3.client("iam", region_name=REGION)
    iam.create_group(GroupName="readers")
    for user in ("grouped", "direct", "keyed", "retired", "inline"):
        iam.create_user(UserName=user)
    iam.add_user_to_group(GroupName="readers", UserName="grouped")
    iam.put_user_policy(
        UserName="inline", PolicyName="secrets", PolicyDocument=_doc("secretsmanager:GetSecretValue")
    )
    iam.create_access_key(UserName="keyed")
    key = iam.create_access_key(UserName="retired")["AccessKey"]["AccessKeyId"]
    iam.update_access_key(UserName="retired", AccessKeyId=key, Status="Inactive")
    iam.create_policy(PolicyName="everything", PolicyDocument=_doc("*"))
    read = iam.create_policy(
        PolicyName="bucket-read", PolicyDocument=_doc("s3:GetObject", "arn:aws:s3:::reports/*")
    )
    iam.attach_user_policy(UserName="direct", PolicyArn=read["Policy"]["Arn"])
    trust = json.dumps(
        {
            "Version": "2012-10-17",
            "Statement": [
                {"Effect": "Allow", "Principal": {"Service": "ec2.amazonaws.com"}, "Action": "sts:AssumeRole"}
            ],
        }
    )
    iam.create_role(RoleName="escalator", AssumeRolePolicyDocument=trust)
    iam.put_role_policy(
        RoleName="escalator", PolicyName="p", PolicyDocument=_doc(["iam:PassRole", "ec2:RunInstances"])
    )
    iam.create_role(RoleName="scoped", AssumeRolePolicyDocument=trust)
    iam.put_role_policy(
        RoleName="scoped",
        PolicyName="p",
        PolicyDocument=_doc("sqs:SendMessage", "arn:aws:sqs:eu-west-2:123456789012:q"),
    )


def test_identity_rules_read_live() -> None:
    from moto import mock_aws

    with mock_aws():
        _identities()
        seen = _verdicts(["iam"])
    assert seen[("iam_access_key_long_term", "keyed")] == "fail"
    assert seen[("iam_access_key_long_term", "retired")] == "pass"
    assert seen[("iam_user_no_direct_policies", "grouped")] == "pass"
    assert seen[("iam_user_no_direct_policies", "direct")] == "fail"
    assert seen[("iam_user_no_direct_policies", "inline")] == "fail"
    assert seen[("iam_user_policy_least_privilege", "inline")] == "fail"
    assert seen[("iam_policy_least_privilege", "everything")] == "fail"
    assert seen[("iam_policy_least_privilege", "bucket-read")] == "pass"
    assert seen[("iam_role_policy_least_privilege", "escalator")] == "fail"
    assert seen[("iam_role_policy_least_privilege", "scoped")] == "pass"


def test_break_glass_key_passes_live() -> None:
    from moto import mock_aws

    with mock_aws():
        _identities()
        seen = _verdicts(["iam"], WorkloadScope(regions=(REGION,), break_glass=("keyed",)))
    assert seen[("iam_access_key_long_term", "keyed")] == "pass"


def test_trail_rules_read_live() -> None:
    from moto import mock_aws

    with mock_aws():
        boto3.client("s3", region_name=REGION).create_bucket(
            Bucket="trail-logs", CreateBucketConfiguration={"LocationConstraint": REGION}
        )
        ct = boto3.client("cloudtrail", region_name=REGION)
        ct.create_trail(Name="everywhere", S3BucketName="trail-logs", IsMultiRegionTrail=True)
        ct.start_logging(Name="everywhere")
        ct.create_trail(Name="home-only", S3BucketName="trail-logs")
        seen = _verdicts(["cloudtrail"])
    assert seen[("cloudtrail_trail_multi_region", "everywhere")] == "pass"
    assert seen[("cloudtrail_trail_multi_region", "home-only")] == "fail"
    assert seen[("cloudtrail_trail_logging", "everywhere")] == "pass"
    assert seen[("cloudtrail_trail_logging", "home-only")] == "fail"
    assert seen[("cloudtrail_cloudwatch_logs", "everywhere")] == "fail"


def test_certificate_transparency_preference_read_live() -> None:
    from moto import mock_aws

    with mock_aws():
        acm = boto3.client("acm", region_name=REGION)
        acm.request_certificate(DomainName="logged.example.org", ValidationMethod="DNS")
        acm.request_certificate(
            DomainName="hidden.example.org",
            ValidationMethod="DNS",
            Options={"CertificateTransparencyLoggingPreference": "DISABLED"},
        )
        factory = ClientFactory(boto3.session.Session(region_name=REGION))
        inventory, _ = collect(
            plan(select_collectors(["acm"]), [ACCOUNT], (REGION,)), {ACCOUNT: factory}, (REGION,)
        )
    now = datetime(2026, 11, 28, tzinfo=UTC)
    rules = [r for r in load_rules() if r.id == "acm_certificate_transparency_logging"]
    found = evaluate(rules, inventory, RuleContext(inventory=inventory, now=now), observed_at=now)
    names = {
        r.id: r.properties["DomainName"] for r in inventory.of_type("AWS::CertificateManager::Certificate")
    }
    seen = {names[f.resource.id]: f.status.value for f in found.findings}
    assert seen == {"logged.example.org": "pass", "hidden.example.org": "fail"}
