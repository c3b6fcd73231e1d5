/*
 * Tencent Cloud VPC (API 2017-03-12): a saved DescribeVpnConnections
 * response, its inner object, a VpnConnectionSet array or one
 * VpnConnection, into the model.
 *
 * Tencent speaks from the cloud's side: IKE LocalAddress/LocalIdentity
 * are the cloud gateway, Remote* the customer, and an SPD entry's
 * LocalCidrBlock is the VPC. Everything is flipped here into the
 * customer device's point of view.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <cjson/cJSON.h>

#include "alg.h"
#include "compat.h"
#include "err.h"
#include "jsonutil.h"
#include "model.h"
#include "source.h"
#include "source-tencent.h"
#include "util.h"
#include "warn.h"
#include "xmalloc.h"

/* Documented defaults (CreateVpnConnection, IKE/IPSECOptionsSpecification). */
#define TC_DEF_IKE_ENC		"3DES-CBC"
#define TC_DEF_IKE_AUTH		"SHA"
#define TC_DEF_IKE_DH		"GROUP1"
#define TC_DEF_IKE_LIFE		86400
#define TC_DEF_ESP_ENC		"AES-CBC-128"
#define TC_DEF_ESP_INTEG	"SHA1"
#define TC_DEF_ESP_LIFE		14400
#define TC_DEF_ESP_KB		4096000000ULL
#define TC_DEF_DPD_TIMEOUT	30

struct tc_conn {
	struct source_ctx	*ctx;
	const char		*id;
	char			 where[128];	/* "VpnConnectionSet[2]" */
};

static int	tc_detect(const cJSON *);
static int	tc_parse(const cJSON *, struct source_ctx *, struct cgw_err *);
static const char *tc_field(enum mfield);
static const char *tc_spell(enum mfield, const struct alg *);
static const char *tc_spell_value(enum mfield, const char *);
static int	tc_connection(const cJSON *, struct tc_conn *,
		    struct cgw_err *);
static int	tc_ike(const cJSON *, struct tc_conn *, struct tunnel *,
		    struct cgw_err *);
static int	tc_ipsec(const cJSON *, struct tc_conn *, struct tunnel *,
		    struct cgw_err *);
static int	tc_spd(const cJSON *, struct tc_conn *, struct tunnel *,
		    struct cgw_err *);
static int	is_any(const char *);
static int	tc_routing(const cJSON *, struct tc_conn *, struct tunnel *,
		    struct cgw_err *);
static int	tc_dpd(const cJSON *, struct tc_conn *, struct tunnel *,
		    const char **, struct cgw_err *);
static int	tc_alg(const cJSON *, struct tc_conn *, const char *,
		    const char *, enum alg_kind, const char *,
		    const struct alg **, struct cgw_err *);
static int	tc_ident(const cJSON *, struct tc_conn *, const char *,
		    const char *, const char *, struct ident *,
		    struct cgw_err *);
static int	tc_string_opt(const cJSON *, const char *, const char *,
		    char **, struct cgw_err *);
static void	tc_default(struct tc_conn *, const char *, const char *);

const struct source source_tencent = {
	.name = "tencent",
	.title = "Tencent Cloud",
	.detect_json = tc_detect,
	.parse_json = tc_parse,
	.field = tc_field,
	.spell = tc_spell,
	.spell_value = tc_spell_value,
};

static const char *tc_fields[MF__COUNT] = {
	[MF_IKE_VERSION] = "IKEOptionsSpecification.IKEVersion",
	[MF_IKE_MODE] = "IKEOptionsSpecification.ExchangeMode",
	[MF_IKE_ENC] = "IKEOptionsSpecification.PropoEncryAlgorithm",
	[MF_IKE_INTEG] = "IKEOptionsSpecification.PropoAuthenAlgorithm",
	[MF_IKE_DH] = "IKEOptionsSpecification.DhGroupName",
	[MF_IKE_LIFETIME] = "IKEOptionsSpecification.IKESaLifetimeSeconds",
	[MF_ESP_ENC] = "IPSECOptionsSpecification.EncryptAlgorithm",
	[MF_ESP_INTEG] = "IPSECOptionsSpecification.IntegrityAlgorithm",
	[MF_ESP_PFS] = "IPSECOptionsSpecification.PfsDhGroup",
	[MF_ESP_LIFETIME] = "IPSECOptionsSpecification.IPSECSaLifetimeSeconds",
	[MF_LOCAL_ID] = "IKEOptionsSpecification.RemoteIdentity",
	[MF_REMOTE_ID] = "IKEOptionsSpecification.LocalIdentity",
	[MF_PSK] = "PreShareKey",
	[MF_TS] = "SecurityPolicyDatabaseSet",
	[MF_ROUTING] = "RouteType",
	[MF_DPD] = "DpdEnable",
	[MF_INITIATOR] = "NegotiationType",
};

