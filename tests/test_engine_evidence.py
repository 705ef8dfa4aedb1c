"""A finding's evidence, made in one pass, is what redacting the plain evidence gives (secrets hidden the same)."""

from __future__ import annotations

import sys
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

import wasp.engine.evaluate  # noqa: F401 - the module, not the function wasp.engine exports under its name
from wasp.model import Unresolved
from wasp.model.redact import REDACTED, redact

engine = sys.modules["wasp.engine.evaluate"]


def reference(evidence: dict[Any, Any]) -> Any:
    return redact({str(k): engine._plain(v) for k, v in evidence.items()})


class Name(str):
    """A str subclass, as a decoder might hand one over."""


CASES: list[dict[Any, Any]] = [
    {"Encrypted": False, "Size": 8, "Ratio": 0.5, "KmsKeyId": None},
    {"MasterUserPassword": "hunter2hunter2", "DBPassword": "{{resolve:secretsmanager:db}}"},
    {"Environment.Variables": {"API_TOKEN": "abc123456789", "STAGE": "prod"}},
    {"Key": "api_token", "Value": "s3cr3t-value"},  # a pair at the top level: judged as a whole
    {"Tags": [{"Key": "password", "Value": "p4ssw0rd!"}, {"Key": "team", "Value": "a"}]},
    {"UserData": "#!/bin/bash\necho hi", "Url": "https://user:pw@example.com/x"},
    {"Token": "ghp_" + "a" * 36, "Note": "AKIA" + "B" * 16},
    {"PasswordPolicy": {"MinimumPasswordLength": 8}, "TokenValidityUnits": {"AccessToken": "hours"}},
    {"Unknown": Unresolved("Ref P has no default"), "List": (1, Unresolved("x")), 3: "int key"},
    {Name("SecretString"): Name("plain-secret-text"), "Label": Name("visible")},
    {"AWS::IAM::Role/R:Policies.0.PolicyDocument": {"Statement": [{"Action": "*"}]}},
]


def test_known_shapes() -> None:
    for evidence in CASES:
        assert engine._evidence(evidence) == reference(evidence), evidence
    assert engine._evidence(CASES[1])["MasterUserPassword"] == REDACTED


keys = st.sampled_from(
    ["Value", "Key", "Name", "Password", "Token", "Tags", "Size", "a.b", "KmsKeyId"]
) | st.text(max_size=6)
leaves = st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=20)
values = st.recursive(
    leaves | st.sampled_from(["hunter2hunter2", "https://u:p@h/x", "AKIA" + "C" * 16]),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(keys, inner, max_size=3),
    max_leaves=10,
)


@settings(max_examples=150, deadline=None)
@given(st.dictionaries(keys, values, max_size=5))
def test_any_evidence(evidence: dict[str, Any]) -> None:
    assert engine._evidence(evidence) == reference(evidence)
