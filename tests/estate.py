"""A labelled emulated estate: secure and insecure twins for every verdict wasp must get right.

Each case seeds resources in the emulated account (two regions) and labels what the review must say about them:
the rule, the resource, the best practice and the status (fail for the insecure twin, pass for the secure one,
unknown where the truth could not be seen). ``tests/test_accuracy.py`` scores a live review of the estate against
the labels; ``bench/accuracy.py`` prints recall, false positives and calls per resource.

Seeding goes through boto3 against whatever endpoint the environment names (in-process moto or a moto server on
127.0.0.1); nothing here reaches AWS.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

import boto3

ACCOUNT = "123456789012"
"""moto's default account."""
HOME, OTHER = "eu-west-2", "us-east-1"
REGIONS = (HOME, OTHER)
OUTSIDE = "999988887777"
ADMIN = "arn:aws:iam::aws:policy/AdministratorAccess"


@dataclass(frozen=True)
class Label:
    """What the review must say about one resource under one rule."""

    case: str
    """The issue section the case exercises (exposure, policy, regional, classification, secrets, cloudfront)."""
    rule: str
    resource: str
    """The finding's resource id."""
    best_practice: str
    expect: str
    """fail (the insecure twin), pass (the secure twin) or unknown (not seen)."""
    severity: str | None = None
    """When set, the severity the finding must carry (a latent grant is low, not critical)."""


def _c(service: str, region: str = HOME) -> Any:
    return boto3.client(service, region_name=region)


def _policy(*statements: dict[str, Any]) -> str:
    return json.dumps({"Version": "2012-10-17", "Statement": list(statements)})


def _bucket(name: str, **tags: str) -> None:
    s3 = _c("s3")
    s3.create_bucket(Bucket=name, CreateBucketConfiguration={"LocationConstraint": HOME})
    if tags:
        s3.put_bucket_tagging(
            Bucket=name, Tagging={"TagSet": [{"Key": k, "Value": v} for k, v in tags.items()]}
        )


def _block(name: str, on: bool) -> None:
    flags = dict.fromkeys(
        ("BlockPublicAcls", "IgnorePublicAcls", "BlockPublicPolicy", "RestrictPublicBuckets"), on
    )
    _c("s3").put_public_access_block(Bucket=name, PublicAccessBlockConfiguration=flags)


def exposure() -> list[Label]:
    """S3 grants neutralised by Block Public Access; SNS/SQS policies limited by source conditions."""
    s3 = _c("s3")
    read_all = {"Effect": "Allow", "Principal": "*", "Action": "s3:GetObject"}
    _bucket("estate-public-policy")
    _block("estate-public-policy", False)
    s3.put_bucket_policy(
        Bucket="estate-public-policy",
        Policy=_policy({**read_all, "Resource": "arn:aws:s3:::estate-public-policy/*"}),
    )
    _bucket("estate-blocked-policy")
    s3.put_bucket_policy(
        Bucket="estate-blocked-policy",
        Policy=_policy({**read_all, "Resource": "arn:aws:s3:::estate-blocked-policy/*"}),
    )
    _block("estate-blocked-policy", True)  # RestrictPublicBuckets neutralises the grant
    sns = _c("sns")
    publish = {"Effect": "Allow", "Principal": "*", "Action": "sns:Publish"}
    open_topic = sns.create_topic(Name="estate-open-topic")["TopicArn"]
    sns.set_topic_attributes(
        TopicArn=open_topic,
        AttributeName="Policy",
        AttributeValue=_policy({**publish, "Resource": open_topic}),
    )
    scoped_topic = sns.create_topic(Name="estate-scoped-topic")["TopicArn"]
    sns.set_topic_attributes(
        TopicArn=scoped_topic,
        AttributeName="Policy",
        AttributeValue=_policy(
            {
                **publish,
                "Resource": scoped_topic,
                "Condition": {"StringEquals": {"aws:SourceAccount": ACCOUNT}},
            }
        ),
    )
    sqs = _c("sqs")
    send = {"Effect": "Allow", "Principal": "*", "Action": "sqs:SendMessage"}
    arn = f"arn:aws:sqs:{HOME}:{ACCOUNT}:"
    sqs.create_queue(
        QueueName="estate-open-queue",
        Attributes={"Policy": _policy({**send, "Resource": arn + "estate-open-queue"})},
    )
    sqs.create_queue(
        QueueName="estate-scoped-queue",
        Attributes={
            "Policy": _policy(
                {
                    **send,
                    "Resource": arn + "estate-scoped-queue",
                    "Condition": {
                        "ArnLike": {"aws:SourceArn": f"arn:aws:sns:{HOME}:{ACCOUNT}:estate-scoped-topic"}
                    },
                }
            )
        },
    )
    return [
        Label("exposure", "s3_bucket_policy_not_public", "estate-public-policy", "SEC03-BP07", "fail"),
        Label(
            "exposure", "s3_bucket_policy_not_public", "estate-blocked-policy", "SEC03-BP07", "fail", "low"
        ),
        Label("exposure", "sns_topic_policy_not_public", "estate-open-topic", "SEC03-BP07", "fail"),
        Label("exposure", "sns_topic_policy_not_public", "estate-scoped-topic", "SEC03-BP07", "pass"),
        Label("exposure", "sqs_queue_policy_not_public", "estate-open-queue", "SEC03-BP07", "fail"),
        Label("exposure", "sqs_queue_policy_not_public", "estate-scoped-queue", "SEC03-BP07", "pass"),
    ]


