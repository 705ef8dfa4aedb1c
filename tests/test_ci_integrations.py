"""The CI integrations: the composite GitHub Action, the pre-commit hook and the Dockerfile, each exercised."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).parent / "fixtures"
PAYMENTS = FIXTURES / "cfn" / "payments.yaml"
NOT_TEMPLATES = FIXTURES / "iac" / "not_templates"
WASP = f"{sys.executable} -m wasp"
"""The wasp under test (this checkout), as the Action's WASP_BIN and the hook's entry."""


def _env(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("GITHUB_", "WASP_"))}
    env["PYTHONPATH"] = str(ROOT / "src")
    env.update(extra)
    return env


# -- the GitHub Action ---------------------------------------------------------------------------------------

EXPRESSION = re.compile(r"\$\{\{\s*([^}]+?)\s*\}\}")


def _action() -> dict[str, Any]:
    doc: dict[str, Any] = yaml.safe_load((ROOT / "action.yml").read_text())
    return doc


def _resolve(text: str, inputs: dict[str, str]) -> str:
    def value(m: re.Match[str]) -> str:
        expr = m.group(1)
        if expr.startswith("inputs."):
            return inputs[expr.removeprefix("inputs.")]
        if expr == "github.action_path":
            return str(ROOT)
        raise AssertionError(f"an expression the test does not know: {expr}")

    return EXPRESSION.sub(value, text)


def _run_action(workdir: Path, given: dict[str, str]) -> tuple[int, dict[str, str], str]:
    """Run the Action's shell steps in order as GitHub does (bash -eo pipefail, GITHUB_ENV, GITHUB_OUTPUT)."""
    action = _action()
    inputs = {name: str(spec.get("default", "")) for name, spec in action["inputs"].items()}
    inputs.update(given)
    env = _env(WASP_BIN=WASP)
    github_env, github_output = workdir.parent / "github_env", workdir.parent / "github_output"
    code, log = 0, ""
    for step in action["runs"]["steps"]:
        if "run" not in step:
            continue
        github_env.write_text("")
        github_output.write_text("")
        step_env = {k: _resolve(str(v), inputs) for k, v in (step.get("env") or {}).items()}
        script = workdir.parent / "step.sh"
        script.write_text(step["run"])
        done = subprocess.run(
            ["bash", "--noprofile", "--norc", "-eo", "pipefail", str(script)],
            cwd=workdir,
            env={**env, **step_env, "GITHUB_ENV": str(github_env), "GITHUB_OUTPUT": str(github_output)},
            capture_output=True,
            text=True,
            timeout=300,
        )
        log += done.stdout + done.stderr
        env.update(line.split("=", 1) for line in github_env.read_text().splitlines() if "=" in line)
        code = done.returncode
        if code != 0:
            break
    outputs = dict(line.split("=", 1) for line in github_output.read_text().splitlines() if "=" in line)
    return code, outputs, log


def test_the_action_passes_inputs_through_env_only() -> None:
    action = _action()
    assert action["runs"]["using"] == "composite"
    for step in action["runs"]["steps"]:
        assert "${{" not in step.get("run", ""), step["name"]  # no script injection from input values
    install = next(s for s in action["runs"]["steps"] if s["name"] == "Install wasp")["run"]
    assert '-r "$ACTION_PATH/requirements/core.lock"' in install and '--no-deps "$ACTION_PATH"' in install
    upload = next(s for s in action["runs"]["steps"] if "upload-sarif" in s.get("uses", ""))
    assert upload["with"]["sarif_file"] == "${{ inputs.output }}"
    assert "inputs.format == 'sarif'" in upload["if"] and upload["if"].startswith("always()")
    assert "steps.scan.outputs.report != ''" in upload["if"]  # only a report the scan step wrote is uploaded
    assert (ROOT / "requirements" / "core.lock").is_file()


