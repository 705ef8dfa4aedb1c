"""ECS task definitions in one region (latest active revisions): environment names, secret hits, container
privileges, roles and EFS volumes."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from wasp.collect.api import ApiReader, CallFailed
from wasp.collect.base import Collector, live
from wasp.model import REDACTED_VALUE, SUPPLEMENTARY, Resource
from wasp.model.secrets import container_hits

TASK = "AWS::ECS::TaskDefinition"


def _volume(volume: dict[str, Any]) -> dict[str, Any]:
    """A task volume in CloudFormation's shape (only what the rules read: its name and EFS transit encryption)."""
    out: dict[str, Any] = {"Name": volume.get("name")}
    efs = volume.get("efsVolumeConfiguration")
    if isinstance(efs, dict):
        out["EFSVolumeConfiguration"] = {
            "FilesystemId": efs.get("fileSystemId"),
            "TransitEncryption": efs.get("transitEncryption", "DISABLED"),
        }
    return out


class EcsCollector(Collector):
    """The latest active revision of each family; plain environment values are scanned, then dropped."""

    name = "ecs"
    service = "ecs"
    resource_types = (TASK,)
    permissions = ("ecs:ListTaskDefinitionFamilies", "ecs:ListTaskDefinitions", "ecs:DescribeTaskDefinition")

    def collect(self, api: ApiReader) -> Iterator[Resource]:
        """One describe per family's latest revision."""
        latest: dict[str, str] = {}
        for arn in api.pages("list_task_definitions", "taskDefinitionArns", status="ACTIVE", affects=(TASK,)):
            family = arn.rsplit("/", 1)[-1].rsplit(":", 1)[0]
            latest[family] = arn  # listed oldest first
        for family, arn in sorted(latest.items()):
            try:
                td = (
                    api.call(
                        "describe_task_definition", taskDefinition=arn, resource_id=family, affects=(TASK,)
                    )
                    or {}
                ).get("taskDefinition", {})
            except CallFailed as failed:
                yield Resource(
                    type=TASK,
                    id=family,
                    arn=arn,
                    origin=live(api, api.region),
                    properties={
                        "Family": family,
                        "ContainerDefinitions": failed.unresolved,
                        "TaskRoleArn": failed.unresolved,
                        "ExecutionRoleArn": failed.unresolved,
                        "PidMode": failed.unresolved,
                        "NetworkMode": failed.unresolved,
                        "Volumes": failed.unresolved,
                        SUPPLEMENTARY: failed.unresolved,
                    },
                )
                continue
            containers: list[dict[str, Any]] = []
            hits: list[dict[str, str]] = []
            for c in td.get("containerDefinitions", []):
                env = {e["name"]: e.get("value") for e in c.get("environment", []) if "name" in e}
                hits += container_hits(c.get("name"), env)
                containers.append(
                    {
                        "Name": c.get("name"),
                        "Image": c.get("image"),
                        "Environment": [{"Name": n, "Value": REDACTED_VALUE} for n in env],
                        "Secrets": [
                            {"Name": s.get("name"), "ValueFrom": s.get("valueFrom")}
                            for s in c.get("secrets", [])
                        ],
                        "Privileged": bool(c.get("privileged")),
                        "ReadonlyRootFilesystem": bool(c.get("readonlyRootFilesystem")),
                        "User": c.get("user"),
                    }
                )
            yield Resource(
                type=TASK,
                id=family,
                arn=arn,
                origin=live(api, api.region),
                properties={
                    "Family": family,
                    "ContainerDefinitions": containers,
                    "TaskRoleArn": td.get("taskRoleArn"),
                    "ExecutionRoleArn": td.get("executionRoleArn"),
                    "PidMode": td.get("pidMode"),
                    "NetworkMode": td.get("networkMode"),
                    "Volumes": [_volume(v) for v in td.get("volumes", [])],
                    SUPPLEMENTARY: {"EnvironmentSecrets": hits},
                },
            )