static const char *
tc_field(enum mfield f)
{
	return tc_fields[f];
}

static const char *
tc_spell(enum mfield f, const struct alg *a)
{
	switch (f) {
	case MF_ESP_ENC:
	case MF_ESP_INTEG:
	case MF_ESP_PFS:
		return a->tc_esp != NULL ? a->tc_esp : a->tc_ike;
	default:
		return a->tc_ike != NULL ? a->tc_ike : a->tc_esp;
	}
}

static const char *
tc_spell_value(enum mfield f, const char *v)
{
	static const struct value_spelling values[] = {
		{ MF_IKE_MODE, "main", "MAIN" },
		{ MF_IKE_MODE, "aggressive", "AGGRESSIVE" },
		{ MF_IKE_VERSION, "1", "IKEV1" },
		{ MF_IKE_VERSION, "2", "IKEV2" },
		{ MF_INITIATOR, "cloud", "active" },
		{ MF_INITIATOR, "customer", "passive" },
		{ MF_INITIATOR, "both", "flowTrigger" },
		{ MF_ROUTING, "policy", "Policy" },
		{ MF_ROUTING, "static", "StaticRoute" },
		{ MF_ROUTING, "bgp", "Bgp" },
	};
	return source_spell_lookup(values, nitems(values), f, v);
}

static int
tc_detect(const cJSON *root)
{
	const cJSON	*first;

	if (cJSON_IsArray(root)) {
		first = cJSON_GetArrayItem(root, 0);
		return json_get(first, "IKEOptionsSpecification") != NULL ? 40 : 0;
	}
	if (json_get(root, "Response") != NULL)
		return 50;
	if (json_get(root, "VpnConnectionSet") != NULL)
		return 50;
	if (json_get(root, "IKEOptionsSpecification") != NULL ||
	    json_get(root, "IPSECOptionsSpecification") != NULL)
		return 40;
	return 0;
}

static void
tc_default(struct tc_conn *tc, const char *field, const char *value)
{
	warn_add(tc->ctx->warn, "%s: %s (%s): %s is not set; using Tencent "
	    "Cloud's documented default %s", tc->ctx->path, tc->where,
	    tc->id, field, value);
}

static int
tc_string_opt(const cJSON *obj, const char *path, const char *key,
    char **out, struct cgw_err *err)
{
	const char	*s;
	int		 r;

	if ((r = json_string(obj, path, key, &s, err)) == -1)
		return -1;
	if (r == 0)
		*out = xstrdup(s);
	return 0;
}

/*
 * Look up an algorithm field. NULL or absent takes the documented
 * default (with a warning) when there is one, else is an error.
 */
static int
tc_alg(const cJSON *obj, struct tc_conn *tc, const char *path,
    const char *key, enum alg_kind kind, const char *def,
    const struct alg **out, struct cgw_err *err)
{
	const char		*s;
	char			 field[128], allowed[512];
	int			 r, ike = strncmp(path, "IKE", 3) == 0;

	snprintf(field, sizeof(field), "%s.%s", path, key);
	if ((r = json_string(obj, path, key, &s, err)) == -1)
		return -1;
	if (r == 1) {
		if (def == NULL)
			return err_set(err, CGW_E_INPUT, "%s is missing", field);
		tc_default(tc, field, def);
		s = def;
	}
	if ((*out = alg_by_tencent(kind, s)) != NULL)
		return 0;
	alg_spellings(kind, ike ? ALG_COL_TC_IKE : ALG_COL_TC_ESP, NULL,
	    allowed, sizeof(allowed));
	return err_set(err, CGW_E_INPUT, "%s: unknown value \"%s\" (Tencent "
	    "Cloud documents %s)", field, s, allowed);
}

/* An identity: its type field, then the address or FQDN field. */
static int
tc_ident(const cJSON *ike, struct tc_conn *tc, const char *typekey,
    const char *addrkey, const char *fqdnkey, struct ident *id,
    struct cgw_err *err)
{
	const char	*path = "IKEOptionsSpecification", *type, *value;
	int		 r;