def test_the_action_scans_a_repository(tmp_path: Path) -> None:
    repo = tmp_path / "repo"
    (repo / "infra").mkdir(parents=True)
    shutil.copy(PAYMENTS, repo / "infra" / "payments.yaml")
    shutil.copy(NOT_TEMPLATES / "serverless.yml", repo / "serverless.yml")
    shutil.copy(NOT_TEMPLATES / "package.json", repo / "package.json")
    code, outputs, log = _run_action(repo, {})
    assert code == 1, log  # payments.yaml has high and critical failures; fail-on defaults to high
    assert outputs == {"exit-code": "1", "report": "wasp.sarif"}
    run = json.loads((repo / "wasp.sarif").read_text())["runs"][0]
    uris = {r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in run["results"]}
    assert uris == {"infra/payments.yaml"}  # relative to %SRCROOT%, the checkout
    assert run["invocations"][0]["executionSuccessful"] is True

    code, outputs, log = _run_action(
        repo,
        {
            "paths": "infra serverless.yml",
            "format": "json",
            "output": "",
            "fail-on": "",
            "args": "--check CKV_AWS_3",
        },
    )
    assert code == 0 and outputs == {"exit-code": "0"}, log  # no report file: nothing to upload
    report = json.loads(log[log.index("{") : log.rindex("}") + 1])
    assert {f["rule"] for f in report["findings"]} == {"ebs_volume_encrypted"}
    assert "serverless.yml: not scanned" in log


# -- the pre-commit hook -------------------------------------------------------------------------------------


def _hook() -> dict[str, Any]:
    (hook,) = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text())
    assert isinstance(hook, dict)
    return hook


def test_the_hook_definition() -> None:
    hook = _hook()
    assert hook["id"] == "wasp-scan" and hook["language"] == "python" and hook["entry"] == "wasp scan"
    assert hook["pass_filenames"] is True
    files, exclude = re.compile(hook["files"]), re.compile(hook["exclude"])
    chosen = [p for p in ("main.tf", "stack.yaml", "t.yml", "plan.json", "x.template", "README.md", "app.py")]
    assert [p for p in chosen if files.search(p)] == [
        "main.tf",
        "stack.yaml",
        "t.yml",
        "plan.json",
        "x.template",
    ]
    assert exclude.search("modules/.terraform/modules/x/main.tf") and not exclude.search("infra/main.tf")


def _git_repo(path: Path) -> Path:
    path.mkdir()
    shutil.copytree(NOT_TEMPLATES, path / "app")
    (path / "infra").mkdir()
    shutil.copy(PAYMENTS, path / "infra" / "payments.yaml")
    (path / "tf").mkdir()
    (path / "tf" / "main.tf").write_text(
        'resource "aws_ebs_volume" "v" {\n  availability_zone = "eu-west-2a"\n  size = 8\n  encrypted = true\n}\n'
    )
    return path


def test_the_hook_as_pre_commit_runs_it(tmp_path: Path) -> None:
    """What pre-commit does with the hook: the entry, its args, then the staged files its patterns select."""
    hook = _hook()
    repo = _git_repo(tmp_path / "repo")
    files, exclude = re.compile(hook["files"]), re.compile(hook["exclude"])
    staged = sorted(
        p.relative_to(repo).as_posix()
        for p in repo.rglob("*")
        if p.is_file() and not exclude.search(p.as_posix())
    )
    entry = [*WASP.split(), *hook["entry"].split()[1:], *hook["args"]]

    def commit(paths: list[str]) -> subprocess.CompletedProcess[str]:
        selected = [p for p in paths if files.search(p)]
        return subprocess.run(
            [*entry, *selected], cwd=repo, env=_env(), capture_output=True, text=True, timeout=300
        )

    only_other = commit([p for p in staged if p.startswith("app/") and p != "app/template.yaml"])
    assert only_other.returncode == 0, (
        only_other.stderr
    )  # package.json, serverless.yml, workflows: no failure
    terraform = commit(["tf/main.tf", "app/package.json"])
    assert terraform.returncode == 0 and "Traceback" not in terraform.stderr, terraform.stderr
    everything = commit(staged)
    assert everything.returncode == 1, everything.stderr  # payments.yaml fails at high


def _pre_commit() -> str | None:
    """pre-commit from the dev lock, beside the interpreter running the tests (.venv/bin is not on PATH)."""
    beside = Path(sys.executable).parent / "pre-commit"
    return str(beside) if beside.exists() else shutil.which("pre-commit")


