"""Per-account and per-(account, service) concurrency limits held by every task in a process."""

from __future__ import annotations

import threading
from contextlib import ExitStack

from wasp.org.limits import Limits


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
