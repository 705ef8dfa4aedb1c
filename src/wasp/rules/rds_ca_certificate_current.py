"""RDS instances use a current certificate authority for their TLS certificates."""

from wasp.model import Severity
from wasp.model.rule import Remediation, RuleMeta
from wasp.rules._expect import examples, expect, none_of

META = RuleMeta(
    title="RDS instances use a current certificate authority",
    severity=Severity.MEDIUM,
    best_practices=("SEC09-BP01",),
    resource_type="AWS::RDS::DBInstance",
    description="rds-ca-2015 and rds-ca-2019 have expired: clients that verify the server certificate fail, and "
    "teams then turn verification off. Use rds-ca-rsa2048-g1 (the default), rds-ca-rsa4096-g1 or "
    "rds-ca-ecc384-g1.",
    remediation=Remediation(
        console="RDS > Databases > DB > Modify > Connectivity > Certificate authority: rds-ca-rsa2048-g1.",
        cli="aws rds modify-db-instance --db-instance-identifier DB --ca-certificate-identifier rds-ca-rsa2048-g1 "
        "--apply-immediately",
        cloudformation="CACertificateIdentifier: rds-ca-rsa2048-g1",
        terraform='ca_cert_identifier = "rds-ca-rsa2048-g1"',
    ),
    checkov=("CKV_AWS_211",),
)

evaluate = expect(
    "CACertificateIdentifier",
    none_of("rds-ca-2015", "rds-ca-2019"),
    ok="certificate authority {value}",
    bad="database {name} uses the expired certificate authority {value}",
    default="rds-ca-rsa2048-g1",
)

EXAMPLES = examples(
    "AWS::RDS::DBInstance",
    passing=[("default", {"Engine": "mysql"}), ("rsa4096", {"CACertificateIdentifier": "rds-ca-rsa4096-g1"})],
    failing=[("expired", {"CACertificateIdentifier": "rds-ca-2019"})],
)