@pytest.mark.slow  # builds the hook's own environment: pip installs wasp and its dependencies
@pytest.mark.skipif(_pre_commit() is None, reason="pre-commit is not installed (it is in the dev lock)")
def test_the_hook_with_pre_commit_try_repo(tmp_path: Path) -> None:
    repo = _git_repo(tmp_path / "repo")
    for args in (
        ["init", "-q"],
        ["add", "."],
        ["-c", "user.email=t@t", "-c", "user.name=t", "commit", "-qm", "x"],
    ):
        subprocess.run(["git", *args], cwd=repo, check=True, timeout=60)
    done = subprocess.run(
        [str(_pre_commit()), "try-repo", str(ROOT), "wasp-scan", "--all-files"],
        cwd=repo,
        capture_output=True,
        text=True,
        timeout=900,
    )
    assert done.returncode == 1 and "wasp scan" in done.stdout, done.stdout + done.stderr


# -- the Dockerfile ----------------------------------------------------------------------------------------


def _instructions() -> list[tuple[str, str]]:
    text = (ROOT / "Dockerfile").read_text().replace("\\\n", " ")
    out = []
    for line in text.splitlines():
        if line.strip() and not line.lstrip().startswith("#"):
            keyword, _, rest = line.strip().partition(" ")
            out.append((keyword.upper(), " ".join(rest.split())))
    return out


@pytest.mark.skipif(shutil.which("hadolint") is None, reason="hadolint is not installed")
def test_the_dockerfile_with_hadolint() -> None:  # pragma: no cover - needs hadolint
    done = subprocess.run(["hadolint", str(ROOT / "Dockerfile")], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stdout


def test_the_dockerfile_is_slim_pinned_and_non_root() -> None:
    steps = _instructions()
    images = [rest.split()[0] for keyword, rest in steps if keyword == "FROM"]
    assert images and all(i.startswith("python:3.12-slim") for i in images)
    assert not any(i.endswith(":latest") or ":" not in i for i in images)
    final = steps[max(i for i, (keyword, _) in enumerate(steps) if keyword == "FROM") :]
    users = [rest for keyword, rest in final if keyword == "USER"]
    assert users and users[-1] not in ("root", "0")
    assert ("WORKDIR", "/src") in final
    assert ("ENTRYPOINT", '["wasp", "scan"]') in final  # exec form: signals reach wasp, no shell
    runs = [rest for keyword, rest in steps if keyword == "RUN"]
    assert any("-r requirements/core.lock" in r for r in runs) and any("--no-deps ." in r for r in runs)
    assert all("--no-cache-dir" in r for r in runs if "pip install" in r)
    copied = [rest.split()[0] for keyword, rest in steps if keyword == "COPY" and "--from" not in rest]
    assert all((ROOT / c).exists() for c in copied)  # everything the build copies is in the repository


@pytest.mark.slow
def test_the_dockerfile_install_in_a_venv(tmp_path: Path) -> None:
    """The Dockerfile's RUN lines, done with uv from its cache (no network), then its entrypoint."""
    uv = shutil.which("uv") or str(Path(sys.executable).parent / "uv")
    venv = tmp_path / "venv"
    subprocess.run([uv, "venv", "-q", str(venv)], check=True, timeout=120)
    python = str(venv / "bin" / "python")
    lock = subprocess.run(
        [
            uv,
            "pip",
            "install",
            "-q",
            "--offline",
            "--python",
            python,
            "-r",
            str(ROOT / "requirements" / "core.lock"),
        ],
        capture_output=True,
        text=True,
        timeout=600,
    )
    if lock.returncode != 0:
        pytest.skip(
            f"the locked packages are not in uv's cache and there is no network: {lock.stderr[-200:]}"
        )
    subprocess.run(
        [uv, "pip", "install", "-q", "--offline", "--python", python, "--no-deps", str(ROOT)],
        check=True,
        timeout=600,
    )
    done = subprocess.run(
        [str(venv / "bin" / "wasp"), "scan", "."],
        cwd=NOT_TEMPLATES,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0 and "1 source(s)" in done.stdout, done.stderr
