"""The Dask distributed executor: tasks run on a cluster's workers (``--executor dask`` / ``dask-local``).

The only module that imports dask. Each item becomes one Dask task (``pure=False``, so equal payloads are not
merged); a worker lost mid-run has its tasks rescheduled by the scheduler on the others (up to distributed's
``allowed-failures``). Results come back as they finish and are returned by index, so the caller merges them
in plan order whatever the completion order.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Hashable, Sequence
from typing import Any

from wasp.errors import AwsSetupError
from wasp.extras import require

THREADS_PER_WORKER = 4
"""Threads in each LocalCluster worker process: collection waits on the network, not the CPU."""


class DaskExecutor:
    """Run on an existing scheduler (``scheduler``) or on a LocalCluster of ``workers`` processes."""

    name = "dask"

    def __init__(self, scheduler: str | None, workers: int) -> None:
        require("dask", "distributed")
        self.scheduler = scheduler
        self.workers = workers
        self.client: Any = None
        self._cluster: Any = None

    def __enter__(self) -> DaskExecutor:
        from distributed import Client, LocalCluster

        try:
            if self.scheduler:
                self.client = Client(self.scheduler, timeout="30s")
            else:
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
        """Submit every item, gather results as they finish; unfinished ones are cancelled at ``deadline``."""
        from distributed import as_completed

        if not items:
            return {}
        futures = [self.client.submit(fn, item, pure=False) for item in items]
        index = {f.key: i for i, f in enumerate(futures)}
        results: dict[int, Any] = {}
        remaining = None if deadline is None else max(0.0, deadline - time.monotonic())
        try:
            for future in as_completed(futures, timeout=remaining):
                i = index[future.key]
                results[i] = future.result()
                if on_done is not None:
                    on_done(len(results), i, results[i])
        except TimeoutError:
            self.client.cancel([f for i, f in enumerate(futures) if i not in results])
        return results
