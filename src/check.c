/*
 * What the target cannot do, and what is weak.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "alg.h"
#include "buf.h"
#include "check.h"
#include "err.h"
#include "model.h"
#include "source.h"
#include "util.h"
#include "vendor.h"
#include "warn.h"
#include "xmalloc.h"

struct check_ctx {
	const struct connection	*c;
	const struct tunnel	*t;
	const struct vendor	*v;
	struct warnings		*warn;
	struct buf		 errors;
	size_t			 nerrors;
	size_t			 nomitted;	/* past the message's room */
	char			 who[160];
};

static int	bgp_in_selectors(const struct tunnel *);
static int	tunnel_has_ipv6(const struct tunnel *);
static void	check_who(struct check_ctx *);
static void	weak_alg(struct check_ctx *, const char *, enum mfield,
		    enum alg_kind, const struct alg *);
static void	weak_tunnel(struct check_ctx *);
static void	problem(struct check_ctx *, const char *, enum mfield,
		    const struct alg *, const char *);
static void	vendor_alg(struct check_ctx *, const char *, enum mfield,
		    enum vmap, enum alg_kind, const struct alg *);
static void	vendor_tunnel(struct check_ctx *);

/* Whether a gateway address or a selector of the tunnel is IPv6. */
static int
tunnel_has_ipv6(const struct tunnel *t)
{
	size_t	i;

	if ((t->remote_addr != NULL && addr_family(t->remote_addr) == 6) ||
	    (t->local_addr != NULL && addr_family(t->local_addr) == 6))
		return 1;
	for (i = 0; i < t->nts; i++)
		if (strchr(t->ts[i].local, ':') != NULL ||
		    strchr(t->ts[i].remote, ':') != NULL)
			return 1;
	return 0;
}

/* Whether some selector pair carries the BGP session. */
static int
bgp_in_selectors(const struct tunnel *t)
{
	size_t	i;

	for (i = 0; i < t->nts; i++)
		if (cidr_contains(t->ts[i].local, t->bgp.local_ip) &&
		    cidr_contains(t->ts[i].remote, t->bgp.remote_ip))
			return 1;
	return 0;
}

static void
check_who(struct check_ctx *cc)
{
	if (cc->c->ntunnels > 1 || strcmp(cc->c->id, cc->t->id) != 0)
		snprintf(cc->who, sizeof(cc->who), "%s (tunnel %s)",
		    cc->c->id, cc->t->id);
	else
		snprintf(cc->who, sizeof(cc->who), "%s", cc->c->id);
}

static void
weak_alg(struct check_ctx *cc, const char *what, enum mfield f,
    enum alg_kind kind, const struct alg *a)
{
	char	advice[256];

	if (a == NULL || !(a->flags & ALG_WEAK))
		return;
	source_advice(cc->c->cloud, f, alg_recommended(kind), advice,
	    sizeof(advice));
	warn_add(cc->warn, "%s: %s %s is weak (%s); %s", cc->who, what,
	    a->name, a->why, advice);
}

static void
weak_tunnel(struct check_ctx *cc)
{
	const struct tunnel	*t = cc->t;
	char			 advice[256];

	weak_alg(cc, "IKE encryption", MF_IKE_ENC, ALG_ENC, t->ike_enc);
	if (t->ike_integ != NULL)
		weak_alg(cc, "IKE integrity", MF_IKE_INTEG, ALG_INTEG,
		    t->ike_integ);
	else
		weak_alg(cc, "IKE PRF", MF_IKE_INTEG, ALG_INTEG, t->ike_prf);
	weak_alg(cc, "IKE DH group", MF_IKE_DH, ALG_DH, t->ike_dh);
	weak_alg(cc, "ESP encryption", MF_ESP_ENC, ALG_ENC, t->esp_enc);
	weak_alg(cc, "ESP integrity", MF_ESP_INTEG, ALG_INTEG, t->esp_integ);
	weak_alg(cc, "PFS group", MF_ESP_PFS, ALG_DH, t->esp_pfs);
	if (t->esp_pfs == NULL) {
		source_advice(cc->c->cloud, MF_ESP_PFS, alg_recommended(ALG_DH),
		    advice, sizeof(advice));
		warn_add(cc->warn, "%s: no perfect forward secrecy (a stolen "
		    "IKE key exposes past traffic); %s", cc->who, advice);
	}
	if (t->routing == ROUTING_BGP && !bgp_in_selectors(t)) {
		source_advice_value(cc->c->cloud, MF_TS, "0.0.0.0/0", advice,
		    sizeof(advice));
		warn_add(cc->warn, "%s: BGP runs between %s and %s, outside "
		    "the traffic selectors, so the session cannot cross the "
		    "tunnel; %s", cc->who, t->bgp.local_ip, t->bgp.remote_ip,
		    advice);
	}
	if (t->ike_version == 1 && t->ike_mode == IKE_AGGRESSIVE) {
		source_advice_value(cc->c->cloud, MF_IKE_MODE, "main", advice,
		    sizeof(advice));
		warn_add(cc->warn, "%s: IKEv1 aggressive mode sends a hash of "
		    "the pre-shared key that can be guessed offline; %s",
		    cc->who, advice);
	}
}

