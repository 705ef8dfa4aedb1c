"""AWS Config records all resource types in every in-scope region."""

from wasp.model import ACCOUNT_TYPE, FindingStatus, Severity, Unresolved
from wasp.model.resource import SUPPLEMENTARY
from wasp.model.rule import (
    Example,
    Remediation,
    ResourceView,
    RuleContext,
    RuleMeta,
    Verdict,
    WorkloadScope,
    example_resource,
)
from wasp.rules._regional import regional_verdict, resource_judge

RECORDER = "AWS::Config::ConfigurationRecorder"

META = RuleMeta(
    title="AWS Config records all resources in every region",
    severity=Severity.MEDIUM,
    best_practices=("SEC04-BP04", "SEC04-BP01"),
    resource_type=ACCOUNT_TYPE,
    related_types=(RECORDER,),
    decides_gaps=True,
    description="Config's history is how an investigator learns what a resource looked like when it was attacked, "
    "and what Config rules and automatic remediation act on.",
    remediation=Remediation(
        console="Config > Settings > Recording: all resource types (with global types in one region); start recording.",
        cli="aws configservice put-configuration-recorder --configuration-recorder name=default,roleARN=ROLE "
        "--recording-group allSupported=true,includeGlobalResourceTypes=true && aws configservice start-configuration-recorder --configuration-recorder-name default",
        cloudformation="AWS::Config::ConfigurationRecorder {RecordingGroup: {AllSupported: true}} + DeliveryChannel",
        terraform="aws_config_configuration_recorder { recording_group { all_supported = true } } + _status { is_enabled = true }",
    ),
)


def _good(recorder: ResourceView) -> bool:
    return bool(recorder.get("RecordingGroup.AllSupported")) and bool(
        recorder.get(f"{SUPPLEMENTARY}.Recording")
    )


def evaluate(view: ResourceView, ctx: RuleContext) -> Verdict | None:
    """A recorder recording all supported types per region."""
    judge = resource_judge(view, ctx, RECORDER, _good, "no recorder")
    return regional_verdict(view, ctx, "AWS Config recording all resources", judge)


_W = WorkloadScope(regions=("eu-west-2",))
_ACCT = example_resource(ACCOUNT_TYPE, {}, "111122223333")
_ON = {"RecordingGroup": {"AllSupported": True}, SUPPLEMENTARY: {"Recording": True}}
EXAMPLES = (
    Example(
        "recording", _ACCT, FindingStatus.PASS, (example_resource(RECORDER, _ON, "default"),), workload=_W
    ),
    Example(
        "stopped",
        _ACCT,
        FindingStatus.FAIL,
        (example_resource(RECORDER, {**_ON, SUPPLEMENTARY: {"Recording": False}}, "default"),),
        workload=_W,
    ),
    Example(
        "status-unreadable",
        _ACCT,
        FindingStatus.UNKNOWN,
        (example_resource(RECORDER, {**_ON, SUPPLEMENTARY: {"Recording": Unresolved("denied")}}, "default"),),
        workload=_W,
    ),
)
