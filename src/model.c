/*
 * The normalized model: construction, destruction, validation, selection
 * and the names of its enumerations.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "alg.h"
#include "compat.h"
#include "err.h"
#include "model.h"
#include "warn.h"
#include "util.h"
#include "xmalloc.h"

struct name_entry {
	int		 value;
	const char	*name;
};

static const struct name_entry id_type_table[] = {
	{ ID_ADDRESS, "address" },
	{ ID_FQDN, "fqdn" },
	{ ID_USER_FQDN, "user-fqdn" },
};
static const struct name_entry ike_mode_table[] = {
	{ IKE_MAIN, "main" },
	{ IKE_AGGRESSIVE, "aggressive" },
};
static const struct name_entry routing_table[] = {
	{ ROUTING_POLICY, "policy" },
	{ ROUTING_STATIC, "static" },
	{ ROUTING_BGP, "bgp" },
};
static const struct name_entry dpd_action_table[] = {
	{ DPD_CLEAR, "clear" },
	{ DPD_RESTART, "restart" },
};
static const struct name_entry initiator_table[] = {
	{ INIT_CLOUD, "cloud" },
	{ INIT_CUSTOMER, "customer" },
	{ INIT_BOTH, "both" },
};
static const struct name_entry role_table[] = {
	{ ROLE_NONE, "single" },
	{ ROLE_PRIMARY, "primary" },
	{ ROLE_STANDBY, "standby" },
};

#define NAMES(t)	(t), nitems(t)

static const char	*name_of(const struct name_entry *, size_t, int);
static int		 name_parse(const struct name_entry *, size_t,
			    const char *, int *);
static const char	*names_list(const struct name_entry *, size_t,
			    char *, size_t);
static void		 tunnel_free(struct tunnel *);
static void		 connection_free(struct connection *);
static int		 validate_tunnel(const struct tunnel *,
			    struct cgw_err *);
static int		 validate_ident(const struct ident *, const char *,
			    struct cgw_err *);
static int		 validate_alg(const struct alg *, enum alg_kind,
			    const char *, int, struct cgw_err *);
static int		 id_cmp(const void *, const void *);
static int		 check_unique_ids(const struct model *,
			    struct cgw_err *);

static const char *
name_of(const struct name_entry *t, size_t n, int v)
{
	size_t	i;

	for (i = 0; i < n; i++)
		if (t[i].value == v)
			return t[i].name;
	return "?";
}

static int
name_parse(const struct name_entry *t, size_t n, const char *s, int *v)
{
	size_t	i;

	if (s == NULL)
		return -1;
	for (i = 0; i < n; i++) {
		if (strcmp(t[i].name, s) == 0) {
			*v = t[i].value;
			return 0;
		}
	}
	return -1;
}

static const char *
names_list(const struct name_entry *t, size_t n, char *out, size_t len)
{
	size_t	i, used = 0;
	int	w;

	out[0] = '\0';
	for (i = 0; i < n && used < len; i++) {
		w = snprintf(out + used, len - used, "%s%s",
		    i == 0 ? "" : ", ", t[i].name);
		if (w < 0)
			break;
		used += (size_t)w;
	}
	return out;
}

#define ENUM_FUNCS(kind, type, table)					\
const char *								\
kind##_name(enum type v)						\
{									\
	return name_of(NAMES(table), (int)v);				\
}									\
int									\
kind##_parse(const char *s, enum type *v)				\
{									\
	int	x;							\
									\
	if (name_parse(NAMES(table), s, &x) == -1)			\
		return -1;						\
	*v = (enum type)x;						\
	return 0;							\
}									\
const char *								\
kind##_names(void)							\
{									\
	static char	s[128];						\
									\
	return names_list(NAMES(table), s, sizeof(s));			\
}

ENUM_FUNCS(id_type, id_type, id_type_table)
ENUM_FUNCS(ike_mode, ike_mode, ike_mode_table)
ENUM_FUNCS(routing, routing, routing_table)
ENUM_FUNCS(dpd_action, dpd_action, dpd_action_table)
ENUM_FUNCS(initiator, initiator, initiator_table)
ENUM_FUNCS(role, tunnel_role, role_table)

struct model *
model_new(void)
{
	return xcalloc(1, sizeof(struct model));
}

static void
tunnel_free(struct tunnel *t)
{
	size_t	i;

	free(t->id);
	free(t->local_addr);
	free(t->remote_addr);
	free(t->local_id.value);
	free(t->remote_id.value);
	freezero_str(t->psk);
	for (i = 0; i < t->nts; i++) {
		free(t->ts[i].local);
		free(t->ts[i].remote);
	}
	free(t->ts);
	free(t->bgp.tunnel_cidr);
	free(t->bgp.local_ip);
	free(t->bgp.remote_ip);
}

static void
connection_free(struct connection *c)
{
	size_t	j;

	for (j = 0; j < c->ntunnels; j++)
		tunnel_free(&c->tunnels[j]);
	free(c->tunnels);
	free(c->cloud);
	free(c->id);
	free(c->name);
	free(c->region);
	free(c->vpn_gateway_id);
	free(c->customer_gateway_id);
	free(c->vpc_id);
}

void
model_free(struct model *m)
{
	size_t	i;

	if (m == NULL)
		return;
	for (i = 0; i < m->nconns; i++)
		connection_free(&m->conns[i]);
	free(m->conns);
	free(m);
}

struct connection *
model_add_connection(struct model *m)
{
	struct connection	*c;

	m->conns = xreallocarray(m->conns, m->nconns + 1, sizeof(*m->conns));
	c = &m->conns[m->nconns++];
	memset(c, 0, sizeof(*c));
	return c;
}

struct tunnel *
connection_add_tunnel(struct connection *c)
{
	struct tunnel	*t;

	c->tunnels = xreallocarray(c->tunnels, c->ntunnels + 1,
	    sizeof(*c->tunnels));
	t = &c->tunnels[c->ntunnels++];
	memset(t, 0, sizeof(*t));
	t->ike_version = 1;
	t->nat_traversal = 1;
	return t;
}

void
tunnel_add_ts(struct tunnel *t, const char *local, const char *remote)
{
	t->ts = xreallocarray(t->ts, t->nts + 1, sizeof(*t->ts));
	t->ts[t->nts].local = xstrdup(local);
	t->ts[t->nts].remote = xstrdup(remote);
	t->nts++;
}

static int
validate_ident(const struct ident *id, const char *field,
    struct cgw_err *err)
{
	int	good = 0;

	if (id->value == NULL || *id->value == '\0')
		return err_set(err, CGW_E_INPUT, "%s: the identity is empty",
		    field);
	switch (id->type) {
	case ID_ADDRESS:
		good = addr_family(id->value) != 0;
		break;
	case ID_FQDN:
		good = is_fqdn(id->value);
		break;
	case ID_USER_FQDN:
		good = is_user_fqdn(id->value);
		break;
	}
	if (!good)
		return err_set(err, CGW_E_INPUT,
		    "%s: \"%s\" is not a valid %s identity", field, id->value,
		    id_type_name(id->type));
	return 0;
}

static int
validate_alg(const struct alg *a, enum alg_kind kind, const char *field,
    int ike, struct cgw_err *err)
{
	if (a == NULL)
		return err_set(err, CGW_E_INPUT, "%s: no %s algorithm", field,
		    alg_kind_name(kind));
	if (ike && (a->flags & ALG_NOIKE))
		return err_set(err, CGW_E_INPUT, "%s: %s cannot be used in IKE",
		    field, a->id);
	return 0;
}

static int
validate_tunnel(const struct tunnel *t, struct cgw_err *err)
{
	char	cidr[64];
	size_t	i;
	int	hb, fl, fr;

	if (!is_token(t->id))
		return err_set(err, CGW_E_INPUT, "tunnel id \"%s\" must be "
		    "1 to 64 letters, digits, '-' or '_'",
		    t->id == NULL ? "" : t->id);
	if (t->remote_addr == NULL) {
		err_set(err, CGW_E_INPUT, "remote_address: the cloud "
		    "gateway's address is not known");
		goto fail;
	}
	if (addr_family(t->remote_addr) == 0) {
		err_set(err, CGW_E_INPUT, "remote_address: \"%s\" is not an "
		    "IP address", t->remote_addr);
		goto fail;
	}
	if (t->local_addr != NULL && addr_family(t->local_addr) == 0) {
		err_set(err, CGW_E_INPUT, "local_address: \"%s\" is not an "
		    "IP address", t->local_addr);
		goto fail;
	}
	if (t->local_addr != NULL &&
	    addr_family(t->local_addr) != addr_family(t->remote_addr)) {
		err_set(err, CGW_E_INPUT, "local_address %s and remote_address "
		    "%s are of different address families", t->local_addr,
		    t->remote_addr);
		goto fail;
	}
	if (t->ike_version != 1 && t->ike_version != 2) {
		err_set(err, CGW_E_INPUT, "ike.version: %d is not 1 or 2",
		    t->ike_version);
		goto fail;
	}
	if (t->ike_version == 2 && t->ike_mode == IKE_AGGRESSIVE) {
		err_set(err, CGW_E_INPUT, "ike.mode: aggressive mode exists "
		    "only in IKE version 1");
		goto fail;
	}
	if (validate_alg(t->ike_enc, ALG_ENC, "ike.encryption", 1, err) ||
	    validate_alg(t->ike_prf, ALG_INTEG, "ike.prf", 1, err) ||
	    validate_alg(t->ike_dh, ALG_DH, "ike.dh_group", 1, err) ||
	    validate_alg(t->esp_enc, ALG_ENC, "esp.encryption", 0, err))
		goto fail;
	if ((t->ike_enc->flags & ALG_AEAD) && t->ike_integ != NULL) {
		err_set(err, CGW_E_INPUT, "ike.integrity: must be null with "
		    "the combined-mode cipher %s", t->ike_enc->id);
		goto fail;
	}
	if (!(t->ike_enc->flags & ALG_AEAD) &&
	    validate_alg(t->ike_integ, ALG_INTEG, "ike.integrity", 1, err))
		goto fail;
	if ((t->esp_enc->flags & ALG_AEAD) && t->esp_integ != NULL) {
		err_set(err, CGW_E_INPUT, "esp.integrity: must be null with "
		    "the combined-mode cipher %s", t->esp_enc->id);
		goto fail;
	}
	if (!(t->esp_enc->flags & ALG_AEAD) &&
	    validate_alg(t->esp_integ, ALG_INTEG, "esp.integrity", 0, err))
		goto fail;
	if (t->ike_lifetime < 60 || t->ike_lifetime > 604800) {
		err_set(err, CGW_E_INPUT, "ike.lifetime: %u seconds is outside "
		    "60-604800", (unsigned)t->ike_lifetime);
		goto fail;
	}
	if (t->esp_lifetime < 60 || t->esp_lifetime > 604800) {
		err_set(err, CGW_E_INPUT, "esp.lifetime: %u seconds is outside "
		    "60-604800", (unsigned)t->esp_lifetime);
		goto fail;
	}
	if (validate_ident(&t->local_id, "local_id", err) == -1 ||
	    validate_ident(&t->remote_id, "remote_id", err) == -1)
		goto fail;
	if (t->psk == NULL || *t->psk == '\0') {
		err_set(err, CGW_E_INPUT, "psk: the pre-shared key is empty");
		goto fail;
	}
	if (strlen(t->psk) > 1024) {
		err_set(err, CGW_E_INPUT, "psk: the pre-shared key is longer "
		    "than 1024 bytes");
		goto fail;
	}
	if (t->nts == 0) {
		err_set(err, CGW_E_INPUT, "traffic_selectors: none given");
		goto fail;
	}
	for (i = 0; i < t->nts; i++) {
		fl = cidr_parse(t->ts[i].local, cidr, sizeof(cidr), &hb);
		fr = cidr_parse(t->ts[i].remote, cidr, sizeof(cidr), &hb);
		if (fl == 0 || fr == 0) {
			err_set(err, CGW_E_INPUT, "traffic_selectors[%zu]: "
			    "\"%s\" is not a CIDR block", i,
			    fl == 0 ? t->ts[i].local : t->ts[i].remote);
			goto fail;
		}
		if (fl != fr) {
			err_set(err, CGW_E_INPUT, "traffic_selectors[%zu]: %s "
			    "and %s are of different address families", i,
			    t->ts[i].local, t->ts[i].remote);
			goto fail;
		}
	}
	if (t->routing == ROUTING_BGP) {
		if (cidr_parse(t->bgp.tunnel_cidr, cidr, sizeof(cidr),
		    &hb) == 0 || addr_family(t->bgp.local_ip) == 0 ||
		    addr_family(t->bgp.remote_ip) == 0) {
			err_set(err, CGW_E_INPUT, "routing.bgp: BGP needs a "
			    "tunnel CIDR and both inside addresses");
			goto fail;
		}
		if (addr_family(t->bgp.local_ip) !=
		    addr_family(t->bgp.remote_ip) ||
		    cidr_parse(t->bgp.tunnel_cidr, cidr, sizeof(cidr),
		    &hb) != addr_family(t->bgp.local_ip)) {
			err_set(err, CGW_E_INPUT, "routing.bgp: the tunnel CIDR "
			    "and the inside addresses must be of one address "
			    "family");
			goto fail;
		}
		if (t->bgp.remote_asn == 0) {
			err_set(err, CGW_E_INPUT, "routing.bgp.remote_asn: "
			    "the cloud's ASN is missing");
			goto fail;
		}
	}
	if (t->dpd_enabled && (t->dpd_interval == 0 ||
	    t->dpd_timeout < t->dpd_interval || t->dpd_timeout > 3600)) {
		err_set(err, CGW_E_INPUT, "dpd: interval %u and timeout %u "
		    "seconds must satisfy 1 <= interval <= timeout <= 3600",
		    (unsigned)t->dpd_interval, (unsigned)t->dpd_timeout);
		goto fail;
	}
	return 0;
fail:
	err_prefix(err, "tunnel %s", t->id);
	return -1;
}

static int
id_cmp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Sort the tunnel ids and look at neighbours: n log n, not n squared. */
static int
check_unique_ids(const struct model *m, struct cgw_err *err)
{
	char	**ids;
	size_t	  i, j, n = 0;
	int	  ret = 0;

	for (i = 0; i < m->nconns; i++)
		n += m->conns[i].ntunnels;
	ids = xcalloc(n, sizeof(*ids));
	n = 0;
	for (i = 0; i < m->nconns; i++)
		for (j = 0; j < m->conns[i].ntunnels; j++)
			ids[n++] = m->conns[i].tunnels[j].id;
	if (n > 1)
		qsort(ids, n, sizeof(*ids), id_cmp);
	for (i = 1; i < n && ret == 0; i++)
		if (strcmp(ids[i - 1], ids[i]) == 0)
			ret = err_set(err, CGW_E_INPUT, "tunnel id %s appears "
			    "twice", ids[i]);
	free(ids);
	return ret;
}

