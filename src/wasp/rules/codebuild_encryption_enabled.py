"""CodeBuild projects keep encryption on for artifacts and S3 build logs."""

from typing import Any

from wasp.model import Severity
from wasp.model.rule import Remediation, ResourceView, RuleContext, RuleMeta, Verdict, failed, passed
from wasp.rules._expect import examples
from wasp.rules._net import live_reads, with_read
from wasp.rules._shape import block, expect_type, is_text, items, on

META = RuleMeta(
    title="CodeBuild artifacts and S3 logs are encrypted",
    severity=Severity.MEDIUM,
    best_practices=("SEC08-BP02",),
    resource_type="AWS::CodeBuild::Project",
    description="CodeBuild encrypts build output by default; EncryptionDisabled turns that off for S3 "
    "artifacts (primary or secondary) or for build logs written to S3, leaving build output readable by "
    "anyone who can read the bucket.",
    remediation=Remediation(
        console="CodeBuild > PROJECT > Edit > Artifacts / Logs: clear 'Disable artifact encryption' and "
        "'Disable S3 log encryption'.",
        cli="aws codebuild update-project --name P --artifacts type=S3,location=B,encryptionDisabled=false",
        cloudformation="Artifacts: {EncryptionDisabled: false}; LogsConfig: {S3Logs: {EncryptionDisabled: false}}",
        terraform="artifacts { encryption_disabled = false }  logs_config { s3_logs { encryption_disabled = false } }",
    ),
    checkov=("CKV_AWS_78", "CKV_AWS_311"),
)


def _disabled(block: Any) -> bool:
    if block is None:
        return False
    expect_type("Artifacts", block, lambda v: isinstance(v, dict), "a mapping")
    kind = expect_type("Artifacts.Type", block.get("Type", "S3"), is_text, "a string")
    return bool(
        kind != "NO_ARTIFACTS" and on("Artifacts.EncryptionDisabled", block.get("EncryptionDisabled"))
    )


def _evaluate(view: ResourceView, ctx: RuleContext) -> Verdict | None:
    """Every artifact and the S3 logs keep encryption on."""
    problems = []
    artifacts = [view.get("Artifacts"), *items(view, "SecondaryArtifacts")]
    if any(_disabled(a) for a in artifacts):
        problems.append("artifact encryption disabled")
    logs = block(view, "LogsConfig.S3Logs")
    if (
        isinstance(logs, dict)
        and str(logs.get("Status", "DISABLED")).upper() == "ENABLED"
        and on("LogsConfig.S3Logs.EncryptionDisabled", logs.get("EncryptionDisabled"))
    ):
        problems.append("S3 log encryption disabled")
    if problems:
        return failed(f"CodeBuild project {view.label('Name')}: {', '.join(problems)}")
    return passed("artifacts and S3 logs encrypted")


evaluate = live_reads("Artifacts", _evaluate)

EXAMPLES = with_read(
    {"Artifacts": {"Type": "S3"}},
    examples(
        "AWS::CodeBuild::Project",
        passing=[("default", {"Artifacts": {"Type": "S3", "Location": "b"}})],
        failing=[
            ("artifacts", {"Artifacts": {"Type": "S3", "EncryptionDisabled": True}}),
            (
                "logs",
                {
                    "Artifacts": {"Type": "NO_ARTIFACTS"},
                    "LogsConfig": {"S3Logs": {"Status": "ENABLED", "EncryptionDisabled": True}},
                },
            ),
        ],
    ),
)
