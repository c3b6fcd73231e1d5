/*
 * Unit tests for the Alibaba Cloud source, through source_load() on
 * temporary files holding DescribeVpnConnection(s) and
 * DownloadVpnConnectionConfig responses (the shapes of cloud-apis.md
 * 2.6-2.8), each written both as JSON and as XML (Format=XML): every rule
 * is checked in both formats from one description.
 *
 * A response is built from a base document (JSON text with ' for ") with
 * per-test overrides on dotted paths ("IkeConfig.IkeEncAlg",
 * "TunnelOptionsSpecification.TunnelOptions.1.Role": a number selects an
 * array element); a NULL value removes the member. The XML form follows
 * Alibaba's: objects are elements, a list is the repeated element.
 */
#include "config.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cjson/cJSON.h>

#include "alg.h"
#include "buf.h"
#include "err.h"
#include "model.h"
#include "source.h"
#include "tap.h"
#include "util.h"
#include "warn.h"
#include "xmalloc.h"

struct kv {
	const char	*key;
	const char	*raw;
};

enum fmt {
	F_JSON,
	F_XML
};

/* One loaded input. */
struct load {
	int		 rc;
	struct model	*m;
	struct warnings	 w;
	struct cgw_err	 err;
};

#define N(a)	(a), nitems(a)

#define R_ONE	"DescribeVpnConnectionResponse"
#define R_LIST	"DescribeVpnConnectionsResponse"
#define R_DL	"DownloadVpnConnectionConfigResponse"

#define CONN	"vco-bp1bbi27hojx80nck4rfb"
#define DUAL	"vco-uf6wl6mhq2qvhqs2q7a8e"
#define TUN_M	"tun-uf6a3jqx2i7aavnm5eb4t"	/* master, first */
#define TUN_S	"tun-uf6ryk2wb8m0sd9ld6jp1"	/* slave */

static char	*dq(const char *);
static cJSON	*doc(const char *, const struct kv *, size_t);
static void	 xml_text(struct buf *, const char *);
static void	 xml_elem(struct buf *, const char *, const cJSON *, int);
static char	*render(const cJSON *, const char *, enum fmt);
static int	 load_text(const char *, enum fmt, const struct source_opts *,
		    struct load *);
static int	 load_doc(const char *, const char *, const struct kv *,
		    size_t, enum fmt, const struct source_opts *,
		    struct load *);
static int	 load1(const struct kv *, size_t, enum fmt, struct load *);
static int	 load_dual(const struct kv *, size_t, enum fmt,
		    struct load *);
static int	 load_dl(const char *, const struct kv *, size_t, enum fmt,
		    const char *, struct load *);
static void	 load_free(struct load *);
static int	 has_warning(const struct load *, const char *, const char *);
static int	 has_all(const char *, ...);
static struct connection *c0(const struct load *);
static struct tunnel *tn(const struct load *, size_t, size_t);
static const char *alg_id(const struct alg *);
static void	 t_single(void);
static void	 t_selectors(void);
static void	 t_routing(void);
static void	 t_dual(void);
static void	 t_values(void);
static void	 t_unknown(void);
static void	 t_lifetime(void);
static void	 t_defaults(void);
static void	 t_identity(void);
static void	 t_address(void);
static void	 t_dpd_nat_initiator(void);
static void	 t_psk(void);
static void	 t_list(void);
static void	 t_download(void);
static void	 t_download_dual(void);
static void	 t_api_error(void);
static void	 t_xml(void);
static void	 t_forced(void);
static void	 t_misc(void);

static const char *const fmt_name[] = { "json", "xml" };

static char	 dir[1024];
static char	 jpath[1100];
static char	 xpath[1100];
static const char *path = jpath;	/* the file of the last load */

/* DescribeVpnConnection, single tunnel, policy. */
static const char base_single[] =
    "{'RequestId':'6FBAE985-A938-49CB-9129-621AA3A88728',"
    "'VpnConnectionId':'" CONN "',"
    "'Name':'hq-office',"
    "'VpnGatewayId':'vpn-bp1q8bgx4xnkm2ogj3ud7',"
    "'CustomerGatewayId':'cgw-bp1mvj4g9kogwwcxk2w5a',"
    "'LocalSubnet':'10.10.0.0/16',"
    "'RemoteSubnet':'192.168.10.0/24',"
    "'CreateTime':1700553600000,"
    "'EffectImmediately':false,"
    "'Status':'ipsec_sa_established',"
    "'EnableDpd':true,"
    "'EnableNatTraversal':true,"
    "'EnableTunnelsBgp':false,"
    "'InternetIp':'203.0.113.10',"
    "'IkeConfig':{'IkeAuthAlg':'sha256','IkeEncAlg':'aes256',"
    "'IkeLifetime':28800,'IkeMode':'main','IkePfs':'group14',"
    "'IkeVersion':'ikev2','LocalId':'203.0.113.10',"
    "'RemoteId':'198.51.100.20','Psk':'pgw6dy7d1i8in7x5'},"
    "'IpsecConfig':{'IpsecAuthAlg':'sha256','IpsecEncAlg':'aes256',"
    "'IpsecLifetime':3600,'IpsecPfs':'group14'},"
    "'VpnBgpConfig':{'EnableBgp':'false','LocalAsn':45104},"
    "'VcoHealthCheck':{'Dip':'','Enable':'false','Interval':0,"
    "'Retry':0,'Sip':''},"
    "'TunnelOptionsSpecification':{'TunnelOptions':[]},"
    "'Tags':{'Tag':[{'Key':'env','Value':'prod'}]},"
    "'NetworkType':'public','Spec':'1000M'}";

/* DescribeVpnConnection, dual tunnel, per-tunnel BGP; slave listed first. */
static const char base_dual[] =
    "{'RequestId':'B7C1A2E4-3D6F-4A8B-9C0D-1E2F3A4B5C6D',"
    "'VpnConnectionId':'" DUAL "',"
    "'Name':'dc1-dual',"
    "'VpnGatewayId':'vpn-uf6ck6fe4wkr2vk9rfnlk',"
    "'CustomerGatewayId':'',"
    "'LocalSubnet':'0.0.0.0/0',"
    "'RemoteSubnet':'0.0.0.0/0',"
    "'EffectImmediately':false,"
    "'EnableDpd':true,"
    "'EnableNatTraversal':true,"
    "'EnableTunnelsBgp':true,"
    "'InternetIp':'',"
    "'TunnelOptionsSpecification':{'TunnelOptions':["
    "{'TunnelId':'" TUN_S "','Role':'slave','State':'active',"
    "'Status':'ipsec_sa_established',"
    "'CustomerGatewayId':'cgw-uf6k0z3tqgvbjb8j1zxbq',"
    "'InternetIp':'203.0.113.22','ZoneNo':'cn-shanghai-e',"
    "'EnableDpd':'true','EnableNatTraversal':'true',"
    "'TunnelIkeConfig':{'IkeAuthAlg':'sha1','IkeEncAlg':'aes',"
    "'IkeLifetime':'28800','IkeMode':'main','IkePfs':'group14',"
    "'IkeVersion':'ikev2','LocalId':'203.0.113.22',"
    "'RemoteId':'198.51.100.30','Psk':'Tun2-Psk-9Kd4'},"
    "'TunnelIpsecConfig':{'IpsecAuthAlg':'sha1','IpsecEncAlg':'aes',"
    "'IpsecLifetime':'1800','IpsecPfs':'group14'},"
    "'TunnelBgpConfig':{'BgpStatus':'success','LocalAsn':'45104',"
    "'LocalBgpIp':'169.254.20.1','PeerAsn':'65010',"
    "'PeerBgpIp':'169.254.20.2','TunnelCidr':'169.254.20.0/30'}},"
    "{'TunnelId':'" TUN_M "','Role':'master','State':'active',"
    "'Status':'ipsec_sa_established',"
    "'CustomerGatewayId':'cgw-uf6k0z3tqgvbjb8j1zxbq',"
    "'InternetIp':'203.0.113.21','ZoneNo':'cn-shanghai-b',"
    "'EnableDpd':'true','EnableNatTraversal':'true',"
    "'TunnelIkeConfig':{'IkeAuthAlg':'sha256','IkeEncAlg':'aes256',"
    "'IkeLifetime':'86400','IkeMode':'main','IkePfs':'group14',"
    "'IkeVersion':'ikev2','LocalId':'203.0.113.21',"
    "'RemoteId':'198.51.100.30','Psk':'Tun1-Psk-7Hq2'},"
    "'TunnelIpsecConfig':{'IpsecAuthAlg':'sha256','IpsecEncAlg':'aes256',"
    "'IpsecLifetime':'3600','IpsecPfs':'group14'},"
    "'TunnelBgpConfig':{'BgpStatus':'success','LocalAsn':'45104',"
    "'LocalBgpIp':'169.254.10.1','PeerAsn':'65010',"
    "'PeerBgpIp':'169.254.10.2','TunnelCidr':'169.254.10.0/30'}}"
    "]},"
    "'Tags':{'Tag':[]}}";

/* DownloadVpnConnectionConfig of base_single: the customer's side. */
static const char base_dl[] =
    "{'RequestId':'0C68048B-0F70-40DA-B8AE-1B79B5CF62E3',"
    "'VpnConnectionConfig':{"
    "'Local':'198.51.100.20',"
    "'Remote':'203.0.113.10',"
    "'LocalSubnet':'192.168.10.0/24',"
    "'RemoteSubnet':'10.10.0.0/16',"
    "'IkeConfig':{'IkeAuthAlg':'sha256','IkeEncAlg':'aes256',"
    "'IkeLifetime':28800,'IkeMode':'main','IkePfs':'group14',"
    "'IkeVersion':'ikev2','LocalId':'198.51.100.20',"
    "'RemoteId':'203.0.113.10','Psk':'pgw6dy7d1i8in7x5'},"
    "'IpsecConfig':{'IpsecAuthAlg':'sha256','IpsecEncAlg':'aes256',"
    "'IpsecLifetime':3600,'IpsecPfs':'group14'}}}";

/* DownloadVpnConnectionConfig of base_dual; both lists out of order. */
static const char base_dl_dual[] =
    "{'RequestId':'2E9B3C1D-7A4F-4E6B-8D2C-5F1A0B9C8D7E',"
    "'VpnConnectionConfig':{"
    "'LocalSubnet':'0.0.0.0/0',"
    "'RemoteSubnet':'0.0.0.0/0',"
    "'TunnelsConfig':{'TunnelConfig':["
    "{'TunnelId':'" TUN_S "','Local':'198.51.100.30',"
    "'Remote':'203.0.113.22',"
    "'IkeConfig':{'IkeAuthAlg':'sha1','IkeEncAlg':'aes',"
    "'IkeLifetime':28800,'IkeMode':'main','IkePfs':'group14',"
    "'IkeVersion':'ikev2','LocalId':'198.51.100.30',"
    "'RemoteId':'203.0.113.22','Psk':'Tun2-Psk-9Kd4'},"
    "'IpsecConfig':{'IpsecAuthAlg':'sha1','IpsecEncAlg':'aes',"
    "'IpsecLifetime':1800,'IpsecPfs':'group14'}},"
    "{'TunnelId':'" TUN_M "','Local':'198.51.100.30',"
    "'Remote':'203.0.113.21',"
    "'IkeConfig':{'IkeAuthAlg':'sha256','IkeEncAlg':'aes256',"
    "'IkeLifetime':86400,'IkeMode':'main','IkePfs':'group14',"
    "'IkeVersion':'ikev2','LocalId':'198.51.100.30',"
    "'RemoteId':'203.0.113.21','Psk':'Tun1-Psk-7Hq2'},"
    "'IpsecConfig':{'IpsecAuthAlg':'sha256','IpsecEncAlg':'aes256',"
    "'IpsecLifetime':3600,'IpsecPfs':'group14'}}"
    "]},"
    "'BgpConfigs':{'BgpConfig':["
    "{'TunnelId':'" TUN_M "','TunnelCidr':'169.254.10.0/30',"
    "'LocalBgpIp':'169.254.10.2','LocalAsn':'65010',"
    "'PeerBgpIp':'169.254.10.1','PeerAsn':'45104'},"
    "{'TunnelId':'" TUN_S "','TunnelCidr':'169.254.20.0/30',"
    "'LocalBgpIp':'169.254.20.2','LocalAsn':'65010',"
    "'PeerBgpIp':'169.254.20.1','PeerAsn':'45104'}"
    "]}}}";

/* JSON text written with ' for ". */
static char *
dq(const char *s)
{
	char	*t, *p;

	t = xstrdup(s);
	for (p = t; *p != '\0'; p++)
		if (*p == '\'')
			*p = '"';
	return t;
}

