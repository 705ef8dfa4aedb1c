"""`wasp serve` accessibility, checked in headless Chromium: axe-core (WCAG 2 A and AA rules) on every page type at
1440 px and 390 px wide, no sideways scrolling at either width, and the questionnaire answered with the keyboard
alone (TAB / SHIFT+TAB, arrow keys on radios, SPACE, ENTER) with a visible focus outline on every control."""

from __future__ import annotations

import copy
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from browser_support import headless_chromium, served, wait
from serve_support import PASSWORD, make_store

pytestmark = pytest.mark.browser

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

# Table boxes that scroll sideways but are not a named region the keyboard can focus.
UNREACHABLE = """
return Array.prototype.filter.call(document.querySelectorAll(".table-wrap"), function (b) {
  return b.scrollWidth > b.clientWidth + 1 &&
    !(b.getAttribute("tabindex") === "0" && b.getAttribute("role") === "region" && b.getAttribute("aria-label"));
}).map(function (b) { return b.outerHTML.slice(0, 80); });
"""


def _practice(doc: dict[str, Any], question: str, mode: str) -> str:
    """The first practice of a question with the given evidence mode."""
    return next(
        bp["id"]
        for q in doc["questions"]
        if q["id"] == question
        for bp in q["best_practices"]
        if bp["evidence_mode"] == mode
    )


def _org_review(doc: dict[str, Any]) -> dict[str, Any]:
    """The review again, its findings spread over three accounts: the dashboard then shows the account matrix,
    a table of 12 columns that is wider than a phone."""
    doc = copy.deepcopy(doc)
    for i, finding in enumerate(doc["findings"]):
        finding["resource"]["account"] = ("111111111111", "222222222222", "333333333333")[i % 3]
    return doc


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory, demo_doc: dict[str, Any]) -> Iterator[str]:
    """The app over a store with two reviews, two milestones, an answer with history and a tracked plan item."""
    from wasp.serve.answers import record_answer
    from wasp.serve.app import create_app
    from wasp.serve.plan_items import record_item

    store = make_store(str(tmp_path_factory.mktemp("a11y") / "wasp.db"), demo_doc)
    store.save(_org_review(demo_doc))  # type: ignore[arg-type]
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
    with served(create_app(store)) as url:
        yield url


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    with headless_chromium(implicit_wait=2) as driver:
        yield driver


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
            why = "; ".join(
                c["message"] for c in node.get("any", []) + node.get("all", []) if c.get("message")
            )
            lines.append(f"{v['id']} ({v['impact']}) at {' '.join(node['target'])}: {v['help']} ({why})")
    return "\n".join(lines)


def open_details(d: Any) -> None:
    """Open every <details> so the forms inside them are checked too."""
    d.execute_script("document.querySelectorAll('details').forEach(function (e) { e.open = true; });")


def check_page(d: Any, name: str, out: Path) -> None:
    """axe at both widths and no sideways scrolling of the page (wide tables scroll in their own box)."""
    from selenium.common.exceptions import TimeoutException

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
        try:
            wait(d, lambda drv: not drv.execute_script(UNREACHABLE), timeout=5)
        except TimeoutException:
            problems.append(
                f"{name} at {width}px: tables scroll but the keyboard cannot reach them: "
                f"{d.execute_script(UNREACHABLE)}"
            )
        h1 = d.execute_script("return document.querySelectorAll('h1').length")
        if h1 != 1:
            problems.append(f"{name} has {h1} h1 headings, not one")
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


def test_the_checker_finds_what_it_is_meant_to_find(server: str, browser: Any) -> None:
    """The same check on the login page broken on purpose: an unlabelled field, grey on white text, two h1s."""
    d = browser
    d.delete_all_cookies()
    d.get(server + "/login")
    d.execute_script(
        "document.querySelector('label[for=name]').remove();"
        "document.querySelector('main h1').style.color = '#b0b0b0';"
        "document.querySelector('main').appendChild(document.createElement('h1')).textContent = 'Again';"
    )
    found = {v["id"] for v in axe_violations(d)}
    assert {"label", "color-contrast"} <= found, found


