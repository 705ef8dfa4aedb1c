"""EC2 in one region: security groups, instances, volumes, and the region's EBS default encryption."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from wasp.collect.api import ApiReader, CallFailed
from wasp.collect.base import Collector, guarded, live, tags_from
from wasp.model import ACCOUNT_TYPE, SUPPLEMENTARY, Origin, Resource
from wasp.model.secrets import hits_as_data, scan_text, user_data_text


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
            rules.append(
                {**base, "SourceSecurityGroupId": r.get("GroupId"), "Description": r.get("Description", "")}
            )
        for r in perm.get("PrefixListIds", []):
            rules.append(
                {**base, "SourcePrefixListId": r.get("PrefixListId"), "Description": r.get("Description", "")}
            )
    return rules


class Ec2Collector(Collector):
    """Security groups, instances, volumes and EBS encryption by default."""

    name = "ec2"
    service = "ec2"
    cost = 2  # user data read per instance, launch template versions per template
    resource_types = (
        "AWS::EC2::SecurityGroup",
        "AWS::EC2::Instance",
        "AWS::EC2::Volume",
        "AWS::EC2::LaunchTemplate",
        ACCOUNT_TYPE,
    )
    permissions = (
        "ec2:DescribeSecurityGroups",
        "ec2:DescribeInstances",
        "ec2:DescribeInstanceAttribute",
        "ec2:DescribeImages",
        "ec2:DescribeVolumes",
        "ec2:DescribeLaunchTemplates",
        "ec2:DescribeLaunchTemplateVersions",
        "ec2:GetEbsEncryptionByDefault",
        "ec2:GetInstanceMetadataDefaults",
    )

    def collect(self, api: ApiReader) -> Iterator[Resource]:
        """Four independent listings and the account settings: a failed listing ends only its own part."""
        origin = live(api, api.region)
        yield from guarded(self._security_groups(api, origin))
        yield from guarded(self._instances(api, origin))
        yield from guarded(self._volumes(api, origin))
        yield from guarded(self._launch_templates(api))
        yield self._account(api)

    @staticmethod
    def _security_groups(api: ApiReader, origin: Origin) -> Iterator[Resource]:
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

    def _instances(self, api: ApiReader, origin: Origin) -> Iterator[Resource]:
        reservations = api.pages("describe_instances", "Reservations", affects=("AWS::EC2::Instance",))
        instances = [i for r in reservations for i in r.get("Instances", [])]
        images = self._image_dates(api, {i["ImageId"] for i in instances if i.get("ImageId")})
        for inst in instances:
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
                        "ImageCreationDate": images.get(inst.get("ImageId", "")),
                        "UserDataSecrets": self._user_data_secrets(api, inst["InstanceId"]),
                    },
                },
            )

    @staticmethod
    def _volumes(api: ApiReader, origin: Origin) -> Iterator[Resource]:
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

    @staticmethod
    def _account(api: ApiReader) -> Resource:
        """The account's EC2 settings in this region (each unknown when its read failed)."""
        try:
            ebs = (
                api.call("get_ebs_encryption_by_default", resource_id=api.account, affects=(ACCOUNT_TYPE,))
                or {}
            )
            default: Any = bool(ebs.get("EbsEncryptionByDefault"))
        except CallFailed as failed:
            default = failed.unresolved
        try:
            imds = (
                api.call("get_instance_metadata_defaults", resource_id=api.account, affects=(ACCOUNT_TYPE,))
                or {}
            ).get("AccountLevel") or {}
            imds_tokens: Any = imds.get("HttpTokens")
        except CallFailed as failed:
            imds_tokens = failed.unresolved
        return Resource(
            type=ACCOUNT_TYPE,
            id=api.account,
            origin=live(api, None),
            properties={
                "Regions": {
                    api.region: {
                        "EbsEncryptionByDefault": default,
                        "InstanceMetadataDefaults": {"HttpTokens": imds_tokens},
                    }
                }
            },
        )

    @staticmethod
    def _image_dates(api: ApiReader, image_ids: set[str]) -> dict[str, Any]:
        """Creation dates of the AMIs in use: one call for all of them."""
        if not image_ids:
            return {}
        try:
            # a filter (not ImageIds) so that one deregistered AMI does not fail the whole call
            got = (
                api.call(
                    "describe_images",
                    Filters=[{"Name": "image-id", "Values": sorted(image_ids)}],
                    resource_id="images",
                    affects=("AWS::EC2::Instance",),
                )
                or {}
            )
        except CallFailed as failed:
            return dict.fromkeys(image_ids, failed.unresolved)
        return {i["ImageId"]: i.get("CreationDate") for i in got.get("Images", [])}

    @staticmethod
    def _user_data_secrets(api: ApiReader, instance_id: str) -> Any:
        """Secret detector hits in the instance's user data; the user data itself is never kept."""
        try:
            got = (
                api.call(
                    "describe_instance_attribute",
                    InstanceId=instance_id,
                    Attribute="userData",
                    resource_id=instance_id,
                    affects=("AWS::EC2::Instance",),
                )
                or {}
            )
        except CallFailed as failed:
            return failed.unresolved
        encoded = (got.get("UserData") or {}).get("Value")
        return hits_as_data(scan_text(user_data_text(encoded), "user data ")) if encoded else []

    @staticmethod
    def _launch_templates(api: ApiReader) -> Iterator[Resource]:
        for lt in api.pages(
            "describe_launch_templates", "LaunchTemplates", affects=("AWS::EC2::LaunchTemplate",)
        ):
            lt_id = lt["LaunchTemplateId"]
            try:
                versions = (
                    api.call(
                        "describe_launch_template_versions",
                        LaunchTemplateId=lt_id,
                        Versions=["$Default"],
                        resource_id=lt_id,
                        affects=("AWS::EC2::LaunchTemplate",),
                    )
                    or {}
                )
                data: Any = (versions.get("LaunchTemplateVersions") or [{}])[0].get("LaunchTemplateData", {})
            except CallFailed as failed:
                data = failed.unresolved
            props: dict[str, Any] = {"LaunchTemplateName": lt.get("LaunchTemplateName")}
            if isinstance(data, dict):
                meta = data.get("MetadataOptions") or {}
                props["LaunchTemplateData"] = {
                    "MetadataOptions": {
                        "HttpTokens": meta.get("HttpTokens", "optional"),
                        "HttpEndpoint": meta.get("HttpEndpoint", "enabled"),
                    },
                    "IamInstanceProfile": data.get("IamInstanceProfile"),
                    "ImageId": data.get("ImageId"),
                    "NetworkInterfaces": [
                        {
                            "DeviceIndex": n.get("DeviceIndex"),
                            "AssociatePublicIpAddress": n.get("AssociatePublicIpAddress", False),
                        }
                        for n in data.get("NetworkInterfaces", [])
                    ],
                }
                user_data = data.get("UserData")
                props[SUPPLEMENTARY] = {
                    "UserDataSecrets": hits_as_data(scan_text(user_data_text(user_data), "user data "))
                    if user_data
                    else []
                }
            else:  # the template's data could not be read: nothing derived from it is known either
                props["LaunchTemplateData"] = data
                props[SUPPLEMENTARY] = {"UserDataSecrets": data}
            yield Resource(
                type="AWS::EC2::LaunchTemplate",
                id=lt_id,
                origin=live(api, api.region),
                properties=props,
                arn=f"arn:aws:ec2:{api.region}:{api.account}:launch-template/{lt_id}",
            )
