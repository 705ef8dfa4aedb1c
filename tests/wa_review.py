"""A small review built with the engine for the Well-Architected Tool tests: a handful of resources and
attestations of every kind (yes, partial, not applicable, expired), so each status appears."""

from __future__ import annotations

import datetime as dt
from typing import Any

from conftest import NOW, inventory, res
from wasp.catalogue import load_catalogue
from wasp.engine import run_review
from wasp.model import ACCOUNT_TYPE, Answer, Attestation, Inventory, NAReason, Review, Workload
from wasp.rules import load_rules

DAY = NOW.date()


def small_inventory() -> Inventory:
    """An account, a world-open security group, a key without rotation and two buckets."""
    return inventory(
        res(
            ACCOUNT_TYPE,
            {
                "AccountId": "111122223333",
                "RootUser": {"MfaEnabled": True, "AccessKeysPresent": False},
                "Regions": {"eu-west-2": {"EbsEncryptionByDefault": False}},
            },
            "111122223333",
            None,
        ),
        res(
            "AWS::EC2::SecurityGroup",
            {
                "GroupName": "ssh",
                "GroupId": "sg-1",
                "SecurityGroupIngress": [
                    {"IpProtocol": "tcp", "FromPort": 22, "ToPort": 22, "CidrIp": "0.0.0.0/0"}
                ],
            },
            "sg-1",
        ),
        res("AWS::KMS::Key", {"EnableKeyRotation": False}, "k1"),
        res("AWS::S3::Bucket", {"BucketName": "a"}, "a"),
        collected=("AWS::EC2::Instance", "AWS::IAM::User", "AWS::CloudTrail::Trail"),
    )


def _att(bp: str, answer: Answer, **kw: Any) -> Attestation:
    kw.setdefault("expires", DAY + dt.timedelta(days=200))
    kw.setdefault("evidence", ("https://wiki.example.com/x",))
    return Attestation(bp, answer, "owner@example.com", DAY - dt.timedelta(days=10), **kw)


ATTESTATIONS = (
    _att("SEC01-BP03", Answer.YES),
    _att("SEC01-BP04", Answer.PARTIAL),
    _att("SEC01-BP07", Answer.YES),
    _att("SEC07-BP01", Answer.NOT_APPLICABLE, reason=NAReason.BUSINESS_PRIORITIES),
    _att("SEC10-BP01", Answer.YES),
    _att("SEC10-BP02", Answer.YES, expires=DAY - dt.timedelta(days=1)),
    _att("SEC11-BP01", Answer.NO),
    *(_att(f"SEC10-BP0{n}", Answer.NOT_APPLICABLE, reason=NAReason.OUT_OF_SCOPE) for n in range(3, 9)),
)


def small_review(attestations: tuple[Attestation, ...] = ATTESTATIONS) -> Review:
    """The review of small_inventory with these attestations."""
    wl = Workload(name="payments", regions=("eu-west-2",), accounts=("111122223333",))
    return run_review(
        catalogue=load_catalogue(),
        rules=load_rules(),
        inventory=small_inventory(),
        workload=wl,
        now=NOW,
        attestations=attestations,
    )


def small_doc(attestations: tuple[Attestation, ...] = ATTESTATIONS) -> dict[str, Any]:
    """small_review as the review document."""
    from wasp.report import review_dict

    doc: dict[str, Any] = review_dict(small_review(attestations))
    return doc
