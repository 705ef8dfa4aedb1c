"""Make S3 Control work against a custom endpoint (an emulator, a VPC endpoint, a proxy).

botocore's endpoint rules put the account id in front of the host ("123456789012.127.0.0.1:5000"), which
does not resolve for a custom endpoint. An event hook removes that label before the request is signed;
the account id still travels in the x-amz-account-id header. AWS's own endpoints are left alone.
"""

from __future__ import annotations

import os
import re
from typing import Any
from urllib.parse import urlsplit, urlunsplit

_ACCOUNT_LABEL = re.compile(r"^\d{12}\.")


def custom_endpoint(service: str) -> str | None:
    """AWS_ENDPOINT_URL_<SERVICE> or AWS_ENDPOINT_URL, when set."""
    specific = "AWS_ENDPOINT_URL_" + service.upper().replace("-", "_")
    return os.environ.get(specific) or os.environ.get("AWS_ENDPOINT_URL") or None


def strip_account_label(request: Any, **_: Any) -> None:
    """before-sign hook: drop a leading 12-digit account label from the request's host."""
    parts = urlsplit(request.url)
    if parts.hostname and _ACCOUNT_LABEL.match(parts.netloc):
        request.url = urlunsplit(parts._replace(netloc=_ACCOUNT_LABEL.sub("", parts.netloc, count=1)))


def fix_s3control(client: Any) -> None:
    """Register the hook on an s3control client when a custom endpoint is configured."""
    if custom_endpoint("s3control"):
        client.meta.events.register("before-sign.s3-control", strip_account_label)
