"""EC2 Image Builder pipelines in one region (hardened images built by a pipeline)."""

from __future__ import annotations

from collections.abc import Iterator

from wasp.collect.api import ApiReader
from wasp.collect.base import Collector, live
from wasp.model import Resource

PIPELINE = "AWS::ImageBuilder::ImagePipeline"


class ImageBuilderCollector(Collector):
    """Image pipelines and whether they are enabled."""

    name = "imagebuilder"
    service = "imagebuilder"
    resource_types = (PIPELINE,)
    permissions = ("imagebuilder:ListImagePipelines",)

    def collect(self, api: ApiReader) -> Iterator[Resource]:
        """One paginated call."""
        for p in api.pages("list_image_pipelines", "imagePipelineList", affects=(PIPELINE,)):
            yield Resource(
                type=PIPELINE,
                id=p["name"],
                arn=p.get("arn"),
                origin=live(api, api.region),
                properties={"Name": p["name"], "Status": p.get("status")},
            )
