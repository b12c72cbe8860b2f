from __future__ import annotations

import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """A copy of the repository's data (corpus, dist, schema, datapackage.json) to build in."""
    for name in ("corpus", "dist", "schema"):
        shutil.copytree(ROOT / name, tmp_path / name)
    shutil.copy2(ROOT / "datapackage.json", tmp_path / "datapackage.json")
    return tmp_path


def snapshot(root: Path) -> dict[str, bytes]:
    """Every published file's bytes, to compare builds."""
    files = [root / "datapackage.json", *sorted((root / "dist").rglob("*")), *sorted((root / "schema").rglob("*"))]
    return {str(p.relative_to(root)): p.read_bytes() for p in files if p.is_file()}
