"""Hostile files (issue #11 §4, §5): wasp reads only the tree it was given, quotes no file text in errors, and
does bounded work on any input. Each case ends in a result or one line naming the file (exit code 2)."""

from __future__ import annotations

import gzip
import json
import os
import tracemalloc
from pathlib import Path

import pytest

from wasp import limits
from wasp.cli.app import main
from wasp.errors import InputError
from wasp.scan_workflow import ScanResult, scan

CANARY = "CANARYq7Zx3SECRET"
TEMPLATE_HEAD = "AWSTemplateFormatVersion: '2010-09-09'\n"


@pytest.fixture(autouse=True)
def _no_limit_overrides() -> None:
    limits.reset()


def _cli(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    with pytest.raises(SystemExit) as exc:
        main(args)
    captured = capsys.readouterr()
    return int(exc.value.code or 0), captured.out, captured.err


def _one_line_errors(err: str) -> None:
    assert "Traceback" not in err
    assert all(len(line) < 400 for line in err.splitlines())


def _problems(result: ScanResult) -> str:
    return "\n".join(result.errors + result.warnings)


# -- §4: only the given tree ------------------------------------------------------------------------------


def _hostile_tree(tmp_path: Path) -> Path:
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "credentials").write_text(f"[default]\naws_secret_access_key = {CANARY}\n")
    (outside / "main.tf").write_text(f'resource "aws_s3_bucket" "stolen" {{\n  bucket = "{CANARY}"\n}}\n')
    repo = tmp_path / "repo"
    repo.mkdir()
    (repo / "creds.yaml").symlink_to(outside / "credentials")
    (repo / "environ.json").symlink_to("/proc/self/environ")
    (repo / "shared").symlink_to(outside, target_is_directory=True)
    os.mkfifo(repo / "pipe.yaml")
    (repo / "app.yaml").write_text(
        TEMPLATE_HEAD + "Resources:\n  Child:\n    Type: AWS::CloudFormation::Stack\n"
        "    Properties: {TemplateURL: ../outside/credentials}\n"
    )
    tf = repo / "tf"
    tf.mkdir()
    (tf / "main.tf").write_text('module "ext" {\n  source = "../../outside"\n}\n')
    return repo


def test_scan_stays_inside_the_tree_and_skips_fifos(tmp_path: Path) -> None:
    repo = _hostile_tree(tmp_path)
    result = scan([repo])
    problems = _problems(result)
    assert CANARY not in problems and not result.errors
    assert f"{repo / 'creds.yaml'}: skipped: a symlink to outside" in problems
    assert f"{repo / 'environ.json'}: skipped: a symlink to outside" in problems
    assert f"{repo / 'shared'}: skipped: a symlink to outside" in problems
    assert f"{repo / 'pipe.yaml'}: skipped: a FIFO" in problems
    assert (
        f"{repo / 'app.yaml'}:3: nested stack Child: its TemplateURL leaves the scanned folders" in problems
    )
    assert f"{repo / 'tf' / 'main.tf'}:1: module ext: its source leaves the scanned folders" in problems
    assert not any("stolen" in (f.resource.address or "") for f in result.findings)
    assert sorted(result.files) == [str(repo / "app.yaml"), str(repo / "tf")]


def test_a_symlink_inside_the_tree_is_read(tmp_path: Path) -> None:
    shared = tmp_path / "shared.tf"
    shared.write_text('resource "aws_ebs_volume" "v" {\n  size = 1\n  encrypted = false\n}\n')
    root = tmp_path / "root"
    root.mkdir()
    (root / "volume.tf").symlink_to(shared)
    (root / "loop").symlink_to(root, target_is_directory=True)  # walked at its own place, not again
    result = scan([tmp_path])
    volumes = {f.resource.address for f in result.findings if f.rule == "ebs_volume_encrypted"}
    assert volumes == {"aws_ebs_volume.v"} and not result.errors


