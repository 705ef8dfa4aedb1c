"""`wasp scan`: CloudFormation through the same rules, with file, line and logical id; bad input is one line."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from wasp.cli.app import main
from wasp.iac.cloudformation import load_cloudformation
from wasp.model import Unresolved
from wasp.scan_workflow import ScanOptions, scan

FIXTURE = Path(__file__).parent / "fixtures" / "cfn" / "payments.yaml"


def _status(result, rule: str, address: str) -> str:  # type: ignore[no-untyped-def]
    return next(f.status.value for f in result.findings if f.rule == rule and f.resource.address == address)


def test_intrinsics_resolve_or_are_marked_unknown() -> None:
    res = {r.id: r for r in load_cloudformation(FIXTURE)}
    sg = res["WebSg"].properties["SecurityGroupIngress"]
    assert sg[0]["CidrIp"] == "0.0.0.0/0"  # Fn::If on the default Env=prod
    assert isinstance(sg[1]["CidrIp"], Unresolved)  # a parameter without a default or value
    assert res["Disk"].properties["Size"] == 100  # Fn::FindInMap
    assert res["ReceiptsPolicy"].properties["Bucket"] == "Receipts"  # Ref to a bucket with a computed name
    assert isinstance(
        res["Receipts"].properties["BucketEncryption"]["ServerSideEncryptionConfiguration"][0][
            "ServerSideEncryptionByDefault"
        ]["KMSMasterKeyID"],
        Unresolved,
    )  # GetAtt of a key ARN: after deploy
    assert res["Receipts"].origin.line == 16 and res["Receipts"].origin.file == str(FIXTURE)
    assert "Trail" in res
    dev = {r.id for r in load_cloudformation(FIXTURE, {"Env": "dev"})}
    assert "Trail" not in dev  # the resource's condition is false


def test_same_rules_same_verdicts_with_locations() -> None:
    result = scan([FIXTURE])
    assert _status(result, "ec2_sg_no_world_ingress", "WebSg") == "fail"
    assert _status(result, "s3_bucket_acl_not_public", "Assets") == "fail"
    assert _status(result, "s3_bucket_public_access_block", "Receipts") == "pass"
    assert _status(result, "s3_bucket_secure_transport", "Receipts") == "pass"
    assert _status(result, "s3_bucket_secure_transport", "Assets") == "fail"
    assert _status(result, "ebs_volume_encrypted", "Disk") == "fail"
    assert _status(result, "kms_key_rotation_enabled", "DataKey") == "pass"
    assert _status(result, "cloudtrail_log_file_validation", "Trail") == "pass"
    assert (
        _status(result, "s3_bucket_cmk_for_sensitive", "Receipts") == "unknown"
    )  # key ARN known only after deploy
    assert not any(f.rule == "iam_access_key_unused" for f in result.findings)  # live-only rules stay out
    assert all(f.resource.file and f.resource.line for f in result.findings)


def test_an_unresolved_value_is_unknown_never_fail() -> None:
    dev = ScanOptions(parameters={"Env": "dev"})
    sg_rdp = [f for f in scan([FIXTURE], options=dev).findings if f.rule == "ec2_sg_no_world_ingress"]
    assert [f.status.value for f in sg_rdp] == ["unknown"]


@pytest.mark.parametrize("fmt", ["json", "sarif", "junit"])
def test_output_formats(fmt: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / f"out.{fmt}"
    with pytest.raises(SystemExit) as exc:
        main(["scan", str(FIXTURE), "--format", fmt, "-o", str(out), "--fail-on", "high"])
    assert exc.value.code == 1  # a critical failure exists
    text = out.read_text()
    if fmt == "json":
        doc = json.loads(text)
        assert doc["files"] == [str(FIXTURE)] and {"id", "rule", "status", "resource"} <= set(
            doc["findings"][0]
        )
    elif fmt == "sarif":
        run = json.loads(text)["runs"][0]
        located = [r for r in run["results"] if "physicalLocation" in r["locations"][0]]
        assert located and located[0]["locations"][0]["physicalLocation"]["region"]["startLine"] > 0
    else:
        assert text.startswith("<?xml") and "<failure" in text


def test_bad_templates_are_reported_and_the_scan_goes_on(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("AWSTemplateFormatVersion: '2010-09-09'\nResources:\n  X: [unclosed\n")
    notype = tmp_path / "notype.yaml"
    notype.write_text("AWSTemplateFormatVersion: '2010-09-09'\nResources:\n  X:\n    Properties: {}\n")
    good = tmp_path / "good.yaml"
    good.write_text(FIXTURE.read_text())
    with pytest.raises(SystemExit) as exc:
        main(["scan", str(tmp_path), "--format", "json"])
    captured = capsys.readouterr()
    assert exc.value.code == 2
    assert "bad.yaml:" in captured.err and "notype.yaml:" in captured.err and "has no Type" in captured.err
    assert "Traceback" not in captured.err
    assert json.loads(captured.out)["files"] == [str(good), str(notype)]  # notype's other resources are read


def test_missing_path_is_one_line(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exc:
        main(["scan", "/no/such/path"])
    assert exc.value.code == 2 and "no such file or folder" in capsys.readouterr().err


SARIF_SCHEMA = Path(__file__).parent / "fixtures" / "sarif" / "sarif-2.1.0.json"


def _sarif_errors(log: dict[str, object]) -> list[str]:
    import jsonschema

    schema = json.loads(SARIF_SCHEMA.read_text())
    validator = jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker())
    return [f"{e.json_path}: {e.message}" for e in validator.iter_errors(log)]


def test_scan_sarif_is_valid_against_the_schema(tmp_path: Path) -> None:
    out = tmp_path / "scan.sarif"
    fixtures = Path(__file__).parent / "fixtures"
    with pytest.raises(SystemExit):
        main(["scan", str(fixtures / "tf" / "app"), str(FIXTURE), "-f", "sarif", "-o", str(out)])
    log = json.loads(out.read_text())
    assert _sarif_errors(log) == []
    run = log["runs"][0]
    rules = {r["id"]: r for r in run["tool"]["driver"]["rules"]}
    assert all(r["help"]["markdown"] and r["shortDescription"]["text"] for r in rules.values())
    assert all(res["ruleId"] in rules for res in run["results"])
    waived = [r for r in run["results"] if r.get("suppressions")]
    assert waived and waived[0]["suppressions"][0]["kind"] == "inSource"


def test_review_sarif_is_valid_against_the_schema(demo_doc: dict[str, object]) -> None:
    from wasp.report.formats.sarif import sarif_log

    assert _sarif_errors(sarif_log(demo_doc)) == []


def test_cloudformation_metadata_skip(tmp_path: Path) -> None:
    template = tmp_path / "t.yaml"
    template.write_text(
        "AWSTemplateFormatVersion: '2010-09-09'\nResources:\n"
        "  Old:\n    Type: AWS::EC2::Volume\n    Metadata:\n      wasp:\n        skip:\n"
        "          - {rule: ebs_volume_encrypted, reason: 'scratch disk, no data', expires: '2099-12-31'}\n"
        "    Properties: {Size: 1}\n"
        "  Lazy:\n    Type: AWS::EC2::Volume\n    Metadata:\n      wasp:\n        skip:\n"
        "          - {rule: ebs_volume_encrypted}\n    Properties: {Size: 1}\n"
        "  Other:\n    Type: AWS::EC2::Volume\n    Properties: {Size: 1}\n"
    )
    result = scan([template])
    status = {f.resource.address: (f.status.value, f.waiver) for f in result.findings}
    assert status["Old"] == ("waived", "inline: scratch disk, no data until 2099-12-31")
    assert status["Lazy"][0] == "fail" and status["Other"][0] == "fail"  # no reason; and not another resource
    assert any(f"{template}:" in w and "no reason" in w for w in result.warnings)


def test_baseline_reports_only_new_findings(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    stack = tmp_path / "stack.yaml"
    stack.write_text(
        "AWSTemplateFormatVersion: '2010-09-09'\nResources:\n  A: {Type: AWS::EC2::Volume, Properties: {Size: 1}}\n"
    )
    baseline = tmp_path / "wasp-baseline.json"
    with pytest.raises(SystemExit):
        main(["scan", str(stack), "-f", "json", "--write-baseline", str(baseline)])
    entries = json.loads(baseline.read_text())["findings"]
    assert {"file": "stack.yaml", "resource": "A", "rule": "ebs_volume_encrypted"} in entries
    stack.write_text(stack.read_text() + "  B: {Type: AWS::EC2::Volume, Properties: {Size: 1}}\n")
    capsys.readouterr()
    with pytest.raises(SystemExit) as exc:
        main(["scan", str(stack), "-f", "json", "--baseline", str(baseline), "--fail-on", "high"])
    assert exc.value.code == 1  # B is new and fails
    doc = json.loads(capsys.readouterr().out)
    volumes = {
        f["resource"]["address"]: f["status"] for f in doc["findings"] if f["rule"] == "ebs_volume_encrypted"
    }
    assert volumes == {"A": "waived", "B": "fail"}  # the same rule on another resource is not hidden
    bad = tmp_path / "bad-baseline.json"
    bad.write_text("[1, 2]")
    with pytest.raises(SystemExit) as exc:
        main(["scan", str(stack), "--baseline", str(bad)])
    assert exc.value.code == 2 and "not a wasp baseline" in capsys.readouterr().err


def test_sam_nested_stacks_and_unknown_types(tmp_path: Path) -> None:
    (tmp_path / "child.yaml").write_text(
        "AWSTemplateFormatVersion: '2010-09-09'\nParameters: {Enc: {Type: String}}\nResources:\n"
        "  Disk: {Type: AWS::EC2::Volume, Properties: {Size: 1, Encrypted: !Ref Enc}}\n"
    )
    parent = tmp_path / "app.yaml"
    parent.write_text(
        "AWSTemplateFormatVersion: '2010-09-09'\nTransform: AWS::Serverless-2016-10-31\nResources:\n"
        "  Fn:\n    Type: AWS::Serverless::Function\n    Properties:\n      Runtime: python3.12\n"
        "      Handler: a.h\n      CodeUri: src/\n      Policies: [AdministratorAccess]\n"
        "      Environment: {Variables: {DB_PASSWORD: Xk9mQ2vL7pR4wzT8}}\n"
        "  Child:\n    Type: AWS::CloudFormation::Stack\n"
        "    Properties: {TemplateURL: child.yaml, Parameters: {Enc: 'false'}}\n"
        "  Odd: {Type: Vendor::Thing, Properties: {}}\n"
    )
    result = scan([parent])
    found = {(f.rule, f.resource.address): f.status.value for f in result.findings}
    assert found[("lambda_no_secrets_in_env", "Fn")] == "fail"
    assert found[("iam_role_no_admin", "FnRole")] == "fail"  # the role SAM generates
    assert found[("ebs_volume_encrypted", "Child/Disk")] == "fail"  # a local nested stack, with its parameter
    assert any("unknown type 'Vendor::Thing'" in e and f"{parent}:" in e for e in result.errors)


def test_huge_and_circular_templates(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    big = tmp_path / "big.yaml"
    big.write_text("AWSTemplateFormatVersion: '2010-09-09'\nResources: {}\n" + "#" * (1 << 20) + "\n")
    monkeypatch.setenv("WASP_MAX_TEMPLATE_MB", "1")
    circular = tmp_path / "loop.yaml"
    circular.write_text(
        "AWSTemplateFormatVersion: '2010-09-09'\nConditions:\n  A: !Condition B\n  B: !Condition A\n"
        "Resources:\n  V: {Type: AWS::EC2::Volume, Condition: A, Properties: {Size: 1}}\n"
    )
    result = scan([tmp_path])
    assert any(e.startswith(f"{big}:") and "too large" in e for e in result.errors)
    assert [f.status.value for f in result.findings if f.resource.address == "V"]  # read, not stuck


def test_parameter_files(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    cli_form = tmp_path / "dev.json"
    cli_form.write_text('[{"ParameterKey": "Env", "ParameterValue": "dev"}]')
    with pytest.raises(SystemExit):
        main(["scan", str(FIXTURE), "-f", "json", "--parameter-file", str(cli_form)])
    doc = json.loads(capsys.readouterr().out)
    assert not any(f["resource"]["address"] == "Trail" for f in doc["findings"])  # Env=dev: condition false
    mapping = tmp_path / "prod.yaml"
    mapping.write_text("Parameters: {Env: prod}\n")
    with pytest.raises(SystemExit):
        main(["scan", str(FIXTURE), "-f", "json", "--parameter-file", str(mapping)])
    doc = json.loads(capsys.readouterr().out)
    assert any(f["resource"]["address"] == "Trail" for f in doc["findings"])  # Env=prod from the file
    with pytest.raises(SystemExit):
        main(["scan", str(FIXTURE), "-f", "json", "--parameter-file", str(mapping), "-p", "Env=dev"])
    doc = json.loads(capsys.readouterr().out)
    assert not any(f["resource"]["address"] == "Trail" for f in doc["findings"])  # -p wins over the file
    bad = tmp_path / "bad.json"
    bad.write_text('{"Env": {"nested": 1}}')
    with pytest.raises(SystemExit) as exc:
        main(["scan", str(FIXTURE), "--parameter-file", str(bad)])
    assert exc.value.code == 2 and "not a parameter file" in capsys.readouterr().err


def test_get_att_resolves_what_the_template_decides(tmp_path: Path) -> None:
    template = tmp_path / "t.yaml"
    template.write_text(
        "AWSTemplateFormatVersion: '2010-09-09'\nResources:\n"
        "  Logs: {Type: AWS::S3::Bucket, Properties: {BucketName: logs}}\n"
        "  Key: {Type: AWS::KMS::Key, Properties: {}}\n"
        "  Policy:\n    Type: AWS::S3::BucketPolicy\n    Properties:\n      Bucket: !Ref Logs\n"
        "      PolicyDocument:\n        Statement:\n"
        "          - {Effect: Deny, Principal: '*', Action: 's3:*', Resource: [!GetAtt Logs.Arn, !Sub '${Logs.Arn}/*'],"
        " Condition: {Bool: {'aws:SecureTransport': 'false'}}}\n"
        "          - {Effect: Allow, Principal: '*', Action: 'kms:Decrypt', Resource: !GetAtt Key.Arn}\n"
    )
    res = {r.id: r for r in load_cloudformation(template)}
    statements = res["Policy"].properties["PolicyDocument"]["Statement"]
    assert statements[0]["Resource"] == ["arn:aws:s3:::logs", "arn:aws:s3:::logs/*"]
    assert isinstance(statements[1]["Resource"], Unresolved)  # a key's ARN is known only after deployment


@pytest.mark.parametrize(
    ("policy", "expected"),
    [
        (Unresolved("policy known after apply"), "unknown"),  # never a pass
        (
            {
                "Statement": [
                    {"Effect": "Allow", "Principal": "*", "Action": "kms:*", "Resource": Unresolved("arn")}
                ]
            },
            "fail",  # public whatever the resource turns out to be
        ),
        (
            {
                "Statement": [
                    {"Effect": "Allow", "Principal": {"AWS": Unresolved("account")}, "Action": "kms:*"}
                ]
            },
            "unknown",  # who is let in is known only after apply
        ),
    ],
)
def test_resource_policies_with_unknowns(policy: object, expected: str) -> None:
    from datetime import UTC, datetime

    from wasp.engine.evaluate import evaluate
    from wasp.model import Inventory
    from wasp.model.rule import RuleContext, example_resource
    from wasp.rules import load_rules

    rule = next(r for r in load_rules() if r.id == "kms_key_policy_not_public")
    inventory = Inventory()
    inventory.add(example_resource("AWS::KMS::Key", {"KeyPolicy": policy}, "k"))
    now = datetime.now(UTC)
    ev = evaluate(
        [rule], inventory, RuleContext(inventory=inventory, now=now), observed_at=now, require_collected=False
    )
    assert [f.status.value for f in ev.findings] == [expected]


def test_yaml_alias_bomb_is_refused(tmp_path: Path) -> None:
    lines = ["AWSTemplateFormatVersion: '2010-09-09'", 'a0: &a0 ["x","x","x","x","x","x","x","x","x"]']
    for i in range(1, 10):
        lines.append(f"a{i}: &a{i} [" + ",".join([f"*a{i - 1}"] * 9) + "]")
    lines += ["Resources:", "  B:", "    Type: AWS::S3::Bucket", "    Properties:", "      Tags: *a9"]
    bomb = tmp_path / "bomb.yaml"
    bomb.write_text("\n".join(lines) + "\n")
    result = scan([bomb])
    assert any(e.startswith(f"{bomb}:") and "expands to more than" in e for e in result.errors)


def test_scan_cli_usage_errors_and_the_root_listing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as exc:
        main(["scan"])
    assert exc.value.code == 2 and "Missing argument" in capsys.readouterr().err
    with pytest.raises(SystemExit) as exc:
        main(["scan", str(FIXTURE), "--format", "xml"])
    assert exc.value.code == 2 and "Invalid value" in capsys.readouterr().err
    out = tmp_path / "via-root.json"
    with pytest.raises(SystemExit) as exc:
        main(["--debug", "scan", str(FIXTURE), "-f", "json", "-o", str(out)])
    assert json.loads(out.read_text())["files"] == [
        str(FIXTURE)
    ]  # root options before the command still work
    with pytest.raises(SystemExit) as exc:
        main(["--help"])
    assert exc.value.code == 0 and "scan" in capsys.readouterr().out


def test_output_paths_are_created_or_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    nested = tmp_path / "new" / "dir" / "scan.json"
    with pytest.raises(SystemExit):
        main(["scan", str(FIXTURE), "-f", "json", "-o", str(nested)])
    assert json.loads(nested.read_text())["files"] == [str(FIXTURE)]  # folders are created
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    for option in ("-o", "--write-baseline"):
        with pytest.raises(SystemExit) as exc:
            main(["scan", str(FIXTURE), "-f", "json", option, str(blocker / "x.json")])
        err = capsys.readouterr().err
        assert exc.value.code == 2 and f"{blocker / 'x.json'}: cannot write" in err and "Traceback" not in err
    with pytest.raises(SystemExit) as exc:
        main(["scan", str(FIXTURE), "--var-file", str(tmp_path / "missing.tfvars")])
    assert exc.value.code == 2 and "does not exist" in capsys.readouterr().err


def test_scan_json_matches_its_schema(tmp_path: Path) -> None:
    import jsonschema

    from wasp.schemas import schema

    out = tmp_path / "scan.json"
    fixtures = Path(__file__).parent / "fixtures"
    with pytest.raises(SystemExit):
        main(["scan", str(fixtures / "tf" / "app"), str(FIXTURE), "-f", "json", "-o", str(out)])
    doc = json.loads(out.read_text())
    jsonschema.Draft202012Validator(schema("scan")).validate(doc)
    assert {"pass", "fail", "unknown", "waived"} <= {f["status"] for f in doc["findings"]}
    assert doc["warnings"] and doc["resources"] > 0


REGIONAL = """\
Resources:
  Logs:
    Type: AWS::S3::Bucket
    Properties:
      BucketName: !Sub "logs-${AWS::Region}-${AWS::Partition}"
      Tags: [{Key: region, Value: !Ref "AWS::Region"}]
