"""Network ``aws_*`` types in CloudFormation shape: security groups, VPCs, load balancers, CloudFront, API Gateway."""

from __future__ import annotations

from collections.abc import Callable

from wasp.iac.terraform.shapes import Props, Values, block, blocks, items, pick, tags, truthy
from wasp.model import Unresolved


def ingress_entries(rule: Values, *, v4: str, v6: str, proto: str = "protocol") -> list[Props]:
    """One CloudFormation ingress entry per source, as CloudFormation (and the live API) lists them."""
    base = {"IpProtocol": str(rule.get(proto, "-1")) if rule.get(proto) is not None else "-1"}
    if isinstance(rule.get(proto), Unresolved):
        base["IpProtocol"] = rule[proto]
    for tf, cfn in (("from_port", "FromPort"), ("to_port", "ToPort")):
        if rule.get(tf) is not None:
            base[cfn] = rule[tf]
    if rule.get("description") not in (None, ""):
        base["Description"] = rule["description"]
    if base["IpProtocol"] in ("-1", "all"):
        base.pop("FromPort", None)
        base.pop("ToPort", None)
    out = [{**base, "CidrIp": c} for c in items(rule.get(v4))]
    out += [{**base, "CidrIpv6": c} for c in items(rule.get(v6))]
    out += [{**base, "SourceSecurityGroupId": g} for g in items(rule.get("security_groups"))]
    if rule.get("referenced_security_group_id") is not None:
        out.append({**base, "SourceSecurityGroupId": rule["referenced_security_group_id"]})
    return out or [base]


def security_group(v: Values) -> Props:
    """``aws_security_group`` as ``AWS::EC2::SecurityGroup``."""
    ingress: list[Props] = []
    for rule in blocks(v.get("ingress")):
        ingress += ingress_entries(rule, v4="cidr_blocks", v6="ipv6_cidr_blocks")
    egress: list[Props] = []  # no egress block: Terraform removes AWS's default allow-all rule
    for rule in blocks(v.get("egress")):
        egress += egress_entries(rule, v4="cidr_blocks", v6="ipv6_cidr_blocks")
    props = pick(v, {"name": "GroupName", "description": "GroupDescription", "vpc_id": "VpcId"})
    return {
        **props,
        "SecurityGroupIngress": ingress,
        "SecurityGroupEgress": egress,
        "Tags": tags(v.get("tags")),
    }


def egress_entries(rule: Values, *, v4: str, v6: str, proto: str = "protocol") -> list[Props]:
    """One CloudFormation egress entry per destination (``CidrIp``, ``CidrIpv6``, ``DestinationSecurityGroupId``)."""
    out = []
    for entry in ingress_entries(rule, v4=v4, v6=v6, proto=proto):
        if "SourceSecurityGroupId" in entry:
            entry["DestinationSecurityGroupId"] = entry.pop("SourceSecurityGroupId")
        out.append(entry)
    return out


def default_security_group(v: Values) -> Props:
    """``aws_default_security_group`` as the VPC's ``default`` group: Terraform strips every rule not declared."""
    props = security_group(v)
    props["GroupName"] = "default"
    return props


def load_balancer(v: Values) -> Props:
    """``aws_lb`` / ``aws_alb`` as ``AWS::ElasticLoadBalancingV2::LoadBalancer``."""
    internal = truthy(v.get("internal", False))
    scheme = internal if isinstance(internal, Unresolved) else "internal" if internal else "internet-facing"
    attributes = [
        {"Key": key, "Value": _attribute(v.get(tf, default))}
        for tf, key, default in (
            ("drop_invalid_header_fields", "routing.http.drop_invalid_header_fields.enabled", False),
            ("desync_mitigation_mode", "routing.http.desync_mitigation_mode", "defensive"),
        )
    ]
    logs = block(v.get("access_logs"))
    attributes.append({"Key": "access_logs.s3.enabled", "Value": _attribute(logs.get("enabled", False))})
    if logs.get("bucket") is not None:
        attributes.append({"Key": "access_logs.s3.bucket", "Value": logs["bucket"]})
    return {
        **pick(v, {"name": "Name"}),
        "Scheme": scheme,
        "Type": v.get("load_balancer_type", "application"),
        "LoadBalancerAttributes": attributes,
        "Tags": tags(v.get("tags")),
    }


def _attribute(value: object) -> object:
    """A load balancer attribute as the API spells it: strings, booleans lower case (unknowns kept)."""
    value = truthy(value)
    if isinstance(value, bool):
        return "true" if value else "false"
    return value


def listener(v: Values) -> Props:
    """``aws_lb_listener`` / ``aws_alb_listener`` as ``AWS::ElasticLoadBalancingV2::Listener``."""
    props = pick(
        v,
        {
            "protocol": "Protocol",
            "port": "Port",
            "ssl_policy": "SslPolicy",
            "load_balancer_arn": "LoadBalancerArn",
        },
    )
    actions = []
    for action in blocks(v.get("default_action")):
        entry: Props = {"Type": action.get("type")}
        redirect = block(action.get("redirect"))
        if redirect:
            entry["RedirectConfig"] = pick(
                redirect, {"protocol": "Protocol", "port": "Port", "status_code": "StatusCode"}
            )
        actions.append(entry)
    props["DefaultActions"] = actions
    return props


