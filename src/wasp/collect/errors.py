"""Classify AWS API failures into gaps: why something could not be read, and what to do."""

from __future__ import annotations

from dataclasses import dataclass

from botocore.exceptions import (
    BotoCoreError,
    ClientError,
    ConnectTimeoutError,
    EndpointConnectionError,
    NoCredentialsError,
    ReadTimeoutError,
)
from botocore.parsers import ResponseParserError

from wasp.collect.responses import MalformedResponse

ACCESS_DENIED = frozenset(
    {
        "AccessDenied",
        "AccessDeniedException",
        "UnauthorizedOperation",
        "AuthorizationError",
        "UnauthorizedException",
        "Forbidden",
        "403",
    }
)
REGION_DISABLED = frozenset(
    {"OptInRequired", "InvalidClientTokenId", "UnrecognizedClientException", "AuthFailure"}
)
THROTTLED = frozenset(
    {
        "Throttling",
        "ThrottlingException",
        "RequestLimitExceeded",
        "TooManyRequestsException",
        "SlowDown",
        "RequestThrottled",
        "ProvisionedThroughputExceededException",
    }
)
NOT_IMPLEMENTED = frozenset({"NotImplemented", "InternalError", "InternalFailure", "500", "404", "501"})


def _first_line(message: object) -> str:
    """The first non-blank line of an error message, at most 200 characters ("" when there is none)."""
    for line in str(message or "").splitlines():
        if line.strip():
            return " ".join(line.split())[:200]
    return ""


@dataclass(frozen=True)
class Classified:
    """A failure, classified: a short kind and a one-line explanation with what to do."""

    kind: str
    message: str


def classify(exc: BaseException, operation: str, permission: str) -> Classified | None:
    """Classify an API failure, or None if it is not one (a bug, which must surface)."""
    if isinstance(exc, NotImplementedError):
        return Classified("not_implemented", f"{operation} is not implemented by this endpoint (emulator)")
    if isinstance(exc, ClientError):
        err = exc.response.get("Error", {})
        code = str(err.get("Code", ""))
        status = exc.response.get("ResponseMetadata", {}).get("HTTPStatusCode")
        text = _first_line(err.get("Message")) or code
        if code in ACCESS_DENIED or (status == 403 and code not in REGION_DISABLED):
            return Classified(
                "access_denied", f"access denied to {permission}; grant it (see `wasp permissions`)"
            )
        if code in REGION_DISABLED:
            return Classified("region_disabled", f"region not enabled for this account or token ({code})")
        if code in THROTTLED:
            return Classified(
                "throttled", f"throttled after retries ({code}); retry later or lower --workers"
            )
        if code in NOT_IMPLEMENTED or (isinstance(status, int) and status >= 500):
            return Classified("not_implemented", f"{operation} failed on the service side ({code}: {text})")
        return Classified("api_error", f"{operation} failed: {code}: {text}")
    if isinstance(exc, MalformedResponse):
        return Classified("malformed_response", f"{exc}; retry later, or report it if it persists")
    if isinstance(exc, ResponseParserError):
        return Classified("not_implemented", f"{operation} returned an unreadable response (emulator gap?)")
    if isinstance(exc, (EndpointConnectionError, ConnectTimeoutError, ReadTimeoutError)):
        return Classified("unreachable", f"endpoint unreachable for {operation}: {exc}")
    if isinstance(exc, NoCredentialsError):
        return Classified("no_credentials", "no AWS credentials found")
    if isinstance(exc, BotoCoreError):
        text = " ".join(str(exc).split())
        return Classified("client_error", f"{operation} failed in the AWS client: {text}")
    return None
