"""ECS Fargate services run on the latest platform version."""

from wasp.model import Severity
from wasp.model.rule import Remediation, RuleMeta
from wasp.rules._expect import examples, expect, one_of
from wasp.rules._net import live_reads, with_read

META = RuleMeta(
    title="ECS Fargate services use the LATEST platform version",
    severity=Severity.LOW,
    best_practices=("SEC06-BP01",),
    resource_type="AWS::ECS::Service",
    description="A pinned Fargate platform version keeps the task's kernel and container runtime at that "
    "version; LATEST (the default) picks up the platform's security patches at each deployment.",
    remediation=Remediation(
        console="ECS > Clusters > CLUSTER > Services > SERVICE > Update: Platform version LATEST, force new deployment.",
        cli="aws ecs update-service --cluster C --service S --platform-version LATEST --force-new-deployment",
        cloudformation="PlatformVersion: LATEST (or leave it out)",
        terraform='platform_version = "LATEST" (or leave it out)',
    ),
    checkov=("CKV_AWS_332",),
)

_evaluate = expect(
    "PlatformVersion",
    one_of("LATEST"),
    ok="Fargate platform LATEST",
    bad="ECS service {name} is pinned to Fargate platform {value}",
    default="LATEST",
)


evaluate = live_reads("LaunchType", _evaluate)

EXAMPLES = with_read(
    {"LaunchType": "FARGATE"},
    examples(
        "AWS::ECS::Service",
        passing=[("default", {"LaunchType": "FARGATE"})],
        failing=[("pinned", {"LaunchType": "FARGATE", "PlatformVersion": "1.3.0"})],
    ),
)
