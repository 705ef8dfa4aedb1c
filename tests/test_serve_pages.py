"""`wasp serve` behaviour: dashboard, question pages with findings filtered in SQL, the questionnaire with
history and export, re-deciding, the plan with accepted risks as waivers, milestones and diff; the CLI."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml

pytest.importorskip("fastapi")

from serve_support import PASSWORD, client, login, make_store
from wasp.attest import load_attestations
from wasp.catalogue import load_catalogue
from wasp.cli.serve_cmd import bind_warning
from wasp.store import Store, open_store
from wasp.store.waivers import stored_waivers

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture()
def store(tmp_path: Path, demo_doc: dict[str, Any]) -> Store:
    return make_store(str(tmp_path / "wasp.db"), demo_doc)


def _open_practice(doc: dict[str, Any], question: str, risk: str) -> dict[str, Any]:
    """An attested or hybrid practice of the question that no failing finding decides."""
    for q in doc["questions"]:
        if q["id"] == question:
            for bp in q["best_practices"]:
                if (
                    bp["evidence_mode"] in ("attested", "hybrid")
                    and bp["risk"] == risk
                    and bp["status"] != "not_met"
                ):
                    return dict(bp)
    pytest.skip(f"no open {risk}-risk practice in {question}")


def test_dashboard_shows_risk_counts_and_trend(store: Store, demo_doc: dict[str, Any]) -> None:
    c = client(store)
    login(c, "vera")
    html = c.get("/").text
    assert demo_doc["workload"] in html
    assert f"<strong>{demo_doc['summary']['best_practices']['met']}</strong> met" in html
    assert f"<strong>{demo_doc['summary']['findings']['fail']}</strong> failing findings" in html
    assert "<svg" in html and "<polyline" in html and 'aria-label="Trend:' in html
    for q in demo_doc["questions"]:
        assert f'/q/{q["id"]}">{q["id"]}</a>' in html


def test_findings_filter_in_sql_and_paginate(store: Store, demo_doc: dict[str, Any]) -> None:
    c = client(store)
    login(c, "vera")
    w = demo_doc["workload"]
    everything = c.get("/api/reviews/1/findings", params={"per_page": 500}).json()
    assert everything["total"] == len(demo_doc["findings"])
    failing = c.get("/api/reviews/1/findings", params={"status": "fail", "per_page": 500}).json()
    assert failing["total"] == sum(f["status"] == "fail" for f in demo_doc["findings"])
    sev = demo_doc["findings"][0]["severity"]
    by_sev = c.get("/api/reviews/1/findings", params={"severity": sev, "per_page": 2, "page": 2}).json()
    assert by_sev["total"] == sum(f["severity"] == sev for f in demo_doc["findings"])
    assert len(by_sev["findings"]) == min(2, max(by_sev["total"] - 2, 0))
    assert all(f["severity"] == sev for f in by_sev["findings"])
    region = next(f["resource"]["region"] for f in demo_doc["findings"] if f["resource"].get("region"))
    by_region = c.get("/api/reviews/1/findings", params={"region": region, "per_page": 500}).json()
    assert by_region["total"] == sum(f["resource"].get("region") == region for f in demo_doc["findings"])
    q = next(q for q in demo_doc["questions"] if any(bp.get("rules") for bp in q["best_practices"]))
    rules = {r for bp in q["best_practices"] for r in bp.get("rules", [])}
    in_q = c.get("/api/reviews/1/findings", params={"question": q["id"], "per_page": 500}).json()
    assert in_q["total"] == sum(f["rule"] in rules for f in demo_doc["findings"])
    page = c.get(f"/w/{w}/q/{q['id']}", params={"severity": "no-such"}).text
    assert "Findings (0)" in page and "No findings match" in page


def test_answering_re_deciding_and_the_plan(store: Store, demo_doc: dict[str, Any]) -> None:
    w = demo_doc["workload"]
    bp = _open_practice(demo_doc, "SEC11", "high")
    c = client(store)
    assert next(q["risk"] for q in demo_doc["questions"] if q["id"] == "SEC11") == "medium"
    csrf = login(c, "stan")  # a stakeholder of SEC10 and SEC11
    r = c.post(
        f"/w/{w}/bp/{bp['id']}/answer",
        data={"answer": "no", "evidence": "https://wiki.example/ir-plan\nnot yet tested", "csrf": csrf},
    )
    assert r.status_code == 303
    now = {q["id"]: q for q in c.get(f"/api/workloads/{w}/questions").json()}
    assert now["SEC11"]["risk"] == "high"  # a high-risk practice answered no
    practice = next(p for p in now["SEC11"]["best_practices"] if p["id"] == bp["id"])
    assert practice["status"] == "not_met" and practice["attestation"]["owner"] == "stan"
    html = c.get(f"/w/{w}/q/SEC11").text
    assert "v1: no by stan" in html
    c.post(f"/w/{w}/bp/{bp['id']}/answer", data={"answer": "partial", "evidence": "half done", "csrf": csrf})
    history = c.get(f"/api/workloads/{w}/practices/{bp['id']}/answers").json()
    assert [h["version"] for h in history] == [2, 1] and history[0]["answer"] == "partial"

    reviewer = client(store)
    rcsrf = login(reviewer, "rita")
    assert reviewer.post(f"/w/{w}/redecide", data={"csrf": rcsrf}).status_code == 303
    latest = reviewer.get("/api/workloads").json()[0]
    assert latest["id"] == 2 and latest["questions"]["SEC11"] == "high"
    plan = reviewer.get(f"/api/workloads/{w}/plan").json()
    assert bp["id"] in [item["best_practice"] for item in plan]


def test_export_writes_an_attestation_file_the_next_review_reads(
    store: Store, demo_doc: dict[str, Any], tmp_path: Path
) -> None:
    w = demo_doc["workload"]
    bp = _open_practice(demo_doc, "SEC11", "high")
    c = client(store)
    csrf = login(c, "rita")
    r = c.post(
        f"/api/workloads/{w}/practices/{bp['id']}/answer",
        json={"answer": "yes", "evidence": ["https://wiki.example/ir-runbook"], "expires": "2099-01-01"},
        headers={"X-CSRF-Token": csrf},
    )
    assert r.status_code == 200
    out = tmp_path / "attestations.yaml"
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "wasp",
            "attest",
            "export",
            "--workload",
            w,
            "-o",
            str(out),
            "--db",
            store.url,
        ],
        capture_output=True,
        text=True,
        env={"PYTHONPATH": str(ROOT / "src"), "PATH": "/usr/bin:/bin", "HOME": str(tmp_path)},
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert yaml.safe_load(out.read_text())["attestations"][bp["id"]]["owner"] == "rita"
    loaded = load_attestations(out, load_catalogue())
    assert [(a.best_practice, a.answer.value) for a in loaded] == [(bp["id"], "yes")]


def test_an_invalid_answer_is_one_clear_message(store: Store, demo_doc: dict[str, Any]) -> None:
    w = demo_doc["workload"]
    bp = _open_practice(demo_doc, "SEC11", "high")
    c = client(store)
    csrf = login(c, "rita")
    r = c.post(
        f"/api/workloads/{w}/practices/{bp['id']}/answer",
        json={"answer": "yes"},
        headers={"X-CSRF-Token": csrf},
    )
    assert r.status_code == 400 and "evidence is required" in r.json()["detail"]
    r = c.post(
        f"/api/workloads/{w}/practices/{bp['id']}/answer",
        json={"answer": "not_applicable"},
        headers={"X-CSRF-Token": csrf},
    )
    assert r.status_code == 400 and "reason is required" in r.json()["detail"]
    r = c.post(f"/w/{w}/bp/SEC99-BP01/answer", data={"answer": "no", "csrf": csrf})
    assert r.status_code in (400, 403)


def test_accepting_a_risk_creates_a_waiver(store: Store, demo_doc: dict[str, Any]) -> None:
    w = demo_doc["workload"]
    item = next(i for i in demo_doc["improvement_plan"] if i["remediation"])
    c = client(store)
    csrf = login(c, "rita")
    short = c.post(
        f"/w/{w}/plan/{item['best_practice']}",
        data={"owner": "platform team", "status": "accepted_risk", "csrf": csrf},
    )
    assert short.status_code == 400 and "needs a reason" in short.text
    r = c.post(
        f"/w/{w}/plan/{item['best_practice']}",
        data={
            "owner": "platform team",
            "status": "accepted_risk",
            "due": "2099-06-30",
            "comment": "legacy bucket, retiring in Q3",
            "waiver_reason": "Retired with the legacy service in Q3; no data added since.",
            "waiver_expires": "2099-09-30",
            "csrf": csrf,
        },
    )
    assert r.status_code == 303
    waivers = {wv.id: wv for wv in stored_waivers(store)}
    accounts = demo_doc["scope"]["accounts"]
    assert accounts  # the demo review names its account: the waivers are scoped to it
    for rem in item["remediation"]:
        for account in accounts:
            wv = waivers[f"plan-{w}-{item['best_practice']}-{rem['rule']}-{account}"]
            assert wv.owner == "platform team" and wv.rule == rem["rule"] and str(wv.expires) == "2099-09-30"
            # accepting a risk in this workload never waives the rule in another account
            assert wv.account == account
    assert all(wv.account != "*" for wv in waivers.values() if wv.id.startswith(f"plan-{w}-"))
    html = c.get(f"/w/{w}/plan").text
    assert "accepted risk" in html and "legacy bucket, retiring in Q3" in html
    tracked = next(
        i for i in c.get(f"/api/workloads/{w}/plan").json() if i["best_practice"] == item["best_practice"]
    )
    assert tracked["tracking"]["status"] == "accepted_risk" and tracked["tracking"]["by"] == "rita"


def test_milestones_and_diff(store: Store, demo_doc: dict[str, Any]) -> None:
    w = demo_doc["workload"]
    c = client(store)
    csrf = login(c, "rita")
    assert c.post("/milestones", data={"workload": w, "name": "baseline", "csrf": csrf}).status_code == 303
    bp = _open_practice(demo_doc, "SEC11", "high")
    c.post(f"/w/{w}/bp/{bp['id']}/answer", data={"answer": "no", "csrf": csrf})
    c.post(f"/w/{w}/redecide", data={"csrf": csrf})
    r = c.post("/api/milestones", json={"workload": w, "name": "after"}, headers={"X-CSRF-Token": csrf})
    assert r.status_code == 200 and r.json()["review"] == 2
    again = c.post("/api/milestones", json={"workload": w, "name": "after"}, headers={"X-CSRF-Token": csrf})
    assert again.status_code == 409
    html = c.get("/diff", params={"a": 1, "b": 2}).text
    assert bp["id"] in html and 'class="changed"' in html
    diff = c.get("/api/diff", params={"a": 1, "b": 2}).json()
    assert any(p["id"] == bp["id"] for p in diff["best_practices"])
    assert "Compare" in c.get("/milestones").text


def test_users_add_reads_the_password_from_stdin_and_refuses_without_a_terminal(tmp_path: Path) -> None:
    db = str(tmp_path / "u.db")
    env = {"PYTHONPATH": str(ROOT / "src"), "PATH": "/usr/bin:/bin", "HOME": str(tmp_path)}
    base = [sys.executable, "-m", "wasp", "users", "add"]
    ok = subprocess.run(
        [
            *base,
            "stan",
            "--role",
            "stakeholder",
            "--questions",
            "SEC01,sec04",
            "--password-stdin",
            "--db",
            db,
        ],
        input=PASSWORD + "\n",
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    assert ok.returncode == 0, ok.stderr
    assert "stan added as stakeholder for SEC01, SEC04" in ok.stderr
    no_tty = subprocess.run(
        [*base, "x", "--role", "viewer", "--db", db],
        capture_output=True,
        text=True,
        env=env,
        stdin=subprocess.DEVNULL,
        check=False,
    )
    assert no_tty.returncode == 2 and "--password-stdin" in no_tty.stderr and "Traceback" not in no_tty.stderr
    bad = subprocess.run(
        [*base, "y", "--role", "stakeholder", "--questions", "SEC12", "--password-stdin", "--db", db],
        input=PASSWORD + "\n",
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    assert bad.returncode == 2 and "SEC12 is not a question id" in bad.stderr
    dup = subprocess.run(
        [*base, "stan", "--role", "viewer", "--password-stdin", "--db", db],
        input=PASSWORD + "\n",
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    assert dup.returncode == 2 and "already exists" in dup.stderr
    from wasp.serve.users import authenticate

    store = open_store(db)
    assert authenticate(store, "stan", PASSWORD) is not None
    assert authenticate(store, "stan", PASSWORD + "x") is None


@pytest.mark.parametrize(
    ("host", "tls", "proxy", "warns"),
    [
        ("127.0.0.1", False, False, False),
        ("localhost", False, False, False),
        ("::1", False, False, False),
        ("0.0.0.0", False, False, True),
        ("0.0.0.0", True, False, False),
        ("0.0.0.0", False, True, False),
        ("wasp.example", False, False, True),
    ],
)
def test_binding_beyond_loopback_without_tls_warns(host: str, tls: bool, proxy: bool, warns: bool) -> None:
    assert (bind_warning(host, tls, proxy) is not None) == warns


def test_serve_refuses_a_certificate_without_its_key(tmp_path: Path) -> None:
    cert = tmp_path / "c.pem"
    cert.write_text("x")
    done = subprocess.run(
        [sys.executable, "-m", "wasp", "serve", "--certfile", str(cert), "--db", str(tmp_path / "s.db")],
        capture_output=True,
        text=True,
        check=False,
        env={"PYTHONPATH": str(ROOT / "src"), "PATH": "/usr/bin:/bin", "HOME": str(tmp_path)},
    )
    assert done.returncode == 2 and "--certfile and --keyfile go together" in done.stderr


def test_wasp_serve_starts_on_loopback_and_answers_with_its_headers(tmp_path: Path) -> None:
    import socket
    import time

    import httpx

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    env = {"PYTHONPATH": str(ROOT / "src"), "PATH": "/usr/bin:/bin", "HOME": str(tmp_path)}
    proc = subprocess.Popen(
        [sys.executable, "-m", "wasp", "serve", "--db", str(tmp_path / "s.db"), "--port", str(port)],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        r = None
        for _ in range(300):
            try:
                r = httpx.get(f"http://127.0.0.1:{port}/login", timeout=2)
                break
            except httpx.TransportError:
                time.sleep(0.1)
        assert r is not None and r.status_code == 200
        assert "frame-ancestors 'none'" in r.headers["content-security-policy"]
        assert "server" not in r.headers  # no version banner
        assert httpx.get(f"http://127.0.0.1:{port}/", timeout=5).status_code == 303
    finally:
        proc.terminate()
        _, err = proc.communicate(timeout=20)
    assert f"open http://127.0.0.1:{port}/login" in err and "warning" not in err


def test_dashboard_shows_the_account_matrix_for_several_accounts(
    tmp_path: Path, demo_doc: dict[str, Any]
) -> None:
    import copy

    doc = copy.deepcopy(demo_doc)
    failing = [f for f in doc["findings"] if f["status"] == "fail"]
    for f in failing[::2]:
        f["resource"]["account"] = "222233334444"
    store = make_store(str(tmp_path / "m.db"), doc)
    c = client(store)
    login(c, "vera")
    html = c.get("/").text
    assert "Failing findings per account and question" in html
    assert '<th scope="row">222233334444</th>' in html
    matrix = c.app.state.reviews.account_matrix(1)  # type: ignore[attr-defined]
    assert sum(matrix["222233334444"].values()) >= len(failing[::2])
    single = client(make_store(str(tmp_path / "s.db"), demo_doc))
    login(single, "vera")
    assert "Failing findings per account" not in single.get("/").text


@pytest.mark.parametrize(
    ("ips", "warns"),
    [(None, False), ("10.0.0.5", False), ("10.0.0.5, 10.0.0.6", False), ("*", True), ("10.0.0.5,*", True)],
)
def test_trusting_forwarded_headers_from_anyone_is_warned_about(ips: str | None, warns: bool) -> None:
    from wasp.cli.serve_cmd import proxy_warning

    assert (proxy_warning(ips) is not None) == warns
