"""Credentials and accounts: boto3's own chain, an optional role per account, and a preflight check."""

from __future__ import annotations

from dataclasses import dataclass

import boto3
from botocore.exceptions import (
    BotoCoreError,
    ClientError,
    EndpointConnectionError,
    NoCredentialsError,
    NoRegionError,
    ProfileNotFound,
    TokenRetrievalError,
)

from wasp.collect.clients import DEFAULT_MAX_ATTEMPTS, ClientFactory, client_config
from wasp.errors import AwsSetupError

SESSION_NAME = "wasp-review"


@dataclass(frozen=True)
class AccountAccess:
    """Clients for one account."""

    account: str
    clients: ClientFactory
    caller: str = ""
    """The ARN of the credentials used (the base credentials, before any role is assumed)."""


def base_session(profile: str | None, region: str) -> boto3.session.Session:
    """A boto3 session from the default chain (env, profile, SSO, instance role)."""
    try:
        return boto3.session.Session(profile_name=profile, region_name=region)
    except ProfileNotFound as exc:
        raise AwsSetupError(f"AWS profile {profile!r} not found; check ~/.aws/config or AWS_PROFILE") from exc


def caller_identity(session: boto3.session.Session, region: str) -> tuple[str, str]:
    """The caller's account id and ARN (one STS call); every credential or endpoint problem is one clear line."""
    try:
        sts = session.client("sts", region_name=region, config=client_config(max_attempts=3))
        identity = sts.get_caller_identity()
        return str(identity["Account"]), str(identity["Arn"])
    except NoCredentialsError as exc:
        raise AwsSetupError(
            "no AWS credentials found: set AWS_PROFILE (or --profile), run `aws sso login`, or export "
            "AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY"
        ) from exc
    except TokenRetrievalError as exc:
        raise AwsSetupError(f"SSO token expired or missing: run `aws sso login` ({exc})") from exc
    except EndpointConnectionError as exc:
        raise AwsSetupError(
            f"cannot reach the AWS endpoint ({exc}); check AWS_ENDPOINT_URL and the network"
        ) from exc
    except NoRegionError as exc:
        raise AwsSetupError("no region set: list regions in the workload file or pass --regions") from exc
    except ClientError as exc:
        code = exc.response.get("Error", {}).get("Code", "error")
        raise AwsSetupError(f"the credentials were rejected by STS ({code}); refresh them and retry") from exc
    except BotoCoreError as exc:
        raise AwsSetupError(f"cannot start an AWS session: {exc}") from exc


@dataclass(frozen=True)
class Unopened:
    """A listed account whose role could not be assumed: a gap for that account, not an abort."""

    account: str
    message: str
    """One line: ``cannot assume ROLE in ACCOUNT: CODE``."""
    code: str
    """The error code STS answered (``AccessDenied``...), or the botocore error's name."""


def _assume(
    session: boto3.session.Session, account: str, role_name: str, region: str
) -> boto3.session.Session:
    """A session for ``role_name`` in ``account``; raises ClientError / BotoCoreError when it is refused."""
    sts = session.client("sts", region_name=region, config=client_config(max_attempts=3))
    arn = f"arn:aws:iam::{account}:role/{role_name}"
    creds = sts.assume_role(RoleArn=arn, RoleSessionName=SESSION_NAME)["Credentials"]
    return boto3.session.Session(
        aws_access_key_id=creds["AccessKeyId"],
        aws_secret_access_key=creds["SecretAccessKey"],
        aws_session_token=creds["SessionToken"],
        region_name=region,
    )


def _error_code(exc: Exception) -> str:
    if isinstance(exc, ClientError):
        return str(exc.response.get("Error", {}).get("Code", "error"))
    return type(exc).__name__


def open_accounts(
    profile: str | None,
    accounts: tuple[str, ...],
    role_name: str | None,
    region: str,
    max_attempts: int = DEFAULT_MAX_ATTEMPTS,
    budget: float | None = None,
    unopened: list[Unopened] | None = None,
    lean: bool = False,
) -> list[AccountAccess]:
    """Clients for each account in scope.

    Without a role, the credentials' own account is reviewed and must be one the workload lists (when
    it lists any). With a role, it is assumed in every listed account. ``budget`` (seconds) bounds each
    call's timeouts (see :func:`wasp.collect.clients.client_config`). An account whose role cannot be
    assumed raises AwsSetupError, unless ``unopened`` is given: it is then appended there and left out.
    ``lean`` makes clients from service models cut to the operations wasp calls (a review; never remediation,
    which calls what its fixers name): see :mod:`wasp.collect.lean_models`.
    """
    session = base_session(profile, region)
    own, caller = caller_identity(session, region)
    config = client_config(max_attempts, budget=budget)
    if role_name and accounts:
        opened: list[AccountAccess] = []
        for account in accounts:
            try:
                assumed = _assume(session, account, role_name, region)
            except (ClientError, BotoCoreError) as exc:
                code = _error_code(exc)
                if unopened is None:
                    raise AwsSetupError(
                        f"cannot assume arn:aws:iam::{account}:role/{role_name} ({code}); deploy the read-only "
                        "role (see `wasp permissions`) and trust the caller"
                    ) from exc
                unopened.append(Unopened(account, f"cannot assume {role_name} in {account}: {code}", code))
                continue
            opened.append(AccountAccess(account, ClientFactory(assumed, config, lean), caller))
        return opened
    if accounts and own not in accounts:
        raise AwsSetupError(
            f"the credentials are for account {own}, but the workload lists {', '.join(accounts)}; "
            "use credentials for a listed account or set role_name in the workload file"
        )
    return [AccountAccess(own, ClientFactory(session, config, lean), caller)]
