"""A small wrapper over the boto3 `wellarchitected` client: retries on throttling, pagination, one-line errors,
and a dry-run mode that prints each call (operation name and parameters) instead of making it."""

from __future__ import annotations

import json
import random
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import IO, Any

from botocore.exceptions import BotoCoreError, ClientError

from wasp.errors import WaspError

WellArchitectedClient = Any
"""boto3's `wellarchitected` client (no type stubs are installed for it)."""

SERVICE = "wellarchitected"
THROTTLED = frozenset(
    {"ThrottlingException", "Throttling", "TooManyRequestsException", "RequestLimitExceeded"}
)
ATTEMPTS = 5
"""Tries per call when the Tool throttles (the client's own retries are off, so tries do not multiply)."""

PLACEHOLDER_ID = "<WorkloadId from CreateWorkload>"
"""What --dry-run --create prints for the workload id it cannot know."""


class WaToolError(WaspError):
    """A call to the Well-Architected Tool failed in a way the user can act on (exit code 2)."""


def make_client(region: str | None, profile: str | None) -> WellArchitectedClient:
    """A `wellarchitected` client from boto3's default chain; the Tool is regional."""
    import boto3
    from botocore.config import Config
    from botocore.exceptions import NoRegionError, ProfileNotFound

    try:
        session = boto3.session.Session(profile_name=profile, region_name=region)
        return session.client(
            SERVICE,
            config=Config(retries={"total_max_attempts": 1, "mode": "standard"}, user_agent_extra="wasp-wa"),
        )
    except ProfileNotFound as exc:
        raise WaToolError(f"AWS profile {profile!r} not found; check ~/.aws/config or AWS_PROFILE") from exc
    except NoRegionError as exc:
        raise WaToolError("no AWS region: give --region (the Tool keeps workloads per region)") from exc


@dataclass
class Tool:
    """Calls to the Tool. ``dry_run`` prints ``Operation {params}`` lines to ``out`` and makes no call."""

    client: WellArchitectedClient
    dry_run: bool = False
    out: IO[str] | None = None
    sleep: Callable[[float], None] = field(default=lambda seconds: time.sleep(seconds))
    attempts: int = ATTEMPTS
    calls: list[str] = field(default_factory=list)
    """The operations made (or printed, in a dry run), in order."""

    def call(self, operation: str, **params: Any) -> dict[str, Any]:
        """One API call by its operation name (``UpdateAnswer``), retried while throttled."""
        self.calls.append(operation)
        if self.dry_run:
            try:
                self._print(operation, params)
            except BotoCoreError as exc:
                raise _explain(exc, operation, params, 1) from exc
            return {}
        method = getattr(self.client, _snake(operation))
        for attempt in range(1, self.attempts + 1):
            try:
                result: dict[str, Any] = method(**params)
                return result
            except (ClientError, BotoCoreError) as exc:
                code = _error_code(exc)
                if code in THROTTLED and attempt < self.attempts:
                    self.sleep(min(20.0, 0.5 * 2**attempt) * (0.5 + random.random() / 2))
                    continue
                raise _explain(exc, operation, params, attempt) from exc
        raise AssertionError("unreachable")  # pragma: no cover

    def pages(self, operation: str, key: str, **params: Any) -> Iterator[dict[str, Any]]:
        """Every item under ``key`` across the pages of a NextToken-paginated operation."""
        token: str | None = None
        while True:
            page = self.call(operation, **params, **({"NextToken": token} if token else {}))
            yield from page.get(key, [])
            token = page.get("NextToken")
            if not token:
                return

    def _print(self, operation: str, params: dict[str, Any]) -> None:
        _validate(operation, params)
        if self.out is not None:
            text = json.dumps(params, sort_keys=True, default=str, ensure_ascii=False)
            self.out.write(f"{operation} {text}\n")


def _snake(operation: str) -> str:
    from botocore import xform_name

    name: str = xform_name(operation)
    return name


def _validate(operation: str, params: dict[str, Any]) -> None:
    """Check a dry run's parameters against the service model, as the real call would."""
    import botocore.session
    from botocore.validate import validate_parameters

    model = botocore.session.get_session().get_service_model(SERVICE).operation_model(operation)
    checked = {k: ("0" * 32 if v == PLACEHOLDER_ID else v) for k, v in params.items()}
    validate_parameters(checked, model.input_shape)


def _error_code(exc: BaseException) -> str:
    response = getattr(exc, "response", None)
    if isinstance(response, dict):
        return str(response.get("Error", {}).get("Code", ""))
    return ""


def _explain(exc: Exception, operation: str, params: dict[str, Any], attempts: int) -> Exception:
    """The user's one line for a failed call (or the exception itself when it is not an AWS error)."""
    from botocore.exceptions import BotoCoreError, NoCredentialsError

    code = _error_code(exc)
    workload = params.get("WorkloadId")
    if isinstance(exc, NoCredentialsError):
        return WaToolError(
            "no AWS credentials found: set AWS_PROFILE (or --profile), run `aws sso login`, or export keys"
        )
    if code == "ResourceNotFoundException" and workload:
        return WaToolError(
            f"workload {workload} not found in this region ({operation}); check --workload-id and --region "
            "(`wasp wa list` shows the workloads you can see)"
        )
    if code in ("AccessDeniedException", "AccessDenied", "UnauthorizedOperation"):
        return WaToolError(
            f"access denied to wellarchitected:{operation}; grant it to the caller "
            "(`wasp permissions --wa-tool` prints the policy)"
        )
    if code in THROTTLED:
        return WaToolError(f"the Tool throttled {operation} {attempts} times in a row; try again in a minute")
    if code:
        message = " ".join(str(getattr(exc, "response", {}).get("Error", {}).get("Message", "")).split())
        return WaToolError(f"{operation} failed: {code}{': ' + message if message else ''}")
    if isinstance(exc, BotoCoreError):
        return WaToolError(f"{operation} failed: {' '.join(str(exc).split())}")
    return exc
