/*
 * Building the template view from the model.
 */
#include "config.h"

#include <arpa/inet.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "alg.h"
#include "err.h"
#include "model.h"
#include "source.h"
#include "util.h"
#include "val.h"
#include "vendor.h"
#include "view.h"
#include "xmalloc.h"

struct view_ctx {
	const struct vendor		*vendor;
	const struct device_opts	*dev;
	int				 schema;	/* spelling may be missing */
	struct cgw_err			*err;
	uint32_t			 number;	/* tunnels so far */
	uint32_t			 tunnel_no;	/* next tunnel interface */
	int				 ike_version;	/* of the tunnel viewed */
};

static int	 add_alg(struct view_ctx *, struct val *, const char *,
		    enum vmap, const struct alg *);
static struct val *view_ident(const struct ident *);
static struct val *view_end(const char *, const struct ident *);
static uint32_t	 view_ike_lifetime(const struct vendor *,
		    const struct tunnel *);
static uint32_t	 view_esp_lifetime(const struct vendor *,
		    const struct tunnel *);
static struct val *view_ike(struct view_ctx *, const struct tunnel *);
static struct val *view_esp(struct view_ctx *, const struct tunnel *);
static struct val *view_ts(const struct tunnel *);
static struct val *view_cidrs(const struct tunnel *, int);
static int	 ts_is_product(const struct tunnel *, const struct val *,
		    const struct val *);
static struct val *view_routing(const struct tunnel *, uint32_t, uint32_t);
static struct val *view_bgp(const struct bgp *);
static struct val *view_dpd(const struct vendor *, const struct tunnel *);
static struct val *view_initiator(const struct tunnel *);
static struct val *view_tunnel(struct view_ctx *, const struct tunnel *,
		    size_t, size_t, uint32_t);
static struct val *view_connection(struct view_ctx *,
		    const struct connection *, size_t, size_t, uint32_t *);
static struct val *view_root(struct view_ctx *);
static void	 mark_ends(struct val *);
static struct val *u64_val(uint64_t);
static struct val *view_net(const char *);
static void	 set_kinds(struct val *, const struct model *, size_t, size_t);
static uint32_t	 tunnel_base(const struct view_ctx *);
static uint32_t	 acl_base(const struct view_ctx *);

static struct val *
u64_val(uint64_t v)
{
	char	s[32];

	snprintf(s, sizeof(s), "%" PRIu64, v);
	return val_num_text(s);
}

/*
 * A network as the CLIs write it: cidr, network, prefix_len, netmask and
 * wildcard (the inverse mask of ACLs; IPv4 only, else null), any, ipv6.
 */
static struct val *
view_net(const char *cidr)
{
	struct val	*v = val_map();
	struct in_addr	 mask, wild;
	const char	*slash = strchr(cidr, '/');
	unsigned long	 len;
	char		 net[64], text[INET_ADDRSTRLEN];
	int		 v6 = addr_family(cidr) == 6 || strchr(cidr, ':') != NULL;

	len = slash != NULL ? strtoul(slash + 1, NULL, 10) : v6 ? 128 : 32;
	snprintf(net, sizeof(net), "%.*s", slash != NULL ?
	    (int)(slash - cidr) : (int)strlen(cidr), cidr);
	val_set(v, "cidr", val_str(cidr));
	val_set(v, "network", val_str(net));
	val_set(v, "prefix_len", val_int((long long)len));
	val_set(v, "any", val_bool(cidr_is_any(cidr)));
	val_set(v, "ipv6", val_bool(v6));
	if (!v6 && len <= 32) {
		mask.s_addr = htonl(len == 0 ? 0 : 0xffffffffu << (32 - len));
		wild.s_addr = ~mask.s_addr;
		inet_ntop(AF_INET, &mask, text, sizeof(text));
		val_set(v, "netmask", val_str(text));
		inet_ntop(AF_INET, &wild, text, sizeof(text));
		val_set(v, "wildcard", val_str(text));
	} else {
		val_set(v, "netmask", val_null());
		val_set(v, "wildcard", val_null());
	}
	return v;
}

/*
 * route_based and policy_based at the root: whether any tunnel of the
 * rendering is, for what a target writes once (zones, global policies).
 */