	if ((r = json_string(ike, path, typekey, &type, err)) == -1)
		return -1;
	if (r == 1) {
		char	field[96];

		snprintf(field, sizeof(field), "%s.%s", path, typekey);
		tc_default(tc, field, "ADDRESS");
		type = "ADDRESS";
	}
	if (strcasecmp(type, "ADDRESS") == 0) {
		id->type = ID_ADDRESS;
		if ((r = json_string(ike, path, addrkey, &value, err)) == -1)
			return -1;
		if (r == 1)
			return err_set(err, CGW_E_INPUT, "%s.%s is ADDRESS but "
			    "%s.%s is empty", path, typekey, path, addrkey);
		if (addr_family(value) == 0)
			return err_set(err, CGW_E_INPUT, "%s.%s: \"%s\" is not "
			    "an IP address", path, addrkey, value);
	} else if (strcasecmp(type, "FQDN") == 0) {
		id->type = ID_FQDN;
		if ((r = json_string(ike, path, fqdnkey, &value, err)) == -1)
			return -1;
		if (r == 1)
			return err_set(err, CGW_E_INPUT, "%s.%s is FQDN but "
			    "%s.%s is empty", path, typekey, path, fqdnkey);
		/* A user@domain name is sent as an RFC 822 identity. */
		if (strchr(value, '@') != NULL && is_user_fqdn(value))
			id->type = ID_USER_FQDN;
		else if (!is_fqdn(value))
			return err_set(err, CGW_E_INPUT, "%s.%s: \"%s\" is not "
			    "a host name (letters, digits, '-', '_' and dots)",
			    path, fqdnkey, value);
	} else
		return err_set(err, CGW_E_INPUT, "%s.%s: unknown value \"%s\" "
		    "(Tencent Cloud documents ADDRESS, FQDN)", path, typekey,
		    type);
	id->value = xstrdup(value);
	return 0;
}

static int
tc_ike(const cJSON *conn, struct tc_conn *tc, struct tunnel *t,
    struct cgw_err *err)
{
	const cJSON	*ike;
	const char	*path = "IKEOptionsSpecification", *s;
	uint64_t	 life;
	int		 r;

	if ((r = json_object(conn, "", path, &ike, err)) == -1)
		return -1;
	if (r == 1)
		return err_set(err, CGW_E_INPUT, "%s is missing: the response "
		    "does not describe the IKE settings", path);

	if ((r = json_string(ike, path, "IKEVersion", &s, err)) == -1)
		return -1;
	if (r == 1) {
		tc_default(tc, "IKEOptionsSpecification.IKEVersion", "IKEV1");
		s = "IKEV1";
	}
	if (strcasecmp(s, "IKEV1") == 0)
		t->ike_version = 1;
	else if (strcasecmp(s, "IKEV2") == 0)
		t->ike_version = 2;
	else
		return err_set(err, CGW_E_INPUT, "%s.IKEVersion: unknown value "
		    "\"%s\" (Tencent Cloud documents IKEV1, IKEV2)", path, s);

	if ((r = json_string(ike, path, "ExchangeMode", &s, err)) == -1)
		return -1;
	if (r == 1) {
		if (t->ike_version == 1)
			tc_default(tc, "IKEOptionsSpecification.ExchangeMode",
			    "MAIN");
		s = "MAIN";
	}
	if (strcasecmp(s, "MAIN") == 0)
		t->ike_mode = IKE_MAIN;
	else if (strcasecmp(s, "AGGRESSIVE") == 0)
		t->ike_mode = IKE_AGGRESSIVE;
	else
		return err_set(err, CGW_E_INPUT, "%s.ExchangeMode: unknown "
		    "value \"%s\" (Tencent Cloud documents MAIN, AGGRESSIVE)",
		    path, s);
	/* The exchange mode is an IKEv1 notion; IKEv2 ignores it. */
	if (t->ike_version == 2)
		t->ike_mode = IKE_MAIN;

	if (tc_alg(ike, tc, path, "PropoEncryAlgorithm", ALG_ENC,
	    TC_DEF_IKE_ENC, &t->ike_enc, err) == -1 ||
	    tc_alg(ike, tc, path, "PropoAuthenAlgorithm", ALG_INTEG,
	    TC_DEF_IKE_AUTH, &t->ike_prf, err) == -1 ||
	    tc_alg(ike, tc, path, "DhGroupName", ALG_DH, TC_DEF_IKE_DH,
	    &t->ike_dh, err) == -1)
		return -1;
	if (t->ike_enc->flags & ALG_NOIKE)
		return err_set(err, CGW_E_INPUT, "%s.PropoEncryAlgorithm: %s "
		    "cannot protect IKE", path, t->ike_enc->tc_esp);
	/*
	 * The authentication algorithm is the PRF, and also the integrity
	 * algorithm unless the cipher is a combined mode (GCM).
	 */
	t->ike_integ = (t->ike_enc->flags & ALG_AEAD) ? NULL : t->ike_prf;

