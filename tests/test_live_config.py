"""AWS Config compliance, remediation and conformance packs read live (Stubber: moto lacks these calls)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from botocore.stub import Stubber

from test_live_controls import ACCOUNT, F, P, U, _account_only, _c, _Stubbed, verdicts
from wasp.collect.account import AccountCollector

REGION = "eu-west-2"


def _rule(name: str, identifier: str) -> dict[str, Any]:
    return {
        "ConfigRuleName": name,
        "ConfigRuleArn": f"arn:aws:config:{REGION}:{ACCOUNT}:config-rule/{name}",
        "Source": {"Owner": "AWS", "SourceIdentifier": identifier},
        "ConfigRuleState": "ACTIVE",
    }


def _setup(
    compliance_denied: bool = False, remediated: tuple[str, ...] = ()
) -> Callable[[str, Stubber], None]:
    from wasp.rules.config_remediation_configured import REMEDIABLE

    rules = [_rule(f"wasp-{i}", identifier) for i, identifier in enumerate(REMEDIABLE)]

    def inner(service: str, stub: Stubber) -> None:
        _account_only(service, stub)
        if service != "config":
            return
        recorder = {"name": "default", "roleARN": f"arn:aws:iam::{ACCOUNT}:role/config", "recordingGroup": {}}
        stub.add_response("describe_configuration_recorders", {"ConfigurationRecorders": [recorder]})
        stub.add_response(
            "describe_configuration_recorder_status",
            {"ConfigurationRecordersStatus": [{"name": "default", "recording": True}]},
        )
        stub.add_response("describe_config_rules", {"ConfigRules": rules})
        if compliance_denied:
            stub.add_client_error(
                "describe_compliance_by_config_rule", "AccessDeniedException", "denied", 403
            )
        else:
            stub.add_response(
                "describe_compliance_by_config_rule",
                {
                    "ComplianceByConfigRules": [
                        {
                            "ConfigRuleName": "wasp-0",
                            "Compliance": {
                                "ComplianceType": "NON_COMPLIANT",
                                "ComplianceContributorCount": {"CappedCount": 4, "CapExceeded": False},
                            },
                        },
                        *(
                            {
                                "ConfigRuleName": r["ConfigRuleName"],
                                "Compliance": {"ComplianceType": "COMPLIANT"},
                            }
                            for r in rules[1:]
                        ),
                    ]
                },
            )
        stub.add_response(
            "describe_remediation_configurations",
            {
                "RemediationConfigurations": [
                    {
                        "ConfigRuleName": r["ConfigRuleName"],
                        "TargetType": "SSM_DOCUMENT",
                        "TargetId": "AWS-Fix",
                        "Automatic": True,
                    }
                    for r in rules
                    if r["Source"]["SourceIdentifier"] in remediated
                ]
            },
        )
        stub.add_response(
            "describe_conformance_packs",
            {
                "ConformancePackDetails": [
                    {
                        "ConformancePackName": "security-pillar",
                        "ConformancePackArn": f"arn:aws:config:{REGION}:{ACCOUNT}:conformance-pack/security-pillar",
                        "ConformancePackId": "conformance-pack-1",
                    }
                ]
            },
        )
        stub.add_response(
            "get_conformance_pack_compliance_summary",
            {
                "ConformancePackComplianceSummaryList": [
                    {
                        "ConformancePackName": "security-pillar",
                        "ConformancePackComplianceStatus": "NON_COMPLIANT",
                    }
                ]
            },
        )

    return inner


def test_non_compliant_rules_fail_with_their_count_and_remediation() -> None:
    found = verdicts([_c("config")], "config_rule_compliant", _Stubbed(_setup()))
    assert found["wasp-0"] is F and {found[f"wasp-{i}"] for i in range(1, 7)} == {P}
    assert verdicts([_c("config")], "config_conformance_pack_compliant", _Stubbed(_setup())) == {
        "security-pillar": F
    }


def test_denied_compliance_is_unknown() -> None:
    found = verdicts([_c("config")], "config_rule_compliant", _Stubbed(_setup(compliance_denied=True)))
    assert set(found.values()) == {U}


def test_remediation_for_every_control_the_stack_deploys() -> None:
    from wasp.rules.config_remediation_configured import REMEDIABLE

    rule = "config_remediation_configured"
    assert (
        verdicts([AccountCollector(), _c("config")], rule, _Stubbed(_setup(remediated=REMEDIABLE)))[ACCOUNT]
        is P
    )
    partial = REMEDIABLE[1:]
    assert (
        verdicts([AccountCollector(), _c("config")], rule, _Stubbed(_setup(remediated=partial)))[ACCOUNT] is F
    )


def test_the_remediable_list_matches_the_remediation_stack() -> None:
    from wasp.guardrails.remediation_stack import CONTROLS
    from wasp.rules.config_remediation_configured import REMEDIABLE

    assert set(REMEDIABLE) == {rule for _, rule, _, document, _, _ in CONTROLS if document}


def test_no_recorder_means_no_rules_are_asked_for() -> None:
    def inner(service: str, stub: Stubber) -> None:
        _account_only(service, stub)
        if service == "config":  # any further call would find no stubbed answer and fail the review
            stub.add_response("describe_configuration_recorders", {"ConfigurationRecorders": []})
            stub.add_response("describe_configuration_recorder_status", {"ConfigurationRecordersStatus": []})

    from wasp.collect.runner import collect, plan

    inventory, _ = collect(plan([_c("config")], [ACCOUNT], (REGION,)), {ACCOUNT: _Stubbed(inner)}, (REGION,))
    assert list(inventory.gaps) == []  # an unstubbed call (a rule listing) would have been a gap
