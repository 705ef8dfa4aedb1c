"""Session Manager logs sessions to S3 or CloudWatch Logs, encrypted."""

from typing import Any

from wasp.model import FindingStatus, Severity, Unresolved
from wasp.model.rule import (
    Example,
    Remediation,
    ResourceView,
    RuleContext,
    RuleMeta,
    Verdict,
    failed,
    passed,
    unknown,
)
from wasp.rules._session import DOCUMENT, example_session, is_on, preference, session_inputs

META = RuleMeta(
    title="Session Manager session logs are kept and encrypted",
    severity=Severity.MEDIUM,
    best_practices=("SEC04-BP01",),
    resource_type=DOCUMENT,
    description="Session logs record what was typed on an instance: the evidence an investigation needs. "
    "They must go to an S3 bucket or a CloudWatch Logs group, with the destination's encryption required.",
    remediation=Remediation(
        console="Systems Manager > Session Manager > Preferences > Edit: S3 or CloudWatch logging on, "
        "'Allow only encrypted' on.",
        cli="aws ssm update-document --name SSM-SessionManagerRunShell --content file://prefs.json "
        "--document-version '$LATEST'  # inputs.s3BucketName + s3EncryptionEnabled",
        cloudformation="Content: {inputs: {s3BucketName: !Ref Logs, s3EncryptionEnabled: true}}",
        terraform="content = jsonencode({inputs = {cloudWatchLogGroupName = ..., cloudWatchEncryptionEnabled = true}})",
    ),
    checkov=("CKV_AWS_113",),
)


def _set(value: Any) -> bool:
    return isinstance(value, Unresolved) or bool(value)


def evaluate(view: ResourceView, ctx: RuleContext) -> Verdict | None:
    """Session documents only: an S3 or CloudWatch destination with its encryption flag on."""
    inputs = session_inputs(view)
    if inputs is None:
        return None
    s3 = _set(preference(inputs, "s3BucketName")) and is_on(inputs.get("s3EncryptionEnabled"))
    cw = _set(preference(inputs, "cloudWatchLogGroupName")) and is_on(
        inputs.get("cloudWatchEncryptionEnabled")
    )
    view.note("encrypted_destinations", [d for d, on in (("s3", s3), ("cloudwatch", cw)) if on])
    if s3 or cw:
        return passed("session logs kept, encrypted")
    flags = (inputs.get("s3EncryptionEnabled"), inputs.get("cloudWatchEncryptionEnabled"))
    if any(isinstance(f, Unresolved) for f in flags):
        return unknown("whether session logs must be encrypted is known only at deploy time")
    logged = _set(preference(inputs, "s3BucketName")) or _set(preference(inputs, "cloudWatchLogGroupName"))
    what = "logs sessions without requiring encryption" if logged else "keeps no session logs"
    return failed(f"Session Manager preferences {view.label('Name')} {what}")


EXAMPLES = (
    Example("s3", example_session({"s3BucketName": "logs", "s3EncryptionEnabled": True}), FindingStatus.PASS),
    Example(
        "cw",
        example_session({"cloudWatchLogGroupName": "/ssm", "cloudWatchEncryptionEnabled": "true"}),
        FindingStatus.PASS,
    ),
    Example(
        "plain", example_session({"s3BucketName": "logs", "s3EncryptionEnabled": False}), FindingStatus.FAIL
    ),
    Example("none", example_session({}), FindingStatus.FAIL),
    Example("unreadable", example_session(Unresolved("denied")), FindingStatus.UNKNOWN),
)
