"""The build on a Dask cluster (`--engine dask`): the same bytes as the local build, shards
named by number, duplicates across shards caught, a killed worker survived, a rerun that keeps
the shards already done."""

from __future__ import annotations

import os
import signal
import threading
import time

import pytest

pytest.importorskip("distributed", reason="the cluster extra (dask, distributed) is not installed")

from distributed import Client, LocalCluster  # noqa: E402

from extractors.dataset import build as building  # noqa: E402
from extractors.dataset import cluster, sources  # noqa: E402
from extractors.dataset.corpus import CorpusError  # noqa: E402

from .test_streaming import package_files, records, write_jsonl, write_parquet  # noqa: E402

MAPPING = sources.Mapping(fields={"published": "date"})


@pytest.fixture(scope="module")
def scheduler():
    """A two-worker LocalCluster shared by the tests (one process a worker, as on a cluster)."""
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=":0",
                      silence_logs=50) as local:
        yield local


def build(tmp_path, corpus, name, engine, scheduler=None, **options):
    out = tmp_path / name
    mapping = options.pop("mapping", MAPPING)
    chosen = building.Engine("dask", scheduler.scheduler_address) if engine == "dask" else building.Engine()
    report = building.build(tmp_path, corpus_path=corpus, out=out, mapping=mapping, jobs=2, engine=chosen, **options)
    return out, report


@pytest.mark.parametrize("kind", ["jsonl", "jsonl.gz", "parquet-folder", "repository"])
def test_a_cluster_build_writes_the_local_builds_bytes(tmp_path, monkeypatch, scheduler, kind, small_repository):
    monkeypatch.setattr(cluster, "SHARD_BYTES", 4_000)     # many shards from a small corpus
    monkeypatch.setattr(cluster, "SHARD_ARTICLES", 150)
    rows = records(120)
    if kind == "parquet-folder":
        (tmp_path / "shards").mkdir()
        for i in range(3):
            write_parquet(tmp_path / "shards" / f"part-{i}.parquet", rows[i * 40:(i + 1) * 40])
        corpus = tmp_path / "shards"
    elif kind == "repository":
        monkeypatch.setattr(cluster, "SHARD_ARTICLES", 10)  # its 25 articles in three shards
        corpus = small_repository
    else:
        corpus = write_jsonl(tmp_path / f"corpus.{kind}", rows)
    source = sources.open_source(corpus, MAPPING)
    expected_shards = len(cluster.shards(source))
    assert expected_shards > 1 or kind == "jsonl.gz"
    local, _ = build(tmp_path, corpus, "local", "local")
    on_cluster, report = build(tmp_path, corpus, "dask", "dask", scheduler)
    assert package_files(on_cluster) == package_files(local)
    assert building.validate(on_cluster) == []
    assert not (tmp_path / ".dask.parts").exists(), "the parts are removed once the package is published"


def test_shards_are_cut_at_line_starts_and_know_their_first_line(tmp_path, monkeypatch):
    corpus = write_jsonl(tmp_path / "c.jsonl", records(50))
    pieces = cluster._byte_ranges(corpus, 1_000)
    data = corpus.read_bytes()
    assert pieces[0].start == 0 and pieces[-1].stop == len(data)
    assert all(a.stop == b.start for a, b in zip(pieces, pieces[1:]))
    for piece in pieces:
        assert piece.start == 0 or data[piece.start - 1:piece.start] == b"\n"
        assert piece.first == data[:piece.start].count(b"\n") + 1
    assert [p.name for p in pieces][:2] == ["shard-000000", "shard-000001"]


def test_a_duplicate_across_shards_is_refused_or_skipped_as_locally(tmp_path, monkeypatch, scheduler):
    monkeypatch.setattr(cluster, "SHARD_BYTES", 2_000)
    rows = records(60)
    rows.append(dict(rows[3], id="again"))         # the same text as an early record, in a late shard
    corpus = write_jsonl(tmp_path / "c.jsonl", rows)
    with pytest.raises(CorpusError, match=r"c\.jsonl:61: the same text as document 'doc-000003'"):
        build(tmp_path, corpus, "dask", "dask", scheduler)
    local, local_report = build(tmp_path, corpus, "local", "local", keep_going=True)
    on_cluster, report = build(tmp_path, corpus, "dask", "dask", scheduler, keep_going=True)
    assert package_files(on_cluster) == package_files(local)
    assert report.skipped == local_report.skipped and len(report.skipped) == 1


