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
    for argv in (["extract", str(corpus), "--repeat", "1"], ["peers", "--corpus", str(corpus), "--rounds", "1"]):
        monkeypatch.setattr("sys.argv", ["benchmark.py", *argv])
        benchmark.main()
    output = capsys.readouterr().out
    assert "tiny.jsonl" in output and "count 1, length 1" in output
    assert "| newsfigures |" in output and "| bare regex digit scan (floor) |" in output
    import argparse

    benchmark.hostile(argparse.Namespace(sizes=[200, 400], timeout=120, inputs=["5 km and"], repeat=2))
    hostile = capsys.readouterr().out
    assert "`'5 km and ' * n` | extract_document | 396 |" in hostile and "`'a half" not in hostile
    assert hostile.startswith("each run 2 time(s)")
    copy = tmp_path / "copy.jsonl"
    assert benchmark.scaled_copy([corpus], 2, copy) > 2 * sum(len(r["text"]) for r in benchmark.records(corpus))
    ids = [r["id"] for r in benchmark.records(copy)]
    assert len(ids) == len(set(ids)) == 6


@pytest.mark.skipif(not (ROOT.parent / "shared" / "peer-suites").is_dir(), reason="../shared/peer-suites not present")
def test_peer_suites_smoke(capsys, monkeypatch):
    peer_suites = _script("peer_suites")
    monkeypatch.setattr("sys.argv", ["peer_suites.py"])
    peer_suites.main()
    output = capsys.readouterr().out
    assert "RT Currency" in output and "crashes on all suites: 0" in output.lower()
