/*
 * Unit tests for the model: every rule of model_validate() (each with the
 * exact message), and the model JSON format: write, read back through
 * source_load() with --cloud model, write again and compare byte for
 * byte; strict reading (unknown keys and algorithm ids) and the defaults
 * a hand-written model gets.
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "alg.h"
#include "buf.h"
#include "err.h"
#include "model.h"
#include "model-json.h"
#include "source.h"
#include "tap.h"
#include "warn.h"
#include "xmalloc.h"

/* A change to a valid model and the message validation must give. */
struct rule {
	const char	*what;
	void		(*mutate)(struct model *);
	const char	*msg;		/* NULL: the model stays valid */
};

static void	 fill_tunnel(struct tunnel *, const char *);
static struct model *valid_model(void);
static void	 set(char **, const char *);
static char	*write_temp(const char *);
static int	 load_text(const char *, const char *, struct model **,
		    struct cgw_err *);
static char	*to_json(const struct model *);
static const char *after_path(const struct cgw_err *, const char *);
static void	 t_valid(void);
static void	 t_rules(void);
static void	 t_endpoint_families(void);
static void	 t_duplicates(void);
static void	 t_roundtrip(void);
static void	 t_roundtrip_tencent(void);
static void	 t_read_errors(void);
static void	 t_defaults(void);
static void	 t_names(void);

static void	m_tid_dot(struct model *);
static void	m_tid_empty(struct model *);
static void	m_tid_null(struct model *);
static void	m_tid_long(struct model *);
static void	m_remote_null(struct model *);
static void	m_remote_bad(struct model *);
static void	m_local_bad(struct model *);
static void	m_local_null(struct model *);
static void	m_local_v6(struct model *);
static void	m_addr_mixed(struct model *);
static void	m_ike_v3(struct model *);
static void	m_v2_aggr(struct model *);
static void	m_v1_aggr(struct model *);
static void	m_no_ike_enc(struct model *);
static void	m_no_ike_prf(struct model *);
static void	m_no_ike_dh(struct model *);
static void	m_no_ike_integ(struct model *);
static void	m_no_esp_enc(struct model *);
static void	m_no_esp_integ(struct model *);
static void	m_ike_null(struct model *);
static void	m_esp_null(struct model *);
static void	m_ike_gcm_integ(struct model *);
static void	m_ike_gcm(struct model *);
static void	m_esp_gcm_integ(struct model *);
static void	m_esp_gcm(struct model *);
static void	m_ike_life_59(struct model *);
static void	m_ike_life_60(struct model *);
static void	m_ike_life_max(struct model *);
static void	m_ike_life_big(struct model *);
static void	m_esp_life_59(struct model *);
static void	m_esp_life_big(struct model *);
static void	m_lid_addr_bad(struct model *);
static void	m_rid_addr_bad(struct model *);
static void	m_lid_fqdn_bad(struct model *);
static void	m_lid_fqdn_dots(struct model *);
static void	m_lid_fqdn_ok(struct model *);
static void	m_lid_ufqdn_bad(struct model *);
static void	m_lid_ufqdn_ok(struct model *);
static void	m_lid_ufqdn_nodomain(struct model *);
static void	m_lid_empty(struct model *);
static void	m_rid_null(struct model *);
static void	m_psk_empty(struct model *);
static void	m_psk_null(struct model *);
static void	m_psk_1024(struct model *);
static void	m_psk_1025(struct model *);
static void	m_no_ts(struct model *);
static void	m_ts_bad(struct model *);
static void	m_ts_mixed(struct model *);
static void	m_ts_v6(struct model *);
static void	m_bgp_none(struct model *);
static void	m_bgp_no_ips(struct model *);
static void	m_bgp_no_asn(struct model *);
static void	m_bgp_ok(struct model *);
static void	m_dpd_timeout_lt(struct model *);
static void	m_dpd_zero(struct model *);
static void	m_dpd_big(struct model *);
static void	m_dpd_equal(struct model *);
static void	m_dpd_off(struct model *);
static void	m_cid_dot(struct model *);
static void	m_cid_slash(struct model *);
static void	m_cid_null(struct model *);
static void	m_cname_ctrl(struct model *);
static void	m_cregion_bad(struct model *);
static void	m_no_tunnel(struct model *);
static void	m_no_conn(struct model *);

static char	tmpdir[4096];

