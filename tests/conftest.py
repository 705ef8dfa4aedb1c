"""Shared fixtures: no test ever reaches a real AWS endpoint."""

from __future__ import annotations

import os
from collections.abc import Iterator
from datetime import UTC, datetime

import pytest
from hypothesis import settings

from wasp.model import ACCOUNT_TYPE, Inventory, Origin, OriginKind, Resource

# CI must not turn red by chance: property tests draw the same examples on every CI run (deeper, random runs
# are bench/fuzz.py's job) and no example fails for being slow on a loaded machine, unless a test sets its own.
settings.register_profile("ci", derandomize=True, deadline=None, print_blob=True)
settings.register_profile("dev", deadline=None, print_blob=True)
settings.load_profile("ci" if os.environ.get("CI") else "dev")

REGION = "eu-west-2"


@pytest.fixture(autouse=True)
def _isolated_aws(monkeypatch: pytest.MonkeyPatch, tmp_path_factory: pytest.TempPathFactory) -> None:
    """Fake credentials, no profile, no shared config: a stray call can only hit moto or fail."""
    empty = tmp_path_factory.mktemp("aws")
    # `--debug` sets WASP_DEBUG for the process; undo it after each test so contained errors stay contained
    monkeypatch.delenv("WASP_DEBUG", raising=False)
    for var in ("AWS_PROFILE", "AWS_ENDPOINT_URL", "AWS_ROLE_ARN", "AWS_WEB_IDENTITY_TOKEN_FILE"):
        monkeypatch.delenv(var, raising=False)
    monkeypatch.setenv("AWS_ACCESS_KEY_ID", "testing")
    monkeypatch.setenv("AWS_SECRET_ACCESS_KEY", "testing")
    monkeypatch.setenv("AWS_SESSION_TOKEN", "testing")
    monkeypatch.setenv("AWS_DEFAULT_REGION", REGION)
    monkeypatch.setenv("AWS_CONFIG_FILE", str(empty / "config"))
    monkeypatch.setenv("AWS_SHARED_CREDENTIALS_FILE", str(empty / "credentials"))
    monkeypatch.setenv("MOTO_EC2_LOAD_DEFAULT_AMIS", "false")


@pytest.fixture
def aws() -> Iterator[None]:
    """An in-process moto account."""
    from moto import mock_aws

    with mock_aws():
        yield


NOW = datetime(2026, 6, 1, tzinfo=UTC)


def res(rtype: str, props: dict[str, object], rid: str = "r1", region: str | None = REGION) -> Resource:
    """A live resource for tests."""
    return Resource(rtype, rid, props, Origin(OriginKind.LIVE, "111122223333", region))


def inventory(*resources: Resource, collected: tuple[str, ...] = ()) -> Inventory:
    """An inventory with these resources, their types (and ``collected``) marked as collected."""
    inv = Inventory()
    inv.extend(resources)
    inv.mark_collected(*{r.type for r in resources}, *collected, ACCOUNT_TYPE)
    return inv


@pytest.fixture(scope="session")
def demo_result(tmp_path_factory: pytest.TempPathFactory) -> object:
    """The built-in demo, run once per test session (per worker)."""
    from wasp.demo.run import run_demo

    mp = pytest.MonkeyPatch()
    mp.setenv("AWS_ACCESS_KEY_ID", "testing")
    mp.setenv("AWS_SECRET_ACCESS_KEY", "testing")
    try:
        return run_demo(tmp_path_factory.mktemp("demo-session"))
    finally:
        mp.undo()


@pytest.fixture(scope="session")
def demo_doc(demo_result: object) -> dict[str, object]:
    """The demo review as the wasp.review/1 document."""
    from wasp.report import review_dict

    return review_dict(demo_result.run.review)  # type: ignore[attr-defined]
