"""Small pure helpers shared by rules: classification, customer-managed keys, secrets, bucket keys."""

from __future__ import annotations

from typing import Any

from wasp.model.classification import LEVELS, Classified
from wasp.model.classification import SENSITIVE as _SENSITIVE
from wasp.model.resource import SUPPLEMENTARY, Unresolved
from wasp.model.rule import ResourceView, RuleContext, UnresolvedRead, Verdict, failed, lookup, passed
from wasp.rules._shape import entries

SENSITIVE = _SENSITIVE
CLASSIFICATIONS = frozenset(LEVELS)


KMS_KEY = "AWS::KMS::Key"
"""The neighbour type every rule that calls :func:`is_customer_managed_key` reads (declare it in related_types)."""


def tag_map(tags: Any) -> dict[str, str]:
    """Tags in either AWS shape ([{Key, Value}] or a mapping) as a plain mapping."""
    if isinstance(tags, list):
        return {str(t.get("Key")): str(t.get("Value", "")) for t in tags if isinstance(t, dict)}
    if isinstance(tags, dict):
        return {str(k): str(v) for k, v in tags.items()}
    return {}


def classify(view: ResourceView, ctx: RuleContext) -> Classified:
    """The resource's data classification under the workload's keys and spellings, recorded as evidence.

    A recognised key whose value is no known spelling leaves the resource unclassified (level None); the
    key and value it carried are still noted.
    """
    tags = view.get("Tags") if "Tags" in view.resource.properties else view.get("FileSystemTags")  # EFS
    found = ctx.workload.classify(tag_map(tags))
    view.note("classification_key", found.key)
    view.note("classification_value", found.value)
    view.note("classification", found.level)
    return found


def classification(view: ResourceView, ctx: RuleContext) -> str | None:
    """The resource's classification level (public, internal, confidential, restricted), None if unclassified."""
    return classify(view, ctx).level


def is_customer_managed_key(key: Any, ctx: RuleContext, view: ResourceView | None = None) -> bool:
    """True for a key id/ARN that is not an AWS-managed key (alias/aws/*, or KeyManager AWS when collected).

    A listed key whose description could not be read raises :class:`UnresolvedRead` (the verdict is unknown);
    given the judged resource's ``view``, that read is recorded in its evidence. A key not listed at all counts
    as customer-managed: rules that call this declare ``AWS::KMS::Key`` in related_types, so a failed listing
    makes their verdicts unknown.
    """
    if not key:
        return False
    text = str(key)
    if "alias/aws/" in text:
        return False
    for k in ctx.inventory.of_type(KMS_KEY):
        if text in (k.id, k.arn) or (k.arn and text.endswith(k.id)):
            path = f"{SUPPLEMENTARY}.KeyManager"
            if view is not None:
                return bool(view.neighbour(k).get(path, "CUSTOMER") == "CUSTOMER")
            manager = lookup(k.properties, path)
            if isinstance(manager, Unresolved):  # the key is listed but describe_key failed
                raise UnresolvedRead(f"{KMS_KEY}/{k.id}:{path}", manager)
            return bool((manager or "CUSTOMER") == "CUSTOMER")
    return True


def secrets_verdict(view: ResourceView, path: str, where: str) -> Verdict:
    """Fail with the names (never values) of secrets the collector or IaC loader detected at ``path``."""
    hits = entries(view, path)
    if hits:
        spots = ", ".join(f"{h.get('Where')} ({h.get('Detector')})" for h in hits if isinstance(h, dict))
        return failed(f"{len(hits)} secret(s) in {where} of {view.id}: {spots}; move them to Secrets Manager")
    return passed(f"no secrets detected in {where}")


def bucket_key(view: ResourceView) -> str:
    """How neighbours refer to a bucket: its name, or (in a template whose name is computed) its logical id."""
    name = view.resource.properties.get("BucketName")
    return name if isinstance(name, str) and name else view.id


def is_true(value: Any) -> bool:
    """A boolean setting that is on, as a live read (True) or a template ("true", "True") writes it."""
    return value is True or str(value).lower() == "true"