static const struct rule rules[] = {
	{ "tunnel id with a dot", m_tid_dot,
	    "connection vpnx-a1: tunnel id \"t.1\" must be 1 to 64 letters, "
	    "digits, '-' or '_'" },
	{ "empty tunnel id", m_tid_empty,
	    "connection vpnx-a1: tunnel id \"\" must be 1 to 64 letters, "
	    "digits, '-' or '_'" },
	{ "no tunnel id", m_tid_null,
	    "connection vpnx-a1: tunnel id \"\" must be 1 to 64 letters, "
	    "digits, '-' or '_'" },
	{ "tunnel id of 65 characters", m_tid_long,
	    "connection vpnx-a1: tunnel id \"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
	    "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\" must be 1 to 64 letters, "
	    "digits, '-' or '_'" },
	{ "no remote address", m_remote_null,
	    "connection vpnx-a1: tunnel t1: remote_address: the cloud "
	    "gateway's address is not known" },
	{ "remote address not an address", m_remote_bad,
	    "connection vpnx-a1: tunnel t1: remote_address: \"vpn.example.com\""
	    " is not an IP address" },
	{ "local address not an address", m_local_bad,
	    "connection vpnx-a1: tunnel t1: local_address: \"1.2.3\" is not "
	    "an IP address" },
	{ "local address unknown", m_local_null, NULL },
	{ "IPv6 addresses on both ends", m_local_v6, NULL },
	{ "IKE version 3", m_ike_v3,
	    "connection vpnx-a1: tunnel t1: ike.version: 3 is not 1 or 2" },
	{ "IKEv2 with aggressive mode", m_v2_aggr,
	    "connection vpnx-a1: tunnel t1: ike.mode: aggressive mode exists "
	    "only in IKE version 1" },
	{ "IKEv1 with aggressive mode", m_v1_aggr, NULL },
	{ "no IKE encryption", m_no_ike_enc,
	    "connection vpnx-a1: tunnel t1: ike.encryption: no encryption "
	    "algorithm" },
	{ "no IKE PRF", m_no_ike_prf,
	    "connection vpnx-a1: tunnel t1: ike.prf: no integrity algorithm" },
	{ "no IKE DH group", m_no_ike_dh,
	    "connection vpnx-a1: tunnel t1: ike.dh_group: no DH group "
	    "algorithm" },
	{ "no IKE integrity with CBC", m_no_ike_integ,
	    "connection vpnx-a1: tunnel t1: ike.integrity: no integrity "
	    "algorithm" },
	{ "no ESP encryption", m_no_esp_enc,
	    "connection vpnx-a1: tunnel t1: esp.encryption: no encryption "
	    "algorithm" },
	{ "no ESP integrity with CBC", m_no_esp_integ,
	    "connection vpnx-a1: tunnel t1: esp.integrity: no integrity "
	    "algorithm" },
	{ "NULL encryption in IKE", m_ike_null,
	    "connection vpnx-a1: tunnel t1: ike.encryption: null cannot be "
	    "used in IKE" },
	{ "NULL encryption in ESP", m_esp_null, NULL },
	{ "IKE GCM with integrity", m_ike_gcm_integ,
	    "connection vpnx-a1: tunnel t1: ike.integrity: must be null with "
	    "the combined-mode cipher aes256-gcm16" },
	{ "IKE GCM without integrity", m_ike_gcm, NULL },
	{ "ESP GCM with integrity", m_esp_gcm_integ,
	    "connection vpnx-a1: tunnel t1: esp.integrity: must be null with "
	    "the combined-mode cipher aes128-gcm16" },
	{ "ESP GCM without integrity", m_esp_gcm, NULL },
	{ "IKE lifetime 59", m_ike_life_59,
	    "connection vpnx-a1: tunnel t1: ike.lifetime: 59 seconds is "
	    "outside 60-604800" },
	{ "IKE lifetime 60", m_ike_life_60, NULL },
	{ "IKE lifetime 604800", m_ike_life_max, NULL },
	{ "IKE lifetime 604801", m_ike_life_big,
	    "connection vpnx-a1: tunnel t1: ike.lifetime: 604801 seconds is "
	    "outside 60-604800" },
	{ "ESP lifetime 59", m_esp_life_59,
	    "connection vpnx-a1: tunnel t1: esp.lifetime: 59 seconds is "
	    "outside 60-604800" },
	{ "ESP lifetime 604801", m_esp_life_big,
	    "connection vpnx-a1: tunnel t1: esp.lifetime: 604801 seconds is "
	    "outside 60-604800" },
	{ "address identity not an address", m_lid_addr_bad,
	    "connection vpnx-a1: tunnel t1: local_id: \"customer.example\" "
	    "is not a valid address identity" },
	{ "remote address identity not an address", m_rid_addr_bad,
	    "connection vpnx-a1: tunnel t1: remote_id: \"300.1.1.1\" is not "
	    "a valid address identity" },
	{ "FQDN identity with a space", m_lid_fqdn_bad,
	    "connection vpnx-a1: tunnel t1: local_id: \"bad name\" is not a "
	    "valid fqdn identity" },
	{ "FQDN identity with an empty label", m_lid_fqdn_dots,
	    "connection vpnx-a1: tunnel t1: local_id: \"a..example\" is not "
	    "a valid fqdn identity" },
	{ "FQDN identity", m_lid_fqdn_ok, NULL },
	{ "user FQDN identity without @", m_lid_ufqdn_bad,
	    "connection vpnx-a1: tunnel t1: local_id: \"customer.example\" is "
	    "not a valid user-fqdn identity" },
	{ "user FQDN identity", m_lid_ufqdn_ok, NULL },
	{ "user FQDN identity with a bad domain", m_lid_ufqdn_nodomain,
	    "connection vpnx-a1: tunnel t1: local_id: \"ops@\" is not a valid "
	    "user-fqdn identity" },
	{ "empty identity", m_lid_empty,
	    "connection vpnx-a1: tunnel t1: local_id: the identity is empty" },
	{ "no remote identity", m_rid_null,
	    "connection vpnx-a1: tunnel t1: remote_id: the identity is empty" },
	{ "empty PSK", m_psk_empty,
	    "connection vpnx-a1: tunnel t1: psk: the pre-shared key is empty" },
	{ "no PSK", m_psk_null,
	    "connection vpnx-a1: tunnel t1: psk: the pre-shared key is empty" },
	{ "PSK of 1024 bytes", m_psk_1024, NULL },
	{ "PSK of 1025 bytes", m_psk_1025,
	    "connection vpnx-a1: tunnel t1: psk: the pre-shared key is longer "
	    "than 1024 bytes" },
	{ "no traffic selectors", m_no_ts,
	    "connection vpnx-a1: tunnel t1: traffic_selectors: none given" },
	{ "bad traffic selector", m_ts_bad,
	    "connection vpnx-a1: tunnel t1: traffic_selectors[1]: "
	    "\"10.0.0.0/33\" is not a CIDR block" },
	{ "mixed address families", m_ts_mixed,
	    "connection vpnx-a1: tunnel t1: traffic_selectors[1]: "
	    "192.168.0.0/24 and fd00::/8 are of different address families" },
	{ "IPv6 traffic selectors", m_ts_v6, NULL },
	{ "BGP without anything", m_bgp_none,
	    "connection vpnx-a1: tunnel t1: routing.bgp: BGP needs a tunnel "
	    "CIDR and both inside addresses" },
	{ "BGP without inside addresses", m_bgp_no_ips,
	    "connection vpnx-a1: tunnel t1: routing.bgp: BGP needs a tunnel "
	    "CIDR and both inside addresses" },
	{ "BGP without the cloud's ASN", m_bgp_no_asn,
	    "connection vpnx-a1: tunnel t1: routing.bgp.remote_asn: the "
	    "cloud's ASN is missing" },
	{ "BGP complete, our ASN unknown", m_bgp_ok, NULL },
	{ "DPD timeout below the interval", m_dpd_timeout_lt,
	    "connection vpnx-a1: tunnel t1: dpd: interval 10 and timeout 5 "
	    "seconds must satisfy 1 <= interval <= timeout <= 3600" },
	{ "DPD interval 0", m_dpd_zero,
	    "connection vpnx-a1: tunnel t1: dpd: interval 0 and timeout 30 "
	    "seconds must satisfy 1 <= interval <= timeout <= 3600" },
	{ "DPD timeout 3601", m_dpd_big,
	    "connection vpnx-a1: tunnel t1: dpd: interval 10 and timeout 3601 "
	    "seconds must satisfy 1 <= interval <= timeout <= 3600" },
	{ "DPD timeout equal to the interval", m_dpd_equal, NULL },
	{ "DPD off with odd values", m_dpd_off, NULL },
	{ "connection id with a dot", m_cid_dot,
	    "connection id \"vpnx.a1\" must be 1 to 64 letters, digits, '-' "
	    "or '_'" },
	{ "connection id with a slash", m_cid_slash,
	    "connection id \"../etc\" must be 1 to 64 letters, digits, '-' "
	    "or '_'" },
	{ "no connection id", m_cid_null,
	    "connection id \"\" must be 1 to 64 letters, digits, '-' or '_'" },
	{ "connection name with a line break", m_cname_ctrl,
	    "connection vpnx-a1: the name holds control characters, or the "
	    "cloud, region or an id is not a plain token" },
	{ "region with a space", m_cregion_bad,
	    "connection vpnx-a1: the name holds control characters, or the "
	    "cloud, region or an id is not a plain token" },
	{ "connection without tunnels", m_no_tunnel,
	    "connection vpnx-a1: has no tunnel" },
	{ "model without connections", m_no_conn,
	    "no VPN connection found" },
};

