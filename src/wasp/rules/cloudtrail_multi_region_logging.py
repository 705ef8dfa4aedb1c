"""The account has a multi-region CloudTrail trail that is logging management events."""

from typing import Any

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
    title="A multi-region CloudTrail trail logs management events",
    severity=Severity.HIGH,
    best_practices=("SEC04-BP01",),
    resource_type=ACCOUNT_TYPE,
    related_types=("AWS::CloudTrail::Trail",),
    description="Without a multi-region trail that is on and records management events, API activity in "
    "some regions leaves no durable record to investigate.",
    remediation=Remediation(
        console="CloudTrail > Trails > Create trail (or use the organisation trail): all regions, management "
        "events Read/Write, log file validation, SSE-KMS.",
        cli="aws cloudtrail create-trail --name org-trail --s3-bucket-name LOGBUCKET --is-multi-region-trail "
        "--enable-log-file-validation --kms-key-id KEY && aws cloudtrail start-logging --name org-trail",
        cloudformation="AWS::CloudTrail::Trail {IsLogging: true, IsMultiRegionTrail: true, "
        "IncludeGlobalServiceEvents: true, EnableLogFileValidation: true}",
        terraform='resource "aws_cloudtrail" "this" { is_multi_region_trail = true  enable_logging = true  '
        "include_global_service_events = true  enable_log_file_validation = true }",
    ),
)


def _logs_management(trail: dict[str, Any]) -> bool:
    selectors = trail.get("EventSelectors")
    advanced = trail.get("AdvancedEventSelectors")
    if not selectors and not advanced:
        return True  # a trail with no selectors logs all management events
    for sel in selectors or []:
        if (
            isinstance(sel, dict)
            and sel.get("IncludeManagementEvents", True)
            and sel.get("ReadWriteType", "All") == "All"
        ):
            return True
    for sel in advanced or []:
        for field in (sel.get("FieldSelectors") or []) if isinstance(sel, dict) else []:
            if field.get("Field") == "eventCategory" and "Management" in (field.get("Equals") or []):
                return True
    return False


def evaluate(view: ResourceView, ctx: RuleContext) -> Verdict | None:
    """At least one trail must be multi-region, logging and recording all management events."""
    good: list[str] = []
    seen: list[str] = []
    unknown: list[UnresolvedRead] = []
    for trail in ctx.inventory.of_type("AWS::CloudTrail::Trail"):
        t = view.neighbour(trail)
        name = str(t.peek("TrailName", trail.id))
        seen.append(name)
        try:
            if (
                t.get("IsMultiRegionTrail") in (True, "true")
                and t.get("IsLogging") in (True, "true", None)
                and _logs_management(
                    {
                        "EventSelectors": t.get("EventSelectors"),
                        "AdvancedEventSelectors": t.get("AdvancedEventSelectors"),
                    }
                )
            ):
                good.append(name)
        except UnresolvedRead as exc:
            unknown.append(exc)
    view.note("trails", seen)
    view.note("qualifying_trails", good)
    if good:
        return passed(f"multi-region trail(s) logging management events: {', '.join(good)}")
    if unknown:
        raise unknown[0]  # no trail is known to qualify, and one whose detail is unknown might
    if not seen:
        return failed("no CloudTrail trail exists")
    return failed(
        f"no trail is multi-region, on and logging all management events (trails: {', '.join(seen)})"
    )


_ACCOUNT = example_resource(ACCOUNT_TYPE, {"AccountId": "111122223333"}, "111122223333")
EXAMPLES = (
    Example(
        "org-trail",
        _ACCOUNT,
        FindingStatus.PASS,
        (
            example_resource(
                "AWS::CloudTrail::Trail", {"TrailName": "all", "IsMultiRegionTrail": True, "IsLogging": True}
            ),
        ),
    ),
    Example(
        "single-region",
        _ACCOUNT,
        FindingStatus.FAIL,
        (
            example_resource(
                "AWS::CloudTrail::Trail", {"TrailName": "one", "IsMultiRegionTrail": False, "IsLogging": True}
            ),
        ),
    ),
    Example("none", _ACCOUNT, FindingStatus.FAIL),
    Example(
        "status-unreadable",
        _ACCOUNT,
        FindingStatus.UNKNOWN,
        (
            example_resource(
                "AWS::CloudTrail::Trail",
                {"TrailName": "all", "IsMultiRegionTrail": True, "IsLogging": Unresolved("denied")},
            ),
        ),
    ),
    Example(
        "one-good-one-unreadable",
        _ACCOUNT,
        FindingStatus.PASS,
        (
            example_resource(
                "AWS::CloudTrail::Trail",
                {"TrailName": "all", "IsMultiRegionTrail": True, "EventSelectors": Unresolved("denied")},
                "a",
            ),
            example_resource(
                "AWS::CloudTrail::Trail",
                {"TrailName": "b", "IsMultiRegionTrail": True, "IsLogging": True},
                "b",
            ),
        ),
    ),
)
