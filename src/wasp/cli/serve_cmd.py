"""`wasp serve`, `wasp users add` and `wasp attest export`: the review store in a browser (needs wasp[serve])."""

from __future__ import annotations

import ipaddress
import os
import sys
from pathlib import Path

import click

from wasp.cli.options import command, db_option, path_type

LOOPBACK = ("localhost",)
SECRET_ENV = "WASP_SERVE_SECRET"
OIDC_SECRET_ENV = "WASP_OIDC_CLIENT_SECRET"


def oidc_secret(secret_file: Path | None) -> str:
    """The OIDC client secret: the file's first line, else the environment variable (never the command line)."""
    from wasp.errors import InputError

    if secret_file is not None:
        try:
            text = secret_file.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            raise InputError(
                f"{secret_file}: cannot read the OIDC client secret ({exc.__class__.__name__})"
            ) from exc
        lines = text.splitlines()
        value = lines[0].strip() if lines else ""
        if not value:
            raise InputError(f"{secret_file}: the OIDC client secret file is empty")
        return value
    value = os.environ.get(OIDC_SECRET_ENV, "").strip()
    if not value:
        raise InputError(
            f"--oidc-issuer needs the client secret: give --oidc-client-secret-file FILE or set {OIDC_SECRET_ENV}"
        )
    return value


def bind_warning(host: str, tls: bool, trusted_proxy: bool) -> str | None:
    """The warning for serving beyond this machine without TLS or a TLS-terminating proxy (None when fine)."""
    if tls or trusted_proxy or host in LOOPBACK:
        return None
    try:
        if ipaddress.ip_address(host).is_loopback:
            return None
    except ValueError:
        pass  # a host name: not known to be loopback, so warn below
    return (
        f"warning: serving on {host} over plain HTTP: passwords and session cookies cross the network unencrypted. "
        "Give --certfile/--keyfile, or put a TLS proxy in front and set --forwarded-allow-ips."
    )


def proxy_warning(forwarded_allow_ips: str | None) -> str | None:
    """The warning for trusting forwarded headers from any address (None when the proxies are named)."""
    if forwarded_allow_ips is None or "*" not in {p.strip() for p in forwarded_allow_ips.split(",")}:
        return None
    return (
        "warning: --forwarded-allow-ips '*' trusts X-Forwarded-For from every client: anyone can claim any address, "
        "so the per-address login limit and the logged client addresses mean nothing. Name the proxy's address."
    )


@command("serve")
@db_option()
@click.option(
    "--host", default="127.0.0.1", show_default=True, metavar="ADDRESS", help="Address to listen on"
)
@click.option(
    "--port", default=8000, show_default=True, type=click.IntRange(1, 65535), metavar="PORT", help="Port"
)
@click.option(
    "--certfile", type=path_type(exists=True, dir_okay=False), metavar="PEM", help="TLS certificate (PEM)"
)
@click.option(
    "--keyfile", type=path_type(exists=True, dir_okay=False), metavar="PEM", help="TLS private key (PEM)"
)
@click.option(
    "--forwarded-allow-ips",
    metavar="IPS",
    default=None,
    help="Trust X-Forwarded-Proto/For from these proxy addresses (a TLS-terminating reverse proxy)",
)
@click.option(
    "--oidc-issuer", metavar="URL", default=None, help="Also log in with this OIDC provider (https)"
)
@click.option(
    "--oidc-client-id", metavar="ID", default=None, help="This server's client id at the OIDC provider"
)
@click.option(
    "--oidc-client-secret-file",
    type=path_type(exists=True, dir_okay=False),
    metavar="FILE",
    help=f"File holding the OIDC client secret (or set {OIDC_SECRET_ENV})",
)
@click.option(
    "--oidc-user-claim", metavar="CLAIM", default=None, hidden=True, help="Removed: users bind by --email"
)
def serve(
    db: str | None,
    host: str,
    port: int,
    certfile: Path | None,
    keyfile: Path | None,
    forwarded_allow_ips: str | None,
    oidc_issuer: str | None,
    oidc_client_id: str | None,
    oidc_client_secret_file: Path | None,
    oidc_user_claim: str | None,
) -> None:
    """Serve the review store in a browser for a team (needs wasp[serve]).

    Dashboard, questions, questionnaire, improvement plan, milestones and diff; JSON under /api/. Everyone logs in (add users with `wasp users add`). Binds to 127.0.0.1 unless --host says otherwise.
    Sessions are signed with WASP_SERVE_SECRET when set; otherwise with a random key, so they end on restart.
    With --oidc-issuer, people may also log in at that provider (needs wasp[oidc]): the first login binds the user
    an admin added with `wasp users add NAME --email ADDRESS` when the provider says that address is verified;
    later logins are that provider account (issuer and sub), never a name. The local role applies.
    """
    from wasp.errors import InputError
    from wasp.extras import require

    if oidc_user_claim is not None:
        raise InputError(
            "--oidc-user-claim is gone: OIDC logins bind by verified email; add users with "
            "`wasp users add NAME --role ROLE --email ADDRESS` and drop the option"
        )
    if (certfile is None) != (keyfile is None):
        raise InputError("--certfile and --keyfile go together: give both for HTTPS")
    require("serve", "fastapi")
    uvicorn = require("serve", "uvicorn")
    from wasp.serve.app import create_app
    from wasp.store import open_store

    oidc = None
    if oidc_issuer or oidc_client_id or oidc_client_secret_file:
        if not (oidc_issuer and oidc_client_id):
            raise InputError("OIDC login needs both --oidc-issuer and --oidc-client-id")
        require("oidc", "authlib")
        from wasp.serve.oidc import OidcConfig

        oidc = OidcConfig(oidc_issuer, oidc_client_id, oidc_secret(oidc_client_secret_file))

    warning = bind_warning(host, certfile is not None, bool(forwarded_allow_ips))
    if warning:
        click.echo(warning, err=True)
    trust = proxy_warning(forwarded_allow_ips)
    if trust:
        click.echo(trust, err=True)
    app = create_app(open_store(db), secret_key=os.environ.get(SECRET_ENV) or None, warm=True, oidc=oidc)
    scheme = "https" if certfile else "http"
    click.echo(f"wasp serve: open {scheme}://{host}:{port}/login (Ctrl+C stops)", err=True)
    uvicorn.run(
        app,
        host=host,
        port=port,
        ssl_certfile=str(certfile) if certfile else None,
        ssl_keyfile=str(keyfile) if keyfile else None,
        proxy_headers=bool(forwarded_allow_ips),
        forwarded_allow_ips=forwarded_allow_ips,
        server_header=False,
        log_level="info",
    )


