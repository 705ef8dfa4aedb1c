"""Generate docs/iac-coverage.md: every Checkov AWS check, and the wasp rule that decides the same property.

Inputs, all in the repository:

- ``scripts/checkov/aws-checks.json``: Checkov's AWS checks for CloudFormation and Terraform (id, policy title,
  resource types), refreshed from a Checkov install with ``--refresh``;
- ``scripts/checkov/not-security.yaml``: the checks that do not bear on the Security Pillar, each with its reason;
- ``scripts/checkov/contrary-to-guidance.yaml``: the checks that demand what current NCSC or NIST guidance advises
  against (set aside, each with its reason and source);
- each rule's ``META.checkov``: the Checkov ids the rule covers.

    .venv/bin/python scripts/checkov_coverage.py                  # write docs/iac-coverage.md
    .venv/bin/python scripts/checkov_coverage.py --check          # exit 1 if the file is out of date
    .venv/bin/python scripts/checkov_coverage.py --refresh /tmp/checkov-venv/bin/checkov

Checkov is never a dependency: install it in a throwaway virtualenv outside the repository to refresh the list.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
CHECKS = ROOT / "scripts" / "checkov" / "aws-checks.json"
NOT_SECURITY = ROOT / "scripts" / "checkov" / "not-security.yaml"
CONTRARY = ROOT / "scripts" / "checkov" / "contrary-to-guidance.yaml"
DOC = ROOT / "docs" / "iac-coverage.md"
TARGET = 0.90


@dataclass(frozen=True)
class Check:
    """One Checkov check: id, title, and the resource types it runs on in each language."""

    id: str
    policy: str
    cloudformation: tuple[str, ...]
    terraform: tuple[str, ...]


def refresh(checkov: str) -> None:
    """Rewrite the check list from ``checkov --list`` (its Markdown-like table)."""
    out = subprocess.run(
        [checkov, "--list", "--framework", "cloudformation,terraform"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    version = subprocess.run(
        [checkov, "--version"], capture_output=True, text=True, check=True
    ).stdout.strip()
    found: dict[str, dict[str, object]] = {}
    for line in out.splitlines():
        cells = [c.strip() for c in line.split("|")]
        if len(cells) < 8 or not cells[2].startswith("CKV"):
            continue
        check_id, entity, policy, iac = cells[2], cells[4], cells[5], cells[6].lower()
        if not (entity.startswith(("aws_", "AWS::")) or entity == "aws"):
            continue
        entry = found.setdefault(
            check_id, {"id": check_id, "policy": policy, "cloudformation": [], "terraform": []}
        )
        key = "cloudformation" if iac == "cloudformation" else "terraform"
        types = entry[key]
        assert isinstance(types, list)
        if entity not in types:
            types.append(entity)
    ordered = sorted(found.values(), key=lambda c: _order(str(c["id"])))
    CHECKS.write_text(json.dumps({"checkov": version, "checks": ordered}, indent=1) + "\n")
    print(f"{len(ordered)} AWS checks from Checkov {version} -> {CHECKS}")


def _order(check_id: str) -> tuple[int, int]:
    prefix, _, number = check_id.rpartition("_")
    return (0 if prefix == "CKV_AWS" else 1, int(number) if number.isdigit() else 0)


def load() -> tuple[str, list[Check], dict[str, str]]:
    """Checkov's version, its AWS checks, and the not-security reasons."""
    data = json.loads(CHECKS.read_text())
    checks = [
        Check(c["id"], c["policy"], tuple(c["cloudformation"]), tuple(c["terraform"])) for c in data["checks"]
    ]
    reasons = {str(k): str(v) for k, v in (yaml.safe_load(NOT_SECURITY.read_text()) or {}).items()}
    return str(data["checkov"]), checks, reasons


def load_contrary() -> dict[str, str]:
    """Checks set aside as contrary to current guidance: id -> "reason (source: ...)"."""
    data = yaml.safe_load(CONTRARY.read_text()) if CONTRARY.exists() else None
    return {
        str(k): f"{str(v['reason']).strip()} (source: {str(v['source']).strip()})"
        for k, v in (data or {}).items()
    }


def claims() -> dict[str, list[tuple[str, tuple[str, ...]]]]:
    """Checkov id -> [(wasp rule, its best practices)] from every rule's META.checkov."""
    sys.path.insert(0, str(ROOT / "src"))
    from wasp.rules import load_rules

    found: dict[str, list[tuple[str, tuple[str, ...]]]] = defaultdict(list)
    for rule in load_rules():
        for check_id in rule.meta.checkov:
            found[check_id].append((rule.id, rule.meta.best_practices))
    return found


