"""Delivery pipelines in one region: CodePipeline pipelines and CodeBuild projects."""

from __future__ import annotations

from collections.abc import Iterator

from wasp.collect.api import ApiReader
from wasp.collect.base import Collector, live
from wasp.model import Resource

PIPELINE = "AWS::CodePipeline::Pipeline"
PROJECT = "AWS::CodeBuild::Project"


class CicdCollector(Collector):
    """Which pipelines and build projects exist (their names are enough to show deployment is automated)."""

    name = "cicd"
    service = "codepipeline"
    resource_types = (PIPELINE, PROJECT)
    permissions = ("codepipeline:ListPipelines", "codebuild:ListProjects")

    def collect(self, api: ApiReader) -> Iterator[Resource]:
        """Two list calls."""
        origin = live(api, api.region)
        for p in api.pages("list_pipelines", "pipelines", affects=(PIPELINE,)):
            yield Resource(
                type=PIPELINE,
                id=p["name"],
                origin=origin,
                properties={"Name": p["name"]},
                arn=f"arn:aws:codepipeline:{api.region}:{api.account}:{p['name']}",
            )
        for name in api.pages("list_projects", "projects", service="codebuild", affects=(PROJECT,)):
            yield Resource(
                type=PROJECT,
                id=name,
                origin=origin,
                properties={"Name": name},
                arn=f"arn:aws:codebuild:{api.region}:{api.account}:project/{name}",
            )
