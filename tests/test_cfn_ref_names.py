"""``Ref`` to a resource stands for the name the template gives it, however that name is built, so a policy that
names its bucket by ``Ref`` is found beside a bucket whose name comes from a parameter."""

from __future__ import annotations

from pathlib import Path

from wasp.iac.cloudformation import read_cloudformation

TEMPLATE = Path(__file__).parent / "fixtures" / "iac" / "ref_names" / "template.yaml"


def test_ref_to_a_bucket_named_by_sub_is_its_name() -> None:
    loaded = read_cloudformation(TEMPLATE)
    by_id = {r.id: r for r in loaded.resources}
    assert by_id["DataBucket"].properties["BucketName"] == "prod-data"
    assert by_id["DataBucketPolicy"].properties["Bucket"] == "prod-data"


def test_a_name_that_refers_to_itself_ends(tmp_path: Path) -> None:
    """CloudFormation refuses such a template (a circular dependency); reading it must still end."""
    template = tmp_path / "t.yaml"
    template.write_text(
        "Resources:\n  Loop:\n    Type: AWS::S3::Bucket\n    Properties:\n      BucketName: !Sub '${Loop}-x'\n"
        "  Policy:\n    Type: AWS::S3::BucketPolicy\n    Properties:\n      Bucket: !Ref Loop\n"
        "      PolicyDocument: {Statement: []}\n"
    )
    by_id = {r.id: r for r in read_cloudformation(template).resources}
    assert by_id["Policy"].properties["Bucket"] == "Loop-x"  # the inner Ref stands for the logical id
