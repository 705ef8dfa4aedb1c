"""Create (or update) the SCPs in Organizations and attach them to a root or OU. Only on request."""

from __future__ import annotations

from botocore.exceptions import ClientError

from wasp.collect.session import base_session
from wasp.errors import AwsSetupError
from wasp.guardrails.scps import Scp


def attach_scps(pack: list[Scp], target: str | None, profile: str | None, region: str) -> list[str]:
    """Idempotent: an existing policy with the same name is updated, an existing attachment is kept."""
    org = base_session(profile, region).client("organizations", region_name=region)
    try:
        target = target or org.list_roots()["Roots"][0]["Id"]
        existing = {
            p["Name"]: p["Id"]
            for page in org.get_paginator("list_policies").paginate(Filter="SERVICE_CONTROL_POLICY")
            for p in page["Policies"]
        }
        lines = []
        for scp in pack:
            if scp.name in existing:
                pid = existing[scp.name]
                org.update_policy(PolicyId=pid, Content=scp.content, Description=scp.description)
                action = "updated"
            else:
                pid = org.create_policy(
                    Name=scp.name,
                    Description=scp.description,
                    Content=scp.content,
                    Type="SERVICE_CONTROL_POLICY",
                )["Policy"]["PolicySummary"]["Id"]
                action = "created"
            targets = {t["TargetId"] for t in org.list_targets_for_policy(PolicyId=pid)["Targets"]}
            if target not in targets:
                org.attach_policy(PolicyId=pid, TargetId=target)
                action += ", attached"
            lines.append(f"{scp.name} ({pid}): {action} to {target}")
        return lines
    except ClientError as exc:
        code = exc.response.get("Error", {}).get("Code", "error")
        raise AwsSetupError(
            f"cannot manage SCPs ({code}): run from the management account with organizations:* rights"
        ) from exc
