"""CloudFront reaches custom origins over HTTPS with modern TLS."""

from typing import Any

from wasp.model import Severity
from wasp.model.rule import Remediation, ResourceView, RuleContext, RuleMeta, Verdict, failed, passed, unknown
from wasp.rules._expect import examples
from wasp.rules._shape import entries, expect_type

OLD_PROTOCOLS = ("SSLv3", "TLSv1", "TLSv1.1")

META = RuleMeta(
    title="CloudFront uses HTTPS with TLS 1.2 to custom origins",
    severity=Severity.HIGH,
    best_practices=("SEC09-BP02",),
    resource_type="AWS::CloudFront::Distribution",
    description="HTTPS from the viewer means little if CloudFront then forwards the request to the origin over "
    "HTTP (http-only, or match-viewer for a viewer that used HTTP) or allows SSLv3/TLS 1.0/1.1 to it.",
    remediation=Remediation(
        console="CloudFront > DISTRIBUTION > Origins > ORIGIN > Edit: Protocol HTTPS only, minimum origin SSL "
        "protocol TLSv1.2.",
        cli="aws cloudfront update-distribution --id ID --distribution-config file://config.json --if-match ETAG",
        cloudformation="CustomOriginConfig: {OriginProtocolPolicy: https-only, OriginSSLProtocols: [TLSv1.2]}",
        terraform='custom_origin_config { origin_protocol_policy = "https-only"  origin_ssl_protocols = ["TLSv1.2"] }',
    ),
    checkov=("CKV2_AWS_72",),
)


def _mapping(value: Any) -> bool:
    return isinstance(value, dict)


def _strings(value: Any) -> bool:
    return isinstance(value, list) and all(isinstance(v, str) for v in value)


def _problems(origin: dict[str, Any]) -> list[str]:
    custom = expect_type(
        "an origin's CustomOriginConfig", origin.get("CustomOriginConfig"), _mapping, "a mapping"
    )
    if not isinstance(custom, dict):
        return []
    name = origin.get("Id") or origin.get("DomainName") or "?"
    out = []
    policy = custom.get("OriginProtocolPolicy")
    if policy != "https-only":
        out.append(f"origin {name} allows HTTP ({policy})")
    protocols = expect_type(
        "OriginSSLProtocols", custom.get("OriginSSLProtocols") or [], _strings, "a list of strings"
    )
    old = sorted(set(protocols) & set(OLD_PROTOCOLS))
    if old:
        out.append(f"origin {name} allows {', '.join(old)}")
    return out


def evaluate(view: ResourceView, ctx: RuleContext) -> Verdict | None:
    """Every custom origin is https-only without SSLv3/TLS 1.0/1.1."""
    origins = view.get("DistributionConfig.Origins")
    if origins is None:
        return unknown(f"distribution {view.id}: its origins were not read")
    problems = [p for o in entries(view, "DistributionConfig.Origins") for p in _problems(dict(o))]
    if problems:
        return failed(f"distribution {view.id}: " + "; ".join(problems))
    return passed("custom origins (if any) reached over HTTPS with TLS 1.2+")


_HTTPS = {"OriginProtocolPolicy": "https-only", "OriginSSLProtocols": ["TLSv1.2"]}
EXAMPLES = examples(
    "AWS::CloudFront::Distribution",
    passing=[
        ("https", {"DistributionConfig": {"Origins": [{"Id": "api", "CustomOriginConfig": _HTTPS}]}}),
        ("s3", {"DistributionConfig": {"Origins": [{"Id": "s3", "S3OriginConfig": {}}]}}),
    ],
    failing=[
        (
            "http",
            {
                "DistributionConfig": {
                    "Origins": [{"Id": "api", "CustomOriginConfig": {"OriginProtocolPolicy": "http-only"}}]
                }
            },
        ),
        (
            "old-tls",
            {
                "DistributionConfig": {
                    "Origins": [
                        {
                            "Id": "api",
                            "CustomOriginConfig": {**_HTTPS, "OriginSSLProtocols": ["TLSv1", "TLSv1.2"]},
                        }
                    ]
                }
            },
        ),
    ],
)
