"""ECR in one region: repositories (scan on push, tag mutability, encryption, policy) and the registry's scanning configuration."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

from wasp.collect.api import ApiReader, CallFailed
from wasp.collect.base import Collector, guarded, live
from wasp.model import ACCOUNT_TYPE, Resource

REPO = "AWS::ECR::Repository"


def _encryption(got: Any) -> dict[str, Any]:
    """describe_repositories' encryptionConfiguration in CloudFormation shape (AES256 when absent)."""
    got = got or {}
    out = {"EncryptionType": got.get("encryptionType") or "AES256"}
    if got.get("kmsKey"):
        out["KmsKey"] = got["kmsKey"]
    return out


class EcrCollector(Collector):
    """Repositories and Regions.<region>.EcrScanning on the account."""

    name = "ecr"
    service = "ecr"
    resource_types = (REPO, ACCOUNT_TYPE)
    permissions = (
        "ecr:DescribeRepositories",
        "ecr:GetRepositoryPolicy",
        "ecr:GetRegistryScanningConfiguration",
    )

    def collect(self, api: ApiReader) -> Iterator[Resource]:
        """describe_repositories, a policy per repository, and the registry scan type (read even when the
        repository listing fails)."""
        yield from guarded(self._repositories(api))
        yield self._registry(api)

    @staticmethod
    def _repositories(api: ApiReader) -> Iterator[Resource]:
        for repo in api.pages("describe_repositories", "repositories", affects=(REPO,)):
            name = repo["repositoryName"]
            try:
                got = api.call(
                    "get_repository_policy",
                    repositoryName=name,
                    absent=("RepositoryPolicyNotFoundException",),
                    resource_id=name,
                    affects=(REPO,),
                )
                policy: Any = json.loads(got["policyText"]) if got and got.get("policyText") else None
            except CallFailed as failed:
                policy = failed.unresolved
            yield Resource(
                type=REPO,
                id=name,
                arn=repo.get("repositoryArn"),
                origin=live(api, api.region),
                properties={
                    "RepositoryName": name,
                    "ImageScanningConfiguration": {
                        "ScanOnPush": bool((repo.get("imageScanningConfiguration") or {}).get("scanOnPush"))
                    },
                    "ImageTagMutability": repo.get("imageTagMutability"),
                    "EncryptionConfiguration": _encryption(repo.get("encryptionConfiguration")),
                    "RepositoryPolicyText": policy,
                },
            )

    @staticmethod
    def _registry(api: ApiReader) -> Resource:
        try:
            cfg = (
                api.call(
                    "get_registry_scanning_configuration", resource_id=api.account, affects=(ACCOUNT_TYPE,)
                )
                or {}
            ).get("scanningConfiguration", {})
            scanning: Any = {"ScanType": cfg.get("scanType", "BASIC"), "Rules": cfg.get("rules", [])}
        except CallFailed as failed:
            scanning = failed.unresolved
        return Resource(
            type=ACCOUNT_TYPE,
            id=api.account,
            origin=live(api, None),
            properties={"Regions": {api.region: {"EcrScanning": scanning}}},
        )
