#!/bin/sh
# Perspective test: pairs of golden cases (listed in same-model, one pair
# "CASE-A CASE-B" a line) that describe the same connection in two forms,
# such as Alibaba Cloud's DescribeVpnConnection (written from the cloud's
# side) and DownloadVpnConnectionConfig (from the customer's side). Both
# must give the same model, apart from what only one form carries (the
# connection's name, vpn_gateway_id and customer_gateway_id, and each
# tunnel's role), and the same strongSwan configuration apart from its
# comments. Every input of a case (input.json, input.xml, input-from) is
# compared with the first input of CASE-A, each with its case's args.

. "${top_srcdir:-$(dirname "$0")/../..}/tests/lib.sh"

cases="$top_srcdir/tests/golden/cases"
pairs="$top_srcdir/tests/golden/same-model"
: "${PYTHON3:=python3}"

command -v "$PYTHON3" >/dev/null 2>&1 || skip_all "no python3"
[ -f "$pairs" ] || skip_all "no $pairs"

# inputs CASE: the case's input files, one a line.
inputs() {
	if [ -f "$cases/$1/input-from" ]; then
		echo "$top_srcdir/$(cat "$cases/$1/input-from")"
	fi
	for f in "$cases/$1/input.json" "$cases/$1/input.xml"; do
		[ -f "$f" ] && echo "$f"
	done
}

# args CASE: the case's extra arguments.
args() {
	[ -f "$cases/$1/args" ] && cat "$cases/$1/args"
}

# strip MODEL OUT: the model without what only one form carries.
strip() {
	"$PYTHON3" - "$1" "$2" <<'PY'
import json, sys
with open(sys.argv[1]) as f:
    model = json.load(f)
for conn in model.get("connections", []):
    for key in ("name", "vpn_gateway_id", "customer_gateway_id"):
        conn.pop(key, None)
    for tunnel in conn.get("tunnels", []):
        tunnel.pop("role", None)
with open(sys.argv[2], "w") as f:
    json.dump(model, f, indent=2, sort_keys=True)
    f.write("\n")
PY
}

# run_case CASE INPUT TAG: show and render INPUT into $TMP/TAG.*
run_case() {
	# shellcheck disable=SC2046
	"$CGWGEN" show --input "$2" $(args "$1") </dev/null \
	    >"$TMP/$3.model" 2>"$TMP/$3.err"
	show_status=$?
	# shellcheck disable=SC2046
	"$CGWGEN" render -q --vendor strongswan --input "$2" $(args "$1") \
	    </dev/null >"$TMP/$3.out" 2>>"$TMP/$3.err"
	render_status=$?
}

npairs=0
while read -r a b rest; do
	case $a in
	''|'#'*) continue ;;
	esac
	npairs=$((npairs + 1))
	if [ -z "$b" ] || [ -n "$rest" ]; then
		ok 1 "same-model: line \"$a $b $rest\" is not a pair"
		continue
	fi
	if [ ! -d "$cases/$a" ] || [ ! -d "$cases/$b" ]; then
		ok 1 "$a = $b: both cases exist"
		continue
	fi
	ref=$(inputs "$a" | head -n 1)
	if [ -z "$ref" ]; then
		ok 1 "$a: has an input"
		continue
	fi
	run_case "$a" "$ref" ref
	ok "$show_status" "$a ($(basename "$ref")): show succeeds"
	[ "$show_status" -eq 0 ] || diag "$(cat "$TMP/ref.err")"
	ok "$render_status" "$a ($(basename "$ref")): render strongswan succeeds"
	strip "$TMP/ref.model" "$TMP/ref.stripped" 2>"$TMP/strip.err"
	ok $? "$a ($(basename "$ref")): the model is JSON"
	grep -v '^[[:space:]]*#' "$TMP/ref.out" >"$TMP/ref.conf"

	{ inputs "$a" | sed 1d; inputs "$b"; } >"$TMP/others"
	while IFS= read -r other; do
		case $other in
		"$cases/$a/"*) name=$a ;;
		*) name=$b ;;
		esac
		what="$name ($(basename "$other")) = $a ($(basename "$ref"))"
		run_case "$name" "$other" other
		ok "$show_status" "$what: show succeeds"
		[ "$show_status" -eq 0 ] || diag "$(cat "$TMP/other.err")"
		if strip "$TMP/other.model" "$TMP/other.stripped" \
		    2>"$TMP/strip.err" && diff -u "$TMP/ref.stripped" \
		    "$TMP/other.stripped" >"$TMP/diff" 2>&1; then
			ok 0 "$what: same model"
		else
			ok 1 "$what: same model"
			[ -s "$TMP/strip.err" ] && diag "$(cat "$TMP/strip.err")"
			diag "$(head -n 60 "$TMP/diff")"
		fi
		ok "$render_status" "$what: render strongswan succeeds"
		grep -v '^[[:space:]]*#' "$TMP/other.out" >"$TMP/other.conf"
		if diff -u "$TMP/ref.conf" "$TMP/other.conf" >"$TMP/diff" 2>&1
		then
			ok 0 "$what: same strongSwan configuration"
		else
			ok 1 "$what: same strongSwan configuration"
			diag "$(head -n 60 "$TMP/diff")"
		fi
	done <"$TMP/others"
done <"$pairs"

[ "$npairs" -gt 0 ]
ok $? "same-model lists at least one pair"

done_testing
