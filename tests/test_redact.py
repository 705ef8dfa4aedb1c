"""Redaction hides secret values only: security settings, references and names stay visible."""

from __future__ import annotations

import json
import string
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from wasp.model.redact import REDACTED, is_secret_name, redact, redact_tags, redact_text
from wasp.model.secrets import token_format

FAKE_KEY = "AKIAFAKE0123456789AB"
FAKE_GH = "ghp_" + "FakeGitHubToken0123456789abcdefghijKL"

EVIDENCE = {
    # IMDS settings a fix changes: the reason this issue exists
    "LaunchTemplateData.MetadataOptions.HttpTokens": "required",
    "MetadataOptions": {"HttpTokens": "optional", "HttpPutResponseHopLimit": 2, "HttpEndpoint": "enabled"},
    # Cognito app client token settings
    "TokenValidityUnits": {"AccessToken": "hours", "IdToken": "hours", "RefreshToken": "days"},
    "AccessTokenValidity": 1,
    "RefreshTokenValidity": 30,
    "AuthorizationType": "AWS_IAM",
    "ApiKeyRequired": False,
    # IAM password policy
    "PasswordPolicy": {
        "MinimumPasswordLength": 14,
        "RequireSymbols": True,
        "MaxPasswordAge": 90,
        "PasswordReusePrevention": 24,
        "AllowUsersToChangePassword": True,
        "HardExpiry": False,
        "ExpirePasswords": True,
    },
    "PasswordLastUsed": "2026-05-01T10:00:00+00:00",
    # encryption and Secrets Manager references are facts
    "KmsKeyId": "arn:aws:kms:eu-west-2:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab",
    "MasterUserSecret": {
        "SecretArn": "arn:aws:secretsmanager:eu-west-2:111122223333:secret:rds!db-AbCdEf",
        "SecretStatus": "active",
        "KmsKeyId": "alias/aws/secretsmanager",
    },
    "ManageMasterUserPassword": True,
    "SecretName": "prod/db/credentials",
    "MasterUserPassword": "{{resolve:secretsmanager:prod/db:SecretString:password}}",
    "Supplementary.UserDataSecrets": [
        {"Where": "user data line 3 (DB_PASSWORD)", "Detector": "secret-assignment"}
    ],
    # secrets
    "Environment": {
        "Variables": {
            "DB_PASSWORD": "Winter2024!",
            "API_TOKEN_PARAM": "/prod/api/token",
            "STAGE": "prod",
            "STRIPE_KEY": "sk_live_FAKE0123456789abcdefgh",
        }
    },
    "ContainerDefinitions": [
        {
            "Name": "app",
            "Environment": [
                {"Name": "DB_PASSWORD", "Value": "Fake#Pass2024"},
                {"Name": "LOG_LEVEL", "Value": "info"},
            ],
            "Secrets": [
                {"Name": "API_KEY", "ValueFrom": "arn:aws:ssm:eu-west-2:111122223333:parameter/prod/api"}
            ],
        }
    ],
    "Tags": [
        {"Key": "Name", "Value": "payments-api"},
        {"Key": "DataClassification", "Value": "confidential"},
        {"Key": "api_token", "Value": "FakeTagToken0123456789"},
        {"Key": "DB_PASSWORD", "Value": "FakeTagPassword1"},
        {"Key": "SecretOwner", "Value": "payments-team"},
    ],
    "SecretString": '{"username": "app", "password": "FakeSecretString1"}',
    "UserData": "IyEvYmluL2Jhc2gKZXhwb3J0IERCX1BBU1NXT1JEPXgK",
    "Description": f"rotated key {FAKE_KEY} last week",
    "Endpoint": "postgres://app:FakeUrlPass9@db.internal:5432/app",
    "Credentials": {
        "AccessKeyId": FAKE_KEY,
        "SecretAccessKey": "FAKE" + "x1Y2z3" * 6,
        "SessionToken": "Fw" * 20,
    },
}


