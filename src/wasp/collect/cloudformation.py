"""CloudFormation stacks in one region: secrets in outputs or parameter values (names kept, values dropped)."""

from __future__ import annotations

from collections.abc import Iterator

from wasp.collect.api import ApiReader
from wasp.collect.base import Collector, live
from wasp.model import SUPPLEMENTARY, Resource
from wasp.model.secrets import hits_as_data, scan_variables

STACK = "AWS::CloudFormation::Stack"


class CloudFormationCollector(Collector):
    """Stacks from one paginated call; NoEcho parameters arrive masked and are not flagged."""

    name = "cloudformation"
    service = "cloudformation"
    resource_types = (STACK,)
    permissions = ("cloudformation:DescribeStacks",)

    def collect(self, api: ApiReader) -> Iterator[Resource]:
        """describe_stacks carries outputs and parameter values."""
        for st in api.pages("describe_stacks", "Stacks", affects=(STACK,)):
            outputs = {f"Outputs.{o['OutputKey']}": o.get("OutputValue") for o in st.get("Outputs", [])}
            params = {
                f"Parameters.{p['ParameterKey']}": p.get("ParameterValue") for p in st.get("Parameters", [])
            }
            yield Resource(
                type=STACK,
                id=st["StackName"],
                arn=st.get("StackId"),
                origin=live(api, api.region),
                properties={
                    "StackName": st["StackName"],
                    SUPPLEMENTARY: {
                        "Status": st.get("StackStatus"),
                        "Secrets": hits_as_data(scan_variables({**outputs, **params})),
                    },
                },
            )
