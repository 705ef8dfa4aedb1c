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
    r"(RepositoryPolicyText|AccessPolicy|KeyPolicy|Supplementary\.ResourcePolicy)\.Statement\.\d+\.(Action|Resource)": (
        "exposure judges who may act: a malformed Action or Resource is read as every action or resource"
    ),
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
    "acm_certificate_healthy": (
        r"Supplementary\.(Type|RenewalEligibility)",
        "they only say whether ACM renews it; the expiry date decides",
    ),
    "apigw_stage_no_data_trace": (
        r"MethodSettings\.0\.(ResourcePath|HttpMethod|LoggingLevel)",
        "they label the setting in messages; DataTraceEnabled decides",
    ),
    "backup_vault_locked": (r"LockConfiguration\.MinRetentionDays", "shown in the message; any lock passes"),
    "cloudfront_access_logging": (
        r"DistributionConfig\.Enabled",
        "only tells a configuration that was read from one that was not; the logging bucket decides",
    ),
    "cloudfront_hsts_policy": (r".*\.Preload", "the rule does not ask for preload"),
    "cloudfront_origin_https/s3": (
        r"DistributionConfig\.Origins\.0\.S3OriginConfig",
        "S3 origins are judged by cloudfront_s3_origin_access",
    ),
    "codebuild_not_privileged": (r"Environment\.Image", "the image is not judged; PrivilegedMode decides"),
    "codepipeline_cmk": (
        r"ArtifactStore\.(Type|EncryptionKey\.Type)",
        "S3 and KMS are the only values; the key id decides",
    ),
    "config_aggregator_all_regions": (
        r"OrganizationAggregationSource\.RoleArn",
        "the role is not judged; AllAwsRegions decides",
    ),
    "config_rule_compliant": (
        r"Source(\.SourceIdentifier)?",
        "names the rule in messages; compliance decides",
    ),
    "dms_instance_minor_upgrades": (r"ReplicationInstanceClass", "the live-read marker; the setting decides"),
    "dms_instance_not_public": (
        r"ReplicationInstanceClass",
        "the live-read marker; PubliclyAccessible decides",
    ),
    "dynamodb_global_table_pitr": (r"Replicas\.0\.Region", "labels the replica in messages"),
    "ec2_launch_template_imds_hop_limit": (
        r"LaunchTemplateData\.MetadataOptions\.HttpTokens",
        "IMDSv2 is judged by another rule; the hop limit decides",
    ),
    "ec2_launch_template_no_public_ip": (
        r"LaunchTemplateData\.NetworkInterfaces\.0\.DeviceIndex",
        "the device index is not judged; AssociatePublicIpAddress decides",
    ),
    "ecs_task_no_host_pid": (r"ContainerDefinitions", "the live-read marker; PidMode decides"),
    "ecs_task_roles_separate": (r"ContainerDefinitions", "the live-read marker; the two role ARNs decide"),
    "elasticache_backups": (r"Engine", "selects memcached out of scope; any other value is judged as Redis"),
    "elb_classic_acm_certificate": (
        r"Listeners\.0\.Protocol",
        "the certificate ARN decides, whatever the protocol",
    ),
    "iam_role_trust_restricted/oidc-with-sub": (
        r".*\.Condition\..*",
        "a sub condition of another type matches no token: it narrows the trust further",
    ),
    "iam_user_console_mfa": (
        r"LoginProfile\.Password",
        "the profile's presence decides; the password is not read",
    ),
    "lambda_permission_scoped/account": (
        r"Principal",
        "a string principal other than * or a service names one account or ARN",
    ),
    "msk_broker_logging": (r".*\.LogGroup", "Enabled decides; the group only names the destination"),
    "route_no_world_peering": (r"VpcPeeringConnectionId", "only brings a peering route in scope"),
    "sg_rules_described": (
        r"Security(GroupIngress|GroupEgress)\.\d+\.(FromPort|ToPort)",
        "ports are judged by other rules; the description decides",
    ),
    "ssm_session_kms_encrypted": (r"Content\.schemaVersion", "the schema version is not read"),
    "ssm_session_logging_encrypted": (r"Content\.schemaVersion", "the schema version is not read"),
    "transit_gateway_no_auto_accept": (
        r"Description",
        "the live-read marker; AutoAcceptSharedAttachments decides",
    ),
    "vpc_endpoint_service_acceptance": (
        r"NetworkLoadBalancerArns(\.\d+)?",
        "the live-read marker; AcceptanceRequired decides",
    ),
    "backup_plan_cross_account_copy": (
        r"BackupPlan\.BackupPlanRule\.0\.TargetBackupVault",
        "the local vault is not judged; the copy destinations decide",
    ),
    "codebuild_encryption_enabled": (
        r"Artifacts\.Location",
        "the bucket is not judged; EncryptionDisabled decides",
    ),
    "ecs_service_platform_current": (r"LaunchType", "the live-read marker; PlatformVersion decides"),
    "ecs_task_efs_in_transit": (r"ContainerDefinitions", "the live-read marker; the volumes decide"),
    "emr_security_configuration_encrypted": (
        r".*\.(EnableInTransitEncryption|AwsKmsKey)",
        "at-rest modes decide here; in transit and the key ARNs are judged by other rules",
    ),
    "glue_security_configuration_encrypted": (
        r".*\.KmsKeyArn",
        "the encryption modes decide; keys are not judged",
    ),
    "wafv2_has_rules": (
        r"Rules\.0\.Statement",
        "any rule makes the ACL non-empty; what it inspects is not judged",
    ),
    "ec2_ami_lookup_owner": (
        r"Owners\.\d+",
        "an owner is an account id or an alias (amazon, self): any string names one",
    ),
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

NOT_YET_FIXED: dict[str, str] = {
    # rules the sweep catches whose fix is still to come (each skipped with its gap as the reason); none today
}
"""Rules the sweep catches that are not fixed yet (each is skipped with its gap as the reason)."""

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
    if rule.id in NOT_YET_FIXED:
        pytest.skip(f"not yet fixed: {NOT_YET_FIXED[rule.id]}")
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
    named |= set(NOT_YET_FIXED)
    assert named <= {r.id for r in RULES}