static void
set(char **p, const char *s)
{
	free(*p);
	*p = s == NULL ? NULL : xstrdup(s);
}

static void
fill_tunnel(struct tunnel *t, const char *id)
{
	t->id = xstrdup(id);
	t->role = ROLE_NONE;
	t->local_addr = xstrdup("198.51.100.20");
	t->remote_addr = xstrdup("203.0.113.10");
	t->ike_version = 2;
	t->ike_mode = IKE_MAIN;
	t->ike_enc = alg_by_id(ALG_ENC, "aes256-cbc");
	t->ike_integ = alg_by_id(ALG_INTEG, "sha256");
	t->ike_prf = alg_by_id(ALG_INTEG, "sha256");
	t->ike_dh = alg_by_id(ALG_DH, "modp2048");
	t->ike_lifetime = 86400;
	t->local_id.type = ID_ADDRESS;
	t->local_id.value = xstrdup("198.51.100.20");
	t->remote_id.type = ID_ADDRESS;
	t->remote_id.value = xstrdup("203.0.113.10");
	t->psk = xstrdup("correct horse battery staple");
	t->esp_enc = alg_by_id(ALG_ENC, "aes128-cbc");
	t->esp_integ = alg_by_id(ALG_INTEG, "sha1");
	t->esp_pfs = NULL;
	t->esp_lifetime = 3600;
	tunnel_add_ts(t, "192.168.1.0/24", "10.0.0.0/16");
	tunnel_add_ts(t, "192.168.0.0/24", "10.1.0.0/16");
	t->routing = ROUTING_POLICY;
	t->dpd_enabled = 1;
	t->dpd_interval = 10;
	t->dpd_timeout = 30;
	t->dpd_action = DPD_CLEAR;
	t->nat_traversal = 1;
	t->initiator = INIT_BOTH;
}

/* One connection "vpnx-a1" with one valid tunnel "t1". */
static struct model *
valid_model(void)
{
	struct model		*m;
	struct connection	*c;

	m = model_new();
	c = model_add_connection(m);
	c->id = xstrdup("vpnx-a1");
	c->cloud = xstrdup("tencent");
	c->name = xstrdup("office \"HQ\" to VPC");
	c->region = xstrdup("ap-guangzhou");
	c->vpn_gateway_id = xstrdup("vpngw-6x0wxvtp");
	c->customer_gateway_id = xstrdup("cgw-apytvc1n");
	c->vpc_id = xstrdup("vpc-8ro3x6md");
	fill_tunnel(connection_add_tunnel(c), "t1");
	return m;
}

#define T0(m)	(&(m)->conns[0].tunnels[0])

static void
m_tid_dot(struct model *m)
{
	set(&T0(m)->id, "t.1");
}

static void
m_tid_empty(struct model *m)
{
	set(&T0(m)->id, "");
}

static void
m_tid_null(struct model *m)
{
	set(&T0(m)->id, NULL);
}

static void
m_tid_long(struct model *m)
{
	char	s[66];

	memset(s, 'a', 65);
	s[65] = '\0';
	set(&T0(m)->id, s);
}

static void
m_remote_null(struct model *m)
{
	set(&T0(m)->remote_addr, NULL);
}

static void
m_remote_bad(struct model *m)
{
	set(&T0(m)->remote_addr, "vpn.example.com");
}

static void
m_local_bad(struct model *m)
{
	set(&T0(m)->local_addr, "1.2.3");
}

static void
m_local_null(struct model *m)
{
	set(&T0(m)->local_addr, NULL);
}

static void
m_local_v6(struct model *m)
{
	set(&T0(m)->local_addr, "2001:db8::1");
	set(&T0(m)->remote_addr, "2001:db8:ffff::10");
}

static void
m_addr_mixed(struct model *m)
{
	set(&T0(m)->local_addr, "2001:db8::1");
}

static void
m_ike_v3(struct model *m)
{
	T0(m)->ike_version = 3;
}

static void
m_v2_aggr(struct model *m)
{
	T0(m)->ike_mode = IKE_AGGRESSIVE;
}

static void
m_v1_aggr(struct model *m)
{
	T0(m)->ike_version = 1;
	T0(m)->ike_mode = IKE_AGGRESSIVE;
}

static void
m_no_ike_enc(struct model *m)
{
	T0(m)->ike_enc = NULL;
}

static void
m_no_ike_prf(struct model *m)
{
	T0(m)->ike_prf = NULL;
}

static void
m_no_ike_dh(struct model *m)
{
	T0(m)->ike_dh = NULL;
}

static void
m_no_ike_integ(struct model *m)
{
	T0(m)->ike_integ = NULL;
}

static void
m_no_esp_enc(struct model *m)
{
	T0(m)->esp_enc = NULL;
}

static void
m_no_esp_integ(struct model *m)
{
	T0(m)->esp_integ = NULL;
}

