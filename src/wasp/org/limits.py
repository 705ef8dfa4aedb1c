"""Per-account and per-(account, service) concurrency limits, held by each task around its API calls.

AWS rate limits are per account (and per service within it): bounding how many tasks of one account, and of
one service in it, run at once keeps a many-worker review from turning throttling into retries and gaps.
Two limiters hold the same limits: :class:`Limits` (``"process"``), threading semaphores of the process a task
runs in, for the thread executor; and the cluster's (``"cluster"``,
:class:`wasp.org.dask_executor.ClusterLimits`), Dask semaphores held by the scheduler, so that K worker
processes together run no more of one account's tasks than one process would. The executor names the limiter
in :class:`wasp.org.work.RunSettings`; the task picks it with :func:`limiter` where it runs.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import AbstractContextManager, contextmanager
from typing import Literal, Protocol

PER_ACCOUNT = 6
"""Tasks of one account running at once (in one process, or on the whole cluster on Dask)."""
PER_SERVICE = 3
"""Tasks of one service in one account running at once (in one process, or on the whole cluster)."""

LimiterKind = Literal["process", "cluster"]
"""Where limits are held: in the task's process, or cluster-wide (Dask)."""
LIMITERS: tuple[str, ...] = ("process", "cluster")


class Limiter(Protocol):
    """Holds the limits of one task: its service's slot first, then its account's."""

    def hold(
        self, account: str, service: str, per_account: int = PER_ACCOUNT, per_service: int = PER_SERVICE
    ) -> AbstractContextManager[None]:
        """Run the body within both limits."""
        ...


class Limits:
    """Bounded semaphores created on first use; acquired service first, then account (always in that order).

    A task waiting for its service's slot holds nothing, so it never keeps another service of the same account
    from running; one waiting for the account's slot holds only its service's slot.
    """

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._held: dict[tuple[str, ...], threading.BoundedSemaphore] = {}

    def _semaphore(self, key: tuple[str, ...], size: int) -> threading.BoundedSemaphore:
        with self._lock:
            return self._held.setdefault(key, threading.BoundedSemaphore(max(1, size)))

    @contextmanager
    def hold(
        self, account: str, service: str, per_account: int = PER_ACCOUNT, per_service: int = PER_SERVICE
    ) -> Iterator[None]:
        """Run the body within both limits."""
        with self._semaphore((account, service), per_service), self._semaphore((account,), per_account):
            yield


LIMITS = Limits()
"""This process's limits."""


def limiter(kind: str) -> Limiter:
    """The limiter named ``kind``: this process's (``"process"``) or the Dask cluster's (``"cluster"``).

    The cluster's is imported only when named, in a task running on a Dask worker.
    """
    if kind == "process":
        return LIMITS
    if kind == "cluster":
        from wasp.org.dask_executor import CLUSTER_LIMITS

        return CLUSTER_LIMITS
    raise ValueError(f"unknown limiter {kind!r}; choose from {', '.join(LIMITERS)}")
