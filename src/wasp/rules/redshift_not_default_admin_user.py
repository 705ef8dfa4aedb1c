"""Redshift clusters do not use a common admin user name."""

from wasp.model import Severity
from wasp.model.rule import Remediation, RuleMeta
from wasp.rules._expect import examples, expect, none_of

META = RuleMeta(
    title="Redshift clusters do not use a common admin user name",
    severity=Severity.MEDIUM,
    best_practices=("SEC02-BP01",),
    resource_type="AWS::Redshift::Cluster",
    description="awsuser (the console default), admin, root and similar names are the first guesses of password-spraying; a unique admin name (with the password in Secrets Manager) removes half of the guess.",
    remediation=Remediation(
        console="Create the cluster (or restore a snapshot) with a unique admin user name; the name cannot be changed.",
        cli="aws redshift restore-from-cluster-snapshot --cluster-identifier NEW --snapshot-identifier SNAP (then create a uniquely named superuser and drop awsuser's access)",
        cloudformation="MasterUsername: !Sub '${AWS::StackName}_dba'",
        terraform='master_username = "${var.name}_dba"',
    ),
    checkov=("CKV_AWS_391",),
)

evaluate = expect(
    "MasterUsername",
    none_of("awsuser", "admin", "administrator", "root", "master", "redshift", "dbadmin"),
    ok="admin user {value}",
    bad="Redshift cluster {name} uses the common admin user name {value}",
    default="awsuser",
)

EXAMPLES = examples(
    "AWS::Redshift::Cluster",
    passing=[("unique", {"MasterUsername": "orders_dba"})],
    failing=[("console-default", {"MasterUsername": "awsuser"})],
)
