"""Fixtures and rules shared across test modules.

`example_build` builds the bundled example inputs once per test process, in
both formats, into a temporary folder: the end-to-end and parity tests all
read the same two files, so the slow layout runs once (under pytest-xdist,
in the first worker; the others start from its cache), and `example_cache`
seeds a test's own build with that layout.

Two rules keep a green run honest:

- A test marked `@pytest.mark.needs("soffice")` (programs on PATH; a test
  that needs something else calls `lacking(...)`) skips when it is missing
  on a developer's machine, but fails when the environment variable CI is
  set; in CI no test may skip at all.
- The session gets a temporary folder of its own (TMPDIR, for this process,
  the build's workers and every command the tests start) beside pytest's
  own (under pytest-xdist, one per worker): a test after which a file or
  folder is left in it fails, naming what it left, and the whole folder is
  removed at the end, so a run leaves nothing in /tmp.
"""

from __future__ import annotations

import fcntl
import functools
import os
import shutil
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import pypdfium2 as pdfium
import pytest

from report.build import BuildResult, build
from report.cache import CACHE_DIR
from report.document import Document
from report.engagement.active import activate
from report.engagement.load import load_report_type

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE_INPUTS = ROOT / "inputs"
IN_CI = bool(os.environ.get("CI"))


# ---------------------------------------------------------------- programs and fonts a test needs


@pytest.hookimpl(tryfirst=True)        # before pytest's tmp_path factory reads --basetemp
def pytest_configure(config):
    config.addinivalue_line("markers", "needs(*programs): the programs (on PATH) the test needs; "
                                       "missing, the test skips, or fails when CI is set")
    _use_own_temporary_folder(config)


# ---------------------------------------------------------------- on every core (pytest-xdist)

SPREAD = {"tests/test_benches.py"}      # modules whose tests share no fixture: each may run on any worker


@pytest.hookimpl(optionalhook=True)
def pytest_xdist_make_scheduler(config, log):
    """With `--dist loadfile` (pyproject.toml) a module's tests run on one worker, so its module-scoped
    fixtures (a build, a browser, a running preview) are made once; the modules in SPREAD are dealt
    out test by test, to even out the workers' ends."""
    if config.getvalue("dist") != "loadfile":
        return None
    from xdist.scheduler import LoadScopeScheduling

    class ByModule(LoadScopeScheduling):
        def _split_scope(self, nodeid: str) -> str:
            module = nodeid.split("::", 1)[0]
            return nodeid if module in SPREAD else module

    return ByModule(config, log)


def pytest_runtest_setup(item):
    for marker in item.iter_markers("needs"):
        missing = [program for program in marker.args if shutil.which(program) is None]
        if missing:
            lacking(", ".join(missing))


def lacking(what: str) -> None:
    """Skip a test whose tools are missing here; in CI (CI set) fail it, since scripts/install.sh installs them."""
    if IN_CI:
        pytest.fail(f"not installed: {what}; CI must run this test (scripts/install.sh installs it)", pytrace=False)
    pytest.skip(f"not installed: {what} (scripts/install.sh installs it; with CI set this test fails)")


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item, call):
    """In CI a skip of any kind is a failure: a test that did not run proves nothing."""
    report = yield
    if IN_CI and report.skipped and not hasattr(report, "wasxfail"):
        reason = report.longrepr[2] if isinstance(report.longrepr, tuple) else str(report.longrepr)
        report.outcome, report.longrepr = "failed", f"skipped in CI (CI is set), which counts as failed: {reason}"
    return report


# ---------------------------------------------------------------- nothing left in the temporary folder


def _use_own_temporary_folder(config) -> None:
    """TMPDIR for the session: a folder of its own, watched per test and removed at the end.

    Under pytest-xdist the controller makes the folder and each worker watches
    a subfolder of its own (named by its id, short enough for Chromium's
    socket path): one worker's files are never taken for another's test's.
    """
    if getattr(config, "_watched", None):
        return
    workerinput = getattr(config, "workerinput", None)
    if workerinput is not None:
        if "rapport_scratch" not in workerinput:
            return
        config._shared = Path(workerinput["rapport_scratch"])
        watched = config._shared / workerinput["workerid"]
        watched.mkdir()
    else:
        scratch = Path(tempfile.mkdtemp(prefix="rapport-tests-"))
        config._scratch = config._shared = scratch
        config._previous_tmpdir = os.environ.get("TMPDIR")
        watched = scratch / "tmp"
        watched.mkdir()
        if config.option.basetemp is None:      # pytest's tmp_path folders go in there too (xdist: one per worker)
            config.option.basetemp = str(scratch / "pytest")
    config._watched = watched
    os.environ["TMPDIR"] = str(watched)
    tempfile.tempdir = None                     # gettempdir() reads TMPDIR again


@pytest.hookimpl(optionalhook=True)
def pytest_configure_node(node):
    """pytest-xdist: tell a worker where the session's temporary folder is."""
    node.workerinput["rapport_scratch"] = str(node.config._scratch)


