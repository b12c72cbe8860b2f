"""The command line, driven through typer's runner: exit codes and output."""

from __future__ import annotations

import csv
import io
import json

import pytest
from typer.testing import CliRunner

from extractors.cli import app

from .conftest import ROOT, snapshot

runner = CliRunner()


@pytest.mark.parametrize("command", ["build", "validate", "query", "text", "add", "eval"])
def test_every_command_has_help_with_an_example(command):
    result = runner.invoke(app, [command, "--help"])
    assert result.exit_code == 0
    assert "Example: extract" in result.output


def _articles(root) -> int:
    with (root / "corpus" / "provenance.csv").open(encoding="utf-8", newline="") as handle:
        return len(list(csv.DictReader(handle)))


def test_build_writes_a_valid_package(repo):
    before = snapshot(repo)
    result = runner.invoke(app, ["build", "--root", str(repo)])
    assert result.exit_code == 0, result.output
    assert f"{_articles(repo)} documents" in result.output and "datapackage.json valid" in result.output
    assert snapshot(repo) == before


def test_build_fails_cleanly_on_bad_input(repo):
    before = snapshot(repo)
    (repo / "corpus" / "stray.txt").write_text("12 km", encoding="utf-8")
    result = runner.invoke(app, ["build", "--root", str(repo)])
    assert result.exit_code == 1
    assert "stray.txt" in result.output and "not listed" in result.output
    assert snapshot(repo) == before


def test_validate_passes_and_fails(repo):
    result = runner.invoke(app, ["validate", "--root", str(repo / "dist")])
    assert result.exit_code == 0 and "a fresh build writes the same bytes" in result.output
    # the same rows from another Parquet writer: valid, with a note that says so
    from .test_build import _record_facts, _rewritten_by_another_writer

    other = _rewritten_by_another_writer(repo / "dist" / "claims.parquet")
    _record_facts(repo, ["dist/claims.parquet"])
    result = runner.invoke(app, ["validate", "--root", str(repo / "dist")])
    assert result.exit_code == 0, result.output
    assert f"note: dist/claims.parquet: the same rows as a fresh build writes, in other bytes: written by {other!r}" \
        in result.output and "a fresh build writes the same rows (see the note)" in result.output
    (repo / "dist" / "quantities.parquet").write_bytes(b"not parquet")
    result = runner.invoke(app, ["validate", "--root", str(repo / "dist")])
    assert result.exit_code == 1 and "quantities.parquet" in result.output


def test_query_formats():
    sql = "SELECT category, count(*) AS n FROM quantities GROUP BY 1 ORDER BY 1"
    table = runner.invoke(app, ["query", sql, "--root", str(ROOT)])
    assert table.exit_code == 0 and "weapon_range" in table.output
    as_csv = runner.invoke(app, ["query", sql, "--format", "csv", "--root", str(ROOT)])
    rows = list(csv.DictReader(io.StringIO(as_csv.output)))
    as_json = json.loads(runner.invoke(app, ["query", sql, "--format", "json", "--root", str(ROOT)]).output)
    assert {r["category"]: int(r["n"]) for r in rows} == {r["category"]: r["n"] for r in as_json}
    assert {r["category"] for r in rows} >= {"weapon_range", "aid", "troops"}


def test_query_claims_and_show_open_any_package_folder(small_repository, tmp_path):
    """--root names a package folder: the repository's dist/, one built with --out (its
    tables in Parquet parts here), or, as it used to, the repository itself."""
    from extractors.dataset import build as building

    out = tmp_path / "figures"
    building.build(small_repository, out=out, part_bytes=20_000)
    assert isinstance(json.loads((out / "datapackage.json").read_text(encoding="utf-8"))["resources"][6]["path"], list)
    sql = "SELECT count(*) AS n, min(quantity_id) AS first FROM quantities"
    answers = [runner.invoke(app, ["query", sql, "--format", "json", "--root", str(root)])
               for root in (out, small_repository / "dist", small_repository)]
    assert all(a.exit_code == 0 for a in answers), [a.output for a in answers]
    assert json.loads(answers[0].output) == json.loads(answers[1].output) == json.loads(answers[2].output)
    assert json.loads(answers[0].output)[0]["n"] > 100
    claims = runner.invoke(app, ["claims", "--root", str(out)])
    assert claims.exit_code == 0 and "claims)" in claims.output
    doc_id = json.loads(runner.invoke(app, ["query", "SELECT min(doc_id) AS d FROM documents", "--format", "json",
                                            "--root", str(out)]).output)[0]["d"]
    shown = runner.invoke(app, ["show", doc_id, "--root", str(out)])
    assert shown.exit_code == 0 and doc_id in shown.output
    # a folder that holds no package says so, and what to give
    missing = runner.invoke(app, ["query", sql, "--root", str(tmp_path / "nothing")])
    assert missing.exit_code == 1 and "datapackage.json: missing" in missing.output and "--root" in missing.output
    # build and add work on a repository: a package folder of its own is not one
    for command in (["build"], ["add", str(out / "README.md")]):
        refused = runner.invoke(app, [*command, "--root", str(out)])
        assert refused.exit_code == 1 and "not a repository's dist/ (no corpus/ beside it)" in refused.output
    assert "--out" in runner.invoke(app, ["build", "--root", str(out)]).output


