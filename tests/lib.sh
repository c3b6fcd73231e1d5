# Shared helpers for the shell tests: TAP output, a private temporary
# directory removed on exit, and the paths make check passes in.
# Source it with: . "${top_srcdir:-.}/tests/lib.sh"

set -u
: "${top_srcdir:=$(cd "$(dirname "$0")/../.." 2>/dev/null && pwd)}"
: "${top_builddir:=$top_srcdir}"
: "${CGWGEN:=$top_builddir/cgwgen}"
export top_srcdir top_builddir CGWGEN

tap_n=0
tap_failed=0

# ok CONDITION-STATUS DESCRIPTION: pass when the status is 0.
ok() {
	tap_n=$((tap_n + 1))
	if [ "$1" -eq 0 ]; then
		echo "ok $tap_n - $2"
	else
		echo "not ok $tap_n - $2"
		tap_failed=$((tap_failed + 1))
	fi
}

# is GOT WANT DESCRIPTION
is() {
	if [ "$1" = "$2" ]; then
		ok 0 "$3"
	else
		ok 1 "$3"
		diag "got:  $1"
		diag "want: $2"
	fi
}

# like TEXT PATTERN DESCRIPTION: TEXT matches the grep -E PATTERN.
like() {
	if printf '%s\n' "$1" | grep -Eq -- "$2"; then
		ok 0 "$3"
	else
		ok 1 "$3"
		diag "text: $1"
		diag "does not match: $2"
	fi
}

# unlike TEXT PATTERN DESCRIPTION
unlike() {
	if printf '%s\n' "$1" | grep -Eq -- "$2"; then
		ok 1 "$3"
		diag "text: $1"
		diag "matches: $2"
	else
		ok 0 "$3"
	fi
}

diag() {
	printf '%s\n' "$*" | sed 's/^/# /'
}

skip() {
	tap_n=$((tap_n + 1))
	echo "ok $tap_n # SKIP $*"
}

skip_all() {
	echo "1..0 # SKIP $*"
	exit 0
}

done_testing() {
	echo "1..$tap_n"
	[ "$tap_failed" -eq 0 ]
}

# A private directory, removed when the test exits.
TMP=$(mktemp -d "${TMPDIR:-/tmp}/cgwgen-test.XXXXXX") || exit 99
cleanup_tmp() { rm -rf "$TMP"; }
trap cleanup_tmp EXIT

# run ARGS...: run cgwgen, keeping stdout in $TMP/out, stderr in
# $TMP/err and the exit status in $rc.
run() {
	"$CGWGEN" "$@" >"$TMP/out" 2>"$TMP/err"
	rc=$?
	out=$(cat "$TMP/out")
	err=$(cat "$TMP/err")
}
