"""Terraform fidelity: policies with unknown *parts* (counted and for_each data sources, heredoc and jsonencode
JSON with interpolations) are read statement by statement, so a literal wildcard is still a failure and an
unknown never is one."""

from __future__ import annotations

from pathlib import Path

from wasp.iac.terraform.hcl import Module, load_hcl
from wasp.iac.terraform.normalize import normalize
from wasp.model import Unresolved
from wasp.scan_workflow import scan

_ROLE = """
resource "aws_iam_role" "{name}" {{
  name               = "{name}"
  assume_role_policy = data.aws_iam_policy_document.trust.json
  inline_policy {{
    name   = "app"
    policy = {policy}
  }}
}}
"""

_TRUST = """
data "aws_iam_policy_document" "trust" {
  statement {
    actions = ["sts:AssumeRole"]
    principals {
      type        = "Service"
      identifiers = ["lambda.amazonaws.com"]
    }
  }
}

variable "bucket" {
  type        = string
  description = "Bucket the function reads; given at deploy time"
}

resource "aws_s3_bucket" "data" {
  bucket_prefix = "app-data-"
}
"""


def _write(folder: Path, text: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "main.tf").write_text(_TRUST + text)
    return folder


def _statuses(folder: Path, rule: str) -> dict[str, str]:
    result = scan([folder])
    assert result.errors == []
    return {f.resource.address: f.status.value for f in result.findings if f.rule == rule}


def _policy(folder: Path, address: str) -> dict[str, object]:
    tfs, errors = load_hcl(folder)
    assert errors == []
    role = {r.id: r for r in normalize(tfs)}[address]
    document = role.properties["Policies"][0]["PolicyDocument"]
    assert isinstance(document, dict)
    return document


def test_counted_data_source_is_read_by_instance(tmp_path: Path) -> None:
    folder = _write(
        tmp_path,
        """
variable "teams" {
  type    = list(string)
  default = ["payments", "search"]
}

data "aws_iam_policy_document" "team" {
  count = length(var.teams)
  statement {
    sid       = "Everything"
    actions   = count.index == 0 ? ["*"] : ["s3:GetObject"]
    resources = count.index == 0 ? ["*"] : ["arn:aws:s3:::${var.teams[count.index]}-reports/*"]
  }
}

resource "aws_iam_role" "team" {
  count              = length(var.teams)
  name               = "team-${var.teams[count.index]}"
  assume_role_policy = data.aws_iam_policy_document.trust.json
}

resource "aws_iam_role_policy" "team" {
  count  = length(var.teams)
  name   = "team"
  role   = aws_iam_role.team[count.index].id
  policy = data.aws_iam_policy_document.team[count.index].json
}
""",
    )
    assert _statuses(folder, "iam_role_no_admin") == {
        "aws_iam_role.team[0]": "fail",
        "aws_iam_role.team[1]": "pass",
    }
    module = Module(folder, "", {})
    module.load()
    addresses = [i.address for i in module.instances_of("data.aws_iam_policy_document.team")]
    assert addresses == ["data.aws_iam_policy_document.team[0]", "data.aws_iam_policy_document.team[1]"]


def test_for_each_data_source_with_each_value(tmp_path: Path) -> None:
    folder = _write(
        tmp_path,
        """
variable "readers" {
  type = map(object({ bucket = string, admin = bool }))
  default = {
    etl   = { bucket = "raw-events", admin = true }
    audit = { bucket = "audit-logs", admin = false }
  }
}

data "aws_iam_policy_document" "reader" {
  for_each = var.readers
  statement {
    actions   = ["s3:GetObject", "s3:ListBucket"]
    resources = ["arn:aws:s3:::${each.value.bucket}", "arn:aws:s3:::${each.value.bucket}/*"]
  }
  dynamic "statement" {
    for_each = each.value.admin ? [1] : []
    content {
      actions   = ["*"]
      resources = ["*"]
    }
  }
}

resource "aws_iam_role" "reader" {
  for_each           = var.readers
  name               = "reader-${each.key}"
  assume_role_policy = data.aws_iam_policy_document.trust.json
  inline_policy {
    name   = "read"
    policy = data.aws_iam_policy_document.reader[each.key].json
  }
}
""",
    )
    assert _statuses(folder, "iam_role_no_admin") == {
        'aws_iam_role.reader["audit"]': "pass",
        'aws_iam_role.reader["etl"]': "fail",
    }
    audit = _policy(folder, 'aws_iam_role.reader["audit"]')
    assert audit["Statement"] == [
        {
            "Effect": "Allow",
            "Action": ["s3:GetObject", "s3:ListBucket"],
            "Resource": ["arn:aws:s3:::audit-logs", "arn:aws:s3:::audit-logs/*"],
        }
    ]


