"""Secrets Manager read live (moto): customer-managed key and rotation through the collector to the rules."""

from __future__ import annotations

import boto3
import pytest

from conftest import REGION
from test_live_controls import F, P, _c, verdicts


@pytest.mark.usefixtures("aws")
def test_key_and_rotation_read_live() -> None:
    sm = boto3.client("secretsmanager", region_name=REGION)
    key = boto3.client("kms", region_name=REGION).create_key()["KeyMetadata"]["Arn"]
    sm.create_secret(Name="orders/db", SecretString="x", KmsKeyId=key)
    sm.create_secret(Name="legacy/db", SecretString="x")
    sm.create_secret(Name="slow/db", SecretString="x", KmsKeyId=key)
    sm.rotate_secret(SecretId="orders/db", RotationRules={"AutomaticallyAfterDays": 30})
    sm.rotate_secret(SecretId="slow/db", RotationRules={"AutomaticallyAfterDays": 180})
    assert verdicts([_c("secretsmanager"), _c("kms")], "secretsmanager_secret_cmk") == {
        "orders/db": P,
        "legacy/db": F,
        "slow/db": P,
    }
    assert verdicts([_c("secretsmanager")], "secrets_rotation_enabled") == {
        "orders/db": P,
        "legacy/db": F,
        "slow/db": F,
    }
