"""Shared: the 300-document sample, and the three splitters as lists of (start, end)."""
import gzip, itertools, json

import os
from pathlib import Path

CORPUS = os.environ.get("NEWSFIGURES_CORPORA", str(Path(__file__).resolve().parents[3] / "shared" / "corpora")) + "/whitehouse-briefing-room.jsonl.gz"


def sample(n=300):
    with gzip.open(CORPUS, "rt", encoding="utf-8") as f:
        return [json.loads(line) for line in itertools.islice(f, n)]


def ours(text):
    from extractors.reading.engine import Sentences
    s = Sentences(text)
    starts = s.every_start()
    return [(a, b) for a, b in zip(starts, starts[1:] + [len(text)])]


_seg = None


def pysbd_spans(text):
    global _seg
    if _seg is None:
        import pysbd
        _seg = pysbd.Segmenter(language="en", clean=False, char_span=True)
    return [(t.start, t.end, t.sent) for t in _seg.segment(text)]


def blingfire_spans(text):
    import blingfire
    out, offsets = blingfire.text_to_sentences_and_offsets(text)
    return offsets