def test_data_source_statement_with_an_unknown_resource_keeps_its_known_parts(tmp_path: Path) -> None:
    folder = _write(
        tmp_path,
        """
data "aws_iam_policy_document" "app" {
  statement {
    sid       = "ReadInput"
    actions   = ["s3:GetObject"]
    resources = ["arn:aws:s3:::${var.bucket}/*"]
  }
  statement {
    sid       = "Debug"
    actions   = ["*"]
    resources = ["*"]
  }
}
"""
        + _ROLE.format(name="app", policy="data.aws_iam_policy_document.app.json"),
    )
    statements = _policy(folder, "aws_iam_role.app")["Statement"]
    assert isinstance(statements, list) and isinstance(statements[0]["Resource"], Unresolved)
    assert statements[0]["Action"] == "s3:GetObject" and statements[1]["Action"] == "*"
    assert _statuses(folder, "iam_role_no_admin") == {"aws_iam_role.app": "fail"}


def test_heredoc_with_interpolations_is_a_document_with_unknown_parts(tmp_path: Path) -> None:
    wide = """<<-EOT
    {
      "Version": "2012-10-17",
      "Statement": [
        {"Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::${var.bucket}/*"},
        {"Effect": "Allow", "Action": "*", "Resource": "*"}
      ]
    }
    EOT"""
    narrow = """<<-EOT
    {
      "Version": "2012-10-17",
      "Statement": [
        {
          "Effect": "Allow",
          "Action": ["s3:GetObject"],
          "Resource": "arn:aws:s3:::${var.bucket}/$${aws:username}/*"
        }
      ]
    }
    EOT"""
    folder = _write(
        tmp_path, _ROLE.format(name="wide", policy=wide) + _ROLE.format(name="narrow", policy=narrow)
    )
    assert _statuses(folder, "iam_role_no_admin") == {
        "aws_iam_role.wide": "fail",
        "aws_iam_role.narrow": "unknown",
    }
    assert _statuses(folder, "iam_role_no_broad_access")["aws_iam_role.narrow"] == "unknown"
    statement = _policy(folder, "aws_iam_role.narrow")["Statement"][0]  # type: ignore[index]
    assert statement["Action"] == ["s3:GetObject"] and isinstance(statement["Resource"], Unresolved)
    assert "variable bucket" in statement["Resource"].reason


def test_jsonencode_with_an_unknown_arn(tmp_path: Path) -> None:
    only_objects = """jsonencode({
    Version = "2012-10-17"
    Statement = [{ Effect = "Allow", Action = "*", Resource = "${aws_s3_bucket.data.arn}/*" }]
  })"""
    beside = """jsonencode({
    Version = "2012-10-17"
    Statement = [
      { Effect = "Allow", Action = ["s3:PutObject"], Resource = "${aws_s3_bucket.data.arn}/*" },
      { Effect = "Allow", Action = "*", Resource = "*" },
    ]
  })"""
    narrow = """jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Action = ["s3:GetObject"], Resource = "${aws_s3_bucket.data.arn}/*" }]
  })"""
    folder = _write(
        tmp_path,
        _ROLE.format(name="objects", policy=only_objects)
        + _ROLE.format(name="beside", policy=beside)
        + _ROLE.format(name="narrow", policy=narrow),
    )
    admin = _statuses(folder, "iam_role_no_admin")
    assert admin["aws_iam_role.beside"] == "fail"
    assert admin["aws_iam_role.objects"] == "unknown"  # every action, but on an ARN known only after apply
    assert admin["aws_iam_role.narrow"] in ("pass", "unknown")
    managers = _statuses(folder, "iam_boundary_on_iam_managers")
    assert managers["aws_iam_role.objects"] == "fail"  # Action "*" is literal: it can create roles
    assert "aws_iam_role.narrow" not in managers or managers["aws_iam_role.narrow"] != "fail"
    for rule in ("iam_role_no_admin", "iam_role_no_broad_access"):
        assert _statuses(folder, rule)["aws_iam_role.narrow"] != "fail"


