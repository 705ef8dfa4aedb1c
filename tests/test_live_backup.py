"""AWS Backup vaults and plans read live (moto): Vault Lock and cross-account copies."""

from __future__ import annotations

import boto3
import pytest

from conftest import REGION
from test_live_controls import ACCOUNT, F, P, _c, verdicts


@pytest.mark.usefixtures("aws")
def test_vault_lock_and_cross_account_copy_read_live() -> None:
    backup = boto3.client("backup", region_name=REGION)
    backup.create_backup_vault(BackupVaultName="locked")
    backup.create_backup_vault(BackupVaultName="open")
    backup.put_backup_vault_lock_configuration(
        BackupVaultName="locked", MinRetentionDays=35, ChangeableForDays=3
    )
    found = verdicts([_c("backup")], "backup_vault_locked")
    assert found["locked"] is P and found["open"] is F

    def plan(name: str, destination: str) -> None:
        backup.create_backup_plan(
            BackupPlan={
                "BackupPlanName": name,
                "Rules": [
                    {
                        "RuleName": "daily",
                        "TargetBackupVaultName": "locked",
                        "CopyActions": [{"DestinationBackupVaultArn": destination}],
                    }
                ],
            }
        )

    plan("central", "arn:aws:backup:eu-west-2:999988887777:backup-vault:central")
    plan("local", f"arn:aws:backup:eu-west-1:{ACCOUNT}:backup-vault:dr")
    assert verdicts([_c("backup")], "backup_plan_cross_account_copy") == {"central": P, "local": F}
