"""Per-account and per-(account, service) concurrency limits held by every task in a process."""

from __future__ import annotations

import pickle
import threading
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from typing import Any

import boto3
import pytest
from botocore.awsrequest import AWSResponse

from wasp.cli.org_options import OrgFlags
from wasp.errors import InputError
from wasp.model import Workload
from wasp.org import access, work
from wasp.org.access import AccountOpener
from wasp.org.collect import collect_accounts
from wasp.org.executor import ThreadExecutor, make_executor
from wasp.org.limits import LIMITS, LimiterKind, Limits, limiter
from wasp.org.work import RunSettings, TaskSpec, run_spec


def _try(
    limits: Limits, account: str, service: str, entered: threading.Event, release: threading.Event
) -> None:
    with limits.hold(account, service, per_account=4, per_service=3):
        entered.set()
        release.wait()


def test_a_service_and_an_account_hold_at_most_their_limits() -> None:
    limits = Limits()
    release = threading.Event()
    with ExitStack() as held:
        for _ in range(3):  # the service's limit, taken without blocking
            held.enter_context(limits.hold("111122223333", "ec2", per_account=4, per_service=3))
        fourth_ec2, other_service, fifth_task, other_account = (threading.Event() for _ in range(4))
        threads = [
            threading.Thread(target=_try, args=(limits, "111122223333", "ec2", fourth_ec2, release)),
            threading.Thread(target=_try, args=(limits, "111122223333", "s3", other_service, release)),
        ]
        for t in threads:
            t.start()
        assert other_service.wait(10), "another service of the account fits in the account's limit"
        assert not fourth_ec2.is_set(), "a fourth ec2 task of the account waits"
        blocked = threading.Thread(target=_try, args=(limits, "111122223333", "kms", fifth_task, release))
        elsewhere = threading.Thread(
            target=_try, args=(limits, "210987654321", "ec2", other_account, release)
        )
        threads += [blocked, elsewhere]
        blocked.start()
        elsewhere.start()
        assert other_account.wait(10), "other accounts are not held back"
        assert not fifth_task.is_set() and not fourth_ec2.is_set(), "the account already runs 4 tasks"
    release.set()
    for t in threads:
        t.join(10)
    assert fourth_ec2.is_set() and fifth_task.is_set()


def test_the_executor_names_the_limiter_and_the_task_takes_it_where_it_runs() -> None:
    assert ThreadExecutor(2).limiter == "process"
    assert limiter("process") is LIMITS
    with pytest.raises(ValueError, match="unknown limiter"):
        limiter("host")
    pytest.importorskip("distributed")
    from wasp.org.dask_executor import ClusterLimits

    assert make_executor("dask-local", 2).limiter == "cluster"  # not started: no cluster needed
    assert make_executor("dask", 2, "tcp://127.0.0.1:1").limiter == "cluster"
    assert isinstance(limiter("cluster"), ClusterLimits)


class _Recording:
    """An executor that records the settings its tasks get and runs nothing (no account opens)."""

    name = "recording"
    per_account = 5
    per_service = 2

    def __init__(self, kind: LimiterKind) -> None:
        self.limiter: LimiterKind = kind
        self.settings: list[RunSettings] = []

    def __enter__(self) -> _Recording:
        return self

    def __exit__(self, *exc: object) -> None:
        return None

    def map(self, fn: Any, items: Any, key: Any, deadline: Any, on_done: Any = None) -> dict[int, Any]:
        self.settings.append(fn.args[0])
        return {}


@pytest.mark.parametrize("kind", ["process", "cluster"])
def test_the_review_tells_its_tasks_the_executors_limiter(aws: None, kind: LimiterKind) -> None:
    executor = _Recording(kind)
    collect_accounts(Workload(name="w", regions=("eu-west-2",)), executor, collectors=["s3"])
    assert executor.settings and {s.limiter for s in executor.settings} == {kind}
    assert {(s.per_account, s.per_service) for s in executor.settings} == {(5, 2)}
    assert b"Semaphore" not in pickle.dumps(executor.settings[0])  # a name travels, not a client


