"""A real headless Chromium (Debian's package, via chromedriver) and axe-core, for the browser tests and benches.

The browser and its driver come from the distribution (scripts/install.sh),
axe-core from the npm registry through tests/axe/package-lock.json; nothing
is downloaded at run time. Chromium's profile lives in a folder removed
when the browser closes, so nothing is left in /tmp.
"""

from __future__ import annotations

import json
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from selenium import webdriver
from selenium.webdriver.chrome.service import Service

CHROMIUM = Path("/usr/bin/chromium")
CHROMEDRIVER = Path("/usr/bin/chromedriver")
AXE = Path(__file__).parent / "axe" / "node_modules" / "axe-core" / "axe.min.js"
WCAG_21_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


@contextmanager
def chromium(width: int = 1200, height: int = 900) -> Iterator[webdriver.Chrome]:
    with tempfile.TemporaryDirectory(prefix="chromium-") as profile:
        options = webdriver.ChromeOptions()
        options.binary_location = str(CHROMIUM)
        for argument in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                         "--no-first-run", "--disable-extensions", f"--user-data-dir={profile}",
                         f"--window-size={width},{height}"):
            options.add_argument(argument)
        driver = webdriver.Chrome(options=options, service=Service(str(CHROMEDRIVER)))
        try:
            yield driver
        finally:
            driver.quit()


def axe_violations(driver: webdriver.Chrome) -> list[dict]:
    """axe-core's violations of WCAG 2.1 A and AA on the page the driver shows."""
    driver.execute_script(AXE.read_text(encoding="utf-8"))
    driver.set_script_timeout(120)
    options = json.dumps({"runOnly": {"type": "tag", "values": WCAG_21_AA}})
    result = driver.execute_async_script(
        f"const done = arguments[arguments.length - 1]; axe.run(document, {options}).then(done, e => done({{error: String(e)}}));")
    assert "error" not in result, result
    return result["violations"]


def describe(violations: list[dict]) -> str:
    return "\n".join(f"{v['id']} ({v['impact']}): {v['help']} — "
                     + "; ".join(n["target"][0] if isinstance(n["target"][0], str) else str(n["target"])
                                 for n in v["nodes"][:5]) for v in violations)
