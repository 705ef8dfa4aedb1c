"""The Dask distributed executor: tasks run on a cluster's workers (``--executor dask`` / ``dask-local``).

The only module that imports dask. Each item becomes one Dask task (``pure=False``, so equal payloads are not
merged); a worker lost mid-run has its tasks rescheduled by the scheduler on the others (up to distributed's
``allowed-failures``). Results come back as they finish and are returned by index, so the caller merges them
in plan order whatever the completion order.

Concurrency limits are held cluster-wide (:class:`ClusterLimits`): the executor names the ``"cluster"`` limiter,
and each task takes Dask semaphores (``distributed.Semaphore``) held by the scheduler, named per account and per
(account, service), so one account never runs more tasks at once on K workers than on one process.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Hashable, Iterator, Sequence
from contextlib import contextmanager
from typing import Any

from wasp.errors import AwsSetupError
from wasp.extras import require
from wasp.org.limits import PER_ACCOUNT, PER_SERVICE, LimiterKind

THREADS_PER_WORKER = 4
"""Threads in each LocalCluster worker process: collection waits on the network, not the CPU."""

LEASE_TIMEOUT = "20s"
"""A semaphore lease not refreshed for this long is released by the scheduler (a lost worker's leases expire,
so the tasks Dask retries elsewhere are not held back). Holders refresh every fifth of it (4 s), so a busy
worker does not lose a lease it still holds."""
LEASE_VALIDATION = "2s"
"""How often the scheduler looks for expired leases: a lost worker's slots are free within 22 s."""
LOCK_CONFIG = {
    "distributed.scheduler.locks.lease-timeout": LEASE_TIMEOUT,
    "distributed.scheduler.locks.lease-validation-interval": LEASE_VALIDATION,
}
"""Dask settings for the LocalCluster of ``dask-local`` (its scheduler and, through the nannies, its workers).
An existing cluster (``--executor dask``) keeps its own (distributed's defaults: 30 s and 10 s)."""


class ClusterLimits:
    """The limits held cluster-wide: one Dask semaphore per account and one per (account, service).

    Used in a task on a Dask worker (the semaphores reach the scheduler through the worker). Acquired service
    first, then account, as :class:`wasp.org.limits.Limits` does, so nothing deadlocks. A semaphore's name
    carries its size, so reviews with other limits on the same cluster never clash, and concurrent reviews
    with the same limits share them (they share the accounts' API rate limits too).
    """

    @contextmanager
    def hold(
        self, account: str, service: str, per_account: int = PER_ACCOUNT, per_service: int = PER_SERVICE
    ) -> Iterator[None]:
        """Run the body within both limits, across every worker of the cluster."""
        with (
            _lease(f"wasp-limit/{account}/{service}/{per_service}", per_service),
            _lease(f"wasp-limit/{account}/{per_account}", per_account),
        ):
            yield


CLUSTER_LIMITS = ClusterLimits()
"""The cluster's limits (stateless: the scheduler holds them)."""


@contextmanager
def _lease(name: str, size: int) -> Iterator[None]:
    """One lease of the cluster semaphore ``name`` of ``size`` leases, for the body."""
    from distributed import Semaphore

    semaphore = Semaphore(max_leases=max(1, size), name=name)
    try:
        with semaphore:
            yield
    finally:
        # the semaphore refreshes its leases on the worker's event loop until stopped; stop it there, after the
        # start its constructor scheduled, so no refresh outlives the task
        refresh = getattr(semaphore, "refresh_callback", None)
        loop = semaphore.loop
        if refresh is not None and loop is not None:
            loop.add_callback(refresh.stop)


class DaskExecutor:
    """Run on an existing scheduler (``scheduler``) or on a LocalCluster of ``workers`` processes."""

    name = "dask"
    limiter: LimiterKind = "cluster"
    """Tasks hold the concurrency limits cluster-wide (:class:`ClusterLimits`)."""

    def __init__(
        self,
        scheduler: str | None,
        workers: int,
        per_account: int = PER_ACCOUNT,
        per_service: int = PER_SERVICE,
    ) -> None:
        require("dask", "distributed")
        self.scheduler = scheduler
        self.workers = workers
        self.per_account = per_account
        self.per_service = per_service
        self.client: Any = None
        self._cluster: Any = None

    def __enter__(self) -> DaskExecutor:
        import dask
        from distributed import Client, LocalCluster

        try:
            if self.scheduler:
                self.client = Client(self.scheduler, timeout="30s")
            else:
                with dask.config.set(LOCK_CONFIG):
                    self._cluster = LocalCluster(
                        n_workers=self.workers,
                        threads_per_worker=THREADS_PER_WORKER,
                        processes=True,
                        dashboard_address=None,
                        host="127.0.0.1",
                    )
                self.client = Client(self._cluster)
        except OSError as exc:
            self.__exit__()
            raise AwsSetupError(
                f"cannot reach the Dask scheduler {self.scheduler or '(local cluster)'}: {exc}; start it with "
                "`dask scheduler` and `dask worker ADDRESS` (docs/org.md)"
            ) from exc
        return self

    def __exit__(self, *exc: object) -> None:
        if self.client is not None:
            self.client.close()
            self.client = None
        if self._cluster is not None:
            self._cluster.close()
            self._cluster = None

    def map(
        self,
        fn: Callable[[Any], Any],
        items: Sequence[Any],
        key: Callable[[Any], Hashable],
        deadline: float | None,
        on_done: Callable[[int, int, Any], None] | None = None,
    ) -> dict[int, Any]:
        """Submit every item, gather results as they finish; unfinished ones are cancelled at ``deadline``.

        A result is let go on the cluster as soon as it is here (its future is dropped), so a worker does not
        hold every result it computed until the last task ends.
        """
        from distributed import as_completed

        if not items:
            return {}
        unfinished = {i: self.client.submit(fn, item, pure=False) for i, item in enumerate(items)}
        index = {f.key: i for i, f in unfinished.items()}
        results: dict[int, Any] = {}
        remaining = None if deadline is None else max(0.0, deadline - time.monotonic())
        try:
            for future in as_completed(list(unfinished.values()), timeout=remaining):
                i = index[future.key]
                results[i] = future.result()
                del unfinished[i], future
                if on_done is not None:
                    on_done(len(results), i, results[i])
        except TimeoutError:
            self.client.cancel(list(unfinished.values()))
        return results
