"""Smoke runs of the scripts in scripts/: they run and report; no timing is asserted."""

from __future__ import annotations

import importlib.util
import json
import sys

import pytest

from .conftest import ROOT


def _script(name: str):
    spec = importlib.util.spec_from_file_location(name, ROOT / "scripts" / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module  # dataclasses look their module up while it loads
    spec.loader.exec_module(module)
    return module


def test_benchmark_smoke(tmp_path, capsys, monkeypatch):
    """Each benchmark runs on a tiny corpus and prints its table (no timing is asserted)."""
    benchmark = _script("benchmark")
    corpus = tmp_path / "tiny.jsonl"
    corpus.write_text("\n".join(json.dumps({"id": str(i), "text": t}) for i, t in enumerate(
        ["ATACMS missiles can travel up to 300 km.", "some 10,000 North Korean troops", "no figure"])), encoding="utf-8")
    for argv in (["extract", str(corpus), "--rounds", "1"], ["peers", "--corpus", str(corpus), "--rounds", "1"]):
        monkeypatch.setattr("sys.argv", ["benchmark.py", *argv])
        benchmark.main()
    output = capsys.readouterr().out
    # Each call read in a process of its own, in turns: both found the two figures.
    assert "| tiny.jsonl | 80 |" in output and "| extract | as is | 2 |" in output and "| extract_document | as is | 2 |" in output
    assert "| newsfigures |" in output and "| bare regex digit scan (floor) |" in output
    import argparse

    # Each run is a fresh process (about 3 s of imports): two sizes, one time each, are enough
    # to print the table and its time ratio.
    benchmark.hostile(argparse.Namespace(sizes=[200, 400], timeout=120, inputs=["5 km and"], repeat=1))
    hostile = capsys.readouterr().out
    assert "`'5 km and ' * n` | extract_document | 396 |" in hostile and "`'a half" not in hostile
    assert hostile.startswith("each run 1 time(s)")
    copy = tmp_path / "copy.jsonl"
    assert benchmark.scaled_copy([corpus], 2, copy) > 2 * sum(len(r["text"]) for r in benchmark.records(corpus))
    ids = [r["id"] for r in benchmark.records(copy)]
    assert len(ids) == len(set(ids)) == 6


def test_equivalence_dumps_and_compares(tmp_path, capsys, monkeypatch):
    """Two dumps of the same code are identical (exit 0); a figure changed or missing is
    printed with its document, span and column (exit 1)."""
    import gzip

    equivalence = _script("equivalence")
    corpus = tmp_path / "tiny.jsonl"
    corpus.write_text("\n".join(json.dumps({"id": str(i), "text": t}) for i, t in enumerate(
        ["ATACMS missiles can travel up to 300 km, officials said.", "some 10,000 North Korean troops",
         "no figure"])), encoding="utf-8")
    first, second = tmp_path / "a.jsonl.gz", tmp_path / "b.jsonl.gz"
    for out in (first, second):
        equivalence.dump(out, ROOT, [str(corpus)], 1, 1)
    assert equivalence.compare(first, second, 20) == 0
    assert "3 documents, 2 figures" in capsys.readouterr().out
    lines = gzip.open(first, "rt", encoding="utf-8").read().splitlines()
    header, documents = json.loads(lines[0]), [json.loads(line) for line in lines[1:]]
    assert "extractor_version" not in header["columns"] and "attributed_to" in header["columns"]
    documents[0][2][0][header["columns"].index("attributed_to")] = "someone else"
    documents[1][2].pop()
    with gzip.open(second, "wt", encoding="utf-8") as handle:
        handle.write("\n".join(json.dumps(line) for line in [header, *documents]) + "\n")
    assert equivalence.compare(first, second, 20) == 2
    output = capsys.readouterr().out
    assert "tiny.jsonl 0 27-39 length 'up to 300 km': attributed_to: 'officials' != 'someone else'" in output
    assert "tiny.jsonl 1 0-31 count: only in the first: 'some 10,000 North Korean troops'" in output
    assert "2 documents differ" in output


@pytest.mark.skipif(not (ROOT.parent / "shared" / "peer-suites").is_dir(), reason="../shared/peer-suites not present")
def test_peer_suites_smoke(capsys, monkeypatch):
    peer_suites = _script("peer_suites")
    monkeypatch.setattr("sys.argv", ["peer_suites.py"])
    peer_suites.main()
    output = capsys.readouterr().out
    assert "RT Currency" in output and "crashes on all suites: 0" in output.lower()
