"""Create boto3 clients per account and region: adaptive retries, custom endpoints, a call counter."""

from __future__ import annotations

import functools
import threading
from collections import Counter
from typing import Any

import boto3
from botocore.config import Config

from wasp.collect.endpoints import fix_s3control
from wasp.collect.lean_models import LeanLoader, shared_loader
from wasp.collect.responses import check_response_body

DEFAULT_MAX_ATTEMPTS = 3
"""Attempts per call, the first included (botocore's own default): throttling is absorbed by adaptive rate
limiting; an endpoint that keeps failing (or an emulator lacking a service) costs seconds, not minutes."""
USER_AGENT = "wasp-security-review"
CONNECT_TIMEOUT = 10.0
"""Seconds to open a connection: longer means the endpoint is unreachable."""
READ_TIMEOUT = 60.0
"""Seconds to wait for an answer: longer means the endpoint accepted the call but will not answer."""


def call_timeouts(budget: float | None, max_attempts: int = DEFAULT_MAX_ATTEMPTS) -> tuple[float, float]:
    """(connect, read) timeouts per attempt so that one call, retries included, uses at most a quarter
    of the review's time budget (``budget`` seconds, None for no budget), and never more than the
    defaults; at least one second each."""
    if budget is None:
        return CONNECT_TIMEOUT, READ_TIMEOUT
    share = budget / (4 * max(1, max_attempts))
    return max(1.0, min(CONNECT_TIMEOUT, share)), max(1.0, min(READ_TIMEOUT, share))


def client_config(
    max_attempts: int = DEFAULT_MAX_ATTEMPTS, pool: int = 16, budget: float | None = None
) -> Config:
    """Adaptive retries (client-side rate limiting on throttling), bounded timeouts, a user agent.

    ``budget`` is the review's deadline in seconds: per-call timeouts shrink to fit it (see
    :func:`call_timeouts`), so a region that accepts connections but never answers cannot hold a task
    for longer than the review may take.
    """
    connect, read = call_timeouts(budget, max_attempts)
    return Config(
        # total_max_attempts counts the first attempt, as --max-attempts and call_timeouts do;
        # botocore's "max_attempts" key counts retries only (3 would mean 4 attempts)
        retries={"mode": "adaptive", "total_max_attempts": max_attempts},
        connect_timeout=connect,
        read_timeout=read,
        max_pool_connections=pool,
        user_agent_extra=USER_AGENT,
    )


class ClientFactory:
    """Clients for one account's credentials, cached per (service, region), and an API-call count.

    boto3 sessions are not thread-safe for creating clients, so creation is locked; the clients
    themselves are safe to share between threads. ``AWS_ENDPOINT_URL`` (and the per-service variants)
    are honoured by botocore itself, so any emulator works.

    Counting has its own lock, and a client already made is returned without taking the creation lock:
    creating a client takes tens of milliseconds, and no call in flight should wait for it.
    """

    def __init__(
        self, session: boto3.session.Session, config: Config | None = None, lean: bool = False
    ) -> None:
        self._session = session
        self._loader = install_lean_loader(session) if lean else None
        self._whole: set[tuple[str, str]] = set()
        """(service, region) keys whose client was made again from the service's whole model."""
        self._config = config or client_config()
        self._clients: dict[tuple[str, str], Any] = {}
        self._lock = threading.Lock()
        self._count_lock = threading.Lock()
        self.calls: Counter[str] = Counter()

    def _count(self, service: str, event_name: str, **_: Any) -> None:
        # event_name is "before-call.<service id>.<Operation>"; keys use boto3's service name
        operation = event_name.rsplit(".", 1)[-1]
        with self._count_lock:
            self.calls[f"{service}:{operation}"] += 1

    def client(self, service: str, region: str, operation: str | None = None) -> Any:
        """A client for a service in a region, able to call ``operation`` (snake case) when it is given.

        With cut service models (``lean``), a client whose model lacks ``operation`` is made again from the
        service's full model (see :mod:`wasp.collect.lean_models`), so no call is ever refused for it.
        """
        key = (service, region)
        existing = self._clients.get(key)  # a dict read is atomic
        if existing is not None and not self._could_widen(key, existing, operation):
            return existing
        with self._lock:
            existing = self._clients.get(key)
            if existing is not None and not self._could_widen(key, existing, operation):
                return existing
            if existing is not None and self._loader is not None:
                self._loader.widen(service)
                self._whole.add(key)  # made once more, from the whole model; never again
            made = self._session.client(service, region_name=region, config=self._config)
            if service == "s3control":
                fix_s3control(made)
            made.meta.events.register("before-call", functools.partial(self._count, service))
            made.meta.events.register("before-parse", check_response_body)
            self._clients[key] = made
            return made

    def _could_widen(self, key: tuple[str, str], client: Any, operation: str | None) -> bool:
        """True when ``client``'s cut model lacks ``operation`` and the whole model was not tried for ``key``.

        A factory with whole models, or a client already made from one, is kept: an operation no model has then
        fails at the call, as it would without cut models, instead of making the client again on every call.
        """
        if operation is None or self._loader is None or key in self._whole:
            return False
        return operation not in client.meta.method_to_api_mapping

    @property
    def lean(self) -> bool:
        """True when this factory's clients are made from cut service models."""
        return self._loader is not None

    def call_counts(self) -> dict[str, int]:
        """A copy of the calls made so far per ``service:Operation`` (safe while calls are in flight)."""
        with self._count_lock:
            return dict(self.calls)


def install_lean_loader(session: boto3.session.Session) -> LeanLoader | None:
    """Make ``session``'s clients from cut service models (the process's shared loader); None when models
    cannot be cut (wasp's source is not readable), and the session is left as it was."""
    loader = shared_loader()
    if loader is not None:
        # boto3 has no public accessor for its botocore session; clients made from now on use this loader
        session._session.register_component("data_loader", loader)
    return loader
