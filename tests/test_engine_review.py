"""The whole engine on a small inventory: findings with evidence, waivers, rollups, the plan order."""

from __future__ import annotations

from conftest import NOW, inventory, res
from wasp.catalogue import load_catalogue
from wasp.engine import run_review
from wasp.model import ACCOUNT_TYPE, BPStatus, FindingStatus, Risk, Workload
from wasp.model.redact import REDACTED
from wasp.rules import load_rules

WORLD_SSH = {
    "GroupName": "ssh",
    "GroupId": "sg-1",
    "SecurityGroupIngress": [
        {"IpProtocol": "tcp", "FromPort": 22, "ToPort": 22, "CidrIp": "0.0.0.0/0", "Description": "admin SSH"}
    ],
}


def _inventory():  # type: ignore[no-untyped-def]
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
        res("AWS::EC2::SecurityGroup", WORLD_SSH, "sg-1"),
        res("AWS::KMS::Key", {"EnableKeyRotation": False}, "k1"),
        res("AWS::S3::Bucket", {"BucketName": "a"}, "a"),
        res("AWS::S3::Bucket", {"BucketName": "b"}, "b"),
        collected=(
            "AWS::EC2::Instance",
            "AWS::S3::BucketPolicy",
            "AWS::IAM::User",
            "AWS::CloudTrail::Trail",
            "AWS::IAM::Group",
            "AWS::IAM::ManagedPolicy",
            "AWS::IAM::Role",
            "AWS::IAM::AccessKey",
            "AWS::EC2::Volume",
        ),
    )


def _review(**kw):  # type: ignore[no-untyped-def]
    wl = Workload(name="t", regions=("eu-west-2",), stakeholders={"SEC05": "net@example.com"})
    return run_review(
        catalogue=load_catalogue(), rules=load_rules(), inventory=_inventory(), workload=wl, now=NOW, **kw
    )


def test_plan_puts_every_high_risk_gap_first_and_public_exposure_first_within() -> None:
    review = _review()
    risks = [item.risk for item in review.plan]
    assert risks == sorted(risks, key=lambda r: {Risk.HIGH: 0, Risk.MEDIUM: 1, Risk.LOW: 2}[r])
    assert [i.rank for i in review.plan] == list(range(1, len(review.plan) + 1))
    high = [i for i in review.plan if i.risk is Risk.HIGH]
    exposed = [i.public_exposure for i in high]
    assert exposed == sorted(exposed, reverse=True)
    sg_item = next(i for i in review.plan if i.best_practice == "SEC05-BP02")
    assert sg_item.owner == "net@example.com"
    assert sg_item.remediation[0][0] == "ec2_sg_no_world_ingress"


def test_plan_ranks_the_worst_finding_before_more_resources_within_a_risk() -> None:
    """Root without MFA (critical, one resource) ranks before a high-risk gap on more, less severe resources."""
    review = _review()
    by_id = {f.id: f for f in review.findings}

    def worst(item) -> int:  # type: ignore[no-untyped-def]
        return min((by_id[fid].severity.rank for fid in item.findings), default=99)

    for a, b in zip(review.plan, review.plan[1:], strict=False):
        if (a.risk, a.public_exposure) == (b.risk, b.public_exposure):
            assert worst(a) <= worst(b), (a.best_practice, b.best_practice)
    assert len({worst(i) for i in review.plan if i.findings}) > 1


def test_findings_carry_evidence_and_severity_by_port() -> None:
    review = _review()
    sg = next(f for f in review.findings if f.rule == "ec2_sg_no_world_ingress")
    assert sg.status is FindingStatus.FAIL and sg.severity.value == "critical"
    assert sg.evidence["world_open"] == ["SSH (22)"]
    assert "SecurityGroupIngress" in sg.evidence
    assert sg.resource.account == "111122223333" and sg.public_exposure


def test_waived_findings_are_kept_and_do_not_fail_the_practice() -> None:
    review = _review(waiver=lambda f: "accepted risk R-12" if f.rule == "ec2_sg_no_world_ingress" else None)
    sg = next(f for f in review.findings if f.rule == "ec2_sg_no_world_ingress")
    assert sg.status is FindingStatus.WAIVED and sg.waiver == "accepted risk R-12"
    bp = next(b for q in review.questions for b in q.best_practices if b.id == "SEC05-BP02")
    assert bp.status is not BPStatus.NOT_MET


def test_rollups_cover_all_practices() -> None:
    review = _review()
    assert sum(sum(a.counts.values()) for a in review.areas) == 63
    assert len(review.principles) == 7


def test_secrets_in_evidence_are_redacted() -> None:
    from wasp.model.redact import redact

    value = {
        "Environment": {"Variables": {"DB_PASSWORD": "hunter2", "STAGE": "prod"}},
        "UserData": "export KEY=AKIAABCDEFGHIJKLMNOP",
        "Note": "key AKIAABCDEFGHIJKLMNOP leaked",
    }
    out = redact(value)
    assert out["Environment"]["Variables"] == {"DB_PASSWORD": REDACTED, "STAGE": "prod"}
    assert out["UserData"] == REDACTED
    assert "AKIA" not in out["Note"]
    assert redact({"PasswordPolicy": {"MinimumPasswordLength": 8}}) == {
        "PasswordPolicy": {"MinimumPasswordLength": 8}
    }
