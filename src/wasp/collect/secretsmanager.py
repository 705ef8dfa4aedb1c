"""Secrets Manager secrets in one region: rotation, key, resource policy (never the secret value)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

from wasp.collect.api import ApiReader, CallFailed
from wasp.collect.base import Collector, live, tags_from
from wasp.model import SUPPLEMENTARY, Resource

SECRET = "AWS::SecretsManager::Secret"
POLICY = "AWS::SecretsManager::ResourcePolicy"
SCHEDULE = "AWS::SecretsManager::RotationSchedule"
"""Never yielded live (the secret carries its own rotation state), but declared so that rules reading a
template's rotation schedules know the live review has nothing more to show."""


def rotation_rules(rules: Any) -> dict[str, Any] | None:
    """The rotation schedule in CloudFormation's ``RotationRules`` shape, None when the secret has none."""
    if not isinstance(rules, dict) or not rules:
        return None
    names = {"AutomaticallyAfterDays": "AutomaticallyAfterDays", "ScheduleExpression": "ScheduleExpression"}
    return {cfn: rules[api] for api, cfn in names.items() if rules.get(api) is not None} or None


class SecretsManagerCollector(Collector):
    """Secret metadata and resource policies; GetSecretValue is never called."""

    name = "secretsmanager"
    service = "secretsmanager"
    resource_types = (SECRET, POLICY, SCHEDULE)
    permissions = ("secretsmanager:ListSecrets", "secretsmanager:GetResourcePolicy")

    def collect(self, api: ApiReader) -> Iterator[Resource]:
        """list_secrets carries rotation and key; one policy read per secret."""
        for s in api.pages("list_secrets", "SecretList", affects=(SECRET, POLICY)):
            arn = s["ARN"]
            yield Resource(
                type=SECRET,
                id=s["Name"],
                arn=arn,
                origin=live(api, api.region),
                properties={
                    "Name": s["Name"],
                    "KmsKeyId": s.get("KmsKeyId"),
                    "Tags": tags_from(s.get("Tags")),
                    SUPPLEMENTARY: {
                        "RotationEnabled": bool(s.get("RotationEnabled")),
                        "RotationRules": rotation_rules(s.get("RotationRules")),
                        "LastRotatedDate": str(s.get("LastRotatedDate") or "") or None,
                        "LastAccessedDate": str(s.get("LastAccessedDate") or "") or None,
                    },
                },
            )
            try:
                got = (
                    api.call("get_resource_policy", SecretId=arn, resource_id=s["Name"], affects=(POLICY,))
                    or {}
                )
                policy: Any = json.loads(got["ResourcePolicy"]) if got.get("ResourcePolicy") else None
            except CallFailed as failed:
                policy = failed.unresolved
            if policy is not None:
                yield Resource(
                    type=POLICY,
                    id=s["Name"],
                    arn=arn,
                    origin=live(api, api.region),
                    properties={"SecretId": arn, "ResourcePolicy": policy},
                )
