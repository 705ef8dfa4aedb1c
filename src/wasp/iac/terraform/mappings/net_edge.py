"""Edge and entry-point ``aws_*`` types of the network area in CloudFormation shape: Classic Load Balancers,
API Gateway methods and HTTP API stages and routes, CloudFront response headers policies, network ACLs and
WAFv2 web ACLs, with the split resources (ACL rules and associations, method settings, WAF logging) folded in."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from wasp.iac.terraform.folds import Fold
from wasp.iac.terraform.shapes import Props, Values, block, blocks, items, pick, tags, truthy
from wasp.model import Unresolved


def classic_elb(v: Values) -> Props:
    """``aws_elb`` as ``AWS::ElasticLoadBalancing::LoadBalancer``."""
    props = pick(v, {"name": "LoadBalancerName"})
    props["Scheme"] = "internal" if truthy(v.get("internal", False)) is True else "internet-facing"
    props["Listeners"] = [
        pick(
            li,
            {
                "lb_port": "LoadBalancerPort",
                "lb_protocol": "Protocol",
                "instance_port": "InstancePort",
                "instance_protocol": "InstanceProtocol",
                "ssl_certificate_id": "SSLCertificateId",
            },
        )
        for li in blocks(v.get("listener"))
    ]
    logs = block(v.get("access_logs"))
    if logs:
        props["AccessLoggingPolicy"] = {
            "Enabled": truthy(logs.get("enabled", True)),
            **pick(logs, {"bucket": "S3BucketName", "interval": "EmitInterval"}),
        }
    return {**props, "Tags": tags(v.get("tags"))}


def rest_method(v: Values) -> Props:
    """``aws_api_gateway_method`` as ``AWS::ApiGateway::Method``."""
    props = pick(
        v,
        {
            "rest_api_id": "RestApiId",
            "resource_id": "ResourceId",
            "http_method": "HttpMethod",
            "authorization": "AuthorizationType",
            "authorizer_id": "AuthorizerId",
            "request_validator_id": "RequestValidatorId",
        },
    )
    props["ApiKeyRequired"] = truthy(v.get("api_key_required", False))
    return props


def http_stage(v: Values) -> Props:
    """``aws_apigatewayv2_stage`` as ``AWS::ApiGatewayV2::Stage``."""
    props = pick(v, {"api_id": "ApiId", "name": "StageName"})
    logs = block(v.get("access_log_settings"))
    if logs:
        props["AccessLogSettings"] = pick(logs, {"destination_arn": "DestinationArn", "format": "Format"})
    return {**props, "Tags": tags(v.get("tags"))}


def http_route(v: Values) -> Props:
    """``aws_apigatewayv2_route`` as ``AWS::ApiGatewayV2::Route`` (Terraform's default authorisation is NONE)."""
    props = pick(v, {"api_id": "ApiId", "route_key": "RouteKey", "authorizer_id": "AuthorizerId"})
    props["AuthorizationType"] = v.get("authorization_type", "NONE")
    return props


def headers_policy(v: Values) -> Props:
    """``aws_cloudfront_response_headers_policy`` as ``AWS::CloudFront::ResponseHeadersPolicy``."""
    security = block(v.get("security_headers_config"))
    hsts = block(security.get("strict_transport_security"))
    config: Props = {"Name": v.get("name")}
    if hsts:
        config["SecurityHeadersConfig"] = {
            "StrictTransportSecurity": pick(
                hsts,
                {
                    "access_control_max_age_sec": "AccessControlMaxAgeSec",
                    "include_subdomains": "IncludeSubdomains",
                    "override": "Override",
                    "preload": "Preload",
                },
            )
        }
    return {"ResponseHeadersPolicyConfig": config}


def _acl_entries(v: Values, egress: bool) -> list[Props]:
    return [
        {**_acl_entry(rule), "Egress": egress} for rule in blocks(v.get("egress" if egress else "ingress"))
    ]


def _acl_entry(rule: Values) -> Props:
    """One NACL rule (inline block or ``aws_network_acl_rule``) as the API lists it."""
    protocol = rule.get("protocol")
    entry: Props = {
        "RuleNumber": rule.get("rule_no", rule.get("rule_number")),
        "Protocol": "-1" if str(protocol).lower() == "all" else protocol,
        "RuleAction": rule.get("action", rule.get("rule_action")),
        "CidrBlock": rule.get("cidr_block") or rule.get("ipv6_cidr_block"),
    }
    if rule.get("from_port") is not None or rule.get("to_port") is not None:
        entry["PortRange"] = {"From": rule.get("from_port"), "To": rule.get("to_port")}
    if isinstance(protocol, str) and protocol.isdigit():
        entry["Protocol"] = int(protocol)
    return entry


def network_acl(v: Values) -> Props:
    """``aws_network_acl`` as ``AWS::EC2::NetworkAcl``; entries and subnets as the live collector keeps them."""
    entries = _acl_entries(v, False) + _acl_entries(v, True)
    return {
        **pick(v, {"vpc_id": "VpcId"}),
        "Supplementary": {"Entries": entries, "Subnets": items(v.get("subnet_ids"))},
        "Tags": tags(v.get("tags")),
    }


def _waf_rule(rule: Values) -> Props:
    statement = block(rule.get("statement"))
    managed = block(statement.get("managed_rule_group_statement"))
    out: Props = {"Name": rule.get("name"), "Priority": rule.get("priority")}
    if managed:
        out["Statement"] = {
            "ManagedRuleGroupStatement": pick(managed, {"vendor_name": "VendorName", "name": "Name"})
        }
    else:
        out["Statement"] = {"Other": True}
    action = block(rule.get("action"))
    override = block(rule.get("override_action"))
    if action:
        out["Action"] = {k.capitalize(): {} for k in action}
    if override:
        out["OverrideAction"] = {k.capitalize(): {} for k in override}
    return out


def web_acl(v: Values) -> Props:
    """``aws_wafv2_web_acl`` as ``AWS::WAFv2::WebACL``."""
    props = pick(v, {"name": "Name", "scope": "Scope"})
    props["Rules"] = [_waf_rule(r) for r in blocks(v.get("rule"))]
    default = block(v.get("default_action"))
    props["DefaultAction"] = {k.capitalize(): {} for k in default}
    return {**props, "Tags": tags(v.get("tags"))}


def _append(key: str, make: Callable[[Values], list[Any]]) -> Callable[[Props, Values], None]:
    def merge(props: Props, v: Values) -> None:
        current = props.get(key)
        props[key] = [*(current if isinstance(current, list) else []), *make(v)]

    return merge


def _acl_rule(props: Props, v: Values) -> None:
    supplementary = props.setdefault("Supplementary", {})
    entry = {**_acl_entry(v), "Egress": truthy(v.get("egress", False))}
    supplementary["Entries"] = [*supplementary.get("Entries", []), entry]


def _acl_association(props: Props, v: Values) -> None:
    supplementary = props.setdefault("Supplementary", {})
    supplementary["Subnets"] = [*supplementary.get("Subnets", []), v.get("subnet_id")]


def _method_settings(v: Values) -> list[Props]:
    settings = block(v.get("settings"))
    path = v.get("method_path", "*/*")
    resource, _, method = str(path).rpartition("/") if not isinstance(path, Unresolved) else ("*", "", "*")
    return [
        {
            "ResourcePath": "/" + resource.lstrip("/") if resource != "*" else "/*",
            "HttpMethod": method or "*",
            **pick(
                settings,
                {
                    "logging_level": "LoggingLevel",
                    "data_trace_enabled": "DataTraceEnabled",
                    "caching_enabled": "CachingEnabled",
                    "cache_data_encrypted": "CacheDataEncrypted",
                    "metrics_enabled": "MetricsEnabled",
                },
            ),
        }
    ]


def _waf_association(props: Props, v: Values) -> None:
    supplementary = props.setdefault("Supplementary", {})
    supplementary["WebAclArn"] = v.get("web_acl_arn")


def _waf_logging(props: Props, v: Values) -> None:
    props["LoggingConfiguration"] = {"LogDestinationConfigs": items(v.get("log_destination_configs"))}


def route(v: Values) -> Props:
    """``aws_route`` as ``AWS::EC2::Route``."""
    return pick(
        v,
        {
            "route_table_id": "RouteTableId",
            "destination_cidr_block": "DestinationCidrBlock",
            "destination_ipv6_cidr_block": "DestinationIpv6CidrBlock",
            "vpc_peering_connection_id": "VpcPeeringConnectionId",
            "gateway_id": "GatewayId",
            "nat_gateway_id": "NatGatewayId",
        },
    )


def target_group(v: Values) -> Props:
    """``aws_lb_target_group`` / ``aws_alb_target_group`` as ``AWS::ElasticLoadBalancingV2::TargetGroup``."""
    props = pick(v, {"name": "Name", "port": "Port", "protocol": "Protocol", "vpc_id": "VpcId"})
    props["TargetType"] = v.get("target_type", "instance")
    return {**props, "Tags": tags(v.get("tags"))}


def hosted_zone(v: Values) -> Props:
    """``aws_route53_zone`` as ``AWS::Route53::HostedZone`` (signing and query logs folded in below)."""
    props = pick(v, {"name": "Name"})
    props["VPCs"] = [pick(z, {"vpc_id": "VPCId", "vpc_region": "VPCRegion"}) for z in blocks(v.get("vpc"))]
    props["Supplementary"] = {"DnssecSigning": False}
    return {**props, "HostedZoneTags": tags(v.get("tags"))}


def firewall_policy(v: Values) -> Props:
    """``aws_networkfirewall_firewall_policy`` as ``AWS::NetworkFirewall::FirewallPolicy``."""
    props = pick(v, {"name": "FirewallPolicyName"})
    encryption = block(v.get("encryption_configuration"))
    if encryption:
        props["EncryptionConfiguration"] = pick(encryption, {"key_id": "KeyId", "type": "Type"})
    return props


def _dnssec(props: Props, v: Values) -> None:
    props["Supplementary"] = {"DnssecSigning": str(v.get("signing_status", "SIGNING")).upper() == "SIGNING"}


def _query_log(props: Props, v: Values) -> None:
    props["QueryLoggingConfig"] = {"CloudWatchLogsLogGroupArn": v.get("cloudwatch_log_group_arn")}


MAPPINGS: dict[str, tuple[str, Callable[[Values], Props]]] = {
    "aws_elb": ("AWS::ElasticLoadBalancing::LoadBalancer", classic_elb),
    "aws_api_gateway_method": ("AWS::ApiGateway::Method", rest_method),
    "aws_apigatewayv2_stage": ("AWS::ApiGatewayV2::Stage", http_stage),
    "aws_apigatewayv2_route": ("AWS::ApiGatewayV2::Route", http_route),
    "aws_cloudfront_response_headers_policy": ("AWS::CloudFront::ResponseHeadersPolicy", headers_policy),
    "aws_network_acl": ("AWS::EC2::NetworkAcl", network_acl),
    "aws_wafv2_web_acl": ("AWS::WAFv2::WebACL", web_acl),
    "aws_route": ("AWS::EC2::Route", route),
    "aws_route53_zone": ("AWS::Route53::HostedZone", hosted_zone),
    "aws_networkfirewall_firewall_policy": ("AWS::NetworkFirewall::FirewallPolicy", firewall_policy),
    "aws_lb_target_group": ("AWS::ElasticLoadBalancingV2::TargetGroup", target_group),
    "aws_alb_target_group": ("AWS::ElasticLoadBalancingV2::TargetGroup", target_group),
}
"""Terraform type -> (CloudFormation type, properties from the Terraform values)."""

FOLDS: dict[str, Fold] = {
    "aws_network_acl_rule": Fold("network_acl_id", ("aws_network_acl",), _acl_rule),
    "aws_network_acl_association": Fold("network_acl_id", ("aws_network_acl",), _acl_association),
    "aws_api_gateway_method_settings": Fold(
        "stage_name", ("aws_api_gateway_stage",), _append("MethodSettings", _method_settings)
    ),
    "aws_wafv2_web_acl_logging_configuration": Fold("resource_arn", ("aws_wafv2_web_acl",), _waf_logging),
    "aws_route53_hosted_zone_dnssec": Fold("hosted_zone_id", ("aws_route53_zone",), _dnssec),
    "aws_route53_query_log": Fold("zone_id", ("aws_route53_zone",), _query_log),
    "aws_wafv2_web_acl_association": Fold(
        "resource_arn",
        ("aws_lb", "aws_alb", "aws_api_gateway_stage", "aws_appsync_graphql_api"),
        _waf_association,
    ),
}
"""Split resources folded into their parent."""
