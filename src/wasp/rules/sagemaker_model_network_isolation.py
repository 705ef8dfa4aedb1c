"""SageMaker models run with network isolation."""

from wasp.model import Severity
from wasp.model.rule import Remediation, RuleMeta
from wasp.rules._data_checks import unknown_example
from wasp.rules._expect import examples, expect, is_true

META = RuleMeta(
    title="SageMaker models use network isolation",
    severity=Severity.MEDIUM,
    best_practices=("SEC05-BP02",),
    resource_type="AWS::SageMaker::Model",
    description="Network isolation stops the model container making any outbound call, so third-party model code cannot send inference data out.",
    remediation=Remediation(
        console="SageMaker > Models > Create model > Network: enable network isolation (set at creation).",
        cli="aws sagemaker create-model --model-name NAME --enable-network-isolation ...",
        cloudformation="EnableNetworkIsolation: true",
        terraform="enable_network_isolation = true",
    ),
    checkov=("CKV_AWS_370",),
)

evaluate = expect(
    "EnableNetworkIsolation",
    is_true,
    ok="network isolation on",
    bad="model {name} can make outbound network calls (network isolation off)",
    default=False,
)

EXAMPLES = (
    *examples(
        "AWS::SageMaker::Model",
        passing=[("on", {"EnableNetworkIsolation": True})],
        failing=[("absent", {"ModelName": "m"})],
    ),
    unknown_example("AWS::SageMaker::Model", "EnableNetworkIsolation"),
)