static void
set_kinds(struct val *root, const struct model *m, size_t first,
    size_t count)
{
	size_t	i, j;
	int	route = 0, policy = 0;

	for (i = first; m != NULL && i < first + count && i < m->nconns; i++)
		for (j = 0; j < m->conns[i].ntunnels; j++) {
			if (m->conns[i].tunnels[j].routing == ROUTING_POLICY)
				policy = 1;
			else
				route = 1;
		}
	val_set(root, "route_based", val_bool(route));
	val_set(root, "policy_based", val_bool(policy));
}

/* The first tunnel interface number: --tunnel-number, or the vendor's. */
static uint32_t
tunnel_base(const struct view_ctx *vc)
{
	return vc->dev->tunnel_number >= 0 ?
	    (uint32_t)vc->dev->tunnel_number : vc->vendor->tunnel_number;
}

/* The first ACL number: --acl-number, the vendor's, or 0 for none. */
static uint32_t
acl_base(const struct view_ctx *vc)
{
	return vc->dev->acl_number != 0 ? vc->dev->acl_number :
	    vc->vendor->acl_number;
}

/* Set first and last on each element of a list of maps. */
static void
mark_ends(struct val *list)
{
	size_t	i;

	for (i = 0; i < list->n; i++) {
		val_set(list->items[i], "first", val_bool(i == 0));
		val_set(list->items[i], "last", val_bool(i + 1 == list->n));
	}
}

/*
 * An algorithm as three names: key (the vendor's spelling), key_id
 * (canonical) and key_name (for people). Absent algorithms are null.
 */
static int
add_alg(struct view_ctx *vc, struct val *map, const char *key, enum vmap m,
    const struct alg *a)
{
	char		 k[64];
	const char	*spell;

	if (a == NULL) {
		val_set(map, key, val_null());
		snprintf(k, sizeof(k), "%s_id", key);
		val_set(map, k, val_null());
		snprintf(k, sizeof(k), "%s_name", key);
		val_set(map, k, val_null());
		return 0;
	}
	spell = vendor_spell(vc->vendor, vc->ike_version, m, a);
	if (spell == NULL && vc->schema)
		spell = a->id;
	if (spell == NULL)
		return err_set(vc->err, CGW_E_UNSUPPORTED, "%s cannot use %s "
		    "(%s)", vc->vendor->name, a->name, vendor_map_name(m));
	/* The data file's own text: a spelling may hold a space. */
	val_set(map, key, val_trusted(spell));
	snprintf(k, sizeof(k), "%s_id", key);
	val_set(map, k, val_str(a->id));
	snprintf(k, sizeof(k), "%s_name", key);
	val_set(map, k, val_str(a->name));
	return 0;
}

static struct val *
view_ident(const struct ident *id)
{
	struct val	*v = val_map();

	val_set(v, "type", val_str(id_type_name(id->type)));
	val_set(v, "value", val_str(id->value));
	val_set(v, "address", val_bool(id->type == ID_ADDRESS));
	val_set(v, "ipv6", val_bool(id->type == ID_ADDRESS &&
	    addr_family(id->value) == 6));
	val_set(v, "fqdn", val_bool(id->type == ID_FQDN));
	val_set(v, "user_fqdn", val_bool(id->type == ID_USER_FQDN));
	return v;
}

static struct val *
view_end(const char *addr, const struct ident *id)
{
	struct val	*v = val_map();

	val_set(v, "address", val_str_or_null(addr));
	val_set(v, "id", view_ident(id));
	return v;
}

/* The lifetimes the target keeps: the cloud's, within its limits. */
static uint32_t
view_ike_lifetime(const struct vendor *v, const struct tunnel *t)
{
	if (v->ike_lifetime_max != 0 && t->ike_lifetime > v->ike_lifetime_max)
		return v->ike_lifetime_max;
	if (t->ike_lifetime < v->ike_lifetime_min)
		return v->ike_lifetime_min;
	return t->ike_lifetime;
}

static uint32_t
view_esp_lifetime(const struct vendor *v, const struct tunnel *t)
{
	if (v->esp_lifetime_max != 0 && t->esp_lifetime > v->esp_lifetime_max)
		return v->esp_lifetime_max;
	if (t->esp_lifetime < v->esp_lifetime_min)
		return v->esp_lifetime_min;
	return t->esp_lifetime;
}

