"""Internet-facing ALBs are protected by AWS WAF."""

from wasp.model import FindingStatus, Severity
from wasp.model.resource import SUPPLEMENTARY
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
    title="Internet-facing ALBs are protected by AWS WAF",
    severity=Severity.MEDIUM,
    best_practices=("SEC05-BP03", "SEC05-BP04"),
    resource_type="AWS::ElasticLoadBalancingV2::LoadBalancer",
    related_types=(ACL,),
    public_exposure=True,
    description="Public entry points need inspection of HTTP traffic (OWASP top 10, known bad inputs, bots); a web "
    "ACL with AWS managed rule groups gives that and keeps itself up to date.",
    remediation=Remediation(
        console="WAF > Web ACLs > Create (AWSManagedRulesCommonRuleSet, KnownBadInputs, SQLi) > Associate with the ALB.",
        cli="aws wafv2 associate-web-acl --web-acl-arn ACL --resource-arn ALB_ARN",
        cloudformation="AWS::WAFv2::WebACLAssociation {ResourceArn: !Ref Alb, WebACLArn: !GetAtt Acl.Arn}",
        terraform="aws_wafv2_web_acl_association { resource_arn = aws_lb.this.arn web_acl_arn = aws_wafv2_web_acl.this.arn }",
    ),
    checkov=("CKV2_AWS_28",),
)


def evaluate(view: ResourceView, ctx: RuleContext) -> Verdict | None:
    """See _waf.waf_verdict."""
    if view.get("Scheme") != "internet-facing" or view.get("Type", "application") != "application":
        return None
    acl = text(view, f"{SUPPLEMENTARY}.WebAclArn")
    return waf_verdict(view, ctx, acl, "internet-facing load balancer")


EXAMPLES = (
    Example(
        "protected",
        example_resource(
            "AWS::ElasticLoadBalancingV2::LoadBalancer",
            {
                "Scheme": "internet-facing",
                "Type": "application",
                SUPPLEMENTARY: {"WebAclArn": "arn:aws:wafv2:eu-west-2:1:regional/webacl/main/abc"},
            },
        ),
        FindingStatus.PASS,
    ),
    Example(
        "bare",
        example_resource(
            "AWS::ElasticLoadBalancingV2::LoadBalancer",
            {"Scheme": "internet-facing", "Type": "application", SUPPLEMENTARY: {"WebAclArn": None}},
        ),
        FindingStatus.FAIL,
    ),
)