def test_a_rerun_keeps_the_shards_whose_markers_match(tmp_path, monkeypatch, scheduler):
    monkeypatch.setattr(cluster, "SHARD_BYTES", 3_000)
    corpus = write_jsonl(tmp_path / "c.jsonl", records(80))
    source = sources.open_source(corpus, MAPPING)
    pieces = cluster.shards(source)
    layout = building.Layout.folder(tmp_path / "dask")
    # An interrupted run: two shards done, one of them since damaged.
    for shard in pieces[:2]:
        cluster.extract_shard(shard, MAPPING, False, corpus.name, str(layout.parts))
    damaged = layout.parts / pieces[1].name / "documents.csv"
    damaged.write_text(damaged.read_text(encoding="utf-8").replace("Report", "Rapport"), encoding="utf-8")
    assert cluster.verified(layout.parts, pieces[0]) is not None and cluster.verified(layout.parts, pieces[1]) is None
    said = []
    out = tmp_path / "dask"
    building.build(tmp_path, corpus_path=corpus, out=out, mapping=MAPPING, jobs=2,
                   engine=building.Engine("dask", scheduler.scheduler_address, said.append))
    assert any(f"kept 1 of {len(pieces)} shards" in line for line in said)
    local, _ = build(tmp_path, corpus, "local", "local")
    assert package_files(out) == package_files(local)


def test_a_task_run_again_never_rewrites_a_finished_shard(tmp_path, monkeypatch):
    """Regression: Dask reruns a task whose result died with its worker, even once the driver
    has that result; the rerun rewrote the shard while the driver joined it, and the package
    lost documents (1,491 of 1,500) yet validated."""
    monkeypatch.setattr(cluster, "SHARD_BYTES", 3_000)
    corpus = write_jsonl(tmp_path / "c.jsonl", records(40))
    pieces = cluster.shards(sources.open_source(corpus, MAPPING))
    parts = tmp_path / "parts"
    first = cluster.extract_shard(pieces[0], MAPPING, False, corpus.name, str(parts))
    files = {p: (p.stat().st_mtime_ns, p.read_bytes()) for p in sorted((parts / pieces[0].name).rglob("*.csv"))}
    monkeypatch.setattr(cluster.pipeline, "extract_all", lambda *a, **k: pytest.fail("a finished shard re-extracted"))
    assert cluster.extract_shard(pieces[0], MAPPING, False, corpus.name, str(parts)) == first
    assert files and {p: (p.stat().st_mtime_ns, p.read_bytes()) for p in sorted((parts / pieces[0].name).rglob("*.csv"))} == files


def test_a_worker_killed_mid_build_has_its_shard_recomputed(tmp_path, monkeypatch):
    """Kill a worker process while the shards run: Dask reschedules its tasks, and the package
    is still byte for byte the local build's."""
    monkeypatch.setattr(cluster, "SHARD_BYTES", 4_000)     # some twenty shards, most still to run at the kill
    corpus = write_jsonl(tmp_path / "c.jsonl", records(300))
    local, _ = build(tmp_path, corpus, "local", "local")
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=":0",
                      silence_logs=50) as own:
        with Client(own) as client:
            pids = list(client.run(os.getpid).values())
        parts = building.Layout.folder(tmp_path / "dask").parts

        def kill_when_started() -> None:
            deadline = time.monotonic() + 60
            while time.monotonic() < deadline and not any(parts.glob("shard-*.json")):
                time.sleep(0.02)
            os.kill(pids[0], signal.SIGKILL)

        killer = threading.Thread(target=kill_when_started)
        killer.start()
        out, _ = build(tmp_path, corpus, "dask", "dask", own)
        killer.join()
    assert package_files(out) == package_files(local)


def test_without_dask_the_engine_option_says_what_to_install(tmp_path, monkeypatch):
    import builtins

    real_import = builtins.__import__

    def no_distributed(name, *args, **kwargs):
        if name == "distributed":
            raise ImportError(name)
        return real_import(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", no_distributed)
    corpus = write_jsonl(tmp_path / "c.jsonl", records(3))
    with pytest.raises(CorpusError, match=r"\[cluster\]"):
        build(tmp_path, corpus, "dask", "dask", type("S", (), {"scheduler_address": "tcp://127.0.0.1:1"})())