/* A base document with the overrides applied. */
static cJSON *
doc(const char *base, const struct kv *ov, size_t nov)
{
	cJSON		*root, *cur, *next, *val;
	char		*text, *key, *seg, *rest, *end;
	size_t		 i;
	long		 idx;

	text = dq(base);
	root = cJSON_Parse(text);
	free(text);
	if (root == NULL) {
		diag("doc: base does not parse");
		return cJSON_CreateObject();
	}
	for (i = 0; i < nov; i++) {
		key = xstrdup(ov[i].key);
		cur = root;
		seg = key;
		while ((rest = strchr(seg, '.')) != NULL) {
			*rest++ = '\0';
			idx = strtol(seg, &end, 10);
			if (cJSON_IsArray(cur) && *end == '\0')
				next = cJSON_GetArrayItem(cur, (int)idx);
			else
				next = cJSON_GetObjectItemCaseSensitive(cur,
				    seg);
			if (next == NULL && ov[i].raw != NULL &&
			    cJSON_IsObject(cur)) {
				next = cJSON_CreateObject();
				cJSON_AddItemToObject(cur, seg, next);
			}
			if (next == NULL)
				break;
			cur = next;
			seg = rest;
		}
		if (rest != NULL) {
			diag("doc: no %s", ov[i].key);
			free(key);
			continue;
		}
		idx = strtol(seg, &end, 10);
		if (ov[i].raw == NULL) {
			if (cJSON_IsArray(cur) && *end == '\0')
				cJSON_DeleteItemFromArray(cur, (int)idx);
			else
				cJSON_DeleteItemFromObjectCaseSensitive(cur,
				    seg);
			free(key);
			continue;
		}
		text = dq(ov[i].raw);
		if ((val = cJSON_Parse(text)) == NULL)
			diag("doc: %s: %s does not parse", ov[i].key, text);
		else if (cJSON_IsArray(cur) && *end == '\0')
			cJSON_ReplaceItemInArray(cur, (int)idx, val);
		else if (cJSON_GetObjectItemCaseSensitive(cur, seg) != NULL)
			cJSON_ReplaceItemInObjectCaseSensitive(cur, seg, val);
		else
			cJSON_AddItemToObject(cur, seg, val);
		free(text);
		free(key);
	}
	return root;
}

static void
xml_text(struct buf *b, const char *s)
{
	struct cgw_err	err;

	memset(&err, 0, sizeof(err));
	for (; *s != '\0'; s++) {
		if (*s == '&')
			buf_adds(b, "&amp;", &err);
		else if (*s == '<')
			buf_adds(b, "&lt;", &err);
		else if (*s == '>')
			buf_adds(b, "&gt;", &err);
		else
			buf_addc(b, *s, &err);
	}
}

/* An element; a list is its elements repeated under the same name. */
static void
xml_elem(struct buf *b, const char *name, const cJSON *v, int depth)
{
	struct cgw_err	 err;
	const cJSON	*c;
	char		*num;
	int		 content;

	memset(&err, 0, sizeof(err));
	if (cJSON_IsArray(v)) {
		cJSON_ArrayForEach(c, v)
			xml_elem(b, name, c, depth);
		return;
	}
	buf_printf(b, &err, "%*s<%s>", depth * 2, "", name);
	/* Only empty lists inside: an empty element, <X></X>. */
	content = 0;
	if (cJSON_IsObject(v))
		cJSON_ArrayForEach(c, v)
			if (!cJSON_IsArray(c) || cJSON_GetArraySize(c) > 0)
				content = 1;
	if (content) {
		buf_addc(b, '\n', &err);
		cJSON_ArrayForEach(c, v)
			xml_elem(b, c->string, c, depth + 1);
		buf_printf(b, &err, "%*s", depth * 2, "");
	} else if (cJSON_IsString(v))
		xml_text(b, v->valuestring);
	else if (cJSON_IsBool(v))
		buf_adds(b, cJSON_IsTrue(v) ? "true" : "false", &err);
	else if (cJSON_IsNumber(v)) {
		num = cJSON_PrintUnformatted(v);
		buf_adds(b, num, &err);
		free(num);
	}
	buf_printf(b, &err, "</%s>\n", name);
}