static struct val *
view_ike(struct view_ctx *vc, const struct tunnel *t)
{
	struct val	*v = val_map();
	uint32_t	 life;

	val_set(v, "version", val_int(t->ike_version));
	val_set(v, "v1", val_bool(t->ike_version == 1));
	val_set(v, "v2", val_bool(t->ike_version == 2));
	val_set(v, "mode", val_str(ike_mode_name(t->ike_mode)));
	val_set(v, "main", val_bool(t->ike_mode == IKE_MAIN));
	val_set(v, "aggressive", val_bool(t->ike_mode == IKE_AGGRESSIVE));
	val_set(v, "aead", val_bool((t->ike_enc->flags & ALG_AEAD) != 0));
	if (add_alg(vc, v, "encryption", VM_IKE_ENC, t->ike_enc) == -1 ||
	    add_alg(vc, v, "integrity", VM_IKE_INTEG, t->ike_integ) == -1 ||
	    add_alg(vc, v, "prf", VM_IKE_PRF, t->ike_prf) == -1 ||
	    add_alg(vc, v, "dh", VM_IKE_DH, t->ike_dh) == -1) {
		val_free(v);
		return NULL;
	}
	val_set(v, "dh_group", val_int(t->ike_dh->iana));
	life = view_ike_lifetime(vc->vendor, t);
	val_set(v, "lifetime", val_int(life));
	val_set(v, "rekey", val_int(life - life / 10));
	val_set(v, "margin", val_int(life / 10));
	return v;
}

static struct val *
view_esp(struct view_ctx *vc, const struct tunnel *t)
{
	struct val	*v = val_map();
	uint64_t	 bytes;
	uint32_t	 life;

	val_set(v, "aead", val_bool((t->esp_enc->flags & ALG_AEAD) != 0));
	if (add_alg(vc, v, "encryption", VM_ESP_ENC, t->esp_enc) == -1 ||
	    add_alg(vc, v, "integrity", VM_ESP_INTEG, t->esp_integ) == -1 ||
	    add_alg(vc, v, "pfs", VM_ESP_PFS, t->esp_pfs) == -1) {
		val_free(v);
		return NULL;
	}
	val_set(v, "pfs_group", t->esp_pfs == NULL ? val_null() :
	    val_int(t->esp_pfs->iana));
	life = view_esp_lifetime(vc->vendor, t);
	val_set(v, "lifetime", val_int(life));
	val_set(v, "rekey", val_int(life - life / 10));
	val_set(v, "margin", val_int(life / 10));
	if (t->esp_lifetime_kb == 0) {
		val_set(v, "lifetime_kb", val_null());
		val_set(v, "lifetime_bytes", val_null());
		val_set(v, "rekey_bytes", val_null());
	} else {
		bytes = t->esp_lifetime_kb * 1024;
		val_set(v, "lifetime_kb", u64_val(t->esp_lifetime_kb));
		val_set(v, "lifetime_bytes", u64_val(bytes));
		val_set(v, "rekey_bytes", u64_val(bytes - bytes / 10));
	}
	return v;
}

static struct val *
view_ts(const struct tunnel *t)
{
	struct val	*list = val_list(), *p;
	size_t		 i;

	for (i = 0; i < t->nts; i++) {
		p = val_map();
		val_set(p, "local", val_str(t->ts[i].local));
		val_set(p, "remote", val_str(t->ts[i].remote));
		val_set(p, "local_net", view_net(t->ts[i].local));
		val_set(p, "remote_net", view_net(t->ts[i].remote));
		val_set(p, "index", val_int((long long)i + 1));
		/* ACL rule numbers in steps of 5, as Comware numbers them. */
		val_set(p, "rule", val_int((long long)(i + 1) * 5));
		val_push(list, p);
	}
	mark_ends(list);
	return list;
}

/* The distinct local (or remote) CIDRs, in order of appearance. */
static struct val *
view_cidrs(const struct tunnel *t, int remote)
{
	struct val	*list = val_list();
	const char	*s;
	size_t		 i, j;
	int		 dup;

	for (i = 0; i < t->nts; i++) {
		s = remote ? t->ts[i].remote : t->ts[i].local;
		dup = 0;
		for (j = 0; j < list->n; j++)
			if (strcmp(val_get(list->items[j], "cidr")->s, s) == 0)
				dup = 1;
		if (dup)
			continue;
		val_push(list, view_net(s));
	}
	mark_ends(list);
	return list;
}

