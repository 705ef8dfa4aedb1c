"""Wrong types in Terraform inputs: a policy that is not JSON, JSON that is not a document, a trust policy that is
a number. Each rule that reads the policy must answer UNKNOWN (naming what is malformed), never PASS."""

from __future__ import annotations

from pathlib import Path

import pytest

from wasp.scan_workflow import scan

_TRUST = 'jsonencode({Version = "2012-10-17", Statement = [{Effect = "Allow", Action = "sts:AssumeRole", '
_TRUST += 'Principal = {Service = "lambda.amazonaws.com"}}]})'

POLICY_RULES = ("iam_role_no_admin", "iam_role_no_broad_access")


def _statuses(folder: Path, text: str) -> dict[tuple[str, str], tuple[str, str]]:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "main.tf").write_text(text)
    result = scan([folder])
    assert result.errors == []
    return {(f.rule, f.resource.address or ""): (f.status.value, f.message) for f in result.findings}


@pytest.mark.parametrize(
    "policy",
    [
        '"not json"',
        "jsonencode(42)",
        'jsonencode("text")',
        'jsonencode({Statement = "x"})',
        "jsonencode([1])",
    ],
)
def test_an_inline_policy_that_is_not_a_document_is_unknown(tmp_path: Path, policy: str) -> None:
    found = _statuses(
        tmp_path / "m",
        f"""
resource "aws_iam_role" "app" {{
  name               = "app"
  assume_role_policy = {_TRUST}
}}

resource "aws_iam_role_policy" "app" {{
  name   = "app"
  role   = aws_iam_role.app.id
  policy = {policy}
}}
""",
    )
    for rule in POLICY_RULES:
        status, message = found[(rule, "aws_iam_role.app")]
        assert status == "unknown", (rule, message)
        assert "malformed" in message or "expected" in message or "not JSON" in message, message


@pytest.mark.parametrize("trust", ["42", '"not json"', "jsonencode({Statement = [42]})"])
def test_a_trust_policy_of_the_wrong_type_is_unknown(tmp_path: Path, trust: str) -> None:
    found = _statuses(
        tmp_path / "m",
        f"""
resource "aws_iam_role" "app" {{
  name               = "app"
  assume_role_policy = {trust}
}}
""",
    )
    status, message = found[("iam_role_trust_restricted", "aws_iam_role.app")]
    assert status == "unknown", message


def test_a_well_formed_inline_policy_still_passes(tmp_path: Path) -> None:
    found = _statuses(
        tmp_path / "m",
        f"""
resource "aws_iam_role" "app" {{
  name               = "app"
  assume_role_policy = {_TRUST}
}}

resource "aws_iam_role_policy" "app" {{
  name   = "app"
  role   = aws_iam_role.app.id
  policy = jsonencode({{Version = "2012-10-17", Statement = [{{Effect = "Allow", Action = "sqs:SendMessage",
    Resource = "arn:aws:sqs:eu-west-2:111122223333:orders"}}]}})
}}
""",
    )
    assert found[("iam_role_no_admin", "aws_iam_role.app")][0] == "pass"
    assert found[("iam_role_trust_restricted", "aws_iam_role.app")][0] == "pass"


_HOSTILE = """
AWSTemplateFormatVersion: "2010-09-09"
Resources:
  Role:
    Type: AWS::IAM::Role
    Properties:
      AssumeRolePolicyDocument: "not a document"
      Policies: "oops"
  Logs:
    Type: AWS::Logs::LogGroup
    Properties:
      KmsKeyId: {a: 1}
  Table:
    Type: AWS::DynamoDB::Table
    Properties:
      KeySchema: [{AttributeName: id, KeyType: HASH}]
      AttributeDefinitions: [{AttributeName: id, AttributeType: S}]
      BillingMode: PAY_PER_REQUEST
      PointInTimeRecoverySpecification: "yes"
"""


@pytest.mark.parametrize(
    ("rule", "address", "words"),
    [
        ("iam_role_trust_restricted", "Role", "AssumeRolePolicyDocument"),
        ("iam_role_no_admin", "Role", "Policies is a string; expected a list"),
        ("iam_role_no_broad_access", "Role", "Policies is a string; expected a list"),
        ("iam_role_policy_least_privilege", "Role", "Policies is a string; expected a list"),
        ("logs_group_kms_encrypted", "Logs", "KmsKeyId is a mapping; expected a KMS key"),
        (
            "dynamodb_point_in_time_recovery",
            "Table",
            "PointInTimeRecoverySpecification is a string; expected a mapping with PointInTimeRecoveryEnabled",
        ),
    ],
)
def test_the_hostile_template_of_the_last_review_is_unknown_naming_the_property(
    tmp_path: Path, rule: str, address: str, words: str
) -> None:
    template = tmp_path / "stack.yaml"
    template.write_text(_HOSTILE)
    result = scan([template])
    found = {(f.rule, f.resource.address): f for f in result.findings}
    finding = found[(rule, address)]
    assert finding.status.value == "unknown", finding.message
    assert words in finding.message
