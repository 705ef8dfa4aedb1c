"""Session Manager preferences: the ``inputs`` of a Session document, as templates and the live read give them."""

from __future__ import annotations

from typing import Any

from wasp.model import Resource, Unresolved
from wasp.model.rule import ResourceView, UnresolvedRead, example_resource
from wasp.rules._shape import expect_type, is_text, on

DOCUMENT = "AWS::SSM::Document"
PREFERENCES = "SSM-SessionManagerRunShell"
"""The document Session Manager keeps an account's preferences in."""


def session_inputs(view: ResourceView) -> dict[str, Any] | None:
    """The preferences of a Session document; None for any other document.

    Content that is not an object (YAML the template reader left as text) is unknown, never empty.
    """
    if view.get("DocumentType") != "Session":
        return None
    content = view.peek("Content")  # an unknown preference inside is weighed by the rule, key by key
    if isinstance(content, Unresolved):
        raise UnresolvedRead("Content", content)
    if not isinstance(content, dict):
        raise UnresolvedRead("Content", Unresolved("the document's content could not be read as an object"))
    inputs = content.get("inputs")
    expect_type("Content.inputs", inputs, lambda v: isinstance(v, dict), "a mapping of preferences")
    return inputs if isinstance(inputs, dict) else {}


def preference(inputs: dict[str, Any], key: str) -> Any:
    """A string preference (a bucket, log group or key): WrongType when it is set to anything else."""
    return expect_type(f"Content.inputs.{key}", inputs.get(key), is_text, "a string")


def is_on(value: Any) -> bool:
    """A preference flag that is on (documents write booleans or their strings); WrongType for anything else."""
    if isinstance(value, Unresolved):
        return False
    return on("a Session preference flag", value)


def example_session(inputs: Any) -> Resource:
    """A Session preferences document for rule examples."""
    content = inputs if isinstance(inputs, Unresolved) else {"schemaVersion": "1.0", "inputs": inputs}
    return example_resource(DOCUMENT, {"Name": PREFERENCES, "DocumentType": "Session", "Content": content})
