"""Amazon MQ brokers take minor engine versions automatically."""

from wasp.model import Severity
from wasp.model.rule import Remediation, RuleMeta
from wasp.rules._expect import examples, expect, is_true

META = RuleMeta(
    title="Amazon MQ brokers upgrade minor versions automatically",
    severity=Severity.LOW,
    best_practices=("SEC06-BP01",),
    resource_type="AWS::AmazonMQ::Broker",
    description="Minor engine versions carry security fixes; automatic minor upgrades apply them in the maintenance window.",
    remediation=Remediation(
        console="Amazon MQ > Brokers > BROKER > Edit > Maintenance > Automatic minor version upgrades: enable.",
        cli="aws mq update-broker --broker-id ID --auto-minor-version-upgrade",
        cloudformation="AutoMinorVersionUpgrade: true",
        terraform="auto_minor_version_upgrade = true",
    ),
    checkov=("CKV_AWS_207",),
)

evaluate = expect(
    "AutoMinorVersionUpgrade",
    is_true,
    ok="minor versions applied automatically",
    bad="broker {name} does not take minor versions (security patches) automatically",
)

EXAMPLES = examples(
    "AWS::AmazonMQ::Broker",
    passing=[("on", {"AutoMinorVersionUpgrade": True})],
    failing=[("absent", {"EngineType": "ACTIVEMQ"})],
)
