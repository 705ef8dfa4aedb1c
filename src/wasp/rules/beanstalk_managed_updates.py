"""Elastic Beanstalk environments apply managed platform updates."""

from typing import Any

from wasp.model import Severity
from wasp.model.rule import Remediation, ResourceView, RuleContext, RuleMeta, Verdict, failed, passed
from wasp.rules._expect import examples, is_true
from wasp.rules._net import live_reads, with_read

NAMESPACE = "aws:elasticbeanstalk:managedactions"

META = RuleMeta(
    title="Elastic Beanstalk environments have managed platform updates",
    severity=Severity.MEDIUM,
    best_practices=("SEC06-BP01",),
    resource_type="AWS::ElasticBeanstalk::Environment",
    description="Managed actions apply platform patches (OS, runtime, web server) in a weekly window; without "
    "them the environment keeps whatever platform version it was created on.",
    remediation=Remediation(
        console="Elastic Beanstalk > ENV > Configuration > Managed platform updates > Edit: enable, pick a window.",
        cli="aws elasticbeanstalk update-environment --environment-name ENV --option-settings "
        "Namespace=aws:elasticbeanstalk:managedactions,OptionName=ManagedActionsEnabled,Value=true",
        cloudformation="OptionSettings: [{Namespace: aws:elasticbeanstalk:managedactions, OptionName: "
        "ManagedActionsEnabled, Value: 'true'}, {Namespace: aws:elasticbeanstalk:managedactions, "
        "OptionName: PreferredStartTime, Value: 'Sun:02:00'}]",
        terraform='setting { namespace = "aws:elasticbeanstalk:managedactions"  name = "ManagedActionsEnabled"  '
        'value = "true" }',
    ),
    checkov=("CKV_AWS_340",),
)


def _option(settings: Any, name: str) -> Any:
    for s in settings if isinstance(settings, list) else []:
        if isinstance(s, dict) and s.get("Namespace") == NAMESPACE and s.get("OptionName") == name:
            return s.get("Value")
    return None


def _evaluate(view: ResourceView, ctx: RuleContext) -> Verdict | None:
    """ManagedActionsEnabled is true in the managed actions namespace."""
    if is_true(_option(view.get("OptionSettings", []), "ManagedActionsEnabled")):
        return passed("managed platform updates on")
    return failed(
        f"Elastic Beanstalk environment {view.label('EnvironmentName')} does not apply platform updates"
    )


evaluate = live_reads("EnvironmentName", _evaluate)

EXAMPLES = with_read(
    {"EnvironmentName": "web"},
    examples(
        "AWS::ElasticBeanstalk::Environment",
        passing=[
            (
                "on",
                {
                    "OptionSettings": [
                        {"Namespace": NAMESPACE, "OptionName": "ManagedActionsEnabled", "Value": "true"}
                    ]
                },
            )
        ],
        failing=[("absent", {"EnvironmentName": "web"})],
    ),
)
