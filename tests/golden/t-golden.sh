#!/bin/sh
# Golden files. Each directory cases/NAME holds:
#   input.json      the input (or input-from: a path below top_srcdir);
#   input.xml       the same input in XML: when both are there, each must
#                   give exactly the expected files
#   args            extra arguments for show and render (optional)
#   model.json      what `cgwgen show` must print
#   warnings        what it must print on stderr (may be empty)
#   VENDOR.out      what `cgwgen render --vendor VENDOR` must print
#   VENDOR.err      for a render that must fail: its exact stderr
# Every model.json is also rendered back (--cloud model) and must give
# the same VENDOR.out: the model format loses nothing a target needs.
# UPDATE_GOLDEN=1 rewrites the expected files; review the diff like code.
# GOLDEN_CASES='spd-* example' limits the run to the cases named (globs).
# GOLDEN_VENDORS='cisco-ios' limits the vendors whose files are checked,
# and with UPDATE_GOLDEN=1 rewrites only theirs (not models, warnings).

. "${top_srcdir:-$(dirname "$0")/../..}/tests/lib.sh"

cases="$top_srcdir/tests/golden/cases"
update=${UPDATE_GOLDEN:-}

# compare EXPECTED-FILE ACTUAL-FILE DESCRIPTION [VENDOR]
compare() {
	if [ -n "$update" ] && { [ -z "${GOLDEN_VENDORS:-}" ] ||
	    [ -n "${4:-}" ]; }; then
		cp "$2" "$1"
	fi
	if [ -f "$1" ] && diff -u "$1" "$2" >"$TMP/diff" 2>&1; then
		ok 0 "$3"
	else
		ok 1 "$3"
		[ -f "$1" ] || diag "missing $1 (UPDATE_GOLDEN=1 creates it)"
		diag "$(head -n 60 "$TMP/diff")"
	fi
}

# check_case NAME DIR INPUT: every expectation of the case, for one input.
check_case() {
	name=$1
	dir=$2
	input=$3
	args=
	[ -f "$dir/args" ] && args=$(cat "$dir/args")

	if [ -f "$dir/model.json" ] || [ -n "$update" ]; then
		# shellcheck disable=SC2086
		"$CGWGEN" show --input "$input" $args >"$TMP/model.json" \
		    2>"$TMP/warnings"
		shown=$?
	fi
	# An input that cannot be shown has no model to keep, even when
	# updating: only its *.err expectations apply.
	if [ -f "$dir/model.json" ] || { [ -n "$update" ] &&
	    [ "$shown" -eq 0 ]; }; then
		ok "$shown" "$name: show succeeds"
		compare "$dir/model.json" "$TMP/model.json" "$name: model"
		sed -e "s|$top_srcdir/||g" -e 's|input\.xml|input.json|g' \
		    -e 's|//input|/input|g' "$TMP/warnings" >"$TMP/warnings.rel"
		compare "$dir/warnings" "$TMP/warnings.rel" "$name: warnings"
	fi

	for expect in "$dir"/*.out "$dir"/*.err; do
		[ -f "$expect" ] || continue
		file=$(basename "$expect")
		vendor=${file%.*}
		if [ -n "${GOLDEN_VENDORS:-}" ]; then
			case " $GOLDEN_VENDORS " in
			*" $vendor "*) ;;
			*) continue ;;
			esac
		fi
		# shellcheck disable=SC2086
		"$CGWGEN" render -q --vendor "$vendor" --input "$input" \
		    $args >"$TMP/out" 2>"$TMP/err"
		status=$?
		case $file in
		*.out)
			ok $status "$name: render $vendor succeeds"
			compare "$expect" "$TMP/out" "$name: $vendor output" \
			    "$vendor"
			[ -s "$TMP/err" ] && diag "$(cat "$TMP/err")"
			if [ -f "$dir/model.json" ]; then
				"$CGWGEN" render -q --vendor "$vendor" \
				    --cloud model --input "$dir/model.json" \
				    >"$TMP/out2" 2>"$TMP/err2"
				ok $? "$name: render $vendor from model.json"
				cmp -s "$expect" "$TMP/out2"
				ok $? "$name: $vendor output from model.json is the same"
			fi
			;;
		*.err)
			[ "$status" -eq 1 ] || [ "$status" -eq 2 ]
			ok $? "$name: render $vendor fails"
			sed -e "s|$top_srcdir/||g" -e 's|input\.xml|input.json|g' \
			    -e 's|//input|/input|g' "$TMP/err" >"$TMP/err.rel"
			compare "$expect" "$TMP/err.rel" "$name: $vendor error" \
			    "$vendor"
			[ -s "$TMP/out" ]
			[ $? -ne 0 ]
			ok $? "$name: nothing on stdout"
			;;
		esac
	done
}

for dir in "$cases"/*/; do
	dir=${dir%/}
	name=$(basename "$dir")
	if [ -n "${GOLDEN_CASES:-}" ]; then
		wanted=
		for pattern in $GOLDEN_CASES; do
			# shellcheck disable=SC2254
			case $name in $pattern) wanted=1 ;; esac
		done
		[ -n "$wanted" ] || continue
	fi
	if [ -f "$dir/input-from" ]; then
		check_case "$name" "$dir" "$top_srcdir/$(cat "$dir/input-from")"
		continue
	fi
	[ -f "$dir/input.json" ] && check_case "$name" "$dir" "$dir/input.json"
	# The XML form is compared with what the JSON form wrote.
	if [ -f "$dir/input.xml" ]; then
		saved=$update
		[ -f "$dir/input.json" ] && update=
		check_case "$name (xml)" "$dir" "$dir/input.xml"
		update=$saved
	fi
done

done_testing
