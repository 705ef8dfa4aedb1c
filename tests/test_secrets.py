"""Secret detection: names, references, placeholders, command lines, PEM blocks, variables (properties too)."""

from __future__ import annotations

import base64
import string

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from wasp.model.secrets import (
    CREDENTIAL,
    PASSWORD,
    is_reference,
    scan_text,
    scan_variables,
    secret_name_kind,
    user_data_text,
)


@pytest.mark.parametrize(
    ("name", "kind"),
    [
        ("DB_PASSWORD", PASSWORD),
        ("PGPASSWORD", PASSWORD),
        ("ADMIN_PW", PASSWORD),
        ("MasterUserPassword", PASSWORD),
        ("spring.datasource.password", PASSWORD),
        ("clientSecret", CREDENTIAL),
        ("X-API-Key", CREDENTIAL),
        ("AWS_SESSION_TOKEN", CREDENTIAL),
        ("SecretAccessKey", CREDENTIAL),
        ("_authToken", CREDENTIAL),
        ("HMAC_KEY", CREDENTIAL),
        ("HttpTokens", None),
        ("HttpPutResponseHopLimit", None),
        ("TokenValidityUnits", None),
        ("AccessTokenValidity", None),
        ("MinimumPasswordLength", None),
        ("RequireSymbols", None),
        ("PasswordReusePrevention", None),
        ("ManageMasterUserPassword", None),
        ("KmsKeyId", None),
        ("SecretArn", None),
        ("SecretName", None),
        ("AuthorizationType", None),
        ("DB_PASSWORD_ARN", None),
        ("TOKEN_TTL_SECONDS", None),
        ("EnvironmentSecrets", None),
        ("SecretOwner", None),
        ("KEY", None),
    ],
)
def test_names(name: str, kind: str | None) -> None:
    assert secret_name_kind(name) == kind


def test_settings_under_secret_names_are_not_secrets() -> None:
    text = "HttpTokens: required\nTokenValidityUnits: hours\nPASSWORD_MIN_LENGTH=14\nManageMasterUserPassword: true"
    assert scan_text(text) == []


def test_references_are_not_secrets_and_literals_are() -> None:
    refs = {
        "DB_PASSWORD": "/prod/db/password",
        "API_KEY": "prod/api/key",
        "TOKEN": "arn:aws:secretsmanager:eu-west-2:123456789012:secret:prod/token-AbCdEf",
        "PASS": "{{resolve:secretsmanager:prod/db:SecretString:password}}",
        "SECRET": "${ssm:/prod/secret}",
        "PGPASSWORD": "$DB_PASSWORD",
        "PLACEHOLDER_PASSWORD": "changeme",
    }
    assert scan_variables(refs) == []
    found = scan_variables({"DB_PASSWORD": "Winter2024!", "STAGE": "prod", "ENABLED": True})
    assert [(h.where, h.detector) for h in found] == [("DB_PASSWORD", "secret-named-variable")]


def test_a_password_inside_a_url_variable_is_found_and_a_reference_is_not() -> None:
    hits = scan_variables(
        {
            "DATABASE_URL": "postgres://app:FakePass123@db.internal:5432/app",
            "REPLICA_URL": "postgres://app:${DB_PASSWORD}@replica.internal:5432/app",
        }
    )
    assert [(h.where, h.detector) for h in hits] == [("DATABASE_URL", "url-password")]


def test_user_data_lines_are_numbered_and_named() -> None:
    script = "#!/bin/bash\nyum install -y httpd\nexport DB_PASSWORD=Winter2024!\nmysql -u app -pFakePass1 app"
    hits = scan_text(script, "user data ")
    assert [(h.where, h.detector) for h in hits] == [
        ("user data line 3 (DB_PASSWORD)", "secret-assignment"),
        ("user data line 4", "command-line-password"),
    ]


def test_public_pem_bodies_are_skipped_but_an_unterminated_header_hides_nothing() -> None:
    body = "MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAu1SU1LfVLPHCozMxH2Mo4lgOEePzNm0tRgeLezV6ffAt"
    cert = f"-----BEGIN CERTIFICATE-----\n{body}\n-----END CERTIFICATE-----\n"
    assert scan_text(cert) == []
    assert scan_text(f"{body}") != []  # the same line outside a certificate is high-entropy
    hidden = "-----BEGIN CERTIFICATE-----\nexport DB_PASSWORD=Winter2024!"
    assert [h.where for h in scan_text(hidden)] == ["line 2 (DB_PASSWORD)"]


def test_basic_auth_needs_a_password() -> None:
    with_password = base64.b64encode(b"bot:FakePass2024").decode()
    user_only = base64.b64encode(b"just-a-user-name").decode()
    assert scan_text(f"Authorization: Basic {with_password}") != []
    assert scan_text(f"Authorization: Basic {user_only}") == []


def test_user_data_is_decoded_when_base64() -> None:
    encoded = base64.b64encode(b"export API_TOKEN=FakeTok3nValue99\n").decode()
    assert "API_TOKEN" in user_data_text(encoded)
    assert user_data_text("not base64!") == "not base64!"


_SEGMENT = st.text(string.ascii_lowercase + "-_", min_size=1, max_size=12).filter(lambda s: s[0].isalpha())
_NAMES = st.sampled_from(["DB_PASSWORD", "API_KEY", "AUTH_TOKEN", "CLIENT_SECRET", "MasterUserPassword"])


@st.composite
def _references(draw: st.DrawFn) -> str:
    path = "/".join(draw(st.lists(_SEGMENT, min_size=2, max_size=4)))
    form = draw(st.integers(0, 5))
    return [
        f"/{path}",
        path,
        f"arn:aws:secretsmanager:eu-west-2:123456789012:secret:{path}-AbCdEf",
        f"arn:aws:ssm:eu-west-2:123456789012:parameter/{path}",
        f"{{{{resolve:secretsmanager:{path}:SecretString:password}}}}",
        f"${{ssm:/{path}}}",
    ][form]


@settings(max_examples=200, deadline=None)
@given(name=_NAMES, reference=_references())
def test_any_reference_under_a_secret_name_is_not_a_secret(name: str, reference: str) -> None:
    assert is_reference(reference)
    assert scan_variables({name: reference}) == []
    assert scan_text(f"{name}={reference}") == []
    assert scan_text(f"{name}: '{reference}'") == []


_RANDOM = st.text(string.ascii_letters + string.digits, min_size=20, max_size=64).filter(
    lambda s: any(c.isupper() for c in s) and any(c.islower() for c in s) and any(c.isdigit() for c in s)
)


@settings(max_examples=200, deadline=None)
@given(name=_NAMES, value=_RANDOM)
def test_any_random_literal_under_a_secret_name_is_a_secret(name: str, value: str) -> None:
    assert [h.detector for h in scan_variables({name: value})] == ["secret-named-variable"]
    assert scan_text(f"export {name}={value}") != []