static void
m_ike_null(struct model *m)
{
	T0(m)->ike_enc = alg_by_id(ALG_ENC, "null");
}

static void
m_esp_null(struct model *m)
{
	T0(m)->esp_enc = alg_by_id(ALG_ENC, "null");
}

static void
m_ike_gcm_integ(struct model *m)
{
	T0(m)->ike_enc = alg_by_id(ALG_ENC, "aes256-gcm16");
}

static void
m_ike_gcm(struct model *m)
{
	T0(m)->ike_enc = alg_by_id(ALG_ENC, "aes256-gcm16");
	T0(m)->ike_integ = NULL;
}

static void
m_esp_gcm_integ(struct model *m)
{
	T0(m)->esp_enc = alg_by_id(ALG_ENC, "aes128-gcm16");
}

static void
m_esp_gcm(struct model *m)
{
	T0(m)->esp_enc = alg_by_id(ALG_ENC, "aes128-gcm16");
	T0(m)->esp_integ = NULL;
}

static void
m_ike_life_59(struct model *m)
{
	T0(m)->ike_lifetime = 59;
}

static void
m_ike_life_60(struct model *m)
{
	T0(m)->ike_lifetime = 60;
}

static void
m_ike_life_max(struct model *m)
{
	T0(m)->ike_lifetime = 604800;
}

static void
m_ike_life_big(struct model *m)
{
	T0(m)->ike_lifetime = 604801;
}

static void
m_esp_life_59(struct model *m)
{
	T0(m)->esp_lifetime = 59;
}

static void
m_esp_life_big(struct model *m)
{
	T0(m)->esp_lifetime = 604801;
}

static void
m_lid_addr_bad(struct model *m)
{
	set(&T0(m)->local_id.value, "customer.example");
}

static void
m_rid_addr_bad(struct model *m)
{
	set(&T0(m)->remote_id.value, "300.1.1.1");
}

static void
m_lid_fqdn_bad(struct model *m)
{
	T0(m)->local_id.type = ID_FQDN;
	set(&T0(m)->local_id.value, "bad name");
}

static void
m_lid_fqdn_dots(struct model *m)
{
	T0(m)->local_id.type = ID_FQDN;
	set(&T0(m)->local_id.value, "a..example");
}

static void
m_lid_fqdn_ok(struct model *m)
{
	T0(m)->local_id.type = ID_FQDN;
	set(&T0(m)->local_id.value, "customer.example");
}

static void
m_lid_ufqdn_bad(struct model *m)
{
	T0(m)->local_id.type = ID_USER_FQDN;
	set(&T0(m)->local_id.value, "customer.example");
}

static void
m_lid_ufqdn_ok(struct model *m)
{
	T0(m)->local_id.type = ID_USER_FQDN;
	set(&T0(m)->local_id.value, "ops@customer.example");
}

static void
m_lid_ufqdn_nodomain(struct model *m)
{
	T0(m)->local_id.type = ID_USER_FQDN;
	set(&T0(m)->local_id.value, "ops@");
}

static void
m_lid_empty(struct model *m)
{
	set(&T0(m)->local_id.value, "");
}

static void
m_rid_null(struct model *m)
{
	set(&T0(m)->remote_id.value, NULL);
}

static void
m_psk_empty(struct model *m)
{
	set(&T0(m)->psk, "");
}

static void
m_psk_null(struct model *m)
{
	set(&T0(m)->psk, NULL);
}

static void
m_psk_1024(struct model *m)
{
	char	s[1025];

	memset(s, 'k', 1024);
	s[1024] = '\0';
	set(&T0(m)->psk, s);
}

static void
m_psk_1025(struct model *m)
{
	char	s[1026];

	memset(s, 'k', 1025);
	s[1025] = '\0';
	set(&T0(m)->psk, s);
}

static void
m_no_ts(struct model *m)
{
	struct tunnel	*t = T0(m);
	size_t		 i;

	for (i = 0; i < t->nts; i++) {
		free(t->ts[i].local);
		free(t->ts[i].remote);
	}
	free(t->ts);
	t->ts = NULL;
	t->nts = 0;
}

static void
m_ts_bad(struct model *m)
{
	set(&T0(m)->ts[1].remote, "10.0.0.0/33");
}

static void
m_ts_mixed(struct model *m)
{
	set(&T0(m)->ts[1].remote, "fd00::/8");
}

static void
m_ts_v6(struct model *m)
{
	set(&T0(m)->ts[1].local, "2001:db8:1::/48");
	set(&T0(m)->ts[1].remote, "fd00::/8");
}

static void
m_bgp_none(struct model *m)
{
	T0(m)->routing = ROUTING_BGP;
}

static void
m_bgp_no_ips(struct model *m)
{
	T0(m)->routing = ROUTING_BGP;
	T0(m)->bgp.tunnel_cidr = xstrdup("169.254.128.0/30");
	T0(m)->bgp.remote_asn = 64512;
}

static void
m_bgp_no_asn(struct model *m)
{
	m_bgp_no_ips(m);
	T0(m)->bgp.remote_asn = 0;
	T0(m)->bgp.local_ip = xstrdup("169.254.128.2");
	T0(m)->bgp.remote_ip = xstrdup("169.254.128.1");
}

static void
m_bgp_ok(struct model *m)
{
	m_bgp_no_asn(m);
	T0(m)->bgp.remote_asn = 64512;
}

static void
m_dpd_timeout_lt(struct model *m)
{
	T0(m)->dpd_timeout = 5;
}

static void
m_dpd_zero(struct model *m)
{
	T0(m)->dpd_interval = 0;
}

static void
m_dpd_big(struct model *m)
{
	T0(m)->dpd_timeout = 3601;
}

static void
m_dpd_equal(struct model *m)
{
	T0(m)->dpd_interval = 30;
	T0(m)->dpd_timeout = 30;
}

static void
m_dpd_off(struct model *m)
{
	T0(m)->dpd_enabled = 0;
	T0(m)->dpd_interval = 0;
	T0(m)->dpd_timeout = 5000;
}

static void
m_cid_dot(struct model *m)
{
	set(&m->conns[0].id, "vpnx.a1");
}

static void
m_cid_slash(struct model *m)
{
	set(&m->conns[0].id, "../etc");
}

