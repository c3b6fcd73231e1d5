/*
 * Alibaba Cloud VPC (API 2016-04-28): saved DescribeVpnConnection,
 * DescribeVpnConnections and DownloadVpnConnectionConfig responses, in
 * JSON or in XML (which xml.c turns into the same cJSON shape), into the
 * model.
 *
 * The two Describe actions speak from the cloud's side (LocalSubnet is
 * the VPC, IkeConfig.LocalId the VPN gateway); the Download speaks from
 * the customer's (Local, LocalSubnet and LocalId are the customer). Each
 * is turned here into the customer device's point of view. Dual-tunnel
 * connections give one model tunnel per tunnel, ordered by tunnel id.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <cjson/cJSON.h>

#include "alg.h"
#include "buf.h"
#include "compat.h"
#include "err.h"
#include "jsonutil.h"
#include "model.h"
#include "source.h"
#include "source-alibaba.h"
#include "util.h"
#include "warn.h"
#include "xmalloc.h"

/* Documented defaults (CreateVpnConnection). */
#define AL_DEF_ENC		"aes"
#define AL_DEF_AUTH		"md5"
#define AL_DEF_PFS		"group2"
#define AL_DEF_LIFETIME		86400
/* Alibaba does not expose its DPD timers: ours. */
#define AL_DPD_INTERVAL		10
#define AL_DPD_TIMEOUT		30

/* Which side a form speaks from. */
enum al_view {
	AL_CLOUD_SIDE,		/* DescribeVpnConnection(s) */
	AL_CUSTOMER_SIDE	/* DownloadVpnConnectionConfig */
};

struct al_conn {
	struct source_ctx	*ctx;
	enum al_view		 view;
	const char		*id;		/* connection id */
	char			 where[128];	/* "VpnConnections[1]" */
};

static int	al_detect(const cJSON *);
static int	al_parse(const cJSON *, struct source_ctx *, struct cgw_err *);
static const char *al_field(enum mfield);
static const char *al_spell(enum mfield, const struct alg *);
static const char *al_spell_value(enum mfield, const char *);
static void	al_default(struct al_conn *, const char *, const char *,
		    const char *);
static int	al_list(const cJSON *, const char *, const char *,
		    const cJSON **, size_t *, struct cgw_err *);
static const cJSON *al_item(const cJSON *, size_t);
static int	al_alg(const cJSON *, struct al_conn *, const char *,
		    const char *, enum alg_kind, const char *, const char *,
		    const struct alg **, struct cgw_err *);
static int	al_ident(const char *, const char *, struct ident *,
		    struct cgw_err *);
static int	al_lifetime(const cJSON *, struct al_conn *, const char *,
		    const char *, uint32_t *, struct cgw_err *);
static int	al_ike(const cJSON *, struct al_conn *, const char *,
		    const char *, struct tunnel *, struct cgw_err *);
static int	al_ipsec(const cJSON *, struct al_conn *, const char *,
		    const char *, struct tunnel *, struct cgw_err *);
static int	al_subnets(const char *, const char *, char ***, size_t *,
		    struct al_conn *, struct cgw_err *);
static int	al_selectors(const cJSON *, struct al_conn *,
		    struct connection *, struct cgw_err *);
static int	al_bgp(const cJSON *, const char *, enum al_view,
		    struct tunnel *, struct cgw_err *);
static int	al_addresses(struct al_conn *, const char *, const char *,
		    struct tunnel *, struct cgw_err *);
static void	al_finish(struct tunnel *);
static int	al_flag(const cJSON *, struct al_conn *, const char *,
		    const char *, int *, struct cgw_err *);
static int	al_tunnel_option(const cJSON *, size_t, struct al_conn *,
		    struct connection *, int, struct cgw_err *);
static int	al_describe(const cJSON *, struct al_conn *,
		    struct cgw_err *);
static int	al_download_tunnel(const cJSON *, const cJSON *, size_t,
		    const cJSON *, size_t, struct al_conn *,
		    struct connection *, struct cgw_err *);
static int	al_download(const cJSON *, struct al_conn *,
		    struct cgw_err *);
static int	tunnel_cmp(const void *, const void *);
static void	free_strings(char **, size_t);

const struct source source_alibaba = {
	.name = "alibaba",
	.title = "Alibaba Cloud",
	.detect_json = al_detect,
	.parse_json = al_parse,
	.field = al_field,
	.spell = al_spell,
	.spell_value = al_spell_value,
};

static const char *al_fields[MF__COUNT] = {
	[MF_IKE_VERSION] = "IkeConfig.IkeVersion",
	[MF_IKE_MODE] = "IkeConfig.IkeMode",
	[MF_IKE_ENC] = "IkeConfig.IkeEncAlg",
	[MF_IKE_INTEG] = "IkeConfig.IkeAuthAlg",
	[MF_IKE_DH] = "IkeConfig.IkePfs",
	[MF_IKE_LIFETIME] = "IkeConfig.IkeLifetime",
	[MF_ESP_ENC] = "IpsecConfig.IpsecEncAlg",
	[MF_ESP_INTEG] = "IpsecConfig.IpsecAuthAlg",
	[MF_ESP_PFS] = "IpsecConfig.IpsecPfs",
	[MF_ESP_LIFETIME] = "IpsecConfig.IpsecLifetime",
	[MF_LOCAL_ID] = "IkeConfig.RemoteId",
	[MF_REMOTE_ID] = "IkeConfig.LocalId",
	[MF_PSK] = "IkeConfig.Psk",
	[MF_TS] = "LocalSubnet/RemoteSubnet",
	[MF_ROUTING] = "VpnBgpConfig",
	[MF_DPD] = "EnableDpd",
	[MF_INITIATOR] = "EffectImmediately",
};

