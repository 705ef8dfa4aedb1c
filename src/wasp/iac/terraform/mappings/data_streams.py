"""Streaming ``aws_*`` types in CloudFormation shape: Kinesis data and video streams, Firehose."""

from __future__ import annotations

from collections.abc import Callable

from wasp.iac.terraform.shapes import Props, Values, block, pick, tags, truthy


def kinesis_stream(v: Values) -> Props:
    """``aws_kinesis_stream`` as ``AWS::Kinesis::Stream`` (encryption_type defaults to NONE)."""
    encryption = {"EncryptionType": v.get("encryption_type") or "NONE"}
    encryption.update(pick(v, {"kms_key_id": "KeyId"}))
    return {**pick(v, {"name": "Name"}), "StreamEncryption": encryption, "Tags": tags(v.get("tags"))}


def firehose(v: Values) -> Props:
    """``aws_kinesis_firehose_delivery_stream`` as ``AWS::KinesisFirehose::DeliveryStream``.

    An enabled ``server_side_encryption`` block becomes the encryption input (AWS-owned key unless a key type is
    given); an ``enabled`` known only after apply stays unknown; a Kinesis source makes the stream's type
    ``KinesisStreamAsSource``."""
    props: Props = pick(v, {"name": "DeliveryStreamName"})
    props["DeliveryStreamType"] = (
        "KinesisStreamAsSource" if block(v.get("kinesis_source_configuration")) else "DirectPut"
    )
    sse = block(v.get("server_side_encryption"))
    enabled = truthy(sse.get("enabled", False))
    if enabled is True:
        props["DeliveryStreamEncryptionConfigurationInput"] = {
            "KeyType": sse.get("key_type") or "AWS_OWNED_CMK",
            **pick(sse, {"key_arn": "KeyARN"}),
        }
    elif enabled is not False:
        props["DeliveryStreamEncryptionConfigurationInput"] = {"KeyType": enabled}
    return {**props, "Tags": tags(v.get("tags"))}


def video_stream(v: Values) -> Props:
    """``aws_kinesis_video_stream`` as ``AWS::KinesisVideo::Stream``."""
    return {**pick(v, {"name": "Name", "kms_key_id": "KmsKeyId"}), "Tags": tags(v.get("tags"))}


MAPPINGS: dict[str, tuple[str, Callable[[Values], Props]]] = {
    "aws_kinesis_stream": ("AWS::Kinesis::Stream", kinesis_stream),
    "aws_kinesis_firehose_delivery_stream": ("AWS::KinesisFirehose::DeliveryStream", firehose),
    "aws_kinesis_video_stream": ("AWS::KinesisVideo::Stream", video_stream),
}
"""Terraform type -> (CloudFormation type, properties from the Terraform values)."""
