"""CloudFront viewers must use HTTPS with a modern minimum TLS version."""

from wasp.model import FindingStatus, Severity
from wasp.model.rule import (
    Example,
    Remediation,
    ResourceView,
    RuleContext,
    RuleMeta,
    Verdict,
    example_resource,
    failed,
    passed,
    unknown,
)
from wasp.rules._shape import block, text

HTTPS_POLICIES = ("redirect-to-https", "https-only")
OLD = ("SSLv3", "TLSv1", "TLSv1_2016", "TLSv1.1_2016")

META = RuleMeta(
    title="CloudFront requires HTTPS with TLS 1.2 or later",
    severity=Severity.HIGH,
    best_practices=("SEC09-BP02",),
    resource_type="AWS::CloudFront::Distribution",
    description="Every cache behaviour must redirect or require HTTPS, and a custom certificate must set a "
    "TLSv1.2_2021 (or later) minimum.",
    remediation=Remediation(
        console="CloudFront > DISTRIBUTION > Behaviors > Edit: Viewer protocol policy Redirect HTTP to HTTPS; General > "
        "Edit: Security policy TLSv1.2_2021.",
        cli="aws cloudfront update-distribution --id ID --distribution-config file://config.json --if-match ETAG",
        cloudformation="ViewerProtocolPolicy: redirect-to-https; ViewerCertificate: {MinimumProtocolVersion: TLSv1.2_2021}",
        terraform='viewer_protocol_policy = "redirect-to-https"; minimum_protocol_version = "TLSv1.2_2021"',
    ),
    checkov=("CKV_AWS_34", "CKV_AWS_174", "CKV2_AWS_54"),
)


def evaluate(view: ResourceView, ctx: RuleContext) -> Verdict | None:
    """Check every behaviour and the certificate's minimum version; a setting not read is unknown, never a pass."""
    default_policy = view.get("DistributionConfig.DefaultCacheBehavior.ViewerProtocolPolicy")
    if default_policy is None:
        return unknown(f"distribution {view.id}: the default behaviour's viewer protocol policy was not read")
    behaviours = view.get("DistributionConfig.CacheBehaviors", [])
    policies = [default_policy]
    policies += [b.get("ViewerProtocolPolicy") for b in behaviours if isinstance(b, dict)]
    problems = []
    if "allow-all" in policies:
        problems.append("a cache behaviour allows plain HTTP")
    cert = block(view, "DistributionConfig.ViewerCertificate")
    # No ViewerCertificate means CloudFront's default certificate (*.cloudfront.net), whose TLS floor AWS sets.
    if isinstance(cert, dict) and str(cert.get("CloudFrontDefaultCertificate")).lower() != "true":
        # A custom certificate without a minimum gets CloudFront's default floor, TLSv1.
        minimum = text(view, "DistributionConfig.ViewerCertificate.MinimumProtocolVersion") or "TLSv1"
        view.note("minimum_protocol_version", minimum)
        if minimum in OLD:
            problems.append(f"minimum TLS {minimum}")
    if problems:
        return failed(f"distribution {view.id}: " + "; ".join(problems))
    if None in policies:
        return unknown(f"distribution {view.id}: a cache behaviour's viewer protocol policy was not read")
    strange = sorted({str(p) for p in policies if p not in HTTPS_POLICIES})
    if strange:
        return unknown(f"distribution {view.id}: unrecognised viewer protocol policy {', '.join(strange)}")
    return passed("HTTPS only, modern TLS")


_GOOD = {
    "DistributionConfig": {
        "DefaultCacheBehavior": {"ViewerProtocolPolicy": "redirect-to-https"},
        "ViewerCertificate": {"MinimumProtocolVersion": "TLSv1.2_2021"},
    }
}
EXAMPLES = (
    Example("https", example_resource("AWS::CloudFront::Distribution", _GOOD), FindingStatus.PASS),
    Example(
        "allow-all",
        example_resource(
            "AWS::CloudFront::Distribution",
            {
                "DistributionConfig": {
                    "DefaultCacheBehavior": {"ViewerProtocolPolicy": "allow-all"},
                    "ViewerCertificate": {"MinimumProtocolVersion": "TLSv1.2_2021"},
                }
            },
        ),
        FindingStatus.FAIL,
    ),
    Example(
        "custom-cert-no-minimum",
        example_resource(
            "AWS::CloudFront::Distribution",
            {
                "DistributionConfig": {
                    "DefaultCacheBehavior": {"ViewerProtocolPolicy": "https-only"},
                    "ViewerCertificate": {
                        "AcmCertificateArn": "arn:aws:acm:us-east-1:111122223333:certificate/x"
                    },
                }
            },
        ),
        FindingStatus.FAIL,
    ),
    Example(
        "not-read",
        example_resource("AWS::CloudFront::Distribution", {"DistributionConfig": {"Enabled": True}}),
        FindingStatus.UNKNOWN,
    ),
)
