"""Fuzzing (issue #11 §5): structurally valid but hostile inputs for every file kind wasp reads.

Strategies build CloudFormation templates (from the rules' own examples, with wrong types put where rules read,
intrinsics, aliases), Terraform HCL (locals, count/for_each, for expressions and functions over hostile values),
plan JSON, workload / attestation / waiver YAML, snapshots and review JSON. A secret-looking canary is planted
inside every file. Each case must end in a result or one line: exit code 0, 1 or 2, no traceback, no stderr line
over 400 characters, never the canary in an error or warning, under 300 MB of Python memory, under 10 s.

The suite runs a bounded number of examples per format; ``bench/fuzz.py --minutes N`` runs the same strategies
for longer and prints cases per second, peak memory, slowest case and failures.
"""

from __future__ import annotations

import contextlib
import io
import json
import re
import tempfile
import time
import tracemalloc
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from wasp import limits
from wasp.errors import InputError

CANARY = "CANARYk9Vq2SECRET"
MAX_MEMORY = 300 * 1024 * 1024
MAX_SECONDS = 10.0
MAX_LINE = 400

# -- hostile values -----------------------------------------------------------------------------------------

canary_text = st.builds(
    lambda pre, post: f"{pre}{CANARY}{post}",
    st.sampled_from(["", "x", "${", "!Ref ", "'", '"', "\\", "\t", "*", "&", "%{", "\n"]),
    st.sampled_from(["", "}", "'", ":", " #", "\x00", "\u2028", "]"]),
)
scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(2**70), max_value=2**70),
    st.sampled_from([float("nan"), float("inf"), -0.0, 1e308]),
    st.text(max_size=20),
    canary_text,
    st.sampled_from(
        ["true", "false", "yes", "0", "-1", "2010-09-09", "*", "arn:aws:iam::*", "AES256", "aws:kms"]
    ),
    st.builds(lambda n: CANARY * n, st.integers(min_value=1, max_value=2000)),
)


def _shared(children: st.SearchStrategy[Any]) -> st.SearchStrategy[Any]:
    """The same object used several times: YAML dumps it as an anchor and aliases."""
    return st.builds(lambda v, n: [v] * n, children, st.integers(min_value=2, max_value=9))


values = st.recursive(
    scalars,
    lambda children: st.one_of(
        st.lists(children, max_size=4),
        st.dictionaries(st.one_of(st.text(max_size=8), canary_text), children, max_size=4),
        _shared(children),
    ),
    max_leaves=20,
)


def _deep(depth: int) -> str:
    """A marker for a list nested ``depth`` deep, put in as text after dumping (the dumpers would recurse)."""
    return f"__DEEP{depth}__"


def _expand_deep(text: str) -> str:
    return re.sub(
        r"[\"']?__DEEP(\d+)__[\"']?", lambda m: "[" * int(m.group(1)) + "0" + "]" * int(m.group(1)), text
    )


deep = st.builds(_deep, st.integers(min_value=50, max_value=1500))
hostile = st.integers(min_value=0, max_value=29).flatmap(lambda n: deep if n == 0 else values)

# -- CloudFormation -----------------------------------------------------------------------------------------


def _iac_examples() -> list[tuple[str, dict[str, Any]]]:
    from wasp.rules import load_rules

    out = []
    for rule in load_rules():
        if rule.meta.iac:
            for example in rule.examples:
                if "::" in example.resource.type and example.resource.type.startswith("AWS::"):
                    out.append(
                        (
                            example.resource.type,
                            json.loads(json.dumps(example.resource.properties, default=str)),
                        )
                    )
    return out


EXAMPLES = _iac_examples()


