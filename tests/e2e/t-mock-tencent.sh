#!/bin/sh
# Self-test of tests/e2e/mock_tencent.py, the mock of Tencent Cloud's VPC API
# (2017-03-12), without cgwgen: start the mock, send requests signed by the
# independent signer tests/e2e/tc3_sign.py with curl and with python, and
# check the answers, the signature checks, paging, parameter errors, failure
# injection, the token, the clock skew, the request log, the fixture
# generator and SIGTERM. Output is TAP.

. "${top_srcdir:-$(dirname "$0")/../..}/tests/lib.sh"

PY=${PYTHON3:-python3}
PYTHONDONTWRITEBYTECODE=1
export PYTHONDONTWRITEBYTECODE
E2E=$top_srcdir/tests/e2e
FIX=$E2E/fixtures/tencent
MOCK=$E2E/mock_tencent.py

command -v "$PY" >/dev/null 2>&1 || skip_all "python3 not found"
"$PY" -c 'import sys; sys.exit(sys.version_info < (3, 7))' ||
	skip_all "python 3.7 or later needed"
command -v curl >/dev/null 2>&1 || skip_all "curl not found"

mock_pids=
cleanup() {
	for p in $mock_pids; do kill -TERM "$p" 2>/dev/null; done
	cleanup_tmp
}
trap cleanup EXIT

# start_mock NAME ARGS...: start a mock with its port file, log and stderr
# in $TMP/NAME.*; set $pid and $port.
start_mock() {
	name=$1
	shift
	"$PY" "$MOCK" --port-file "$TMP/$name.port" --log "$TMP/$name.log" "$@" \
		2>"$TMP/$name.err" &
	pid=$!
	mock_pids="$mock_pids $pid"
	i=0
	while [ ! -s "$TMP/$name.port" ] && [ $i -lt 200 ]; do
		kill -0 "$pid" 2>/dev/null || break
		sleep 0.05
		i=$((i + 1))
	done
	port=$(cat "$TMP/$name.port" 2>/dev/null)
}

# stop_mock PID: SIGTERM, then the exit status in $rc and the time in $secs.
stop_mock() {
	t0=$(date +%s)
	kill -TERM "$1"
	wait "$1"
	rc=$?
	secs=$(($(date +%s) - t0))
}

# --- the signer agrees with Tencent's published examples ---------------

out=$(PYTHONPATH=$E2E "$PY" - <<'EOF'
import hashlib, mock_tencent as m, tc3_sign
print(tc3_sign.check_vectors())
body = br'{"Limit": 1, "Filters": [{"Values": ["\u672a\u547d\u540d"], "Name": "instance-name"}]}'
ct = "application/json; charset=utf-8"
for sh, key, sig in (("content-type;host", "Gu5t9xGARNpq86cd98joQYCN3EXAMPLE",
                      "72e494ea809ad7a8c8f7a4507b9bddcbaa8e581f516e8da2f66e2c5a96525168"),
                     ("content-type;host;x-tc-action", "*" * 32,
                      "10b1a37a7301a02ca19a647ad722d5e43b4b3cff309d421d85b46093f6ab6c4f")):
    c = m.canonical_request(ct, "cvm.tencentcloudapi.com", "DescribeInstances", sh, body)
    print(m.tc3_sign(key, "2019-02-25", "cvm", 1551113065, c)[0] == sig)
EOF
)
set -- $out
is "${1:-}" True "the test signer reproduces Tencent's published TC3 signatures"
is "${2:-} ${3:-}" "True True" "the mock's verifier reproduces them too"

# --- mock A: default options ---------------------------------------------

start_mock a --fixtures "$FIX" --seed 7
like "$port" '^[0-9]+$' "the mock writes its port to --port-file"
pa=$pid
porta=$port
is "$(ls "$TMP" | grep -c '\.tmp\.')" 0 "no temporary port file is left behind"
hexport=$(printf '%04X' "$port")
if [ -r /proc/net/tcp ]; then
	laddr=$(awk -v p=":$hexport" '$2 ~ p"$" && $4 == "0A" { print $2 }' /proc/net/tcp)
	is "$laddr" "0100007F:$hexport" "it listens on 127.0.0.1 only"
else
	skip "no /proc/net/tcp"
fi

# curl NAME ACTION BODY [SIGNER-OPTIONS...]: sign BODY, POST it with curl;
# the HTTP status in $status, the body in $resp, the error code in $code.
mkdir "$TMP/c"
curl_call() {
	n=$1 action=$2
	printf '%s' "$3" >"$TMP/c/$n.body"
	shift 3
	"$PY" "$E2E/tc3_sign.py" headers --host "127.0.0.1:$port" --action "$action" \
		"$@" "$TMP/c/$n.body" >"$TMP/c/$n.hdr"
	curl_send "$n"
}
curl_send() {
	status=$(curl -sS -o "$TMP/c/$1.out" -D "$TMP/c/$1.head" -w '%{http_code}' \
		-H @"$TMP/c/$1.hdr" --data-binary @"$TMP/c/$1.body" \
		"http://127.0.0.1:$port/")
	resp=$(cat "$TMP/c/$1.out")
	code=$(printf '%s' "$resp" | sed -n 's/.*"Error":{"Code":"\([^"]*\)".*/\1/p')
}

