"""CloudFormation parameter files: the CLI's list form, a plain mapping, or CodePipeline's configuration."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from wasp.errors import InputError
from wasp.limits import FileKind, read_text

WHAT = "parameter file"

FORMS = (
    '[{"ParameterKey": "Env", "ParameterValue": "prod"}], {"Env": "prod"} or {"Parameters": {"Env": "prod"}}'
)


def load_parameter_file(path: Path) -> dict[str, Any]:
    """Parameter values from a JSON or YAML file; anything else is one InputError naming the file."""
    from wasp import yamlguard  # YAML is imported only when a parameter file is read

    text = read_text(path, FileKind.TEMPLATE, WHAT)
    try:
        data = json.loads(text) if path.suffix.lower() == ".json" else yamlguard.load(text, path, WHAT)
    except json.JSONDecodeError as exc:
        raise InputError(
            f"{path}:{exc.lineno}: the parameter file is not JSON ({exc.msg}, column {exc.colno})"
        ) from exc
    except RecursionError as exc:
        raise InputError(f"{path}: not a parameter file (it nests too deeply)") from exc
    if isinstance(data, dict) and isinstance(data.get("Parameters"), dict):
        data = data["Parameters"]
    if isinstance(data, list) and all(isinstance(p, dict) and "ParameterKey" in p for p in data):
        return {str(p["ParameterKey"]): p.get("ParameterValue") for p in data}
    if isinstance(data, dict) and all(
        not isinstance(v, dict | list) or isinstance(v, list) for v in data.values()
    ):
        return {str(k): ",".join(map(str, v)) if isinstance(v, list) else v for k, v in data.items()}
    raise InputError(f"{path}: not a parameter file; expected {FORMS}")
