"""SES configuration sets require TLS when delivering mail to the receiving server."""

from wasp.model import Severity
from wasp.model.rule import Remediation, RuleMeta
from wasp.rules._expect import examples, expect, one_of

META = RuleMeta(
    title="SES configuration sets require TLS for delivery",
    severity=Severity.MEDIUM,
    best_practices=("SEC09-BP02",),
    resource_type="AWS::SES::ConfigurationSet",
    description="With the default OPTIONAL policy SES falls back to clear text when the receiving server offers "
    "no TLS, so messages (password resets, invoices) can cross the internet unencrypted; REQUIRE refuses to.",
    remediation=Remediation(
        console="SES > Configuration sets > SET > General details > Edit: Transport Layer Security: Required.",
        cli="aws sesv2 put-configuration-set-delivery-options --configuration-set-name NAME --tls-policy REQUIRE",
        cloudformation="DeliveryOptions: {TlsPolicy: REQUIRE}",
        terraform='delivery_options { tls_policy = "Require" }',
    ),
    checkov=("CKV_AWS_365",),
)

evaluate = expect(
    "DeliveryOptions.TlsPolicy",
    one_of("REQUIRE"),
    ok="TLS required for delivery",
    bad="configuration set {name} delivers in clear text when the receiver offers no TLS",
    default="OPTIONAL",
)

EXAMPLES = examples(
    "AWS::SES::ConfigurationSet",
    passing=[("require", {"DeliveryOptions": {"TlsPolicy": "REQUIRE"}})],
    failing=[("default", {"Name": "mail"}), ("optional", {"DeliveryOptions": {"TlsPolicy": "OPTIONAL"}})],
)