static const char *
al_field(enum mfield f)
{
	return al_fields[f];
}

static const char *
al_spell(enum mfield f, const struct alg *a)
{
	(void)f;
	return a->al != NULL ? a->al : a->id;
}

static const char *
al_spell_value(enum mfield f, const char *v)
{
	static const struct value_spelling values[] = {
		{ MF_IKE_MODE, "main", "main" },
		{ MF_IKE_MODE, "aggressive", "aggressive" },
		{ MF_IKE_VERSION, "1", "ikev1" },
		{ MF_IKE_VERSION, "2", "ikev2" },
		{ MF_INITIATOR, "cloud", "true" },
		{ MF_INITIATOR, "both", "false" },
	};
	return source_spell_lookup(values, nitems(values), f, v);
}

static int
al_detect(const cJSON *root)
{
	const cJSON	*first;

	if (cJSON_IsArray(root)) {
		first = cJSON_GetArrayItem(root, 0);
		return json_get(first, "VpnConnectionId") != NULL &&
		    (json_get(first, "IkeConfig") != NULL ||
		    json_get(first, "TunnelOptionsSpecification") != NULL) ?
		    40 : 0;
	}
	if (json_get(root, "VpnConnections") != NULL ||
	    json_get(root, "VpnConnectionConfig") != NULL)
		return 50;
	if (json_get(root, "VpnConnectionId") != NULL &&
	    (json_get(root, "IkeConfig") != NULL ||
	    json_get(root, "TunnelOptionsSpecification") != NULL))
		return 50;
	/* An error response: Code, Message and RequestId at the top. */
	if (json_get(root, "Code") != NULL &&
	    json_get(root, "Message") != NULL &&
	    json_get(root, "RequestId") != NULL)
		return 30;
	return 0;
}

static void
al_default(struct al_conn *ac, const char *path, const char *field,
    const char *value)
{
	warn_add(ac->ctx->warn, "%s: %s (%s): %s%s%s is not set; using Alibaba "
	    "Cloud's documented default %s", ac->ctx->path, ac->where, ac->id,
	    path, *path == '\0' ? "" : ".", field, value);
}

/*
 * A list container's items: obj.key.item may be an array, or (XML with
 * one element) a single object. *n is 0 when absent.
 */
static int
al_list(const cJSON *obj, const char *key, const char *item,
    const cJSON **out, size_t *n, struct cgw_err *err)
{
	const cJSON	*c, *v;

	*out = NULL;
	*n = 0;
	if ((c = json_get(obj, key)) == NULL || cJSON_IsNull(c) ||
	    (cJSON_IsString(c) && *c->valuestring == '\0'))
		return 0;
	if (!cJSON_IsObject(c))
		return err_set(err, CGW_E_INPUT, "%s: expected an object, "
		    "found %s", key, json_kind(c));
	if ((v = json_get(c, item)) == NULL || cJSON_IsNull(v))
		return 0;
	if (cJSON_IsArray(v))
		*n = (size_t)cJSON_GetArraySize(v);
	else if (cJSON_IsObject(v))
		*n = 1;
	else
		return err_set(err, CGW_E_INPUT, "%s.%s: expected objects, "
		    "found %s", key, item, json_kind(v));
	*out = v;
	return 0;
}

static const cJSON *
al_item(const cJSON *list, size_t i)
{
	return cJSON_IsArray(list) ? cJSON_GetArrayItem(list, (int)i) : list;
}

static int
al_alg(const cJSON *obj, struct al_conn *ac, const char *path,
    const char *key, enum alg_kind kind, const char *def, const char *extra,
    const struct alg **out, struct cgw_err *err)
{
	const char		*s;
	char			 allowed[256];
	int			 r;

	if ((r = json_string(obj, path, key, &s, err)) == -1)
		return -1;
	if (r == 1) {
		al_default(ac, path, key, def);
		s = def;
	}
	if ((*out = alg_by_alibaba(kind, s)) != NULL)
		return 0;
	/* extra: a value meaning "none", such as IpsecPfs disabled. */
	alg_spellings(kind, ALG_COL_AL, extra, allowed, sizeof(allowed));
	return err_set(err, CGW_E_INPUT, "%s.%s: unknown value \"%s\" (Alibaba "
	    "Cloud documents %s)", path, key, s, allowed);
}

/* An identity whose type Alibaba does not say: its text decides. */
static int
al_ident(const char *field, const char *value, struct ident *id,
    struct cgw_err *err)
{
	if (addr_family(value) != 0)
		id->type = ID_ADDRESS;
	else if (strchr(value, '@') != NULL && is_user_fqdn(value))
		id->type = ID_USER_FQDN;
	else if (is_fqdn(value))
		id->type = ID_FQDN;
	else
		return err_set(err, CGW_E_INPUT, "%s: \"%s\" is neither an IP "
		    "address nor a host name nor user@host", field, value);
	id->value = xstrdup(value);
	return 0;
}