def test_a_fifo_given_by_name_is_one_line_not_a_hang(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    fifo = tmp_path / "t.yaml"
    os.mkfifo(fifo)
    code, _, err = _cli(["scan", str(fifo)], capsys)
    assert code == 2 and f"{fifo}: cannot scan: a FIFO" in err
    with pytest.raises(InputError, match="a FIFO, not a regular file"):
        limits.read_text(fifo, limits.FileKind.CONFIG, "workload file")


# -- §4: errors name the place and kind, never the text ---------------------------------------------------


@pytest.mark.parametrize(
    ("name", "body", "expected"),
    [
        (
            "alias.yaml",
            TEMPLATE_HEAD + f"Resources: *{CANARY}\n",
            r"alias.yaml:2: template is not valid YAML \(",
        ),
        (
            "tab.yaml",
            TEMPLATE_HEAD + f"Resources:\n\t{CANARY}: x\n",
            r"tab.yaml:3: template is not valid YAML",
        ),
        (
            "tag.yaml",
            TEMPLATE_HEAD + f"Resources: !!python/name:{CANARY} x\n",
            r"tag.yaml:2: template is not",
        ),
        (
            "bad.json",
            '{"Resources": {"A": ' + CANARY + "}}",
            r"bad.json:1: cannot read the template \(Expecting",
        ),
        (
            "main.tf",
            f'resource "aws_s3_bucket" "b" {{\n  bucket = {CANARY} $$ !\n}}\n',
            r"main.tf:2: cannot parse",
        ),
        (
            "t2.yaml",
            TEMPLATE_HEAD + f"Resources:\n  A: {{Type: '{CANARY} x'}}\n",
            r"t2.yaml:3: resource A has a Type",
        ),
        (
            "plan.json",
            '{"format_version": "1.2", "resource_changes": [' + CANARY,
            r"plan.json:1: cannot read the plan",
        ),
    ],
)
def test_scan_errors_quote_nothing(tmp_path: Path, name: str, body: str, expected: str) -> None:
    path = tmp_path / name
    path.write_text(body)
    result = scan([path])
    assert CANARY not in _problems(result)
    assert len(result.errors) == 1
    import re

    assert re.search(expected, result.errors[0]), result.errors[0]


@pytest.mark.parametrize(
    ("command", "name", "body"),
    [
        ("review", "wasp.yaml", f"name: x\nregions: [eu-west-2]\naccounts: ['{CANARY}']\n"),
        ("review", "wasp.yaml", f"name: x\nregions: [eu-west-2]\n{CANARY}: 1\n"),
        ("review", "wasp.yaml", f"name: x\nregions: [*{CANARY}]\n"),
        ("review", "wasp.yaml", f"name: x\nregions: ['{CANARY}']\n"),
        ("report", "review.json", json.dumps({"schema": "wasp.review/1", "workload": CANARY, CANARY: 1})),
        ("report", "review.json", '{"schema": "wasp.review/1", "x": ' + CANARY + "}"),
    ],
)
def test_config_and_review_errors_quote_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], command: str, name: str, body: str
) -> None:
    path = tmp_path / name
    path.write_text(body)
    code, out, err = _cli([command, str(path)], capsys)
    assert code == 2 and str(path) in err and CANARY not in err + out
    _one_line_errors(err)


def test_attestation_waiver_snapshot_and_baseline_errors_quote_nothing(tmp_path: Path) -> None:
    from wasp.attest.waivers import load_waivers
    from wasp.iac.suppress import read_baseline
    from wasp.snapshot import load_snapshot

    waivers = tmp_path / "waivers.yaml"
    waivers.write_text(
        f"waivers:\n  - {{id: {CANARY}, owner: o, reason: a long enough reason, expires: 2027-01-01}}\n"
        f"  - {{id: {CANARY}, owner: o, reason: a long enough reason, expires: 2027-01-01}}\n"
    )
    snapshot = tmp_path / "s.json"
    snapshot.write_text(
        json.dumps(
            {
                "schema": "wasp.snapshot/1",
                "collected_at": "2026-01-01T00:00:00+00:00",
                "resources": [
                    {"type": "t", "id": "i", "properties": {}, "origin": {"kind": "live", CANARY: 1}}
                ],
            }
        )
    )
    baseline = tmp_path / "b.json"
    baseline.write_text('{"findings": [' + CANARY + "]}")
    for path, load in ((waivers, load_waivers), (snapshot, load_snapshot), (baseline, read_baseline)):
        with pytest.raises(InputError) as exc:
            load(path)
        assert str(path) in str(exc.value) and CANARY not in str(exc.value)


