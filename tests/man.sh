#!/bin/sh
# The manual pages: mandoc -Tlint finds nothing to say about them, and
# they keep up with the code: every long option of --help is in cgwgen(1),
# every key of the model JSON in cgwgen-model(5), every name of the
# template view (derived from src/view.c) in cgwgen-template(5).
#
# make check passes CGWGEN, top_srcdir, MANDOC and PYTHON3; by hand, from
# the source tree: sh tests/man.sh

. "${top_srcdir:-$(dirname "$0")/..}/tests/lib.sh"
: "${MANDOC:=}"
: "${PYTHON3:=}"
LC_ALL=C
export LC_ALL

if [ -z "$MANDOC" ]; then
	MANDOC=$(command -v mandoc 2>/dev/null) || MANDOC=
fi
if [ -z "$MANDOC" ]; then
	skip_all "mandoc not found"
fi
[ -n "$PYTHON3" ] || PYTHON3=python3

man="$top_srcdir/man"
pages="cgwgen.1 cgwgen-model.5 cgwgen-template.5"
tmp=$TMP

# diag_file FILE: show FILE as TAP comments.
diag_file() {
	diag "$(cat "$1")"
}

# missing NAMES-FILE FOUND-FILE: the names of the first not in the second.
missing() {
	sort -u "$1" >"$tmp/want"
	sort -u "$2" >"$tmp/have"
	comm -23 "$tmp/want" "$tmp/have"
}

# Lint: nothing at warning level or above, and exit status 0.
for page in $pages; do
	"$MANDOC" -Tlint -Wwarning "$man/$page" >"$tmp/lint" 2>&1
	status=$?
	if [ "$status" -eq 0 ] && [ ! -s "$tmp/lint" ]; then
		ok 0 "mandoc -Tlint $page"
	else
		ok 1 "mandoc -Tlint $page (exit $status)"
		diag_file "$tmp/lint"
	fi
done

# Every long option of --help appears as "Fl -name" in cgwgen(1).
if "$CGWGEN" --help >"$tmp/help" 2>&1; then
	grep -o -- '--[a-z][a-z0-9-]*' "$tmp/help" | sed 's/^--//' | sort -u \
	    >"$tmp/options"
	grep -o 'Fl -[a-z][a-z0-9-]*' "$man/cgwgen.1" | sed 's/^Fl -//' \
	    >"$tmp/documented"
	missing "$tmp/options" "$tmp/documented" >"$tmp/absent"
	if [ -s "$tmp/options" ] && [ ! -s "$tmp/absent" ]; then
		ok 0 "cgwgen.1 documents every option of --help"
	else
		ok 1 "cgwgen.1 documents every option of --help"
		echo "not in cgwgen.1 (or no option found):" >"$tmp/msg"
		sed 's/^/  --/' "$tmp/absent" >>"$tmp/msg"
		diag_file "$tmp/msg"
	fi
else
	ok 1 "cgwgen.1 documents every option of --help ($CGWGEN --help failed)"
	diag_file "$tmp/help"
fi

# Every option of the parser's table (src/cli.c) is in --help, so that the
# check above covers them all.
sed -n 's/^[[:space:]]*{ "\([a-z][a-z0-9-]*\)",[[:space:]]*[01],.*/\1/p' \
    "$top_srcdir/src/cli.c" | sort -u >"$tmp/table"
grep -o -- '--[a-z][a-z0-9-]*' "$tmp/help" | sed 's/^--//' | sort -u \
    >"$tmp/inhelp"
missing "$tmp/table" "$tmp/inhelp" >"$tmp/absent"
if [ "$(wc -l <"$tmp/table")" -gt 20 ] && [ ! -s "$tmp/absent" ]; then
	ok 0 "--help lists every option of src/cli.c's table"
else
	ok 1 "--help lists every option of src/cli.c's table"
	echo "not in --help (or the table was not found):" >"$tmp/msg"
	sed 's/^/  --/' "$tmp/absent" >>"$tmp/msg"
	diag_file "$tmp/msg"
