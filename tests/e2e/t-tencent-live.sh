#!/bin/sh
# cgwgen against tests/e2e/mock_tencent.py, the mock of Tencent Cloud's VPC
# API (2017-03-12), end to end: list, show, render, download, reset,
# create-customer-gateway and vendors through the API; the live render
# against the render of a saved response; batching and paging, read from
# the mock's request log; the retries, and the failures that must not be
# retried; nothing written when a command fails; credentials, the session
# token, TLS; and no secret key or signature in anything cgwgen prints.
# Only 127.0.0.1 is ever contacted. Output is TAP.

. "${top_srcdir:-$(dirname "$0")/../..}/tests/lib.sh"

PY=${PYTHON3:-python3}
PYTHONDONTWRITEBYTECODE=1
E2E=$top_srcdir/tests/e2e
FIX=$E2E/fixtures/tencent
MOCK=$E2E/mock_tencent.py
export PYTHONDONTWRITEBYTECODE E2E FIX TMP

command -v "$PY" >/dev/null 2>&1 || skip_all "python3 not found"
"$PY" -c 'import sys; sys.exit(sys.version_info < (3, 7))' ||
	skip_all "python 3.7 or later needed"

umask 022
SID=AKIDmockmockmockmockmockmockmockmock
KEY=mock-secret-key-0123456789abcdef
TOKEN=tok-5f3a9c
HOME=$TMP/home
TENCENTCLOUD_SECRET_ID=$SID
TENCENTCLOUD_SECRET_KEY=$KEY
export HOME TENCENTCLOUD_SECRET_ID TENCENTCLOUD_SECRET_KEY
unset TCCLI_PROFILE TENCENTCLOUD_REGION TENCENTCLOUD_SESSION_TOKEN \
	TENCENTCLOUD_TOKEN CGWGEN_TEMPLATE_DIR
# libcurl (and urllib) would send even 127.0.0.1's traffic to a proxy.
unset http_proxy https_proxy HTTPS_PROXY all_proxy ALL_PROXY
NO_PROXY='*'
no_proxy='*'
export NO_PROXY no_proxy
mkdir "$HOME" "$TMP/w"	# w: every file cgwgen writes (checked for secrets)

# --- helpers ---------------------------------------------------------------

mock_pids=
cleanup() {
	for p in $mock_pids; do kill -TERM "$p" 2>/dev/null; done
	for p in $mock_pids; do wait "$p" 2>/dev/null; done
	cleanup_tmp
}
trap cleanup EXIT
trap 'exit 1' HUP INT TERM

# start_mock NAME ARGS...: start a mock in the background; $TMP/NAME.port,
# .log, .err. wait_mock NAME [https] waits for its port and sets $EP_NAME,
# the options that point cgwgen at it.
start_mock() {
	name=$1
	shift
	: >"$TMP/$name.log"
	"$PY" "$MOCK" --port-file "$TMP/$name.port" --log "$TMP/$name.log" "$@" \
		2>"$TMP/$name.err" &
	eval "pid_$name=\$!"
	mock_pids="$mock_pids $!"
}
wait_mock() {
	eval "p=\$pid_$1"
	i=0
	while [ ! -s "$TMP/$1.port" ] && [ $i -lt 400 ]; do
		kill -0 "$p" 2>/dev/null || break
		sleep 0.05
		i=$((i + 1))
	done
	port=$(cat "$TMP/$1.port" 2>/dev/null)
	echo "${2:-http}://127.0.0.1:${port:-1}/" >"$TMP/$1.url"
	eval "EP_$1=\"--cloud tencent --region ap-guangzhou --endpoint ${2:-http}://127.0.0.1:${port:-1}\""
	eval "PORT_$1=\${port:-1}"
	if [ -z "$port" ]; then
		diag "mock $1 did not start:"
		diag "$(cat "$TMP/$1.err")"
		return 1
	fi
}

# cg ARGS...: run cgwgen ($out, $err, $rc as run does); everything it prints
# is kept in $TMP/all-output for the final check for secrets.
cg() {
	run "$@"
	{
		echo "=== cgwgen $* (status $rc)"
		cat "$TMP/out" "$TMP/err"
	} >>"$TMP/all-output"
}

# py [ARGS...] <<'EOF' ... EOF: python checks (from tlib import *); their
# "PASS desc" / "FAIL desc" lines become TAP, other lines diagnostics.
py() {
	PYTHONPATH=$TMP "$PY" - "$@" >"$TMP/py.out" 2>&1
	pyrc=$?
	while IFS= read -r line; do
		case $line in
		PASS\ *) ok 0 "${line#PASS }" ;;
		FAIL\ *) ok 1 "${line#FAIL }" ;;
		*) diag "$line" ;;
		esac
	done <"$TMP/py.out"
	[ "$pyrc" -eq 0 ] || ok 1 "the python checks above ran to their end"
}

mode_of() { ls -ld "$1" | cut -c1-10; }
now_ms() { date +%s%N | cut -b1-13; }
nlines() { printf '%s\n' "$1" | grep -c "${2:-.}"; }

cat >"$TMP/tlib.py" <<'EOF'
"""Helpers of t-tencent-live.sh's python checks."""
import json, os, re, ssl, sys, time, urllib.request

TMP, FIX, E2E = os.environ["TMP"], os.environ["FIX"], os.environ["E2E"]
SID = "AKIDmockmockmockmockmockmockmockmock"
AUTH = re.compile(r"TC3-HMAC-SHA256 Credential=%s/\d{4}-\d\d-\d\d/vpc/tc3_request, "
                  r"SignedHeaders=content-type;host(;x-tc-action)?, "
                  r"Signature=<redacted>" % SID)
UUID = r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}"


def check(cond, desc, *diag):
    print(("PASS " if cond else "FAIL ") + desc)
    if not cond:
        for d in diag:
            for line in (str(d)[:2000].splitlines() or [""]):
                print("# " + line)


def fixture(name, d=FIX):
    return json.load(open(os.path.join(d, name), encoding="utf-8"))


def text(path):
    return open(path, encoding="utf-8", newline="").read()


def grab(pattern, s, flags=re.M):
    m = re.search(pattern, s, flags)
    return m.group(1) if m else None


def log(name, nowait=False):
    """The POST requests the mock NAME logged since the last call.

    A GET probe marks the end: once it and every request that arrived
    before it are in the log, the log is complete (the mock writes a line
    after answering). nowait: do not wait for earlier requests (one may
    still be sleeping in a 'slow' failure)."""
    url = open(os.path.join(TMP, name + ".url")).read().strip()
    markf = os.path.join(TMP, name + ".mark")
    mark = int(open(markf).read()) if os.path.exists(markf) else 0
    ctx = ssl.create_default_context()
    ctx.check_hostname = False
    ctx.verify_mode = ssl.CERT_NONE
    opener = urllib.request.build_opener(urllib.request.ProxyHandler({}),
                                         urllib.request.HTTPSHandler(context=ctx))
    rid = json.loads(opener.open(urllib.request.Request(url + "?probe", method="GET"),
                                 timeout=10).read())["Response"]["RequestId"]
    deadline = time.time() + 8
    while True:
        entries = [json.loads(l) for l in open(os.path.join(TMP, name + ".log")) if l.strip()]
        probe = [e["seq"] for e in entries if e.get("request_id") == rid]
        if probe:
            p = probe[0]
            have = {e["seq"] for e in entries}
            if nowait or all(s in have for s in range(mark + 1, p)) or time.time() > deadline:
                break
        elif time.time() > deadline:
            raise SystemExit("the probe never reached the log of mock " + name)
        time.sleep(0.02)
    open(markf, "w").write(str(p))
    return sorted((e for e in entries if mark < e["seq"] < p and e["method"] == "POST"),
                  key=lambda e: e["seq"])


def acts(E):
    return [e["action"] for e in E]


def of(E, action):
    return [e for e in E if e["action"] == action]


def show(E):
    return [(e["seq"], e["action"], e["error"], e["injected"],
             json.dumps(e["body"])[:200]) for e in E]


def std(E, what, region="ap-guangzhou"):
    """What every request cgwgen sends must be."""
    check(E and all(e["verified"] for e in E),
          what + ": every request passed the mock's signature and header checks",
          [(e["seq"], e["error"], e.get("detail")) for e in E if not e["verified"]])
    check(all(e["region"] == region and e["headers"].get("X-TC-Region") == region for e in E),
          what + ": X-TC-Region %s on every request" % region, [e["region"] for e in E])
    check(all(isinstance(e["headers"].get("Authorization"), str)
              and AUTH.fullmatch(e["headers"]["Authorization"]) for e in E),
          what + ": Authorization TC3-HMAC-SHA256 with the SecretId, scope DATE/vpc/"
          "tc3_request (the log redacts the signature)",
          [e["headers"].get("Authorization") for e in E])
    check(all(e["headers"].get("Content-Type") == "application/json"
              and e["headers"].get("X-TC-Version") == "2017-03-12" for e in E),
          what + ": Content-Type application/json, X-TC-Version 2017-03-12")


def mode(path):
    return os.stat(path).st_mode & 0o7777
EOF

# --- the mocks (started together: python start-ups overlap) ---------------

"$PY" "$E2E/gen_tencent_account.py" --out "$TMP/gen" --connections 250 --seed 4
ok $? "gen_tencent_account.py writes a 250-connection fixture set"

