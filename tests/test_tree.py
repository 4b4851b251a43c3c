"""The tree shows the architecture: few modules at the top of report/, packages with a face, no import circle."""

from __future__ import annotations

import ast

import pytest

from tests.conftest import ROOT

REPORT = ROOT / "report"
MAX_TOP_MODULES = 14


def _imports(path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    return {node.module for node in ast.walk(tree) if isinstance(node, ast.ImportFrom) and node.module} | {
        alias.name for node in ast.walk(tree) if isinstance(node, ast.Import) for alias in node.names}


def test_report_holds_at_most_fourteen_modules_at_its_top():
    modules = sorted(p.name for p in REPORT.glob("*.py") if p.name != "__init__.py")
    assert len(modules) <= MAX_TOP_MODULES, modules


def test_the_engagements_contract_is_one_package():
    package = {p.stem for p in (REPORT / "engagement").glob("*.py")}
    assert {"codebook", "folders", "config", "load", "reporttype", "active", "scaffold"} <= package
    assert not (REPORT / "codebook.py").exists()


def test_the_command_modules_import_no_circle():
    review = _imports(REPORT / "cli_review.py")
    shared = _imports(REPORT / "terminal" / "command_line.py")
    assert "report.cli" not in review and "report" not in review
    assert not {"report.cli", "report.cli_review"} & shared


@pytest.mark.parametrize("package", ["document", "compose", "read", "privacy", "publication"])
def test_a_package_init_holds_only_its_face(package):
    tree = ast.parse((REPORT / package / "__init__.py").read_text(encoding="utf-8"))
    for node in tree.body[1:]:
        assert isinstance(node, (ast.ImportFrom, ast.Import)) or (
            isinstance(node, ast.Assign) and [t.id for t in node.targets] == ["__all__"]), ast.dump(node)[:80]