def _role(name: str, trust: dict[str, Any]) -> None:
    _c("iam").create_role(RoleName=name, AssumeRolePolicyDocument=_policy(trust))


_EC2_TRUST = {"Effect": "Allow", "Principal": {"Service": "ec2.amazonaws.com"}, "Action": "sts:AssumeRole"}


def policy() -> list[Label]:
    """NotAction near-admin, admin through a group, broad service wildcards, trust policies."""
    iam = _c("iam")
    _role("estate-notaction-role", _EC2_TRUST)
    iam.put_role_policy(
        RoleName="estate-notaction-role",
        PolicyName="all-but-iam",
        PolicyDocument=_policy({"Effect": "Allow", "NotAction": ["iam:*"], "Resource": "*"}),
    )
    _role("estate-scoped-role", _EC2_TRUST)
    iam.put_role_policy(
        RoleName="estate-scoped-role",
        PolicyName="read-one-bucket",
        PolicyDocument=_policy(
            {"Effect": "Allow", "Action": ["s3:GetObject"], "Resource": "arn:aws:s3:::estate-data/*"}
        ),
    )
    _role("estate-kms-star-role", _EC2_TRUST)
    iam.put_role_policy(
        RoleName="estate-kms-star-role",
        PolicyName="all-kms",
        PolicyDocument=_policy({"Effect": "Allow", "Action": "KMS:*", "Resource": "*"}),
    )
    iam.create_group(GroupName="estate-admins")
    iam.attach_group_policy(GroupName="estate-admins", PolicyArn=ADMIN)
    iam.create_user(UserName="estate-admin-by-group")
    iam.add_user_to_group(GroupName="estate-admins", UserName="estate-admin-by-group")
    iam.create_group(GroupName="estate-readers")
    iam.attach_group_policy(GroupName="estate-readers", PolicyArn="arn:aws:iam::aws:policy/ReadOnlyAccess")
    iam.create_user(UserName="estate-reader")
    iam.add_user_to_group(GroupName="estate-readers", UserName="estate-reader")
    assume = "sts:AssumeRole"
    _role("estate-trust-anyone", {"Effect": "Allow", "Principal": {"AWS": "*"}, "Action": assume})
    _role(
        "estate-trust-other-account",
        {"Effect": "Allow", "Principal": {"AWS": f"arn:aws:iam::{OUTSIDE}:root"}, "Action": assume},
    )
    _role(
        "estate-trust-external-id",
        {
            "Effect": "Allow",
            "Principal": {"AWS": f"arn:aws:iam::{OUTSIDE}:root"},
            "Action": assume,
            "Condition": {"StringEquals": {"sts:ExternalId": "estate-3f9c"}},
        },
    )
    oidc = f"arn:aws:iam::{ACCOUNT}:oidc-provider/token.actions.githubusercontent.com"
    web = "sts:AssumeRoleWithWebIdentity"
    aud = {"token.actions.githubusercontent.com:aud": "sts.amazonaws.com"}
    _role(
        "estate-oidc-any-repo",
        {
            "Effect": "Allow",
            "Principal": {"Federated": oidc},
            "Action": web,
            "Condition": {"StringEquals": aud},
        },
    )
    _role(
        "estate-oidc-one-repo",
        {
            "Effect": "Allow",
            "Principal": {"Federated": oidc},
            "Action": web,
            "Condition": {
                "StringEquals": aud,
                "StringLike": {
                    "token.actions.githubusercontent.com:sub": "repo:example/app:ref:refs/heads/main"
                },
            },
        },
    )
    return [
        Label("policy", "iam_role_no_admin", "estate-notaction-role", "SEC03-BP02", "fail"),
        Label("policy", "iam_role_no_admin", "estate-scoped-role", "SEC03-BP02", "pass"),
        Label("policy", "iam_role_no_broad_access", "estate-kms-star-role", "SEC03-BP02", "fail"),
        Label("policy", "iam_user_no_admin", "estate-admin-by-group", "SEC03-BP02", "fail"),
        Label("policy", "iam_user_no_admin", "estate-reader", "SEC03-BP02", "pass"),
        Label("trust", "iam_role_trust_restricted", "estate-trust-anyone", "SEC03-BP09", "fail"),
        Label("trust", "iam_role_trust_restricted", "estate-trust-other-account", "SEC03-BP09", "fail"),
        Label("trust", "iam_role_trust_restricted", "estate-trust-external-id", "SEC03-BP09", "pass"),
        Label("trust", "iam_role_trust_restricted", "estate-oidc-any-repo", "SEC03-BP09", "fail"),
        Label("trust", "iam_role_trust_restricted", "estate-oidc-one-repo", "SEC03-BP09", "pass"),
    ]


