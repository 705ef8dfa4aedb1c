"""`wasp serve` accessibility, checked in headless Chromium: axe-core (WCAG 2 A and AA rules) on every page type at
1440 px and 390 px wide, no sideways scrolling at either width, and the questionnaire answered with the keyboard
alone (TAB / SHIFT+TAB, arrow keys on radios, SPACE, ENTER) with a visible focus outline on every control."""

from __future__ import annotations

import shutil
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("fastapi")
pytest.importorskip("selenium")

from serve_support import PASSWORD, make_store

pytestmark = pytest.mark.browser
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
DRIVER = shutil.which("chromedriver")
if DRIVER is None or not Path(CHROMIUM).exists():
    pytest.skip(
        "needs chromium and chromedriver (Debian: apt-get install -y chromium chromium-driver)",
        allow_module_level=True,
    )

WIDTHS = (1440, 390)
# axe-core's rule tags for WCAG 2.0 and 2.1, levels A and AA (the bundled axe-core may know only the 2.0 ones).
WCAG_AA = ("wcag2a", "wcag2aa", "wcag21a", "wcag21aa")
# axe's "best practice" rules that #18 asks for as well: one h1, ordered headings, landmarks, a skip link.
ALSO = (
    "page-has-heading-one",
    "heading-order",
    "landmark-one-main",
    "region",
    "skip-link",
    "landmark-unique",
)
RUN_AXE = """
var done = arguments[arguments.length - 1];
var wanted = arguments[0], also = arguments[1];
var known = {}, rules = {};
axe.getRules().forEach(function (r) {
  (r.tags || []).forEach(function (t) { known[t] = true; });
  if (also.indexOf(r.ruleId) >= 0) { rules[r.ruleId] = {enabled: true}; }
});
var tags = wanted.filter(function (t) { return known[t]; });
axe.run(document, {runOnly: {type: "tag", values: tags}, rules: rules}).then(
  function (r) { done({version: axe.version, tags: tags, violations: r.violations, incomplete: r.incomplete}); },
  function (e) { done({error: String(e)}); });
"""
# Elements that reach past the right edge of the window outside a scrolling table box (hidden by overflow, say).
OUTSIDE = """
var limit = document.documentElement.clientWidth + 1, out = [];
document.querySelectorAll("main *, header *").forEach(function (e) {
  if (e.closest(".table-wrap") || e.closest(".skip") || !e.getClientRects().length) { return; }
  var r = e.getBoundingClientRect();
  if (r.right > limit) { out.push(e.tagName.toLowerCase() + (e.id ? "#" + e.id : "") + " right=" + Math.round(r.right)); }
});
return out.slice(0, 10);
"""


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


def _practice(doc: dict[str, Any], question: str, mode: str) -> str:
    """The first practice of a question with the given evidence mode."""
    return next(
        bp["id"]
        for q in doc["questions"]
        if q["id"] == question
        for bp in q["best_practices"]
        if bp["evidence_mode"] == mode
    )


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory, demo_doc: dict[str, Any]) -> Iterator[str]:
    """The app over a store with two reviews, two milestones, an answer with history and a tracked plan item."""
    import uvicorn

    from wasp.serve.answers import record_answer
    from wasp.serve.app import create_app
    from wasp.serve.plan_items import record_item

    store = make_store(str(tmp_path_factory.mktemp("a11y") / "wasp.db"), demo_doc)
    store.save(demo_doc)  # type: ignore[arg-type]
    store.create_milestone("baseline", "1")
    store.create_milestone("now", "2")
    w = demo_doc["workload"]
    bp = _practice(demo_doc, "SEC11", "attested")
    for answer in ("no", "partial"):
        record_answer(
            store, workload=w, practice=bp, answer=answer, actor="rita", evidence=["https://wiki.example/x"]
        )
    item = demo_doc["improvement_plan"][0]
    record_item(
        store, workload=w, practice=item["best_practice"], owner="ops", status="in_progress", actor="rita"
    )
    port = _free_port()
    config = uvicorn.Config(create_app(store), host="127.0.0.1", port=port, log_level="warning")
    srv = uvicorn.Server(config)
    thread = threading.Thread(target=srv.run, daemon=True)
    thread.start()
    for _ in range(200):
        if srv.started:
            break
        time.sleep(0.05)
    assert srv.started, "the server did not start"
    yield f"http://127.0.0.1:{port}"
    srv.should_exit = True
    thread.join(10)


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for arg in (
        "--headless=new",
        "--no-sandbox",
        "--disable-dev-shm-usage",
        "--disable-gpu",
        "--window-size=1440,1000",
    ):
        options.add_argument(arg)
    driver = webdriver.Chrome(service=Service(DRIVER), options=options)
    driver.implicitly_wait(2)
    yield driver
    driver.quit()


