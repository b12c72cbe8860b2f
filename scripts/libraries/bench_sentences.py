"""1. Sentence splitting: ours (extractors.reading.engine.Sentences) vs pysbd vs blingfire.

Usage: venv/bin/python bench_sentences.py   (single process, single thread; best of 3)
Writes results_sentences.json and disagreements.jsonl.
"""
import bisect, hashlib, json, os, random, sys, time

for v in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ[v] = "1"

import common
from extractors import extract
from extractors.reading.engine import FULL_CONTEXT, Sentences

docs = common.sample(300)
texts = [d["text"] for d in docs]
chars = sum(map(len, texts))
print(f"{len(texts)} documents, {chars:,} characters", file=sys.stderr)

SPLITTERS = {
    "ours": common.ours,
    "pysbd": lambda t: [(a, b) for a, b, _ in common.pysbd_spans(t)],
    "blingfire": common.blingfire_spans,
}

# Warm up (regex compilation, pysbd's Segmenter, blingfire's library load).
for f in SPLITTERS.values():
    f(texts[1])

results = {"documents": len(texts), "characters": chars, "speed": {}, "determinism": {}, "offsets": {}}
spans = {}
for name, f in SPLITTERS.items():
    times = []
    for _ in range(3):
        t0 = time.perf_counter()
        out = [f(t) for t in texts]
        times.append(time.perf_counter() - t0)
        if name in spans:
            results["determinism"].setdefault(name, True)
            results["determinism"][name] &= (out == spans[name])
        spans[name] = out
    best = min(times)
    results["speed"][name] = {"seconds_best_of_3": round(best, 4), "all": [round(t, 4) for t in times],
                              "chars_per_s": round(chars / best), "sentences": sum(map(len, spans[name]))}
    h = hashlib.sha256(json.dumps(spans[name]).encode()).hexdigest()[:16]
    results["determinism"][name + "_sha256"] = h
    print(name, results["speed"][name], file=sys.stderr)

# extract() itself, for scale: how much of it is the sentence split.
times = []
for _ in range(3):
    t0 = time.perf_counter()
    figures = [extract(t) for t in texts]
    times.append(time.perf_counter() - t0)
results["speed"]["extract_default"] = {"seconds_best_of_3": round(min(times), 4),
                                       "chars_per_s": round(chars / min(times)),
                                       "figures": sum(map(len, figures))}
figures_full = [extract(t, context=FULL_CONTEXT) for t in texts]


# Offsets: does each span map to the unchanged text?
def check_offsets(name):
    bad_order = bad_bounds = 0
    for t, ss in zip(texts, spans[name]):
        prev = 0
        for a, b in ss:
            if not (0 <= a <= b <= len(t)):
                bad_bounds += 1
            if a < prev:
                bad_order += 1
            prev = b
    return {"out_of_bounds": bad_bounds, "overlapping_or_unordered": bad_order}


for name in SPLITTERS:
    results["offsets"][name] = check_offsets(name)

# pysbd: the sentence string it returns vs text[start:end]
import pysbd
seg = pysbd.Segmenter(language="en", clean=False, char_span=True)
mism = total = 0
ex = []
for t in texts:
    for s in seg.segment(t):
        total += 1
        if t[s.start:s.end] != s.sent:
            mism += 1
            if len(ex) < 3:
                ex.append({"sent": s.sent[:120], "slice": t[s.start:s.end][:120]})
# and pysbd char_span=False (its plain mode) vs the spans' text
plain = pysbd.Segmenter(language="en", clean=False)
plain_same = sum(1 for t in texts if [x for x in plain.segment(t)] == [s.sent for s in seg.segment(t)])
# coverage: does the concatenation of the spans give back the text (pysbd, clean=False)?
concat_same = sum(1 for t, ss in zip(texts, spans["pysbd"]) if "".join(t[a:b] for a, b in ss) == t)
results["offsets"]["pysbd"].update({"sentences": total, "sent_ne_text_slice": mism, "examples": ex,
                                    "docs_plain_mode_same_strings": plain_same,
                                    "docs_spans_concatenate_to_text": concat_same})
