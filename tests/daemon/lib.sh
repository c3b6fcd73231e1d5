# Shared helpers for the real-daemon tests (POSIX sh; source it, do not run it).
#
# Two parts:
#   dt_*  namespaces, wires, addresses, cleanup, TAP output: daemon-neutral, so a
#         Libreswan test can reuse them.
#   sw_*  one strongSwan charon per namespace (kernel-libipsec: this kernel has no
#         ESP, so ESP is carried in UDP through a TUN device by charon itself).
#
# Every namespace, daemon and temporary file is recorded when it is created and
# removed by dt_cleanup (installed as an EXIT trap by dt_init). Only pids this
# test started are ever signalled.

CHARON=${CHARON:-/usr/lib/ipsec/charon}
SWANCTL=${SWANCTL:-swanctl}
SW_PLUGINDIR=${SW_PLUGINDIR:-/usr/lib/ipsec/plugins}

DT_TMP=
DT_NETNS=
DT_PIDS=
DT_TESTNUM=0
DT_FAILED=0

# ---------------------------------------------------------------- TAP

dt_ok()        # dt_ok DESCRIPTION
{
	DT_TESTNUM=$((DT_TESTNUM + 1))
	echo "ok $DT_TESTNUM - $1"
}

dt_not_ok()    # dt_not_ok DESCRIPTION
{
	DT_TESTNUM=$((DT_TESTNUM + 1))
	DT_FAILED=$((DT_FAILED + 1))
	echo "not ok $DT_TESTNUM - $1"
}

dt_skip()      # dt_skip DESCRIPTION REASON
{
	DT_TESTNUM=$((DT_TESTNUM + 1))
	echo "ok $DT_TESTNUM - $1 # SKIP $2"
}

