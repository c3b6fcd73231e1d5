#!/bin/sh
# Real-daemon test: does cgwgen's Libreswan output negotiate with a real peer?
#
# For each case in tests/daemon/cases-libreswan/<name>/ (or only the names
# given as arguments): render input.json with "$CGWGEN render --vendor
# libreswan" (conns + secrets), start a strongSwan charon in a "cloud"
# namespace with the hand-written cloud.conf and Libreswan's pluto in a
# "customer" namespace with cgwgen's files, then read both logs: phase 1
# established, and every selector pair's phase 2 accepted. This kernel has
# no ESP in XFRM, so pluto cannot install the SAs it negotiated and no
# traffic is checked. Output is TAP. Needs root; see README.md.

here=$(cd "$(dirname "$0")" && pwd) || exit 99
. "$here/lib.sh"

UP_TIMEOUT=${UP_TIMEOUT:-15}
CUST_ADDR=198.51.100.2
CASEDIR=${LSW_CASES:-$here/cases-libreswan}

reason=$(dt_skip_reason)
[ -z "$reason" ] && reason=$(sw_skip_reason)
[ -z "$reason" ] && [ -z "${CGWGEN:-}" ] &&
	reason="CGWGEN is not set (path of the cgwgen binary to test)"
[ -z "$reason" ] && ! "$CGWGEN" vendors 2>/dev/null | grep -q '^libreswan\b' &&
	reason="$CGWGEN has no libreswan vendor (cgwgen vendors)"
if [ -n "$reason" ]; then
	echo "1..0 # SKIP $reason"
	exit 0
fi

dt_init
if ! lsw_prepare > "$DT_TMP/prepare.out" 2>&1; then
	echo "1..0 # SKIP $(cat "$DT_TMP/prepare.out")"
	exit 0
fi
reason=$(lsw_skip_reason)
if [ -n "$reason" ]; then
	echo "1..0 # SKIP $reason"
	exit 0
fi
echo "# libreswan $LSW_VERSION from $LSW_DEB (unpacked in $LSW_ROOT)"

