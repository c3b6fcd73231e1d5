/*
 * The model as JSON, both ways. Reading is strict: unknown keys are
 * errors (a typo in a hand-written model must not pass silently), every
 * value is checked, and messages name the JSON path.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cjson/cJSON.h>

#include "alg.h"
#include "buf.h"
#include "compat.h"
#include "err.h"
#include "jsonutil.h"
#include "model.h"
#include "model-json.h"
#include "source.h"
#include "util.h"
#include "xmalloc.h"

static int	mj_detect(const cJSON *);
static int	mj_parse(const cJSON *, struct source_ctx *, struct cgw_err *);
static const char *mj_field(enum mfield);
static const char *mj_spell(enum mfield, const struct alg *);
static const char *mj_spell_value(enum mfield, const char *);
static cJSON	*mj_str(const char *);
static cJSON	*mj_alg(const struct alg *);
static cJSON	*mj_ident(const struct ident *);
static cJSON	*mj_tunnel(const struct tunnel *);
static int	mj_keys(const cJSON *, const char *, const char *const *,
		    struct cgw_err *);
static int	mj_need_object(const cJSON *, const char *, const char *,
		    const cJSON **, struct cgw_err *);
static int	mj_read_str(const cJSON *, const char *, const char *, int,
		    char **, struct cgw_err *);
static int	mj_read_cidr(const cJSON *, const char *, const char *,
		    char **, struct cgw_err *);
static int	mj_read_alg(const cJSON *, const char *, const char *,
		    enum alg_kind, int, const struct alg **, struct cgw_err *);
static int	mj_read_u32(const cJSON *, const char *, const char *,
		    uint32_t, uint32_t, int, uint32_t *, struct cgw_err *);
static int	mj_read_ident(const cJSON *, const char *, const char *,
		    struct ident *, struct cgw_err *);
static int	mj_read_tunnel(const cJSON *, const char *, struct tunnel *,
		    int, struct cgw_err *);
static int	mj_read_ike(const cJSON *, const char *, struct tunnel *,
		    struct cgw_err *);
static int	mj_read_esp(const cJSON *, const char *, struct tunnel *,
		    struct cgw_err *);
static int	mj_read_routing(const cJSON *, const char *, struct tunnel *,
		    struct cgw_err *);
static int	mj_read_dpd(const cJSON *, const char *, struct tunnel *,
		    struct cgw_err *);
static int	mj_read_ts(const cJSON *, const char *, struct tunnel *,
		    struct cgw_err *);

const struct source source_model = {
	.name = "model",
	.title = "the model",
	.detect_json = mj_detect,
	.parse_json = mj_parse,
	.field = mj_field,
	.spell = mj_spell,
	.spell_value = mj_spell_value,
};

static const char *mj_fields[MF__COUNT] = {
	[MF_IKE_VERSION] = "ike.version",
	[MF_IKE_MODE] = "ike.mode",
	[MF_IKE_ENC] = "ike.encryption",
	[MF_IKE_INTEG] = "ike.integrity",
	[MF_IKE_DH] = "ike.dh_group",
	[MF_IKE_LIFETIME] = "ike.lifetime",
	[MF_ESP_ENC] = "esp.encryption",
	[MF_ESP_INTEG] = "esp.integrity",
	[MF_ESP_PFS] = "esp.pfs_group",
	[MF_ESP_LIFETIME] = "esp.lifetime",
	[MF_LOCAL_ID] = "local_id",
	[MF_REMOTE_ID] = "remote_id",
	[MF_PSK] = "psk",
	[MF_TS] = "traffic_selectors",
	[MF_ROUTING] = "routing.mode",
	[MF_DPD] = "dpd",
	[MF_INITIATOR] = "initiator",
};

static const char *
mj_field(enum mfield f)
{
	return mj_fields[f];
}

static const char *
mj_spell(enum mfield f, const struct alg *a)
{
	(void)f;
	return a->id;
}

static const char *
mj_spell_value(enum mfield f, const char *v)
{
	(void)f;
	return v;
}

static int
mj_detect(const cJSON *root)
{
	return json_get(root, "cgwgen_model") != NULL ? 100 : 0;
}

/* Writing. */

static cJSON *
mj_str(const char *s)
{
	return s == NULL ? cJSON_CreateNull() : cJSON_CreateString(s);
}

