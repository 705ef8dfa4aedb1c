"""CloudFront distributions attach a response headers policy."""

from wasp.model import Severity
from wasp.model.rule import Remediation, ResourceView, RuleContext, RuleMeta, Verdict, failed, passed, unknown
from wasp.rules._expect import examples
from wasp.rules._shape import text

META = RuleMeta(
    title="CloudFront distributions attach a response headers policy",
    severity=Severity.LOW,
    best_practices=("SEC09-BP02",),
    resource_type="AWS::CloudFront::Distribution",
    description="A response headers policy on the default behaviour adds HSTS, X-Content-Type-Options and "
    "similar security headers at the edge, whatever the origin sends.",
    remediation=Remediation(
        console="CloudFront > DISTRIBUTION > Behaviors > Default > Edit: Response headers policy "
        "Managed-SecurityHeadersPolicy (or your own).",
        cli="aws cloudfront update-distribution --id ID --distribution-config file://config.json --if-match ETAG",
        cloudformation="DefaultCacheBehavior: {ResponseHeadersPolicyId: 67f7725c-6f97-4210-82d7-5512b31e9d03}",
        terraform='response_headers_policy_id = "67f7725c-6f97-4210-82d7-5512b31e9d03"',
    ),
    checkov=("CKV2_AWS_32",),
)


def evaluate(view: ResourceView, ctx: RuleContext) -> Verdict | None:
    """The default cache behaviour names a response headers policy."""
    default = view.peek("DistributionConfig.DefaultCacheBehavior")
    if not isinstance(default, dict):
        return unknown(f"distribution {view.id}: the default behaviour was not read")
    if text(view, "DistributionConfig.DefaultCacheBehavior.ResponseHeadersPolicyId") is not None:
        return passed("response headers policy attached")
    return failed(f"distribution {view.id} attaches no response headers policy")


EXAMPLES = examples(
    "AWS::CloudFront::Distribution",
    passing=[
        ("policy", {"DistributionConfig": {"DefaultCacheBehavior": {"ResponseHeadersPolicyId": "rh-1"}}})
    ],
    failing=[
        ("none", {"DistributionConfig": {"DefaultCacheBehavior": {"ViewerProtocolPolicy": "https-only"}}})
    ],
)
