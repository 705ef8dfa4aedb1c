"""Effective exposure in templates: CloudFormation and Terraform give the same verdicts and severities for public
grants neutralised by a bucket's PublicAccessBlockConfiguration or OwnershipControls."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import NOW
from wasp.engine.evaluate import evaluate
from wasp.iac.enrich import enrich
from wasp.iac.scan import ScanOptions, Source, SourceKind, read_source
from wasp.model import Inventory
from wasp.model.rule import RuleContext
from wasp.rules import load_rules

RULES = [r for r in load_rules() if r.id in ("s3_bucket_acl_not_public", "s3_bucket_policy_not_public")]

CFN = """
Resources:
  Open:
    Type: AWS::S3::Bucket
    Properties:
      BucketName: x-open
      AccessControl: PublicRead
      OwnershipControls: {Rules: [{ObjectOwnership: ObjectWriter}]}
  OpenPolicy:
    Type: AWS::S3::BucketPolicy
    Properties:
      Bucket: !Ref Open
      PolicyDocument: {Statement: [{Effect: Allow, Principal: "*", Action: s3:GetObject, Resource: "arn:aws:s3:::x-open/*"}]}
  Blocked:
    Type: AWS::S3::Bucket
    Properties:
      BucketName: x-blocked
      AccessControl: PublicRead
      OwnershipControls: {Rules: [{ObjectOwnership: ObjectWriter}]}
      PublicAccessBlockConfiguration:
        BlockPublicAcls: true
        IgnorePublicAcls: true
        BlockPublicPolicy: true
        RestrictPublicBuckets: true
  BlockedPolicy:
    Type: AWS::S3::BucketPolicy
    Properties:
      Bucket: !Ref Blocked
      PolicyDocument: {Statement: [{Effect: Allow, Principal: "*", Action: s3:GetObject, Resource: "arn:aws:s3:::x-blocked/*"}]}
  Owned:
    Type: AWS::S3::Bucket
    Properties:
      BucketName: x-owned
      AccessControl: PublicRead
      OwnershipControls: {Rules: [{ObjectOwnership: BucketOwnerEnforced}]}
"""

TF = """
resource "aws_s3_bucket" "open" { bucket = "x-open" }
resource "aws_s3_bucket_ownership_controls" "open" {
  bucket = aws_s3_bucket.open.id
  rule { object_ownership = "ObjectWriter" }
}
resource "aws_s3_bucket_acl" "open" {
  bucket = aws_s3_bucket.open.id
  acl    = "public-read"
}
resource "aws_s3_bucket_policy" "open" {
  bucket = aws_s3_bucket.open.id
  policy = jsonencode({ Statement = [{ Effect = "Allow", Principal = "*", Action = "s3:GetObject", Resource = "arn:aws:s3:::x-open/*" }] })
}

resource "aws_s3_bucket" "blocked" { bucket = "x-blocked" }
resource "aws_s3_bucket_ownership_controls" "blocked" {
  bucket = aws_s3_bucket.blocked.id
  rule { object_ownership = "ObjectWriter" }
}
resource "aws_s3_bucket_acl" "blocked" {
  bucket = aws_s3_bucket.blocked.id
  acl    = "public-read"
}
resource "aws_s3_bucket_public_access_block" "blocked" {
  bucket                  = aws_s3_bucket.blocked.id
  block_public_acls       = true
  ignore_public_acls      = true
  block_public_policy     = true
  restrict_public_buckets = true
}
resource "aws_s3_bucket_policy" "blocked" {
  bucket = aws_s3_bucket.blocked.id
  policy = jsonencode({ Statement = [{ Effect = "Allow", Principal = "*", Action = "s3:GetObject", Resource = "arn:aws:s3:::x-blocked/*" }] })
}

resource "aws_s3_bucket" "owned" { bucket = "x-owned" }
resource "aws_s3_bucket_ownership_controls" "owned" {
  bucket = aws_s3_bucket.owned.id
  rule { object_ownership = "BucketOwnerEnforced" }
}
resource "aws_s3_bucket_acl" "owned" {
  bucket = aws_s3_bucket.owned.id
  acl    = "public-read"
}
"""

EXPECTED = {
    ("s3_bucket_acl_not_public", "x-open"): ("fail", "critical"),
    ("s3_bucket_policy_not_public", "x-open"): ("fail", "critical"),
    ("s3_bucket_acl_not_public", "x-blocked"): ("fail", "low"),
    ("s3_bucket_policy_not_public", "x-blocked"): ("fail", "low"),
    ("s3_bucket_acl_not_public", "x-owned"): ("fail", "low"),
}


def verdicts(kind: SourceKind, path: Path) -> dict[tuple[str, str], tuple[str, str]]:
    loaded = read_source(Source(kind, path), ScanOptions())
    assert loaded.errors == []
    inventory = Inventory()
    inventory.extend(enrich(r) for r in loaded.resources)
    ev = evaluate(
        RULES, inventory, RuleContext(inventory=inventory), observed_at=NOW, require_collected=False
    )
    names = {(r.type, r.id): str(r.properties.get("BucketName")) for r in inventory}
    return {
        (f.rule, names[(f.resource.type, f.resource.id)]): (f.status.value, f.severity.value)
        for f in ev.findings
    }


@pytest.mark.parametrize("kind", [SourceKind.CLOUDFORMATION, SourceKind.TERRAFORM])
def test_templates_weigh_block_public_access_and_ownership(kind: SourceKind, tmp_path: Path) -> None:
    if kind is SourceKind.CLOUDFORMATION:
        path = tmp_path / "template.yaml"
        path.write_text(CFN)
    else:
        path = tmp_path / "tf"
        path.mkdir()
        (path / "main.tf").write_text(TF)
    assert verdicts(kind, path) == EXPECTED