def problems(
    checks: list[Check],
    reasons: dict[str, str],
    claimed: dict[str, list[tuple[str, tuple[str, ...]]]],
    contrary: dict[str, str] | None = None,
) -> list[str]:
    """Inconsistencies that make the table wrong: unknown ids, and checks both claimed and set aside."""
    contrary = contrary or {}
    known = {c.id for c in checks}
    out = [
        f"{cid}: claimed by {', '.join(r for r, _ in rules)} but not a Checkov AWS check"
        for cid, rules in claimed.items()
        if cid not in known
    ]
    out += [f"{cid}: in not-security.yaml but not a Checkov AWS check" for cid in reasons if cid not in known]
    out += [
        f"{cid}: both covered by {claimed[cid][0][0]} and listed as not security"
        for cid in reasons
        if cid in claimed
    ]
    out += [
        f"{cid}: in contrary-to-guidance.yaml but not a Checkov AWS check"
        for cid in contrary
        if cid not in known
    ]
    out += [
        f"{cid}: both covered by {claimed[cid][0][0]} and set aside as contrary to guidance"
        for cid in contrary
        if cid in claimed
    ]
    out += [f"{cid}: both not security and contrary to guidance" for cid in contrary if cid in reasons]
    return sorted(out)


def _cell(text: str) -> str:
    return text.replace("\\", "\\\\").replace("|", "\\|").replace("\n", " ")


def render(
    version: str,
    checks: list[Check],
    reasons: dict[str, str],
    claimed: dict[str, list[tuple[str, tuple[str, ...]]]],
    contrary: dict[str, str] | None = None,
) -> str:
    """The Markdown document."""
    contrary = contrary or {}
    security = [c for c in checks if c.id not in reasons and c.id not in contrary]
    covered = [c for c in security if c.id in claimed]
    share = len(covered) / len(security) if security else 1.0
    rules = {rule for entries in claimed.values() for rule, _ in entries}
    lines = [
        "# IaC coverage against Checkov",
        "",
        f"Generated by `scripts/checkov_coverage.py` from Checkov {version}'s AWS checks for CloudFormation and",
        "Terraform (`scripts/checkov/aws-checks.json`), the checks set aside as not bearing on the Security Pillar",
        "(`scripts/checkov/not-security.yaml`, each with its reason), the checks set aside as contrary to current",
        "NCSC or NIST guidance (`scripts/checkov/contrary-to-guidance.yaml`, each with its reason and source) and each",
        "wasp rule's `META.checkov`. Do not edit by hand: run the script; a test fails when this file is out of date.",
        "",
        "A check counts as covered when a wasp rule decides the same property (the same or stricter) on the same",
        "resource, in CloudFormation and Terraform alike, and maps it to a Security Pillar best practice.",
        "`wasp scan --honour-checkov-skips` uses the same table to apply `checkov:skip` comments to wasp's rules.",
        "",
        "| | checks |",
        "|---|---:|",
        f"| Checkov AWS checks | {len(checks)} |",
        f"| not security-pillar | {len(reasons)} |",
        f"| set aside: contrary to current guidance | {len(contrary)} |",
        f"| security-pillar | {len(security)} |",
        f"| covered by a wasp rule | {len(covered)} ({share:.1%}; target {TARGET:.0%}) |",
        f"| not covered yet | {len(security) - len(covered)} |",
        f"| wasp rules that cover them | {len(rules)} |",
        "",
        "| Checkov check | what it checks | resource types | wasp |",
        "|---|---|---|---|",
    ]
    for c in checks:
        types = ", ".join(f"`{t}`" for t in (*c.cloudformation, *c.terraform)[:6])
        more = len(c.cloudformation) + len(c.terraform) - 6
        if more > 0:
            types += f" and {more} more"
        if c.id in claimed:
            wasp = "; ".join(f"`{rule}` ({', '.join(bps)})" for rule, bps in claimed[c.id])
        elif c.id in reasons:
            wasp = f"not security-pillar: {_cell(reasons[c.id])}"
        elif c.id in contrary:
            wasp = f"set aside: contrary to current guidance: {_cell(contrary[c.id])}"
        else:
            wasp = "**not covered**"
        lines.append(f"| {c.id} | {_cell(c.policy)} | {types} | {wasp} |")
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    """Write (or check) docs/iac-coverage.md."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="exit 1 if the document is out of date")
    parser.add_argument(
        "--refresh", metavar="CHECKOV", help="re-read the check list from this Checkov binary"
    )
    args = parser.parse_args(argv)
    if args.refresh:
        refresh(args.refresh)
    version, checks, reasons = load()
    contrary = load_contrary()
    claimed = claims()
    wrong = problems(checks, reasons, claimed, contrary)
    if wrong:
        for line in wrong:
            print(f"checkov_coverage: {line}", file=sys.stderr)
        return 2
    text = render(version, checks, reasons, claimed, contrary)
    if args.check:
        if not DOC.exists() or DOC.read_text() != text:
            print(
                "checkov_coverage: docs/iac-coverage.md is out of date: run scripts/checkov_coverage.py",
                file=sys.stderr,
            )
            return 1
        return 0
    DOC.write_text(text)
    security = sum(1 for c in checks if c.id not in reasons and c.id not in contrary)
    covered = sum(1 for c in checks if c.id not in reasons and c.id not in contrary and c.id in claimed)
    print(
        f"{covered}/{security} security-pillar checks covered ({covered / security:.1%}) -> {DOC.relative_to(ROOT)}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
