"""Sort the blocks+blingfire (and as-is) disagreements into kinds, by the text at the differing boundary."""
import json, re, collections, common
from extractors.reading.engine import is_hard_wrapped
docs = common.sample(300)
texts = [d["text"] for d in docs]
wr = [is_hard_wrapped(t) for t in texts]
ds = [json.loads(l) for l in open("disagreements.jsonl")]


def kind(d):
    t = texts[d["doc"]]
    (o0, o1), th = d["ours"], d["theirs"]
    if th is None:
        return "no library sentence"
    t0, t1 = th
    if not wr[d["doc"]]:
        return "doc not detected as hard-wrapped (ours: every line a sentence)"
    kinds = []
    if t0 < o0:  # library starts earlier: ours split where it did not
        before = t[max(0, o0 - 12):o0]
        if re.search(r"[\[*](?:\*\*)?[A-Z][a-z]{1,4}\.\s*$", before):
            kinds.append("ours splits after a title after '[' or '**' ([Sen. X)")
        elif re.search(r"\b(?:Reps|Sec|Sens)\.\s*$", before):
            kinds.append("ours splits after an abbreviation not listed (Reps., Sec.)")
        elif re.search(r"https?://\S*$", t[max(0, o0 - 200):o0].rstrip()):
            kinds.append("ours splits inside a link target")
        else:
            kinds.append("ours splits, library does not: " + repr(t[max(0, o0 - 25):o0 + 10]))
    elif t0 > o0:
        kinds.append("library splits, ours does not: " + repr(t[max(0, t0 - 25):t0 + 10]))
    if t1 > o1:
        kinds.append("ours ends, library goes on: " + repr(t[max(0, o1 - 25):o1 + 15]))
    elif t1 < o1:
        kinds.append("library ends, ours goes on: " + repr(t[max(0, t1 - 25):t1 + 15]))
    return " + ".join(kinds)


for lib in ("pysbd", "blingfire", "blocks+pysbd", "blocks+blingfire"):
    c = collections.Counter(kind(d) for d in ds if d["lib"] == lib)
    print(f"\n## {lib}: {sum(c.values())} figures disagree")
    general = collections.Counter()
    for k, n in c.items():
        g = re.sub(r": '.*", "", k) if "'" in k else k
        general[g] += n
    for k, n in general.most_common(12):
        print(f"{n:5d}  {k}")
    if lib == "blocks+blingfire":
        print("\n  every boundary:")
        for k, n in c.most_common():
            print(f"  {n:4d}  {k}")
