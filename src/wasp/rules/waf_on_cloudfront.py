"""CloudFront distributions are protected by AWS WAF."""

from wasp.model import FindingStatus, Severity
from wasp.model.rule import (
    Example,
    Remediation,
    ResourceView,
    RuleContext,
    RuleMeta,
    Verdict,
    example_resource,
)
from wasp.rules._shape import text
from wasp.rules._waf import ACL, waf_verdict

META = RuleMeta(
    title="CloudFront distributions are protected by AWS WAF",
    severity=Severity.MEDIUM,
    best_practices=("SEC05-BP03", "SEC05-BP04"),
    resource_type="AWS::CloudFront::Distribution",
    related_types=(ACL,),
    public_exposure=True,
    description="Public entry points need inspection of HTTP traffic (OWASP top 10, known bad inputs, bots); a web "
    "ACL with AWS managed rule groups gives that and keeps itself up to date.",
    remediation=Remediation(
        console="CloudFront > DISTRIBUTION > Security > Edit: enable AWS WAF protections (a CLOUDFRONT-scope web ACL).",
        cli="aws cloudfront update-distribution --id ID --distribution-config file://config-with-WebACLId.json",
        cloudformation="DistributionConfig: {WebACLId: !GetAtt CloudFrontAcl.Arn}",
        terraform="web_acl_id = aws_wafv2_web_acl.cloudfront.arn",
    ),
    checkov=("CKV_AWS_68",),
)


def evaluate(view: ResourceView, ctx: RuleContext) -> Verdict | None:
    """See _waf.waf_verdict."""
    if view.get("DistributionConfig.Enabled") is False:
        return None
    acl = text(view, "DistributionConfig.WebACLId")
    return waf_verdict(view, ctx, acl, "CloudFront distribution")


EXAMPLES = (
    Example(
        "protected",
        example_resource(
            "AWS::CloudFront::Distribution",
            {"DistributionConfig": {"WebACLId": "arn:aws:wafv2:us-east-1:1:global/webacl/cf/abc"}},
        ),
        FindingStatus.PASS,
    ),
    Example(
        "bare",
        example_resource("AWS::CloudFront::Distribution", {"DistributionConfig": {"WebACLId": None}}),
        FindingStatus.FAIL,
    ),
)
