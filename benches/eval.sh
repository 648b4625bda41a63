#!/usr/bin/env bash
# Real data in the loop: runs the release binary, as a user would (`passages --json`, empty
# config and cache), on the sample articles and the real corpora of the evaluation folder, scores
# each with its scorer and prints one summary table. Outputs are kept in target/tmp/eval/.
#
#   benches/eval.sh [EVAL_DIR]      # default: $CROSSREAD_EVAL, else ../shared/eval
#                                   # (../../shared/eval from a worktree)
#
# - seeds: ../shared/seeds against seed-gold.json (check_alignment.py, must and should recall
#   1, at most 40 pairs), and the three pairs issue 9 judged wrong (eval/known_wrong.py);
# - ECB+: 982 articles of 86 events (score_ecb.py: recall, supported, off-story, ARI), and
#   the non-clause sides that start or end inside one of its lines, which are sentences
#   (eval/edges.py);
# - the census and spotify scrapes: every silver.tsv article pair sharing >= 12 words
#   aligned, and the share of those runs covered (eval/silver.py).
# Missing data is skipped with a message. CROSSREAD_BIN=PATH measures another build.
set -u
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/.." && pwd)
default=$root/../shared/eval
# In a git worktree the repository sits one folder deeper.
[ -d "$default" ] || [ ! -d "$root/../../shared/eval" ] || default=$root/../../shared/eval
eval_dir=${1:-${CROSSREAD_EVAL:-$default}}
seeds=${CROSSREAD_SEEDS:-$(dirname "$eval_dir")/seeds}
if [ ! -d "$eval_dir" ]; then
    echo "eval: $eval_dir not found: nothing to do (give the evaluation folder as argument)"
    exit 0
fi
if ! command -v python3 >/dev/null; then
    echo "eval: python3 not found: the scorers are Python scripts"
    exit 1
fi
if [ -z "${CROSSREAD_BIN:-}" ]; then
    (cd "$root" && cargo build --release --quiet) || exit 1
fi
bin=${CROSSREAD_BIN:-$root/target/release/crossread}
out=$root/target/tmp/eval
mkdir -p "$out/config"
rows=()

# run NAME DIR: `passages --json DIR` into $out/NAME.json; sets $secs and $npairs.
run() {
    local name=$1 dir=$2 start end
    rm -rf "$out/cache"
    mkdir -p "$out/cache"
    start=$(date +%s.%N)
    if ! XDG_CONFIG_HOME="$out/config" XDG_CACHE_HOME="$out/cache" \
        "$bin" passages --json "$dir" >"$out/$name.json" 2>"$out/$name.stderr"; then
        echo "eval: crossread failed on $dir: $(head -c 300 "$out/$name.stderr")"
        return 1
    fi
    end=$(date +%s.%N)
    secs=$(python3 -c "print(f'{$end - $start:.2f}')")
    npairs=$(python3 -c "import json,sys; print(len(json.load(open(sys.argv[1]))['pairs']))" "$out/$name.json")
    return 0
}

row() { rows+=("| $1 | $2 | $3 s | $4 | $5 | $6 |"); }

echo "== seeds"
if [ -f "$eval_dir/seed-gold.json" ] && [ -d "$seeds" ] && run seeds "$seeds"; then
    gold=$(python3 "$eval_dir/check_alignment.py" "$eval_dir/seed-gold.json" "$out/seeds.json" \
        --min-recall-must 1 --min-recall-should 1 --max-pairs 40)
    echo "$gold"
    wrong=$(python3 "$here/eval/known_wrong.py" "$out/seeds.json")
    echo "$wrong"
    n=$(ls "$seeds" | wc -l)
    row "seeds" "$n" "$secs" "$npairs" "$(echo "$gold" | tail -1); $(echo "$wrong" | tail -1)" \
        "must 1, should 1, ≤ 40 pairs, 0 known-wrong"
else
    echo "eval: seeds or seed-gold.json missing: skipped"
fi

echo "== ECB+"
if [ -d "$eval_dir/ecbplus/articles" ] && run ecbplus "$eval_dir/ecbplus/articles"; then
    ecb=$(python3 "$eval_dir/score_ecb.py" "$eval_dir/ecbplus" "$out/ecbplus.json")
    echo "$ecb"
    edges=$(python3 "$here/eval/edges.py" "$eval_dir/ecbplus/articles" "$out/ecbplus.json")
    echo "$edges"
    n=$(ls "$eval_dir/ecbplus/articles" | wc -l)
    row "ECB+" "$n" "$secs" "$npairs" "$(echo "$ecb" | tail -1); $(echo "$edges" | tail -1)" \
        "supported ≥ 0.90, recall ≥ 0.30, off-story ≤ 0.03, ARI ≥ 0.80"
else
    echo "eval: $eval_dir/ecbplus missing: skipped"
fi

for scrape in census spotify; do
    echo "== $scrape"
    d=$eval_dir/scrapes/$scrape
    if [ -d "$d/articles" ] && run "$scrape" "$d/articles"; then
        silver=$(python3 "$here/eval/silver.py" "$d" "$out/$scrape.json" 12)
        echo "$silver"
        n=$(ls "$d/articles" | wc -l)
        row "$scrape" "$n" "$secs" "$npairs" "$(echo "$silver" | tail -1)" \
            "every silver pair ≥ 12 words aligned"
    else
        echo "eval: $d missing: skipped"
    fi
done

echo
echo "crossread: $("$bin" --version 2>/dev/null) at $(cd "$root" && git log -1 --format='%h %cs' 2>/dev/null); $(uptime)"
echo
echo "| Corpus | Articles | Time | Pairs | Result | Target |"
echo "| --- | --- | --- | --- | --- | --- |"
for r in "${rows[@]}"; do echo "$r"; done