curl_call ok DescribeVpnConnections '{}' --region ap-guangzhou
is "$status" 200 "curl: a signed DescribeVpnConnections answers HTTP 200"
like "$(tr -d '\r' <"$TMP/c/ok.head")" '^Content-Type: application/json$' \
	"with Content-Type application/json"
like "$resp" '"TotalCount":5,"VpnConnectionSet":\[' "and the 5 fixture connections"
like "$resp" '"RequestId":"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}"\}\}$' \
	"and a RequestId"

curl_call act DescribeVpnGateways '{"VpnGatewayIds":["vpngw-h5t9c1pz"]}' \
	--region ap-guangzhou --signed 'content-type;host;x-tc-action'
like "$resp" '"PublicIpAddress":"203.0.113.20"' \
	"curl: SignedHeaders content-type;host;x-tc-action is accepted"

curl_call key DescribeVpnConnections '{}' --region ap-guangzhou --secret-key wrong
is "$code" AuthFailure.SignatureFailure "a wrong secret key: AuthFailure.SignatureFailure"
is "$status" 200 "errors come with HTTP 200"

curl_call tamper DescribeVpnConnections '{"Limit":1}' --region ap-guangzhou
printf '{"Limit":2}' >"$TMP/c/tamper.body"
curl_send tamper
is "$code" AuthFailure.SignatureFailure "a body changed after signing: AuthFailure.SignatureFailure"

curl_call id DescribeVpnConnections '{}' --region ap-guangzhou --secret-id AKIDother
is "$code" AuthFailure.SecretIdNotFound "an unknown secret id: AuthFailure.SecretIdNotFound"

curl_call old DescribeVpnConnections '{}' --region ap-guangzhou --skew -400
is "$code" AuthFailure.SignatureExpire "a timestamp 400 s old: AuthFailure.SignatureExpire"

curl_call ct DescribeVpnConnections '{}' --region ap-guangzhou \
	--content-type 'application/json; charset=utf-8'
is "$code" InvalidParameter "a Content-Type other than application/json is refused"

curl_call noauth DescribeVpnConnections '{}' --region ap-guangzhou
grep -v '^Authorization' "$TMP/c/noauth.hdr" >"$TMP/c/noauth.h2"
mv "$TMP/c/noauth.h2" "$TMP/c/noauth.hdr"
curl_send noauth
is "$code" AuthFailure.InvalidAuthorization "no Authorization: AuthFailure.InvalidAuthorization"

curl_call dl DownloadCustomerGatewayConfiguration \
	'{"VpnGatewayId":"vpngw-q7r2m4xa","VpnConnectionId":"vpnx-h7c3v6b9","CustomerGatewayVendor":{"Platform":"comware","SoftwareVersion":"V1.0","VendorName":"h3c"},"InterfaceName":"eth0"}' \
	--region ap-guangzhou
"$PY" -c 'import json, sys
text = json.load(open(sys.argv[1]))["Response"]["CustomerGatewayConfiguration"]
sys.exit(text.encode() != open(sys.argv[2], "rb").read() or "\r\n" not in text)' \
	"$TMP/c/dl.out" "$FIX/downloads/h3c-comware-V1.0.txt"
ok $? "curl: the download is the fixture file byte for byte, CRLF included"

# --- mock A through python: parameters, paging, log ----------------------

# The python checks print "PASS desc" / "FAIL desc" / "# diagnostics".
# report NAME: turn $TMP/NAME.out into TAP; $? of the python run in $pyrc.
report() {
	while IFS= read -r line; do
		case $line in
		PASS\ *) ok 0 "${line#PASS }" ;;
		FAIL\ *) ok 1 "${line#FAIL }" ;;
		\#*) echo "$line" ;;
		*) echo "# $line" ;;
		esac
	done <"$TMP/$1.out"
	is "$pyrc" 0 "the $1 checks ran to their end"
}

PYTHONPATH=$E2E "$PY" - "$porta" "$FIX" "$TMP/a.log" >"$TMP/py-a.out" 2>&1 <<'EOF'
import http.client, json, re, socket, sys, threading, time
import tc3_sign as s

port, fix, logpath = int(sys.argv[1]), sys.argv[2], sys.argv[3]
GW1, GW2 = "vpngw-q7r2m4xa", "vpngw-h5t9c1pz"
CONN_IDS = [c["VpnConnectionId"] for c in json.load(open(fix + "/vpn_connections.json"))]
H3C = {"Platform": "comware", "SoftwareVersion": "V1.0", "VendorName": "h3c"}

def check(cond, desc, *diag):
    print(("PASS " if cond else "FAIL ") + desc)
    if not cond:
        for d in diag:
            print("# " + str(d)[:400])

def call(action, body=None, **kw):
    raw = body if isinstance(body, (bytes, str)) else json.dumps(body or {})
    st, h, data = s.send(port, action, raw, **kw)
    try:
        r = json.loads(data)["Response"]
    except ValueError:
        r = {"_raw": data}
    return st, r

