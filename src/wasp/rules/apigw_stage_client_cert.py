"""API Gateway REST stages present a client certificate to their backend."""

from wasp.model import Severity
from wasp.model.rule import Remediation, RuleMeta
from wasp.rules._expect import examples
from wasp.rules._net import expect_set

META = RuleMeta(
    title="API Gateway REST stages use a client certificate for the backend",
    severity=Severity.LOW,
    best_practices=("SEC09-BP03",),
    resource_type="AWS::ApiGateway::Stage",
    description="With a client certificate the backend can verify that requests come from API Gateway and not "
    "from someone who found the backend's address.",
    remediation=Remediation(
        console="API Gateway > Client certificates > Generate; API > Stages > STAGE > Edit: Client certificate.",
        cli="aws apigateway update-stage --rest-api-id API --stage-name STAGE --patch-operations "
        "op=replace,path=/clientCertificateId,value=CERT_ID",
        cloudformation="ClientCertificateId: !Ref ClientCertificate",
        terraform="client_certificate_id = aws_api_gateway_client_certificate.backend.id",
    ),
    checkov=("CKV2_AWS_51",),
)

evaluate = expect_set(
    "ClientCertificateId",
    ok="backend calls carry a client certificate",
    bad="API stage {name} presents no client certificate to its backend",
)

EXAMPLES = examples(
    "AWS::ApiGateway::Stage",
    passing=[("cert", {"ClientCertificateId": "abc123"})],
    failing=[("none", {"StageName": "prod"})],
)