/*
 * A lifetime: 0 to 86400 documented, default 86400. Below a minute no
 * device can rekey in time: refuse that clearly.
 */
static int
al_lifetime(const cJSON *obj, struct al_conn *ac, const char *path,
    const char *key, uint32_t *out, struct cgw_err *err)
{
	uint64_t	life;
	int		r;

	if ((r = json_uint(obj, path, key, 0, 86400, &life, err)) == -1)
		return -1;
	if (r == 1) {
		al_default(ac, path, key, "86400");
		life = AL_DEF_LIFETIME;
	}
	if (life < 60)
		return err_set(err, CGW_E_INPUT, "%s.%s: %llu seconds is too "
		    "short to rekey in time; set at least 60 in Alibaba Cloud",
		    path, key, (unsigned long long)life);
	*out = (uint32_t)life;
	return 0;
}

/*
 * IKE settings of a tunnel from an IkeConfig-shaped object. The
 * identities are flipped or not according to the form's point of view.
 */
static int
al_ike(const cJSON *conn, struct al_conn *ac, const char *key,
    const char *path, struct tunnel *t, struct cgw_err *err)
{
	const cJSON	*ike;
	const char	*s, *cloud_key, *cust_key;
	char		 field[160];
	int		 r;

	if ((r = json_object(conn, "", key, &ike, err)) == -1)
		return -1;
	if (r == 1)
		return err_set(err, CGW_E_INPUT, "%s is missing: the response "
		    "does not describe the IKE settings", path);

	if ((r = json_string(ike, path, "IkeVersion", &s, err)) == -1)
		return -1;
	if (r == 1) {
		al_default(ac, path, "IkeVersion", "ikev1");
		s = "ikev1";
	}
	if (strcasecmp(s, "ikev1") == 0)
		t->ike_version = 1;
	else if (strcasecmp(s, "ikev2") == 0)
		t->ike_version = 2;
	else
		return err_set(err, CGW_E_INPUT, "%s.IkeVersion: unknown value "
		    "\"%s\" (Alibaba Cloud documents ikev1, ikev2)", path, s);

	if ((r = json_string(ike, path, "IkeMode", &s, err)) == -1)
		return -1;
	if (r == 1) {
		if (t->ike_version == 1)
			al_default(ac, path, "IkeMode", "main");
		s = "main";
	}
	if (strcasecmp(s, "main") == 0)
		t->ike_mode = IKE_MAIN;
	else if (strcasecmp(s, "aggressive") == 0)
		t->ike_mode = IKE_AGGRESSIVE;
	else
		return err_set(err, CGW_E_INPUT, "%s.IkeMode: unknown value "
		    "\"%s\" (Alibaba Cloud documents main, aggressive)", path, s);
	if (t->ike_version == 2)
		t->ike_mode = IKE_MAIN;

	if (al_alg(ike, ac, path, "IkeEncAlg", ALG_ENC, AL_DEF_ENC, NULL,
	    &t->ike_enc, err) == -1 ||
	    al_alg(ike, ac, path, "IkeAuthAlg", ALG_INTEG, AL_DEF_AUTH, NULL,
	    &t->ike_prf, err) == -1 ||
	    al_alg(ike, ac, path, "IkePfs", ALG_DH, AL_DEF_PFS, NULL, &t->ike_dh,
	    err) == -1)
		return -1;
	t->ike_integ = t->ike_prf;

	if (al_lifetime(ike, ac, path, "IkeLifetime", &t->ike_lifetime,
	    err) == -1)
		return -1;

	if ((r = json_string(ike, path, "Psk", &s, err)) == -1)
		return -1;
	if (r == 1)
		return err_set(err, CGW_E_INPUT, "%s.Psk is missing or empty",
		    path);
	t->psk = xstrdup(s);

	/* LocalId is the cloud in Describe, the customer in Download. */
	cloud_key = ac->view == AL_CLOUD_SIDE ? "LocalId" : "RemoteId";
	cust_key = ac->view == AL_CLOUD_SIDE ? "RemoteId" : "LocalId";
	if ((r = json_string(ike, path, cloud_key, &s, err)) == -1)
		return -1;
	snprintf(field, sizeof(field), "%s.%s", path, cloud_key);
	if (r == 1)
		return err_set(err, CGW_E_INPUT, "%s (the VPN gateway's "
		    "identity) is missing", field);
	if (al_ident(field, s, &t->remote_id, err) == -1)
		return -1;
	if ((r = json_string(ike, path, cust_key, &s, err)) == -1)
		return -1;
	snprintf(field, sizeof(field), "%s.%s", path, cust_key);
	if (r == 1)
		return err_set(err, CGW_E_INPUT, "%s (the customer gateway's "
		    "identity) is missing", field);
	return al_ident(field, s, &t->local_id, err);
}