if [ $# -gt 0 ]; then
	cases=$*
else
	cases=
	for d in "$CASEDIR"/*/; do
		[ -f "$d/case.conf" ] && cases="$cases $(basename "$d")"
	done
fi

# ------------------------------------------------------------------ helpers

words() { set -- $1; echo $#; }

# of_tunnel NAME TUNNEL: is pluto connection NAME one of TUNNEL's? cgwgen
# names a conn after the tunnel id; several selector pairs give either
# leftsubnets=/rightsubnets= (pluto adds TUNNEL/1x1, TUNNEL/1x2, ...) or
# conns TUNNEL-1, TUNNEL-2, ... (also=TUNNEL).
of_tunnel()
{
	case $1 in
	"$2"|"$2"/[0-9]*x[0-9]*) return 0 ;;
	"$2"-[0-9]*)
		case ${1#"$2"-} in *[!0-9]*) return 1 ;; esac
		return 0 ;;
	esac
	return 1
}

# names EVENT TUNNEL: the distinct connection names of TUNNEL with EVENT
# in pluto's log (see lsw_events), from $D/events.
names()
{
	for n in $(awk -v e="$1" '$1 == e { print $2 }' "$D/events" | sort -u); do
		of_tunnel "$n" "$2" && echo "$n"
	done
}

events() { lsw_events "$D/customer" > "$D/events"; }

skip_rest()      # skip_rest REASON: every remaining test of this case
{
	for t in $todo; do
		eval "dt_skip \"\$t_$t\" \"\$1\""
	done
	todo=
}

done_t()         # done_t NAME: test NAME has been reported
{
	nt=
	for t in $todo; do [ "$t" = "$1" ] || nt="$nt $t"; done
	todo=$nt
}

ok()      { dt_ok "$(eval echo "\"\$t_$1\"")"; done_t "$1"; }
not_ok()  { dt_not_ok "$(eval echo "\"\$t_$1\"")"; done_t "$1"; }

logs()           # logs [LINES]: both logs as diagnostics
{
	sw_log_tail "$D/cloud" cloud "${1:-40}"
	lsw_log_tail "$D/customer" customer "${1:-40}"
}

show_conf()
{
	echo "# ---- cust.conf (cgwgen output) ----"
	sed 's/^/#   /' "$D/cust.conf"
}

net_setup()
{
	dt_ns_add "$NC" && dt_ns_add "$NU" &&
	dt_wire "$NC" vc "$NU" vu || return 1
	for a in $CLOUD_ADDRS; do
		dt_addr "$NC" vc "$a/24" || return 1
	done
	dt_addr "$NU" vu "$CUST_ADDR/24" &&
	dt_onlink "$NC" 198.51.100.0/24 vc &&
	dt_onlink "$NU" 203.0.113.0/24 vu || return 1
	# left=%defaultroute needs a default route with a gateway
	ip -n "$NU" route add default via 203.0.113.1 dev vu onlink || return 1
	# hosts in the protected networks: charon (kernel-libipsec) installs a
	# CHILD_SA only with a local address inside its local traffic selector
	for a in $CLOUD_HOSTS; do dt_lo_addr "$NC" "$a" || return 1; done
	for a in $CUSTOMER_HOSTS; do dt_lo_addr "$NU" "$a" || return 1; done
	for p in $TRIGGER; do
		dt_lo_addr "$NU" "${p%%>*}" && dt_lo_addr "$NC" "${p#*>}" || return 1
	done
}

# gw_of TUNNEL: the cloud gateway address of TUNNEL's conn (right=) in
# cgwgen's output.
gw_of()
{
	awk -v c="$1" '
		/^conn[ \t]/ { in_c = ($2 == c) }
		in_c && /^[ \t]+right=/ { sub(/^[ \t]+right=/, ""); print; exit }
	' "$D/cust.conf"
}

# p1_up TUNNEL: pluto logged a phase 1 for a conn of TUNNEL, and the cloud's
# charon established an IKE_SA on that tunnel's gateway address.
p1_up()
{
	[ -n "$(names p1 "$1")" ] || return 1
	sw_ike_up "$D/cloud" | awk -v a="$(gw_of "$1")" '$2 == a { f = 1 } END { exit !f }'
}

phase1()
{
	events
	for c in $CONNS; do
		p1_up "$c" || return 1
	done
}

# phase2: every connection pluto added has a "p2" event, and the cloud's
# charon chose an ESP proposal for as many children as it answered.
phase2()
{
	events
	for c in $CONNS; do
		for n in $(names add "$c"); do
			grep -qxF "p2 $n" "$D/events" || return 1
		done
	done
	[ "$(sw_selected "$D/cloud" | wc -l)" -ge "$cloud_answers" ]
}

# ------------------------------------------------------------------ one case

idx=0
run_case()
{
	name=$1
	cdir=$CASEDIR/$name
	idx=$((idx + 1))

	DESC= CGW_ARGS= CONNS= CHILDREN= INITIATOR=customer TRIGGER= CLOUD=tencent
	CLOUD_ADDRS=203.0.113.1 CLOUD_CONNS=
	CLOUD_HOSTS="10.1.0.1 10.2.0.1" CUSTOMER_HOSTS="192.168.0.1 192.168.1.1"
	if [ ! -f "$cdir/case.conf" ] || [ ! -f "$cdir/input.json" ] ||
	   [ ! -f "$cdir/cloud.conf" ]; then
		dt_not_ok "$name: case directory has case.conf, input.json, cloud.conf"
		return
	fi
	. "$cdir/case.conf"
	echo "# ==== $name: $DESC"

	ncon=$(words "$CONNS")
	if [ "$ncon" -eq 0 ] || [ "$ncon" -ne "$(words "$CHILDREN")" ]; then
		dt_not_ok "$name: case.conf sets CONNS and one CHILDREN count per connection"
		return
	fi
	total=0
	for n in $CHILDREN; do total=$((total + n)); done
	: "${CLOUD_CONNS:=$ncon}"
	# the cloud answers (and chooses the ESP proposal of) every pair when
	# the customer starts, else only the pairs that TRIGGER makes pluto start
	if [ "$INITIATOR" = cloud ]; then
		cloud_answers=$(words "$TRIGGER")
	else
		cloud_answers=$total
	fi

	t_render="$name: cgwgen render --vendor libreswan${CGW_ARGS:+ $CGW_ARGS} writes conns and secrets"
	t_cloud="$name: cloud side (hand-written cloud.conf) loads $CLOUD_CONNS connection(s)"
	t_cust="$name: pluto runs cgwgen's output and adds the conns of $CONNS ($total selector pair(s))"
	t_answer="$name: pluto leaves phase 1 to the cloud (auto=ondemand: it only answers)"
	todo="render cloud cust"
	[ "$INITIATOR" = cloud ] && todo="$todo answer"
	for c in $CONNS; do
		eval "t_p1_$(echo "$c" | tr -c 'a-zA-Z0-9\n' _)=\"\$name: \$c: phase 1 established (pluto and the cloud)\""
		todo="$todo p1_$(echo "$c" | tr -c 'a-zA-Z0-9\n' _)"
	done
	set -- $CHILDREN
	for c in $CONNS; do
		v=$(echo "$c" | tr -c 'a-zA-Z0-9\n' _)
		eval "t_p2_$v=\"\$name: \$c: phase 2 accepted for each of its $1 selector pair(s)\""
		todo="$todo p2_$v"
		shift
	done
	if [ "$cloud_answers" -gt 0 ]; then
		t_chosen="$name: the cloud chose an ESP proposal for $cloud_answers pair(s) it answered"
		todo="$todo chosen"
	fi

	D=$DT_TMP/$name
	mkdir -p "$D/cloud" "$D/customer"

	# 1. render
	if "$CGWGEN" render --vendor libreswan --input "$cdir/input.json" \
		$CGW_ARGS --output "$D/cust.conf" \
		>"$D/render.out" 2>"$D/render.err" &&
	   [ -s "$D/cust.conf" ] && [ -s "$D/cust.secrets" ]
	then
		ok render
	elif [ "$CLOUD" = alibaba ] &&
	     grep -q 'not a format cgwgen knows' "$D/render.err"; then
		skip_rest "this cgwgen does not read Alibaba Cloud input"
		return
	else
		not_ok render
		echo "# cgwgen failed or did not write both cust.conf and cust.secrets; its stderr:"
		sed 's/^/#   /' "$D/render.err"
		skip_rest "cgwgen render failed"
		return
	fi

	# 2. network, the cloud's charon, pluto's files
	NC=lsw$$-$idx-cloud NU=lsw$$-$idx-cust
	extra=
	[ -f "$cdir/cloud-strongswan.conf" ] && extra=$cdir/cloud-strongswan.conf
	if ! net_setup 2>"$D/setup.err" ||
	   ! sw_write_conf "$D/cloud" "$extra" ||
	   ! sw_start "$NC" "$D/cloud" 2>>"$D/setup.err" ||
	   ! lsw_write_conf "$D/customer" "$D/cust.conf" "$D/cust.secrets"; then
		not_ok cloud
		echo "# setting up the network or the cloud's charon failed:"
		sed 's/^/#   /' "$D/setup.err"
		[ -f "$D/cloud/charon.out" ] && sed 's/^/#   /' "$D/cloud/charon.out"
		skip_rest "set-up failed"
		case_teardown
		return
	fi

	# 3. the side that answers first: pluto's own addconn adds, routes
	# (ondemand) and starts (start) the conns as pluto comes up.
	started=yes
	if [ "$INITIATOR" = cloud ]; then
		lsw_start "$NU" "$D/customer" 2>>"$D/setup.err" || started=
		sw_load "$D/cloud" "$cdir/cloud.conf" "$CLOUD_CONNS" && load_cloud=ok ||
			load_cloud=fail
	else
		sw_load "$D/cloud" "$cdir/cloud.conf" "$CLOUD_CONNS" && load_cloud=ok ||
			load_cloud=fail
		lsw_start "$NU" "$D/customer" 2>>"$D/setup.err" || started=
	fi
	if [ $load_cloud = ok ]; then
		ok cloud
	else
		not_ok cloud
		echo "# swanctl --load-all said (expected \"successfully loaded $CLOUD_CONNS connections\"):"
		sed 's/^/#   /' "$D/cloud/load.out"
	fi

	events
	why=
	if [ -z "$started" ]; then
		why="pluto did not come up: $(cat "$D/setup.err")"
	elif grep -q '^addfail ' "$D/events"; then
		why="pluto refused a conn"
	else
		for n in $(awk '$1 == "add" { print $2 }' "$D/events" | sort -u); do
			o=
			for c in $CONNS; do of_tunnel "$n" "$c" && o=1; done
			[ -n "$o" ] || why="$why unexpected conn \"$n\";"
		done
		set -- $CHILDREN
		for c in $CONNS; do
			got=$(names add "$c" | wc -l)
			if [ "$got" -ne "$1" ]; then
				why="$why $c: $got conn(s) added for $1 selector pair(s);"
			elif [ "$1" -gt 1 ] && names add "$c" | grep -qxF "$c"; then
				why="$why $c: the base conn \"$c\" was added as well (it needs auto=ignore);"
			fi
			shift
		done
	fi
	if [ -z "$why" ]; then
		ok cust
	else
		not_ok cust
		echo "# $why"
		added=$(awk '$1 == "add" { print $2 }' "$D/events" | tr '\n' ' ')
		echo "# conns pluto added: ${added:-(none)}"
		grep 'failed to add' "$D/customer/pluto.log" | sed 's/^/#   /'
		show_conf
		lsw_log_tail "$D/customer" customer 20
	fi
	if [ $load_cloud != ok ] || [ -n "$why" ]; then
		skip_rest "a side did not load"
		case_teardown
		return
	fi

	# 4. phase 1
	dt_poll "$UP_TIMEOUT" phase1
	events
	if [ "$INITIATOR" = cloud ]; then
		if grep -q '^init ' "$D/events"; then
			not_ok answer
			echo "# pluto started a phase 1 itself (auto=start?), the cloud starts this tunnel:"
			grep '^init ' "$D/events" | sort -u | sed 's/^/#   /'
		else
			ok answer
		fi
	fi
	p1_failed=
	for c in $CONNS; do
		v=$(echo "$c" | tr -c 'a-zA-Z0-9\n' _)
		if p1_up "$c"; then
			ok "p1_$v"
		else
			not_ok "p1_$v"
			p1_failed=1
			echo "# expected: pluto logs \"IKE SA established\" (IKEv1) or \"established IKE SA\" (IKEv2) for a conn of $c,"
			echo "# and the cloud's charon \"IKE_SA <name>[n] established between $(gw_of "$c")[...\" (it has:" \
				$(sw_ike_up "$D/cloud" | tr ' ' @) ")"
		fi
	done
	if [ -n "$p1_failed" ]; then
		show_conf
		logs 40
		skip_rest "phase 1 failed"
		case_teardown
		return
	fi

	# 5. pairs the cloud did not start: traffic makes pluto start them
	# (auto=ondemand); the pings themselves cannot cross (no ESP here)
	pings=
	for p in $TRIGGER; do
		ip netns exec "$NU" ping -n -c 1 -W 1 -I "${p%%>*}" "${p#*>}" \
			>/dev/null 2>&1 &
		pings="$pings $!"
	done
	for p in $pings; do wait "$p"; done

	# 6. phase 2
	dt_poll "$UP_TIMEOUT" phase2
	events
	p2_failed=
	set -- $CHILDREN
	for c in $CONNS; do
		v=$(echo "$c" | tr -c 'a-zA-Z0-9\n' _)
		miss=
		for n in $(names add "$c"); do
			grep -qxF "p2 $n" "$D/events" || miss="$miss $n"
		done
		if [ -z "$miss" ]; then
			ok "p2_$v"
		else
			not_ok "p2_$v"
			p2_failed=1
			echo "# no phase 2 got as far as installing its SAs for:$miss"
		fi
		shift
	done
	if [ "$cloud_answers" -gt 0 ]; then
		got=$(sw_selected "$D/cloud" | wc -l)
		if [ "$got" -ge "$cloud_answers" ]; then
			ok chosen
		else
			not_ok chosen
			p2_failed=1
			echo "# the cloud's charon chose an ESP proposal for $got child(ren):" \
				$(sw_selected "$D/cloud")
		fi
	fi
	if [ -n "$p2_failed" ]; then
		show_conf
		logs 40
	fi
	if grep -q '^nokernel' "$D/events"; then
		echo "# traffic cannot be checked on this kernel: it has no ESP in XFRM, so pluto's SA install fails (errno 93)"
	else
		echo "# traffic is not checked by this test"
	fi

	case_teardown
}

case_teardown()
{
	lsw_stop "$D/customer"
	sw_stop "$D/cloud"
	dt_ns_del "$NU"
	dt_ns_del "$NC"
	[ -n "${DT_KEEP:-}" ] || rm -rf "$D"
}

for name in $cases; do
	run_case "$name"
done
dt_plan_done
[ "$DT_FAILED" -eq 0 ]
