# Sourced by the benchmark scripts: generates bench/generate_corpus.py's corpus of N profiles
# into BENCH/N, or keeps the one there when the generator and seed are the same.
#   ensure_corpus N   (uses HERE, BENCH and SEED; sets CORPUS)
ensure_corpus() {
    CORPUS="$BENCH/$1"
    local stamp
    stamp="$(sha1sum < "$HERE/generate_corpus.py" | cut -c1-16) seed=$SEED"
    if [ ! -f "$CORPUS/site.yml" ] || [ "$(cat "$BENCH/$1.stamp" 2>/dev/null)" != "$stamp" ]; then
        echo "== generating corpus of $1 into $CORPUS"
        python3 "$HERE/generate_corpus.py" "$1" "$CORPUS" --seed "$SEED"
        echo "$stamp" > "$BENCH/$1.stamp"
    fi
}