static cJSON *
mj_alg(const struct alg *a)
{
	return a == NULL ? cJSON_CreateNull() : cJSON_CreateString(a->id);
}

static cJSON *
mj_ident(const struct ident *id)
{
	cJSON	*o = cJSON_CreateObject();

	cJSON_AddStringToObject(o, "type", id_type_name(id->type));
	cJSON_AddItemToObject(o, "value", mj_str(id->value));
	return o;
}

static cJSON *
mj_tunnel(const struct tunnel *t)
{
	cJSON	*o, *ike, *esp, *ts, *pair, *routing, *bgp, *dpd;
	size_t	 i;

	o = cJSON_CreateObject();
	cJSON_AddStringToObject(o, "id", t->id);
	cJSON_AddStringToObject(o, "role", role_name(t->role));
	cJSON_AddItemToObject(o, "local_address", mj_str(t->local_addr));
	cJSON_AddItemToObject(o, "remote_address", mj_str(t->remote_addr));
	cJSON_AddItemToObject(o, "local_id", mj_ident(&t->local_id));
	cJSON_AddItemToObject(o, "remote_id", mj_ident(&t->remote_id));
	cJSON_AddItemToObject(o, "psk", mj_str(t->psk));

	ike = cJSON_AddObjectToObject(o, "ike");
	cJSON_AddNumberToObject(ike, "version", t->ike_version);
	cJSON_AddStringToObject(ike, "mode", ike_mode_name(t->ike_mode));
	cJSON_AddItemToObject(ike, "encryption", mj_alg(t->ike_enc));
	cJSON_AddItemToObject(ike, "integrity", mj_alg(t->ike_integ));
	cJSON_AddItemToObject(ike, "prf", mj_alg(t->ike_prf));
	cJSON_AddItemToObject(ike, "dh_group", mj_alg(t->ike_dh));
	cJSON_AddNumberToObject(ike, "lifetime", t->ike_lifetime);

	esp = cJSON_AddObjectToObject(o, "esp");
	cJSON_AddItemToObject(esp, "encryption", mj_alg(t->esp_enc));
	cJSON_AddItemToObject(esp, "integrity", mj_alg(t->esp_integ));
	cJSON_AddItemToObject(esp, "pfs_group", mj_alg(t->esp_pfs));
	cJSON_AddNumberToObject(esp, "lifetime", t->esp_lifetime);
	if (t->esp_lifetime_kb == 0)
		cJSON_AddNullToObject(esp, "lifetime_kb");
	else
		cJSON_AddNumberToObject(esp, "lifetime_kb",
		    (double)t->esp_lifetime_kb);

	ts = cJSON_AddArrayToObject(o, "traffic_selectors");
	for (i = 0; i < t->nts; i++) {
		pair = cJSON_CreateObject();
		cJSON_AddStringToObject(pair, "local", t->ts[i].local);
		cJSON_AddStringToObject(pair, "remote", t->ts[i].remote);
		cJSON_AddItemToArray(ts, pair);
	}

	routing = cJSON_AddObjectToObject(o, "routing");
	cJSON_AddStringToObject(routing, "mode", routing_name(t->routing));
	if (t->routing == ROUTING_BGP) {
		bgp = cJSON_AddObjectToObject(routing, "bgp");
		if (t->bgp.local_asn == 0)
			cJSON_AddNullToObject(bgp, "local_asn");
		else
			cJSON_AddNumberToObject(bgp, "local_asn",
			    t->bgp.local_asn);
		cJSON_AddNumberToObject(bgp, "remote_asn", t->bgp.remote_asn);
		cJSON_AddItemToObject(bgp, "tunnel_cidr",
		    mj_str(t->bgp.tunnel_cidr));
		cJSON_AddItemToObject(bgp, "local_ip", mj_str(t->bgp.local_ip));
		cJSON_AddItemToObject(bgp, "remote_ip",
		    mj_str(t->bgp.remote_ip));
	} else
		cJSON_AddNullToObject(routing, "bgp");

	dpd = cJSON_AddObjectToObject(o, "dpd");
	cJSON_AddBoolToObject(dpd, "enabled", t->dpd_enabled);
	cJSON_AddNumberToObject(dpd, "interval", t->dpd_interval);
	cJSON_AddNumberToObject(dpd, "timeout", t->dpd_timeout);
	cJSON_AddStringToObject(dpd, "action", dpd_action_name(t->dpd_action));

	cJSON_AddBoolToObject(o, "nat_traversal", t->nat_traversal);
	cJSON_AddStringToObject(o, "initiator", initiator_name(t->initiator));
	return o;
}

