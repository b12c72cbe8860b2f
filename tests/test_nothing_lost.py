"""Nothing is ever lost (issue 30): the defects a reliability probe found that lost data while
exiting 0, each as a regression test named after it. docs/RELIABILITY.md lists them."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import extractors.cli as cli
from extractors.dataset import build as building
from extractors.dataset import sources

from .test_reliability import run_cli

RECORDS = [{"id": f"doc-{i}", "text": f"Report {i}: Russia launched {i + 5} missiles over 300 km."} for i in range(6)]


def write_jsonl(path: Path, rows: list[dict] = RECORDS) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return path


def tree(folder: Path) -> dict[str, bytes | None]:
    """Every file and folder under `folder`, with the files' bytes."""
    return {p.relative_to(folder).as_posix(): (p.read_bytes() if p.is_file() else None)
            for p in sorted(folder.rglob("*"))}


# -- 1. the output guard ------------------------------------------------------------------------

def test_out_dot_in_the_repository_root_deletes_nothing(repo, tmp_path, monkeypatch, capsys):
    """Regression: `extract build --corpus X --out .` in the repository's root deleted the
    repository, .git/ and corpus/ included, and exited 0 (its root holds our descriptor)."""
    (repo / ".git").mkdir()
    (repo / ".git" / "HEAD").write_text("ref: refs/heads/main\n", encoding="utf-8")
    (repo / "pyproject.toml").write_text("[project]\n", encoding="utf-8")
    archive = write_jsonl(tmp_path.parent / f"{tmp_path.name}-archive.jsonl")
    before = tree(repo)
    monkeypatch.chdir(repo)
    for out in (".", str(repo), f"{repo}/dist/.."):
        code, errors = run_cli(monkeypatch, capsys, "build", "--corpus", str(archive), "--out", out, "-j", "1", "-q")
        assert code == 1 and len(errors) == 1 and errors[0].startswith(f"error: {repo}: "), (out, errors)
        assert tree(repo) == before, out


def test_a_folder_holding_our_descriptor_and_anything_else_is_never_replaced(tmp_path):
    """Regression: the guard asked only whether the folder's datapackage.json was named
    newsfigures; a folder holding one and anything else was replaced whole."""
    archive = write_jsonl(tmp_path / "c.jsonl")
    out = tmp_path / "pkg"
    building.build(tmp_path, corpus_path=archive, out=out, jobs=1)
    for name, make in [("notes.txt", lambda p: p.write_text("years of work", encoding="utf-8")),
                       (".git", lambda p: p.mkdir()), ("corpus", lambda p: p.mkdir()),
                       ("pyproject.toml", lambda p: p.write_text("[project]\n", encoding="utf-8")),
                       ("quantities/notes.txt", lambda p: p.parent.mkdir() or p.write_text("x", encoding="utf-8"))]:
        make(out / name)
        before = tree(out)
        with pytest.raises(building.BuildError, match=r"pkg: exists and is not a package \(it holds "):
            building.build(tmp_path, corpus_path=archive, out=out, jobs=1)
        assert tree(out) == before, name
        target = out / name
        target.unlink() if target.is_file() else target.rmdir()
        if name.startswith("quantities/"):
            target.parent.rmdir()
    building.build(tmp_path, corpus_path=archive, out=out, jobs=1)  # wholly a package again


@pytest.mark.parametrize("where", ["the input's folder", "an ancestor of the input", "inside the corpus"])
def test_out_never_holds_the_corpus_nor_lies_inside_it(tmp_path, where):
    """Regression: a folder holding the input (or the repository) was replaced whole with it."""
    data = tmp_path / "data"
    data.mkdir()
    archive = write_jsonl(data / "c.jsonl")
    corpus, out = {"the input's folder": (archive, data), "an ancestor of the input": (archive, tmp_path),
                   "inside the corpus": (data, data / "pkg")}[where]
    if where == "inside the corpus":
        import duckdb

        duckdb.connect().execute(f"COPY (SELECT * FROM read_json('{archive}')) TO '{data / 'c.parquet'}' (FORMAT parquet)")
        archive.unlink()
    before = tree(tmp_path)
    with pytest.raises(building.BuildError, match="holds the corpus|lies inside the corpus"):
        building.build(tmp_path / "elsewhere", corpus_path=corpus, out=out, jobs=1)
    assert tree(tmp_path) == before


def test_out_spelled_through_itself_is_the_package_it_names(tmp_path, monkeypatch, capsys):
    """Regression: `--out pkg/../pkg` moved the package aside through its own path and could
    not put it back, saying "nothing was changed" while the package was gone."""
    archive = write_jsonl(tmp_path / "c.jsonl")
    out = tmp_path / "pkg"
    building.build(tmp_path, corpus_path=archive, out=out, jobs=1)
    write_jsonl(archive, RECORDS[:4])
    code, errors = run_cli(monkeypatch, capsys, "build", "--root", str(tmp_path), "--corpus", str(archive),
                           "--out", f"{out}/../pkg", "-j", "1", "-q")
    assert (code, errors) == (0, [])
    assert building.validate(out) == [] and (out / "documents.csv").read_text(encoding="utf-8").count("\n") == 5
    assert sorted(p.name for p in tmp_path.iterdir()) == [".pkg.build.lock", "c.jsonl", "pkg"]
