# Shared helpers for the real-daemon tests (POSIX sh; source it, do not run it).
#
# Three parts:
#   dt_*  namespaces, wires, addresses, cleanup, TAP output: daemon-neutral, so a
#         Libreswan test can reuse them.
#   sw_*  one strongSwan charon per namespace (kernel-libipsec: this kernel has no
#         ESP, so ESP is carried in UDP through a TUN device by charon itself).
#   lsw_* one Libreswan pluto per namespace, run from the unpacked Debian
#         package (t-libreswan.sh); sw_selected/sw_ike_up read a charon log.
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
	trap 'exit 141' PIPE	# e.g. "| head": still clean up
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
# only say that there are no credential folders next to FILE) and without
# swanctl's complaints about its own compiled-in plugin list ("plugin
# 'gcrypt': failed to load - ... no plugin file available": a plugin of
# libstrongswan-extra-plugins that is not installed; the configuration
# goes to charon over VICI all the same).
# Succeeds only if it printed "successfully loaded NCONNS connections" and
# nothing else failed: swanctl exits 0 even after a syntax error that made
# it load nothing, so its exit status alone proves little.
sw_load()
{
	sw_d=$1
	"$SWANCTL" --load-all --noprompt --file "$2" \
		--uri "unix://$sw_d/charon.vici" > "$sw_d/load.raw" 2>&1
	sw_rc=$?
	grep -v -e "^opening directory '.*' failed: No such file or directory" \
		-e "^plugin '[a-z0-9-]*': failed to load - [a-z0-9_]*_plugin_create not found and no plugin file available\$" \
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

# ---------------------------------------------------------------- Libreswan
#
# Debian's libreswan conflicts with strongSwan's packages, so it is never
# installed: lsw_prepare takes the .deb (LSW_DEB, a cached one, apt's own
# cache, or "apt-get download libreswan") and unpacks it with dpkg-deb -x
# into LSW_CACHE. lsw_start runs pluto in a private mount namespace in which
# read-only overlays put the package's usr/libexec/ipsec and usr/sbin/ipsec
# at their usual places: pluto runs /usr/libexec/ipsec/addconn by that fixed
# path, and its default updown "ipsec _updown" must find Libreswan's
# /usr/sbin/ipsec, not strongSwan's. The root file system is not changed.
#
# This kernel has no ESP in XFRM: pluto negotiates, then fails to install
# the SAs ("setup_half_ipsec_sa() hit fail"). lsw_events turns its log into
# what was negotiated.

LSW_DEB=${LSW_DEB:-}
LSW_CACHE=${LSW_CACHE:-${TMPDIR:-/tmp}/cgwgen-libreswan-cache}
LSW_ROOT=
LSW_VERSION=

# lsw_cache_dir: create LSW_CACHE (mode 0700) and refuse one that others
# could have filled: root runs what is unpacked there.
lsw_cache_dir()
{
	if [ ! -e "$LSW_CACHE" ] && [ ! -L "$LSW_CACHE" ]; then
		mkdir -p "$LSW_CACHE" 2>/dev/null && chmod 700 "$LSW_CACHE"
	fi
	if [ ! -d "$LSW_CACHE" ] || [ -L "$LSW_CACHE" ] || [ ! -O "$LSW_CACHE" ]; then
		echo "cannot use LSW_CACHE=$LSW_CACHE (missing, a symlink or not owned by $(id -un))"
		return 1
	fi
	case $(stat -c %A "$LSW_CACHE" 2>/dev/null) in
	d????-??-?) ;;
	*) echo "LSW_CACHE=$LSW_CACHE is writable by others"; return 1 ;;
	esac
}