static void
m_cid_null(struct model *m)
{
	set(&m->conns[0].id, NULL);
}

static void
m_cname_ctrl(struct model *m)
{
	set(&m->conns[0].name, "office\nHQ");
}

static void
m_cregion_bad(struct model *m)
{
	set(&m->conns[0].region, "ap guangzhou");
}

static void
m_no_tunnel(struct model *m)
{
	struct connection	*c = &m->conns[0];
	struct model		*other;

	/* Hand the tunnel to a model that frees it. */
	other = model_new();
	model_add_connection(other)->tunnels = c->tunnels;
	other->conns[0].ntunnels = c->ntunnels;
	c->tunnels = NULL;
	c->ntunnels = 0;
	model_free(other);
}

static void
m_no_conn(struct model *m)
{
	struct model	*other;

	other = model_new();
	other->conns = m->conns;
	other->nconns = m->nconns;
	m->conns = NULL;
	m->nconns = 0;
	model_free(other);
}

/* Write text to a new file in the test directory; returns its path. */
static char *
write_temp(const char *text)
{
	char	*path;
	int	 fd;

	xasprintf(&path, "%s/model.XXXXXX", tmpdir);
	if ((fd = mkstemp(path)) == -1) {
		diag("mkstemp: %s", strerror(errno));
		return path;
	}
	if (write(fd, text, strlen(text)) != (ssize_t)strlen(text))
		diag("short write");
	close(fd);
	return path;
}

/* Load text as a model file (cloud: --cloud, may be NULL). */
static int
load_text(const char *text, const char *cloud, struct model **m,
    struct cgw_err *err)
{
	struct source_opts	 opts;
	struct warnings		 w;
	char			*path;
	int			 r;

	memset(&opts, 0, sizeof(opts));
	memset(&w, 0, sizeof(w));
	memset(err, 0, sizeof(*err));
	opts.cloud = cloud;
	*m = NULL;
	path = write_temp(text);
	r = source_load(path, &opts, m, &w, err);
	if (w.n > 0)
		diag("warning: %s", w.msgs[0]);
	warn_free(&w);
	unlink(path);
	free(path);
	return r;
}

static char *
to_json(const struct model *m)
{
	struct buf	b;
	struct cgw_err	err;

	memset(&err, 0, sizeof(err));
	buf_init(&b, 0);
	if (model_json_write(m, &b, &err) == -1) {
		diag("model_json_write: %s", err.msg);
		buf_free(&b);
		return NULL;
	}
	return buf_release(&b);
}

/* The message after "PATH: ", or the whole message. */
static const char *
after_path(const struct cgw_err *err, const char *dir)
{
	const char	*p;

	if (strncmp(err->msg, dir, strlen(dir)) == 0 &&
	    (p = strstr(err->msg, ": ")) != NULL)
		return p + 2;
	return err->msg;
}

static void
t_valid(void)
{
	struct model	*m;
	struct cgw_err	 err;

	memset(&err, 0, sizeof(err));
	m = valid_model();
	is_int(model_validate(m, &err), 0, "valid: the base model passes");
	is_str(err.msg, "", "valid: no message");
	model_free(m);
	model_free(NULL);
	ok(1, "model_free(NULL) is harmless");
}

static void
t_rules(void)
{
	struct model	*m;
	struct cgw_err	 err;
	size_t		 i;
	int		 r;

	for (i = 0; i < nitems(rules); i++) {
		memset(&err, 0, sizeof(err));
		m = valid_model();
		rules[i].mutate(m);
		r = model_validate(m, &err);
		if (rules[i].msg == NULL) {
			is_int(r, 0, "rule: %s is valid", rules[i].what);
			if (r != 0)
				diag("%s", err.msg);
		} else {
			is_int(r, -1, "rule: %s is refused", rules[i].what);
			is_int(err.code, CGW_E_INPUT, "rule: %s: CGW_E_INPUT",
			    rules[i].what);
			is_str(err.msg, rules[i].msg, "rule: %s: message",
			    rules[i].what);
		}
		model_free(m);
	}
}

/* IKE cannot run between an IPv6 and an IPv4 endpoint. */
static void
t_endpoint_families(void)
{
	struct model	*m;
	struct cgw_err	 err;

	memset(&err, 0, sizeof(err));
	m = valid_model();
	m_addr_mixed(m);
	is_int(model_validate(m, &err), -1, "endpoints: IPv6 local and IPv4 "
	    "remote address refused");
	is_int(err.code, CGW_E_INPUT, "endpoints: CGW_E_INPUT");
	ok(strncmp(err.msg, "connection vpnx-a1: tunnel t1: ", 31) == 0 &&
	    (strstr(err.msg, "local_address") != NULL ||
	    strstr(err.msg, "remote_address") != NULL), "endpoints: message "
	    "names the tunnel and the address field: %s", err.msg);
	model_free(m);
}

static void
t_duplicates(void)
{
	struct model		*m;
	struct connection	*c;
	struct cgw_err		 err;

	memset(&err, 0, sizeof(err));
	m = valid_model();
	fill_tunnel(connection_add_tunnel(&m->conns[0]), "t2");
	is_int(model_validate(m, &err), 0, "duplicates: two tunnels, "
	    "distinct ids");
	set(&m->conns[0].tunnels[1].id, "t1");
	is_int(model_validate(m, &err), -1, "duplicates: same tunnel id in "
	    "one connection refused");
	is_str(err.msg, "tunnel id t1 appears twice", "duplicates: message");
	model_free(m);

	memset(&err, 0, sizeof(err));
	m = valid_model();
	c = model_add_connection(m);
	c->id = xstrdup("vpnx-b2");
	fill_tunnel(connection_add_tunnel(c), "t2");
	fill_tunnel(connection_add_tunnel(c), "t3");
	is_int(model_validate(m, &err), 0, "duplicates: two connections, "
	    "distinct tunnel ids");
	set(&c->tunnels[1].id, "t1");
	is_int(model_validate(m, &err), -1, "duplicates: same tunnel id in "
	    "two connections refused");
	is_str(err.msg, "tunnel id t1 appears twice", "duplicates: message "
	    "across connections");
	model_free(m);
}

