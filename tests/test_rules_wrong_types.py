"""Generated: a property the rule reads, given a value of the wrong type, never makes the verdict PASS.

For every rule's own PASSING examples, each property the rule read (the paths in its evidence, the keys above
them and the leaves under them) is replaced in turn by values of other types (a string, a mapping, a list, a
number, a boolean). The verdict must then be UNKNOWN (the value is malformed) or FAIL, never PASS: a template with
``AssumeRolePolicyDocument: "not a document"`` or ``KmsKeyId: {a: 1}`` must not be reported as safe.

Where a PASS remains legitimate (the property is not decisive: a name shown in messages, a field that only narrows
a failure), the (rule, path) pair is listed in ``NOT_DECISIVE`` with the reason.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import replace
from typing import Any

import pytest

from wasp.engine.evaluate import evaluate_resource
from wasp.model import FindingStatus, Inventory, Resource, Unresolved
from wasp.model.rule import Example, Rule, RuleContext
from wasp.rules import load_rules

RULES = load_rules()
STAMP = "2026-01-01T00:00:00+00:00"

NOT_DECISIVE: dict[tuple[str, str], str] = {}
"""(rule id, dotted path) -> why a wrong-typed value there may still pass."""

NOT_DECISIVE_ANYWHERE: dict[str, str] = {
    # paths (regular expressions over the dotted path) read only to name the resource or an entry in messages
    r"(.*\.)?(FunctionName|NodegroupName|EnvironmentName|RuleName|FirewallName|FirewallPolicyName|PolicyName|"
    r"Name|Id|DeviceName|Sid)": "a name or id read only to label the resource or entry in messages",
    # conditions only narrow: a number or list where a string is expected matches nothing, so narrows further
    r"(SecurityGroupIngress|SecurityGroupEgress)\.\d+\.IpProtocol": "a number is a valid IpProtocol (a protocol "
    "number)",
    r".*Entries\.\d+\.Protocol": "a number is a valid NACL protocol (a protocol number)",
    r"GroupId|RouteTableId|TargetFunctionArn": "an identifier the collector always writes (the mark of a resource it "
    "read), not a setting",
    r".*\.Condition\.[^.]+\.[^.]+(\.\d+)?": "a condition value of another type matches nothing: the statement "
    "is narrowed further, never widened",
}
"""Paths, in any rule, where a wrong-typed value is not decisive (with the reason)."""

NOT_DECISIVE_RULES: dict[str, tuple[str, str]] = {
    # rule id -> (path pattern, reason)
    "ami_volumes_cmk": (
        r"BlockDeviceMappings\.0\.Ebs\.Encrypted",
        "the key is judged here; Encrypted by another rule",
    ),
    "imagebuilder_recipe_volumes_cmk": (
        r"BlockDeviceMappings\.0\.Ebs\.Encrypted",
        "the key is judged here; Encrypted by another rule",
    ),
    "connect_storage_cmk": (
        r"S3Config\.BucketName",
        "the bucket name only says the S3 storage is configured",
    ),
    "dlm_cross_region_copies_cmk": (
        r"PolicyDetails\.Schedules\.0\.CrossRegionCopyRules\.0\.Encrypted",
        "the key is judged here; Encrypted by dlm_cross_region_copies_encrypted",
    ),
    "dlm_cross_region_copies_encrypted": (
        r"PolicyDetails\.Schedules\.0\.CrossRegionCopyRules\.0\.TargetRegion",
        "the target region only labels the copy",
    ),
    "imagebuilder_distribution_cmk": (r"Distributions\.0\.Region", "the region only labels the distribution"),
    "lambda_env_encrypted_cmk": (
        r"Environment\.Variables(\..*)?",
        "the variables only bring the function in scope; the key decides",
    ),
    "eks_endpoint_not_public": (
        r"ResourcesVpcConfig\.EndpointPrivateAccess",
        "private access does not open the public endpoint",
    ),
    "lambda_url_auth_required": (r"TargetFunctionArn", "marks a URL the collector read; AuthType decides"),
    "ram_share_within_org": (r"Principals\.0\.Entity", "the entity is named in messages; External decides"),
    "elb_classic_listener_tls": (
        r"Listeners\.0\.(LoadBalancerPort|SSLCertificateId)",
        "the port only labels the listener; the certificate is judged by elb_classic_acm_certificate",
    ),
    "nacl_not_allow_all": (r"Supplementary\.Subnets\.0", "a subnet id only says the ACL is associated"),
    "iam_role_no_admin": (
        r"PermissionsBoundary",
        "a boundary only takes away: unreadable, it is weighed only where the policies alone would fail",
    ),
    "iam_role_policy_least_privilege/break-glass": (
        r".*",
        "the break-glass example passes whatever its policies grant",
    ),
    "iam_user_policy_least_privilege/break-glass": (
        r".*",
        "the break-glass example passes whatever its policies grant",
    ),
    "iam_group_policy_least_privilege/break-glass": (
        r".*",
        "the break-glass example passes whatever its policies grant",
    ),
}
"""Rule-specific allowances (``rule`` or ``rule/example``): (path pattern, reason)."""

WRONG: tuple[Any, ...] = ("not-a-thing", {"a": 1}, [1], 42, True)


def _kind(value: Any) -> str:
    if isinstance(value, bool) or (isinstance(value, str) and value.lower() in ("true", "false")):
        return "boolean"
    if isinstance(value, (int, float)) or (isinstance(value, str) and value.strip().isdigit()):
        return "number"
    if isinstance(value, str):
        return "string"
    if isinstance(value, Mapping):
        return "mapping"
    if isinstance(value, list):
        return "list"
    return type(value).__name__


def _paths(value: Any, path: tuple[str, ...] = ()) -> Iterator[tuple[tuple[str, ...], Any]]:
    if path:
        yield path, value
    if isinstance(value, Mapping):
        for key, item in value.items():
            yield from _paths(item, (*path, str(key)))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _paths(item, (*path, str(index)))


def _with(value: Any, path: tuple[str, ...], new: Any) -> Any:
    if not path:
        return new
    head, rest = path[0], path[1:]
    if isinstance(value, Mapping):
        return {k: (_with(v, rest, new) if str(k) == head else v) for k, v in value.items()}
    return [(_with(v, rest, new) if str(i) == head else v) for i, v in enumerate(value)]


def _context(example: Example, resource: Resource) -> RuleContext:
    inv = Inventory()
    inv.add(resource)
    inv.extend(example.related)
    return RuleContext(inventory=inv, workload=example.workload, now=example.now)


def _evaluate(rule: Rule, example: Example, resource: Resource) -> Any:
    return evaluate_resource(rule, resource, _context(example, resource), STAMP)


def _read(rule: Rule, example: Example) -> list[tuple[str, ...]]:
    """The resource's own property paths the rule read for this example."""
    finding = _evaluate(rule, example, example.resource)
    assert finding is not None
    return [tuple(k.split(".")) for k in finding.evidence if ":" not in k and "/" not in k and " " not in k]


