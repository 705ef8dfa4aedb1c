"""Amazon MQ brokers run an engine version Amazon MQ still supports."""

from __future__ import annotations

import re

from wasp.model import FindingStatus, Severity, Unresolved
from wasp.model.rule import (
    Example,
    Remediation,
    ResourceView,
    RuleContext,
    RuleMeta,
    Verdict,
    example_resource,
    failed,
    passed,
    unknown,
)
from wasp.rules._cmk_store import not_read_live
from wasp.rules._shape import text

BROKER = "AWS::AmazonMQ::Broker"
OLDEST_SUPPORTED = {"ACTIVEMQ": (5, 18), "RABBITMQ": (3, 13)}
"""The oldest engine line each engine still gets fixes on (Amazon MQ's version support calendar, November 2026):
ActiveMQ 5.15-5.17 and RabbitMQ 3.8-3.12 have reached end of support."""
_VERSION = re.compile(r"^(\d+)\.(\d+)")

META = RuleMeta(
    title="Amazon MQ brokers run a supported engine version",
    severity=Severity.MEDIUM,
    best_practices=("SEC06-BP01",),
    resource_type=BROKER,
    description="Engine lines past end of support get no security fixes (ActiveMQ 5.15-5.17, RabbitMQ 3.8-3.12 "
    "as of November 2026), and Amazon MQ upgrades them on its own schedule. Upgrade to a supported line and "
    "keep automatic minor upgrades on.",
    remediation=Remediation(
        console="Amazon MQ > Brokers > BROKER > Edit > Broker engine version: the newest supported, then apply.",
        cli="aws mq update-broker --broker-id ID --engine-version 5.18 --auto-minor-version-upgrade",
        cloudformation="EngineVersion: '5.18'  AutoMinorVersionUpgrade: true  (RabbitMQ: '3.13')",
        terraform='engine_version = "5.18"  auto_minor_version_upgrade = true  # RabbitMQ: "3.13"',
    ),
    checkov=("CKV_AWS_208",),
)


def evaluate(view: ResourceView, ctx: RuleContext) -> Verdict | None:
    """Compare the engine line with the oldest supported one; an unrecognised engine or version is unknown."""
    if not_read_live(view, ("EngineVersion",)) is not None:
        return unknown(f"the engine version of broker {view.id} is not read live")
    engine = str(text(view, "EngineType") or "").upper()
    version = str(text(view, "EngineVersion") or "")
    floor = OLDEST_SUPPORTED.get(engine)
    found = _VERSION.match(version)
    if floor is None or found is None:
        return unknown(f"broker {view.id}: engine {engine or '?'} {version or '?'} is not one wasp knows")
    line = (int(found.group(1)), int(found.group(2)))
    name = view.label("BrokerName")
    if line < floor:
        return failed(
            f"broker {name} runs {engine} {version}, past end of support (oldest supported {floor[0]}.{floor[1]})"
        )
    return passed(f"{engine} {version} is supported")


EXAMPLES = (
    Example(
        "activemq-5.18",
        example_resource(BROKER, {"EngineType": "ACTIVEMQ", "EngineVersion": "5.18"}),
        FindingStatus.PASS,
    ),
    Example(
        "rabbitmq-3.13",
        example_resource(BROKER, {"EngineType": "RabbitMQ", "EngineVersion": "3.13"}),
        FindingStatus.PASS,
    ),
    Example(
        "activemq-5.15",
        example_resource(BROKER, {"EngineType": "ActiveMQ", "EngineVersion": "5.15.16"}),
        FindingStatus.FAIL,
    ),
    Example(
        "rabbitmq-3.11",
        example_resource(BROKER, {"EngineType": "RABBITMQ", "EngineVersion": "3.11.20"}),
        FindingStatus.FAIL,
    ),
    Example(
        "version-from-a-parameter",
        example_resource(BROKER, {"EngineType": "ACTIVEMQ", "EngineVersion": Unresolved("a parameter")}),
        FindingStatus.UNKNOWN,
    ),
    Example("not-read-live", example_resource(BROKER, {"EngineType": "ACTIVEMQ"}), FindingStatus.UNKNOWN),
)
