"""AWS Backup plans copy recovery points to a vault in another account."""

from typing import Any

from wasp.model import FindingStatus, Resource, Severity, Unresolved
from wasp.model.rule import (
    Example,
    Remediation,
    ResourceView,
    RuleContext,
    RuleMeta,
    Verdict,
    contains_unresolved,
    example_resource,
    failed,
    passed,
    unknown,
)

PLAN = "AWS::Backup::BackupPlan"

META = RuleMeta(
    title="Backup plans copy backups to another account",
    severity=Severity.MEDIUM,
    best_practices=("SEC08-BP04", "SEC07-BP02"),
    resource_type=PLAN,
    description="Backups kept only in the account they protect are lost with it: one compromised "
    "administrator can delete both. A copy action to a vault in a separate backup account (ideally locked) "
    "keeps a restorable copy out of the blast radius, as restoration duties such as UK GDPR Art. 32(1)(c) "
    "expect.",
    remediation=Remediation(
        console="AWS Backup > Backup plans > PLAN > RULE > Edit: Copy to destination: another account's vault.",
        cli="aws backup update-backup-plan --backup-plan-id ID --backup-plan file://plan-with-copy-actions.json",
        cloudformation="BackupPlanRule: [{CopyActions: [{DestinationBackupVaultArn: arn:aws:backup:REGION:"
        "BACKUP_ACCOUNT:backup-vault:central}]}]",
        terraform='rule { copy_action { destination_vault_arn = "arn:aws:backup:REGION:BACKUP_ACCOUNT:backup-vault:central" } }',
    ),
)


def _account(arn: Any) -> str | None:
    parts = str(arn).split(":")
    return parts[4] if len(parts) > 5 and parts[0] == "arn" else None


def evaluate(view: ResourceView, ctx: RuleContext) -> Verdict | None:
    """Pass when any rule copies to a vault whose ARN names an account other than the plan's own."""
    rules: Any = view.peek("BackupPlan.BackupPlanRule", [])
    if isinstance(rules, Unresolved):
        return unknown(f"the plan's rules are unknown ({rules.reason})")
    own = view.resource.account
    copies = [
        c.get("DestinationBackupVaultArn")
        for r in (rules if isinstance(rules, list) else [])
        if isinstance(r, dict)
        for c in r.get("CopyActions") or []
        if isinstance(c, dict)
    ]
    view.note("copy_destinations", copies)
    elsewhere = [c for c in copies if _account(c) and _account(c) != own]
    if elsewhere:
        return passed(f"copies to {', '.join(str(c) for c in elsewhere)}")
    unplaced = [c for c in copies if contains_unresolved(c) is not None]
    if unplaced or (own is None and copies):
        return unknown("a copy destination's account cannot be told (known only at deploy time)")
    name = view.label("BackupPlan.BackupPlanName")
    return failed(f"backup plan {name} keeps every copy in its own account")


def _plan(copies: Any) -> Resource:
    rule = {"RuleName": "daily", "TargetBackupVault": "prod"}
    rules: Any = copies if isinstance(copies, Unresolved) else [{**rule, "CopyActions": copies}]
    return example_resource(PLAN, {"BackupPlan": {"BackupPlanName": "prod", "BackupPlanRule": rules}})


EXAMPLES = (
    Example(
        "copied",
        _plan([{"DestinationBackupVaultArn": "arn:aws:backup:eu-west-2:999988887777:backup-vault:central"}]),
        FindingStatus.PASS,
    ),
    Example(
        "same-account",
        _plan([{"DestinationBackupVaultArn": "arn:aws:backup:eu-west-1:111122223333:backup-vault:dr"}]),
        FindingStatus.FAIL,
    ),
    Example("no-copy", _plan([]), FindingStatus.FAIL),
    Example("unreadable", _plan(Unresolved("denied")), FindingStatus.UNKNOWN),
)
