#!/bin/sh
# cgwgen against tests/e2e/mock_alibaba.py, the mock of Alibaba Cloud's VPC
# API (RPC, 2016-04-28), end to end: list, show and render through the API
# with both signatures and both answer formats; paging, the ids strategy and
# the gateway lookups, read from the mock's request log; the filters; the
# live render against the render of a saved response; --source download
# against Describe; the retries and the errors, and nothing written when a
# command fails; credentials (environment, aliyun CLI profiles, the SDKs'
# file, STS tokens) and the region; and no secret, token or AccessKey id in
# anything cgwgen prints. Only 127.0.0.1 is ever contacted. Output is TAP.

. "${top_srcdir:-$(dirname "$0")/../..}/tests/lib.sh"

PY=${PYTHON3:-python3}
PYTHONDONTWRITEBYTECODE=1
E2E=$top_srcdir/tests/e2e
FIX=$E2E/fixtures/alibaba
MOCK=$E2E/mock_alibaba.py
GEN=$TMP/gen
export PYTHONDONTWRITEBYTECODE E2E FIX GEN TMP

command -v "$PY" >/dev/null 2>&1 || skip_all "python3 not found"
"$PY" -c 'import sys; sys.exit(sys.version_info < (3, 7))' ||
	skip_all "python 3.7 or later needed"
command -v curl >/dev/null 2>&1 || skip_all "curl not found"

umask 022
KID=LTAI5tMockMockMockMock01
SECRET=mock-alibaba-secret-0123456789abcdef
TOKEN=sts-tok-7c1e9a
HOME=$TMP/home
# Nothing from the caller's environment: every ALIBABA*/ALICLOUD* variable.
for v in $(env | sed -n 's/^\(ALIBABA[A-Za-z0-9_]*\)=.*/\1/p; s/^\(ALICLOUD[A-Za-z0-9_]*\)=.*/\1/p'); do
	unset "$v"
done
ALIBABA_CLOUD_ACCESS_KEY_ID=$KID
ALIBABA_CLOUD_ACCESS_KEY_SECRET=$SECRET
export HOME ALIBABA_CLOUD_ACCESS_KEY_ID ALIBABA_CLOUD_ACCESS_KEY_SECRET
unset CGWGEN_TEMPLATE_DIR
# libcurl (and urllib) would send even 127.0.0.1's traffic to a proxy.
unset http_proxy https_proxy HTTPS_PROXY all_proxy ALL_PROXY
NO_PROXY='*'
no_proxy='*'
export NO_PROXY no_proxy
mkdir "$HOME" "$TMP/w"	# w: every file cgwgen writes (checked for secrets)

A_SINGLE=vpn-bp1sgl7hz2x4k6m8q0w3e
A_DUAL=vpn-bp1dul9hz3y5n7p1r4t6v
CGW_A=cgw-bp1caa2hz4m6o8q0s2u4w
CGW_B=cgw-bp1cbb3hz5n7p9r1t3v5x
CGW_C=cgw-bp1ccc4hz6o8q0s2u4w6y
C1=vco-bp1c01hz7main1v1a2b3
C2=vco-bp1c02hz8ikev2bgp5d6
C3=vco-bp1c03hz9fqdn8f9g0h1
C4=vco-bp1c04hzadualbgp3j4k
C5=vco-bp1c05hzbdualpol6m7n
SG=vco-t4nc01sg0ikev2pol7q8

# --- helpers ---------------------------------------------------------------

mock_pids=
bg_pids=
cleanup() {
	for p in $bg_pids; do kill -TERM "$p" 2>/dev/null; done
	for p in $mock_pids; do kill -TERM "$p" 2>/dev/null; done
	for p in $bg_pids $mock_pids; do wait "$p" 2>/dev/null; done
	cleanup_tmp
}
trap cleanup EXIT
trap 'exit 1' HUP INT TERM

# start_mock NAME ARGS...: start a mock in the background; $TMP/NAME.port,
# .log, .err. wait_mock NAME waits for its port and sets $EP_NAME, the
# options that point cgwgen at it (region cn-hangzhou), and $URL_NAME.
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
	echo "http://127.0.0.1:${port:-1}/" >"$TMP/$1.url"
	eval "URL_$1=http://127.0.0.1:${port:-1}"
	eval "EP_$1=\"--cloud alibaba --region cn-hangzhou --endpoint http://127.0.0.1:${port:-1}\""
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
	cat "$TMP/err" >>"$TMP/all-stderr"
}

# cg_bg NAME ARGS...: cgwgen in the background (the cases that wait through
# every retry), into $TMP/bg-NAME.{out,err,rc,ms}; cg_wait NAME waits for it
# and sets $out, $err, $rc and $ms as cg does.
cg_bg() {
	name=$1
	shift
	(
		t0=$(now_ms)
		"$CGWGEN" "$@" >"$TMP/bg-$name.out" 2>"$TMP/bg-$name.err"
		echo $? >"$TMP/bg-$name.rc"
		echo $(($(now_ms) - t0)) >"$TMP/bg-$name.ms"
	) &
	eval "bgpid_$name=\$!"
	bg_pids="$bg_pids $!"
	echo "$*" >"$TMP/bg-$name.args"
}
cg_wait() {
	eval "wait \$bgpid_$1"
	cp "$TMP/bg-$1.out" "$TMP/out"
	cp "$TMP/bg-$1.err" "$TMP/err"
	rc=$(cat "$TMP/bg-$1.rc")
	ms=$(cat "$TMP/bg-$1.ms")
	out=$(cat "$TMP/out")
	err=$(cat "$TMP/err")
	{
		echo "=== cgwgen $(cat "$TMP/bg-$1.args") (status $rc)"
		cat "$TMP/out" "$TMP/err"
	} >>"$TMP/all-output"
	cat "$TMP/err" >>"$TMP/all-stderr"
}

# py [ARGS...] <<'EOF' ... EOF: python checks (from alib import *); their
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

# gid N...: --connection options for connections N... of the generated set.
gid() {
	"$PY" -c 'import json, sys
c = json.load(open(sys.argv[1]))
print(" ".join("--connection " + (c[int(i)]["VpnConnectionId"] if i.isdigit() else i)
               for i in sys.argv[2:]))' "$GEN/cn-hangzhou/vpn_connections.json" "$@"
}

mode_of() { ls -ld "$1" | cut -c1-10; }
now_ms() { date +%s%N | cut -b1-13; }
nlines() { printf '%s\n' "$1" | grep -c "${2:-.}"; }

cat >"$TMP/alib.py" <<'EOF'
"""Helpers of t-alibaba-live.sh's python checks."""
import base64, hashlib, json, os, re, sys, time, urllib.error, urllib.request

TMP, FIX, E2E, GEN = (os.environ[k] for k in ("TMP", "FIX", "E2E", "GEN"))
KID = "LTAI5tMockMockMockMock01"
SECRET = "mock-alibaba-secret-0123456789abcdef"
TOKEN = "sts-tok-7c1e9a"
RID = r"[0-9A-F]{8}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{12}"
V3AUTH = re.compile(r"ACS3-HMAC-SHA256 Credential=%s,SignedHeaders=([a-z0-9;-]+),"
                    r"Signature=<redacted>" % KID)
V2_COMMON = ("Action", "Version", "Format", "AccessKeyId", "SignatureMethod",
             "SignatureVersion", "SignatureNonce", "Timestamp", "Signature", "SecurityToken")
EMPTY_SHA256 = hashlib.sha256(b"").hexdigest()


def check(cond, desc, *diag):
    print(("PASS " if cond else "FAIL ") + desc)
    if not cond:
        for d in diag:
            for line in (str(d)[:3000].splitlines() or [""]):
                print("# " + line)


def fixture(name, region="cn-hangzhou", d=FIX):
    return json.load(open(os.path.join(d, region, name), encoding="utf-8"))


def text(path):
    return open(path, encoding="utf-8", newline="").read()


def tunnels(c):
    return (c.get("TunnelOptionsSpecification") or {}).get("TunnelOptions") or []


def cgws_of(c):
    """The distinct customer gateways of a connection, in order."""
    out = []
    for g in [c.get("CustomerGatewayId")] + [t.get("CustomerGatewayId") for t in tunnels(c)]:
        if g and g not in out:
            out.append(g)
    return out


def log(name, nowait=False):
    """The POST requests the mock NAME logged since the last call.

    A GET probe marks the end: once it and every request that arrived
    before it are in the log, the log is complete (the mock writes a line
    after answering). nowait: do not wait for earlier requests (one may
    still be sleeping in a 'slow' failure)."""
    url = open(os.path.join(TMP, name + ".url")).read().strip()
    markf = os.path.join(TMP, name + ".mark")
    mark = int(open(markf).read()) if os.path.exists(markf) else 0
    opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))
    try:
        r = opener.open(urllib.request.Request(url + "?probe", method="GET"), timeout=10)
    except urllib.error.HTTPError as e:
        r = e
    rid = r.headers["x-acs-request-id"]
    r.read()
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


def prm(e, *names):
    """The action's own parameters of a request (RegionId and the common
    ones left out), or the values of names."""
    if names:
        return tuple(e["params"].get(n) for n in names)
    return {k: v for k, v in e["params"].items()
            if (k not in V2_COMMON or (k == "Format" and e["signature_version"] == "v3"))
            and k != "RegionId"}


def show(E):
    return [(e["seq"], e["action"], e["error"], e["injected"], prm(e)) for e in E]


def hdr(e):
    return {k.lower(): v for k, v in e["headers"].items()}


