#!/bin/sh
# Real-daemon test: does cgwgen's strongSwan output bring a tunnel up?
#
# For each case in tests/daemon/cases/<name>/ (or only the names given as
# arguments): render input.json with "$CGWGEN render --vendor strongswan",
# start two charons in two fresh network namespaces joined by a veth pair,
# load the hand-written cloud.conf on the "cloud" side and cgwgen's output
# on the "customer" side, wait for the SAs, then ping across every SPD pair
# from the customer namespace. Output is TAP. Needs root; see README.md.

here=$(cd "$(dirname "$0")" && pwd) || exit 99
. "$here/lib.sh"

UP_TIMEOUT=${UP_TIMEOUT:-15}
CUST_ADDR=198.51.100.2

reason=$(dt_skip_reason)
[ -z "$reason" ] && reason=$(sw_skip_reason)
[ -z "$reason" ] && [ -z "${CGWGEN:-}" ] &&
	reason="CGWGEN is not set (path of the cgwgen binary to test)"
if [ -n "$reason" ]; then
	echo "1..0 # SKIP $reason"
	exit 0
fi

if [ $# -gt 0 ]; then
	cases=$*
else
	cases=
	for d in "$here"/cases/*/; do
		[ -f "$d/case.conf" ] && cases="$cases $(basename "$d")"
	done
fi

dt_init

# ------------------------------------------------------------------ helpers

words() { set -- $1; echo $#; }

# skip_rest FROM REASON: the tests of this case from step FROM on are skipped.
skip_rest()
{
	sr_from=$1 sr_why=$2
	case $sr_from in
	cloud)    dt_skip "$t_cloud" "$sr_why"; sr_from=customer ;;
	esac
	case $sr_from in
	customer) dt_skip "$t_cust" "$sr_why"; sr_from=up ;;
	esac
	case $sr_from in
	up)       dt_skip "$t_up" "$sr_why"; sr_from=ifid ;;
	esac
	case $sr_from in
	ifid)     [ -n "$EXPECT_IF_ID" ] && dt_skip "$t_ifid" "$sr_why"
	          sr_from=ping ;;
	esac
	sr_via=
	[ -n "$CUSTOMER_ROUTES" ] && sr_via=" (customer routes $CUSTOMER_ROUTES into ipsec0)"
	for sr_p in $PINGS; do
		dt_skip "$name: ping ${sr_p%%>*} -> ${sr_p#*>}$sr_via" "$sr_why"
	done
}

logs()           # logs [LINES]: both charon logs as diagnostics
{
	sw_log_tail "$D/cloud" cloud "${1:-40}"
	sw_log_tail "$D/customer" customer "${1:-40}"
}

sas()            # both sides' SAs as diagnostics
{
	echo "# ---- customer swanctl --list-sas ----"
	sw_swanctl "$D/customer" --list-sas 2>&1 | sed 's/^/#   /'
	echo "# ---- cloud swanctl --list-sas ----"
	sw_swanctl "$D/cloud" --list-sas 2>&1 | sed 's/^/#   /'
}

case_up()        # customer: every connection up; cloud: as many children
{
	sw_all_up "$D/customer" $pairs || return 1
	[ "$(sw_installed "$D/cloud")" -ge "$total" ]
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
	# one host address per protected subnet end that a ping uses
	for p in $PINGS; do
		dt_lo_addr "$NU" "${p%%>*}" && dt_lo_addr "$NC" "${p#*>}" || return 1
	done
}

# load SIDE FILE N: load FILE into that side's charon; prints the TAP line
# later (results kept in load_SIDE).
load()
{
	if sw_load "$D/$1" "$2" "$3"; then
		eval "load_$1=ok"
	else
		eval "load_$1=fail"
	fi
}

report_load()    # report_load SIDE DESCRIPTION
{
	if eval "[ \"\$load_$1\" = ok ]"; then
		dt_ok "$2"
	else
		dt_not_ok "$2"
		echo "# swanctl --load-all said (expected \"successfully loaded $3 connections\", no failure):"
		sed 's/^/#   /' "$D/$1/load.out"
		if [ "$1" = customer ]; then
			echo "# ---- customer.conf (cgwgen output) ----"
			sed 's/^/#   /' "$D/customer.conf"
		fi
		sw_log_tail "$D/$1" "$1" 20
	fi
}

# ------------------------------------------------------------------ one case

idx=0
run_case()
{
	name=$(basename "$1")
	cdir=$here/cases/$name
	idx=$((idx + 1))

	DESC= CGW_ARGS= CONNS= CHILDREN= PINGS= INITIATOR=customer load_cloud= load_customer=
	CLOUD_ADDRS=203.0.113.1 CLOUD_CONNS= CLOUD_CHILDREN= EXPECT_IF_ID=
	CUSTOMER_ROUTES=
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
	pairs= total=0
	set -- $CHILDREN
	for c in $CONNS; do
		pairs="$pairs $c $1"
		total=$((total + $1))
		shift
	done
	: "${CLOUD_CONNS:=$ncon}" "${CLOUD_CHILDREN:=$total}"

	t_cloud="$name: cloud side (hand-written cloud.conf) loads $CLOUD_CONNS connection(s)"
	t_cust="$name: customer side (cgwgen output) loads $ncon connection(s)"
	t_up="$name: IKE SA ESTABLISHED and $total CHILD_SA(s) INSTALLED within ${UP_TIMEOUT}s"
	t_ifid="$name: customer CHILD_SAs carry an XFRM interface id (if_id_in/if_id_out)"

	D=$DT_TMP/$name
	mkdir -p "$D/cloud" "$D/customer"

	# 1. render
	t_render="$name: cgwgen render --vendor strongswan${CGW_ARGS:+ $CGW_ARGS}"
	if "$CGWGEN" render --input "$cdir/input.json" --vendor strongswan \
		$CGW_ARGS --output "$D/customer.conf" \
		>"$D/render.out" 2>"$D/render.err" && [ -s "$D/customer.conf" ]
	then
		dt_ok "$t_render"
	else
		dt_not_ok "$t_render"
		echo "# cgwgen failed or wrote nothing; its stderr:"
		sed 's/^/#   /' "$D/render.err"
		skip_rest cloud "cgwgen render failed"
		return
	fi

	# 2. network and daemons
	NC=cgw$$-$idx-cloud NU=cgw$$-$idx-cust
	extra=
	[ -f "$cdir/cloud-strongswan.conf" ] && extra=$cdir/cloud-strongswan.conf
	if ! net_setup 2>"$D/setup.err"; then
		dt_not_ok "$t_cloud"
		echo "# network setup failed:"
		sed 's/^/#   /' "$D/setup.err"
		skip_rest customer "network setup failed"
		case_teardown
		return
	fi
	sw_write_conf "$D/cloud" "$extra"
	sw_write_conf "$D/customer"
	started=yes
	sw_start "$NC" "$D/cloud" 2>>"$D/setup.err" || started=cloud
	[ $started = yes ] && { sw_start "$NU" "$D/customer" 2>>"$D/setup.err" ||
		started=customer; }
	if [ $started != yes ]; then
		dt_not_ok "$t_cloud"
		echo "# starting the $started charon failed:"
		sed 's/^/#   /' "$D/setup.err" "$D/$started/charon.out"
		sw_log_tail "$D/$started" "$started" 20
		skip_rest customer "charon did not start"
		case_teardown
		return
	fi

	# 3. load: the responding side first, so the initiator's first
	# message finds a configuration.
	if [ "$INITIATOR" = cloud ]; then
		load customer "$D/customer.conf" "$ncon"
		load cloud "$cdir/cloud.conf" "$CLOUD_CONNS"
	else
		load cloud "$cdir/cloud.conf" "$CLOUD_CONNS"
		load customer "$D/customer.conf" "$ncon"
	fi
	report_load cloud "$t_cloud" "$CLOUD_CONNS"
	report_load customer "$t_cust" "$ncon"
	if [ "$load_cloud" != ok ] || [ "$load_customer" != ok ]; then
		skip_rest up "a side did not load"
		case_teardown
		return
	fi

	# 4. SAs
	if dt_poll "$UP_TIMEOUT" case_up; then
		dt_ok "$t_up"
	else
		dt_not_ok "$t_up"
		echo "# expected on the customer side (connection, INSTALLED children named <connection>-<n>):$pairs"
		echo "# expected on the cloud side: $CLOUD_CHILDREN INSTALLED children"
		sas
		logs 40
		skip_rest ifid "SAs not up"
		case_teardown
		return
	fi

	# 5. route-based: the customer CHILD_SAs carry an if_id
	if [ -n "$EXPECT_IF_ID" ]; then
		want=$((2 * total)) got=0
		for c in $CONNS; do
			got=$((got + $(sw_if_ids "$D/customer" "$c")))
		done
		if [ "$got" -eq "$want" ]; then
			dt_ok "$t_ifid"
		else
			dt_not_ok "$t_ifid"
			echo "# $got of $want SA directions have a non-zero if_id"
			sas
		fi
	fi

	# 6. route-based: the customer's own routes choose what enters the
	# tunnel. kernel-libipsec always routes a CHILD_SA's remote_ts into its
	# TUN device (ipsec0) via table 220 (0/0 here), whatever install_routes
	# says; drop those routes and route the VPC into ipsec0 by hand, as one
	# would into an XFRM interface.
	if [ -n "$CUSTOMER_ROUTES" ]; then
		ip -n "$NU" route flush table 220 2>"$D/routes.err"
		rt=ok
		for r in $CUSTOMER_ROUTES; do
			ip -n "$NU" route add "$r" dev ipsec0 2>>"$D/routes.err" || rt=
		done
		if [ -z "$rt" ]; then
			echo "# could not route $CUSTOMER_ROUTES into ipsec0:"
			sed 's/^/#   /' "$D/routes.err"
		fi
	fi

	# 7. traffic across every SPD pair, from the customer side
	via=
	[ -n "$CUSTOMER_ROUTES" ] && via=" (customer routes $CUSTOMER_ROUTES into ipsec0)"
	for p in $PINGS; do
		src=${p%%>*} dst=${p#*>}
		if dt_ping "$NU" "$src" "$dst" > "$D/ping.out"; then
			dt_ok "$name: ping $src -> $dst$via"
		else
			dt_not_ok "$name: ping $src -> $dst$via"
			sed 's/^/#   /' "$D/ping.out"
			sas
			logs 20
		fi
	done

	case_teardown
}

case_teardown()
{
	sw_stop "$D/customer"
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