# st: a connection not AVAILABLE, and a name with an escape sequence
mkdir "$TMP/fx-state"
cp "$FIX/vpn_gateways.json" "$FIX/customer_gateways.json" "$FIX/vendors.json" \
	"$TMP/fx-state/"
"$PY" - "$FIX/vpn_connections.json" "$TMP/fx-state/vpn_connections.json" <<'EOF'
import json, sys
c = json.load(open(sys.argv[1]))
c[3]["State"] = "PENDING"
c[0]["VpnConnectionName"] = "hq\x1b[31mred\x07"
json.dump(c, open(sys.argv[2], "w"))
EOF

tls=
if command -v openssl >/dev/null 2>&1 &&
	openssl req -x509 -newkey rsa:2048 -nodes -keyout "$TMP/key.pem" \
		-out "$TMP/cert.pem" -days 2 -subj /CN=127.0.0.1 \
		-addext subjectAltName=IP:127.0.0.1 >/dev/null 2>&1; then
	tls=yes
fi

start_mock a --fixtures "$FIX" --seed 7
start_mock g --fixtures "$TMP/gen"
start_mock th2 --fixtures "$FIX" --fail DescribeVpnConnections:throttle:2
start_mock e500 --fixtures "$FIX" --fail DescribeVpnConnections:500:1
start_mock e503 --fixtures "$FIX" --fail DescribeVpnGateways:503:1
start_mock trunc --fixtures "$FIX" --fail DescribeVpnConnections:truncated:1
start_mock intl --fixtures "$FIX" --fail DescribeVpnConnections:internal:1
start_mock slow --fixtures "$FIX" --fail DescribeVpnConnections:slow:1 --slow-seconds 10
start_mock tha --fixtures "$FIX" --fail DescribeVpnConnections:throttle:always
start_mock auth --fixtures "$FIX" --fail DescribeVpnConnections:autherr
start_mock bad --fixtures "$FIX" --fail DescribeVpnConnections:badjson
start_mock skew --fixtures "$FIX" --clock-skew 1000
start_mock tok --fixtures "$FIX" --token "$TOKEN"
start_mock out --fixtures "$FIX" --fail DescribeVpnGateways:autherr:always
start_mock st --fixtures "$TMP/fx-state" --seed 3 --fail ResetVpnConnection:500:1 \
	--fail CreateCustomerGateway:internal:1 --fail CreateCustomerGateway:throttle:1
[ -n "$tls" ] && start_mock tls --fixtures "$FIX" --tls-cert "$TMP/cert.pem" \
	--tls-key "$TMP/key.pem"

up=0
for m in a g th2 e500 e503 trunc intl slow tha auth bad skew tok out st; do
	wait_mock $m || up=1
done
[ -n "$tls" ] && { wait_mock tls https || up=1; }
ok $up "all the mocks are listening"
[ "$up" -eq 0 ] || { done_testing; exit 1; }

# --- 1. happy paths (mock a) -----------------------------------------------

cg list $EP_a
is "$rc" 0 "list: status 0"
is "$err" "" "list: nothing on stderr"
cp "$TMP/out" "$TMP/w/list.txt"
py "$TMP/w/list.txt" <<'EOF'
from tlib import *
t = text(sys.argv[1])
lines = t.split("\n")
check(lines[-1] == "" and len(lines) == 7, "list: a header and 5 lines", t)
hdr, rows = lines[0], lines[1:-1]
cols = ["ID", "NAME", "VPN GATEWAY", "CUSTOMER GATEWAY", "STATE", "PROPOSALS"]
check(re.fullmatch(r"ID +NAME +VPN GATEWAY +CUSTOMER GATEWAY +STATE +PROPOSALS", hdr),
      "list: the header names the six columns", hdr)
pos = [hdr.find(c) for c in cols] + [None]
cells = [[r[pos[i]:pos[i + 1]].strip() for i in range(6)] for r in rows]
conns = fixture("vpn_connections.json")
want = [[c["VpnConnectionId"], c["VpnConnectionName"], c["VpnGatewayId"],
         c["CustomerGatewayId"], c["State"]] for c in conns]
check([c[:5] for c in cells] == want,
      "list: all 5 fixture connections in order, each value under its column", cells)
check(all(r[pos[i] - 1] == " " for r in rows for i in range(1, 6)),
      "list: the columns are aligned", rows)
check(cells[0][5] == "v2 AES-CBC-256/SHA-256/GROUP14, ESP AES-CBC-256/SHA-256/DH-GROUP14"
      and cells[1][5] == "v1 AES-CBC-128/SHA/GROUP14, ESP AES-CBC-128/SHA1/NULL",
      "list: the PROPOSALS column (IKE version, IKE and ESP algorithms, groups)",
      cells[0][5], cells[1][5])
check(not any(c["PreShareKey"] in t for c in conns), "list: no pre-shared key in the table")
E = log("a")
check(acts(E) == ["DescribeVpnConnections"] and E[0]["body"] == {"Offset": 0, "Limit": 100},
      "list: one request, DescribeVpnConnections {Offset 0, Limit 100}", show(E))
EOF

cg list $EP_a --json
is "$rc" 0 "list --json: status 0"
cp "$TMP/out" "$TMP/w/list.json"
py "$TMP/w/list.json" <<'EOF'
from tlib import *
t = text(sys.argv[1])
try:
    d = json.loads(t)
except ValueError as e:
    d = None
check(isinstance(d, list), "list --json: parses as a JSON array", t[:300])
d = d or [{}]
conns = fixture("vpn_connections.json")
check([e.get("id") for e in d] == [c["VpnConnectionId"] for c in conns],
      "list --json: the 5 connections in order", d)
check(set(d[0]) == {"id", "name", "vpn_gateway_id", "customer_gateway_id", "vpc_id", "state",
                    "net_status", "route_type", "negotiation", "proposals"},
      "list --json: each a summary with the documented members", sorted(d[0]))
h = d[2] if len(d) > 2 else {}
check(h.get("name") == "branch-hangzhou" and h.get("vpc_id") == "vpc-k3n8d2wq"
      and h.get("route_type") == "Policy" and h.get("vpn_gateway_id") == "vpngw-q7r2m4xa",
      "list --json: values from the API (vpnx-h7c3v6b9)", h)
check(not re.search(r"PreShare|psk|secret", t, re.I)
      and not any(c["PreShareKey"] in t for c in conns),
      "list --json: no PreShareKey member and none of the 5 keys anywhere")
log("a")
EOF

cg show $EP_a --connection vpnx-h7c3v6b9
is "$rc" 0 "show --connection vpnx-h7c3v6b9: status 0"
cp "$TMP/out" "$TMP/w/show-h7c3.json"
py "$TMP/w/show-h7c3.json" <<'EOF'
from tlib import *
m = json.loads(text(sys.argv[1]))
check(m.get("cgwgen_model") == 1 and [c["id"] for c in m["connections"]] == ["vpnx-h7c3v6b9"],
      "show: a model holding the one connection", m)
c = m["connections"][0]
t = c["tunnels"][0]
check(c["region"] == "ap-guangzhou" and c["cloud"] == "tencent",
      "show: cloud tencent, region ap-guangzhou", c["region"])
check(t["remote_address"] == "203.0.113.10",
      "show: the FQDN-identity connection's cloud gateway address 203.0.113.10 "
      "comes from DescribeVpnGateways", t.get("remote_address"))
check(t["local_address"] == "198.51.100.13",
      "show: its device address 198.51.100.13 from DescribeCustomerGateways",
      t.get("local_address"))
check(t["remote_id"] == {"type": "fqdn", "value": "vpngw-shanghai.example.com"}
      and t["ike"]["mode"] == "aggressive",
      "show: the FQDN identities and aggressive mode", t["remote_id"], t["ike"])
E = log("a")
check(acts(E) == ["DescribeVpnConnections", "DescribeVpnGateways", "DescribeCustomerGateways"]
      and E[0]["body"] == {"VpnConnectionIds": ["vpnx-h7c3v6b9"], "Offset": 0, "Limit": 100}
      and E[1]["body"]["VpnGatewayIds"] == ["vpngw-q7r2m4xa"]
      and E[2]["body"]["CustomerGatewayIds"] == ["cgw-r6t2h8d3"],
      "show --connection: the connection by id, then its gateway and customer gateway",
      show(E))
EOF
like "$err" 'warning: vpnx-h7c3v6b9: IKEv1 aggressive mode' "show: warns of aggressive mode"

cg show $EP_a -q -o "$TMP/w/show-all.json"
is "$rc:$out" "0:" "show -o FILE: status 0, nothing on stdout"
py "$TMP/w/show-all.json" <<'EOF'
from tlib import *
m = json.loads(text(sys.argv[1]))
gw = {g["VpnGatewayId"]: g["PublicIpAddress"] for g in fixture("vpn_gateways.json")}
want = {c["VpnConnectionId"]: gw[c["VpnGatewayId"]] for c in fixture("vpn_connections.json")}
got = {c["id"]: c["tunnels"][0]["remote_address"] for c in m["connections"]}
check(got == want, "show (all): every connection's cloud gateway address, FQDN ones "
      "included (vpnx-s5g1z7t3: 203.0.113.20)", got)
