"""EMR security configurations encrypt data at rest: S3 with KMS, local disks and EBS volumes."""

import json
from typing import Any

from wasp.model import FindingStatus, Severity, Unresolved
from wasp.model.rule import (
    Example,
    Remediation,
    ResourceView,
    RuleContext,
    RuleMeta,
    Verdict,
    example_resource,
    failed,
    passed,
    unknown,
)
from wasp.rules._iam_services import configuration
from wasp.rules._shape import expect_type, is_text, on

META = RuleMeta(
    title="EMR security configurations encrypt data at rest with KMS",
    severity=Severity.HIGH,
    best_practices=("SEC08-BP02", "SEC08-BP01"),
    resource_type="AWS::EMR::SecurityConfiguration",
    description="A cluster launched with the configuration writes EMRFS data to S3, and shuffles and spills to "
    "local disks and EBS volumes. At-rest encryption must be on, S3 data encrypted with KMS (SSE-KMS or "
    "CSE-KMS), local disks encrypted by a key provider, and EBS encryption enabled.",
    remediation=Remediation(
        console="EMR > Security configurations > Create: At-rest encryption on, S3 encryption SSE-KMS with a "
        "key, local disk encryption with AWS KMS and 'Encrypt EBS volumes' ticked.",
        cli="aws emr create-security-configuration --name NAME --security-configuration file://config.json",
        cloudformation="SecurityConfiguration: {EncryptionConfiguration: {EnableAtRestEncryption: true, "
        "AtRestEncryptionConfiguration: {S3EncryptionConfiguration: {EncryptionMode: SSE-KMS, AwsKmsKey: KEY}, "
        "LocalDiskEncryptionConfiguration: {EncryptionKeyProviderType: AwsKms, AwsKmsKey: KEY, "
        "EnableEbsEncryption: true}}}}",
        terraform="configuration = jsonencode({EncryptionConfiguration = {EnableAtRestEncryption = true, "
        'AtRestEncryptionConfiguration = {S3EncryptionConfiguration = {EncryptionMode = "SSE-KMS", ...}, '
        'LocalDiskEncryptionConfiguration = {EncryptionKeyProviderType = "AwsKms", EnableEbsEncryption = true, ...}}}})',
    ),
    checkov=("CKV_AWS_171", "CKV_AWS_349", "CKV_AWS_350"),
)


def _mapping(value: Any) -> bool:
    return isinstance(value, dict)


def evaluate(view: ResourceView, ctx: RuleContext) -> Verdict | None:
    """Fail at-rest encryption off, S3 without KMS, unencrypted local disks or EBS volumes."""
    enc = configuration(view)
    if enc is None:
        return unknown("the security configuration is not a readable JSON document")
    if not on("EnableAtRestEncryption", enc.get("EnableAtRestEncryption")):
        return failed(f"EMR security configuration {view.label('Name')} has at-rest encryption off")
    at_rest = (
        expect_type(
            "AtRestEncryptionConfiguration", enc.get("AtRestEncryptionConfiguration"), _mapping, "a mapping"
        )
        or {}
    )
    s3 = (
        expect_type(
            "S3EncryptionConfiguration", at_rest.get("S3EncryptionConfiguration"), _mapping, "a mapping"
        )
        or {}
    )
    local = (
        expect_type(
            "LocalDiskEncryptionConfiguration",
            at_rest.get("LocalDiskEncryptionConfiguration"),
            _mapping,
            "a mapping",
        )
        or {}
    )
    expect_type("S3EncryptionConfiguration.EncryptionMode", s3.get("EncryptionMode"), is_text, "a string")
    expect_type(
        "LocalDiskEncryptionConfiguration.EncryptionKeyProviderType",
        local.get("EncryptionKeyProviderType"),
        is_text,
        "a string",
    )
    problems = []
    mode = s3.get("EncryptionMode")
    if str(mode).upper() not in ("SSE-KMS", "CSE-KMS"):
        problems.append(f"S3 data encrypted with {mode or 'no mode'}, not SSE-KMS or CSE-KMS")
    if not local.get("EncryptionKeyProviderType"):
        problems.append("local disks are not encrypted")
    elif not on("EnableEbsEncryption", local.get("EnableEbsEncryption")):
        problems.append("EBS volumes are not encrypted")
    view.note("at_rest_problems", problems)
    if problems:
        return failed(f"EMR security configuration {view.label('Name')}: {'; '.join(problems)}")
    return passed("S3, local disks and EBS volumes encrypted with KMS")


def _config(enc: Any) -> Any:
    return example_resource(
        "AWS::EMR::SecurityConfiguration",
        {"Name": "emr", "SecurityConfiguration": {"EncryptionConfiguration": enc}},
    )


_KEY = "arn:aws:kms:eu-west-2:111122223333:key/1"
_GOOD: dict[str, Any] = {
    "EnableAtRestEncryption": True,
    "EnableInTransitEncryption": True,
    "AtRestEncryptionConfiguration": {
        "S3EncryptionConfiguration": {"EncryptionMode": "SSE-KMS", "AwsKmsKey": _KEY},
        "LocalDiskEncryptionConfiguration": {
            "EncryptionKeyProviderType": "AwsKms",
            "AwsKmsKey": _KEY,
            "EnableEbsEncryption": True,
        },
    },
}
EXAMPLES = (
    Example("kms-everywhere", _config(_GOOD), FindingStatus.PASS),
    Example("off", _config({**_GOOD, "EnableAtRestEncryption": False}), FindingStatus.FAIL),
    Example(
        "sse-s3",
        _config(
            {
                **_GOOD,
                "AtRestEncryptionConfiguration": {
                    **_GOOD["AtRestEncryptionConfiguration"],
                    "S3EncryptionConfiguration": {"EncryptionMode": "SSE-S3"},
                },
            }
        ),
        FindingStatus.FAIL,
    ),
    Example(
        "no-ebs",
        _config(
            {
                **_GOOD,
                "AtRestEncryptionConfiguration": {
                    **_GOOD["AtRestEncryptionConfiguration"],
                    "LocalDiskEncryptionConfiguration": {
                        "EncryptionKeyProviderType": "AwsKms",
                        "AwsKmsKey": _KEY,
                    },
                },
            }
        ),
        FindingStatus.FAIL,
    ),
    Example(
        "json-string",
        example_resource(
            "AWS::EMR::SecurityConfiguration",
            {"SecurityConfiguration": json.dumps({"EncryptionConfiguration": _GOOD})},
        ),
        FindingStatus.PASS,
    ),
    Example(
        "unknown",
        example_resource(
            "AWS::EMR::SecurityConfiguration", {"SecurityConfiguration": Unresolved("a parameter")}
        ),
        FindingStatus.UNKNOWN,
    ),
)