def _password(name: str, from_stdin: bool) -> str:
    if from_stdin:
        return sys.stdin.readline().rstrip("\r\n")
    if not sys.stdin.isatty():
        from wasp.errors import InputError

        raise InputError("no terminal to ask for the password: pipe it with --password-stdin")
    value: str = click.prompt(f"Password for {name}", hide_input=True, confirmation_prompt=True)
    return value


@command("add")
@click.argument("name")
@click.option(
    "--role",
    required=True,
    type=click.Choice(("admin", "reviewer", "stakeholder", "viewer")),
    help="viewer < stakeholder (assigned questions) < reviewer < admin",
)
@click.option("--questions", metavar="SEC01,SEC04", default=None, help="The questions a stakeholder answers")
@click.option("--password-stdin", is_flag=True, help="Read the password from standard input (one line)")
@click.option(
    "--email",
    metavar="ADDRESS",
    default=None,
    help="Their email address: their first OIDC login binds them when the provider says it is verified",
)
@db_option()
def users_add(
    name: str, role: str, questions: str | None, password_stdin: bool, email: str | None, db: str | None
) -> None:
    """Add a user who can log in to `wasp serve`.

    The password is asked for on a terminal (twice), or read as one line with --password-stdin. With --email,
    the user may also log in at the OIDC provider whose account shows that address, verified.
    """
    from wasp.extras import require

    require("serve", "pwdlib")
    from wasp.serve.users import add_user, parse_email, parse_questions
    from wasp.store import open_store

    assigned = parse_questions(questions)
    address = parse_email(email)
    password = _password(name, password_stdin)
    store = open_store(db)
    user = add_user(store, name, role, password, assigned, email=address)
    scope = f" for {', '.join(user.questions)}" if user.questions else ""
    click.echo(f"user {user.name} added as {user.role}{scope}", err=True)


@command("role")
@click.argument("name")
@click.option(
    "--role",
    required=True,
    type=click.Choice(("admin", "reviewer", "stakeholder", "viewer")),
    help="The new role",
)
@click.option("--questions", metavar="SEC01,SEC04", default=None, help="The questions a stakeholder answers")
@db_option()
def users_role(name: str, role: str, questions: str | None, db: str | None) -> None:
    """Change a user's role; their sessions follow at once.

    Their open sessions have the new role from their next request.
    """
    from wasp.serve.users import parse_questions, set_role
    from wasp.store import open_store

    user = set_role(open_store(db), name, role, parse_questions(questions))
    scope = f" for {', '.join(user.questions)}" if user.questions else ""
    click.echo(f"user {user.name} is now {user.role}{scope}", err=True)


@command("remove")
@click.argument("name")
@db_option()
def users_remove(name: str, db: str | None) -> None:
    """Remove a user; their sessions end at once.

    What they answered keeps their name as its author.
    """
    from wasp.serve.users import remove_user
    from wasp.store import open_store

    remove_user(open_store(db), name)
    click.echo(f"user {name} removed", err=True)


@command("list")
@db_option()
def users_list(db: str | None) -> None:
    """List users, their roles and questions.

    Each line: name, role, questions, email (tab-separated).
    """
    from wasp.report.safe_text import without_controls
    from wasp.serve.users import list_users
    from wasp.store import open_store

    def cell(value: str) -> str:  # one field of a tab-separated line, with no terminal escape sequences
        return without_controls(value).replace("\t", " ").replace("\n", " ")

    for u in list_users(open_store(db)):
        fields = (u["name"], u["role"], ",".join(u["questions"]), u["email"] or "")
        click.echo("\t".join(cell(str(f)) for f in fields))


@command("export")
@click.option("--workload", required=True, metavar="NAME", help="The workload whose answers to export")
@click.option(
    "-o",
    "--output",
    "out",
    type=path_type(dir_okay=False),
    default=None,
    metavar="FILE",
    help="File (default: stdout)",
)
@db_option()
def attest_export(workload: str, out: Path | None, db: str | None) -> None:
    """Write the answers given in `wasp serve` as an attestation file for the next review.

    Pass the file to the next review with --attestations.
    """
    import yaml

    from wasp.serve.answers import export_attestations
    from wasp.store import open_store

    text = yaml.safe_dump(export_attestations(open_store(db), workload), sort_keys=False, allow_unicode=True)
    if out is None:
        click.echo(text, nl=False)
    else:
        out.write_text(text, encoding="utf-8")
        click.echo(f"wrote {out}", err=True)
