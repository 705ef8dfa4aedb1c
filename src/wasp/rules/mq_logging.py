"""Amazon MQ brokers publish general logs (and, for ActiveMQ, audit logs) to CloudWatch Logs."""

from wasp.model import Severity
from wasp.model.rule import Remediation, ResourceView, RuleContext, RuleMeta, Verdict, failed, passed
from wasp.rules._expect import examples, is_true
from wasp.rules._shape import text

META = RuleMeta(
    title="Amazon MQ brokers publish their logs",
    severity=Severity.MEDIUM,
    best_practices=("SEC04-BP01",),
    resource_type="AWS::AmazonMQ::Broker",
    description="General logs record connections and errors; ActiveMQ audit logs record management actions "
    "(who created, deleted or purged destinations). RabbitMQ has general logs only.",
    remediation=Remediation(
        console="Amazon MQ > Brokers > BROKER > Edit > CloudWatch Logs > General (and Audit for ActiveMQ).",
        cli="aws mq update-broker --broker-id ID --logs General=true,Audit=true",
        cloudformation="Logs: {General: true, Audit: true}",
        terraform="logs { general = true audit = true }",
    ),
    checkov=("CKV_AWS_48", "CKV_AWS_197"),
)


def evaluate(view: ResourceView, ctx: RuleContext) -> Verdict | None:
    """Fail without general logs, or an ActiveMQ broker without audit logs."""
    name = view.resource.origin.address or view.id
    if not is_true(view.get("Logs.General")):
        return failed(f"broker {name} publishes no general logs")
    if (text(view, "EngineType") or "").upper() == "ACTIVEMQ" and not is_true(view.get("Logs.Audit")):
        return failed(f"ActiveMQ broker {name} publishes no audit logs")
    return passed("logs published")


EXAMPLES = examples(
    "AWS::AmazonMQ::Broker",
    passing=[
        ("activemq", {"EngineType": "ACTIVEMQ", "Logs": {"General": True, "Audit": True}}),
        ("rabbitmq", {"EngineType": "RABBITMQ", "Logs": {"General": True}}),
    ],
    failing=[
        ("absent", {"EngineType": "RABBITMQ"}),
        ("activemq-no-audit", {"EngineType": "ActiveMQ", "Logs": {"General": True}}),
    ],
)
