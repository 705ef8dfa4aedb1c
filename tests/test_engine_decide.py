"""Table tests for the decision rules of ARCHITECTURE.md: best-practice status and question risk."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from conftest import NOW, inventory, res
from wasp.engine.decide import decide_practice, latest_attestations, question_risk
from wasp.engine.evaluate import evaluate
from wasp.model import (
    Answer,
    Attestation,
    BestPractice,
    BPStatus,
    EvidenceMode,
    Gap,
    Inventory,
    NAReason,
    PracticeResult,
    QuestionRisk,
    Risk,
    Severity,
)
from wasp.model.rule import (
    Remediation,
    ResourceView,
    Rule,
    RuleContext,
    RuleMeta,
    Verdict,
    failed,
    passed,
)

BP = "SEC09-BP02"
TYPE = "AWS::S3::Bucket"
TODAY = NOW.date()


def _check(view: ResourceView, ctx: RuleContext) -> Verdict | None:
    if view.get("Skip"):
        return None
    return passed("ok") if view.get("Good") else failed("bad")


RULE = Rule(
    id="test_rule",
    meta=RuleMeta(
        title="t",
        severity=Severity.HIGH,
        best_practices=(BP,),
        resource_type=TYPE,
        description="d",
        remediation=Remediation("c", "c", "c", "c"),
    ),
    examples=(),
    evaluate=_check,
)


def _bp(mode: EvidenceMode, risk: Risk = Risk.HIGH) -> BestPractice:
    return BestPractice(BP, "SEC09", "Enforce encryption in transit", risk, "slug", mode, "?")


def _att(answer: Answer, *, expires: date | None = None, reason: NAReason | None = None) -> Attestation:
    return Attestation(
        BP,
        answer,
        "owner@example.com",
        TODAY - timedelta(days=10),
        expires=expires,
        evidence=("https://x",),
        reason=reason,
    )


def _decide(
    mode: EvidenceMode, inv: Inventory, att: Attestation | None = None, rules: tuple[Rule, ...] = (RULE,)
) -> PracticeResult:
    ev = evaluate(rules, inv, RuleContext(inventory=inv, now=NOW), observed_at=NOW)
    return decide_practice(_bp(mode), ev, att, TODAY)


GOOD = res(TYPE, {"Good": True}, "good")
BAD = res(TYPE, {"Good": False}, "bad")
EXPIRED = TODAY - timedelta(days=1)
CASES = [
    # (name, mode, resources, attestation, expected status, contradicted)
    ("automated all pass", EvidenceMode.AUTOMATED, [GOOD], None, BPStatus.MET, False),
    ("automated a failure", EvidenceMode.AUTOMATED, [GOOD, BAD], None, BPStatus.NOT_MET, False),
    ("automated nothing in scope", EvidenceMode.AUTOMATED, [], None, BPStatus.NOT_APPLICABLE, False),
    (
        "automated rule skips all",
        EvidenceMode.AUTOMATED,
        [res(TYPE, {"Skip": True})],
        None,
        BPStatus.NOT_APPLICABLE,
        False,
    ),
    (
        "automated failure contradicts yes",
        EvidenceMode.AUTOMATED,
        [BAD],
        _att(Answer.YES),
        BPStatus.NOT_MET,
        True,
    ),
    (
        "automated failure contradicts n/a",
        EvidenceMode.AUTOMATED,
        [BAD],
        _att(Answer.NOT_APPLICABLE, reason=NAReason.OTHER),
        BPStatus.NOT_MET,
        True,
    ),
    ("automated people say no", EvidenceMode.AUTOMATED, [GOOD], _att(Answer.NO), BPStatus.NOT_MET, False),
    ("hybrid pass and yes", EvidenceMode.HYBRID, [GOOD], _att(Answer.YES), BPStatus.MET, False),
    ("hybrid pass, no attestation", EvidenceMode.HYBRID, [GOOD], None, BPStatus.NOT_ASSESSED, False),
    (
        "hybrid pass, expired yes",
        EvidenceMode.HYBRID,
        [GOOD],
        _att(Answer.YES, expires=EXPIRED),
        BPStatus.NOT_ASSESSED,
        False,
    ),
    ("hybrid failure contradicts yes", EvidenceMode.HYBRID, [BAD], _att(Answer.YES), BPStatus.NOT_MET, True),
    ("hybrid partial", EvidenceMode.HYBRID, [GOOD], _att(Answer.PARTIAL), BPStatus.NOT_MET, False),
    ("attested yes", EvidenceMode.ATTESTED, [], _att(Answer.YES), BPStatus.MET, False),
    ("attested no", EvidenceMode.ATTESTED, [], _att(Answer.NO), BPStatus.NOT_MET, False),
    ("attested missing", EvidenceMode.ATTESTED, [], None, BPStatus.NOT_ASSESSED, False),
    (
        "attested expired",
        EvidenceMode.ATTESTED,
        [],
        _att(Answer.YES, expires=EXPIRED),
        BPStatus.NOT_ASSESSED,
        False,
    ),
    (
        "attested n/a",
        EvidenceMode.ATTESTED,
        [],
        _att(Answer.NOT_APPLICABLE, reason=NAReason.BUSINESS_PRIORITIES),
        BPStatus.NOT_APPLICABLE,
        False,
    ),
    (
        "expired n/a no longer counts",
        EvidenceMode.ATTESTED,
        [],
        _att(Answer.NOT_APPLICABLE, reason=NAReason.OTHER, expires=EXPIRED),
        BPStatus.NOT_ASSESSED,
        False,
    ),
]


@pytest.mark.parametrize(
    ("name", "mode", "resources", "att", "status", "contradicted"), CASES, ids=[c[0] for c in CASES]
)
def test_practice_decision(
    name: str,
    mode: EvidenceMode,
    resources: list,
    att: Attestation | None,
    status: BPStatus,
    contradicted: bool,
) -> None:
    result = _decide(mode, inventory(*resources, collected=(TYPE,)), att)
    assert result.status is status, result.reason
    assert result.contradicted is contradicted


def test_not_applicable_carries_its_reason() -> None:
    r = _decide(
        EvidenceMode.ATTESTED,
        inventory(),
        _att(Answer.NOT_APPLICABLE, reason=NAReason.ARCHITECTURE_CONSTRAINTS),
    )
    assert r.na_reason is NAReason.ARCHITECTURE_CONSTRAINTS
    r = _decide(EvidenceMode.AUTOMATED, inventory(collected=(TYPE,)))
    assert r.na_reason is NAReason.OUT_OF_SCOPE and TYPE in r.reason


def test_a_service_gap_makes_an_automated_practice_not_assessed_never_met() -> None:
    inv = inventory(GOOD)
    inv.add_gap(Gap("s3", "list_buckets", "access_denied", "denied", "1", "eu-west-2", (TYPE,)))
    result = _decide(EvidenceMode.AUTOMATED, inv)
    assert result.status is BPStatus.NOT_ASSESSED
    assert "access_denied" in result.reason


def test_a_gap_does_not_hide_a_failure() -> None:
    inv = inventory(BAD)
    inv.add_gap(Gap("s3", "list_buckets", "throttled", "slow", "1", "us-east-1", (TYPE,)))
    assert _decide(EvidenceMode.AUTOMATED, inv).status is BPStatus.NOT_MET


def test_a_type_not_collected_is_not_assessed() -> None:
    inv = Inventory()  # nothing collected at all
    result = _decide(EvidenceMode.AUTOMATED, inv)
    assert result.status is BPStatus.NOT_ASSESSED
    assert "not collected" in result.reason


def test_an_unknown_verdict_is_not_assessed() -> None:
    from wasp.model import Unresolved

    inv = inventory(res(TYPE, {"Good": Unresolved("known after apply")}), collected=(TYPE,))
    result = _decide(EvidenceMode.AUTOMATED, inv)
    assert result.status is BPStatus.NOT_ASSESSED
    assert "could not be decided" in result.reason


def test_resource_level_gap_does_not_block_the_whole_rule() -> None:
    inv = inventory(GOOD)
    inv.add_gap(
        Gap("s3", "get_bucket_policy", "access_denied", "x", "1", "eu-west-2", (TYPE,), resource_id="other")
    )
    assert _decide(EvidenceMode.AUTOMATED, inv).status is BPStatus.MET


def test_automated_practice_without_rules_falls_back_to_attestation() -> None:
    assert _decide(EvidenceMode.AUTOMATED, inventory(), None, rules=()).status is BPStatus.NOT_ASSESSED
    assert _decide(EvidenceMode.AUTOMATED, inventory(), _att(Answer.YES), rules=()).status is BPStatus.MET


def test_latest_attestation_wins() -> None:
    old = _att(Answer.NO)
    new = Attestation(BP, Answer.YES, "o", TODAY, evidence=("e",))
    assert latest_attestations([new, old])[BP] is new


def _pr(risk: Risk, status: BPStatus) -> PracticeResult:
    return PracticeResult("SEC01-BP01", "t", "SEC01", risk, EvidenceMode.AUTOMATED, status, "")


RISK_CASES = [
    (
        "high not met",
        [(Risk.HIGH, BPStatus.NOT_MET), (Risk.MEDIUM, BPStatus.NOT_MET)],
        QuestionRisk.HIGH,
        False,
    ),
    (
        "medium not met",
        [(Risk.HIGH, BPStatus.MET), (Risk.MEDIUM, BPStatus.NOT_MET)],
        QuestionRisk.MEDIUM,
        False,
    ),
    (
        "low gaps are opportunities",
        [(Risk.HIGH, BPStatus.MET), (Risk.LOW, BPStatus.NOT_MET)],
        QuestionRisk.NONE,
        False,
    ),
    (
        "incomplete high",
        [(Risk.HIGH, BPStatus.MET), (Risk.HIGH, BPStatus.NOT_ASSESSED)],
        QuestionRisk.NONE,
        True,
    ),
    (
        "low not assessed is not incomplete",
        [(Risk.HIGH, BPStatus.MET), (Risk.LOW, BPStatus.NOT_ASSESSED)],
        QuestionRisk.NONE,
        False,
    ),
    ("all n/a", [(Risk.HIGH, BPStatus.NOT_APPLICABLE)], QuestionRisk.NOT_APPLICABLE, False),
    (
        "nothing assessed",
        [(Risk.HIGH, BPStatus.NOT_ASSESSED), (Risk.LOW, BPStatus.NOT_APPLICABLE)],
        QuestionRisk.UNANSWERED,
        True,
    ),
    (
        "high risk and incomplete",
        [(Risk.HIGH, BPStatus.NOT_MET), (Risk.MEDIUM, BPStatus.NOT_ASSESSED)],
        QuestionRisk.HIGH,
        True,
    ),
]


@pytest.mark.parametrize(("name", "items", "risk", "incomplete"), RISK_CASES, ids=[c[0] for c in RISK_CASES])
def test_question_risk(name: str, items: list, risk: QuestionRisk, incomplete: bool) -> None:
    assert question_risk([_pr(r, s) for r, s in items]) == (risk, incomplete)


NEIGHBOUR = "AWS::S3::BucketPolicy"


def _needs_neighbour(view: ResourceView, ctx: RuleContext) -> Verdict | None:
    return passed("has policy") if ctx.inventory.of_type(NEIGHBOUR) else failed("no policy")


NEIGHBOUR_RULE = Rule(
    id="needs_neighbour",
    meta=RuleMeta(
        title="t",
        severity=Severity.HIGH,
        best_practices=(BP,),
        resource_type=TYPE,
        description="d",
        remediation=Remediation("c", "c", "c", "c"),
        related_types=(NEIGHBOUR,),
    ),
    examples=(),
    evaluate=_needs_neighbour,
)


def test_an_unreadable_neighbour_turns_verdicts_unknown_not_fail() -> None:
    inv = inventory(GOOD, collected=(NEIGHBOUR,))
    inv.add_gap(
        Gap("s3", "get_bucket_policy", "not_implemented", "x", "111122223333", "eu-west-2", (NEIGHBOUR,))
    )
    ev = evaluate((NEIGHBOUR_RULE,), inv, RuleContext(inventory=inv, now=NOW), observed_at=NOW)
    [finding] = ev.findings
    assert finding.status.value == "unknown" and "could not be read" in finding.message
    assert decide_practice(_bp(EvidenceMode.AUTOMATED), ev, None, TODAY).status is BPStatus.NOT_ASSESSED


@pytest.mark.parametrize(
    ("account", "region", "status"),
    [
        ("111122223333", "eu-west-2", "unknown"),  # the failed read is where the resource is
        ("111122223333", None, "unknown"),  # a global read failed: every region is affected
        ("111122223333", "us-east-1", "fail"),  # another region's failure leaves this verdict standing
        ("444455556666", "eu-west-2", "fail"),  # another account's failure too
    ],
)
def test_a_neighbour_gap_only_affects_its_own_account_and_region(
    account: str, region: str | None, status: str
) -> None:
    inv = inventory(GOOD, collected=(NEIGHBOUR,))
    inv.add_gap(Gap("s3", "list_buckets", "unreachable", "x", account, region, (NEIGHBOUR,)))
    ev = evaluate((NEIGHBOUR_RULE,), inv, RuleContext(inventory=inv, now=NOW), observed_at=NOW)
    assert [f.status.value for f in ev.findings] == [status]


def _raises(view: ResourceView, ctx: RuleContext) -> Verdict | None:
    return passed(str(int(view.get("FromPort"))))


RAISING_RULE = Rule(
    id="raises",
    meta=RuleMeta(
        title="t",
        severity=Severity.HIGH,
        best_practices=(BP,),
        resource_type=TYPE,
        description="d",
        remediation=Remediation("c", "c", "c", "c"),
    ),
    examples=(),
    evaluate=_raises,
)


def test_a_rule_that_raises_gives_an_unknown_finding_and_a_gap(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("WASP_DEBUG", raising=False)
    inv = inventory(res(TYPE, {"FromPort": "abc-secret-value"}, "sg1"), res(TYPE, {"FromPort": 22}, "sg2"))
    ev = evaluate((RAISING_RULE,), inv, RuleContext(inventory=inv, now=NOW), observed_at=NOW)
    bad, good = ev.findings
    assert bad.status.value == "unknown" and bad.message.startswith("rule error: raises: ValueError")
    assert "abc-secret-value" not in bad.message  # the value that broke the rule is never echoed
    assert good.status.value == "pass"
    [gap] = [g for g in ev.gaps if g.error == "rule_error"]
    assert gap.resource_id == "sg1" and gap.rules == ("raises",)
    assert decide_practice(_bp(EvidenceMode.AUTOMATED), ev, None, TODAY).status is BPStatus.NOT_ASSESSED


def test_debug_re_raises_a_rule_error(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("WASP_DEBUG", "1")
    inv = inventory(res(TYPE, {"FromPort": "abc"}, "sg1"))
    with pytest.raises(ValueError):
        evaluate((RAISING_RULE,), inv, RuleContext(inventory=inv, now=NOW), observed_at=NOW)


def test_a_readable_neighbour_keeps_the_verdict() -> None:
    inv = inventory(GOOD, collected=(NEIGHBOUR,))
    ev = evaluate((NEIGHBOUR_RULE,), inv, RuleContext(inventory=inv, now=NOW), observed_at=NOW)
    assert ev.findings[0].status.value == "fail"