check(all(c["region"] == "ap-guangzhou" for c in m["connections"]),
      "show (all): region ap-guangzhou on each connection")
check(mode(sys.argv[1]) == 0o600, "show -o: the file is mode 0600", oct(mode(sys.argv[1])))
log("a")
EOF

cg render $EP_a --vendor strongswan
is "$rc" 0 "render strongswan (all): status 0"
cp "$TMP/out" "$TMP/w/ss-all.conf"
cp "$TMP/err" "$TMP/w/ss-all.err"
py "$TMP/w/ss-all.conf" "$TMP/w/ss-all.err" <<'EOF'
from tlib import *
t, err = text(sys.argv[1]), text(sys.argv[2])
conns = fixture("vpn_connections.json")
ids = [c["VpnConnectionId"] for c in conns]
gw = {g["VpnGatewayId"]: g["PublicIpAddress"] for g in fixture("vpn_gateways.json")}
blocks = re.findall(r"^    (vpnx-[0-9a-z]+) \{\n(.*?)^    \}$", t, re.M | re.S)
check([b[0] for b in blocks] == ids, "render strongswan: one connection block for each of "
      "the 5, in order", [b[0] for b in blocks])
got = {b[0]: grab(r"^        remote_addrs = (\S+)$", b[1]) for b in blocks}
want = {c["VpnConnectionId"]: gw[c["VpnGatewayId"]] for c in conns}
check(got == want, "render strongswan: remote_addrs is each gateway's address "
      "(FQDN connections too)", got)
got = [m[1] for m in re.findall(r'^        secret = ("?)(.*)\1$', t, re.M)]
check(got == [c["PreShareKey"] for c in conns],
      "render strongswan: the 5 pre-shared keys in the secrets section", got)
check(re.findall(r"^# Connection (vpnx-[0-9a-z]+) .*, Tencent Cloud ap-guangzhou$", t, re.M)
      == ids, "render strongswan: the comments name the cloud and region")
w = err.splitlines()
check(len(w) == 3 and w[0].startswith("cgwgen: warning: vpnx-e2m5q8w4: no perfect forward")
      and w[1].startswith("cgwgen: warning: vpnx-h7c3v6b9: IKEv1 aggressive mode")
      and w[2].startswith("cgwgen: warning: vpnx-s5g1z7t3: no perfect forward"),
      "render strongswan: warnings only for no PFS (2) and aggressive mode (1)", err)
E = log("a")
check(acts(E) == ["DescribeVpnConnections", "DescribeVpnGateways", "DescribeCustomerGateways"],
      "render (5 connections): exactly 3 requests, one per action", show(E))
if len(E) == 3:
    check(E[0]["body"] == {"Offset": 0, "Limit": 100},
          "render: DescribeVpnConnections {Offset 0, Limit 100}, no ids or filters", E[0]["body"])
    check(sorted(E[1]["body"].get("VpnGatewayIds", [])) == ["vpngw-h5t9c1pz", "vpngw-q7r2m4xa"]
          and set(E[1]["body"]) == {"VpnGatewayIds", "Offset", "Limit"},
          "render: one DescribeVpnGateways carrying both gateway ids", E[1]["body"])
    check(sorted(E[2]["body"].get("CustomerGatewayIds", [])) ==
          sorted({c["CustomerGatewayId"] for c in conns}),
          "render: one DescribeCustomerGateways with the 4 distinct customer gateways "
          "(cgw-b3m8x2k1 once)", E[2]["body"])
std(E, "render")
check(len({e["client"] for e in E}) == 1, "render: the 3 requests share one connection "
      "(keep-alive)", [e["client"] for e in E])
EOF

cg render $EP_a --vendor strongswan --connection vpnx-a1k9d3f7
is "$rc" 0 "render strongswan --connection vpnx-a1k9d3f7: status 0"
cp "$TMP/out" "$TMP/w/ss-a1k9.conf"
is "$(grep -c '^    vpnx-' "$TMP/out")" 1 "render --connection: one connection block"
like "$out" '^        remote_addrs = 203\.0\.113\.10$' "render --connection: remote_addrs 203.0.113.10"
like "$out" '^    ike-vpnx-a1k9d3f7 \{$' "render --connection: its secret"
unlike "$out" 'vpnx-(e2m5q8w4|h7c3v6b9|n4x8r2j6|s5g1z7t3)' "render --connection: no other connection"
py <<'EOF'
from tlib import *
E = log("a")
check([e["body"] for e in E] == [
    {"VpnConnectionIds": ["vpnx-a1k9d3f7"], "Offset": 0, "Limit": 100},
    {"VpnGatewayIds": ["vpngw-q7r2m4xa"], "Offset": 0, "Limit": 100},
    {"CustomerGatewayIds": ["cgw-b3m8x2k1"], "Offset": 0, "Limit": 100}],
    "render --connection: VpnConnectionIds, then only its gateway and customer gateway",
    show(E))
EOF

cg render $EP_a --vendor libreswan -q
is "$rc" 0 "render libreswan (all): status 0"
cp "$TMP/out" "$TMP/w/ls-all.conf"
py "$TMP/w/ls-all.conf" <<'EOF'
from tlib import *
t = text(sys.argv[1])
conns = fixture("vpn_connections.json")
gw = {g["VpnGatewayId"]: g["PublicIpAddress"] for g in fixture("vpn_gateways.json")}
check(re.findall(r"^conn (vpnx-[0-9a-z]+)$", t, re.M) == [c["VpnConnectionId"] for c in conns],
      "render libreswan: a conn for each of the 5")
check(re.findall(r"^\tright=(\S+)$", t, re.M) == [gw[c["VpnGatewayId"]] for c in conns],
      "render libreswan: right= each gateway's address", re.findall(r"^\tright=(\S+)$", t, re.M))
check(re.findall(r'^\S+ \S+ : PSK "(.*)"$', t, re.M) == [c["PreShareKey"] for c in conns],
      "render libreswan: the 5 PSK lines of ipsec.secrets")
log("a")
EOF

cg render $EP_a --vendor libreswan --connection vpnx-s5g1z7t3
is "$rc" 0 "render libreswan --connection vpnx-s5g1z7t3: status 0"
is "$(printf '%s\n' "$out" | grep '^conn ')" "conn vpnx-s5g1z7t3" "render libreswan --connection: that conn only"
like "$out" '^	right=203\.0\.113\.20$' "render libreswan --connection: right=203.0.113.20 (FQDN identity, address from the API)"
like "$out" '^	rightid=@vpngw-beijing\.example\.com$' "render libreswan --connection: rightid the cloud's FQDN"

mkdir "$TMP/w/od-ss" "$TMP/w/od-ls" "$TMP/w/o-ls"
cg render $EP_a --vendor strongswan -q --output-dir "$TMP/w/od-ss"
is "$rc:$out" "0:" "render strongswan --output-dir: status 0, nothing on stdout"
cg render $EP_a --vendor libreswan -q --output-dir "$TMP/w/od-ls"
is "$rc:$out" "0:" "render libreswan --output-dir: status 0, nothing on stdout"
cg render $EP_a --vendor libreswan -q -o "$TMP/w/o-ls/vpn.conf"
is "$rc:$out" "0:" "render libreswan -o FILE: status 0, nothing on stdout"
py "$TMP/w" <<'EOF'
from tlib import *
w = sys.argv[1]
ids = [c["VpnConnectionId"] for c in fixture("vpn_connections.json")]
files = sorted(os.listdir(w + "/od-ss"))
check(files == sorted(i + ".conf" for i in ids),
      "render strongswan --output-dir: DIR/ID.conf for each of the 5, nothing else", files)
check(all(mode(w + "/od-ss/" + f) == 0o600 for f in files),
      "render strongswan --output-dir: each mode 0600",
      [(f, oct(mode(w + "/od-ss/" + f))) for f in files])
check(all(re.findall(r"^    (vpnx-[0-9a-z]+) \{$", text(w + "/od-ss/" + i + ".conf"), re.M) == [i]
          for i in ids), "render strongswan --output-dir: each file holds its own connection")
files = sorted(os.listdir(w + "/od-ls"))
check(files == sorted([i + ".conf" for i in ids] + [i + ".secrets" for i in ids])
      and all(mode(w + "/od-ls/" + f) == 0o600 for f in files),
      "render libreswan --output-dir: ID.conf and ID.secrets for each, mode 0600", files)
files = sorted(os.listdir(w + "/o-ls"))
check(files == ["vpn.conf", "vpn.secrets"]
      and all(mode(w + "/o-ls/" + f) == 0o600 for f in files),
      "render libreswan -o vpn.conf: vpn.conf and vpn.secrets, mode 0600", files)
check(len(re.findall(r"^conn vpnx-", text(w + "/o-ls/vpn.conf"), re.M)) == 5
      and len(re.findall(r': PSK "', text(w + "/o-ls/vpn.secrets"))) == 5,
      "render libreswan -o: 5 conns, 5 secrets")
log("a")
EOF