# Every control a keyboard can reach, in document order, each tagged with its position; radios stand for their
# group (TAB stops once per group: at the checked radio, or the first one when none is checked).
FOCUSABLE = """
var sel = "a[href], button, input:not([type=hidden]), select, textarea, summary, [tabindex]";
var seen = {}, order = [];
document.querySelectorAll(sel).forEach(function (e) {
  if (e.disabled || !e.getClientRects().length || e.tabIndex < 0) { return; }
  var closed = e.closest("details:not([open])");
  if (closed && !(e.tagName === "SUMMARY" && e.parentElement === closed)) { return; }  // folded away
  if (e.type === "radio") {
    var group = e.form.querySelectorAll("input[type=radio][name='" + e.name + "']");
    var stop = Array.prototype.find.call(group, function (r) { return r.checked; }) || group[0];
    if (e !== stop) { return; }
  }
  e.dataset.kbd = String(order.length);
  order.push(e.outerHTML.slice(0, 60));
});
return order;
"""
# Where the focus is and whether it is drawn: an outline (2 px or more) or a box shadow.
FOCUSED = """
var e = document.activeElement, s = getComputedStyle(e);
return {idx: e.dataset ? e.dataset.kbd || null : null, tag: e.tagName.toLowerCase(),
        outline: s.outlineStyle !== "none" && parseFloat(s.outlineWidth) >= 2, shadow: s.boxShadow !== "none"};
"""


def press(d: Any, *keys: str) -> None:
    """Keys as a person types them, to whatever has the focus."""
    from selenium.webdriver.common.action_chains import ActionChains

    ActionChains(d).send_keys(*keys).perform()


def tab_to(d: Any, matches: Any, limit: int = 400, back: bool = False) -> Any:
    """Press TAB (or SHIFT+TAB) until the focused element matches; the element."""
    from selenium.webdriver.common.keys import Keys

    for _ in range(limit):
        if back:
            from selenium.webdriver.common.action_chains import ActionChains

            ActionChains(d).key_down(Keys.SHIFT).send_keys(Keys.TAB).key_up(Keys.SHIFT).perform()
        else:
            press(d, Keys.TAB)
        here = d.switch_to.active_element
        if matches(here):
            return here
    raise AssertionError(
        f"TAB never reached the element (last: {here.tag_name} {here.get_attribute('outerHTML')[:120]})"
    )


def test_every_control_of_the_question_page_is_reached_by_tab_in_order_with_a_focus_outline(
    server: str, browser: Any, demo_doc: dict[str, Any]
) -> None:
    from selenium.webdriver.common.keys import Keys

    d = browser
    path = f"/w/{demo_doc['workload']}/q/SEC11"
    d.get(server + path)
    if d.current_url.endswith("/login"):
        log_in(d, server, "ada")
        d.get(server + path)
    assert (
        d.execute_script(
            'return document.querySelectorAll(\'[tabindex]:not([tabindex="0"]):not([tabindex^="-"])\').length'
        )
        == 0
    )
    expected = d.execute_script(FOCUSABLE)
    assert len(expected) > 40, expected  # the page has links, summaries, forms and the findings filters
    reached: list[int] = []
    undrawn = []
    for _ in range(len(expected) * 4):
        press(d, Keys.TAB)
        here = d.execute_script(FOCUSED)
        if here["idx"] is None:
            break  # past the last control: the focus left the page
        idx = int(here["idx"])
        if reached and reached[-1] == idx:
            continue  # the next part of the same control (a date input has three)
        reached.append(idx)
        if not (here["outline"] or here["shadow"]):
            undrawn.append(expected[idx])
    missed = [expected[i] for i in range(len(expected)) if i not in reached]
    assert reached == list(range(len(expected))), (
        "TAB order: "
        + " | ".join(f"{i}: {expected[i]}" for i in reached)
        + "\nnever reached: "
        + " | ".join(missed)
    )
    assert not undrawn, f"focused without a visible outline: {undrawn}"


