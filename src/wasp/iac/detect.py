"""Which JSON and YAML files are CloudFormation templates, and what the others are.

A repository holds many JSON and YAML files that are not templates: Serverless Framework ``serverless.yml``,
Step Functions definitions, Kubernetes manifests and Helm charts, ``package.json``, Docker Compose files, CI
workflows. ``wasp scan`` must not fail a pipeline on them. A file is read as a template when it *looks* like one
(:func:`looks_like_template`: a top-level ``AWSTemplateFormatVersion`` or ``Resources`` key), and is kept as one
only when it *parses* as one (:func:`is_template`: ``AWSTemplateFormatVersion``, or a ``Resources`` mapping
whose entries have an ``AWS::``/``Custom::`` ``Type``). Anything else is skipped with the reason
:func:`what_it_is` gives (listed with ``--verbose``). A file that looks like a template but cannot be parsed is
a template that cannot be read: that is an error (exit 2), not a skip.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from wasp.errors import InputError
from wasp.limits import read_head

SUFFIXES = (".yaml", ".yml", ".json", ".template")
"""The suffixes a template may have (anything else is never read as one)."""
HEAD_BYTES = 256 * 1024
"""How much of a file is sniffed: a template's top-level keys come well before this."""

_TOP_KEY = re.compile(
    rb"""(?mx)
    (?:^|[{,]\s*)                            # a YAML key at column 0, or a key in a JSON/flow mapping
    ["']?(?:AWSTemplateFormatVersion|Resources)["']?\s*:
    """
)
_JSON_RESOURCES = re.compile(rb'"(?:AWSTemplateFormatVersion|Resources)"\s*:')
_TYPE_PREFIXES = ("AWS::", "Custom::", "Alexa::")


class NotATemplate(InputError):
    """A file read as a template turned out not to be one (skipped, unless it was a nested stack)."""

    def __init__(self, path: Path, why: str) -> None:
        super().__init__(f"{path}: {why}")
        self.path = path
        self.why = why


def looks_like_template(path: Path) -> bool:
    """True when the file has a template suffix and a top-level ``AWSTemplateFormatVersion`` or ``Resources``."""
    if path.suffix.lower() not in SUFFIXES:
        return False
    head = read_head(path, HEAD_BYTES)
    if _TOP_KEY.search(head):
        return True
    return head.lstrip()[:1] == b"{" and bool(_JSON_RESOURCES.search(head))


def _typed(node: Any) -> bool:
    return (
        isinstance(node, Mapping)
        and isinstance(node.get("Type"), str)
        and node["Type"].startswith(_TYPE_PREFIXES)
    )


def is_template(doc: Any) -> bool:
    """True when a decoded document is a template: ``AWSTemplateFormatVersion``, or a ``Resources`` mapping
    with at least one entry whose ``Type`` is ``AWS::…``, ``Custom::…`` or ``Alexa::…``."""
    if not isinstance(doc, Mapping):
        return False
    if "AWSTemplateFormatVersion" in doc:
        return True
    if "Transform" in doc and isinstance(doc.get("Resources"), Mapping):
        return True  # a SAM or LanguageExtensions template whose resources may all be generated
    resources = doc.get("Resources")
    return isinstance(resources, Mapping) and any(_typed(node) for node in resources.values())


_NAMED = {
    "package.json": "an npm package manifest",
    "package-lock.json": "an npm lock file",
    "tsconfig.json": "a TypeScript configuration",
    "composer.json": "a PHP Composer manifest",
    "cdk.json": "an AWS CDK app configuration",
    "chart.yaml": "a Helm chart",
    "values.yaml": "Helm chart values",
    "samconfig.yaml": "an AWS SAM CLI configuration",
    "buildspec.yml": "an AWS CodeBuild buildspec",
    "buildspec.yaml": "an AWS CodeBuild buildspec",
    "appspec.yml": "an AWS CodeDeploy appspec",
    "appspec.yaml": "an AWS CodeDeploy appspec",
    ".pre-commit-config.yaml": "a pre-commit configuration",
    ".pre-commit-hooks.yaml": "a pre-commit hooks definition",
    "action.yml": "a GitHub Action definition",
    "action.yaml": "a GitHub Action definition",
    "mkdocs.yml": "an MkDocs configuration",
}
_SNIFFED: tuple[tuple[tuple[re.Pattern[bytes], ...], str], ...] = tuple(
    (tuple(re.compile(p, re.MULTILINE) for p in patterns), what)
    for patterns, what in (
        ((rb"^service\s*:", rb"^provider\s*:"), "a Serverless Framework file"),
        ((rb'"StartAt"\s*:', rb'"States"\s*:'), "a Step Functions definition"),
        ((rb"^\s*StartAt\s*:", rb"^\s*States\s*:"), "a Step Functions definition"),
        ((rb"^apiVersion\s*:", rb"^kind\s*:"), "a Kubernetes manifest"),
        ((rb"^services\s*:",), "a Docker Compose file"),
        ((rb"^jobs\s*:",), "a CI workflow"),
        ((rb'"\$schema"\s*:',), "a JSON document with its own schema"),
    )
)
"""Each pattern is searched on its own (all must match): no pattern spans the file, so none can backtrack over it."""


def what_it_is(path: Path, head: bytes | None = None) -> str:
    """What a file that is not a template is, for the ``--verbose`` list (a guess from its name and head)."""
    name = path.name.lower()
    if name in ("serverless.yml", "serverless.yaml", "serverless.json"):
        return "a Serverless Framework file"
    if name in _NAMED:
        return _NAMED[name]
    if name.startswith(("docker-compose", "compose.")):
        return "a Docker Compose file"
    if ".github" in path.parts and "workflows" in path.parts:
        return "a GitHub Actions workflow"
    if "templates" in path.parts and (path.parent.parent / "Chart.yaml").exists():
        return "a Helm chart template"
    if name.endswith(".tf.json"):
        return "Terraform JSON syntax, which is not read (scan a plan JSON instead)"
    if name.endswith((".asl.json", ".asl.yaml", ".asl.yml")):
        return "a Step Functions definition"
    if head is None:
        try:
            head = read_head(path, HEAD_BYTES)
        except (OSError, InputError):
            head = b""
    for patterns, what in _SNIFFED:
        if all(p.search(head) for p in patterns):
            return what
    return "JSON or YAML without AWSTemplateFormatVersion or a Resources section of AWS:: types"


def skip_reason(path: Path) -> str:
    """The ``--verbose`` line for a JSON/YAML file that is not a template."""
    return f"{path}: skipped: {what_it_is(path)}, not a CloudFormation template"
