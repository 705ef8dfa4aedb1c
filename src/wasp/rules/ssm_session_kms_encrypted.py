"""Session Manager sessions are encrypted with a KMS key, on top of TLS."""

from wasp.model import FindingStatus, Severity, Unresolved
from wasp.model.rule import Example, Remediation, ResourceView, RuleContext, RuleMeta, Verdict, failed, passed
from wasp.rules._session import DOCUMENT, example_session, preference, session_inputs

META = RuleMeta(
    title="Session Manager sessions are encrypted with a KMS key",
    severity=Severity.MEDIUM,
    best_practices=("SEC09-BP02",),
    resource_type=DOCUMENT,
    description="Session Manager preferences can wrap each shell session's data in a KMS key of your own, "
    "on top of TLS, so that only principals allowed kms:Decrypt can open or read sessions.",
    remediation=Remediation(
        console="Systems Manager > Session Manager > Preferences > Edit: KMS encryption on, with a key.",
        cli="aws ssm update-document --name SSM-SessionManagerRunShell --content file://prefs.json "
        "--document-version '$LATEST'  # inputs.kmsKeyId",
        cloudformation="AWS::SSM::Document {DocumentType: Session, Content: {inputs: {kmsKeyId: !Ref Key}}}",
        terraform='resource "aws_ssm_document" "session" { document_type = "Session" content = jsonencode({inputs = {kmsKeyId = aws_kms_key.ssm.arn}}) }',
    ),
    checkov=("CKV_AWS_112",),
)


def evaluate(view: ResourceView, ctx: RuleContext) -> Verdict | None:
    """Session documents only: inputs.kmsKeyId must be set."""
    inputs = session_inputs(view)
    if inputs is None:
        return None
    key = preference(inputs, "kmsKeyId")
    view.note("kmsKeyId", key)
    if isinstance(key, Unresolved) or key:
        return passed("sessions encrypted with a KMS key")
    return failed(f"Session Manager preferences {view.label('Name')} set no KMS key (inputs.kmsKeyId)")


EXAMPLES = (
    Example("kms", example_session({"kmsKeyId": "alias/ssm-sessions"}), FindingStatus.PASS),
    Example("none", example_session({"s3BucketName": ""}), FindingStatus.FAIL),
    Example("unreadable", example_session(Unresolved("denied")), FindingStatus.UNKNOWN),
)
