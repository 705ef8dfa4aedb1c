"""DMS replication instances are not publicly accessible."""

from wasp.model import Severity
from wasp.model.rule import Remediation, RuleMeta
from wasp.rules._expect import examples, expect, is_false
from wasp.rules._net import live_reads, with_read

META = RuleMeta(
    title="DMS replication instances are not publicly accessible",
    severity=Severity.HIGH,
    best_practices=("SEC05-BP01",),
    resource_type="AWS::DMS::ReplicationInstance",
    public_exposure=True,
    description="A public replication instance gets a public IP next to the credentials of both databases it "
    "copies between. CloudFormation makes instances public unless PubliclyAccessible is false.",
    remediation=Remediation(
        console="DMS > Replication instances: create a new instance with Public accessible cleared and move "
        "the tasks (the setting cannot be changed in place).",
        cli="aws dms create-replication-instance ... --no-publicly-accessible",
        cloudformation="PubliclyAccessible: false",
        terraform="publicly_accessible = false",
    ),
    checkov=("CKV_AWS_89",),
)

_evaluate = expect(
    "PubliclyAccessible",
    is_false,
    ok="private replication instance",
    bad="DMS replication instance {name} is publicly accessible",
    default=True,
)


evaluate = live_reads("ReplicationInstanceClass", _evaluate)

EXAMPLES = with_read(
    {"ReplicationInstanceClass": "dms.t3.medium"},
    examples(
        "AWS::DMS::ReplicationInstance",
        passing=[("private", {"PubliclyAccessible": False})],
        failing=[
            ("default", {"ReplicationInstanceClass": "dms.t3.medium"}),
            ("public", {"PubliclyAccessible": True}),
        ],
    ),
)