void
check_weak(const struct model *m, struct warnings *warn)
{
	struct check_ctx	cc;
	size_t			i, j;

	memset(&cc, 0, sizeof(cc));
	cc.warn = warn;
	for (i = 0; i < m->nconns; i++) {
		cc.c = &m->conns[i];
		for (j = 0; j < cc.c->ntunnels; j++) {
			cc.t = &cc.c->tunnels[j];
			check_who(&cc);
			weak_tunnel(&cc);
		}
	}
}

/*
 * Record one thing the target cannot do, with the cloud-side fix: an
 * algorithm or a model value to set instead, or neither.
 */
static void
problem(struct check_ctx *cc, const char *what, enum mfield f,
    const struct alg *suggest, const char *value)
{
	char	advice[256], *line;

	if (value != NULL)
		source_advice_value(cc->c->cloud, f, value, advice,
		    sizeof(advice));
	else
		source_advice(cc->c->cloud, f, suggest, advice, sizeof(advice));
	xasprintf(&line, "%s: %s cannot %s; %s", cc->who, cc->v->name, what,
	    advice);
	/* Keep whole lines, and room to say how many did not fit. */
	if (cc->errors.len + strlen(line) + 1 > CGW_ERR_MSGLEN - 64)
		cc->nomitted++;
	else {
		if (cc->nerrors++ > 0)
			buf_addc(&cc->errors, '\n', NULL);
		buf_adds(&cc->errors, line, NULL);
	}
	free(line);
}

static void
vendor_alg(struct check_ctx *cc, const char *what, enum mfield f,
    enum vmap m, enum alg_kind kind, const struct alg *a)
{
	char	text[160];

	if (a == NULL || vendor_spell(cc->v, cc->t->ike_version, m, a) != NULL)
		return;
	/* Usable with the other IKE version only: say which. */
	if (vendor_spell(cc->v, 0, m, a) != NULL)
		snprintf(text, sizeof(text), "use %s for %s with IKEv%d",
		    a->name, what, cc->t->ike_version);
	else
		snprintf(text, sizeof(text), "use %s for %s", a->name, what);
	problem(cc, text, f, alg_recommended(kind), NULL);
}

