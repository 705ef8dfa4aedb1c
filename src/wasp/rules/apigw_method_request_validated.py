"""API Gateway REST methods validate requests before they reach the backend."""

from wasp.model import FindingStatus, Severity
from wasp.model.rule import Example, Remediation, ResourceView, RuleMeta, example_resource
from wasp.rules._data_checks import expect_set, unknown_example
from wasp.rules._expect import examples
from wasp.rules._shape import text

META = RuleMeta(
    title="API Gateway methods validate requests",
    severity=Severity.LOW,
    best_practices=("SEC05-BP03",),
    resource_type="AWS::ApiGateway::Method",
    description="A request validator makes API Gateway reject requests whose required parameters, headers or "
    "body do not match the model before they reach the integration, so malformed and malicious input is "
    "stopped at the edge rather than in every backend. CORS preflight (OPTIONS) methods are left out.",
    remediation=Remediation(
        console="API Gateway > API > Resources > METHOD > Method request > Edit: Request validator "
        "'Validate body, query string parameters, and headers'.",
        cli="aws apigateway update-method --rest-api-id API --resource-id RES --http-method POST "
        "--patch-operations op=replace,path=/requestValidatorId,value=VALIDATOR",
        cloudformation="RequestValidatorId: !Ref BodyAndParamsValidator  (AWS::ApiGateway::RequestValidator)",
        terraform="request_validator_id = aws_api_gateway_request_validator.all.id",
    ),
    checkov=("CKV2_AWS_53",),
)


def _not_preflight(view: ResourceView) -> bool:
    return str(text(view, "HttpMethod") or "").upper() != "OPTIONS"


evaluate = expect_set(
    "RequestValidatorId",
    ok="requests validated",
    bad="method {name} passes requests to the backend unvalidated",
    applies=_not_preflight,
)

EXAMPLES = (
    *examples(
        "AWS::ApiGateway::Method",
        passing=[("validated", {"HttpMethod": "POST", "RequestValidatorId": "abc123"})],
        failing=[("unvalidated", {"HttpMethod": "POST"})],
    ),
    unknown_example("AWS::ApiGateway::Method", "RequestValidatorId", {"HttpMethod": "POST"}),
    Example(
        "method-not-a-string",
        example_resource("AWS::ApiGateway::Method", {"HttpMethod": ["POST"], "RequestValidatorId": "abc123"}),
        FindingStatus.UNKNOWN,
    ),
)
