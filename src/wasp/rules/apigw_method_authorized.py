"""API Gateway REST methods require an authoriser or an API key."""

from wasp.model import Severity
from wasp.model.rule import Remediation, ResourceView, RuleContext, RuleMeta, Verdict, failed, passed
from wasp.rules._expect import examples, is_true
from wasp.rules._shape import text

META = RuleMeta(
    title="API Gateway methods require authorisation",
    severity=Severity.HIGH,
    best_practices=("SEC03-BP02", "SEC05-BP02"),
    resource_type="AWS::ApiGateway::Method",
    public_exposure=True,
    description="A method with AuthorizationType NONE and no API key lets anyone on the internet call the "
    "backend behind it. CORS preflight (OPTIONS) methods are exempt.",
    remediation=Remediation(
        console="API Gateway > API > Resources > METHOD > Method request > Edit: Authorization AWS_IAM, Cognito "
        "or a Lambda authoriser.",
        cli="aws apigateway update-method --rest-api-id API --resource-id RES --http-method GET --patch-operations "
        "op=replace,path=/authorizationType,value=AWS_IAM",
        cloudformation="AuthorizationType: COGNITO_USER_POOLS (with AuthorizerId) or AWS_IAM",
        terraform='authorization = "COGNITO_USER_POOLS"  authorizer_id = aws_api_gateway_authorizer.x.id',
    ),
    checkov=("CKV_AWS_59", "CKV2_AWS_70"),
)


def evaluate(view: ResourceView, ctx: RuleContext) -> Verdict | None:
    """NONE without an API key fails, except for OPTIONS."""
    method = (text(view, "HttpMethod") or "").upper()
    if method == "OPTIONS":
        return passed("CORS preflight")
    auth = (text(view, "AuthorizationType") or "NONE").upper()
    if auth != "NONE":
        return passed(f"authorised by {auth}")
    if is_true(view.get("ApiKeyRequired")):
        return passed("an API key is required")
    return failed(
        f"method {view.id} ({method or '?'}) can be called by anyone (no authorisation, no API key)"
    )


EXAMPLES = examples(
    "AWS::ApiGateway::Method",
    passing=[
        ("iam", {"HttpMethod": "GET", "AuthorizationType": "AWS_IAM"}),
        ("options", {"HttpMethod": "OPTIONS"}),
    ],
    failing=[("open", {"HttpMethod": "POST", "AuthorizationType": "NONE"})],
)
