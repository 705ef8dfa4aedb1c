"""Faults in live collection never crash a review and never fake a pass (issue #11 §1, §2).

A fault proxy on 127.0.0.1 (tests/faults_proxy.py) sits between wasp and a moto server and, for one
operation at a time, answers 403, 500, throttling, a connection reset or a malformed body. Each faulted
review must complete, write review.json and exit 0, and no best practice may be met or not applicable
under the fault unless it is the same without it. The full matrix (every operation the collectors call,
every fault) is marked slow; this module's fast cases cover the named repros.
"""

from __future__ import annotations

import json
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import boto3
import pytest

from faults_proxy import FAULTS, FaultProxy, collector_services, reset_moto, seed_fault_estate
from wasp.cli.app import main

REGION = "eu-west-2"
OTHER = "eu-west-1"
ENV = {
    "AWS_ACCESS_KEY_ID": "testing",
    "AWS_SECRET_ACCESS_KEY": "testing",
    "AWS_SESSION_TOKEN": "testing",
    "AWS_DEFAULT_REGION": REGION,
    "MOTO_EC2_LOAD_DEFAULT_AMIS": "false",
}


@dataclass
class Estate:
    """The seeded moto server behind the fault proxy, with cached no-fault baselines."""

    proxy: FaultProxy
    upstream: str
    made: dict[str, str]
    baselines: dict[tuple[str, str], dict[str, str]] = field(default_factory=dict)


@pytest.fixture(scope="module")
def estate(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Estate]:
    """A moto server seeded with the fault estate (and an open security group in two regions)."""
    from moto.server import ThreadedMotoServer

    mp = pytest.MonkeyPatch()
    empty = tmp_path_factory.mktemp("aws-faults")
    for k, v in {
        **ENV,
        "AWS_CONFIG_FILE": str(empty / "config"),
        "AWS_SHARED_CREDENTIALS_FILE": str(empty / "credentials"),
    }.items():
        mp.setenv(k, v)
    mp.delenv("AWS_PROFILE", raising=False)
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=0, verbose=False)
    server.start()
    host, port = server.get_host_and_port()
    upstream = f"http://{host}:{port}"
    mp.setenv("AWS_ENDPOINT_URL", upstream)
    try:
        reset_moto(upstream)  # moto's state is process-wide: start from an empty account
        session = boto3.session.Session(region_name=REGION)
        made = seed_fault_estate(session, REGION)
        for region in (REGION, OTHER):
            ec2 = session.client("ec2", region_name=region)
            sg = ec2.create_security_group(GroupName="open-rdp", Description="open")["GroupId"]
            ec2.authorize_security_group_ingress(
                GroupId=sg,
                IpPermissions=[
                    {
                        "IpProtocol": "tcp",
                        "FromPort": 3389,
                        "ToPort": 3389,
                        "IpRanges": [{"CidrIp": "0.0.0.0/0"}],
                    }
                ],
            )
            made[f"sg-{region}"] = sg
        proxy = FaultProxy(upstream, collector_services())
        mp.setenv("AWS_ENDPOINT_URL", proxy.url)
        yield Estate(proxy, upstream, made)
        proxy.stop()
    finally:
        server.stop()
        mp.undo()


@pytest.fixture(autouse=True)
def _through_the_proxy(estate: Estate, monkeypatch: pytest.MonkeyPatch) -> None:
    """Every review in this module goes through the proxy (conftest clears AWS_ENDPOINT_URL per test)."""
    monkeypatch.setenv("AWS_ENDPOINT_URL", estate.proxy.url)
    monkeypatch.delenv("WASP_DEBUG", raising=False)  # faults must be contained, not re-raised


def review(
    collectors: str, out: Path, regions: str = REGION, extra: tuple[str, ...] = ()
) -> tuple[int, dict[str, Any] | None]:
    """Run `wasp review` in-process through the proxy; (exit code, review.json or None)."""
    args = ["review", "--name", "faults", "--regions", regions, "--out", str(out), "--max-attempts", "2"]
    if collectors:
        args += ["--collectors", collectors]
    try:
        main([*args, *extra])
        code = 0
    except SystemExit as exc:
        code = int(exc.code or 0)
    path = out / "review.json"
    return code, json.loads(path.read_text()) if path.exists() else None