static int
al_ipsec(const cJSON *conn, struct al_conn *ac, const char *key,
    const char *path, struct tunnel *t, struct cgw_err *err)
{
	const cJSON	*esp;
	const char	*s;
	int		 r;

	if ((r = json_object(conn, "", key, &esp, err)) == -1)
		return -1;
	if (r == 1)
		return err_set(err, CGW_E_INPUT, "%s is missing: the response "
		    "does not describe the IPsec settings", path);
	if (al_alg(esp, ac, path, "IpsecEncAlg", ALG_ENC, AL_DEF_ENC, NULL,
	    &t->esp_enc, err) == -1 ||
	    al_alg(esp, ac, path, "IpsecAuthAlg", ALG_INTEG, AL_DEF_AUTH, NULL,
	    &t->esp_integ, err) == -1)
		return -1;
	if ((r = json_string(esp, path, "IpsecPfs", &s, err)) == -1)
		return -1;
	if (r == 0 && strcasecmp(s, "disabled") == 0)
		t->esp_pfs = NULL;
	else if (al_alg(esp, ac, path, "IpsecPfs", ALG_DH, AL_DEF_PFS, "disabled",
	    &t->esp_pfs, err) == -1)
		return -1;
	return al_lifetime(esp, ac, path, "IpsecLifetime", &t->esp_lifetime,
	    err);
}

static void
free_strings(char **v, size_t n)
{
	size_t	i;

	for (i = 0; i < n; i++)
		free(v[i]);
	free(v);
}

/* "a, b,c" into normalized CIDR strings, duplicates dropped. */
static int
al_subnets(const char *field, const char *s, char ***out, size_t *n,
    struct al_conn *ac, struct cgw_err *err)
{
	char		**v = NULL, cidr[64], *copy, *p, *tok, *end;
	size_t		  count = 0, i;
	int		  hb, dup, ret = -1;

	copy = xstrdup(s);
	for (p = copy; p != NULL; p = end) {
		if ((end = strchr(p, ',')) != NULL)
			*end++ = '\0';
		tok = p + strspn(p, " \t");
		tok[strcspn(tok, " \t")] = '\0';
		if (*tok == '\0')
			continue;
		if (cidr_parse(tok, cidr, sizeof(cidr), &hb) == 0) {
			err_set(err, CGW_E_INPUT, "%s: \"%s\" is not a CIDR "
			    "block", field, tok);
			goto out;
		}
		if (hb)
			warn_add(ac->ctx->warn, "%s: %s (%s): %s %s has host "
			    "bits set; using %s", ac->ctx->path, ac->where,
			    ac->id, field, tok, cidr);
		dup = 0;
		for (i = 0; i < count; i++)
			if (strcmp(v[i], cidr) == 0)
				dup = 1;
		if (dup)
			continue;
		v = xreallocarray(v, count + 1, sizeof(*v));
		v[count++] = xstrdup(cidr);
	}
	if (count == 0) {
		err_set(err, CGW_E_INPUT, "%s is empty", field);
		goto out;
	}
	*out = v;
	*n = count;
	v = NULL;
	ret = 0;
out:
	if (v != NULL)
		free_strings(v, count);
	free(copy);
	return ret;
}

/*
 * Every (VPC subnet, customer subnet) combination is one selector pair of
 * every tunnel; also decides policy or route-based (both 0.0.0.0/0).
 */
static int
al_selectors(const cJSON *obj, struct al_conn *ac, struct connection *c,
    struct cgw_err *err)
{
	const char	*vpc_key, *cust_key, *vpcs, *custs;
	char		**vpc = NULL, **cust = NULL;
	size_t		  nvpc = 0, ncust = 0, i, j, k;
	int		  r, any = 1, ret = -1;

	vpc_key = ac->view == AL_CLOUD_SIDE ? "LocalSubnet" : "RemoteSubnet";
	cust_key = ac->view == AL_CLOUD_SIDE ? "RemoteSubnet" : "LocalSubnet";
	if ((r = json_string(obj, "", vpc_key, &vpcs, err)) == -1)
		return -1;
	if (r == 1)
		return err_set(err, CGW_E_INPUT, "%s (the VPC's networks) is "
		    "missing", vpc_key);
	if ((r = json_string(obj, "", cust_key, &custs, err)) == -1)
		return -1;
	if (r == 1)
		return err_set(err, CGW_E_INPUT, "%s (the on-premises networks) "
		    "is missing", cust_key);
	if (al_subnets(vpc_key, vpcs, &vpc, &nvpc, ac, err) == -1 ||
	    al_subnets(cust_key, custs, &cust, &ncust, ac, err) == -1)
		goto out;
	for (i = 0; i < nvpc; i++)
		if (strcmp(vpc[i], "0.0.0.0/0") != 0 &&
		    strcmp(vpc[i], "::/0") != 0)
			any = 0;
	for (j = 0; j < ncust; j++)
		if (strcmp(cust[j], "0.0.0.0/0") != 0 &&
		    strcmp(cust[j], "::/0") != 0)
			any = 0;
	for (k = 0; k < c->ntunnels; k++) {
		for (i = 0; i < nvpc; i++)
			for (j = 0; j < ncust; j++)
				tunnel_add_ts(&c->tunnels[k], cust[j], vpc[i]);
		if (c->tunnels[k].routing != ROUTING_BGP)
			c->tunnels[k].routing = any ? ROUTING_STATIC :
			    ROUTING_POLICY;
	}
	ret = 0;
out:
	free_strings(vpc, nvpc);
	free_strings(cust, ncust);
	return ret;
}

