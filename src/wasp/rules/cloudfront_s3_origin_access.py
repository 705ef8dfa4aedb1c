"""CloudFront reaches S3 origins through origin access control (or an access identity)."""

from typing import Any

from wasp.model import Severity
from wasp.model.rule import Remediation, ResourceView, RuleContext, RuleMeta, Verdict, failed, passed, unknown
from wasp.rules._expect import examples
from wasp.rules._shape import entries, expect_type, is_text

META = RuleMeta(
    title="CloudFront S3 origins use origin access control",
    severity=Severity.HIGH,
    best_practices=("SEC03-BP07", "SEC05-BP01"),
    resource_type="AWS::CloudFront::Distribution",
    description="An S3 origin without origin access control (or a legacy origin access identity) is fetched "
    "anonymously, so the bucket must be public, and anyone can bypass CloudFront, its WAF and its logs.",
    remediation=Remediation(
        console="CloudFront > DISTRIBUTION > Origins > ORIGIN > Edit: Origin access control settings, create a "
        "control, then update the bucket policy CloudFront proposes.",
        cli="aws cloudfront create-origin-access-control --origin-access-control-config file://oac.json",
        cloudformation="Origins: [{DomainName: !GetAtt Bucket.RegionalDomainName, S3OriginConfig: {}, "
        "OriginAccessControlId: !GetAtt Oac.Id}]",
        terraform="origin { ... origin_access_control_id = aws_cloudfront_origin_access_control.s3.id }",
    ),
    checkov=("CKV2_AWS_46",),
)


def _mapping(value: Any) -> bool:
    return isinstance(value, dict)


def _open(origin: dict[str, Any]) -> bool:
    if "S3OriginConfig" not in origin:
        return False
    config = (
        expect_type("an origin's S3OriginConfig", origin.get("S3OriginConfig"), _mapping, "a mapping") or {}
    )
    identity = expect_type(
        "an origin's OriginAccessIdentity", config.get("OriginAccessIdentity"), is_text, "a string"
    )
    control = expect_type(
        "an origin's OriginAccessControlId", origin.get("OriginAccessControlId"), is_text, "a string"
    )
    return not control and not identity


def evaluate(view: ResourceView, ctx: RuleContext) -> Verdict | None:
    """Every S3 origin has an origin access control id or an access identity."""
    origins = view.peek("DistributionConfig.Origins")
    if origins is None:
        return unknown(f"distribution {view.id}: its origins were not read")
    if not isinstance(origins, list):
        view.get("DistributionConfig.Origins")  # unknown as a whole: raises
    bare = [
        str(o.get("Id") or o.get("DomainName"))
        for o in entries(view, "DistributionConfig.Origins")
        if _open(dict(o))
    ]
    if bare:
        return failed(f"distribution {view.id} reads S3 origin(s) {', '.join(bare)} anonymously")
    return passed("S3 origins (if any) use origin access control")


EXAMPLES = examples(
    "AWS::CloudFront::Distribution",
    passing=[
        (
            "oac",
            {
                "DistributionConfig": {
                    "Origins": [{"Id": "s3", "S3OriginConfig": {}, "OriginAccessControlId": "E1"}]
                }
            },
        )
    ],
    failing=[
        (
            "anonymous",
            {
                "DistributionConfig": {
                    "Origins": [{"Id": "s3", "S3OriginConfig": {"OriginAccessIdentity": ""}}]
                }
            },
        )
    ],
)