def test_run_spec_holds_the_limits_of_the_limiter_its_settings_name(
    aws: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    asked: list[str] = []
    held: list[tuple[str, str, int, int]] = []

    class Recorder:
        @contextmanager
        def hold(self, account: str, service: str, per_account: int, per_service: int) -> Iterator[None]:
            held.append((account, service, per_account, per_service))
            yield

    def chosen(kind: str) -> Recorder:
        asked.append(kind)
        return Recorder()

    monkeypatch.setattr(work, "limiter", chosen)
    own = boto3.client("sts").get_caller_identity()["Account"]
    opener = AccountOpener(None, "eu-west-2", None, own)
    settings = RunSettings(opener, ("eu-west-2",), per_account=5, per_service=2, limiter="cluster")
    record = run_spec(settings, TaskSpec(own, "eu-west-2", "s3"))
    assert asked == ["cluster"] and held == [(own, "s3", 5, 2)]
    assert record.calls, "the task ran within the limits"


def test_throttling_is_retried_adaptively_and_counted_not_turned_into_gaps(
    aws: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    """ListBuckets answers ThrottlingException twice, then moto answers: two retries, no gap."""
    throttled: list[str] = []
    modes: list[str | None] = []
    real = access._session

    def throttle(request: Any, **_: Any) -> AWSResponse | None:
        if len(throttled) >= 2:
            return None
        throttled.append(request.url)
        body = b"<Error><Code>ThrottlingException</Code><Message>Rate exceeded</Message></Error>"
        return AWSResponse(request.url, 400, {}, _Raw(body))

    def session(creds: dict[str, str], region: str) -> boto3.session.Session:
        made = real(creds, region)
        made._session.get_component("event_emitter").register_first("before-send.s3.ListBuckets", throttle)
        return made

    monkeypatch.setattr(access, "_session", session)
    real_factory = access.ClientFactory

    def factory(session: boto3.session.Session, config: Any = None, lean: bool = False) -> Any:
        modes.append(config.retries.get("mode") if config is not None else None)
        return real_factory(session, config, lean)

    monkeypatch.setattr(access, "ClientFactory", factory)
    own = boto3.client("sts").get_caller_identity()["Account"]
    boto3.client("s3", region_name="eu-west-2").create_bucket(
        Bucket="throttled-bucket", CreateBucketConfiguration={"LocationConstraint": "eu-west-2"}
    )
    record = run_spec(
        RunSettings(AccountOpener(None, "eu-west-2", None, own), ("eu-west-2",)),
        TaskSpec(own, "eu-west-2", "s3"),
    )
    assert modes == ["adaptive"]
    assert len(throttled) == 2 and record.retries >= 2
    assert not [g for g in record.gaps if g.operation == "ListBuckets"], record.gaps
    assert any(r.type == "AWS::S3::Bucket" for r in record.resources)


class _Raw:
    """The raw body of an injected HTTP response."""

    def __init__(self, body: bytes) -> None:
        self.body = body

    def stream(self, **_: Any) -> Iterator[bytes]:
        yield self.body


def test_the_limits_are_flags_the_executor_carries_to_its_tasks() -> None:
    assert OrgFlags().executor_for(4) is None, "the default threads and limits need no executor"
    chosen = OrgFlags(per_account_concurrency=2).executor_for(4)
    assert isinstance(chosen, ThreadExecutor) and (chosen.per_account, chosen.per_service) == (2, 3)
    assert (chosen.workers, chosen.limiter) == (4, "process")
    with pytest.raises(InputError, match="at least 1"):
        make_executor("threads", 2, per_service=0)
    pytest.importorskip("distributed")
    dask = OrgFlags(executor="dask-local", per_service_concurrency=1).executor_for(2)
    assert dask is not None and (dask.per_account, dask.per_service, dask.limiter) == (6, 1, "cluster")


def test_review_help_lists_the_concurrency_flags() -> None:
    from click.testing import CliRunner

    from wasp.cli.app import cli

    shown = CliRunner().invoke(cli, ["review", "--help"], terminal_width=200).output
    assert "--per-account-concurrency" in shown and "--per-service-concurrency" in shown
