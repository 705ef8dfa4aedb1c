"""DMS replication instances take minor engine upgrades automatically."""

from wasp.model import Severity
from wasp.model.rule import Remediation, RuleMeta
from wasp.rules._expect import examples, expect, is_true
from wasp.rules._net import live_reads, with_read

META = RuleMeta(
    title="DMS replication instances apply minor version upgrades",
    severity=Severity.LOW,
    best_practices=("SEC06-BP01",),
    resource_type="AWS::DMS::ReplicationInstance",
    description="Minor DMS engine versions carry security fixes; with automatic minor upgrades they are "
    "applied in the maintenance window instead of waiting for someone to remember.",
    remediation=Remediation(
        console="DMS > Replication instances > INSTANCE > Modify: Auto minor version upgrade on.",
        cli="aws dms modify-replication-instance --replication-instance-arn ARN --auto-minor-version-upgrade",
        cloudformation="AutoMinorVersionUpgrade: true",
        terraform="auto_minor_version_upgrade = true",
    ),
    checkov=("CKV_AWS_222",),
)

evaluate = live_reads(
    "ReplicationInstanceClass",
    expect(
        "AutoMinorVersionUpgrade",
        is_true,
        ok="minor upgrades applied automatically",
        bad="DMS replication instance {name} does not take minor upgrades automatically",
        default=True,  # CloudFormation's default; the Terraform mapping writes the provider's (false)
    ),
)

EXAMPLES = with_read(
    {"ReplicationInstanceClass": "dms.t3.medium"},
    examples(
        "AWS::DMS::ReplicationInstance",
        passing=[("on", {"AutoMinorVersionUpgrade": True})],
        failing=[("off", {"AutoMinorVersionUpgrade": False})],
    ),
)