def std(E, what, region="cn-hangzhou", sig="v2", fmt="JSON", token=None):
    """What every request cgwgen sends must be."""
    check(E and all(e["verified"] for e in E),
          what + ": every request passed the mock's signature, nonce and timestamp checks",
          [(e["seq"], e["error"], e.get("detail")) for e in E if not e["verified"]])
    check(all(e["method"] == "POST" and e["path"] == "/" and e["body_params"] == []
              and hdr(e).get("content-length", "0") == "0"
              and "transfer-encoding" not in hdr(e) for e in E),
          what + ": POST /, every parameter in the query, an empty body",
          [(e["method"], e["path"], e["body_params"], hdr(e).get("content-length")) for e in E])
    check(all(e["region"] == region for e in E),
          what + ": RegionId %s in every request" % region, [e["region"] for e in E])
    check(all(e["format"] == fmt for e in E), what + ": every answer asked in " + fmt,
          [e["format"] for e in E])
    nonces = [e["nonce"] for e in E]
    check(len(set(nonces)) == len(nonces) and all(re.fullmatch(r"[0-9A-Za-z-]{16,}", n or "")
                                                  for n in nonces),
          what + ": a fresh nonce for each request", nonces)
    if sig == "v2":
        check(all(e["signature_version"] == "v2" and "authorization" not in hdr(e)
                  and prm(e, "Version", "SignatureMethod", "SignatureVersion", "Format",
                          "AccessKeyId", "SecurityToken")
                  == ("2016-04-28", "HMAC-SHA1", "1.0", fmt, KID, token)
                  and re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ", e["params"]["Timestamp"])
                  and e["params"]["Action"] == e["action"] for e in E),
              what + ": RPC signature: Version 2016-04-28, HMAC-SHA1, SignatureVersion 1.0, "
              "Format=%s, the AccessKeyId, a UTC Timestamp%s" % (
                  fmt, ", SecurityToken" if token else ", no SecurityToken"),
              [(e["signature_version"], {k: e["params"].get(k) for k in V2_COMMON}) for e in E])
    else:
        def v3ok(e):
            h = hdr(e)
            m = V3AUTH.fullmatch(h.get("authorization", ""))
            signed = set(m.group(1).split(";")) if m else set()
            need = {"host", "x-acs-action", "x-acs-version", "x-acs-date",
                    "x-acs-signature-nonce", "x-acs-content-sha256"}
            if token:
                need.add("x-acs-security-token")
            return (e["signature_version"] == "v3" and m is not None and need <= signed
                    and h.get("x-acs-action") == e["action"]
                    and h.get("x-acs-version") == "2016-04-28"
                    and h.get("x-acs-content-sha256") == EMPTY_SHA256
                    and re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ", h.get("x-acs-date", ""))
                    and h.get("x-acs-security-token") == token
                    and not any(k in e["params"] for k in V2_COMMON if k != "Format")
                    and e["params"].get("Format") == ("XML" if fmt == "XML" else None))
        check(all(v3ok(e) for e in E),
              what + ": V3 signature: ACS3-HMAC-SHA256 with the AccessKey id, host and every "
              "x-acs-* header signed, x-acs-version 2016-04-28, the empty body's SHA-256, no "
              "RPC parameters%s%s" % (", Format=XML in the query" if fmt == "XML" else "",
                                      ", x-acs-security-token" if token else ""),
              [(e["signature_version"], e["headers"], e["params"]) for e in E if not v3ok(e)])


def proposal(ike, esp):
    return "%s %s/%s/%s, ESP %s/%s/%s" % (
        "v2" if ike.get("IkeVersion") == "ikev2" else "v1", ike["IkeEncAlg"], ike["IkeAuthAlg"],
        ike["IkePfs"], esp["IpsecEncAlg"], esp["IpsecAuthAlg"], esp["IpsecPfs"])


def proposals(c):
    if tunnels(c):
        return [proposal(t["TunnelIkeConfig"], t["TunnelIpsecConfig"]) for t in tunnels(c)]
    return [proposal(c["IkeConfig"], c["IpsecConfig"])]


def blocks(t):
    """strongSwan connection blocks: [(name, body)]."""
    return re.findall(r"^    ([A-Za-z0-9_.-]+) \{\n(.*?)^    \}$",
                      t.split("\nsecrets {")[0], re.M | re.S)


def grab(pattern, s, flags=re.M):
    m = re.search(pattern, s, flags)
    return m.group(1) if m else None


def mode(path):
    return os.stat(path).st_mode & 0o7777


def model(path):
    return json.loads(text(path))
EOF

# --- the fixture sets and the mocks (started together) --------------------

# gen: 250 connections on 10 gateways (3 dual: 75 dual-tunnel connections)
# and only 7 customer gateways; the single-tunnel connections lose their
# InternetIp, so that each of the 7 single gateways must be looked up.
"$PY" "$E2E/gen_alibaba_account.py" --out "$GEN" --connections 250 --gateways 10 \
	--customer-gateways 7 --seed 4 &&
	"$PY" - "$GEN/cn-hangzhou/vpn_connections.json" <<'EOF'
import json, sys
c = json.load(open(sys.argv[1]))
for x in c:
    if not x["TunnelOptionsSpecification"]["TunnelOptions"]:
        del x["InternetIp"]
json.dump(c, open(sys.argv[1], "w"), indent=1)
EOF
ok $? "gen_alibaba_account.py: a 250-connection set, single-tunnel InternetIp removed"

# odd: a name and a state with control characters (terminal escapes)
mkdir -p "$TMP/fx-odd/cn-hangzhou"
cp "$FIX/cn-hangzhou/"*.json "$TMP/fx-odd/cn-hangzhou/"
"$PY" - "$TMP/fx-odd/cn-hangzhou/vpn_connections.json" <<'EOF'
import json, sys
c = json.load(open(sys.argv[1]))
c[0]["Name"] = "hq\x1b[31mred\x07"
c[1]["Status"] = "up\rDOWN"
json.dump(c, open(sys.argv[1], "w"))
EOF

start_mock a --fixtures "$FIX" --seed 7
start_mock g --fixtures "$GEN"
start_mock th2 --fixtures "$FIX" --fail DescribeVpnConnections:throttle:2
start_mock tha --fixtures "$FIX" --fail DescribeVpnConnections:throttle:always
start_mock e500 --fixtures "$FIX" --fail DescribeVpnConnections:500:1
start_mock e503 --fixtures "$FIX" --fail DescribeCustomerGateway:503:1
start_mock trunc --fixtures "$FIX" --fail DescribeVpnConnections:truncated:1
start_mock trca --fixtures "$FIX" --fail DescribeVpnGateway:truncated:always
start_mock bad --fixtures "$FIX" --fail DescribeVpnConnections:badjson:always
start_mock badx --fixtures "$FIX" --fail DescribeVpnConnections:badxml:always
start_mock slow --fixtures "$FIX" --fail DescribeVpnConnections:slow:1 --slow-seconds 4
start_mock skew --fixtures "$FIX" --clock-skew 3600
start_mock tok --fixtures "$FIX" --token "$TOKEN"
start_mock out --fixtures "$FIX" --fail DescribeCustomerGateway:autherr:always
start_mock odd --fixtures "$TMP/fx-odd"
MOCKS="a g th2 tha e500 e503 trunc trca bad badx slow skew tok out odd"
up=0
for m in $MOCKS; do
	wait_mock $m || up=1
done
ok $up "all the mocks are listening"
[ "$up" -eq 0 ] || { done_testing; exit 1; }

