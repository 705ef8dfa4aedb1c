"""SAM (``AWS::Serverless::*``) mapped directly to the CloudFormation resources SAM would create.

Only what the rules read is mapped: a function becomes an ``AWS::Lambda::Function`` (and, when it names no
``Role``, the execution role SAM generates, with its managed and inline policies); a simple table becomes an
``AWS::DynamoDB::Table``; an API becomes an ``AWS::ApiGateway::Stage`` (and its custom domain). Other SAM types
are kept under their own type name, which no rule reads. The addresses are the ones SAM gives
(``FunctionRole``, ``ApiProdStage``), so a finding points at the SAM resource's line.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import replace
from typing import Any

from wasp.model import Origin, Resource
from wasp.model.rule import OPEN

BASIC_EXECUTION = "arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole"


def _tags(raw: Any) -> list[dict[str, Any]]:
    return [{"Key": k, "Value": v} for k, v in raw.items()] if isinstance(raw, Mapping) else []


def _policy_arn(name: str) -> str:
    return name if name.startswith("arn:") else f"arn:aws:iam::aws:policy/{name}"


def _function(logical_id: str, props: Mapping[str, Any], origin: Origin) -> Iterator[Resource]:
    keep = (
        "FunctionName",
        "Environment",
        "KmsKeyArn",
        "Runtime",
        "Handler",
        "VpcConfig",
        "Role",
        "Layers",
        "CodeSigningConfigArn",
    )
    fn = {k: props[k] for k in keep if k in props}
    fn["Tags"] = _tags(props.get("Tags"))
    if "Role" not in props:
        role_id = f"{logical_id}Role"
        policies = props.get("Policies")
        listed = policies if isinstance(policies, list) else [policies] if policies else []
        managed = [BASIC_EXECUTION] + [_policy_arn(p) for p in listed if isinstance(p, str)]
        inline = [
            {"PolicyName": f"{logical_id}RolePolicy{i}", "PolicyDocument": p}
            for i, p in enumerate(listed)
            if isinstance(p, Mapping) and "Statement" in p
        ]
        role: dict[str, Any] = {
            "AssumeRolePolicyDocument": {
                "Version": "2012-10-17",
                "Statement": [
                    {
                        "Effect": "Allow",
                        "Principal": {"Service": "lambda.amazonaws.com"},
                        "Action": "sts:AssumeRole",
                    }
                ],
            },
            "ManagedPolicyArns": managed,
            "Policies": inline,
        }
        if "PermissionsBoundary" in props:
            role["PermissionsBoundary"] = props["PermissionsBoundary"]
        fn["Role"] = role_id
        yield Resource("AWS::IAM::Role", role_id, role, _at(origin, role_id))
    yield Resource("AWS::Lambda::Function", logical_id, fn, origin)


def _api(logical_id: str, props: Mapping[str, Any], origin: Origin) -> Iterator[Resource]:
    stage = str(props.get("StageName", "Prod"))
    stage_id = f"{logical_id}{stage}Stage"
    yield Resource(
        "AWS::ApiGateway::Stage",
        stage_id,
        {"StageName": stage, "RestApiId": logical_id, "Tags": _tags(props.get("Tags"))},
        _at(origin, stage_id),
    )
    domain = props.get("Domain")
    if isinstance(domain, Mapping) and "DomainName" in domain:
        domain_id = f"{logical_id}DomainName"
        yield Resource(
            "AWS::ApiGateway::DomainName",
            domain_id,
            {"DomainName": domain["DomainName"], "SecurityPolicy": domain.get("SecurityPolicy", "TLS_1_0")},
            _at(origin, domain_id),
        )


def _table(logical_id: str, props: Mapping[str, Any], origin: Origin) -> Iterator[Resource]:
    table: dict[str, Any] = {"Tags": _tags(props.get("Tags"))}
    for key in ("TableName", "SSESpecification"):
        if key in props:
            table[key] = props[key]
    yield Resource("AWS::DynamoDB::Table", logical_id, table, origin)


def _at(origin: Origin, address: str) -> Origin:
    return Origin(origin.kind, file=origin.file, line=origin.line, address=address)


_EXPANDERS = {
    "AWS::Serverless::Function": _function,
    "AWS::Serverless::Api": _api,
    "AWS::Serverless::SimpleTable": _table,
}


def expand_sam(rtype: str, logical_id: str, props: Mapping[str, Any], origin: Origin) -> list[Resource]:
    """The CloudFormation resources one SAM resource stands for; when ``Fn::Transform`` may add to the SAM
    resource's properties (:data:`wasp.model.rule.OPEN`), each resource it stands for is open as well."""
    expander = _EXPANDERS.get(rtype)
    if expander is None:
        return [Resource(rtype, logical_id, dict(props), origin)]
    expanded = list(expander(logical_id, props, origin))
    if OPEN in props:
        expanded = [replace(r, properties={**r.properties, OPEN: props[OPEN]}) for r in expanded]
    return expanded