/*
 * BGP fields. From the cloud's side Local* is the cloud and Peer* the
 * customer; the Download's BgpConfigs speak from the customer's side.
 */
static int
al_bgp(const cJSON *b, const char *path, enum al_view view, struct tunnel *t,
    struct cgw_err *err)
{
	const char	*cidr, *lip, *pip;
	char		 norm[64];
	uint64_t	 lasn = 0, pasn = 0;
	int		 r, hb;

	if (json_string(b, path, "TunnelCidr", &cidr, err) != 0 ||
	    cidr_parse(cidr, norm, sizeof(norm), &hb) == 0)
		return err_set(err, CGW_E_INPUT, "%s.TunnelCidr is missing or "
		    "not a CIDR block", path);
	if (json_string(b, path, "LocalBgpIp", &lip, err) != 0 ||
	    addr_family(lip) == 0 ||
	    json_string(b, path, "PeerBgpIp", &pip, err) != 0 ||
	    addr_family(pip) == 0)
		return err_set(err, CGW_E_INPUT, "%s: LocalBgpIp and PeerBgpIp "
		    "must both be IP addresses", path);
	if ((r = json_uint(b, path, "LocalAsn", 1, UINT32_MAX, &lasn,
	    err)) == -1 ||
	    json_uint(b, path, "PeerAsn", 1, UINT32_MAX, &pasn, err) == -1)
		return -1;
	t->routing = ROUTING_BGP;
	t->bgp.tunnel_cidr = xstrdup(norm);
	if (view == AL_CLOUD_SIDE) {
		t->bgp.remote_ip = xstrdup(lip);
		t->bgp.local_ip = xstrdup(pip);
		t->bgp.remote_asn = (uint32_t)lasn;
		t->bgp.local_asn = (uint32_t)pasn;
	} else {
		t->bgp.local_ip = xstrdup(lip);
		t->bgp.remote_ip = xstrdup(pip);
		t->bgp.local_asn = (uint32_t)lasn;
		t->bgp.remote_asn = (uint32_t)pasn;
	}
	if (t->bgp.remote_asn == 0)
		return err_set(err, CGW_E_INPUT, "%s: the VPN gateway's ASN "
		    "(%s) is missing", path,
		    view == AL_CLOUD_SIDE ? "LocalAsn" : "PeerAsn");
	return 0;
}

/*
 * The gateway's address: given (InternetIp, or the Download's Remote,
 * or a live call's DescribeVpnGateway), else its identity when that is an
 * address, else --peer-address. The device's: --local-address, else the
 * customer gateway's (the Download's Local, or a live call's
 * DescribeCustomerGateway), else its identity when that is an address.
 */
static int
al_addresses(struct al_conn *ac, const char *cloud_ip, const char *cust_ip,
    struct tunnel *t, struct cgw_err *err)
{
	if (ac->ctx->opts->peer_address != NULL)
		t->remote_addr = xstrdup(ac->ctx->opts->peer_address);
	else if (cloud_ip != NULL) {
		if (addr_family(cloud_ip) == 0)
			return err_set(err, CGW_E_INPUT, "the VPN gateway's "
			    "address \"%s\" is not an IP address", cloud_ip);
		t->remote_addr = xstrdup(cloud_ip);
	} else if (t->remote_id.type == ID_ADDRESS)
		t->remote_addr = xstrdup(t->remote_id.value);
	else
		return err_set(err, CGW_E_INPUT, "the VPN gateway is identified "
		    "by the name \"%s\" and the response does not hold its "
		    "public address: give it with --peer-address",
		    t->remote_id.value);
	if (ac->ctx->opts->local_address != NULL)
		t->local_addr = xstrdup(ac->ctx->opts->local_address);
	else if (cust_ip != NULL && addr_family(cust_ip) != 0)
		t->local_addr = xstrdup(cust_ip);
	else if (t->local_id.type == ID_ADDRESS)
		t->local_addr = xstrdup(t->local_id.value);
	return 0;
}

/* What follows from who initiates: DPD timers and action. */
static void
al_finish(struct tunnel *t)
{
	t->dpd_interval = AL_DPD_INTERVAL;
	t->dpd_timeout = AL_DPD_TIMEOUT;
	t->dpd_action = t->initiator == INIT_CLOUD ? DPD_CLEAR : DPD_RESTART;
}

static int
tunnel_cmp(const void *a, const void *b)
{
	return strcmp(((const struct tunnel *)a)->id,
	    ((const struct tunnel *)b)->id);
}

/* A flag with Alibaba's documented default true, warned about. */
static int
al_flag(const cJSON *obj, struct al_conn *ac, const char *path,
    const char *key, int *out, struct cgw_err *err)
{
	int	r;

	if ((r = json_bool(obj, path, key, out, err)) == -1)
		return -1;
	if (r == 1) {
		al_default(ac, path, key, "true");
		*out = 1;
	}
	return 0;
}

/* One element of TunnelOptionsSpecification.TunnelOptions. */
static int
al_tunnel_option(const cJSON *opt, size_t i, struct al_conn *ac,
    struct connection *c, int tunnels_bgp, struct cgw_err *err)
{
	struct tunnel	*t;
	const cJSON	*tb;
	const char	*tid, *role, *ip = NULL, *cgw = NULL;
	char		 path[96], sub[128];
	int		 r;