# The cases that wait through every retry run beside the others; DEAD: a
# port nothing listens on (taken from the kernel, then closed).
DEAD=$("$PY" -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')
mkdir "$TMP/w/f-trunc"
printf 'old conf\n' >"$TMP/w/f-trunc/vpn.conf"
cp "$TMP/w/f-trunc/vpn.conf" "$TMP/old-trunc.conf"
cg_bg tha list $EP_tha
cg_bg trca render $EP_trca --vendor strongswan -o "$TMP/w/f-trunc/vpn.conf"
cg_bg slow -v list $EP_slow --timeout 1
cg_bg dead -v list --cloud alibaba --region cn-hangzhou --endpoint "http://127.0.0.1:$DEAD"

# --- 1. list (mock a) -------------------------------------------------------

cg list $EP_a
is "$rc" 0 "list: status 0"
is "$err" "" "list: nothing on stderr"
cp "$TMP/out" "$TMP/w/list.txt"
py "$TMP/w/list.txt" <<'EOF'
from alib import *
t = text(sys.argv[1])
lines = t.split("\n")
check(lines[-1] == "" and len(lines) == 7, "list: a header and 5 lines", t)
hdr_, rows = lines[0], lines[1:-1]
cols = ["ID", "NAME", "VPN GATEWAY", "CUSTOMER GATEWAY", "STATE", "PROPOSALS"]
check(re.fullmatch(r"ID +NAME +VPN GATEWAY +CUSTOMER GATEWAY +STATE +PROPOSALS", hdr_),
      "list: the header names the six columns", hdr_)
pos = [hdr_.find(c) for c in cols] + [None]
cells = [[r[pos[i]:pos[i + 1]].strip() for i in range(6)] for r in rows]
conns = fixture("vpn_connections.json")
want = [[c["VpnConnectionId"], c["Name"], c["VpnGatewayId"], c["Status"]] for c in conns]
check([[c[0], c[1], c[2], c[4]] for c in cells] == want,
      "list: the 5 connections in order: id, name, VPN gateway and state (Status) under "
      "their columns", cells)
check(all(r[pos[i] - 1] == " " for r in rows for i in range(1, 6) if len(r) >= pos[i]),
      "list: the columns are aligned", rows)
got = [c[3] for c in cells]
check(got[:3] == ["cgw-bp1caa2hz4m6o8q0s2u4w", "cgw-bp1cbb3hz5n7p9r1t3v5x",
                  "cgw-bp1ccc4hz6o8q0s2u4w6y"],
      "list: a single-tunnel row shows the connection's customer gateway", got)
check(len(got) == 5 and set(got[3].split(",")) == {"cgw-bp1ccc4hz6o8q0s2u4w6y"}
      and sorted(got[4].split(",")) == ["cgw-bp1caa2hz4m6o8q0s2u4w", "cgw-bp1cbb3hz5n7p9r1t3v5x"],
      "list: a dual-tunnel row lists its tunnels' customer gateways, comma-separated "
      "(vco-bp1c05...: site-b and site-a)", got[3:])
p = [c[5] for c in cells]
check(p[:4] == [proposals(c)[0] for c in conns[:4]] and p[4] in proposals(conns[4]),
      "list: PROPOSALS in Alibaba's spelling ('v1 aes256/sha256/group14, ESP "
      "aes256/sha256/group14'), a dual connection's from one of its tunnels", p)
psks = [c["IkeConfig"]["Psk"] for c in conns if "IkeConfig" in c] + \
       [t["TunnelIkeConfig"]["Psk"] for c in conns for t in tunnels(c)]
check(len(psks) == 7 and not any(k in t for k in psks), "list: none of the 7 pre-shared keys")
E = log("a")
check(acts(E) == ["DescribeVpnConnections"]
      and prm(E[0]) == {"PageNumber": "1", "PageSize": "50"},
      "list: one request, DescribeVpnConnections PageSize=50 PageNumber=1, no filter "
      "and no lookups", show(E))
std(E, "list")
EOF

cg list $EP_a --json
is "$rc" 0 "list --json: status 0"
cp "$TMP/out" "$TMP/w/list.json"
py "$TMP/w/list.json" <<'EOF'
from alib import *
t = text(sys.argv[1])
try:
    d = json.loads(t)
except ValueError:
    d = None
check(isinstance(d, list), "list --json: parses as a JSON array", t[:300])
d = d or [{}]
conns = fixture("vpn_connections.json")
check([e.get("id") for e in d] == [c["VpnConnectionId"] for c in conns],
      "list --json: the 5 connections in order", d)
check(all(set(e) == {"id", "name", "vpn_gateway_id", "customer_gateway_id", "state",
                     "tunnels", "cloud_subnets", "customer_subnets", "proposals"} for e in d),
      "list --json: each with exactly the documented members", [sorted(e) for e in d])
check([(e.get("name"), e.get("vpn_gateway_id"), e.get("state"), e.get("tunnels"),
        e.get("cloud_subnets"), e.get("customer_subnets")) for e in d] ==
      [(c["Name"], c["VpnGatewayId"], c["Status"], max(1, len(tunnels(c))),
        c["LocalSubnet"], c["RemoteSubnet"]) for c in conns],
      "list --json: name, gateway, state, number of tunnels, the VPC's and the customer's "
      "networks as the API gives them", d)
check(len(d) == 5 and d[4].get("customer_gateway_id", "").count(",") == 1
      and set(d[4]["customer_gateway_id"].split(",")) == set(cgws_of(conns[4]))
      and d[0].get("customer_gateway_id") == conns[0]["CustomerGatewayId"],
      "list --json: customer_gateway_id, a dual connection's comma-separated", d)
psks = [c["IkeConfig"]["Psk"] for c in conns if "IkeConfig" in c] + \
       [x["TunnelIkeConfig"]["Psk"] for c in conns for x in tunnels(c)]
check(not re.search(r"psk|PreShare|secret", t, re.I) and not any(k in t for k in psks)
      and not any(json.dumps(k)[1:-1] in t for k in psks),
      "list --json: no key member and none of the 7 pre-shared keys, raw or escaped")
E = log("a")
check(acts(E) == ["DescribeVpnConnections"], "list --json: DescribeVpnConnections only", show(E))
EOF

cg list $EP_odd
is "$rc" 0 "list, a name and a state with control characters: status 0"
like "$out" '^vco-bp1c01hz7main1v1a2b3 +hq\?\[31mred\? +vpn-' "list: control characters in a name are shown as ?"
like "$out" '^vco-bp1c02hz8ikev2bgp5d6 .* up\?DOWN +v2 ' "list: and in a state"
printf '%s' "$out" | tr -d '\n' | grep -q "$(printf '[\001-\037\177]')"
ok $((1 - $?)) "list: no control character in the table but the line ends"
cg list $EP_odd --json
is "$("$PY" -c 'import json,sys; d=json.load(sys.stdin); print(repr(d[0]["name"]), repr(d[1]["state"]))' <"$TMP/out")" \
	"'hq\x1b[31mred\x07' 'up\rDOWN'" "list --json: the same name and state, escaped as JSON"
py <<'EOF'
from alib import *
E = log("odd")
check(acts(E) == ["DescribeVpnConnections"] * 2, "odd names: a page each", show(E))
EOF
cg list --cloud alibaba --region ap-southeast-1 --endpoint "$URL_a"
cp "$TMP/out" "$TMP/sg-list.txt"
cg list --cloud alibaba --region ap-southeast-1 --endpoint "$URL_a" --api-format xml --signature v3
cmp -s "$TMP/out" "$TMP/sg-list.txt"
ok $? "list, a page of one connection: XML (one element, not a list) gives the table JSON gives"
is "$(nlines "$out" '^vco-')" 1 "list ap-southeast-1: its one connection"
py <<'EOF'
from alib import *
E = log("a")
check([(e["region"], e["format"]) for e in E] == [("ap-southeast-1", "JSON"), ("ap-southeast-1", "XML")],
      "list ap-southeast-1 in JSON, then XML", show(E))
EOF
cg list $EP_a --connection $C4 --connection $C1
is "$rc:$(printf '%s\n' "$out" | sed -n 's/^\(vco-[0-9a-z]*\) .*/\1/p' | tr '\n' ' ')" "0:$C4 $C1 " \
	"list --connection: those connections, in the order given"
py <<'EOF'
from alib import *
E = log("a")
check(acts(E) == ["DescribeVpnConnection"] * 2, "list --connection: one DescribeVpnConnection each",
      show(E))
EOF

# --- 2. render and show, every signature and format (mock a) --------------

cg render $EP_a --vendor strongswan
is "$rc" 0 "render strongswan (all 5): status 0"
cp "$TMP/out" "$TMP/w/ss-all.conf"
cp "$TMP/err" "$TMP/w/ss-all.err"
py "$TMP/w/ss-all.conf" "$TMP/w/ss-all.err" <<'EOF'
from alib import *
t, err = text(sys.argv[1]), text(sys.argv[2])
conns = fixture("vpn_connections.json")
B = blocks(t)
want = ["vco-bp1c01hz7main1v1a2b3", "vco-bp1c02hz8ikev2bgp5d6", "vco-bp1c03hz9fqdn8f9g0h1",
        "tun-bp1t41hzmaster6m7n8p", "tun-bp1t42hzslave9q0r1s2",
        "tun-bp1t51hzpola3b4c5d6", "tun-bp1t52hzpolb7e8f9g0"]
check([b[0] for b in B] == want, "render: a block for each of the 3 single tunnels and the "
      "4 tunnels of the 2 dual connections (by tunnel id)", [b[0] for b in B])
got = {b[0]: grab(r"^        remote_addrs = (\S+)$", b[1]) for b in B}
check(got == dict(zip(want, ["203.0.113.10"] * 3 + ["203.0.113.21", "203.0.113.22"] * 2)),
      "render: remote_addrs of each tunnel; vco-bp1c03 (FQDN, no InternetIp) 203.0.113.10 "
      "from DescribeVpnGateway", got)
sec = dict(re.findall(r"^    ike-(\S+) \{\n(?:.*\n)*?        secret = (.*)$", t, re.M))
check(sec.get("vco-bp1c02hz8ikev2bgp5d6") == r'"p\"s\\k #$up3r sp@ce"',
      "render: the awkward PSK p\"s\\k #$up3r sp@ce is quoted, \" and \\ escaped", sec)
check(len(sec) == 7 and sec.get("tun-bp1t52hzpolb7e8f9g0") == "Policy-Slave-K4",
      "render: a secret for each of the 7 tunnels", sec)
check(re.search(r"^#   tunnel vco-bp1c03hz9fqdn8f9g0h1: cloud gateway 203\.0\.113\.10, the cloud "
                r"expects this device at 198\.51\.100\.13$", t, re.M),
      "render: the FQDN connection's comment says where the cloud expects the device "
      "(site-c's address, from DescribeCustomerGateway)")
check(re.findall(r"^# Connection (vco-\S+) ", t, re.M) == [c["VpnConnectionId"] for c in conns],
      "render: a comment for each connection, in order")
w = err.splitlines()
check(len(w) == 1 and w[0].startswith("cgwgen: warning: vco-bp1c03hz9fqdn8f9g0h1: IKEv1 "
                                      "aggressive mode"),
      "render: the only warning is vco-bp1c03's aggressive mode", err)
E = log("a")
check(len(E) == 5 and acts(E)[0] == "DescribeVpnConnections"
      and prm(E[0]) == {"PageNumber": "1", "PageSize": "50"},
      "render (5 connections): 5 requests, the first DescribeVpnConnections page", show(E))
check([prm(e) for e in of(E, "DescribeVpnGateway")] == [{"VpnGatewayId": "vpn-bp1sgl7hz2x4k6m8q0w3e"}],
      "render: one DescribeVpnGateway, for the single gateway of the connection without "
      "InternetIp", show(E))
cg = sorted(prm(e)["CustomerGatewayId"] for e in of(E, "DescribeCustomerGateway"))
check(cg == ["cgw-bp1caa2hz4m6o8q0s2u4w", "cgw-bp1cbb3hz5n7p9r1t3v5x", "cgw-bp1ccc4hz6o8q0s2u4w6y"],
      "render: DescribeCustomerGateway once for each of the 3 distinct customer gateways "
      "(connection and tunnel ones)", show(E))
std(E, "render")
EOF

# the same with V3 and/or XML: the same bytes
for combo in "--signature rpc --api-format xml:v2:XML" "--signature v3:v3:JSON" \
	"--signature v3 --api-format xml:v3:XML"; do
	opts=${combo%%:*}
	rest=${combo#*:}
	# shellcheck disable=SC2086
	cg render $EP_a --vendor strongswan $opts
	is "$rc" 0 "render $opts: status 0"
	cmp -s "$TMP/out" "$TMP/w/ss-all.conf" && cmp -s "$TMP/err" "$TMP/w/ss-all.err"
	ok $? "render $opts: stdout and stderr byte for byte those of RPC/JSON"
	py "$opts" "${rest%%:*}" "${rest#*:}" <<'EOF'
from alib import *
what, sig, fmt = sys.argv[1:4]
E = log("a")
check(acts(E)[:2] == ["DescribeVpnConnections", "DescribeVpnGateway"] and len(E) == 5,
      "render %s: the same 5 requests" % what, show(E))
std(E, "render " + what, sig=sig, fmt=fmt)
EOF
done

cg show $EP_a -o "$TMP/w/show-all.json"
is "$rc:$out" "0:" "show -o FILE: status 0, nothing on stdout"
for opts in "--signature v3" "--api-format xml" "--signature v3 --api-format xml"; do
	# shellcheck disable=SC2086
	cg show $EP_a $opts
	cmp -s "$TMP/out" "$TMP/w/show-all.json"
	ok $? "show $opts: the model of RPC/JSON"
done
py "$TMP/w/show-all.json" <<'EOF'
from alib import *
m = model(sys.argv[1])
conns = fixture("vpn_connections.json")
check(m.get("cgwgen_model") == 1 and [c["id"] for c in m["connections"]]
      == [c["VpnConnectionId"] for c in conns], "show: a model of the 5 connections, in order")
c3 = m["connections"][2]["tunnels"][0]
check((c3["remote_address"], c3["local_address"]) == ("203.0.113.10", "198.51.100.13"),
      "show: vco-bp1c03's gateway address from DescribeVpnGateway, the device's from "
      "DescribeCustomerGateway", c3)
check([t["id"] for t in m["connections"][4]["tunnels"]]
      == ["tun-bp1t51hzpola3b4c5d6", "tun-bp1t52hzpolb7e8f9g0"]
      and [t["role"] for t in m["connections"][4]["tunnels"]] == ["primary", "standby"],
      "show: the dual tunnels ordered by id, master primary, slave standby",
      m["connections"][4]["tunnels"])
check(m["connections"][1]["tunnels"][0]["psk"] == 'p"s\\k #$up3r sp@ce',
      "show: the awkward PSK as it is")
check(mode(sys.argv[1]) == 0o600, "show -o: mode 0600 (umask 022)", oct(mode(sys.argv[1])))
E = log("a")
check(len(E) == 20 and len(of(E, "DescribeVpnConnections")) == 4,
      "show: 5 requests each time", show(E))
EOF

# -v: the trace
cg -v render $EP_a --vendor strongswan -q
is "$rc" 0 "render -v: status 0"
cmp -s "$TMP/out" "$TMP/w/ss-all.conf"
ok $? "render -v: the same configuration"
like "$err" '^cgwgen: trace: alibaba: credentials from the environment \(ALIBABA_CLOUD_ACCESS_KEY_ID\), region cn-hangzhou$' \
	"-v: where the credentials came from, and the region"
is "$(nlines "$err" 'trace: alibaba: Describe.* to http://127\.0\.0\.1:[0-9]*/, region cn-hangzhou, RPC signature, JSON, key LTAI\.\.\. ')" 5 \
	"-v: each of the 5 requests traced: action, endpoint, region, signature, format, key LTAI..."
like "$err" 'requests sent: 5' "-v: the number of requests"
unlike "$err" 'LTAI5|Signature=|SignatureNonce|AccessKeyId' "-v: no more than 4 characters of the key id, no query, no signature"
unlike "$err" 'warning' "-v -q: no warning"
py <<'EOF'
from alib import *
check(len(log("a")) == 5, "-v: still 5 requests")
EOF

mkdir "$TMP/w/o-ls"
printf 'old\n' >"$TMP/w/o-ls/ls.conf"
chmod 644 "$TMP/w/o-ls/ls.conf"
cg render $EP_a --vendor libreswan -o "$TMP/w/o-ls/ls.conf"
is "$rc:$out" "0:" "render libreswan -o FILE (FILE exists, mode 0644): status 0, nothing on stdout"
is "$(mode_of "$TMP/w/o-ls/ls.conf") $(mode_of "$TMP/w/o-ls/ls.secrets")" "-rw------- -rw-------" \
	"render -o: FILE replaced and FILE.secrets written, both mode 0600 (umask 022)"
is "$(ls -A "$TMP/w/o-ls" | tr '\n' ' ')" "ls.conf ls.secrets " "render -o: no temporary file left"
is "$(grep -c '^conn ' "$TMP/w/o-ls/ls.conf")" 7 "render libreswan -o: a conn for each of the 7 tunnels"
# shellcheck disable=SC2016
like "$(cat "$TMP/w/o-ls/ls.secrets")" '^198\.51\.100\.12 203\.0\.113\.10 : PSK 0scCJzXGsgIyR1cDNyIHNwQGNl$' \
	"libreswan: the awkward PSK as 0s + Base64 of p\"s\\k #\$up3r sp@ce"
mkdir "$TMP/w/od"
cg render $EP_a --vendor strongswan -q --output-dir "$TMP/w/od"
is "$rc:$(ls "$TMP/w/od" | tr '\n' ' ')" "0:$C1.conf $C2.conf $C3.conf $C4.conf $C5.conf " \
	"render --output-dir: ID.conf for each connection"
is "$(mode_of "$TMP/w/od/$C4.conf")" "-rw-------" "render --output-dir: mode 0600"
py <<'EOF'
from alib import *
E = log("a")
check(len(E) == 10, "libreswan -o and --output-dir: 5 requests each", show(E))
EOF

# --- 3. up to three --connection: DescribeVpnConnection each (mock a) ------

cg show $EP_a --connection $C5 --connection $C1
is "$rc" 0 "show --connection C5 --connection C1: status 0"
cp "$TMP/out" "$TMP/w/show-51.json"
cg render $EP_a --vendor strongswan -q --connection $C3 --connection $C4 --connection $C2
is "$rc" 0 "render with 3 --connection: status 0"
is "$(printf '%s\n' "$out" | sed -n 's/^# Connection \(vco-[^ ]*\) .*/\1/p' | tr '\n' ' ')" "$C3 $C4 $C2 " \
	"render with 3 --connection: the connections in the order given"
py "$TMP/w/show-51.json" <<'EOF'
from alib import *
m = model(sys.argv[1])
check([c["id"] for c in m["connections"]] == ["vco-bp1c05hzbdualpol6m7n", "vco-bp1c01hz7main1v1a2b3"],
      "show with 2 ids: the connections in the order given", [c["id"] for c in m["connections"]])
E = log("a")
a, b = E[:4], E[4:]
check([(e["action"], prm(e)) for e in a[:2]] ==
      [("DescribeVpnConnection", {"VpnConnectionId": "vco-bp1c05hzbdualpol6m7n"}),
       ("DescribeVpnConnection", {"VpnConnectionId": "vco-bp1c01hz7main1v1a2b3"})]
      and sorted(prm(e)["CustomerGatewayId"] for e in a[2:]) ==
      ["cgw-bp1caa2hz4m6o8q0s2u4w", "cgw-bp1cbb3hz5n7p9r1t3v5x"] and len(a) == 4
      and acts(a[2:]) == ["DescribeCustomerGateway"] * 2,
      "2 ids: one DescribeVpnConnection each, in order; site-a looked up once for both; "
      "no DescribeVpnGateway (both have addresses)", show(a))
check([prm(e).get("VpnConnectionId") for e in b[:3]] ==
      ["vco-bp1c03hz9fqdn8f9g0h1", "vco-bp1c04hzadualbgp3j4k", "vco-bp1c02hz8ikev2bgp5d6"]
      and acts(b[:3]) == ["DescribeVpnConnection"] * 3
      and [prm(e) for e in of(b, "DescribeVpnGateway")] == [{"VpnGatewayId": "vpn-bp1sgl7hz2x4k6m8q0w3e"}]
      and sorted(prm(e)["CustomerGatewayId"] for e in of(b, "DescribeCustomerGateway")) ==
      ["cgw-bp1cbb3hz5n7p9r1t3v5x", "cgw-bp1ccc4hz6o8q0s2u4w6y"] and len(b) == 6,
      "3 ids: 3 DescribeVpnConnection, 1 gateway and 2 customer gateways (site-c once for "
      "C3 and C4's two tunnels)", show(b))
std(E, "--connection")
EOF

cg render $EP_a --vendor strongswan --connection vco-bp1nosuchconn0000000
is "$rc:$out" "1:" "render --connection of an unknown id: status 1, nothing on stdout"
is "$err" "cgwgen: alibaba: connection vco-bp1nosuchconn0000000 does not exist in region cn-hangzhou (InvalidVpnConnectionInstanceId.NotFound)" \
	"the message names the connection, the region and the code"
cg show $EP_a --connection $C1 --connection vco-bp1nosuchconn0000000
is "$rc:$out" "1:" "show, a known and an unknown id: status 1, nothing on stdout"
cg show $EP_a --connection vco-bp1nosuchconn0000000 --signature v3 --api-format xml
is "$rc:$err" "1:cgwgen: alibaba: connection vco-bp1nosuchconn0000000 does not exist in region cn-hangzhou (InvalidVpnConnectionInstanceId.NotFound)" \
	"an unknown id, V3 and XML (an <Error> answer): the same message"
py <<'EOF'
from alib import *
E = log("a")
check([(e["action"], e["error"]) for e in E] ==
      [("DescribeVpnConnection", "InvalidVpnConnectionInstanceId.NotFound"),
       ("DescribeVpnConnection", None),
       ("DescribeVpnConnection", "InvalidVpnConnectionInstanceId.NotFound"),
       ("DescribeVpnConnection", "InvalidVpnConnectionInstanceId.NotFound")],
      "an unknown id: asked once (NotFound is not retried), no lookups after", show(E))
EOF

# --- 4. filters and usage errors (mock a) -----------------------------------

cg list $EP_a --vpn-gateway $A_DUAL
is "$rc:$(printf '%s\n' "$out" | sed 1d | cut -d' ' -f1 | tr '\n' ' ')" "0:$C4 $C5 " \
	"list --vpn-gateway (the dual gateway): its 2 connections"
cg list $EP_a --customer-gateway $CGW_B
is "$rc:$(printf '%s\n' "$out" | sed 1d | cut -d' ' -f1 | tr '\n' ' ')" "0:$C2 $C5 " \
	"list --customer-gateway site-b: C2, and C5 by its tunnel"
cg render $EP_a --vendor strongswan -q --vpn-gateway $A_SINGLE --customer-gateway $CGW_C
is "$rc:$(printf '%s\n' "$out" | grep -c '^    vco-')" "0:1" \
	"render --vpn-gateway single --customer-gateway site-c: only C3"
py <<'EOF'
from alib import *
E = log("a")
check([prm(e) for e in of(E, "DescribeVpnConnections")] == [
    {"VpnGatewayId": "vpn-bp1dul9hz3y5n7p1r4t6v", "PageNumber": "1", "PageSize": "50"},
    {"CustomerGatewayId": "cgw-bp1cbb3hz5n7p9r1t3v5x", "PageNumber": "1", "PageSize": "50"},
    {"VpnGatewayId": "vpn-bp1sgl7hz2x4k6m8q0w3e", "CustomerGatewayId": "cgw-bp1ccc4hz6o8q0s2u4w6y",
     "PageNumber": "1", "PageSize": "50"}],
    "filters: VpnGatewayId and CustomerGatewayId parameters of DescribeVpnConnections", show(E))
check(acts(E)[3:] == ["DescribeVpnGateway", "DescribeCustomerGateway"],
      "filtered render: only the lookups of C3", show(E))
std(E, "filters")
EOF

for bad in "list --vpn-gateway $A_SINGLE --vpn-gateway $A_DUAL" \
	"list --customer-gateway $CGW_A --customer-gateway $CGW_B" \
	"list --vpc vpc-bp1vpc7hz1a3c5e7g9i2k" \
	"render --vendor strongswan --vpc vpc-bp1vpc7hz1a3c5e7g9i2k" \
	"render --vendor strongswan --connection $C1 --vpn-gateway $A_SINGLE" \
	"show --connection $C1 --customer-gateway $CGW_A" \
	"show --source download" \
	"show --source download --connection $C1 --connection $C2" \
	"render --vendor strongswan --source download --connection $C1 --vpn-gateway $A_SINGLE" \
	"show --source nonsense --connection $C1" \
	"show --signature v4" "show --api-format yaml"; do
	# shellcheck disable=SC2086
	cg $bad $EP_a
	is "$rc:$out" "2:" "$bad: usage error, nothing on stdout"
done
cg list $EP_a --vpn-gateway $A_SINGLE --vpn-gateway $A_DUAL
like "$err" 'one --vpn-gateway and one --customer-gateway' "two --vpn-gateway: the message says one of each"
cg list $EP_a --vpc x
like "$err" '--vpc: .*no VPC filter' "--vpc: the message says Alibaba Cloud has no VPC filter"
cg show $EP_a --connection $C1 --customer-gateway $CGW_A
like "$err" 'exclude each other' "--connection with a filter: they exclude each other"
cg show $EP_a --source download
like "$err" '--source download reads one connection' "--source download without --connection: says so"
for bad in "list --cloud tencent --region ap-guangzhou --signature v3" \
	"list --cloud tencent --region ap-guangzhou --api-format xml" \
	"render --cloud tencent --region ap-guangzhou --vendor strongswan --source download --connection vpnx-a1k9d3f7" \
	"show --input $FIX/cn-hangzhou/vpn_connections.json --signature v3" \
	"show --input $FIX/cn-hangzhou/vpn_connections.json --api-format xml" \
	"show --input $FIX/cn-hangzhou/vpn_connections.json --source download --connection $C1" \
	"show --cloud alibaba --input $FIX/cn-hangzhou/vpn_connections.json --signature rpc"; do
	# shellcheck disable=SC2086
	cg $bad
	is "$rc" 2 "$(echo "$bad" | sed "s|$FIX/||"): usage error"
done
like "$err" 'apply to Alibaba Cloud.s API' "--signature with --input: they apply to the API only"
t0=$(now_ms)
cg list --cloud alibaba --region cn-hangzhou --endpoint http://192.0.2.1
t1=$(now_ms)
is "$rc" 2 "--endpoint plain http to a non-loopback address (192.0.2.1): usage error"
[ $((t1 - t0)) -lt 2000 ]
ok $? "refused at once, before any connection ($((t1 - t0)) ms)"
py <<'EOF'
from alib import *
E = log("a")
check(E == [], "none of the usage errors sent a request", show(E))
EOF

# --- 5. paging, ids and lookups: 250 connections (mock g) ------------------

cg render $EP_g --vendor strongswan -q
is "$rc" 0 "250 connections: render, status 0"
cp "$TMP/out" "$TMP/w/gen.conf"
py "$TMP/w/gen.conf" <<'EOF'
from alib import *
t = text(sys.argv[1])
conns = fixture("vpn_connections.json", d=GEN)
gws = {g["VpnGatewayId"]: g for g in fixture("vpn_gateways.json", d=GEN)}
want, addrs = [], []
for c in conns:
    ts = sorted(tunnels(c), key=lambda x: x["TunnelId"])
    if ts:
        want += [x["TunnelId"] for x in ts]
        addrs += [x["InternetIp"] for x in ts]
    else:
        want.append(c["VpnConnectionId"])
        addrs.append(gws[c["VpnGatewayId"]]["InternetIp"])
B = blocks(t)
check([b[0] for b in B] == want, "250 connections: all rendered in order (%d tunnels)" % len(want),
      [b[0] for b in B][:10])
check([grab(r"^        remote_addrs = (\S+)$", b[1]) for b in B] == addrs,
      "250 connections: each tunnel's gateway address (the single gateways' from "
      "DescribeVpnGateway)")
E = log("g")
check([prm(e) for e in of(E, "DescribeVpnConnections")] ==
      [{"PageNumber": str(n), "PageSize": "50"} for n in range(1, 6)]
      and acts(E)[:5] == ["DescribeVpnConnections"] * 5,
      "250 connections: 5 DescribeVpnConnections pages of 50, PageNumber 1 to 5", show(E)[:6])
single = sorted({c["VpnGatewayId"] for c in conns if not tunnels(c)})
g = [prm(e)["VpnGatewayId"] for e in of(E, "DescribeVpnGateway")]
check(len(single) == 7 and sorted(g) == single,
      "250 connections: DescribeVpnGateway once for each of the 7 single gateways "
      "(175 connections lack InternetIp)", g)
cgw = [prm(e)["CustomerGatewayId"] for e in of(E, "DescribeCustomerGateway")]
check(sorted(cgw) == sorted(x["CustomerGatewayId"] for x in fixture("customer_gateways.json", d=GEN))
      and len(cgw) == 7,
      "250 connections: DescribeCustomerGateway once for each of the 7 customer gateways", cgw)
check(len(E) == 19, "250 connections: 19 requests in all (5 + 7 + 7)", len(E))
std(E, "250 connections")
EOF

cg render $EP_g --vendor strongswan -q --signature v3 --api-format xml
cmp -s "$TMP/out" "$TMP/w/gen.conf"
ok $? "250 connections, V3 and XML: byte for byte the RPC/JSON render"
py <<'EOF'
from alib import *
E = log("g")
check(len(E) == 19 and [prm(e) for e in of(E, "DescribeVpnConnections")] ==
      [{"PageNumber": str(n), "PageSize": "50", "Format": "XML"} for n in range(1, 6)],
      "250 connections, V3 XML: the same 5 pages (Format=XML in the query) and 14 lookups",
      show(E)[:6])
std(E, "250 connections V3 XML", sig="v3", fmt="XML")
EOF

cg list $EP_g
is "$rc:$(nlines "$out" '^vco-')" "0:250" "250 connections: list shows 250"
cg list $EP_g --json
is "$rc:$("$PY" -c 'import json,sys; print(len(json.load(sys.stdin)))' <"$TMP/out")" "0:250" \
	"250 connections: list --json holds 250"
py <<'EOF'
from alib import *
E = log("g")
check([(e["action"], prm(e)) for e in E] ==
      [("DescribeVpnConnections", {"PageNumber": str(n), "PageSize": "50"}) for n in range(1, 6)] * 2,
      "list, list --json: the 5 pages each, no lookups", show(E))
EOF

# the ids strategy: name the case, the indexes (or ids) in the order given
for case in "p1:3 2 1 0" "p1+id:240 0 1 2" "5pages:204 203 202 201 200" \
	"boundary:60 61 62 240" "2pages:62 63 61 60 240" \
	"missing:0 1 2 vco-bp1nosuchconn0000000"; do
	name=${case%%:*}
	# shellcheck disable=SC2046
	cg show $EP_g $(gid ${case#*:})
	cp "$TMP/out" "$TMP/w/ids-$name.json"
	printf '%s\n' "$rc" >"$TMP/ids-$name.rc"
	cp "$TMP/err" "$TMP/ids-$name.err"
	py "$name" ${case#*:} <<'EOF'
from alib import *
name, sel = sys.argv[1], sys.argv[2:]
conns = fixture("vpn_connections.json", d=GEN)
byid = {c["VpnConnectionId"]: c for c in conns}
ids = [conns[int(i)]["VpnConnectionId"] if i.isdigit() else i for i in sel]
pages, byids = {"p1": lambda: (1, []), "p1+id": lambda: (1, [ids[0]]),
                "5pages": lambda: (5, []), "boundary": lambda: (1, ids),
                "2pages": lambda: (2, [ids[4]]), "missing": lambda: (1, [ids[3]])}[name]()
E = log("g")
d = of(E, "DescribeVpnConnections")
check([prm(e) for e in d] == [{"PageNumber": str(n), "PageSize": "50"} for n in range(1, pages + 1)]
      and [prm(e) for e in of(E, "DescribeVpnConnection")] == [{"VpnConnectionId": i} for i in byids]
      and acts(E)[:pages + len(byids)] == ["DescribeVpnConnections"] * pages
      + ["DescribeVpnConnection"] * len(byids),
      "%d ids (%s): %d page(s), then DescribeVpnConnection for %s" % (
          len(ids), " ".join(sel), pages, ", ".join(byids) or "none"), show(E)[:8])
rc = int(open(os.path.join(TMP, "ids-%s.rc" % name)).read())
if name == "missing":
    err = text(os.path.join(TMP, "ids-missing.err"))
    check(rc == 1 and err == "cgwgen: alibaba: connection %s does not exist in region "
          "cn-hangzhou (InvalidVpnConnectionInstanceId.NotFound)\n" % ids[3]
          and len(E) == 2,
          "4 ids, one unknown: looked for by id once the page did not hold it; status 1, the "
          "id named, no lookups", rc, err, show(E))
else:
    m = json.loads(text(os.path.join(TMP, "w", "ids-%s.json" % name)))
    check(rc == 0 and [c["id"] for c in m["connections"]] == ids,
          "%d ids (%s): the connections in the order given" % (len(ids), name),
          rc, [c["id"] for c in m["connections"]])
    want_cgw = sorted({g for i in ids for g in cgws_of(byid[i])})
    want_gw = sorted({byid[i]["VpnGatewayId"] for i in ids if not tunnels(byid[i])})
    got_cgw = [prm(e)["CustomerGatewayId"] for e in of(E, "DescribeCustomerGateway")]
    got_gw = [prm(e)["VpnGatewayId"] for e in of(E, "DescribeVpnGateway")]
    check(sorted(got_cgw) == want_cgw and sorted(got_gw) == want_gw,
          "%d ids (%s): one lookup per distinct gateway (%d customer, %d VPN gateways)" % (
              len(ids), name, len(want_cgw), len(want_gw)), got_cgw, got_gw)
EOF
done

# --- 6. the live render == the render of the saved response (mock a) ------

q=$("$PY" "$E2E/acs_sign.py" v2 --action DescribeVpnConnections RegionId=cn-hangzhou \
	PageSize=50 PageNumber=1)
curl -sS -X POST -o "$TMP/w/saved.json" "$URL_a/?$q"
crc=$?
is "$crc:$("$PY" -c 'import json,sys; d=json.load(sys.stdin); print(d["TotalCount"], len(d["VpnConnections"]["VpnConnection"]))' <"$TMP/w/saved.json")" \
	"0:5 5" "curl + acs_sign.py: the saved DescribeVpnConnections answer holds the 5 connections"
q=$("$PY" "$E2E/acs_sign.py" v2 --action DescribeVpnConnections --format XML \
	RegionId=cn-hangzhou PageSize=50 PageNumber=1)
curl -sS -X POST -o "$TMP/w/saved.xml" "$URL_a/?$q"
ADDR="--connection $C1 --connection $C2 --connection $C4 --connection $C5"
for v in strongswan libreswan; do
	# shellcheck disable=SC2086
	cg render $EP_a --vendor $v $ADDR
	cp "$TMP/out" "$TMP/w/live-$v.conf"
	# shellcheck disable=SC2086
	cg render --input "$TMP/w/saved.json" --vendor $v $ADDR
	is "$rc" 0 "$v, offline render of the saved answer (the 4 address-identity connections): status 0"
	# An answer holds no region (it is the request's RegionId): only the
	# live render's comments can name it.
	sed 's/^\(# Connection .*, Alibaba Cloud\) cn-hangzhou$/\1/' \
		"$TMP/w/live-$v.conf" >"$TMP/w/live-$v.norm"
	is "$(grep -c '^# Connection .*, Alibaba Cloud cn-hangzhou$' "$TMP/w/live-$v.conf")" 4 \
		"$v: the live render names the region of each connection"
	cmp "$TMP/w/live-$v.norm" "$TMP/out" >/dev/null
	ok $? "$v: live == offline byte for byte but for the region (C1, C2, C4, C5: their device identities are addresses)"
	# shellcheck disable=SC2086
	cg render --input "$TMP/w/saved.xml" --vendor $v $ADDR
	cmp "$TMP/w/live-$v.norm" "$TMP/out" >/dev/null
	ok $? "$v: live == offline render of the saved XML answer (but for the region)"
done
cg render --input "$TMP/w/saved.json" --vendor strongswan --connection $C3
is "$rc" 1 "offline, the FQDN connection without --peer-address: status 1"
like "$err" 'give it with --peer-address' "the message asks for --peer-address"
for v in strongswan libreswan; do
	cg render $EP_a --vendor $v --connection $C3
	cp "$TMP/out" "$TMP/w/live-fqdn-$v.conf"
	cg render --input "$TMP/w/saved.json" --vendor $v --connection $C3 --peer-address 203.0.113.10
	is "$rc" 0 "$v, offline, the FQDN connection with --peer-address 203.0.113.10: status 0"
	cp "$TMP/out" "$TMP/w/off-fqdn-$v.conf"
	# The device's address comes only from DescribeCustomerGateway: the
	# live render says it in the tunnel comment, the offline one cannot.
	sed -e 's/^\(#   tunnel vco-[0-9a-z]*: cloud gateway [0-9.]*\), the cloud expects this device at 198\.51\.100\.13$/\1/' \
		-e 's/^\(# Connection .*, Alibaba Cloud\) cn-hangzhou$/\1/' \
		"$TMP/w/live-fqdn-$v.conf" >"$TMP/live-fqdn.norm"
	cmp "$TMP/live-fqdn.norm" "$TMP/w/off-fqdn-$v.conf" >/dev/null
	ok $? "$v, FQDN: live == offline but for the comments on the region and where the cloud expects the device"
	is "$(diff "$TMP/w/live-fqdn-$v.conf" "$TMP/w/off-fqdn-$v.conf" | grep -c '^[<>]')" 4 \
		"$v, FQDN: exactly two lines differ"
done
py <<'EOF'
from alib import *
E = log("a")
check(len(E) == 2 + 2 * 4 + 2 * 3 and E[0]["action"] == "DescribeVpnConnections"
      and E[0]["params"].get("Format") == "JSON" and E[1]["params"].get("Format") == "XML",
      "saved answers (JSON, XML), the 4-id renders (1 page + 3 lookups each) and the FQDN "
      "ones (3 requests each)", show(E))
EOF

# --- 7. --source download (mock a) ------------------------------------------

for c in $C1 $C2 $C3 $C4 $C5; do
	cg show $EP_a --connection $c -o "$TMP/w/desc-$c.json"
	cg show $EP_a --source download --connection $c -o "$TMP/w/dl-$c.json"
	is "$rc" 0 "show --source download --connection $c: status 0"
	like "$err" 'DownloadVpnConnectionConfig does not carry DPD, NAT traversal or who initiates' \
		"$c: the warning on what a download lacks"
done
is "$("$PY" -c 'import json,sys; print(json.load(open(sys.argv[1]))["connections"][0]["region"])' "$TMP/w/desc-$C1.json")" \
	cn-hangzhou "show: the live model holds the region asked"
cg render $EP_a --vendor strongswan --source download --connection $C5 --signature v3 --api-format xml
is "$rc" 0 "render --source download (dual tunnel, V3, XML): status 0"
is "$(printf '%s\n' "$out" | grep -c '^    tun-bp1t5[12]')" 2 "render --source download: both tunnels"
cg render $EP_a --vendor strongswan --source download --connection vco-bp1nosuchconn0000000
is "$rc:$out" "1:" "--source download of an unknown connection: status 1, nothing on stdout"
like "$err" '^cgwgen: alibaba: connection vco-bp1nosuchconn0000000 does not exist in region cn-hangzhou \(InvalidVpnConnectionInstanceId\.NotFound\)$' \
	"naming it and the region"
py "$TMP/w" <<'EOF'
from alib import *
w = sys.argv[1]
ids = [c["VpnConnectionId"] for c in fixture("vpn_connections.json")]
LACKS_C = ("name", "vpn_gateway_id", "customer_gateway_id")
LACKS_T = ("role", "dpd", "nat_traversal", "initiator")


def norm(m):
    for c in m["connections"]:
        for k in LACKS_C:
            c.pop(k, None)
        for t in c["tunnels"]:
            for k in LACKS_T:
                t.pop(k, None)
    return m


for i in ids:
    d, l = model("%s/desc-%s.json" % (w, i)), model("%s/dl-%s.json" % (w, i))
    n = len(d["connections"][0]["tunnels"])
    same = norm(d) == norm(l)
    check(same, "%s (%d tunnel%s): Download == Describe but for what a download lacks "
          "(name, gateway ids, roles, DPD, NAT traversal, initiator)" % (i, n, "s" * (n > 1)),
          json.dumps(d, indent=1) if not same else "", json.dumps(l, indent=1) if not same else "")
E = log("a")
dl = of(E, "DownloadVpnConnectionConfig")
check([prm(e) for e in dl] == [{"VpnConnectionId": i} for i in ids]
      + [{"VpnConnectionId": "vco-bp1c05hzbdualpol6m7n", "Format": "XML"},
         {"VpnConnectionId": "vco-bp1nosuchconn0000000"}],
      "--source download: one DownloadVpnConnectionConfig with VpnConnectionId each time", show(dl))
check(all(E[k + 1]["action"] in ("DescribeVpnConnection", "DownloadVpnConnectionConfig")
          for k, e in enumerate(E[:-1]) if e["action"] == "DownloadVpnConnectionConfig")
      and E[-1]["action"] == "DownloadVpnConnectionConfig"
      and not of(E, "DescribeVpnConnections"),
      "--source download: the download alone, no lookups after it", show(E))
std(dl[:5] + dl[6:], "--source download")
std(dl[5:6], "--source download V3 XML", sig="v3", fmt="XML")
EOF

# --- 8. region (mock a) -----------------------------------------------------

cg render --cloud alibaba --region ap-southeast-1 --endpoint "$URL_a" --vendor strongswan
is "$rc" 0 "render --region ap-southeast-1: status 0"
is "$(printf '%s\n' "$out" | sed -n 's/^    \(vco-[^ ]*\) {$/\1/p')" "$SG" "ap-southeast-1: its one connection"
like "$out" '^        remote_addrs = 203\.0\.113\.50$' "ap-southeast-1: its gateway 203.0.113.50"
ALIBABA_CLOUD_REGION_ID=ap-southeast-1
export ALIBABA_CLOUD_REGION_ID
cg list --cloud alibaba --endpoint "$URL_a"
is "$rc:$(printf '%s\n' "$out" | sed 1d | cut -d' ' -f1)" "0:$SG" "ALIBABA_CLOUD_REGION_ID=ap-southeast-1 gives the region"
cg list --cloud alibaba --endpoint "$URL_a" --region cn-hangzhou
is "$rc:$(nlines "$out" '^vco-')" "0:5" "--region beats ALIBABA_CLOUD_REGION_ID"
unset ALIBABA_CLOUD_REGION_ID
cg list --cloud alibaba --endpoint "$URL_a"
is "$rc" 2 "no region at all: usage error"
like "$err" 'no region: give --region' "saying to give --region"
cg list --cloud alibaba --endpoint "$URL_a" --region 'cn hangzhou'
is "$rc" 2 "a region that is not a name: usage error"
py <<'EOF'
from alib import *
E = log("a")
check([e["region"] for e in E] == ["ap-southeast-1"] * 3 + ["cn-hangzhou"],
      "region: RegionId ap-southeast-1 in each request of the render and of the list, "
      "cn-hangzhou with --region; nothing sent without a region", show(E))
std(E[:3], "ap-southeast-1", region="ap-southeast-1")
EOF

# --- 9. retries and errors ----------------------------------------------------

cg -v render $EP_th2 --vendor strongswan -q
is "$rc" 0 "throttled twice: render succeeds"
cmp -s "$TMP/out" "$TMP/w/ss-all.conf"
ok $? "throttled twice: the same configuration"
like "$err" 'retrying after: alibaba: DescribeVpnConnections: Throttling\.User' "throttled twice: -v shows the retries"
py <<'EOF'
from alib import *
E = log("th2")
d = of(E, "DescribeVpnConnections")
check([e["error"] for e in d] == ["Throttling.User", "Throttling.User", None] and len(E) == 7,
      "throttled twice: 3 tries of DescribeVpnConnections, the third answered; then the lookups",
      show(E))
check(len({e["nonce"] for e in d}) == 3 and all(e["verified"] for e in d)
      and all(e["params"]["Timestamp"] >= d[0]["params"]["Timestamp"] for e in d)
      and len({e["params"]["SignatureNonce"] for e in d}) == 3,
      "throttled twice: each try signed afresh (3 nonces; every try verified)",
      [(e["nonce"], e["params"].get("Timestamp")) for e in d])
check(len({json.dumps(prm(e)) for e in d}) == 1, "throttled twice: the same request each time")
EOF

cg list $EP_e500
is "$rc:$(nlines "$out" '^vco-')" "0:5" "HTTP 500 InternalError once: list succeeds"
py <<'EOF'
from alib import *
E = log("e500")
check([(e["action"], e["status"], e["error"]) for e in E] ==
      [("DescribeVpnConnections", 500, "InternalError"), ("DescribeVpnConnections", 200, None)],
      "HTTP 500 once: retried, 2 requests", show(E))
check(E[0]["nonce"] != E[1]["nonce"], "HTTP 500: the retry has a new nonce")
EOF
cg render $EP_e503 --vendor strongswan -q
is "$rc" 0 "HTTP 503 ServiceUnavailable once (DescribeCustomerGateway): render succeeds"
cmp -s "$TMP/out" "$TMP/w/ss-all.conf"
ok $? "HTTP 503 once: the same configuration"
py <<'EOF'
from alib import *
E = log("e503")
c = of(E, "DescribeCustomerGateway")
check(len(E) == 6 and [e["status"] for e in c] == [503, 200, 200, 200]
      and prm(c[0]) == prm(c[1]) and c[0]["nonce"] != c[1]["nonce"],
      "HTTP 503 once: that lookup retried with a new nonce, 6 requests", show(E))
EOF
cg list $EP_trunc
is "$rc:$(nlines "$out" '^vco-')" "0:5" "a truncated answer once: list succeeds"
py <<'EOF'
from alib import *
E = log("trunc")
check([e["injected"] for e in E] == ["truncated", None], "truncated once: retried, 2 requests",
      show(E))
EOF

cg list $EP_bad
is "$rc:$out" "1:" "an answer that is not JSON: status 1, nothing on stdout"
like "$err" '^cgwgen: alibaba: DescribeVpnConnections: the answer is not JSON' \
	"not JSON: the message names the action and says what is wrong"
cg list $EP_badx --api-format xml
is "$rc:$out" "1:" "--api-format xml, an answer that is not XML: status 1, nothing on stdout"
like "$err" '^cgwgen: alibaba: DescribeVpnConnections: the answer is not XML' \
	"not XML: the message names the action and says what is wrong"
py <<'EOF'
from alib import *
E = log("bad")
check(len(E) == 1, "not JSON: not retried (1 request)", show(E))
E = log("badx")
check(len(E) == 1 and E[0]["params"].get("Format") == "XML", "not XML: not retried (1 request)",
      show(E))
EOF

cg list $EP_skew
is "$rc:$out" "1:" "the mock's clock an hour ahead: status 1, nothing on stdout"
like "$err" '^cgwgen: alibaba: DescribeVpnConnections: InvalidTimeStamp\.Expired: .* \(request [0-9A-F-]{36}\); check this machine.s clock' \
	"clock skew: action, InvalidTimeStamp.Expired, request id, and the clock"
py <<'EOF'
from alib import *
E = log("skew")
check(len(E) == 1, "clock skew: not retried (1 request)", show(E))
EOF

ALIBABA_CLOUD_ACCESS_KEY_SECRET=wrong-secret-0000
cg -v list $EP_a
ALIBABA_CLOUD_ACCESS_KEY_SECRET=$SECRET
is "$rc:$out" "1:" "a wrong secret: status 1, nothing on stdout"
printf '%s\n' "$err" | grep -v ': trace: ' >"$TMP/sig.err"
like "$(cat "$TMP/sig.err")" '^cgwgen: alibaba: DescribeVpnConnections: SignatureDoesNotMatch: Specified signature does not match our calculation\. \(request [0-9A-F-]{36}\); check the AccessKey secret$' \
	"SignatureDoesNotMatch: 'alibaba: ACTION: CODE: MESSAGE (request ID)' and the advice"
unlike "$err" 'string to sign|POST&|LTAI5' "SignatureDoesNotMatch: neither the server's string to sign nor the AccessKey id"
unlike "$err" 'wrong-secret' "SignatureDoesNotMatch: nor the secret"
cp "$TMP/sig.err" "$TMP/w/sig.err"
ALIBABA_CLOUD_ACCESS_KEY_SECRET=wrong-secret-0000
cg list $EP_a --signature v3 --api-format xml
ALIBABA_CLOUD_ACCESS_KEY_SECRET=$SECRET
like "$rc:$err" '^1:cgwgen: alibaba: DescribeVpnConnections: SignatureDoesNotMatch: Specified signature does not match our calculation\. \(request [0-9A-F-]{36}\); check the AccessKey secret$' \
	"SignatureDoesNotMatch, V3 and XML: the same message, without the string to sign"
ALIBABA_CLOUD_ACCESS_KEY_ID=LTAI5tNoSuchKeyNoSuchKey9
cg list $EP_a --signature v3
ALIBABA_CLOUD_ACCESS_KEY_ID=$KID
is "$rc:$out" "1:" "an unknown AccessKey id (V3): status 1, nothing on stdout"
like "$err" '^cgwgen: alibaba: DescribeVpnConnections: InvalidAccessKeyId\.NotFound: Specified access key is not found\. \(request [0-9A-F-]{36}\); check the AccessKey id$' \
	"InvalidAccessKeyId.NotFound: the message and 'check the AccessKey id'"
py "$TMP/w/sig.err" <<'EOF'
from alib import *
E = log("a")
check([(e["error"], e["signature_version"], e["format"]) for e in E] ==
      [("SignatureDoesNotMatch", "v2", "JSON"), ("SignatureDoesNotMatch", "v3", "XML"),
       ("InvalidAccessKeyId.NotFound", "v3", "JSON")],
      "key errors: not retried, 1 request each", show(E))
if E:
    check("(request %s)" % E[0]["request_id"] in text(sys.argv[1]),
          "SignatureDoesNotMatch: the request id is the answer's", E[0]["request_id"])
EOF

# the cases that ran in the background
cg_wait tha
is "$rc:$out" "1:" "throttled every time: status 1, nothing on stdout"
like "$err" '^cgwgen: alibaba: DescribeVpnConnections: Throttling\.User: .*\(request [0-9A-F-]{36}\); the account is throttled.*; gave up after 5 tries$' \
	"throttled every time: the action, the code, the advice, and 'gave up after 5 tries' at the end"
py "$ms" <<'EOF'
from alib import *
E = log("tha")
check(acts(E) == ["DescribeVpnConnections"] * 5 and len({e["nonce"] for e in E}) == 5,
      "throttled every time: exactly 5 tries, each with its own nonce", show(E))
ms = int(sys.argv[1])
check(1400 <= ms <= 10000, "throttled every time: the backoff waits (0.1-0.2, 0.2-0.4, 0.4-0.8, "
      "0.8-1.6 s) took %d ms" % ms)
EOF
cg_wait trca
is "$rc:$out" "1:" "DescribeVpnGateway cut short every time: status 1, nothing on stdout"
like "$err" '^cgwgen: alibaba: DescribeVpnGateway: .*gave up after 5 tries$' \
	"cut short every time: the message names the action and the tries"
cmp -s "$TMP/w/f-trunc/vpn.conf" "$TMP/old-trunc.conf"
ok $? "cut short every time: the existing -o FILE is left byte for byte"
is "$(ls -A "$TMP/w/f-trunc")" "vpn.conf" "cut short every time: no temporary file beside it"
py <<'EOF'
from alib import *
E = log("trca")
check(acts(E) == ["DescribeVpnConnections"] + ["DescribeVpnGateway"] * 5
      and [e["injected"] for e in E[1:]] == ["truncated"] * 5,
      "cut short every time: DescribeVpnGateway tried 5 times (a cut connection is retried "
      "for a read)", show(E))
EOF
cg_wait slow
is "$rc:$(nlines "$out" '^vco-')" "0:5" "slow answer, --timeout 1: list succeeds on the retry"
[ "$ms" -ge 900 ] && [ "$ms" -le 3500 ]
ok $? "slow answer: gave up the first try after about 1 s, not 4 ($ms ms)"
like "$err" 'retrying after: .*(timed out|[Tt]imeout)' "slow answer: -v shows the timeout and the retry"
py <<'EOF'
from alib import *
E = log("slow", nowait=True)
ans = [e for e in E if e["injected"] is None]
check(len(ans) == 1 and ans[0]["seq"] == 2 and ans[0]["action"] == "DescribeVpnConnections"
      and ans[0]["status"] == 200 and all(e["injected"] == "slow" and e["seq"] == 1
                                          for e in E if e is not ans[0]),
      "slow answer: the second try was answered (the first slept, or still sleeps)", show(E))
EOF

cg_wait dead
is "$rc:$out" "1:" "nothing listening: status 1, nothing on stdout"
like "$err" "cgwgen: alibaba: DescribeVpnConnections: http://127\\.0\\.0\\.1:$DEAD/: .*; gave up after 5 tries\$" \
	"nothing listening: the action and the URL named, 5 tries"
is "$(nlines "$err" 'trace: retrying after: ')" 4 "nothing listening: 4 retries traced"

# --- 10. a failing command writes nothing (mock out) -----------------------

mkdir "$TMP/w/f1" "$TMP/w/f2" "$TMP/w/f3" "$TMP/w/f4" "$TMP/w/f5"
printf 'old conf\n' >"$TMP/w/f1/vpn.conf"
printf 'old secrets\n' >"$TMP/w/f1/vpn.secrets"
cp "$TMP/w/f1/vpn.conf" "$TMP/old.conf"
cp "$TMP/w/f1/vpn.secrets" "$TMP/old.secrets"
cg render $EP_out --vendor libreswan -o "$TMP/w/f1/vpn.conf"
is "$rc:$out" "1:" "render -o, DescribeCustomerGateway failing: status 1, nothing on stdout"
like "$err" '^cgwgen: alibaba: DescribeCustomerGateway: InvalidAccessKeyId\.NotFound: .*check the AccessKey id$' \
	"the message names the failing action"
cmp -s "$TMP/w/f1/vpn.conf" "$TMP/old.conf" && cmp -s "$TMP/w/f1/vpn.secrets" "$TMP/old.secrets"
ok $? "render -o: the existing FILE and its .secrets are left byte for byte"
is "$(ls -A "$TMP/w/f1" | tr '\n' ' ')" "vpn.conf vpn.secrets " "render -o: no temporary file beside them"
cg render $EP_out --vendor strongswan -o "$TMP/w/f2/new.conf"
is "$rc:$(ls -A "$TMP/w/f2")" "1:" "render -o NEW, failing: no file created"
cg render $EP_out --vendor strongswan --output-dir "$TMP/w/f3"
is "$rc:$(ls -A "$TMP/w/f3")" "1:" "render --output-dir, failing: no file in the directory"
printf 'old\n' >"$TMP/w/f4/$C1.conf"
cg render $EP_out --vendor strongswan --output-dir "$TMP/w/f4"
is "$rc:$(ls -A "$TMP/w/f4"):$(cat "$TMP/w/f4/$C1.conf")" "1:$C1.conf:old" \
	"render --output-dir, failing: an existing file there is left as it was"
cg show $EP_out -o "$TMP/w/f5/model.json"
is "$rc:$(ls -A "$TMP/w/f5")" "1:" "show -o, failing: no file created"
py <<'EOF'
from alib import *
E = log("out")
check(acts(E) == ["DescribeVpnConnections", "DescribeVpnGateway", "DescribeCustomerGateway"] * 5,
      "each failing run stopped at its first DescribeCustomerGateway (not retried)", show(E))
EOF

# --- 11. credentials --------------------------------------------------------

set_env_creds() {
	if [ "$1" = - ]; then unset ALIBABA_CLOUD_ACCESS_KEY_ID; else
		ALIBABA_CLOUD_ACCESS_KEY_ID=$1
		export ALIBABA_CLOUD_ACCESS_KEY_ID
	fi
	if [ "$2" = - ]; then unset ALIBABA_CLOUD_ACCESS_KEY_SECRET; else
		ALIBABA_CLOUD_ACCESS_KEY_SECRET=$2
		export ALIBABA_CLOUD_ACCESS_KEY_SECRET
	fi
}
# aliyun_cfg CURRENT NAME:MODE:ID:SECRET:TOKEN:REGION...: ~/.aliyun/config.json
aliyun_cfg() {
	mkdir -p "$HOME/.aliyun"
	"$PY" - "$HOME/.aliyun/config.json" "$@" <<'EOF'
import json, sys
path, current = sys.argv[1], sys.argv[2]
profiles = []
for spec in sys.argv[3:]:
    name, mode, kid, sec, tok, region = spec.split(":")
    p = {"name": name, "mode": mode, "access_key_id": kid, "access_key_secret": sec,
         "sts_token": tok, "ram_role_name": "", "ram_role_arn": "", "ram_session_name": "",
         "region_id": region, "output_format": "json", "language": "en"}
    if mode == "RamRoleArn":
        p.update(ram_role_arn="acs:ram::1234567890:role/vpn", ram_session_name="cgw")
    profiles.append(p)
json.dump({"current": current, "profiles": profiles, "meta_path": ""}, open(path, "w"), indent=2)
EOF
	chmod 600 "$HOME/.aliyun/config.json"
}
# sdk_ini FILE TYPE ID SECRET [TOKEN]: an SDK credentials file, [default]
sdk_ini() {
	mkdir -p "$(dirname "$1")"
	{
		printf '[other]\ntype = access_key\naccess_key_id = LTAIother\naccess_key_secret = other\n\n'
		printf '[default]\ntype = %s\naccess_key_id = %s\naccess_key_secret = %s\n' "$2" "$3" "$4"
		[ $# -gt 4 ] && printf 'security_token = %s\n' "$5"
	} >"$1"
	chmod 600 "$1"
}
clear_home() { rm -rf "$HOME/.aliyun" "$HOME/.alibabacloud"; }
EPN="--cloud alibaba --endpoint $URL_a"	# no region
EPT="--cloud alibaba --region cn-hangzhou --endpoint $URL_tok"

aliyun_cfg default "default:AK:$KID:$SECRET::cn-hangzhou"
set_env_creds - "$SECRET"
cg list $EP_a
is "$rc" 2 "only ALIBABA_CLOUD_ACCESS_KEY_SECRET set: usage error, even with a config file"
like "$err" 'ALIBABA_CLOUD_ACCESS_KEY_SECRET is set but ALIBABA_CLOUD_ACCESS_KEY_ID is not' \
	"the message names the variable that is missing"
set_env_creds "$KID" -
cg list $EP_a
is "$rc" 2 "only ALIBABA_CLOUD_ACCESS_KEY_ID set: usage error (no silent fallback to the file)"
like "$err" 'ALIBABA_CLOUD_ACCESS_KEY_ID is set but ALIBABA_CLOUD_ACCESS_KEY_SECRET is not' "naming it"
clear_home
set_env_creds - -
cg list $EP_a
is "$rc:$out" "2:" "no credentials at all: usage error"
like "$err" 'ALIBABA_CLOUD_ACCESS_KEY_ID' "the message names ALIBABA_CLOUD_ACCESS_KEY_ID"
like "$err" '/home/\.aliyun/config\.json.*/home/\.alibabacloud/credentials' "and the files it looked for"

# ~/.aliyun/config.json: the current profile, its region
aliyun_cfg work "default:AK:LTAIwrongwrongwrong:wrong::ap-southeast-1" "work:AK:$KID:$SECRET::cn-hangzhou"
sdk_ini "$HOME/.alibabacloud/credentials" access_key LTAIwrongini wrong-ini
cg -v list $EPN
is "$rc:$(nlines "$out" '^vco-')" "0:5" "config.json: the current profile (work, mode AK) and its region_id, no --region"
like "$err" 'credentials from .*/home/\.aliyun/config\.json \(profile work\), region cn-hangzhou' \
	"-v names the file and the profile"
unlike "$err" 'warning' "a mode 0600 config.json gives no warning"
chmod 644 "$HOME/.aliyun/config.json"
cg list $EPN
is "$rc" 0 "a config.json of mode 0644 is still used"
like "$err" 'warning: .*/\.aliyun/config\.json holds secrets and can be read by others \(mode 0644\): chmod 600' \
	"with a warning naming the file, the mode and chmod 600"
chmod 600 "$HOME/.aliyun/config.json"
set_env_creds "$KID" "$SECRET"
aliyun_cfg default "default:AK:LTAIwrongwrongwrong:wrong::cn-hangzhou"
cg -v list $EP_a
is "$rc" 0 "the environment beats the current profile"
like "$err" 'credentials from the environment' "-v says so"
set_env_creds LTAIwrongenv wrong-env
aliyun_cfg default "default:AK:LTAIwrongwrongwrong:wrong::ap-southeast-1" "prod:AK:$KID:$SECRET::cn-hangzhou"
cg -v --profile prod list $EPN
is "$rc:$(nlines "$out" '^vco-')" "0:5" "--profile prod: that profile, and its region (beats the environment)"
like "$err" 'credentials from .*/\.aliyun/config\.json \(profile prod\)' "-v names profile prod"
ALIBABA_CLOUD_PROFILE=prod
export ALIBABA_CLOUD_PROFILE
cg list $EPN
is "$rc:$(nlines "$out" '^vco-')" "0:5" "ALIBABA_CLOUD_PROFILE=prod does the same"
ALIBABA_CLOUD_REGION_ID=ap-southeast-1
export ALIBABA_CLOUD_REGION_ID
cg list $EPN
is "$rc:$(nlines "$out" '^vco-')" "0:1" "ALIBABA_CLOUD_REGION_ID beats the profile's region_id"
unset ALIBABA_CLOUD_REGION_ID ALIBABA_CLOUD_PROFILE
for var in ALIBABACLOUD_PROFILE ALICLOUD_PROFILE; do
	eval "$var=prod; export $var"
	cg -v list $EPN
	is "$rc:$(nlines "$out" '^vco-')" "0:5" "$var=prod selects the profile too"
	like "$err" 'credentials from .*\(profile prod\)' "$var: -v names profile prod"
	unset $var
done
cg --profile nosuch list $EP_a
is "$rc" 2 "--profile of a profile that is not there: usage error"
like "$err" 'nosuch' "naming it"
cg --profile ../prod list $EP_a
is "$rc" 2 "--profile that is not a plain name: usage error"
set_env_creds - -
aliyun_cfg role "role:RamRoleArn:$KID:$SECRET::cn-hangzhou"
cg list $EP_a
is "$rc" 2 "a RamRoleArn profile: usage error"
like "$err" 'RamRoleArn.*not support' "saying the mode is not supported"
aliyun_cfg sts "sts:StsToken:$KID:$SECRET:$TOKEN:cn-hangzhou"
cg list $EPT
is "$rc:$(nlines "$out" '^vco-')" "0:5" "a StsToken profile (sts_token): accepted by a mock that wants the token (RPC)"
cg list $EPT --signature v3
is "$rc:$(nlines "$out" '^vco-')" "0:5" "a StsToken profile: accepted with V3 too"
clear_home

# ~/.alibabacloud/credentials and ALIBABA_CLOUD_CREDENTIALS_FILE
set_env_creds - -
sdk_ini "$HOME/.alibabacloud/credentials" access_key "$KID" "$SECRET"
cg -v list $EP_a
is "$rc:$(nlines "$out" '^vco-')" "0:5" "~/.alibabacloud/credentials [default] type access_key"
like "$err" 'credentials from .*/home/\.alibabacloud/credentials' "-v names the file"
chmod 644 "$HOME/.alibabacloud/credentials"
cg list $EP_a
like "$rc:$err" '^0:.*warning: .*\.alibabacloud/credentials holds secrets and can be read by others \(mode 0644\): chmod 600' \
	"a credentials file of mode 0644: used, with the warning"
sdk_ini "$HOME/.alibabacloud/credentials" sts "$KID" "$SECRET" "$TOKEN"
cg list $EPT --signature v3 --api-format xml
is "$rc:$(nlines "$out" '^vco-')" "0:5" "type sts with security_token: accepted (V3, XML)"
sdk_ini "$HOME/.alibabacloud/credentials" ecs_ram_role "$KID" "$SECRET"
cg list $EP_a
like "$rc" '^[12]$' "type ecs_ram_role: an error"
like "$err" 'ecs_ram_role.*not support' "naming the type, not supported"
rm -rf "$HOME/.alibabacloud"
sdk_ini "$TMP/sdk.ini" access_key "$KID" "$SECRET"
ALIBABA_CLOUD_CREDENTIALS_FILE=$TMP/sdk.ini
export ALIBABA_CLOUD_CREDENTIALS_FILE
cg -v list $EP_a
is "$rc:$(nlines "$out" '^vco-')" "0:5" "ALIBABA_CLOUD_CREDENTIALS_FILE: that file"
like "$err" "credentials from $TMP/sdk\\.ini" "-v names it"
unset ALIBABA_CLOUD_CREDENTIALS_FILE
clear_home

# STS from the environment
set_env_creds "$KID" "$SECRET"
cg list $EPT
is "$rc:$out" "1:" "a mock that wants a token, none given: status 1"
like "$err" 'InvalidSecurityToken\.Mismatch: .*STS token' "InvalidSecurityToken.Mismatch, and the advice names the STS token"
ALIBABA_CLOUD_SECURITY_TOKEN=$TOKEN
export ALIBABA_CLOUD_SECURITY_TOKEN
cg -v list $EPT
is "$rc:$(nlines "$out" '^vco-')" "0:5" "ALIBABA_CLOUD_SECURITY_TOKEN: accepted (RPC)"
cg -v render $EPT --vendor strongswan -q --signature v3
is "$rc" 0 "ALIBABA_CLOUD_SECURITY_TOKEN: accepted (V3, render)"
cg list $EP_a
is "$rc" 1 "a token sent to a mock that wants none: status 1"
like "$err" 'InvalidSecurityToken\.Malformed: .*STS token' "InvalidSecurityToken.Malformed and the STS advice"
unset ALIBABA_CLOUD_SECURITY_TOKEN
py <<'EOF'
from alib import *
E = log("a")
check([e["region"] for e in E] == ["cn-hangzhou"] * 5 + ["ap-southeast-1"] + ["cn-hangzhou"] * 6
      and all(e["verified"] for e in E[:-1])
      and E[-1]["error"] == "InvalidSecurityToken.Malformed"
      and all(e["access_key_id"] == KID for e in E),
      "credentials (mock a): 11 accepted requests, each with the right key and region from its "
      "source; none for the refusals; the unwanted token refused", show(E))
T = log("tok")
check([(e["signature_version"], e["error"]) for e in T[:3]] ==
      [("v2", None), ("v3", None), ("v3", None)],
      "STS profile and file: RPC, V3, V3 accepted", show(T))
std(T[:1], "StsToken profile", token=TOKEN)
std(T[1:2], "StsToken profile, V3", sig="v3", token=TOKEN)
std(T[2:3], "sts file, V3 XML", sig="v3", fmt="XML", token=TOKEN)
check(T[3]["error"] == "InvalidSecurityToken.Mismatch" and "SecurityToken" not in T[3]["params"],
      "no token: none sent, refused", show(T[3:4]))
std(T[4:5], "ALIBABA_CLOUD_SECURITY_TOKEN", token=TOKEN)
std(T[5:], "ALIBABA_CLOUD_SECURITY_TOKEN, V3 render", sig="v3", token=TOKEN)
check(len(T) == 10, "token: 10 requests in all (5 lists, a render of 5)", show(T))
EOF
set_env_creds "$KID" "$SECRET"

# --- secrets: nothing cgwgen printed or wrote holds the secret, the token ---
# --- or the AccessKey id -----------------------------------------------------

files=$(find "$TMP/w" -type f | wc -l | tr -d ' ')
[ "$files" -ge 30 ]
ok $? "the outputs to check: $(grep -c '^=== cgwgen' "$TMP/all-output") runs, $files files"
leak=$(grep -rlF -e "$SECRET" "$TMP/all-output" "$TMP/w")
is "$leak" "" "the AccessKey secret appears in no output, trace or file"
leak=$(grep -lF -e "$TOKEN" "$TMP/all-output")
is "$leak" "" "the STS token appears in no output or trace"
py "$TMP/all-stderr" <<'EOF'
from alib import *
err = text(sys.argv[1])
conns = fixture("vpn_connections.json")
psks = [c["IkeConfig"]["Psk"] for c in conns if "IkeConfig" in c] + \
       [t["TunnelIkeConfig"]["Psk"] for c in conns for t in tunnels(c)]
check(len(err) > 1000 and not any(k in err for k in psks),
      "no pre-shared key in anything cgwgen wrote to stderr (%d bytes)" % len(err))
EOF
leak=$(grep -rlF -e "$KID" "$TMP/all-output" "$TMP/w")
is "$leak" "" "the AccessKey id appears nowhere (traces show LTAI... at most)"
leak=$(grep -rlE -e 'Signature=|SignatureNonce=|ACS3-HMAC-SHA256 Credential' "$TMP/all-output" "$TMP/w")
is "$leak" "" "no signature, nonce or Authorization header appears in any of them"
errs=
for m in $MOCKS; do
	[ -s "$TMP/$m.err" ] && errs="$errs $m"
done
is "$errs" "" "no mock wrote to its stderr (no crash in the mock)"

done_testing
