"""Open an account where the work runs: each process builds its own session and assumes the role itself.

Nothing secret travels: an :class:`AccountOpener` holds names only (profile, role, external id, hub role). A
process caches the temporary credentials it obtained per account until shortly before they expire, and every
task gets fresh clients (a :class:`ClientFactory` of its own), so clients live only for their task and its API
calls are counted exactly. Sessions share one botocore data loader per process, so service models are parsed
once however many accounts are read.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import boto3
import botocore.loaders
import botocore.session
from botocore.exceptions import BotoCoreError, ClientError

from wasp.collect.clients import DEFAULT_MAX_ATTEMPTS, ClientFactory, client_config
from wasp.collect.session import base_session
from wasp.model.org import SESSION_NAME, RoleAssumption

REFRESH_MARGIN = 300.0
"""Seconds before expiry at which cached credentials are renewed."""


class CannotOpen(Exception):
    """The account's role could not be assumed; ``message`` is the one line a gap shows."""

    def __init__(self, message: str, code: str) -> None:
        super().__init__(message)
        self.message = message
        self.code = code


@dataclass
class Counter:
    """Retries botocore made (throttling and transient errors it absorbed), counted per task."""

    retries: int = 0
    lock: threading.Lock = field(default_factory=threading.Lock)

    def after_call(self, **kwargs: Any) -> None:
        """botocore ``after-call`` handler: add the call's retry attempts."""
        parsed = kwargs.get("parsed") or {}
        meta = parsed.get("ResponseMetadata", {}) if isinstance(parsed, dict) else {}
        attempts = int(meta.get("RetryAttempts", 0) or 0)
        if attempts:
            with self.lock:
                self.retries += attempts


class _ProcessState:
    """Per-process caches: the base session, assumed credentials per account, the shared data loader."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.loader: Any = None
        self.base: dict[tuple[str | None, str], boto3.session.Session] = {}
        self.creds: dict[tuple[Any, ...], tuple[dict[str, str], float]] = {}
        self.account_locks: dict[tuple[Any, ...], threading.Lock] = {}

    def shared_loader(self) -> Any:
        with self.lock:
            if self.loader is None:
                self.loader = botocore.loaders.create_loader()
            return self.loader

    def base_session(self, profile: str | None, region: str) -> boto3.session.Session:
        with self.lock:
            key = (profile, region)
            if key not in self.base:
                self.base[key] = base_session(profile, region)
            return self.base[key]

    def account_lock(self, key: tuple[Any, ...]) -> threading.Lock:
        with self.lock:
            return self.account_locks.setdefault(key, threading.Lock())


_STATE = _ProcessState()


def forget_credentials() -> None:
    """Drop this process's cached base sessions and assumed credentials (new credentials, or tests)."""
    with _STATE.lock:
        _STATE.base.clear()
        _STATE.creds.clear()


@dataclass(frozen=True)
class AccountOpener:
    """How any process opens an account: names only, safe to send to a Dask worker."""

    profile: str | None
    region: str
    role_name: str | None
    own_account: str
    """The base credentials' account: opened with them, without assuming a role."""
    assume: RoleAssumption = field(default_factory=RoleAssumption)
    max_attempts: int = DEFAULT_MAX_ATTEMPTS
    budget: float | None = None

    def role_arn(self, account: str) -> str:
        """The member role's ARN in ``account``."""
        return f"arn:aws:iam::{account}:role/{self.role_name}"

    def credentials(self, account: str) -> dict[str, str]:
        """Temporary (or, for the own account, the base) credentials for ``account``; raises CannotOpen."""
        base = _STATE.base_session(self.profile, self.region)
        if account == self.own_account or not self.role_name:
            found = base.get_credentials()
            if found is None:
                raise CannotOpen(f"no AWS credentials in this process to open {account}", "NoCredentials")
            frozen = found.get_frozen_credentials()
            return _keys(frozen.access_key, frozen.secret_key, frozen.token)
        hub = self.assume.hub_role_arn
        if hub:
            hub_creds = self._cached((self, "hub"), lambda: self._assume(base, hub, None))
            source = _session(hub_creds, self.region)
        else:
            source = base
        return self._cached((self, account), lambda: self._assume(source, self.role_arn(account), account))

    def _cached(self, key: tuple[Any, ...], get: Callable[[], dict[str, str]]) -> dict[str, str]:
        """Credentials from the process cache, renewed shortly before they expire."""
        with _STATE.account_lock(key):
            cached = _STATE.creds.get(key)
            if cached is not None and cached[1] - REFRESH_MARGIN > time.time():
                return cached[0]
            creds = get()
            _STATE.creds[key] = (creds, time.time() + self.assume.duration_seconds)
            return creds

    def _assume(self, session: boto3.session.Session, arn: str, account: str | None) -> dict[str, str]:
        params: dict[str, Any] = {
            "RoleArn": arn,
            "RoleSessionName": SESSION_NAME,
            "DurationSeconds": self.assume.duration_seconds,
        }
        if self.assume.external_id:
            params["ExternalId"] = self.assume.external_id
        where = f" in {account}" if account else ""
        role = arn.rsplit("/", 1)[-1] if account else arn
        try:
            sts = session.client("sts", region_name=self.region, config=client_config(3))
            c = sts.assume_role(**params)["Credentials"]
        except ClientError as exc:
            code = str(exc.response.get("Error", {}).get("Code", "error"))
            raise CannotOpen(f"cannot assume {role}{where}: {code}", code) from exc
        except BotoCoreError as exc:
            raise CannotOpen(f"cannot assume {role}{where}: {type(exc).__name__}", "error") from exc
        return _keys(c["AccessKeyId"], c["SecretAccessKey"], c["SessionToken"])

    def clients(self, account: str, counter: Counter | None = None) -> ClientFactory:
        """Fresh clients for one task in ``account`` (raises CannotOpen when its role cannot be assumed)."""
        session = _session(self.credentials(account), self.region)
        if counter is not None:
            session._session.register("after-call", counter.after_call)
        return ClientFactory(session, client_config(self.max_attempts, budget=self.budget), lean=True)


def _keys(access: str, secret: str, token: str | None) -> dict[str, str]:
    out = {"aws_access_key_id": access, "aws_secret_access_key": secret}
    if token:
        out["aws_session_token"] = token
    return out


def _session(creds: dict[str, str], region: str) -> boto3.session.Session:
    """A boto3 session for ``creds`` that shares the process's data loader (models parsed once)."""
    core = botocore.session.Session()
    core.register_component("data_loader", _STATE.shared_loader())
    return boto3.session.Session(botocore_session=core, region_name=region, **creds)
