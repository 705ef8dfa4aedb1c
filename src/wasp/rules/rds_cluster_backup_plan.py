"""RDS and Aurora clusters are covered by an AWS Backup plan."""

from __future__ import annotations

import re
from fnmatch import fnmatchcase
from typing import Any

from wasp.model import FindingStatus, OriginKind, Resource, Severity, Unresolved
from wasp.model.resource import Origin
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
from wasp.rules._common import tag_map

SELECTION = "AWS::Backup::BackupSelection"
_REFERENCE = re.compile(
    r"^(?:Fn::GetAtt (?P<cfn>[^.\s]+)\.\S+ is known only after deployment|(?P<tf>aws_rds_cluster\.\S+)\.\w+ is "
    r"known only after apply)$"
)

META = RuleMeta(
    title="RDS clusters are covered by an AWS Backup plan",
    severity=Severity.LOW,
    best_practices=("SEC10-BP06", "SEC08-BP04"),
    resource_type="AWS::RDS::DBCluster",
    related_types=(SELECTION,),
    description="Automated snapshots live and die with the cluster's account and retention setting; an AWS Backup "
    "plan keeps recovery points in a vault that can be locked and copied to another account, the copy an "
    "incident responder restores from after a deletion or ransomware. Judged on templates and Terraform: a "
    "review of accounts does not read backup selections, so it answers unknown.",
    remediation=Remediation(
        console="AWS Backup > Backup plans > PLAN > Assign resources: the cluster (or a tag it carries).",
        cli="aws backup create-backup-selection --backup-plan-id PLAN --backup-selection "
        '\'{"SelectionName":"rds","IamRoleArn":"ROLE_ARN","Resources":["CLUSTER_ARN"]}\'',
        cloudformation="AWS::Backup::BackupSelection {BackupPlanId: !Ref Plan, BackupSelection: {SelectionName: rds, "
        "IamRoleArn: !GetAtt BackupRole.Arn, Resources: [!GetAtt Cluster.DBClusterArn]}}",
        terraform="aws_backup_selection { plan_id = aws_backup_plan.this.id  iam_role_arn = aws_iam_role.backup.arn  "
        "resources = [aws_rds_cluster.this.arn] }",
    ),
    checkov=("CKV2_AWS_8",),
)


def _names(view: ResourceView) -> set[str]:
    """What a selection may call this cluster: its logical id or address, identifier and ARN."""
    r = view.resource
    out = {r.id, r.origin.address or r.id}
    for value in (r.arn, r.properties.get("DBClusterIdentifier")):
        if isinstance(value, str):
            out.add(value)
    return out


def _covers(entry: Any, view: ResourceView) -> bool | None:
    """Whether one selected resource names this cluster (None: known only at deploy, and not by reference)."""
    if isinstance(entry, Unresolved):
        found = _REFERENCE.match(entry.reason)
        if found is None:
            return None
        return (found.group("cfn") or found.group("tf")) in _names(view)
    text = str(entry)
    identifier = view.resource.properties.get("DBClusterIdentifier")
    if "*" in text:
        if text == "*":
            return True
        if ":rds:" not in text or ":cluster:" not in text:
            return False
        if not isinstance(identifier, str):
            return None  # a wildcard over cluster names, and this cluster's name is not known
        return fnmatchcase(identifier, text.split(":cluster:", 1)[1])
    return text in _names(view) or (isinstance(identifier, str) and text.endswith(f":cluster:{identifier}"))


def _tagged(condition: Any, tags: dict[str, str]) -> bool | None:
    if contains_unresolved(condition) is not None or not isinstance(condition, dict):
        return None
    key, value = condition.get("ConditionKey"), condition.get("ConditionValue")
    return str(key) in tags and (tags[str(key)] == str(value))


def evaluate(view: ResourceView, ctx: RuleContext) -> Verdict | None:
    """A selection that names the cluster (by reference, identifier, ARN, wildcard or a tag it carries) passes."""
    if view.resource.origin.kind not in (OriginKind.CLOUDFORMATION, OriginKind.TERRAFORM):
        return unknown("AWS Backup selections are not read live")
    tags = tag_map(view.peek("Tags"))
    undecided = False
    for selection in ctx.inventory.of_type(SELECTION):
        chosen = view.neighbour(selection).peek("BackupSelection") or {}
        if not isinstance(chosen, dict):
            undecided = True
            continue
        resources = chosen.get("Resources")
        if isinstance(resources, Unresolved):
            undecided = True
            resources = []
        verdicts = [_covers(e, view) for e in resources or []]
        verdicts += [_tagged(c, tags) for c in chosen.get("ListOfTags") or []]
        if any(v is True for v in verdicts):
            return passed(f"covered by backup selection {selection.id}")
        undecided = undecided or any(v is None for v in verdicts)
    if undecided:
        return unknown("a backup selection names resources known only at deploy time")
    return failed(f"cluster {view.resource.origin.address or view.id} is in no AWS Backup plan")


def _declared(rtype: str, rid: str, props: dict[str, Any]) -> Resource:
    return Resource(
        type=rtype, id=rid, properties=props, origin=Origin(kind=OriginKind.CLOUDFORMATION, address=rid)
    )


_CLUSTER = _declared(
    "AWS::RDS::DBCluster",
    "Orders",
    {"DBClusterIdentifier": "orders", "Tags": [{"Key": "backup", "Value": "daily"}]},
)


def _selection(**chosen: Any) -> Resource:
    return _declared(
        SELECTION, "Selection", {"BackupPlanId": "Plan", "BackupSelection": {"SelectionName": "s", **chosen}}
    )


EXAMPLES = (
    Example(
        "by-reference",
        _CLUSTER,
        FindingStatus.PASS,
        (
            _selection(
                Resources=[Unresolved("Fn::GetAtt Orders.DBClusterArn is known only after deployment")]
            ),
        ),
    ),
    Example(
        "by-tag",
        _CLUSTER,
        FindingStatus.PASS,
        (
            _selection(
                ListOfTags=[
                    {"ConditionType": "STRINGEQUALS", "ConditionKey": "backup", "ConditionValue": "daily"}
                ]
            ),
        ),
    ),
    Example(
        "by-wildcard", _CLUSTER, FindingStatus.PASS, (_selection(Resources=["arn:aws:rds:*:*:cluster:ord*"]),)
    ),
    Example(
        "other-cluster",
        _CLUSTER,
        FindingStatus.FAIL,
        (_selection(Resources=["arn:aws:rds:eu-west-2:1:cluster:billing"]),),
    ),
    Example("no-plan", _CLUSTER, FindingStatus.FAIL),
    Example(
        "selection-from-a-parameter",
        _CLUSTER,
        FindingStatus.UNKNOWN,
        (_selection(Resources=Unresolved("a parameter")),),
    ),
    Example(
        "live",
        example_resource("AWS::RDS::DBCluster", {"DBClusterIdentifier": "orders"}),
        FindingStatus.UNKNOWN,
    ),
)
