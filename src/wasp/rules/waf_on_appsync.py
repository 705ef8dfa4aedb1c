"""Public AppSync GraphQL APIs are protected by AWS WAF."""

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

API = "AWS::AppSync::GraphQLApi"

META = RuleMeta(
    title="Public AppSync GraphQL APIs are protected by AWS WAF",
    severity=Severity.MEDIUM,
    best_practices=("SEC05-BP03", "SEC05-BP04"),
    resource_type=API,
    related_types=(ACL,),
    public_exposure=True,
    description="A public GraphQL endpoint takes arbitrary queries from the internet; a web ACL with AWS managed "
    "rule groups (and rate-based rules) filters known exploits, bad inputs and floods before they reach the "
    "resolvers. Private APIs (Visibility PRIVATE) are reachable only from VPCs and are left out.",
    remediation=Remediation(
        console="WAF & Shield > Web ACLs > (regional ACL) > Associated AWS resources > Add: the AppSync API.",
        cli="aws wafv2 associate-web-acl --web-acl-arn ACL_ARN --resource-arn API_ARN",
        cloudformation="AWS::WAFv2::WebACLAssociation {ResourceArn: !GetAtt Api.Arn, WebACLArn: !GetAtt Acl.Arn}",
        terraform="aws_wafv2_web_acl_association { resource_arn = aws_appsync_graphql_api.this.arn  "
        "web_acl_arn = aws_wafv2_web_acl.this.arn }",
    ),
    checkov=("CKV2_AWS_33",),
)


def evaluate(view: ResourceView, ctx: RuleContext) -> Verdict | None:
    """Public APIs only; see _waf.waf_verdict."""
    if str(text(view, "Visibility", "GLOBAL")).upper() == "PRIVATE":
        return None
    return waf_verdict(view, ctx, text(view, f"{SUPPLEMENTARY}.WebAclArn"), "AppSync API")


EXAMPLES = (
    Example(
        "protected",
        example_resource(
            API, {SUPPLEMENTARY: {"WebAclArn": "arn:aws:wafv2:eu-west-2:1:regional/webacl/api/abc"}}
        ),
        FindingStatus.PASS,
    ),
    Example("bare", example_resource(API, {"Name": "shop"}), FindingStatus.FAIL),
    Example(
        "acl-not-a-string",
        example_resource(
            API, {SUPPLEMENTARY: {"WebAclArn": ["arn:aws:wafv2:eu-west-2:1:regional/webacl/api/abc"]}}
        ),
        FindingStatus.UNKNOWN,
    ),
)
