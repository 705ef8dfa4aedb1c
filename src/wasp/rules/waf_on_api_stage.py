"""API Gateway stages are protected by AWS WAF."""

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
    title="API Gateway stages are protected by AWS WAF",
    severity=Severity.MEDIUM,
    best_practices=("SEC05-BP03", "SEC05-BP04"),
    resource_type="AWS::ApiGateway::Stage",
    related_types=(ACL,),
    public_exposure=True,
    description="Public entry points need inspection of HTTP traffic (OWASP top 10, known bad inputs, bots); a web "
    "ACL with AWS managed rule groups gives that and keeps itself up to date.",
    remediation=Remediation(
        console="WAF > Web ACLs > (regional ACL) > Associated AWS resources > Add: the API stage.",
        cli="aws wafv2 associate-web-acl --web-acl-arn ACL --resource-arn arn:aws:apigateway:REGION::/restapis/ID/stages/STAGE",
        cloudformation="AWS::WAFv2::WebACLAssociation {ResourceArn: !Sub 'arn:aws:apigateway:...:/restapis/${Api}/stages/prod'}",
        terraform="aws_wafv2_web_acl_association with the stage ARN",
    ),
    checkov=("CKV2_AWS_29",),
)


def evaluate(view: ResourceView, ctx: RuleContext) -> Verdict | None:
    """See _waf.waf_verdict."""
    acl = text(view, f"{SUPPLEMENTARY}.WebAclArn")
    return waf_verdict(view, ctx, acl, "API Gateway stage")


EXAMPLES = (
    Example(
        "protected",
        example_resource(
            "AWS::ApiGateway::Stage",
            {SUPPLEMENTARY: {"WebAclArn": "arn:aws:wafv2:eu-west-2:1:regional/webacl/api/abc"}},
        ),
        FindingStatus.PASS,
    ),
    Example(
        "bare",
        example_resource("AWS::ApiGateway::Stage", {SUPPLEMENTARY: {"WebAclArn": None}}),
        FindingStatus.FAIL,
    ),
)