def wait(driver: Any, condition: Any) -> None:
    """Wait for a navigation to land: clicks and keys do not always wait for it."""
    from selenium.common.exceptions import NoSuchElementException, StaleElementReferenceException
    from selenium.webdriver.support.ui import WebDriverWait

    WebDriverWait(
        driver, 30, ignored_exceptions=(NoSuchElementException, StaleElementReferenceException)
    ).until(condition)


def log_in(d: Any, server: str, name: str) -> None:
    """Log in through the form (logging out first if a session is open)."""
    from selenium.webdriver.common.by import By

    d.delete_all_cookies()
    d.get(server + "/login")
    d.find_element(By.ID, "name").send_keys(name)
    d.find_element(By.ID, "password").send_keys(PASSWORD)
    d.find_element(By.CSS_SELECTOR, "main form button[type=submit]").click()
    wait(d, lambda drv: drv.title.startswith("Dashboard"))


def axe_violations(d: Any) -> list[dict[str, Any]]:
    """Run axe-core on the current page (WCAG 2 A/AA rules and the rules in ALSO); its violations."""
    axe_module = pytest.importorskip(
        "axe_selenium_python",
        reason="needs axe-selenium-python (pip install 'axe-selenium-python==2.1.6'; the `dev` extra has it)",
    )
    axe_module.Axe(d).inject()
    result = d.execute_async_script(RUN_AXE, list(WCAG_AA), list(ALSO))
    assert "error" not in result, f"axe-core {result}"
    assert {"wcag2a", "wcag2aa"} <= set(result["tags"]), result["tags"]
    # A contrast axe could not decide (e.g. a control drawn by the browser) counts too: set its colours.
    unsure = [v for v in result["incomplete"] if v["id"] == "color-contrast"]
    violations: list[dict[str, Any]] = result["violations"] + unsure
    return violations


def describe(violations: list[dict[str, Any]]) -> str:
    """One line per violated rule and element: id, impact, target and help."""
    lines = []
    for v in violations:
        for node in v["nodes"]:
            lines.append(f"{v['id']} ({v['impact']}) at {' '.join(node['target'])}: {v['help']}")
    return "\n".join(lines)


def open_details(d: Any) -> None:
    """Open every <details> so the forms inside them are checked too."""
    d.execute_script("document.querySelectorAll('details').forEach(function (e) { e.open = true; });")


def check_page(d: Any, name: str, out: Path) -> None:
    """axe at both widths and no sideways scrolling of the page (wide tables scroll in their own box)."""
    problems = []
    for width in WIDTHS:
        d.set_window_size(width, 1000)
        open_details(d)
        overflow = d.execute_script(
            "return document.documentElement.scrollWidth - document.documentElement.clientWidth"
        )
        d.save_screenshot(str(out / f"{name}-{width}.png"))
        if overflow > 0:
            problems.append(f"{name} scrolls sideways by {overflow}px at {width}px")
        outside = d.execute_script(OUTSIDE)
        if outside:
            problems.append(f"{name} at {width}px: cut off at the right edge: {outside}")
        found = axe_violations(d)
        if found:
            problems.append(f"{name} at {width}px:\n{describe(found)}")
    d.set_window_size(1440, 1000)
    assert not problems, "\n".join(problems)


def _pages(doc: dict[str, Any]) -> dict[str, str]:
    w = doc["workload"]
    failing = next(f for f in doc["findings"] if f["status"] == "fail")
    question = next(
        q["id"]
        for q in doc["questions"]
        if any(r == failing["rule"] for bp in q["best_practices"] for r in bp.get("rules", []))
    )
    return {
        "dashboard": "/",
        "question": f"/w/{w}/q/{question}",
        "questionnaire": f"/w/{w}/q/SEC11",
        "finding": f"/reviews/1/findings/{failing['id']}",
        "plan": f"/w/{w}/plan",
        "milestones": "/milestones",
        "diff": "/diff?a=1&b=2",
        "users": "/admin/users",
        "error": "/reviews/999/findings/nope",
    }


PAGES = ("dashboard", "question", "questionnaire", "finding", "plan", "milestones", "diff", "users", "error")


def test_the_login_page_passes_axe(server: str, browser: Any, tmp_path: Path) -> None:
    browser.delete_all_cookies()
    browser.get(server + "/login")
    check_page(browser, "login", tmp_path)


@pytest.mark.parametrize("page", PAGES)
def test_every_page_passes_axe_at_both_widths(
    server: str, browser: Any, tmp_path: Path, demo_doc: dict[str, Any], page: str
) -> None:
    from selenium.webdriver.common.by import By

    d = browser
    path = _pages(demo_doc)[page]
    d.get(server + path)
    if d.current_url.endswith("/login"):
        log_in(d, server, "ada")
        d.get(server + path)
    assert d.current_url == server + path, f"{page} went to {d.current_url}"
    assert d.find_element(By.TAG_NAME, "h1").text not in ("Log in", "Not allowed")
    check_page(d, page, tmp_path)
