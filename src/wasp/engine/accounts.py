"""Each account's question risks, decided by the same rules as the whole review, from that account's evidence.

An account's view of a rule run keeps the findings on its own resources and the collection gaps in that account
or in no account in particular (an account-wide read that failed everywhere); a type never collected stays never
collected. Attestations carry no account: they apply to every account. Each practice is then decided by
``decide.decide_practice`` and each question by ``decide.question_risk``, unchanged, so a practice not assessed
in an account (its read was denied there) stays not assessed there, while the other accounts are decided.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping
from datetime import date

from wasp.engine.decide import decide_practice, question_risk
from wasp.engine.evaluate import Evaluation, RuleRun
from wasp.model import (
    SUPPLEMENTARY,
    Attestation,
    BestPractice,
    Catalogue,
    Finding,
    FindingStatus,
    Gap,
    Inventory,
    PracticeResult,
    QuestionResult,
)
from wasp.model.account_result import AccountResult

ORG_ACCOUNT = "AWS::Organizations::Account"
"""The organisation collector's record of a member account: its name and, in supplementary data, its OU path."""


def account_directory(inventory: Inventory | None) -> dict[str, tuple[str | None, str | None]]:
    """Account id -> (name, OU path) from the organisation's accounts in the inventory (empty without them)."""
    out: dict[str, tuple[str | None, str | None]] = {}
    if inventory is None:
        return out
    for res in inventory.of_type(ORG_ACCOUNT):
        props = res.properties
        extra = props.get(SUPPLEMENTARY)
        name = props.get("AccountName")
        ou = extra.get("OuPath") if isinstance(extra, Mapping) else None
        out[res.id] = (name if isinstance(name, str) and name else None, ou if isinstance(ou, str) else None)
    return out


def reviewed_accounts(evaluation: Evaluation, listed: Iterable[str]) -> list[str]:
    """The workload's accounts and every account a finding or a gap names, sorted."""
    found = {a for a in listed if a}
    found.update(f.resource.account for f in evaluation.findings if f.resource.account)
    found.update(g.account for g in evaluation.gaps if g.account)
    return sorted(found)


class _Split:
    """The evaluation's runs seen from each account.

    A run with no finding and no gap of its own in an account (most runs in most accounts) is seen there as one
    shared run (no findings, the gaps of no particular account); the others are built once per (run, account)
    and shared by the practices the rule informs.
    """

    def __init__(self, evaluation: Evaluation) -> None:
        self.runs = evaluation.runs
        self.by_bp: dict[str, list[int]] = defaultdict(list)
        self.findings: list[dict[str | None, list[Finding]]] = []
        self.gaps: list[dict[str, list[Gap]]] = []
        self.empty: list[RuleRun] = []
        for n, run in enumerate(self.runs):
            for bp in run.rule.meta.best_practices:
                self.by_bp[bp].append(n)
            split: dict[str | None, list[Finding]] = defaultdict(list)
            for f in run.findings:
                split[f.resource.account].append(f)
            self.findings.append(split)
            own: dict[str, list[Gap]] = defaultdict(list)
            for g in run.blocked_by:
                if g.account is not None:
                    own[g.account].append(g)
            self.gaps.append(own)
            anywhere = tuple(g for g in run.blocked_by if g.account is None)
            self.empty.append(RuleRun(run.rule, (), anywhere, run.not_collected))
        self._cache: dict[tuple[int, str], RuleRun] = {}

    def run_for(self, n: int, account: str) -> RuleRun:
        """Run ``n`` as account ``account`` sees it."""
        if account not in self.findings[n] and account not in self.gaps[n]:
            return self.empty[n]
        key = (n, account)
        got = self._cache.get(key)
        if got is None:
            run = self.runs[n]
            got = RuleRun(
                rule=run.rule,
                findings=tuple(self.findings[n].get(account, ())),
                blocked_by=tuple(g for g in run.blocked_by if g.account in (None, account)),
                not_collected=run.not_collected,
            )
            self._cache[key] = got
        return got

    def runs_for(self, bp: str, account: str) -> tuple[RuleRun, ...]:
        """The runs of the rules that inform ``bp``, as ``account`` sees them."""
        return tuple(self.run_for(n, account) for n in self.by_bp.get(bp, ()))


class _Decided:
    """Practice decisions shared between accounts that see the same runs (the same run objects: in most accounts
    most practices see only the shared empty runs), so each distinct view is decided once."""

    def __init__(self, today: date) -> None:
        self.today = today
        self._memo: dict[tuple[str, tuple[int, ...]], PracticeResult] = {}

    def decide(self, bp: BestPractice, runs: tuple[RuleRun, ...], att: Attestation | None) -> PracticeResult:
        key = (bp.id, tuple(id(r) for r in runs))
        got = self._memo.get(key)
        if got is None:
            got = decide_practice(bp, Evaluation(runs=runs, gaps=()), att, self.today)
            self._memo[key] = got
        return got


def decide_accounts(
    catalogue: Catalogue,
    evaluation: Evaluation,
    attestations: Mapping[str, Attestation],
    today: date,
    accounts: Iterable[str] = (),
    inventory: Inventory | None = None,
) -> tuple[AccountResult, ...]:
    """Every reviewed account's questions decided from its own evidence, worst account first.

    Worst first means most High questions, then most Medium, then most unanswered, then by account id, so the
    order is the same on every run. A review that names no account (a template scan) has none.
    """
    ids = reviewed_accounts(evaluation, accounts)
    if not ids:
        return ()
    split = _Split(evaluation)
    decided = _Decided(today)
    directory = account_directory(inventory)
    fails: dict[str | None, int] = defaultdict(int)
    for f in evaluation.findings:
        if f.status is FindingStatus.FAIL:
            fails[f.resource.account] += 1
    gaps: dict[str | None, int] = defaultdict(int)
    for g in evaluation.gaps:
        gaps[g.account] += 1
    out: list[AccountResult] = []
    for account in ids:
        questions: list[QuestionResult] = []
        for q in catalogue.questions:
            results = tuple(
                decided.decide(catalogue.practice(bp), split.runs_for(bp, account), attestations.get(bp))
                for bp in q.best_practices
            )
            risk, incomplete = question_risk(results)
            questions.append(QuestionResult(q.id, q.title, q.area, risk, incomplete, results))
        name, ou = directory.get(account, (None, None))
        out.append(
            AccountResult(
                account=account,
                questions=tuple(questions),
                name=name,
                ou=ou,
                failing_findings=fails[account],
                gaps=gaps[account],
            )
        )
    out.sort(key=lambda a: a.sort_key)
    return tuple(out)