def test_dynamic_statement_over_an_unknown_collection_is_not_a_pass(tmp_path: Path) -> None:
    folder = _write(
        tmp_path,
        """
variable "extra_statements" {
  type = list(object({ actions = list(string), resources = list(string) }))
}

data "aws_iam_policy_document" "app" {
  statement {
    actions   = ["logs:PutLogEvents"]
    resources = ["arn:aws:logs:eu-west-1:111122223333:log-group:/app:*"]
  }
  dynamic "statement" {
    for_each = var.extra_statements
    content {
      actions   = statement.value.actions
      resources = statement.value.resources
    }
  }
}
"""
        + _ROLE.format(name="app", policy="data.aws_iam_policy_document.app.json"),
    )
    assert _statuses(folder, "iam_role_no_admin") == {"aws_iam_role.app": "unknown"}


def test_source_and_override_documents_merge_by_sid(tmp_path: Path) -> None:
    folder = _write(
        tmp_path,
        """
variable "override" {
  type = string
}

data "aws_iam_policy_document" "base" {
  statement {
    sid       = "Ops"
    actions   = ["*"]
    resources = ["*"]
  }
}

data "aws_iam_policy_document" "inherits" {
  source_policy_documents = [data.aws_iam_policy_document.base.json]
  statement {
    actions   = ["sqs:SendMessage"]
    resources = ["arn:aws:sqs:eu-west-1:111122223333:jobs"]
  }
}

data "aws_iam_policy_document" "narrowed" {
  source_policy_documents = [data.aws_iam_policy_document.base.json]
  statement {
    sid       = "Ops"
    actions   = ["cloudwatch:GetMetricData"]
    resources = ["*"]
  }
}

data "aws_iam_policy_document" "overridden" {
  source_policy_documents   = [data.aws_iam_policy_document.base.json]
  override_policy_documents = [var.override]
}
"""
        + _ROLE.format(name="inherits", policy="data.aws_iam_policy_document.inherits.json")
        + _ROLE.format(name="narrowed", policy="data.aws_iam_policy_document.narrowed.json")
        + _ROLE.format(name="overridden", policy="data.aws_iam_policy_document.overridden.json"),
    )
    assert _statuses(folder, "iam_role_no_admin") == {
        "aws_iam_role.inherits": "fail",
        "aws_iam_role.narrowed": "pass",
        "aws_iam_role.overridden": "unknown",  # an unknown override may replace the "Ops" statement
    }


def test_templates_that_are_not_json_stay_wholly_unknown(tmp_path: Path) -> None:
    folder = tmp_path / "t"
    folder.mkdir()
    (folder / "main.tf").write_text(
        """
variable "token" {
  type = string
}

resource "aws_instance" "app" {
  ami           = "ami-12345678"
  instance_type = "t3.micro"
  user_data     = <<-EOT
    #!/bin/bash
    echo "${var.token}" > /etc/app/token
  EOT
  tags = {
    Config = "cfg=${jsonencode({ level = "debug", retries = 3 })}"
  }
}
"""
    )
    tfs, errors = load_hcl(folder)
    assert errors == []
    values = tfs[0].values
    assert isinstance(values["user_data"], Unresolved)
    assert values["tags"]["Config"] == 'cfg={"level":"debug","retries":3}'  # jsonencode as text


def _values(tmp_path: Path, body: str, **variables: object) -> dict[str, object]:
    folder = tmp_path / "syntax"
    folder.mkdir(exist_ok=True)
    (folder / "main.tf").write_text(body)
    tfs, errors = load_hcl(folder, variables)
    assert errors == []
    return tfs[0].values


