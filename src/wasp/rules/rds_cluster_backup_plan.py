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
from wasp.rules._shape import entries, expect_type, is_scalar, is_text

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


def _identifier(view: ResourceView) -> Any:
    """The cluster's identifier (a string, None when unset or unknown); WrongType for another type."""
    value = expect_type("DBClusterIdentifier", view.peek("DBClusterIdentifier"), is_text, "a string")
    return value if isinstance(value, str) else None


def _names(view: ResourceView) -> set[str]:
    """What a selection may call this cluster: its logical id or address, identifier and ARN."""
    r = view.resource
    out = {r.id, r.origin.address or r.id}
    for value in (r.arn, _identifier(view)):
        if isinstance(value, str):
            out.add(value)
    return out


def _covers(entry: Any, view: ResourceView) -> bool | None:
    """Whether one selected resource names this cluster (None: known only at deploy, and not by reference, or
    not a string)."""
    if isinstance(entry, Unresolved):
        found = _REFERENCE.match(entry.reason)
        if found is None:
            return None
        return (found.group("cfn") or found.group("tf")) in _names(view)
    if not isinstance(entry, str):
        return None  # a malformed entry may stand for anything
    identifier = _identifier(view)
    if "*" in entry:
        if entry == "*":
            return True
        if ":rds:" not in entry or ":cluster:" not in entry:
            return False
        if identifier is None:
            return None  # a wildcard over cluster names, and this cluster's name is not known
        return fnmatchcase(identifier, entry.split(":cluster:", 1)[1])
    return entry in _names(view) or (identifier is not None and entry.endswith(f":cluster:{identifier}"))


def _tags(view: ResourceView) -> dict[str, str] | None:
    """The cluster's tags (None when unknown); WrongType when they are not a list of Key/Value strings."""
    if contains_unresolved(view.peek("Tags")) is not None:
        return None
    out = {}
    for i, tag in enumerate(entries(view, "Tags")):
        key = expect_type(f"Tags.{i}.Key", tag.get("Key"), is_text, "a string")
        value = expect_type(f"Tags.{i}.Value", tag.get("Value"), is_scalar, "a string")
        out[str(key)] = "" if value is None else str(value)
    return out


def _tagged(condition: Any, view: ResourceView) -> bool | None:
    if contains_unresolved(condition) is not None or not isinstance(condition, dict):
        return None
    key, value = condition.get("ConditionKey"), condition.get("ConditionValue")
    if not isinstance(key, str) or not isinstance(value, str):
        return None  # a malformed condition may stand for anything
    tags = _tags(view)
    if tags is None:
        return None
    return tags.get(key) == value


def _listed(chosen: dict[str, Any], key: str) -> list[Any] | None:
    """The selection's list at ``key`` (empty when absent); None when it is unknown or not a list."""
    value = chosen.get(key)
    if value is None:
        return []
    return value if isinstance(value, list) else None


def evaluate(view: ResourceView, ctx: RuleContext) -> Verdict | None:
    """A selection that names the cluster (by reference, identifier, ARN, wildcard or a tag it carries) passes;
    a selection whose resources or tag conditions are unknown or malformed leaves a failure unknown."""
    if view.resource.origin.kind not in (OriginKind.CLOUDFORMATION, OriginKind.TERRAFORM):
        return unknown("AWS Backup selections are not read live")
    undecided: list[str] = []
    for selection in ctx.inventory.of_type(SELECTION):
        chosen = view.neighbour(selection).peek("BackupSelection") or {}
        resources = _listed(chosen, "Resources") if isinstance(chosen, dict) else None
        conditions = _listed(chosen, "ListOfTags") if isinstance(chosen, dict) else None
        if resources is None or conditions is None:
            undecided.append(f"backup selection {selection.id} is unknown or malformed")
            resources, conditions = resources or [], conditions or []
        verdicts = [_covers(e, view) for e in resources]
        verdicts += [_tagged(c, view) for c in conditions]
        if any(v is True for v in verdicts):
            return passed(f"covered by backup selection {selection.id}")
        if any(v is None for v in verdicts):
            undecided.append(f"backup selection {selection.id} names resources known only at deploy time")
    if undecided:
        return unknown(undecided[0])
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