def _paths(value: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    out = [prefix]
    if isinstance(value, dict):
        for k, v in value.items():
            out += _paths(v, (*prefix, k))
    elif isinstance(value, list):
        for i, v in enumerate(value):
            out += _paths(v, (*prefix, i))
    return out


def _replace(value: Any, path: tuple[Any, ...], new: Any) -> Any:
    if not path:
        return new
    head, rest = path[0], path[1:]
    if isinstance(value, dict):
        return {**value, head: _replace(value[head], rest, new)}
    copy = list(value)
    copy[head] = _replace(copy[head], rest, new)
    return copy


intrinsics = st.one_of(
    st.builds(
        lambda v: {"Ref": v}, st.one_of(st.sampled_from(["P", "AWS::Region", "AWS::NoValue", "R0"]), values)
    ),
    st.builds(lambda s, v: {"Fn::Join": [s, v]}, scalars, hostile),
    st.builds(lambda v: {"Fn::Sub": v}, st.one_of(canary_text.map(lambda t: "${P}" * 3 + t), values)),
    st.builds(lambda c, a, b: {"Fn::If": [c, a, b]}, st.sampled_from(["C", "Missing"]), values, values),
    st.builds(lambda v: {"Fn::GetAtt": v}, st.one_of(st.just("R0.Arn"), values)),
    st.builds(lambda v: {"Fn::Select": v}, values),
    st.builds(lambda v: {"Fn::FindInMap": v}, values),
    st.builds(lambda v: {"Fn::Base64": v}, values),
)


@st.composite
def cloudformation(draw: st.DrawFn) -> dict[str, str]:
    """A template built from rule examples with hostile values at the paths rules read."""
    resources: dict[str, Any] = {}
    for i in range(draw(st.integers(min_value=1, max_value=4))):
        rtype, props = draw(st.sampled_from(EXAMPLES))
        for _ in range(draw(st.integers(min_value=0, max_value=3))):
            path = draw(st.sampled_from(_paths(props)))
            props = _replace(props, path, draw(st.one_of(hostile, intrinsics)))
        node: dict[str, Any] = {
            "Type": draw(st.sampled_from([rtype, rtype, "AWS::CloudFormation::Stack"])),
            "Properties": props,
        }
        if draw(st.booleans()):
            node["Condition"] = draw(st.sampled_from(["C", "Missing", "Loop"]))
        if draw(st.booleans()):
            node["Metadata"] = {"wasp": {"skip": draw(values)}}
        resources[f"R{i}"] = node
    doc: dict[str, Any] = {
        "AWSTemplateFormatVersion": "2010-09-09",
        "Parameters": {"P": {"Type": "String", "Default": draw(hostile)}},
        "Conditions": {
            "C": draw(st.one_of(values, st.just({"Fn::Equals": [{"Ref": "P"}, "x"]}))),
            "Loop": {"Condition": "Loop"},
        },
        "Mappings": draw(values),
        "Resources": resources,
    }
    if draw(st.booleans()):
        text = json.dumps(doc, default=str)
    else:
        text = yaml.safe_dump(doc, default_flow_style=draw(st.booleans()))
    text = draw(
        st.sampled_from(
            [text] * 6 + [text + f"\n{CANARY}: [\n", text.replace("Resources", f"Resources: *{CANARY}\nX", 1)]
        )
    )
    return {"template.yaml": text}


# -- Terraform HCL ------------------------------------------------------------------------------------------

TF_TYPES = [
    "aws_s3_bucket",
    "aws_security_group",
    "aws_instance",
    "aws_iam_role",
    "aws_db_instance",
    "aws_kms_key",
    "aws_lambda_function",
    "aws_s3_bucket_policy",
    "aws_s3_bucket_public_access_block",
    "aws_security_group_rule",
    "aws_cloudtrail",
    "aws_ecs_task_definition",
    "aws_launch_template",
    "aws_iam_policy_document",
]
TF_ATTRIBUTES = [
    "bucket",
    "acl",
    "policy",
    "encrypted",
    "kms_key_id",
    "cidr_blocks",
    "from_port",
    "to_port",
    "protocol",
    "user_data",
    "tags",
    "name",
    "publicly_accessible",
    "storage_encrypted",
    "assume_role_policy",
    "managed_policy_arns",
    "vpc_security_group_ids",
    "container_definitions",
    "enable_key_rotation",
    "is_multi_region_trail",
    "security_group_id",
    "type",
    "json",
]
TF_FUNCTIONS = [
    "length",
    "join",
    "split",
    "replace",
    "format",
    "formatlist",
    "concat",
    "merge",
    "flatten",
    "distinct",
    "toset",
    "range",
    "jsonencode",
    "jsondecode",
    "base64encode",
    "lookup",
    "element",
    "zipmap",
    "upper",
    "substr",
    "try",
    "coalesce",
    "sort",
    "keys",
    "nosuchfunction",
]


def _hcl_string(text: str) -> str:
    """A quoted HCL string holding the text literally (no interpolation or directive)."""
    safe = text.replace("\x00", "").replace("%{", "%%{").replace("}", ")")
    return json.dumps(safe, ensure_ascii=False).replace("${", "$${")


hcl_leaves = st.one_of(
    st.integers(min_value=-(2**70), max_value=2**70).map(str),
    st.sampled_from(
        [
            "true",
            "false",
            "null",
            "1.5",
            "0",
            "count.index",
            "each.key",
            "each.value",
            "var.v",
            "local.a",
            "local.b",
            "aws_s3_bucket.r0.id",
            "aws_s3_bucket.r0",
            "module.m.x",
            "data.aws_iam_policy_document.d.json",
            "path.module",
            "aws_s3_bucket.r0.*.id",
            "var.v.*.id",
        ]
    ),
    canary_text.map(_hcl_string),
    st.just(f'"${{local.a}}{CANARY}${{local.a}}"'),
)
hcl_or_deep = st.integers(min_value=0, max_value=199).flatmap(lambda n: deep if n == 0 else hcl_leaves)
hcl_exprs = st.recursive(
    hcl_or_deep,
    lambda e: st.one_of(
        st.lists(e, max_size=4).map(lambda xs: "[" + ", ".join(xs) + "]"),
        st.lists(st.tuples(st.sampled_from(TF_ATTRIBUTES), e), max_size=3).map(
            lambda kv: "{" + ", ".join(f"{k} = {v}" for k, v in kv) + "}"
        ),
        st.tuples(st.sampled_from(TF_FUNCTIONS), st.lists(e, max_size=3)).map(
            lambda f: f"{f[0]}({', '.join(f[1])})"
        ),
        st.tuples(e, e, e).map(lambda t: f"({t[0]} ? {t[1]} : {t[2]})"),
        st.tuples(e, st.sampled_from(["+", "*", "==", "&&", "%", "/"]), e).map(
            lambda t: f"({t[0]} {t[1]} {t[2]})"
        ),
        st.tuples(e, e).map(lambda t: f"[for x in {t[0]} : {t[1]}]"),
        st.tuples(e, e).map(lambda t: f"{{for k, v in {t[0]} : k => {t[1]}}}"),
        e.map(lambda x: f"({x})[0]"),
    ),
    max_leaves=12,
)


@st.composite
def terraform(draw: st.DrawFn) -> dict[str, str]:
    """A root module (and maybe a local module) of hostile expressions, locals, count and for_each."""
    lines = [
        f'variable "v" {{\n  default = {draw(hcl_exprs)}\n}}',
        f"locals {{\n  a = {draw(hcl_exprs)}\n  b = {draw(hcl_exprs)}\n}}",
    ]
    for i in range(draw(st.integers(min_value=1, max_value=4))):
        rtype = draw(st.sampled_from(TF_TYPES))
        kind = "data" if rtype == "aws_iam_policy_document" else "resource"
        body = [
            f"  {a} = {draw(hcl_exprs)}"
            for a in draw(st.lists(st.sampled_from(TF_ATTRIBUTES), max_size=4, unique=True))
        ]
        meta = draw(st.sampled_from(["", "count", "for_each"]))
        if meta:
            body.append(f"  {meta} = {draw(hcl_exprs)}")
        if draw(st.booleans()):
            body.append(
                f'  dynamic "ingress" {{\n    for_each = {draw(hcl_exprs)}\n    content {{\n      from_port = ingress.value\n    }}\n  }}'
            )
        if draw(st.booleans()):
            body.append(
                f'  # wasp:skip={draw(st.sampled_from(["x", CANARY]))} reason="{CANARY}" expires={CANARY}'
            )
        name = "d" if kind == "data" else f"r{i}"
        lines.append(f'{kind} "{rtype}" "{name}" {{\n' + "\n".join(body) + "\n}")
    files = {"main.tf": "\n".join(lines) + "\n"}
    if draw(st.booleans()):
        files["main.tf"] += f'module "m" {{\n  source = "./mod"\n  x = {draw(hcl_exprs)}\n}}\n'
        files["mod/main.tf"] = (
            'variable "x" {}\noutput "x" {\n  value = var.x\n}\nresource "aws_s3_bucket" "m" {\n  bucket = var.x\n}\n'
        )
    if draw(st.integers(min_value=0, max_value=9)) == 0:
        files["broken.tf"] = f'resource "aws_s3_bucket" "z" {{\n  bucket = {CANARY} ${{ ! \n'
    if draw(st.booleans()):
        files["terraform.tfvars"] = f"v = {draw(hcl_exprs)}\n"
    return files


# -- plan JSON ----------------------------------------------------------------------------------------------


@st.composite
def plan(draw: st.DrawFn) -> dict[str, str]:
    """``terraform show -json`` output with hostile values (and hostile types) at every level."""
    changes = []
    for i in range(draw(st.integers(min_value=0, max_value=4))):
        rtype = draw(st.sampled_from(TF_TYPES))
        after = {
            a: draw(hostile) for a in draw(st.lists(st.sampled_from(TF_ATTRIBUTES), max_size=4, unique=True))
        }
        change = {
            "address": draw(st.sampled_from([f"{rtype}.r{i}", f"module.m.{rtype}.r{i}[0]"])),
            "mode": draw(st.sampled_from(["managed", "data", "managed"])),
            "type": rtype,
            "name": f"r{i}",
            "change": draw(
                st.one_of(
                    st.just(
                        {"actions": ["create"], "after": after, "after_unknown": {a: True for a in after}}
                    ),
                    st.just({"actions": ["update"], "after": after, "after_unknown": draw(values)}),
                    values,
                )
            ),
        }
        changes.append(change)
    doc = {
        "format_version": "1.2",
        "resource_changes": draw(st.one_of(st.just(changes), values)),
        "configuration": draw(
            st.one_of(
                st.just(
                    {
                        "root_module": {
                            "resources": [
                                {"address": c["address"], "expressions": draw(values)} for c in changes
                            ],
                            "module_calls": {
                                "m": {
                                    "source": draw(st.sampled_from(["./m", "../..", CANARY])),
                                    "module": draw(values),
                                }
                            },
                        }
                    }
                ),
                values,
            )
        ),
        "variables": draw(values),
    }
    return {"plan.json": json.dumps(doc, default=str)}


# -- config YAML, snapshots and reviews ---------------------------------------------------------------------

WORKLOAD_KEYS = [
    "schema",
    "name",
    "description",
    "environment",
    "accounts",
    "regions",
    "profile",
    "role_name",
    "iac",
    "attestations",
    "waivers",
    "security_contact",
    "kms_key",
    "stakeholders",
    "break_glass",
    "classification_tag",
    "pipeline",
    "scope_tags",
]


def _mapping(keys: list[str], valid: dict[str, Any]) -> st.SearchStrategy[dict[str, Any]]:
    return st.builds(
        lambda chosen, vals, extra: {**valid, **dict(zip(chosen, vals, strict=False)), **extra},
        st.lists(st.sampled_from(keys), max_size=4, unique=True),
        st.lists(hostile, min_size=4, max_size=4),
        st.dictionaries(canary_text, values, max_size=1),
    )


def _yaml(doc: Any, name: str) -> st.SearchStrategy[dict[str, str]]:
    return st.sampled_from(
        [yaml.safe_dump(doc), yaml.safe_dump(doc) + f"x: *{CANARY}\n", yaml.safe_dump(doc) + f"\t{CANARY}\n"]
    ).map(lambda t: {name: t})


workload = _mapping(WORKLOAD_KEYS, {"name": "w", "regions": ["eu-west-2"]}).flatmap(
    lambda d: _yaml(d, "wasp.yaml")
)
attestations = st.builds(
    lambda entry, key, extra: {"schema": "wasp.attestations/1", "attestations": {key: entry}, **extra},
    _mapping(
        ["answer", "owner", "date", "expires", "evidence", "reason", "notes"],
        {"answer": "yes", "owner": "o", "date": "2026-01-01"},
    ),
    st.sampled_from(["SEC01-BP01", "SEC99-BP99", CANARY]),
    st.dictionaries(st.sampled_from(["workload", CANARY]), hostile, max_size=1),
).flatmap(lambda d: _yaml(d, "attestations.yaml"))
waivers = st.builds(
    lambda entries: {"schema": "wasp.waivers/1", "waivers": entries},
    st.lists(
        _mapping(
            ["id", "rule", "resource", "account", "region", "tags", "owner", "reason", "expires"],
            {"id": CANARY, "owner": "o", "reason": "a long enough reason", "expires": "2027-01-01"},
        ),
        max_size=3,
    ),
).flatmap(lambda d: _yaml(d, "waivers.yaml"))


def _review_seed() -> dict[str, Any]:
    """A valid review built from the rules' own examples (findings of every status), to mutate."""
    from datetime import UTC, datetime

    from wasp.catalogue import load_catalogue
    from wasp.engine.review import run_review
    from wasp.model import Inventory, Workload
    from wasp.report import review_dict
    from wasp.rules import load_rules

    rules = load_rules()
    inventory = Inventory()
    seen: set[tuple[str, str]] = set()
    for rule in rules:
        for example in rule.examples[:2]:
            for resource in (example.resource, *example.related):
                if (resource.type, resource.id) not in seen:
                    seen.add((resource.type, resource.id))
                    inventory.add(resource)
    inventory.mark_collected(*{r.type for r in inventory})
    review = run_review(
        catalogue=load_catalogue(),
        rules=rules,
        inventory=inventory,
        workload=Workload(name="fuzz", regions=("eu-west-2",)),
        now=datetime(2026, 1, 1, tzinfo=UTC),
    )
    doc: dict[str, Any] = json.loads(json.dumps(review_dict(review), default=str))
    doc["findings"] = doc["findings"][:20]
    return doc


@st.composite
def review(draw: st.DrawFn) -> dict[str, str]:
    """A valid review with hostile values put at a few of its paths (and canary keys added)."""
    doc = REVIEW_SEED
    for _ in range(draw(st.integers(min_value=0, max_value=4))):
        path = draw(st.sampled_from(REVIEW_PATHS))
        try:
            doc = _replace(
                doc, path, draw(st.one_of(hostile, st.dictionaries(canary_text, values, max_size=2)))
            )
        except (KeyError, IndexError, TypeError):
            continue
    return {"review.json": json.dumps(doc, default=str)}


REVIEW_SEED = _review_seed()
REVIEW_PATHS = _paths(REVIEW_SEED)
snapshot = _mapping(
    ["collected_at", "workload", "accounts", "regions", "collected_types", "resources", "gaps"],
    {"schema": "wasp.snapshot/1"},
).map(lambda d: {"snapshot.json": json.dumps(d, default=str)})

# -- running a case -----------------------------------------------------------------------------------------


@dataclass
class Outcome:
    """How one case ended."""

    code: int
    stderr: str
    problems: list[str] = field(default_factory=list)
    seconds: float = 0.0
    peak: int = 0

    def failures(self) -> list[str]:
        """What broke the contract (empty when the case ended well)."""
        out = []
        if self.code not in (0, 1, 2):
            out.append(f"exit code {self.code}")
        if "Traceback" in self.stderr:
            out.append("a traceback on stderr")
        if any(len(line) > MAX_LINE for line in self.stderr.splitlines()):
            out.append(f"a stderr line over {MAX_LINE} characters")
        if CANARY in self.stderr or any(CANARY in p for p in self.problems):
            out.append("the canary in an error or warning")
        if any("\n" in p for p in self.problems):
            out.append("an error of more than one line")
        if self.peak > MAX_MEMORY:
            out.append(f"{self.peak / 1e6:.0f} MB of memory")
        if self.seconds > MAX_SECONDS:
            out.append(f"{self.seconds:.1f} s")
        return out


def _write(root: Path, files: dict[str, str]) -> None:
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(_expand_deep(text), encoding="utf-8", errors="surrogatepass")


def _cli(args: list[str]) -> tuple[int, str]:
    """Run ``wasp ARGS`` in this process: its exit code and stderr (any other escape is a failure)."""
    from wasp.cli.app import main

    stderr, stdout = io.StringIO(), io.StringIO()
    code = 0
    with contextlib.redirect_stderr(stderr), contextlib.redirect_stdout(stdout):
        try:
            main(args)
        except SystemExit as exc:
            code = exc.code if isinstance(exc.code, int) else 2
        except BaseException as exc:  # noqa: BLE001 - the fuzz records any escape as a failure
            return 99, f"Traceback: {exc.__class__.__name__}: {exc}"
    return code, stderr.getvalue()


def _report(root: Path, files: dict[str, str]) -> Outcome:
    code, stderr = _cli(["report", str(root / "review.json"), "-f", "md", "-o", str(root.parent / "r.md")])
    return Outcome(code, stderr)


def _scan(root: Path, files: dict[str, str]) -> Outcome:
    from wasp.cli.app import main

    out = root.parent / "out.json"
    stderr, stdout = io.StringIO(), io.StringIO()
    code = 0
    with contextlib.redirect_stderr(stderr), contextlib.redirect_stdout(stdout):
        try:
            main(["scan", str(root), "-f", "json", "-o", str(out)])
        except SystemExit as exc:
            code = exc.code if isinstance(exc.code, int) else 2
        except BaseException as exc:  # noqa: BLE001 - the fuzz records any escape as a failure
            return Outcome(99, f"Traceback: {exc.__class__.__name__}")
    problems: list[str] = []
    if out.exists() and out.stat().st_size:
        doc = json.loads(out.read_text())
        problems = list(doc.get("errors", [])) + list(doc.get("warnings", []))
    return Outcome(code, stderr.getvalue(), problems)


def _loader(load: Callable[[Path], Any]) -> Callable[[Path, dict[str, str]], Outcome]:
    def run(root: Path, files: dict[str, str]) -> Outcome:
        path = root / next(iter(files))
        try:
            load(path)
        except InputError as exc:
            return Outcome(2, "", [str(exc)])
        except BaseException as exc:  # noqa: BLE001 - the fuzz records any escape as a failure
            return Outcome(99, f"Traceback: {exc.__class__.__name__}")
        return Outcome(0, "")

    return run


def _attestations(path: Path) -> Any:
    from wasp.attest.loader import load_attestations
    from wasp.catalogue import load_catalogue

    return load_attestations(path, load_catalogue())


def _workload(path: Path) -> Any:
    from wasp.workload.file import load_workload

    return load_workload(path)


def _waivers(path: Path) -> Any:
    from wasp.attest.waivers import load_waivers

    return load_waivers(path)


def _snapshot(path: Path) -> Any:
    from wasp.snapshot import load_snapshot

    return load_snapshot(path)


FORMATS: dict[str, tuple[st.SearchStrategy[dict[str, str]], Callable[[Path, dict[str, str]], Outcome]]] = {
    "cloudformation": (cloudformation(), _scan),
    "terraform": (terraform(), _scan),
    "plan": (plan(), _scan),
    "workload": (workload, _loader(_workload)),
    "attestations": (attestations, _loader(_attestations)),
    "waivers": (waivers, _loader(_waivers)),
    "review": (review(), _report),
    "snapshot": (snapshot, _loader(_snapshot)),
}


_WARM: set[str] = set()


def run_case(fmt: str, files: dict[str, str]) -> Outcome:
    """Write the files to a fresh folder and read them as ``fmt``, timing and measuring it.

    The first case of a format runs once unmeasured first: importing the commands is not the input's cost.
    """
    limits.reset()
    runner = FORMATS[fmt][1]
    if fmt not in _WARM:
        _WARM.add(fmt)
        with tempfile.TemporaryDirectory() as tmp:
            root = Path(tmp) / "case"
            root.mkdir()
            _write(root, files)
            runner(root, files)
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp) / "case"
        root.mkdir()
        _write(root, files)
        tracemalloc.start()
        started = time.perf_counter()
        try:
            outcome = runner(root, files)
        finally:
            outcome_seconds = time.perf_counter() - started
            _, peak = tracemalloc.get_traced_memory()
            tracemalloc.stop()
    outcome.seconds, outcome.peak = outcome_seconds, peak
    return outcome


EXAMPLES_PER_FORMAT = {"review": 10}
"""In-suite examples per format (20 unless listed): a rendered review costs about a second."""


@pytest.mark.parametrize("fmt", sorted(FORMATS))
def test_hostile_inputs_end_in_a_result_or_one_line(fmt: str) -> None:
    @settings(
        max_examples=EXAMPLES_PER_FORMAT.get(fmt, 20),
        deadline=MAX_SECONDS * 1000,
        database=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.filter_too_much],
    )
    @given(FORMATS[fmt][0])
    def case(files: dict[str, str]) -> None:
        outcome = run_case(fmt, files)
        assert not outcome.failures(), (outcome.failures(), outcome.stderr[-2000:], outcome.problems[:5])

    case()
