"""CloudSearch domains require TLS 1.2."""

from wasp.model import Severity
from wasp.model.rule import Remediation, RuleMeta
from wasp.rules._data_checks import unknown_example
from wasp.rules._expect import examples, expect, one_of

META = RuleMeta(
    title="CloudSearch domains require TLS 1.2",
    severity=Severity.MEDIUM,
    best_practices=("SEC09-BP02",),
    resource_type="WASP::CloudSearch::Domain",
    description="The default policy still accepts TLS 1.0 and 1.1, which have known weaknesses.",
    remediation=Remediation(
        console="CloudSearch > DOMAIN > Domain configuration > HTTPS > TLS policy: Policy-Min-TLS-1-2-2019-07.",
        cli="aws cloudsearch update-domain-endpoint-options --domain-name NAME --domain-endpoint-options EnforceHTTPS=true,TLSSecurityPolicy=Policy-Min-TLS-1-2-2019-07",
        cloudformation="CloudFormation has no CloudSearch domain resource; configure it with the CLI or Terraform.",
        terraform='endpoint_options { tls_security_policy = "Policy-Min-TLS-1-2-2019-07" }',
    ),
    checkov=("CKV_AWS_218",),
)

evaluate = expect(
    "EndpointOptions.TLSSecurityPolicy",
    one_of("Policy-Min-TLS-1-2-2019-07"),
    ok="TLS 1.2 minimum",
    bad="CloudSearch domain {name} accepts TLS older than 1.2 ({value})",
    default="Policy-Min-TLS-1-0-2019-07",
)

EXAMPLES = (
    *examples(
        "WASP::CloudSearch::Domain",
        passing=[("tls12", {"EndpointOptions": {"TLSSecurityPolicy": "Policy-Min-TLS-1-2-2019-07"}})],
        failing=[
            ("absent", {"DomainName": "d"}),
            ("tls10", {"EndpointOptions": {"TLSSecurityPolicy": "Policy-Min-TLS-1-0-2019-07"}}),
        ],
    ),
    unknown_example("WASP::CloudSearch::Domain", "EndpointOptions.TLSSecurityPolicy"),
)
