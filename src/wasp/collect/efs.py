"""EFS file systems in one region."""

from __future__ import annotations

from collections.abc import Iterator

from wasp.collect.api import ApiReader
from wasp.collect.base import Collector, live, tags_from
from wasp.model import Resource

FS = "AWS::EFS::FileSystem"


class EfsCollector(Collector):
    """File systems with encryption and tags (one paginated call)."""

    name = "efs"
    service = "efs"
    resource_types = (FS,)
    permissions = ("elasticfilesystem:DescribeFileSystems",)

    def collect(self, api: ApiReader) -> Iterator[Resource]:
        """describe_file_systems carries everything needed."""
        for fs in api.pages("describe_file_systems", "FileSystems", affects=(FS,)):
            yield Resource(
                type=FS,
                id=fs["FileSystemId"],
                arn=fs.get("FileSystemArn"),
                origin=live(api, api.region),
                properties={
                    "Encrypted": bool(fs.get("Encrypted")),
                    "KmsKeyId": fs.get("KmsKeyId"),
                    "FileSystemTags": tags_from(fs.get("Tags")),
                    "Tags": tags_from(fs.get("Tags")),
                },
            )
