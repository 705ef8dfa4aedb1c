"""AWS Config recorders record every supported resource type, global ones (IAM) included."""

from dataclasses import replace

from wasp.model import FindingStatus, Origin, OriginKind, Severity
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
from wasp.rules._shape import flag

META = RuleMeta(
    title="AWS Config recorders record all resource types, global ones included",
    severity=Severity.MEDIUM,
    best_practices=("SEC04-BP01",),
    resource_type="AWS::Config::ConfigurationRecorder",
    description="A recorder limited to a list of types misses every other resource's configuration history, and "
    "one without global types misses IAM users, roles and policies, the changes an investigation asks about "
    "first (judged in templates; live, global types are rightly recorded in one region only). The "
    "account-level rule (config_recording_all) asks whether each region records; this one judges each "
    "recorder as declared.",
    remediation=Remediation(
        console="AWS Config > Settings > Edit: Record all resources supported in this region, and include "
        "global resources.",
        cli="aws configservice put-configuration-recorder --configuration-recorder name=default,roleARN=ROLE "
        "--recording-group allSupported=true,includeGlobalResourceTypes=true",
        cloudformation="RecordingGroup: {AllSupported: true, IncludeGlobalResourceTypes: true}",
        terraform="recording_group { all_supported = true  include_global_resource_types = true }",
    ),
    checkov=("CKV2_AWS_45", "CKV2_AWS_48"),
)


def evaluate(view: ResourceView, ctx: RuleContext) -> Verdict | None:
    """Fail a recorder limited to some types, or leaving out global types."""
    missing = []
    if not flag(view, "RecordingGroup.AllSupported", True):
        missing.append("only the types it lists")
    declared = view.resource.origin.kind in (OriginKind.CLOUDFORMATION, OriginKind.TERRAFORM)
    if declared and not flag(view, "RecordingGroup.IncludeGlobalResourceTypes", False):
        missing.append("no global types (IAM)")
    if missing:
        return failed(f"Config recorder {view.label('Name')} records {' and '.join(missing)}")
    return passed("records every supported type, global ones included")


_T = "AWS::Config::ConfigurationRecorder"
_ALL = {"RecordingGroup": {"AllSupported": True, "IncludeGlobalResourceTypes": True}}
_REGIONAL = {"RecordingGroup": {"AllSupported": True}}
_IN_TEMPLATE = Origin(kind=OriginKind.CLOUDFORMATION, file="config.yaml", line=3, address="Recorder")
EXAMPLES = (
    Example("all", example_resource(_T, _ALL), FindingStatus.PASS),
    Example(
        "listed-types",
        example_resource(
            _T, {"RecordingGroup": {"AllSupported": False, "ResourceTypes": ["AWS::S3::Bucket"]}}
        ),
        FindingStatus.FAIL,
    ),
    Example(
        "no-global-in-a-template",
        replace(example_resource(_T, _REGIONAL), origin=_IN_TEMPLATE),
        FindingStatus.FAIL,
    ),
    Example("no-global-live-in-a-secondary-region", example_resource(_T, _REGIONAL), FindingStatus.PASS),
)