static struct val *
view_bgp(const struct bgp *b)
{
	struct val	*v = val_map();
	const char	*slash = strchr(b->tunnel_cidr, '/');
	unsigned long	 len = slash != NULL ? strtoul(slash + 1, NULL, 10) : 32;
	struct in_addr	 mask;
	char		 text[INET_ADDRSTRLEN];

	val_set(v, "local_asn", b->local_asn == 0 ? val_null() :
	    val_int(b->local_asn));
	val_set(v, "remote_asn", val_int(b->remote_asn));
	val_set(v, "tunnel_cidr", val_str(b->tunnel_cidr));
	val_set(v, "local_ip", val_str(b->local_ip));
	val_set(v, "remote_ip", val_str(b->remote_ip));
	val_set(v, "prefix_len", val_int((long long)len));
	/* A dotted netmask exists for IPv4 only. */
	if (addr_family(b->local_ip) == 4 && len <= 32) {
		mask.s_addr = htonl(len == 0 ? 0 : 0xffffffffu << (32 - len));
		inet_ntop(AF_INET, &mask, text, sizeof(text));
		val_set(v, "netmask", val_str(text));
	} else
		val_set(v, "netmask", val_null());
	return v;
}

/*
 * Whether pair k is (local_ts[k / nremote], remote_ts[k % nremote]): the
 * order of "for each local, each remote". Sources that build products
 * (Alibaba) build them VPC-major, so that order is tried too.
 */
static int
ts_is_product(const struct tunnel *t, const struct val *l,
    const struct val *r)
{
	size_t	k;
	int	lmajor = 1, rmajor = 1;

	for (k = 0; k < t->nts; k++) {
		if (strcmp(t->ts[k].local,
		    val_get(l->items[k / r->n], "cidr")->s) != 0 ||
		    strcmp(t->ts[k].remote,
		    val_get(r->items[k % r->n], "cidr")->s) != 0)
			lmajor = 0;
		if (strcmp(t->ts[k].remote,
		    val_get(r->items[k / l->n], "cidr")->s) != 0 ||
		    strcmp(t->ts[k].local,
		    val_get(l->items[k % l->n], "cidr")->s) != 0)
			rmajor = 0;
	}
	return lmajor || rmajor;
}

static struct val *
view_routing(const struct tunnel *t, uint32_t if_id, uint32_t tunnel_no)
{
	struct val	*v = val_map();

	val_set(v, "mode", val_str(routing_name(t->routing)));
	val_set(v, "policy", val_bool(t->routing == ROUTING_POLICY));
	val_set(v, "route_based", val_bool(t->routing != ROUTING_POLICY));
	val_set(v, "static", val_bool(t->routing == ROUTING_STATIC));
	val_set(v, "bgp", t->routing == ROUTING_BGP ? view_bgp(&t->bgp) :
	    val_null());
	val_set(v, "if_id", t->routing == ROUTING_POLICY ? val_null() :
	    val_int(if_id));
	val_set(v, "tunnel_number", t->routing == ROUTING_POLICY ?
	    val_null() : val_int(tunnel_no));
	return v;
}

/* DPD as the cloud has it, the interval and retries within the
 * target's limits. */
static struct val *
view_dpd(const struct vendor *vd, const struct tunnel *t)
{
	struct val	*v = val_map();
	uint32_t	 interval = t->dpd_interval, retries;

	if (vd->dpd_interval_max != 0 && interval > vd->dpd_interval_max)
		interval = vd->dpd_interval_max;
	if (interval < vd->dpd_interval_min)
		interval = vd->dpd_interval_min;
	retries = interval == 0 ? 0 : t->dpd_timeout / interval;
	if (vd->dpd_retries_max != 0 && retries > vd->dpd_retries_max)
		retries = vd->dpd_retries_max;
	if (retries < 1 && t->dpd_timeout > 0)
		retries = 1;
	val_set(v, "enabled", val_bool(t->dpd_enabled));
	val_set(v, "interval", val_int(interval));
	val_set(v, "timeout", val_int(t->dpd_timeout));
	val_set(v, "retries", val_int(retries));
	val_set(v, "action", val_str(dpd_action_name(t->dpd_action)));
	val_set(v, "clear", val_bool(t->dpd_action == DPD_CLEAR));
	val_set(v, "restart", val_bool(t->dpd_action == DPD_RESTART));
	return v;
}

