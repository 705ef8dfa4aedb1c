"""Each CloudTrail trail records every region, not only its home region."""

from wasp.model import Severity
from wasp.model.rule import Remediation, RuleMeta
from wasp.rules._expect import examples, expect, is_true

META = RuleMeta(
    title="CloudTrail trails record all regions",
    severity=Severity.MEDIUM,
    best_practices=("SEC04-BP01",),
    resource_type="AWS::CloudTrail::Trail",
    description="A single-region trail misses API activity in every other region, exactly where an intruder "
    "starts resources nobody watches. The account-level rule (cloudtrail_multi_region_logging) asks whether any "
    "trail covers each region; this one judges each trail as declared.",
    remediation=Remediation(
        console="CloudTrail > Trails > TRAIL > General details > Edit > Multi-region trail: Yes.",
        cli="aws cloudtrail update-trail --name TRAIL --is-multi-region-trail",
        cloudformation="IsMultiRegionTrail: true",
        terraform="is_multi_region_trail = true",
    ),
    checkov=("CKV_AWS_67",),
)

evaluate = expect(
    "IsMultiRegionTrail",
    is_true,
    ok="trail records every region",
    bad="trail {name} records only its home region",
)

EXAMPLES = examples(
    "AWS::CloudTrail::Trail",
    passing=[("multi-region", {"IsMultiRegionTrail": True, "IsLogging": True})],
    failing=[("default", {"IsLogging": True}), ("single", {"IsMultiRegionTrail": "false"})],
)
