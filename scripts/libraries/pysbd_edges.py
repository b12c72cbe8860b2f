"""pysbd (clean=False, char_span=True): offsets on repeated sentences and odd text; time on the longest document."""
import time, pysbd, common
seg = pysbd.Segmenter(language="en", clean=False, char_span=True)
for s in ["Yes. Yes. Yes.", "It rose 5%. It rose 5%.\n\nIt rose 5%.", "The U.S. sent 2 tanks. Dr. Li said so.",
          "Forces advanced 5 km.[12] The U.S. sent 2 tanks.", "[Sen. Joni\nErnst](https://x.com/a): “In just 100 days.”",
          "He said… 325,000 children came. Then @POTUS spoke."]:
    spans = seg.segment(s)
    print(repr(s), [(x.start, x.end) for x in spans], all(s[x.start:x.end] == x.sent for x in spans), [x.sent for x in spans])
docs = common.sample(300)
t = max((d["text"] for d in docs), key=len)
best = min((lambda: (lambda t0: (seg.segment(t), time.perf_counter() - t0)[1])(time.perf_counter()))() for _ in range(3))
print(f"longest document {len(t):,} chars: pysbd {best:.2f} s = {len(t)/best:,.0f} chars/s")
