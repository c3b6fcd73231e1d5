#!/bin/sh
# The command line as a user meets it: usage errors (status 2), input
# errors (status 1) with messages that name the file, field and value,
# nothing written on error, files mode 0600, templates checked before the
# input is read, and values that try to inject configuration.

. "${top_srcdir:-$(dirname "$0")/../..}/tests/lib.sh"

example="$top_srcdir/examples/tencent-describe-vpn-connections.json"
umask 022

# The example's first VpnConnection, as c, edited by a line of python:
# tencent_with 'c["IKEOptionsSpecification"]["DhGroupName"]="X"'. The
# response then holds c alone, or the list conns if the edit sets one.
tencent_with() {
	"${PYTHON3:-python3}" - "$example" "$1" <<'EOF'
import json, sys
doc = json.load(open(sys.argv[1]))
env = {"c": doc["Response"]["VpnConnectionSet"][0]}
exec(sys.argv[2], env)
doc["Response"]["VpnConnectionSet"] = env.get("conns", [env["c"]])
json.dump(doc, sys.stdout, indent=1)
EOF
}

# --- usage: status 2 -------------------------------------------------

run --help
is "$rc" 0 "--help succeeds"
like "$out" "^usage: cgwgen render" "--help prints the usage"
like "$out" "--peer-address" "--help lists --peer-address"

run --version
like "$out" "^cgwgen [0-9]+\.[0-9]+" "--version prints the version"

run
is "$rc" 2 "no command is a usage error"
like "$err" "no command given" "and says so"

run frobnicate
is "$rc" 2 "an unknown command is a usage error"
like "$err" 'unknown command "frobnicate"' "naming the command"

run render --input "$example"
is "$rc" 2 "render without --vendor is a usage error"
like "$err" "render needs --vendor" "saying what is missing"

run render --vendor strongswan
is "$rc" 2 "render without --input is a usage error"

run render --vendor strongswan --input "$example" --bogus
is "$rc" 2 "an unknown option is a usage error"

run show --input "$example" --vendor strongswan
is "$rc" 2 "--vendor with show is a usage error"
like "$err" "does not apply" "saying it does not apply"

run render --vendor strongswan --input "$example" -o "$TMP/a" \
    --output-dir "$TMP"
is "$rc" 2 "--output with --output-dir is a usage error"

run render --vendor strongswan --input "$example" --if-id 0
is "$rc" 2 "--if-id 0 is a usage error"

# The device-local options of the network targets.
for bad in "--mode both:--mode: \"both\" is neither policy nor route" \
    "--tunnel-number 65536:--tunnel-number: \"65536\" is not a number" \
    "--acl-number 0:--acl-number: \"0\" is not a number" \
    "--zone a;b:--zone: \"a;b\" is not a name" \
    "--inside-zone a?b:--inside-zone: \"a?b\" is not a name" \
    "--tunnel-zone a b:--tunnel-zone: \"a b\" is not a name" \
    "--vrf $(printf 'x\ny'):--vrf: \"x"; do
	opt=${bad%%:*}
	msg=${bad#*:}
	run render --vendor juniper-srx --input "$example" "${opt%% *}" "${opt#* }"
	is "$rc" 2 "$opt is a usage error"
	case $err in *"$msg"*) ok 0 "$opt: the message names the option and value" ;;
	*) ok 1 "$opt: the message names the option and value"; diag "$err" ;;
	esac
done
run show --input "$example" --zone dmz
is "$rc" 2 "--zone with show is a usage error (it only matters to render)"
run show --input "$example" --mode route
is "$rc" 0 "--mode applies to show too"
like "$out" '"mode":[[:space:]]*"static"' "and makes policy-based tunnels route-based in the model"
unlike "$out" '"mode":[[:space:]]*"policy"' "every one of them"
run render --vendor cisco-ios --mode route --tunnel-number 42 \
    --input "$top_srcdir/tests/golden/cases/alibaba-dual/input.json" \
    --interface GigabitEthernet0/0/1 --vrf WAN