/* A model using every field, written, read and written again. */
static void
t_roundtrip(void)
{
	struct model		*m, *m2 = NULL;
	struct connection	*c;
	struct tunnel		*t;
	struct cgw_err		 err;
	char			*j1, *j2 = NULL;

	m = valid_model();
	t = T0(m);
	t->role = ROLE_PRIMARY;
	t->esp_pfs = alg_by_id(ALG_DH, "ecp384");
	t->esp_lifetime_kb = 4096000000ULL;
	t->ike_prf = alg_by_id(ALG_INTEG, "sha384");
	t->local_id.type = ID_USER_FQDN;
	set(&t->local_id.value, "ops@customer.example");
	t->dpd_action = DPD_RESTART;
	t->initiator = INIT_CUSTOMER;
	t->nat_traversal = 0;
	t->ike_version = 1;
	t->ike_mode = IKE_AGGRESSIVE;
	t = connection_add_tunnel(&m->conns[0]);
	fill_tunnel(t, "t1-standby");
	t->role = ROLE_STANDBY;
	set(&t->local_addr, NULL);
	t->ike_enc = alg_by_id(ALG_ENC, "aes256-gcm16");
	t->ike_integ = NULL;
	t->esp_enc = alg_by_id(ALG_ENC, "aes128-gcm16");
	t->esp_integ = NULL;
	t->remote_id.type = ID_FQDN;
	set(&t->remote_id.value, "vpn.cloud.example");
	t->routing = ROUTING_BGP;
	t->bgp.tunnel_cidr = xstrdup("169.254.128.0/30");
	t->bgp.local_ip = xstrdup("169.254.128.2");
	t->bgp.remote_ip = xstrdup("169.254.128.1");
	t->bgp.remote_asn = 4200000000U;
	t->bgp.local_asn = 65000;
	set(&t->ts[1].local, "2001:db8:1::/48");
	set(&t->ts[1].remote, "fd00::/8");
	c = model_add_connection(m);
	c->id = xstrdup("hand_written");
	fill_tunnel(connection_add_tunnel(c), "hw1");
	c->tunnels[0].routing = ROUTING_STATIC;
	c->tunnels[0].psk[0] = '"';

	memset(&err, 0, sizeof(err));
	is_int(model_validate(m, &err), 0, "roundtrip: the model is valid");
	if (err.code != CGW_E_NONE)
		diag("%s", err.msg);
	j1 = to_json(m);
	ok(j1 != NULL && strncmp(j1, "{\n\t\"cgwgen_model\":\t1,\n", 21) == 0,
	    "roundtrip: starts with the format version");
	ok(j1 != NULL && j1[strlen(j1) - 1] == '\n' &&
	    j1[strlen(j1) - 2] == '}', "roundtrip: ends with a newline");
	if (j1 != NULL && load_text(j1, "model", &m2, &err) == 0)
		j2 = to_json(m2);
	else
		diag("load: %s", err.msg);
	ok(j2 != NULL, "roundtrip: read back");
	ok(j1 != NULL && j2 != NULL && strcmp(j1, j2) == 0,
	    "roundtrip: the second JSON is byte for byte the first");
	if (j1 != NULL && j2 != NULL && strcmp(j1, j2) != 0)
		diag("first:\n%s\nsecond:\n%s", j1, j2);
	free(j2);
	j2 = NULL;
	if (m2 != NULL) {
		is_int((long long)m2->nconns, 2, "roundtrip: two connections");
		t = &m2->conns[0].tunnels[1];
		ok(t->ike_enc == alg_by_id(ALG_ENC, "aes256-gcm16") &&
		    t->ike_integ == NULL && t->esp_integ == NULL,
		    "roundtrip: GCM and null integrity read back");
		is_int(t->bgp.remote_asn, 4200000000U, "roundtrip: a 32-bit "
		    "ASN survives");
		is_int((long long)m2->conns[0].tunnels[0].esp_lifetime_kb,
		    4096000000LL, "roundtrip: lifetime_kb survives");
		ok(t->local_addr == NULL, "roundtrip: unknown local address "
		    "stays unknown");
		is_str(m2->conns[0].name, "office \"HQ\" to VPC",
		    "roundtrip: quoted name");
	}
	model_free(m2);
	m2 = NULL;

	/* Detection without --cloud. */
	if (j1 != NULL && load_text(j1, NULL, &m2, &err) == 0) {
		j2 = to_json(m2);
		ok(j2 != NULL && strcmp(j1, j2) == 0, "roundtrip: detected "
		    "without --cloud");
		free(j2);
	} else
		ok(0, "roundtrip: detected without --cloud: %s", err.msg);
	free(j1);
	model_free(m2);
	model_free(m);
}

/*
 * What "cgwgen show" prints for a Tencent connection with DPD off must
 * read back as the same model.
 */
static void
t_roundtrip_tencent(void)
{
	static const char tc[] =
	    "{\"Response\":{\"TotalCount\":1,\"VpnConnectionSet\":[{"
	    "\"VpnConnectionId\":\"vpnx-df9oztok\",\"VpcId\":\"vpc-8ro3x6md\","
	    "\"PreShareKey\":\"123\",\"VpnProto\":\"IPSEC\","
	    "\"RouteType\":\"StaticRoute\",\"IKEOptionsSpecification\":{"
	    "\"PropoAuthenAlgorithm\":\"SHA-256\",\"PropoEncryAlgorithm\":"
	    "\"AES-CBC-256\",\"ExchangeMode\":\"MAIN\",\"LocalIdentity\":"
	    "\"ADDRESS\",\"RemoteIdentity\":\"ADDRESS\",\"LocalAddress\":"
	    "\"203.0.113.10\",\"RemoteAddress\":\"198.51.100.20\","
	    "\"DhGroupName\":\"GROUP14\",\"IKESaLifetimeSeconds\":86400,"
	    "\"IKEVersion\":\"IKEV2\"},\"IPSECOptionsSpecification\":{"
	    "\"EncryptAlgorithm\":\"AES-CBC-128\",\"IntegrityAlgorith\":"
	    "\"SHA1\",\"PfsDhGroup\":\"NULL\",\"IPSECSaLifetimeSeconds\":3600,"
	    "\"IPSECSaLifetimeTraffic\":1843200},\"SecurityPolicyDatabaseSet\":"
	    "[{\"LocalCidrBlock\":\"10.0.0.0/16\",\"RemoteCidrBlock\":"
	    "[\"192.168.1.0/24\"]}],\"NegotiationType\":\"passive\","
	    "\"DpdEnable\":0,\"DpdTimeout\":\"30\",\"DpdAction\":\"clear\"}],"
	    "\"RequestId\":\"1f4fa69d\"}}";
	struct model	*m = NULL, *m2 = NULL;
	struct cgw_err	 err;
	char		*j1 = NULL, *j2 = NULL;

	if (load_text(tc, "tencent", &m, &err) == 0)
		j1 = to_json(m);
	else
		diag("tencent load: %s", err.msg);
	ok(j1 != NULL, "tencent roundtrip: the Tencent response loads");
	if (j1 != NULL && load_text(j1, "model", &m2, &err) == 0)
		j2 = to_json(m2);
	else if (j1 != NULL)
		diag("model load: %s", err.msg);
	ok(j1 != NULL && j2 != NULL && strcmp(j1, j2) == 0, "tencent "
	    "roundtrip: a model with DPD off reads back byte for byte");
	if (j1 != NULL && j2 != NULL && strcmp(j1, j2) != 0)
		diag("first:\n%s\nsecond:\n%s", j1, j2);
	free(j1);
	free(j2);
	model_free(m);
	model_free(m2);
}

