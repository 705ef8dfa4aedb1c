"""Benchmark: the IAM rules on a generated account of many roles and customer-managed policies.

A deterministic generator builds N roles, each with a small inline policy on its own bucket and two managed
policies (one of 200 customer-managed policies with random service wildcards, and a job-scoped AWS-managed one),
then runs every ``iam_*`` rule through the engine and prints wall time, time per role and the policyuniverse
import cost (paid once, on the first policy evaluated).

    PYTHONPATH=src .venv/bin/python bench/iam_access.py --roles 500,2000
"""

from __future__ import annotations

import argparse
import random
import time
from datetime import UTC, datetime

from wasp.engine.evaluate import evaluate
from wasp.model import Inventory
from wasp.model.rule import RuleContext, example_resource
from wasp.rules import load_rules

SERVICES = ("s3", "ec2", "lambda", "dynamodb", "sqs", "sns", "logs", "kms", "iam", "ssm", "secretsmanager")
TRUST = {
    "Statement": [
        {"Effect": "Allow", "Principal": {"Service": "lambda.amazonaws.com"}, "Action": "sts:AssumeRole"}
    ]
}


def account(roles: int, policies: int = 200) -> Inventory:
    """An inventory of ``roles`` roles sharing ``policies`` customer-managed policies."""
    rng = random.Random(1)
    inv = Inventory()
    for i in range(policies):
        actions = [
            f"{rng.choice(SERVICES)}:{rng.choice(['Get*', 'List*', 'Put*', 'Describe*', '*'])}"
            for _ in range(5)
        ]
        document = {"Statement": [{"Effect": "Allow", "Action": actions, "Resource": "*"}]}
        inv.add(
            example_resource(
                "AWS::IAM::ManagedPolicy", {"ManagedPolicyName": f"p{i}", "PolicyDocument": document}, f"p{i}"
            )
        )
    for i in range(roles):
        actions = [
            f"{rng.choice(SERVICES)}:{rng.choice(['GetObject', 'PutItem', 'Describe*', 'List*'])}"
            for _ in range(4)
        ]
        inline = {"Statement": [{"Effect": "Allow", "Action": actions, "Resource": f"arn:aws:s3:::b{i}/*"}]}
        props = {
            "RoleName": f"r{i}",
            "AssumeRolePolicyDocument": TRUST,
            "Policies": [{"PolicyName": "own", "PolicyDocument": inline}],
            "ManagedPolicyArns": [
                f"p{rng.randrange(policies)}",
                "arn:aws:iam::aws:policy/AWSLambdaBasicExecutionRole",
            ],
        }
        inv.add(example_resource("AWS::IAM::Role", props, f"r{i}"))
    return inv


def main() -> None:
    """Print the figures for each account size."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--roles", default="500,2000", help="comma-separated account sizes")
    args = parser.parse_args()
    rules = [r for r in load_rules() if r.id.startswith("iam_")]
    now = datetime(2026, 1, 1, tzinfo=UTC)
    start = time.perf_counter()
    from wasp.rules._policy_actions import known_actions

    count = len(known_actions())
    print(f"policyuniverse action list: {count} actions, loaded in {time.perf_counter() - start:.2f} s")
    for size in (int(s) for s in args.roles.split(",")):
        inv = account(size)
        start = time.perf_counter()
        ev = evaluate(
            rules, inv, RuleContext(inventory=inv, now=now), observed_at=now, require_collected=False
        )
        took = time.perf_counter() - start
        print(
            f"{size:>6} roles x {len(rules)} iam rules: {took:.2f} s, {1000 * took / size:.2f} ms per role, "
            f"{len(ev.findings)} findings"
        )


if __name__ == "__main__":
    main()