int
model_validate(const struct model *m, struct cgw_err *err)
{
	const struct connection	*c;
	size_t			 i, j;

	if (m->nconns == 0)
		return err_set(err, CGW_E_INPUT, "no VPN connection found");
	for (i = 0; i < m->nconns; i++) {
		c = &m->conns[i];
		if (!is_token(c->id))
			return err_set(err, CGW_E_INPUT, "connection id \"%s\" "
			    "must be 1 to 64 letters, digits, '-' or '_'",
			    c->id == NULL ? "" : c->id);
		if ((c->name != NULL && !is_text(c->name)) ||
		    (c->region != NULL && !is_token(c->region)) ||
		    (c->vpn_gateway_id != NULL &&
		    !is_token(c->vpn_gateway_id)) ||
		    (c->customer_gateway_id != NULL &&
		    !is_token(c->customer_gateway_id)) ||
		    (c->vpc_id != NULL && !is_token(c->vpc_id)) ||
		    (c->cloud != NULL && !is_token(c->cloud)))
			return err_set(err, CGW_E_INPUT, "connection %s: the "
			    "name holds control characters, or the cloud, "
			    "region or an id is not a plain token", c->id);
		if (c->ntunnels == 0)
			return err_set(err, CGW_E_INPUT, "connection %s: has "
			    "no tunnel", c->id);
		for (j = 0; j < c->ntunnels; j++) {
			if (validate_tunnel(&c->tunnels[j], err) == -1) {
				err_prefix(err, "connection %s", c->id);
				return -1;
			}
		}
	}
	/* Tunnel ids name configuration sections: they must be unique. */
	return check_unique_ids(m, err);
}

