#!/bin/sh
# Round trip through H3C Comware: for every golden case that has an
# h3c-comware.out, that output, read back with `cgwgen show --cloud
# comware`, must give the model it was rendered from (`cgwgen show` of the
# case's input with its args), and every line of it must be read.
#
# The two models are compared after removing only what Comware text cannot
# hold, each for a reason of the device, not of cgwgen:
#   connection name, cloud, region, vpn_gateway_id, customer_gateway_id,
#       vpc_id: the cloud's bookkeeping; no Comware command holds it (the
#       connection id and each tunnel's role are kept: the output's header
#       comment names them, and the importer reads it back);
#   local_address: where the cloud expects this device; Comware takes its
#       own address from the outside interface (the policy's interface, the
#       tunnel's source), whose configuration is the device's own and is not
#       written, and behind NAT it is not that address anyway;
#   initiator: Comware starts IKE on traffic and always answers; it has no
#       setting for who brings the tunnel up;
#   nat_traversal: Comware detects NAT by itself; no setting turns it off;
#   dpd timeout and action: Comware declares the peer dead a fixed three
#       retries (5 s apart by default) after an unanswered probe, and then
#       clears the SAs; only the probe interval is a setting (and with DPD
#       off, no DPD value at all);
#   esp lifetime_kb null: Comware always has a volume lifetime; without one
#       of the cloud's, its default, 1843200 KB, applies and reads back;
#   traffic selectors of a route-based tunnel: a Comware IPsec tunnel
#       interface protects what is routed into it and negotiates any to
#       any; compared as 0.0.0.0/0 both ways.
# Everything else (ids, roles, addresses, identities, keys, algorithms,
# lifetimes, selectors of policy-based tunnels, routing and BGP) must match.

. "${top_srcdir:-$(dirname "$0")/../..}/tests/lib.sh"

cases="$top_srcdir/tests/golden/cases"
: "${PYTHON3:=python3}"

# input CASE-DIR: the case's input, as t-golden.sh takes it.
input() {
	if [ -f "$1/input-from" ]; then
		echo "$top_srcdir/$(cat "$1/input-from")"
	elif [ -f "$1/input.json" ]; then
		echo "$1/input.json"
	elif [ -f "$1/input.xml" ]; then
		echo "$1/input.xml"
	fi
}

# show_args ARGS...: the case's args that show takes too; render's own
# options (the device-local facts and output choices) and their values
# are left out.
show_args() {
	while [ $# -gt 0 ]; do
		case $1 in
		--vendor|-o|--output|--output-dir|--interface|--if-id|\
		--tunnel-number|--acl-number|--zone|--inside-zone|\
		--tunnel-zone|--vrf|--template-dir)
			if [ $# -ge 2 ]; then shift 2; else shift; fi
			continue ;;
		esac
		printf '%s\n' "$1"
		shift
	done
}

# normalize MODEL OUT: the model without what Comware text cannot hold.
normalize() {
	"$PYTHON3" - "$1" "$2" <<'PY'
import json, sys
with open(sys.argv[1]) as f:
    model = json.load(f)
for conn in model.get("connections", []):
    for key in ("name", "cloud", "region", "vpn_gateway_id",
                "customer_gateway_id", "vpc_id"):
        conn.pop(key, None)
    for tunnel in conn.get("tunnels", []):
        for key in ("local_address", "initiator", "nat_traversal"):
            tunnel.pop(key, None)
        dpd = tunnel.get("dpd", {})
        dpd.pop("timeout", None)
        dpd.pop("action", None)
        if not dpd.get("enabled"):
            dpd.pop("interval", None)
        esp = tunnel.get("esp", {})
        if esp.get("lifetime_kb") is None:
            esp["lifetime_kb"] = 1843200
        if tunnel.get("routing", {}).get("mode") != "policy":
            tunnel["traffic_selectors"] = [
                {"local": "0.0.0.0/0", "remote": "0.0.0.0/0"}]
with open(sys.argv[2], "w") as f:
    json.dump(model, f, indent=2, sort_keys=True)
    f.write("\n")
PY
}

if ! command -v "$PYTHON3" >/dev/null 2>&1; then
	ok 1 "$PYTHON3 is needed to compare the models"
	done_testing
	exit 1
fi

ncases=0
for dir in "$cases"/*/; do
	dir=${dir%/}
	name=$(basename "$dir")
	[ -f "$dir/h3c-comware.out" ] || continue
	ncases=$((ncases + 1))
	in=$(input "$dir")
	args=
	# shellcheck disable=SC2046
	[ -f "$dir/args" ] && args=$(show_args $(cat "$dir/args"))

	# shellcheck disable=SC2086
	"$CGWGEN" show --input "$in" $args </dev/null >"$TMP/from.json" \
	    2>"$TMP/from.err"
	st=$?
	ok $st "$name: show of the input succeeds"
	[ $st -eq 0 ] || diag "$(cat "$TMP/from.err")"

	"$CGWGEN" show --cloud comware --input "$dir/h3c-comware.out" \
	    </dev/null >"$TMP/back.json" 2>"$TMP/back.err"
	st=$?
	ok $st "$name: h3c-comware.out reads back"
	[ $st -eq 0 ] || diag "$(cat "$TMP/back.err")"

	if grep -q 'not read:' "$TMP/back.err"; then
		ok 1 "$name: every line of h3c-comware.out is read"
		diag "$(grep 'not read:' "$TMP/back.err" | head -n 20)"
	else
		ok 0 "$name: every line of h3c-comware.out is read"
	fi

	if normalize "$TMP/from.json" "$TMP/from.norm" 2>"$TMP/norm.err" &&
	    normalize "$TMP/back.json" "$TMP/back.norm" 2>>"$TMP/norm.err" &&
	    diff -u "$TMP/from.norm" "$TMP/back.norm" >"$TMP/diff" 2>&1; then
		ok 0 "$name: the same model"
	else
		ok 1 "$name: the same model"
		[ -s "$TMP/norm.err" ] && diag "$(cat "$TMP/norm.err")"
		diag "$(head -n 60 "$TMP/diff")"
	fi
done

[ "$ncases" -gt 0 ]
ok $? "some cases have an h3c-comware.out ($ncases)"

done_testing