# lsw_find_deb: set LSW_DEB to a libreswan .deb: LSW_DEB if set, else the
# newest in LSW_CACHE or in apt's cache, else one that "apt-get download"
# puts into LSW_CACHE. Prints the reason and fails otherwise.
lsw_find_deb()
{
	if [ -n "$LSW_DEB" ]; then
		[ -f "$LSW_DEB" ] && [ -r "$LSW_DEB" ] && return 0
		echo "LSW_DEB=$LSW_DEB is not a readable file"
		return 1
	fi
	for lsw_f in "$LSW_CACHE"/libreswan_*.deb \
			/var/cache/apt/archives/libreswan_*.deb; do
		[ -f "$lsw_f" ] || continue
		if [ -z "$LSW_DEB" ] || [ "$lsw_f" -nt "$LSW_DEB" ]; then
			LSW_DEB=$lsw_f
		fi
	done
	[ -n "$LSW_DEB" ] && return 0
	command -v apt-get >/dev/null 2>&1 || {
		echo "no libreswan .deb in $LSW_CACHE and no apt-get to download one (set LSW_DEB)"
		return 1
	}
	lsw_dl=$LSW_CACHE/download.$$
	rm -rf "$lsw_dl"; mkdir "$lsw_dl" || return 1
	lsw_to=
	command -v timeout >/dev/null 2>&1 && lsw_to="timeout 120"
	if ! (cd "$lsw_dl" && $lsw_to apt-get download -q libreswan) \
			>"$lsw_dl.log" 2>&1; then
		echo "could not download libreswan; apt-get download libreswan said:" \
			"$(grep -v '^W: Download is performed unsandboxed' "$lsw_dl.log" |
			   tail -n 2 | tr '\n' ' ')(set LSW_DEB, or put the .deb into $LSW_CACHE)"
		rm -rf "$lsw_dl" "$lsw_dl.log"
		return 1
	fi
	for lsw_f in "$lsw_dl"/libreswan_*.deb; do
		[ -f "$lsw_f" ] || break
		mv -f "$lsw_f" "$LSW_CACHE/" && LSW_DEB=$LSW_CACHE/$(basename "$lsw_f")
	done
	rm -rf "$lsw_dl" "$lsw_dl.log"
	[ -n "$LSW_DEB" ] && return 0
	echo "apt-get download libreswan wrote no libreswan_*.deb"
	return 1
}

# lsw_prepare: find (or download) the package and unpack it once per .deb
# into LSW_CACHE/root-<name>. Sets LSW_ROOT and LSW_VERSION; prints the
# reason and fails if that is not possible.
lsw_prepare()
{
	command -v dpkg-deb >/dev/null 2>&1 ||
		{ echo "needs dpkg-deb (to unpack the libreswan package)"; return 1; }
	lsw_cache_dir || return 1
	lsw_find_deb || return 1
	[ "$(dpkg-deb -f "$LSW_DEB" Package 2>/dev/null)" = libreswan ] ||
		{ echo "$LSW_DEB is not a libreswan package"; return 1; }
	LSW_VERSION=$(dpkg-deb -f "$LSW_DEB" Version)
	LSW_ROOT=$LSW_CACHE/root-$(basename "$LSW_DEB" .deb)
	[ -x "$LSW_ROOT/usr/libexec/ipsec/pluto" ] && return 0
	rm -rf "$LSW_ROOT.$$"
	if ! dpkg-deb -x "$LSW_DEB" "$LSW_ROOT.$$" 2>"$LSW_CACHE/unpack.err.$$"; then
		echo "dpkg-deb -x $LSW_DEB failed: $(head -n 1 "$LSW_CACHE/unpack.err.$$")"
		rm -rf "$LSW_ROOT.$$" "$LSW_CACHE/unpack.err.$$"
		return 1
	fi
	rm -f "$LSW_CACHE/unpack.err.$$"
	# a tree without pluto is broken; one with pluto may be a parallel
	# run's, in use: keep it (rename(2) refuses to replace it)
	[ -d "$LSW_ROOT" ] && [ ! -x "$LSW_ROOT/usr/libexec/ipsec/pluto" ] &&
		rm -rf "$LSW_ROOT"
	mv -T "$LSW_ROOT.$$" "$LSW_ROOT" 2>/dev/null || rm -rf "$LSW_ROOT.$$"
	[ -x "$LSW_ROOT/usr/libexec/ipsec/pluto" ] ||
		{ echo "no usr/libexec/ipsec/pluto in $LSW_DEB"; return 1; }
}

# lsw_skip_reason: after lsw_prepare, prints why pluto cannot run here.
lsw_skip_reason()
{
	command -v certutil >/dev/null 2>&1 ||
		{ echo "no certutil for pluto's NSS database (libnss3-tools)"; return; }
	lsw_missing=
	for lsw_b in pluto addconn whack _updown.xfrm; do
		[ -e "$LSW_ROOT/usr/libexec/ipsec/$lsw_b" ] ||
			{ echo "no usr/libexec/ipsec/$lsw_b in $LSW_DEB"; return; }
		case $lsw_b in _*) continue ;; esac
		lsw_missing="$lsw_missing $(ldd "$LSW_ROOT/usr/libexec/ipsec/$lsw_b" 2>&1 |
			awk '/not found/ { print $1 }')"
	done
	# shellcheck disable=SC2086
	lsw_missing=$(printf '%s\n' $lsw_missing | sort -u | tr '\n' ' ')
	if [ -n "${lsw_missing% }" ]; then
		echo "libreswan's pluto/addconn/whack need missing libraries: ${lsw_missing% };" \
			"install the Depends of the package: $(dpkg-deb -f "$LSW_DEB" Depends |
			sed 's/([^)]*)//g; s/ //g; s/,/ /g')"
		return
	fi
	if ! unshare -m sh -c '
		mount -t overlay overlay -o "lowerdir=$1/usr/libexec:/usr/libexec" /usr/libexec &&
		mount -t overlay overlay -o "lowerdir=$1/usr/sbin:/usr/sbin" /usr/sbin &&
		[ -x /usr/libexec/ipsec/pluto ] && [ -x /usr/libexec/ipsec/addconn ] &&
		grep -q IPSEC_EXECDIR /usr/sbin/ipsec' sh "$LSW_ROOT" >/dev/null 2>&1
	then
		echo "cannot overlay the unpacked libreswan onto /usr/libexec and /usr/sbin in a private mount namespace (overlayfs)"
	fi
}

