"""CodePipeline artifact stores are encrypted with a customer managed KMS key."""

from typing import Any

from wasp.model import Severity
from wasp.model.rule import Remediation, ResourceView, RuleContext, RuleMeta, Verdict, failed, passed
from wasp.rules._expect import examples
from wasp.rules._shape import expect_type, is_text

META = RuleMeta(
    title="CodePipeline artifact stores use a customer managed key",
    severity=Severity.LOW,
    best_practices=("SEC08-BP01",),
    resource_type="AWS::CodePipeline::Pipeline",
    description="Pipeline artifacts (source, build output, deployment bundles) are encrypted with the AWS "
    "managed S3 key unless the artifact store names a customer managed key.",
    remediation=Remediation(
        console="CodePipeline > PIPELINE > Edit > Edit artifact store: Customer managed key.",
        cli="aws codepipeline update-pipeline --cli-input-json file://pipeline-with-encryptionKey.json",
        cloudformation="ArtifactStore: {Type: S3, Location: !Ref ArtifactBucket, EncryptionKey: {Id: !GetAtt Key.Arn, Type: KMS}}",
        terraform='artifact_store { ... encryption_key { id = aws_kms_key.pipeline.arn  type = "KMS" } }',
    ),
    checkov=("CKV_AWS_219",),
)


def _stores(view: ResourceView) -> list[Any]:
    single = view.get("ArtifactStore")
    many = [s.get("ArtifactStore") for s in view.get("ArtifactStores", []) if isinstance(s, dict)]
    return [s for s in [single, *many] if isinstance(s, dict)]


def evaluate(view: ResourceView, ctx: RuleContext) -> Verdict | None:
    """Every artifact store has an EncryptionKey."""
    stores = _stores(view)
    keys = [(s.get("EncryptionKey") or {}).get("Id") for s in stores]
    for key in keys:
        expect_type("ArtifactStore.EncryptionKey.Id", key, is_text, "a KMS key id or ARN")
    if stores and all(keys):
        return passed("artifacts encrypted with a customer managed key")
    return failed(f"pipeline {view.label('Name')} encrypts artifacts with the AWS managed key")


EXAMPLES = examples(
    "AWS::CodePipeline::Pipeline",
    passing=[
        (
            "cmk",
            {
                "ArtifactStore": {
                    "Type": "S3",
                    "EncryptionKey": {"Id": "arn:aws:kms:eu-west-2:1:key/k", "Type": "KMS"},
                }
            },
        )
    ],
    failing=[("default", {"ArtifactStore": {"Type": "S3", "Location": "artifacts"}})],
)
