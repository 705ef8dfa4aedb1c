"""Per-account and per-(account, service) concurrency limits, held by each task in the process it runs in.

AWS rate limits are per account (and per service within it): bounding how many tasks of one account, and of
one service in it, run at once keeps a many-worker review from turning throttling into retries and gaps.
Limits are per process: on Dask each worker process applies them to the tasks it runs.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager

PER_ACCOUNT = 6
"""Tasks of one account running at once in one process."""
PER_SERVICE = 3
"""Tasks of one service in one account running at once in one process."""


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