def statuses(doc: dict[str, Any]) -> dict[str, str]:
    """Best practice id -> status."""
    return {bp["id"]: bp["status"] for q in doc["questions"] for bp in q["best_practices"]}


def baseline(estate: Estate, collectors: str, out: Path) -> dict[str, str]:
    """Practice statuses with no fault (cached per collector set)."""
    key = (collectors, REGION)
    if key not in estate.baselines:
        estate.proxy.set_fault(None)
        code, doc = review(collectors, out)
        assert code == 0 and doc is not None
        estate.baselines[key] = statuses(doc)
    return estate.baselines[key]


def fault_problems(
    estate: Estate, service: str, operation: str, kind: str, collectors: str, out: Path
) -> list[str]:
    """Run one faulted review; what went wrong (empty when the fault was contained)."""
    base = baseline(estate, collectors, out / "baseline")
    estate.proxy.clear()
    estate.proxy.set_fault(kind, lambda c: c.service == service and c.operation == operation)
    try:
        code, doc = review(collectors, out / kind)
    finally:
        estate.proxy.set_fault(None)
    label = f"{service}:{operation} {kind}"
    hits = sum(n for c, n in estate.proxy.faulted.items() if c.operation == operation)
    if not hits:
        return [f"{label}: the fault never hit (operation not called by {collectors})"]
    if doc is None:
        return [f"{label}: no review.json (exit {code})"]
    problems = [f"{label}: exit {code}"] if code != 0 else []
    if not doc["gaps"]:
        problems.append(f"{label}: the fault left no gap")
    problems += [
        f"{label}: {g['message']}"
        for g in doc["gaps"]
        if g["error"] == "collector_error" or g["error"] == "rule_error"
    ]
    for bp, status in statuses(doc).items():
        if status in ("met", "not_applicable") and base.get(bp) != status:
            problems.append(f"{label}: {bp} became {status} (was {base.get(bp)})")
    return problems


FAST_SET = "account,organizations,cloudtrail,s3,kms,acm,apigateway,dynamodb,ecs,ec2,networkfirewall"
"""One collector set for the fast cases (one baseline): every collector the named repros involve."""

CRASH_REPROS = (
    ("s3", "GetPublicAccessBlock"),
    ("cloudtrail", "GetEventSelectors"),
    ("organizations", "ListTargetsForPolicy"),
)
"""The three per-resource reads whose failure used to crash the whole review."""


@pytest.mark.parametrize("kind", FAULTS)
def test_every_fault_on_a_trail_detail_read_is_contained(estate: Estate, tmp_path: Path, kind: str) -> None:
    problems = fault_problems(estate, "cloudtrail", "GetEventSelectors", kind, FAST_SET, tmp_path)
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize(("service", "operation"), CRASH_REPROS)
def test_a_denied_per_resource_read_never_crashes_nor_fakes(
    estate: Estate, tmp_path: Path, service: str, operation: str
) -> None:
    problems = fault_problems(estate, service, operation, "403", FAST_SET, tmp_path)
    assert not problems, "\n".join(problems)


def findings(doc: dict[str, Any], rule: str) -> dict[str, str]:
    """Resource id -> status for one rule."""
    return {f["resource"]["id"]: f["status"] for f in doc["findings"] if f["rule"] == rule}


DETAIL_READS = (
    ("kms", "DescribeKey", "kms_key_rotation_enabled", lambda m: m["key"], ("unknown",)),
    (
        "acm",
        "DescribeCertificate",
        "acm_certificate_healthy",
        lambda m: m["certificate"].rsplit("/", 1)[-1],
        ("unknown",),
    ),
    ("apigateway", "GetStages", "waf_on_api_stage", lambda m: f"{m['api']}/*", ("unknown",)),
    ("dynamodb", "DescribeTable", "", lambda m: "", ()),
    ("ecs", "DescribeTaskDefinition", "ecs_no_secrets_in_env", lambda m: "payments", ("unknown",)),
    (
        "network-firewall",
        "DescribeFirewall",
        "network_firewall_logged_and_protected",
        lambda m: "payments",
        ("unknown", "fail"),
    ),
    (
        "ec2",
        "DescribeLaunchTemplateVersions",
        "launch_template_no_secrets",
        lambda m: m["launch_template"],
        ("unknown",),
    ),
)
"""Detail reads whose failure used to drop the resource (or a fact derived from it): the rule and the
resource that must still be judged, and the statuses it may have when its detail is unknown."""


