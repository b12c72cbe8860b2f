"""Where do blingfire's offsets not map onto the text? The one gap with non-whitespace, and edge cases."""
import blingfire, common
texts = [d["text"] for d in common.sample(300)]
for di, t in enumerate(texts):
    out, offs = blingfire.text_to_sentences_and_offsets(t)
    prev = 0
    for a, b in offs + [(len(t), len(t))]:
        if t[prev:a].strip():
            print("doc", di, "lost text between sentences:", repr(t[prev:a]), "context:", repr(t[max(0, prev - 40):a + 40]))
        prev = max(prev, b)
for s in ["He paid $5. Then 🚨 alerts rose 95%. Done.", "Café\u0301 costs 5 €. Next one.", "A\u200bB is 5 km. C.",
          "Tab\tand\x00null. Next.", "Line one\r\nLine two. Three."]:
    out, offs = blingfire.text_to_sentences_and_offsets(s)
    print(repr(s), offs, [s[a:b] for a, b in offs], out.split("\n"))
