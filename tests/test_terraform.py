"""Terraform HCL and plan JSON: expressions, folding of split resources, unknowns, locations, determinism."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from wasp.cli.app import main
from wasp.iac.scan import ScanOptions, Source, SourceKind, read_source
from wasp.iac.terraform.hcl import load_hcl
from wasp.iac.terraform.normalize import normalize
from wasp.iac.terraform.plan import load_plan
from wasp.model import Resource, Unresolved
from wasp.scan_workflow import scan

APP = Path(__file__).parent / "fixtures" / "tf" / "app"
PARITY_PLAN = Path(__file__).parent / "fixtures" / "parity" / "terraform" / "plan.json"


def _resources(variables: dict[str, object] | None = None) -> dict[str, Resource]:
    tfs, errors = load_hcl(APP, variables)
    assert errors == []
    return {r.id: r for r in normalize(tfs)}


def _status(result, rule: str, address: str) -> str:  # type: ignore[no-untyped-def]
    return next(f.status.value for f in result.findings if f.rule == rule and f.resource.address == address)


def test_variables_locals_and_operators() -> None:
    res = _resources()
    assert res["aws_s3_bucket.logs"].properties["BucketName"] == "logs-dev"  # default, through a local
    assert (
        res["module.keys.aws_kms_key.data"].properties["Description"] == "DEV data key"
    )  # module input, upper()
    assert res["module.keys.aws_kms_key.data"].properties["EnableKeyRotation"] is True  # length(...) == 2
    # !(dev) || replicas > 1, with replicas = 2 from terraform.tfvars
    assert res['aws_ebs_volume.data["a"]'].properties["Encrypted"] is True
    assert "aws_ebs_volume.never[0]" not in res  # count = (prod && ...) ? 1 : 0 is 0: no resource
    prod = _resources({"env": "prod", "replicas": 1, "admin_cidr": "192.0.2.0/24"})
    assert prod["aws_ebs_volume.never[0]"].properties["Size"] == 8
    assert [r for r in prod if r.startswith("aws_instance.app")] == [
        "aws_instance.app[0]"
    ]  # -var over tfvars
    ssh = prod["aws_security_group.admin_only"].properties["SecurityGroupIngress"][0]
    assert ssh["CidrIp"] == "192.0.2.0/24"


def test_count_for_each_and_dynamic_blocks() -> None:
    res = _resources()
    assert sorted(r for r in res if r.startswith("aws_ebs_volume.data")) == [
        'aws_ebs_volume.data["a"]',
        'aws_ebs_volume.data["b"]',
    ]
    tokens = [res[f"aws_instance.app[{i}]"].properties["MetadataOptions"]["HttpTokens"] for i in (0, 1)]
    assert tokens == ["required", "optional"]  # count.index
    ports = [r.get("FromPort") for r in res["aws_security_group.web"].properties["SecurityGroupIngress"]]
    assert ports[:2] == [8443, 443]  # dynamic over a map, in key order (alt, https)


def test_split_resources_fold_into_one_resource() -> None:
    res = _resources()
    bucket = res["aws_s3_bucket.logs"].properties
    assert bucket["PublicAccessBlockConfiguration"]["BlockPublicPolicy"] is True
    assert bucket["VersioningConfiguration"] == {"Status": "Enabled"}
    assert bucket["LoggingConfiguration"]["LogFilePrefix"] == "self/"
    assert bucket["AccessControl"] == "LogDeliveryWrite"
    sse = bucket["BucketEncryption"]["ServerSideEncryptionConfiguration"][0]["ServerSideEncryptionByDefault"]
    assert sse["SSEAlgorithm"] == "aws:kms" and isinstance(
        sse["KMSMasterKeyID"], Unresolved
    )  # a module's ARN
    policy = res["aws_s3_bucket_policy.logs"]
    assert policy.type == "AWS::S3::BucketPolicy" and policy.properties["Bucket"] == "logs-dev"
    assert (
        policy.properties["PolicyDocument"]["Statement"][0]["Resource"] == "arn:aws:s3:::logs-dev/*"
    )  # .arn
    assert policy.properties["PolicyDocument"]["Statement"][0]["Condition"] == {
        "Bool": {"aws:SecureTransport": "false"}
    }  # data.aws_iam_policy_document evaluated
    ingress = res["aws_security_group.web"].properties["SecurityGroupIngress"]
    assert {"IpProtocol": "tcp", "FromPort": 22, "ToPort": 22, "CidrIp": "10.0.0.0/8"} in ingress  # _rule
    assert {"IpProtocol": "-1", "CidrIpv6": "::/0"} in ingress  # aws_vpc_security_group_ingress_rule
    role = res["aws_iam_role.ci"].properties
    assert role["ManagedPolicyArns"] == ["arn:aws:iam::aws:policy/AdministratorAccess"]
    assert res["aws_instance.app[0]"].properties["SecurityGroupIds"] == ["aws_security_group.web"]


def test_rules_on_hcl_with_locations_and_unknowns() -> None:
    result = scan([APP])
    assert result.errors == []
    assert (
        _status(result, "ec2_sg_no_world_ingress", "aws_security_group.web") == "fail"
    )  # definite beside unknown
    assert (
        _status(result, "ec2_sg_no_world_ingress", "aws_security_group.admin_only") == "unknown"
    )  # never fail
    assert _status(result, "s3_bucket_secure_transport", "aws_s3_bucket.logs") == "pass"
    assert _status(result, "iam_role_no_admin", "aws_iam_role.ci") == "fail"
    assert _status(result, "ebs_volume_encrypted", 'aws_ebs_volume.data["b"]') == "fail"
    assert _status(result, "ec2_imdsv2_required", "aws_instance.app[1]") == "fail"
    assert _status(result, "ec2_no_secrets_in_user_data", "aws_instance.app[0]") == "fail"  # from the heredoc
    assert _status(result, "kms_key_rotation_enabled", "module.keys.aws_kms_key.data") == "pass"
    for f in result.findings:
        assert f.resource.file and f.resource.line and f.resource.address, f
    module_key = next(f for f in result.findings if f.resource.address == "module.keys.aws_kms_key.data")
    assert module_key.resource.file.endswith("modules/keys/main.tf") and module_key.resource.line == 4
    leaked = next(f for f in result.findings if f.rule == "ec2_no_secrets_in_user_data")
    assert "Zq8vLx2Rt7Kp4Wn9" not in json.dumps(leaked.evidence) + leaked.message  # names, never values


def test_inline_skips_need_a_reason_and_honour_expiry(tmp_path: Path) -> None:
    result = scan([APP])
    skipped = [f for f in result.findings if f.rule == "ec2_no_ssh_key_pair"]
    assert {f.status.value for f in skipped} == {"waived"} and "rotated by the platform team" in (
        skipped[0].waiver or ""
    )
    assert (
        _status(result, "kms_key_rotation_enabled", "aws_kms_key.no_reason") == "fail"
    )  # no reason: not applied
    assert any("no reason" in w and "main.tf:" in w for w in result.warnings)
    central = scan([APP], options=ScanOptions(inline_skips=False))
    assert {f.status.value for f in central.findings if f.rule == "ec2_no_ssh_key_pair"} == {"fail"}
    expired = tmp_path / "old.tf"
    expired.write_text(
        '# wasp:skip=ebs_volume_encrypted reason="legacy" expires=2020-01-01\n'
        'resource "aws_ebs_volume" "old" {\n  availability_zone = "eu-west-2a"\n  size = 1\n}\n'
    )
    old = scan([tmp_path])
    assert _status(old, "ebs_volume_encrypted", "aws_ebs_volume.old") == "fail"
    assert any("expired on 2020-01-01" in w for w in old.warnings)


def test_plan_json_unknowns_and_links() -> None:
    tfs = {t.address: t for t in load_plan(PARITY_PLAN)}
    trail = tfs["aws_cloudtrail.trail"]
    assert trail.values["s3_bucket_name"] == "parity-good"  # an unknown id reference stands in as the name
    assert trail.file.endswith("terraform/main.tf") and trail.line > 1  # found in the .tf beside the plan
    assert "arn" not in trail.values  # computed and not configured: left out, as in a template
    res = {r.id: r for r in normalize(tfs.values())}
    assert (
        res["aws_s3_bucket.good"].properties["PublicAccessBlockConfiguration"]["RestrictPublicBuckets"]
        is True
    )


def test_plan_value_known_only_after_apply_is_unknown(tmp_path: Path) -> None:
    plan = json.loads(PARITY_PLAN.read_text())
    for change in plan["resource_changes"]:
        if change["address"] == "aws_ebs_volume.plain":
            change["change"]["after"].pop("encrypted")
            change["change"]["after_unknown"]["encrypted"] = True
    (tmp_path / "plan.json").write_text(json.dumps(plan))
    result = scan([tmp_path / "plan.json"])
    assert _status(result, "ebs_volume_encrypted", "aws_ebs_volume.plain") == "unknown"
    assert _status(result, "ebs_volume_encrypted", "aws_ebs_volume.sealed") == "pass"


def _scan_json(seed: str) -> list[tuple[str, str, str, int]]:
    env = {**os.environ, "PYTHONHASHSEED": seed}
    out = subprocess.run(
        [sys.executable, "-m", "wasp", "scan", str(APP), "-f", "json"],
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    doc = json.loads(out.stdout)
    return [
        (f["rule"], f["resource"]["address"], f["status"], f["resource"]["line"], json.dumps(f["evidence"]))
        for f in doc["findings"]
    ]


def test_results_do_not_depend_on_hash_seed() -> None:
    assert _scan_json("1") == _scan_json("4242") == _scan_json("0")


def test_bad_hcl_and_cycles_are_one_line_each(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "bad"
    bad.mkdir()
    (bad / "main.tf").write_text('resource "aws_s3_bucket" "x" {\n  bucket = "a"\n  acl = [\n}\n')
    cyc = tmp_path / "cycle"
    cyc.mkdir()
    (cyc / "main.tf").write_text(
        'locals {\n  a = local.b\n  b = local.a\n}\nresource "aws_ebs_volume" "v" {\n'
        '  availability_zone = "x"\n  size = 1\n  encrypted = local.a\n}\n'
    )
    (tmp_path / "ok.yaml").write_text(
        "AWSTemplateFormatVersion: '2010-09-09'\nResources:\n  V: {Type: AWS::EC2::Volume, Properties: {Size: 1}}\n"
    )
    with pytest.raises(SystemExit) as exc:
        main(["scan", str(tmp_path), "-f", "json"])
    captured = capsys.readouterr()
    assert exc.value.code == 2
    lines = [ln for ln in captured.err.splitlines() if ln.startswith("wasp: error:")]
    assert any(f"{bad / 'main.tf'}:" in ln and "cannot parse HCL" in ln for ln in lines)
    assert any("local.a refers to itself" in ln or "local.b refers to itself" in ln for ln in lines)
    assert "Traceback" not in captured.err
    doc = json.loads(captured.out)
    assert str(tmp_path / "ok.yaml") in doc["files"] and str(cyc) in doc["files"]
    volume = [f for f in doc["findings"] if f["resource"]["address"] == "aws_ebs_volume.v"]
    assert volume and {f["status"] for f in volume} == {"unknown"}  # a cycle is unknown, never a failure


def test_folder_autodetects_every_kind(tmp_path: Path) -> None:
    result = scan([APP.parent.parent])  # tests/fixtures: templates, Terraform folders and plans
    kinds = {Path(f).suffix or "dir" for f in result.files}
    assert {".yaml", ".json", "dir"} <= kinds
    assert str(APP / "modules" / "keys") not in result.files  # a called module is read through its caller
    assert str(PARITY_PLAN.parent) not in result.files  # the plan beside the .tf files is read instead


def test_read_source_reports_plan_that_is_not_a_plan(tmp_path: Path) -> None:
    fake = tmp_path / "plan.json"
    fake.write_text('{"format_version": "1.2"}')
    from wasp.errors import InputError

    with pytest.raises(InputError, match="not a Terraform plan"):
        read_source(Source(SourceKind.PLAN, fake), ScanOptions())


def test_plan_with_a_local_module() -> None:
    plan = Path(__file__).parent / "fixtures" / "terraform-module" / "plan.json"
    result = scan([plan])
    key = next(f for f in result.findings if f.rule == "kms_key_rotation_enabled")
    assert (
        key.resource.address == "module.keys.aws_kms_key.k" and key.status.value == "fail"
    )  # input rotate=false
    assert key.resource.file == str(plan.parent / "keys" / "main.tf") and key.resource.line == 4
    # the module's key ARN is known only after apply; the algorithm is known, so the bucket passes
    assert _status(result, "s3_bucket_default_encryption", "aws_s3_bucket.data") == "pass"
    assert _status(result, "s3_bucket_cmk_for_sensitive", "aws_s3_bucket.data") == "unknown"
    # an inline skip in the .tf beside the plan applies to the planned resource, and only to it
    assert _status(result, "s3_bucket_classified", "aws_s3_bucket.data") == "waived"
    assert _status(result, "kms_key_rotation_enabled", "module.keys.aws_kms_key.k") == "fail"


def test_plan_unknown_policy_is_completed_from_the_configuration(tmp_path: Path) -> None:
    plan = Path(__file__).parent / "fixtures" / "terraform-policy" / "plan.json"
    result = scan([plan])
    assert _status(result, "s3_bucket_secure_transport", "aws_s3_bucket.site") == "pass"
    policy = {r.id: r for r in normalize(load_plan(plan))}["aws_s3_bucket_policy.site"]
    statement = policy.properties["PolicyDocument"]["Statement"][0]
    # evaluated with the plan's own variable values (from terraform.tfvars), not the defaults
    assert statement["Resource"] == ["arn:aws:s3:::policy-from-tfvars", "arn:aws:s3:::policy-from-tfvars/*"]
    # a customer-managed policy attached by its ARN (known only after apply) is still found and read
    assert _status(result, "iam_role_no_admin", "aws_iam_role.deployer") == "fail"
    hcl = scan([plan.parent / "main.tf"], options=ScanOptions())
    assert _status(hcl, "iam_role_no_admin", "aws_iam_role.deployer") == "fail"
    alone = tmp_path / "plan.json"
    alone.write_text(plan.read_text())  # no .tf beside it: the plan's unknown stays unknown
    assert _status(scan([alone]), "s3_bucket_secure_transport", "aws_s3_bucket.site") == "unknown"


def test_configuration_errors_are_one_line_and_the_rest_is_read(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "main.tf").write_text(
        'resource "aws_instance" "odd" {\n  count = "abc"\n  ami = "ami-1"\n}\n'
        'resource "aws_ebs_volume" "objs" {\n  for_each = [{ a = 1 }]\n  availability_zone = "a"\n  size = 1\n}\n'
        'resource "aws_instance" "tmpl" {\n  ami = "ami-1"\n  user_data = templatefile("init.sh", {})\n}\n'
        'module "gone" {\n  source = "./nowhere"\n}\n'
        'resource "aws_ebs_volume" "fine" {\n  availability_zone = "a"\n  size = 1\n}\n'
    )
    with pytest.raises(SystemExit) as exc:
        main(["scan", str(tmp_path), "-f", "json"])
    captured = capsys.readouterr()
    assert exc.value.code == 2 and "Traceback" not in captured.err
    errors = [ln for ln in captured.err.splitlines() if ln.startswith("wasp: error:")]
    assert any(":1: aws_instance.odd cannot be evaluated (count must be a whole number" in e for e in errors)
    assert any(":5: aws_ebs_volume.objs cannot be evaluated (for_each must be a map" in e for e in errors)
    assert any(":14: module gone: no folder ./nowhere" in e for e in errors)
    doc = json.loads(captured.out)
    status = {(f["rule"], f["resource"]["address"]): f["status"] for f in doc["findings"]}
    assert status[("ebs_volume_encrypted", "aws_ebs_volume.fine")] == "fail"
    assert (
        status[("ec2_no_secrets_in_user_data", "aws_instance.tmpl")] == "unknown"
    )  # templatefile() is not run


def test_limits_and_duplicates_are_reported(tmp_path: Path) -> None:
    (tmp_path / "a.tf").write_text(
        'resource "aws_ebs_volume" "many" {\n  count = 100000000\n  size = 1\n}\n'
        "locals { r = range(100000000) }\n"
        'resource "aws_ebs_volume" "ranged" {\n  count = length(local.r)\n  size = 1\n}\n'
    )
    (tmp_path / "b.tf").write_text('resource "aws_ebs_volume" "many" {\n  size = 1\n}\n')
    result = scan([tmp_path])
    assert any(
        "a.tf:1: aws_ebs_volume.many cannot be evaluated (count 100,000,000 is more than" in e
        for e in result.errors
    )
    assert any("b.tf:1: aws_ebs_volume.many is declared twice (first at" in e for e in result.errors)
    ranged = [f.resource.address for f in result.findings if f.rule == "ebs_volume_encrypted"]
    assert ranged == [
        "aws_ebs_volume.ranged[0]"
    ]  # range() over 1,024 elements is unknown, like Terraform refuses it