def err(action, body=None, **kw):
    st, r = call(action, body, **kw)
    return r.get("Error", {}).get("Code") if st == 200 else "HTTP%d" % st

def expect(code, desc, action, body=None, **kw):
    got = err(action, body, **kw)
    check(got == code, desc + ": " + str(code), "got %s" % got)

# paging
seen, totals = [], set()
for off in (0, 2, 4):
    st, r = call("DescribeVpnConnections", {"Offset": off, "Limit": 2})
    seen += [c["VpnConnectionId"] for c in r["VpnConnectionSet"]]
    totals.add(r["TotalCount"])
check(seen == CONN_IDS and totals == {5},
      "pages of 2 at offsets 0, 2, 4 give all 5 connections in order, TotalCount 5 each",
      seen, totals)
st, r = call("DescribeVpnConnections", {"Offset": 10})
check(r.get("VpnConnectionSet") == [] and r.get("TotalCount") == 5,
      "an offset past the end: an empty page, TotalCount 5", r)
st, r = call("DescribeVpnConnections", {"Limit": "2", "Offset": "1"})
check([c["VpnConnectionId"] for c in r["VpnConnectionSet"]] == CONN_IDS[1:3],
      "numbers as strings (as in Tencent's example) are accepted", r)
expect("InvalidParameterValue.LimitExceeded", "Limit 101", "DescribeVpnConnections", {"Limit": 101})
expect("InvalidParameterValue", "Limit 0", "DescribeVpnConnections", {"Limit": 0})
expect("InvalidParameterValue", "Offset -1", "DescribeVpnConnections", {"Offset": -1})
expect("InvalidParameter", "Limit not a number", "DescribeVpnConnections", {"Limit": "ten"})
expect("InvalidParameter", "Limit null", "DescribeVpnConnections", {"Limit": None})
expect("InvalidParameterValue.LimitExceeded", "101 VpnConnectionIds",
       "DescribeVpnConnections", {"VpnConnectionIds": ["vpnx-%08d" % i for i in range(101)]})
expect("InvalidParameterValue.LimitExceeded", "101 VpnGatewayIds",
       "DescribeVpnGateways", {"VpnGatewayIds": ["vpngw-%08d" % i for i in range(101)]})
expect("InvalidParameterValue.LimitExceeded", "101 CustomerGatewayIds",
       "DescribeCustomerGateways", {"CustomerGatewayIds": ["cgw-%08d" % i for i in range(101)]})
st, r = call("DescribeVpnConnections", {"VpnConnectionIds": ["vpnx-%08d" % i for i in range(100)]})
check(r.get("TotalCount") == 0 and r.get("VpnConnectionSet") == [],
      "100 unknown ids: no error, an empty set", r)
st, r = call("DescribeVpnConnections", {"VpnConnectionIds": [CONN_IDS[3], "vpnx-zzzzzzzz", CONN_IDS[0]]})
check([c["VpnConnectionId"] for c in r["VpnConnectionSet"]] == [CONN_IDS[0], CONN_IDS[3]],
      "known ids are returned, unknown ones left out", r)
expect("InvalidParameterValue.Malformed", "a malformed id", "DescribeVpnConnections",
       {"VpnConnectionIds": ["bogus"]})
expect("InvalidParameter.Coexist", "ids and Filters together", "DescribeVpnConnections",
       {"VpnConnectionIds": [CONN_IDS[0]], "Filters": [{"Name": "vpc-id", "Values": ["vpc-k3n8d2wq"]}]})
expect("InvalidParameter.Coexist", "VpnGatewayIds and Filters together", "DescribeVpnGateways",
       {"VpnGatewayIds": [GW1], "Filters": [{"Name": "vpc-id", "Values": ["vpc-k3n8d2wq"]}]})
expect("InvalidParameter.FilterInvalidKey", "an unknown filter name", "DescribeVpnConnections",
       {"Filters": [{"Name": "state", "Values": ["AVAILABLE"]}]})
expect("InvalidParameter.FilterInvalidKey", "filter ip-address on VPN gateways",
       "DescribeVpnGateways", {"Filters": [{"Name": "ip-address", "Values": ["203.0.113.10"]}]})
expect("InvalidParameterValue.LimitExceeded", "11 filters", "DescribeVpnConnections",
       {"Filters": [{"Name": "vpc-id", "Values": ["vpc-k3n8d2wq"]}] * 11})
expect("InvalidParameterValue.LimitExceeded", "6 filter values", "DescribeVpnConnections",
       {"Filters": [{"Name": "vpc-id", "Values": ["vpc-%d" % i for i in range(6)]}]})
expect("UnknownParameter", "an unknown parameter", "DescribeVpnConnections", {"VpnGatewayId": GW1})
expect("UnknownParameter", "an unknown member of a filter", "DescribeVpnConnections",
       {"Filters": [{"Name": "vpc-id", "Values": ["x"], "Value": "x"}]})
st, r = call("DescribeVpnConnections", {"Filters": [{"Name": "vpn-gateway-id", "Values": [GW2]}]})
check(r.get("TotalCount") == 2 and all(c["VpnGatewayId"] == GW2 for c in r["VpnConnectionSet"]),
      "filter vpn-gateway-id", r)
