"""The package's four parts and the one direction their imports run:
cli -> evaluation -> dataset -> views -> reading (README, "Layout")."""

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "extractors"
# A part may import itself and the parts after it in this order, never one before it.
ORDER = ("cli", "evaluation", "dataset", "views", "reading")
TOP_LEVEL = {"__init__.py", "__main__.py", "command.py", "cli.py"}  # command.py: the program's entry point


def _module(path: Path) -> list[str]:
    parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
    return parts[:-1] if parts[-1] == "__init__" else parts


def _part(module: list[str]) -> str | None:
    """The part a module of the package belongs to; None for the package itself (the API)."""
    if len(module) == 1:
        return None
    return module[1] if module[1] in ORDER else "cli"


def _imported(path: Path) -> list[tuple[int, list[str]]]:
    module = _module(path)
    package = module if path.name == "__init__.py" else module[:-1]
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom):
            base = package[:len(package) - node.level + 1] if node.level else []
            target = base + (node.module.split(".") if node.module else [])
            if target[:1] != ["extractors"]:
                continue
            if len(target) == 1:  # `from .. import reading` names its modules
                found += [(node.lineno, target + [alias.name]) for alias in node.names]
            else:
                found.append((node.lineno, target))
        elif isinstance(node, ast.Import):
            found += [(node.lineno, alias.name.split(".")) for alias in node.names
                      if alias.name.split(".")[0] == "extractors"]
    return found


MODULES = sorted(PACKAGE.rglob("*.py"))


@pytest.mark.parametrize("path", MODULES, ids=lambda p: str(p.relative_to(PACKAGE)))
def test_imports_run_one_way(path):
    here = _part(_module(path))
    if here is None:
        return  # extractors/__init__.py: the public API gathers from every part
    against = [f"line {line}: {'.'.join(target)}" for line, target in _imported(path)
               if (there := _part(target)) is not None and ORDER.index(there) < ORDER.index(here)]
    assert not against, f"{here} may import only {', '.join(ORDER[ORDER.index(here):])}: {against}"


def test_no_module_at_the_top_but_the_api_and_the_command_line():
    assert {p.name for p in PACKAGE.glob("*.py")} == TOP_LEVEL


@pytest.mark.parametrize("part", ORDER[1:])
def test_each_part_says_what_it_does_and_what_it_may_import(part):
    docstring = ast.get_docstring(ast.parse((PACKAGE / part / "__init__.py").read_text(encoding="utf-8")))
    assert docstring and "may import" in docstring.lower(), part


def test_the_rule_catches_an_import_against_the_order(monkeypatch):
    """The check itself: reading importing the dataset is refused."""
    fake = PACKAGE / "reading" / "engine.py"
    monkeypatch.setattr(Path, "read_text", lambda self, encoding=None: "from ..dataset import records\n")
    [(line, target)] = _imported(fake)
    assert (line, _part(target), _part(_module(fake))) == (1, "dataset", "reading")
    assert ORDER.index("dataset") < ORDER.index("reading")