	snprintf(path, sizeof(path), "TunnelOptions[%zu]", i);
	if (!cJSON_IsObject(opt))
		return err_set(err, CGW_E_INPUT, "%s: expected an object", path);
	if ((r = json_string(opt, path, "TunnelId", &tid, err)) == -1)
		return -1;
	if (r == 1)
		return err_set(err, CGW_E_INPUT, "%s.TunnelId is missing", path);
	if (!is_token(tid))
		return err_set(err, CGW_E_INPUT, "%s.TunnelId \"%s\" is not a "
		    "plain identifier", path, tid);
	t = connection_add_tunnel(c);
	t->id = xstrdup(tid);
	if ((r = json_string(opt, path, "Role", &role, err)) == -1)
		goto fail;
	if (r == 1)
		t->role = ROLE_NONE;
	else if (strcasecmp(role, "master") == 0)
		t->role = ROLE_PRIMARY;
	else if (strcasecmp(role, "slave") == 0)
		t->role = ROLE_STANDBY;
	else {
		err_set(err, CGW_E_INPUT, "%s.Role: unknown value \"%s\" "
		    "(Alibaba Cloud documents master, slave)", path, role);
		goto fail;
	}
	snprintf(sub, sizeof(sub), "%s.TunnelIkeConfig", path);
	if (al_ike(opt, ac, "TunnelIkeConfig", sub, t, err) == -1)
		goto fail;
	snprintf(sub, sizeof(sub), "%s.TunnelIpsecConfig", path);
	if (al_ipsec(opt, ac, "TunnelIpsecConfig", sub, t, err) == -1 ||
	    al_flag(opt, ac, path, "EnableDpd", &t->dpd_enabled, err) == -1 ||
	    al_flag(opt, ac, path, "EnableNatTraversal", &t->nat_traversal,
	    err) == -1)
		goto fail;
	if (tunnels_bgp) {
		if (json_object(opt, path, "TunnelBgpConfig", &tb, err) != 0) {
			err_set(err, CGW_E_INPUT, "%s: EnableTunnelsBgp is true "
			    "but TunnelBgpConfig is missing", path);
			goto fail;
		}
		snprintf(sub, sizeof(sub), "%s.TunnelBgpConfig", path);
		if (al_bgp(tb, sub, AL_CLOUD_SIDE, t, err) == -1)
			goto fail;
	}
	/* The customer gateway's address, when a live call looked it up. */
	if (json_string(opt, path, "CustomerGatewayId", &cgw, err) == -1 ||
	    json_string(opt, path, "InternetIp", &ip, err) == -1 ||
	    al_addresses(ac, ip, source_addr(ac->ctx->opts, cgw != NULL ?
	    cgw : c->customer_gateway_id), t, err) == -1)
		goto fail;
	return 0;
fail:
	err_prefix(err, "tunnel %s", t->id);
	return -1;
}

/* A DescribeVpnConnection(s) connection. */
static int
al_describe(const cJSON *conn, struct al_conn *ac, struct cgw_err *err)
{
	struct source_ctx	*ctx = ac->ctx;
	struct connection	*c;
	struct tunnel		*t;
	const cJSON		*opts, *bgp = NULL;
	const char		*s, *ip = NULL, *esp_key;
	size_t			 n, i;
	int			 r, immediate = 0, tunnels_bgp = 0, bgp_on = 0;

	if (!cJSON_IsObject(conn))
		return err_set(err, CGW_E_INPUT, "expected an object, found "
		    "%s", json_kind(conn));
	if ((r = json_string(conn, "", "VpnConnectionId", &ac->id, err)) == -1)
		return -1;
	if (r == 1)
		return err_set(err, CGW_E_INPUT, "VpnConnectionId is missing");
	if (!is_token(ac->id))
		return err_set(err, CGW_E_INPUT, "VpnConnectionId \"%s\" is not "
		    "a plain identifier", ac->id);
	if (!source_wanted(ctx, ac->id))
		return 0;

	c = model_add_connection(ctx->model);
	c->cloud = xstrdup("alibaba");
	if (ctx->opts->region != NULL)
		c->region = xstrdup(ctx->opts->region);
	c->id = xstrdup(ac->id);
	if ((r = json_string(conn, "", "Name", &s, err)) == -1)
		return -1;
	if (r == 0)
		c->name = xstrdup(s);
	if ((r = json_string(conn, "", "VpnGatewayId", &s, err)) == -1)
		return -1;
	if (r == 0)
		c->vpn_gateway_id = xstrdup(s);
	if ((r = json_string(conn, "", "CustomerGatewayId", &s, err)) == -1)
		return -1;
	if (r == 0)
		c->customer_gateway_id = xstrdup(s);
	if ((r = json_bool(conn, "", "EffectImmediately", &immediate,
	    err)) == -1)
		return -1;
	if (r == 1)
		al_default(ac, "", "EffectImmediately", "false");
	if (json_bool(conn, "", "EnableTunnelsBgp", &tunnels_bgp, err) == -1 ||
	    json_object(conn, "", "VpnBgpConfig", &bgp, err) == -1 ||
	    (bgp != NULL && json_bool(bgp, "VpnBgpConfig", "EnableBgp",
	    &bgp_on, err) == -1) ||
	    json_string(conn, "", "InternetIp", &ip, err) == -1)
		return -1;

	if (al_list(conn, "TunnelOptionsSpecification", "TunnelOptions", &opts,
	    &n, err) == -1)
		return -1;
	for (i = 0; i < n; i++)
		if (al_tunnel_option(al_item(opts, i), i, ac, c, tunnels_bgp,
		    err) == -1)
			return -1;
	if (n == 0) {
		/* Single tunnel; the API's own docs also spell IpssecConfig. */
		esp_key = json_get(conn, "IpsecConfig") == NULL &&
		    json_get(conn, "IpssecConfig") != NULL ? "IpssecConfig" :
		    "IpsecConfig";
		t = connection_add_tunnel(c);
		t->id = xstrdup(ac->id);
		t->role = ROLE_NONE;
		if (al_ike(conn, ac, "IkeConfig", "IkeConfig", t, err) == -1 ||
		    al_ipsec(conn, ac, esp_key, esp_key, t, err) == -1 ||
		    al_flag(conn, ac, "", "EnableDpd", &t->dpd_enabled,
		    err) == -1 ||
		    al_flag(conn, ac, "", "EnableNatTraversal",
		    &t->nat_traversal, err) == -1 ||
		    (bgp_on && al_bgp(bgp, "VpnBgpConfig", AL_CLOUD_SIDE, t,
		    err) == -1) ||
		    al_addresses(ac, ip != NULL ? ip : source_addr(ctx->opts,
		    c->vpn_gateway_id), source_addr(ctx->opts,
		    c->customer_gateway_id), t, err) == -1)
			return -1;
	}
	for (i = 0; i < c->ntunnels; i++) {
		c->tunnels[i].initiator = immediate ? INIT_CLOUD : INIT_BOTH;
		al_finish(&c->tunnels[i]);
	}
	if (c->ntunnels > 1)
		qsort(c->tunnels, c->ntunnels, sizeof(*c->tunnels),
		    tunnel_cmp);
	return al_selectors(conn, ac, c, err);
}