	if ((r = json_uint(ike, path, "IKESaLifetimeSeconds", 60, 604800,
	    &life, err)) == -1)
		return -1;
	if (r == 1) {
		tc_default(tc, "IKEOptionsSpecification.IKESaLifetimeSeconds",
		    "86400");
		life = TC_DEF_IKE_LIFE;
	}
	t->ike_lifetime = (uint32_t)life;

	/* Local* is the cloud, Remote* the customer. */
	if (tc_ident(ike, tc, "RemoteIdentity", "RemoteAddress",
	    "RemoteFqdnName", &t->local_id, err) == -1 ||
	    tc_ident(ike, tc, "LocalIdentity", "LocalAddress",
	    "LocalFqdnName", &t->remote_id, err) == -1)
		return -1;
	return 0;
}

static int
tc_ipsec(const cJSON *conn, struct tc_conn *tc, struct tunnel *t,
    struct cgw_err *err)
{
	const cJSON		*esp;
	const char		*path = "IPSECOptionsSpecification", *s;
	const struct alg	*old = NULL, *new = NULL;
	uint64_t		 v;
	int			 r, rold, rnew;

	if ((r = json_object(conn, "", path, &esp, err)) == -1)
		return -1;
	if (r == 1)
		return err_set(err, CGW_E_INPUT, "%s is missing: the response "
		    "does not describe the IPsec settings", path);
	if (tc_alg(esp, tc, path, "EncryptAlgorithm", ALG_ENC, TC_DEF_ESP_ENC,
	    &t->esp_enc, err) == -1)
		return -1;

	/*
	 * The integrity algorithm comes as IntegrityAlgorith (sic, the
	 * field the API really returns) and/or IntegrityAlgorithm.
	 */
	rold = json_string(esp, path, "IntegrityAlgorith", &s, err);
	if (rold == 0 && tc_alg(esp, tc, path, "IntegrityAlgorith",
	    ALG_INTEG, NULL, &old, err) == -1)
		return -1;
	rnew = json_string(esp, path, "IntegrityAlgorithm", &s, err);
	if (rnew == 0 && tc_alg(esp, tc, path, "IntegrityAlgorithm",
	    ALG_INTEG, NULL, &new, err) == -1)
		return -1;
	if (rold == -1 || rnew == -1)
		return -1;
	if (old != NULL && new != NULL && old != new)
		return err_set(err, CGW_E_INPUT, "%s: IntegrityAlgorith says "
		    "%s but IntegrityAlgorithm says %s", path, old->tc_esp,
		    new->tc_esp);
	t->esp_integ = new != NULL ? new : old;
	if (t->esp_enc->flags & ALG_AEAD)
		t->esp_integ = NULL;	/* GCM carries its own integrity */
	else if (t->esp_integ == NULL) {
		tc_default(tc, "IPSECOptionsSpecification.IntegrityAlgorithm",
		    TC_DEF_ESP_INTEG);
		t->esp_integ = alg_by_tencent(ALG_INTEG, TC_DEF_ESP_INTEG);
	}

	if ((r = json_string(esp, path, "PfsDhGroup", &s, err)) == -1)
		return -1;
	if (r == 1)
		tc_default(tc, "IPSECOptionsSpecification.PfsDhGroup", "NULL");
	if (r == 1 || strcasecmp(s, "NULL") == 0)
		t->esp_pfs = NULL;
	else if (tc_alg(esp, tc, path, "PfsDhGroup", ALG_DH, NULL,
	    &t->esp_pfs, err) == -1)
		return -1;

	if ((r = json_uint(esp, path, "IPSECSaLifetimeSeconds", 180, 604800,
	    &v, err)) == -1)
		return -1;
	if (r == 1) {
		tc_default(tc, "IPSECOptionsSpecification."
		    "IPSECSaLifetimeSeconds", "14400");
		v = TC_DEF_ESP_LIFE;
	}
	t->esp_lifetime = (uint32_t)v;
	if ((r = json_uint(esp, path, "IPSECSaLifetimeTraffic", 0,
	    UINT64_MAX / 1024, &v, err)) == -1)
		return -1;
	if (r == 1) {
		tc_default(tc, "IPSECOptionsSpecification.IPSECSaLifetimeTraffic",
		    "4096000000");
		v = TC_DEF_ESP_KB;
	}
	t->esp_lifetime_kb = v;
	return 0;
}

