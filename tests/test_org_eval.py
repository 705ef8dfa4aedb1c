"""Workers collect and evaluate (#16): the tasks decide the rules that need only their resources, and the
review is byte-identical to one that decides everything centrally, on threads and on Dask."""

from __future__ import annotations

import json
import pickle
import urllib.request
from collections.abc import Iterator
from datetime import UTC, datetime
from typing import Any

import boto3
import pytest

from wasp.engine.evaluate import RULE_ERROR, evaluate
from wasp.engine.local import LocalEvaluator, decide, local_rules
from wasp.model import ACCOUNT_TYPE, FindingStatus, Inventory, Origin, Resource, Workload
from wasp.model.evaluated import Evaluated
from wasp.model.rule import (
    Remediation,
    ResourceView,
    Rule,
    RuleContext,
    RuleMeta,
    Verdict,
    WorkloadScope,
    failed,
    passed,
)
from wasp.model.status import OriginKind, Severity
from wasp.org import access
from wasp.org.emulate import SeededOrg, seed_org
from wasp.org.executor import make_executor
from wasp.org.reuse import WorkerFindings, worker_findings
from wasp.report import review_dict
from wasp.workflow import review_live

REGION = "us-east-1"
ROLE = "WaspReadOnly"
NOW = datetime(2026, 6, 1, tzinfo=UTC)
COLLECTORS = ["organizations", "s3", "vpc"]
BUCKETS = 4
"""Extra buckets per member, so that most findings are about resources, as in a real workload account."""
TYPE = "AWS::S3::Bucket"


# ---- the mechanism, without AWS: a task's decisions reused by the review --------------------------------------


def _resource(rid: str, account: str = "111111111111", **props: Any) -> Resource:
    return Resource(TYPE, rid, props, Origin(OriginKind.LIVE, account=account, region=REGION))


def _rule(name: str, check: Any, related: tuple[str, ...] = ()) -> Rule:
    meta = RuleMeta(
        title=name,
        resource_type=TYPE,
        best_practices=("SEC08-BP02",),
        severity=Severity.MEDIUM,
        description=name,
        remediation=Remediation("console", "cli", "cloudformation", "terraform"),
        related_types=related,
    )
    return Rule(id=name, meta=meta, examples=(), evaluate=check)


def _versioned(view: ResourceView, ctx: RuleContext) -> Verdict | None:
    return passed("versioned") if view.get("Versioned") else failed("not versioned")


def _sneaky(view: ResourceView, ctx: RuleContext) -> Verdict | None:
    """Declares no related types, yet looks at the other buckets (and hides the refusal from itself)."""
    try:
        others = ctx.inventory.of_type(TYPE)
    except Exception:  # noqa: BLE001 - a rule that swallows errors must not turn the refusal into a verdict
        return passed("could not look")
    return failed("shares a name") if len(others) > 1 else passed("alone")


def _bare(view: ResourceView, ctx: RuleContext) -> Verdict | None:
    """Catches even the refusal: the task notices the query and defers anyway."""
    try:
        ctx.inventory.find(TYPE, Name="x")
    except BaseException:  # noqa: BLE001 - the point of this fake rule
        return passed("could not look")
    return failed("looked")


def _broken(view: ResourceView, ctx: RuleContext) -> Verdict | None:
    raise ValueError("a policy of an unexpected shape")


RULES = (
    _rule("versioned", _versioned),
    _rule("sneaky", _sneaky),
    _rule("bare", _bare),
    _rule("broken", _broken),
)
SCOPE = WorkloadScope(regions=(REGION,), accounts=("111111111111",))


def _centrally_and_reused(
    inventory: Inventory, tasks: list[tuple[Resource, ...]]
) -> tuple[Any, Any, WorkerFindings]:
    ctx = RuleContext(inventory=inventory, workload=SCOPE, now=NOW)
    decided = [decide(resources, local_rules(RULES), NOW, SCOPE) for resources in tasks]
    table = worker_findings(
        inventory,
        [(resources, d.evaluated) for resources, d in zip(tasks, decided, strict=True)],
        LocalEvaluator(NOW, SCOPE),
        sum(d.deferred for d in decided),
    )
    central = evaluate(RULES, inventory, ctx, observed_at=NOW)
    reused = evaluate(RULES, inventory, ctx, observed_at=NOW, precomputed=table)
    return central, reused, table