is "$rc" 0 "render --mode route with the device-local options: status 0"
like "$out" '^interface Tunnel42$' "--tunnel-number numbers the first tunnel interface"
like "$out" '^interface Tunnel43$' "and the next counts up"
like "$out" 'tunnel source GigabitEthernet0/0/1' "--interface is the tunnels' source"
like "$out" 'vrf forwarding WAN' "--vrf binds the tunnel interfaces"
run render --vendor strongswan --input "$example" --peer-address 1.2.3
is "$rc" 2 "a malformed --peer-address is a usage error"
like "$err" 'peer-address: "1.2.3" is not an IP address' "naming the value"

run render --vendor strongswan --input "$example" --cloud nowhere
is "$rc" 2 "an unknown --cloud is a usage error"

run show -i
is "$rc" 2 "an option without its value is a usage error"
like "$err" "option --input needs a value" "named as a missing value"

run -q show --input "$example"
is "$rc" 0 "options may come before the command"
like "$out" '"cgwgen_model"' "and the command still runs"

# --- input errors: status 1, the file, field and value named ----------

run render --vendor strongswan --input "$TMP/nonexistent.json"
is "$rc" 1 "a missing input file fails"
like "$err" "nonexistent.json: No such file" "naming the file and why"

printf '{"Response": {"VpnConnectionSet": [ {"VpnConnectionId": ]}}' \
    >"$TMP/broken.json"
run render --vendor strongswan --input "$TMP/broken.json"
is "$rc" 1 "malformed JSON fails"
like "$err" "broken.json:1:[0-9]+: invalid JSON" "with file:line:col"

printf '' >"$TMP/empty.json"
run show --input "$TMP/empty.json"
like "$err" "empty.json: the input is empty" "an empty input is named"

printf '{"Something": 1}\n' >"$TMP/other.json"
run show --input "$TMP/other.json"
is "$rc" 1 "an unknown JSON document fails"
like "$err" "not a format cgwgen knows" "saying so"

printf '{"Response": {"Error": {"Code": "AuthFailure.SignatureExpire", "Message": "expired"}, "RequestId": "r-1"}}\n' \
    >"$TMP/apierror.json"
run show --input "$TMP/apierror.json"
is "$rc" 1 "a saved API error fails"
like "$err" "AuthFailure.SignatureExpire: expired \(request r-1\)" \
    "with the code, message and request id"

tencent_with 'c["IKEOptionsSpecification"]["DhGroupName"] = "GROUP99"' \
    >"$TMP/badalg.json"
run render --vendor strongswan --input "$TMP/badalg.json"
is "$rc" 1 "an unknown algorithm fails"
like "$err" 'VpnConnectionSet\[0\] \(vpnx-df9oztok\): IKEOptionsSpecification.DhGroupName: unknown value "GROUP99"' \
    "naming the connection, field and value"
like "$err" "GROUP14" "listing the documented values"

tencent_with 'del c["IKEOptionsSpecification"]' >"$TMP/noike.json"
run render --vendor strongswan --input "$TMP/noike.json"
is "$rc" 1 "a response without IKE settings fails"
like "$err" "IKEOptionsSpecification is missing" "naming the missing field"

tencent_with 'c["PreShareKey"] = ""' >"$TMP/nopsk.json"
run render --vendor strongswan --input "$TMP/nopsk.json"
like "$err" "PreShareKey is missing or empty" "an empty PSK is named"

tencent_with 'c["IKEOptionsSpecification"]["LocalIdentity"] = "FQDN"; c["IKEOptionsSpecification"]["LocalFqdnName"] = "gw.cloud.example"' \
    >"$TMP/fqdn.json"
run render --vendor strongswan --input "$TMP/fqdn.json"
is "$rc" 1 "a cloud known only by name needs --peer-address"
like "$err" "give it with --peer-address" "and the error says so"
run render -q --vendor strongswan --input "$TMP/fqdn.json" \
    --peer-address 203.0.113.77