/* Every (LocalCidrBlock, RemoteCidrBlock[i]) becomes a selector pair. */
static int
tc_spd(const cJSON *conn, struct tc_conn *tc, struct tunnel *t,
    struct cgw_err *err)
{
	const cJSON	*spd, *entry, *remotes, *r;
	const char	*local;
	char		 path[64], vpc[64], cust[64];
	size_t		 i, j, k;
	int		 hb, rc, dup;

	if ((rc = json_array(conn, "", "SecurityPolicyDatabaseSet", &spd,
	    err)) == -1)
		return -1;
	if (rc == 1)
		return 0;
	for (i = 0; i < (size_t)cJSON_GetArraySize(spd); i++) {
		entry = cJSON_GetArrayItem(spd, (int)i);
		snprintf(path, sizeof(path), "SecurityPolicyDatabaseSet[%zu]",
		    i);
		if (!cJSON_IsObject(entry))
			return err_set(err, CGW_E_INPUT, "%s: expected an "
			    "object, found %s", path, json_kind(entry));
		if ((rc = json_string(entry, path, "LocalCidrBlock", &local,
		    err)) == -1)
			return -1;
		if (rc == 1)
			return err_set(err, CGW_E_INPUT, "%s.LocalCidrBlock is "
			    "missing", path);
		if (cidr_parse(local, vpc, sizeof(vpc), &hb) == 0)
			return err_set(err, CGW_E_INPUT, "%s.LocalCidrBlock: "
			    "\"%s\" is not a CIDR block", path, local);
		if (hb)
			warn_add(tc->ctx->warn, "%s: %s (%s): %s.LocalCidrBlock "
			    "%s has host bits set; using %s", tc->ctx->path,
			    tc->where, tc->id, path, local, vpc);
		if ((rc = json_array(entry, path, "RemoteCidrBlock", &remotes,
		    err)) == -1)
			return -1;
		if (rc == 1 || cJSON_GetArraySize(remotes) == 0)
			return err_set(err, CGW_E_INPUT, "%s.RemoteCidrBlock is "
			    "missing or empty", path);
		for (j = 0; j < (size_t)cJSON_GetArraySize(remotes); j++) {
			r = cJSON_GetArrayItem(remotes, (int)j);
			if (!cJSON_IsString(r) || cidr_parse(r->valuestring,
			    cust, sizeof(cust), &hb) == 0)
				return err_set(err, CGW_E_INPUT, "%s."
				    "RemoteCidrBlock[%zu]: not a CIDR block",
				    path, j);
			if (hb)
				warn_add(tc->ctx->warn, "%s: %s (%s): %s."
				    "RemoteCidrBlock[%zu] %s has host bits "
				    "set; using %s", tc->ctx->path, tc->where,
				    tc->id, path, j, r->valuestring, cust);
			dup = 0;
			for (k = 0; k < t->nts; k++)
				if (strcmp(t->ts[k].local, cust) == 0 &&
				    strcmp(t->ts[k].remote, vpc) == 0)
					dup = 1;
			if (!dup)
				tunnel_add_ts(t, cust, vpc);
		}
	}
	return 0;
}

/* 0.0.0.0/0 or ::/0: every address. */
static int
is_any(const char *cidr)
{
	return strcmp(cidr, "0.0.0.0/0") == 0 || strcmp(cidr, "::/0") == 0;
}

static int
tc_routing(const cJSON *conn, struct tc_conn *tc, struct tunnel *t,
    struct cgw_err *err)
{
	const cJSON	*bgp;
	const char	*type, *s;
	char		 cidr[64];
	uint64_t	 asn;
	size_t		 i;
	int		 r, hb, all_any = t->nts > 0;

