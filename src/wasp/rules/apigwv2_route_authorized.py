"""API Gateway HTTP/WebSocket routes require authorisation."""

from wasp.model import Severity
from wasp.model.rule import Remediation, ResourceView, RuleContext, RuleMeta, Verdict, failed, passed
from wasp.rules._expect import examples
from wasp.rules._shape import text

META = RuleMeta(
    title="API Gateway HTTP/WebSocket routes require authorisation",
    severity=Severity.HIGH,
    best_practices=("SEC03-BP02", "SEC05-BP02"),
    resource_type="AWS::ApiGatewayV2::Route",
    public_exposure=True,
    description="A route with AuthorizationType NONE (the default) lets anyone call its integration. CORS "
    "preflight routes (OPTIONS) are exempt.",
    remediation=Remediation(
        console="API Gateway > API > Authorization > ROUTE: attach a JWT, IAM or Lambda authoriser.",
        cli="aws apigatewayv2 update-route --api-id API --route-id ROUTE --authorization-type JWT "
        "--authorizer-id AUTH",
        cloudformation="AuthorizationType: JWT, AuthorizerId: !Ref Authorizer",
        terraform='authorization_type = "JWT"  authorizer_id = aws_apigatewayv2_authorizer.x.id',
    ),
    checkov=("CKV_AWS_309",),
)


def evaluate(view: ResourceView, ctx: RuleContext) -> Verdict | None:
    """NONE fails except on OPTIONS routes."""
    route = text(view, "RouteKey") or ""
    if route.upper().startswith("OPTIONS "):
        return passed("CORS preflight")
    auth = (text(view, "AuthorizationType") or "NONE").upper()
    if auth == "NONE":
        return failed(f"route {route or view.id} can be called by anyone (no authorisation)")
    return passed(f"authorised by {auth}")


EXAMPLES = examples(
    "AWS::ApiGatewayV2::Route",
    passing=[("jwt", {"RouteKey": "GET /orders", "AuthorizationType": "JWT"})],
    failing=[("open", {"RouteKey": "POST /orders"})],
)