# lsw_write_conf DIR CONF SECRETS: DIR/ipsec.conf = a "config setup" for
# pluto in a namespace + "include CONF"; DIR/ipsec.secrets = "include
# SECRETS". The log goes to DIR/pluto.log.
lsw_write_conf()
{
	lsw_d=$1
	mkdir -p "$lsw_d/nss" "$lsw_d/run" || return 1
	cat > "$lsw_d/ipsec.conf" <<EOF
# written by tests/daemon/lib.sh
config setup
	# cgwgen's output has no "config setup"; IKEv1 needs this:
	ikev1-policy=accept
	logfile=$lsw_d/pluto.log
	logappend=no
	plutodebug=none
	dumpdir=$lsw_d/run
	dnssec-enable=no
	nhelpers=1

include $2
EOF
	printf '# written by tests/daemon/lib.sh\ninclude %s\n' "$3" > "$lsw_d/ipsec.secrets"
}

# lsw_start NS DIR: a fresh NSS database in DIR/nss, then pluto in NS with
# DIR's files (see lsw_write_conf), in a private mount namespace with the
# unpacked package overlaid. pluto itself runs addconn --autoall, which
# adds, routes (auto=ondemand) and starts (auto=start) the connections;
# lsw_start returns once pluto answers whack and that addconn is done.
# Sets LSW_PID and records it for cleanup. Fails if pluto exits (a syntax
# error in the configuration ends it: see DIR/pluto.out).
lsw_start()
{
	lsw_ns=$1 lsw_d=$2
	rm -rf "$lsw_d/nss"; mkdir -p "$lsw_d/nss" "$lsw_d/run"
	certutil -N -d "sql:$lsw_d/nss" --empty-password >"$lsw_d/certutil.out" 2>&1 ||
		{ echo "certutil -N failed: $(cat "$lsw_d/certutil.out")" >&2; return 1; }
	: > "$lsw_d/pluto.log"
	# ip netns exec, unshare and sh all exec, so $! is pluto itself.
	ip netns exec "$lsw_ns" unshare -m sh -c '
		mount -t overlay overlay -o "lowerdir=$1/usr/libexec:/usr/libexec" /usr/libexec &&
		mount -t overlay overlay -o "lowerdir=$1/usr/sbin:/usr/sbin" /usr/sbin &&
		exec /usr/libexec/ipsec/pluto --nofork --config "$2/ipsec.conf" \
			--secretsfile "$2/ipsec.secrets" --nssdir "$2/nss" \
			--rundir "$2/run" --ipsecdir "$2"' \
		sh "$LSW_ROOT" "$lsw_d" </dev/null >"$lsw_d/pluto.out" 2>&1 &
	LSW_PID=$!
	DT_PIDS="$DT_PIDS $LSW_PID"
	echo "$LSW_PID" > "$lsw_d/pluto.pid"
	lsw_i=0
	while [ $lsw_i -lt 100 ]; do
		if ! kill -0 "$LSW_PID" 2>/dev/null; then
			echo "pluto in $lsw_ns exited at start" >&2
			return 1
		fi
		if [ -S "$lsw_d/run/pluto.ctl" ] &&
		   grep -q 'listening for IKE messages' "$lsw_d/pluto.log" &&
		   ! lsw_addconn_running "$LSW_PID" &&
		   lsw_whack "$lsw_d" --status >/dev/null 2>&1; then
			return 0
		fi
		sleep 0.1
		lsw_i=$((lsw_i + 1))
	done
	echo "pluto in $lsw_ns: not ready (whack, addconn) after 10 s" >&2
	return 1
}

# lsw_addconn_running PID: true while PID has a child process "addconn".
lsw_addconn_running()
{
	for lsw_f in /proc/[0-9]*/stat; do
		{ read -r lsw_s < "$lsw_f"; } 2>/dev/null || continue
		case $lsw_s in
		*" (addconn) "?" $1 "*) return 0 ;;
		esac
	done
	return 1
}