	for (i = 0; i < t->nts; i++)
		if (!is_any(t->ts[i].local) || !is_any(t->ts[i].remote))
			all_any = 0;
	if ((r = json_string(conn, "", "RouteType", &type, err)) == -1)
		return -1;
	if (r == 1)
		tc_default(tc, "RouteType", "STATIC");
	if (r == 1 || strcasecmp(type, "STATIC") == 0)
		/* The classic default: the SPD decides. */
		t->routing = all_any || t->nts == 0 ? ROUTING_STATIC :
		    ROUTING_POLICY;
	else if (strcasecmp(type, "StaticRoute") == 0)
		t->routing = ROUTING_STATIC;
	else if (strcasecmp(type, "Policy") == 0) {
		t->routing = ROUTING_POLICY;
		if (all_any) {
			warn_add(tc->ctx->warn, "%s: %s (%s): RouteType Policy "
			    "with 0.0.0.0/0 on both sides would send all "
			    "traffic into the tunnel; rendering it "
			    "route-based", tc->ctx->path, tc->where, tc->id);
			t->routing = ROUTING_STATIC;
		}
	} else if (strcasecmp(type, "Bgp") == 0)
		t->routing = ROUTING_BGP;
	else
		return err_set(err, CGW_E_INPUT, "RouteType: unknown value "
		    "\"%s\" (Tencent Cloud documents STATIC, StaticRoute, "
		    "Policy, Bgp)", type);

	if (t->nts == 0) {
		if (t->routing == ROUTING_POLICY)
			return err_set(err, CGW_E_INPUT, "SecurityPolicyDatabase"
			    "Set is empty: a policy-based connection needs "
			    "at least one entry");
		tunnel_add_ts(t, "0.0.0.0/0", "0.0.0.0/0");
	}
	if (t->routing != ROUTING_BGP)
		return 0;

	if ((r = json_object(conn, "", "BgpConfig", &bgp, err)) == -1)
		return -1;
	if (r == 1)
		return err_set(err, CGW_E_INPUT, "RouteType is Bgp but "
		    "BgpConfig is missing");
	if ((r = json_string(bgp, "BgpConfig", "TunnelCidr", &s, err)) == -1)
		return -1;
	if (r == 1 || cidr_parse(s, cidr, sizeof(cidr), &hb) == 0)
		return err_set(err, CGW_E_INPUT, "BgpConfig.TunnelCidr is "
		    "missing or not a CIDR block");
	t->bgp.tunnel_cidr = xstrdup(cidr);
	/* LocalBgpIp is the cloud's inside address, RemoteBgpIp ours. */
	if ((r = json_string(bgp, "BgpConfig", "LocalBgpIp", &s, err)) == -1)
		return -1;
	if (r == 1 || addr_family(s) == 0)
		return err_set(err, CGW_E_INPUT, "BgpConfig.LocalBgpIp is "
		    "missing or not an address");
	t->bgp.remote_ip = xstrdup(s);
	if ((r = json_string(bgp, "BgpConfig", "RemoteBgpIp", &s, err)) == -1)
		return -1;
	if (r == 1 || addr_family(s) == 0)
		return err_set(err, CGW_E_INPUT, "BgpConfig.RemoteBgpIp is "
		    "missing or not an address");
	t->bgp.local_ip = xstrdup(s);
	if ((r = json_uint(bgp, "BgpConfig", "LocalBgpAsn", 1, UINT32_MAX,
	    &asn, err)) == -1)
		return -1;
	if (r == 1)
		return err_set(err, CGW_E_INPUT, "BgpConfig.LocalBgpAsn (the "
		    "cloud's ASN) is missing");
	t->bgp.remote_asn = (uint32_t)asn;
	if ((r = json_uint(bgp, "BgpConfig", "RemoteBgpAsn", 1, UINT32_MAX,
	    &asn, err)) == -1)
		return -1;
	t->bgp.local_asn = r == 1 ? 0 : (uint32_t)asn;
	return 0;
}