def regional() -> list[Label]:
    """EBS default encryption on in one region only: the account fails, naming the other region."""
    _c("ec2", HOME).enable_ebs_encryption_by_default()
    return [Label("regional", "ebs_encryption_by_default", ACCOUNT, "SEC08-BP03", "fail")]


def classification() -> list[Label]:
    """Tags the way organisations write them: a PII bucket on an AWS key fails the CMK rule; on a CMK it passes."""
    key = _c("kms").create_key(Description="estate data key")["KeyMetadata"]["Arn"]
    _bucket("estate-pii-sse-s3", **{"data-classification": "PII"})
    _bucket("estate-pii-cmk", **{"data-classification": "PII"})
    _c("s3").put_bucket_encryption(
        Bucket="estate-pii-cmk",
        ServerSideEncryptionConfiguration={
            "Rules": [
                {"ApplyServerSideEncryptionByDefault": {"SSEAlgorithm": "aws:kms", "KMSMasterKeyID": key}}
            ]
        },
    )
    _bucket("estate-sensitive-sse-s3", Sensitivity="Confidential")
    return [
        Label("classification", "s3_bucket_cmk_for_sensitive", "estate-pii-sse-s3", "SEC08-BP02", "fail"),
        Label("classification", "s3_bucket_cmk_for_sensitive", "estate-pii-cmk", "SEC08-BP02", "pass"),
        Label(
            "classification", "s3_bucket_cmk_for_sensitive", "estate-sensitive-sse-s3", "SEC08-BP02", "fail"
        ),
        Label("classification", "s3_bucket_classified", "estate-pii-cmk", "SEC07-BP01", "pass"),
    ]


def _lambda(name: str, variables: dict[str, str]) -> None:
    role = _c("iam").create_role(
        RoleName=f"{name}-role",
        AssumeRolePolicyDocument=_policy(
            {"Effect": "Allow", "Principal": {"Service": "lambda.amazonaws.com"}, "Action": "sts:AssumeRole"}
        ),
    )["Role"]["Arn"]
    _c("lambda").create_function(
        FunctionName=name,
        Runtime="python3.12",
        Role=role,
        Handler="index.handler",
        Code={"ZipFile": b"PK\x05\x06" + b"\x00" * 18},
        Environment={"Variables": variables},
    )


def secrets() -> list[Label]:
    """References to secrets are not secrets; literal passwords and keys are."""
    _lambda(
        "estate-secret-refs",
        {
            "DB_PASSWORD": "/prod/payments/db/password",
            "API_TOKEN_ARN": f"arn:aws:secretsmanager:{HOME}:{ACCOUNT}:secret:prod/api-token-AbCdEf",
            "SIGNING_KEY_PARAM": "ssm:/prod/signing/key",
        },
    )
    _lambda("estate-secret-literal", {"DB_PASSWORD": "Tr0ub4dor&3-horse", "STAGE": "prod"})
    user_data = "#!/bin/bash\nexport AWS_SECRET_ACCESS_KEY=wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY\n"
    ec2 = _c("ec2")
    image = ec2.describe_images(Owners=["amazon"])["Images"]
    ami = image[0]["ImageId"] if image else "ami-12c6146b"
    ec2.run_instances(
        ImageId=ami,
        MinCount=1,
        MaxCount=1,
        UserData=user_data,
        TagSpecifications=[
            {"ResourceType": "instance", "Tags": [{"Key": "Name", "Value": "estate-userdata-secret"}]}
        ],
        MetadataOptions={"HttpTokens": "required"},
    )
    return [
        Label("secrets", "lambda_no_secrets_in_env", "estate-secret-refs", "SEC02-BP03", "pass"),
        Label("secrets", "lambda_no_secrets_in_env", "estate-secret-literal", "SEC02-BP03", "fail"),
    ]