# -v: the trace
cg -v render $EP_a --vendor strongswan
is "$rc" 0 "render -v: status 0"
cmp -s "$TMP/out" "$TMP/w/ss-all.conf"
ok $? "render -v: the same configuration as without -v"
like "$err" '^cgwgen: trace: .*DescribeVpnConnections' "-v: traces DescribeVpnConnections"
like "$err" '^cgwgen: trace: .*DescribeVpnGateways' "-v: traces DescribeVpnGateways"
like "$err" '^cgwgen: trace: .*DescribeCustomerGateways' "-v: traces DescribeCustomerGateways"
like "$err" '^cgwgen: trace: .*credentials from the environment' "-v: says where the credentials came from"
like "$err" 'requests sent: 3|[^0-9]3 requests' "-v: the number of requests (3)"
like "$err" 'HTTP 200, [0-9]+ bytes in [0-9]+ ms' "-v: each answer's status, size and time"
unlike "$err" 'TC3-HMAC|Signature|Credential=' "-v: no Authorization header in the trace"
py <<'EOF'
from tlib import *
check(len(log("a")) == 3, "-v: still 3 requests")
EOF

# vendors
cg vendors $EP_a
is "$rc" 0 "vendors --cloud tencent: status 0"
is "$out" "VENDOR  PLATFORM  SOFTWARE VERSION
cisco   ios       V15.4
h3c     comware   V1.0" "vendors --cloud tencent: the table of the fixture's vendors"
cg vendors $EP_a --json
cp "$TMP/out" "$TMP/w/vendors.json"
cg vendors --cloud tencent --endpoint "http://127.0.0.1:$PORT_a"
is "$rc" 0 "vendors without a region: status 0 (the action takes no region)"
py "$TMP/w/vendors.json" <<'EOF'
from tlib import *
d = json.loads(text(sys.argv[1]))
check(d.get("CustomerGatewayVendorSet") == fixture("vendors.json")
      and re.fullmatch(UUID, d.get("RequestId", "")),
      "vendors --json: the API's answer with CustomerGatewayVendorSet and RequestId", d)
E = log("a")
check(acts(E) == ["DescribeCustomerGatewayVendors"] * 3 and E[0]["body"] == {},
      "vendors: one DescribeCustomerGatewayVendors, body {}, each time", show(E))
if len(E) == 3:
    check(E[2]["region"] is None and "X-TC-Region" not in E[2]["headers"] and E[2]["verified"],
          "vendors without --region: no X-TC-Region header, and accepted", E[2]["headers"])
EOF

# --- 2. the live render == the render of the saved response ---------------

py <<'EOF'
from tlib import *
sys.path.insert(0, E2E)
import tc3_sign
port = int(open(os.path.join(TMP, "a.port")).read())
st, h, data = tc3_sign.send(port, "DescribeVpnConnections", b'{"Offset":0,"Limit":100}')
open(os.path.join(TMP, "w", "saved.json"), "wb").write(data)
r = json.loads(data)["Response"]
check(st == 200 and r.get("TotalCount") == 5 and len(r.get("VpnConnectionSet", [])) == 5,
      "saved DescribeVpnConnections' raw answer (Limit 100): 5 connections", data[:300])
log("a")
EOF

ADDR="--connection vpnx-a1k9d3f7 --connection vpnx-e2m5q8w4 --connection vpnx-n4x8r2j6"
cg render $EP_a --vendor strongswan $ADDR
cp "$TMP/out" "$TMP/w/live-addr.conf"
cg render --input "$TMP/w/saved.json" --vendor strongswan $ADDR
is "$rc" 0 "offline render of the saved answer (the 3 ADDRESS-identity connections): status 0"
cp "$TMP/out" "$TMP/w/off-addr.conf"
# A DescribeVpnConnections answer holds no region (it is the request's
# X-TC-Region): only the live render's comments can name it.
sed 's/^\(# Connection .*, Tencent Cloud\) ap-guangzhou$/\1/' "$TMP/w/live-addr.conf" >"$TMP/live-addr.norm"
cmp "$TMP/live-addr.norm" "$TMP/w/off-addr.conf" >/dev/null
ok $? "strongswan, ADDRESS identities: live == offline byte for byte, but for the region in the comments"
is "$(diff "$TMP/w/live-addr.conf" "$TMP/w/off-addr.conf" | grep '^[<>]' | sort)" \
"< # Connection vpnx-a1k9d3f7 hq-shanghai, Tencent Cloud ap-guangzhou
< # Connection vpnx-e2m5q8w4 branch-chengdu, Tencent Cloud ap-guangzhou
< # Connection vpnx-n4x8r2j6 hq-beijing, Tencent Cloud ap-guangzhou
> # Connection vpnx-a1k9d3f7 hq-shanghai, Tencent Cloud
> # Connection vpnx-e2m5q8w4 branch-chengdu, Tencent Cloud
> # Connection vpnx-n4x8r2j6 hq-beijing, Tencent Cloud" \
	"strongswan: the only difference is the region the live render's comments name"

cg render $EP_a --vendor libreswan --connection vpnx-a1k9d3f7
cp "$TMP/out" "$TMP/w/live-ls.conf"
cg render --input "$TMP/w/saved.json" --vendor libreswan --connection vpnx-a1k9d3f7
cp "$TMP/out" "$TMP/w/off-ls.conf"
sed 's/^\(# Connection .*, Tencent Cloud\) ap-guangzhou$/\1/' "$TMP/w/live-ls.conf" >"$TMP/live-ls.norm"
cmp "$TMP/live-ls.norm" "$TMP/w/off-ls.conf" >/dev/null
ok $? "libreswan, vpnx-a1k9d3f7: live == offline but for the region in the comments"
is "$(diff "$TMP/w/live-ls.conf" "$TMP/w/off-ls.conf" | grep -c '^[<>]')" 2 "libreswan: one line differs"

cg render --input "$TMP/w/saved.json" --vendor strongswan --connection vpnx-h7c3v6b9
is "$rc" 1 "offline, FQDN identity without --peer-address: status 1"
like "$err" 'give it with --peer-address' "and the message asks for --peer-address"
cg render $EP_a --vendor strongswan --connection vpnx-h7c3v6b9
cp "$TMP/out" "$TMP/w/live-fqdn.conf"
cg render --input "$TMP/w/saved.json" --vendor strongswan --connection vpnx-h7c3v6b9 \
	--peer-address 203.0.113.10
is "$rc" 0 "offline, FQDN identity with --peer-address 203.0.113.10: status 0"
cp "$TMP/out" "$TMP/w/off-fqdn.conf"
# RemoteAddress is empty too: only live knows the device's address (from
# DescribeCustomerGateways), and says it in a comment.
sed -e 's/^\(# Connection .*, Tencent Cloud\) ap-guangzhou$/\1/' \
	-e 's/^\(#   tunnel vpnx-[0-9a-z]*: cloud gateway [0-9.]*\), the cloud expects this device at [0-9.]*$/\1/' \
	"$TMP/w/live-fqdn.conf" >"$TMP/live-fqdn.norm"
cmp "$TMP/live-fqdn.norm" "$TMP/w/off-fqdn.conf" >/dev/null
ok $? "strongswan, vpnx-h7c3v6b9: live == offline but for the comments on the region and the device's address"
is "$(diff "$TMP/w/live-fqdn.conf" "$TMP/w/off-fqdn.conf" | grep -c '^[<>]')" 4 "vpnx-h7c3v6b9: two comment lines differ"
cg render $EP_a --vendor strongswan --connection vpnx-s5g1z7t3
cp "$TMP/out" "$TMP/w/live-s5.conf"
cg render --input "$TMP/w/saved.json" --vendor strongswan --connection vpnx-s5g1z7t3 \
	--peer-address 203.0.113.20
cp "$TMP/out" "$TMP/w/off-s5.conf"
sed 's/^\(# Connection .*, Tencent Cloud\) ap-guangzhou$/\1/' "$TMP/w/live-s5.conf" >"$TMP/live-s5.norm"
cmp "$TMP/live-s5.norm" "$TMP/w/off-s5.conf" >/dev/null
ok $? "strongswan, vpnx-s5g1z7t3 (FQDN cloud identity, --peer-address 203.0.113.20): live == offline but for the region"

# --- 3. filters, batching and paging --------------------------------------

py <<'EOF'
from tlib import *
log("a")
EOF
cg render $EP_a --vendor strongswan -q --vpn-gateway vpngw-h5t9c1pz
is "$rc" 0 "render --vpn-gateway: status 0"
is "$(printf '%s\n' "$out" | grep '^    vpnx-' | tr -d ' {' | tr '\n' ' ')" "vpnx-n4x8r2j6 vpnx-s5g1z7t3 " \
	"render --vpn-gateway vpngw-h5t9c1pz: its 2 connections"
cg list $EP_a --vpn-gateway vpngw-q7r2m4xa --vpc vpc-k3n8d2wq
is "$(printf '%s\n' "$out" | sed 1d | cut -d' ' -f1 | tr '\n' ' ')" "vpnx-a1k9d3f7 vpnx-e2m5q8w4 vpnx-h7c3v6b9 " \
	"list --vpn-gateway --vpc: the 3 connections of that gateway and VPC"
cg list $EP_a --customer-gateway cgw-b3m8x2k1
is "$(printf '%s\n' "$out" | sed 1d | cut -d' ' -f1 | tr '\n' ' ')" "vpnx-a1k9d3f7 vpnx-n4x8r2j6 " \
	"list --customer-gateway: the 2 connections to it"
