"""Benchmark: per-account results and the organisation report for many accounts (issue #16).

Builds a synthetic organisation in memory (no AWS, no emulator): N member accounts in 10 OUs, each with its
account settings, two security groups and two buckets (some open to the internet, some unversioned, some roots
without MFA), every type the rules read marked collected, and the bucket listing denied in one account in 50.
Then it times, with every rule: the evaluation and whole-review decisions; the per-account decisions
(engine.accounts) on that evaluation; the review document; the HTML report (and the PDF's compact HTML); the
terminal summary; and `wasp diff` between two such reviews. It prints sizes (the review JSON, its accounts and
organisation parts, the HTML and its matrix) and wall and CPU seconds.

    PYTHONPATH=src .venv/bin/python bench/org_report.py [--accounts 500]
"""

from __future__ import annotations

import argparse
import io
import json
import time
from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any, TypeVar

from rich.console import Console

from wasp.catalogue import load_catalogue
from wasp.engine.accounts import decide_accounts
from wasp.engine.decide import decide_questions, latest_attestations
from wasp.engine.evaluate import evaluate
from wasp.engine.review import run_review, scope_of
from wasp.model import ACCOUNT_TYPE, SUPPLEMENTARY, Gap, Inventory, Origin, OriginKind, Resource, Workload
from wasp.model.rule import RuleContext
from wasp.report import print_summary, review_dict
from wasp.report.diff import diff_reviews
from wasp.report.document import review_json
from wasp.report.formats.html import REPORTER as HTML
from wasp.rules import load_rules

T = TypeVar("T")
NOW = datetime(2026, 6, 1, tzinfo=UTC)
REGION = "eu-west-2"
MANAGEMENT = "000000000000"
OUS = tuple(
    f"Root/{top}/{team}" for top in ("Prod", "NonProd") for team in ("Web", "Data", "Pay", "Ops", "ML")
)


def _res(rtype: str, props: dict[str, Any], rid: str, account: str, region: str | None = REGION) -> Resource:
    return Resource(rtype, rid, props, Origin(OriginKind.LIVE, account, region))


def organisation(n: int, seed: int = 0) -> Inventory:
    """N accounts with a handful of resources each; ``seed`` shifts which accounts are insecure."""
    inv = Inventory()
    rules = load_rules()
    for i in range(n):
        account = f"{100000000000 + i:012d}"
        k = i + seed
        inv.add(
            _res(
                ACCOUNT_TYPE,
                {
                    "AccountId": account,
                    "RootUser": {"MfaEnabled": k % 7 != 0, "AccessKeysPresent": False},
                    "Regions": {REGION: {"EbsEncryptionByDefault": k % 3 != 0}},
                },
                account,
                account,
                None,
            )
        )
        for g in range(2):
            ingress = (
                [{"IpProtocol": "tcp", "FromPort": 22, "ToPort": 22, "CidrIp": "0.0.0.0/0"}]
                if (k + g) % 5 == 0
                else []
            )
            inv.add(
                _res(
                    "AWS::EC2::SecurityGroup",
                    {"GroupId": f"sg-{account}-{g}", "SecurityGroupIngress": ingress},
                    f"sg-{account}-{g}",
                    account,
                )
            )
        if i % 50 == 7:
            inv.add_gap(
                Gap(
                    "s3",
                    "list_buckets",
                    "access_denied",
                    "AccessDenied",
                    account,
                    REGION,
                    ("AWS::S3::Bucket",),
                )
            )
        else:
            for b in range(2):
                status = "Suspended" if (k + b) % 4 == 0 else "Enabled"
                inv.add(
                    _res(
                        "AWS::S3::Bucket",
                        {"BucketName": f"b-{account}-{b}", "VersioningConfiguration": {"Status": status}},
                        f"b-{account}-{b}",
                        account,
                    )
                )
        inv.add(
            _res(
                "AWS::Organizations::Account",
                {
                    "AccountId": account,
                    "AccountName": f"team-{i}",
                    SUPPLEMENTARY: {"OuPath": OUS[i % len(OUS)]},
                },
                account,
                MANAGEMENT,
                None,
            )
        )
    inv.mark_collected(*{t for r in rules for t in r.meta.reads_types})
    return inv


