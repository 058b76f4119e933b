#!/usr/bin/env bash
# Load on `senate-kb serve` with wrk: each route at 1, 16 and 64 connections for 10 s
# (requests/s, p50, p99, errors), the server's peak memory (VmHWM), then overload: 1,000
# connections for 10 s (quick 503s, memory bounded), and whether it answers normally after.
#
#   bash benches/load.sh                 # builds the release binary first
#   BIN=path/to/senate-kb bash benches/load.sh
#   DURATION=5s bash benches/load.sh
#
# Loopback only; the server and every wrk run are started and stopped here, and each run is
# bounded in time. Installs wrk (Debian) when missing. Prints markdown tables for
# BENCHMARKS.md. Goal on a 2-core machine: no errors, p99 under 5 ms at 64 connections,
# search at least 40% of /healthz's requests per second.
set -euo pipefail
cd "$(dirname "$0")/.."

duration=${DURATION:-10s}
if ! command -v wrk >/dev/null; then
    sudo=()
    [ "$(id -u)" -eq 0 ] || sudo=(sudo)
    "${sudo[@]}" apt-get update -qq
    "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk
fi
if [ -z "${BIN:-}" ]; then
    cargo build --release --quiet
    BIN=$(cargo metadata --format-version 1 --no-deps |
        python3 -c 'import json,sys; print(json.load(sys.stdin)["target_directory"])')/release/senate-kb
fi
# wrk opens one socket per connection: 1,000 and more need the limit raised.
ulimit -n 65536 2>/dev/null || ulimit -n 4096

work=$(mktemp -d)
server=
cleanup() {
    [ -n "$server" ] && kill "$server" 2>/dev/null && wait "$server" 2>/dev/null
    rm -rf "$work"
}
trap cleanup EXIT

"$BIN" --index "$work/index" index >/dev/null
"$BIN" --index "$work/index" serve --addr 127.0.0.1:0 >"$work/out" 2>"$work/err" &
server=$!
for _ in $(seq 100); do
    grep -q 'http://' "$work/out" 2>/dev/null && break
    sleep 0.1
done
port=$(grep -o '127\.0\.0\.1:[0-9]*' "$work/out" | head -1 | cut -d: -f2)
base="http://127.0.0.1:$port"
for _ in $(seq 100); do
    curl -sf "$base/readyz" >/dev/null && break
    sleep 0.1
done

echo "date: $(date -u '+%Y-%m-%d %H:%M UTC'), commit $(git rev-parse --short HEAD)$(git diff --quiet || echo '+changes')"
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')"
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
echo

# One wrk run: prints "rps p50 p99 errors" (latencies in ms).
run() {
    local connections=$1 url=$2 threads=2
    [ "$connections" -lt 2 ] && threads=1
    wrk -t"$threads" -c"$connections" -d"${DURATION_OVERRIDE:-$duration}" --timeout 5s --latency "$url" 2>&1 |
        awk '
        function ms(v) {
            if (v ~ /us$/) { sub(/us$/, "", v); return v / 1000 }
            if (v ~ /ms$/) { sub(/ms$/, "", v); return v + 0 }
            if (v ~ /s$/)  { sub(/s$/, "", v);  return v * 1000 }
            return v
        }
        /^ +50%/ { p50 = ms($2) }
        /^ +99%/ { p99 = ms($2) }
        /Requests\/sec/ { rps = $2 }
        /Non-2xx/ { errors += $NF }
        /Socket errors/ { gsub(",", ""); errors += $4 + $6 + $8 + $10 }
        END { printf "%.0f %.2f %.2f %d\n", rps, p50, p99, errors }'
}

routes=(
    "/healthz"
    "/api/search?q=Plagiat"
    "/api/search?q=Stichwahll"
    "/api/races/co"
)
echo "| route | connections | requests/s | p50 ms | p99 ms | errors |"
echo "| --- | ---: | ---: | ---: | ---: | ---: |"
declare -A rps64
for route in "${routes[@]}"; do
    for c in 1 16 64; do
        read -r rps p50 p99 errors < <(run "$c" "$base$route")
        echo "| \`$route\` | $c | $rps | $p50 | $p99 | $errors |"
        [ "$c" -eq 64 ] && rps64[$route]=$rps
    done
done
hwm=$(grep VmHWM "/proc/$server/status" | awk '{print $2}')
echo
echo "peak memory (VmHWM) after the runs: $((hwm / 1024)) MB"
for route in "${routes[@]:1}"; do
    awk -v r="${rps64[$route]}" -v f="${rps64[/healthz]}" -v n="$route" \
        'BEGIN { printf "%s at 64 connections: %.0f%% of /healthz\n", n, 100 * r / f }'
done
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"

# The table's runs follow each other for minutes, while other work on the machine comes and
# goes: the share of the floor is measured again with the routes interleaved, 5 s each at
# 64 connections, three rounds, each route against the /healthz run just before it.
echo
echo "interleaved at 64 connections (5 s each, three rounds): requests/s as a share of the /healthz run before"
declare -A shares
for round in 1 2 3; do
    floor=
    for route in "${routes[@]}"; do
        read -r rps _ < <(DURATION_OVERRIDE=5s run 64 "$base$route")
        if [ "$route" = /healthz ]; then
            floor=$rps
        else
            shares[$route]+="$(awk -v r="$rps" -v f="$floor" 'BEGIN { printf "%.0f", 100 * r / f }') "
        fi
    done
done
for route in "${routes[@]:1}"; do
    echo "    $route: ${shares[$route]}(%, rounds 1-3)"
done

echo
echo "overload: 1,000 connections for $duration on /api/search?q=Plagiat"
wrk -t2 -c1000 -d"$duration" --timeout 5s --latency "$base/api/search?q=Plagiat" >"$work/overload" 2>&1 &
wrk_pid=$!
sleep 3
# What a client is told meanwhile, and how fast.
for _ in 1 2 3 4 5; do
    curl -s -o "$work/body" -w '%{http_code} %{time_total}s' "$base/api/search?q=Plagiat" >"$work/sample" || true
    echo "    meanwhile: $(cat "$work/sample") $(head -c 100 "$work/body")"
done
wait "$wrk_pid" || true
grep -E 'Requests/sec|Non-2xx|Socket errors|requests in|^ +(50|99)%' "$work/overload" | sed 's/^ */    /'
hwm=$(grep VmHWM "/proc/$server/status" | awk '{print $2}')
echo "    peak memory (VmHWM) after overload: $((hwm / 1024)) MB"
# What the refused ones were told.
status=$(curl -s -o /dev/null -w '%{http_code}' "$base/api/search?q=Plagiat")
echo "    afterwards: /api/search?q=Plagiat answers $status"
[ "$status" = 200 ]