def pytest_unconfigure(config):
    scratch = getattr(config, "_scratch", None)
    if scratch is None:
        return
    shutil.rmtree(scratch, ignore_errors=True)
    if config._previous_tmpdir is None:
        os.environ.pop("TMPDIR", None)
    else:
        os.environ["TMPDIR"] = config._previous_tmpdir
    tempfile.tempdir = None


def left_behind(folder: Path, before: set[str]) -> list[str]:
    """What is new in the temporary folder; a font configuration WeasyPrint keeps for the next build of
    this process (report.write.pdf.parts) is dropped first, which must remove its folder."""
    new = set(os.listdir(folder)) - before
    if new:
        from report.write.pdf.parts import _weasyprint
        _weasyprint.cache_clear()
        new = set(os.listdir(folder)) - before
    return sorted(new)


@pytest.fixture(autouse=True)
def nothing_left_behind(request):
    folder = getattr(request.config, "_watched", None)
    if folder is None:
        yield
        return
    before = set(os.listdir(folder))
    yield
    left = left_behind(folder, before)
    assert left == [], f"{request.node.nodeid} left this in the temporary folder {folder}: {left}"


@pytest.hookimpl(trylast=True)         # after the session-scoped fixtures have ended
def pytest_sessionfinish(session, exitstatus):
    """Session-scoped fixtures end after the last test's check: look once more, in the controller
    at the workers' folders too (they have ended by then)."""
    config = session.config
    if getattr(config, "_watched", None) is None:
        return
    left = left_behind(config._watched, set())
    if getattr(config, "_scratch", None) is None:
        return                              # a worker: the controller reports what it left
    for worker in sorted(config._scratch.glob("gw*")):
        left += [f"{worker.name}/{name}" for name in left_behind(worker, set())]
    if left:
        config.pluginmanager.get_plugin("terminalreporter").write_line(
            f"FAILED: the test session left this in its temporary folder: {left}", red=True)
        session.exitstatus = pytest.ExitCode.TESTS_FAILED


# ---------------------------------------------------------------- the example's report type


EXAMPLE_TYPE, _problems = load_report_type(EXAMPLE_INPUTS)
assert EXAMPLE_TYPE is not None, [problem.format() for problem in _problems]
activate(EXAMPLE_TYPE)       # test modules read the example's codebook and figures when imported


@pytest.fixture(autouse=True)
def example_report_type():
    """Every test starts with the example engagement's report type active, whatever the test before built."""
    activate(EXAMPLE_TYPE)
    return EXAMPLE_TYPE


@dataclass(frozen=True)
class ExampleBuild:
    result: BuildResult
    progress: tuple[str, ...]

    @property
    def document(self) -> Document:
        return self.result.document

    @property
    def docx(self) -> Path:
        return next(path for path in self.result.outputs if path.suffix == ".docx")

    @property
    def pdf(self) -> Path:
        return next(path for path in self.result.outputs if path.suffix == ".pdf")

    @functools.cached_property
    def pdf_pages(self) -> tuple[str, ...]:
        """The text of every page, as pdfium reads it (many times faster than pdfminer)."""
        document = pdfium.PdfDocument(self.pdf)
        try:
            return tuple(document[i].get_textpage().get_text_range() for i in range(len(document)))
        finally:
            document.close()


@contextmanager
def one_worker_at_a_time(config, name: str) -> Iterator[Path]:
    """A folder `name` shared by the session's pytest-xdist workers, held by one of them at a time
    (a file lock): the first to come makes what is in it, the others reuse it."""
    shared = getattr(config, "_shared", None)
    if shared is None:                      # no watched session folder (a plugin run without this conftest's setup)
        shared = Path(config._tmp_path_factory.getbasetemp())
    with (shared / f"{name}.lock").open("w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        try:
            yield shared / name
        finally:
            fcntl.flock(lock, fcntl.LOCK_UN)


@pytest.fixture(scope="session")
def example_build(request, tmp_path_factory) -> ExampleBuild:
    """The example, built once per test process; under pytest-xdist the first worker lays it out
    and the others start from a copy of its cache (same bytes: tests/test_identical_builds.py)."""
    output = tmp_path_factory.mktemp("voorbeeldrapport")
    progress: list[str] = []
    with one_worker_at_a_time(request.config, "voorbeeldcache") as laid_out:
        if laid_out.is_dir():
            shutil.copytree(laid_out, output / CACHE_DIR)
        result = build(EXAMPLE_INPUTS, output, progress=progress.append)
        assert result.ok, [problem.format() for problem in result.problems if problem.is_error]
        if not laid_out.is_dir():
            shutil.copytree(output / CACHE_DIR, laid_out)
    return ExampleBuild(result, tuple(progress))


@pytest.fixture(scope="session")
def example_cache(example_build) -> Callable[[Path], Path]:
    """Seeds an output folder with the example build's cache, for a test that builds the example (or
    inputs close to it) where the layout from scratch is not what it tests; returns the folder."""
    def seed(output: Path) -> Path:
        shutil.copytree(example_build.pdf.parent / CACHE_DIR, output / CACHE_DIR, dirs_exist_ok=True)
        return output
    return seed