def cloudfront() -> list[Label]:
    """CloudFront judged from the distribution's own config: plain HTTP allowed fails, HTTPS only passes."""
    cf = _c("cloudfront", "us-east-1")
    labels = []
    for name, policy in (("estate-cf-http", "allow-all"), ("estate-cf-https", "redirect-to-https")):
        cfg = {
            "CallerReference": name,
            "Comment": name,
            "Enabled": True,
            "Origins": {
                "Quantity": 1,
                "Items": [
                    {
                        "Id": "o",
                        "DomainName": "example.s3.amazonaws.com",
                        "S3OriginConfig": {"OriginAccessIdentity": ""},
                    }
                ],
            },
            "DefaultCacheBehavior": {
                "TargetOriginId": "o",
                "ViewerProtocolPolicy": policy,
                "MinTTL": 0,
                "ForwardedValues": {"QueryString": False, "Cookies": {"Forward": "none"}},
            },
        }
        dist = cf.create_distribution(DistributionConfig=cfg)["Distribution"]["Id"]
        labels.append(
            Label(
                "cloudfront",
                "cloudfront_https_only",
                dist,
                "SEC09-BP02",
                "fail" if policy == "allow-all" else "pass",
            )
        )
    return labels


UNSEEN_FAULTS = (("cloudfront", "GetDistributionConfig"), ("s3", "GetBucketPolicy"))
"""Reads denied (403) in a second review of the estate: what they would have shown must be unknown."""


def unseen_labels(labels: Iterable[Label]) -> list[Label]:
    """The labels a review with ``UNSEEN_FAULTS`` denied must answer unknown: every verdict resting on those reads."""
    hidden = {"cloudfront_https_only", "s3_bucket_policy_not_public"}
    return [
        Label("unseen (denied)", lab.rule, lab.resource, lab.best_practice, "unknown")
        for lab in labels
        if lab.rule in hidden
    ]


SECTIONS: tuple[Callable[[], list[Label]], ...] = (
    exposure,
    policy,
    regional,
    classification,
    secrets,
    cloudfront,
)


def seed() -> list[Label]:
    """Create the estate in the current emulated account; the labels it must be judged by."""
    labels: list[Label] = []
    for section in SECTIONS:
        labels.extend(section())
    return labels


@dataclass(frozen=True)
class Score:
    """How a review did against the labels."""

    total: int
    right: int
    missed: tuple[str, ...]
    """Insecure twins not failed (or not failed with the labelled severity)."""
    false_positives: tuple[str, ...]
    """Secure twins failed."""
    wrong: tuple[str, ...]
    """Every label the review got wrong, with what it said."""

    @property
    def recall(self) -> float:
        """Share of insecure twins failed."""
        fails = self.total_fails
        return 1.0 if not fails else (fails - len(self.missed)) / fails

    total_fails: int = 0


def score(findings: Iterable[dict[str, Any]], labels: Iterable[Label]) -> Score:
    """Compare review findings (review JSON ``findings``) with the labels."""
    by_key = {(f["rule"], f["resource"]["id"]): f for f in findings}
    labels = list(labels)
    missed: list[str] = []
    false_positives: list[str] = []
    wrong: list[str] = []
    for label in labels:
        found = by_key.get((label.rule, label.resource))
        said = found["status"] if found else "no finding"
        ok = found is not None and said == label.expect and label.best_practice in found["best_practices"]
        if ok and label.severity is not None and found is not None:
            ok = found["severity"] == label.severity
        if ok:
            continue
        what = f"{label.case}: {label.rule} on {label.resource}: expected {label.expect}"
        what += f" ({label.severity})" if label.severity else ""
        what += f", got {said}" + (f" ({found['severity']}): {found['message']}" if found else "")
        wrong.append(what)
        if label.expect == "fail":
            missed.append(what)
        elif label.expect == "pass" and said == "fail":
            false_positives.append(what)
    fails = sum(1 for label in labels if label.expect == "fail")
    return Score(
        len(labels), len(labels) - len(wrong), tuple(missed), tuple(false_positives), tuple(wrong), fails
    )
