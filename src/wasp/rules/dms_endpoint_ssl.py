"""DMS endpoints connect to their databases over TLS."""

from wasp.model import Severity
from wasp.model.rule import Remediation, ResourceView, RuleContext, RuleMeta, Verdict, failed, passed
from wasp.rules._expect import examples
from wasp.rules._net import live_reads, with_read
from wasp.rules._shape import text

NO_TLS_ENGINES = (
    "s3",
    "dynamodb",
    "kinesis",
    "kafka",
    "opensearch",
    "elasticsearch",
    "neptune",
    "redshift-serverless",
)

META = RuleMeta(
    title="DMS endpoints use SSL/TLS",
    severity=Severity.HIGH,
    best_practices=("SEC09-BP02",),
    resource_type="AWS::DMS::Endpoint",
    description="With SslMode none the whole database being migrated crosses the network in clear text. "
    "Endpoints for services reached through AWS APIs (S3, DynamoDB, Kinesis...) use HTTPS and are not judged.",
    remediation=Remediation(
        console="DMS > Endpoints > ENDPOINT > Modify: Secure Socket Layer (SSL) mode require or verify-full.",
        cli="aws dms modify-endpoint --endpoint-arn ARN --ssl-mode verify-full --certificate-arn CERT",
        cloudformation="SslMode: verify-full",
        terraform='ssl_mode = "verify-full"',
    ),
    checkov=("CKV2_AWS_49",),
)


def _evaluate(view: ResourceView, ctx: RuleContext) -> Verdict | None:
    """SslMode other than none for database engines."""
    engine = (text(view, "EngineName") or "").lower()
    if engine in NO_TLS_ENGINES:
        return None
    mode = (text(view, "SslMode") or "none").lower()
    if mode == "none":
        return failed(
            f"DMS endpoint {view.label('EndpointIdentifier')} ({engine or '?'}) connects without TLS"
        )
    return passed(f"TLS ({mode})")


evaluate = live_reads("EngineName", _evaluate)

EXAMPLES = with_read(
    {"EngineName": "mysql"},
    examples(
        "AWS::DMS::Endpoint",
        passing=[("verify", {"EngineName": "postgres", "SslMode": "verify-full"})],
        failing=[("none", {"EngineName": "mysql"})],
    ),
)