def test_the_parser_keeps_terraform_semantics(tmp_path: Path) -> None:
    body = """
variable "env" {
  default = "dev"
}

locals {
  replicas = var.env == "prod" ? 3 : var.env == "stage" ? 2 : 1 # chained conditionals nest to the right
  subnets  = [{ id = "a" }, { id = "b" }]
}

resource "aws_ebs_volume" "v" {
  availability_zone = "eu-west-2a"
  size              = (local.replicas + 1) * 2 - 10 / 5 % 3
  tags = {
    Replicas = local.replicas
    Edges    = "  ${var.env} data key  "
    Escaped  = "$${aws:username} %%{x} \\"q\\""
    Legacy   = local.subnets.1.id
    Splat    = join(",", local.subnets[*].id)
    Attrs    = join(",", local.subnets.*.id)
    Logic    = !(var.env == "prod") && (1 < 2 || false)
    Exponent = 1e3
    Commented = [
      "a", # one
      /* two */ "b",
    ]
    Trimmed = <<-EOT
      line ${var.env}
        indented
    EOT
  }
}
"""
    tags = _values(tmp_path, body)["tags"]
    assert isinstance(tags, dict)
    assert tags["Replicas"] == 1
    assert tags["Edges"] == "  dev data key  "
    assert tags["Escaped"] == '${aws:username} %{x} "q"'
    assert tags["Legacy"] == "b" and tags["Splat"] == "a,b" and tags["Attrs"] == "a,b"
    assert tags["Logic"] is True and tags["Exponent"] == 1000
    assert tags["Commented"] == ["a", "b"]
    assert tags["Trimmed"] == "line dev\n  indented\n"
    assert _values(tmp_path, body, env="stage")["tags"]["Replicas"] == 2  # type: ignore[index]
    assert _values(tmp_path, body, env="prod")["tags"]["Replicas"] == 3  # type: ignore[index]
    assert _values(tmp_path, body)["size"] == 2 * 2 - 10 / 5 % 3


def test_a_syntax_error_names_its_line_and_column_not_its_text(tmp_path: Path) -> None:
    folder = tmp_path / "bad"
    folder.mkdir()
    (folder / "main.tf").write_text(
        'resource "aws_s3_bucket" "b" {\n  bucket = "ok"\n  acl = s3cr3t-Zq8vLx2R $$ !\n}\n'
    )
    result = scan([folder])
    assert len(result.errors) == 1
    error = result.errors[0]
    assert "main.tf:3: cannot parse HCL" in error and "column" in error
    assert "Zq8vLx2R" not in error


def test_splat_over_counted_resources_lists_each_instance(tmp_path: Path) -> None:
    folder = _write(
        tmp_path,
        """
resource "aws_s3_bucket" "reports" {
  count  = 2
  bucket = "reports-${count.index}"
}

data "aws_iam_policy_document" "read" {
  statement {
    actions   = ["s3:GetObject"]
    resources = formatlist("%s/*", aws_s3_bucket.reports[*].arn)
  }
}
"""
        + _ROLE.format(name="reader", policy="data.aws_iam_policy_document.read.json"),
    )
    statement = _policy(folder, "aws_iam_role.reader")["Statement"][0]  # type: ignore[index]
    assert statement["Resource"] == ["arn:aws:s3:::reports-0/*", "arn:aws:s3:::reports-1/*"]
    assert _statuses(folder, "iam_role_no_admin") == {"aws_iam_role.reader": "pass"}


def test_an_unknown_statement_is_never_passed_over(tmp_path: Path) -> None:
    encoded = """jsonencode({
    Version   = "2012-10-17"
    Statement = [var.extra_statement, { Effect = "Allow", Action = "s3:GetObject", Resource = "*" }]
  })"""
    templated = """<<-EOT
    {
      "Version": "2012-10-17",
      "Statement": [
        ${var.extra_statement},
        {"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*"}
      ]
    }
    EOT"""
    folder = _write(
        tmp_path,
        'variable "extra_statement" {}\n'
        + _ROLE.format(name="encoded", policy=encoded)
        + _ROLE.format(name="templated", policy=templated),
    )
    for rule in ("iam_role_no_admin", "iam_role_no_broad_access"):
        assert _statuses(folder, rule) == {
            "aws_iam_role.encoded": "unknown",
            "aws_iam_role.templated": "unknown",
        }
    statements = _policy(folder, "aws_iam_role.templated")["Statement"]
    assert isinstance(statements, list) and isinstance(statements[0]["Effect"], Unresolved)