int
model_json_write(const struct model *m, struct buf *out, struct cgw_err *err)
{
	const struct connection	*c;
	cJSON			*root, *conns, *co, *tunnels;
	char			*text;
	size_t			 i, j;
	int			 ret;

	root = cJSON_CreateObject();
	cJSON_AddNumberToObject(root, "cgwgen_model", MODEL_JSON_VERSION);
	conns = cJSON_AddArrayToObject(root, "connections");
	for (i = 0; i < m->nconns; i++) {
		c = &m->conns[i];
		co = cJSON_CreateObject();
		cJSON_AddStringToObject(co, "id", c->id);
		cJSON_AddItemToObject(co, "name", mj_str(c->name));
		cJSON_AddItemToObject(co, "cloud", mj_str(c->cloud));
		cJSON_AddItemToObject(co, "region", mj_str(c->region));
		cJSON_AddItemToObject(co, "vpn_gateway_id",
		    mj_str(c->vpn_gateway_id));
		cJSON_AddItemToObject(co, "customer_gateway_id",
		    mj_str(c->customer_gateway_id));
		cJSON_AddItemToObject(co, "vpc_id", mj_str(c->vpc_id));
		tunnels = cJSON_AddArrayToObject(co, "tunnels");
		for (j = 0; j < c->ntunnels; j++)
			cJSON_AddItemToArray(tunnels, mj_tunnel(&c->tunnels[j]));
		cJSON_AddItemToArray(conns, co);
	}
	text = cJSON_Print(root);
	cJSON_Delete(root);
	if (text == NULL)
		return err_set(err, CGW_E_SYS, "out of memory");
	ret = buf_adds(out, text, err);
	if (ret == 0)
		ret = buf_addc(out, '\n', err);
	explicit_bzero(text, strlen(text));
	cJSON_free(text);
	return ret;
}

/* Reading. */

static int
mj_keys(const cJSON *obj, const char *path, const char *const *allowed,
    struct cgw_err *err)
{
	return json_check_keys(obj, path, allowed, "cgwgen-model(5)", err);
}

static int
mj_need_object(const cJSON *obj, const char *path, const char *key,
    const cJSON **out, struct cgw_err *err)
{
	int	r;

	if ((r = json_object(obj, path, key, out, err)) == -1)
		return -1;
	if (r == 1)
		return err_set(err, CGW_E_INPUT, "%s.%s is missing", path, key);
	return 0;
}

static int
mj_read_str(const cJSON *obj, const char *path, const char *key,
    int required, char **out, struct cgw_err *err)
{
	const char	*s;
	int		 r;

	if ((r = json_string(obj, path, key, &s, err)) == -1)
		return -1;
	if (r == 1) {
		if (required)
			return err_set(err, CGW_E_INPUT, "%s.%s is missing",
			    path, key);
		return 0;
	}
	*out = xstrdup(s);
	return 0;
}

/* A CIDR block, normalized (host bits cleared). */
static int
mj_read_cidr(const cJSON *obj, const char *path, const char *key,
    char **out, struct cgw_err *err)
{
	const char	*s;
	char		 cidr[64];
	int		 r, hb;

	if ((r = json_string(obj, path, key, &s, err)) == -1)
		return -1;
	if (r == 1)
		return err_set(err, CGW_E_INPUT, "%s.%s is missing", path, key);
	if (cidr_parse(s, cidr, sizeof(cidr), &hb) == 0)
		return err_set(err, CGW_E_INPUT, "%s.%s: \"%s\" is not a CIDR "
		    "block", path, key, s);
	*out = xstrdup(cidr);
	return 0;
}

static int
mj_read_alg(const cJSON *obj, const char *path, const char *key,
    enum alg_kind kind, int required, const struct alg **out,
    struct cgw_err *err)
{
	const char		*s;
	char			 allowed[512];
	int			 r;

