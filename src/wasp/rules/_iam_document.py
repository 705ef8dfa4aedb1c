"""What one IAM policy document allows that least privilege forbids, statement by statement, as data.

The concerns are those parliament and cloudsplaining name (and Checkov's action-list checks follow): every action
(``*``), every action on every resource (admin), all of IAM, privilege escalation (the known combinations of
actions that let a principal grant itself more), credentials exposure (actions that return credentials), data
exfiltration (reading objects, parameters and secrets), permissions management (actions that change who may
do what) and write access, each on every resource (``Resource: "*"``) without a condition that narrows it.
Actions are expanded over the bundled action data (:mod:`wasp.rules._policy_actions`), and their access levels
read from the categories policyuniverse keeps with it (Permissions, Write, Read, List, Tagging).

Unknown parts never pass: a statement whose action or resource is known only at deploy time is *undecided*;
a wildcard action in a literal ``Action`` is a failure whatever else in the statement is unknown.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from typing import Any

from wasp.model import FindingStatus, Severity, Unresolved
from wasp.model.rule import (
    Evaluate,
    Example,
    ResourceView,
    RuleContext,
    Verdict,
    WorkloadScope,
    contains_unresolved,
    example_resource,
    failed,
    passed,
    unknown,
)
from wasp.rules._iam_refs import specific_resources
from wasp.rules._policy import as_document, covers_resource, is_limited, listify, statement_actions
from wasp.rules._policy_actions import known_actions, service_actions
from wasp.rules._policy_shape import checked, entry_wrongly, inline_document, listed_wrongly

BROAD_SHARE = 0.9
"""Share of all known actions (or of IAM's) above which a grant counts as all of them."""

PRIVILEGE_ESCALATION: dict[str, tuple[str, ...]] = {
    "CreateNewPolicyVersion": ("iam:CreatePolicyVersion",),
    "SetExistingDefaultPolicyVersion": ("iam:SetDefaultPolicyVersion",),
    "CreateAccessKey": ("iam:CreateAccessKey",),
    "CreateLoginProfile": ("iam:CreateLoginProfile",),
    "UpdateLoginProfile": ("iam:UpdateLoginProfile",),
    "AttachUserPolicy": ("iam:AttachUserPolicy",),
    "AttachGroupPolicy": ("iam:AttachGroupPolicy",),
    "AttachRolePolicy": ("iam:AttachRolePolicy", "sts:AssumeRole"),
    "PutUserPolicy": ("iam:PutUserPolicy",),
    "PutGroupPolicy": ("iam:PutGroupPolicy",),
    "PutRolePolicy": ("iam:PutRolePolicy", "sts:AssumeRole"),
    "AddUserToGroup": ("iam:AddUserToGroup",),
    "UpdateRolePolicyToAssumeIt": ("iam:UpdateAssumeRolePolicy", "sts:AssumeRole"),
    "PassRoleToNewEC2Instance": ("iam:PassRole", "ec2:RunInstances"),
    "PassRoleToNewLambdaThenInvoke": ("iam:PassRole", "lambda:CreateFunction", "lambda:InvokeFunction"),
    "PassRoleToNewLambdaWithEventSource": (
        "iam:PassRole",
        "lambda:CreateFunction",
        "lambda:CreateEventSourceMapping",
    ),
    "EditExistingLambdaFunction": ("lambda:UpdateFunctionCode",),
    "PassRoleToNewGlueDevEndpoint": ("iam:PassRole", "glue:CreateDevEndpoint"),
    "UpdateExistingGlueDevEndpoint": ("glue:UpdateDevEndpoint",),
    "PassRoleToCloudFormation": ("iam:PassRole", "cloudformation:CreateStack"),
    "PassRoleToNewDataPipeline": ("iam:PassRole", "datapipeline:CreatePipeline"),
    "PassRoleToNewSageMakerNotebook": (
        "iam:PassRole",
        "sagemaker:CreateNotebookInstance",
        "sagemaker:CreatePresignedNotebookInstanceUrl",
    ),
}
"""Known privilege-escalation methods (Rhino Security Labs' list, as cloudsplaining keeps it): every action of a
method allowed on every resource lets the principal give itself more."""

CREDENTIALS_EXPOSURE = frozenset(
    a.lower()
    for a in (
        "chime:CreateApiKey",
        "codepipeline:PollForJobs",
        "cognito-identity:GetOpenIdToken",
        "cognito-identity:GetOpenIdTokenForDeveloperIdentity",
        "cognito-identity:GetCredentialsForIdentity",
        "connect:GetFederationToken",
        "ec2:GetPasswordData",
        "gamelift:RequestUploadCredentials",
        "iam:CreateAccessKey",
        "iam:CreateLoginProfile",
        "iam:CreateServiceSpecificCredential",
        "iam:ResetServiceSpecificCredential",
        "iam:UpdateAccessKey",
        "lightsail:GetInstanceAccessDetails",
        "lightsail:GetRelationalDatabaseMasterUserPassword",
        "rds-db:Connect",
        "redshift:GetClusterCredentials",
        "sso:GetRoleCredentials",
        "mediapackage:RotateChannelCredentials",
        "mediapackage:RotateIngestEndpointCredentials",
        "sts:AssumeRole",
        "sts:AssumeRoleWithSAML",
        "sts:AssumeRoleWithWebIdentity",
        "sts:GetFederationToken",
    )
)
"""Actions that return credentials. ``ecr:GetAuthorizationToken`` and ``sts:GetSessionToken`` are left out: they
support no resource but ``*`` and hand out nothing beyond what the caller already holds."""

DATA_EXFILTRATION = frozenset(
    a.lower()
    for a in (
        "s3:GetObject",
        "ssm:GetParameter",
        "ssm:GetParameters",
        "ssm:GetParametersByPath",
        "secretsmanager:GetSecretValue",
    )
)
"""Actions that read data out: objects, parameters, secrets."""

UNRESTRICTABLE_WRITES = frozenset(
    a.lower()
    for a in (
        "cloudwatch:PutMetricData",
        "xray:PutTraceSegments",
        "xray:PutTelemetryRecords",
        "ec2:CreateNetworkInterface",
        "ec2:DeleteNetworkInterface",
        "ec2:AssignPrivateIpAddresses",
        "ec2:UnassignPrivateIpAddresses",
    )
)
"""Write actions that accept no resource but ``*`` (IAM requires the wildcard): not counted as unconstrained."""


@dataclass(frozen=True)
class Problem:
    """One least-privilege concern found in one statement."""

    kind: str
    where: str
    detail: str
    severity: Severity

    def text(self) -> str:
        """The problem for a message."""
        return f"{self.kind} ({self.detail}) at {self.where}"


KINDS = (
    "admin",
    "wildcard action",
    "all of IAM",
    "privilege escalation",
    "permissions management",
    "credentials exposure",
    "data exfiltration",
    "unconstrained write",
)
"""Every kind of problem, worst first."""


@cache
def _categories() -> dict[str, str]:
    from policyuniverse.action_categories import _action_categories  # loaded with the action data

    return {str(k).lower(): str(v) for k, v in _action_categories.items()}


def access_level(action: str) -> str:
    """An action's access level: Permissions, Write, Read, List, Tagging (Unknown when not in the data)."""
    return _categories().get(action.lower(), "Unknown")


def _sample(actions: set[str] | frozenset[str], limit: int = 3) -> str:
    ranked = sorted(actions)
    more = f" and {len(ranked) - limit} more" if len(ranked) > limit else ""
    return ", ".join(ranked[:limit]) + more


def _wildcard_patterns(statement: Mapping[str, Any]) -> list[str]:
    return [str(p) for p in listify(statement.get("Action")) if str(p) in ("*", "*:*")]


def _where(source: str, index: int, statement: Mapping[str, Any]) -> str:
    sid = statement.get("Sid")
    return f"{source} statement {index + 1}" + (f" ({sid})" if isinstance(sid, str) and sid else "")


def _everywhere(actions: frozenset[str], where: str) -> list[Problem]:
    """The problems of actions allowed on every resource with no narrowing condition."""
    out: list[Problem] = []
    if len(actions) >= BROAD_SHARE * len(known_actions()):
        share = (
            "every action"
            if actions >= known_actions()
            else f"{len(actions)} of {len(known_actions())} actions"
        )
        return [Problem("admin", where, f"{share} on every resource", Severity.CRITICAL)]
    iam = service_actions("iam")
    if iam and len(actions & iam) >= BROAD_SHARE * len(iam):
        out.append(Problem("all of IAM", where, "iam:* on every resource", Severity.HIGH))
    methods = [m for m, acts in PRIVILEGE_ESCALATION.items() if all(a.lower() in actions for a in acts)]
    if methods:
        out.append(Problem("privilege escalation", where, ", ".join(methods[:3]), Severity.HIGH))
    levels: dict[str, set[str]] = {}
    for action in actions:
        levels.setdefault(access_level(action), set()).add(action)
    if levels.get("Permissions"):
        out.append(Problem("permissions management", where, _sample(levels["Permissions"]), Severity.HIGH))
    if actions & CREDENTIALS_EXPOSURE:
        out.append(
            Problem("credentials exposure", where, _sample(actions & CREDENTIALS_EXPOSURE), Severity.HIGH)
        )
    if actions & DATA_EXFILTRATION:
        out.append(Problem("data exfiltration", where, _sample(actions & DATA_EXFILTRATION), Severity.MEDIUM))
    writes = levels.get("Write", set()) - UNRESTRICTABLE_WRITES
    if writes:
        out.append(Problem("unconstrained write", where, _sample(writes), Severity.LOW))
    return out


@dataclass
class Findings:
    """The problems of some documents, and the parts that could not be judged."""

    problems: list[Problem]
    undecided: list[str]

    def worst(self) -> Severity:
        """The highest severity among the problems."""
        order = list(Severity)
        return min((p.severity for p in self.problems), key=order.index)


def document_problems(source: str, document: Any, found: Findings | None = None) -> Findings:
    """Every least-privilege problem of one document (labelled ``source``), and what could not be judged."""
    found = found if found is not None else Findings([], [])
    document = checked(document, source)
    if isinstance(document, Unresolved):
        found.undecided.append(f"{source}: {document.reason}")
        return found
    raw = as_document(document).get("Statement")
    if isinstance(raw, Unresolved):
        found.undecided.append(f"{source}: {raw.reason}")
        return found
    sts = [st for st in listify(raw) if isinstance(st, Mapping)]
    for st in listify(raw):
        if not isinstance(st, Mapping):  # an unknown statement may grant anything: never a pass
            why = (
                st.reason
                if isinstance(st, Unresolved)
                else f"a statement that is not an object ({type(st).__name__})"
            )
            found.undecided.append(f"{source}: {why}")
    denied: set[str] = set()
    for st in sts:
        unconditioned = contains_unresolved(st) is None and not is_limited(st)
        if st.get("Effect") == "Deny" and unconditioned and covers_resource(st, "*"):
            denied |= statement_actions(st)
    for i, raw_st in enumerate(sts):
        if raw_st.get("Effect") != "Allow" and not isinstance(raw_st.get("Effect"), Unresolved):
            continue  # a Deny grants nothing; an unknown or malformed Effect may be an Allow
        st = (
            {**raw_st, "Resource": specific_resources(raw_st["Resource"])} if "Resource" in raw_st else raw_st
        )
        where = _where(source, i, st)
        wild = _wildcard_patterns(st) if contains_unresolved(st.get("Action")) is None else []
        unknown_part = contains_unresolved(st)
        if unknown_part is not None:
            if wild:
                found.problems.append(Problem("wildcard action", where, "Action: *", Severity.HIGH))
            found.undecided.append(f"{where}: {unknown_part.reason}")
            continue
        narrowed = is_limited(st)
        everywhere = not narrowed and covers_resource(st, "*")
        problems = _everywhere(statement_actions(st) - denied, where) if everywhere else []
        if wild and not any(p.kind == "admin" for p in problems):
            problems.insert(0, Problem("wildcard action", where, "Action: *", Severity.HIGH))
        found.problems += problems
    return found


def inline_sources(policies: Any) -> list[tuple[str, Any]]:
    """(label, document) for each inline policy of a principal; an unknown list or entry is one unknown document."""
    if isinstance(policies, Unresolved):
        return [("Policies", policies)]
    if not isinstance(policies, list):
        return [("Policies", listed_wrongly("Policies", policies))]
    out: list[tuple[str, Any]] = []
    for i, entry in enumerate(policies):
        if isinstance(entry, Unresolved):
            out.append((f"Policies[{i}]", entry))
        elif isinstance(entry, Mapping):
            name = entry.get("PolicyName")
            label = f"inline policy {name}" if isinstance(name, str) else f"inline policy {i + 1}"
            out.append((label, inline_document(entry, i)))
        else:
            out.append((f"Policies[{i}]", entry_wrongly(f"Policies[{i}]", entry)))
    return out


def findings_verdict(view: ResourceView, found: Findings, what: str) -> Verdict:
    """Fail with every problem (worst severity first), unknown when only undecided parts remain, else pass."""
    view.note("least_privilege_problems", [p.text() for p in found.problems])
    view.note("undecided", found.undecided)
    if found.problems:
        order = list(Severity)
        ranked = sorted(found.problems, key=lambda p: (order.index(p.severity), KINDS.index(p.kind)))
        shown = "; ".join(p.text() for p in ranked[:4])
        more = f"; and {len(ranked) - 4} more" if len(ranked) > 4 else ""
        return failed(f"{what} allow {shown}{more}", found.worst())
    if found.undecided:
        return unknown(f"{what}: parts unknown until deploy or malformed: {'; '.join(found.undecided[:3])}")
    return passed(f"{what}: no wildcard action, and nothing sensitive on every resource")


def inline_evaluate(kind: str, name_path: str) -> Evaluate:
    """An ``evaluate`` judging a user's, group's or role's inline policies (break-glass principals pass)."""

    def evaluate(view: ResourceView, ctx: RuleContext) -> Verdict | None:
        if str(view.get("Path", "/")).startswith("/aws-service-role/"):
            return None
        name = view.label(name_path)
        what = f"{kind} {name}'s inline policies"
        found = Findings([], [])
        for source, document in inline_sources(view.peek("Policies", [])):
            document_problems(source, document, found)
        if found.problems and ctx.workload.is_break_glass(name, view.resource.arn):
            view.note("break_glass", True)
            return passed(f"{kind} {name} is a declared break-glass principal")
        return findings_verdict(view, found, what)

    evaluate.__doc__ = f"Judge each inline policy of the {kind}, statement by statement."
    return evaluate


INLINE_CHECKOV = (
    "CKV_AWS_49",
    "CKV_AWS_62",
    "CKV_AWS_63",
    "CKV_AWS_107",
    "CKV_AWS_108",
    "CKV_AWS_109",
    "CKV_AWS_110",
    "CKV_AWS_111",
    "CKV_AWS_286",
    "CKV_AWS_287",
    "CKV_AWS_288",
    "CKV_AWS_289",
    "CKV_AWS_290",
    "CKV2_AWS_40",
)
"""The Checkov checks that the user, group and role inline-policy rules each cover."""

_QUEUE = "arn:aws:sqs:eu-west-2:111122223333:orders"


def inline_examples(resource_type: str, name_path: str) -> tuple[Example, ...]:
    """The same six cases for a user's, group's or role's inline policies: scoped, none, admin, privilege
    escalation, a break-glass principal, and an action known only at deploy time."""

    def holder(*statements: Any, name: str = "app") -> Any:
        policies = [{"PolicyName": "p", "PolicyDocument": {"Statement": list(statements)}}]
        return example_resource(resource_type, {name_path: name, "Policies": policies})

    return (
        Example(
            "scoped",
            holder({"Effect": "Allow", "Action": "sqs:SendMessage", "Resource": _QUEUE}),
            FindingStatus.PASS,
        ),
        Example("none", example_resource(resource_type, {name_path: "app"}), FindingStatus.PASS),
        Example("admin", holder({"Effect": "Allow", "Action": "*", "Resource": "*"}), FindingStatus.FAIL),
        Example(
            "privilege-escalation",
            holder({"Effect": "Allow", "Action": "iam:CreatePolicyVersion", "Resource": "*"}),
            FindingStatus.FAIL,
        ),
        Example(
            "break-glass",
            holder({"Effect": "Allow", "Action": "*", "Resource": "*"}, name="bg"),
            FindingStatus.PASS,
            workload=WorkloadScope(break_glass=("bg",)),
        ),
        Example(
            "unknown-action",
            holder({"Effect": "Allow", "Action": Unresolved("a parameter"), "Resource": "*"}),
            FindingStatus.UNKNOWN,
        ),
    )