int
model_force_routing(struct model *m, int route, struct warnings *warn,
    struct cgw_err *err)
{
	struct connection	*c;
	struct tunnel		*t;
	size_t			 i, j, k;

	for (i = 0; i < m->nconns; i++) {
		c = &m->conns[i];
		for (j = 0; j < c->ntunnels; j++) {
			t = &c->tunnels[j];
			if (route && t->routing == ROUTING_POLICY)
				t->routing = ROUTING_STATIC;
			else if (!route && t->routing == ROUTING_BGP)
				return err_set(err, CGW_E_UNSUPPORTED,
				    "connection %s: tunnel %s runs BGP, which "
				    "needs a route-based tunnel: drop --mode "
				    "policy", c->id, t->id);
			else if (!route && t->routing == ROUTING_STATIC) {
				t->routing = ROUTING_POLICY;
				for (k = 0; k < t->nts; k++)
					if (cidr_is_any(t->ts[k].local) &&
					    cidr_is_any(t->ts[k].remote))
						break;
				if (k < t->nts)
					warn_add(warn, "connection %s: tunnel "
					    "%s: with --mode policy, the "
					    "selectors %s === %s send every "
					    "packet into the tunnel", c->id,
					    t->id, t->ts[k].local,
					    t->ts[k].remote);
			}
		}
	}
	return 0;
}