st, r = call("DescribeVpnConnections", {"Filters": [
    {"Name": "customer-gateway-id", "Values": ["cgw-b3m8x2k1", "cgw-r6t2h8d3"]},
    {"Name": "vpn-gateway-id", "Values": [GW1]}]})
check([c["VpnConnectionId"] for c in r["VpnConnectionSet"]] == ["vpnx-a1k9d3f7", "vpnx-h7c3v6b9"],
      "values of a filter are ORed, filters ANDed", r)
st, r = call("DescribeVpnConnections", {"Filters": [{"Name": "vpn-connection-name", "Values": ["dc-beijing"]}]})
check([c["VpnConnectionId"] for c in r["VpnConnectionSet"]] == ["vpnx-s5g1z7t3"],
      "filter vpn-connection-name", r)
st, r = call("DescribeVpnGateways", {"Filters": [{"Name": "vpc-id", "Values": ["vpc-k3n8d2wq"]}]})
check([g["PublicIpAddress"] for g in r["VpnGatewaySet"]] == ["203.0.113.10"],
      "DescribeVpnGateways filter vpc-id gives the public address", r)
st, r = call("DescribeCustomerGateways", {"Filters": [{"Name": "ip-address", "Values": ["198.51.100.14"]}]})
check([c["CustomerGatewayId"] for c in r["CustomerGatewaySet"]] == ["cgw-y9w3k5f4"],
      "DescribeCustomerGateways filter ip-address", r)
st, r = call("DescribeCustomerGateways", {"Limit": 2, "Offset": 4})
check(r.get("TotalCount") == 5 and len(r["CustomerGatewaySet"]) == 1, "customer gateways page", r)

# common parameters
st, r = call("DescribeCustomerGatewayVendors", {}, region=None)
check(r.get("CustomerGatewayVendorSet") == json.load(open(fix + "/vendors.json")),
      "DescribeCustomerGatewayVendors without a region", r)
st, r = call("DescribeCustomerGatewayVendors", {})
check("CustomerGatewayVendorSet" in r, "and with one", r)
expect("MissingParameter", "DescribeVpnConnections without a region",
       "DescribeVpnConnections", {}, region=None)
expect("UnsupportedRegion", "a region of the wrong form", "DescribeVpnConnections", {}, region="Guangzhou")
expect("InvalidAction", "an unknown action", "DescribeVpcs", {})
expect("NoSuchVersion", "version 2016-04-28", "DescribeVpnConnections", {}, version="2016-04-28")
expect("InvalidParameter", "a body that is not JSON", "DescribeVpnConnections", b"Limit=1")
expect("InvalidParameter", "a JSON body that is not an object", "DescribeVpnConnections", b"[]")
expect("InvalidParameter", "an empty body", "DescribeCustomerGatewayVendors", b"")

# authentication details
expect("AuthFailure.SignatureFailure", "credential scope service cvm",
       "DescribeVpnConnections", {}, service="cvm")
expect("AuthFailure.SignatureFailure", "credential date not the timestamp's UTC date",
       "DescribeVpnConnections", {}, scope_date="2001-01-01")
ts = int(time.time())
good = dict(s.sign("DescribeVpnConnections", b"{}", "127.0.0.1:%d" % port,
                   region="ap-guangzhou", timestamp=ts))["Authorization"]
sig = good.rsplit("=", 1)[1]
expect("AuthFailure.SignatureFailure", "the upper-cased signature", "DescribeVpnConnections", {},
       timestamp=ts, sig_override=sig.upper())
expect("AuthFailure.InvalidAuthorization", "SignedHeaders host;content-type",
       "DescribeVpnConnections", {}, drop=("Authorization",),
       extra_headers=[("Authorization", good.replace("content-type;host", "host;content-type"))])
expect("AuthFailure.InvalidAuthorization", "an HMAC-SHA1 Authorization",
       "DescribeVpnConnections", {}, drop=("Authorization",),
       extra_headers=[("Authorization", good.replace("TC3-HMAC-SHA256", "HMAC-SHA1"))])
expect("AuthFailure.SignatureFailure", "SignedHeaders with x-tc-action: another action sent",
       "DescribeVpnConnections", {}, signed="content-type;host;x-tc-action",
       drop=("X-TC-Action",), extra_headers=[("X-TC-Action", "DescribeVpnGateways")])
st, r = call("DescribeVpnConnections", {}, drop=("X-TC-Action",),
             extra_headers=[("X-TC-Action", "DescribeVpnGateways")])
check("VpnGatewaySet" in r, "without x-tc-action signed, the action header is not signed", r)
expect("InvalidParameter", "a Host other than 127.0.0.1:PORT (signed as sent)",
       "DescribeVpnConnections", {}, host="vpc.tencentcloudapi.com")
expect("InvalidParameter", "two Content-Type headers", "DescribeVpnConnections", {},
       extra_headers=[("Content-Type", "application/json")])
expect("AuthFailure.TokenFailure", "a token sent with permanent credentials",
       "DescribeVpnConnections", {}, token="tok")
