"""S3 split resources beyond the bucket's own mapping: lifecycle and Object Lock configurations folded into
their bucket (versioning, logging and the rest are in :mod:`wasp.iac.terraform.folds`)."""

from __future__ import annotations

from collections.abc import Callable

from wasp.iac.terraform.folds import Fold
from wasp.iac.terraform.mappings.storage import lifecycle_rule
from wasp.iac.terraform.shapes import Props, Values, blocks


def _lifecycle(props: Props, v: Values) -> None:
    props["LifecycleConfiguration"] = {"Rules": [lifecycle_rule(r) for r in blocks(v.get("rule"))]}


def _object_lock(props: Props, v: Values) -> None:
    """A default-retention configuration exists only on a bucket with Object Lock enabled."""
    state = v.get("object_lock_enabled", "Enabled")
    props["ObjectLockEnabled"] = state == "Enabled" if isinstance(state, str) else state


MAPPINGS: dict[str, tuple[str, Callable[[Values], Props]]] = {}
"""No types of its own: the bucket is mapped in :mod:`wasp.iac.terraform.mappings.storage`."""

FOLDS: dict[str, Fold] = {
    "aws_s3_bucket_lifecycle_configuration": Fold("bucket", ("aws_s3_bucket",), _lifecycle),
    "aws_s3_bucket_object_lock_configuration": Fold("bucket", ("aws_s3_bucket",), _object_lock),
}
"""Split S3 resources folded into their bucket."""