def test_security_settings_stay_and_secrets_go() -> None:
    out = redact(EVIDENCE)
    for key in (
        "LaunchTemplateData.MetadataOptions.HttpTokens",
        "MetadataOptions",
        "TokenValidityUnits",
        "AccessTokenValidity",
        "RefreshTokenValidity",
        "AuthorizationType",
        "ApiKeyRequired",
        "PasswordPolicy",
        "PasswordLastUsed",
        "KmsKeyId",
        "MasterUserSecret",
        "ManageMasterUserPassword",
        "SecretName",
        "MasterUserPassword",
        "Supplementary.UserDataSecrets",
    ):
        assert out[key] == EVIDENCE[key], key
    assert out["Environment"]["Variables"] == {
        "DB_PASSWORD": REDACTED,
        "API_TOKEN_PARAM": "/prod/api/token",
        "STAGE": "prod",
        "STRIPE_KEY": REDACTED,
    }
    container = out["ContainerDefinitions"][0]
    assert container["Environment"] == [
        {"Name": "DB_PASSWORD", "Value": REDACTED},
        {"Name": "LOG_LEVEL", "Value": "info"},
    ]
    assert container["Secrets"] == EVIDENCE["ContainerDefinitions"][0]["Secrets"]  # type: ignore[index]
    assert out["Tags"] == [
        {"Key": "Name", "Value": "payments-api"},
        {"Key": "DataClassification", "Value": "confidential"},
        {"Key": "api_token", "Value": REDACTED},
        {"Key": "DB_PASSWORD", "Value": REDACTED},
        {"Key": "SecretOwner", "Value": "payments-team"},
    ]
    assert out["SecretString"] == REDACTED
    assert out["UserData"] == REDACTED
    assert out["Description"] == f"rotated key {REDACTED} last week"
    assert out["Endpoint"] == f"postgres://app:{REDACTED}@db.internal:5432/app"
    assert out["Credentials"] == {
        "AccessKeyId": REDACTED,
        "SecretAccessKey": REDACTED,
        "SessionToken": REDACTED,
    }
    text = json.dumps(out)
    for secret in (
        "Winter2024!",
        "Fake#Pass2024",
        "FakeTag",
        "FakeSecretString1",
        "FakeUrlPass9",
        "AKIAFAKE",
    ):
        assert secret not in text
    assert redact(out) == out  # idempotent: a second pass changes nothing


def test_the_input_is_not_changed() -> None:
    before = json.dumps(EVIDENCE, sort_keys=True)
    redact(EVIDENCE)
    assert json.dumps(EVIDENCE, sort_keys=True) == before


@pytest.mark.parametrize(
    "name",
    ["HttpTokens", "HttpPutResponseHopLimit", "IdTokenValidity", "KmsKeyId", "SecretArn", "SecretName",
     "AuthorizationType", "MinimumPasswordLength", "PasswordReusePrevention", "EnvironmentSecrets",
     "MetadataOptions.HttpTokens", "TokenValidityUnits.AccessToken",
     "AWS::Lambda::Function/token-minter:Runtime",
     "AWS::SNS::Topic/arn:aws:sns:eu-west-2:1:password-reset:KmsMasterKeyId"],
)  # fmt: skip
def test_setting_names_are_not_secret_names(name: str) -> None:
    assert not is_secret_name(name)


@pytest.mark.parametrize(
    "name",
    [
        "DB_PASSWORD",
        "api_token",
        "ClientSecret",
        "Environment.Variables.DB_PASSWORD",
        "UserData",
        "AWS::Lambda::Function/fn.v2:Environment.Variables.API_TOKEN",
    ],
)
def test_secret_names(name: str) -> None:
    assert is_secret_name(name)


def test_tokens_and_url_passwords_are_cut_out_of_free_text() -> None:
    assert redact_text(f"push with {FAKE_GH} then") == f"push with {REDACTED} then"
    assert redact_text("https://ci:${CI_PASS}@git.example.com/x") == "https://ci:${CI_PASS}@git.example.com/x"
    assert redact_text("plain words stay") == "plain words stay"


