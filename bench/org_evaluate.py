"""Benchmark: evaluation on the workers. How much of an org review's evaluation the tasks take off the client.

Seeds an emulated organisation of N members in-process (moto ``mock_aws``; each member a tagged account, a bucket
and a VPC with an open security group, plus ``--buckets`` more buckets), collects it as ``wasp review --org``
does (threads) with evaluation in the tasks, then times in this process the client's part of the review
(``run_review``, and within it the rules, ``evaluate``) deciding every rule centrally ("before") and reusing
the tasks' findings ("after"), checks that both give the same review JSON, and prints the share of findings
decided in the tasks and the CPU the tasks spent deciding (measured by running the same task evaluator over the
merged inventory once). Printed per N.

    PYTHONPATH=src .venv/bin/python bench/org_evaluate.py --sizes 10,40 --buckets 0,10

Needs wasp[demo] (moto). The review process's times are CPU seconds of this process (``time.process_time``, so
other work on a shared machine does not inflate them), the best of ``--repeat`` runs; collection is wall time.
"""

from __future__ import annotations

import argparse
import json
import os
import time
from dataclasses import replace
from datetime import UTC, datetime

REGION = "us-east-1"
ROLE = "WaspReadOnly"
COLLECTORS = ["organizations", "s3", "vpc", "iam", "cloudtrail", "guardduty", "config", "kms", "ec2"]
NOW = datetime(2026, 6, 1, tzinfo=UTC)


def _more_buckets(members: tuple[str, ...], buckets: int) -> None:
    """``buckets`` more buckets in each member (every other one versioned), as workload accounts hold."""
    import boto3

    sts = boto3.session.Session(region_name=REGION).client("sts")
    for n, member in enumerate(members):
        c = sts.assume_role(RoleArn=f"arn:aws:iam::{member}:role/{ROLE}", RoleSessionName="seed")[
            "Credentials"
        ]
        s3 = boto3.client(
            "s3",
            region_name=REGION,
            aws_access_key_id=c["AccessKeyId"],
            aws_secret_access_key=c["SecretAccessKey"],
            aws_session_token=c["SessionToken"],
        )
        for b in range(buckets):
            s3.create_bucket(Bucket=f"extra-{member}-{b}")
            if (n + b) % 2:
                s3.put_bucket_versioning(
                    Bucket=f"extra-{member}-{b}", VersioningConfiguration={"Status": "Enabled"}
                )


def measure(members: int, buckets: int, repeat: int) -> str:
    """One line of figures for an organisation of ``members`` member accounts."""
    import boto3
    from moto import mock_aws

    from wasp.catalogue import load_catalogue
    from wasp.engine import run_review
    from wasp.engine.evaluate import evaluate
    from wasp.engine.local import LocalEvaluator
    from wasp.engine.review import scope_of
    from wasp.model import Workload
    from wasp.model.rule import RuleContext
    from wasp.org.emulate import seed_org
    from wasp.org.reuse import WorkerFindings
    from wasp.report import review_dict
    from wasp.workflow import collect_live, live_rules

    with mock_aws():
        org = seed_org(boto3.session.Session(region_name=REGION), members, REGION, ROLE)
        _more_buckets(org.members, buckets)
        workload = Workload(name="org", regions=(REGION,), role_name=ROLE, org=True)
        started = time.perf_counter()
        inventory, stats, accounts = collect_live(
            workload, collectors=COLLECTORS, timeout=None, evaluate_at=NOW
        )
        collect_s = time.perf_counter() - started
    workload = replace(workload, accounts=accounts)
    table = stats.worker_findings
    assert isinstance(table, WorkerFindings) and table.evaluator == LocalEvaluator(NOW, scope_of(workload))
    catalogue, rules = load_catalogue(), live_rules()
    on_workers = 0

    def review(precomputed: WorkerFindings | None) -> tuple[float, str, int]:
        best, doc, count = float("inf"), "", 0
        nonlocal on_workers
        for _ in range(repeat):
            started = time.process_time()
            result = run_review(
                catalogue=catalogue,
                rules=rules,
                inventory=inventory,
                workload=workload,
                now=NOW,
                precomputed=precomputed,
            )
            best = min(best, time.process_time() - started)
            doc, count = json.dumps(review_dict(result)), len(result.findings)
            on_workers = table.taken(result.findings) if precomputed is not None else 0
        return best, doc, count

    def rules_only(precomputed: WorkerFindings | None) -> float:
        best = float("inf")
        for _ in range(repeat):
            ctx = RuleContext(inventory=inventory, workload=scope_of(workload), now=NOW)
            started = time.process_time()
            evaluate(rules, inventory, ctx, observed_at=NOW, precomputed=precomputed)
            best = min(best, time.process_time() - started)
        return best

    before_s, before, findings = review(None)
    after_s, after, _ = review(table)
    rules_before_s, rules_after_s = rules_only(None), rules_only(table)
    started = time.process_time()
    LocalEvaluator(NOW, scope_of(workload))(tuple(inventory))
    tasks_s = time.process_time() - started
    return (
        f"accounts={len(accounts)} resources={len(inventory)} findings={findings} "
        f"on_workers={on_workers} ({100 * on_workers / max(1, findings):.0f}%) "
        f"deferred_pairs={table.deferred} collect_s={collect_s:.1f} "
        f"client_review_s before={before_s:.3f} after={after_s:.3f} "
        f"client_evaluate_s before={rules_before_s:.3f} after={rules_after_s:.3f} "
        f"tasks_evaluate_cpu_s={tasks_s:.3f} identical={before == after} (moto in-process)"
    )


def main() -> None:
    """Print one line per size."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="10,40", help="member accounts, comma-separated")
    parser.add_argument("--buckets", default="0,10", help="extra buckets per member, comma-separated")
    parser.add_argument("--repeat", type=int, default=3, help="client-side runs per variant (best kept)")
    args = parser.parse_args()
    for var in ("AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY"):
        os.environ[var] = "testing"
    os.environ.pop("AWS_ENDPOINT_URL", None)
    for size in (int(s) for s in args.sizes.split(",")):
        for extra in (int(b) for b in args.buckets.split(",")):
            print(f"members={size} buckets={extra} {measure(size, extra, args.repeat)}", flush=True)


if __name__ == "__main__":
    main()
