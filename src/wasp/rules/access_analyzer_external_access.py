"""No active IAM Access Analyzer external-access findings: nothing is shared outside the zone of trust."""

from wasp.model import ACCOUNT_TYPE, FindingStatus, Resource, Severity, Unresolved
from wasp.model.resource import SUPPLEMENTARY
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
from wasp.rules._analyzer import ANALYZER, EXTERNAL, gather, listed

META = RuleMeta(
    title="IAM Access Analyzer reports no active external access",
    severity=Severity.HIGH,
    best_practices=("SEC03-BP07", "SEC03-BP08"),
    resource_type=ACCOUNT_TYPE,
    related_types=(ANALYZER,),
    description="An active external-access finding is a resource (bucket, role, key, queue, secret...) that a "
    "principal outside the account or organisation can use. Each must be removed, or archived as intended.",
    remediation=Remediation(
        console="IAM > Access analyzer > Findings (Active): remove the grant, or archive it as intended.",
        cli='aws accessanalyzer list-findings-v2 --analyzer-arn ARN --filter \'{"status":{"eq":["ACTIVE"]}}\'',
        cloudformation="Remove the external principal from the resource policy; AWS::AccessAnalyzer::Analyzer "
        "ArchiveRules for grants that are intended",
        terraform="Remove the external principal from the resource policy; aws_accessanalyzer_archive_rule "
        "for grants that are intended",
    ),
    iac=False,
    source="accessanalyzer",
)


def evaluate(view: ResourceView, ctx: RuleContext) -> Verdict | None:
    """Fail on any ACTIVE ExternalAccess finding; unknown without an external-access analyzer."""
    got = gather(view, ctx, EXTERNAL)
    external = [f for f in got.findings if f.get("FindingType", "ExternalAccess") == "ExternalAccess"]
    view.note("analyzers", got.analyzers)
    view.note("finding_ids", [f.get("Id") for f in external])
    view.note("shared_resources", sorted({str(f.get("Resource")) for f in external}))
    if external:
        return failed(f"{len(external)} active external-access finding(s): {listed(external)}")
    if not got.analyzers:
        return unknown(
            "no active external-access analyzer to report external access (access_analyzer_enabled)"
        )
    if got.capped:
        return unknown(f"findings read up to the cap on {', '.join(got.capped)}: more may be external access")
    return passed(f"no active external-access findings on {', '.join(got.analyzers)}")


def _analyzer(findings: object, kind: str = "ACCOUNT") -> Resource:
    return example_resource(
        ANALYZER, {"Type": kind, SUPPLEMENTARY: {"Status": "ACTIVE", "Findings": findings}}, "a"
    )


_ACCT = example_resource(ACCOUNT_TYPE, {}, "111122223333")
_SHARED = {
    "Id": "f-1",
    "FindingType": "ExternalAccess",
    "Status": "ACTIVE",
    "ResourceType": "AWS::S3::Bucket",
    "Resource": "arn:aws:s3:::shared",
    "ResourceOwnerAccount": "111122223333",
}
EXAMPLES = (
    Example("clean", _ACCT, FindingStatus.PASS, (_analyzer([]),)),
    Example("shared", _ACCT, FindingStatus.FAIL, (_analyzer([_SHARED]),)),
    Example("archived", _ACCT, FindingStatus.PASS, (_analyzer([{**_SHARED, "Status": "ARCHIVED"}]),)),
    Example("unreadable", _ACCT, FindingStatus.UNKNOWN, (_analyzer(Unresolved("denied")),)),
    Example("no-analyzer", _ACCT, FindingStatus.UNKNOWN),
    Example("unused-only", _ACCT, FindingStatus.UNKNOWN, (_analyzer([], "ACCOUNT_UNUSED_ACCESS"),)),
)
