"""Meta-tests: a rule never passes on what it could not see, and never crashes on what it was given.

Two generated families run over every rule's own examples:

- *properties removed*: the resource (and each neighbour in the example) with no properties at all must never
  pass, unless the rule is listed in ``ABSENCE_IS_THE_DEFAULT`` with the AWS behaviour that makes absence a fact
  (an instance without ``KeyName`` has no key pair).
- *wrong types*: every leaf the rule reads is replaced in turn by a string, a number, a list, a mapping, an empty
  value and None; the engine must always return a finding (a rule that raises becomes an UNKNOWN "rule error"
  finding, never an escaped exception), and a rule that raised must say so.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import replace
from typing import Any

import pytest

from wasp.engine.evaluate import RULE_ERROR, evaluate_resource
from wasp.model import FindingStatus, Inventory, Resource
from wasp.model.rule import Example, Rule, RuleContext
from wasp.rules import load_rules

RULES = load_rules()
STAMP = "2026-01-01T00:00:00+00:00"

ABSENCE_IS_THE_DEFAULT: dict[str, str] = {
    # rules about something that exists only when a property says so
    "cfn_no_secrets_in_stacks": "a stack without outputs or parameters has none that could hold a secret",
    "ec2_no_secrets_in_user_data": "an instance without UserData runs no user data",
    "ecs_no_secrets_in_env": "a task definition without container environment variables has none",
    "lambda_no_secrets_in_env": "a function without Environment has no variables",
    "launch_template_no_secrets": "a launch template without UserData runs no user data",
    "ec2_no_ssh_key_pair": "an instance launched without KeyName has no key pair",
    "ec2_sg_no_world_ingress": "a security group without ingress rules admits nothing",
    "s3_bucket_acl_not_public": "a bucket without AccessControl has the private canned ACL",
    "iam_role_no_admin": "a role with no policies has no permissions",
    "iam_user_no_admin": "a user with no policies or groups has no permissions",
    "iam_user_no_console_password": "a user without LoginProfile has no console password (live: the collector "
    "always records the credential report's answer)",
    "iam_user_one_active_key": "a user with no access-key resources has no keys (the engine makes the verdict "
    "unknown when access keys could not be listed)",
    "iam_role_no_broad_access": "a role with no policies has no permissions",
    "iam_user_no_broad_access": "a user with no policies or groups has no permissions",
    "iam_role_policy_least_privilege": "a role without inline policies has none that could grant too much",
    "iam_user_policy_least_privilege": "a user without inline policies has none that could grant too much",
    "iam_group_policy_least_privilege": "a group without inline policies has none that could grant too much",
    "iam_user_no_direct_policies": "a user without Policies or ManagedPolicyArns has no policies of its own",
    "sqs_queue_policy_no_wildcard_actions": "a queue without a queue policy grants nothing through one",
    "launch_configuration_no_public_ip": "a launch configuration without AssociatePublicIpAddress requests no "
    "public IP (the subnet's MapPublicIpOnLaunch decides, judged on the subnet)",
    "ec2_launch_template_imds_hop_limit": "a template's launch template without a hop limit gets AWS's default of "
    "1 (live, a limit the collector did not read is unknown)",
    "acm_certificate_transparency_logging": "a template's certificate without a preference is logged (ENABLED is "
    "the default); live, an unread preference is unknown",
    "config_recorder_all_resources": "a recorder without RecordingGroup records every supported type (the AWS "
    "default); live, the collector always records the group it reads",
    # account-level rules that decide on the presence of a neighbour resource, which is itself the evidence
    "access_analyzer_enabled": "an analyzer resource exists only when the analyzer does",
    "detective_enabled": "a behaviour graph resource exists only when Detective is on",
    "security_lake_enabled": "a data lake resource exists only when Security Lake is on",
    "identity_center_or_federation": "an Identity Center instance or SAML provider exists only when configured",
    "imagebuilder_pipeline_present": "an image pipeline resource exists only when defined",
    "pipeline_present": "a pipeline resource exists only when defined",
    # database settings whose AWS default is the secure value (live collectors read them or leave them unknown)
    "docdb_tls_enabled": "a DocumentDB parameter group that does not set tls keeps TLS enabled",
    "elasticache_auto_minor_version_upgrade": "AutoMinorVersionUpgrade defaults to true",
    "memorydb_tls_enabled": "TLSEnabled defaults to true (and cannot be changed later)",
    "msk_encryption_in_transit": "MSK defaults to ClientBroker TLS and InCluster true",
    "msk_not_public": "MSK public access defaults to DISABLED",
    "rds_auto_minor_version_upgrade": "AutoMinorVersionUpgrade defaults to true",
    "rds_ca_certificate_current": "an instance that names no CA gets the current default, rds-ca-rsa2048-g1",
    "redshift_automated_snapshots": "AutomatedSnapshotRetentionPeriod defaults to 1 day",
    "redshift_encrypted": "new Redshift clusters are encrypted by default (since January 2025)",
    "redshift_not_public": "new Redshift clusters are private by default (since January 2025)",
    "redshift_version_upgrade": "AllowVersionUpgrade defaults to true",
    # data services whose AWS default is the safe setting (the property is written only to change it)
    "athena_workgroup_enforced": "a workgroup enforces its configuration unless told not to",
    "batch_job_not_privileged": "a container is unprivileged unless Privileged is true",
    "datasync_object_storage_no_inline_secret": "a location without SecretKey holds no secret",
    "ebs_encryption_by_default_declared": "aws_ebs_encryption_by_default turns it on unless enabled = false",
    "mwaa_not_public": "an environment's web server is PRIVATE_ONLY unless set otherwise",
    "qldb_ledger_deletion_protection": "a ledger has deletion protection unless it is turned off",
    "s3_access_point_block_public": "an access point blocks all public access unless a setting is turned off",
    "s3_bucket_acls_disabled": "a bucket created since April 2023 has ACLs disabled (BucketOwnerEnforced); the live "
    "collector records ObjectWriter for a bucket that never set Object Ownership",
    "transfer_server_secure_protocols": "a server offers SFTP only unless Protocols says otherwise",
    "neptune_instance_not_public": "CloudFormation cannot make a Neptune instance public and Terraform's "
    "publicly_accessible defaults to false (live, an unread setting is unknown)",
    # configuration-only rules: the block itself is all there is
    "terraform_provider_no_static_keys": "a provider block without access_key, secret_key or token writes no "
    "credentials in the configuration",
}


def _context(example: Example, resource: Resource, related: list[Resource]) -> RuleContext:
    inv = Inventory()
    inv.add(resource)
    inv.extend(related)
    return RuleContext(inventory=inv, workload=example.workload, now=example.now)


def _pass_examples() -> Iterator[tuple[Rule, Example]]:
    for rule in RULES:
        for example in rule.examples:
            if example.expect is FindingStatus.PASS:
                yield rule, example


PASSES = list(_pass_examples())


@pytest.mark.parametrize(("rule", "example"), PASSES, ids=[f"{r.id}/{e.name}" for r, e in PASSES])
def test_a_resource_with_its_properties_removed_never_passes(rule: Rule, example: Example) -> None:
    if rule.id in ABSENCE_IS_THE_DEFAULT:
        pytest.skip(ABSENCE_IS_THE_DEFAULT[rule.id])
    empty = replace(example.resource, properties={})
    related = [replace(r, properties={}) for r in example.related]
    finding = evaluate_resource(rule, empty, _context(example, empty, related), STAMP)
    assert finding is None or finding.status is not FindingStatus.PASS, finding.message


def test_every_absence_exemption_names_a_rule() -> None:
    assert set(ABSENCE_IS_THE_DEFAULT) <= {r.id for r in RULES}


WRONG_TYPES: tuple[Any, ...] = ("abc", 7, -1, 1.5, True, ["x"], {"k": "v"}, "", [], {}, None)


def _leaves(value: Any, path: tuple[Any, ...] = ()) -> Iterator[tuple[Any, ...]]:
    if isinstance(value, Mapping) and value:
        for key, item in value.items():
            yield from _leaves(item, (*path, key))
    elif isinstance(value, list) and value:
        for index, item in enumerate(value):
            yield from _leaves(item, (*path, index))
    if path:
        yield path


def _with(value: Any, path: tuple[Any, ...], new: Any) -> Any:
    if not path:
        return new
    head, rest = path[0], path[1:]
    if isinstance(value, Mapping):
        return {k: (_with(v, rest, new) if k == head else v) for k, v in value.items()}
    return [(_with(v, rest, new) if i == head else v) for i, v in enumerate(value)]


def _mutations(rule: Rule) -> Iterator[tuple[Example, Resource]]:
    for example in rule.examples:
        props = dict(example.resource.properties)
        for path in _leaves(props):
            for wrong in WRONG_TYPES:
                yield example, replace(example.resource, properties=_with(props, path, wrong))


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.id)
def test_wrong_types_in_any_property_end_in_a_finding_never_an_exception(rule: Rule) -> None:
    for example, mutated in _mutations(rule):
        finding = evaluate_resource(rule, mutated, _context(example, mutated, list(example.related)), STAMP)
        if finding is not None and finding.message.startswith(RULE_ERROR):
            assert finding.status is FindingStatus.UNKNOWN
