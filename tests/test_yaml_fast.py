"""The fast paths of reading CloudFormation YAML give what PyYAML's own constructor and resolver give.

decode._build (a document without aliases built in one walk), _Loader.resolve (tags without regular expressions
for most texts) and yamlguard's count that skips alias tracking when the text has no ``&`` are each held to the
slow path they replace: same values, same key lines, same errors.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import example, given, settings
from hypothesis import strategies as st

from wasp import yamlguard
from wasp.errors import InputError
from wasp.iac import decode

TEMPLATE = """\
AWSTemplateFormatVersion: 2010-09-09
Description: "quoted 123"
Parameters:
  P1: {Type: String, Default: 0x1F}
  P2: {Type: Number, Default: 1_000}
  P3: {Type: Number, Default: 1:30}
  P4: {Type: Number, Default: .inf}
  P5: {Type: String, Default: yes}
  P6: {Type: String, Default: ~}
  P7: {Type: String, Default: '123'}
  P8: {Type: String, Default: !!str 123}
  P9: {Type: String, Default: 2001-12-14t21:59:43.10-05:00}
  P11: {Type: String, Default: ""}
  P13: {Type: String, Default: Off}
  P14: {Type: String, Default: -1.5e3}
  P17: {Type: String, Default: !!float 3}
  P18: {Type: String, Default: !!int "7"}
Resources:
  B:
    Type: AWS::S3::Bucket
    Properties:
      BucketName: !Sub "${AWS::StackName}-b"
      Tags:
        - {Key: k, Value: !Ref P1}
        - {Key: !Join ["", [a, b]], Value: !GetAtt B.Arn}
        - {Key: x, Value: !GetAtt [B, Arn]}
        - {Key: z, Value: !If [C, !Ref "AWS::NoValue", {Fn::Sub: "a"}]}
      123: int key
      true: bool key
      null: null key
      ? [a, b]
      : seq key
      ? {a: b}
      : map key
      ? !Ref X
      : tagged key
      Multi: |
        line1
        line2
      Nested: [[1, [2, [3, {a: [4]}]]]]
      Base: !Base64 {Fn::Sub: x}
      Odd: !Ref {a: !Sub [x, {y: !Ref z}]}
      Data: !!binary aGVsbG8=
"""
BROKEN = {
    "merge key": "Resources:\n  B:\n    <<: {Type: AWS::S3::Bucket}\n",
    "unknown tag": "Resources:\n  B: {Type: AWS::S3::Bucket, Properties: {D: !<tag:example.com,2000:x> 1}}\n",
    "str on a list": "Resources:\n  B: {Type: AWS::S3::Bucket, Properties: {D: !!str [a]}}\n",
    "seq on a map": "Resources:\n  B: {Type: AWS::S3::Bucket, Properties: {D: !!seq {a: 1}}}\n",
    "bad bool": "Resources:\n  B: {Type: AWS::S3::Bucket, Properties: {F: !!bool maybe}}\n",
}
PATH = Path("t.yaml")


def shape(value: Any) -> Any:
    """Values with every mapping's key lines, to compare two decodings exactly."""
    if isinstance(value, decode.Located):
        return ("L", [(k, shape(v)) for k, v in value.items()], sorted(value.lines.items()))
    if isinstance(value, dict):
        return ("D", [(k, shape(v)) for k, v in value.items()])
    if isinstance(value, list):
        return ("S", [shape(v) for v in value])
    return (type(value).__name__, value)


def both(text: str) -> tuple[Any, Any]:
    """The document through the fast build and through the loader's own constructor (or the error of each)."""
    out = []
    for build in (decode._build, None):
        try:
            out.append(shape(yamlguard.load(text, PATH, "template", decode._Loader, None, build)))
        except (InputError, KeyError) as exc:  # (``!!bool maybe``: PyYAML's own KeyError, either way)
            out.append(("error", type(exc).__name__, str(exc)))
    return out[0], out[1]


def test_a_template_with_every_kind_of_node_builds_the_same() -> None:
    fast, slow = both(TEMPLATE)
    assert fast == slow
    assert fast[0] == "L"


@pytest.mark.parametrize("name", sorted(BROKEN))
def test_a_node_no_constructor_takes_fails_with_the_same_error(name: str) -> None:
    fast, slow = both(BROKEN[name])
    assert fast == slow
    assert fast[0] == "error"


def test_aliases_are_built_by_the_loader_and_shared_as_before() -> None:
    text = "X: &a {Type: AWS::S3::Bucket}\nResources:\n  B: *a\n  C: *a\n"
    fast, slow = both(text)
    assert fast == slow
    doc = yamlguard.load(text, PATH, "template", decode._Loader, None, decode._build)
    assert doc["Resources"]["B"] is doc["Resources"]["C"]


scalars = st.text(alphabet="0123456789abcdefnotryNOTYF.-+:_~=<!&* eE", max_size=8)


@settings(max_examples=300, deadline=None)
@given(value=scalars, plain=st.booleans())
@example(value="true", plain=True)
@example(value="Off", plain=True)
@example(value="8", plain=True)
@example(value="0x1F", plain=True)
@example(value="1:30", plain=True)
@example(value=".inf", plain=True)
@example(value="~", plain=True)
@example(value="", plain=True)
@example(value="<<", plain=True)
@example(value="=", plain=True)
@example(value="2001-12-14", plain=True)
@example(value="null", plain=False)
@example(value="AWS::S3::Bucket", plain=True)
def test_the_resolver_gives_pyyaml_tags(value: str, plain: bool) -> None:
    loader = decode._Loader("")
    try:
        implicit = (plain, not plain)
        assert loader.resolve(yaml.ScalarNode, value, implicit) == yaml.resolver.Resolver().resolve(
            yaml.ScalarNode, value, implicit
        )
    finally:
        loader.dispose()
    for kind in (yaml.MappingNode, yaml.SequenceNode):
        assert decode._Loader("").resolve(kind, None, (True, False)) == yaml.resolver.Resolver().resolve(
            kind, None, (True, False)
        )


@settings(max_examples=80, deadline=None)
@given(
    st.recursive(
        st.none() | st.booleans() | st.integers() | st.text(max_size=5),
        lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=3), inner, max_size=3),
        max_leaves=15,
    )
)
def test_counting_without_alias_tracking_counts_the_same(value: Any) -> None:
    root = yaml.compose(yaml.safe_dump(value), Loader=yaml.SafeLoader)
    assert yamlguard._tree_size(root, anchors=False) == yamlguard._tree_size(root, anchors=True)
