"""AWS Backup in one region: vaults with their lock, and plans with their rules' copy destinations."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from wasp.collect.api import ApiReader, CallFailed
from wasp.collect.base import Collector, guarded, live
from wasp.model import SUPPLEMENTARY, Resource

VAULT = "AWS::Backup::BackupVault"
PLAN = "AWS::Backup::BackupPlan"


def plan_rules(rules: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """A plan's rules in CloudFormation's BackupPlanRule shape (vault and copy destinations)."""
    return [
        {
            "RuleName": r.get("RuleName"),
            "TargetBackupVault": r.get("TargetBackupVaultName"),
            "CopyActions": [
                {"DestinationBackupVaultArn": c.get("DestinationBackupVaultArn")}
                for c in r.get("CopyActions") or []
            ],
        }
        for r in rules
    ]


class BackupCollector(Collector):
    """Vaults (lock, key, recovery points) and plans (rules, cross-account copies)."""

    name = "backup"
    service = "backup"
    resource_types = (VAULT, PLAN)
    permissions = ("backup:ListBackupVaults", "backup:ListBackupPlans", "backup:GetBackupPlan")

    def collect(self, api: ApiReader) -> Iterator[Resource]:
        """Vaults, then plans; a plan needs a target vault in its region, so a region with no vault has none."""
        try:
            vaults = api.pages("list_backup_vaults", "BackupVaultList", affects=(VAULT,))
        except CallFailed:
            vaults = None
        yield from self._vaults(api, vaults or [])
        if vaults != []:
            yield from guarded(self._plans(api))

    @staticmethod
    def _vaults(api: ApiReader, vaults: list[dict[str, Any]]) -> Iterator[Resource]:
        for v in vaults:
            props: dict[str, Any] = {
                "BackupVaultName": v["BackupVaultName"],
                "EncryptionKeyArn": v.get("EncryptionKeyArn"),
                SUPPLEMENTARY: {
                    "Locked": bool(v.get("Locked")),
                    "RecoveryPoints": v.get("NumberOfRecoveryPoints"),
                    "VaultType": v.get("VaultType"),
                },
            }
            if v.get("MinRetentionDays") is not None or v.get("Locked"):
                props["LockConfiguration"] = {
                    k: v[k] for k in ("MinRetentionDays", "MaxRetentionDays") if v.get(k) is not None
                }
            yield Resource(
                type=VAULT,
                id=v["BackupVaultName"],
                arn=v.get("BackupVaultArn"),
                origin=live(api, api.region),
                properties=props,
            )

    @staticmethod
    def _plans(api: ApiReader) -> Iterator[Resource]:
        for p in api.pages("list_backup_plans", "BackupPlansList", affects=(PLAN,)):
            rules: Any
            try:
                got = api.call(
                    "get_backup_plan",
                    BackupPlanId=p["BackupPlanId"],
                    resource_id=p["BackupPlanId"],
                    affects=(PLAN,),
                )
                rules = plan_rules(((got or {}).get("BackupPlan") or {}).get("Rules") or [])
            except CallFailed as failed:
                rules = failed.unresolved
            yield Resource(
                type=PLAN,
                id=p.get("BackupPlanName") or p["BackupPlanId"],
                arn=p.get("BackupPlanArn"),
                origin=live(api, api.region),
                properties={
                    "BackupPlan": {"BackupPlanName": p.get("BackupPlanName"), "BackupPlanRule": rules}
                },
            )