def test_a_rule_that_queries_the_inventory_without_declaring_it_is_deferred_not_wrong() -> None:
    a, b = _resource("a", Versioned=True), _resource("b")
    decided = decide((a, b), local_rules(RULES), NOW, SCOPE)
    assert {(e.resource, e.rule) for e in decided.evaluated} == {
        (0, "versioned"),
        (1, "versioned"),
        (0, "broken"),
        (1, "broken"),
    }
    assert decided.deferred == 4, "sneaky and bare on both buckets are left to the review"
    inventory = Inventory()
    inventory.mark_collected(TYPE)
    inventory.extend([a, b])
    central, reused, table = _centrally_and_reused(inventory, [(a, b)])
    assert reused == central
    sneaky = [f for f in reused.findings if f.rule == "sneaky"]
    assert [f.status for f in sneaky] == [FindingStatus.FAIL] * 2, "decided over the whole inventory"
    assert table.taken(reused.findings) == 4 and table.deferred == 4


def test_a_rule_error_in_a_task_is_an_unknown_finding_and_the_rule_error_gap_as_in_the_review() -> None:
    a = _resource("a")
    decided = decide((a,), local_rules(RULES), NOW, SCOPE)
    (broken,) = [e.finding for e in decided.evaluated if e.rule == "broken"]
    assert broken is not None and broken.status is FindingStatus.UNKNOWN
    assert broken.message.startswith(f"{RULE_ERROR}: broken: ValueError")
    assert "unexpected shape" not in broken.message, "the exception's text stays out, as in the review"
    inventory = Inventory()
    inventory.mark_collected(TYPE)
    inventory.add(a)
    central, reused, table = _centrally_and_reused(inventory, [(a,)])
    assert reused == central
    assert [g.error for g in reused.gaps] == ["rule_error"] and reused.gaps[0].rules == ("broken",)
    assert table.taken(reused.findings) == 2, "the rule error and the versioning verdict came from the task"


def test_a_resource_the_merge_dropped_or_replaced_keeps_no_task_finding() -> None:
    kept, dropped = _resource("kept", Versioned=True), _resource("dropped")
    first, second = _resource("twice", Versioned=True), _resource("twice", Versioned=False, Extra=1)
    inventory = Inventory()
    inventory.mark_collected(TYPE)
    inventory.extend([kept, first, second])  # 'dropped' left out, as scope tags would; 'twice' merged
    central, reused, table = _centrally_and_reused(inventory, [(kept, dropped, first), (second,)])
    assert {k[3] for decided in table.values() for k in decided} == {"kept"}
    assert reused == central
    assert [f.status for f in reused.findings if f.rule == "versioned"] == [
        FindingStatus.PASS,
        FindingStatus.FAIL,
    ], "the merged bucket is decided centrally, on its merged properties (the later collector wins)"


def test_task_findings_are_compact_picklable_records() -> None:
    decided = decide((_resource("a"),), local_rules(RULES), NOW, SCOPE)
    again = pickle.loads(pickle.dumps(decided))
    assert again == decided and all(isinstance(e, Evaluated) for e in again.evaluated)
    assert pickle.loads(pickle.dumps(LocalEvaluator(NOW, SCOPE))) == LocalEvaluator(NOW, SCOPE)


def test_findings_decided_with_another_time_or_scope_are_not_reused() -> None:
    from wasp.collect.runner import CollectionStats
    from wasp.engine.review import scope_of
    from wasp.workflow import _reusable

    a = _resource("a")
    inventory = Inventory()
    inventory.add(a)
    workload = Workload(name="org", regions=(REGION,), accounts=("111111111111",))
    decided = decide((a,), local_rules(RULES), NOW, scope_of(workload))
    stats = CollectionStats()
    stats.worker_findings = worker_findings(
        inventory, [((a,), decided.evaluated)], LocalEvaluator(NOW, scope_of(workload))
    )
    assert _reusable(stats, NOW, workload) is stats.worker_findings
    assert _reusable(stats, datetime(2026, 6, 2, tzinfo=UTC), workload) is None
    assert _reusable(stats, NOW, Workload(name="org", regions=(REGION,), accounts=("222222222222",))) is None
    assert _reusable(CollectionStats(), NOW, workload) is None


# ---- an emulated organisation, on a moto server (Dask workers reach it over HTTP) ------------------------------


