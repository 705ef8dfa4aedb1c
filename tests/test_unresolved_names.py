"""A name known only at deploy time is for the message; it never decides the verdict (issue #12 §3)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from wasp.cli.app import main

TEMPLATE = """\
AWSTemplateFormatVersion: "2010-09-09"
Resources:
  WebSg:
    Type: AWS::EC2::SecurityGroup
    Properties:
      GroupName: !Sub "${AWS::StackName}-web"
      GroupDescription: web
      SecurityGroupIngress:
        - {IpProtocol: tcp, FromPort: 22, ToPort: 22, CidrIp: 0.0.0.0/0}
  AppRole:
    Type: AWS::IAM::Role
    Properties:
      RoleName: !Sub "${AWS::StackName}-app"
      AssumeRolePolicyDocument:
        Statement:
          - {Effect: Allow, Principal: {Service: ec2.amazonaws.com}, Action: sts:AssumeRole}
      ManagedPolicyArns: [arn:aws:iam::aws:policy/AdministratorAccess]
"""


def test_unresolved_names_do_not_hide_definite_failures(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "stack.yaml"
    path.write_text(TEMPLATE)
    with pytest.raises(SystemExit) as exc:
        main(["scan", str(path), "-f", "json", "--fail-on", "high"])
    assert exc.value.code == 1  # the open port and the admin role fail, so CI fails
    findings = json.loads(capsys.readouterr().out)["findings"]
    by_rule = {(f["rule"], f["resource"]["id"]): f for f in findings}
    sg = by_rule[("ec2_sg_no_world_ingress", "WebSg")]
    assert sg["status"] == "fail" and "security group WebSg allows" in sg["message"]
    role = by_rule[("iam_role_no_admin", "AppRole")]
    assert role["status"] == "fail" and "AppRole" in role["message"]
