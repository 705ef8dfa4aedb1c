"""`wasp scan` in CI: non-templates never break a pipeline, macros are unknown, the Checkov-style flags."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from wasp.cli.app import main
from wasp.scan_workflow import scan

NOT_TEMPLATES = Path(__file__).parent / "fixtures" / "iac" / "not_templates"
FIXTURE = Path(__file__).parent / "fixtures" / "cfn" / "payments.yaml"
KINDS = {
    "serverless.yml": "Serverless Framework",
    "stepfunctions/order-workflow.json": "Step Functions",
    "stepfunctions/fulfil.asl.yaml": "Step Functions",
    "k8s/deployment.yaml": "Kubernetes",
    "helm/orders/Chart.yaml": "Helm chart",
    "helm/orders/values.yaml": "Helm chart values",
    "helm/orders/templates/deployment.yaml": "Helm chart template",
    "package.json": "npm package",
    "docker-compose.yml": "Docker Compose",
    ".github/workflows/deploy.yml": "GitHub Actions workflow",
    "resources.json": "without AWSTemplateFormatVersion",
}


def _cli(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    with pytest.raises(SystemExit) as exc:
        main(args)
    captured = capsys.readouterr()
    code = exc.value.code
    return (code if isinstance(code, int) else 0), captured.out, captured.err


def test_a_folder_scan_reads_only_the_template_and_lists_the_rest() -> None:
    result = scan([NOT_TEMPLATES])
    assert result.files == [str(NOT_TEMPLATES / "template.yaml")]
    assert result.errors == [] and result.notes == []
    for name, kind in KINDS.items():
        line = next(s for s in result.skipped if s.startswith(f"{NOT_TEMPLATES / name}: skipped: "))
        assert kind in line and line.endswith("not a CloudFormation template"), line


def test_verbose_lists_the_skipped_files(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = _cli(["scan", str(NOT_TEMPLATES), "-f", "json"], capsys)
    assert code == 0 and "skipped" not in err
    code, out, err = _cli(["scan", str(NOT_TEMPLATES), "-f", "json", "--verbose"], capsys)
    assert code == 0 and json.loads(out)["files"] == [str(NOT_TEMPLATES / "template.yaml")]
    assert f"wasp: {NOT_TEMPLATES / 'serverless.yml'}: skipped: a Serverless Framework file" in err
    assert len([line for line in err.splitlines() if ": skipped: " in line]) == len(KINDS)


@pytest.mark.parametrize("name", sorted(KINDS))
def test_a_named_non_template_is_a_note_and_exit_0(name: str, capsys: pytest.CaptureFixture[str]) -> None:
    path = NOT_TEMPLATES / name
    code, _, err = _cli(["scan", str(path), "-f", "json", "--fail-on", "low"], capsys)
    assert code == 0, err
    assert f"wasp: note: {path}: not scanned: " in err and "Traceback" not in err
    assert "nothing to scan" in err


def test_named_non_templates_beside_a_template(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = _cli(
        ["scan", str(NOT_TEMPLATES / "serverless.yml"), str(FIXTURE), "-f", "json", "--fail-on", "high"],
        capsys,
    )
    assert code == 1 and json.loads(out)["files"] == [str(FIXTURE)]  # the template's failures still count
    assert "serverless.yml: not scanned" in err and "nothing to scan" not in err


def test_a_broken_serverless_file_is_still_skipped_but_a_broken_template_is_exit_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    sls = tmp_path / "serverless.yml"
    sls.write_text("service: x\nprovider:\n  name: aws\n  stage: [unclosed\n")
    code, _, err = _cli(["scan", str(sls)], capsys)
    assert code == 0 and "not scanned" in err
    broken = tmp_path / "stack.yaml"
    broken.write_text("Resources:\n  Bucket:\n    Type: AWS::S3::Bucket\n    Properties: [unclosed\n")
    code, _, err = _cli(["scan", str(broken)], capsys)
    assert code == 2 and f"{broken}:" in err and "not valid YAML" in err
    text = tmp_path / "README.md"
    text.write_text("# not IaC\n")
    code, _, err = _cli(["scan", str(text)], capsys)
    assert code == 0 and "not JSON, YAML or .tf" in err


def test_a_template_without_the_version_key_is_still_a_template(tmp_path: Path) -> None:
    flow = tmp_path / "flow.yaml"
    flow.write_text(
        "{Resources: {Disk: {Type: 'AWS::EC2::Volume', Properties: {Size: 8, Encrypted: false}}}}\n"
    )
    custom = tmp_path / "custom.json"
    custom.write_text('{"Resources": {"Hook": {"Type": "Custom::Thing", "Properties": {}}}}')
    result = scan([tmp_path])
    assert result.files == [str(custom), str(flow)] and result.skipped == []
    assert any(f.rule == "ebs_volume_encrypted" and f.status.value == "fail" for f in result.findings)


# -- transforms and macros: unknown, never fail, never crash -----------------------------------------------

INCLUDES = """\
AWSTemplateFormatVersion: "2010-09-09"
Transform: [AWS::LanguageExtensions, AWS::Serverless-2016-10-31]
Parameters:
  Encrypt: {Type: String, AllowedValues: ["yes", "no"]}
