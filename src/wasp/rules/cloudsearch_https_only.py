"""CloudSearch domains require HTTPS."""

from wasp.model import Severity
from wasp.model.rule import Remediation, RuleMeta
from wasp.rules._data_checks import unknown_example
from wasp.rules._expect import examples, expect, is_true

META = RuleMeta(
    title="CloudSearch domains require HTTPS",
    severity=Severity.MEDIUM,
    best_practices=("SEC09-BP02",),
    resource_type="WASP::CloudSearch::Domain",
    description="Without enforced HTTPS, search and document requests (and the data in them) may travel in plain HTTP.",
    remediation=Remediation(
        console="CloudSearch > DOMAIN > Domain configuration > HTTPS: require HTTPS.",
        cli="aws cloudsearch update-domain-endpoint-options --domain-name NAME --domain-endpoint-options EnforceHTTPS=true,TLSSecurityPolicy=Policy-Min-TLS-1-2-2019-07",
        cloudformation="CloudFormation has no CloudSearch domain resource; configure it with the CLI or Terraform.",
        terraform="endpoint_options { enforce_https = true }",
    ),
    checkov=("CKV_AWS_220",),
)

evaluate = expect(
    "EndpointOptions.EnforceHTTPS",
    is_true,
    ok="HTTPS required",
    bad="CloudSearch domain {name} accepts plain HTTP",
    default=False,
)

EXAMPLES = (
    *examples(
        "WASP::CloudSearch::Domain",
        passing=[("on", {"EndpointOptions": {"EnforceHTTPS": True}})],
        failing=[("absent", {"DomainName": "d"})],
    ),
    unknown_example("WASP::CloudSearch::Domain", "EndpointOptions.EnforceHTTPS"),
)
