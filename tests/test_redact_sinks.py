"""Secret-named tag values never reach evidence, reports, the store, snapshots or the remediation audit log.

Against moto: a bucket and an instance carry a tag ``api_token`` (and ``DB_PASSWORD``) beside ordinary tags;
the tag keys and the security settings a fix changes (``HttpTokens``) stay visible everywhere.
"""

from __future__ import annotations

import gzip
import io
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import boto3
import pytest

from conftest import REGION
from wasp.catalogue import load_catalogue
from wasp.collect.clients import ClientFactory
from wasp.engine import run_review
from wasp.model import Workload
from wasp.model.rule import WorkloadScope
from wasp.remediate.apply import apply_fixes
from wasp.remediate.base import FixContext
from wasp.remediate.plan import plan
from wasp.report import review_dict
from wasp.report.base import formats, render
from wasp.report.document import review_json
from wasp.rules import load_rules
from wasp.snapshot import Snapshot, load_snapshot, save_snapshot
from wasp.store import open_store
from wasp.workflow import collect_live

TOKEN = "FakeTagToken0123456789xyz"
PASSWORD = "FakeTagPassw0rd!"
TAGS = [
    {"Key": "Name", "Value": "payments"},
    {"Key": "DataClassification", "Value": "confidential"},
    {"Key": "api_token", "Value": TOKEN},
    {"Key": "DB_PASSWORD", "Value": PASSWORD},
]


def _seed() -> None:
    s3 = boto3.client("s3", region_name=REGION)
    s3.create_bucket(Bucket="tagged-b", CreateBucketConfiguration={"LocationConstraint": REGION})
    s3.put_bucket_tagging(Bucket="tagged-b", Tagging={"TagSet": TAGS})
    boto3.client("ec2", region_name=REGION).run_instances(
        ImageId="ami-12345678",
        MinCount=1,
        MaxCount=1,
        MetadataOptions={"HttpTokens": "optional"},
        TagSpecifications=[{"ResourceType": "instance", "Tags": TAGS}],
    )


def _assert_clean(text: str, where: str) -> None:
    assert TOKEN not in text and PASSWORD not in text, f"a secret tag value reached {where}"
    assert "api_token" in text and "DB_PASSWORD" in text, f"the tag keys must stay in {where}"


@pytest.mark.usefixtures("aws")
def test_review_report_store_and_snapshot_keep_tag_keys_and_drop_secret_values(tmp_path: Path) -> None:
    _seed()
    wl = Workload(name="tags", regions=(REGION,))
    inv, _, accounts = collect_live(wl, collectors=["s3", "ec2"])
    review = run_review(
        catalogue=load_catalogue(), rules=load_rules(), inventory=inv, workload=wl, now=datetime.now(UTC)
    )
    evidence_tags = [
        f.evidence["Tags"]
        for f in review.findings
        if f.rule == "s3_bucket_classified" and "Tags" in f.evidence
    ]
    assert evidence_tags, "the classification rule records the bucket's tags as evidence"
    assert {"Key": "DataClassification", "Value": "confidential"} in evidence_tags[0]
    doc = review_dict(review)
    _assert_clean(review_json(doc), "the review document")
    for fmt in formats().values():
        if fmt.reporter.binary:
            continue
        out = io.StringIO()
        render(doc, fmt, out)
        assert TOKEN not in out.getvalue() and PASSWORD not in out.getvalue(), fmt.name
    store = open_store(f"sqlite:///{tmp_path / 'wasp.db'}")
    saved = store.save(doc)
    _assert_clean(review_json(store.load(str(saved.id))), "the store")
    snap = save_snapshot(
        Snapshot(inv, datetime.now(UTC), wl.name, accounts, (REGION,)), tmp_path / "s.json.gz"
    )
    _assert_clean(gzip.decompress(snap.read_bytes()).decode(), "the snapshot")
    reloaded = load_snapshot(snap)
    bucket = next(r for r in reloaded.inventory if r.type == "AWS::S3::Bucket")
    assert bucket.tags["DataClassification"] == "confidential"


@pytest.mark.usefixtures("aws")
def test_audit_log_shows_the_imds_setting_and_hides_secret_tags(tmp_path: Path) -> None:
    _seed()
    wl = Workload(name="tags", regions=(REGION,))
    inv, _, _ = collect_live(wl, collectors=["ec2"])
    doc: dict[str, Any] = review_dict(
        run_review(
            catalogue=load_catalogue(), rules=load_rules(), inventory=inv, workload=wl, now=datetime.now(UTC)
        )
    )
    ctx = FixContext(workload=WorkloadScope(regions=(REGION,)))
    entries = plan(doc, ctx, rules=["ec2_imdsv2_required"])
    assert entries
    log = tmp_path / "audit.jsonl"
    clients = ClientFactory(boto3.session.Session(region_name=REGION))
    results = apply_fixes(entries, clients, "123456789012", (REGION,), ctx, log, "tester")
    assert [r.status for r in results] == ["fixed"]
    text = log.read_text()
    _assert_clean(text, "the audit log")
    assert '"HttpTokens": "required"' in text  # the setting the fix changes is not mistaken for a token
