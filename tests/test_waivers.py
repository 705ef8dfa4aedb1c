"""Waivers: accepted risks keep their findings (shown as waived), expire, and are scoped precisely."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from conftest import NOW, inventory, res
from wasp.attest.waivers import load_waivers
from wasp.catalogue import load_catalogue
from wasp.engine import run_review
from wasp.errors import InputError
from wasp.model import FindingStatus, Workload
from wasp.report import review_dict
from wasp.rules import load_rules

SSH = {
    "GroupName": "bastion",
    "GroupId": "sg-1",
    "Tags": [{"Key": "Purpose", "Value": "legacy"}],
    "SecurityGroupIngress": [{"IpProtocol": "tcp", "FromPort": 22, "ToPort": 22, "CidrIp": "0.0.0.0/0"}],
}


def _file(tmp_path: Path, body: str) -> Path:
    p = tmp_path / "waivers.yaml"
    p.write_text(body)
    return p


def _review(waivers_yaml: str, tmp_path: Path) -> dict:  # type: ignore[type-arg]
    inv = inventory(
        res("AWS::EC2::SecurityGroup", SSH, "sg-1"),
        res("AWS::EC2::SecurityGroup", {**SSH, "GroupId": "sg-2", "Tags": []}, "sg-2"),
        collected=("AWS::EC2::Instance",),
    )
    review = run_review(
        catalogue=load_catalogue(),
        rules=load_rules(),
        inventory=inv,
        workload=Workload(name="w", regions=("eu-west-2",)),
        now=NOW,
        waivers=load_waivers(_file(tmp_path, waivers_yaml)),
    )
    return review_dict(review)


BODY = """waivers:
  - id: W-1
    rule: ec2_sg_no_world_ingress
    resource: sg-*
    tags: {Purpose: legacy}
    owner: network-lead@example.com
    reason: Legacy bastion kept until the Session Manager migration completes.
    expires: %s
"""


def test_a_current_waiver_keeps_the_finding_as_waived_and_only_in_scope(tmp_path: Path) -> None:
    doc = _review(BODY % "2026-12-31", tmp_path)
    sgs = {f["resource"]["id"]: f for f in doc["findings"] if f["rule"] == "ec2_sg_no_world_ingress"}
    assert sgs["sg-1"]["status"] == "waived" and sgs["sg-1"]["waiver"].startswith("W-1 ")
    assert sgs["sg-2"]["status"] == "fail"  # no matching tag: a waiver never hides another resource
    assert doc["waivers"][0] | {"source": None} == {
        "id": "W-1",
        "owner": "network-lead@example.com",
        "reason": "Legacy bastion kept until the Session Manager migration completes.",
        "expires": "2026-12-31",
        "expired": False,
        "source": None,
        "findings": 1,
    }


def test_an_expired_waiver_stops_applying_and_is_listed(tmp_path: Path) -> None:
    doc = _review(BODY % "2026-01-31", tmp_path)
    assert all(f["status"] != FindingStatus.WAIVED.value for f in doc["findings"])
    assert doc["waivers"][0]["expired"] is True and doc["waivers"][0]["findings"] == 0


@pytest.mark.parametrize(
    ("body", "message"),
    [
        (
            "waivers:\n  - id: W-1\n    owner: a\n    reason: too short\n    expires: 2027-01-01\n",
            r"waivers.yaml:4: .*reason",
        ),
        (
            "waivers:\n  - id: W-1\n    owner: a\n    reason: a long enough reason\n",
            r"expires: Field required",
        ),
        (
            "waivers:\n  - {id: A, owner: o, reason: a long enough reason, expires: 2027-01-01}\n"
            "  - {id: A, owner: o, reason: a long enough reason, expires: 2027-01-01}\n",
            "waivers 1 and 2 have the same id",
        ),
    ],
)
def test_bad_waiver_files(tmp_path: Path, body: str, message: str) -> None:
    with pytest.raises(InputError, match=message):
        load_waivers(_file(tmp_path, body))


def test_waiver_dates_are_dates(tmp_path: Path) -> None:
    [w] = load_waivers(_file(tmp_path, BODY % "2027-03-01"))
    assert w.expires == date(2027, 3, 1) and w.source and w.source.endswith(":2")