py <<'EOF'
from tlib import *
E = log("a")
b = [e["body"] for e in of(E, "DescribeVpnConnections")]
check(b == [
    {"Filters": [{"Name": "vpn-gateway-id", "Values": ["vpngw-h5t9c1pz"]}], "Offset": 0, "Limit": 100},
    {"Filters": [{"Name": "vpn-gateway-id", "Values": ["vpngw-q7r2m4xa"]},
                 {"Name": "vpc-id", "Values": ["vpc-k3n8d2wq"]}], "Offset": 0, "Limit": 100},
    {"Filters": [{"Name": "customer-gateway-id", "Values": ["cgw-b3m8x2k1"]}], "Offset": 0, "Limit": 100}],
    "--vpn-gateway, --vpc, --customer-gateway: DescribeVpnConnections Filters, no ids", b)
check(acts(E)[:3] == ["DescribeVpnConnections", "DescribeVpnGateways", "DescribeCustomerGateways"]
      and E[1]["body"]["VpnGatewayIds"] == ["vpngw-h5t9c1pz"]
      and sorted(E[2]["body"]["CustomerGatewayIds"]) == ["cgw-b3m8x2k1", "cgw-y9w3k5f4"],
      "render --vpn-gateway: then only that gateway and its 2 customer gateways", show(E))
EOF

cg list $EP_a --vpn-gateway vpngw-a1 --vpn-gateway vpngw-a2 --vpn-gateway vpngw-a3 \
	--vpn-gateway vpngw-a4 --vpn-gateway vpngw-a5 --vpn-gateway vpngw-a6
is "$rc" 2 "6 values of one filter: usage error (the API takes 5)"
like "$err" 'at most 5 values per filter \(vpn-gateway-id\)' "naming the limit and the filter"
cg render $EP_a --vendor strongswan --vpn-gateway vpngw-h5t9c1pz --connection vpnx-a1k9d3f7
is "$rc" 2 "--connection with --vpn-gateway: usage error"
like "$err" 'exclude each other' "saying they exclude each other"
cg render $EP_a --vendor nosuchvendor
is "$rc" 1 "render with an unknown --vendor fails"
cg render $EP_a --vendor strongswan --output-dir "$TMP/w/no/such/dir"
is "$rc" 1 "render --output-dir DIR that does not exist fails"
like "$err" 'output-dir' "naming --output-dir"
for c in "render --vendor strongswan" show "download --device-vendor h3c --platform comware \
	--software-version V1.0 --interface eth0"; do
	# shellcheck disable=SC2086
	cg $c $EP_a --connection vpnx-h7c3v6b9 -o "$TMP/w/no/such/x.conf"
	c=${c%% *}
	is "$rc" 1 "$c -o FILE in a directory that does not exist fails"
	like "$err" 'no/such/x\.conf: its directory .*/w/no/such: No such file' \
		"$c: naming the file and its missing directory"
done
py <<'EOF'
from tlib import *
E = log("a")
check(E == [], "the filter limit, the exclusion, an unknown vendor, a missing --output-dir "
      "and a file in a missing directory are found before any request", show(E))
EOF
cg render $EP_a --vendor strongswan --connection vpnx-zzzzzzzz
is "$rc:$out" "1:" "render --connection of an unknown id: status 1, nothing on stdout"
like "$err" 'connection vpnx-zzzzzzzz does not exist in region ap-guangzhou' "naming the connection and the region"

# 250 connections: pages of 100, ids in batches of 100
cg render $EP_g --vendor strongswan -q
is "$rc" 0 "250 connections: render strongswan, status 0"
cp "$TMP/out" "$TMP/w/gen.conf"
py "$TMP/w/gen.conf" "$TMP/gen" <<'EOF'
from tlib import *
t, d = text(sys.argv[1]), sys.argv[2]
conns = fixture("vpn_connections.json", d)
check(re.findall(r"^    (vpnx-[0-9a-z]+) \{$", t, re.M) == [c["VpnConnectionId"] for c in conns],
      "250 connections: all 250 rendered, in order")
gw = {g["VpnGatewayId"]: g["PublicIpAddress"] for g in fixture("vpn_gateways.json", d)}
got = re.findall(r"^        remote_addrs = (\S+)$", t, re.M)
check(got == [gw[c["VpnGatewayId"]] for c in conns],
      "250 connections: each with its gateway's address (FQDN ones from DescribeVpnGateways)")
E = log("g")
check([e["body"] for e in of(E, "DescribeVpnConnections")] ==
      [{"Offset": o, "Limit": 100} for o in (0, 100, 200)],
      "250 connections: 3 DescribeVpnConnections pages, Offset 0/100/200, Limit 100", show(E))
g = of(E, "DescribeVpnGateways")
check(len(g) == 1 and sorted(g[0]["body"]["VpnGatewayIds"]) == sorted(gw),
      "250 connections: still one DescribeVpnGateways, with the 20 gateway ids", show(g))
cg = of(E, "DescribeCustomerGateways")
ids = sorted(i for e in cg for i in e["body"]["CustomerGatewayIds"])
check([len(e["body"]["CustomerGatewayIds"]) for e in cg] == [100, 100, 50]
      and ids == sorted(c["CustomerGatewayId"] for c in fixture("customer_gateways.json", d)),
      "250 connections: the 250 customer gateways in 3 batches of at most 100", show(cg))
check(len(E) == 7, "250 connections: 7 requests in all (3 pages + 1 + 3 batches; 5 connections "
      "took 3)", len(E))
std(E, "250 connections")
EOF

cg list $EP_g
is "$rc:$(nlines "$out" '^vpnx-')" "0:250" "250 connections: list shows 250"
cg list $EP_g --json
is "$rc:$("$PY" -c 'import json,sys; print(len(json.load(sys.stdin)))' <"$TMP/out")" "0:250" \
	"250 connections: list --json holds 250"