/* A minimal hand-written model: the tunnel object is spliced in. */
#define HW_HEAD	"{\"cgwgen_model\":1,\"connections\":[{\"id\":\"c1\"," \
	"\"tunnels\":[{\"id\":\"t1\",\"remote_address\":\"203.0.113.10\"," \
	"\"local_id\":{\"type\":\"address\",\"value\":\"198.51.100.20\"}," \
	"\"remote_id\":{\"type\":\"fqdn\",\"value\":\"vpn.cloud.example\"}," \
	"\"psk\":\"k\","
#define HW_IKE	"\"ike\":{\"version\":2,\"encryption\":\"aes256-cbc\"," \
	"\"integrity\":\"sha256\",\"dh_group\":\"modp2048\"," \
	"\"lifetime\":86400},"
#define HW_ESP	"\"esp\":{\"encryption\":\"aes128-gcm16\",\"lifetime\":3600},"
#define HW_TS	"\"traffic_selectors\":[{\"local\":\"192.168.1.0/24\"," \
	"\"remote\":\"10.0.0.0/16\"}],"
#define HW_ROUTE "\"routing\":{\"mode\":\"static\"}"
#define HW_TAIL	"}]}]}"

static void
t_read_errors(void)
{
	static const struct {
		const char	*what;
		const char	*text;
		const char	*msg;
	} c[] = {
		{ "unknown top-level key",
		    "{\"cgwgen_model\":1,\"connections\":[],\"extra\":1}",
		    "model: unknown key \"extra\" (see cgwgen-model(5))" },
		{ "unknown connection key",
		    "{\"cgwgen_model\":1,\"connections\":[{\"id\":\"c1\","
		    "\"tunels\":[]}]}",
		    "connections[0]: unknown key \"tunels\" (see "
		    "cgwgen-model(5))" },
		{ "unknown tunnel key",
		    HW_HEAD HW_IKE HW_ESP HW_TS HW_ROUTE ",\"mtu\":1400"
		    HW_TAIL,
		    "connections[0].tunnels[0]: unknown key \"mtu\" (see "
		    "cgwgen-model(5))" },
		{ "unknown ike key",
		    HW_HEAD "\"ike\":{\"version\":2,\"cipher\":\"aes\"},"
		    HW_ESP HW_TS HW_ROUTE HW_TAIL,
		    "connections[0].tunnels[0].ike: unknown key \"cipher\" "
		    "(see cgwgen-model(5))" },
		{ "unknown identity key",
		    "{\"cgwgen_model\":1,\"connections\":[{\"id\":\"c1\","
		    "\"tunnels\":[{\"id\":\"t1\",\"remote_address\":"
		    "\"203.0.113.10\",\"local_id\":{\"type\":"
		    "\"address\",\"value\":\"1.2.3.4\",\"kind\":1}}]}]}",
		    "connections[0].tunnels[0].local_id: unknown key \"kind\" "
		    "(see cgwgen-model(5))" },
		{ "unknown traffic selector key",
		    HW_HEAD HW_IKE HW_ESP "\"traffic_selectors\":[{\"local\":"
		    "\"192.168.1.0/24\",\"remote\":\"10.0.0.0/16\",\"proto\":"
		    "\"tcp\"}]," HW_ROUTE HW_TAIL,
		    "connections[0].tunnels[0].traffic_selectors[0]: unknown "
		    "key \"proto\" (see cgwgen-model(5))" },
		{ "unknown bgp key",
		    HW_HEAD HW_IKE HW_ESP HW_TS "\"routing\":{\"mode\":\"bgp\","
		    "\"bgp\":{\"remote_asn\":64512,\"password\":\"x\"}}"
		    HW_TAIL,
		    "connections[0].tunnels[0].routing.bgp: unknown key "
		    "\"password\" (see cgwgen-model(5))" },
		{ "unknown DH group",
		    HW_HEAD "\"ike\":{\"version\":2,\"encryption\":"
		    "\"aes256-cbc\",\"integrity\":\"sha256\",\"dh_group\":"
		    "\"GROUP14\",\"lifetime\":86400}," HW_ESP HW_TS HW_ROUTE
		    HW_TAIL,
		    "connections[0].tunnels[0].ike.dh_group: unknown DH group "
		    "\"GROUP14\" (one of modp768, modp1024, modp1536, "
		    "modp2048, modp3072, modp4096, ecp256, ecp384, ecp521, "
		    "modp2048s256)" },
		{ "unknown integrity",
		    HW_HEAD "\"ike\":{\"version\":2,\"encryption\":"
		    "\"aes256-cbc\",\"integrity\":\"sha2_256\",\"dh_group\":"
		    "\"modp2048\",\"lifetime\":86400}," HW_ESP HW_TS HW_ROUTE
		    HW_TAIL,
		    "connections[0].tunnels[0].ike.integrity: unknown "
		    "integrity \"sha2_256\" (one of md5, sha1, sha256, sha384, "
		    "sha512, sm3)" },
		{ "unknown ESP encryption",
		    HW_HEAD HW_IKE "\"esp\":{\"encryption\":\"aes-999\","
		    "\"lifetime\":3600}," HW_TS HW_ROUTE HW_TAIL,
		    "connections[0].tunnels[0].esp.encryption: unknown "
		    "encryption \"aes-999\" (one of des-cbc, 3des-cbc, "
		    "aes128-cbc, aes192-cbc, aes256-cbc, aes128-gcm16, "
		    "aes192-gcm16, aes256-gcm16, sm4-cbc, null)" },
		{ "unknown routing mode",
		    HW_HEAD HW_IKE HW_ESP HW_TS "\"routing\":{\"mode\":"
		    "\"ospf\"}" HW_TAIL,
		    "connections[0].tunnels[0].routing.mode: unknown value "
		    "\"ospf\" (one of policy, static, bgp)" },
		{ "unknown identity type",
		    "{\"cgwgen_model\":1,\"connections\":[{\"id\":\"c1\","
		    "\"tunnels\":[{\"id\":\"t1\",\"remote_address\":"
		    "\"203.0.113.10\",\"local_id\":{\"type\":"
		    "\"dn\",\"value\":\"CN=x\"}}]}]}",
		    "connections[0].tunnels[0].local_id.type: unknown value "
		    "\"dn\" (one of address, fqdn, user-fqdn)" },
		{ "lifetime out of range",
		    HW_HEAD "\"ike\":{\"version\":2,\"encryption\":"
		    "\"aes256-cbc\",\"integrity\":\"sha256\",\"dh_group\":"
		    "\"modp2048\",\"lifetime\":10}," HW_ESP HW_TS HW_ROUTE
		    HW_TAIL,
		    "connections[0].tunnels[0].ike.lifetime: 10 is not a whole "
		    "number in 60-604800" },
		{ "host bits in a selector",
		    HW_HEAD HW_IKE HW_ESP "\"traffic_selectors\":[{\"local\":"
		    "\"192.168.1.1/24\",\"remote\":\"10.0.0.0/16\"}],"
		    HW_ROUTE HW_TAIL,
		    "connections[0].tunnels[0].traffic_selectors[0].local: "
		    "\"192.168.1.1/24\" is not a CIDR block without host "
		    "bits" },
		{ "wrong version",
		    "{\"cgwgen_model\":2,\"connections\":[]}",
		    "cgwgen_model: this cgwgen reads version 1 of the model "
		    "format" },
		{ "bgp set for static routing",
		    HW_HEAD HW_IKE HW_ESP HW_TS "\"routing\":{\"mode\":"
		    "\"static\",\"bgp\":{}}" HW_TAIL,
		    "connections[0].tunnels[0].routing.bgp is set but the mode "
		    "is static" },
	};
	struct model	*m;
	struct cgw_err	 err;
	size_t		 i;

	for (i = 0; i < nitems(c); i++) {
		m = NULL;
		is_int(load_text(c[i].text, "model", &m, &err), -1,
		    "read: %s refused", c[i].what);
		is_str(after_path(&err, tmpdir), c[i].msg, "read: %s message",
		    c[i].what);
		ok(m == NULL, "read: %s gives no model", c[i].what);
		model_free(m);
	}
}