# blingfire: its output sentences vs the slices (it normalizes whitespace)
import blingfire
mism = total = 0
ex = []
for t in texts:
    out, offs = blingfire.text_to_sentences_and_offsets(t)
    for s, (a, b) in zip(out.split("\n"), offs):
        total += 1
        if " ".join(t[a:b].split()) != " ".join(s.split()):
            mism += 1
            if len(ex) < 3:
                ex.append({"sent": s[:120], "slice": t[a:b][:120]})
        # the exact slice?
results["offsets"]["blingfire"].update({"sentences": total, "sent_ne_slice_modulo_whitespace": mism,
                                        "examples": ex,
                                        "docs_where_output_has_newline_per_sentence_only": None})


# Agreement on the figures' sentences.
def trim(t, a, b):
    while a < b and t[a].isspace():
        a += 1
    while b > a and t[b - 1].isspace():
        b -= 1
    return a, b


def containing(ss, pos):
    starts = [a for a, _ in ss]
    i = bisect.bisect_right(starts, pos) - 1
    if i >= 0 and ss[i][0] <= pos < ss[i][1]:
        return ss[i]
    return None


disagreements = []
agreement = {}
# Figures whose sentence ours caps (context either side): not a splitting difference.
uncapped = [Sentences(t, context=10**9) for t in texts]
capped = {label: {(di, q.start) for di, qs in enumerate(figs) for q in qs
                  if (q.sentence_start, q.sentence_start + len(q.sentence)) != uncapped[di].around(q.start, q.end)}
          for label, figs in (("context300", figures), ("context5000", figures_full))}
for label, figs in (("context300", figures), ("context5000", figures_full)):
    for name in ("pysbd", "blingfire"):
        n = same = same_trimmed = no_sentence = 0
        for di, (t, qs, ss) in enumerate(zip(texts, figs, spans[name])):
            for q in qs:
                n += 1
                o = (q.sentence_start, q.sentence_start + len(q.sentence))
                lib = containing(ss, q.start)
                if lib is None:
                    no_sentence += 1
                    lt = None
                else:
                    lt = trim(t, *lib)
                    same += (tuple(lib) == o)
                    same_trimmed += (lt == o)
                if lt != o and label == "context5000":
                    disagreements.append({"lib": name, "doc": di, "doc_id": docs[di]["id"], "figure": q.text,
                                          "q_start": q.start, "capped": (di, q.start) in capped["context5000"], "ours": o, "theirs": lt,
                                          "ours_text": t[o[0]:o[1]], "theirs_text": t[lt[0]:lt[1]] if lt else None})
        m = n - len(capped[label])
        same_uncapped = 0
        for di, (t, qs, ss) in enumerate(zip(texts, figs, spans[name])):
            for q in qs:
                lib = containing(ss, q.start)
                if (di, q.start) not in capped[label] and lib and trim(t, *lib) == (q.sentence_start, q.sentence_start + len(q.sentence)):
                    same_uncapped += 1
        agreement[f"{label}/{name}"] = {"figures": n, "identical_raw": same, "identical_trimmed": same_trimmed,
                                        "pct_identical_trimmed_excluding_capped": round(100 * same_uncapped / m, 2),
                                        "pct_identical_raw": round(100 * same / n, 2),
                                        "pct_identical_trimmed": round(100 * same_trimmed / n, 2),
                                        "no_library_sentence_at_q_start": no_sentence}
    # ours truncated by the context cap?
    cut = 0
    for t, qs in zip(texts, figs):
        s = Sentences(t, context=10**9)
        for q in qs:
            cut += (q.sentence_start, q.sentence_start + len(q.sentence)) != s.around(q.start, q.end)
    agreement[f"{label}/ours_cut_by_context"] = cut
results["agreement"] = agreement