is "$rc" 0 "with --peer-address it renders"
like "$out" "remote_addrs = 203.0.113.77" "to the given address"
like "$out" "id = fqdn:gw.cloud.example" "and the cloud's FQDN identity"

tencent_with 'c["IKEOptionsSpecification"]["LocalIdentity"] = "FQDN"; c["IKEOptionsSpecification"]["LocalFqdnName"] = "gw.cloud.example"; conns = [c, dict(c, VpnConnectionId="vpnx-other", VpnGatewayId="vpngw-other")]' \
    >"$TMP/twogw.json"
run render -q --vendor strongswan --input "$TMP/twogw.json" \
    --peer-address 203.0.113.77
is "$rc" 2 "one --peer-address for connections of two gateways is refused"
like "$err" "belong to gateways vpngw-6x0wxvtp and vpngw-other" \
    "naming the gateways"
run render -q --vendor strongswan --input "$TMP/twogw.json" \
    --peer-address 203.0.113.77 --connection vpnx-other
is "$rc" 0 "with --connection choosing one gateway's, it renders"

run render --vendor strongswan --input "$example" --connection vpnx-nothere
is "$rc" 1 "a --connection not in the file fails"
like "$err" "connection vpnx-nothere is not in this input \(it holds vpnx-df9oztok, vpnx-eal8tpn2\)" \
    "listing the connections it holds"

run render -q --vendor nosuchvendor --input "$example"
is "$rc" 1 "an unknown vendor fails"
like "$err" "nosuchvendor" "naming it"

tencent_with 'c["IPSECOptionsSpecification"]["EncryptAlgorithm"] = "SM4"' \
    >"$TMP/sm4.json"
run render -q --vendor strongswan --input "$TMP/sm4.json"
is "$rc" 1 "an algorithm the target lacks fails"

tencent_with 'c["IKEOptionsSpecification"]["PropoEncryAlgorithm"] = "SM4"; c["IPSECOptionsSpecification"]["EncryptAlgorithm"] = "SM4"; conns = [dict(c, VpnConnectionId="vpnx-sm4n%02d" % i) for i in range(12)]' \
    >"$TMP/sm4many.json"
run render -q --vendor strongswan --input "$TMP/sm4many.json"
is "$rc" 1 "twelve connections the target cannot take fail"
like "$(printf '%s\n' "$err" | tail -n 1)" '^cgwgen: \(and [0-9]+ more such problems\)$' \
    "and the list ends with a count of those not listed"
unlike "$err" "strongswan c$" "no line is cut in the middle"
like "$err" "strongswan cannot use SM4-CBC for ESP encryption; set IPSECOptionsSpecification.EncryptAlgorithm to AES-CBC-256 in Tencent Cloud" \
    "with the cloud-side fix"

# --- Alibaba Cloud and XML -------------------------------------------------

alibaba="$top_srcdir/tests/golden/cases/alibaba-single/input.xml"
run render -q --vendor libreswan --input "$alibaba" --output "$TMP/a.conf"
is "$rc" 0 "an Alibaba XML response renders for Libreswan"
is "$(ls "$TMP" | grep -c '^a\.')" 2 "into FILE and the .secrets beside it"
is "$(stat -c %a "$TMP/a.secrets")" 600 "the secrets file is mode 0600"
like "$(cat "$TMP/a.secrets")" ': PSK "' "holding the PSK line"

printf 'precious\n' >"$TMP/keep2.conf"
printf '<DescribeVpnConnectionResponse><VpnConnectionId>vco-x</VpnConnectionId>' \
    >"$TMP/cut.xml"
run render -q --vendor strongswan --input "$TMP/cut.xml" \
    --output "$TMP/keep2.conf"
is "$rc" 1 "a truncated XML response fails"
like "$err" "cut.xml:1: invalid XML" "with the file and line"
is "$(cat "$TMP/keep2.conf")" "precious" "and the existing file is untouched"

printf '<?xml version="1.0"?>\n<!DOCTYPE r [<!ENTITY x "y">]>\n<r>&x;</r>\n' \
    >"$TMP/dtd.xml"