@pytest.mark.parametrize(
    ("service", "operation", "rule", "rid", "allowed"), DETAIL_READS, ids=[d[1] for d in DETAIL_READS]
)
def test_a_failed_detail_read_keeps_the_resource_unknown(
    estate: Estate,
    tmp_path: Path,
    service: str,
    operation: str,
    rule: str,
    rid: Any,
    allowed: tuple[str, ...],
) -> None:
    problems = fault_problems(estate, service, operation, "403", FAST_SET, tmp_path)
    assert not problems, "\n".join(problems)
    if rule:
        doc = json.loads((tmp_path / "403" / "review.json").read_text())
        got = findings(doc, rule)
        assert got.get(rid(estate.made)) in allowed, got


def test_the_named_details_are_judged_without_faults(estate: Estate, tmp_path: Path) -> None:
    """The fault cases above are meaningful: without a fault the same resources get definite verdicts."""
    estate.proxy.set_fault(None)
    estate.proxy.clear()
    code, doc = review(FAST_SET, tmp_path)
    assert code == 0 and doc is not None
    assert findings(doc, "launch_template_no_secrets").get(estate.made["launch_template"]) == "fail"
    assert findings(doc, "ecs_no_secrets_in_env").get("payments") == "fail"
    assert findings(doc, "kms_key_rotation_enabled").get(estate.made["key"]) == "pass"
    assert statuses(doc)["SEC02-BP03"] == "not_met"
    assert not estate.proxy.unidentified, estate.proxy.unidentified


@pytest.mark.parametrize(
    "kind",
    [
        "500",
        pytest.param("403", marks=pytest.mark.slow),
        pytest.param("throttle", marks=pytest.mark.slow),
        pytest.param("reset", marks=pytest.mark.slow),
        pytest.param("malformed", marks=pytest.mark.slow),
    ],
)
def test_a_fault_in_one_region_leaves_the_other_regions_fails_standing(
    estate: Estate, tmp_path: Path, kind: str
) -> None:
    estate.proxy.set_fault(kind, lambda c: c.region == OTHER)
    try:
        code, doc = review("ec2", tmp_path, regions=f"{REGION},{OTHER}")
    finally:
        estate.proxy.set_fault(None)
    assert code == 0 and doc is not None
    sg = findings(doc, "ec2_sg_no_world_ingress")
    assert sg.get(estate.made[f"sg-{REGION}"]) == "fail", sg
    assert estate.made[f"sg-{OTHER}"] not in sg  # its listing failed: not seen, and a gap says so
    assert any(g["region"] == OTHER for g in doc["gaps"])
    assert statuses(doc)["SEC05-BP02"] == "not_met"


def test_a_region_that_never_answers_becomes_a_deadline_gap(estate: Estate, tmp_path: Path) -> None:
    estate.proxy.set_fault("hold", lambda c: c.region == OTHER)
    started = time.monotonic()
    try:
        code, doc = review("ec2,vpc,kms", tmp_path, regions=f"{REGION},{OTHER}", extra=("--timeout", "6"))
    finally:
        estate.proxy.release()
        estate.proxy.set_fault(None)
    took = time.monotonic() - started
    assert code == 0 and doc is not None
    assert took < 30, f"the review took {took:.0f}s despite --timeout 6"
    held = {
        g["operation"]
        for g in doc["gaps"]
        if g["region"] == OTHER and g["error"] in ("deadline", "unreachable")
    }
    assert held, doc["gaps"]
    assert not [g for g in doc["gaps"] if g["region"] == REGION and g["error"] in ("deadline", "unreachable")]
    sg = findings(doc, "ec2_sg_no_world_ingress")
    assert sg.get(estate.made[f"sg-{REGION}"]) == "fail", sg
