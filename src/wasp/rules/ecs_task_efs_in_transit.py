"""EFS volumes of ECS tasks are mounted with TLS."""

from wasp.model import Severity
from wasp.model.rule import Remediation, ResourceView, RuleContext, RuleMeta, Verdict, failed, passed
from wasp.rules._expect import examples, one_of
from wasp.rules._net import live_reads, with_read
from wasp.rules._shape import entries, expect_type, is_text

META = RuleMeta(
    title="ECS tasks mount EFS volumes with encryption in transit",
    severity=Severity.MEDIUM,
    best_practices=("SEC09-BP02",),
    resource_type="AWS::ECS::TaskDefinition",
    description="Without TransitEncryption the task's NFS traffic to EFS crosses the network in clear text.",
    remediation=Remediation(
        console="ECS > Task definitions > FAMILY > Create new revision > Volumes > EFS: Transit encryption on.",
        cli="aws ecs register-task-definition --cli-input-json file://task.json  # transitEncryption: ENABLED",
        cloudformation="Volumes: [{EFSVolumeConfiguration: {FilesystemId: !Ref Fs, TransitEncryption: ENABLED}}]",
        terraform='volume { efs_volume_configuration { transit_encryption = "ENABLED" } }',
    ),
    checkov=("CKV_AWS_97",),
)

_ENABLED = one_of("ENABLED")


def _mapping(value: object) -> bool:
    return isinstance(value, dict)


def _evaluate(view: ResourceView, ctx: RuleContext) -> Verdict | None:
    """Every EFS volume has transit encryption enabled."""
    clear = [
        str(v.get("Name") or "?")
        for v in entries(view, "Volumes")
        if expect_type(
            "Volumes EFSVolumeConfiguration", v.get("EFSVolumeConfiguration"), _mapping, "a mapping"
        )
        and not _ENABLED(
            expect_type(
                "EFSVolumeConfiguration.TransitEncryption",
                v["EFSVolumeConfiguration"].get("TransitEncryption", "DISABLED"),
                is_text,
                "ENABLED or DISABLED",
            )
        )
    ]
    if clear:
        return failed(
            f"task definition {view.label('Family')} mounts EFS volume(s) {', '.join(clear)} without TLS"
        )
    return passed("EFS volumes (if any) mounted with TLS")


evaluate = live_reads("ContainerDefinitions", _evaluate)

EXAMPLES = with_read(
    {"ContainerDefinitions": []},
    examples(
        "AWS::ECS::TaskDefinition",
        passing=[
            ("tls", {"Volumes": [{"Name": "d", "EFSVolumeConfiguration": {"TransitEncryption": "ENABLED"}}]}),
            ("none", {"Family": "app"}),
        ],
        failing=[("clear", {"Volumes": [{"Name": "d", "EFSVolumeConfiguration": {"FilesystemId": "fs-1"}}]})],
    ),
)
