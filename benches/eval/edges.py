#!/usr/bin/env python3
"""Sentence edges on a corpus written one sentence a line (ECB+): how many reported sides that
are not clauses start or end inside a line, judged on the article files themselves.

A side passes when its first line starts some line of its article and its last line ends
one. Lines holding two sentences make a few honest misses; a splitter fault ("Roe v." |
"Wade", "6." | "1-magnitude") makes many.
Usage: edges.py ARTICLES_DIR OUTPUT.json [EXAMPLES]
"""
import json, os, sys

articles, out_path = sys.argv[1], sys.argv[2]
show = int(sys.argv[3]) if len(sys.argv) > 3 else 5
out = json.load(open(out_path))
path_of = {str(a["id"]): a.get("path") for a in out["articles"]}
lines_of, bad, sides = {}, [], 0
for p in out["pairs"]:
    if "clause" in p.get("flags", []):
        continue
    for side in (p["a"], p["b"]):
        doc = str(side["article"])
        if doc not in lines_of:
            path = path_of.get(doc) or os.path.join(articles, doc + ".txt")
            lines_of[doc] = [l.strip() for l in open(path, encoding="utf-8").read().split("\n")]
        parts = [l.strip() for l in side["text"].split("\n") if l.strip()]
        if not parts:
            continue
        sides += 1
        lines = lines_of[doc]
        if not (any(l.startswith(parts[0]) for l in lines) and any(l.endswith(parts[-1]) for l in lines)):
            bad.append(side["text"])
for t in bad[:show]:
    print(f"  inside a line: {t[:150]!r}")
print(f"sides inside a line {len(bad)}/{sides} ({len(bad) / max(1, sides):.3f})")
