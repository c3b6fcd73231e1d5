#!/bin/sh
# Benchmark: a live render of a Tencent Cloud region of N connections
# (default 1000) on G VPN gateways (default 20), against the mock API
# (tests/e2e/mock_tencent.py on 127.0.0.1) answering each request after
# L ms (default 20, a round trip to the cloud). Prints the requests made,
# by action, against the fewest the API allows (ceil(N/100) pages, then
# the gateways' and customer gateways' addresses 100 ids a request), and
# the wall time against the time those requests alone must take (their
# number times L).
#   bench/live.sh [N [G [L]]]
set -eu
top=$(cd "$(dirname "$0")/.." && pwd)
cgwgen=${CGWGEN:-$top/cgwgen}
n=${1:-1000}
g=${2:-20}
lat=${3:-20}
tmp=$(mktemp -d "${TMPDIR:-/tmp}/cgwgen-bench.XXXXXX")
mock=
trap '[ -z "$mock" ] || kill "$mock" 2>/dev/null; rm -rf "$tmp"' EXIT
PYTHONDONTWRITEBYTECODE=1
export PYTHONDONTWRITEBYTECODE

python3 "$top/tests/e2e/gen_tencent_account.py" --out "$tmp/fix" \
    --connections "$n" --gateways "$g" --profile modern
python3 "$top/tests/e2e/mock_tencent.py" --fixtures "$tmp/fix" \
    --port-file "$tmp/port" --log "$tmp/log" --latency-ms "$lat" \
    2>"$tmp/mock.err" &
mock=$!
i=0
while [ ! -s "$tmp/port" ] && [ $i -lt 200 ]; do
	sleep 0.05
	i=$((i + 1))
done
[ -s "$tmp/port" ] || { cat "$tmp/mock.err" >&2; exit 1; }

HOME=$tmp
TENCENTCLOUD_SECRET_ID=AKIDmockmockmockmockmockmockmockmock
TENCENTCLOUD_SECRET_KEY=mock-secret-key-0123456789abcdef
export HOME TENCENTCLOUD_SECRET_ID TENCENTCLOUD_SECRET_KEY
unset TCCLI_PROFILE TENCENTCLOUD_SESSION_TOKEN TENCENTCLOUD_TOKEN \
    TENCENTCLOUD_REGION 2>/dev/null || true
mkdir "$tmp/out"

# To standard output: writing 1000 files, each synced to disk, is the
# file system's time, not the API's (bench/render.sh measures rendering).
s=$(date +%s%N)
"$cgwgen" render -q --cloud tencent --region ap-guangzhou \
    --endpoint "http://127.0.0.1:$(cat "$tmp/port")" --vendor strongswan \
    >"$tmp/out/all.conf"
e=$(date +%s%N)
ms=$(( (e - s) / 1000000 ))
files=$(grep -c '^    vpnx-[0-9a-z]* {$' "$tmp/out/all.conf" || true)

python3 - "$tmp/log" "$n" "$g" "$lat" "$ms" "$files" <<'PY'
import collections, json, sys
log, n, g, lat, ms, files = sys.argv[1], *map(int, sys.argv[2:])
reqs = [json.loads(l) for l in open(log)]
by = collections.Counter(r["action"] for r in reqs)
page = lambda k: -(-k // 100)
fewest = page(n) + page(g) + page(n)    # one customer gateway each
print("%d connections on %d gateways, %d ms a request" % (n, g, lat))
for a, k in sorted(by.items()):
    print("  %-26s %d" % (a, k))
print("requests: %d (fewest possible: %d)" % (len(reqs), fewest))
print("connections rendered: %d" % files)
srv = sum(r.get("duration_ms", 0) for r in reqs)
print("wall time: %d ms; the requests' latency alone: %d ms; the mock's "
      "answers, latency included: %d ms; the rest (cgwgen, the transfers): "
      "%d ms" % (ms, len(reqs) * lat, srv, ms - srv))
sys.exit(0 if len(reqs) == fewest and files == n else 1)
PY
