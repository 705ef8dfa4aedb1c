"""Run collection tasks on worker threads, fairly between regions, and stop waiting at a deadline.

A region that accepts connections but never answers must not starve the others: each free worker takes
the next task of the (account, region) with the fewest tasks in flight, so a hung region holds at most
its share of the workers. At the deadline the caller stops waiting; workers still blocked in a call are
daemon threads, so they can neither delay the review nor keep the process alive.
"""

from __future__ import annotations

import threading
import time
from collections import Counter
from collections.abc import Callable, Hashable, Sequence
from typing import Generic, TypeVar

T = TypeVar("T")
R = TypeVar("R")


class FairPool(Generic[T, R]):
    """Run ``work`` over ``items`` on ``workers`` daemon threads, balancing in-flight items by ``key``."""

    def __init__(
        self,
        items: Sequence[T],
        work: Callable[[T], R],
        key: Callable[[T], Hashable],
        workers: int,
    ) -> None:
        self._items = items
        self._work = work
        self._key = key
        self._pending = list(range(len(items)))
        self._in_flight: Counter[Hashable] = Counter()
        self._results: dict[int, R] = {}
        self._finished: list[int] = []
        self._error: BaseException | None = None
        self._stopped = False
        self._cond = threading.Condition()
        for n in range(max(1, min(workers, len(items)))):
            threading.Thread(target=self._run, name=f"wasp-collect-{n}", daemon=True).start()

    def _take(self) -> int | None:
        with self._cond:
            if self._stopped or not self._pending:
                return None
            best = min(self._pending, key=lambda i: (self._in_flight[self._key(self._items[i])], i))
            self._pending.remove(best)
            self._in_flight[self._key(self._items[best])] += 1
            return best

    def _run(self) -> None:
        while (index := self._take()) is not None:
            try:
                result = self._work(self._items[index])
            except BaseException as exc:  # noqa: BLE001  # handed to the waiting thread, which re-raises it
                with self._cond:
                    self._error = self._error or exc
                    self._stopped = True
                    self._cond.notify_all()
                return
            with self._cond:
                self._in_flight[self._key(self._items[index])] -= 1
                if not self._stopped:
                    self._results[index] = result
                    self._finished.append(index)
                self._cond.notify_all()

    def result(self, index: int) -> R:
        """The result of a finished item (one already reported to ``wait``'s ``on_done``)."""
        with self._cond:
            return self._results[index]

    def wait(self, deadline: float | None, on_done: Callable[[int, int], None] | None = None) -> dict[int, R]:
        """Wait until every item is done or ``time.monotonic()`` passes ``deadline``; the results by index.

        ``on_done(done count, index)`` is called on this thread as items finish. Items without a result
        did not finish in time; they are abandoned (never started, or left running on a daemon thread).
        An exception raised by ``work`` is re-raised here.
        """
        reported = 0
        with self._cond:
            while True:
                while reported < len(self._finished):
                    index = self._finished[reported]
                    reported += 1
                    if on_done is not None:
                        self._cond.release()
                        try:
                            on_done(reported, index)
                        finally:
                            self._cond.acquire()
                if self._error is not None:
                    raise self._error
                if len(self._results) == len(self._items):
                    break
                remaining = None if deadline is None else deadline - time.monotonic()
                if remaining is not None and remaining <= 0:
                    break
                self._cond.wait(timeout=remaining)
            self._stopped = True
            return dict(self._results)