static void
t_defaults(void)
{
	static const char text[] = HW_HEAD HW_IKE HW_ESP HW_TS HW_ROUTE
	    HW_TAIL;
	struct model	*m = NULL;
	struct tunnel	*t;
	struct cgw_err	 err;

	if (load_text(text, "model", &m, &err) == -1) {
		ok(0, "defaults: a minimal model loads: %s", err.msg);
		return;
	}
	ok(1, "defaults: a minimal model loads");
	t = T0(m);
	is_int(t->role, ROLE_NONE, "defaults: role single");
	is_int(t->ike_mode, IKE_MAIN, "defaults: ike.mode main");
	ok(t->ike_prf == alg_by_id(ALG_INTEG, "sha256"), "defaults: prf is "
	    "the integrity algorithm");
	is_int(t->nat_traversal, 1, "defaults: nat_traversal on");
	is_int(t->initiator, INIT_BOTH, "defaults: initiator both");
	is_int(t->dpd_enabled, 0, "defaults: DPD off");
	ok(t->esp_integ == NULL && t->esp_pfs == NULL, "defaults: GCM ESP, "
	    "no integrity, no PFS");
	is_int((long long)t->esp_lifetime_kb, 0, "defaults: no volume "
	    "lifetime");
	ok(t->local_addr == NULL, "defaults: local address unknown");
	ok(m->conns[0].cloud == NULL && m->conns[0].name == NULL,
	    "defaults: no cloud, no name");
	is_int(t->remote_id.type, ID_FQDN, "defaults: remote id type read");
	model_free(m);
}

static void
t_names(void)
{
	enum routing	r;
	enum id_type	it;

	is_str(routing_names(), "policy, static, bgp", "names: routing");
	is_str(id_type_name(ID_USER_FQDN), "user-fqdn", "names: user-fqdn");
	is_str(role_name(ROLE_NONE), "single", "names: role single");
	is_str(initiator_name(INIT_CUSTOMER), "customer", "names: customer");
	ok(routing_parse("bgp", &r) == 0 && r == ROUTING_BGP,
	    "names: parse bgp");
	ok(routing_parse("BGP", &r) == -1, "names: parse is exact");
	ok(id_type_parse("fqdn", &it) == 0 && it == ID_FQDN,
	    "names: parse fqdn");
	ok(id_type_parse(NULL, &it) == -1, "names: parse NULL");
}

int
main(void)
{
	const char	*tmp;

	if ((tmp = getenv("TMPDIR")) == NULL || *tmp == '\0')
		tmp = "/tmp";
	snprintf(tmpdir, sizeof(tmpdir), "%s/t-model.XXXXXX", tmp);
	if (mkdtemp(tmpdir) == NULL)
		skip_all("mkdtemp %s: %s", tmpdir, strerror(errno));
	t_valid();
	t_rules();
	t_endpoint_families();
	t_duplicates();
	t_roundtrip();
	t_roundtrip_tencent();
	t_read_errors();
	t_defaults();
	t_names();
	if (rmdir(tmpdir) == -1)
		diag("rmdir %s: %s", tmpdir, strerror(errno));
	return done_testing();
}