# -- §5: size caps ----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("kind", "name", "loader"),
    [
        ("template", "t.yaml", "scan"),
        ("terraform", "main.tf", "scan"),
        ("plan", "plan.json", "scan"),
        ("config", "wasp.yaml", "workload"),
        ("review", "review.json", "review"),
        ("snapshot", "s.json", "snapshot"),
    ],
)
def test_every_file_kind_has_a_configurable_cap(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, kind: str, name: str, loader: str
) -> None:
    path = tmp_path / name
    filler = "#" if name.endswith((".yaml", ".tf")) else " "
    head = {
        "t.yaml": TEMPLATE_HEAD + "Resources: {}\n",
        "plan.json": '{"format_version": "1.2", "resource_changes": []}',
    }.get(name, "")
    path.write_text(head + "\n" + filler * (limits.MB + 10) + "\n")
    monkeypatch.setenv(limits.env_var(kind), "1")
    if loader == "scan":
        result = scan([path])
        message = result.errors[0] if result.errors else ""
    else:
        from wasp.report.base import load_review
        from wasp.snapshot import load_snapshot
        from wasp.workload.file import load_workload

        load = {"workload": load_workload, "review": load_review, "snapshot": load_snapshot}[loader]
        with pytest.raises(InputError) as exc:
            load(path)
        message = str(exc.value)
    where = str(path) if kind != "terraform" else str(tmp_path)
    assert (
        message.startswith(where)
        and f"{limits.MB + 10 + len(head) + 2:,} bytes, over the 1 MB cap" in message
    ), message
    assert limits.env_var(kind) in message