static int
tc_dpd(const cJSON *conn, struct tc_conn *tc, struct tunnel *t,
    const char **action, struct cgw_err *err)
{
	const cJSON	*v;
	uint64_t	 timeout;
	int		 r;

	*action = NULL;
	t->dpd_enabled = 0;
	v = json_get(conn, "DpdEnable");
	if (v != NULL && cJSON_IsNumber(v)) {
		/* 0 off (the default), 1 on, -1 seen for "not set". */
		if (v->valuedouble == 1)
			t->dpd_enabled = 1;
		else if (v->valuedouble != 0 && v->valuedouble != -1)
			return err_set(err, CGW_E_INPUT, "DpdEnable: %g is not "
			    "0, 1 or -1", v->valuedouble);
	} else if (v != NULL && !cJSON_IsNull(v)) {
		if ((r = json_bool(conn, "", "DpdEnable", &t->dpd_enabled,
		    err)) == -1)
			return -1;
	}
	if ((r = json_uint(conn, "", "DpdTimeout", 1, 3600, &timeout,
	    err)) == -1)
		return -1;
	if (r == 1) {
		if (t->dpd_enabled)
			tc_default(tc, "DpdTimeout", "30");
		timeout = TC_DEF_DPD_TIMEOUT;
	}
	if ((r = json_string(conn, "", "DpdAction", action, err)) == -1)
		return -1;
	if (r == 0 && strcasecmp(*action, "clear") != 0 &&
	    strcasecmp(*action, "restart") != 0)
		return err_set(err, CGW_E_INPUT, "DpdAction: unknown value "
		    "\"%s\" (Tencent Cloud documents clear, restart)",
		    *action);
	t->dpd_timeout = (uint32_t)timeout;
	/* Probe at most every 10 s, at least three times per timeout. */
	t->dpd_interval = t->dpd_timeout / 3;
	if (t->dpd_interval > 10)
		t->dpd_interval = 10;
	if (t->dpd_interval == 0)
		t->dpd_interval = 1;
	return 0;
}

static int
tc_connection(const cJSON *conn, struct tc_conn *tc, struct cgw_err *err)
{
	struct source_ctx	*ctx = tc->ctx;
	struct connection	*c = NULL;
	struct tunnel		*t;
	const char		*s, *action;
	int			 r;

	if (!cJSON_IsObject(conn))
		return err_set(err, CGW_E_INPUT, "expected an object, found "
		    "%s", json_kind(conn));
	if ((r = json_string(conn, "", "VpnConnectionId", &tc->id,
	    err)) == -1)
		return -1;
	if (r == 1)
		return err_set(err, CGW_E_INPUT, "VpnConnectionId is missing");
	if (!is_token(tc->id))
		return err_set(err, CGW_E_INPUT, "VpnConnectionId \"%s\" is not "
		    "a plain identifier", tc->id);
	if (!source_wanted(ctx, tc->id))
		return 0;

	c = model_add_connection(ctx->model);
	c->cloud = xstrdup("tencent");
	c->id = xstrdup(tc->id);
	if (ctx->opts->region != NULL)
		c->region = xstrdup(ctx->opts->region);
	if (tc_string_opt(conn, "", "VpnConnectionName", &c->name, err) ||
	    tc_string_opt(conn, "", "VpnGatewayId", &c->vpn_gateway_id, err) ||
	    tc_string_opt(conn, "", "CustomerGatewayId",
	    &c->customer_gateway_id, err) ||
	    tc_string_opt(conn, "", "VpcId", &c->vpc_id, err))
		goto fail;

	if ((r = json_string(conn, "", "VpnProto", &s, err)) == -1)
		goto fail;
	if (r == 0 && strcasecmp(s, "IPSEC") != 0) {
		err_set(err, CGW_E_INPUT, "VpnProto is \"%s\"; only IPSEC "
		    "connections can be rendered", s);
		goto fail;
	}
	if ((r = json_string(conn, "", "State", &s, err)) == -1)
		goto fail;
	if (r == 0 && strcasecmp(s, "AVAILABLE") != 0)
		warn_add(ctx->warn, "%s: %s (%s): the connection's State is %s, "
		    "not AVAILABLE", ctx->path, tc->where, tc->id, s);

	/* Tencent connections have exactly one tunnel. */
	t = connection_add_tunnel(c);
	t->id = xstrdup(tc->id);
	t->role = ROLE_NONE;
	t->nat_traversal = 1;
	if ((r = json_string(conn, "", "PreShareKey", &s, err)) == -1)
		goto fail;
	if (r == 1) {
		err_set(err, CGW_E_INPUT, "PreShareKey is missing or empty");
		goto fail;
	}
	t->psk = xstrdup(s);
	if (tc_ike(conn, tc, t, err) == -1 || tc_ipsec(conn, tc, t,
	    err) == -1 || tc_spd(conn, tc, t, err) == -1 ||
	    tc_routing(conn, tc, t, err) == -1 ||
	    tc_dpd(conn, tc, t, &action, err) == -1)
		goto fail;

	if ((r = json_string(conn, "", "NegotiationType", &s, err)) == -1)
		goto fail;
	if (r == 1) {
		tc_default(tc, "NegotiationType", "active");
		s = "active";
	}
	if (strcasecmp(s, "active") == 0)
		t->initiator = INIT_CLOUD;
	else if (strcasecmp(s, "passive") == 0)
		t->initiator = INIT_CUSTOMER;
	else if (strcasecmp(s, "flowTrigger") == 0)
		t->initiator = INIT_BOTH;
	else {
		err_set(err, CGW_E_INPUT, "NegotiationType: unknown value "
		    "\"%s\" (Tencent Cloud documents active, passive, "
		    "flowTrigger)", s);
		goto fail;
	}
	/*
	 * The device restarts a dead tunnel when it is the one that must
	 * bring it up, or when the cloud asked for restart; else it clears.
	 */
	t->dpd_action = t->initiator != INIT_CLOUD || (action != NULL &&
	    strcasecmp(action, "restart") == 0) ? DPD_RESTART : DPD_CLEAR;

	/*
	 * Addresses: the user's, else the gateways' (a live call looked
	 * them up), else the identities when they are addresses.
	 */
	if (ctx->opts->peer_address != NULL)
		t->remote_addr = xstrdup(ctx->opts->peer_address);
	else if ((s = source_addr(ctx->opts, c->vpn_gateway_id)) != NULL)
		t->remote_addr = xstrdup(s);
	else if (t->remote_id.type == ID_ADDRESS)
		t->remote_addr = xstrdup(t->remote_id.value);
	else {
		err_set(err, CGW_E_INPUT, "the cloud gateway is identified by "
		    "the name \"%s\" (IKEOptionsSpecification.LocalIdentity "
		    "FQDN) and the response does not hold its public address: "
		    "give it with --peer-address", t->remote_id.value);
		goto fail;
	}
	if (ctx->opts->local_address != NULL)
		t->local_addr = xstrdup(ctx->opts->local_address);
	else if ((s = source_addr(ctx->opts, c->customer_gateway_id)) != NULL)
		t->local_addr = xstrdup(s);
	else if (t->local_id.type == ID_ADDRESS)
		t->local_addr = xstrdup(t->local_id.value);
	return 0;
fail:
	return -1;
}

