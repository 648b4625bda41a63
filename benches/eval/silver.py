#!/usr/bin/env python3
"""Silver recall of `crossread passages --json` on a real scrape (see benches/eval.sh).

silver.tsv lists verbatim runs of >= 8 words that two articles share, found by a machine.
For the runs of >= MIN words (default 12) this reports:
  pairs  the article pairs sharing such a run that some reported pair joins;
  runs   the runs a reported pair covers: its two sides hold >= half of the run's words in
         order, on each side (a run of one article reported with another is not covered).
Two members of one copy family (`families` in the output) count as joined; a member that is a
byte-identical copy of another (`copy_of`) is scored through that other, since identical texts
are aligned once. Missed article pairs are listed, with the longest run they share and its
text, so that a reader can judge the miss (a copyright line shared by two pages of one
publisher is rightly not aligned).
Usage: silver.py SCRAPE_DIR OUTPUT.json [MIN]
"""
import csv, json, os, re, sys, unicodedata
from difflib import SequenceMatcher

def words(t):
    return [w for w in re.split(r"[^\w]+", unicodedata.normalize("NFKC", t).lower()) if w]

def covered(run, rep):
    m = SequenceMatcher(None, run, rep, autojunk=False)
    return sum(b.size for b in m.get_matching_blocks()) / max(1, len(run))

def main():
    d, out_path = sys.argv[1], sys.argv[2]
    least = int(sys.argv[3]) if len(sys.argv) > 3 else 12
    text = {}
    def article(name):
        if name not in text:
            text[name] = open(os.path.join(d, "articles", name), encoding="utf-8").read()
        return text[name]
    runs = [r for r in csv.DictReader(open(os.path.join(d, "silver.tsv")), delimiter="\t")
            if int(r["n_words"]) >= least]
    out = json.load(open(out_path))
    name = {str(a["id"]): os.path.basename(a.get("path", str(a["id"]))) for a in out["articles"]}
    copy_of, family = {}, {}
    for f in out.get("families", []):
        for m in f.get("members", []):
            art = name.get(str(m.get("article")))
            family[art] = f.get("id")
            if m.get("copy_of") is not None:
                copy_of[art] = name.get(str(m["copy_of"]))
    def root(x):
        seen = set()
        while x in copy_of and x not in seen:
            seen.add(x); x = copy_of[x]
        return x
    joined = {}
    for p in out["pairs"]:
        a = name.get(str(p["a"]["article"])); b = name.get(str(p["b"]["article"]))
        if a is None or b is None:
            continue
        wa, wb = words(p["a"].get("text", "")), words(p["b"].get("text", ""))
        joined.setdefault((a, b), []).append((wa, wb))
        joined.setdefault((b, a), []).append((wb, wa))
    pairs, found_pairs, found_runs, longest = set(), set(), 0, {}
    for r in runs:
        key = tuple(sorted((r["doc_a"], r["doc_b"])))
        pairs.add(key)
        if int(r["n_words"]) > longest.get(key, (0, ""))[0]:
            longest[key] = (int(r["n_words"]), article(r["doc_a"])[int(r["a_start"]):int(r["a_end"])])
        ra = words(article(r["doc_a"])[int(r["a_start"]):int(r["a_end"])])
        rb = words(article(r["doc_b"])[int(r["b_start"]):int(r["b_end"])])
        da, db = root(r["doc_a"]), root(r["doc_b"])
        reps = joined.get((da, db), [])
        same = da == db
        one_family = r["doc_a"] in family and family.get(r["doc_a"]) == family.get(r["doc_b"])
        if reps or same or one_family:
            found_pairs.add(key)
        if same or any(covered(ra, wa) >= 0.5 and covered(rb, wb) >= 0.5 for wa, wb in reps):
            found_runs += 1
    for key in sorted(pairs - found_pairs):
        n, run = longest[key]
        run = " ".join(run.split())
        print(f"missed pair {key[0]} {key[1]} (longest shared run {n} words: "
              f"{run[:100]}{'…' if len(run) > 100 else ''})")
    print(f"silver>={least}w pairs {len(found_pairs)}/{len(pairs)} "
          f"runs {found_runs}/{len(runs)} reported pairs {len(out['pairs'])}")

if __name__ == "__main__":
    main()