/*
 * One tunnel of a Download: item is a TunnelsConfig.TunnelConfig, or the
 * VpnConnectionConfig itself for a single-tunnel connection (then
 * tunnel_id names it). BgpConfigs entries match by TunnelId.
 */
static int
al_download_tunnel(const cJSON *cfg, const cJSON *item, size_t i,
    const cJSON *bgps, size_t nb, struct al_conn *ac, struct connection *c,
    struct cgw_err *err)
{
	struct tunnel	*t;
	const cJSON	*b;
	const char	*s, *local = NULL, *remote = NULL, *bid;
	char		 path[96], sub[128];
	size_t		 j;
	int		 r, dual = item != cfg;

	if (dual) {
		snprintf(path, sizeof(path), "TunnelConfig[%zu]", i);
		if (!cJSON_IsObject(item))
			return err_set(err, CGW_E_INPUT, "%s: expected an "
			    "object", path);
		if ((r = json_string(item, path, "TunnelId", &s, err)) == -1)
			return -1;
		if (r == 1)
			return err_set(err, CGW_E_INPUT, "%s.TunnelId is missing",
			    path);
		if (!is_token(s))
			return err_set(err, CGW_E_INPUT, "%s.TunnelId \"%s\" is "
			    "not a plain identifier", path, s);
	} else {
		path[0] = '\0';
		s = ac->id;
	}
	t = connection_add_tunnel(c);
	t->id = xstrdup(s);
	t->role = ROLE_NONE;
	/* A tunnel's Local/Remote, else the connection's. */
	if (json_string(item, path, "Local", &local, err) == -1 ||
	    json_string(item, path, "Remote", &remote, err) == -1 ||
	    (local == NULL && json_string(cfg, "", "Local", &local,
	    err) == -1) ||
	    (remote == NULL && json_string(cfg, "", "Remote", &remote,
	    err) == -1))
		goto fail;
	snprintf(sub, sizeof(sub), "%s%sIkeConfig", path, dual ? "." : "");
	if (al_ike(item, ac, "IkeConfig", sub, t, err) == -1)
		goto fail;
	snprintf(sub, sizeof(sub), "%s%sIpsecConfig", path, dual ? "." : "");
	if (al_ipsec(item, ac, "IpsecConfig", sub, t, err) == -1)
		goto fail;
	for (j = 0; j < nb; j++) {
		b = al_item(bgps, j);
		bid = NULL;
		if (json_string(b, "BgpConfig", "TunnelId", &bid, err) == -1)
			goto fail;
		if (dual && (bid == NULL || strcmp(bid, t->id) != 0))
			continue;
		snprintf(sub, sizeof(sub), "BgpConfigs.BgpConfig[%zu]", j);
		if (al_bgp(b, sub, AL_CUSTOMER_SIDE, t, err) == -1)
			goto fail;
		break;
	}
	/* The Download does not carry these: Alibaba's defaults. */
	t->dpd_enabled = 1;
	t->nat_traversal = 1;
	t->initiator = INIT_BOTH;
	al_finish(t);
	if (al_addresses(ac, remote, local, t, err) == -1)
		goto fail;
	return 0;
fail:
	err_prefix(err, "tunnel %s", t->id);
	return -1;
}

