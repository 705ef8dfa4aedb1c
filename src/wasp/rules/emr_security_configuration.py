"""EMR clusters use a security configuration."""

from wasp.model import Severity
from wasp.model.rule import Remediation, RuleMeta
from wasp.rules._data_checks import expect_set, unknown_example
from wasp.rules._expect import examples

META = RuleMeta(
    title="EMR clusters use a security configuration",
    severity=Severity.MEDIUM,
    best_practices=(
        "SEC08-BP02",
        "SEC09-BP02",
    ),
    resource_type="AWS::EMR::Cluster",
    description="An EMR security configuration turns on encryption at rest (EMRFS, local disks) and in transit, and Kerberos or Lake Formation authentication; a cluster without one has none of them.",
    remediation=Remediation(
        console="EMR > Security configurations > Create; then choose it when creating the cluster (Security > Security configuration).",
        cli="aws emr create-security-configuration --name SECCONF --security-configuration file://secconf.json; aws emr create-cluster --security-configuration SECCONF ...",
        cloudformation="SecurityConfiguration: !Ref EmrSecurityConfiguration",
        terraform="security_configuration = aws_emr_security_configuration.this.name",
    ),
    checkov=("CKV2_AWS_55",),
)

evaluate = expect_set(
    "SecurityConfiguration",
    ok="security configuration {value}",
    bad="EMR cluster {name} has no security configuration (no encryption at rest or in transit)",
)

EXAMPLES = (
    *examples(
        "AWS::EMR::Cluster",
        passing=[("set", {"SecurityConfiguration": "encrypted"})],
        failing=[("absent", {"Name": "spark"})],
    ),
    unknown_example("AWS::EMR::Cluster", "SecurityConfiguration"),
)
