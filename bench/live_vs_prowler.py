"""Benchmark: wasp vs Prowler reviewing the same emulated account, in the same run.

Starts a moto server on 127.0.0.1 (in this process, behind a request counter), seeds a deterministic
account over two regions (scale 1 ~ 100 resources, scale 10 ten times that, about half of the seeded
resources misconfigured), then runs each scanner as a subprocess against it and prints wall time, peak
RSS, API calls counted at the server, and detected / seeded misconfigurations, with false positives on
the secure half.

Prowler is never a project dependency: install it once into a throwaway venv outside the repo
(``python3 -m venv /tmp/prowler-venv && /tmp/prowler-venv/bin/pip install prowler``) and pass
``--prowler /tmp/prowler-venv/bin/prowler``; without it only wasp runs.

    .venv/bin/python bench/live_vs_prowler.py --scales 1,10 --prowler /tmp/prowler-venv/bin/prowler

The emulator loads each service's backend on the first request it gets for it (seconds for some services, on
the server's one interpreter lock): a cost of the emulator, not of the tool that happens to ask first. So
before timing either tool, one untimed wasp review warms it; its time is printed too ("wasp, cold emulator"),
as the figure earlier sessions reported. ``--no-warmup`` skips it. ``--wasp-only`` with ``--repeat N`` times
wasp N times (the median is kept) while iterating on speed.
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import boto3
from moto.core.config import default_user_config
from moto.server import DomainDispatcherApplication, create_backend_app
from werkzeug.serving import make_server

REGIONS = ("eu-west-2", "us-east-1")
ADMIN = "arn:aws:iam::aws:policy/AdministratorAccess"
WASP = Path(sys.executable).with_name("wasp")

# seeded misconfiguration kind -> (wasp rules, Prowler checks) that should report it
KINDS: dict[str, tuple[set[str], set[str]]] = {
    "bucket_no_public_access_block": (
        {"s3_bucket_public_access_block"},
        {"s3_bucket_level_public_access_block"},
    ),
    "bucket_no_encryption": ({"s3_bucket_default_encryption"}, {"s3_bucket_default_encryption"}),
    "bucket_no_tls_policy": ({"s3_bucket_secure_transport"}, {"s3_bucket_secure_transport_policy"}),
    "sg_ssh_world": (
        {"ec2_sg_no_world_ingress"},
        {
            "ec2_securitygroup_allow_ingress_from_internet_to_tcp_port_22",
            "ec2_securitygroup_allow_ingress_from_internet_to_high_risk_tcp_ports",
            "ec2_securitygroup_allow_ingress_from_internet_to_all_ports",
            "ec2_securitygroup_allow_ingress_from_internet_to_any_port",
        },
    ),
    "sg_postgres_world": (
        {"ec2_sg_no_world_ingress"},
        {
            "ec2_securitygroup_allow_ingress_from_internet_to_tcp_port_postgres_5432",
            "ec2_securitygroup_allow_ingress_from_internet_to_high_risk_tcp_ports",
            "ec2_securitygroup_allow_ingress_from_internet_to_any_port",
        },
    ),
    "sg_all_traffic_world": (
        {"ec2_sg_no_world_ingress"},
        {
            "ec2_securitygroup_allow_ingress_from_internet_to_all_ports",
            "ec2_securitygroup_allow_ingress_from_internet_to_any_port",
        },
    ),
    "instance_imdsv1": ({"ec2_imdsv2_required"}, {"ec2_instance_imdsv2_enabled"}),
    "instance_public_ip": ({"ec2_instance_no_public_ip"}, {"ec2_instance_public_ip"}),
    "volume_unencrypted": ({"ebs_volume_encrypted"}, {"ec2_ebs_volume_encryption"}),
    "kms_no_rotation": ({"kms_key_rotation_enabled"}, {"kms_cmk_rotation_enabled"}),
    "rds_unencrypted": ({"rds_storage_encrypted"}, {"rds_instance_storage_encrypted"}),
    "rds_public": ({"rds_not_publicly_accessible"}, {"rds_instance_no_public_access"}),
    "trail_no_validation": ({"cloudtrail_log_file_validation"}, {"cloudtrail_log_file_validation_enabled"}),
    "trail_no_kms": ({"cloudtrail_kms_encrypted"}, {"cloudtrail_kms_encryption_enabled"}),
    "user_console_no_mfa": ({"iam_user_console_mfa"}, {"iam_user_mfa_enabled_console_access"}),
    "user_admin": ({"iam_user_no_admin"}, {"iam_user_administrator_access_policy"}),
    "role_admin": ({"iam_role_no_admin"}, {"iam_role_administratoraccess_policy"}),
}
# resource type of each kind's resource -> the kinds that apply to it (for false positives on good ones)
BY_TYPE = {
    "bucket": ["bucket_no_public_access_block", "bucket_no_encryption", "bucket_no_tls_policy"],
    "sg": ["sg_ssh_world", "sg_postgres_world", "sg_all_traffic_world"],
    "instance": ["instance_imdsv1", "instance_public_ip"],
    "volume": ["volume_unencrypted"],
    "key": ["kms_no_rotation"],
    "db": ["rds_unencrypted", "rds_public"],
    "trail": ["trail_no_validation", "trail_no_kms"],
    "user": ["user_console_no_mfa", "user_admin"],
    "role": ["role_admin"],
}


@dataclass
class Seed:
    """What was created: misconfigurations (kind, resource key) and the secure resources (type, key)."""

    bad: list[tuple[str, str]] = field(default_factory=list)
    good: list[tuple[str, str]] = field(default_factory=list)
    resources: int = 0


class CountingServer:
    """A moto server on 127.0.0.1 whose every request is counted."""

    def __init__(self) -> None:
        default_user_config["iam"]["load_aws_managed_policies"] = True
        app = DomainDispatcherApplication(create_backend_app)
        self.count = 0
        self._lock = threading.Lock()

        self.by_service: Counter[str] = Counter()

        def counting(environ: dict[str, Any], start_response: Any) -> Any:
            if not environ.get("PATH_INFO", "").startswith("/moto-api"):
                # the signing scope names the service: Credential=KEY/DATE/REGION/SERVICE/aws4_request
                scope = environ.get("HTTP_AUTHORIZATION", "").partition("Credential=")[2].split("/")
                with self._lock:
                    self.count += 1
                    self.by_service[scope[3] if len(scope) > 3 else "?"] += 1
            return app(environ, start_response)

        self._server = make_server("127.0.0.1", 0, counting, threaded=True)
        self.url = f"http://127.0.0.1:{self._server.server_port}"
        threading.Thread(target=self._server.serve_forever, daemon=True).start()

    def reset(self) -> None:
        """Forget every resource (moto's reset endpoint)."""
        import urllib.request

        urllib.request.urlopen(urllib.request.Request(f"{self.url}/moto-api/reset", method="POST")).read()
        self.zero()

    def zero(self) -> None:
        """Start counting requests afresh."""
        with self._lock:
            self.count = 0
            self.by_service.clear()

    def top(self, n: int = 6) -> str:
        """The services that got the most requests since :meth:`zero`, for the log."""
        return ", ".join(f"{svc} {k}" for svc, k in self.by_service.most_common(n))

    def stop(self) -> None:
        """Shut the server down."""
        self._server.shutdown()


def _client(service: str, region: str, url: str) -> Any:
    return boto3.client(
        service,
        region_name=region,
        endpoint_url=url,
        aws_access_key_id="testing",
        aws_secret_access_key="testing",
    )


def seed(url: str, scale: int) -> Seed:
    """Create the deterministic account; every name carries its index so results are comparable."""
    out = Seed()
    iam = _client("iam", REGIONS[0], url)
    for n in range(scale):
        for i, kind in enumerate(("user_console_no_mfa", "user_console_no_mfa", "user_admin", None, None)):
            name = f"user-{n}-{i}"
            iam.create_user(UserName=name)
            if kind == "user_console_no_mfa":
                iam.create_login_profile(UserName=name, Password="Bench-Only-Not-A-Secret-1!")
            if kind == "user_admin":
                iam.attach_user_policy(UserName=name, PolicyArn=ADMIN)
            (out.bad.append((kind, name)) if kind else out.good.append(("user", name)))
        for i, admin in enumerate((True, False, False)):
            name = f"role-{n}-{i}"
            iam.create_role(
                RoleName=name,
                AssumeRolePolicyDocument=json.dumps(
                    {
                        "Version": "2012-10-17",
                        "Statement": [
                            {
                                "Effect": "Allow",
                                "Principal": {"Service": "ec2.amazonaws.com"},
                                "Action": "sts:AssumeRole",
                            }
                        ],
                    }
                ),
            )
            if admin:
                iam.attach_role_policy(RoleName=name, PolicyArn=ADMIN)
            (out.bad.append(("role_admin", name)) if admin else out.good.append(("role", name)))
        out.resources += 8
    for region in REGIONS:
        _seed_region(url, region, scale, out)
    return out


def _seed_region(url: str, region: str, scale: int, out: Seed) -> None:
    s3, ec2, kms, rds = (_client(s, region, url) for s in ("s3", "ec2", "kms", "rds"))
    loc = {} if region == "us-east-1" else {"CreateBucketConfiguration": {"LocationConstraint": region}}
    block = dict.fromkeys(
        ("BlockPublicAcls", "IgnorePublicAcls", "BlockPublicPolicy", "RestrictPublicBuckets"), True
    )
    vpc = ec2.create_vpc(CidrBlock="10.50.0.0/16")["Vpc"]["VpcId"]
    private = ec2.create_subnet(VpcId=vpc, CidrBlock="10.50.1.0/24")["Subnet"]["SubnetId"]
    for n in range(scale):
        for i, bad in enumerate(
            (
                "bucket_no_public_access_block",
                "bucket_no_encryption",
                "bucket_no_tls_policy",
                None,
                None,
                None,
            )
        ):
            name = f"bench-{region}-{n}-{i}"
            s3.create_bucket(Bucket=name, **loc)
            if bad != "bucket_no_public_access_block":
                s3.put_public_access_block(Bucket=name, PublicAccessBlockConfiguration=block)
            if bad != "bucket_no_encryption":
                s3.put_bucket_encryption(
                    Bucket=name,
                    ServerSideEncryptionConfiguration={
                        "Rules": [{"ApplyServerSideEncryptionByDefault": {"SSEAlgorithm": "AES256"}}]
                    },
                )
            if bad != "bucket_no_tls_policy":
                s3.put_bucket_policy(
                    Bucket=name,
                    Policy=json.dumps(
                        {
                            "Version": "2012-10-17",
                            "Statement": [
                                {
                                    "Effect": "Deny",
                                    "Principal": "*",
                                    "Action": "s3:*",
                                    "Resource": [f"arn:aws:s3:::{name}", f"arn:aws:s3:::{name}/*"],
                                    "Condition": {"Bool": {"aws:SecureTransport": "false"}},
                                }
                            ],
                        }
                    ),
                )
            (out.bad.append((bad, name)) if bad else out.good.append(("bucket", name)))
        good_sg = ""
        bad_sgs: list[str] = []
        for i, (bad, perm) in enumerate(
            (
                (
                    "sg_ssh_world",
                    {
                        "IpProtocol": "tcp",
                        "FromPort": 22,
                        "ToPort": 22,
                        "IpRanges": [{"CidrIp": "0.0.0.0/0"}],
                    },
                ),
                (
                    "sg_postgres_world",
                    {
                        "IpProtocol": "tcp",
                        "FromPort": 5432,
                        "ToPort": 5432,
                        "IpRanges": [{"CidrIp": "0.0.0.0/0"}],
                    },
                ),
                ("sg_all_traffic_world", {"IpProtocol": "-1", "IpRanges": [{"CidrIp": "0.0.0.0/0"}]}),
                (
                    None,
                    {
                        "IpProtocol": "tcp",
                        "FromPort": 443,
                        "ToPort": 443,
                        "IpRanges": [{"CidrIp": "10.0.0.0/8"}],
                    },
                ),
                (
                    None,
                    {
                        "IpProtocol": "tcp",
                        "FromPort": 5432,
                        "ToPort": 5432,
                        "IpRanges": [{"CidrIp": "10.50.0.0/16"}],
                    },
                ),
                (
                    None,
                    {
                        "IpProtocol": "tcp",
                        "FromPort": 8080,
                        "ToPort": 8080,
                        "IpRanges": [{"CidrIp": "10.50.1.0/24"}],
                    },
                ),
            )
        ):
            gid = ec2.create_security_group(GroupName=f"sg-{n}-{i}", Description="bench", VpcId=vpc)[
                "GroupId"
            ]
            ec2.authorize_security_group_ingress(GroupId=gid, IpPermissions=[perm])
            (out.bad.append((bad, gid)) if bad else out.good.append(("sg", gid)))
            good_sg = good_sg or ("" if bad else gid)
            if bad:
                bad_sgs.append(gid)
        for bad in ("instance_imdsv1", "instance_public_ip", None, None):
            # the world-open groups are attached (to the IMDSv1 instance): Prowler skips unattached groups
            groups = bad_sgs if bad == "instance_imdsv1" else [good_sg]
            kw: dict[str, Any] = {"SubnetId": private, "SecurityGroupIds": groups}
            if bad == "instance_public_ip":
                kw = {}  # the default subnet assigns a public address
            tokens = "optional" if bad == "instance_imdsv1" else "required"
            iid = ec2.run_instances(
                ImageId="ami-12345678",
                MinCount=1,
                MaxCount=1,
                InstanceType="t3.micro",
                MetadataOptions={"HttpTokens": tokens},
                **kw,
            )["Instances"][0]["InstanceId"]
            (out.bad.append((bad, iid)) if bad else out.good.append(("instance", iid)))
        for bad in ("volume_unencrypted", "volume_unencrypted", None, None):
            vid = ec2.create_volume(AvailabilityZone=f"{region}a", Size=8, Encrypted=bad is None)["VolumeId"]
            (out.bad.append((bad, vid)) if bad else out.good.append(("volume", vid)))
        for bad in ("kms_no_rotation", None):
            kid = kms.create_key(Description=f"bench {n}")["KeyMetadata"]["KeyId"]
            if bad is None:
                kms.enable_key_rotation(KeyId=kid)
            (out.bad.append((bad, kid)) if bad else out.good.append(("key", kid)))
        for i, bad in enumerate((True, False)):
            db = f"db-{region}-{n}-{i}"
            rds.create_db_instance(
                DBInstanceIdentifier=db,
                Engine="postgres",
                DBInstanceClass="db.t3.micro",
                MasterUsername="bench",
                MasterUserPassword="Bench-Only-Not-A-Secret-2",
                AllocatedStorage=20,
                StorageEncrypted=not bad,
                PubliclyAccessible=bad,
            )
            if bad:
                out.bad += [("rds_unencrypted", db), ("rds_public", db)]
            else:
                out.good.append(("db", db))
        out.resources += (
            6 + 6 + 4 + 4 + 4 + 2 + 2
        )  # buckets, groups, instances (+root volumes), volumes, keys, dbs
    trail_bucket = f"bench-trail-{region}"
    s3.create_bucket(Bucket=trail_bucket, **loc)
    ct = _client("cloudtrail", region, url)
    name = f"trail-{region}"
    if region == REGIONS[0]:
        ct.create_trail(Name=name, S3BucketName=trail_bucket, IsMultiRegionTrail=True)
        out.bad += [("trail_no_validation", name), ("trail_no_kms", name)]
    else:
        key = kms.create_key(Description="trail")["KeyMetadata"]["Arn"]
        ct.create_trail(Name=name, S3BucketName=trail_bucket, EnableLogFileValidation=True, KmsKeyId=key)
        out.good.append(("trail", name))
    out.resources += 3


WRAP = (
    "import resource, subprocess, sys, time; t = time.monotonic(); rc = subprocess.run(sys.argv[1:]).returncode; "
    "print(f'__measure__ {time.monotonic() - t:.3f} {resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss} {rc}')"
)


def measured(cmd: list[str], env: dict[str, str]) -> tuple[float, float, int]:
    """Run a command in a fresh wrapper process: (wall seconds, peak RSS MiB of the command, exit code)."""
    proc = subprocess.run([sys.executable, "-c", WRAP, *cmd], env=env, capture_output=True, text=True)
    line = next((ln for ln in proc.stdout.splitlines() if ln.startswith("__measure__")), None)
    if line is None:
        raise RuntimeError(f"{cmd[0]} did not run: {proc.stderr[-2000:]}")
    _, wall, rss, rc = line.split()
    return float(wall), int(rss) / 1024, int(rc)


def fails_wasp(review: dict[str, Any]) -> set[tuple[str, str]]:
    """(rule, resource id) of every failing wasp finding."""
    return {(f["rule"], f["resource"]["id"]) for f in review["findings"] if f["status"] == "fail"}


def fails_prowler(path: Path) -> set[tuple[str, str]]:
    """(check, resource uid or name) of every failing Prowler finding (OCSF JSON)."""
    out: set[tuple[str, str]] = set()
    for finding in json.loads(path.read_text() or "[]"):
        if finding.get("status_code") != "FAIL":
            continue
        check = finding.get("metadata", {}).get("event_code", "")
        for res in finding.get("resources", []):
            out.add((check, str(res.get("uid", ""))))
            out.add((check, str(res.get("name", ""))))
    return out


def score(seeded: Seed, fails: set[tuple[str, str]], tool: int) -> tuple[int, int]:
    """(misconfigurations detected, false positives on the secure half)."""

    def hit(checks: set[str], key: str) -> bool:
        return any(
            c in checks and (r == key or r.endswith(f"/{key}") or r.endswith(f":{key}")) for c, r in fails
        )

    detected = sum(hit(KINDS[kind][tool], key) for kind, key in seeded.bad)
    false_pos = sum(hit(KINDS[kind][tool], key) for rtype, key in seeded.good for kind in BY_TYPE[rtype])
    return detected, false_pos


Row = tuple[str, int, float, float, int, str, int, int]
"""tool, scale, wall s, peak RSS MiB, API calls, found/seeded, false positives, resources."""


def run_wasp(
    server: CountingServer, env: dict[str, str], out: str, seeded: Seed, scale: int, label: str
) -> Row:
    """One timed ``wasp review`` of the seeded account; its row, printed as it comes."""
    server.zero()
    wall, rss, rc = measured(
        [str(WASP), "review", "--name", "bench", "--regions", ",".join(REGIONS), "--out", out], env
    )
    if rc not in (0, 1):  # 1 only with --fail-on
        raise RuntimeError(f"wasp exited {rc}")
    review = json.loads((Path(out) / "review.json").read_text())
    found, fps = score(seeded, fails_wasp(review), 0)
    print(
        f"  {label:20s} {wall:7.1f}s {rss:7.0f} MiB {server.count:6d} calls  {found}/{len(seeded.bad)} found, "
        f"{fps} FP  ({server.top()})",
        flush=True,
    )
    return (label, scale, wall, rss, server.count, f"{found}/{len(seeded.bad)}", fps, seeded.resources)


def main() -> None:
    """Parse flags, run every scale, print the table."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--scales", default="1,10")
    parser.add_argument("--prowler", help="path to a prowler executable in a throwaway venv")
    parser.add_argument("--prowler-mode", default="compliance", choices=("compliance", "services"))
    parser.add_argument(
        "--no-warmup",
        dest="warmup",
        action="store_false",
        help="time the first review, on a cold emulator (see the module docstring)",
    )
    parser.add_argument("--repeat", type=int, default=1, help="time wasp N times and keep the median")
    args = parser.parse_args()
    logging.getLogger("werkzeug").setLevel(logging.WARNING)  # one log line per request is noise here
    server = CountingServer()
    env = {
        **os.environ,
        "AWS_ENDPOINT_URL": server.url,
        "AWS_ACCESS_KEY_ID": "testing",
        "AWS_SECRET_ACCESS_KEY": "testing",
        "AWS_DEFAULT_REGION": REGIONS[0],
        "MOTO_EC2_LOAD_DEFAULT_AMIS": "false",
    }
    env.pop("AWS_PROFILE", None)
    rows: list[Row] = []
    try:
        for scale in (int(s) for s in args.scales.split(",")):
            server.reset()
            started = time.monotonic()
            seeded = seed(server.url, scale)
            print(
                f"scale {scale}: seeded {len(seeded.bad)} misconfigurations, {len(seeded.good)} secure resources, "
                f"~{seeded.resources} resources in {time.monotonic() - started:.1f}s",
                flush=True,
            )
            with tempfile.TemporaryDirectory() as tmp:
                if args.warmup:
                    row = run_wasp(server, env, tmp, seeded, scale, "wasp, cold emulator")
                    rows.append(row)
                runs = [run_wasp(server, env, tmp, seeded, scale, "wasp") for _ in range(max(1, args.repeat))]
                rows.append(sorted(runs, key=lambda r: r[2])[len(runs) // 2])
                if args.prowler:
                    server.zero()
                    mode = (
                        ["--compliance", "aws_well_architected_framework_security_pillar_aws"]
                        if args.prowler_mode == "compliance"
                        else ["-s", "s3", "iam", "ec2", "kms", "cloudtrail", "rds"]
                    )
                    wall, rss, rc = measured(
                        [
                            args.prowler,
                            "aws",
                            *mode,
                            "-f",
                            *REGIONS,
                            "-M",
                            "json-ocsf",
                            "-o",
                            tmp,
                            "-F",
                            "prowler",
                            "-b",
                            "-z",
                        ],
                        env,
                    )
                    if rc not in (0, 3):  # 3 means "found failures" unless -z
                        print(f"  (prowler exited {rc})", flush=True)
                    found, fps = score(seeded, fails_prowler(Path(tmp) / "prowler.ocsf.json"), 1)
                    rows.append(
                        (
                            "prowler",
                            scale,
                            wall,
                            rss,
                            server.count,
                            f"{found}/{len(seeded.bad)}",
                            fps,
                            seeded.resources,
                        )
                    )
                    print(
                        f"  prowler {wall:7.1f}s {rss:7.0f} MiB {server.count:6d} calls  {found}/{len(seeded.bad)} found, {fps} FP",
                        flush=True,
                    )
    finally:
        server.stop()
    print(
        "\n| tool | scale | wall s | peak RSS MiB | API calls | calls/resource | seeded misconfigurations found | false positives |"
    )
    print("|---|---|---|---|---|---|---|---|")
    for tool, scale, wall, rss, calls, found, fps, resources in rows:
        print(
            f"| {tool} | {scale} | {wall:.1f} | {rss:.0f} | {calls} | {calls / resources:.1f} | {found} | {fps} |"
        )
    counts = Counter(r[0] for r in rows)
    if counts["prowler"]:
        for scale in sorted({r[1] for r in rows}):
            w = next(r for r in rows if r[0] == "wasp" and r[1] == scale)
            p = next(r for r in rows if r[0] == "prowler" and r[1] == scale)
            cold = next((r for r in rows if r[0] == "wasp, cold emulator" and r[1] == scale), None)
            print(
                f"scale {scale}: wasp is {p[2] / w[2]:.1f}x faster"
                + (f" ({p[2] / cold[2]:.1f}x on the cold emulator)" if cold else "")
                + f", uses {w[3] / p[3]:.2f}x the memory and {w[4] / max(p[4], 1):.2f}x the API calls of Prowler"
            )


if __name__ == "__main__":
    main()