dt_diag()      # dt_diag TEXT...  (each line of the arguments, or of stdin if none)
{
	if [ $# -gt 0 ]; then
		printf '%s\n' "$*" | sed 's/^/# /'
	else
		sed 's/^/# /'
	fi
}

dt_plan_done()
{
	echo "1..$DT_TESTNUM"
}

# ---------------------------------------------------------------- prerequisites

# dt_skip_reason: prints why namespace tests cannot run here (nothing if they can).
dt_skip_reason()
{
	if [ "$(id -u)" != 0 ]; then
		echo "needs root (network namespaces)"; return
	fi
	for dt_c in ip unshare mount ping mktemp; do
		command -v "$dt_c" >/dev/null 2>&1 ||
			{ echo "needs $dt_c"; return; }
	done
	if ! ip netns list >/dev/null 2>&1; then
		echo "ip netns does not work"; return
	fi
	dt_probe=cgwprobe$$
	if ! ip netns add "$dt_probe" >/dev/null 2>&1; then
		echo "cannot create a network namespace"; return
	fi
	dt_r=
	ip -n "$dt_probe" link add dtp0 type veth peer name dtp1 >/dev/null 2>&1 ||
		dt_r="cannot create a veth pair inside a namespace"
	ip netns del "$dt_probe" >/dev/null 2>&1
	[ -n "$dt_r" ] && echo "$dt_r"
}

# sw_skip_reason: prints why charon-based tests cannot run here.
sw_skip_reason()
{
	[ -x "$CHARON" ] || { echo "no charon at $CHARON (strongswan-charon)"; return; }
	command -v "$SWANCTL" >/dev/null 2>&1 ||
		{ echo "no swanctl (strongswan-swanctl)"; return; }
	[ -e "$SW_PLUGINDIR/libstrongswan-kernel-libipsec.so" ] ||
		{ echo "no kernel-libipsec plugin (libcharon-extra-plugins)"; return; }
	[ -e "$SW_PLUGINDIR/libstrongswan-vici.so" ] ||
		{ echo "no vici plugin"; return; }
	[ -c /dev/net/tun ] || { echo "no /dev/net/tun (kernel-libipsec needs TUN)"; return; }
}

# ---------------------------------------------------------------- lifecycle

# dt_init: make the private temp dir and install the cleanup trap.
dt_init()
{
	DT_TMP=$(mktemp -d "${TMPDIR:-/tmp}/cgw-daemon.XXXXXX") || exit 99
	trap 'dt_cleanup' EXIT
	trap 'exit 130' INT
	trap 'exit 143' TERM
	trap 'exit 129' HUP
}

# dt_cleanup: stop our daemons, delete our namespaces, remove our files.
dt_cleanup()
{
	dt_kill_pids $DT_PIDS
	DT_PIDS=
	for dt_n in $DT_NETNS; do
		ip netns del "$dt_n" 2>/dev/null
	done
	DT_NETNS=
	if [ -n "$DT_TMP" ] && [ -z "${DT_KEEP:-}" ]; then
		rm -rf "$DT_TMP"
	elif [ -n "$DT_TMP" ]; then
		echo "# DT_KEEP set: files left in $DT_TMP" >&2
	fi
	DT_TMP=
}

# dt_kill_pids PID...: TERM, wait up to ~3 s, then KILL; only the pids given.
dt_kill_pids()
{
	[ $# -gt 0 ] || return 0
	for dt_p in "$@"; do kill -TERM "$dt_p" 2>/dev/null; done
	dt_i=0
	while [ $dt_i -lt 30 ]; do
		dt_alive=
		for dt_p in "$@"; do
			kill -0 "$dt_p" 2>/dev/null && dt_alive=1
		done
		[ -z "$dt_alive" ] && break
		sleep 0.1
		dt_i=$((dt_i + 1))
	done
	for dt_p in "$@"; do
		kill -0 "$dt_p" 2>/dev/null && kill -KILL "$dt_p" 2>/dev/null
		wait "$dt_p" 2>/dev/null
	done
	return 0
}

dt_forget_pid()  # dt_forget_pid PID: drop it from the cleanup list
{
	dt_new=
	for dt_p in $DT_PIDS; do
		[ "$dt_p" = "$1" ] || dt_new="$dt_new $dt_p"
	done
	DT_PIDS=$dt_new
}

# ---------------------------------------------------------------- namespaces

# dt_ns_add NAME: create a namespace (recorded for cleanup), lo up, and
# no reverse-path filter (the wire joins two "public" subnets by onlink routes).
dt_ns_add()
{
	ip netns add "$1" || return 1
	DT_NETNS="$DT_NETNS $1"
	ip -n "$1" link set lo up || return 1
	ip netns exec "$1" sh -c '
		echo 0 > /proc/sys/net/ipv4/conf/all/rp_filter
		echo 0 > /proc/sys/net/ipv4/conf/default/rp_filter' 2>/dev/null
	return 0
}

dt_ns_del()      # dt_ns_del NAME
{
	ip netns del "$1" 2>/dev/null
	dt_new=
	for dt_n in $DT_NETNS; do
		[ "$dt_n" = "$1" ] || dt_new="$dt_new $dt_n"
	done
	DT_NETNS=$dt_new
}

# dt_wire NS1 IF1 NS2 IF2: a veth pair created directly inside the two
# namespaces (so the names never meet in the root namespace), both ends up.
dt_wire()
{
	ip link add name "$2" netns "$1" type veth peer name "$4" netns "$3" ||
		return 1
	ip -n "$1" link set "$2" up && ip -n "$3" link set "$4" up
}

# dt_addr NS DEV ADDR/LEN: add an address.
dt_addr()
{
	ip -n "$1" addr add "$3" dev "$2"
}

# dt_lo_addr NS ADDR: a host address on lo (no dummy links in this kernel),
# standing for a host inside a protected subnet. Adding it twice is fine.
dt_lo_addr()
{
	ip -n "$1" addr show dev lo | grep -q " $2/" && return 0
	ip -n "$1" addr add "$2/32" dev lo
}

# dt_onlink NS PREFIX DEV: reach another "public" subnet straight over the wire.
dt_onlink()
{
	ip -n "$1" route add "$2" dev "$3"
}

# dt_ping NS SRC DST: two pings 0.2 s apart, 2 s timeout; true if one answered.
dt_ping()
{
	ip netns exec "$1" ping -n -c 2 -i 0.2 -W 2 -I "$2" "$3" 2>&1
}

# dt_poll SECONDS COMMAND...: run COMMAND every 0.2 s until it succeeds or
# SECONDS have passed (it is always tried at least once).
dt_poll()
{
	dt_end=$(( $(date +%s) + $1 )); shift
	while :; do
		"$@" && return 0
		[ "$(date +%s)" -ge "$dt_end" ] && return 1
		sleep 0.2
	done
}

# dt_tail FILE LABEL [LINES]: last lines of a log as TAP diagnostics.
dt_tail()
{
	if [ -s "$1" ]; then
		echo "# ---- last ${3:-40} lines of $2 ----"
		tail -n "${3:-40}" "$1" | sed 's/^/#   /'
	else
		echo "# ---- $2: empty or missing ($1) ----"
	fi
}

# ---------------------------------------------------------------- strongSwan

# sw_write_conf DIR [EXTRA-FILE]: a private strongswan.conf in DIR for a charon
# whose VICI socket is DIR/charon.vici and whose log is DIR/charon.log.
# EXTRA-FILE (optional) is included at the end; strongswan.conf merges
# sections of the same name, so it may hold e.g. "charon { x = y }".
sw_write_conf()
{
	sw_d=$1
	mkdir -p "$sw_d" || return 1
	cat > "$sw_d/strongswan.conf" <<EOF
# written by tests/daemon/lib.sh
charon {
	load_modular = no
	load = random nonce aes sha1 sha2 md5 hmac gmp openssl kdf pem pkcs1 x509 pubkey socket-default kernel-libipsec kernel-netlink vici updown curve25519 gcm
	install_routes = yes
	retransmit_tries = 3
	retransmit_timeout = 2.0
	plugins {
		vici {
			socket = unix://$sw_d/charon.vici
		}
		kernel-libipsec {
			load = yes
		}
	}
	filelog {
		log {
			path = $sw_d/charon.log
			time_format = %T
			default = 1
			ike = 2
			chd = 2
			knl = 2
			cfg = 2
			flush_line = yes
		}
	}
}
EOF
	if [ -n "${2:-}" ]; then
		echo "include $2" >> "$sw_d/strongswan.conf"
	fi
}

# sw_start NS DIR: start charon in NS with DIR/strongswan.conf and a private
# /run (charon keeps its pid file there); wait until VICI answers.
# Sets SW_PID and records it for cleanup.
sw_start()
{
	sw_ns=$1 sw_d=$2
	: > "$sw_d/charon.log"
	# No setsid: ip netns exec, unshare and sh all exec, so $! is charon itself.
	ip netns exec "$sw_ns" unshare -m sh -c \
		'mount -t tmpfs tmpfs /run && STRONGSWAN_CONF="$1" exec "$2"' \
		sh "$sw_d/strongswan.conf" "$CHARON" \
		</dev/null >"$sw_d/charon.out" 2>&1 &
	SW_PID=$!
	DT_PIDS="$DT_PIDS $SW_PID"
	echo "$SW_PID" > "$sw_d/charon.pid"
	sw_i=0
	while [ $sw_i -lt 100 ]; do
		if ! kill -0 "$SW_PID" 2>/dev/null; then
			echo "charon in $sw_ns exited at start" >&2
			return 1
		fi
		if [ -S "$sw_d/charon.vici" ] &&
		   "$SWANCTL" --stats --uri "unix://$sw_d/charon.vici" >/dev/null 2>&1; then
			return 0
		fi
		sleep 0.1
		sw_i=$((sw_i + 1))
	done
	echo "charon in $sw_ns: no VICI socket after 10 s" >&2
	return 1
}

# sw_stop DIR: stop the charon started with DIR.
sw_stop()
{
	[ -s "$1/charon.pid" ] || return 0
	sw_p=$(cat "$1/charon.pid")
	dt_kill_pids "$sw_p"
	dt_forget_pid "$sw_p"
	rm -f "$1/charon.pid"
}

sw_swanctl()     # sw_swanctl DIR ARGS...: swanctl against that charon
{
	sw_d=$1; shift
	"$SWANCTL" "$@" --uri "unix://$sw_d/charon.vici"
}

# sw_load DIR FILE NCONNS: swanctl --load-all FILE; what it said goes to
# DIR/load.out, without the "opening directory './x509' failed" lines (they
# only say that there are no credential folders next to FILE).
# Succeeds only if it printed "successfully loaded NCONNS connections" and
# nothing else failed: swanctl exits 0 even after a syntax error that made
# it load nothing, so its exit status alone proves little.
sw_load()
{
	sw_d=$1
	"$SWANCTL" --load-all --noprompt --file "$2" \
		--uri "unix://$sw_d/charon.vici" > "$sw_d/load.raw" 2>&1
	sw_rc=$?
	grep -v "^opening directory '.*' failed: No such file or directory" \
		"$sw_d/load.raw" > "$sw_d/load.out"
	[ $sw_rc -eq 0 ] || { echo "(swanctl exit status $sw_rc)" >> "$sw_d/load.out"; return 1; }
	grep -q "^successfully loaded $3 connections" "$sw_d/load.out" || return 1
	grep -qiE 'fail|error|invalid|unexpected|expected' "$sw_d/load.out" && return 1
	return 0
}

# sw_log_tail DIR LABEL [LINES]: end of that charon's log as TAP diagnostics,
# without the VICI connect/disconnect chatter of our own polling.
sw_log_tail()
{
	if [ -s "$1/charon.log" ]; then
		echo "# ---- last ${3:-40} lines of $2 charon.log (vici chatter removed) ----"
		grep -v -e '\[CFG\] vici client [0-9]* \(connected\|disconnected\|registered for\|requests: list-sas\|requests: stats\)' \
			"$1/charon.log" | tail -n "${3:-40}" | sed 's/^/#   /'
	else
		echo "# ---- $2 charon.log: empty or missing ($1/charon.log) ----"
	fi
}

# sw_sas DIR: the SAs as lines "ike NAME STATE" and "child IKE NAME STATE".
sw_sas()
{
	sw_swanctl "$1" --list-sas 2>/dev/null | awk '
		/^[^ ].*: #[0-9]+, [A-Z_]+,/ {
			ike = $0; sub(/: #.*/, "", ike)
			st = $0; sub(/^[^#]*#[0-9]+, /, "", st); sub(/,.*/, "", st)
			print "ike", ike, st
			next
		}
		/^  [^ ].*: #[0-9]+, reqid [0-9]+, [A-Z_]+,/ {
			c = $0; sub(/^  /, "", c); sub(/: #.*/, "", c)
			st = $0; sub(/^.*reqid [0-9]+, /, "", st); sub(/,.*/, "", st)
			print "child", ike, c, st
		}'
}

# sw_up DIR CONN NCHILD: true if an IKE SA named CONN is ESTABLISHED and NCHILD
# distinct children named CONN-<n> are INSTALLED (over all SAs of CONN).
# Reads DIR/sas.now, which sw_all_up refreshes.
sw_up()
{
	grep -qxF "ike $2 ESTABLISHED" "$1/sas.now" || return 1
	sw_n=$(awk -v c="$2" '$1 == "child" && $2 == c && $4 == "INSTALLED" &&
		index($3, c "-") == 1 && substr($3, length(c) + 2) ~ /^[0-9]+$/ { print $3 }' \
		"$1/sas.now" | sort -u | wc -l)
	[ "$sw_n" -eq "$3" ]
}

# sw_all_up DIR CONN NCHILD [CONN NCHILD]...: sw_up for every pair, one look.
sw_all_up()
{
	sw_d=$1; shift
	sw_sas "$sw_d" > "$sw_d/sas.now"
	while [ $# -ge 2 ]; do
		sw_up "$sw_d" "$1" "$2" || return 1
		shift 2
	done
	return 0
}

# sw_installed DIR: how many CHILD_SAs (any name) are INSTALLED.
sw_installed()
{
	sw_sas "$1" | awk '$1 == "child" && $4 == "INSTALLED" { n++ } END { print n + 0 }'
}

# sw_if_ids DIR CONN: how many SA directions ("in"/"out" lines) of CONN's
# CHILD_SAs carry a non-zero XFRM interface id (shown as "(mark|if_id)").
sw_if_ids()
{
	sw_swanctl "$1" --list-sas 2>/dev/null | awk -v c="$2" '
		/^[^ ]/ { ike = $0; sub(/: #.*/, "", ike) }
		ike == c && /^    (in|out) / && match($0, /\|0x[0-9a-fA-F]+\)/) {
			v = substr($0, RSTART + 3, RLENGTH - 4)
			if (v !~ /^0+$/) n++
		}
		END { print n + 0 }'
}