static struct val *
view_initiator(const struct tunnel *t)
{
	struct val	*v = val_map();

	val_set(v, "who", val_str(initiator_name(t->initiator)));
	val_set(v, "cloud", val_bool(t->initiator == INIT_CLOUD));
	val_set(v, "customer", val_bool(t->initiator == INIT_CUSTOMER));
	val_set(v, "both", val_bool(t->initiator == INIT_BOTH));
	/* The device must bring the tunnel up itself. */
	val_set(v, "device_starts", val_bool(t->initiator != INIT_CLOUD));
	return v;
}

static struct val *
view_tunnel(struct view_ctx *vc, const struct tunnel *t, size_t index,
    size_t count, uint32_t if_id)
{
	struct val	*v = val_map(), *ike, *esp, *local_ts, *remote_ts;
	uint32_t	 ike_life, esp_life;

	(void)count;
	vc->ike_version = t->ike_version;
	if ((ike = view_ike(vc, t)) == NULL ||
	    (esp = view_esp(vc, t)) == NULL) {
		val_free(ike);
		val_free(v);
		return NULL;
	}
	val_set(v, "id", val_str(t->id));
	val_set(v, "index", val_int((long long)index + 1));
	/* Numbers across the whole rendering, for names and sequences. */
	vc->number++;
	val_set(v, "number", val_int(vc->number));
	val_set(v, "seq", val_int((long long)vc->number * 10));
	val_set(v, "acl", acl_base(vc) == 0 ? val_null() :
	    val_int((long long)acl_base(vc) + vc->number - 1));
	val_set(v, "role", val_str(role_name(t->role)));
	val_set(v, "primary", val_bool(t->role == ROLE_PRIMARY));
	val_set(v, "standby", val_bool(t->role == ROLE_STANDBY));
	val_set(v, "local", view_end(t->local_addr, &t->local_id));
	val_set(v, "remote", view_end(t->remote_addr, &t->remote_id));
	val_set(v, "psk", val_secret(t->psk));
	val_set(v, "ike", ike);
	val_set(v, "esp", esp);
	val_set(v, "traffic_selectors", view_ts(t));
	val_set(v, "local_ts", local_ts = view_cidrs(t, 0));
	val_set(v, "remote_ts", remote_ts = view_cidrs(t, 1));
	val_set(v, "ts_single", val_bool(t->nts == 1));
	/* The pairs are every local with every remote, in that order. */
	val_set(v, "ts_product", val_bool(t->nts > 1 &&
	    t->nts == local_ts->n * remote_ts->n && ts_is_product(t,
	    local_ts, remote_ts)));
	/* One margin before the end of both lifetimes, for targets that
	 * have a single setting for IKE and IPsec (Libreswan). */
	ike_life = view_ike_lifetime(vc->vendor, t);
	esp_life = view_esp_lifetime(vc->vendor, t);
	val_set(v, "rekey_margin", val_int(esp_life / 10 < ike_life / 10 ?
	    esp_life / 10 : ike_life / 10));
	val_set(v, "routing", view_routing(t, if_id, vc->tunnel_no));
	if (t->routing != ROUTING_POLICY)
		vc->tunnel_no++;
	val_set(v, "dpd", view_dpd(vc->vendor, t));
	val_set(v, "nat_traversal", val_bool(t->nat_traversal));
	val_set(v, "initiator", view_initiator(t));
	return v;
}

