"""S3 split resources beyond the bucket's own mapping: lifecycle and Object Lock configurations folded into
their bucket, and the MFA delete setting of ``aws_s3_bucket_versioning`` (whose status, like logging and the
rest, is folded in :mod:`wasp.iac.terraform.folds`)."""

from __future__ import annotations

from collections.abc import Callable

from wasp.iac.terraform.folds import Fold
from wasp.iac.terraform.mappings.storage import lifecycle_rule, lock_retention
from wasp.iac.terraform.shapes import Props, Values, block, blocks


def _lifecycle(props: Props, v: Values) -> None:
    props["LifecycleConfiguration"] = {"Rules": [lifecycle_rule(r) for r in blocks(v.get("rule"))]}


def _object_lock(props: Props, v: Values) -> None:
    """A default-retention configuration exists only on a bucket with Object Lock enabled."""
    state = v.get("object_lock_enabled", "Enabled")
    props["ObjectLockEnabled"] = state == "Enabled" if isinstance(state, str) else state
    retention = lock_retention(v)
    if retention is not None:
        props["ObjectLockConfiguration"] = retention


def _mfa_delete(props: Props, v: Values) -> None:
    """``versioning_configuration { mfa_delete = "Enabled" }`` beside the status folded in already."""
    state = block(v.get("versioning_configuration")).get("mfa_delete")
    versioning = props.get("VersioningConfiguration")
    if state is not None and isinstance(versioning, dict):
        versioning["MfaDelete"] = state


MAPPINGS: dict[str, tuple[str, Callable[[Values], Props]]] = {}
"""No types of its own: the bucket is mapped in :mod:`wasp.iac.terraform.mappings.storage`."""

FOLDS: dict[str, Fold] = {
    "aws_s3_bucket_lifecycle_configuration": Fold("bucket", ("aws_s3_bucket",), _lifecycle),
    "aws_s3_bucket_object_lock_configuration": Fold("bucket", ("aws_s3_bucket",), _object_lock),
    "aws_s3_bucket_versioning": Fold("bucket", ("aws_s3_bucket",), _mfa_delete),
}
"""Split S3 resources folded into their bucket."""