@pytest.fixture(scope="module")
def server_org() -> Iterator[tuple[SeededOrg, str]]:
    """A moto server on 127.0.0.1 holding an organisation of 3 members, each with a few more buckets."""
    from moto.server import ThreadedMotoServer

    server = ThreadedMotoServer(ip_address="127.0.0.1", port=0, verbose=False)
    server.start()
    host, port = server.get_host_and_port()
    url = f"http://{host}:{port}"
    urllib.request.urlopen(urllib.request.Request(f"{url}/moto-api/reset", method="POST")).read()
    with pytest.MonkeyPatch.context() as mp:
        for var in ("AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN"):
            mp.setenv(var, "testing")
        mp.setenv("AWS_ENDPOINT_URL", url)
        session = boto3.session.Session(region_name=REGION)
        org = seed_org(session, 3, REGION, ROLE)
        sts = session.client("sts")
        for n, member in enumerate(org.members):
            creds = sts.assume_role(RoleArn=f"arn:aws:iam::{member}:role/{ROLE}", RoleSessionName="seed")
            c = creds["Credentials"]
            s3 = boto3.client(
                "s3",
                region_name=REGION,
                aws_access_key_id=c["AccessKeyId"],
                aws_secret_access_key=c["SecretAccessKey"],
                aws_session_token=c["SessionToken"],
            )
            for b in range(BUCKETS):
                s3.create_bucket(Bucket=f"extra-{member}-{b}")
                if (n + b) % 2:
                    s3.put_bucket_versioning(
                        Bucket=f"extra-{member}-{b}", VersioningConfiguration={"Status": "Enabled"}
                    )
        yield org, url
    server.stop()


@pytest.fixture
def endpoint(server_org: tuple[SeededOrg, str], monkeypatch: pytest.MonkeyPatch) -> SeededOrg:
    monkeypatch.setenv("AWS_ENDPOINT_URL", server_org[1])
    access.forget_credentials()
    return server_org[0]


def _review(executor: Any = None, on_workers: bool = True, **kw: Any) -> tuple[str, Any]:
    workload = Workload(name="org", regions=(REGION,), role_name=ROLE, org=True, **kw)
    run = review_live(
        workload, collectors=COLLECTORS, now=NOW, executor=executor, evaluate_on_workers=on_workers
    )
    assert run.stats.accounts_reviewed == 4
    return json.dumps(review_dict(run.review), sort_keys=False), run.stats


@pytest.fixture(scope="module")
def central(server_org: tuple[SeededOrg, str]) -> str:
    """The review JSON with every rule decided in the review process (computed once)."""
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("AWS_ENDPOINT_URL", server_org[1])
        for var in ("AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN"):
            mp.setenv(var, "testing")
        access.forget_credentials()
        doc, stats = _review(on_workers=False)
    assert stats.worker_findings is None and stats.findings_on_workers == 0
    return doc


def test_the_review_is_byte_identical_with_and_without_evaluation_on_the_workers(
    endpoint: SeededOrg, central: str
) -> None:
    doc, stats = _review()
    assert doc == central
    assert stats.findings_total == len(json.loads(doc)["findings"])
    assert stats.findings_on_workers > stats.findings_total / 2, "most findings were decided in the tasks"
    assert isinstance(stats.worker_findings, WorkerFindings)
    assert TYPE in {k[0] for decided in stats.worker_findings.values() for k in decided}


def test_resources_outside_the_scope_tags_keep_no_task_finding(endpoint: SeededOrg) -> None:
    tags = {"team": "nobody"}  # no resource carries it: the merge drops every bucket and VPC
    doc, stats = _review(scope_tags=tags)
    assert doc == _review(on_workers=False, scope_tags=tags)[0]
    kinds = {k[0] for decided in stats.worker_findings.values() for k in decided}
    assert kinds == {ACCOUNT_TYPE}, "only accounts are always in scope"


@pytest.mark.slow
def test_dask_workers_evaluate_too_and_the_review_is_unchanged(endpoint: SeededOrg, central: str) -> None:
    pytest.importorskip("distributed")
    doc, stats = _review(make_executor("dask-local", 2))
    assert doc == central
    assert stats.executor == "dask" and stats.findings_on_workers > stats.findings_total / 2


def test_wasp_review_says_how_many_findings_the_workers_decided(
    endpoint: SeededOrg, tmp_path: Any, capsys: pytest.CaptureFixture[str]
) -> None:
    import re

    from wasp.cli.app import main

    args = [
        "review",
        "--org",
        "--role-name",
        ROLE,
        "--regions",
        REGION,
        "--collectors",
        "s3",
        "-o",
        str(tmp_path),
    ]
    with pytest.raises(SystemExit) as exc:
        main(args)
    output = " ".join((lambda c: c.out + c.err)(capsys.readouterr()).split())
    assert exc.value.code in (0, None), output
    said = re.search(r"findings evaluated on workers: (\d+) of (\d+)", output)
    assert said, output
    findings = json.loads((tmp_path / "review.json").read_text())["findings"]
    assert 0 < int(said[1]) < int(said[2]) == len(findings)