expect("MissingParameter", "no X-TC-Version", "DescribeVpnConnections", {}, drop=("X-TC-Version",))
expect("AuthFailure.SignatureExpire", "a timestamp 301 s ahead", "DescribeVpnConnections", {},
       timestamp=int(time.time()) + 301)
st, r = call("DescribeVpnConnections", {"Limit": 1}, timestamp=int(time.time()) + 200)
check("Error" not in r, "a timestamp 200 s ahead is accepted", r)
c = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
c.request("GET", "/")
resp = c.getresponse()
body = json.loads(resp.read())
check(body["Response"]["Error"]["Code"] == "UnsupportedProtocol", "GET: UnsupportedProtocol", body)
c.close()

# connection reuse and chunked bodies
c = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
r1 = s.send(port, "DescribeVpnGateways", "{}", conn=c)
r2 = s.send(port, "DescribeCustomerGateways", "{}", conn=c)
check(r1[0] == r2[0] == 200 and b'"Error"' not in r1[2] + r2[2],
      "two requests on one kept-alive connection", r1, r2)
c.close()
body = b'{"Limit": 3}'
hdrs = s.sign("DescribeVpnConnections", body, "127.0.0.1:%d" % port, region="ap-guangzhou")
c = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
c.putrequest("POST", "/", skip_host=True, skip_accept_encoding=True)
for k, v in hdrs:
    c.putheader(k, v)
c.putheader("Transfer-Encoding", "chunked")
c.endheaders()
c.send(b"5\r\n" + body[:5] + b"\r\n" + b"%x\r\n" % (len(body) - 5) + body[5:] + b"\r\n0\r\n\r\n")
data = json.loads(c.getresponse().read())
check(len(data["Response"].get("VpnConnectionSet", [])) == 3, "a chunked body", data)
c.close()

# download
dl = {"VpnGatewayId": GW1, "VpnConnectionId": "vpnx-h7c3v6b9",
      "CustomerGatewayVendor": H3C, "InterfaceName": "GigabitEthernet0/0"}
st, r = call("DownloadCustomerGatewayConfiguration", dl, region=None)
check(r.get("CustomerGatewayConfiguration", "").encode() ==
      open(fix + "/downloads/h3c-comware-V1.0.txt", "rb").read(),
      "DownloadCustomerGatewayConfiguration returns the file unchanged", r)
expect("InvalidParameterValue", "download: connection of another gateway",
       "DownloadCustomerGatewayConfiguration", dict(dl, VpnGatewayId=GW2))
expect("ResourceNotFound", "download: unknown connection",
       "DownloadCustomerGatewayConfiguration", dict(dl, VpnConnectionId="vpnx-00000000"))
expect("ResourceNotFound", "download: unknown gateway",
       "DownloadCustomerGatewayConfiguration", dict(dl, VpnGatewayId="vpngw-00000000"))
expect("InvalidParameterValue", "download: vendor not offered",
       "DownloadCustomerGatewayConfiguration",
       dict(dl, CustomerGatewayVendor=dict(H3C, VendorName="juniper")))
expect("ResourceNotFound", "download: vendor offered but no fixture text",
       "DownloadCustomerGatewayConfiguration",
       dict(dl, CustomerGatewayVendor={"Platform": "ios", "SoftwareVersion": "V15.4",
                                       "VendorName": "cisco"}))
expect("MissingParameter", "download: no InterfaceName", "DownloadCustomerGatewayConfiguration",
       {k: v for k, v in dl.items() if k != "InterfaceName"})
expect("InvalidParameterValue.Empty", "download: empty InterfaceName",
       "DownloadCustomerGatewayConfiguration", dict(dl, InterfaceName=""))
expect("MissingParameter", "download: vendor without Platform",
       "DownloadCustomerGatewayConfiguration",
       dict(dl, CustomerGatewayVendor={"SoftwareVersion": "V1.0", "VendorName": "h3c"}))

# reset
st, r = call("ResetVpnConnection", {"VpnGatewayId": GW2, "VpnConnectionId": "vpnx-n4x8r2j6"})
check(st == 200 and list(r) == ["RequestId"], "ResetVpnConnection answers only a RequestId", r)
expect("InvalidParameterValue", "reset: connection of another gateway", "ResetVpnConnection",
       {"VpnGatewayId": GW1, "VpnConnectionId": "vpnx-n4x8r2j6"})
expect("ResourceNotFound", "reset: unknown connection", "ResetVpnConnection",
       {"VpnGatewayId": GW1, "VpnConnectionId": "vpnx-00000000"})
expect("MissingParameter", "reset: no VpnGatewayId", "ResetVpnConnection",
       {"VpnConnectionId": "vpnx-n4x8r2j6"})

# create
st, r = call("CreateCustomerGateway", {"CustomerGatewayName": "new-site", "IpAddress": "198.51.100.77",
                                       "Tags": [{"Key": "city", "Value": "wuhan"}]})
