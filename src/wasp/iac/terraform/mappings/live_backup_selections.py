"""AWS Backup selections (``aws_backup_selection``) as ``AWS::Backup::BackupSelection``: the resources and tags
a backup plan covers."""

from __future__ import annotations

from collections.abc import Callable

from wasp.iac.terraform.shapes import Props, Values, blocks, items


def selection(v: Values) -> Props:
    """The selection's resource ARNs (wildcards included) and its tag conditions, in CloudFormation's shape."""
    tags = [
        {"ConditionType": t.get("type"), "ConditionKey": t.get("key"), "ConditionValue": t.get("value")}
        for t in blocks(v.get("selection_tag"))
    ]
    chosen: Props = {
        "SelectionName": v.get("name"),
        "Resources": items(v.get("resources")),
        "ListOfTags": tags,
    }
    return {"BackupPlanId": v.get("plan_id"), "BackupSelection": chosen}


MAPPINGS: dict[str, tuple[str, Callable[[Values], Props]]] = {
    "aws_backup_selection": ("AWS::Backup::BackupSelection", selection),
}
"""Terraform type -> (CloudFormation type, properties from the Terraform values)."""
