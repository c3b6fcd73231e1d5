#!/bin/sh
# Benchmark: a live render of an Alibaba Cloud region of N connections
# (default 1000) on G VPN gateways (default 20) and C customer gateways
# (default 20), against the mock API (tests/e2e/mock_alibaba.py on
# 127.0.0.1) answering each request after L ms (default 20). Prints the
# requests made, by action, against the fewest the API allows:
# ceil(N/50) pages of DescribeVpnConnections, then one
# DescribeCustomerGateway per customer gateway (the API has no batch call
# by id; connections carry their InternetIp, so no DescribeVpnGateway);
# and the wall time against the time those requests alone must take.
#   bench/live-alibaba.sh [N [G [C [L]]]]
set -eu
top=$(cd "$(dirname "$0")/.." && pwd)
cgwgen=${CGWGEN:-$top/cgwgen}
n=${1:-1000}
g=${2:-20}
cg=${3:-20}
lat=${4:-20}
tmp=$(mktemp -d "${TMPDIR:-/tmp}/cgwgen-bench.XXXXXX")
mock=
trap '[ -z "$mock" ] || kill "$mock" 2>/dev/null; rm -rf "$tmp"' EXIT
PYTHONDONTWRITEBYTECODE=1
export PYTHONDONTWRITEBYTECODE

python3 "$top/tests/e2e/gen_alibaba_account.py" --out "$tmp/fix" \
    --connections "$n" --gateways "$g" --customer-gateways "$cg" \
    --profile modern
python3 "$top/tests/e2e/mock_alibaba.py" --fixtures "$tmp/fix" \
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
ALIBABA_CLOUD_ACCESS_KEY_ID=LTAI5tMockMockMockMock01
ALIBABA_CLOUD_ACCESS_KEY_SECRET=mock-alibaba-secret-0123456789abcdef
export HOME ALIBABA_CLOUD_ACCESS_KEY_ID ALIBABA_CLOUD_ACCESS_KEY_SECRET
unset ALIBABA_CLOUD_PROFILE ALIBABA_CLOUD_SECURITY_TOKEN \
    ALIBABA_CLOUD_REGION_ID 2>/dev/null || true

s=$(date +%s%N)
"$cgwgen" render -q --cloud alibaba --region cn-hangzhou \
    --endpoint "http://127.0.0.1:$(cat "$tmp/port")" --vendor strongswan \
    >"$tmp/all.conf"
e=$(date +%s%N)
ms=$(( (e - s) / 1000000 ))
conns=$(grep -c '^# Connection vco-' "$tmp/all.conf" || true)

python3 - "$tmp/log" "$n" "$g" "$cg" "$lat" "$ms" "$conns" <<'PY'
import collections, json, sys
log, n, g, cg, lat, ms, conns = sys.argv[1], *map(int, sys.argv[2:])
reqs = [json.loads(l) for l in open(log)]
by = collections.Counter(r["action"] for r in reqs)
fewest = -(-n // 50) + min(n, cg)
print("%d connections on %d gateways and %d customer gateways, %d ms a "
      "request" % (n, g, cg, lat))
for a, k in sorted(by.items()):
    print("  %-26s %d" % (a, k))
print("requests: %d (fewest possible: %d)" % (len(reqs), fewest))
print("connections rendered: %d" % conns)
srv = sum(r.get("duration_ms", 0) for r in reqs)
print("wall time: %d ms; the requests' latency alone: %d ms; the mock's "
      "answers, latency included: %d ms; the rest (cgwgen, the transfers): "
      "%d ms" % (ms, len(reqs) * lat, srv, ms - srv))
sys.exit(0 if len(reqs) == fewest and conns == n else 1)
PY
