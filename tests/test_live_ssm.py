"""Systems Manager parameters and documents read live (moto): types, keys, sharing, Session preferences."""

from __future__ import annotations

import json

import boto3
import pytest

from conftest import REGION
from test_live_controls import F, P, U, _c, verdicts

PREFS = "SSM-SessionManagerRunShell"


@pytest.mark.usefixtures("aws")
def test_parameters_read_live_without_values() -> None:
    ssm = boto3.client("ssm", region_name=REGION)
    key = boto3.client("kms", region_name=REGION).create_key()["KeyMetadata"]["Arn"]
    ssm.put_parameter(Name="/app/flags", Type="String", Value="{}")
    ssm.put_parameter(Name="/app/db_password", Type="String", Value="hunter2hunter2")
    ssm.put_parameter(Name="/app/api_token", Type="SecureString", Value="t")
    ssm.put_parameter(Name="/app/db/password", Type="SecureString", Value="p", KeyId=key)
    assert verdicts([_c("ssm")], "ssm_parameter_no_plaintext_secret") == {
        "/app/flags": P,
        "/app/db_password": F,
        "/app/api_token": P,
        "/app/db/password": P,
    }
    assert verdicts([_c("ssm"), _c("kms")], "ssm_parameter_cmk") == {
        "/app/api_token": F,
        "/app/db/password": P,
    }


def _session(ssm: object, name: str, inputs: dict[str, object]) -> None:
    content = {
        "schemaVersion": "1.0",
        "description": "prefs",
        "sessionType": "Standard_Stream",
        "inputs": inputs,
    }
    ssm.create_document(Name=name, Content=json.dumps(content), DocumentType="Session", DocumentFormat="JSON")  # type: ignore[attr-defined]


@pytest.mark.usefixtures("aws")
def test_documents_sharing_and_session_preferences_read_live() -> None:
    ssm = boto3.client("ssm", region_name=REGION)
    command = {
        "schemaVersion": "2.2",
        "mainSteps": [{"action": "aws:runShellScript", "name": "x", "inputs": {"runCommand": ["true"]}}],
    }
    for name in ("public-runbook", "shared-runbook"):
        ssm.create_document(Name=name, Content=json.dumps(command), DocumentType="Command")
    ssm.modify_document_permission(Name="public-runbook", PermissionType="Share", AccountIdsToAdd=["All"])
    ssm.modify_document_permission(
        Name="shared-runbook", PermissionType="Share", AccountIdsToAdd=["210987654321"]
    )
    _session(ssm, PREFS, {"kmsKeyId": "alias/ssm", "s3BucketName": "logs-b", "s3EncryptionEnabled": True})
    _session(ssm, "Legacy-Prefs", {"s3BucketName": "logs-b", "s3EncryptionEnabled": False})
    shared = verdicts([_c("ssm")], "ssm_document_not_public")
    assert shared["public-runbook"] is F and shared["shared-runbook"] is P and shared[PREFS] is P
    assert verdicts([_c("ssm")], "ssm_session_kms_encrypted") == {PREFS: P, "Legacy-Prefs": F}
    assert verdicts([_c("ssm")], "ssm_session_logging_encrypted") == {PREFS: P, "Legacy-Prefs": F}


@pytest.mark.usefixtures("aws")
def test_denied_sharing_read_is_unknown(monkeypatch: pytest.MonkeyPatch) -> None:
    from botocore.exceptions import ClientError

    from wasp.collect import api

    ssm = boto3.client("ssm", region_name=REGION)
    ssm.create_document(
        Name="runbook", Content=json.dumps({"schemaVersion": "2.2", "mainSteps": []}), DocumentType="Command"
    )
    real = api.ApiReader.call

    def call(self: api.ApiReader, operation: str, **kwargs: object) -> object:
        if operation == "describe_document_permission":
            error = {"Error": {"Code": "AccessDeniedException", "Message": "denied"}}
            raise self._fail(
                ClientError(error, operation),
                "ssm",
                operation,
                self.region,
                "runbook",
                ("AWS::SSM::Document",),
            )  # type: ignore[arg-type]
        return real(self, operation, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(api.ApiReader, "call", call)
    assert verdicts([_c("ssm")], "ssm_document_not_public") == {"runbook": U}