ids=$("$PY" -c 'import json, sys
print(" ".join(c["VpnConnectionId"] for c in json.load(open(sys.argv[1]))[:150]))' \
	"$TMP/gen/vpn_connections.json")
set --
for id in $ids; do set -- "$@" --connection "$id"; done
cg render $EP_g --vendor strongswan -q "$@"
is "$rc:$(nlines "$out" '^    vpnx-')" "0:150" "150 --connection: 150 connections rendered"
py <<'EOF'
from tlib import *
E = log("g")
check([e["body"] for e in E[:6]] == [{"Offset": o, "Limit": 100} for o in (0, 100, 200)] * 2,
      "250 connections: list and list --json read 3 pages each", show(E[:6]))
d = of(E[6:], "DescribeVpnConnections")
check([(len(e["body"].get("VpnConnectionIds", [])), e["body"].get("Offset"), e["body"].get("Limit"))
       for e in d] == [(100, 0, 100), (50, 0, 100)],
      "150 --connection: VpnConnectionIds in 2 batches (100, 50)", show(d))
EOF

# --- 4. retries ------------------------------------------------------------

t0=$(now_ms)
cg -v render $EP_th2 --vendor strongswan -q
t1=$(now_ms)
is "$rc" 0 "throttle:2: render succeeds"
cmp -s "$TMP/out" "$TMP/w/ss-all.conf"
ok $? "throttle:2: the same configuration as without failures"
like "$err" 'retrying after: .*RequestLimitExceeded' "throttle:2: -v shows the retries"
py <<'EOF'
from tlib import *
E = log("th2")
d = of(E, "DescribeVpnConnections")
check(len(d) == 3 and [e["error"] for e in d] == ["RequestLimitExceeded"] * 2 + [None],
      "throttle:2: 3 DescribeVpnConnections in the log, the third answered", show(E))
check(len({json.dumps(e["body"]) for e in d}) == 1 and len(E) == 5,
      "throttle:2: the same request each time, then the 2 lookups", show(E))
EOF
diag "throttle:2 took $((t1 - t0)) ms"

cg list $EP_e500
is "$rc:$(nlines "$out" '^vpnx-')" "0:5" "HTTP 500 once: list succeeds"
py <<'EOF'
from tlib import *
E = log("e500")
check([(e["action"], e["status"]) for e in E] == [("DescribeVpnConnections", 500),
                                                  ("DescribeVpnConnections", 200)],
      "HTTP 500 once: retried, 2 requests", show(E))
EOF
cg render $EP_e503 --vendor strongswan -q
is "$rc" 0 "HTTP 503 once (DescribeVpnGateways): render succeeds"
cmp -s "$TMP/out" "$TMP/w/ss-all.conf"
ok $? "HTTP 503 once: the same configuration"
py <<'EOF'
from tlib import *
E = log("e503")
check([(e["action"], e["status"]) for e in E] == [("DescribeVpnConnections", 200),
      ("DescribeVpnGateways", 503), ("DescribeVpnGateways", 200), ("DescribeCustomerGateways", 200)],
      "HTTP 503 once: the gateway lookup is retried", show(E))
EOF
cg list $EP_trunc
is "$rc:$(nlines "$out" '^vpnx-')" "0:5" "a truncated answer once: list succeeds"
py <<'EOF'
from tlib import *
E = log("trunc")
check([e["injected"] for e in E] == ["truncated", None], "truncated once: retried, 2 requests",
      show(E))
EOF
cg list $EP_intl
is "$rc:$(nlines "$out" '^vpnx-')" "0:5" "InternalError once: list succeeds (a read is retried)"
py <<'EOF'
from tlib import *
E = log("intl")
check([e["error"] for e in E] == ["InternalError", None], "InternalError once: retried, 2 requests",
      show(E))
EOF

t0=$(date +%s)
cg -v list $EP_slow --timeout 2
t1=$(date +%s)
is "$rc:$(nlines "$out" '^vpnx-')" "0:5" "slow answer, --timeout 2: list succeeds on the retry"
[ $((t1 - t0)) -ge 2 ] && [ $((t1 - t0)) -le 6 ]
ok $? "slow answer: gave up after about 2 s, not 10 ($((t1 - t0)) s)"
like "$err" 'retrying after: .*(timed out|[Tt]imeout)' "slow answer: -v shows the timeout and the retry"
py <<'EOF'
from tlib import *
E = log("slow", nowait=True)
check([e["injected"] for e in E] == [None] and E[0]["action"] == "DescribeVpnConnections",
      "slow answer: the second try was answered (the first is still asleep)", show(E))
EOF

t0=$(now_ms)
cg list $EP_tha
t1=$(now_ms)
is "$rc" 1 "throttled every time: status 1"
is "$out" "" "throttled every time: nothing on stdout"
like "$err" 'DescribeVpnConnections.*RequestLimitExceeded' "throttled every time: the message names the action and RequestLimitExceeded"
like "$err" 'gave up after 5 tries' "throttled every time: and says how often it tried"
py <<'EOF'
from tlib import *
E = log("tha")
check(acts(E) == ["DescribeVpnConnections"] * 5, "throttled every time: exactly 5 tries", show(E))
EOF
diag "5 throttled tries took $((t1 - t0)) ms"

cg list $EP_auth
is "$rc:$out" "1:" "AuthFailure.SecretIdNotFound: status 1, nothing on stdout"
like "$err" 'DescribeVpnConnections: AuthFailure\.SecretIdNotFound' "AuthFailure: the message names the action and the code"
like "$err" 'check the SecretId' "AuthFailure: and gives advice"
py <<'EOF'
from tlib import *
E = log("auth")
check(len(E) == 1, "AuthFailure: not retried (1 request)", show(E))
EOF
cg list $EP_bad
is "$rc:$out" "1:" "an answer that is not JSON: status 1, nothing on stdout"
like "$err" 'DescribeVpnConnections: the answer is not a Tencent Cloud API response' \
	"not JSON: the message names the action and says what is wrong"
py <<'EOF'
from tlib import *
E = log("bad")
check(len(E) == 1, "not JSON: not retried (1 request)", show(E))
EOF
cg list $EP_skew
is "$rc" 1 "the mock's clock 1000 s ahead: status 1"
like "$err" 'AuthFailure\.SignatureExpire' "clock skew: the message names AuthFailure.SignatureExpire"
like "$err" "check this machine's clock" "clock skew: and says to check the clock"
py <<'EOF'
from tlib import *
E = log("skew")
check(len(E) == 1, "clock skew: not retried (1 request)", show(E))
EOF

# actions that change something (mock st)
cg reset $EP_st --connection vpnx-a1k9d3f7
is "$rc" 1 "reset, HTTP 500: status 1"
like "$err" 'ResetVpnConnection: HTTP 500.*may have been carried out' "reset, HTTP 500: not retried, and says it may have been done"
cg create-customer-gateway $EP_st --name a --address 203.0.113.90
is "$rc" 1 "create, InternalError: status 1"
like "$err" 'CreateCustomerGateway: InternalError.*may have been carried out' "create, InternalError: says it may have been done"
cg create-customer-gateway $EP_st --name a --address 203.0.113.90
is "$rc" 0 "create, throttled once: retried (a throttled request was not carried out), status 0"
like "$out" '^cgw-[0-9a-z]{8}	' "create, throttled once: prints the new id"
py <<'EOF'
from tlib import *
E = log("st")
check([(e["action"], e["error"]) for e in E] == [
    ("DescribeVpnConnections", None), ("ResetVpnConnection", "injected:500"),
    ("CreateCustomerGateway", "InternalError"),
    ("CreateCustomerGateway", "RequestLimitExceeded"), ("CreateCustomerGateway", None)],
    "reset and create: one try after 500 or InternalError, a second after throttling", show(E))
EOF

# --- 5. a failing command writes nothing ----------------------------------

mkdir "$TMP/w/f1" "$TMP/w/f2" "$TMP/w/f3" "$TMP/w/f4" "$TMP/w/f5"
printf 'old conf\n' >"$TMP/w/f1/vpn.conf"
printf 'old secrets\n' >"$TMP/w/f1/vpn.secrets"
cp "$TMP/w/f1/vpn.conf" "$TMP/old.conf"
cp "$TMP/w/f1/vpn.secrets" "$TMP/old.secrets"
cg render $EP_out --vendor libreswan -o "$TMP/w/f1/vpn.conf"
is "$rc" 1 "render -o, DescribeVpnGateways failing: status 1"
like "$err" 'DescribeVpnGateways: AuthFailure' "the message names the failing action"
cmp -s "$TMP/w/f1/vpn.conf" "$TMP/old.conf" && cmp -s "$TMP/w/f1/vpn.secrets" "$TMP/old.secrets"
ok $? "render -o: the existing FILE and its .secrets are left byte for byte"
is "$(ls -A "$TMP/w/f1" | tr '\n' ' ')" "vpn.conf vpn.secrets " "render -o: no temporary file beside them"
cg render $EP_out --vendor strongswan -o "$TMP/w/f2/new.conf"
is "$rc:$(ls -A "$TMP/w/f2")" "1:" "render -o NEW, failing: no file created"
printf 'old\n' >"$TMP/w/f3/vpnx-a1k9d3f7.conf"
cg render $EP_out --vendor strongswan --output-dir "$TMP/w/f3"
is "$rc:$(ls -A "$TMP/w/f3"):$(cat "$TMP/w/f3/vpnx-a1k9d3f7.conf")" "1:vpnx-a1k9d3f7.conf:old" \
	"render --output-dir, failing: the directory is left as it was"
cg show $EP_out -o "$TMP/w/f4/model.json"
is "$rc:$(ls -A "$TMP/w/f4")" "1:" "show -o, failing: no file created"
py <<'EOF'
from tlib import *
E = log("out")
check(acts(E) == ["DescribeVpnConnections", "DescribeVpnGateways"] * 4,
      "each failing render stopped at DescribeVpnGateways (AuthFailure is not retried)", show(E))
EOF
printf 'old download\n' >"$TMP/w/f5/dl.txt"
cp "$TMP/w/f5/dl.txt" "$TMP/old.dl"
DLV="--device-vendor h3c --platform comware --software-version V1.0 --interface eth0"
cg download $EP_a --connection vpnx-h7c3v6b9 --device-vendor cisco --platform ios \
	--software-version V15.4 --interface eth0 -o "$TMP/w/f5/dl.txt"
is "$rc" 1 "download -o, failing: status 1"
cmp -s "$TMP/w/f5/dl.txt" "$TMP/old.dl"
ok $? "download -o: the existing FILE is left byte for byte"
cg download $EP_a --connection vpnx-zzzzzzzz $DLV -o "$TMP/w/f5/new.txt"
is "$rc:$(ls -A "$TMP/w/f5" | tr '\n' ' ')" "1:dl.txt " "download -o NEW, failing: no file created, no temporary file"

# --- 6. download ------------------------------------------------------------

py <<'EOF'
from tlib import *
log("a")
EOF
cg download $EP_a --connection vpnx-h7c3v6b9 $DLV
is "$rc" 0 "download: status 0"
cmp "$TMP/out" "$FIX/downloads/h3c-comware-V1.0.txt" >/dev/null
ok $? "download: stdout is the cloud's text byte for byte (CRLF kept)"
cg download $EP_a --connection vpnx-h7c3v6b9 $DLV -o "$TMP/w/dl.txt"
is "$rc:$out" "0:" "download -o FILE: status 0, nothing on stdout"
cmp "$TMP/w/dl.txt" "$FIX/downloads/h3c-comware-V1.0.txt" >/dev/null
ok $? "download -o FILE: the text byte for byte"
is "$(mode_of "$TMP/w/dl.txt")" "-rw-------" "download -o FILE: mode 0600"
cg download $EP_a --connection vpnx-h7c3v6b9 --vpn-gateway vpngw-q7r2m4xa $DLV
is "$rc" 0 "download --vpn-gateway: status 0"
py <<'EOF'
from tlib import *
E = log("a")
body = {"VpnGatewayId": "vpngw-q7r2m4xa", "VpnConnectionId": "vpnx-h7c3v6b9",
        "CustomerGatewayVendor": {"Platform": "comware", "SoftwareVersion": "V1.0",
                                  "VendorName": "h3c"}, "InterfaceName": "eth0"}
check(acts(E) == ["DescribeVpnConnections", "DownloadCustomerGatewayConfiguration"] * 2
      + ["DownloadCustomerGatewayConfiguration"],
      "download: looks up the connection's gateway, unless --vpn-gateway gives it", show(E))
check(all(e["body"] == body for e in of(E, "DownloadCustomerGatewayConfiguration"))
      and of(E, "DescribeVpnConnections")[0]["body"]["VpnConnectionIds"] == ["vpnx-h7c3v6b9"],
      "download: the request names gateway, connection, device and interface",
      show(of(E, "DownloadCustomerGatewayConfiguration")))
EOF
cg download $EP_a --connection vpnx-h7c3v6b9 --device-vendor cisco --platform ios \
	--software-version V15.4 --interface eth0
is "$rc:$out" "1:" "download, a vendor listed without a configuration: status 1, nothing on stdout"
like "$err" 'DownloadCustomerGatewayConfiguration: ResourceNotFound' "names the action and ResourceNotFound"
unlike "$err" 'check the ids given' \
	"and does not blame the ids (the connection exists; the device has no template)"
like "$err" 'no configuration for this device: .cgwgen vendors --cloud tencent. lists' \
	"but says the cloud has no configuration for the device, and how to list them"
cg download $EP_a --connection vpnx-zzzzzzzz $DLV
is "$rc" 1 "download of an unknown connection: status 1"
like "$err" 'connection vpnx-zzzzzzzz does not exist in region ap-guangzhou' "naming the connection and the region"
cg download $EP_a --connection vpnx-h7c3v6b9 --device-vendor nokia --platform sros \
	--software-version 1 --interface eth0
is "$rc" 1 "download for a vendor the cloud does not know: status 1"
like "$err" 'DownloadCustomerGatewayConfiguration: InvalidParameterValue' "naming the API's error"
cg download $EP_a --connection vpnx-h7c3v6b9 --device-vendor h3c --platform comware \
	--software-version V1.0
is "$rc" 2 "download without --interface: usage error"
py <<'EOF'
from tlib import *
E = log("a")
check(acts(E) == ["DescribeVpnConnections", "DownloadCustomerGatewayConfiguration",
                  "DescribeVpnConnections", "DescribeVpnConnections",
                  "DownloadCustomerGatewayConfiguration"],
      "download errors: no download asked for an unknown connection, none without --interface",
      show(E))
EOF

# --- 7. reset ----------------------------------------------------------------

cg reset $EP_a --connection vpnx-n4x8r2j6
is "$rc" 0 "reset: status 0"
like "$out" '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$' "reset: prints the RequestId"
printf '%s\n' "$out" >"$TMP/reset.out"
cg reset $EP_a --connection vpnx-n4x8r2j6 --vpn-gateway vpngw-h5t9c1pz --json
is "$rc" 0 "reset --vpn-gateway --json: status 0"
cp "$TMP/out" "$TMP/w/reset.json"
cg reset $EP_a --connection vpnx-zzzzzzzz
is "$rc" 1 "reset of an unknown connection: status 1"
like "$err" 'connection vpnx-zzzzzzzz does not exist' "naming it"
cg reset $EP_a --connection vpnx-n4x8r2j6 --vpn-gateway vpngw-q7r2m4xa
is "$rc" 1 "reset with the wrong --vpn-gateway: status 1"
like "$err" 'ResetVpnConnection: InvalidParameterValue' "the API's error named"
py "$TMP/reset.out" "$TMP/w/reset.json" <<'EOF'
from tlib import *
E = log("a")
r = of(E, "ResetVpnConnection")
check(acts(E) == ["DescribeVpnConnections", "ResetVpnConnection", "ResetVpnConnection",
                  "DescribeVpnConnections", "ResetVpnConnection"],
      "reset: the gateway looked up without --vpn-gateway, not with it; nothing reset for an "
      "unknown connection", show(E))
if len(r) == 3:
    check(r[0].get("effect") == {"reset": {"VpnGatewayId": "vpngw-h5t9c1pz",
                                           "VpnConnectionId": "vpnx-n4x8r2j6"}},
          "reset: the mock reset vpnx-n4x8r2j6 on vpngw-h5t9c1pz (the gateway looked up)", r[0])
    check(text(sys.argv[1]).strip() == r[0]["request_id"],
          "reset: the printed RequestId is the answer's", r[0]["request_id"])
    check(json.loads(text(sys.argv[2])) == {"RequestId": r[1]["request_id"]},
          "reset --json: the answer", text(sys.argv[2]))
EOF
cg reset $EP_st --connection vpnx-n4x8r2j6
is "$rc" 1 "reset of a connection that is PENDING: status 1"
like "$err" 'ResetVpnConnection: UnsupportedOperation\.VpnConnInvalidState' "naming UnsupportedOperation.VpnConnInvalidState"
like "$err" 'reset only when its state is AVAILABLE' "and saying when a reset can be done"
cg list $EP_st
like "$out" '^vpnx-a1k9d3f7 +hq\?\[31mred\? ' "list: control characters in a name from the API are shown as ?"
py <<'EOF'
from tlib import *
log("st")
EOF

# --- 8. create-customer-gateway ---------------------------------------------

cg create-customer-gateway $EP_a --name office --address 203.0.113.77 --tag env=test --tag city=wuhan
is "$rc" 0 "create-customer-gateway: status 0"
like "$out" '^cgw-[0-9a-z]{8}	[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$' \
	"create-customer-gateway: prints the new id and the RequestId, tab-separated"
printf '%s\n' "$out" >"$TMP/create.out"
cg create-customer-gateway $EP_a --name office2 --address 203.0.113.78 --json
is "$rc" 0 "create-customer-gateway --json: status 0"
cp "$TMP/out" "$TMP/w/create.json"
cg create-customer-gateway $EP_a --name office --address 10.1.2.3
is "$rc" 1 "create with a private address: refused by the API, status 1"
like "$err" 'CreateCustomerGateway: InvalidParameterValue: ' "naming the action and the API's error"
cg create-customer-gateway $EP_a --name again --address 203.0.113.77
is "$rc" 1 "create with an address already used: status 1"
like "$err" 'InvalidParameterValue\.Duplicate' "naming InvalidParameterValue.Duplicate"
py "$TMP/create.out" "$TMP/w/create.json" <<'EOF'
from tlib import *
E = log("a")
c = of(E, "CreateCustomerGateway")
check(len(E) == 4 and len(c) == 4, "create: one request each, nothing else", show(E))
if len(c) == 4:
    check(c[0]["body"] == {"CustomerGatewayName": "office", "IpAddress": "203.0.113.77",
                           "Tags": [{"Key": "env", "Value": "test"},
                                    {"Key": "city", "Value": "wuhan"}]},
          "create: name, address and both tags sent", c[0]["body"])
    made = c[0].get("effect", {}).get("created", {})
    check(text(sys.argv[1]).strip() == "%s\t%s" % (made.get("CustomerGatewayId"), c[0]["request_id"]),
          "create: the printed id and RequestId are the ones the mock made",
          text(sys.argv[1]), made)
    j = json.loads(text(sys.argv[2]))
    check(j.get("CustomerGateway", {}).get("IpAddress") == "203.0.113.78"
          and j["CustomerGateway"].get("CustomerGatewayId") == c[1]["effect"]["created"]["CustomerGatewayId"]
          and "Tags" not in c[1]["body"],
          "create --json: the API's answer; no Tags member without --tag", j, c[1]["body"])
EOF
n61=$(printf '%061d' 0)
for bad in "--name x --address 999.1.1.1" "--name x --address 2001:db8::1" \
	"--name x --address gw.example.com" "--name $n61 --address 203.0.113.79" \
	"--name x --address 203.0.113.79 --tag novalue" "--name x --address 203.0.113.79 --tag =v" \
	"--address 203.0.113.79"; do
	cg create-customer-gateway $EP_a $bad
	is "$rc" 2 "create-customer-gateway $bad: usage error"
done
like "$err" 'needs --name and --address' "create without --name: says what is missing"
cg create-customer-gateway $EP_a --name x --address 999.1.1.1
like "$err" '--address: "999.1.1.1" is not an IPv4 address' "a bad --address is named"
py <<'EOF'
from tlib import *
E = log("a")
check(E == [], "create: the local checks (IPv4 --address, --name of at most 60, --tag KEY=VALUE, "
      "both needed) send nothing", show(E))
EOF

# --- 9. credentials and region ----------------------------------------------

set_env_creds() {
	if [ "$1" = - ]; then unset TENCENTCLOUD_SECRET_ID; else
		TENCENTCLOUD_SECRET_ID=$1
		export TENCENTCLOUD_SECRET_ID
	fi
	if [ "$2" = - ]; then unset TENCENTCLOUD_SECRET_KEY; else
		TENCENTCLOUD_SECRET_KEY=$2
		export TENCENTCLOUD_SECRET_KEY
	fi
}
tccli_cred() {	# NAME ID KEY [TOKEN]
	mkdir -p "$HOME/.tccli"
	tok=
	[ $# -gt 3 ] && tok=",\"token\": \"$4\""
	printf '{"secretId": "%s", "secretKey": "%s"%s}\n' "$2" "$3" "$tok" \
		>"$HOME/.tccli/$1.credential"
	chmod 600 "$HOME/.tccli/$1.credential"
}
clear_home() { rm -rf "$HOME/.tccli" "$HOME/.tencentcloud"; }

set_env_creds - "$KEY"
tccli_cred default "$SID" "$KEY"
cg list $EP_a
is "$rc" 2 "only TENCENTCLOUD_SECRET_KEY set: usage error, even with a credential file"
like "$err" 'TENCENTCLOUD_SECRET_KEY is set but TENCENTCLOUD_SECRET_ID is not' \
	"the message names the variable that is missing"
unlike "$err" "$KEY" "and does not hold the key"
set_env_creds "$SID" -
cg list $EP_a
is "$rc" 2 "only TENCENTCLOUD_SECRET_ID set: usage error (no silent fallback to the file)"
like "$err" 'TENCENTCLOUD_SECRET_ID is set but TENCENTCLOUD_SECRET_KEY is not' "naming it"
clear_home
set_env_creds - -
cg list $EP_a
is "$rc" 2 "no credentials at all: usage error"
like "$err" 'TENCENTCLOUD_SECRET_ID' "the message names TENCENTCLOUD_SECRET_ID"
like "$err" '\.tccli/default\.credential' "and the files it looked for"

set_env_creds - -
tccli_cred default "$SID" "$KEY"
cg -v list $EP_a
is "$rc:$(nlines "$out" '^vpnx-')" "0:5" "~/.tccli/default.credential is used when the environment has none"
like "$err" 'credentials from .*/home/\.tccli/default\.credential' "-v says so"
unlike "$err" 'warning' "a mode 0600 file gives no warning"
chmod 644 "$HOME/.tccli/default.credential"
cg list $EP_a
is "$rc" 0 "a credential file of mode 0644 is still used"
like "$err" 'warning: .*default\.credential holds secrets and can be read by others \(mode 0644\): chmod 600' \
	"with a warning naming the file, the mode and the fix"
printf '{"secretId": "%s", "secretKey": "%s"' "$SID" "$KEY" >"$HOME/.tccli/default.credential"
chmod 600 "$HOME/.tccli/default.credential"
cg list $EP_a
is "$rc" 1 "a credential file that is not JSON: status 1"
like "$err" 'default\.credential: not a tccli credential file' "naming the file"
unlike "$err" "$KEY" "without showing its content"
clear_home
mkdir "$HOME/.tencentcloud"
printf '# cli\n[other]\nsecret_id = AKIDother\nsecret_key = other\n[default]\nsecret_id = %s\nsecret_key = %s\n' \
	"$SID" "$KEY" >"$HOME/.tencentcloud/credentials"
chmod 600 "$HOME/.tencentcloud/credentials"
cg -v list $EP_a
is "$rc" 0 "~/.tencentcloud/credentials [default] is used when there is no tccli file"
like "$err" 'credentials from .*/\.tencentcloud/credentials' "-v says so"
clear_home

tccli_cred default AKIDwrongwrongwrong wrong-key
set_env_creds "$SID" "$KEY"
cg list $EP_a
is "$rc" 0 "the environment beats ~/.tccli/default.credential"
set_env_creds AKIDwrongenv wrong-env-key
tccli_cred work "$SID" "$KEY"
cg -v --profile work list $EP_a
is "$rc" 0 "--profile work reads ~/.tccli/work.credential (and beats the environment)"
like "$err" 'credentials from .*/\.tccli/work\.credential' "-v names work.credential"
TCCLI_PROFILE=work
export TCCLI_PROFILE
cg list $EP_a
is "$rc" 0 "TCCLI_PROFILE=work does the same"
unset TCCLI_PROFILE
cg --profile nosuch list $EP_a
is "$rc" 2 "--profile of a missing file: usage error"
like "$err" 'profile nosuch: .*/\.tccli/nosuch\.credential does not exist' "naming the file"
cg --profile ../work list $EP_a
is "$rc" 2 "--profile that is not a plain name: usage error"
printf '{"_sys_param": {"region": "ap-guangzhou"}}\n' >"$HOME/.tccli/work.configure"
cg --profile work list --cloud tencent --endpoint "http://127.0.0.1:$PORT_a"
is "$rc" 0 "--profile: the region comes from ~/.tccli/work.configure"
set_env_creds "$SID" "$KEY"
clear_home
cg list --cloud tencent --endpoint "http://127.0.0.1:$PORT_a"
is "$rc" 2 "no region: usage error"
like "$err" 'no region: give --region' "saying to give --region"
TENCENTCLOUD_REGION=ap-guangzhou
export TENCENTCLOUD_REGION
cg list --cloud tencent --endpoint "http://127.0.0.1:$PORT_a"
is "$rc" 0 "TENCENTCLOUD_REGION gives the region"
unset TENCENTCLOUD_REGION
cg list --cloud tencent --region 'ap guangzhou' --endpoint "http://127.0.0.1:$PORT_a"
is "$rc" 2 "a region that is not a name: usage error"
py <<'EOF'
from tlib import *
E = log("a")
check(len(E) == 8 and all(e["verified"] and e["region"] == "ap-guangzhou" for e in E),
      "credentials: 8 accepted requests (the right key from each source, the region from "
      "the profile or the environment); none for the refusals", show(E))
EOF

# session token (mock tok)
cg list $EP_tok
is "$rc" 1 "a mock that needs a token, none given: status 1"
like "$err" 'AuthFailure\.TokenFailure.*session token' "names AuthFailure.TokenFailure and the token"
TENCENTCLOUD_SESSION_TOKEN=$TOKEN
export TENCENTCLOUD_SESSION_TOKEN
cg -v list $EP_tok
is "$rc:$(nlines "$out" '^vpnx-')" "0:5" "TENCENTCLOUD_SESSION_TOKEN: accepted"
unlike "$err" "$TOKEN" "-v does not show the token"
unset TENCENTCLOUD_SESSION_TOKEN
TENCENTCLOUD_TOKEN=$TOKEN
export TENCENTCLOUD_TOKEN
cg list $EP_tok
is "$rc" 0 "TENCENTCLOUD_TOKEN: accepted"
unset TENCENTCLOUD_TOKEN
set_env_creds - -
tccli_cred default "$SID" "$KEY" "$TOKEN"
cg list $EP_tok
is "$rc" 0 "a token in ~/.tccli/default.credential: accepted"
set_env_creds "$SID" "$KEY"
clear_home
py <<'EOF'
from tlib import *
E = log("tok")
check([e["headers"].get("X-TC-Token") for e in E] == [None, "tok-5f3a9c", "tok-5f3a9c", "tok-5f3a9c"]
      and [e["verified"] for e in E] == [False, True, True, True],
      "token: X-TC-Token sent from each source", show(E))
EOF

# --- 10. TLS and endpoints ---------------------------------------------------

if [ -n "$tls" ]; then
	cg list $EP_tls
	is "$rc" 1 "https, self-signed certificate, no --ca-file: status 1"
	like "$err" 'certificate' "the message mentions the certificate"
	like "$err" '--ca-file' "and --ca-file"
	cg list $EP_tls --ca-file "$TMP/cert.pem"
	is "$rc:$(nlines "$out" '^vpnx-')" "0:5" "https with --ca-file: list works"
	cg list $EP_tls --ca-file "$TMP/no-such.pem"
	is "$rc" 1 "--ca-file that does not exist: status 1"
	like "$err" "ca-file .*no-such\.pem" "naming it"
	py <<'EOF'
from tlib import *
E = log("tls")
check(len(E) == 1 and E[0]["verified"], "https: only the --ca-file request reached the API",
      show(E))
EOF
else
	for i in 1 2 3 4 5 6 7; do skip "openssl not found: no TLS checks"; done
fi
t0=$(now_ms)
cg list --cloud tencent --region ap-guangzhou --endpoint http://192.0.2.1/
t1=$(now_ms)
is "$rc" 2 "plain http to a non-loopback address (TEST-NET 192.0.2.1): usage error"
like "$err" 'plain http is accepted only to a loopback address' "saying why"
[ $((t1 - t0)) -lt 2000 ]
ok $? "refused at once, before any connection ($((t1 - t0)) ms)"
cg list --cloud tencent --region ap-guangzhou --endpoint http://192.0.2.1:8080
is "$rc" 2 "http://192.0.2.1:8080: usage error too"
cg list --cloud tencent --region ap-guangzhou --endpoint "ftp://127.0.0.1:$PORT_a"
is "$rc" 2 "an ftp:// endpoint: usage error"
cg list --cloud tencent --region ap-guangzhou --endpoint "http://127.0.0.1:$PORT_a/v1"
is "$rc" 2 "an endpoint with a path: usage error"
cg list --cloud tencent --region ap-guangzhou --endpoint "http://127.0.0.1:$PORT_a/"
is "$rc" 0 "an endpoint with a trailing slash is fine"

# --- secrets: nothing cgwgen printed or wrote holds the key or a signature ---

files=$(find "$TMP/w" -type f | wc -l | tr -d ' ')
[ "$files" -ge 40 ]
ok $? "the outputs to check: $(grep -c '^=== cgwgen' "$TMP/all-output") runs, $files files"
leak=$(grep -rlF -e "$KEY" "$TMP/all-output" "$TMP/w")
is "$leak" "" "the secret key appears in no output, trace or file"
leak=$(grep -rlE -e 'Signature=[0-9a-fA-F]|[0-9a-fA-F]{64}|TC3-HMAC-SHA256 Credential' \
	"$TMP/all-output" "$TMP/w")
is "$leak" "" "no signature nor Authorization header appears in any of them"
leak=$(grep -lF -e "$TOKEN" "$TMP/all-output")
is "$leak" "" "the session token appears in no output"
errs=
for m in a g th2 e500 e503 trunc intl slow tha auth bad skew tok out st; do
	[ -s "$TMP/$m.err" ] && errs="$errs $m"
done
is "$errs" "" "no mock wrote to its stderr (no crash in the mock)"

done_testing