static struct val *
view_connection(struct view_ctx *vc, const struct connection *c,
    size_t index, size_t count, uint32_t *if_id)
{
	const struct source	*src = c->cloud == NULL ? NULL :
				    source_find(c->cloud);
	struct val		*v = val_map(), *tunnels = val_list(), *t;
	size_t			 i;

	(void)index;
	(void)count;
	val_set(v, "id", val_str(c->id));
	val_set(v, "name", c->name == NULL ? val_null() : val_lossy(c->name));
	val_set(v, "cloud", val_str_or_null(c->cloud));
	val_set(v, "cloud_title", src == NULL ? val_null() :
	    val_trusted(src->title));
	val_set(v, "region", val_str_or_null(c->region));
	val_set(v, "vpn_gateway_id", val_str_or_null(c->vpn_gateway_id));
	val_set(v, "customer_gateway_id",
	    val_str_or_null(c->customer_gateway_id));
	val_set(v, "vpc_id", val_str_or_null(c->vpc_id));
	val_set(v, "tunnel_count", val_int((long long)c->ntunnels));
	val_set(v, "dual_tunnel", val_bool(c->ntunnels > 1));
	for (i = 0; i < c->ntunnels; i++) {
		t = view_tunnel(vc, &c->tunnels[i], i, c->ntunnels, *if_id);
		if (c->tunnels[i].routing != ROUTING_POLICY)
			(*if_id)++;
		if (t == NULL) {
			err_prefix(vc->err, "connection %s: tunnel %s", c->id,
			    c->tunnels[i].id);
			val_free(tunnels);
			val_free(v);
			return NULL;
		}
		val_push(tunnels, t);
	}
	mark_ends(tunnels);
	val_set(v, "tunnels", tunnels);
	return v;
}

static struct val *
view_root(struct view_ctx *vc)
{
	struct val	*root = val_map(), *g = val_map(), *d = val_map();

	val_set(g, "version", val_trusted(PACKAGE_VERSION));
	val_set(g, "vendor", val_trusted(vc->vendor->name));
	val_set(g, "vendor_title", val_trusted(vc->vendor->title));
	val_set(root, "cgwgen", g);
	val_set(d, "local_address", val_str_or_null(vc->dev->local_address));
	val_set(d, "interface", val_str(vc->dev->interface != NULL ?
	    vc->dev->interface : vc->vendor->interface));
	val_set(d, "if_id", val_int(vc->dev->if_id));
	val_set(d, "tunnel_number", val_int(tunnel_base(vc)));
	val_set(d, "acl_number", acl_base(vc) == 0 ? val_null() :
	    val_int(acl_base(vc)));
	val_set(d, "zone", val_str(vc->dev->zone != NULL ? vc->dev->zone :
	    vc->vendor->zone));
	val_set(d, "inside_zone", val_str(vc->dev->inside_zone != NULL ?
	    vc->dev->inside_zone : vc->vendor->inside_zone));
	val_set(d, "tunnel_zone", val_str(vc->dev->tunnel_zone != NULL ?
	    vc->dev->tunnel_zone : vc->vendor->tunnel_zone));
	val_set(d, "vrf", val_str_or_null(vc->dev->vrf));
	val_set(root, "device", d);
	return root;
}

struct val *
view_build(const struct model *m, size_t first, size_t count,
    const struct vendor *vendor, const struct device_opts *dev,
    struct cgw_err *err)
{
	struct view_ctx	 vc = { vendor, dev, 0, err, 0, 0, 0 };
	struct val	*root, *conns, *c;
	uint32_t	 if_id = dev->if_id;
	size_t		 i, j;

	/* Numbers count the tunnels before this slice (--output-dir). */
	vc.tunnel_no = tunnel_base(&vc);
	for (i = 0; i < first && i < m->nconns; i++)
		for (j = 0; j < m->conns[i].ntunnels; j++) {
			vc.number++;
			if (m->conns[i].tunnels[j].routing != ROUTING_POLICY) {
				if_id++;
				vc.tunnel_no++;
			}
		}
	root = view_root(&vc);
	conns = val_list();
	for (i = first; i < first + count && i < m->nconns; i++) {
		if ((c = view_connection(&vc, &m->conns[i], i, m->nconns,
		    &if_id)) == NULL) {
			val_free(conns);
			val_free(root);
			return NULL;
		}
		val_push(conns, c);
	}
	mark_ends(conns);
	val_set(root, "connections", conns);
	set_kinds(root, m, first, count);
	return root;
}