cg = r.get("CustomerGateway", {})
check(re.fullmatch(r"cgw-[0-9a-z]{8}", cg.get("CustomerGatewayId", "")) is not None
      and cg.get("IpAddress") == "198.51.100.77" and cg.get("CustomerGatewayName") == "new-site"
      and re.fullmatch(r"\d{4}-\d\d-\d\d \d\d:\d\d:\d\d", cg.get("CreatedTime", "")) is not None,
      "CreateCustomerGateway returns the new gateway", r)
st, r = call("DescribeCustomerGateways", {"CustomerGatewayIds": [cg.get("CustomerGatewayId", "cgw-x")]})
check(r.get("TotalCount") == 1 and r["CustomerGatewaySet"][0]["IpAddress"] == "198.51.100.77",
      "the new gateway is then described", r)
st, r = call("DescribeCustomerGateways", {})
check(r.get("TotalCount") == 6, "and counted", r)
expect("InvalidParameterValue.Duplicate", "create: an address already used",
       "CreateCustomerGateway", {"CustomerGatewayName": "x", "IpAddress": "198.51.100.11"})
expect("InvalidParameterValue.TooLong", "create: a 61-character name",
       "CreateCustomerGateway", {"CustomerGatewayName": "n" * 61, "IpAddress": "198.51.100.78"})
expect("InvalidParameterValue.Malformed", "create: a malformed address",
       "CreateCustomerGateway", {"CustomerGatewayName": "x", "IpAddress": "198.51.100"})
expect("InvalidParameterValue", "create: a private address",
       "CreateCustomerGateway", {"CustomerGatewayName": "x", "IpAddress": "10.1.2.3"})
expect("InvalidParameterValue.TagDuplicateKey", "create: a duplicated tag key",
       "CreateCustomerGateway", {"CustomerGatewayName": "x", "IpAddress": "198.51.100.79",
                                 "Tags": [{"Key": "a", "Value": "1"}, {"Key": "a", "Value": "2"}]})
expect("MissingParameter", "create: no IpAddress", "CreateCustomerGateway",
       {"CustomerGatewayName": "x"})
st, r = call("CreateCustomerGateway", {"CustomerGatewayName": "n" * 60, "IpAddress": "198.51.100.80"})
check("CustomerGateway" in r, "create: a 60-character name is fine", r)

# concurrent creates of one address: exactly one wins
results = []
def create():
    results.append(err("CreateCustomerGateway", {"CustomerGatewayName": "race",
                                                 "IpAddress": "198.51.100.90"}))
threads = [threading.Thread(target=create) for _ in range(8)]
for t in threads: t.start()
for t in threads: t.join()
check(results.count(None) == 1 and results.count("InvalidParameterValue.Duplicate") == 7,
      "8 concurrent creates of one address: one succeeds", results)

# the request log
time.sleep(0.2)
lines = open(logpath).read().splitlines()
entries = [json.loads(l) for l in lines]
text = open(logpath).read()
check(len(entries) > 50 and sorted(e["seq"] for e in entries) == list(range(1, len(entries) + 1)),
      "the log has one JSON line per request, seq 1..N", len(entries))
keys = {"seq", "time", "action", "region", "headers", "body", "verified", "error", "status"}
check(all(keys <= set(e) for e in entries), "every line has the documented members")
check(s.SECRET_KEY not in text, "the secret key never appears in the log")
check(not re.search(r"Signature=[0-9a-fA-F]{64}", text)
      and all(e["headers"].get("Authorization", "Signature=<redacted>").endswith("Signature=<redacted>")
              for e in entries), "signatures are redacted")
first = entries[0]
check(first["action"] == "DescribeVpnConnections" and first["verified"] is True
      and first["error"] is None and first["status"] == 200 and first["region"] == "ap-guangzhou"
      and first["headers"].get("Content-Type") == "application/json",
      "the first (curl) request is logged as verified, no error", first)
bad = [e for e in entries if e["error"] == "AuthFailure.SignatureFailure"]
check(bad and all(e["verified"] is False for e in bad), "failed signatures are logged unverified")
check(any("canonical_request" in e.get("detail", {}) for e in bad),
      "with the canonical request the mock computed")
pages = [e["body"] for e in entries if e["action"] == "DescribeVpnConnections"
         and isinstance(e["body"], dict) and e["body"].get("Limit") == 2 and e["error"] is None]
check([p.get("Offset") for p in pages] == [0, 2, 4], "the log shows the paging requests' bodies", pages)
resets = [e for e in entries if e["action"] == "ResetVpnConnection" and e["error"] is None]
check(len(resets) == 1 and resets[0].get("effect", {}).get("reset") ==
      {"VpnGatewayId": GW2, "VpnConnectionId": "vpnx-n4x8r2j6"}, "the reset is recorded", resets)
created = [e["effect"]["created"] for e in entries if "created" in e.get("effect", {})]
check(created and created[0]["Tags"] == [{"Key": "city", "Value": "wuhan"}],
      "the creation is recorded with its tags", created)
nj = [e for e in entries if e["body"] == "Limit=1"]
check(nj and nj[0]["body_is_json"] is False, "a body that is not JSON is logged as text", nj)
EOF
pyrc=$?
report py-a

