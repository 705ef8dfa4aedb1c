"""The Config rules wasp's remediation stack deploys are present, with remediation, in every region."""

from wasp.model import ACCOUNT_TYPE, FindingStatus, Resource, Severity, Unresolved
from wasp.model.resource import SUPPLEMENTARY
from wasp.model.rule import (
    Example,
    Remediation,
    ResourceView,
    RuleContext,
    RuleMeta,
    UnresolvedRead,
    Verdict,
    WorkloadScope,
    example_resource,
)
from wasp.rules._regional import RegionState, not_known, off, on, region_gap, regional_verdict

RULE = "AWS::Config::ConfigRule"
REMEDIABLE = (
    "S3_BUCKET_LEVEL_PUBLIC_ACCESS_PROHIBITED",
    "S3_BUCKET_SERVER_SIDE_ENCRYPTION_ENABLED",
    "INCOMING_SSH_DISABLED",
    "CLOUD_TRAIL_LOG_FILE_VALIDATION_ENABLED",
    "CMK_BACKING_KEY_ROTATION_ENABLED",
    "EC2_IMDSV2_CHECK",
    "IAM_USER_UNUSED_CREDENTIALS_CHECK",
)
"""The managed rules ``wasp guardrails`` pairs with an SSM Automation remediation (tests keep them in step)."""

META = RuleMeta(
    title="Config rules with remediation keep fixes applied",
    severity=Severity.LOW,
    best_practices=("SEC04-BP04",),
    resource_type=ACCOUNT_TYPE,
    related_types=(RULE,),
    decides_gaps=True,
    description="A fix applied once drifts back. In each in-scope region, each managed Config rule that wasp's "
    "remediation stack deploys (public S3 access, S3 encryption, SSH ingress, trail validation, key rotation, "
    "IMDSv2, unused credentials) should exist with a remediation configuration that re-applies the fix.",
    remediation=Remediation(
        console="Deploy the stack from `wasp guardrails remediation` (CloudFormation StackSet to every region).",
        cli="wasp guardrails remediation -o remediation.yaml && aws cloudformation deploy --template-file "
        "remediation.yaml --stack-name wasp-remediation --capabilities CAPABILITY_IAM",
        cloudformation="AWS::Config::ConfigRule + AWS::Config::RemediationConfiguration per control "
        "(`wasp guardrails remediation`)",
        terraform="aws_config_config_rule + aws_config_remediation_configuration per control",
    ),
    iac=False,
)


def evaluate(view: ResourceView, ctx: RuleContext) -> Verdict | None:
    """Per region: every remediable managed rule present with a remediation configuration."""
    account = view.resource.account

    def judge(region: str) -> RegionState:
        covered: set[str] = set()
        unreadable: list[str] = []
        for rule in ctx.inventory.of_type(RULE):
            if rule.region != region or (account and rule.account and rule.account != account):
                continue
            n = view.neighbour(rule)
            identifier = n.get("Source.SourceIdentifier")
            if identifier not in REMEDIABLE:
                continue
            try:
                if n.get(f"{SUPPLEMENTARY}.Remediation"):
                    covered.add(str(identifier))
            except UnresolvedRead as exc:
                unreadable.append(f"{rule.id}: {exc}")
        missing = [r for r in REMEDIABLE if r not in covered]
        gap = region_gap(ctx, RULE, account, region)
        if not missing:
            return on(f"{len(REMEDIABLE)} rules with remediation")
        if unreadable or gap:
            return not_known("; ".join([*unreadable, *([f"read failed: {gap}"] if gap else [])]))
        return off(f"no remediation for {', '.join(missing)}")

    return regional_verdict(view, ctx, "Config remediation for wasp's controls", judge)


def _rule(identifier: str, remediation: object, region: str = "eu-west-2") -> Resource:
    props = {
        "Source": {"Owner": "AWS", "SourceIdentifier": identifier},
        SUPPLEMENTARY: {"Remediation": remediation},
    }
    return example_resource(RULE, props, identifier.lower(), region)


_W = WorkloadScope(regions=("eu-west-2",))
_ACCT = example_resource(ACCOUNT_TYPE, {}, "111122223333")
_FIX = {"TargetId": "AWS-DoIt", "Automatic": True}
EXAMPLES = (
    Example("all", _ACCT, FindingStatus.PASS, tuple(_rule(r, _FIX) for r in REMEDIABLE), workload=_W),
    Example(
        "one-without",
        _ACCT,
        FindingStatus.FAIL,
        (*(_rule(r, _FIX) for r in REMEDIABLE[1:]), _rule(REMEDIABLE[0], None)),
        workload=_W,
    ),
    Example("none", _ACCT, FindingStatus.FAIL, workload=_W),
    Example(
        "unreadable",
        _ACCT,
        FindingStatus.UNKNOWN,
        (*(_rule(r, _FIX) for r in REMEDIABLE[1:]), _rule(REMEDIABLE[0], Unresolved("denied"))),
        workload=_W,
    ),
)
