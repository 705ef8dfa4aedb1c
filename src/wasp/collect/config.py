"""AWS Config in one region: recorders with their status, rules with their compliance and remediation, and
conformance packs with their compliance."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from wasp.collect.api import ApiReader, CallFailed
from wasp.collect.base import Collector, guarded, live
from wasp.model import SUPPLEMENTARY, Resource

RECORDER = "AWS::Config::ConfigurationRecorder"
RULE = "AWS::Config::ConfigRule"
PACK = "AWS::Config::ConformancePack"
REMEDIATION_BATCH = 25
"""DescribeRemediationConfigurations takes at most 25 rule names."""
PACK_BATCH = 5
"""GetConformancePackComplianceSummary takes at most 5 pack names."""


class ConfigCollector(Collector):
    """Recorders, rules (compliance, remediation) and conformance packs."""

    name = "config"
    service = "config"
    resource_types = (RECORDER, RULE, PACK)
    permissions = (
        "config:DescribeConfigurationRecorders",
        "config:DescribeConfigurationRecorderStatus",
        "config:DescribeConfigRules",
        "config:DescribeComplianceByConfigRule",
        "config:DescribeRemediationConfigurations",
        "config:DescribeConformancePacks",
        "config:GetConformancePackComplianceSummary",
    )

    def collect(self, api: ApiReader) -> Iterator[Resource]:
        """Independent parts: a failed listing in one leaves the others.

        Config refuses rules and conformance packs in a region without a recorder
        (NoAvailableConfigurationRecorderException), so a region definitely without one is not asked for them.
        """
        try:
            recorders = list(self._recorders(api))
        except CallFailed:  # recorded as a gap; whether rules can exist is unknown, so they are still read
            recorders = None
        yield from recorders or []
        if recorders == []:
            return
        yield from guarded(self._rules(api))
        yield from guarded(self._packs(api))

    @staticmethod
    def _recorders(api: ApiReader) -> Iterator[Resource]:
        """Two calls per region."""
        recorders = (api.call("describe_configuration_recorders", affects=(RECORDER,)) or {}).get(
            "ConfigurationRecorders", []
        )
        status: dict[str, Any] = {}
        try:
            got = (
                api.call(
                    "describe_configuration_recorder_status", resource_id="recorders", affects=(RECORDER,)
                )
                or {}
            )
            status = {
                s["name"]: bool(s.get("recording")) for s in got.get("ConfigurationRecordersStatus", [])
            }
        except CallFailed as failed:
            status = {r["name"]: failed.unresolved for r in recorders}
        for rec in recorders:
            group = rec.get("recordingGroup") or {}
            yield Resource(
                type=RECORDER,
                id=rec["name"],
                origin=live(api, api.region),
                arn=f"arn:aws:config:{api.region}:{api.account}:config-recorder/{rec['name']}",
                properties={
                    "Name": rec["name"],
                    "RoleARN": rec.get("roleARN"),
                    "RecordingGroup": {
                        "AllSupported": bool(group.get("allSupported")),
                        "IncludeGlobalResourceTypes": bool(group.get("includeGlobalResourceTypes")),
                        "ResourceTypes": group.get("resourceTypes", []),
                    },
                    SUPPLEMENTARY: {"Recording": status.get(rec["name"], False)},
                },
            )

    @staticmethod
    def _rules(api: ApiReader) -> Iterator[Resource]:
        """Rules, then their compliance (one paginated call) and remediation (25 names a call)."""
        rules = api.pages("describe_config_rules", "ConfigRules", affects=(RULE,))
        names = [r["ConfigRuleName"] for r in rules]
        compliance: dict[str, Any] = {}
        remediation: dict[str, Any] = {}
        if names:
            try:
                for c in api.pages(
                    "describe_compliance_by_config_rule",
                    "ComplianceByConfigRules",
                    resource_id="rules",
                    affects=(RULE,),
                ):
                    got = c.get("Compliance") or {}
                    count = (got.get("ComplianceContributorCount") or {}).get("CappedCount")
                    compliance[c["ConfigRuleName"]] = {
                        "Type": got.get("ComplianceType"),
                        "NonCompliant": count,
                    }
            except CallFailed as failed:
                compliance = dict.fromkeys(names, failed.unresolved)
            try:
                for start in range(0, len(names), REMEDIATION_BATCH):
                    got = api.call(
                        "describe_remediation_configurations",
                        ConfigRuleNames=names[start : start + REMEDIATION_BATCH],
                        resource_id="rules",
                        affects=(RULE,),
                    )
                    for rc in (got or {}).get("RemediationConfigurations", []):
                        remediation[rc["ConfigRuleName"]] = {
                            "TargetId": rc.get("TargetId"),
                            "Automatic": bool(rc.get("Automatic")),
                        }
            except CallFailed as failed:
                remediation = dict.fromkeys(names, failed.unresolved)
        for r in rules:
            name = r["ConfigRuleName"]
            source = r.get("Source") or {}
            yield Resource(
                type=RULE,
                id=name,
                arn=r.get("ConfigRuleArn"),
                origin=live(api, api.region),
                properties={
                    "ConfigRuleName": name,
                    "Source": {
                        "Owner": source.get("Owner"),
                        "SourceIdentifier": source.get("SourceIdentifier"),
                    },
                    SUPPLEMENTARY: {
                        "State": r.get("ConfigRuleState"),
                        "CreatedBy": r.get("CreatedBy"),
                        "Compliance": compliance.get(
                            name, {"Type": "INSUFFICIENT_DATA", "NonCompliant": None}
                        ),
                        "Remediation": remediation.get(name),
                    },
                },
            )

    @staticmethod
    def _packs(api: ApiReader) -> Iterator[Resource]:
        """Conformance packs and their compliance summary (5 names a call)."""
        packs = api.pages("describe_conformance_packs", "ConformancePackDetails", affects=(PACK,))
        names = [p["ConformancePackName"] for p in packs]
        status: dict[str, Any] = {}
        try:
            for start in range(0, len(names), PACK_BATCH):
                for s in api.pages(
                    "get_conformance_pack_compliance_summary",
                    "ConformancePackComplianceSummaryList",
                    ConformancePackNames=names[start : start + PACK_BATCH],
                    resource_id="packs",
                    affects=(PACK,),
                ):
                    status[s["ConformancePackName"]] = s.get("ConformancePackComplianceStatus")
        except CallFailed as failed:
            status = dict.fromkeys(names, failed.unresolved)
        for p in packs:
            name = p["ConformancePackName"]
            yield Resource(
                type=PACK,
                id=name,
                arn=p.get("ConformancePackArn"),
                origin=live(api, api.region),
                properties={"ConformancePackName": name, SUPPLEMENTARY: {"Compliance": status.get(name)}},
            )
