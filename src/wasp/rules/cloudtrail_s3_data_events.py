"""A trail records S3 data events (object-level reads and writes)."""

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

TRAIL = "AWS::CloudTrail::Trail"

META = RuleMeta(
    title="CloudTrail records S3 data events",
    severity=Severity.MEDIUM,
    best_practices=("SEC04-BP01",),
    resource_type=ACCOUNT_TYPE,
    related_types=(TRAIL,),
    description="Management events do not show who read or wrote which object; data events do, and an "
    "investigation of a data breach depends on them.",
    remediation=Remediation(
        console="CloudTrail > Trails > TRAIL > Data events > Edit: add S3 (all current and future buckets, or the "
        "sensitive ones), read and write.",
        cli="aws cloudtrail put-event-selectors --trail-name TRAIL --advanced-event-selectors "
        '\'[{"FieldSelectors":[{"Field":"eventCategory","Equals":["Data"]},{"Field":"resources.type","Equals":["AWS::S3::Object"]}]}]\'',
        cloudformation="AdvancedEventSelectors: [{FieldSelectors: [{Field: eventCategory, Equals: [Data]}, "
        "{Field: resources.type, Equals: ['AWS::S3::Object']}]}]",
        terraform='advanced_event_selector { field_selector { field = "resources.type" equals = ["AWS::S3::Object"] } ... }',
    ),
)


def _s3_data(p: dict[str, Any]) -> bool:
    for sel in p.get("EventSelectors") or []:
        for dr in (sel.get("DataResources") or []) if isinstance(sel, dict) else []:
            if dr.get("Type") == "AWS::S3::Object":
                return True
    for sel in p.get("AdvancedEventSelectors") or []:
        for f in (sel.get("FieldSelectors") or []) if isinstance(sel, dict) else []:
            if f.get("Field") == "resources.type" and "AWS::S3::Object" in (f.get("Equals") or []):
                return True
    return False


def evaluate(view: ResourceView, ctx: RuleContext) -> Verdict | None:
    """Any trail with S3 object selectors passes."""
    trails: list[str] = []
    unknown: list[UnresolvedRead] = []
    for trail in ctx.inventory.of_type(TRAIL):
        t = view.neighbour(trail)
        try:
            selectors = {k: t.get(k) for k in ("EventSelectors", "AdvancedEventSelectors")}
        except UnresolvedRead as exc:
            unknown.append(exc)
            continue
        if _s3_data(selectors):
            trails.append(trail.id)
    view.note("trails_with_s3_data_events", trails)
    if trails:
        return passed("S3 data events recorded by " + ", ".join(trails))
    if unknown:
        raise unknown[0]  # a trail whose selectors could not be read might record them
    return failed("no trail records S3 data events")


_ACCT = example_resource(ACCOUNT_TYPE, {}, "111122223333")
_SEL = [{"DataResources": [{"Type": "AWS::S3::Object", "Values": ["arn:aws:s3"]}]}]
EXAMPLES = (
    Example("on", _ACCT, FindingStatus.PASS, (example_resource(TRAIL, {"EventSelectors": _SEL}, "t"),)),
    Example(
        "mgmt-only",
        _ACCT,
        FindingStatus.FAIL,
        (example_resource(TRAIL, {"EventSelectors": [{"ReadWriteType": "All"}]}, "t"),),
    ),
    Example(
        "selectors-unreadable",
        _ACCT,
        FindingStatus.UNKNOWN,
        (example_resource(TRAIL, {"EventSelectors": Unresolved("denied")}, "t"),),
    ),
)
