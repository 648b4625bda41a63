#!/usr/bin/env python3
"""Counts the pairs of `crossread passages --json ../shared/seeds` that a careful reader judged
wrong (issue 9: opposite claims, only agency names shared, unrelated sentences). Each is given
as two snippets; a reported pair is that wrong pair when one side holds one snippet and the
other side the other. Usage: known_wrong.py OUTPUT.json"""
import json, re, sys

WRONG = [
    ("if cooperation is requested", "Rejects US Request"),
    ("Reuters news agency reported", "AFP news agency"),
    ("helped end the battle in Baiji", "continued Russian support"),
]

def norm(t):
    return re.sub(r"\s+", " ", t).lower()

out = json.load(open(sys.argv[1]))
hits = []
for p in out["pairs"]:
    a, b = norm(p["a"].get("text", "")), norm(p["b"].get("text", ""))
    for x, y in WRONG:
        x, y = x.lower(), y.lower()
        if (x in a and y in b) or (x in b and y in a):
            hits.append(f"{x!r} ~ {y!r}")
for h in hits:
    print("wrong pair reported:", h)
print(f"known-wrong pairs reported {len(hits)}/{len(WRONG)}")
