"""`wasp serve` end to end in headless Chromium: log in, open SEC10, answer a hybrid practice with evidence,
re-decide and see the risk and the plan, accept a risk, create and compare milestones, log out. Screenshots at
1440 px and 390 px are saved in the test's temp dir and checked for no horizontal overflow."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from browser_support import headless_chromium, served, wait
from serve_support import PASSWORD, make_store

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory, demo_doc: dict[str, Any]) -> Iterator[str]:
    from wasp.serve.app import create_app

    store = make_store(str(tmp_path_factory.mktemp("browser") / "wasp.db"), demo_doc)
    with served(create_app(store)) as url:
        yield url


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    with headless_chromium(implicit_wait=5) as driver:
        yield driver


def _shots(driver: Any, out: Path, name: str) -> None:
    """Screenshots at 1440 and 390 px wide; the page must not scroll sideways at either width."""
    for width in (1440, 390):
        driver.set_window_size(width, 1000)
        overflow = driver.execute_script(
            "return document.documentElement.scrollWidth - document.documentElement.clientWidth"
        )
        driver.save_screenshot(str(out / f"{name}-{width}.png"))
        assert overflow <= 0, f"{name} scrolls sideways by {overflow}px at {width}px"
    driver.set_window_size(1440, 1000)


def test_the_review_flow_in_a_browser(
    server: str, browser: Any, tmp_path: Path, demo_doc: dict[str, Any]
) -> None:
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import Select

    d = browser
    w = demo_doc["workload"]
    d.get(server + "/")
    assert d.current_url.endswith("/login")
    _shots(d, tmp_path, "login")
    d.find_element(By.ID, "name").send_keys("rita")
    d.find_element(By.ID, "password").send_keys(PASSWORD)
    d.find_element(By.CSS_SELECTOR, "form button[type=submit]").click()
    wait(d, lambda drv: drv.title.startswith("Dashboard"))
    _shots(d, tmp_path, "dashboard")

    # A baseline milestone before anything changes.
    d.get(server + "/milestones")
    Select(d.find_element(By.ID, "m-workload")).select_by_visible_text(w)
    d.find_element(By.ID, "m-name").send_keys("baseline")
    d.find_element(By.XPATH, "//button[text()='Create milestone']").click()
    wait(d, lambda drv: "baseline" in drv.find_element(By.TAG_NAME, "table").text)

    # Open SEC10 and answer a hybrid practice with evidence.
    d.get(server + "/")
    d.find_element(By.LINK_TEXT, "SEC10").click()
    assert d.find_element(By.TAG_NAME, "h1").text.startswith("SEC10")
    _shots(d, tmp_path, "question")
    practice = next(
        bp["id"]
        for q in demo_doc["questions"]
        if q["id"] == "SEC10"
        for bp in q["best_practices"]
        if bp["evidence_mode"] == "hybrid" and bp["status"] == "not_assessed"
    )
    section = d.find_element(By.ID, practice)
    if not section.find_element(By.TAG_NAME, "details").get_attribute("open"):
        section.find_element(By.TAG_NAME, "summary").click()
    section.find_element(By.CSS_SELECTOR, "input[value=partial]").click()
    section.find_element(By.NAME, "evidence").send_keys(
        "https://wiki.example/forensics-account (one region only)"
    )
    section.find_element(By.XPATH, ".//button[text()='Save answer']").click()
    wait(d, lambda drv: "v1: partial by rita" in drv.page_source)
    section = d.find_element(By.ID, practice)
    assert "not met" in section.find_element(By.CLASS_NAME, "now-status").text
    assert "high" in d.find_element(By.ID, "current-risk").text

    # Re-decide from the stored review: the plan now has the practice.
    d.get(server + "/")
    d.find_element(By.XPATH, "//button[text()='Re-decide with current answers']").click()
    wait(d, lambda drv: "Review 2," in drv.page_source)
    d.get(f"{server}/w/{w}/plan")
    assert d.find_element(By.ID, practice)
    _shots(d, tmp_path, "plan")

    # Accept a risk on the first plan item with failing rules: its waiver fields appear with the status.
    item = next(i["best_practice"] for i in demo_doc["improvement_plan"] if i["remediation"])
    card = d.find_element(By.ID, item)
    card.find_element(By.TAG_NAME, "summary").click()
    waiver = card.find_element(By.CSS_SELECTOR, "fieldset.waiver")
    assert not waiver.is_displayed()
    Select(card.find_element(By.NAME, "status")).select_by_value("accepted_risk")
    assert waiver.is_displayed()
    card.find_element(By.NAME, "waiver_reason").send_keys(
        "Legacy service retired in Q3; compensating controls."
    )
    d.execute_script("arguments[0].value = '2099-09-30'", card.find_element(By.NAME, "waiver_expires"))
    card.find_element(By.XPATH, ".//button[text()='Save']").click()
    wait(d, lambda drv: "updated by rita" in drv.page_source)
    assert "accepted risk" in d.find_element(By.ID, item).find_element(By.CLASS_NAME, "item-status").text

    # A second milestone, then compare the two.
    d.get(server + "/milestones")
    Select(d.find_element(By.ID, "m-workload")).select_by_visible_text(w)
    d.find_element(By.ID, "m-name").send_keys("after-answers")
    d.find_element(By.XPATH, "//button[text()='Create milestone']").click()
    wait(d, lambda drv: "after-answers" in drv.find_element(By.TAG_NAME, "table").text)
    Select(d.find_element(By.ID, "d-a")).select_by_index(0)
    Select(d.find_element(By.ID, "d-b")).select_by_index(1)
    d.find_element(By.XPATH, "//button[text()='Compare']").click()
    wait(d, lambda drv: "/diff" in drv.current_url)
    assert practice in d.find_element(By.TAG_NAME, "main").text
    _shots(d, tmp_path, "diff")

    # Log out: the dashboard is closed again.
    d.find_element(By.XPATH, "//button[text()='Log out']").click()
    wait(d, lambda drv: drv.current_url.endswith("/login"))
    d.get(server + "/")
    assert d.current_url.endswith("/login")
    assert len(list(tmp_path.glob("*.png"))) == 10


def test_login_and_the_skip_link_work_from_the_keyboard(server: str, browser: Any) -> None:
    from selenium.webdriver.common.action_chains import ActionChains
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys

    d = browser
    d.get(server + "/login")
    for field in ("name", "password"):
        assert d.find_element(By.CSS_SELECTOR, f"label[for={field}]").text
    assert d.switch_to.active_element.get_attribute("id") == "name"  # autofocus
    ActionChains(d).send_keys("vera", Keys.TAB, PASSWORD, Keys.ENTER).perform()
    wait(d, lambda drv: drv.title.startswith("Dashboard"))  # Enter submits; wait for the page
    assert d.find_element(By.TAG_NAME, "h1").text == "Dashboard"
    ActionChains(d).send_keys(Keys.TAB).perform()
    skip = d.switch_to.active_element
    assert skip.get_attribute("class") == "skip" and skip.text == "Skip to content"  # visible when focused
    skip.send_keys(Keys.ENTER)
    assert d.current_url.endswith("#main")
    d.find_element(By.XPATH, "//button[text()='Log out']").click()
