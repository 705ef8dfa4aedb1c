"""The subcommand groups (fix, guardrails, waiver, milestone, attest), each lazy like the root: `wasp fix --help`
lists plan and apply without importing them."""

from __future__ import annotations

import click

from wasp.cli.lazy import LazyGroup

fix = LazyGroup(
    "fix",
    help="Remediation: plan (dry run) and apply, with an audit log.",
    lazy={
        "plan": (
            "wasp.cli.fix_cmd:fix_plan",
            "Which failing findings have fixers and the calls each would make (or the input a fix still needs).",
        ),
        "apply": ("wasp.cli.fix_cmd:fix_apply", "Apply the planned fixes, each only if it still fails."),
    },
)

guardrails = LazyGroup(
    "guardrails",
    help="Guardrails that keep the fixes applied.",
    lazy={
        "scp": ("wasp.cli.guardrails_cmd:scp", "Write the six foundational SCPs; attach them with --apply."),
        "remediation-stack": (
            "wasp.cli.guardrails_cmd:remediation_stack",
            "Write a CloudFormation template that keeps the fixes applied.",
        ),
    },
)

waiver = LazyGroup(
    "waiver",
    help="Waivers: accepted risks, stored with an audit trail.",
    lazy={
        "import": ("wasp.cli.waiver_cmd:waiver_import", "Create or update the waivers in a YAML file."),
        "list": ("wasp.cli.waiver_cmd:waiver_list", "Stored waivers; expired ones are marked."),
        "remove": ("wasp.cli.waiver_cmd:waiver_remove", "Remove a waiver (recorded)."),
        "log": ("wasp.cli.waiver_cmd:waiver_log", "The audit trail: who changed which waiver, when, how."),
    },
)

milestone = LazyGroup(
    "milestone",
    help="Milestones: named points in a workload's history.",
    lazy={"create": ("wasp.cli.store_cmd:milestone_create", "Name a stored review as a milestone.")},
)

attest = LazyGroup(
    "attest",
    help="Attestations: what people answer for practices no API can show.",
    lazy={
        "template": (
            "wasp.cli.setup_cmds:attest_template",
            "Write a starter attestation file listing every hybrid and attested best practice.",
        ),
        "export": (
            "wasp.cli.serve_cmd:attest_export",
            "Write the answers given in `wasp serve` as an attestation file for the next review.",
        ),
    },
)

users = LazyGroup(
    "users",
    help="Users of `wasp serve`: add and list.",
    lazy={
        "add": ("wasp.cli.serve_cmd:users_add", "Add a user who can log in to `wasp serve`."),
        "list": ("wasp.cli.serve_cmd:users_list", "List users, their roles and questions."),
        "role": ("wasp.cli.serve_cmd:users_role", "Change a user's role; their sessions follow at once."),
        "remove": ("wasp.cli.serve_cmd:users_remove", "Remove a user; their sessions end at once."),
    },
)

GROUPS: dict[str, click.Group] = {
    "fix": fix,
    "guardrails": guardrails,
    "waiver": waiver,
    "milestone": milestone,
    "attest": attest,
    "users": users,
}
"""Every subgroup by name (the tests walk them)."""
