#!/usr/bin/env bash
# Cold start, the way people use a CLI: `senate-kb search Plagiat` with an existing index, as a
# whole process, beside `rg -i plagiat corpus/` and beside the `sqlite3` command-line tool
# answering the same query from an FTS5 table of the same units (unicode61 remove_diacritics 2,
# ranked by bm25; `plagiat*`, since FTS5 cannot find a compound's part: the article only says
# `Plagiatsvorwurfs`).
#
#   bash benches/cold-start.sh            # 300 runs each after 30 warm-up runs
#   RUNS=1000 bash benches/cold-start.sh
#
# Installs hyperfine, ripgrep, sqlite3 and time (Debian packages) when missing, builds the
# release binary both ways (`cargo build --release`, dynamically linked; `cargo dist`,
# statically linked, the one that ships), and prints the machine, its load, hyperfine's table, the peak memory of each
# command (/usr/bin/time -f %M, the largest of 20 runs) and whether the targets hold: a median
# of 3 ms or less, no slower than rg, within 1.2x of sqlite3, peak memory under 10 MB.
set -euo pipefail
cd "$(dirname "$0")/.."

runs=${RUNS:-300}
warmup=${WARMUP:-30}

missing=()
command -v hyperfine >/dev/null || missing+=(hyperfine)
command -v rg >/dev/null || missing+=(ripgrep)
command -v sqlite3 >/dev/null || missing+=(sqlite3)
[ -x /usr/bin/time ] || missing+=(time)
if ((${#missing[@]})); then
    sudo=()
    [ "$(id -u)" -eq 0 ] || sudo=(sudo)
    "${sudo[@]}" apt-get update -qq
    "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}"
fi

# Two builds of the same code: the dynamically linked one `cargo build --release` (and
# `cargo run --release`) makes, and the statically linked one `cargo dist` makes to install
# or ship (x86-64 Linux only; see .cargo/config.toml). The targets are judged on the one
# that ships.
cargo build --release --quiet
dynamic=$PWD/target/release/senate-kb
bin=$dynamic
if [ "$(uname -m)-$(uname -s)" = "x86_64-Linux" ]; then
    cargo dist --quiet
    bin=$PWD/target/x86_64-unknown-linux-gnu/release/senate-kb
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# The index, built once: the measured runs find it up to date.
"$bin" --index "$work/index" index >/dev/null

# The same units in an FTS5 table: one row per document, both languages.
"$bin" --index "$work/index" export >"$work/export.ndjson"
{
    echo '['
    sed '$!s/$/,/' "$work/export.ndjson"
    echo ']'
} >"$work/export.json"
sqlite3 "$work/fts5.db" <<SQL
CREATE VIRTUAL TABLE docs USING fts5(id UNINDEXED, de, en,
    tokenize = 'unicode61 remove_diacritics 2');
INSERT INTO docs (id, de, en)
SELECT json_extract(d.value, '$.id'),
    (SELECT group_concat(json_extract(u.value, '$.de'), ' ') FROM json_each(d.value, '$.text') u),
    (SELECT group_concat(json_extract(u.value, '$.en'), ' ') FROM json_each(d.value, '$.text') u)
FROM json_each(readfile('$work/export.json')) d;
SQL

query="SELECT id, snippet(docs, -1, '[', ']', '...', 12) FROM docs WHERE docs MATCH 'plagiat*' ORDER BY rank LIMIT 10"
senate=("$bin" --index "$work/index" --lang de --color never search Plagiat)
senate_dynamic=("$dynamic" --index "$work/index" --lang de --color never search Plagiat)
# A word of nine letters, which may have two typos: the automaton for them is the costliest.
senate_long=("$bin" --index "$work/index" --lang de --color never search Stichwahl)
ripgrep=(rg -i plagiat corpus/)
sqlite=(sqlite3 "$work/fts5.db" "$query")

echo "== what each command answers"
show() {
    echo "-- $*"
    "$@" | cut -c1-140
}
show "${senate[@]}"
show "${senate_dynamic[@]}"
show "${senate_long[@]}"
show "${ripgrep[@]}"
show "${sqlite[@]}"

echo
echo "== machine"
echo "cores: $(nproc); CPU: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//')"
echo "load before: $(uptime)"

q() { printf '%q ' "$@"; }
hyperfine -N --warmup "$warmup" --runs "$runs" --export-json "$work/hyperfine.json" \
    -n senate-kb "$(q "${senate[@]}")" \
    -n senate-kb-dynamic "$(q "${senate_dynamic[@]}")" \
    -n senate-kb-stichwahl "$(q "${senate_long[@]}")" \
    -n rg "$(q "${ripgrep[@]}")" \
    -n sqlite3 "$(q "${sqlite[@]}")"
echo "load after: $(uptime)"

# Medians in ms, read from hyperfine's JSON with sqlite3's JSON functions.
medians=$(sqlite3 -separator ' ' :memory: "SELECT json_extract(value, '$.command'),
    printf('%.3f', json_extract(value, '$.median') * 1000),
    printf('%.3f', json_extract(value, '$.mean') * 1000)
    FROM json_each(readfile('$work/hyperfine.json'), '$.results')")
echo
echo "== medians and means (ms)"
echo "$medians"

peak() {
    local max=0 kb
    for _ in $(seq 20); do
        kb=$( { /usr/bin/time -f %M "$@" >/dev/null; } 2>&1 | tail -1)
        ((kb > max)) && max=$kb
    done
    echo "$max"
}
echo
echo "== peak memory (kB, largest of 20 runs)"
peak_senate=$(peak "${senate[@]}")
peak_dynamic=$(peak "${senate_dynamic[@]}")
peak_rg=$(peak "${ripgrep[@]}")
peak_sqlite=$(peak "${sqlite[@]}")
echo "senate-kb $peak_senate"
echo "senate-kb-dynamic $peak_dynamic"
echo "rg $peak_rg"
echo "sqlite3 $peak_sqlite"

median() { awk -v name="$1" '$1 == name { print $2 }' <<<"$medians"; }
m_senate=$(median senate-kb)
m_dynamic=$(median senate-kb-dynamic)
m_long=$(median senate-kb-stichwahl)
m_rg=$(median rg)
m_sqlite=$(median sqlite3)
verdict() { awk "BEGIN { exit !($1) }" && echo "met" || echo "NOT met"; }
echo
echo "== targets"
echo "median <= 3 ms:            $m_senate ms: $(verdict "$m_senate <= 3")"
echo "no slower than rg:         $m_senate vs $m_rg ms: $(verdict "$m_senate <= $m_rg")"
echo "within 1.2x of sqlite3:    $m_senate vs $m_sqlite ms ($(awk "BEGIN { printf \"%.2f\", $m_senate / $m_sqlite }")x): $(verdict "$m_senate <= 1.2 * $m_sqlite")"
echo "peak memory < 10 MB:       $peak_senate kB: $(verdict "$peak_senate < 10240")"
echo "(the dynamically linked build: $m_dynamic ms, $(awk "BEGIN { printf \"%.2f\", $m_dynamic / $m_sqlite }")x sqlite3, $peak_dynamic kB)"
echo "(search Stichwahl, nine letters: $m_long ms, $(awk "BEGIN { printf \"%.2f\", $m_long / $m_sqlite }")x sqlite3)"
echo "load at the end: $(uptime)"
