#!/bin/sh
# Benchmark: start-up, and rendering a response of N connections (default
# 1000) for every vendor. Prints wall time per run and per connection
# (best of 5), and, when valgrind is installed, the instruction count,
# which does not depend on the machine's load.
#   bench/render.sh [N]
set -eu
top=$(cd "$(dirname "$0")/.." && pwd)
cgwgen=${CGWGEN:-$top/cgwgen}
n=${1:-1000}
tmp=$(mktemp -d "${TMPDIR:-/tmp}/cgwgen-bench.XXXXXX")
trap 'rm -rf "$tmp"' EXIT

python3 - "$top/examples/tencent-describe-vpn-connections.json" "$n" \
    >"$tmp/big.json" <<'PY'
import copy, json, sys
doc = json.load(open(sys.argv[1]))
base = doc["Response"]["VpnConnectionSet"]
n = int(sys.argv[2])
out = []
for i in range(n):
    c = copy.deepcopy(base[i % len(base)])
    c["VpnConnectionId"] = "vpnx-b%07d" % i
    c["IKEOptionsSpecification"]["RemoteAddress"] = "198.51.%d.%d" % (100 + i // 250 % 100, 1 + i % 250)
    out.append(c)
doc["Response"]["VpnConnectionSet"] = out
doc["Response"]["TotalCount"] = n
json.dump(doc, sys.stdout)
PY

best() {	# best of 5 wall-clock runs of "$@", in microseconds
	b=
	for i in 1 2 3 4 5; do
		s=$(date +%s%N)
		"$@" >/dev/null 2>&1
		e=$(date +%s%N)
		t=$(( (e - s) / 1000 ))
		if [ -z "$b" ] || [ "$t" -lt "$b" ]; then b=$t; fi
	done
	echo "$b"
}

t=$(best "$cgwgen" --version)
echo "start-up (--version):            ${t} us"
t=$(best "$cgwgen" vendors)
echo "load and check every vendor:     ${t} us"
for v in $("$cgwgen" vendors | awk '{print $1}'); do
	t=$(best "$cgwgen" render -q --vendor "$v" --input "$tmp/big.json")
	echo "render $n connections ($v): ${t} us, $((t / n)) us per connection"
	if command -v valgrind >/dev/null 2>&1; then
		valgrind --tool=callgrind --callgrind-out-file="$tmp/cg" \
		    "$cgwgen" render -q --vendor "$v" --input "$tmp/big.json" \
		    >/dev/null 2>"$tmp/vg" || true
		ir=$(sed -n 's/.*Collected : *\([0-9]*\).*/\1/p' "$tmp/vg")
		[ -n "$ir" ] && echo "  instructions: $ir ($((ir / n)) per connection)"
	fi
done
