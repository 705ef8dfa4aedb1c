"""Benchmark: would evaluating each account on the workers pay? Collection versus evaluation of an org review.

Seeds an emulated organisation of N members in-process (moto ``mock_aws``; each member a tagged account, a bucket
and a VPC with an open security group), collects it as ``wasp review --org`` does (threads), then times, in this
process: the whole review (``run_review``), the rules alone over the merged inventory (``evaluate``), and the
rules run once per account over that account's resources plus the management account's (what a worker would
hold), checking that the per-account findings equal the whole review's. Printed per N.

    PYTHONPATH=src .venv/bin/python bench/org_evaluate.py --sizes 10,40

Needs wasp[demo] (moto). Rules that read another member's resources (a log-archive bucket, a trail's
destination) would need more than the management account's resources: this estate has none.
"""

from __future__ import annotations

import argparse
import os
import resource
import time
from dataclasses import replace
from datetime import UTC, datetime

REGION = "us-east-1"
COLLECTORS = ["organizations", "s3", "vpc", "iam", "cloudtrail", "guardduty", "config", "kms", "ec2"]
NOW = datetime(2026, 6, 1, tzinfo=UTC)


def measure(members: int) -> str:
    """One line of figures for an organisation of ``members`` member accounts."""
    import boto3
    from moto import mock_aws

    from wasp.catalogue import load_catalogue
    from wasp.engine import run_review
    from wasp.engine.evaluate import evaluate
    from wasp.engine.review import scope_of
    from wasp.model import Finding, Inventory, Workload
    from wasp.model.rule import RuleContext
    from wasp.org.emulate import seed_org
    from wasp.workflow import collect_live, live_rules

    def keys(
        findings: tuple[Finding, ...] | list[Finding], account: str | None = None
    ) -> set[tuple[str, ...]]:
        return {
            (f.resource.account or "", f.resource.type, f.resource.id, f.rule, str(f.status))
            for f in findings
            if account is None or f.resource.account == account
        }

    with mock_aws():
        org = seed_org(boto3.session.Session(region_name=REGION), members, REGION, "WaspReadOnly")
        workload = Workload(name="org", regions=(REGION,), role_name="WaspReadOnly", org=True)
        started = time.perf_counter()
        inventory, stats, accounts = collect_live(workload, collectors=COLLECTORS, timeout=None)
        collect_s = time.perf_counter() - started
    workload = replace(workload, accounts=accounts)
    catalogue, rules = load_catalogue(), live_rules()
    started = time.perf_counter()
    run_review(catalogue=catalogue, rules=rules, inventory=inventory, workload=workload, now=NOW)
    review_s = time.perf_counter() - started
    ctx = RuleContext(inventory=inventory, workload=scope_of(workload), now=NOW)
    started = time.perf_counter()
    whole = evaluate(rules, inventory, ctx, observed_at=NOW)
    evaluate_s = time.perf_counter() - started
    started = time.perf_counter()
    parts: set[tuple[str, ...]] = set()
    for account in accounts:
        sub = Inventory()
        sub.extend(r for r in inventory if r.account in (account, org.management))
        sub.mark_collected(*inventory.collected_types)
        for gap in inventory.gaps:
            if gap.account in (account, None, org.management):
                sub.add_gap(gap)
        own = evaluate(
            rules, sub, RuleContext(inventory=sub, workload=scope_of(workload), now=NOW), observed_at=NOW
        )
        parts |= keys(own.findings, account)
    per_account_s = time.perf_counter() - started
    same = parts == keys(whole.findings)
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return (
        f"accounts={len(accounts)} resources={len(inventory)} findings={len(whole.findings)} "
        f"api_calls={stats.api_calls} collect_s={collect_s:.1f} run_review_s={review_s:.2f} "
        f"evaluate_s={evaluate_s:.2f} per_account_evaluate_total_s={per_account_s:.2f} "
        f"per_account_findings_identical={same} peak_rss_MiB={rss:.0f} (moto in-process)"
    )


def main() -> None:
    """Print one line per size."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="10,40", help="member accounts, comma-separated")
    args = parser.parse_args()
    for var in ("AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY"):
        os.environ[var] = "testing"
    os.environ.pop("AWS_ENDPOINT_URL", None)
    for size in (int(s) for s in args.sizes.split(",")):
        print(f"members={size} {measure(size)}", flush=True)


if __name__ == "__main__":
    main()
