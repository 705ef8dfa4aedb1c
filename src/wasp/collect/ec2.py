"""EC2 in one region: security groups, instances, volumes, and the region's EBS default encryption."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from wasp.collect.api import ApiReader, CallFailed
from wasp.collect.base import Collector, live, tags_from
from wasp.model import ACCOUNT_TYPE, SUPPLEMENTARY, Resource


def _ingress(permissions: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """EC2 IpPermissions to CloudFormation's flat SecurityGroupIngress/Egress rules."""
    rules: list[dict[str, Any]] = []
    for perm in permissions:
        base = {"IpProtocol": str(perm.get("IpProtocol", "-1"))}
        if "FromPort" in perm:
            base["FromPort"] = perm["FromPort"]
            base["ToPort"] = perm.get("ToPort", perm["FromPort"])
        for r in perm.get("IpRanges", []):
            rules.append({**base, "CidrIp": r["CidrIp"], "Description": r.get("Description", "")})
        for r in perm.get("Ipv6Ranges", []):
            rules.append({**base, "CidrIpv6": r["CidrIpv6"], "Description": r.get("Description", "")})
        for r in perm.get("UserIdGroupPairs", []):
            rules.append({**base, "SourceSecurityGroupId": r.get("GroupId")})
        for r in perm.get("PrefixListIds", []):
            rules.append({**base, "SourcePrefixListId": r.get("PrefixListId")})
    return rules


class Ec2Collector(Collector):
    """Security groups, instances, volumes and EBS encryption by default."""

    name = "ec2"
    service = "ec2"
    resource_types = ("AWS::EC2::SecurityGroup", "AWS::EC2::Instance", "AWS::EC2::Volume", ACCOUNT_TYPE)
    permissions = (
        "ec2:DescribeSecurityGroups",
        "ec2:DescribeInstances",
        "ec2:DescribeVolumes",
        "ec2:GetEbsEncryptionByDefault",
    )

    def collect(self, api: ApiReader) -> Iterator[Resource]:
        """Three paginated describes and one account-setting read."""
        origin = live(api, api.region)
        for sg in api.pages(
            "describe_security_groups", "SecurityGroups", affects=("AWS::EC2::SecurityGroup",)
        ):
            yield Resource(
                type="AWS::EC2::SecurityGroup",
                id=sg["GroupId"],
                arn=f"arn:aws:ec2:{api.region}:{api.account}:security-group/{sg['GroupId']}",
                origin=origin,
                properties={
                    "GroupId": sg["GroupId"],
                    "GroupName": sg.get("GroupName"),
                    "GroupDescription": sg.get("Description", ""),
                    "VpcId": sg.get("VpcId"),
                    "SecurityGroupIngress": _ingress(sg.get("IpPermissions", [])),
                    "SecurityGroupEgress": _ingress(sg.get("IpPermissionsEgress", [])),
                    "Tags": tags_from(sg.get("Tags")),
                },
            )
        reservations = api.pages("describe_instances", "Reservations", affects=("AWS::EC2::Instance",))
        for inst in (i for r in reservations for i in r.get("Instances", [])):
            profile = (inst.get("IamInstanceProfile") or {}).get("Arn")
            meta = inst.get("MetadataOptions") or {}
            yield Resource(
                type="AWS::EC2::Instance",
                id=inst["InstanceId"],
                arn=f"arn:aws:ec2:{api.region}:{api.account}:instance/{inst['InstanceId']}",
                origin=origin,
                properties={
                    "ImageId": inst.get("ImageId"),
                    "InstanceType": inst.get("InstanceType"),
                    "SubnetId": inst.get("SubnetId"),
                    "VpcId": inst.get("VpcId"),
                    "SecurityGroupIds": [g["GroupId"] for g in inst.get("SecurityGroups", [])],
                    "IamInstanceProfile": profile.rsplit("/", 1)[-1] if profile else None,
                    "MetadataOptions": {
                        "HttpTokens": meta.get("HttpTokens", "optional"),
                        "HttpEndpoint": meta.get("HttpEndpoint", "enabled"),
                    },
                    "PublicIp": inst.get("PublicIpAddress"),
                    "PrivateIpAddress": inst.get("PrivateIpAddress"),
                    "KeyName": inst.get("KeyName"),
                    "Tags": tags_from(inst.get("Tags")),
                    SUPPLEMENTARY: {
                        "State": (inst.get("State") or {}).get("Name"),
                        "LaunchTime": str(inst.get("LaunchTime", "")),
                    },
                },
            )
        for vol in api.pages("describe_volumes", "Volumes", affects=("AWS::EC2::Volume",)):
            yield Resource(
                type="AWS::EC2::Volume",
                id=vol["VolumeId"],
                arn=f"arn:aws:ec2:{api.region}:{api.account}:volume/{vol['VolumeId']}",
                origin=origin,
                properties={
                    "Encrypted": bool(vol.get("Encrypted")),
                    "KmsKeyId": vol.get("KmsKeyId"),
                    "Size": vol.get("Size"),
                    "AvailabilityZone": vol.get("AvailabilityZone"),
                    "VolumeType": vol.get("VolumeType"),
                    "Tags": tags_from(vol.get("Tags")),
                    SUPPLEMENTARY: {"Attachments": [a.get("InstanceId") for a in vol.get("Attachments", [])]},
                },
            )
        try:
            ebs = api.call("get_ebs_encryption_by_default", resource_id=api.account) or {}
            default: Any = bool(ebs.get("EbsEncryptionByDefault"))
        except CallFailed as failed:
            default = failed.unresolved
        yield Resource(
            type=ACCOUNT_TYPE,
            id=api.account,
            origin=live(api, None),
            properties={"Regions": {api.region: {"EbsEncryptionByDefault": default}}},
        )