static void
vendor_tunnel(struct check_ctx *cc)
{
	const struct tunnel	*t = cc->t;
	const struct vendor	*v = cc->v;
	char			 text[160];

	if (!(v->ike_versions & (1 << t->ike_version))) {
		snprintf(text, sizeof(text), "speak IKEv%d", t->ike_version);
		problem(cc, text, MF_IKE_VERSION, NULL,
		    t->ike_version == 1 ? "2" : "1");
	}
	if (t->ike_version == 1 && t->ike_mode == IKE_AGGRESSIVE &&
	    !v->aggressive)
		problem(cc, "use IKEv1 aggressive mode", MF_IKE_MODE, NULL,
		    "main");
	if (t->ike_version == 1 && (t->ike_enc->flags & ALG_AEAD))
		problem(cc, "protect IKEv1 with a combined-mode cipher (GCM is "
		    "defined for IKEv2 only)", MF_IKE_ENC,
		    alg_recommended(ALG_ENC), NULL);
	vendor_alg(cc, "IKE encryption", MF_IKE_ENC, VM_IKE_ENC, ALG_ENC,
	    t->ike_enc);
	vendor_alg(cc, "IKE integrity", MF_IKE_INTEG, VM_IKE_INTEG, ALG_INTEG,
	    t->ike_integ);
	/* The PRF is the integrity algorithm's hash unless AEAD: say it once. */
	if (t->ike_prf != t->ike_integ ||
	    vendor_spell(v, t->ike_version, VM_IKE_INTEG, t->ike_integ) != NULL)
		vendor_alg(cc, "the IKE PRF", MF_IKE_INTEG, VM_IKE_PRF,
		    ALG_INTEG, t->ike_prf);
	vendor_alg(cc, "the IKE DH group", MF_IKE_DH, VM_IKE_DH, ALG_DH,
	    t->ike_dh);
	vendor_alg(cc, "ESP encryption", MF_ESP_ENC, VM_ESP_ENC, ALG_ENC,
	    t->esp_enc);
	vendor_alg(cc, "ESP integrity", MF_ESP_INTEG, VM_ESP_INTEG, ALG_INTEG,
	    t->esp_integ);
	vendor_alg(cc, "the PFS group", MF_ESP_PFS, VM_ESP_PFS, ALG_DH,
	    t->esp_pfs);
	if (!v->separate_prf && t->ike_integ != NULL &&
	    t->ike_prf != t->ike_integ) {
		snprintf(text, sizeof(text), "use %s as the IKE PRF with %s "
		    "for integrity (its PRF is the integrity algorithm's hash)",
		    t->ike_prf->name, t->ike_integ->name);
		problem(cc, text, MF_IKE_INTEG, NULL, NULL);
	}
	if (v->ike_lifetime_max != 0 && t->ike_lifetime > v->ike_lifetime_max)
		warn_add(cc->warn, "%s: %s keeps an IKE SA at most %u seconds, "
		    "not %u: this device rekeys sooner than the cloud, which "
		    "the cloud accepts", cc->who, v->name,
		    (unsigned)v->ike_lifetime_max, (unsigned)t->ike_lifetime);
	if (v->esp_lifetime_max != 0 && t->esp_lifetime > v->esp_lifetime_max)
		warn_add(cc->warn, "%s: %s keeps an IPsec SA at most %u seconds, "
		    "not %u: this device rekeys sooner than the cloud, which "
		    "the cloud accepts", cc->who, v->name,
		    (unsigned)v->esp_lifetime_max, (unsigned)t->esp_lifetime);
	if (t->ike_lifetime < v->ike_lifetime_min)
		warn_add(cc->warn, "%s: %s keeps an IKE SA at least %u seconds, "
		    "not %u: the cloud rekeys before this device would",
		    cc->who, v->name, (unsigned)v->ike_lifetime_min,
		    (unsigned)t->ike_lifetime);
	if (t->esp_lifetime < v->esp_lifetime_min)
		warn_add(cc->warn, "%s: %s keeps an IPsec SA at least %u "
		    "seconds, not %u: the cloud rekeys before this device "
		    "would", cc->who, v->name, (unsigned)v->esp_lifetime_min,
		    (unsigned)t->esp_lifetime);
	if (!v->ipv6 && tunnel_has_ipv6(t))
		problem(cc, "use IPv6 (the template writes IPv4 only)", MF_TS,
		    NULL, NULL);
	if (!(v->id_types & (1 << t->local_id.type))) {
		snprintf(text, sizeof(text), "use a %s identity for this "
		    "device", id_type_name(t->local_id.type));
		problem(cc, text, MF_LOCAL_ID, NULL, NULL);
	}
	if (!(v->id_types & (1 << t->remote_id.type))) {
		snprintf(text, sizeof(text), "use a %s identity for the cloud "
		    "gateway", id_type_name(t->remote_id.type));
		problem(cc, text, MF_REMOTE_ID, NULL, NULL);
	}
	if (!(v->routings & (1 << t->routing))) {
		snprintf(text, sizeof(text), "do %s routing",
		    routing_name(t->routing));
		problem(cc, text, MF_ROUTING, NULL, NULL);
	}
}

int
check_model(const struct model *m, const struct vendor *v,
    struct warnings *warn, struct cgw_err *err)
{
	struct check_ctx	cc;
	size_t			i, j;
	int			ret = 0;

	memset(&cc, 0, sizeof(cc));
	cc.v = v;
	cc.warn = warn;
	buf_init(&cc.errors, 65536);
	check_weak(m, warn);
	for (i = 0; i < m->nconns; i++) {
		cc.c = &m->conns[i];
		for (j = 0; j < cc.c->ntunnels; j++) {
			cc.t = &cc.c->tunnels[j];
			check_who(&cc);
			vendor_tunnel(&cc);
		}
	}
	if (cc.nomitted > 0)
		buf_printf(&cc.errors, NULL, "\n(and %zu more such problems)",
		    cc.nomitted);
	if (cc.nerrors > 0) {
		err_set(err, CGW_E_UNSUPPORTED, "%s", cc.errors.data != NULL ?
		    cc.errors.data : "the target cannot render this input");
		ret = -1;
	}
	buf_free(&cc.errors);
	return ret;
}