"""


def test_a_template_region_is_unknown_unless_given(tmp_path: Path) -> None:
    from wasp.iac.cloudformation import read_cloudformation

    template = tmp_path / "t.yaml"
    template.write_text(REGIONAL, encoding="utf-8")
    (logs,) = read_cloudformation(template).resources
    assert isinstance(logs.properties["BucketName"], Unresolved)
    assert isinstance(logs.properties["Tags"][0]["Value"], Unresolved)
    assert logs.region is None
    (logs,) = read_cloudformation(template, region="eu-west-1").resources
    assert logs.properties["BucketName"] == "logs-eu-west-1-aws"
    assert logs.region == "eu-west-1"
    (logs,) = read_cloudformation(template, region="cn-north-1").resources
    assert logs.properties["BucketName"] == "logs-cn-north-1-aws-cn"


def test_terraform_data_aws_region_is_unknown_unless_given(tmp_path: Path) -> None:
    from wasp.iac.scan import Source, SourceKind, read_source

    (tmp_path / "main.tf").write_text(
        'provider "aws" {\n  region = "eu-west-1"\n}\ndata "aws_region" "current" {}\n'
        'resource "aws_s3_bucket" "logs" {\n  bucket = "logs-${data.aws_region.current.name}"\n}\n',
        encoding="utf-8",
    )
    source = Source(SourceKind.TERRAFORM, tmp_path)
    (bucket,) = read_source(source, ScanOptions()).resources
    assert isinstance(bucket.properties["BucketName"], Unresolved)  # the provider block does not decide it
    assert bucket.region is None
    (bucket,) = read_source(source, ScanOptions(region="us-east-2")).resources
    assert bucket.properties["BucketName"] == "logs-us-east-2"
    assert bucket.region == "us-east-2"


def test_scan_region_flag(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    template = tmp_path / "t.yaml"
    template.write_text(REGIONAL, encoding="utf-8")
    with pytest.raises(SystemExit) as exc:
        main(["scan", str(template), "-f", "json", "--region", "eu-west-1"])
    assert exc.value.code == 0
    doc = json.loads(capsys.readouterr().out)
    assert doc["findings"] and {f["resource"].get("region") for f in doc["findings"]} == {"eu-west-1"}


def test_no_region_is_hard_coded_in_the_iac_readers() -> None:
    import re

    iac = Path(__file__).resolve().parents[1] / "src" / "wasp" / "iac"
    pattern = re.compile(r"\b(?:us|eu|ap|sa|ca|me|af|il|mx)-(?:[a-z]+-)+\d\b")
    hits = [
        f"{p}:{n}"
        for p in iac.rglob("*.py")
        for n, line in enumerate(p.read_text().splitlines(), 1)
        if pattern.search(line)
    ]
    assert not hits, hits