struct val *
view_sample(const struct vendor *vendor, const struct device_opts *dev,
    enum view_sample kind)
{
	static char		 tid[] = "vpnx-schema", laddr[] = "198.51.100.2";
	static char		 raddr[] = "203.0.113.1";
	static char		 fqdn[] = "vpn.example.com", psk[] = "schema";
	static char		 l1[] = "192.168.0.0/24", r1[] = "10.1.0.0/16";
	static char		 l2[] = "192.168.1.0/24", r2[] = "10.2.0.0/16";
	static char		 tcidr[] = "169.254.10.0/30";
	static char		 lip[] = "169.254.10.2", rip[] = "169.254.10.1";
	static char		 name[] = "schema", cloud[] = "tencent";
	static char		 region[] = "ap-guangzhou";
	static char		 gw[] = "vpngw-schema", cgw[] = "cgw-schema";
	static char		 vpc[] = "vpc-schema";
	struct view_ctx		 vc = { vendor, dev, 1, NULL, 0, 0, 0 };
	struct device_opts	 sparse_dev, full_dev;
	struct connection	 c;
	struct tunnel		 t;
	struct ts_pair		 ts[2] = { { l1, r1 }, { l2, r2 } };
	struct val		*root, *conns;
	uint32_t		 if_id = dev->if_id;

	memset(&t, 0, sizeof(t));
	t.id = tid;
	t.role = ROLE_PRIMARY;
	t.local_addr = laddr;
	t.remote_addr = raddr;
	t.ike_version = 2;
	t.ike_enc = alg_by_id(ALG_ENC, "aes256-cbc");
	t.ike_integ = t.ike_prf = alg_by_id(ALG_INTEG, "sha256");
	t.ike_dh = t.esp_pfs = alg_by_id(ALG_DH, "modp2048");
	t.ike_lifetime = 86400;
	t.local_id.type = ID_ADDRESS;
	t.local_id.value = laddr;
	t.remote_id.type = ID_FQDN;
	t.remote_id.value = fqdn;
	t.psk = psk;
	t.esp_enc = alg_by_id(ALG_ENC, "aes256-cbc");
	t.esp_integ = alg_by_id(ALG_INTEG, "sha256");
	t.esp_lifetime = 3600;
	t.esp_lifetime_kb = 1843200;
	t.ts = ts;
	t.nts = 2;
	t.initiator = INIT_BOTH;
	t.routing = ROUTING_BGP;
	t.bgp.local_asn = 65000;
	t.bgp.remote_asn = 64512;
	t.bgp.tunnel_cidr = tcidr;
	t.bgp.local_ip = lip;
	t.bgp.remote_ip = rip;
	t.dpd_enabled = 1;
	t.dpd_interval = 10;
	t.dpd_timeout = 30;
	t.nat_traversal = 1;

	memset(&c, 0, sizeof(c));
	c.id = tid;
	c.name = name;
	c.cloud = cloud;
	c.region = region;
	c.vpn_gateway_id = gw;
	c.customer_gateway_id = cgw;
	c.vpc_id = vpc;
	c.tunnels = &t;
	c.ntunnels = 1;

	/* The full view has every optional device fact. */
	full_dev = *dev;
	if (full_dev.vrf == NULL)
		full_dev.vrf = "vrf-schema";
	if (full_dev.acl_number == 0)
		full_dev.acl_number = 3000;
	vc.dev = &full_dev;
	if (kind != VIEW_FULL) {
		t.local_addr = NULL;
		t.ike_enc = t.esp_enc = alg_by_id(ALG_ENC, "aes256-gcm16");
		t.ike_integ = t.esp_integ = t.esp_pfs = NULL;
		t.esp_lifetime_kb = 0;
		t.nts = 1;
		t.bgp.local_asn = 0;
		t.dpd_enabled = 0;
		t.nat_traversal = 0;
		t.role = ROLE_NONE;
		t.initiator = INIT_CUSTOMER;
		c.name = c.cloud = c.region = NULL;
		c.vpn_gateway_id = c.customer_gateway_id = c.vpc_id = NULL;
		sparse_dev = *dev;
		sparse_dev.local_address = NULL;
		sparse_dev.vrf = NULL;
		sparse_dev.acl_number = 0;
		vc.dev = &sparse_dev;
	}
	if (kind == VIEW_SPARSE_POLICY)
		t.routing = ROUTING_POLICY;

	vc.tunnel_no = tunnel_base(&vc);
	root = view_root(&vc);
	conns = val_list();
	val_push(conns, view_connection(&vc, &c, 0, 1, &if_id));
	mark_ends(conns);
	val_set(root, "connections", conns);
	/* The full view has both kinds, to check both sections. */
	val_set(root, "route_based", val_bool(kind == VIEW_FULL ||
	    t.routing != ROUTING_POLICY));
	val_set(root, "policy_based", val_bool(kind == VIEW_FULL ||
	    t.routing == ROUTING_POLICY));
	return root;
}