run show --input "$TMP/dtd.xml"
is "$rc" 1 "an XML document with a DTD is refused"
like "$err" "document type declaration" "saying why"

download="$top_srcdir/tests/golden/cases/alibaba-download-single/input.json"
run show -q --input "$download"
is "$rc" 2 "a Download without --connection is a usage error"
like "$err" "give its id with one --connection" "that says what to add"

tencent_with 'c["IKEOptionsSpecification"]["IKESaLifetimeSeconds"] = 604800' \
    >"$TMP/longlife.json"
run render --vendor libreswan --input "$TMP/longlife.json"
is "$rc" 0 "a 7-day IKE lifetime renders for Libreswan"
like "$out" "ikelifetime=86400s" "capped at Libreswan's 24 hours"
like "$out" "rekeymargin=360s" "with a margin that fits the shorter SA"
like "$err" "libreswan keeps an IKE SA at most 86400 seconds, not 604800" \
    "and a warning says so"
run render -q --vendor strongswan --input "$TMP/longlife.json"
like "$out" "rekey_time = 544320s" "strongSwan keeps the cloud's lifetime"

"$CGWGEN" show -q --input "$example" --connection vpnx-df9oztok |
    sed 's/"prf":	"sha256"/"prf":	"sha512"/' >"$TMP/prf.json"
grep -q '"prf":	"sha512"' "$TMP/prf.json"
ok $? "(a hand-written model with a PRF of its own)"
run render -q --vendor strongswan --input "$TMP/prf.json"
like "$out" "proposals = aes256-sha256-prfsha512-modp2048" \
    "strongSwan writes a separate IKE PRF"
run render -q --vendor libreswan --input "$TMP/prf.json"
is "$rc" 1 "Libreswan, which cannot, refuses it"
like "$err" "libreswan cannot use HMAC-SHA2-512-256 as the IKE PRF with HMAC-SHA2-256-128 for integrity" \
    "saying so"

# --- selection, stdin, warnings ---------------------------------------

run render -q --vendor strongswan --input "$example" \
    --connection vpnx-eal8tpn2
is "$rc" 0 "--connection selects one connection"
like "$out" "vpnx-eal8tpn2 \{" "which is rendered"
unlike "$out" "vpnx-df9oztok" "and only that one"

"$CGWGEN" render -q --vendor strongswan --input - <"$example" >"$TMP/out" \
    2>"$TMP/err"
is "$?" 0 "--input - reads standard input"
like "$(cat "$TMP/out")" "vpnx-df9oztok \{" "and renders it"

run render --vendor strongswan --input "$example"
like "$err" "warning: vpnx-eal8tpn2: IKE DH group MODP-1024 \(group 2\) is weak" \
    "weak choices are warned about"
like "$err" "set IKEOptionsSpecification.DhGroupName to GROUP14 in Tencent Cloud" \
    "naming the cloud-side setting"
run render -q --vendor strongswan --input "$example"
is "$err" "" "-q silences warnings"

# --- output files ------------------------------------------------------

printf 'precious\n' >"$TMP/keep.conf"
run render -q --vendor strongswan --input "$TMP/badalg.json" \
    --output "$TMP/keep.conf"
is "$rc" 1 "a failing render with --output fails"
is "$(cat "$TMP/keep.conf")" "precious" "and leaves the existing file untouched"
is "$(ls -A "$TMP" | grep -c '^\.keep')" 0 "and no temporary file behind"

run render -q --vendor strongswan --input "$example" --output "$TMP/new.conf"
is "$rc" 0 "render --output succeeds"
is "$out" "" "writing nothing on stdout"
is "$(stat -c %a "$TMP/new.conf")" 600 "the file is mode 0600 under umask 022"
"$CGWGEN" render -q --vendor strongswan --input "$example" >"$TMP/stdout.conf"
cmp -s "$TMP/new.conf" "$TMP/stdout.conf"
ok $? "the file holds what stdout would"