static int
tc_parse(const cJSON *root, struct source_ctx *ctx, struct cgw_err *err)
{
	const cJSON	*resp = root, *set = NULL, *e, *conn;
	const char	*code = "", *msg = "", *rid = "";
	struct tc_conn	 tc;
	uint64_t	 total;
	size_t		 i, n;
	int		 r;

	if (cJSON_IsObject(root) && json_get(root, "Response") != NULL &&
	    json_object(root, "", "Response", &resp, err) == -1)
		return -1;
	if ((r = json_object(resp, "Response", "Error", &e, err)) == -1) {
		err_prefix(err, "%s", ctx->path);
		return -1;
	}
	if (r == 0) {
		json_string(e, "Response.Error", "Code", &code, err);
		json_string(e, "Response.Error", "Message", &msg, err);
		json_string(resp, "Response", "RequestId", &rid, err);
		return err_set(err, CGW_E_INPUT, "%s holds a Tencent Cloud API "
		    "error, not connections: %s: %s (request %s)", ctx->path,
		    code, msg, rid);
	}
	if (cJSON_IsArray(resp))
		set = resp;
	else if ((r = json_array(resp, "", "VpnConnectionSet", &set,
	    err)) == -1)
		return -1;
	else if (r == 1 && json_get(resp, "VpnConnectionId") == NULL)
		return err_set(err, CGW_E_INPUT, "%s: neither a "
		    "VpnConnectionSet nor a VpnConnection", ctx->path);

	memset(&tc, 0, sizeof(tc));
	tc.ctx = ctx;
	if (set == NULL) {
		snprintf(tc.where, sizeof(tc.where), "VpnConnection");
		if (tc_connection(resp, &tc, err) == -1)
			goto fail;
		return 0;
	}
	n = (size_t)cJSON_GetArraySize(set);
	for (i = 0; i < n; i++) {
		conn = cJSON_GetArrayItem(set, (int)i);
		tc.id = NULL;
		snprintf(tc.where, sizeof(tc.where), "VpnConnectionSet[%zu]", i);
		if (tc_connection(conn, &tc, err) == -1)
			goto fail;
	}
	if ((r = json_uint(resp, "", "TotalCount", 0, UINT32_MAX, &total,
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
	if (tc.id != NULL)
		err_prefix(err, "%s: %s (%s)", ctx->path, tc.where, tc.id);
	else
		err_prefix(err, "%s: %s", ctx->path, tc.where);
	return -1;
}