def test_a_stakeholder_answers_a_practice_with_the_keyboard_only(
    server: str, browser: Any, demo_doc: dict[str, Any]
) -> None:
    from selenium.common.exceptions import TimeoutException
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys

    d = browser
    practice = next(
        bp["id"]
        for q in demo_doc["questions"]
        if q["id"] == "SEC10"
        for bp in q["best_practices"]
        if bp["evidence_mode"] in ("attested", "hybrid")
    )
    d.delete_all_cookies()
    d.get(server + "/login")
    try:  # the field has autofocus, which a headless window does not always honour at once
        wait(d, lambda drv: drv.switch_to.active_element.get_attribute("id") == "name", timeout=3)
    except TimeoutException:
        tab_to(d, lambda e: e.get_attribute("id") == "name", limit=5)
    press(d, "stan", Keys.TAB, PASSWORD, Keys.ENTER)
    wait(d, lambda drv: drv.title.startswith("Dashboard"))

    # From the dashboard to the question, by TAB and ENTER on its link.
    link = tab_to(d, lambda e: e.tag_name == "a" and e.text == "SEC10")
    link.send_keys(Keys.ENTER)
    wait(d, lambda drv: drv.find_element(By.TAG_NAME, "h1").text.startswith("SEC10"))

    # To the practice's "Answer" summary; ENTER opens it when it is closed.
    summary = tab_to(d, lambda e: e.tag_name == "summary" and e.text == f"Answer {practice}")
    details = summary.find_element(By.XPATH, "..")
    if not details.get_attribute("open"):
        press(d, Keys.ENTER)
    assert details.get_attribute("open")

    # The radios: TAB lands on the first, the arrow keys move and select, SPACE keeps the choice.
    first = tab_to(d, lambda e: e.get_attribute("type") == "radio")
    assert first.get_attribute("value") == "yes"
    press(d, Keys.ARROW_DOWN)
    press(d, Keys.ARROW_DOWN)
    press(d, Keys.ARROW_UP)
    chosen = d.switch_to.active_element
    assert chosen.get_attribute("value") == "partial" and chosen.is_selected()
    press(d, Keys.SPACE)
    assert chosen.is_selected()

    # Evidence by TAB; the notes by going past them to the button and back with SHIFT+TAB.
    tab_to(d, lambda e: e.get_attribute("name") == "evidence")
    press(d, "https://wiki.example/ir-runbook (keyboard)")
    tab_to(d, lambda e: e.tag_name == "button" and e.text == "Save answer")
    tab_to(d, lambda e: e.get_attribute("name") == "notes", limit=3, back=True)
    press(d, "typed without a mouse")
    tab_to(d, lambda e: e.tag_name == "button", limit=2)
    press(d, Keys.ENTER)
    wait(d, lambda drv: "v1: partial by stan" in drv.page_source)
    section = d.find_element(By.ID, practice)
    assert "Current answer: partial by stan" in section.text
    assert "https://wiki.example/ir-runbook (keyboard)" in section.text


def test_a_wide_table_scrolls_in_its_own_box_with_the_arrow_keys_on_a_phone(
    server: str, browser: Any
) -> None:
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys

    d = browser
    d.get(server + "/")
    if d.current_url.endswith("/login"):
        log_in(d, server, "ada")
    assert d.find_element(By.CSS_SELECTOR, "table.matrix")
    d.set_window_size(390, 1000)
    try:
        wait(d, lambda drv: drv.find_element(By.CSS_SELECTOR, ".table-wrap[role=region]"), timeout=5)
        box = tab_to(d, lambda e: e.get_attribute("role") == "region")
        assert "scrolls sideways" in box.get_attribute("aria-label")
        assert d.execute_script("return arguments[0].scrollLeft", box) == 0
        press(d, *[Keys.ARROW_RIGHT] * 5)
        # Keyboard scrolling is animated: wait for it.
        wait(d, lambda drv: drv.execute_script("return arguments[0].scrollLeft", box) > 0, timeout=5)
        assert (
            d.execute_script(
                "return document.documentElement.scrollWidth - document.documentElement.clientWidth"
            )
            <= 0
        )
    finally:
        d.set_window_size(1440, 1000)
    wait(d, lambda drv: not drv.find_elements(By.CSS_SELECTOR, ".table-wrap[role=region]"), timeout=5)
