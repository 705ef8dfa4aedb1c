"""One executor interface, two implementations: a bounded local thread pool (default) and Dask distributed.

``map(fn, items, key, deadline, on_done)`` runs ``fn(item)`` for every item and returns the results by index;
items without a result did not finish before ``deadline``. ``fn`` must be a picklable callable (a
``functools.partial`` of a module-level function) so that a Dask worker can run it. The thread pool lives in
this module; Dask is imported only in :mod:`wasp.org.dask_executor`, when it is chosen.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Sequence
from typing import Any, Literal, Protocol, TypeVar

from wasp.collect.schedule import FairPool
from wasp.errors import InputError
from wasp.org.limits import PER_ACCOUNT, PER_SERVICE, LimiterKind

T = TypeVar("T")
R = TypeVar("R")

ExecutorKind = Literal["threads", "dask", "dask-local"]
EXECUTORS: tuple[str, ...] = ("threads", "dask", "dask-local")


class Executor(Protocol):
    """Where tasks run. Used as a context manager: entering starts it (a cluster), leaving stops it."""

    name: str
    limiter: LimiterKind
    """Where tasks hold the concurrency limits (:func:`wasp.org.limits.limiter`): ``"process"`` when all
    tasks run in this process, ``"cluster"`` when they run on several."""
    per_account: int
    """Tasks of one account running at once (in this process, or cluster-wide)."""
    per_service: int
    """Tasks of one service in one account running at once."""

    def __enter__(self) -> Executor: ...

    def __exit__(self, *exc: object) -> None: ...

    def map(
        self,
        fn: Callable[[Any], Any],
        items: Sequence[Any],
        key: Callable[[Any], Hashable],
        deadline: float | None,
        on_done: Callable[[int, int, Any], None] | None = None,
    ) -> dict[int, Any]:
        """``fn`` over ``items``: results by index (missing: unfinished at ``deadline``, a monotonic time).

        ``on_done(done count, index, result)`` is called on the calling thread as items finish.
        """
        ...


class ThreadExecutor:
    """The bounded thread pool of this process, fair between ``key`` groups (see :class:`FairPool`)."""

    name = "threads"
    limiter: LimiterKind = "process"
    """Every task runs in this process: its threading semaphores hold the limits."""

    def __init__(self, workers: int, per_account: int = PER_ACCOUNT, per_service: int = PER_SERVICE) -> None:
        self.workers = workers
        self.per_account = per_account
        self.per_service = per_service

    def __enter__(self) -> ThreadExecutor:
        return self

    def __exit__(self, *exc: object) -> None:
        return None

    def map(
        self,
        fn: Callable[[Any], Any],
        items: Sequence[Any],
        key: Callable[[Any], Hashable],
        deadline: float | None,
        on_done: Callable[[int, int, Any], None] | None = None,
    ) -> dict[int, Any]:
        """Run on ``workers`` daemon threads."""
        if not items:
            return {}
        pool = FairPool(items, fn, key=key, workers=self.workers)
        if on_done is None:
            return pool.wait(deadline)
        report = on_done
        return pool.wait(deadline, lambda done, i: report(done, i, pool.result(i)))


def make_executor(
    kind: str,
    workers: int,
    scheduler: str | None = None,
    per_account: int = PER_ACCOUNT,
    per_service: int = PER_SERVICE,
) -> Executor:
    """The executor named on the command line, with the concurrency limits its tasks hold; Dask's are
    imported only here, when chosen."""
    if per_account < 1 or per_service < 1:
        raise InputError("--per-account-concurrency and --per-service-concurrency must be at least 1")
    if kind == "threads":
        if scheduler:
            raise InputError("--scheduler names a Dask scheduler: use it with --executor dask")
        return ThreadExecutor(workers, per_account, per_service)
    if kind not in ("dask", "dask-local"):
        raise InputError(f"unknown executor {kind!r}; choose from {', '.join(EXECUTORS)}")
    if kind == "dask" and not scheduler:
        raise InputError("--executor dask needs --scheduler tcp://HOST:8786 (or use --executor dask-local)")
    if kind == "dask-local" and scheduler:
        raise InputError(
            "--executor dask-local starts its own cluster: drop --scheduler (or use --executor dask)"
        )
    from wasp.org.dask_executor import DaskExecutor

    return DaskExecutor(
        scheduler=scheduler, workers=workers, per_account=per_account, per_service=per_service
    )
