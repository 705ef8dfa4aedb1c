"""RDS instances take minor engine versions (security patches) automatically."""

from wasp.model import Severity
from wasp.model.rule import Remediation, RuleMeta
from wasp.rules._expect import examples, expect, is_true

META = RuleMeta(
    title="RDS instances upgrade minor versions automatically",
    severity=Severity.LOW,
    best_practices=("SEC06-BP01",),
    resource_type="AWS::RDS::DBInstance",
    description="Minor engine versions carry security fixes; automatic minor upgrades apply them in the "
    "maintenance window instead of leaving known vulnerabilities until someone remembers.",
    remediation=Remediation(
        console="RDS > Databases > DB > Modify > Maintenance > Auto minor version upgrade: Enable.",
        cli="aws rds modify-db-instance --db-instance-identifier DB --auto-minor-version-upgrade",
        cloudformation="AutoMinorVersionUpgrade: true (the default)",
        terraform="auto_minor_version_upgrade = true (the default)",
    ),
    checkov=("CKV_AWS_226",),
)

evaluate = expect(
    "AutoMinorVersionUpgrade",
    is_true,
    ok="minor versions applied automatically",
    bad="database {name} does not take minor versions (security patches) automatically",
    default=True,
)

EXAMPLES = examples(
    "AWS::RDS::DBInstance",
    passing=[("default", {"Engine": "mysql"})],
    failing=[("off", {"AutoMinorVersionUpgrade": False})],
)
