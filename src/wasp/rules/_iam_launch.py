"""Shared judgement of the EBS volumes an instance, or a launch configuration, declares."""

from __future__ import annotations

from wasp.model.rule import ResourceView, Verdict, failed, passed, unknown
from wasp.rules._expect import is_true
from wasp.rules._shape import block, number


def volumes_verdict(view: ResourceView, what: str) -> Verdict:
    """Fail each declared EBS volume not encrypted; unknown when no volume is declared (the AMI's snapshot and
    the account's encryption-by-default decide the root volume)."""
    devices = view.get("BlockDeviceMappings", [])
    ebs = [
        (str(d.get("DeviceName") or f"device {i + 1}"), i)
        for i, d in enumerate(devices if isinstance(devices, list) else [])
        if isinstance(d, dict) and isinstance(d.get("Ebs"), dict)
    ]
    if not ebs:
        return unknown(
            f"{what} declares no EBS volume: the root volume is encrypted only if the AMI's snapshot is or the "
            "account encrypts EBS by default"
        )
    plain = [name for name, i in ebs if not is_true(view.get(f"BlockDeviceMappings.{i}.Ebs.Encrypted"))]
    view.note("unencrypted_volumes", plain)
    if plain:
        return failed(
            f"{what} declares unencrypted EBS volumes ({', '.join(plain)}); they are encrypted only if the "
            "account encrypts EBS by default"
        )
    return passed(f"every EBS volume {what} declares is encrypted")


def hop_limit_verdict(view: ResourceView, path: str, what: str) -> Verdict:
    """Fail a metadata response hop limit above 1 (containers on the host can then reach instance credentials).

    Unset is AWS's default of 1 in a template; a live resource whose collector did not read the limit is unknown.
    """
    options = block(view, path)
    live = view.resource.origin.kind.value in ("live", "snapshot")
    if live and (not isinstance(options, dict) or "HttpPutResponseHopLimit" not in options):
        return unknown(f"{what}: the metadata hop limit is not collected")
    limit = number(view, f"{path}.HttpPutResponseHopLimit", 1)
    view.note("hop_limit", limit)
    try:
        hops = int(limit)
    except (TypeError, ValueError):
        return unknown(f"{what}: metadata hop limit {limit!r} is not a number")
    if hops > 1:
        return failed(
            f"{what} lets metadata responses travel {hops} hops: containers on the instance can read its role's "
            "credentials"
        )
    return passed(f"{what} keeps metadata responses to one hop")