	*out = NULL;
	if ((r = json_string(obj, path, key, &s, err)) == -1)
		return -1;
	if (r == 1) {
		if (required)
			return err_set(err, CGW_E_INPUT, "%s.%s is missing",
			    path, key);
		return 0;
	}
	if ((*out = alg_by_id(kind, s)) != NULL)
		return 0;
	alg_spellings(kind, ALG_COL_ID, NULL, allowed, sizeof(allowed));
	return err_set(err, CGW_E_INPUT, "%s.%s: unknown %s \"%s\" (one of "
	    "%s)", path, key, alg_kind_name(kind), s, allowed);
}

static int
mj_read_u32(const cJSON *obj, const char *path, const char *key,
    uint32_t min, uint32_t max, int required, uint32_t *out,
    struct cgw_err *err)
{
	uint64_t	v;
	int		r;

	if ((r = json_uint(obj, path, key, min, max, &v, err)) == -1)
		return -1;
	if (r == 1) {
		if (required)
			return err_set(err, CGW_E_INPUT, "%s.%s is missing",
			    path, key);
		return 0;
	}
	*out = (uint32_t)v;
	return 0;
}

static int
mj_read_ident(const cJSON *obj, const char *path, const char *key,
    struct ident *id, struct cgw_err *err)
{
	static const char *const keys[] = { "type", "value", NULL };
	const cJSON	*o;
	const char	*type;
	char		 p[256];
	int		 r;

	snprintf(p, sizeof(p), "%s.%s", path, key);
	if (mj_need_object(obj, path, key, &o, err) == -1 ||
	    mj_keys(o, p, keys, err) == -1)
		return -1;
	if ((r = json_string(o, p, "type", &type, err)) == -1)
		return -1;
	if (r == 1)
		return err_set(err, CGW_E_INPUT, "%s.type is missing", p);
	if (id_type_parse(type, &id->type) == -1)
		return err_set(err, CGW_E_INPUT, "%s.type: unknown value \"%s\" "
		    "(one of %s)", p, type, id_type_names());
	return mj_read_str(o, p, "value", 1, &id->value, err);
}

static int
mj_read_ike(const cJSON *obj, const char *path, struct tunnel *t,
    struct cgw_err *err)
{
	static const char *const keys[] = { "version", "mode", "encryption",
	    "integrity", "prf", "dh_group", "lifetime", NULL };
	const cJSON	*o;
	const char	*s;
	char		 p[256];
	uint32_t	 version = 0;
	int		 r;

	snprintf(p, sizeof(p), "%s.ike", path);
	if (mj_need_object(obj, path, "ike", &o, err) == -1 ||
	    mj_keys(o, p, keys, err) == -1 ||
	    mj_read_u32(o, p, "version", 1, 2, 1, &version, err) == -1)
		return -1;
	t->ike_version = (int)version;
	if ((r = json_string(o, p, "mode", &s, err)) == -1)
		return -1;
	if (r == 0 && ike_mode_parse(s, &t->ike_mode) == -1)
		return err_set(err, CGW_E_INPUT, "%s.mode: unknown value \"%s\" "
		    "(one of %s)", p, s, ike_mode_names());
	if (mj_read_alg(o, p, "encryption", ALG_ENC, 1, &t->ike_enc,
	    err) == -1 ||
	    mj_read_alg(o, p, "integrity", ALG_INTEG, 0, &t->ike_integ,
	    err) == -1 ||
	    mj_read_alg(o, p, "prf", ALG_INTEG, 0, &t->ike_prf, err) == -1 ||
	    mj_read_alg(o, p, "dh_group", ALG_DH, 1, &t->ike_dh, err) == -1 ||
	    mj_read_u32(o, p, "lifetime", 60, 604800, 1, &t->ike_lifetime,
	    err) == -1)
		return -1;
	/* Without a PRF the integrity algorithm's hash is the PRF. */
	if (t->ike_prf == NULL)
		t->ike_prf = t->ike_integ;
	return 0;
}

static int
mj_read_esp(const cJSON *obj, const char *path, struct tunnel *t,
    struct cgw_err *err)
{
	static const char *const keys[] = { "encryption", "integrity",
	    "pfs_group", "lifetime", "lifetime_kb", NULL };
	const cJSON	*o;
	char		 p[256];
	uint64_t	 kb;
	int		 r;

