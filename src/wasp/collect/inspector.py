"""Inspector (v2) in one region, on the AWS::::Account resource: whether EC2, ECR and Lambda scanning is on,
and (when any is) the coverage and the fixable critical/high vulnerabilities it found (see inspector_findings)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from wasp.collect.api import ApiReader, CallFailed
from wasp.collect.base import Collector, live
from wasp.collect.inspector_findings import read_coverage, read_findings
from wasp.model import ACCOUNT_TYPE, Resource


class InspectorCollector(Collector):
    """Regions.<region>.Inspector = {EC2, ECR, LAMBDA: ENABLED|DISABLED|...}, with InspectorFindings and
    InspectorCoverage when any scanning is on."""

    name = "inspector"
    service = "inspector2"
    resource_types = (ACCOUNT_TYPE,)
    permissions = ("inspector2:BatchGetAccountStatus", "inspector2:ListFindings", "inspector2:ListCoverage")

    def collect(self, api: ApiReader) -> Iterator[Resource]:
        """The account status (accountIds must be given: the emulator crashes without it), then, if any
        scanning is on, its findings and coverage."""
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
        region: dict[str, Any] = {"Inspector": state}
        if isinstance(state, dict) and "ENABLED" in state.values():
            region["InspectorFindings"] = read_findings(api)
            region["InspectorCoverage"] = read_coverage(api)
        yield Resource(
            type=ACCOUNT_TYPE,
            id=api.account,
            origin=live(api, None),
            properties={"Regions": {api.region: region}},
        )
