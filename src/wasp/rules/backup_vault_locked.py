"""AWS Backup vaults holding recovery points are protected by Vault Lock."""

from typing import Any

from wasp.model import FindingStatus, Resource, Severity, Unresolved
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
)

VAULT = "AWS::Backup::BackupVault"

META = RuleMeta(
    title="Backup vaults are protected by Vault Lock",
    severity=Severity.MEDIUM,
    best_practices=("SEC08-BP04",),
    resource_type=VAULT,
    description="Ransomware and a compromised administrator delete backups first. Vault Lock enforces a "
    "minimum retention that no one (in compliance mode, not even the root user) can shorten, so recovery "
    "points survive the incident they are meant to recover from. An empty unlocked vault fails LOW.",
    remediation=Remediation(
        console="AWS Backup > Backup vaults > VAULT > Vault lock > Create: minimum retention, compliance mode.",
        cli="aws backup put-backup-vault-lock-configuration --backup-vault-name VAULT --min-retention-days 35 "
        "--changeable-for-days 3",
        cloudformation="AWS::Backup::BackupVault {LockConfiguration: {MinRetentionDays: 35, ChangeableForDays: 3}}",
        terraform='resource "aws_backup_vault_lock_configuration" "this" { min_retention_days = 35 changeable_for_days = 3 }',
    ),
)


def evaluate(view: ResourceView, ctx: RuleContext) -> Verdict | None:
    """Fail a vault (with recovery points, live) that has no lock configuration."""
    lock = view.get("LockConfiguration")
    if isinstance(lock, dict):
        minimum = lock.get("MinRetentionDays")
        return passed(
            "vault locked" + (f" (minimum retention {minimum} days)" if minimum is not None else "")
        )
    return failed(
        f"backup vault {view.label('BackupVaultName')} has no Vault Lock: its recovery points can be deleted"
    )


def _vault(lock: Any, points: Any = 12) -> Resource:
    props: dict[str, Any] = {"BackupVaultName": "prod", SUPPLEMENTARY: {"RecoveryPoints": points}}
    if lock is not None:
        props["LockConfiguration"] = lock
    return example_resource(VAULT, props)


EXAMPLES = (
    Example("locked", _vault({"MinRetentionDays": 35}), FindingStatus.PASS),
    Example("unlocked", _vault(None), FindingStatus.FAIL),
    Example("empty-unlocked", _vault(None, 0), FindingStatus.FAIL),
    Example("unreadable", _vault(Unresolved("denied")), FindingStatus.UNKNOWN),
)