def test_query_reports_bad_sql():
    result = runner.invoke(app, ["query", "SELECT nope FROM quantities", "--root", str(ROOT)])
    assert result.exit_code == 1 and "query failed" in result.output


def test_text_prints_json():
    result = runner.invoke(app, ["text", "some 10,000 North Korean troops were deployed to Russia"])
    assert result.exit_code == 0
    (figure,) = json.loads(result.output)
    assert figure["text"] == "some 10,000 North Korean troops"
    assert figure["category"] == "troops" and figure["qualifier"] == "approximately"


def test_add_copies_byte_for_byte_and_records_provenance(repo, tmp_path):
    provenance = repo / "corpus" / "provenance.csv"
    provenance.write_text(provenance.read_text(encoding="utf-8").rstrip("\n"), encoding="utf-8")
    before = set((repo / "corpus").rglob("*"))
    article = tmp_path / "new.txt"
    article.write_bytes("Kyiv said 300 drones were launched.\r\nNo newline at end".encode("utf-8"))
    result = runner.invoke(app, ["add", str(article), "--outlet", "Example News", "--published", "2024-11-18",
                                 "--root", str(repo)])
    assert result.exit_code == 0, result.output
    (added,) = set((repo / "corpus").rglob("*")) - before
    assert f"as {added.stem};" in result.output
    assert added.read_bytes() == article.read_bytes()
    with (repo / "corpus" / "provenance.csv").open(encoding="utf-8", newline="") as handle:
        row = list(csv.DictReader(handle))[-1]
    assert row["outlet"] == "Example News" and row["published"] == "2024-11-18" and row["url"] == ""
    build = runner.invoke(app, ["build", "--root", str(repo)])
    assert build.exit_code == 0, build.output
    assert f"{_articles(repo)} documents" in build.output
    again = runner.invoke(app, ["add", str(article), "--root", str(repo)])
    assert again.exit_code == 1 and "already in the corpus" in again.output


def test_add_refuses_a_bad_date(repo, tmp_path):
    article = tmp_path / "new.txt"
    article.write_text("5 km", encoding="utf-8")
    result = runner.invoke(app, ["add", str(article), "--published", "17/11/2024", "--root", str(repo)])
    assert result.exit_code == 1 and "YYYY-MM-DD" in result.output


def test_eval_reports_scores():
    result = runner.invoke(app, ["eval", "--format", "json", "--root", str(ROOT)])
    assert result.exit_code == 0
    scores = json.loads(result.output)
    assert scores["strict"]["all"]["expected"] >= 20


def test_an_unexpected_error_is_one_line_unless_debug(monkeypatch, capsys):
    import extractors.cli as cli

    def broken(*args, **kwargs):
        raise RuntimeError("a rule broke")
    monkeypatch.setattr(cli, "extract", broken)
    monkeypatch.setattr("sys.argv", ["extract", "text", "5 km"])
    with pytest.raises(SystemExit) as exit_:
        cli.run()
    assert exit_.value.code == 1
    err = capsys.readouterr().err.strip().splitlines()
    assert err == ["error: RuntimeError: a rule broke (run with --debug for the traceback)"]
    monkeypatch.setattr("sys.argv", ["extract", "--debug", "text", "5 km"])
    with pytest.raises(RuntimeError):
        cli.run()


def test_help_and_module_entry_point():
    import subprocess
    import sys

    result = runner.invoke(app, ["-h"])
    assert result.exit_code == 0 and "Usage" in result.output
    module = subprocess.run([sys.executable, "-m", "extractors", "--version"], capture_output=True, text=True)
    assert module.returncode == 0 and module.stdout.strip()


def test_add_checks_the_language_tag_and_the_url(repo, tmp_path):
    article = tmp_path / "new.txt"
    article.write_text("Kyiv said 300 drones were launched.", encoding="utf-8")
    before = (repo / "corpus" / "provenance.csv").read_bytes()
    bad_language = runner.invoke(app, ["add", str(article), "--language", "english!!", "--root", str(repo)])
    assert bad_language.exit_code == 1 and "BCP 47" in bad_language.output
    bad_url = runner.invoke(app, ["add", str(article), "--url", "not a url", "--root", str(repo)])
    assert bad_url.exit_code == 1 and "http(s) URL" in bad_url.output
    assert (repo / "corpus" / "provenance.csv").read_bytes() == before
