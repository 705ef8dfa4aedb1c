"""API Gateway REST APIs in one region: stages (web ACL, access logs, method settings) and custom domains (TLS policy)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from wasp.collect.api import ApiReader, CallFailed
from wasp.collect.base import Collector, live
from wasp.model import SUPPLEMENTARY, Resource

STAGE = "AWS::ApiGateway::Stage"
DOMAIN = "AWS::ApiGateway::DomainName"


def _method_settings(settings: dict[str, Any]) -> list[dict[str, Any]]:
    """A stage's ``methodSettings`` map (``"*/*"`` -> settings) as CloudFormation's MethodSettings list."""
    out = []
    for path, conf in settings.items():
        resource, _, method = str(path).rpartition("/")
        out.append(
            {
                "ResourcePath": "/*" if resource == "*" else "/" + resource.lstrip("/").replace("~1", "/"),
                "HttpMethod": method or "*",
                "LoggingLevel": conf.get("loggingLevel", "OFF"),
                "DataTraceEnabled": bool(conf.get("dataTraceEnabled")),
                "CachingEnabled": bool(conf.get("cachingEnabled")),
                "CacheDataEncrypted": bool(conf.get("cacheDataEncrypted")),
            }
        )
    return out


class ApiGatewayCollector(Collector):
    """Stages per REST API and custom domain names."""

    name = "apigateway"
    service = "apigateway"
    resource_types = (STAGE, DOMAIN)
    permissions = ("apigateway:GET",)

    def collect(self, api: ApiReader) -> Iterator[Resource]:
        """get_rest_apis, get_stages per API, get_domain_names."""
        origin = live(api, api.region)
        for rest in api.pages("get_rest_apis", "items", affects=(STAGE,)):
            try:
                stages = (
                    api.call("get_stages", restApiId=rest["id"], resource_id=rest["id"], affects=(STAGE,))
                    or {}
                ).get("item", [])
            except CallFailed as failed:
                # The API's stages are unknown: one placeholder stage stands for them, every detail
                # unknown, so the stage rules answer unknown for this API rather than skip it.
                yield Resource(
                    type=STAGE,
                    id=f"{rest['id']}/*",
                    origin=origin,
                    arn=f"arn:aws:apigateway:{api.region}::/restapis/{rest['id']}/stages/*",
                    properties={
                        "RestApiId": rest["id"],
                        "StageName": failed.unresolved,
                        "ClientCertificateId": failed.unresolved,
                        "AccessLogSetting": failed.unresolved,
                        "MethodSettings": failed.unresolved,
                        SUPPLEMENTARY: failed.unresolved,
                    },
                )
                continue
            for st in stages:
                sid = f"{rest['id']}/{st['stageName']}"
                yield Resource(
                    type=STAGE,
                    id=sid,
                    origin=origin,
                    arn=f"arn:aws:apigateway:{api.region}::/restapis/{rest['id']}/stages/{st['stageName']}",
                    properties={
                        "RestApiId": rest["id"],
                        "StageName": st["stageName"],
                        "ClientCertificateId": st.get("clientCertificateId"),
                        "AccessLogSetting": {
                            "DestinationArn": (st.get("accessLogSettings") or {}).get("destinationArn")
                        },
                        "MethodSettings": _method_settings(st.get("methodSettings") or {}),
                        SUPPLEMENTARY: {"WebAclArn": st.get("webAclArn"), "ApiName": rest.get("name")},
                    },
                )
        for dom in api.pages("get_domain_names", "items", affects=(DOMAIN,)):
            yield Resource(
                type=DOMAIN,
                id=dom["domainName"],
                origin=origin,
                arn=f"arn:aws:apigateway:{api.region}::/domainnames/{dom['domainName']}",
                properties={"DomainName": dom["domainName"], "SecurityPolicy": dom.get("securityPolicy")},
            )