run render -q --vendor strongswan --input "$example" --output "$TMP/keep.conf"
is "$(stat -c %a "$TMP/keep.conf")" 600 "a replaced file becomes mode 0600"
unlike "$(cat "$TMP/keep.conf")" "precious" "and holds the new content"

mkdir "$TMP/dir"
run render -q --vendor strongswan --input "$example" --output-dir "$TMP/dir"
is "$rc" 0 "--output-dir succeeds"
is "$(ls "$TMP/dir" | tr '\n' ' ')" "vpnx-df9oztok.conf vpnx-eal8tpn2.conf " \
    "with one file per connection, named after it"
is "$(stat -c %a "$TMP/dir/vpnx-eal8tpn2.conf")" 600 "each mode 0600"
unlike "$(cat "$TMP/dir/vpnx-eal8tpn2.conf")" "vpnx-df9oztok" \
    "each holding only its connection"
like "$(cat "$TMP/dir/vpnx-eal8tpn2.conf")" "if_id_in = 1" \
    "interface ids count route-based tunnels across the files"

run render -q --vendor strongswan --input "$example" \
    --output-dir "$TMP/missing-dir"
is "$rc" 1 "a missing --output-dir fails"
like "$err" "missing-dir" "naming it"

run show -q --input "$example" --output "$TMP/model.json"
is "$(stat -c %a "$TMP/model.json")" 600 "show --output writes mode 0600"
run render -q --vendor strongswan --input "$TMP/model.json"
cmp -s "$TMP/out" "$TMP/stdout.conf"
ok $? "the model from show renders the same configuration"

# --- templates are checked before any input is read --------------------

mkdir -p "$TMP/data/vendors" "$TMP/data/templates/strongswan"
cp "$top_srcdir/vendors/strongswan.json" "$TMP/data/vendors/"
sed 's/{{ike.dh}}/{{ike.dhgroup}}/' \
    "$top_srcdir/templates/strongswan/swanctl.conf.mustache" \
    >"$TMP/data/templates/strongswan/swanctl.conf.mustache"
run render --vendor strongswan --template-dir "$TMP/data" \
    --input "$TMP/nonexistent.json"
is "$rc" 1 "a template with an unknown variable fails"
like "$err" 'swanctl.conf.mustache:[0-9]+:[0-9]+: unknown variable "ike.dhgroup"' \
    "at its file:line:col, before the missing input is noticed"
CGWGEN_TEMPLATE_DIR="$TMP/data" "$CGWGEN" vendors >"$TMP/out" 2>"$TMP/err"
is "$?" 1 "cgwgen vendors fails on a broken template too"
printf '{{{psk}}}\n' >"$TMP/data/templates/strongswan/swanctl.conf.mustache"
run render --vendor strongswan --template-dir "$TMP/data" --input "$example"
like "$err" "raw interpolation" "raw {{{...}}} is refused in vendor templates"

cp "$top_srcdir/templates/strongswan/swanctl.conf.mustache" \
    "$TMP/data/templates/strongswan/"
sed 's/"interface"/"interfaces"/' "$top_srcdir/vendors/strongswan.json" \
    >"$TMP/data/vendors/strongswan.json"
run vendors --template-dir "$TMP/data"
is "$rc" 1 "a vendor data file with an unknown key is refused"
like "$err" 'unknown key "interfaces"' "naming the key"