# Gaps between consecutive spans: only whitespace (no text lost)?
for name in SPLITTERS:
    lost = 0
    for t, ss in zip(texts, spans[name]):
        prev = 0
        for a, b in list(ss) + [(len(t), len(t))]:
            if t[prev:a].strip():
                lost += 1
            prev = max(prev, b)
    results["offsets"][name]["gaps_with_non_whitespace"] = lost

# Hybrid: our block breaks (paragraphs, headings, list items, quotes; every line in text that
# is not hard-wrapped), and the library only for . ! ? inside a block, the block's wraps given
# to it as spaces (same length, so its offsets are the text's).
import regex
from extractors.reading import engine
BLOCK_W = regex.compile(engine._BLOCK)
BLOCK_U = regex.compile(r"\n+")


def blocks(t):
    pattern = BLOCK_W if engine.is_hard_wrapped(t) else BLOCK_U
    out, prev = [], 0
    for m in pattern.finditer(t):
        out.append((prev, m.start()))
        prev = m.end()
    out.append((prev, len(t)))
    return [(a, b) for a, b in out if b > a]


def hybrid(t, lib):
    res = []
    for a, b in blocks(t):
        sub = t[a:b].replace("\n", " ")
        if not sub.strip():
            continue
        if lib == "pysbd":
            ss = [(x, y) for x, y, _ in common.pysbd_spans(sub)]
        else:
            ss = common.blingfire_spans(sub)
        res += [(a + x, a + y) for x, y in ss]
    return res


for lib in ("pysbd", "blingfire"):
    hs = [hybrid(t, lib) for t in texts]
    times = []
    for _ in range(3):
        t0 = time.perf_counter()
        hs2 = [hybrid(t, lib) for t in texts]
        times.append(time.perf_counter() - t0)
    results["speed"][f"blocks+{lib}"] = {"seconds_best_of_3": round(min(times), 4), "chars_per_s": round(chars / min(times))}
    n = same = 0
    for di, (t, qs, ss) in enumerate(zip(texts, figures_full, hs)):
        for q in qs:
            n += 1
            o = (q.sentence_start, q.sentence_start + len(q.sentence))
            lib_span = containing(ss, q.start)
            lt = trim(t, *lib_span) if lib_span else None
            same += (lt == o)
            if lt != o:
                disagreements.append({"lib": "blocks+" + lib, "doc": di, "doc_id": docs[di]["id"], "figure": q.text,
                                      "q_start": q.start, "capped": (di, q.start) in capped["context5000"], "ours": o, "theirs": lt,
                                      "ours_text": t[o[0]:o[1]], "theirs_text": t[lt[0]:lt[1]] if lt else None})
    m = n - len(capped["context5000"])
    same_uncapped = sum(1 for di, (t, qs, ss) in enumerate(zip(texts, figures_full, hs)) for q in qs
                        if (di, q.start) not in capped["context5000"] and containing(ss, q.start)
                        and trim(t, *containing(ss, q.start)) == (q.sentence_start, q.sentence_start + len(q.sentence)))
    results["agreement"][f"context5000/blocks+{lib}"] = {"figures": n, "identical_trimmed": same,
                                                        "pct_identical_trimmed_excluding_capped": round(100 * same_uncapped / m, 2),
                                                        "pct_identical_trimmed": round(100 * same / n, 2)}
# pysbd vs blingfire on the same figures (context-free), for scale
n = same = 0
for t, qs, s1, s2 in zip(texts, figures_full, spans["pysbd"], spans["blingfire"]):
    for q in qs:
        a, b = containing(s1, q.start), containing(s2, q.start)
        n += 1
        same += (a is not None and b is not None and trim(t, *a) == trim(t, *b))
results["agreement"]["pysbd_vs_blingfire_pct"] = round(100 * same / n, 2)

with open("results_sentences.json", "w") as f:
    json.dump(results, f, indent=2)
with open("disagreements.jsonl", "w") as f:
    for d in disagreements:
        f.write(json.dumps(d, ensure_ascii=False) + "\n")
print(json.dumps(results, indent=2))