	snprintf(p, sizeof(p), "%s.esp", path);
	if (mj_need_object(obj, path, "esp", &o, err) == -1 ||
	    mj_keys(o, p, keys, err) == -1 ||
	    mj_read_alg(o, p, "encryption", ALG_ENC, 1, &t->esp_enc,
	    err) == -1 ||
	    mj_read_alg(o, p, "integrity", ALG_INTEG, 0, &t->esp_integ,
	    err) == -1 ||
	    mj_read_alg(o, p, "pfs_group", ALG_DH, 0, &t->esp_pfs, err) == -1 ||
	    mj_read_u32(o, p, "lifetime", 60, 604800, 1, &t->esp_lifetime,
	    err) == -1)
		return -1;
	if ((r = json_uint(o, p, "lifetime_kb", 1, UINT64_MAX / 1024, &kb,
	    err)) == -1)
		return -1;
	t->esp_lifetime_kb = r == 1 ? 0 : kb;
	return 0;
}

static int
mj_read_ts(const cJSON *obj, const char *path, struct tunnel *t,
    struct cgw_err *err)
{
	static const char *const keys[] = { "local", "remote", NULL };
	const cJSON	*a, *e;
	char		 p[256], local[64], remote[64];
	const char	*l, *r;
	size_t		 i;
	int		 rc, hb;

	if ((rc = json_array(obj, path, "traffic_selectors", &a, err)) == -1)
		return -1;
	if (rc == 1 || cJSON_GetArraySize(a) == 0)
		return err_set(err, CGW_E_INPUT, "%s.traffic_selectors is "
		    "missing or empty", path);
	for (i = 0; i < (size_t)cJSON_GetArraySize(a); i++) {
		e = cJSON_GetArrayItem(a, (int)i);
		snprintf(p, sizeof(p), "%s.traffic_selectors[%zu]", path, i);
		if (!cJSON_IsObject(e))
			return err_set(err, CGW_E_INPUT, "%s: expected an "
			    "object, found %s", p, json_kind(e));
		if (mj_keys(e, p, keys, err) == -1)
			return -1;
		l = r = NULL;
		if (json_string(e, p, "local", &l, err) == -1 ||
		    json_string(e, p, "remote", &r, err) == -1)
			return -1;
		if (cidr_parse(l, local, sizeof(local), &hb) == 0 || hb)
			return err_set(err, CGW_E_INPUT, "%s.local: \"%s\" is "
			    "not a CIDR block without host bits", p,
			    l == NULL ? "" : l);
		if (cidr_parse(r, remote, sizeof(remote), &hb) == 0 || hb)
			return err_set(err, CGW_E_INPUT, "%s.remote: \"%s\" is "
			    "not a CIDR block without host bits", p,
			    r == NULL ? "" : r);
		tunnel_add_ts(t, local, remote);
	}
	return 0;
}

static int
mj_read_routing(const cJSON *obj, const char *path, struct tunnel *t,
    struct cgw_err *err)
{
	static const char *const keys[] = { "mode", "bgp", NULL };
	static const char *const bgpkeys[] = { "local_asn", "remote_asn",
	    "tunnel_cidr", "local_ip", "remote_ip", NULL };
	const cJSON	*o, *b;
	const char	*s;
	char		 p[256], pb[272];
	int		 r;

	snprintf(p, sizeof(p), "%s.routing", path);
	if (mj_need_object(obj, path, "routing", &o, err) == -1 ||
	    mj_keys(o, p, keys, err) == -1)
		return -1;
	if ((r = json_string(o, p, "mode", &s, err)) == -1)
		return -1;
	if (r == 1)
		return err_set(err, CGW_E_INPUT, "%s.mode is missing", p);
	if (routing_parse(s, &t->routing) == -1)
		return err_set(err, CGW_E_INPUT, "%s.mode: unknown value \"%s\" "
		    "(one of %s)", p, s, routing_names());
	if ((r = json_object(o, p, "bgp", &b, err)) == -1)
		return -1;
	if (t->routing != ROUTING_BGP) {
		if (r == 0)
			return err_set(err, CGW_E_INPUT, "%s.bgp is set but the "
			    "mode is %s", p, s);
		return 0;
	}
	if (r == 1)
		return err_set(err, CGW_E_INPUT, "%s.bgp is missing for mode "
		    "bgp", p);
	snprintf(pb, sizeof(pb), "%s.bgp", p);
	if (mj_keys(b, pb, bgpkeys, err) == -1 ||
	    mj_read_u32(b, pb, "local_asn", 1, UINT32_MAX, 0,
	    &t->bgp.local_asn, err) == -1 ||
	    mj_read_u32(b, pb, "remote_asn", 1, UINT32_MAX, 1,
	    &t->bgp.remote_asn, err) == -1 ||
	    mj_read_cidr(b, pb, "tunnel_cidr", &t->bgp.tunnel_cidr,
	    err) == -1 ||
	    mj_read_str(b, pb, "local_ip", 1, &t->bgp.local_ip, err) == -1 ||
	    mj_read_str(b, pb, "remote_ip", 1, &t->bgp.remote_ip, err) == -1)
		return -1;
	return 0;
}

