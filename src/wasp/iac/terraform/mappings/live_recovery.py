"""AWS Backup, RAM and Identity Center ``aws_*`` types in CloudFormation shape, with their split resources."""

from __future__ import annotations

from collections.abc import Callable

from wasp.iac.terraform.folds import Fold
from wasp.iac.terraform.shapes import Props, Values, blocks, items, pick, tags, truthy


def vault(v: Values) -> Props:
    """``aws_backup_vault`` as ``AWS::Backup::BackupVault``."""
    props = pick(v, {"name": "BackupVaultName", "kms_key_arn": "EncryptionKeyArn"})
    return {**props, "BackupVaultTags": {str(k): val for k, val in (v.get("tags") or {}).items()}}


def _lock(props: Props, v: Values) -> None:
    props["LockConfiguration"] = pick(
        v,
        {
            "min_retention_days": "MinRetentionDays",
            "max_retention_days": "MaxRetentionDays",
            "changeable_for_days": "ChangeableForDays",
        },
    )


def plan(v: Values) -> Props:
    """``aws_backup_plan`` as ``AWS::Backup::BackupPlan`` (rules with their copy destinations)."""
    rules = [
        {
            "RuleName": r.get("rule_name"),
            "TargetBackupVault": r.get("target_vault_name"),
            "CopyActions": [
                {"DestinationBackupVaultArn": c.get("destination_vault_arn")}
                for c in blocks(r.get("copy_action"))
            ],
        }
        for r in blocks(v.get("rule"))
    ]
    return {"BackupPlan": {"BackupPlanName": v.get("name"), "BackupPlanRule": rules}}


def share(v: Values) -> Props:
    """``aws_ram_resource_share`` as ``AWS::RAM::ResourceShare`` (allow_external_principals defaults to false)."""
    props = pick(v, {"name": "Name"})
    props["AllowExternalPrincipals"] = truthy(v.get("allow_external_principals", False))
    return {**props, "Principals": [], "Tags": tags(v.get("tags"))}


def permission_set(v: Values) -> Props:
    """``aws_ssoadmin_permission_set`` as ``AWS::SSO::PermissionSet``."""
    return pick(v, {"name": "Name", "instance_arn": "InstanceArn", "session_duration": "SessionDuration"})


MAPPINGS: dict[str, tuple[str, Callable[[Values], Props]]] = {
    "aws_backup_vault": ("AWS::Backup::BackupVault", vault),
    "aws_backup_plan": ("AWS::Backup::BackupPlan", plan),
    "aws_ram_resource_share": ("AWS::RAM::ResourceShare", share),
    "aws_ssoadmin_permission_set": ("AWS::SSO::PermissionSet", permission_set),
}
"""Terraform type -> (CloudFormation type, properties from the Terraform values)."""


def _principal(props: Props, v: Values) -> None:
    props["Principals"] = [*items(props.get("Principals")), *items(v.get("principal"))]


FOLDS: dict[str, Fold] = {
    "aws_backup_vault_lock_configuration": Fold("backup_vault_name", ("aws_backup_vault",), _lock),
    "aws_ram_principal_association": Fold("resource_share_arn", ("aws_ram_resource_share",), _principal),
}
"""Vault Lock folds into its vault; each principal association into its share."""
