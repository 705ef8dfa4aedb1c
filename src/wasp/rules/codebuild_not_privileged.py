"""CodeBuild projects do not run builds in privileged mode."""

from wasp.model import Severity
from wasp.model.rule import Remediation, RuleMeta
from wasp.rules._expect import examples, expect, is_false
from wasp.rules._net import live_reads, with_read

META = RuleMeta(
    title="CodeBuild projects do not use privileged mode",
    severity=Severity.MEDIUM,
    best_practices=("SEC06-BP02",),
    resource_type="AWS::CodeBuild::Project",
    description="Privileged mode gives the build container root on its host's Docker daemon; a compromised "
    "dependency in the build can then escape the container. Needed only to build Docker images.",
    remediation=Remediation(
        console="CodeBuild > PROJECT > Edit > Environment: clear Privileged.",
        cli="aws codebuild update-project --name P --environment "
        "type=LINUX_CONTAINER,image=IMAGE,computeType=BUILD_GENERAL1_SMALL,privilegedMode=false",
        cloudformation="Environment: {PrivilegedMode: false}",
        terraform="environment { privileged_mode = false }",
    ),
    checkov=("CKV_AWS_316",),
)

_evaluate = expect(
    "Environment.PrivilegedMode",
    is_false,
    ok="builds run unprivileged",
    bad="CodeBuild project {name} runs builds in privileged mode",
    default=False,
)


evaluate = live_reads("Environment", _evaluate)

EXAMPLES = with_read(
    {"Environment": {}},
    examples(
        "AWS::CodeBuild::Project",
        passing=[("default", {"Environment": {"Image": "aws/codebuild/standard:7.0"}})],
        failing=[("privileged", {"Environment": {"PrivilegedMode": True}})],
    ),
)