fi

# Every key of the model JSON appears as "Cm key" in cgwgen-model(5): the
# keys of the shipped example's model, and of the golden cases' models
# (which have BGP and the other keys the example lacks).
example="$top_srcdir/examples/tencent-describe-vpn-connections.json"
if "$CGWGEN" show -q --input "$example" >"$tmp/model-0.json" 2>"$tmp/err"
then
	i=1
	for dir in "$top_srcdir"/tests/golden/cases/*/; do
		[ -f "$dir/input.json" ] || continue
		args=
		[ -f "$dir/args" ] && args=$(cat "$dir/args")
		# shellcheck disable=SC2086
		"$CGWGEN" show -q --input "$dir/input.json" $args \
		    >"$tmp/model-$i.json" 2>/dev/null || rm -f "$tmp/model-$i.json"
		i=$((i + 1))
	done
	if "$PYTHON3" -c '
import json, sys
def keys(v):
    if isinstance(v, dict):
        for k, x in v.items():
            print(k)
            keys(x)
    elif isinstance(v, list):
        for x in v:
            keys(x)
for f in sys.argv[1:]:
    with open(f) as fp:
        keys(json.load(fp))
' "$tmp"/model-*.json >"$tmp/keys" 2>"$tmp/err"; then
		grep -o 'Cm [A-Za-z0-9_-]*' "$man/cgwgen-model.5" | \
		    sed 's/^Cm //' >"$tmp/documented"
		missing "$tmp/keys" "$tmp/documented" >"$tmp/absent"
		if [ -s "$tmp/keys" ] && [ ! -s "$tmp/absent" ]; then
			ok 0 "cgwgen-model.5 documents every key of the model"
		else
			ok 1 "cgwgen-model.5 documents every key of the model"
			echo "not in cgwgen-model.5 (or no key found):" \
			    >"$tmp/msg"
			sed 's/^/  /' "$tmp/absent" >>"$tmp/msg"
			diag_file "$tmp/msg"
		fi
	else
		ok 1 "cgwgen-model.5 documents every key of the model ($PYTHON3 failed)"
		diag_file "$tmp/err"
	fi
else
	ok 1 "cgwgen-model.5 documents every key of the model (show failed)"
	diag_file "$tmp/err"
fi

# Every name of the view appears in an ".It Va" line of cgwgen-template(5),
# as itself or as the last part of a dotted name. The names are those that
# src/view.c sets with val_set(..., "name", ...), and the algorithm names
# of add_alg(..., "name", ...) with each suffix add_alg appends.
view="$top_srcdir/src/view.c"
sed -n 's/.*val_set([^,]*, *"\([A-Za-z0-9_]*\)".*/\1/p' "$view" \
    >"$tmp/names"
suffixes=$(sed -n 's/.*"%s_\([A-Za-z0-9_]*\)".*/\1/p' "$view")
for alg in $(sed -n 's/.*add_alg([^,]*, *[^,]*, *"\([A-Za-z0-9_]*\)".*/\1/p' \
    "$view"); do
	echo "$alg"
	for suffix in $suffixes; do
		echo "${alg}_$suffix"
	done
done >>"$tmp/names"
sed -n 's/^\.It Va //p' "$man/cgwgen-template.5" | tr ' ,' '\n\n' | \
    sed 's/.*\.//' | grep -v '^$' >"$tmp/documented"
missing "$tmp/names" "$tmp/documented" >"$tmp/absent"
if [ "$(wc -l <"$tmp/names")" -gt 50 ] && [ ! -s "$tmp/absent" ]; then
	ok 0 "cgwgen-template.5 documents every name of the view"
else
	ok 1 "cgwgen-template.5 documents every name of the view"
	echo "not in cgwgen-template.5 (or too few names found in $view):" \
	    >"$tmp/msg"
	sed 's/^/  /' "$tmp/absent" >>"$tmp/msg"
	diag_file "$tmp/msg"
fi

done_testing