stop_mock "$pa"
is "$rc" 0 "SIGTERM: the mock exits with status 0"
is "$(cat "$TMP/a.err")" "" "and wrote nothing to stderr"

# --- mock B: token, failure injection ------------------------------------

start_mock b --fixtures "$FIX" --token tok-123 --slow-seconds 1 \
	--fail DescribeVpnConnections:throttle:2 \
	--fail DescribeVpnGateways:500 --fail DescribeVpnGateways:503 \
	--fail DescribeVpnGateways:throttle-uin \
	--fail DescribeCustomerGateways:badjson --fail DescribeCustomerGateways:truncated \
	--fail DescribeCustomerGateways:internal \
	--fail DescribeCustomerGatewayVendors:autherr --fail DescribeCustomerGatewayVendors:slow \
	--fail DownloadCustomerGatewayConfiguration:internal:always \
	--fail '*:throttle'
pb=$pid
like "$port" '^[0-9]+$' "mock B (token, failures) started"

PYTHONPATH=$E2E "$PY" - "$port" "$TMP/b.log" >"$TMP/py-b.out" 2>&1 <<'EOF'
import http.client, json, socket, sys, threading, time
import tc3_sign as s

port, logpath = int(sys.argv[1]), sys.argv[2]
T = "tok-123"

def check(cond, desc, *diag):
    print(("PASS " if cond else "FAIL ") + desc)
    if not cond:
        for d in diag:
            print("# " + str(d)[:400])

def raw(action, body="{}", **kw):
    kw.setdefault("token", T)
    return s.send(port, action, body, **kw)

def code(res):
    st, h, data = res
    if st != 200:
        return "HTTP%d" % st
    try:
        return json.loads(data)["Response"].get("Error", {}).get("Code")
    except ValueError:
        return "badjson"

got = [code(raw("DescribeVpnConnections")) for _ in range(4)]
check(got == ["RequestLimitExceeded"] * 3 + [None],
      "throttle:2 fails the first two requests, '*:throttle' (listed last) the next, "
      "then service", got)
got = [code(raw("DescribeVpnGateways")) for _ in range(4)]
check(got == ["HTTP500", "HTTP503", "RequestLimitExceeded.UinLimitExceeded", None],
      "500, 503 and throttle-uin in command-line order, then service", got)
res = raw("DescribeCustomerGateways")
check(res[0] == 200 and res[1].get("Content-Type") == "application/json" and code(res) == "badjson",
      "badjson: HTTP 200, application/json, a body that does not parse", res)
try:
    res = raw("DescribeCustomerGateways")
    check(False, "truncated: the client sees a short body", res)
except http.client.IncompleteRead as e:
    check(True, "truncated: the client sees a short body")
got = [code(raw("DescribeCustomerGateways")) for _ in range(2)]
check(got == ["InternalError", None], "internal, then service", got)
got = code(raw("DescribeCustomerGatewayVendors", region=None))
check(got == "AuthFailure.SecretIdNotFound", "autherr", got)
t0 = time.time()
try:
    raw("DescribeCustomerGatewayVendors", region=None, timeout=0.4)
    check(False, "slow: the answer comes after the client's timeout")
except (socket.timeout, TimeoutError):
    check(time.time() - t0 < 0.9, "slow: the answer comes after the client's timeout")
got = code(raw("DescribeCustomerGatewayVendors", region=None))
check(got is None, "then vendors are served", got)
dl = {"VpnGatewayId": "vpngw-q7r2m4xa", "VpnConnectionId": "vpnx-h7c3v6b9",
      "CustomerGatewayVendor": {"Platform": "comware", "SoftwareVersion": "V1.0", "VendorName": "h3c"},
      "InterfaceName": "eth0"}
got = [code(raw("DownloadCustomerGatewayConfiguration", json.dumps(dl))) for _ in range(3)]
check(got == ["InternalError"] * 3, "COUNT always fails every time", got)
rb = json.dumps({"VpnGatewayId": "vpngw-h5t9c1pz", "VpnConnectionId": "vpnx-s5g1z7t3"})
got = code(raw("ResetVpnConnection", rb))
check(got is None, "the '*' spec is used up", got)
got = code(raw("DescribeVpnConnections", token=None))
check(got == "AuthFailure.TokenFailure", "--token: a request without X-TC-Token fails", got)
got = code(raw("DescribeVpnConnections", token="tok-999"))
check(got == "AuthFailure.TokenFailure", "--token: a wrong token fails", got)

for _ in range(60):  # the slow request is logged when it finally answers
    entries = [json.loads(l) for l in open(logpath)]
    if any(e["injected"] == "slow" for e in entries):
        break
    time.sleep(0.1)
inj = [e["injected"] for e in entries if e["injected"]]
check(inj.count("slow") == 1 and inj.count("throttle") == 3 and inj.count("truncated") == 1,
      "the log names the injected failures", inj)
e500 = [e for e in entries if e["injected"] == "500"][0]
check(e500["status"] == 500 and e500["error"] == "injected:500" and e500["verified"] is True,
      "an injected 500 is logged with status 500, a verified request", e500)
check(all(e["headers"].get("X-TC-Token") == T for e in entries if e["verified"]),
      "verified requests carried the token")