/* A DownloadVpnConnectionConfig response, named by --connection. */
static int
al_download(const cJSON *cfg, struct al_conn *ac, struct cgw_err *err)
{
	struct source_ctx	*ctx = ac->ctx;
	struct connection	*c;
	const cJSON		*tc, *bgps;
	size_t			 n, nb, i;

	if (!cJSON_IsObject(cfg))
		return err_set(err, CGW_E_INPUT, "VpnConnectionConfig: expected "
		    "an object, found %s", json_kind(cfg));
	if (ctx->opts->nids != 1)
		return err_set(err, CGW_E_USAGE, "a DownloadVpnConnectionConfig "
		    "response does not say which connection it describes: "
		    "give its id with one --connection vco-...");
	ac->id = ctx->opts->ids[0];
	if (!is_token(ac->id))
		return err_set(err, CGW_E_USAGE, "--connection \"%s\" is not a "
		    "plain identifier", ac->id);
	(void)source_wanted(ctx, ac->id);

	c = model_add_connection(ctx->model);
	c->cloud = xstrdup("alibaba");
	if (ctx->opts->region != NULL)
		c->region = xstrdup(ctx->opts->region);
	c->id = xstrdup(ac->id);
	warn_add(ctx->warn, "%s: %s (%s): DownloadVpnConnectionConfig does not "
	    "carry DPD, NAT traversal or who initiates; using Alibaba Cloud's "
	    "defaults (DPD on, NAT traversal on, negotiation started by "
	    "traffic)", ctx->path, ac->where, ac->id);
	if (al_list(cfg, "TunnelsConfig", "TunnelConfig", &tc, &n, err) == -1 ||
	    al_list(cfg, "BgpConfigs", "BgpConfig", &bgps, &nb, err) == -1)
		return -1;
	if (n == 0 && al_download_tunnel(cfg, cfg, 0, bgps, nb, ac, c,
	    err) == -1)
		return -1;
	for (i = 0; i < n; i++)
		if (al_download_tunnel(cfg, al_item(tc, i), i, bgps, nb, ac, c,
		    err) == -1)
			return -1;
	if (c->ntunnels > 1)
		qsort(c->tunnels, c->ntunnels, sizeof(*c->tunnels),
		    tunnel_cmp);
	return al_selectors(cfg, ac, c, err);
}

static int
al_parse(const cJSON *root, struct source_ctx *ctx, struct cgw_err *err)
{
	const cJSON	*list = NULL, *cfg;
	const char	*code = "", *msg = "", *rid = "";
	struct al_conn	 ac;
	uint64_t	 total;
	size_t		 n = 0, i;
	int		 r;

	memset(&ac, 0, sizeof(ac));
	ac.ctx = ctx;
	if (cJSON_IsObject(root) && json_get(root, "Code") != NULL &&
	    json_get(root, "VpnConnectionId") == NULL &&
	    json_get(root, "VpnConnections") == NULL &&
	    json_get(root, "VpnConnectionConfig") == NULL) {
		json_string(root, "", "Code", &code, err);
		json_string(root, "", "Message", &msg, err);
		json_string(root, "", "RequestId", &rid, err);
		return err_set(err, CGW_E_INPUT, "%s holds an Alibaba Cloud API "
		    "error, not connections: %s: %s (request %s)", ctx->path,
		    code, msg, rid);
	}
	if ((cfg = json_get(root, "VpnConnectionConfig")) != NULL) {
		ac.view = AL_CUSTOMER_SIDE;
		snprintf(ac.where, sizeof(ac.where), "VpnConnectionConfig");
		if (al_download(cfg, &ac, err) == -1)
			goto fail;
		return 0;
	}
	ac.view = AL_CLOUD_SIDE;
	if (cJSON_IsArray(root)) {
		list = root;
		n = (size_t)cJSON_GetArraySize(root);
	} else if (json_get(root, "VpnConnections") != NULL) {
		if (al_list(root, "VpnConnections", "VpnConnection", &list, &n,
		    err) == -1) {
			err_prefix(err, "%s", ctx->path);
			return -1;
		}
	} else {
		snprintf(ac.where, sizeof(ac.where), "VpnConnection");
		if (al_describe(root, &ac, err) == -1)
			goto fail;
		return 0;
	}
	for (i = 0; i < n; i++) {
		ac.id = NULL;
		snprintf(ac.where, sizeof(ac.where), "VpnConnections[%zu]", i);
		if (al_describe(al_item(list, i), &ac, err) == -1)
			goto fail;
	}
	if ((r = json_uint(root, "", "TotalCount", 0, UINT32_MAX, &total,
	    err)) == -1) {
		err_prefix(err, "%s", ctx->path);
		return -1;
	}
	if (r == 0 && total > n)
		warn_add(ctx->warn, "%s: the response holds %zu of %llu "
		    "connections (one page); the others are not rendered",
		    ctx->path, n, (unsigned long long)total);
	return 0;
fail:
	if (ac.id != NULL)
		err_prefix(err, "%s: %s (%s)", ctx->path, ac.where, ac.id);
	else
		err_prefix(err, "%s: %s", ctx->path, ac.where);
	return -1;
}
