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
)

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
)


def evaluate(view: ResourceView, ctx: RuleContext) -> Verdict | None:
    """Check every behaviour and the certificate's minimum version."""
    policies = [view.get("DistributionConfig.DefaultCacheBehavior.ViewerProtocolPolicy")]
    policies += [
        b.get("ViewerProtocolPolicy")
        for b in view.get("DistributionConfig.CacheBehaviors", [])
        if isinstance(b, dict)
    ]
    problems = []
    if "allow-all" in policies:
        problems.append("a cache behaviour allows plain HTTP")
    minimum = view.get("DistributionConfig.ViewerCertificate.MinimumProtocolVersion")
    if not view.get("DistributionConfig.ViewerCertificate.CloudFrontDefaultCertificate") and minimum in OLD:
        problems.append(f"minimum TLS {minimum}")
    if problems:
        return failed(f"distribution {view.id}: " + "; ".join(problems))
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
)