static int
mj_read_dpd(const cJSON *obj, const char *path, struct tunnel *t,
    struct cgw_err *err)
{
	static const char *const keys[] = { "enabled", "interval", "timeout",
	    "action", NULL };
	const cJSON	*o;
	const char	*s;
	char		 p[256];
	int		 r;

	snprintf(p, sizeof(p), "%s.dpd", path);
	if ((r = json_object(obj, path, "dpd", &o, err)) == -1)
		return -1;
	if (r == 1)
		return 0;
	if (mj_keys(o, p, keys, err) == -1)
		return -1;
	if ((r = json_bool(o, p, "enabled", &t->dpd_enabled, err)) == -1)
		return -1;
	if (r == 1)
		return err_set(err, CGW_E_INPUT, "%s.enabled is missing", p);
	/* Interval and timeout are required when DPD is on, kept when off. */
	if (mj_read_u32(o, p, "interval", t->dpd_enabled ? 1 : 0, 3600,
	    t->dpd_enabled, &t->dpd_interval, err) == -1 ||
	    mj_read_u32(o, p, "timeout", t->dpd_enabled ? 1 : 0, 3600,
	    t->dpd_enabled, &t->dpd_timeout, err) == -1)
		return -1;
	if ((r = json_string(o, p, "action", &s, err)) == -1)
		return -1;
	if (r == 0 && dpd_action_parse(s, &t->dpd_action) == -1)
		return err_set(err, CGW_E_INPUT, "%s.action: unknown value "
		    "\"%s\" (one of %s)", p, s, dpd_action_names());
	return 0;
}

/* need_remote: remote_address is required (no --peer-address given). */
static int
mj_read_tunnel(const cJSON *o, const char *p, struct tunnel *t,
    int need_remote, struct cgw_err *err)
{
	static const char *const keys[] = { "id", "role", "local_address",
	    "remote_address", "local_id", "remote_id", "psk", "ike", "esp",
	    "traffic_selectors", "routing", "dpd", "nat_traversal",
	    "initiator", NULL };
	const char	*s;
	int		 r;

	if (!cJSON_IsObject(o))
		return err_set(err, CGW_E_INPUT, "%s: expected an object, "
		    "found %s", p, json_kind(o));
	if (mj_keys(o, p, keys, err) == -1 ||
	    mj_read_str(o, p, "id", 1, &t->id, err) == -1)
		return -1;
	if ((r = json_string(o, p, "role", &s, err)) == -1)
		return -1;
	if (r == 0 && role_parse(s, &t->role) == -1)
		return err_set(err, CGW_E_INPUT, "%s.role: unknown value \"%s\" "
		    "(one of %s)", p, s, role_names());
	if (mj_read_str(o, p, "local_address", 0, &t->local_addr,
	    err) == -1 ||
	    mj_read_str(o, p, "remote_address", need_remote, &t->remote_addr,
	    err) == -1 ||
	    mj_read_ident(o, p, "local_id", &t->local_id, err) == -1 ||
	    mj_read_ident(o, p, "remote_id", &t->remote_id, err) == -1 ||
	    mj_read_str(o, p, "psk", 1, &t->psk, err) == -1 ||
	    mj_read_ike(o, p, t, err) == -1 ||
	    mj_read_esp(o, p, t, err) == -1 ||
	    mj_read_ts(o, p, t, err) == -1 ||
	    mj_read_routing(o, p, t, err) == -1 ||
	    mj_read_dpd(o, p, t, err) == -1)
		return -1;
	if ((r = json_bool(o, p, "nat_traversal", &t->nat_traversal,
	    err)) == -1)
		return -1;
	if (r == 1)
		t->nat_traversal = 1;
	if ((r = json_string(o, p, "initiator", &s, err)) == -1)
		return -1;
	if (r == 1)
		t->initiator = INIT_BOTH;
	else if (initiator_parse(s, &t->initiator) == -1)
		return err_set(err, CGW_E_INPUT, "%s.initiator: unknown value "
		    "\"%s\" (one of %s)", p, s, initiator_names());
	return 0;
}