def test_the_scan_limit_option(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "t.yaml"
    path.write_text(TEMPLATE_HEAD + "Resources: {}\n" + "#" * (2 * limits.MB) + "\n")
    code, _, err = _cli(["scan", str(path), "--limit", "template=1"], capsys)
    assert (
        code == 2
        and "bytes, over the 1 MB cap); set WASP_MAX_TEMPLATE_MB=N or `wasp scan --limit template=N`" in err
    )
    limits.reset()
    code, _, err = _cli(["scan", str(path), "--limit", "template=3"], capsys)
    assert code == 0, err
    code, _, err = _cli(["scan", str(path), "--limit", "bogus=3"], capsys)
    assert code == 2 and "--limit bogus: unknown cap" in err


def test_a_gzip_bomb_snapshot_stops_at_the_cap(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from wasp.snapshot import load_snapshot

    bomb = tmp_path / "s.json.gz"
    bomb.write_bytes(gzip.compress(b" " * (64 * limits.MB), compresslevel=9))
    assert bomb.stat().st_size < limits.MB
    monkeypatch.setenv(limits.env_var("snapshot"), "2")
    tracemalloc.start()
    try:
        with pytest.raises(InputError, match=r"snapshot \(decompressed\) is too large \(more than 2 MB"):
            load_snapshot(bomb)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < 16 * limits.MB  # never the 64 MB it would inflate to


# -- §5: expansion and nesting ----------------------------------------------------------------------------


def _laughs(levels: int, prefix: str = "") -> str:
    lines = [f'{prefix}l0: &l0 ["{CANARY}", "{CANARY}", "{CANARY}", "{CANARY}", "{CANARY}"]']
    for i in range(1, levels):
        lines.append(f"{prefix}l{i}: &l{i} [" + ", ".join([f"*l{i - 1}"] * 9) + "]")
    return "\n".join(lines) + "\n"


def test_yaml_alias_bombs_are_refused_before_they_are_built(tmp_path: Path) -> None:
    from wasp.workload.file import load_workload

    workload = tmp_path / "wasp.yaml"
    workload.write_text("name: x\nregions: [eu-west-2]\n" + _laughs(12, "x-") + "break_glass: *l11\n")
    template = tmp_path / "t.yaml"
    template.write_text(
        TEMPLATE_HEAD + _laughs(12) + "Resources:\n  B: {Type: AWS::S3::Bucket, Properties: {Tags: *l11}}\n"
    )
    recursive = tmp_path / "r.yaml"
    recursive.write_text(TEMPLATE_HEAD + "Resources: &r {A: {Type: AWS::S3::Bucket, Properties: *r}}\n")
    tracemalloc.start()
    try:
        with pytest.raises(InputError, match=r"wasp.yaml: workload file: it expands to more than "):
            load_workload(workload)
        result = scan([template, recursive])
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < 64 * limits.MB
    assert any(e.startswith(f"{template}: template: it expands to more than") for e in result.errors)
    assert any(e.startswith(f"{recursive}:2:") and "recursive YAML alias" in e for e in result.errors)
    assert CANARY not in _problems(result)


def test_cloudformation_substitutions_are_bounded_by_the_text_they_build(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(limits.env_var("expanded"), "1")
    template = tmp_path / "t.yaml"
    text = "x" * 100_000
    template.write_text(
        TEMPLATE_HEAD + f"Parameters:\n  P: {{Type: String, Default: {text}}}\nResources:\n"
        "  B:\n    Type: AWS::S3::Bucket\n    Properties:\n"
        "      BucketName: !Sub '" + "${P}" * 40 + "'\n"  # 4 MB from a 100 kB file: no alias involved
    )
    result = scan([template])
    assert any(e.startswith(f"{template}:5: it expands to more than 1 MB of text") for e in result.errors), (
        result.errors
    )


def test_terraform_doubling_and_cartesian_loops_stop_with_one_line(tmp_path: Path) -> None:
    doubling = tmp_path / "doubling"
    doubling.mkdir()
    body = 'locals {\n  s0 = "0123456789abcdef"\n'
    body += "".join(f'  s{i} = "${{local.s{i - 1}}}${{local.s{i - 1}}}"\n' for i in range(1, 41))
    (doubling / "main.tf").write_text(body + '}\nresource "aws_s3_bucket" "b" {\n  bucket = local.s40\n}\n')
    loops = tmp_path / "loops"
    loops.mkdir()
    (loops / "main.tf").write_text(
        "locals {\n  r = range(1024)\n  cube = [for a in local.r : [for b in local.r : [for c in local.r : c]]]\n}\n"
        'resource "aws_s3_bucket" "b" {\n  bucket = length(local.cube)\n}\n'
    )
    squares = tmp_path / "squares"
    squares.mkdir()
    body = "locals {\n  n0 = 99999999\n" + "".join(
        f"  n{i} = local.n{i - 1} * local.n{i - 1}\n" for i in range(1, 40)
    )
    (squares / "main.tf").write_text(body + '}\nresource "aws_ebs_volume" "v" {\n  size = local.n39\n}\n')
    blank = tmp_path / "blank"
    blank.mkdir()
    (blank / "main.tf").write_text(
        'locals {\n  big = join("", [for i in range(1024) : "0123456789abcdef0123456789abcdef"])\n'
        '  bomb = replace(local.big, "", local.big)\n}\nresource "aws_s3_bucket" "b" {\n  bucket = local.bomb\n}\n'
    )
    result = scan([doubling, loops, squares, blank])
    errors = "\n".join(result.errors)
    assert f"{doubling / 'main.tf'}:" in errors and "MB of text" in errors
    assert f"{loops / 'main.tf'}:3: local.cube: it expands to more than 2,000,000 values" in errors
    assert f"{blank / 'main.tf'}:3: local.bomb: it expands to more than" in errors
    assert str(squares) in result.files  # too large to compute is unknown, not an error


@pytest.mark.parametrize("fmt", ["yaml", "json", "hcl"])
def test_deep_nesting_is_one_clear_line(tmp_path: Path, fmt: str) -> None:
    depth = 5000
    if fmt == "yaml":
        path = tmp_path / "t.yaml"
        path.write_text(
            TEMPLATE_HEAD
            + "Resources:\n  B: {Type: AWS::S3::Bucket, Properties: {Tags: "
            + "[" * 150
            + "]" * 150
            + "}}\n"
        )
        expected = f"{path}:3:"
    elif fmt == "json":
        path = tmp_path / "t.json"
        path.write_text(
            '{"AWSTemplateFormatVersion": "2010-09-09", "Resources": {"B": '
            + "[" * depth
            + "]" * depth
            + "}}"
        )
        expected = f"{path}"
    else:
        path = tmp_path / "main.tf"
        path.write_text('resource "aws_s3_bucket" "b" {\n  tags = ' + "[" * depth + "]" * depth + "\n}\n")
        expected = f"{tmp_path}"
    result = scan([path])
    assert len(result.errors) == 1 and result.errors[0].startswith(expected), result.errors
    assert "nest" in result.errors[0] and "RecursionError" not in result.errors[0]


def test_json_template_and_plan_lines_are_found_in_one_pass(tmp_path: Path) -> None:
    from wasp.iac.decode import decode_template
    from wasp.iac.terraform.plan import load_plan

    doc = {
        "Resources": {f"V{i}": {"Type": "AWS::EC2::Volume", "Properties": {"Size": i}} for i in range(300)}
    }
    template = tmp_path / "t.json"
    template.write_text(json.dumps(doc, indent=1))
    lines = decode_template(template)["Resources"].lines
    text = template.read_text().splitlines()
    assert all(text[lines[f"V{i}"] - 1].strip().startswith(f'"V{i}":') for i in (0, 17, 299))
    plan = tmp_path / "plan.json"
    changes = [
        {
            "address": f"aws_ebs_volume.v{i}",
            "type": "aws_ebs_volume",
            "change": {"actions": ["create"], "after": {}},
        }
        for i in range(50)
    ]
    plan.write_text(json.dumps({"format_version": "1.2", "resource_changes": changes}, indent=1))
    resources = {r.address: r.line for r in load_plan(plan)}
    plan_lines = plan.read_text().splitlines()
    assert all(f'"aws_ebs_volume.v{i}"' in plan_lines[resources[f"aws_ebs_volume.v{i}"] - 1] for i in (0, 49))


def test_wrong_shapes_are_read_as_far_as_they_go(tmp_path: Path) -> None:
    flow = tmp_path / "flow.yaml"
    flow.write_text(
        "{AWSTemplateFormatVersion: '2010-09-09', Resources: {V: {Type: AWS::EC2::Volume, "
        "Properties: {Size: 1, Encrypted: false}}}}\n"
    )
    plan = tmp_path / "plan.json"
    good = {
        "address": "aws_ebs_volume.v",
        "type": "aws_ebs_volume",
        "change": {"actions": ["create"], "after": {"size": 1, "encrypted": False}},
    }
    plan.write_text(
        json.dumps(
            {
                "format_version": "1.2",
                "resource_changes": [CANARY, 7, {"address": "x", "change": [CANARY]}, good],
                "configuration": {"root_module": {"resources": CANARY, "module_calls": [CANARY]}},
                "variables": [CANARY],
            }
        )
    )
    result = scan([flow, plan])
    assert not result.errors and CANARY not in _problems(result)
    failing = {
        (f.resource.file, f.resource.address) for f in result.findings if f.rule == "ebs_volume_encrypted"
    }
    assert failing == {(str(flow), "V"), (str(plan), "aws_ebs_volume.v")}


def test_the_one_pass_count_agrees_with_the_expanding_measure_and_defers_on_aliases() -> None:
    import yaml

    from wasp import yamlguard

    plain = yaml.compose("a: [1, 2, {b: three}]\nc: four\n", Loader=yamlguard.SafeLoader)
    assert yamlguard._tree_size(plain) == yamlguard.measure(plain)[id(plain)]
    aliased = yaml.compose("a: &x [1, 2]\nb: *x\n", Loader=yamlguard.SafeLoader)
    assert yamlguard._tree_size(aliased) is None  # an alias: the expanding measure decides