def test_tag_mappings_and_pair_lists_are_redacted_by_key() -> None:
    props = {
        "HttpTokens": "required",
        "UserData": "kept: snapshots keep properties as collected",
        "Tags": [{"Key": "api_token", "Value": "FakeTok1234"}, {"Key": "team", "Value": "core"}],
        "FileSystemTags": {"DB_PASSWORD": "FakePw99", "owner": "ops"},
        "TagSet": [{"Key": "Team", "Value": "core"}],
    }
    out = redact_tags(props)
    assert out["HttpTokens"] == "required" and out["UserData"] == props["UserData"]
    assert out["Tags"] == [{"Key": "api_token", "Value": REDACTED}, {"Key": "team", "Value": "core"}]
    assert out["FileSystemTags"] == {"DB_PASSWORD": REDACTED, "owner": "ops"}
    assert out["TagSet"] == props["TagSet"]


def test_every_token_format_in_the_corpus_is_cut_out_of_text() -> None:
    corpus = Path(__file__).parent / "fixtures" / "secrets" / "corpus.jsonl"
    lines = [json.loads(line)["text"] for line in corpus.read_text(encoding="utf-8").splitlines()]
    with_tokens = [line for line in lines if token_format(line)]
    assert len(with_tokens) >= 35
    for line in with_tokens:
        assert token_format(redact_text(line)) is None, token_format(line)


def test_a_password_with_a_slash_is_not_taken_for_a_path() -> None:
    assert redact({"DB_PASSWORD": "Pa/ss1"}) == {"DB_PASSWORD": REDACTED}
    assert redact({"DB_PASSWORD": "/prod/db/password"}) == {"DB_PASSWORD": "/prod/db/password"}
    assert redact({"DbSecret": "prod/db/credentials"}) == {"DbSecret": "prod/db/credentials"}


_KEYS = st.sampled_from(["HttpTokens", "BucketName", "KmsKeyId", "TokenValidityUnits", "Stage", "SecretArn"])
_SECRET_KEYS = st.sampled_from(["DB_PASSWORD", "api_token", "ClientSecret", "SIGNING_KEY", "SessionToken"])
_LITERALS = st.text(string.ascii_letters + string.digits + "!#%&*+-=?@^_", min_size=6, max_size=40).filter(
    lambda s: s.strip("-_") == s and not s.lower().startswith(("your", "enter", "insert", "put"))
)
_PLAIN = st.text(string.ascii_lowercase + " -", max_size=30)


@settings(max_examples=200, deadline=None)
@given(plain=st.dictionaries(_KEYS, _PLAIN), secret=st.dictionaries(_SECRET_KEYS, _LITERALS, min_size=1))
def test_plain_settings_stay_and_every_literal_under_a_secret_name_goes(
    plain: dict[str, str], secret: dict[str, str]
) -> None:
    doc = {
        "Settings": plain,
        "Environment": secret,
        "Tags": [{"Key": k, "Value": v} for k, v in secret.items()],
    }
    out = redact(doc)
    assert out["Settings"] == plain
    assert out["Environment"] == dict.fromkeys(secret, REDACTED)
    assert all(t["Value"] == REDACTED for t in out["Tags"])
    assert redact(out) == out


def test_stack_outputs_and_parameters_are_pairs() -> None:
    stack = {
        "Outputs": [
            {"OutputKey": "AdminPassword", "OutputValue": "FakeOut#Pass1"},
            {"OutputKey": "BucketName", "OutputValue": "payments-artifacts"},
        ],
        "Parameters": [{"ParameterKey": "DbPasswordArn", "ParameterValue": "arn:aws:secretsmanager:x"}],
    }
    out = redact(stack)
    assert out["Outputs"][0]["OutputValue"] == REDACTED
    assert out["Outputs"][1] == stack["Outputs"][1]
    assert out["Parameters"] == stack["Parameters"]


@pytest.mark.parametrize("literal", ["%A%000", "$uperS3cret!", "%PASS%word1"])
def test_a_literal_that_starts_like_a_variable_is_still_redacted(literal: str) -> None:
    # found by the property test below: only a value made wholly of variables is a reference
    assert redact({"DB_PASSWORD": literal}) == {"DB_PASSWORD": REDACTED}


@pytest.mark.parametrize(
    "reference", ["${DB_PASSWORD}", "$DB_PASSWORD", "%DB_PASSWORD%", "${var.user}:${var.pw}"]
)
def test_a_value_made_of_variables_stays_visible(reference: str) -> None:
    assert redact({"DB_PASSWORD": reference}) == {"DB_PASSWORD": reference}