def timed(label: str, fn: Callable[[], T]) -> T:
    """Run fn once; print its wall and CPU seconds."""
    wall, cpu = time.perf_counter(), time.process_time()
    out = fn()
    print(f"  {label:<44} {time.perf_counter() - wall:7.2f} s wall {time.process_time() - cpu:7.2f} s CPU")
    return out


def main() -> None:
    """Print the figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--accounts", type=int, default=500)
    args = parser.parse_args()
    n = args.accounts
    catalogue, rules = load_catalogue(), load_rules()
    accounts = tuple(f"{100000000000 + i:012d}" for i in range(n))
    workload = Workload(name="org", regions=(REGION,), accounts=accounts)
    inv = organisation(n)
    print(f"{n} accounts, {len(inv)} resources, {len(rules)} rules, {len(catalogue.questions)} questions")
    ctx = RuleContext(inventory=inv, workload=scope_of(workload), now=NOW)
    evaluation = timed(
        "evaluate (every rule over the inventory)", lambda: evaluate(rules, inv, ctx, observed_at=NOW)
    )
    latest = latest_attestations(())
    timed(
        "decide the whole review's questions",
        lambda: decide_questions(catalogue, evaluation, latest, NOW.date()),
    )
    per_account = timed(
        "decide every account's questions (engine.accounts)",
        lambda: decide_accounts(catalogue, evaluation, latest, NOW.date(), accounts, inv),
    )
    assert len(per_account) == n
    review = timed(
        "run_review end to end (with accounts)",
        lambda: run_review(catalogue=catalogue, rules=rules, inventory=inv, workload=workload, now=NOW),
    )
    doc = timed("review document (review_dict)", lambda: review_dict(review))
    text = timed("review JSON text", lambda: review_json(doc))
    part = len(json.dumps(doc["accounts"], indent=2)) + len(json.dumps(doc["organisation"], indent=2))
    print(
        f"  review JSON {len(text) / 1e6:.2f} MB, of which accounts + organisation {part / 1e6:.2f} MB "
        f"({len(doc['findings'])} findings)"
    )
    html = timed("HTML report", lambda: HTML.html(doc))
    start = html.index('<section id="accounts">')
    matrix = html[start : html.index("</section>", start)]
    print(f"  HTML {len(html) / 1e6:.2f} MB, of which the accounts matrix {len(matrix) / 1e6:.2f} MB")
    compact = timed(
        "PDF's compact HTML (worst 100 accounts)", lambda: HTML.html(doc, max_listed=0, compact=True)
    )
    print(f"  compact HTML {len(compact) / 1e6:.2f} MB")
    timed(
        "terminal summary (top 10 accounts)",
        lambda: print_summary(review, Console(file=io.StringIO(), width=200)),
    )
    later = review_dict(
        run_review(
            catalogue=catalogue, rules=rules, inventory=organisation(n, seed=1), workload=workload, now=NOW
        )
    )
    d = timed("wasp diff between two reviews (with accounts)", lambda: diff_reviews(doc, later))
    moved = [b for b in d["accounts"]["best_practices"] if b["improved"] or b["regressed"]]
    moved.sort(key=lambda b: (-(b["improved"] + b["regressed"]), b["id"]))
    print(f"    {len(moved)} practices moved in some account; the three that moved most:")
    for bp in moved[:3]:
        print(f"    {bp['id']} improved in {bp['improved']} accounts, regressed in {bp['regressed']}")
    print(
        f"  worst account: {doc['accounts'][0]['id']} ({doc['accounts'][0]['high_risk_questions']} high); "
        f"OUs: {len(doc['organisation']['ous'])}"
    )


if __name__ == "__main__":
    main()
