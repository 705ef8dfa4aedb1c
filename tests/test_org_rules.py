"""The organisation-configuration rules in an emulated organisation review (moto, in-process).

moto answers Security Hub's and Inspector's organisation configuration and Config's aggregators, so those rules
give real verdicts; it has no GuardDuty DescribeOrganizationConfiguration, so that rule is unknown, naming the
failed read (docs/emulator-gaps.md).
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime

import boto3
import pytest

from wasp.model import FindingStatus, Workload
from wasp.org import access
from wasp.org.emulate import SeededOrg, seed_org, seed_org_services
from wasp.workflow import LiveRun, review_live

REGION = "us-east-1"
ROLE = "WaspReadOnly"
NOW = datetime(2026, 6, 1, tzinfo=UTC)


@pytest.fixture(scope="module")
def reviewed() -> Iterator[tuple[SeededOrg, LiveRun]]:
    """An organisation (management + 2 members) whose management account administers the security services."""
    from moto import mock_aws

    with pytest.MonkeyPatch.context() as mp:
        for var in ("AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN"):
            mp.setenv(var, "testing")
        mp.delenv("AWS_ENDPOINT_URL", raising=False)
        with mock_aws():
            session = boto3.session.Session(region_name=REGION)
            org = seed_org(session, 2, REGION, ROLE, network=False)
            seed_org_services(session, REGION, org.management)
            access.forget_credentials()
            workload = Workload(name="org", regions=(REGION,), role_name=ROLE, org=True)
            run = review_live(workload, collectors=["organizations"], now=NOW)
            access.forget_credentials()
            yield org, run


def _verdict(run: LiveRun, rule: str) -> tuple[FindingStatus, str, str | None]:
    [finding] = [f for f in run.review.findings if f.rule == rule]
    return finding.status, finding.message, finding.resource.account


def test_security_hub_auto_enable_passes_from_the_administrator(reviewed: tuple[SeededOrg, LiveRun]) -> None:
    org, run = reviewed
    status, message, account = _verdict(run, "org_securityhub_auto_enable")
    assert status is FindingStatus.PASS, message
    assert account == org.management and "default standards" in message


def test_inspector_without_lambda_auto_enable_fails(reviewed: tuple[SeededOrg, LiveRun]) -> None:
    _, run = reviewed
    status, message, _ = _verdict(run, "org_inspector_auto_enable")
    assert status is FindingStatus.FAIL, message
    assert "Lambda" in message and "EC2" not in message


def test_an_all_regions_organisation_aggregator_covers_the_region(
    reviewed: tuple[SeededOrg, LiveRun],
) -> None:
    _, run = reviewed
    status, message, _ = _verdict(run, "org_config_aggregator")
    assert status is FindingStatus.PASS, message
    assert "org" in message and REGION in message


def test_guardduty_org_configuration_moto_cannot_answer_is_unknown_naming_the_read(
    reviewed: tuple[SeededOrg, LiveRun],
) -> None:
    _, run = reviewed
    status, message, _ = _verdict(run, "org_guardduty_auto_enable")
    assert status is FindingStatus.UNKNOWN, message
    assert "guardduty:describe_organization_configuration" in message


def test_org_configuration_is_judged_once_in_the_reviewing_account(
    reviewed: tuple[SeededOrg, LiveRun],
) -> None:
    org, run = reviewed
    rules = {
        "org_guardduty_auto_enable",
        "org_securityhub_auto_enable",
        "org_inspector_auto_enable",
        "org_config_aggregator",
    }
    judged = [f for f in run.review.findings if f.rule in rules]
    assert len(judged) == len(rules)
    assert {f.resource.account for f in judged} == {org.management}


@pytest.mark.parametrize(
    ("rule_id", "service"),
    [
        ("org_guardduty_auto_enable", "guardduty"),
        ("org_securityhub_auto_enable", "securityhub"),
        ("org_inspector_auto_enable", "inspector2"),
        ("org_config_aggregator", "config"),
    ],
)
def test_each_rule_judges_only_its_own_service(rule_id: str, service: str) -> None:
    """One resource type holds every service's configuration: a rule never judges another's."""
    from wasp.engine.evaluate import evaluate_resource
    from wasp.model import Inventory
    from wasp.model.rule import RuleContext, WorkloadScope
    from wasp.rules import load_rules
    from wasp.rules._orgservice import configuration_example

    [rule] = [r for r in load_rules() if r.id == rule_id]
    ctx = RuleContext(Inventory(), WorkloadScope())
    others = ("guardduty", "securityhub", "inspector2", "config", "cloudtrail")
    for other in others:
        resource = configuration_example(other, {})
        finding = evaluate_resource(rule, resource, ctx, NOW.isoformat())
        assert (finding is not None) is (other == service), (rule_id, other)