/* The document as JSON, or as the XML response with that root element. */
static char *
render(const cJSON *d, const char *root, enum fmt f)
{
	struct buf	 b;
	struct cgw_err	 err;

	if (f == F_JSON)
		return cJSON_PrintUnformatted(d);
	memset(&err, 0, sizeof(err));
	buf_init(&b, 0);
	buf_adds(&b, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n", &err);
	xml_elem(&b, root, d, 0);
	return buf_release(&b);
}

static int
load_text(const char *text, enum fmt f, const struct source_opts *opts,
    struct load *l)
{
	struct source_opts	 none;
	FILE			*fp;

	memset(l, 0, sizeof(*l));
	if (opts == NULL) {
		memset(&none, 0, sizeof(none));
		opts = &none;
	}
	path = f == F_JSON ? jpath : xpath;
	if ((fp = fopen(path, "w")) == NULL) {
		diag("%s: %s", path, strerror(errno));
		return l->rc = -1;
	}
	fputs(text, fp);
	fclose(fp);
	l->rc = source_load(path, opts, &l->m, &l->w, &l->err);
	if ((l->rc == 0) != (l->m != NULL))
		diag("source_load returned %d with model %p", l->rc,
		    (void *)l->m);
	if (l->rc == -1 && l->err.code == CGW_E_NONE)
		diag("source_load failed without an error");
	return l->rc;
}

static int
load_doc(const char *base, const char *root, const struct kv *ov,
    size_t nov, enum fmt f, const struct source_opts *opts, struct load *l)
{
	cJSON	*d;
	char	*text;
	int	 rc;

	d = doc(base, ov, nov);
	text = render(d, root, f);
	rc = load_text(text, f, opts, l);
	free(text);
	cJSON_Delete(d);
	return rc;
}

static int
load1(const struct kv *ov, size_t nov, enum fmt f, struct load *l)
{
	return load_doc(base_single, R_ONE, ov, nov, f, NULL, l);
}

static int
load_dual(const struct kv *ov, size_t nov, enum fmt f, struct load *l)
{
	return load_doc(base_dual, R_ONE, ov, nov, f, NULL, l);
}

/* A download named with --connection id (NULL: none). */
static int
load_dl(const char *base, const struct kv *ov, size_t nov, enum fmt f,
    const char *id, struct load *l)
{
	struct source_opts	 opts;
	char			*ids[1];

	memset(&opts, 0, sizeof(opts));
	if (id != NULL) {
		ids[0] = xstrdup(id);
		opts.ids = ids;
		opts.nids = 1;
	}
	load_doc(base, R_DL, ov, nov, f, &opts, l);
	if (id != NULL)
		free(ids[0]);
	return l->rc;
}

static void
load_free(struct load *l)
{
	model_free(l->m);
	l->m = NULL;
	warn_free(&l->w);
}

/* A warning holding a, and b too unless NULL. */
static int
has_warning(const struct load *l, const char *a, const char *b)
{
	size_t	i;

	for (i = 0; i < l->w.n; i++)
		if (strstr(l->w.msgs[i], a) != NULL &&
		    (b == NULL || strstr(l->w.msgs[i], b) != NULL))
			return 1;
	return 0;
}

/* Whether s holds every string of the NULL-terminated list. */
static int
has_all(const char *s, ...)
{
	va_list		 ap;
	const char	*p;
	int		 all = 1;

	va_start(ap, s);
	while ((p = va_arg(ap, const char *)) != NULL)
		if (strstr(s, p) == NULL) {
			diag("\"%s\" is not in: %s", p, s);
			all = 0;
		}
	va_end(ap);
	return all;
}

static struct connection *
c0(const struct load *l)
{
	static struct connection	empty;

	if (l->m == NULL || l->m->nconns == 0)
		return &empty;
	return &l->m->conns[0];
}

/* Tunnel j of connection i, or an empty one. */
static struct tunnel *
tn(const struct load *l, size_t i, size_t j)
{
	static struct tunnel	empty;

	if (l->m == NULL || i >= l->m->nconns ||
	    j >= l->m->conns[i].ntunnels)
		return &empty;
	return &l->m->conns[i].tunnels[j];
}

static const char *
alg_id(const struct alg *a)
{
	return a == NULL ? "(none)" : a->id;
}

static void
t_single(void)
{
	struct load		 l;
	struct connection	*c;
	struct tunnel		*t;
	const char		*F;
	enum fmt		 f;

	for (f = F_JSON; f <= F_XML; f++) {
		F = fmt_name[f];
		is_int(load1(NULL, 0, f, &l), 0, "%s single: loads", F);
		if (l.rc != 0)
			diag("%s", l.err.msg);
		c = c0(&l);
		t = tn(&l, 0, 0);
		is_int(l.m == NULL ? 0 : (long long)l.m->nconns, 1,
		    "%s single: one connection", F);
		is_str(c->cloud, "alibaba", "%s single: cloud", F);
		is_str(c->id, CONN, "%s single: id is VpnConnectionId", F);
		is_str(c->name, "hq-office", "%s single: name is Name", F);
		is_str(c->vpn_gateway_id, "vpn-bp1q8bgx4xnkm2ogj3ud7",
		    "%s single: VpnGatewayId", F);
		is_str(c->customer_gateway_id, "cgw-bp1mvj4g9kogwwcxk2w5a",
		    "%s single: CustomerGatewayId", F);
		ok(c->region == NULL, "%s single: no region", F);
		ok(c->vpc_id == NULL, "%s single: no VPC id", F);
		is_int((long long)c->ntunnels, 1, "%s single: one tunnel", F);
		is_str(t->id, CONN, "%s single: the tunnel has the "
		    "connection's id", F);
		is_int(t->role, ROLE_NONE, "%s single: role single", F);
		is_int(t->remote_id.type, ID_ADDRESS, "%s single: remote id is "
		    "an address", F);
		is_str(t->remote_id.value, "203.0.113.10", "%s single: LocalId "
		    "(the gateway's) is the remote id", F);
		is_int(t->local_id.type, ID_ADDRESS, "%s single: local id is "
		    "an address", F);
		is_str(t->local_id.value, "198.51.100.20", "%s single: "
		    "RemoteId (the customer's) is the local id", F);
		is_str(t->remote_addr, "203.0.113.10", "%s single: remote "
		    "address", F);
		is_str(t->local_addr, "198.51.100.20", "%s single: local "
		    "address from the customer's identity", F);
		is_str(t->psk, "pgw6dy7d1i8in7x5", "%s single: Psk", F);
		is_int(t->ike_version, 2, "%s single: IKEv2", F);
		is_int(t->ike_mode, IKE_MAIN, "%s single: main mode", F);
		is_str(alg_id(t->ike_enc), "aes256-cbc", "%s single: IKE "
		    "encryption", F);
		is_str(alg_id(t->ike_integ), "sha256", "%s single: IKE "
		    "integrity", F);
		is_str(alg_id(t->ike_prf), "sha256", "%s single: IKE PRF", F);
		is_str(alg_id(t->ike_dh), "modp2048", "%s single: IKE DH "
		    "group", F);
		is_int(t->ike_lifetime, 28800, "%s single: IKE lifetime", F);
		is_str(alg_id(t->esp_enc), "aes256-cbc", "%s single: ESP "
		    "encryption", F);
		is_str(alg_id(t->esp_integ), "sha256", "%s single: ESP "
		    "integrity", F);
		is_str(alg_id(t->esp_pfs), "modp2048", "%s single: PFS", F);
		is_int(t->esp_lifetime, 3600, "%s single: ESP lifetime", F);
		is_int((long long)t->esp_lifetime_kb, 0, "%s single: no volume "
		    "lifetime", F);
		is_int((long long)t->nts, 1, "%s single: one selector pair", F);
		if (t->nts == 1) {
			is_str(t->ts[0].local, "192.168.10.0/24", "%s single: "
			    "local selector is RemoteSubnet", F);
			is_str(t->ts[0].remote, "10.10.0.0/16", "%s single: "
			    "remote selector is LocalSubnet", F);
		} else
			skip("%s single: selectors", F);
		is_int(t->routing, ROUTING_POLICY, "%s single: policy", F);
		is_int(t->dpd_enabled, 1, "%s single: DPD on", F);
		is_int(t->dpd_interval, 10, "%s single: DPD interval 10", F);
		is_int(t->dpd_timeout, 30, "%s single: DPD timeout 30", F);
		is_int(t->dpd_action, DPD_RESTART, "%s single: DPD restart "
		    "(the device must start the tunnel too)", F);
		is_int(t->nat_traversal, 1, "%s single: NAT traversal", F);
		is_int(t->initiator, INIT_BOTH, "%s single: EffectImmediately "
		    "false: both initiate", F);
		is_int((long long)l.w.n, 0, "%s single: no warnings", F);
		load_free(&l);
	}
}

static void
t_selectors(void)
{
	static const struct kv product[] = {
		{ "LocalSubnet", "'10.10.0.0/16 , 10.20.0.0/16'" },
		{ "RemoteSubnet", "'192.168.10.0/24,  192.168.20.0/24'" },
	};
	static const struct kv host[] = {
		{ "LocalSubnet", "'10.10.1.1/16'" },
		{ "RemoteSubnet", "'192.168.10.7/24'" },
	};
	static const struct kv dup[] = {
		{ "LocalSubnet", "'10.10.0.0/16,10.10.0.0/16'" },
		{ "RemoteSubnet", "'192.168.10.0/24,192.168.10.5/24,"
		    "192.168.20.0/24'" },
	};
	static const struct kv bad[] = {
		{ "LocalSubnet", "'10.10.0.0/33'" },
	};
	static const char *const want[][2] = {
		{ "192.168.10.0/24", "10.10.0.0/16" },
		{ "192.168.20.0/24", "10.10.0.0/16" },
		{ "192.168.10.0/24", "10.20.0.0/16" },
		{ "192.168.20.0/24", "10.20.0.0/16" },
	};
	struct load	 l;
	struct tunnel	*t;
	const char	*F;
	enum fmt	 f;
	size_t		 i;

	for (f = F_JSON; f <= F_XML; f++) {
		F = fmt_name[f];
		is_int(load1(N(product), f, &l), 0, "%s selectors: two by two "
		    "loads", F);
		t = tn(&l, 0, 0);
		is_int((long long)t->nts, 4, "%s selectors: every combination",
		    F);
		for (i = 0; i < nitems(want) && i < t->nts; i++) {
			is_str(t->ts[i].local, want[i][0], "%s selectors: "
			    "ts[%zu].local (VPC-major order)", F, i);
			is_str(t->ts[i].remote, want[i][1], "%s selectors: "
			    "ts[%zu].remote", F, i);
		}
		is_int(t->routing, ROUTING_POLICY, "%s selectors: policy", F);
		load_free(&l);

		is_int(load1(N(host), f, &l), 0, "%s selectors: host bits "
		    "load", F);
		t = tn(&l, 0, 0);
		ok(t->nts == 1 &&
		    strcmp(t->ts[0].remote, "10.10.0.0/16") == 0 &&
		    strcmp(t->ts[0].local, "192.168.10.0/24") == 0,
		    "%s selectors: host bits cleared on both sides", F);
		ok(has_warning(&l, "10.10.1.1/16", "10.10.0.0/16"),
		    "%s selectors: LocalSubnet host bits warned", F);
		ok(has_warning(&l, "192.168.10.7/24", "192.168.10.0/24"),
		    "%s selectors: RemoteSubnet host bits warned", F);
		load_free(&l);

		is_int(load1(N(dup), f, &l), 0, "%s selectors: duplicates "
		    "load", F);
		t = tn(&l, 0, 0);
		is_int((long long)t->nts, 2, "%s selectors: duplicates dropped "
		    "(also after clearing host bits)", F);
		ok(t->nts == 2 && strcmp(t->ts[0].local, "192.168.10.0/24") ==
		    0 && strcmp(t->ts[1].local, "192.168.20.0/24") == 0,
		    "%s selectors: first occurrences kept, in order", F);
		load_free(&l);

		is_int(load1(N(bad), f, &l), -1, "%s selectors: /33 refused",
		    F);
		ok(has_all(l.err.msg, path, "10.10.0.0/33", NULL),
		    "%s selectors: message names the file and the value", F);
		load_free(&l);
	}
}

static void
t_routing(void)
{
	static const struct kv any[] = {
		{ "LocalSubnet", "'0.0.0.0/0'" },
		{ "RemoteSubnet", "'0.0.0.0/0'" },
	};
	static const struct kv vpc_any[] = {
		{ "LocalSubnet", "'0.0.0.0/0'" },
	};
	static const struct kv two_any[] = {
		{ "LocalSubnet", "'0.0.0.0/0,10.10.0.0/16'" },
		{ "RemoteSubnet", "'0.0.0.0/0'" },
	};
	static const struct kv bgp[] = {
		{ "VpnBgpConfig", "{'AuthKey':'','EnableBgp':'true',"
		    "'LocalAsn':45104,'LocalBgpIp':'169.254.10.1',"
		    "'PeerAsn':'65010','PeerBgpIp':'169.254.10.2',"
		    "'Status':'success','TunnelCidr':'169.254.10.0/30'}" },
	};
	static const struct kv bgp_bool[] = {
		{ "VpnBgpConfig", "{'EnableBgp':true,'LocalAsn':'4200000000',"
		    "'LocalBgpIp':'169.254.11.1','PeerAsn':65001,"
		    "'PeerBgpIp':'169.254.11.2',"
		    "'TunnelCidr':'169.254.11.0/30'}" },
		{ "LocalSubnet", "'0.0.0.0/0'" },
		{ "RemoteSubnet", "'0.0.0.0/0'" },
	};
	static const struct kv bgp_no_asn[] = {
		{ "VpnBgpConfig", "{'EnableBgp':'true',"
		    "'LocalBgpIp':'169.254.10.1','PeerAsn':65010,"
		    "'PeerBgpIp':'169.254.10.2',"
		    "'TunnelCidr':'169.254.10.0/30'}" },
	};
	struct load	 l;
	struct tunnel	*t;
	const char	*F;
	enum fmt	 f;

	for (f = F_JSON; f <= F_XML; f++) {
		F = fmt_name[f];
		is_int(load1(N(any), f, &l), 0, "%s routing: 0.0.0.0/0 both "
		    "sides loads", F);
		t = tn(&l, 0, 0);
		is_int(t->routing, ROUTING_STATIC, "%s routing: static", F);
		ok(t->nts == 1 && strcmp(t->ts[0].local, "0.0.0.0/0") == 0 &&
		    strcmp(t->ts[0].remote, "0.0.0.0/0") == 0,
		    "%s routing: one 0.0.0.0/0 pair", F);
		load_free(&l);

		is_int(load1(N(vpc_any), f, &l), 0, "%s routing: 0.0.0.0/0 on "
		    "the VPC side only loads", F);
		is_int(tn(&l, 0, 0)->routing, ROUTING_POLICY, "%s routing: "
		    "policy unless both sides are 0.0.0.0/0", F);
		load_free(&l);

		is_int(load1(N(two_any), f, &l), 0, "%s routing: 0.0.0.0/0 and "
		    "a subnet loads", F);
		is_int(tn(&l, 0, 0)->routing, ROUTING_POLICY, "%s routing: "
		    "policy unless all subnets are 0.0.0.0/0", F);
		load_free(&l);

		is_int(load1(N(bgp), f, &l), 0, "%s routing: VpnBgpConfig "
		    "EnableBgp \"true\" loads", F);
		t = tn(&l, 0, 0);
		is_int(t->routing, ROUTING_BGP, "%s routing: bgp", F);
		is_int(t->bgp.remote_asn, 45104, "%s bgp: LocalAsn is the "
		    "cloud's, remote_asn", F);
		is_int(t->bgp.local_asn, 65010, "%s bgp: PeerAsn (a string) is "
		    "ours, local_asn", F);
		is_str(t->bgp.remote_ip, "169.254.10.1", "%s bgp: LocalBgpIp "
		    "is remote_ip", F);
		is_str(t->bgp.local_ip, "169.254.10.2", "%s bgp: PeerBgpIp is "
		    "local_ip", F);
		is_str(t->bgp.tunnel_cidr, "169.254.10.0/30", "%s bgp: "
		    "TunnelCidr", F);
		ok(t->nts == 1 && strcmp(t->ts[0].local, "192.168.10.0/24") ==
		    0, "%s bgp: selectors from the subnets", F);
		load_free(&l);

		is_int(load1(N(bgp_bool), f, &l), 0, "%s routing: EnableBgp "
		    "true (boolean) loads", F);
		t = tn(&l, 0, 0);
		is_int(t->routing, ROUTING_BGP, "%s routing: bgp wins over "
		    "0.0.0.0/0", F);
		is_int(t->bgp.remote_asn, 4200000000LL, "%s bgp: 32-bit ASN "
		    "string", F);
		is_int(t->bgp.local_asn, 65001, "%s bgp: numeric PeerAsn", F);
		load_free(&l);

		is_int(load1(N(bgp_no_asn), f, &l), -1, "%s routing: BGP "
		    "without the cloud's LocalAsn refused", F);
		diag("%s", l.err.msg);
		load_free(&l);
	}
}

static void
t_dual(void)
{
	static const struct kv flags[] = {
		{ "TunnelOptionsSpecification.TunnelOptions.0.EnableDpd",
		    "'false'" },
		{ "TunnelOptionsSpecification.TunnelOptions.1."
		    "EnableNatTraversal", "'false'" },
	};
	static const struct kv no_bgp[] = {
		{ "EnableTunnelsBgp", "false" },
	};
	static const struct kv no_bgp_policy[] = {
		{ "EnableTunnelsBgp", "false" },
		{ "LocalSubnet", "'10.10.0.0/16'" },
		{ "RemoteSubnet", "'192.168.10.0/24'" },
	};
	static const struct kv one[] = {
		{ "TunnelOptionsSpecification.TunnelOptions.0", NULL },
	};
	static const struct kv one_obj[] = {
		{ "TunnelOptionsSpecification.TunnelOptions",
		    "{'TunnelId':'" TUN_M "','Role':'master',"
		    "'InternetIp':'203.0.113.21','EnableDpd':'true',"
		    "'EnableNatTraversal':'true',"
		    "'TunnelIkeConfig':{'IkeAuthAlg':'sha256',"
		    "'IkeEncAlg':'aes256','IkeLifetime':'86400',"
		    "'IkeMode':'main','IkePfs':'group14','IkeVersion':'ikev2',"
		    "'LocalId':'203.0.113.21','RemoteId':'198.51.100.30',"
		    "'Psk':'Tun1-Psk-7Hq2'},"
		    "'TunnelIpsecConfig':{'IpsecAuthAlg':'sha256',"
		    "'IpsecEncAlg':'aes256','IpsecLifetime':'3600',"
		    "'IpsecPfs':'group14'},"
		    "'TunnelBgpConfig':{'LocalAsn':'45104',"
		    "'LocalBgpIp':'169.254.10.1','PeerAsn':'65010',"
		    "'PeerBgpIp':'169.254.10.2',"
		    "'TunnelCidr':'169.254.10.0/30'}}" },
	};
	static const struct kv role[] = {
		{ "TunnelOptionsSpecification.TunnelOptions.0.Role",
		    "'backup'" },
	};
	static const struct kv bad_alg[] = {
		{ "TunnelOptionsSpecification.TunnelOptions.1.TunnelIkeConfig."
		    "IkeEncAlg", "'aes512'" },
	};
	static const struct kv bad_pfs[] = {
		{ "TunnelOptionsSpecification.TunnelOptions.0."
		    "TunnelIpsecConfig.IpsecPfs", "'group24'" },
	};
	static const struct kv no_ip[] = {
		{ "TunnelOptionsSpecification.TunnelOptions.1.InternetIp",
		    "''" },
	};
	static const struct kv ip_wins[] = {
		{ "TunnelOptionsSpecification.TunnelOptions.1.InternetIp",
		    "'203.0.113.99'" },
	};
	struct load		 l;
	struct tunnel		*t;
	const char		*F;
	enum fmt		 f;

	for (f = F_JSON; f <= F_XML; f++) {
		F = fmt_name[f];
		is_int(load_dual(NULL, 0, f, &l), 0, "%s dual: loads", F);
		if (l.rc != 0)
			diag("%s", l.err.msg);
		is_str(c0(&l)->id, DUAL, "%s dual: connection id", F);
		ok(c0(&l)->customer_gateway_id == NULL, "%s dual: empty "
		    "CustomerGatewayId is none", F);
		is_int((long long)c0(&l)->ntunnels, 2, "%s dual: two tunnels",
		    F);
		t = tn(&l, 0, 0);
		is_str(t->id, TUN_M, "%s dual: ordered by TunnelId", F);
		is_int(t->role, ROLE_PRIMARY, "%s dual: master is primary", F);
		is_str(t->remote_addr, "203.0.113.21", "%s dual: the tunnel's "
		    "InternetIp", F);
		is_str(t->remote_id.value, "203.0.113.21", "%s dual: the "
		    "tunnel's LocalId is the remote id", F);
		is_str(t->local_id.value, "198.51.100.30", "%s dual: the "
		    "tunnel's RemoteId is the local id", F);
		is_str(t->local_addr, "198.51.100.30", "%s dual: local "
		    "address", F);
		is_str(t->psk, "Tun1-Psk-7Hq2", "%s dual: the tunnel's Psk", F);
		is_str(alg_id(t->ike_enc), "aes256-cbc", "%s dual: the "
		    "tunnel's IkeEncAlg", F);
		is_int(t->ike_lifetime, 86400, "%s dual: IkeLifetime \"86400\"",
		    F);
		is_str(alg_id(t->esp_integ), "sha256", "%s dual: the tunnel's "
		    "IpsecAuthAlg", F);
		is_int(t->esp_lifetime, 3600, "%s dual: IpsecLifetime "
		    "\"3600\"", F);
		is_int(t->routing, ROUTING_BGP, "%s dual: EnableTunnelsBgp: "
		    "bgp", F);
		is_int(t->bgp.remote_asn, 45104, "%s dual: TunnelBgpConfig "
		    "LocalAsn is remote_asn", F);
		is_int(t->bgp.local_asn, 65010, "%s dual: PeerAsn is "
		    "local_asn", F);
		is_str(t->bgp.remote_ip, "169.254.10.1", "%s dual: LocalBgpIp "
		    "is remote_ip", F);
		is_str(t->bgp.local_ip, "169.254.10.2", "%s dual: PeerBgpIp is "
		    "local_ip", F);
		is_str(t->bgp.tunnel_cidr, "169.254.10.0/30", "%s dual: "
		    "TunnelCidr", F);
		is_int(t->dpd_enabled, 1, "%s dual: EnableDpd \"true\"", F);
		is_int(t->initiator, INIT_BOTH, "%s dual: initiator both", F);
		ok(t->nts == 1 && strcmp(t->ts[0].local, "0.0.0.0/0") == 0,
		    "%s dual: 0.0.0.0/0 selectors", F);
		t = tn(&l, 0, 1);
		is_str(t->id, TUN_S, "%s dual: second tunnel", F);
		is_int(t->role, ROLE_STANDBY, "%s dual: slave is standby", F);
		is_str(t->remote_addr, "203.0.113.22", "%s dual: its "
		    "InternetIp", F);
		is_str(t->psk, "Tun2-Psk-9Kd4", "%s dual: its Psk", F);
		is_str(alg_id(t->ike_enc), "aes128-cbc", "%s dual: its "
		    "IkeEncAlg aes", F);
		is_str(alg_id(t->ike_integ), "sha1", "%s dual: its IkeAuthAlg",
		    F);
		is_int(t->ike_lifetime, 28800, "%s dual: its IkeLifetime", F);
		is_int(t->esp_lifetime, 1800, "%s dual: its IpsecLifetime", F);
		is_str(t->bgp.tunnel_cidr, "169.254.20.0/30", "%s dual: its "
		    "TunnelCidr", F);
		is_str(t->bgp.local_ip, "169.254.20.2", "%s dual: its "
		    "PeerBgpIp", F);
		is_int((long long)l.w.n, 0, "%s dual: no warnings", F);
		load_free(&l);

		is_int(load_dual(N(flags), f, &l), 0, "%s dual: per-tunnel "
		    "flags load", F);
		is_int(tn(&l, 0, 1)->dpd_enabled, 0, "%s dual: slave "
		    "EnableDpd \"false\"", F);
		is_int(tn(&l, 0, 0)->dpd_enabled, 1, "%s dual: master keeps "
		    "DPD", F);
		is_int(tn(&l, 0, 0)->nat_traversal, 0, "%s dual: master "
		    "EnableNatTraversal \"false\"", F);
		is_int(tn(&l, 0, 1)->nat_traversal, 1, "%s dual: slave keeps "
		    "NAT traversal", F);
		load_free(&l);

		is_int(load_dual(N(no_bgp), f, &l), 0, "%s dual: without "
		    "tunnel BGP loads", F);
		ok(tn(&l, 0, 0)->routing == ROUTING_STATIC &&
		    tn(&l, 0, 1)->routing == ROUTING_STATIC, "%s dual: "
		    "EnableTunnelsBgp false and 0.0.0.0/0: static", F);
		load_free(&l);
		is_int(load_dual(N(no_bgp_policy), f, &l), 0, "%s dual: "
		    "policy loads", F);
		ok(tn(&l, 0, 0)->routing == ROUTING_POLICY &&
		    tn(&l, 0, 1)->routing == ROUTING_POLICY, "%s dual: "
		    "subnets without BGP: policy", F);
		load_free(&l);

		is_int(load_dual(N(one), f, &l), 0, "%s dual: one element "
		    "loads", F);
		is_int((long long)c0(&l)->ntunnels, 1, "%s dual: one element, "
		    "one tunnel", F);
		is_str(tn(&l, 0, 0)->id, TUN_M, "%s dual: its TunnelId", F);
		is_int(tn(&l, 0, 0)->role, ROLE_PRIMARY, "%s dual: its Role",
		    F);
		load_free(&l);
		is_int(load_dual(N(one_obj), f, &l), 0, "%s dual: "
		    "TunnelOptions as an object loads", F);
		is_int((long long)c0(&l)->ntunnels, 1, "%s dual: an object is "
		    "one tunnel", F);
		is_str(tn(&l, 0, 0)->id, TUN_M, "%s dual: the object's "
		    "TunnelId", F);
		is_str(tn(&l, 0, 0)->remote_addr, "203.0.113.21", "%s dual: "
		    "the object's InternetIp", F);
		load_free(&l);

		is_int(load_dual(N(role), f, &l), -1, "%s dual: Role backup "
		    "refused", F);
		ok(has_all(l.err.msg, path, DUAL, TUN_S, "Role", "backup",
		    "master", "slave", NULL), "%s dual: the message names "
		    "file, connection, tunnel, field, value and the documented "
		    "values", F);
		load_free(&l);
		is_int(load_dual(N(bad_alg), f, &l), -1, "%s dual: unknown "
		    "tunnel IkeEncAlg refused", F);
		ok(has_all(l.err.msg, path, DUAL, TUN_M, "IkeEncAlg", "aes512",
		    "aes192", "3des", "sm4", NULL), "%s dual: message names "
		    "the tunnel", F);
		load_free(&l);
		is_int(load_dual(N(bad_pfs), f, &l), -1, "%s dual: IpsecPfs "
		    "group24 refused (not documented)", F);
		ok(has_all(l.err.msg, DUAL, TUN_S, "IpsecPfs", "group24",
		    "disabled", NULL), "%s dual: IpsecPfs message", F);
		load_free(&l);

		is_int(load_dual(N(no_ip), f, &l), 0, "%s dual: empty tunnel "
		    "InternetIp loads", F);
		is_str(tn(&l, 0, 0)->remote_addr, "203.0.113.21", "%s dual: "
		    "the cloud's address from the tunnel's LocalId", F);
		load_free(&l);
		is_int(load_dual(N(ip_wins), f, &l), 0, "%s dual: InternetIp "
		    "and LocalId differ", F);
		is_str(tn(&l, 0, 0)->remote_addr, "203.0.113.99", "%s dual: "
		    "InternetIp is the address", F);
		is_str(tn(&l, 0, 0)->remote_id.value, "203.0.113.21",
		    "%s dual: LocalId stays the identity", F);
		load_free(&l);
	}
}

static void
t_values(void)
{
	static const char *const enc[][2] = {
		{ "aes", "aes128-cbc" }, { "aes192", "aes192-cbc" },
		{ "aes256", "aes256-cbc" }, { "des", "des-cbc" },
		{ "3des", "3des-cbc" }, { "sm4", "sm4-cbc" },
	};
	static const char *const auth[][2] = {
		{ "md5", "md5" }, { "sha1", "sha1" }, { "sha256", "sha256" },
		{ "sha384", "sha384" }, { "sha512", "sha512" },
		{ "sm3", "sm3" },
	};
	static const char *const pfs[][2] = {
		{ "group1", "modp768" }, { "group2", "modp1024" },
		{ "group5", "modp1536" }, { "group14", "modp2048" },
		{ "disabled", NULL },
	};
	static const struct {
		const char	*version;
		const char	*mode;
		int		 want_version;
		enum ike_mode	 want_mode;
	} modes[] = {
		{ "ikev1", "main", 1, IKE_MAIN },
		{ "ikev1", "aggressive", 1, IKE_AGGRESSIVE },
		{ "ikev2", "main", 2, IKE_MAIN },
		{ "ikev2", "aggressive", 2, IKE_MAIN },
	};
	struct kv	 ov[4];
	struct load	 l;
	struct tunnel	*t;
	char		 v1[64], v2[64];
	const char	*F;
	enum fmt	 f;
	size_t		 i;

	for (f = F_JSON; f <= F_XML; f++) {
		F = fmt_name[f];
		for (i = 0; i < nitems(enc); i++) {
			snprintf(v1, sizeof(v1), "'%s'", enc[i][0]);
			ov[0].key = "IkeConfig.IkeEncAlg";
			ov[0].raw = v1;
			ov[1].key = "IpsecConfig.IpsecEncAlg";
			ov[1].raw = v1;
			ov[2].key = "IkeConfig.IkeVersion";
			ov[2].raw = "'ikev1'";
			load1(ov, 3, f, &l);
			t = tn(&l, 0, 0);
			ok(l.rc == 0 && strcmp(alg_id(t->ike_enc), enc[i][1]) ==
			    0 && strcmp(alg_id(t->esp_enc), enc[i][1]) == 0,
			    "%s values: %s is %s for IKE and ESP", F, enc[i][0],
			    enc[i][1]);
			if (l.rc != 0)
				diag("%s", l.err.msg);
			load_free(&l);
		}
		for (i = 0; i < nitems(auth); i++) {
			snprintf(v1, sizeof(v1), "'%s'", auth[i][0]);
			ov[0].key = "IkeConfig.IkeAuthAlg";
			ov[0].raw = v1;
			ov[1].key = "IpsecConfig.IpsecAuthAlg";
			ov[1].raw = v1;
			ov[2].key = "IkeConfig.IkeVersion";
			ov[2].raw = "'ikev1'";
			load1(ov, 3, f, &l);
			t = tn(&l, 0, 0);
			ok(l.rc == 0 &&
			    strcmp(alg_id(t->ike_integ), auth[i][1]) == 0 &&
			    strcmp(alg_id(t->ike_prf), auth[i][1]) == 0 &&
			    strcmp(alg_id(t->esp_integ), auth[i][1]) == 0,
			    "%s values: %s is %s for IKE integrity, PRF and "
			    "ESP", F, auth[i][0], auth[i][1]);
			if (l.rc != 0)
				diag("%s", l.err.msg);
			load_free(&l);
		}
		for (i = 0; i < nitems(pfs); i++) {
			snprintf(v1, sizeof(v1), "'%s'", pfs[i][0]);
			ov[0].key = "IpsecConfig.IpsecPfs";
			ov[0].raw = v1;
			ov[1].key = "IkeConfig.IkePfs";
			ov[1].raw = pfs[i][1] == NULL ? "'group14'" : v1;
			load1(ov, 2, f, &l);
			t = tn(&l, 0, 0);
			if (pfs[i][1] == NULL)
				ok(l.rc == 0 && t->esp_pfs == NULL,
				    "%s values: IpsecPfs disabled is no PFS",
				    F);
			else
				ok(l.rc == 0 && strcmp(alg_id(t->esp_pfs),
				    pfs[i][1]) == 0 && strcmp(alg_id(t->ike_dh),
				    pfs[i][1]) == 0, "%s values: %s is %s for "
				    "IkePfs and IpsecPfs", F, pfs[i][0],
				    pfs[i][1]);
			if (l.rc != 0)
				diag("%s", l.err.msg);
			load_free(&l);
		}
		for (i = 0; i < nitems(modes); i++) {
			snprintf(v1, sizeof(v1), "'%s'", modes[i].version);
			snprintf(v2, sizeof(v2), "'%s'", modes[i].mode);
			ov[0].key = "IkeConfig.IkeVersion";
			ov[0].raw = v1;
			ov[1].key = "IkeConfig.IkeMode";
			ov[1].raw = v2;
			load1(ov, 2, f, &l);
			t = tn(&l, 0, 0);
			ok(l.rc == 0 &&
			    t->ike_version == modes[i].want_version &&
			    t->ike_mode == modes[i].want_mode, "%s values: "
			    "%s %s is IKEv%d %s mode", F, modes[i].version,
			    modes[i].mode, modes[i].want_version,
			    ike_mode_name(modes[i].want_mode));
			if (l.rc != 0)
				diag("%s", l.err.msg);
			load_free(&l);
		}
	}
}

static void
t_unknown(void)
{
	static const struct {
		const char	*key;
		const char	*field;
		const char	*value;
		const char	*documented[7];
	} c[] = {
		{ "IkeConfig.IkeEncAlg", "IkeEncAlg", "aes512",
		    { "aes", "aes192", "aes256", "des", "3des", "sm4" } },
		{ "IkeConfig.IkeAuthAlg", "IkeAuthAlg", "sha3",
		    { "md5", "sha1", "sha256", "sha384", "sha512", "sm3" } },
		{ "IkeConfig.IkePfs", "IkePfs", "group19",
		    { "group1", "group2", "group5", "group14" } },
		{ "IkeConfig.IkeVersion", "IkeVersion", "ikev3",
		    { "ikev1", "ikev2" } },
		{ "IkeConfig.IkeMode", "IkeMode", "quick",
		    { "main", "aggressive" } },
		{ "IpsecConfig.IpsecEncAlg", "IpsecEncAlg", "aes128gcm",
		    { "aes", "aes192", "aes256", "des", "3des", "sm4" } },
		{ "IpsecConfig.IpsecAuthAlg", "IpsecAuthAlg", "sha3",
		    { "md5", "sha1", "sha256", "sha384", "sha512", "sm3" } },
		{ "IpsecConfig.IpsecPfs", "IpsecPfs", "group3",
		    { "disabled", "group1", "group2", "group5", "group14" } },
	};
	struct kv	 ov[1];
	struct load	 l;
	char		 raw[64];
	const char	*F;
	enum fmt	 f;
	size_t		 i, j;
	int		 named;

	for (f = F_JSON; f <= F_XML; f++) {
		F = fmt_name[f];
		for (i = 0; i < nitems(c); i++) {
			snprintf(raw, sizeof(raw), "'%s'", c[i].value);
			ov[0].key = c[i].key;
			ov[0].raw = raw;
			is_int(load1(ov, 1, f, &l), -1, "%s unknown: %s %s "
			    "refused", F, c[i].field, c[i].value);
			is_int(l.err.code, CGW_E_INPUT, "%s unknown: %s: an "
			    "input error", F, c[i].field);
			named = has_all(l.err.msg, path, CONN, c[i].field,
			    c[i].value, NULL);
			for (j = 0; j < nitems(c[i].documented) &&
			    c[i].documented[j] != NULL; j++)
				if (!has_all(l.err.msg, c[i].documented[j],
				    NULL))
					named = 0;
			ok(named, "%s unknown: %s: the message names the file, "
			    "the connection, the field, the value and the "
			    "documented values", F, c[i].field);
			load_free(&l);
		}
	}
}

static void
t_lifetime(void)
{
	static const struct {
		const char	*key;
		const char	*raw;
		int		 good;
		long long	 want;
	} c[] = {
		{ "IkeConfig.IkeLifetime", "'28800'", 1, 28800 },
		{ "IkeConfig.IkeLifetime", "86400", 1, 86400 },
		{ "IkeConfig.IkeLifetime", "3600", 1, 3600 },
		{ "IkeConfig.IkeLifetime", "86401", 0, 0 },
		{ "IkeConfig.IkeLifetime", "0", 0, 0 },
		{ "IkeConfig.IkeLifetime", "-1", 0, 0 },
		{ "IkeConfig.IkeLifetime", "'one day'", 0, 0 },
		{ "IpsecConfig.IpsecLifetime", "'1800'", 1, 1800 },
		{ "IpsecConfig.IpsecLifetime", "86400", 1, 86400 },
		{ "IpsecConfig.IpsecLifetime", "'86401'", 0, 0 },
		{ "IpsecConfig.IpsecLifetime", "0", 0, 0 },
	};
	struct kv	 ov[1];
	struct load	 l;
	const char	*F, *field;
	enum fmt	 f;
	size_t		 i;

	for (f = F_JSON; f <= F_XML; f++) {
		F = fmt_name[f];
		for (i = 0; i < nitems(c); i++) {
			ov[0].key = c[i].key;
			ov[0].raw = c[i].raw;
			field = strchr(c[i].key, '.') + 1;
			load1(ov, 1, f, &l);
			if (c[i].good) {
				is_int(l.rc, 0, "%s lifetime: %s %s loads", F,
				    field, c[i].raw);
				is_int(strcmp(field, "IkeLifetime") == 0 ?
				    tn(&l, 0, 0)->ike_lifetime :
				    tn(&l, 0, 0)->esp_lifetime, c[i].want,
				    "%s lifetime: %s %s read", F, field,
				    c[i].raw);
			} else {
				is_int(l.rc, -1, "%s lifetime: %s %s refused "
				    "(1-86400)", F, field, c[i].raw);
				ok(has_all(l.err.msg, CONN, field, NULL),
				    "%s lifetime: message names the field", F);
			}
			load_free(&l);
		}
	}
}

static void
t_defaults(void)
{
	static const char *const fields[] = {
		"IkeConfig.IkeVersion", "IkeConfig.IkeMode",
		"IkeConfig.IkeEncAlg", "IkeConfig.IkeAuthAlg",
		"IkeConfig.IkePfs", "IkeConfig.IkeLifetime",
		"IpsecConfig.IpsecEncAlg", "IpsecConfig.IpsecAuthAlg",
		"IpsecConfig.IpsecPfs", "IpsecConfig.IpsecLifetime",
		"EnableDpd", "EnableNatTraversal",
	};
	static const struct kv whole[] = {
		{ "IpsecConfig", "{}" },
	};
	static const struct kv gone[] = {
		{ "IpsecConfig", NULL },
	};
	struct kv	 ov[nitems(fields) + 2];
	struct load	 l;
	struct tunnel	*t;
	const char	*F, *field;
	enum fmt	 f;
	size_t		 i, n;
	int		 empty;

	for (f = F_JSON; f <= F_XML; f++) {
		F = fmt_name[f];
		for (empty = 0; empty <= 1; empty++) {
			for (n = 0; n < nitems(fields); n++) {
				ov[n].key = fields[n];
				ov[n].raw = empty ? "''" : NULL;
			}
			ov[n].key = "Name";
			ov[n++].raw = empty ? "''" : NULL;
			ov[n].key = "CustomerGatewayId";
			ov[n++].raw = empty ? "''" : NULL;
			is_int(load1(ov, n, f, &l), 0, "%s defaults (%s): "
			    "loads", F, empty ? "empty strings" : "absent");
			if (l.rc != 0)
				diag("%s", l.err.msg);
			t = tn(&l, 0, 0);
			is_int(t->ike_version, 1, "%s defaults: ikev1", F);
			is_int(t->ike_mode, IKE_MAIN, "%s defaults: main", F);
			is_str(alg_id(t->ike_enc), "aes128-cbc", "%s defaults: "
			    "IKE aes", F);
			is_str(alg_id(t->ike_integ), "md5", "%s defaults: IKE "
			    "md5", F);
			is_str(alg_id(t->ike_prf), "md5", "%s defaults: IKE "
			    "PRF md5", F);
			is_str(alg_id(t->ike_dh), "modp1024", "%s defaults: "
			    "group2", F);
			is_int(t->ike_lifetime, 86400, "%s defaults: IKE "
			    "86400", F);
			is_str(alg_id(t->esp_enc), "aes128-cbc", "%s defaults: "
			    "ESP aes", F);
			is_str(alg_id(t->esp_integ), "md5", "%s defaults: ESP "
			    "md5", F);
			is_str(alg_id(t->esp_pfs), "modp1024", "%s defaults: "
			    "PFS group2", F);
			is_int(t->esp_lifetime, 86400, "%s defaults: ESP "
			    "86400", F);
			is_int(t->dpd_enabled, 1, "%s defaults: DPD on", F);
			is_int(t->nat_traversal, 1, "%s defaults: NAT "
			    "traversal on", F);
			ok(c0(&l)->name == NULL, "%s defaults: no name", F);
			ok(c0(&l)->customer_gateway_id == NULL, "%s defaults: "
			    "no customer gateway id", F);
			for (i = 0; i < nitems(fields); i++) {
				field = strchr(fields[i], '.');
				field = field == NULL ? fields[i] : field + 1;
				ok(has_warning(&l, field, CONN), "%s defaults "
				    "(%s): a warning names %s", F, empty ?
				    "empty strings" : "absent", field);
			}
			load_free(&l);
		}
		is_int(load1(N(whole), f, &l), 0, "%s defaults: an empty "
		    "IpsecConfig loads", F);
		if (l.rc != 0)
			diag("%s", l.err.msg);
		ok(strcmp(alg_id(tn(&l, 0, 0)->esp_enc), "aes128-cbc") == 0 &&
		    tn(&l, 0, 0)->esp_lifetime == 86400, "%s defaults: an "
		    "empty IpsecConfig gives the IPsec defaults", F);
		ok(has_warning(&l, "IpsecEncAlg", NULL), "%s defaults: and "
		    "warns", F);
		load_free(&l);
		/*
		 * No IpsecConfig at all: the specification does not say
		 * whether that is every field absent or a broken response;
		 * either the IPsec defaults or an error naming IpsecConfig.
		 */
		load1(N(gone), f, &l);
		if (l.rc == 0)
			ok(strcmp(alg_id(tn(&l, 0, 0)->esp_integ), "md5") == 0,
			    "%s defaults: no IpsecConfig gives the IPsec "
			    "defaults", F);
		else
			ok(has_all(l.err.msg, path, CONN, "IpsecConfig", NULL),
			    "%s defaults: no IpsecConfig is an error naming "
			    "it", F);
		load_free(&l);
	}
}

static void
t_identity(void)
{
	static const struct kv cloud_fqdn[] = {
		{ "IkeConfig.LocalId", "'vpngw.example.com'" },
	};
	static const struct kv user[] = {
		{ "IkeConfig.RemoteId", "'ops@branch.example.net'" },
	};
	static const struct kv host[] = {
		{ "IkeConfig.RemoteId", "'branch01.example.net'" },
	};
	static const struct kv bad_local[] = {
		{ "IkeConfig.LocalId", "'gw#1'" },
	};
	static const struct kv bad_remote[] = {
		{ "IkeConfig.RemoteId", "'branch 01'" },
	};
	static const struct kv v6[] = {
		{ "IkeConfig.LocalId", "'2001:db8::10'" },
		{ "IkeConfig.RemoteId", "'2001:db8:1::20'" },
		{ "InternetIp", "'2001:db8::10'" },
	};
	struct load	 l;
	struct tunnel	*t;
	const char	*F;
	enum fmt	 f;

	for (f = F_JSON; f <= F_XML; f++) {
		F = fmt_name[f];
		is_int(load1(N(cloud_fqdn), f, &l), 0, "%s identity: a host "
		    "name LocalId loads", F);
		t = tn(&l, 0, 0);
		is_int(t->remote_id.type, ID_FQDN, "%s identity: fqdn", F);
		is_str(t->remote_id.value, "vpngw.example.com", "%s identity: "
		    "fqdn value", F);
		is_str(t->remote_addr, "203.0.113.10", "%s identity: address "
		    "from InternetIp", F);
		load_free(&l);

		is_int(load1(N(user), f, &l), 0, "%s identity: user@domain "
		    "loads", F);
		t = tn(&l, 0, 0);
		is_int(t->local_id.type, ID_USER_FQDN, "%s identity: '@' is a "
		    "user fqdn", F);
		is_str(t->local_id.value, "ops@branch.example.net", "%s "
		    "identity: user fqdn value", F);
		ok(t->local_addr == NULL, "%s identity: no local address", F);
		load_free(&l);

		is_int(load1(N(host), f, &l), 0, "%s identity: host name "
		    "RemoteId loads", F);
		t = tn(&l, 0, 0);
		is_int(t->local_id.type, ID_FQDN, "%s identity: customer fqdn",
		    F);
		ok(t->local_addr == NULL, "%s identity: an fqdn gives no local "
		    "address", F);
		load_free(&l);

		is_int(load1(N(bad_local), f, &l), -1, "%s identity: gw#1 "
		    "refused", F);
		ok(has_all(l.err.msg, path, CONN, "LocalId", "gw#1", NULL),
		    "%s identity: message names field and value", F);
		load_free(&l);
		is_int(load1(N(bad_remote), f, &l), -1, "%s identity: a space "
		    "refused", F);
		ok(has_all(l.err.msg, CONN, "RemoteId", "branch 01", NULL),
		    "%s identity: RemoteId message", F);
		load_free(&l);

		is_int(load1(N(v6), f, &l), 0, "%s identity: IPv6 loads", F);
		t = tn(&l, 0, 0);
		ok(t->remote_id.type == ID_ADDRESS && t->local_id.type ==
		    ID_ADDRESS, "%s identity: IPv6 addresses", F);
		is_str(t->remote_addr, "2001:db8::10", "%s identity: IPv6 "
		    "remote address", F);
		is_str(t->local_addr, "2001:db8:1::20", "%s identity: IPv6 "
		    "local address", F);
		load_free(&l);
	}
}

static void
t_address(void)
{
	static const struct kv ip_wins[] = {
		{ "InternetIp", "'203.0.113.99'" },
	};
	static const struct kv no_ip[] = {
		{ "InternetIp", NULL },
	};
	static const struct kv empty_ip[] = {
		{ "InternetIp", "''" },
		{ "IkeConfig.LocalId", "'203.0.113.11'" },
	};
	static const struct kv fqdn[] = {
		{ "InternetIp", NULL },
		{ "IkeConfig.LocalId", "'vpngw.example.com'" },
	};
	struct source_opts	 opts;
	struct load		 l;
	const char		*F;
	enum fmt		 f;

	for (f = F_JSON; f <= F_XML; f++) {
		F = fmt_name[f];
		is_int(load1(N(ip_wins), f, &l), 0, "%s address: loads", F);
		is_str(tn(&l, 0, 0)->remote_addr, "203.0.113.99", "%s address: "
		    "InternetIp before the identity", F);
		is_str(tn(&l, 0, 0)->remote_id.value, "203.0.113.10",
		    "%s address: the identity stays", F);
		load_free(&l);
		is_int(load1(N(no_ip), f, &l), 0, "%s address: no InternetIp "
		    "loads", F);
		is_str(tn(&l, 0, 0)->remote_addr, "203.0.113.10", "%s address: "
		    "from LocalId", F);
		load_free(&l);
		is_int(load1(N(empty_ip), f, &l), 0, "%s address: empty "
		    "InternetIp loads", F);
		is_str(tn(&l, 0, 0)->remote_addr, "203.0.113.11", "%s address: "
		    "empty InternetIp is absent", F);
		load_free(&l);
		is_int(load1(N(fqdn), f, &l), -1, "%s address: nothing gives "
		    "the cloud's address", F);
		ok(has_all(l.err.msg, path, CONN, "--peer-address", NULL),
		    "%s address: the message asks for --peer-address", F);
		load_free(&l);
		memset(&opts, 0, sizeof(opts));
		opts.peer_address = "203.0.113.50";
		is_int(load_doc(base_single, R_ONE, N(fqdn), f, &opts, &l), 0,
		    "%s address: --peer-address loads", F);
		is_str(tn(&l, 0, 0)->remote_addr, "203.0.113.50", "%s address: "
		    "from --peer-address", F);
		is_int(tn(&l, 0, 0)->remote_id.type, ID_FQDN, "%s address: the "
		    "fqdn identity stays", F);
		load_free(&l);
	}
}

static void
t_dpd_nat_initiator(void)
{
	static const struct {
		const char	*key;
		const char	*raw;
		int		 dpd;
		int		 nat;
		enum initiator	 init;
		enum dpd_action	 action;
	} c[] = {
		{ "EnableDpd", "false", 0, 1, INIT_BOTH, DPD_RESTART },
		{ "EnableDpd", "'false'", 0, 1, INIT_BOTH, DPD_RESTART },
		{ "EnableDpd", "'true'", 1, 1, INIT_BOTH, DPD_RESTART },
		{ "EnableNatTraversal", "false", 1, 0, INIT_BOTH, DPD_RESTART },
		{ "EnableNatTraversal", "'false'", 1, 0, INIT_BOTH,
		    DPD_RESTART },
		{ "EffectImmediately", "true", 1, 1, INIT_CLOUD, DPD_CLEAR },
		{ "EffectImmediately", "'true'", 1, 1, INIT_CLOUD, DPD_CLEAR },
		{ "EffectImmediately", "'false'", 1, 1, INIT_BOTH,
		    DPD_RESTART },
		{ "EffectImmediately", NULL, 1, 1, INIT_BOTH, DPD_RESTART },
	};
	static const struct kv bad[][1] = {
		{ { "EnableDpd", "'yes'" } },
		{ { "EnableNatTraversal", "'sometimes'" } },
		{ { "EffectImmediately", "'soon'" } },
	};
	struct kv	 ov[1];
	struct load	 l;
	struct tunnel	*t;
	const char	*F;
	enum fmt	 f;
	size_t		 i;

	for (f = F_JSON; f <= F_XML; f++) {
		F = fmt_name[f];
		for (i = 0; i < nitems(c); i++) {
			ov[0].key = c[i].key;
			ov[0].raw = c[i].raw;
			is_int(load1(ov, 1, f, &l), 0, "%s flags: %s %s loads",
			    F, c[i].key, c[i].raw == NULL ? "absent" :
			    c[i].raw);
			t = tn(&l, 0, 0);
			ok(t->dpd_enabled == c[i].dpd && t->nat_traversal ==
			    c[i].nat && t->initiator == c[i].init &&
			    t->dpd_action == c[i].action && t->dpd_interval ==
			    10 && t->dpd_timeout == 30, "%s flags: %s %s: DPD "
			    "%s, NAT traversal %s, initiator %s, DPD action "
			    "%s, 10 s / 30 s (got %d, %d, %s, %s, %u / %u)", F,
			    c[i].key, c[i].raw == NULL ? "absent" : c[i].raw,
			    c[i].dpd ? "on" : "off", c[i].nat ? "on" : "off",
			    initiator_name(c[i].init),
			    dpd_action_name(c[i].action), t->dpd_enabled,
			    t->nat_traversal, initiator_name(t->initiator),
			    dpd_action_name(t->dpd_action), t->dpd_interval,
			    t->dpd_timeout);
			load_free(&l);
		}
		for (i = 0; i < nitems(bad); i++) {
			is_int(load1(bad[i], 1, f, &l), -1, "%s flags: %s %s "
			    "refused", F, bad[i][0].key, bad[i][0].raw);
			ok(has_all(l.err.msg, CONN, bad[i][0].key, NULL),
			    "%s flags: the message names %s", F,
			    bad[i][0].key);
			load_free(&l);
		}
	}
}

static void
t_psk(void)
{
	static const struct kv none[] = { { "IkeConfig.Psk", NULL } };
	static const struct kv empty[] = { { "IkeConfig.Psk", "''" } };
	static const struct kv tunnel[] = {
		{ "TunnelOptionsSpecification.TunnelOptions.0.TunnelIkeConfig."
		    "Psk", NULL },
	};
	static const struct kv odd[] = {
		{ "IkeConfig.Psk", "'a<b&c \\'d\\' \\\\e'" },
	};
	struct load	 l;
	const char	*F;
	enum fmt	 f;

	for (f = F_JSON; f <= F_XML; f++) {
		F = fmt_name[f];
		is_int(load1(N(none), f, &l), -1, "%s psk: absent refused", F);
		ok(has_all(l.err.msg, path, CONN, "Psk", NULL), "%s psk: "
		    "message names Psk", F);
		load_free(&l);
		is_int(load1(N(empty), f, &l), -1, "%s psk: empty refused", F);
		ok(has_all(l.err.msg, CONN, "Psk", NULL), "%s psk: empty "
		    "message names Psk", F);
		load_free(&l);
		is_int(load_dual(N(tunnel), f, &l), -1, "%s psk: a tunnel "
		    "without Psk refused", F);
		ok(has_all(l.err.msg, DUAL, TUN_S, "Psk", NULL), "%s psk: "
		    "message names the tunnel", F);
		load_free(&l);
		is_int(load1(N(odd), f, &l), 0, "%s psk: special characters "
		    "load", F);
		is_str(tn(&l, 0, 0)->psk, "a<b&c \"d\" \\e", "%s psk: kept as "
		    "it is", F);
		load_free(&l);
	}
}

static void
t_list(void)
{
	static const struct kv b[] = {
		{ "VpnConnectionId", "'vco-bp1h5zq2x6c8v0b4n7m1r'" },
		{ "Name", "'branch-legacy'" },
		{ "InternetIp", "'203.0.113.80'" },
		{ "IkeConfig.LocalId", "'203.0.113.80'" },
		{ "Tags", NULL },
		{ "Tag", "{'Tag':{'Key':'team','Value':'ops'}}" },
	};
	struct source_opts	 opts;
	struct load		 l;
	cJSON			*ca, *cb, *list, *inner;
	char			*text, *ja, *jb;
	const char		*F;
	char			 id_b[] = "vco-bp1h5zq2x6c8v0b4n7m1r";
	char			 id_z[] = "vco-zzz";
	char			*ids[1];
	enum fmt		 f;
	size_t			 before = 0;
	int			 total;

	for (f = F_JSON; f <= F_XML; f++) {
		F = fmt_name[f];
		for (total = 2; total <= 3; total++) {
			list = cJSON_CreateObject();
			cJSON_AddNumberToObject(list, "PageNumber", 1);
			cJSON_AddNumberToObject(list, "PageSize", 2);
			cJSON_AddNumberToObject(list, "TotalCount", total);
			cJSON_AddStringToObject(list, "RequestId",
			    "54A4B3D0-DF4D-4C54-B8DC-5DC8DD49C939");
			inner = cJSON_AddObjectToObject(list, "VpnConnections");
			ca = doc(base_single, NULL, 0);
			cJSON_DeleteItemFromObject(ca, "RequestId");
			cb = doc(base_single, N(b));
			cJSON_DeleteItemFromObject(cb, "RequestId");
			cJSON_AddItemToObject(inner, "VpnConnection",
			    cJSON_CreateArray());
			cJSON_AddItemToArray(cJSON_GetObjectItem(inner,
			    "VpnConnection"), ca);
			cJSON_AddItemToArray(cJSON_GetObjectItem(inner,
			    "VpnConnection"), cb);
			text = render(list, R_LIST, f);
			is_int(load_text(text, f, NULL, &l), 0, "%s list: two "
			    "connections, TotalCount %d, load", F, total);
			if (l.rc != 0)
				diag("%s", l.err.msg);
			ok(l.m != NULL && l.m->nconns == 2 &&
			    strcmp(l.m->conns[0].id, CONN) == 0 &&
			    strcmp(l.m->conns[1].id, id_b) == 0,
			    "%s list: both, in order", F);
			is_str(tn(&l, 1, 0)->remote_addr, "203.0.113.80",
			    "%s list: each its own settings", F);
			if (total == 2) {
				before = l.w.n;
				is_int((long long)l.w.n, 0, "%s list: no "
				    "warning when TotalCount matches", F);
			} else {
				ok(l.w.n == before + 1 &&
				    has_warning(&l, "3", NULL), "%s list: "
				    "TotalCount 3 with 2 in the page is warned "
				    "about", F);
			}
			load_free(&l);

			if (total == 2) {
				memset(&opts, 0, sizeof(opts));
				ids[0] = id_b;
				opts.ids = ids;
				opts.nids = 1;
				is_int(load_text(text, f, &opts, &l), 0,
				    "%s list: --connection loads", F);
				ok(l.m != NULL && l.m->nconns == 1 &&
				    strcmp(l.m->conns[0].id, id_b) == 0,
				    "%s list: only the one named", F);
				load_free(&l);
				ids[0] = id_z;
				is_int(load_text(text, f, &opts, &l), -1,
				    "%s list: an absent id fails", F);
				ok(has_all(l.err.msg, "vco-zzz", CONN, id_b,
				    NULL), "%s list: message lists the ids", F);
				load_free(&l);
			}
			free(text);

			if (f == F_JSON && total == 2) {
				ja = cJSON_PrintUnformatted(ca);
				jb = cJSON_PrintUnformatted(cb);
				xasprintf(&text, "[%s,\n%s]\n", ja, jb);
				is_int(load_text(text, f, NULL, &l), 0,
				    "json list: an array of connections "
				    "loads");
				ok(l.m != NULL && l.m->nconns == 2 &&
				    strcmp(l.m->conns[1].id, id_b) == 0,
				    "json list: array gives both");
				load_free(&l);
				free(text);
				free(ja);
				free(jb);
			}

			/* One connection: the list is a lone element. */
			cJSON_DeleteItemFromObject(inner, "VpnConnection");
			cJSON_AddItemToObject(inner, "VpnConnection",
			    doc(base_single, N(b)));
			cJSON_ReplaceItemInObject(list, "TotalCount",
			    cJSON_CreateString("1"));
			text = render(list, R_LIST, f);
			is_int(load_text(text, f, NULL, &l), 0, "%s list: one "
			    "connection (an object) loads", F);
			ok(l.m != NULL && l.m->nconns == 1 &&
			    strcmp(l.m->conns[0].id, id_b) == 0, "%s list: the "
			    "one connection", F);
			is_int((long long)l.w.n, 0, "%s list: TotalCount \"1\" "
			    "matches", F);
			load_free(&l);
			free(text);
			cJSON_Delete(list);
		}

		list = doc("{'PageNumber':1,'PageSize':10,'TotalCount':0,"
		    "'RequestId':'x','VpnConnections':{'VpnConnection':[]}}",
		    NULL, 0);
		text = render(list, R_LIST, f);
		is_int(load_text(text, f, NULL, &l), -1, "%s list: an empty "
		    "page fails", F);
		diag("%s", l.err.msg);
		load_free(&l);
		free(text);
		cJSON_Delete(list);
	}
}

static void
t_download(void)
{
	static const struct kv product[] = {
		{ "VpnConnectionConfig.LocalSubnet",
		    "'192.168.10.0/24, 192.168.20.0/24'" },
		{ "VpnConnectionConfig.RemoteSubnet",
		    "'10.10.0.0/16,10.20.0.0/16'" },
	};
	static const struct kv any[] = {
		{ "VpnConnectionConfig.LocalSubnet", "'0.0.0.0/0'" },
		{ "VpnConnectionConfig.RemoteSubnet", "'0.0.0.0/0'" },
		{ "VpnConnectionConfig.BgpConfigs", "{'BgpConfig':[]}" },
		{ "VpnConnectionConfig.TunnelsConfig", "{'TunnelConfig':[]}" },
	};
	static const struct kv no_remote[] = {
		{ "VpnConnectionConfig.Remote", NULL },
	};
	static const struct kv remote_wins[] = {
		{ "VpnConnectionConfig.Remote", "'203.0.113.99'" },
	};
	static const struct kv fqdn[] = {
		{ "VpnConnectionConfig.Remote", NULL },
		{ "VpnConnectionConfig.IkeConfig.RemoteId",
		    "'vpngw.example.com'" },
	};
	static const struct kv bad[] = {
		{ "VpnConnectionConfig.IkeConfig.IkeEncAlg", "'aes512'" },
	};
	static const struct kv defaults[] = {
		{ "VpnConnectionConfig.IkeConfig.IkeAuthAlg", NULL },
	};
	static const char *const want[][2] = {
		{ "192.168.10.0/24", "10.10.0.0/16" },
		{ "192.168.20.0/24", "10.10.0.0/16" },
		{ "192.168.10.0/24", "10.20.0.0/16" },
		{ "192.168.20.0/24", "10.20.0.0/16" },
	};
	struct source_opts	 opts;
	struct load		 l;
	struct tunnel		*t;
	struct connection	*c;
	const char		*F;
	char			 id1[] = CONN, id2[] = "vco-other";
	char			*ids[2];
	enum fmt		 f;
	size_t			 i;

	for (f = F_JSON; f <= F_XML; f++) {
		F = fmt_name[f];
		is_int(load_dl(base_dl, NULL, 0, f, CONN, &l), 0,
		    "%s download: loads with --connection", F);
		if (l.rc != 0)
			diag("%s", l.err.msg);
		c = c0(&l);
		t = tn(&l, 0, 0);
		is_str(c->id, CONN, "%s download: id from --connection", F);
		is_str(c->cloud, "alibaba", "%s download: cloud", F);
		ok(c->name == NULL && c->vpn_gateway_id == NULL &&
		    c->customer_gateway_id == NULL && c->region == NULL &&
		    c->vpc_id == NULL, "%s download: no name or other ids", F);
		is_int((long long)c->ntunnels, 1, "%s download: one tunnel", F);
		is_str(t->id, CONN, "%s download: tunnel id", F);
		is_int(t->role, ROLE_NONE, "%s download: role single", F);
		is_str(t->local_addr, "198.51.100.20", "%s download: Local is "
		    "the local address", F);
		is_str(t->remote_addr, "203.0.113.10", "%s download: Remote is "
		    "the remote address", F);
		is_str(t->local_id.value, "198.51.100.20", "%s download: "
		    "LocalId is the local id (not flipped)", F);
		is_str(t->remote_id.value, "203.0.113.10", "%s download: "
		    "RemoteId is the remote id", F);
		is_str(t->psk, "pgw6dy7d1i8in7x5", "%s download: Psk", F);
		is_int(t->ike_version, 2, "%s download: IKEv2", F);
		is_str(alg_id(t->ike_enc), "aes256-cbc", "%s download: IKE "
		    "encryption", F);
		is_str(alg_id(t->esp_pfs), "modp2048", "%s download: PFS", F);
		is_int(t->ike_lifetime, 28800, "%s download: IKE lifetime", F);
		is_int(t->esp_lifetime, 3600, "%s download: ESP lifetime", F);
		ok(t->nts == 1 && strcmp(t->ts[0].local, "192.168.10.0/24") ==
		    0 && strcmp(t->ts[0].remote, "10.10.0.0/16") == 0,
		    "%s download: LocalSubnet is local, RemoteSubnet remote",
		    F);
		is_int(t->routing, ROUTING_POLICY, "%s download: policy", F);
		ok(t->dpd_enabled == 1 && t->dpd_interval == 10 &&
		    t->dpd_timeout == 30 && t->dpd_action == DPD_RESTART,
		    "%s download: DPD on, 10 s / 30 s, restart", F);
		is_int(t->nat_traversal, 1, "%s download: NAT traversal on", F);
		is_int(t->initiator, INIT_BOTH, "%s download: initiator both",
		    F);
		is_int((long long)l.w.n, 1, "%s download: one warning", F);
		ok(has_warning(&l, "DPD", "NAT"), "%s download: it says which "
		    "defaults are used", F);
		load_free(&l);

		is_int(load_dl(base_dl, N(product), f, CONN, &l), 0,
		    "%s download: two by two loads", F);
		t = tn(&l, 0, 0);
		is_int((long long)t->nts, 4, "%s download: four pairs", F);
		for (i = 0; i < nitems(want) && i < t->nts; i++)
			ok(strcmp(t->ts[i].local, want[i][0]) == 0 &&
			    strcmp(t->ts[i].remote, want[i][1]) == 0,
			    "%s download: ts[%zu] %s - %s (VPC-major, as "
			    "DescribeVpnConnection)", F, i, want[i][0],
			    want[i][1]);
		load_free(&l);

		is_int(load_dl(base_dl, N(any), f, CONN, &l), 0, "%s download: "
		    "0.0.0.0/0 loads", F);
		is_int(tn(&l, 0, 0)->routing, ROUTING_STATIC, "%s download: "
		    "empty BgpConfigs and 0.0.0.0/0: static", F);
		is_int((long long)c0(&l)->ntunnels, 1, "%s download: empty "
		    "TunnelsConfig: one tunnel", F);
		load_free(&l);

		is_int(load_dl(base_dl, N(no_remote), f, CONN, &l), 0,
		    "%s download: no Remote loads", F);
		is_str(tn(&l, 0, 0)->remote_addr, "203.0.113.10",
		    "%s download: the address from RemoteId", F);
		load_free(&l);
		is_int(load_dl(base_dl, N(remote_wins), f, CONN, &l), 0,
		    "%s download: Remote and RemoteId differ", F);
		is_str(tn(&l, 0, 0)->remote_addr, "203.0.113.99",
		    "%s download: Remote is the address", F);
		load_free(&l);
		is_int(load_dl(base_dl, N(fqdn), f, CONN, &l), -1,
		    "%s download: no cloud address fails", F);
		ok(has_all(l.err.msg, "--peer-address", NULL), "%s download: "
		    "the message asks for --peer-address", F);
		load_free(&l);

		is_int(load_dl(base_dl, N(bad), f, CONN, &l), -1,
		    "%s download: unknown IkeEncAlg refused", F);
		ok(has_all(l.err.msg, path, CONN, "IkeEncAlg", "aes512",
		    "aes256", NULL), "%s download: the message names the "
		    "connection given", F);
		load_free(&l);
		is_int(load_dl(base_dl, N(defaults), f, CONN, &l), 0,
		    "%s download: a default applies", F);
		is_str(alg_id(tn(&l, 0, 0)->ike_integ), "md5", "%s download: "
		    "IkeAuthAlg md5", F);
		ok(has_warning(&l, "IkeAuthAlg", NULL), "%s download: warned",
		    F);
		load_free(&l);

		is_int(load_dl(base_dl, NULL, 0, f, NULL, &l), -1,
		    "%s download: without --connection fails", F);
		ok(has_all(l.err.msg, "--connection", NULL), "%s download: the "
		    "message says --connection", F);
		load_free(&l);
		memset(&opts, 0, sizeof(opts));
		ids[0] = id1;
		ids[1] = id2;
		opts.ids = ids;
		opts.nids = 2;
		is_int(load_doc(base_dl, R_DL, NULL, 0, f, &opts, &l), -1,
		    "%s download: two --connection fail", F);
		ok(has_all(l.err.msg, "--connection", NULL), "%s download: the "
		    "message says --connection", F);
		load_free(&l);
	}
}

static void
t_download_dual(void)
{
	static const struct kv one[] = {
		{ "VpnConnectionConfig.TunnelsConfig.TunnelConfig",
		    "{'TunnelId':'" TUN_M "','Local':'198.51.100.30',"
		    "'Remote':'203.0.113.21',"
		    "'IkeConfig':{'IkeAuthAlg':'sha256','IkeEncAlg':'aes256',"
		    "'IkeLifetime':86400,'IkeMode':'main','IkePfs':'group14',"
		    "'IkeVersion':'ikev2','LocalId':'198.51.100.30',"
		    "'RemoteId':'203.0.113.21','Psk':'Tun1-Psk-7Hq2'},"
		    "'IpsecConfig':{'IpsecAuthAlg':'sha256',"
		    "'IpsecEncAlg':'aes256','IpsecLifetime':3600,"
		    "'IpsecPfs':'group14'}}" },
		{ "VpnConnectionConfig.BgpConfigs.BgpConfig",
		    "{'TunnelId':'" TUN_M "','TunnelCidr':'169.254.10.0/30',"
		    "'LocalBgpIp':'169.254.10.2','LocalAsn':'65010',"
		    "'PeerBgpIp':'169.254.10.1','PeerAsn':'45104'}" },
	};
	static const struct kv no_bgp[] = {
		{ "VpnConnectionConfig.BgpConfigs", NULL },
	};
	static const struct kv bad[] = {
		{ "VpnConnectionConfig.TunnelsConfig.TunnelConfig.0."
		    "IpsecConfig."
		    "IpsecPfs", "'group20'" },
	};
	struct load	 l;
	struct tunnel	*t;
	const char	*F;
	enum fmt	 f;

	for (f = F_JSON; f <= F_XML; f++) {
		F = fmt_name[f];
		is_int(load_dl(base_dl_dual, NULL, 0, f, DUAL, &l), 0,
		    "%s download dual: loads", F);
		if (l.rc != 0)
			diag("%s", l.err.msg);
		is_str(c0(&l)->id, DUAL, "%s download dual: id", F);
		is_int((long long)c0(&l)->ntunnels, 2, "%s download dual: two "
		    "tunnels", F);
		t = tn(&l, 0, 0);
		is_str(t->id, TUN_M, "%s download dual: ordered by TunnelId",
		    F);
		is_int(t->role, ROLE_NONE, "%s download dual: role single", F);
		is_str(t->local_addr, "198.51.100.30", "%s download dual: the "
		    "tunnel's Local", F);
		is_str(t->remote_addr, "203.0.113.21", "%s download dual: the "
		    "tunnel's Remote", F);
		is_str(t->remote_id.value, "203.0.113.21", "%s download dual: "
		    "the tunnel's RemoteId", F);
		is_str(t->psk, "Tun1-Psk-7Hq2", "%s download dual: the "
		    "tunnel's Psk", F);
		is_str(alg_id(t->ike_enc), "aes256-cbc", "%s download dual: "
		    "the tunnel's IkeEncAlg", F);
		is_int(t->routing, ROUTING_BGP, "%s download dual: BgpConfigs: "
		    "bgp", F);
		is_int(t->bgp.local_asn, 65010, "%s download dual: LocalAsn is "
		    "ours", F);
		is_int(t->bgp.remote_asn, 45104, "%s download dual: PeerAsn is "
		    "the cloud's", F);
		is_str(t->bgp.local_ip, "169.254.10.2", "%s download dual: "
		    "LocalBgpIp is ours", F);
		is_str(t->bgp.remote_ip, "169.254.10.1", "%s download dual: "
		    "PeerBgpIp is the cloud's", F);
		is_str(t->bgp.tunnel_cidr, "169.254.10.0/30", "%s download "
		    "dual: matched by TunnelId", F);
		t = tn(&l, 0, 1);
		is_str(t->id, TUN_S, "%s download dual: second tunnel", F);
		is_int(t->role, ROLE_NONE, "%s download dual: role single", F);
		is_str(t->remote_addr, "203.0.113.22", "%s download dual: its "
		    "Remote", F);
		is_str(t->psk, "Tun2-Psk-9Kd4", "%s download dual: its Psk", F);
		is_int(t->esp_lifetime, 1800, "%s download dual: its "
		    "IpsecLifetime", F);
		is_str(t->bgp.tunnel_cidr, "169.254.20.0/30", "%s download "
		    "dual: its BgpConfig", F);
		is_str(t->bgp.local_ip, "169.254.20.2", "%s download dual: its "
		    "LocalBgpIp", F);
		ok(t->dpd_enabled && t->nat_traversal && t->initiator ==
		    INIT_BOTH, "%s download dual: Alibaba's defaults", F);
		is_int((long long)l.w.n, 1, "%s download dual: one warning for "
		    "the connection", F);
		load_free(&l);

		is_int(load_dl(base_dl_dual, N(one), f, DUAL, &l), 0,
		    "%s download dual: lone elements load", F);
		is_int((long long)c0(&l)->ntunnels, 1, "%s download dual: one "
		    "tunnel", F);
		is_str(tn(&l, 0, 0)->id, TUN_M, "%s download dual: its id", F);
		is_str(tn(&l, 0, 0)->bgp.remote_ip, "169.254.10.1",
		    "%s download dual: its BGP", F);
		load_free(&l);

		is_int(load_dl(base_dl_dual, N(no_bgp), f, DUAL, &l), 0,
		    "%s download dual: no BgpConfigs loads", F);
		ok(tn(&l, 0, 0)->routing == ROUTING_STATIC &&
		    tn(&l, 0, 1)->routing == ROUTING_STATIC,
		    "%s download dual: static", F);
		load_free(&l);

		is_int(load_dl(base_dl_dual, N(bad), f, DUAL, &l), -1,
		    "%s download dual: unknown IpsecPfs refused", F);
		ok(has_all(l.err.msg, path, DUAL, TUN_S, "IpsecPfs", "group20",
		    NULL), "%s download dual: the message names the tunnel", F);
		load_free(&l);
	}
}

static void
t_api_error(void)
{
	static const char json[] =
	    "{\"RequestId\":\"6BE56E05-1C5A-4F7D-9C5E-FD90C4FFD581\","
	    "\"HostId\":\"vpc.cn-hangzhou.aliyuncs.com\","
	    "\"Code\":\"Forbidden.RAM\","
	    "\"Message\":\"User not authorized to operate on the specified "
	    "resource, or this API doesn't support RAM.\","
	    "\"Recommend\":\"https://api.aliyun.com/troubleshoot?q="
	    "Forbidden.RAM&product=Vpc\"}";
	static const char xml[] =
	    "<?xml version='1.0' encoding='UTF-8'?>"
	    "<Error><RequestId>6BE56E05-1C5A-4F7D-9C5E-FD90C4FFD581"
	    "</RequestId><HostId>vpc.cn-hangzhou.aliyuncs.com</HostId>"
	    "<Code>Forbidden.RAM</Code><Message>User not authorized to "
	    "operate on the specified resource, or this API doesn't support "
	    "RAM.</Message><Recommend><![CDATA[https://api.aliyun.com/"
	    "troubleshoot?q=Forbidden.RAM&product=Vpc]]></Recommend>"
	    "</Error>\n";
	struct load	l;
	char		want[2048];
	enum fmt	f;

	for (f = F_JSON; f <= F_XML; f++) {
		is_int(load_text(f == F_JSON ? json : xml, f, NULL, &l), -1,
		    "%s api error: fails", fmt_name[f]);
		is_int(l.err.code, CGW_E_INPUT, "%s api error: input error",
		    fmt_name[f]);
		snprintf(want, sizeof(want), "%s holds an Alibaba Cloud API "
		    "error, not connections: Forbidden.RAM: User not "
		    "authorized to operate on the specified resource, or this "
		    "API doesn't support RAM. (request "
		    "6BE56E05-1C5A-4F7D-9C5E-FD90C4FFD581)", path);
		is_str(l.err.msg, want, "%s api error: file, code, message and "
		    "request id", fmt_name[f]);
		load_free(&l);
	}
}

static void
t_xml(void)
{
	static const char *const doctype[] = {
		"<?xml version=\"1.0\"?>\n<!DOCTYPE "
		    "DescribeVpnConnectionResponse [\n<!ENTITY xxe SYSTEM "
		    "\"file:///etc/passwd\">\n]>\n",
		"<?xml version=\"1.0\"?>\n<!DOCTYPE "
		    "DescribeVpnConnectionResponse SYSTEM "
		    "\"http://127.0.0.1:9/vpc.dtd\">\n",
		"<?xml version=\"1.0\"?>\n<!DOCTYPE "
		    "DescribeVpnConnectionResponse [\n"
		    "<!ENTITY a \"aaaaaaaa\">\n"
		    "<!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;\">\n"
		    "<!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;\">\n]>\n",
	};
	static const struct kv refs[] = {
		{ "Name", "'R&D <lab>'" },
	};
	struct load	 l;
	cJSON		*d;
	char		*body, *text, *p, *big, want[1200];
	size_t		 i, len;

	d = doc(base_single, NULL, 0);
	text = render(d, R_ONE, F_XML);
	body = strchr(text, '\n') + 1;	/* after the XML declaration */

	for (i = 0; i < nitems(doctype); i++) {
		xasprintf(&p, "%s%s", doctype[i], body);
		is_int(load_text(p, F_XML, NULL, &l), -1, "xml: DOCTYPE %zu "
		    "refused", i);
		ok(strncmp(l.err.msg, path, strlen(path)) == 0,
		    "xml: DOCTYPE %zu: the message names the file: %s", i,
		    l.err.msg);
		ok(strstr(l.err.msg, "root:") == NULL, "xml: DOCTYPE %zu: no "
		    "file content in the message", i);
		load_free(&l);
		free(p);
	}

	/* An external entity used where a value is read. */
	p = xstrdup(body);
	if ((big = strstr(p, "hq-office")) != NULL)
		memcpy(big, "&xxe;    ", 9);
	xasprintf(&big, "%s%s", doctype[0], p);
	is_int(load_text(big, F_XML, NULL, &l), -1, "xml: an external "
	    "entity refused");
	ok(l.m == NULL || c0(&l)->name == NULL || strstr(c0(&l)->name,
	    "root") == NULL, "xml: nothing read from the entity");
	load_free(&l);
	free(big);
	free(p);

	/* Undefined entity: not well-formed without a DTD. */
	p = xstrdup(body);
	if ((big = strstr(p, "hq-office")) != NULL)
		memcpy(big, "&bogus;  ", 9);
	is_int(load_text(p, F_XML, NULL, &l), -1, "xml: an undefined entity "
	    "refused");
	load_free(&l);
	free(p);

	/* The predefined entities, character references and CDATA work. */
	is_int(load_doc(base_single, R_ONE, N(refs), F_XML, NULL, &l), 0,
	    "xml: &amp; &lt; &gt; load");
	is_str(c0(&l)->name, "R&D <lab>", "xml: predefined entities read");
	load_free(&l);
	p = xstrdup(body);
	if ((big = strstr(p, "<Name>hq-office</Name>")) != NULL)
		memcpy(big, "<Name>hq&#45;of</Name>", 22);
	is_int(load_text(p, F_XML, NULL, &l), 0, "xml: a character "
	    "reference loads");
	is_str(c0(&l)->name, "hq-of", "xml: &#45; is '-'");
	load_free(&l);
	free(p);
	xasprintf(&p, "%s", body);
	if ((big = strstr(p, "<Psk>pgw6dy7d1i8in7x5</Psk>")) != NULL) {
		*big = '\0';
		xasprintf(&big, "%s<Psk><![CDATA[a<b&c]]></Psk>%s", p,
		    strstr(body, "</Psk>") + 6);
		is_int(load_text(big, F_XML, NULL, &l), 0, "xml: CDATA "
		    "loads");
		is_str(tn(&l, 0, 0)->psk, "a<b&c", "xml: CDATA read as "
		    "text");
		load_free(&l);
		free(big);
	} else
		skip("xml: no Psk to replace");
	free(p);

	/* Without the XML declaration, and in a file named .json. */
	is_int(load_text(body, F_XML, NULL, &l), 0, "xml: without a "
	    "declaration loads");
	load_free(&l);
	is_int(load_text(text, F_JSON, NULL, &l), 0, "xml: detected by "
	    "content, not by the file name");
	is_str(c0(&l)->id, CONN, "xml: in a .json file");
	load_free(&l);

	/* Malformed: the file and the line. */
	is_int(load_text("<?xml version=\"1.0\"?>\n"
	    "<DescribeVpnConnectionResponse>\n"
	    "  <VpnConnectionId>vco-x</VpnConnectionIdd>\n"
	    "</DescribeVpnConnectionResponse>\n", F_XML, NULL, &l), -1,
	    "xml: mismatched tag refused");
	snprintf(want, sizeof(want), "%s:3", path);
	ok(strncmp(l.err.msg, want, strlen(want)) == 0 &&
	    (l.err.msg[strlen(want)] == ':' || l.err.msg[strlen(want)] ==
	    ' '), "xml: the message starts with FILE:3: %s", l.err.msg);
	load_free(&l);
	len = strlen(text) / 2;
	p = xstrdup(text);
	p[len] = '\0';
	is_int(load_text(p, F_XML, NULL, &l), -1, "xml: truncated refused");
	ok(strncmp(l.err.msg, path, strlen(path)) == 0 &&
	    l.err.msg[strlen(path)] == ':', "xml: truncated: the message "
	    "names the file: %s", l.err.msg);
	load_free(&l);
	free(p);
	is_int(load_text("<?xml version=\"1.0\"?>\n<DescribeVpnGatewayResponse>"
	    "<VpnGatewayId>vpn-x</VpnGatewayId></DescribeVpnGatewayResponse>\n",
	    F_XML, NULL, &l), -1, "xml: another action's response refused");
	diag("%s", l.err.msg);
	load_free(&l);
	is_int(load_text("<?xml version=\"1.0\"?>\n", F_XML, NULL, &l), -1,
	    "xml: no root element refused");
	load_free(&l);

	/* The input limit holds for XML too. */
	len = INPUT_MAX + 16;
	big = xmalloc(len + 1);
	memset(big, ' ', len);
	big[len] = '\0';
	memcpy(big, text, strlen(text));
	is_int(load_text(big, F_XML, NULL, &l), -1, "xml: more than 8 MiB "
	    "refused");
	diag("%s", l.err.msg);
	load_free(&l);
	free(big);

	free(text);
	cJSON_Delete(d);
}

static void
t_forced(void)
{
	struct source_opts	 opts;
	struct load		 l;
	char			 id[] = CONN;
	char			*ids[1];
	enum fmt		 f;

	memset(&opts, 0, sizeof(opts));
	for (f = F_JSON; f <= F_XML; f++) {
		opts.cloud = "alibaba";
		opts.nids = 0;
		is_int(load_doc(base_single, R_ONE, NULL, 0, f, &opts, &l), 0,
		    "%s forced: --cloud alibaba loads", fmt_name[f]);
		is_str(c0(&l)->cloud, "alibaba", "%s forced: cloud",
		    fmt_name[f]);
		load_free(&l);
		ids[0] = id;
		opts.ids = ids;
		opts.nids = 1;
		is_int(load_doc(base_dl, R_DL, NULL, 0, f, &opts, &l), 0,
		    "%s forced: --cloud alibaba with a download loads",
		    fmt_name[f]);
		load_free(&l);
	}
	opts.nids = 0;
	opts.cloud = "aws";
	is_int(load_doc(base_single, R_ONE, NULL, 0, F_JSON, &opts, &l), -1,
	    "forced: --cloud aws refused");
	ok(strstr(l.err.msg, "alibaba") != NULL, "forced: alibaba is among "
	    "the clouds offered: %s", l.err.msg);
	load_free(&l);
	ok(strstr(source_names(), "alibaba") != NULL, "forced: "
	    "source_names() lists alibaba");
	ok(source_find("alibaba") != NULL, "forced: source_find(alibaba)");
}

static void
t_misc(void)
{
	static const struct kv no_id[] = { { "VpnConnectionId", NULL } };
	static const struct kv bad_id[] = {
		{ "VpnConnectionId", "'vco/../x'" },
	};
	static const struct kv bad_tun[] = {
		{ "TunnelOptionsSpecification.TunnelOptions.0.TunnelId",
		    "'tun x'" },
	};
	static const struct kv ike_pfs24[] = {
		{ "IkeConfig.IkePfs", "'group24'" },
	};
	struct load	 l;
	enum fmt	 f;

	for (f = F_JSON; f <= F_XML; f++) {
		is_int(load1(N(no_id), f, &l), -1, "%s misc: no "
		    "VpnConnectionId refused", fmt_name[f]);
		diag("%s", l.err.msg);
		load_free(&l);
		is_int(load1(N(bad_id), f, &l), -1, "%s misc: an id with a "
		    "slash refused", fmt_name[f]);
		ok(has_all(l.err.msg, "vco/../x", NULL), "%s misc: the "
		    "message names the id", fmt_name[f]);
		load_free(&l);
		is_int(load_dual(N(bad_tun), f, &l), -1, "%s misc: a TunnelId "
		    "with a space refused", fmt_name[f]);
		ok(has_all(l.err.msg, path, DUAL, "TunnelId", NULL),
		    "%s misc: the message names TunnelId", fmt_name[f]);
		load_free(&l);
		is_int(load1(N(ike_pfs24), f, &l), -1, "%s misc: IkePfs "
		    "group24 refused (group1, group2, group5, group14 only)",
		    fmt_name[f]);
		load_free(&l);
	}
}

int
main(void)
{
	const char	*tmp;

	if ((tmp = getenv("TMPDIR")) == NULL || *tmp == '\0')
		tmp = "/tmp";
	snprintf(dir, sizeof(dir), "%s/t-alibaba.XXXXXX", tmp);
	if (mkdtemp(dir) == NULL)
		skip_all("mkdtemp %s: %s", dir, strerror(errno));
	snprintf(jpath, sizeof(jpath), "%s/response.json", dir);
	snprintf(xpath, sizeof(xpath), "%s/response.xml", dir);
	t_single();
	t_selectors();
	t_routing();
	t_dual();
	t_values();
	t_unknown();
	t_lifetime();
	t_defaults();
	t_identity();
	t_address();
	t_dpd_nat_initiator();
	t_psk();
	t_list();
	t_download();
	t_download_dual();
	t_api_error();
	t_xml();
	t_forced();
	t_misc();
	unlink(jpath);
	unlink(xpath);
	if (rmdir(dir) == -1)
		diag("rmdir %s: %s", dir, strerror(errno));
	return done_testing();
}