static int
mj_parse(const cJSON *root, struct source_ctx *ctx, struct cgw_err *err)
{
	static const char *const rootkeys[] = { "cgwgen_model", "connections",
	    NULL };
	static const char *const connkeys[] = { "id", "name", "cloud",
	    "region", "vpn_gateway_id", "customer_gateway_id", "vpc_id",
	    "tunnels", NULL };
	const cJSON		*conns, *co, *tunnels;
	struct connection	*c;
	struct tunnel		*t;
	const char		*id;
	char			 p[128], pt[160];
	uint64_t		 version;
	size_t			 i, j;
	int			 r;

	if (!cJSON_IsObject(root)) {
		err_set(err, CGW_E_INPUT, "expected a JSON object");
		goto fail;
	}
	if (mj_keys(root, "model", rootkeys, err) == -1)
		goto fail;
	if ((r = json_uint(root, "", "cgwgen_model", 1, 1000, &version,
	    err)) == -1)
		goto fail;
	if (r == 1 || version != MODEL_JSON_VERSION) {
		err_set(err, CGW_E_INPUT, "cgwgen_model: this cgwgen reads "
		    "version %d of the model format", MODEL_JSON_VERSION);
		goto fail;
	}
	if ((r = json_array(root, "", "connections", &conns, err)) == -1)
		goto fail;
	if (r == 1) {
		err_set(err, CGW_E_INPUT, "connections is missing");
		goto fail;
	}
	for (i = 0; i < (size_t)cJSON_GetArraySize(conns); i++) {
		co = cJSON_GetArrayItem(conns, (int)i);
		snprintf(p, sizeof(p), "connections[%zu]", i);
		if (!cJSON_IsObject(co)) {
			err_set(err, CGW_E_INPUT, "%s: expected an object, "
			    "found %s", p, json_kind(co));
			goto fail;
		}
		if (mj_keys(co, p, connkeys, err) == -1)
			goto fail;
		if ((r = json_string(co, p, "id", &id, err)) == -1)
			goto fail;
		if (r == 1) {
			err_set(err, CGW_E_INPUT, "%s.id is missing", p);
			goto fail;
		}
		if (!source_wanted(ctx, id))
			continue;
		c = model_add_connection(ctx->model);
		c->id = xstrdup(id);
		if (mj_read_str(co, p, "name", 0, &c->name, err) == -1 ||
		    mj_read_str(co, p, "cloud", 0, &c->cloud, err) == -1 ||
		    mj_read_str(co, p, "region", 0, &c->region, err) == -1 ||
		    mj_read_str(co, p, "vpn_gateway_id", 0, &c->vpn_gateway_id,
		    err) == -1 ||
		    mj_read_str(co, p, "customer_gateway_id", 0,
		    &c->customer_gateway_id, err) == -1 ||
		    mj_read_str(co, p, "vpc_id", 0, &c->vpc_id, err) == -1)
			goto fail;
		if ((r = json_array(co, p, "tunnels", &tunnels, err)) == -1)
			goto fail;
		if (r == 1 || cJSON_GetArraySize(tunnels) == 0) {
			err_set(err, CGW_E_INPUT, "%s.tunnels is missing or "
			    "empty", p);
			goto fail;
		}
		for (j = 0; j < (size_t)cJSON_GetArraySize(tunnels); j++) {
			snprintf(pt, sizeof(pt), "%s.tunnels[%zu]", p, j);
			t = connection_add_tunnel(c);
			if (mj_read_tunnel(cJSON_GetArrayItem(tunnels, (int)j),
			    pt, t, ctx->opts->peer_address == NULL, err) == -1)
				goto fail;
		}
	}
	return 0;
fail:
	err_prefix(err, "%s", ctx->path);
	return -1;
}