Conditions:
  Encrypted: !Equals [!Ref Encrypt, "yes"]
Resources:
  Shared:
    Type: AWS::S3::Bucket
    Properties:
      BucketName: shared-data
      Fn::Transform:
        Name: AWS::Include
        Parameters: {Location: s3://platform-snippets/bucket-hardening.yaml}
  WhollyIncluded:
    Type: AWS::EC2::Volume
    Properties:
      Fn::Transform:
        Name: AWS::Include
        Parameters: {Location: s3://platform-snippets/volume.yaml}
  Unencrypted:
    Type: AWS::EC2::Volume
    Properties:
      Size: 8
      Encrypted: false
      Fn::Transform: {Name: AddTags, Parameters: {Team: payments}}
  ByCondition:
    Type: AWS::EC2::Volume
    Properties: !If [Encrypted, {Size: 8, Encrypted: true}, {Size: 8}]
  Fn::Transform:
    Name: AWS::Include
    Parameters: {Location: s3://platform-snippets/policies.yaml}
  Fn::ForEach::Queues:
    - Name
    - [Orders, Refunds]
    - ${Name}Queue: {Type: AWS::SQS::Queue}
  Api:
    Type: AWS::Serverless::Function
    Properties:
      Runtime: python3.12
      Handler: app.handler
      Fn::Transform: {Name: InjectEnvironment}
"""


def _by(result, address: str) -> dict[str, str]:  # type: ignore[no-untyped-def]
    return {f.rule: f.status.value for f in result.findings if f.resource.address == address}


def test_fn_transform_makes_what_it_adds_unknown(tmp_path: Path) -> None:
    path = tmp_path / "template.yaml"
    path.write_text(INCLUDES)
    result = scan([path])
    assert result.errors == [], result.errors
    shared = _by(result, "Shared")
    assert shared["s3_bucket_default_encryption"] == "unknown"  # the snippet may set BucketEncryption
    assert shared["s3_bucket_secure_transport"] == "unknown"  # and the included resources may hold its policy
    assert "fail" not in shared.values()
    assert _by(result, "WhollyIncluded")["ebs_volume_encrypted"] == "unknown"
    assert _by(result, "Unencrypted")["ebs_volume_encrypted"] == "fail"  # written false: a macro adds tags
    assert _by(result, "ByCondition")["ebs_volume_encrypted"] == "unknown"  # was read as {} and failed
    assert "fail" not in _by(result, "ApiRole").values()
    finding = next(f for f in result.findings if f.resource.address == "WhollyIncluded")
    assert "Fn::Transform AWS::Include" in finding.message
    generated = [w for w in result.warnings if "known only at deploy time and are not scanned" in w]
    assert [w.split(": ")[1] for w in generated] == ["Fn::Transform"]  # the loop is expanded (its own test)
    assert all(w.startswith(f"{path}:") for w in generated)


def test_a_template_macro_makes_every_resource_unknown(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "macro.yaml"
    path.write_text(
        "AWSTemplateFormatVersion: '2010-09-09'\nTransform: [CompanyDefaults]\nResources:\n"
        "  Disk: {Type: AWS::EC2::Volume, Properties: {Size: 8, Encrypted: false}}\n"
        "  Bucket: {Type: AWS::S3::Bucket}\n"
    )
    result = scan([path])
    statuses = {f.status.value for f in result.findings}
    assert statuses == {"unknown"}, [(f.rule, f.status) for f in result.findings]
    assert any(
        "Transform CompanyDefaults is a macro" in w and w.startswith(f"{path}:2:") for w in result.warnings
    )
    code, _, err = _cli(["scan", str(path), "--fail-on", "low"], capsys)
    assert code == 0 and "get-template --template-stage Processed" in err


FOR_EACH = """\
AWSTemplateFormatVersion: "2010-09-09"
Transform: AWS::LanguageExtensions
Parameters:
  Teams: {Type: CommaDelimitedList, Default: "payments,risk-ops"}
  Sizes: {Type: CommaDelimitedList}
Resources:
  Fn::ForEach::Buckets:
    - Team
    - !Ref Teams
    - "&{Team}Data":
        Type: AWS::S3::Bucket
        Properties:
          BucketName: !Sub "${Team}-data"
          Tags: [{Key: team, Value: !Ref Team}]
  Fn::ForEach::Volumes:
    - Name
    - [Logs, Scratch]
    - Fn::ForEach::Zones:
        - Zone
        - [a, b]
        - "${Name}Volume${Zone}":
            Type: AWS::EC2::Volume
            Properties: {AvailabilityZone: !Sub "eu-west-2${Zone}", Size: 8, Encrypted: true}
  Fn::ForEach::Unknown:
    - Size
    - !Ref Sizes
    - "Disk${Size}": {Type: AWS::EC2::Volume, Properties: {Size: !Ref Size}}
"""


def test_fn_for_each_is_expanded_when_the_template_decides_it(tmp_path: Path) -> None:
    path = tmp_path / "loops.yaml"
    path.write_text(FOR_EACH)
    result = scan([path])
    assert result.errors == []
    encryption = {
        f.resource.address: (f.status.value, f.resource.line)
        for f in result.findings
        if f.rule == "ebs_volume_encrypted"
    }
    assert encryption == {f"{n}Volume{z}": ("pass", 15) for n in ("Logs", "Scratch") for z in "ab"}
    (warning,) = [w for w in result.warnings if "not scanned" in w]
    assert warning.startswith(
        f"{path}:24: Fn::ForEach::Unknown:"
    )  # Sizes has no value: its disks are unknown
    from wasp.iac.cloudformation import read_cloudformation

    resources = {r.id: r for r in read_cloudformation(path).resources}
    assert resources["riskopsData"].properties["BucketName"] == "risk-ops-data"  # &{} strips, ${} keeps
    assert resources["riskopsData"].properties["Tags"] == [
        {"Key": "team", "Value": "risk-ops"}
    ]  # Ref: the item
    assert resources["paymentsData"].origin.line == 7
    assert resources["ScratchVolumeb"].properties["AvailabilityZone"] == "eu-west-2b"
    teams = {
        r.id for r in read_cloudformation(path, {"Teams": "web"}).resources if r.type == "AWS::S3::Bucket"
    }
    assert teams == {"webData"}  # a given parameter value decides the collection


def test_nested_for_each_loops_are_bounded(tmp_path: Path) -> None:
    items = [str(i) for i in range(1000)]
    volume = {"V${a}x${b}x${c}": {"Type": "AWS::EC2::Volume", "Properties": {"Size": 1}}}
    loops = {
        "Fn::ForEach::A": [
            "a",
            items,
            {"Fn::ForEach::B": ["b", items, {"Fn::ForEach::C": ["c", items, volume]}]},
        ]
    }
    path = tmp_path / "bomb.json"
    path.write_text(json.dumps({"AWSTemplateFormatVersion": "2010-09-09", "Resources": loops}))
    result = scan([path])  # a billion volumes: refused before any is made
    assert len(result.errors) == 1 and "expands to more than" in result.errors[0]


def test_aws_transforms_are_read_as_written(tmp_path: Path) -> None:
    path = tmp_path / "sam.yaml"
    path.write_text(
        "Transform: AWS::Serverless-2016-10-31\nResources:\n"
        "  Disk: {Type: AWS::EC2::Volume, Properties: {Size: 8, Encrypted: false}}\n"
    )
    result = scan([path])
    assert _by(result, "Disk")["ebs_volume_encrypted"] == "fail" and result.warnings == []


# -- SARIF: problems as notifications, locations under %SRCROOT% ------------------------------------------


def test_sarif_carries_parse_errors_and_maps_to_the_repo(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from tests.test_scan import _sarif_errors

    repo = tmp_path / "repo"
    (repo / "stacks").mkdir(parents=True)
    (repo / "stacks" / "app.yaml").write_text(FIXTURE.read_text())
    (repo / "stacks" / "broken.yaml").write_text("AWSTemplateFormatVersion: '2010-09-09'\nResources: [\n")
    (repo / "serverless.yml").write_text((NOT_TEMPLATES / "serverless.yml").read_text())
    monkeypatch.chdir(repo)
    code, _, err = _cli(["scan", ".", "serverless.yml", "-f", "sarif", "-o", "out/results.sarif"], capsys)
    assert code == 2 and "wasp: error: stacks/broken.yaml:" in err  # stderr still has it
    log = json.loads((repo / "out" / "results.sarif").read_text())
    assert _sarif_errors(log) == []
    run = log["runs"][0]
    assert run["originalUriBaseIds"] == {"%SRCROOT%": {"uri": repo.as_uri() + "/"}}
    location = run["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]
    assert location == {"uri": "stacks/app.yaml", "uriBaseId": "%SRCROOT%"}
    (invocation,) = run["invocations"]
    assert invocation["executionSuccessful"] is False
    errors = [n for n in invocation["toolExecutionNotifications"] if n["level"] == "error"]
    assert len(errors) == 1 and "not valid YAML" in errors[0]["message"]["text"]
    where = errors[0]["locations"][0]["physicalLocation"]
    assert where["artifactLocation"] == {"uri": "stacks/broken.yaml", "uriBaseId": "%SRCROOT%"}
    assert where["region"]["startLine"] >= 2
    notes = [n for n in invocation["toolExecutionNotifications"] if n["level"] == "note"]
    assert (
        notes and notes[0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "serverless.yml"
    )


def test_sarif_of_a_clean_run_is_successful(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "r.sarif"
    code, _, _ = _cli(["scan", str(FIXTURE), "-f", "sarif", "-o", str(out)], capsys)
    run = json.loads(out.read_text())["runs"][0]
    assert code == 0 and run["invocations"][0]["executionSuccessful"] is True
    assert run["invocations"][0]["toolExecutionNotifications"] == []


# -- the Checkov-style flags ----------------------------------------------------------------------------------


def _rules_in(out: str) -> set[str]:
    return {f["rule"] for f in json.loads(out)["findings"]}


def test_check_and_skip_check_by_rule_id_and_checkov_id(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = _cli(
        ["scan", str(FIXTURE), "-f", "json", "--check", "ebs_volume_encrypted,kms_key_rot*"], capsys
    )
    assert code == 0 and _rules_in(out) == {"ebs_volume_encrypted", "kms_key_rotation_enabled"}
    code, out, _ = _cli(["scan", str(FIXTURE), "-f", "json", "--check", "CKV_AWS_3"], capsys)
    assert _rules_in(out) == {"ebs_volume_encrypted"}
    code, out, err = _cli(
        [
            "scan",
            str(FIXTURE),
            "-f",
            "json",
            "--skip-check",
            "CKV_AWS_3",
            "--skip-check",
            "s3_*,CKV_AWS_9999",
        ],
        capsys,
    )
    rules = _rules_in(out)
    assert code == 0 and "ebs_volume_encrypted" not in rules and not any(r.startswith("s3_") for r in rules)
    assert "kms_key_rotation_enabled" in rules
    assert "note: --skip-check: no wasp rule covers CKV_AWS_9999; nothing to skip" in err


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--check", "ebs_volume_encrypt"], "--check: unknown rule 'ebs_volume_encrypt'; did you mean"),
        (["--skip-check", "nope_*"], "--skip-check: unknown rule 'nope_*'"),
        (["--check", "CKV_AWS_9999"], "--check: no wasp rule covers 'CKV_AWS_9999'"),
        (["--check", "access_analyzer_enabled"], "leave no rule that runs on IaC"),
        (["--check", "ebs_volume_encrypted", "--skip-check", "CKV_AWS_3"], "leave no rule that runs on IaC"),
        (["-f", "json", "-f", "sarif"], "--format given 2 time(s) and --output 0"),
        (["-o", "a.json", "-o", "b.json"], "--format given 1 time(s) and --output 2"),
        (["-f", "json", "-o", "same.json", "-f", "sarif", "-o", "same.json"], "the same file is given twice"),
    ],
)
def test_bad_flags_are_one_line_and_exit_2(
    args: list[str],
    message: str,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.chdir(tmp_path)
    code, _, err = _cli(["scan", str(FIXTURE), *args], capsys)
    assert code == 2 and message in err and "Traceback" not in err, err
    assert list(tmp_path.iterdir()) == []  # nothing was scanned or written


def test_soft_fail_and_severity_threshold(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, _ = _cli(["scan", str(FIXTURE), "-f", "json", "--fail-on", "high"], capsys)
    assert code == 1
    code, _, _ = _cli(["scan", str(FIXTURE), "-f", "json", "--fail-on", "high", "--soft-fail"], capsys)
    assert code == 0
    code, out, _ = _cli(["scan", str(FIXTURE), "-f", "json", "--severity-threshold", "high"], capsys)
    severities = {f["severity"] for f in json.loads(out)["findings"]}
    assert code == 1 and severities <= {"critical", "high"} and "high" in severities
    code, out, _ = _cli(
        [
            "scan",
            str(FIXTURE),
            "-f",
            "json",
            "--severity-threshold",
            "critical",
            "--check",
            "ebs_volume_encrypted",
        ],
        capsys,
    )
    assert (
        code == 0 and json.loads(out)["findings"] == []
    )  # the volume's failure is high: below the threshold
    broken = tmp_path / "broken.yaml"
    broken.write_text("AWSTemplateFormatVersion: '2010-09-09'\nResources: [\n")
    code, _, _ = _cli(["scan", str(broken), str(FIXTURE), "--soft-fail", "--fail-on", "high"], capsys)
    assert code == 2  # bad input is never soft


def test_several_outputs_in_one_run(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    code, out, err = _cli(
        ["scan", str(FIXTURE), "-f", "sarif", "-o", "results.sarif", "-f", "json", "-o", "out/results.json"],
        capsys,
    )
    assert code == 0 and out == ""
    sarif = json.loads((tmp_path / "results.sarif").read_text())
    scan_json = json.loads((tmp_path / "out" / "results.json").read_text())
    assert len(sarif["runs"][0]["results"]) == len(
        [f for f in scan_json["findings"] if f["status"] != "pass"]
    )
    assert "wrote results.sarif" in err and "wrote out/results.json" in err
    code, out, _ = _cli(["scan", str(FIXTURE), "-f", "junit", "-o", "r.xml", "-f", "json"], capsys)
    assert json.loads(out)["files"] == [str(FIXTURE)]  # the -f without -o goes to stdout
    assert (tmp_path / "r.xml").read_text().startswith("<?xml")
    code, out, _ = _cli(["scan", str(FIXTURE), "-o", "table.txt"], capsys)
    table = (tmp_path / "table.txt").read_text()
    assert out == "" and "ebs_volume_encrypted" in table and "\x1b[" not in table  # plain text, no colours


# -- --honour-checkov-skips ---------------------------------------------------------------------------------

CHECKOV_CFN = """\
AWSTemplateFormatVersion: "2010-09-09"
Resources:
  Scratch:
    # checkov:skip=CKV_AWS_3:Scratch space for the batch job, wiped each run
    Type: AWS::EC2::Volume
    Properties:
      Size: 100
      AvailabilityZone: eu-west-2a
  Ledger:
    Type: AWS::EC2::Volume
    Metadata:
      checkov:
        skip:
          - id: CKV_AWS_3
            comment: Encrypted by the storage appliance in front of it
    Properties: {Size: 10, AvailabilityZone: eu-west-2a}
  NoReason:
    Type: AWS::EC2::Volume
    Properties:
      Size: 10  # checkov:skip=CKV_AWS_3
      AvailabilityZone: eu-west-2a
  # checkov:skip=CKV_AWS_3:a comment between resources belongs to neither
  Plain:
    Type: AWS::EC2::Volume
    Properties: {Size: 10, AvailabilityZone: eu-west-2a}
  Key:
    Type: AWS::KMS::Key
    Properties:
      EnableKeyRotation: false  # checkov:skip=CKV_AWS_7:Imported key material cannot rotate
      KeyPolicy: {Version: "2012-10-17", Statement: []}
"""

CHECKOV_TF = """\
resource "aws_ebs_volume" "scratch" {
  availability_zone = "eu-west-2a"
  size              = 100
  #checkov:skip=CKV_AWS_3:Scratch space, wiped each run
}

resource "aws_ebs_volume" "data" {
  availability_zone = "eu-west-2a"
  size              = 10
  tags = { Note = "a } brace in a string" }
}
# checkov:skip=CKV_AWS_3:after the block: applies to nothing

resource "aws_kms_key" "imported" {
  description         = "imported material"
  enable_key_rotation = false
  policy              = <<POLICY
{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"AWS": "*"}, "Action": "kms:*", "Resource": "*"}]}
}
POLICY
  // checkov:skip=CKV_AWS_7: Imported key material cannot rotate
}
"""


def _waivers(result) -> dict[tuple[str, str], str]:  # type: ignore[no-untyped-def]
    return {(f.resource.address, f.rule): f.waiver for f in result.findings if f.status.value == "waived"}


def test_checkov_skips_in_cloudformation(tmp_path: Path) -> None:
    from wasp.scan_workflow import ScanOptions

    path = tmp_path / "stack.yaml"
    path.write_text(CHECKOV_CFN)
    assert _waivers(scan([path])) == {}  # off by default
    result = scan([path], ScanOptions(checkov_skips=True))
    assert _waivers(result) == {
        (
            "Scratch",
            "ebs_volume_encrypted",
        ): "checkov:skip CKV_AWS_3: Scratch space for the batch job, wiped each run",
        (
            "Ledger",
            "ebs_volume_encrypted",
        ): "checkov:skip CKV_AWS_3: Encrypted by the storage appliance in front of it",
        ("Key", "kms_key_rotation_enabled"): "checkov:skip CKV_AWS_7: Imported key material cannot rotate",
    }
    statuses = {(f.resource.address, f.rule): f.status.value for f in result.findings}
    assert statuses[("NoReason", "ebs_volume_encrypted")] == "fail"
    assert statuses[("Plain", "ebs_volume_encrypted")] == "fail"
    assert f"{path}:20: checkov:skip=CKV_AWS_3 (for ebs_volume_encrypted) has no reason" in "\n".join(
        result.warnings
    )
    assert _waivers(scan([path], ScanOptions(checkov_skips=True, inline_skips=False))) == {}


def test_checkov_skips_in_terraform_and_in_sarif(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "main.tf").write_text(CHECKOV_TF)
    monkeypatch.chdir(tmp_path)
    _cli(["scan", ".", "--honour-checkov-skips", "-f", "sarif", "-o", "r.sarif"], capsys)
    results = json.loads((tmp_path / "r.sarif").read_text())["runs"][0]["results"]
    suppressed = {
        (r["locations"][0]["logicalLocations"][0]["name"], r["ruleId"]): r["suppressions"][0]
        for r in results
        if r.get("suppressions")
    }
    assert set(suppressed) == {
        ("aws_ebs_volume.scratch", "ebs_volume_encrypted"),
        ("aws_kms_key.imported", "kms_key_rotation_enabled"),
    }, suppressed
    assert suppressed[("aws_kms_key.imported", "kms_key_rotation_enabled")] == {
        "kind": "inSource",
        "status": "accepted",
        "justification": "checkov:skip CKV_AWS_7: Imported key material cannot rotate",
    }
    failing = {
        (r["locations"][0]["logicalLocations"][0]["name"], r["ruleId"])
        for r in results
        if r["kind"] == "fail" and not r.get("suppressions")
    }
    assert (
        "aws_ebs_volume.data",
        "ebs_volume_encrypted",
    ) in failing  # the comment after its block is not in it


def test_a_nested_stack_that_is_not_a_template_is_an_error_of_its_parent(tmp_path: Path) -> None:
    (tmp_path / "child.yaml").write_text("service: not-a-stack\nprovider: {name: aws}\nResources: {}\n")
    parent = tmp_path / "parent.yaml"
    parent.write_text(
        "AWSTemplateFormatVersion: '2010-09-09'\nResources:\n"
        "  Child: {Type: AWS::CloudFormation::Stack, Properties: {TemplateURL: child.yaml}}\n"
    )
    result = scan([parent])
    assert result.errors == [
        f"{parent}: a nested stack's TemplateURL {tmp_path / 'child.yaml'} is a Serverless Framework file, "
        "not a CloudFormation template"
    ]


def test_sniffing_a_hostile_file_stays_linear(tmp_path: Path) -> None:
    from wasp.iac.detect import what_it_is

    path = tmp_path / "many.yaml"
    path.write_bytes(b"service: x\n" * 25_000)  # 275 kB of lines that start a pattern that never completes
    assert (
        what_it_is(path)
        == "JSON or YAML without AWSTemplateFormatVersion or a Resources section of AWS:: types"
    )
    tf_json = tmp_path / "main.tf.json"
    tf_json.write_text('{"resource": {"aws_s3_bucket": {"b": {}}}}')
    assert "Terraform JSON syntax" in what_it_is(tf_json)


# -- never break a CI: any JSON or YAML that is not a template is a skip ------------------------------------


_KEYS = st.sampled_from(
    ["Resources", "Type", "Properties", "name", "service", "States", "apiVersion", "Outputs"]
)
_SCALARS = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.text(max_size=12),
    st.sampled_from(["Task", "AWS", "burstable", "AWS::S3::Bucket"]),
)
_DOCS = st.recursive(
    _SCALARS,
    lambda inner: st.one_of(
        st.lists(inner, max_size=4), st.dictionaries(_KEYS | st.text(max_size=6), inner, max_size=4)
    ),
    max_leaves=20,
)


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(doc=_DOCS, as_json=st.booleans())
def test_any_document_that_is_not_a_template_is_skipped(tmp_path: Path, doc: object, as_json: bool) -> None:
    import yaml

    from wasp.iac.detect import is_template

    path = tmp_path / ("config.json" if as_json else "config.yaml")
    path.write_text(json.dumps(doc) if as_json else yaml.safe_dump(doc))
    result = scan([path])
    if is_template(doc):  # a random document can be one: then it is read, never skipped
        assert result.files == [str(path)] or result.errors
    else:
        assert result.errors == [] and result.files == [], result.errors
        assert len(result.notes) == 1 and "not scanned" in result.notes[0]


def test_a_checkov_skip_of_part_of_a_rule_does_not_waive_it(tmp_path: Path) -> None:
    from wasp.scan_workflow import ScanOptions

    (tmp_path / "main.tf").write_text(
        'resource "aws_security_group" "bastion" {\n'
        "  # checkov:skip=CKV_AWS_24:SSH for the bastion, allow-listed by the firewall in front\n"
        '  ingress {\n    from_port = 0\n    to_port = 65535\n    protocol = "tcp"\n'
        '    cidr_blocks = ["0.0.0.0/0"]\n  }\n}\n'
        'resource "aws_security_group" "web" {\n'
        "  # checkov:skip=CKV_AWS_24:reviewed\n  # checkov:skip=CKV_AWS_25:reviewed\n"
        "  # checkov:skip=CKV_AWS_260:reviewed\n  # checkov:skip=CKV_AWS_277:public web tier, reviewed\n"
        '  ingress {\n    from_port = 0\n    to_port = 65535\n    protocol = "tcp"\n'
        '    cidr_blocks = ["0.0.0.0/0"]\n  }\n}\n'
    )
    result = scan([tmp_path], ScanOptions(checkov_skips=True))
    statuses = {f.resource.address: f for f in result.findings if f.rule == "ec2_sg_no_world_ingress"}
    assert (
        statuses["aws_security_group.bastion"].status.value == "fail"
    )  # all ports open: SSH's skip is not enough
    assert any(
        "checkov:skip=CKV_AWS_24 covers only part of ec2_sg_no_world_ingress" in w and "CKV_AWS_277" in w
        for w in result.warnings
    )
    web = statuses["aws_security_group.web"]
    assert web.status.value == "waived"
    assert web.waiver == "checkov:skip CKV_AWS_24, CKV_AWS_25, CKV_AWS_277: reviewed"
