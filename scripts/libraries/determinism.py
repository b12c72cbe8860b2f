"""Cross-process determinism: the sha256 of every splitter's spans over the sample.
Run twice with different PYTHONHASHSEED and compare (see run_determinism.sh)."""
import hashlib, json, common
texts = [d["text"] for d in common.sample(300)]
for name, f in (("ours", common.ours), ("pysbd", lambda t: [(a, b) for a, b, _ in common.pysbd_spans(t)]),
                ("blingfire", common.blingfire_spans)):
    print(name, hashlib.sha256(json.dumps([f(t) for t in texts]).encode()).hexdigest()[:16])
