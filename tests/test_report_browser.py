"""The HTML report in a real browser: headless Chromium renders it, shows the risk table, and screenshots it."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest

from wasp.report.base import get_format, write_report

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]

pytestmark = pytest.mark.skipif(
    CHROMIUM is None and not os.environ.get("CI"), reason="chromium not installed"
)


def _chromium(tmp_path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    assert CHROMIUM, "CI must install chromium (.ci/run does)"
    return subprocess.run(
        [CHROMIUM, *FLAGS, f"--user-data-dir={tmp_path / 'profile'}", *args],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_report_renders_with_the_risk_table(demo_doc: dict[str, Any], tmp_path: Path) -> None:
    page = write_report(demo_doc, get_format("html"), tmp_path / "review.html")
    dom = _chromium(tmp_path, "--dump-dom", page.as_uri()).stdout
    assert 'id="risk-table"' in dom
    assert dom.count('<tr><td><a href="#SEC') == 11, "one row per question in the rendered table"
    shot = tmp_path / "report.png"
    _chromium(tmp_path, "--window-size=1280,1600", f"--screenshot={shot}", page.as_uri())
    data = shot.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = int.from_bytes(data[16:20], "big"), int.from_bytes(data[20:24], "big")
    assert (width, height) == (1280, 1600)
    assert len(data) > 50_000, "a blank page compresses to a few KB; the report does not"
