"""ACM certificates name their hosts rather than a wildcard."""

from wasp.model import FindingStatus, Severity
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
from wasp.rules._shape import judge_list, text

META = RuleMeta(
    title="ACM certificates do not use wildcard names",
    severity=Severity.LOW,
    best_practices=("SEC09-BP01",),
    resource_type="AWS::CertificateManager::Certificate",
    description="A wildcard certificate (*.example.com) is valid for every host of the domain: wherever its "
    "key is deployed, a compromise lets an attacker impersonate all of them. Issue certificates for the names "
    "each service uses.",
    remediation=Remediation(
        console="Certificate Manager > Request: list each host name (Fully qualified domain name, Add another "
        "name), then replace the wildcard certificate where it is used.",
        cli="aws acm request-certificate --domain-name shop.example.com --subject-alternative-names "
        "api.example.com --validation-method DNS",
        cloudformation="DomainName: shop.example.com  SubjectAlternativeNames: [api.example.com]",
        terraform='domain_name = "shop.example.com"  subject_alternative_names = ["api.example.com"]',
    ),
    checkov=("CKV2_AWS_71",),
)


def _wild(names: list[str | None]) -> list[str]:
    return [n for n in names if n is not None and n.startswith("*")]


def evaluate(view: ResourceView, ctx: RuleContext) -> Verdict | None:
    """A wildcard domain name or alternative name fails; alternative names not read live leave a pass unknown."""
    wild = _wild([text(view, "DomainName"), *judge_list(view, "SubjectAlternativeNames")])
    name = view.resource.origin.address or view.id
    if wild:
        return failed(f"certificate {name} covers {', '.join(wild)}")
    if not_read_live(view, ("SubjectAlternativeNames",)) is not None:
        return unknown(f"the alternative names of certificate {name} are not read live")
    return passed("names its hosts")


_CERT = "AWS::CertificateManager::Certificate"
EXAMPLES = (
    Example("wildcard", example_resource(_CERT, {"DomainName": "*.example.com"}), FindingStatus.FAIL),
    Example(
        "wildcard-alternative",
        example_resource(_CERT, {"DomainName": "example.com", "SubjectAlternativeNames": ["*.example.com"]}),
        FindingStatus.FAIL,
    ),
    Example(
        "named",
        example_resource(
            _CERT, {"DomainName": "shop.example.com", "SubjectAlternativeNames": ["api.example.com"]}
        ),
        FindingStatus.PASS,
    ),
    Example(
        "alternative-name-not-a-string",
        example_resource(_CERT, {"DomainName": "shop.example.com", "SubjectAlternativeNames": [{"a": 1}]}),
        FindingStatus.UNKNOWN,
    ),
    Example(
        "alternatives-not-read-live",
        example_resource(_CERT, {"DomainName": "shop.example.com"}),
        FindingStatus.UNKNOWN,
    ),
)