# The data file's newer keys are checked like the others.
for bad in \
    's/"interface": "eth0",/"interface": "eth0", "device": { "zone": "a b" },/|device.zone: "a b" is not a name' \
    's/"interface": "eth0",/"interface": "eth0", "device": { "vrf": "x" },/|unknown key "vrf"' \
    's/"bare": "/"lossy": "?", "bare": "/|quoting.lossy: one character of quoting.bare' \
    's/"algorithms": {/"limits": { "ike_lifetime_min": 90000 }, "algorithms": {/|ike_lifetime_min' \
    's/"algorithms": {/"algorithms": { "ikev2": { "ike_cipher": {} },/|algorithms.ikev2: unknown map "ike_cipher"' \
    's/"algorithms": {/"algorithms": { "ikev1": { "esp_pfs": { "modp9999": "x" } },/|algorithms.ikev1.esp_pfs: "modp9999" is not'; do
	expr=${bad%%|*}
	msg=${bad#*|}
	sed "$expr" "$top_srcdir/vendors/strongswan.json" >"$TMP/data/vendors/strongswan.json"
	if cmp -s "$TMP/data/vendors/strongswan.json" "$top_srcdir/vendors/strongswan.json"; then
		ok 1 "vendor data, $msg: the test's edit applies"
		continue
	fi
	run vendors --template-dir "$TMP/data"
	is "$rc" 1 "vendor data, $msg: refused"
	case $err in *"$msg"*) ok 0 "vendor data: the message says $msg" ;;
	*) ok 1 "vendor data: the message says $msg"; diag "$err" ;;
	esac
done

cp "$top_srcdir/vendors/strongswan.json" "$TMP/data/vendors/"
sed 's/^        remote_addrs = {{remote.address}}$/&\n        # {{esp.pfs}}/' \
    "$top_srcdir/templates/strongswan/swanctl.conf.mustache" \
    >"$TMP/data/templates/strongswan/swanctl.conf.mustache"
run render --vendor strongswan --template-dir "$TMP/data" \
    --input "$TMP/nonexistent.json"
is "$rc" 1 "a template using a null value without a guard fails"
like "$err" 'swanctl.conf.mustache:[0-9]+:[0-9]+: variable "esp.pfs" is null here' \
    "at start-up, before the input is read"

printf '{{#connections}}{{>conn}}{{/connections}}\n' \
    >"$TMP/data/templates/strongswan/swanctl.conf.mustache"
printf '{{id}}{{#tunnels}} {{ike.version}}{{/tunnels}}\n' \
    >"$TMP/data/templates/strongswan/conn.mustache"
run render -q --vendor strongswan --template-dir "$TMP/data" \
    --input "$example"
is "$out" "vpnx-df9oztok 2
vpnx-eal8tpn2 1" "a partial is checked and rendered in its context"

run vendors
is "$rc" 0 "cgwgen vendors succeeds"
like "$out" "^strongswan +strongSwan" "and lists strongswan"

# --- values that try to inject configuration ---------------------------

tencent_with 'c["PreShareKey"] = "x\"\n}\nsecrets {\n ike-evil {\n secret = owned"' \
    >"$TMP/inject-psk.json"
run render -q --vendor strongswan --input "$TMP/inject-psk.json"
is "$rc" 0 "a PSK with quotes, braces and line breaks renders"
like "$out" "secret = 0x78220a7d0a" "hex-encoded, as one value"
unlike "$out" "ike-evil" "without adding a section"

tencent_with 'c["PreShareKey"] = "a\" } x { b"' >"$TMP/inject-psk2.json"
run render -q --vendor strongswan --input "$TMP/inject-psk2.json"
like "$out" 'secret = "a\\" } x \{ b"' "a PSK with a quote and braces is quoted"

tencent_with 'c["VpnConnectionName"] = "evil\nconnections { x { } }"' \
    >"$TMP/inject-name.json"
run render -q --vendor strongswan --input "$TMP/inject-name.json" \
    --output "$TMP/keep.conf"
is "$rc" 1 "a name with a line break is refused"
like "$err" "control characters" "saying why"

tencent_with 'c["VpnConnectionId"] = "vpnx-a.b"' >"$TMP/inject-id.json"
run render -q --vendor strongswan --input "$TMP/inject-id.json"
is "$rc" 1 "an id that is not a plain token is refused"

tencent_with 'c["IKEOptionsSpecification"]["RemoteIdentity"] = "FQDN"; c["IKEOptionsSpecification"]["RemoteFqdnName"] = "a b\" }"' \
    >"$TMP/inject-fqdn.json"
run render -q --vendor strongswan --input "$TMP/inject-fqdn.json"
is "$rc" 1 "an FQDN identity that is not a host name is refused"
like "$err" "is not a host name" "saying why"

done_testing
