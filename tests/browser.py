"""A real headless Chromium (Debian's package, via chromedriver) and axe-core, for the browser tests and benches.

The browser and its driver come from the distribution (scripts/install.sh),
axe-core from the npm registry through tests/axe/package-lock.json; nothing
is downloaded at run time. Chromium's profile lives in a folder removed
when the browser closes, so nothing is left in /tmp.
"""

from __future__ import annotations

import json
import select
import signal
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
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


ROOT = Path(__file__).resolve().parents[1]


@dataclass
class PreviewProcess:
    """A running `make_report.py voorbeeld`, its address and what it printed."""

    process: subprocess.Popen
    url: str
    lines: list[str]

    def stop(self, timeout: float = 30) -> int:
        """Ctrl-C, as the consultant stops it; its exit code."""
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGINT)
        try:
            self.process.wait(timeout)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        self.lines += self.process.stdout.read().splitlines()
        self.process.stdout.close()
        return self.process.returncode


@contextmanager
def preview(inputs: Path, startup: float = 600, port: int = 0) -> Iterator[PreviewProcess]:
    """The preview of `inputs` on `port` (0: a free one), stopped with Ctrl-C at the end."""
    process = subprocess.Popen([sys.executable, str(ROOT / "make_report.py"), "voorbeeld", "--inputs", str(inputs),
                                "--poort", str(port)], stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
                               cwd=ROOT)
    lines: list[str] = []
    deadline = time.monotonic() + startup
    url = None
    while url is None and time.monotonic() < deadline and process.poll() is None:
        ready, _, _ = select.select([process.stdout], [], [], 1.0)
        if ready:
            line = process.stdout.readline()
            lines.append(line.rstrip("\n"))
            if line.startswith("Voorbeeld op "):
                url = line.split()[2]
    running = PreviewProcess(process, url or "", lines)
    try:
        assert url, f"the preview did not start: {lines}"
        yield running
    finally:
        running.stop()


def body_text(driver: webdriver.Chrome, css: str = "body") -> str:
    return driver.execute_script("const e = document.querySelector(arguments[0]); return e ? e.innerText : '';", css)


def wait_for(driver: webdriver.Chrome, condition, timeout: float = 60, poll: float = 0.01):
    """Poll `condition(driver)` until it is truthy (returned) or the timeout passes (AssertionError)."""
    deadline = time.monotonic() + timeout
    while True:
        value = condition(driver)
        if value:
            return value
        if time.monotonic() > deadline:
            raise AssertionError(f"waited {timeout} s in vain")
        time.sleep(poll)
