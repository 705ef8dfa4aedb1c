"""A policy statement known only at deploy time (``Statement: [!Ref X]``) may grant anything: never a pass."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from wasp.cli.app import main

TEMPLATE = Path(__file__).parent / "fixtures" / "iac" / "unknown_statement" / "template.yaml"


def test_unknown_statements_leave_policy_rules_undecided(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exc:
        main(["scan", str(TEMPLATE), "-f", "json"])
    assert exc.value.code in (0, 1, None)
    findings = json.loads(capsys.readouterr().out)["findings"]
    verdicts = {(f["rule"], f["resource"]["id"]): f["status"] for f in findings}
    for rule in ("iam_role_no_admin", "iam_role_no_broad_access", "iam_role_policy_least_privilege"):
        assert verdicts[(rule, "AppRole")] == "unknown", rule
    assert verdicts[("s3_bucket_policy_not_public", "Bucket")] == "unknown"
    assert verdicts[("iam_role_trust_restricted", "AppRole")] == "pass"  # the trust policy is fully known
