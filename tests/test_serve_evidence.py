"""A finding's detail page shows the evidence its rule read (escaped, loaded for that finding only), and each
best practice links to its AWS guidance page."""

from __future__ import annotations

import copy
import csv
import json
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("fastapi")

from serve_support import EVIL, client, hostile, login, make_store
from wasp.serve.guidance import BASE, guidance_links
from wasp.store import Store

CATALOGUE_CSV = Path("/work/shared/reference/security-pillar-best-practices.csv")


def _with_evidence(doc: dict[str, Any]) -> dict[str, Any]:
    """The hostile review, its first finding carrying markup in an evidence path and value."""
    doc = hostile(doc)
    first = doc["findings"][0]
    first["evidence"] = {
        **first.get("evidence", {}),
        "Tags.Name": EVIL,
        f"{EVIL}.path": {"nested": [1, "two"]},
    }
    return doc


@pytest.fixture()
def store_doc(tmp_path: Path, demo_doc: dict[str, Any]) -> tuple[Store, dict[str, Any]]:
    doc = _with_evidence(copy.deepcopy(demo_doc))
    return make_store(str(tmp_path / "wasp.db"), doc), doc


def test_finding_page_shows_the_recorded_evidence_escaped(store_doc: tuple[Store, dict[str, Any]]) -> None:
    store, doc = store_doc
    c = client(store)
    login(c, "vera")
    first = doc["findings"][0]
    r = c.get(f"/reviews/1/findings/{first['id']}")
    assert r.status_code == 200
    assert EVIL not in r.text and "&lt;script&gt;alert(1)&lt;/script&gt;" in r.text
    assert first["rule"] in r.text and "Evidence the rule read" in r.text
    assert "&#34;nested&#34;" in r.text or "&quot;nested&quot;" in r.text
    for path in first["evidence"]:
        if EVIL not in path:
            assert f"<code>{path}</code>" in r.text
    api = c.get(f"/api/reviews/1/findings/{first['id']}").json()
    assert api["evidence"] == json.loads(json.dumps(first["evidence"]))
    assert api["rule"] == first["rule"] and api["id"] == first["id"]


def test_question_page_links_each_finding_to_its_evidence(store_doc: tuple[Store, dict[str, Any]]) -> None:
    store, doc = store_doc
    c = client(store)
    login(c, "vera")
    first = doc["findings"][0]
    bp = first["best_practices"][0]
    html = c.get(f"/w/{doc['workload']}/q/{bp[:5]}", params={"resource_type": first["resource"]["type"]}).text
    assert f'href="/reviews/1/findings/{first["id"]}"' in html


def test_unknown_finding_or_review_is_404_and_needs_a_login(store_doc: tuple[Store, dict[str, Any]]) -> None:
    store, doc = store_doc
    c = client(store)
    assert c.get(f"/api/reviews/1/findings/{doc['findings'][0]['id']}").status_code == 401
    assert c.get(f"/reviews/1/findings/{doc['findings'][0]['id']}").status_code == 303
    login(c, "vera")
    assert c.get("/reviews/1/findings/f-0000000000000000").status_code == 404
    assert c.get(f"/api/reviews/99/findings/{doc['findings'][0]['id']}").status_code == 404


def test_guidance_links_follow_the_documentation_page_names(store_doc: tuple[Store, dict[str, Any]]) -> None:
    links = guidance_links()
    assert len(links) == 63
    assert links["SEC01-BP01"] == f"{BASE}sec_securely_operate_multi_accounts.html"
    if CATALOGUE_CSV.exists():
        with CATALOGUE_CSV.open(encoding="utf-8") as fh:
            slugs = {row["bp_id"]: row["doc_slug"] for row in csv.DictReader(fh)}
        assert {bp: f"{BASE}{slug}.html" for bp, slug in slugs.items()} == links
    store, doc = store_doc
    c = client(store)
    login(c, "vera")
    r = c.get(f"/w/{doc['workload']}/q/SEC01")
    assert f'href="{BASE}sec_securely_operate_multi_accounts.html"' in r.text
    assert r.headers["content-security-policy"].startswith("default-src 'none'")
