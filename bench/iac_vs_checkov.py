"""Benchmark: wasp scan vs Checkov on the same generated CloudFormation and Terraform corpora, in one run.

A deterministic generator writes corpora of 100, 1,000 and 10,000 resources (CloudFormation: templates of at
most 500 resources; Terraform: one root module per 500 resources, S3 buckets written the modern way, as split
resources) with a known mix of misconfigurations planted on every other resource. Each tool then scans each
corpus as a subprocess; the benchmark prints wall time, peak RSS (from the kernel's accounting of the child)
and planted misconfigurations detected, and the ratios against Checkov.

Checkov is never a project dependency: install it once into a throwaway venv outside the repo
(``python3 -m venv /tmp/checkov-venv && /tmp/checkov-venv/bin/pip install checkov==3.3.30``) and pass
``--checkov /tmp/checkov-venv/bin/checkov``; without it only wasp runs.

    .venv/bin/python bench/iac_vs_checkov.py --sizes 100,1000,10000 --checkov /tmp/checkov-venv/bin/checkov
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

WASP = Path(sys.executable).with_name("wasp")
PER_FILE = 500

# kind -> (wasp rules, Checkov checks) that report it. A planted misconfiguration counts as detected when the
# tool fails one of its checks on that resource.
KINDS: dict[str, tuple[set[str], set[str]]] = {
    "bucket_unencrypted": ({"s3_bucket_default_encryption"}, {"CKV_AWS_19", "CKV_AWS_145"}),
    "bucket_no_public_access_block": (
        {"s3_bucket_public_access_block"},
        {"CKV_AWS_53", "CKV_AWS_54", "CKV_AWS_55", "CKV_AWS_56", "CKV2_AWS_6"},
    ),
    "sg_ssh_world": ({"ec2_sg_no_world_ingress"}, {"CKV_AWS_24", "CKV_AWS_260", "CKV_AWS_277"}),
    "volume_unencrypted": ({"ebs_volume_encrypted"}, {"CKV_AWS_3"}),
    "key_not_rotated": ({"kms_key_rotation_enabled"}, {"CKV_AWS_7"}),
    "trail_no_log_validation": ({"cloudtrail_log_file_validation"}, {"CKV_AWS_36"}),
}
SHAPES = ("bucket", "group", "volume", "key", "trail")


@dataclass(frozen=True)
class Planted:
    """One planted misconfiguration: the file, the resource's name in each tool's terms, and the kind."""

    file: str
    cfn_id: str
    tf_address: str
    kind: str


def _cfn_resource(i: int, bad: bool) -> tuple[list[str], list[tuple[str, str, str]]]:
    """Lines of one resource, and (logical id, tf address, kind) for each misconfiguration planted on it."""
    shape = SHAPES[i % len(SHAPES)]
    if shape == "bucket":
        lid = f"Bucket{i}"
        lines = [f"  {lid}:", "    Type: AWS::S3::Bucket", "    Properties:", f"      BucketName: bench-{i}"]
        if not bad:
            lines += [
                "      BucketEncryption:",
                "        ServerSideEncryptionConfiguration:",
                "          - ServerSideEncryptionByDefault: {SSEAlgorithm: aws:kms}",
                "      PublicAccessBlockConfiguration: {BlockPublicAcls: true, BlockPublicPolicy: true, "
                "IgnorePublicAcls: true, RestrictPublicBuckets: true}",
            ]
            return lines, []
        tf = f"aws_s3_bucket.b{i}"
        return lines, [(lid, tf, "bucket_unencrypted"), (lid, tf, "bucket_no_public_access_block")]
    if shape == "group":
        lid = f"Group{i}"
        cidr = "0.0.0.0/0" if bad else "10.0.0.0/8"
        lines = [
            f"  {lid}:",
            "    Type: AWS::EC2::SecurityGroup",
            "    Properties:",
            f"      GroupDescription: group {i}",
            "      SecurityGroupIngress:",
            f"        - {{IpProtocol: tcp, FromPort: 22, ToPort: 22, CidrIp: {cidr}, Description: ssh}}",
        ]
        return lines, [(lid, f"aws_security_group.g{i}", "sg_ssh_world")] if bad else []
    if shape == "volume":
        lid = f"Volume{i}"
        lines = [
            f"  {lid}:",
            "    Type: AWS::EC2::Volume",
            "    Properties:",
            "      AvailabilityZone: eu-west-2a",
            "      Size: 8",
            f"      Encrypted: {'false' if bad else 'true'}",
        ]
        return lines, [(lid, f"aws_ebs_volume.v{i}", "volume_unencrypted")] if bad else []
    if shape == "key":
        lid = f"Key{i}"
        lines = [
            f"  {lid}:",
            "    Type: AWS::KMS::Key",
            "    Properties:",
            f"      EnableKeyRotation: {'false' if bad else 'true'}",
            "      KeyPolicy:",
            "        Version: '2012-10-17'",
            "        Statement:",
            "          - Effect: Allow",
            "            Principal: {AWS: !Sub 'arn:aws:iam::${AWS::AccountId}:root'}",
            "            Action: 'kms:*'",
            "            Resource: '*'",
        ]
        return lines, [(lid, f"aws_kms_key.k{i}", "key_not_rotated")] if bad else []
    lid = f"Trail{i}"
    lines = [
        f"  {lid}:",
        "    Type: AWS::CloudTrail::Trail",
        "    Properties:",
        f"      TrailName: trail-{i}",
        "      S3BucketName: bench-logs",
        "      IsLogging: true",
        "      IsMultiRegionTrail: true",
        f"      EnableLogFileValidation: {'false' if bad else 'true'}",
        "      KMSKeyId: alias/trail",
    ]
    return lines, [(lid, f"aws_cloudtrail.t{i}", "trail_no_log_validation")] if bad else []


def _tf_resource(i: int, bad: bool) -> str:
    shape = SHAPES[i % len(SHAPES)]
    if shape == "bucket":
        text = f'resource "aws_s3_bucket" "b{i}" {{\n  bucket = "bench-{i}"\n}}\n'
        if not bad:
            text += (
                f'resource "aws_s3_bucket_server_side_encryption_configuration" "b{i}" {{\n'
                f"  bucket = aws_s3_bucket.b{i}.id\n  rule {{\n    apply_server_side_encryption_by_default {{\n"
                f'      sse_algorithm = "aws:kms"\n    }}\n  }}\n}}\n'
                f'resource "aws_s3_bucket_public_access_block" "b{i}" {{\n  bucket = aws_s3_bucket.b{i}.id\n'
                "  block_public_acls = true\n  block_public_policy = true\n  ignore_public_acls = true\n"
                "  restrict_public_buckets = true\n}\n"
            )
        return text
    if shape == "group":
        cidr = "0.0.0.0/0" if bad else "10.0.0.0/8"
        return (
            f'resource "aws_security_group" "g{i}" {{\n  description = "group {i}"\n  ingress {{\n'
            f'    description = "ssh"\n    from_port = 22\n    to_port = 22\n    protocol = "tcp"\n'
            f'    cidr_blocks = ["{cidr}"]\n  }}\n}}\n'
        )
    if shape == "volume":
        return (
            f'resource "aws_ebs_volume" "v{i}" {{\n  availability_zone = "eu-west-2a"\n  size = 8\n'
            f"  encrypted = {'false' if bad else 'true'}\n}}\n"
        )
    if shape == "key":
        return f'resource "aws_kms_key" "k{i}" {{\n  enable_key_rotation = {"false" if bad else "true"}\n}}\n'
    return (
        f'resource "aws_cloudtrail" "t{i}" {{\n  name = "trail-{i}"\n  s3_bucket_name = "bench-logs"\n'
        f'  is_multi_region_trail = true\n  kms_key_id = "alias/trail"\n'
        f"  enable_log_file_validation = {'false' if bad else 'true'}\n}}\n"
    )


def generate(root: Path, size: int) -> tuple[Path, Path, list[Planted], list[Planted]]:
    """Write both corpora of ``size`` resources; return their folders and what was planted in each."""
    cfn_dir, tf_dir = root / f"cfn-{size}", root / f"tf-{size}"
    cfn_planted: list[Planted] = []
    tf_planted: list[Planted] = []
    for chunk in range(0, size, PER_FILE):
        template = cfn_dir / f"stack-{chunk // PER_FILE:03d}.yaml"
        module = tf_dir / f"stack-{chunk // PER_FILE:03d}"
        module.mkdir(parents=True)
        template.parent.mkdir(parents=True, exist_ok=True)
        lines = ["AWSTemplateFormatVersion: '2010-09-09'", "Resources:"]
        tf_text = []
        for i in range(chunk, min(chunk + PER_FILE, size)):
            bad = i % 2 == 0
            res_lines, planted = _cfn_resource(i, bad)
            lines += res_lines
            tf_text.append(_tf_resource(i, bad))
            for lid, address, kind in planted:
                cfn_planted.append(Planted(str(template), lid, address, kind))
                tf_planted.append(Planted(str(module / "main.tf"), lid, address, kind))
        template.write_text("\n".join(lines) + "\n")
        (module / "main.tf").write_text("\n".join(tf_text))
    return cfn_dir, tf_dir, cfn_planted, tf_planted


@dataclass
class Run:
    """One tool on one corpus."""

    seconds: float
    peak_mb: float
    failures: set[tuple[str, str, str]]
    """(file, resource, check) for every failing check."""


TIME = Path("/usr/bin/time")


def _measure(cmd: list[str], env: dict[str, str] | None = None) -> tuple[float, float, int]:
    """Wall seconds, peak RSS in MB and exit code of one command.

    The peak comes from GNU time when present: a child forked straight from this (large) Python process can
    report the parent's resident pages as its own peak, which inflates small figures. Without it, the kernel's
    accounting of the child is used.
    """
    with tempfile.NamedTemporaryFile("r", suffix=".rss") as rss:
        wrapped = [str(TIME), "-f", "%M", "-o", rss.name, *cmd] if TIME.exists() else cmd
        start = time.perf_counter()
        proc = subprocess.Popen(wrapped, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
        _, status, usage = os.wait4(proc.pid, 0)
        seconds = time.perf_counter() - start
        code = os.waitstatus_to_exitcode(status)
        peak_kb = float(rss.read().strip().splitlines()[-1]) if TIME.exists() else float(usage.ru_maxrss)
    return seconds, peak_kb / 1024, code


def run_wasp(corpus: Path, out: Path) -> Run:
    """wasp scan, JSON to a file."""
    seconds, peak, code = _measure([str(WASP), "scan", str(corpus), "-f", "json", "-o", str(out)])
    if code not in (0, 1):
        raise SystemExit(f"wasp scan failed on {corpus} (exit {code})")
    doc = json.loads(out.read_text())
    failures = {
        (f["resource"]["file"], f["resource"]["address"], f["rule"])
        for f in doc["findings"]
        if f["status"] == "fail"
    }
    return Run(seconds, peak, failures)


def run_checkov(checkov: str, corpus: Path, framework: str, out: Path) -> Run:
    """Checkov on one framework, JSON to a file, no network."""
    env = {
        **os.environ,
        "BC_SKIP_MAPPING": "TRUE",
        "CHECKOV_RUN_SCA_PACKAGE_SCAN_V2": "false",
        "LOG_LEVEL": "ERROR",
    }
    cmd = [
        checkov,
        "-d",
        str(corpus),
        "--framework",
        framework,
        "-o",
        "json",
        "--output-file-path",
        str(out),
        "--skip-download",
        "--quiet",
        "--compact",
    ]
    seconds, peak, _ = _measure(cmd, env)
    report = out / "results_json.json"
    data = json.loads(report.read_text()) if report.exists() else []
    reports = data if isinstance(data, list) else [data]
    failures = set()
    for rep in reports:
        for check in (rep.get("results") or {}).get("failed_checks", []):
            resource = str(check.get("resource", ""))
            name = resource.split(".", 1)[1] if framework == "cloudformation" else resource
            path = str(corpus) + str(check.get("file_path", ""))
            failures.add((os.path.normpath(path), name, str(check["check_id"])))
    return Run(seconds, peak, failures)


def detected(run: Run, planted: list[Planted], key: Callable[[Planted], str], tool: int) -> int:
    """How many planted misconfigurations the run reported on the right resource with a matching check."""
    by_resource: dict[tuple[str, str], set[str]] = {}
    for file, resource, check in run.failures:
        by_resource.setdefault((os.path.normpath(file), resource), set()).add(check)
    hits = 0
    for p in planted:
        checks = by_resource.get((os.path.normpath(p.file), key(p)), set())
        if checks & KINDS[p.kind][tool]:
            hits += 1
    return hits


def main() -> None:
    """Generate, scan with both tools, print the table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="100,1000,10000")
    parser.add_argument("--checkov", help="path to a checkov executable in a throwaway venv")
    parser.add_argument(
        "--frameworks", default="cloudformation,terraform", help="which corpora to scan (comma-separated)"
    )
    args = parser.parse_args()
    frameworks = set(args.frameworks.split(","))
    sizes = [int(s) for s in args.sizes.split(",")]
    rows = []
    with tempfile.TemporaryDirectory(prefix="wasp-bench-iac-") as tmp:
        root = Path(tmp)
        for size in sizes:
            cfn_dir, tf_dir, cfn_planted, tf_planted = generate(root, size)
            for label, corpus, planted, framework, key in (
                ("CloudFormation", cfn_dir, cfn_planted, "cloudformation", lambda p: p.cfn_id),
                ("Terraform", tf_dir, tf_planted, "terraform", lambda p: p.tf_address),
            ):
                if framework not in frameworks:
                    continue
                print(f"scanning {label} x{size} ...", file=sys.stderr)
                wasp = run_wasp(corpus, root / f"wasp-{framework}-{size}.json")
                row = {
                    "corpus": label,
                    "resources": size,
                    "planted": len(planted),
                    "wasp": wasp,
                    "wasp_found": detected(wasp, planted, key, 0),
                }
                if args.checkov:
                    out = root / f"checkov-{framework}-{size}"
                    out.mkdir()
                    checkov = run_checkov(args.checkov, corpus, framework, out)
                    row["checkov"] = checkov
                    row["checkov_found"] = detected(checkov, planted, key, 1)
                rows.append(row)
    print()
    print(
        "| corpus | resources | wasp wall | wasp peak RSS | wasp found | Checkov wall | Checkov peak RSS "
        "| Checkov found | speed-up |"
    )
    print("|---|---|---|---|---|---|---|---|---|")
    for row in rows:
        w: Run = row["wasp"]  # type: ignore[assignment]
        line = (
            f"| {row['corpus']} | {row['resources']:,} | {w.seconds:.2f} s | {w.peak_mb:.0f} MB "
            f"| {row['wasp_found']}/{row['planted']} "
        )
        if "checkov" in row:
            c: Run = row["checkov"]  # type: ignore[assignment]
            line += (
                f"| {c.seconds:.2f} s | {c.peak_mb:.0f} MB | {row['checkov_found']}/{row['planted']} "
                f"| {c.seconds / w.seconds:.1f}x |"
            )
        else:
            line += "| - | - | - | - |"
        print(line)


if __name__ == "__main__":
    main()
