"""Inspector (v2) coverage in one region: EC2, ECR and Lambda scanning (on the AWS::::Account resource)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from wasp.collect.api import ApiReader, CallFailed
from wasp.collect.base import Collector, live
from wasp.model import ACCOUNT_TYPE, Resource


class InspectorCollector(Collector):
    """Regions.<region>.Inspector = {EC2, ECR, LAMBDA: ENABLED|DISABLED|...}."""

    name = "inspector"
    service = "inspector2"
    resource_types = (ACCOUNT_TYPE,)
    permissions = ("inspector2:BatchGetAccountStatus",)

    def collect(self, api: ApiReader) -> Iterator[Resource]:
        """One call; accountIds must be given (the emulator crashes without it)."""
        state: Any
        try:
            got = (
                api.call(
                    "batch_get_account_status",
                    accountIds=[api.account],
                    resource_id=api.account,
                    affects=(ACCOUNT_TYPE,),
                )
                or {}
            )
            accounts = got.get("accounts") or []
            types = (accounts[0].get("resourceState") if accounts else None) or {}
            state = {k.upper(): (v or {}).get("status", "DISABLED") for k, v in types.items()}
        except CallFailed as failed:
            state = failed.unresolved
        yield Resource(
            type=ACCOUNT_TYPE,
            id=api.account,
            origin=live(api, None),
            properties={"Regions": {api.region: {"Inspector": state}}},
        )
