"""Lambda functions in one region: environment (names and secret hits only), keys, resource policy."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

from wasp.collect.api import ApiReader, CallFailed
from wasp.collect.base import Collector, live
from wasp.model import REDACTED_VALUE, SUPPLEMENTARY, Resource
from wasp.model.secrets import hits_as_data, scan_variables

FUNCTION = "AWS::Lambda::Function"


class LambdaCollector(Collector):
    """Functions; environment values are scanned for secrets and then dropped."""

    name = "lambda"
    service = "lambda"
    resource_types = (FUNCTION,)
    permissions = ("lambda:ListFunctions", "lambda:GetPolicy")

    def collect(self, api: ApiReader) -> Iterator[Resource]:
        """list_functions carries the environment; one policy read per function."""
        for fn in api.pages("list_functions", "Functions", affects=(FUNCTION,)):
            variables = (fn.get("Environment") or {}).get("Variables") or {}
            try:
                got = api.call(
                    "get_policy",
                    FunctionName=fn["FunctionName"],
                    absent=("ResourceNotFoundException",),
                    resource_id=fn["FunctionName"],
                    affects=(FUNCTION,),
                )
                policy: Any = json.loads(got["Policy"]) if got and got.get("Policy") else None
            except CallFailed as failed:
                policy = failed.unresolved
            yield Resource(
                type=FUNCTION,
                id=fn["FunctionName"],
                arn=fn.get("FunctionArn"),
                origin=live(api, api.region),
                properties={
                    "FunctionName": fn["FunctionName"],
                    "Runtime": fn.get("Runtime"),
                    "Role": fn.get("Role"),
                    "KmsKeyArn": fn.get("KMSKeyArn"),
                    "Environment": {"Variables": dict.fromkeys(variables, REDACTED_VALUE)}
                    if variables
                    else None,
                    SUPPLEMENTARY: {
                        "EnvironmentSecrets": hits_as_data(scan_variables(variables)),
                        "ResourcePolicy": policy,
                    },
                },
            )
