"""Service models cut to the operations wasp names: smaller, and never a refused call (the service widens)."""

from __future__ import annotations

from typing import Any

import boto3
import pytest
from botocore.loaders import Loader
from moto import mock_aws

from wasp.collect import lean_models
from wasp.collect.clients import ClientFactory, client_config
from wasp.collect.lean_models import LeanLoader, called_names, cut


def test_the_source_names_the_operations_collectors_call_however_they_call_them() -> None:
    names = called_names()
    assert names is not None
    # quoted (ApiReader.call / pages), and called as a method (session.py: sts.get_caller_identity())
    assert {
        "get_bucket_policy",
        "describe_security_groups",
        "list_accounts_for_parent",
        "get_caller_identity",
    } <= names
    assert "assume_role" in names
    assert "put_bucket_policy" not in names  # wasp's scanner never writes a bucket policy


def test_cut_keeps_named_operations_the_shapes_they_reach_and_endpoint_discovery() -> None:
    full = Loader().load_service_model("dynamodb", "service-2")
    lean = cut(full, frozenset({"describe_table"}))
    assert set(lean["operations"]) == {"DescribeTable", "DescribeEndpoints"}  # the latter: endpointoperation
    assert "TableDescription" in lean["shapes"] and "ResourceNotFoundException" in lean["shapes"]
    assert "PutItemInput" not in lean["shapes"]
    assert lean["metadata"] == full["metadata"]
    # every shape a kept shape refers to is kept (botocore resolves them lazily, at call time)
    for shape in lean["shapes"].values():
        refs = [shape[k]["shape"] for k in ("member", "key", "value") if k in shape]
        refs += [m["shape"] for m in shape.get("members", {}).values()]
        assert all(r in lean["shapes"] for r in refs)


def test_the_full_model_is_not_kept_once_cut() -> None:
    loader = LeanLoader(frozenset({"describe_instances"}))
    model = loader.load_service_model("ec2", "service-2")
    assert set(model["operations"]) == {"DescribeInstances"}
    assert loader.load_service_model("ec2", "service-2") is model  # cached
    cached: dict[Any, Any] = loader._cache
    assert not any(isinstance(v, dict) and len(v.get("operations", ())) > 100 for v in cached.values())


@pytest.fixture
def narrow_loader(monkeypatch: pytest.MonkeyPatch) -> LeanLoader:
    """The process's shared loader replaced by one that keeps only ListBuckets."""
    loader = LeanLoader(frozenset({"list_buckets"}))
    monkeypatch.setattr(lean_models, "_LOADER", loader)
    return loader


@mock_aws
def test_an_operation_left_out_widens_the_service_and_the_call_is_made(narrow_loader: LeanLoader) -> None:
    boto3.client("s3", region_name="us-east-1").create_bucket(Bucket="audit-logs")
    factory = ClientFactory(boto3.session.Session(region_name="us-east-1"), client_config(), lean=True)
    assert factory.lean
    first = factory.client("s3", "us-east-1", "list_buckets")
    assert not hasattr(first, "get_bucket_versioning")
    assert [b["Name"] for b in first.list_buckets()["Buckets"]] == ["audit-logs"]
    again = factory.client("s3", "us-east-1", "get_bucket_versioning")
    assert again is not first and narrow_loader.widened == {"s3"}
    assert again.get_bucket_versioning(Bucket="audit-logs")["ResponseMetadata"]["HTTPStatusCode"] == 200
    assert factory.client("s3", "us-east-1", "list_buckets") is again  # the whole model serves every call
    assert factory.call_counts() == {"s3:ListBuckets": 1, "s3:GetBucketVersioning": 1}


@mock_aws
def test_a_factory_that_is_not_lean_keeps_whole_models(narrow_loader: LeanLoader) -> None:
    factory = ClientFactory(boto3.session.Session(region_name="us-east-1"), client_config())
    assert not factory.lean
    assert hasattr(factory.client("s3", "us-east-1"), "put_bucket_policy")  # remediation writes with these
    assert narrow_loader.widened == frozenset()


def test_without_readable_source_models_are_whole(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(lean_models, "called_names", lambda: None)
    monkeypatch.setattr(lean_models, "_LOADER", None)
    session = boto3.session.Session(region_name="us-east-1")
    factory = ClientFactory(session, client_config(), lean=True)
    assert not factory.lean


@mock_aws
def test_an_operation_no_model_has_makes_the_client_once_at_most(narrow_loader: LeanLoader) -> None:
    whole = ClientFactory(boto3.session.Session(region_name="us-east-1"), client_config())
    first = whole.client("s3", "us-east-1")
    assert whole.client("s3", "us-east-1", "get_bucket_wishes") is first  # no cut model: nothing to widen
    lean = ClientFactory(boto3.session.Session(region_name="us-east-1"), client_config(), lean=True)
    cut_client = lean.client("s3", "us-east-1", "list_buckets")
    widened = lean.client("s3", "us-east-1", "get_bucket_wishes")
    assert widened is not cut_client  # tried once with the whole model
    assert lean.client("s3", "us-east-1", "get_bucket_wishes") is widened  # and not again on every call
    assert not hasattr(widened, "get_bucket_wishes")  # the call itself then fails, as without cut models