lsw_whack()      # lsw_whack DIR ARGS...: whack against that pluto
{
	lsw_d=$1; shift
	"$LSW_ROOT/usr/libexec/ipsec/whack" --ctlsocket "$lsw_d/run/pluto.ctl" "$@"
}

# lsw_stop DIR: stop the pluto started with DIR.
lsw_stop()
{
	[ -s "$1/pluto.pid" ] || return 0
	lsw_p=$(cat "$1/pluto.pid")
	dt_kill_pids "$lsw_p"
	dt_forget_pid "$lsw_p"
	rm -f "$1/pluto.pid"
}

# lsw_events DIR: pluto's log as events, one per line:
#   add NAME      pluto added connection NAME ("added IKEv1|IKEv2 connection")
#   addfail NAME  it refused one ("failed to add ... connection: why")
#   init NAME     it started a phase 1 itself (Main/Aggressive Mode, IKEv2)
#   p1 NAME       a phase 1 was done: "IKE SA established" (IKEv1 main and
#                 aggressive mode), "initiator|responder established IKE SA"
#                 (IKEv2)
#   p2 NAME       a phase 2 of NAME got as far as installing its SAs: the
#                 peer's answer (or proposal) was authenticated and its
#                 proposal and selectors accepted; on this kernel that
#                 install fails ("setup_half_ipsec_sa() hit fail"), elsewhere
#                 it succeeds ("IPsec SA established", "established Child SA")
#   nokernel      the kernel refused an ESP SA (errno 93)
lsw_events()
{
	awk '
		match($0, /"[^"]+"( #[0-9]+)?: /) {
			n = substr($0, RSTART + 1)
			n = substr(n, 1, index(n, "\"") - 1)
			m = substr($0, RSTART + RLENGTH)
			if (m ~ /^added IKEv[12] connection/)            print "add", n
			else if (m ~ /^failed to add/)                   print "addfail", n
			else if (m ~ /^initiating IKEv1 (Main|Aggressive) Mode connection/ ||
			         m ~ /^initiating IKEv2 connection/)     print "init", n
			else if (m ~ /^IKE SA established/ ||
			         m ~ /^(initiator|responder) established IKE SA/) print "p1", n
			else if (m ~ /^setup_half_ipsec_sa\(\) hit fail/ ||
			         m ~ /^IPsec SA established/ ||
			         m ~ /established Child SA/)             print "p2", n
		}
		/Add SA esp\.[^ ]*: Protocol not supported \(errno 93\)/ { print "nokernel" }
	' "$1/pluto.log"
}

# lsw_log_tail DIR LABEL [LINES]: end of pluto's log as TAP diagnostics,
# without its start-up tables and the per-interface lines; then what pluto
# printed itself (a configuration it could not parse).
lsw_log_tail()
{
	if [ -s "$1/pluto.log" ]; then
		echo "# ---- last ${3:-40} lines of $2 pluto.log (start-up tables removed) ----"
		sed -n '/listening for IKE messages/,$p' "$1/pluto.log" |
			grep -v -e 'adding UDP interface' -e 'shutting down interface' \
				-e 'too short for .* in FIPS mode' |
			tail -n "${3:-40}" | sed 's/^/#   /'
	else
		echo "# ---- $2 pluto.log: empty or missing ($1/pluto.log) ----"
	fi
	if [ -s "$1/pluto.out" ] && grep -qv 'adjusting' "$1/pluto.out"; then
		echo "# ---- $2 pluto's own output ----"
		grep -v 'adjusting' "$1/pluto.out" | sed 's/^/#   /'
	fi
}

# sw_selected DIR: the children for which that charon, as responder, chose
# an ESP proposal ("found matching child config" then "selected proposal:
# ESP:..." in the same thread), one name per line.
sw_selected()
{
	awk '
		{ t = $2; sub(/\[.*/, "", t) }
		/\[CFG\] looking for a child config/      { c[t] = "" }
		/\[CFG\] found matching child config "/  { s = $0; sub(/^[^"]*"/, "", s)
		                                            sub(/".*/, "", s); c[t] = s }
		/\[CFG\] selected proposal: ESP:/ && c[t] != "" { print c[t]; c[t] = "" }
	' "$1/charon.log" | sort -u
}

# sw_ike_up DIR: "NAME LOCAL-ADDRESS" for each connection and own address
# of which that charon has established an IKE_SA (from its log).
sw_ike_up()
{
	sed -n 's/^.*\[IKE\] IKE_SA \(.*\)\[[0-9]*\] established between \([^[]*\)\[.*/\1 \2/p' \
		"$1/charon.log" | sort -u
}