EOF
pyrc=$?
report py-b

stop_mock "$pb"
is "$rc" 0 "mock B exits with status 0 on SIGTERM"
[ "$secs" -le 2 ]
ok $? "promptly"

# --- mock C: clock skew, other credentials, latency ----------------------

start_mock c --fixtures "$FIX" --clock-skew 1000 --secret-id AKIDother --secret-key other-key \
	--latency-ms 300
pc=$pid
curl_call skew DescribeVpnConnections '{}' --region ap-guangzhou \
	--secret-id AKIDother --secret-key other-key
is "$code" AuthFailure.SignatureExpire "--clock-skew 1000: a timestamp of now is expired"
curl_call skew2 DescribeVpnConnections '{}' --region ap-guangzhou \
	--secret-id AKIDother --secret-key other-key --skew 1000
is "$code" "" "a timestamp 1000 s ahead is accepted"
curl_call dflt DescribeVpnConnections '{}' --region ap-guangzhou --skew 1000
is "$code" AuthFailure.SecretIdNotFound "--secret-id replaces the default id"

now() { date +%s%N | cut -b1-13; }
t0=$(now)
curl_send skew2
t1=$(now)
[ $((t1 - t0)) -ge 300 ]
ok $? "--latency-ms 300 delays an answer ($((t1 - t0)) ms)"
for i in 1 2 3 4 5 6 7 8; do
	cp "$TMP/c/skew2.hdr" "$TMP/c/par$i.hdr"
	cp "$TMP/c/skew2.body" "$TMP/c/par$i.body"
done
t0=$(now)
(
	for i in 1 2 3 4 5 6 7 8; do curl_send "par$i" & done
	wait
)
t1=$(now)
[ $((t1 - t0)) -lt 1500 ]
ok $? "8 concurrent requests are answered in parallel ($((t1 - t0)) ms, not 2400)"
is "$(grep -l "\"TotalCount\":5" "$TMP"/c/par?.out | wc -l | tr -d " ")" 8 "all 8 answered"
stop_mock "$pc"

# --- generated fixtures (and TLS when openssl is there) ------------------

"$PY" "$E2E/gen_tencent_account.py" --out "$TMP/gen1" --connections 250 --gateways 5 --seed 3 &&
	"$PY" "$E2E/gen_tencent_account.py" --out "$TMP/gen2" --connections 250 --gateways 5 --seed 3
ok $? "gen_tencent_account.py runs"
diff -r "$TMP/gen1" "$TMP/gen2" >/dev/null
ok $? "and is deterministic"

tls=
if command -v openssl >/dev/null 2>&1 &&
	openssl req -x509 -newkey rsa:2048 -nodes -days 1 -subj /CN=127.0.0.1 \
		-keyout "$TMP/key.pem" -out "$TMP/cert.pem" >/dev/null 2>&1; then
	tls="--tls-cert $TMP/cert.pem --tls-key $TMP/key.pem"
fi
start_mock d --fixtures "$TMP/gen1" $tls
pd=$pid
PYTHONPATH=$E2E "$PY" - "$port" "$TMP/gen1" "${tls:+tls}" >"$TMP/py-d.out" 2>&1 <<'EOF'
import http.client, json, ssl, sys
import tc3_sign as s
port, fix, tls = int(sys.argv[1]), sys.argv[2], sys.argv[3]

def check(cond, desc, *diag):
    print(("PASS " if cond else "FAIL ") + desc)
    if not cond:
        for d in diag:
            print("# " + str(d)[:400])

if tls:
    ctx = ssl.create_default_context()
    ctx.check_hostname = False
    ctx.verify_mode = ssl.CERT_NONE
    conn = http.client.HTTPSConnection("127.0.0.1", port, timeout=10, context=ctx)
else:
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
ids, offset, total, pages = [], 0, None, 0
while True:
    st, h, data = s.send(port, "DescribeVpnConnections",
                         json.dumps({"Offset": offset, "Limit": 100}), conn=conn)
    r = json.loads(data)["Response"]
    total = r["TotalCount"]
    ids += [c["VpnConnectionId"] for c in r["VpnConnectionSet"]]
    pages += 1
    offset += 100
    if offset >= total:
        break
want = [c["VpnConnectionId"] for c in json.load(open(fix + "/vpn_connections.json"))]
check(total == 250 and pages == 3 and ids == want,
      "generated set: 250 connections in 3 pages of at most 100%s" % (" over TLS" if tls else ""),
      total, pages)
st, h, data = s.send(port, "DescribeVpnGateways", json.dumps({"Limit": 100}), conn=conn)
check(json.loads(data)["Response"]["TotalCount"] == 5, "5 generated VPN gateways")
EOF
pyrc=$?
report py-d
if [ -n "$tls" ]; then
	st=$(curl -sk -o /dev/null -w '%{http_code}' "https://127.0.0.1:$port/")
	is "$st" 200 "curl reaches the TLS mock"
else
	skip "openssl not found: no TLS check"
fi
stop_mock "$pd"
is "$rc" 0 "mock D exits with status 0"

done_testing
