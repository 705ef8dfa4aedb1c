"""Refuse response bodies that botocore would misread: a garbled body must be a gap, never an empty answer.

botocore decodes JSON bodies and string payloads (an S3 bucket policy) as UTF-8 without catching the
error (a non-UTF-8 body escapes as a UnicodeDecodeError), and reads a body that is not JSON as ``{"message": body}``: a truncated or garbled
``ListKeys`` answer would then look like an account with no keys. This check runs before botocore
parses each response and raises :class:`MalformedResponse` instead, which the collectors record as a gap.
"""

from __future__ import annotations

import json
from typing import Any

from botocore.parsers import ResponseParserError

JSON_PROTOCOLS = frozenset({"json", "rest-json"})


class MalformedResponse(ResponseParserError):  # type: ignore[misc]  # botocore is untyped
    """A response body that cannot be what the service sent: not UTF-8, or not JSON where JSON is due."""


def check_response_body(operation_model: Any, response_dict: dict[str, Any], **_: Any) -> None:
    """botocore ``before-parse`` handler: raise MalformedResponse for a body that is not UTF-8 (any
    protocol; XML parsers report other garbling themselves) or, for JSON protocols, not JSON.

    The message names the operation and the status only; the body itself is never echoed (it may be
    anything, including data from the account).
    """
    body = response_dict.get("body")
    if not isinstance(body, bytes) or not body or getattr(operation_model, "has_streaming_output", False):
        return
    status = response_dict.get("status_code")
    what = f"{operation_model.name} returned a malformed response (HTTP {status}"
    try:
        text = body.decode("utf-8")  # every AWS protocol answers in UTF-8 (S3 bucket policies included)
    except UnicodeDecodeError:
        raise MalformedResponse(f"{what}, body is not UTF-8)") from None
    protocol = getattr(operation_model.service_model, "resolved_protocol", None) or (
        operation_model.metadata.get("protocol")
    )
    if protocol in JSON_PROTOCOLS and isinstance(status, int) and status < 300:
        try:
            json.loads(text)
        except ValueError:
            raise MalformedResponse(f"{what}, body is not JSON)") from None
