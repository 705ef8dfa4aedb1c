"""SQS queue policies grant named actions, not every action on the queue."""

from typing import Any

from wasp.model import FindingStatus, Severity, Unresolved
from wasp.model.rule import (
    Example,
    Remediation,
    ResourceView,
    RuleContext,
    RuleMeta,
    Verdict,
    contains_unresolved,
    example_resource,
    failed,
    passed,
    unknown,
)
from wasp.rules._exposure import neighbour
from wasp.rules._policy import listify, statements

META = RuleMeta(
    title="SQS queue policies allow no wildcard actions",
    severity=Severity.MEDIUM,
    best_practices=("SEC03-BP02",),
    resource_type="AWS::SQS::Queue",
    related_types=("AWS::SQS::QueuePolicy",),
    description="A queue policy that allows '*' or 'sqs:*' lets the principals it names purge and delete the "
    "queue, change its policy and read every message, when they need only SendMessage (a producer) or "
    "ReceiveMessage/DeleteMessage (a consumer).",
    remediation=Remediation(
        console="SQS > QUEUE > Access policy > Edit: list the actions each principal needs.",
        cli="aws sqs set-queue-attributes --queue-url URL --attributes Policy=file://policy.json",
        cloudformation="AWS::SQS::QueuePolicy: Action: [sqs:SendMessage]",
        terraform='aws_sqs_queue_policy: actions = ["sqs:SendMessage"]',
    ),
    checkov=("CKV_AWS_72",),
)

_policy_of = neighbour("AWS::SQS::QueuePolicy", "PolicyDocument", "Queues", ("QueueName",))
_WILD = ("*", "sqs:*")


def evaluate(view: ResourceView, ctx: RuleContext) -> Verdict | None:
    """Fail an Allow statement whose Action is '*' or 'sqs:*'; unknown when the policy is not known yet."""
    name = view.label("QueueName")
    policy = _policy_of(view, ctx)
    view.note("queue_policy", policy)
    if policy is None:
        return passed(f"queue {name} has no queue policy")
    if isinstance(policy, Unresolved):
        return unknown(f"queue {name}: the queue policy is known only at deploy time ({policy.reason})")
    wild: list[str] = []
    undecided = False
    for i, st in enumerate(statements(policy)):
        if st.get("Effect") != "Allow":
            continue
        if contains_unresolved(st.get("Action")) is not None:
            undecided = True
            continue
        hits = [str(a) for a in listify(st.get("Action")) if str(a).lower() in _WILD]
        if hits:
            wild.append(f"statement {i + 1}: {', '.join(hits)}")
    if wild:
        return failed(f"queue {name}'s policy allows every action ({'; '.join(wild)})")
    if undecided or (contains_unresolved(policy) is not None and not statements(policy)):
        return unknown(f"queue {name}: actions of its policy are known only at deploy time")
    return passed(f"queue {name}'s policy names its actions")


def _with(*sts: dict[str, Any]) -> tuple[Any, ...]:
    return (example_resource("AWS::SQS::QueuePolicy", {"PolicyDocument": {"Statement": list(sts)}}, "q"),)


_SNS = {"Service": "sns.amazonaws.com"}
_Q = example_resource("AWS::SQS::Queue", {"QueueName": "orders"}, "q")
EXAMPLES = (
    Example(
        "named",
        _Q,
        FindingStatus.PASS,
        _with({"Effect": "Allow", "Principal": _SNS, "Action": "sqs:SendMessage"}),
    ),
    Example("no-policy", _Q, FindingStatus.PASS),
    Example("star", _Q, FindingStatus.FAIL, _with({"Effect": "Allow", "Principal": _SNS, "Action": "*"})),
    Example(
        "sqs-star", _Q, FindingStatus.FAIL, _with({"Effect": "Allow", "Principal": _SNS, "Action": ["sqs:*"]})
    ),
    Example(
        "deny-star", _Q, FindingStatus.PASS, _with({"Effect": "Deny", "Principal": "*", "Action": "sqs:*"})
    ),
    Example(
        "unknown-action",
        _Q,
        FindingStatus.UNKNOWN,
        _with({"Effect": "Allow", "Principal": _SNS, "Action": Unresolved("a parameter")}),
    ),
)
