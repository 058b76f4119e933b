#!/usr/bin/env bash
# Three `senate-kb serve` replicas behind nginx (deploy/nginx.conf, its ports replaced):
# requests/s for one replica and for three, then a run under load in which one replica is
# killed (SIGKILL) in the middle; every request must still succeed (nginx retries it on
# another replica).
#
#   bash benches/replicas.sh              # builds the release binary first
#   BIN=path/to/senate-kb DURATION=10s CONNECTIONS=16 bash benches/replicas.sh
#
# Loopback only. Installs nginx and wrk (Debian) when missing; starts and stops nginx and
# the replicas itself; every run is bounded in time. Exits non-zero when a request failed.
set -euo pipefail
cd "$(dirname "$0")/.."

duration=${DURATION:-10s}
connections=${CONNECTIONS:-16}
missing=()
command -v wrk >/dev/null || missing+=(wrk)
command -v nginx >/dev/null || [ -x /usr/sbin/nginx ] || missing+=(nginx-light)
if ((${#missing[@]})); then
    sudo=()
    [ "$(id -u)" -eq 0 ] || sudo=(sudo)
    "${sudo[@]}" apt-get update -qq
    "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}"
fi
nginx=$(command -v nginx || echo /usr/sbin/nginx)
if [ -z "${BIN:-}" ]; then
    cargo build --release --quiet
    BIN=$(cargo metadata --format-version 1 --no-deps |
        python3 -c 'import json,sys; print(json.load(sys.stdin)["target_directory"])')/release/senate-kb
fi

work=$(mktemp -d)
chmod 755 "$work"
pids=()
nginx_pid=
cleanup() {
    [ -n "$nginx_pid" ] && kill "$nginx_pid" 2>/dev/null && wait "$nginx_pid" 2>/dev/null
    for pid in "${pids[@]}"; do
        kill "$pid" 2>/dev/null && wait "$pid" 2>/dev/null
    done
    rm -rf "$work"
}
trap cleanup EXIT

# A free loopback port, from the kernel.
free_port() {
    python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

# Starts a replica on the shared index and waits until it is ready; its pid goes to
# `pids`, its port (from its start line) to `ports`. Not in a subshell: `pids` must see it.
start_replica() {
    local n=$1
    "$BIN" --index "$work/index" serve --addr 127.0.0.1:0 >"$work/out$n" 2>"$work/err$n" &
    pids+=($!)
    for _ in $(seq 100); do
        grep -q 'http://' "$work/out$n" 2>/dev/null && break
        sleep 0.1
    done
    local port
    port=$(grep -o '127\.0\.0\.1:[0-9]*' "$work/out$n" | head -1 | cut -d: -f2)
    for _ in $(seq 100); do
        curl -sf "http://127.0.0.1:$port/readyz" >/dev/null && break
        sleep 0.1
    done
    ports+=("$port")
}

# Writes deploy/nginx.conf with nginx on $1 and the replicas on the other ports.
configure() {
    local listen=$1
    shift
    local servers=""
    for port in "$@"; do
        servers+="        server 127.0.0.1:$port max_fails=2 fail_timeout=5s;\n"
    done
    awk -v servers="$servers" -v listen="$listen" '
        /^ *server 127\.0\.0\.1:808[1-9]/ { if (!done) { printf "%s", servers; done = 1 } next }
        /listen 127\.0\.0\.1:8080;/ { sub(/8080/, listen) }
        { print }' deploy/nginx.conf >"$work/nginx.conf"
}

start_nginx() {
    mkdir -p "$work/nginx"
    "$nginx" -c "$work/nginx.conf" -p "$work/nginx/" -g 'daemon off;' 2>"$work/nginx.err" &
    nginx_pid=$!
    for _ in $(seq 100); do
        curl -sf "http://127.0.0.1:$1/healthz" >/dev/null && return
        sleep 0.1
    done
    cat "$work/nginx.err" >&2
    return 1
}

stop_nginx() {
    kill "$nginx_pid" && wait "$nginx_pid" 2>/dev/null || true
    nginx_pid=
}

# One wrk run: "requests/s errors requests".
run() {
    wrk -t2 -c"$connections" -d"$duration" --timeout 5s "$1" 2>&1 |
        awk '/Requests\/sec/ { rps = $2 }
             /requests in/ { total = $1 }
             /Non-2xx/ { errors += $NF }
             /Socket errors/ { gsub(",", ""); errors += $4 + $6 + $8 + $10 }
             END { printf "%.0f %d %d\n", rps, errors, total }'
}

"$BIN" --index "$work/index" index >/dev/null
ports=()
for n in 1 2 3; do
    start_replica "$n"
done
listen=$(free_port)
url="http://127.0.0.1:$listen/api/search?q=Plagiat"

echo "date: $(date -u '+%Y-%m-%d %H:%M UTC'), commit $(git rev-parse --short HEAD)$(git diff --quiet || echo '+changes')"
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "replicas on ports ${ports[*]}, nginx on $listen; $connections connections, $duration a run"
echo
echo "| setup | requests/s | errors |"
echo "| --- | ---: | ---: |"
read -r rps errors _ < <(run "http://127.0.0.1:${ports[0]}/api/search?q=Plagiat")
echo "| one replica, no nginx | $rps | $errors |"
configure "$listen" "${ports[0]}"
start_nginx "$listen"
read -r rps errors _ < <(run "$url")
echo "| nginx, one replica | $rps | $errors |"
stop_nginx
configure "$listen" "${ports[@]}"
start_nginx "$listen"
read -r rps errors _ < <(run "$url")
echo "| nginx, three replicas | $rps | $errors |"

# The same load; a third of the way in, the second replica is killed outright.
run "$url" >"$work/kill" &
wrk_pid=$!
seconds=${duration%s}
sleep "$(awk -v d="$seconds" 'BEGIN { print d / 3 }')"
kill -KILL "${pids[1]}"
wait "${pids[1]}" 2>/dev/null || true
echo "    (replica on ${ports[1]} killed at $(date -u +%H:%M:%S))" >&2
wait "$wrk_pid"
read -r rps errors total <"$work/kill"
echo "| nginx, three replicas, one killed in the middle | $rps | $errors |"
echo
echo "kill run: $total requests, $errors failed"
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
[ "$errors" -eq 0 ]
