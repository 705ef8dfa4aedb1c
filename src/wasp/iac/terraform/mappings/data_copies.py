"""Terraform-only copies and objects in a CloudFormation-like shape (``WASP::`` types, since CloudFormation has
no resource for them): S3 objects and object copies, EBS snapshot copies, AMI copies, CodeGuru Reviewer
repository associations, Glacier vaults, CodeCommit approval rule templates, AMIs; and DataSync object-storage
locations (which CloudFormation has)."""

from __future__ import annotations

from collections.abc import Callable

from wasp.iac.terraform.shapes import Props, Values, block, blocks, document, pick, truthy


def _keyed(**names: str) -> Callable[[Values], Props]:
    """A mapping that renames the given attributes (``tf=Name``) and carries ``encrypted`` as a boolean."""

    def mapping(v: Values) -> Props:
        props = pick(v, names)
        if v.get("encrypted") is not None:
            props["Encrypted"] = truthy(v["encrypted"])
        return props

    return mapping


def repository_association(v: Values) -> Props:
    """``aws_codegurureviewer_repository_association`` as ``WASP::CodeGuruReviewer::RepositoryAssociation``."""
    details = block(v.get("kms_key_details"))
    props: Props = {}
    if details:
        props["KMSKeyDetails"] = pick(
            details, {"encryption_option": "EncryptionOption", "kms_key_id": "KMSKeyId"}
        )
    return props


def glacier_vault(v: Values) -> Props:
    """``aws_glacier_vault`` as ``WASP::Glacier::Vault`` (its access policy is JSON)."""
    props = pick(v, {"name": "VaultName"})
    if v.get("access_policy") not in (None, ""):
        props["AccessPolicy"] = document(v["access_policy"])
    return props


def approval_template(v: Values) -> Props:
    """``aws_codecommit_approval_rule_template`` as ``WASP::CodeCommit::ApprovalRuleTemplate`` (content is JSON)."""
    return {**pick(v, {"name": "Name"}), "Content": document(v.get("content"))}


def ami(v: Values) -> Props:
    """``aws_ami`` as ``WASP::EC2::Image``: its ``ebs_block_device`` blocks as EBS block device mappings."""
    mappings = []
    for device in blocks(v.get("ebs_block_device")):
        ebs = pick(device, {"kms_key_id": "KmsKeyId", "snapshot_id": "SnapshotId"})
        if device.get("encrypted") is not None:
            ebs["Encrypted"] = truthy(device["encrypted"])
        mappings.append({**pick(device, {"device_name": "DeviceName"}), "Ebs": ebs})
    return {**pick(v, {"name": "Name"}), "BlockDeviceMappings": mappings}


def datasync_object_storage(v: Values) -> Props:
    """``aws_datasync_location_object_storage`` as ``AWS::DataSync::LocationObjectStorage``."""
    return pick(
        v, {"server_hostname": "ServerHostname", "access_key": "AccessKey", "secret_key": "SecretKey"}
    )


_OBJECT = _keyed(
    bucket="Bucket", key="Key", kms_key_id="KmsKeyId", server_side_encryption="ServerSideEncryption"
)

MAPPINGS: dict[str, tuple[str, Callable[[Values], Props]]] = {
    "aws_s3_object": ("WASP::S3::Object", _OBJECT),
    "aws_s3_bucket_object": ("WASP::S3::Object", _OBJECT),
    "aws_s3_object_copy": ("WASP::S3::ObjectCopy", _keyed(bucket="Bucket", key="Key", kms_key_id="KmsKeyId")),
    "aws_ebs_snapshot_copy": (
        "WASP::EC2::SnapshotCopy",
        _keyed(source_snapshot_id="SourceSnapshotId", kms_key_id="KmsKeyId"),
    ),
    "aws_ami_copy": ("WASP::EC2::ImageCopy", _keyed(name="Name", kms_key_id="KmsKeyId")),
    "aws_glacier_vault": ("WASP::Glacier::Vault", glacier_vault),
    "aws_ami": ("WASP::EC2::Image", ami),
    "aws_datasync_location_object_storage": ("AWS::DataSync::LocationObjectStorage", datasync_object_storage),
    "aws_codecommit_approval_rule_template": ("WASP::CodeCommit::ApprovalRuleTemplate", approval_template),
    "aws_codegurureviewer_repository_association": (
        "WASP::CodeGuruReviewer::RepositoryAssociation",
        repository_association,
    ),
}
"""Terraform type -> (type, properties from the Terraform values)."""
