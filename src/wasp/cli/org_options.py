"""`wasp review` options for organisation reviews and where tasks run (--org, selectors, --executor)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any, TypeVar

import click

from wasp.cli.options import csv_list
from wasp.errors import InputError

if TYPE_CHECKING:
    from wasp.collect.runner import CollectionStats
    from wasp.model import Workload
    from wasp.org.executor import Executor

F = TypeVar("F", bound=Callable[..., Any])
EXECUTORS = ("threads", "dask", "dask-local")


def org_options(f: F) -> F:
    """--org, the account selectors, --executor and --scheduler."""
    for decorator in reversed(
        (
            click.option(
                "--org", is_flag=True, help="Review the organisation's ACTIVE accounts (as `org: true`)"
            ),
            click.option(
                "--include-ou", metavar="OU[,OU...]", help="Only accounts under these OUs (id, name or path)"
            ),
            click.option("--exclude-ou", metavar="OU[,OU...]", help="Leave out accounts under these OUs"),
            click.option("--include-account", metavar="ID[,ID...]", help="Only (or also) these accounts"),
            click.option("--exclude-account", metavar="ID[,ID...]", help="Leave out these accounts"),
            click.option(
                "--account-tag",
                "account_tags",
                multiple=True,
                metavar="KEY=VALUE",
                help="Only accounts with this Organizations tag (repeatable)",
            ),
            click.option(
                "--executor",
                type=click.Choice(EXECUTORS),
                default="threads",
                show_default=True,
                help="Where tasks run: this process's threads, a Dask scheduler, or a local Dask cluster",
            ),
            click.option(
                "--scheduler", metavar="tcp://HOST:8786", help="The Dask scheduler (with --executor dask)"
            ),
            click.option(
                "--per-account-concurrency",
                type=click.IntRange(1, 1000),
                metavar="N",
                help="Tasks of one account at once, on all workers together (default 6; docs/org.md)",
            ),
            click.option(
                "--per-service-concurrency",
                type=click.IntRange(1, 1000),
                metavar="N",
                help="Tasks of one service in one account at once (default 3)",
            ),
        )
    ):
        f = decorator(f)
    return f


@dataclass(frozen=True)
class OrgFlags:
    """The values of :func:`org_options`."""

    org: bool = False
    include_ou: str | None = None
    exclude_ou: str | None = None
    include_account: str | None = None
    exclude_account: str | None = None
    account_tags: tuple[str, ...] = ()
    executor: str = "threads"
    scheduler: str | None = None
    per_account_concurrency: int | None = None
    per_service_concurrency: int | None = None

    def apply(self, workload: Workload) -> Workload:
        """``workload`` with --org and the selectors added to its own ``org_scope``."""
        from wasp.cli.checks import check_accounts

        scope = workload.org_scope
        tags = dict(scope.account_tags)
        for text in self.account_tags:
            key, sep, value = text.partition("=")
            if not sep or not key:
                raise InputError(
                    f"--account-tag {text!r}: write KEY=VALUE, e.g. --account-tag environment=prod"
                )
            tags[key] = value
        scope = replace(
            scope,
            include_ous=(*scope.include_ous, *csv_list(self.include_ou)),
            exclude_ous=(*scope.exclude_ous, *csv_list(self.exclude_ou)),
            include_accounts=(
                *scope.include_accounts,
                *check_accounts(csv_list(self.include_account), "--include-account"),
            ),
            exclude_accounts=(
                *scope.exclude_accounts,
                *check_accounts(csv_list(self.exclude_account), "--exclude-account"),
            ),
            account_tags=tuple(sorted(tags.items())),
        )
        org = workload.org or self.org
        if scope != workload.org_scope and not org:
            raise InputError(
                "--include-ou/--exclude-ou/--include-account/--exclude-account/--account-tag "
                "select organisation accounts: add --org"
            )
        return replace(workload, org=org, org_scope=scope)

    def executor_for(self, workers: int) -> Executor | None:
        """The chosen executor (None: the default threads with the default limits, unless --scheduler is
        misplaced)."""
        from wasp.org.executor import make_executor
        from wasp.org.limits import PER_ACCOUNT, PER_SERVICE

        per_account, per_service = self.per_account_concurrency, self.per_service_concurrency
        if self.executor == "threads" and not self.scheduler and per_account is None and per_service is None:
            return None
        return make_executor(
            self.executor, workers, self.scheduler, per_account or PER_ACCOUNT, per_service or PER_SERVICE
        )


def print_accounts(stats: CollectionStats) -> None:
    """How many selected accounts were reviewed, and one line per account that could not be opened."""
    from wasp.cli.console import err, safe

    if stats.accounts_selected <= 1 and not stats.unopened:
        return
    err.print(
        f"reviewed {stats.accounts_reviewed} of {stats.accounts_selected} selected accounts"
        + (
            f"; {len(stats.unopened)} could not be opened (their practices are not assessed):"
            if stats.unopened
            else ""
        )
    )
    for line in stats.unopened[:20]:
        err.print(f"  {safe(line)}")
    if len(stats.unopened) > 20:
        err.print(f"  ... and {len(stats.unopened) - 20} more (see the gaps in review.json)")
    if stats.worker_findings is not None:  # the tasks decided what needs only their resources (docs/org.md)
        err.print(f"findings evaluated on workers: {stats.findings_on_workers} of {stats.findings_total}")
