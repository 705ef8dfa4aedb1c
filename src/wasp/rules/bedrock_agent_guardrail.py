"""Bedrock agents are associated with a guardrail."""

from wasp.model import Severity
from wasp.model.rule import Remediation, RuleMeta
from wasp.rules._data_checks import expect_set, unknown_example
from wasp.rules._expect import examples

META = RuleMeta(
    title="Bedrock agents use a guardrail",
    severity=Severity.MEDIUM,
    best_practices=("SEC05-BP03",),
    resource_type="AWS::Bedrock::Agent",
    description="A guardrail inspects prompts and responses (prompt attacks, denied topics, sensitive information), the inspection layer between users and an agent that can call your APIs.",
    remediation=Remediation(
        console="Bedrock > Agents > AGENT > Edit > Guardrail details: select a guardrail and version.",
        cli="aws bedrock-agent update-agent --agent-id ID --guardrail-configuration guardrailIdentifier=GR,guardrailVersion=1 ...",
        cloudformation="GuardrailConfiguration: {GuardrailIdentifier: !Ref Guardrail, GuardrailVersion: '1'}",
        terraform='guardrail_configuration { guardrail_identifier = aws_bedrock_guardrail.this.guardrail_id  guardrail_version = "1" }',
    ),
    checkov=("CKV_AWS_383",),
)

evaluate = expect_set(
    "GuardrailConfiguration.GuardrailIdentifier",
    ok="guardrail {value}",
    bad="Bedrock agent {name} has no guardrail",
)

EXAMPLES = (
    *examples(
        "AWS::Bedrock::Agent",
        passing=[
            ("set", {"GuardrailConfiguration": {"GuardrailIdentifier": "gr-1", "GuardrailVersion": "1"}})
        ],
        failing=[("absent", {"AgentName": "a"})],
    ),
    unknown_example("AWS::Bedrock::Agent", "GuardrailConfiguration.GuardrailIdentifier"),
)
