"""`wasp demo`: an in-process emulated AWS account, seeded, reviewed through the real collectors."""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from importlib import resources
from pathlib import Path

import boto3

from wasp.collect.runner import Progress
from wasp.demo.config_findings import seed_config
from wasp.demo.seed import REGION, Seeded, seed_payments_account
from wasp.demo.service_findings import answered, demo_findings, seed_inspector, seed_security_hub
from wasp.extras import require
from wasp.workflow import LiveRun, review_live
from wasp.workload import load_workload

_ENV = {
    "AWS_ACCESS_KEY_ID": "testing",
    "AWS_SECRET_ACCESS_KEY": "testing",
    "AWS_SESSION_TOKEN": "testing",
    "AWS_DEFAULT_REGION": REGION,
    "MOTO_EC2_LOAD_DEFAULT_AMIS": "false",
}
_CLEAR = ("AWS_PROFILE", "AWS_ENDPOINT_URL", "AWS_CONFIG_FILE", "AWS_SHARED_CREDENTIALS_FILE", "AWS_ROLE_ARN")

WORKLOAD = """# The demo workload (see docs/workload.md)
schema: wasp.workload/1
name: payments-api
description: Card payments API for a UK retailer (demo, emulated account)
environment: production
regions: [eu-west-2]
attestations: attestations.yaml
stakeholders:
  SEC01: head-of-platform@example.com
  SEC02: iam-lead@example.com
  SEC03: iam-lead@example.com
  SEC04: secops@example.com
  SEC05: network-lead@example.com
  SEC06: platform-team@example.com
  SEC07: data-protection-officer@example.com
  SEC08: platform-team@example.com
  SEC09: platform-team@example.com
  SEC10: incident-manager@example.com
  SEC11: payments-tech-lead@example.com
break_glass: [BreakGlassRole]
pipeline: true
classification_tag: DataClassification
"""


@dataclass(frozen=True)
class DemoRun:
    """The seeded account and the review of it."""

    seeded: Seeded
    run: LiveRun
    workload_file: Path


@contextmanager
def emulated_account() -> Iterator[None]:
    """An in-process moto account with fake credentials; the caller's AWS settings are restored after."""
    mock_aws = require("demo", "moto").mock_aws

    saved = {k: os.environ.get(k) for k in (*_ENV, *_CLEAR)}
    for k in _CLEAR:
        os.environ.pop(k, None)
    os.environ.update(_ENV)
    try:
        with mock_aws(config={"iam": {"load_aws_managed_policies": True}}):
            yield
    finally:
        for k, v in saved.items():
            if v is None:
                os.environ.pop(k, None)
            else:
                os.environ[k] = v


def demo_attestations(today: date) -> str:
    """The sample attestation file with dates relative to today."""
    text = resources.files("wasp.demo").joinpath("attestations.yaml.tmpl").read_text(encoding="utf-8")
    dates = {
        "recent": today - timedelta(days=30),
        "next_year": today + timedelta(days=335),
        "long_ago": today - timedelta(days=400),
        "last_month": today - timedelta(days=35),
    }
    for key, value in dates.items():
        text = text.replace("{" + key + "}", value.isoformat())
    return text


def run_demo(out: Path, *, progress: Progress | None = None, workers: int = 8) -> DemoRun:
    """Seed the emulated account, write the workload and attestation files to ``out``, review it."""
    out.mkdir(parents=True, exist_ok=True)
    now = datetime.now(UTC)
    (out / "workload.yaml").write_text(WORKLOAD, encoding="utf-8")
    (out / "attestations.yaml").write_text(demo_attestations(now.date()), encoding="utf-8")
    with emulated_account():
        session = boto3.session.Session(region_name=REGION)
        seeded = seed_payments_account(session)
        seed_security_hub(session, seeded, now)
        seed_inspector(session, seeded)
        seed_config(session, seeded)
        workload = load_workload(out / "workload.yaml")
        with answered(demo_findings(seeded, now)):
            run = review_live(workload, progress=progress, workers=workers, now=now)
    return DemoRun(seeded, run, out / "workload.yaml")