def distribution(v: Values) -> Props:
    """``aws_cloudfront_distribution`` as ``AWS::CloudFront::Distribution``."""
    default = block(v.get("default_cache_behavior"))
    cert = block(v.get("viewer_certificate"))
    config: Props = {
        **pick(v, {"comment": "Comment"}),
        "Enabled": truthy(v.get("enabled", True)),
        "DefaultCacheBehavior": pick(default, {"viewer_protocol_policy": "ViewerProtocolPolicy"}),
        "CacheBehaviors": [
            pick(b, {"viewer_protocol_policy": "ViewerProtocolPolicy", "path_pattern": "PathPattern"})
            for b in blocks(v.get("ordered_cache_behavior"))
        ],
        "ViewerCertificate": pick(
            cert,
            {
                "cloudfront_default_certificate": "CloudFrontDefaultCertificate",
                "minimum_protocol_version": "MinimumProtocolVersion",
                "acm_certificate_arn": "AcmCertificateArn",
            },
        ),
    }
    if v.get("web_acl_id") is not None:
        config["WebACLId"] = v["web_acl_id"]
    if default.get("response_headers_policy_id") is not None:
        config["DefaultCacheBehavior"]["ResponseHeadersPolicyId"] = default["response_headers_policy_id"]
    logging = block(v.get("logging_config"))
    if logging:
        config["Logging"] = {"Enabled": True, **pick(logging, {"bucket": "Bucket", "prefix": "Prefix"})}
    config["Origins"] = [_origin(o) for o in blocks(v.get("origin"))]
    return {"DistributionConfig": config, "Tags": tags(v.get("tags"))}


def _origin(o: Values) -> Props:
    """One ``origin`` block as a CloudFormation ``Origins`` entry."""
    out = pick(
        o,
        {"domain_name": "DomainName", "origin_id": "Id", "origin_access_control_id": "OriginAccessControlId"},
    )
    s3 = block(o.get("s3_origin_config"))
    if s3 or ("s3_origin_config" in o and o.get("s3_origin_config") is not None):
        out["S3OriginConfig"] = pick(s3, {"origin_access_identity": "OriginAccessIdentity"})
    custom = block(o.get("custom_origin_config"))
    if custom:
        config = pick(custom, {"origin_protocol_policy": "OriginProtocolPolicy"})
        if custom.get("origin_ssl_protocols") is not None:
            config["OriginSSLProtocols"] = items(custom["origin_ssl_protocols"])
        out["CustomOriginConfig"] = config
    return out


def api_domain(v: Values) -> Props:
    """``aws_api_gateway_domain_name`` as ``AWS::ApiGateway::DomainName``."""
    return pick(v, {"domain_name": "DomainName", "security_policy": "SecurityPolicy"})


def api_stage(v: Values) -> Props:
    """``aws_api_gateway_stage`` as ``AWS::ApiGateway::Stage``."""
    props = pick(
        v,
        {
            "stage_name": "StageName",
            "rest_api_id": "RestApiId",
            "client_certificate_id": "ClientCertificateId",
        },
    )
    logs = block(v.get("access_log_settings"))
    if logs:
        props["AccessLogSetting"] = pick(logs, {"destination_arn": "DestinationArn", "format": "Format"})
    return {**props, "Tags": tags(v.get("tags"))}


def vpc(v: Values) -> Props:
    """``aws_vpc`` as ``AWS::EC2::VPC``."""
    return {**pick(v, {"cidr_block": "CidrBlock"}), "Tags": tags(v.get("tags"))}


def subnet(v: Values) -> Props:
    """``aws_subnet`` as ``AWS::EC2::Subnet``."""
    return {
        **pick(
            v,
            {"vpc_id": "VpcId", "cidr_block": "CidrBlock", "map_public_ip_on_launch": "MapPublicIpOnLaunch"},
        ),
        "Tags": tags(v.get("tags")),
    }


def flow_log(v: Values) -> Props:
    """``aws_flow_log`` as ``AWS::EC2::FlowLog``."""
    resource = next((v[k] for k in ("vpc_id", "subnet_id", "eni_id") if v.get(k) is not None), None)
    return {**pick(v, {"traffic_type": "TrafficType"}), "ResourceId": resource}


def vpc_endpoint(v: Values) -> Props:
    """``aws_vpc_endpoint`` as ``AWS::EC2::VPCEndpoint``."""
    return pick(v, {"vpc_id": "VpcId", "service_name": "ServiceName", "vpc_endpoint_type": "VpcEndpointType"})


MAPPINGS: dict[str, tuple[str, Callable[[Values], Props]]] = {
    "aws_security_group": ("AWS::EC2::SecurityGroup", security_group),
    "aws_default_security_group": ("AWS::EC2::SecurityGroup", default_security_group),
    "aws_lb": ("AWS::ElasticLoadBalancingV2::LoadBalancer", load_balancer),
    "aws_alb": ("AWS::ElasticLoadBalancingV2::LoadBalancer", load_balancer),
    "aws_lb_listener": ("AWS::ElasticLoadBalancingV2::Listener", listener),
    "aws_alb_listener": ("AWS::ElasticLoadBalancingV2::Listener", listener),
    "aws_cloudfront_distribution": ("AWS::CloudFront::Distribution", distribution),
    "aws_api_gateway_domain_name": ("AWS::ApiGateway::DomainName", api_domain),
    "aws_api_gateway_stage": ("AWS::ApiGateway::Stage", api_stage),
    "aws_vpc": ("AWS::EC2::VPC", vpc),
    "aws_subnet": ("AWS::EC2::Subnet", subnet),
    "aws_flow_log": ("AWS::EC2::FlowLog", flow_log),
    "aws_vpc_endpoint": ("AWS::EC2::VPCEndpoint", vpc_endpoint),
}
"""Terraform type -> (CloudFormation type, properties from the Terraform values)."""