def _related(path: tuple[str, ...], read: list[tuple[str, ...]]) -> bool:
    return any(path[: len(r)] == r or r[: len(path)] == path for r in read)


def _cases() -> Iterator[tuple[Rule, Example]]:
    for rule in RULES:
        for example in rule.examples:
            if example.expect is FindingStatus.PASS:
                yield rule, example


CASES = list(_cases())


def _allowed(rule: str, example: str, dotted: str) -> bool:
    if (rule, dotted) in NOT_DECISIVE or any(re.fullmatch(p, dotted) for p in NOT_DECISIVE_ANYWHERE):
        return True
    own = [NOT_DECISIVE_RULES.get(rule), NOT_DECISIVE_RULES.get(f"{rule}/{example}")]
    return any(o is not None and re.fullmatch(o[0], dotted) is not None for o in own)


@pytest.mark.parametrize(("rule", "example"), CASES, ids=[f"{r.id}/{e.name}" for r, e in CASES])
def test_a_wrong_typed_property_never_passes(rule: Rule, example: Example) -> None:
    props = dict(example.resource.properties)
    read = _read(rule, example)
    passed: list[str] = []
    for path, original in _paths(props):
        if isinstance(original, Unresolved) or not _related(path, read):
            continue
        dotted = ".".join(path)
        if _allowed(rule.id, example.name, dotted):
            continue
        for wrong in WRONG:
            if _kind(wrong) == _kind(original):
                continue
            mutated = replace(example.resource, properties=_with(props, path, wrong))
            finding = _evaluate(rule, example, mutated)
            if finding is not None and finding.status is FindingStatus.PASS:
                passed.append(f"{dotted}={wrong!r}")
    assert not passed, f"passes with wrong types: {', '.join(passed)}"


def test_every_allowance_names_a_rule() -> None:
    named = {rule for rule, _ in NOT_DECISIVE} | {key.split("/")[0] for key in NOT_DECISIVE_RULES}
    assert named <= {r.id for r in RULES}
