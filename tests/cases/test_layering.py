"""The arrows point one way (docs: README "Waar staat wat"): the core never imports the team
apps, the reporting read side or the koppelingen; the team apps never import each other's
internals through the core, and nothing imports koppelingen."""

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def imported_modules(package: str):
    for path in (ROOT / package).rglob("*.py"):
        if "migrations" in path.parts:
            continue
        tree = ast.parse(path.read_text(), filename=str(path))
        for node in ast.walk(tree):
            if isinstance(node, ast.Import):
                for alias in node.names:
                    yield path.relative_to(ROOT), alias.name
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                yield path.relative_to(ROOT), node.module


@pytest.mark.parametrize(
    ("package", "forbidden"),
    [
        ("cases", ("leerplicht", "doorstroom", "reporting", "koppelingen")),
        ("leerplicht", ("doorstroom", "reporting", "koppelingen")),
        ("doorstroom", ("reporting", "koppelingen")),
        ("reporting", ("koppelingen",)),
    ],
)
def test_imports_point_one_way(package, forbidden):
    wrong = [
        f"{path}: {module}" for path, module in imported_modules(package) if module.split(".")[0] in forbidden
    ]
    assert wrong == []


def test_the_core_models_are_a_package_without_back_imports():
    """cases/models/ modules import only Django, the core's own modules and each other: the old
    circle (models.py importing the letter, retention and deadline models that import it back)
    must not return."""
    feature_packages = ("cases.letters", "cases.privacy", "cases.termijnen", "cases.imports")
    wrong = [
        f"{path}: {module}"
        for path, module in imported_modules("cases/models")
        if module.startswith(feature_packages) and path.name != "__init__.py"
    ]
    assert wrong == []
