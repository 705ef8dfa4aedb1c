"""Container images are scanned on push (or the registry uses enhanced scanning)."""

from wasp.model import ACCOUNT_TYPE, FindingStatus, Severity, Unresolved
from wasp.model.rule import (
    Example,
    Remediation,
    ResourceView,
    RuleContext,
    RuleMeta,
    UnresolvedRead,
    Verdict,
    example_resource,
    failed,
    passed,
)

META = RuleMeta(
    title="ECR repositories scan images on push",
    severity=Severity.MEDIUM,
    best_practices=("SEC11-BP02", "SEC06-BP01"),
    resource_type="AWS::ECR::Repository",
    related_types=(ACCOUNT_TYPE,),
    description="Scanning on push (or Inspector enhanced scanning for the registry) finds vulnerable packages before "
    "an image is deployed.",
    remediation=Remediation(
        console="ECR > Private registry > Scanning configuration: Enhanced scanning, continuous, all repositories.",
        cli='aws ecr put-registry-scanning-configuration --scan-type ENHANCED --rules \'[{"scanFrequency":"CONTINUOUS_SCAN","repositoryFilters":[{"filter":"*","filterType":"WILDCARD"}]}]\'',
        cloudformation="ImageScanningConfiguration: {ScanOnPush: true}  (or AWS::ECR::RegistryScanningConfiguration)",
        terraform="image_scanning_configuration { scan_on_push = true }  (or aws_ecr_registry_scanning_configuration)",
    ),
    checkov=("CKV_AWS_163",),
)


def evaluate(view: ResourceView, ctx: RuleContext) -> Verdict | None:
    """Enhanced registry scanning covers every repository; otherwise the repository's own flag counts."""
    unknown: list[UnresolvedRead] = []
    region = view.resource.region or ""
    for account in ctx.inventory.of_type(ACCOUNT_TYPE):
        try:
            scan_type = view.neighbour(account).get(f"Regions.{region}.EcrScanning.ScanType")
        except UnresolvedRead as exc:
            unknown.append(exc)
            continue
        if scan_type == "ENHANCED":
            return passed("registry uses enhanced scanning")
    if view.get("ImageScanningConfiguration.ScanOnPush") in (True, "true"):
        return passed("scan on push")
    if unknown:
        raise unknown[0]  # the registry's scanning could not be read: it may scan every repository
    return failed(f"repository {view.id} does not scan images on push")


EXAMPLES = (
    Example(
        "on-push",
        example_resource("AWS::ECR::Repository", {"ImageScanningConfiguration": {"ScanOnPush": True}}),
        FindingStatus.PASS,
    ),
    Example(
        "enhanced",
        example_resource("AWS::ECR::Repository", {"ImageScanningConfiguration": {"ScanOnPush": False}}),
        FindingStatus.PASS,
        (
            example_resource(
                ACCOUNT_TYPE,
                {"Regions": {"eu-west-2": {"EcrScanning": {"ScanType": "ENHANCED"}}}},
                "111122223333",
            ),
        ),
    ),
    Example(
        "none",
        example_resource("AWS::ECR::Repository", {"ImageScanningConfiguration": {"ScanOnPush": False}}),
        FindingStatus.FAIL,
    ),
    Example(
        "registry-unreadable",
        example_resource("AWS::ECR::Repository", {"ImageScanningConfiguration": {"ScanOnPush": False}}),
        FindingStatus.UNKNOWN,
        (
            example_resource(
                ACCOUNT_TYPE,
                {"Regions": {"eu-west-2": {"EcrScanning": Unresolved("denied")}}},
                "111122223333",
            ),
        ),
    ),
)
