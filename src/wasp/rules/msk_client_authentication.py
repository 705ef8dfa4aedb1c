"""MSK clusters authenticate their clients (IAM, SASL/SCRAM or mutual TLS) and refuse anonymous ones."""

from typing import Any

from wasp.model import Severity, Unresolved
from wasp.model.rule import Remediation, ResourceView, RuleContext, RuleMeta, Verdict, failed, passed
from wasp.rules._db import unknowns
from wasp.rules._expect import examples, is_true, listed

META = RuleMeta(
    title="MSK clusters authenticate their clients",
    severity=Severity.HIGH,
    best_practices=("SEC09-BP03",),
    resource_type="AWS::MSK::Cluster",
    description="Without client authentication (the default) any client that reaches a broker can produce to and "
    "consume from every topic, and Kafka ACLs cannot tell clients apart. Turn on IAM, SASL/SCRAM or mutual TLS "
    "and turn unauthenticated access off.",
    remediation=Remediation(
        console="Amazon MSK > Clusters > CLUSTER > Properties > Security settings > Edit > IAM role-based "
        "authentication; clear Unauthenticated access.",
        cli="aws kafka update-security --cluster-arn ARN --current-version VERSION --client-authentication "
        "'Sasl={Iam={Enabled=true}},Unauthenticated={Enabled=false}'",
        cloudformation="ClientAuthentication: {Sasl: {Iam: {Enabled: true}}, Unauthenticated: {Enabled: false}}",
        terraform="client_authentication { sasl { iam = true } unauthenticated = false }",
    ),
)


def _enabled(block: Any) -> bool:
    return isinstance(block, dict) and (
        is_true(block.get("Enabled")) or listed(block.get("CertificateAuthorityArnList"))
    )


def evaluate(view: ResourceView, ctx: RuleContext) -> Verdict | None:
    """Fail on anonymous access allowed, or no authentication mechanism at all."""
    auth = view.get("ClientAuthentication", {})
    name = view.resource.origin.address or view.id
    sasl = auth.get("Sasl") or {}
    mechanisms = [
        m
        for m, on in (("IAM", sasl.get("Iam")), ("SCRAM", sasl.get("Scram")), ("TLS", auth.get("Tls")))
        if _enabled(on)
    ]
    if not mechanisms:
        return failed(f"MSK cluster {name} authenticates no client (no IAM, SASL/SCRAM or mutual TLS)")
    if _enabled(auth.get("Unauthenticated")):
        return failed(
            f"MSK cluster {name} still admits unauthenticated clients beside {', '.join(mechanisms)}"
        )
    return passed(f"clients authenticate with {', '.join(mechanisms)}")


EXAMPLES = examples(
    "AWS::MSK::Cluster",
    passing=[
        ("iam", {"ClientAuthentication": {"Sasl": {"Iam": {"Enabled": True}}}}),
        ("mtls", {"ClientAuthentication": {"Tls": {"CertificateAuthorityArnList": ["arn:aws:acm-pca:x"]}}}),
    ],
    failing=[
        ("absent", {"ClusterName": "events"}),
        (
            "also-anonymous",
            {
                "ClientAuthentication": {
                    "Sasl": {"Scram": {"Enabled": True}},
                    "Unauthenticated": {"Enabled": True},
                }
            },
        ),
    ],
) + unknowns(
    "AWS::MSK::Cluster",
    ("deploy-time", {"ClientAuthentication": {"Sasl": {"Iam": {"Enabled": Unresolved("x")}}}}),
)
