/*
 * Unit tests for the Tencent Cloud source, through source_load() on
 * temporary files holding DescribeVpnConnections responses (the shape of
 * cloud-apis.md 1.5). A connection is built from a base description with
 * per-test overrides, so each test states only what it changes.
 */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "alg.h"
#include "buf.h"
#include "err.h"
#include "model.h"
#include "source.h"
#include "tap.h"
#include "warn.h"
#include "xmalloc.h"

/*
 * A JSON member: key and raw JSON text. In the base tables a NULL value
 * means a nested object built from another table; in overrides a NULL
 * value removes the member. Override keys are dotted paths
 * ("IKEOptionsSpecification.IKEVersion").
 */
struct kv {
	const char	*key;
	const char	*raw;
};

/* One loaded input. */
struct load {
	int		 rc;
	struct model	*m;
	struct warnings	 w;
	struct cgw_err	 err;
};

static void	 obj(struct buf *, const char *, const struct kv *, size_t,
		    const struct kv *, size_t);
static char	*conn(const struct kv *, size_t);
static char	*response(const char *, const char *);
static int	 load_opts(const char *, const struct source_opts *,
		    struct load *);
static int	 load(const char *, struct load *);
static int	 load_conn(const struct kv *, size_t, struct load *);
static void	 load_free(struct load *);
static const char *msg(const struct load *);
static int	 has_warning(const struct load *, const char *);
static struct tunnel *t0(const struct load *);
static const char *alg_id(const struct alg *);
static void	 t_flip(void);
static void	 t_envelopes(void);
static void	 t_api_error(void);
static void	 t_integrity(void);
static void	 t_gcm(void);
static void	 t_dpd(void);
static void	 t_defaults(void);
static void	 t_unknown_alg(void);
static void	 t_negotiation(void);
static void	 t_routing(void);
static void	 t_bgp(void);
static void	 t_fqdn(void);
static void	 t_selection(void);
static void	 t_total_count(void);
static void	 t_host_bits(void);
static void	 t_malformed(void);
static void	 t_ike_version(void);
static void	 t_misc(void);

#define N(a)	(a), nitems(a)

static char	dir[1024];
static char	path[1100];

static const struct kv base_ike[] = {
	{ "PropoEncryAlgorithm", "\"AES-CBC-256\"" },
	{ "PropoAuthenAlgorithm", "\"SHA-256\"" },
	{ "ExchangeMode", "\"MAIN\"" },
	{ "LocalIdentity", "\"ADDRESS\"" },
	{ "RemoteIdentity", "\"ADDRESS\"" },
	{ "LocalAddress", "\"203.0.113.10\"" },
	{ "RemoteAddress", "\"198.51.100.20\"" },
	{ "LocalFqdnName", "\"\"" },
	{ "RemoteFqdnName", "\"\"" },
	{ "DhGroupName", "\"GROUP14\"" },
	{ "IKESaLifetimeSeconds", "28800" },
	{ "IKEVersion", "\"IKEV1\"" },
};

static const struct kv base_ipsec[] = {
	{ "EncryptAlgorithm", "\"AES-CBC-128\"" },
	{ "IntegrityAlgorith", "\"SHA-256\"" },
	{ "PfsDhGroup", "\"DH-GROUP14\"" },
	{ "IPSECSaLifetimeSeconds", "3600" },
	{ "IPSECSaLifetimeTraffic", "1843200" },
};

static const struct kv base_conn[] = {
	{ "VpcId", "\"vpc-8ro3x6md\"" },
	{ "VpnConnectionId", "\"vpnx-df9oztok\"" },
	{ "VpnConnectionName", "\"office to vpc\"" },
	{ "VpnGatewayId", "\"vpngw-6x0wxvtp\"" },
	{ "CustomerGatewayId", "\"cgw-apytvc1n\"" },
	{ "PreShareKey", "\"s3cret-Key\"" },
	{ "VpnProto", "\"IPSEC\"" },
	{ "EncryptProto", "\"IKE\"" },
	{ "RouteType", "\"StaticRoute\"" },
	{ "IKEOptionsSpecification", NULL },
	{ "IPSECOptionsSpecification", NULL },
	{ "CreatedTime", "\"2022-07-22 14:05:07\"" },
	{ "SecurityPolicyDatabaseSet", "[{\"LocalCidrBlock\":\"10.0.0.0/16\","
	    "\"RemoteCidrBlock\":[\"192.168.1.0/24\"]}]" },
	{ "State", "\"AVAILABLE\"" },
	{ "NetStatus", "\"AVAILABLE\"" },
	{ "NegotiationType", "\"active\"" },
	{ "DpdEnable", "1" },
	{ "DpdTimeout", "\"30\"" },
	{ "DpdAction", "\"clear\"" },
	{ "EnableHealthCheck", "false" },
	{ "HealthCheckLocalIp", "\"\"" },
	{ "HealthCheckRemoteIp", "\"\"" },
	{ "HealthCheckStatus", "\"\"" },
	{ "TagSet", "[]" },
};

/* Write an object: base members (overridden), then added members. */
static void
obj(struct buf *b, const char *prefix, const struct kv *base, size_t n,
    const struct kv *ov, size_t nov)
{
	struct cgw_err	 err;
	char		 full[256];
	const char	*raw, *rest;
	size_t		 i, j, plen = strlen(prefix);
	int		 first = 1, found, in_base;

	memset(&err, 0, sizeof(err));
	buf_addc(b, '{', &err);
	for (i = 0; i < n; i++) {
		snprintf(full, sizeof(full), "%s%s", prefix, base[i].key);
		raw = base[i].raw;
		found = 0;
		for (j = 0; j < nov; j++) {
			if (strcmp(ov[j].key, full) == 0) {
				raw = ov[j].raw;
				found = 1;
			}
		}
		if (found && raw == NULL)
			continue;
		buf_printf(b, &err, "%s\"%s\":", first ? "" : ",", base[i].key);
		first = 0;
		if (raw != NULL)
			buf_adds(b, raw, &err);
		else if (strcmp(base[i].key, "IKEOptionsSpecification") == 0)
			obj(b, "IKEOptionsSpecification.", N(base_ike), ov,
			    nov);
		else
			obj(b, "IPSECOptionsSpecification.", N(base_ipsec), ov,
			    nov);
	}
	for (j = 0; j < nov; j++) {
		if (ov[j].raw == NULL || strncmp(ov[j].key, prefix, plen) != 0)
			continue;
		rest = ov[j].key + plen;
		if (strchr(rest, '.') != NULL)
			continue;
		in_base = 0;
		for (i = 0; i < n; i++)
			if (strcmp(base[i].key, rest) == 0)
				in_base = 1;
		if (in_base)
			continue;
		buf_printf(b, &err, "%s\"%s\":%s", first ? "" : ",", rest,
		    ov[j].raw);
		first = 0;
	}
	buf_addc(b, '}', &err);
	if (err.code != CGW_E_NONE)
		diag("obj: %s", err.msg);
}

/* A VpnConnection object with the overrides applied. */
static char *
conn(const struct kv *ov, size_t nov)
{
	struct buf	b;

	buf_init(&b, 0);
	obj(&b, "", N(base_conn), ov, nov);
	return buf_release(&b);
}

/* {"Response":{"TotalCount":...,"VpnConnectionSet":[set],...}} */
static char *
response(const char *set, const char *total)
{
	char	*s;

	xasprintf(&s, "{\"Response\":{\"TotalCount\":%s,\"VpnConnectionSet\":"
	    "[%s],\"RequestId\":\"1f4fa69d-0a9b-4342-83e1-002533feca94\"}}",
	    total, set);
	return s;
}

static int
load_opts(const char *text, const struct source_opts *opts, struct load *l)
{
	FILE	*f;

	memset(l, 0, sizeof(*l));
	if ((f = fopen(path, "w")) == NULL) {
		diag("%s: %s", path, strerror(errno));
		return l->rc = -1;
	}
	fputs(text, f);
	fclose(f);
	l->rc = source_load(path, opts, &l->m, &l->w, &l->err);
	if ((l->rc == 0) != (l->m != NULL))
		diag("source_load returned %d with model %p", l->rc,
		    (void *)l->m);
	return l->rc;
}

static int
load(const char *text, struct load *l)
{
	struct source_opts	opts;

	memset(&opts, 0, sizeof(opts));
	return load_opts(text, &opts, l);
}

/* Load a one-connection response built from overrides. */
static int
load_conn(const struct kv *ov, size_t nov, struct load *l)
{
	char	*c, *r;
	int	 rc;

	c = conn(ov, nov);
	r = response(c, "1");
	rc = load(r, l);
	free(c);
	free(r);
	return rc;
}

static void
load_free(struct load *l)
{
	model_free(l->m);
	l->m = NULL;
	warn_free(&l->w);
}

/* The error message after "PATH: ". */
static const char *
msg(const struct load *l)
{
	size_t	len = strlen(path);

	if (strncmp(l->err.msg, path, len) == 0 && l->err.msg[len] == ':' &&
	    l->err.msg[len + 1] == ' ')
		return l->err.msg + len + 2;
	return l->err.msg;
}

static int
has_warning(const struct load *l, const char *s)
{
	size_t	i;

	for (i = 0; i < l->w.n; i++)
		if (strstr(l->w.msgs[i], s) != NULL)
			return 1;
	return 0;
}

static struct tunnel *
t0(const struct load *l)
{
	static struct tunnel	empty;

	if (l->m == NULL || l->m->nconns == 0 || l->m->conns[0].ntunnels == 0)
		return &empty;
	return &l->m->conns[0].tunnels[0];
}

static const char *
alg_id(const struct alg *a)
{
	return a == NULL ? "(none)" : a->id;
}

static void
t_flip(void)
{
	static const struct kv ov[] = {
		{ "SecurityPolicyDatabaseSet", "[{\"LocalCidrBlock\":"
		    "\"10.0.0.0/16\",\"RemoteCidrBlock\":[\"192.168.1.0/24\","
		    "\"192.168.2.0/24\",\"192.168.1.0/24\"]},"
		    "{\"LocalCidrBlock\":"
		    "\"10.1.0.0/16\",\"RemoteCidrBlock\":[\"192.168.3.0/24\","
		    "\"192.168.1.0/24\"]},{\"LocalCidrBlock\":\"10.0.0.0/16\","
		    "\"RemoteCidrBlock\":[\"192.168.2.0/24\"]}]" },
		{ "RouteType", "\"Policy\"" },
	};
	struct load		 l;
	struct connection	*c;
	struct tunnel		*t;

	is_int(load_conn(N(ov), &l), 0, "flip: loads");
	t = t0(&l);
	c = l.m == NULL ? NULL : &l.m->conns[0];
	is_int(l.m == NULL ? 0 : (long long)l.m->nconns, 1, "flip: one "
	    "connection");
	is_str(c == NULL ? NULL : c->cloud, "tencent", "flip: cloud");
	is_str(c == NULL ? NULL : c->id, "vpnx-df9oztok", "flip: id");
	is_str(c == NULL ? NULL : c->name, "office to vpc", "flip: name");
	is_str(c == NULL ? NULL : c->vpc_id, "vpc-8ro3x6md", "flip: vpc id");
	is_str(c == NULL ? NULL : c->vpn_gateway_id, "vpngw-6x0wxvtp",
	    "flip: gateway id");
	is_str(c == NULL ? NULL : c->customer_gateway_id, "cgw-apytvc1n",
	    "flip: customer gateway id");
	is_int(c == NULL ? 0 : (long long)c->ntunnels, 1, "flip: one tunnel");
	is_str(t->id, "vpnx-df9oztok", "flip: tunnel id is the connection's");
	is_int(t->role, ROLE_NONE, "flip: single tunnel");
	is_int(t->remote_id.type, ID_ADDRESS, "flip: remote id is an address");
	is_str(t->remote_id.value, "203.0.113.10", "flip: IKE LocalAddress "
	    "(the cloud) is the remote id");
	is_str(t->remote_addr, "203.0.113.10", "flip: and the remote address");
	is_int(t->local_id.type, ID_ADDRESS, "flip: local id is an address");
	is_str(t->local_id.value, "198.51.100.20", "flip: IKE RemoteAddress "
	    "(the customer) is the local id");
	is_str(t->local_addr, "198.51.100.20", "flip: and the local address");
	is_str(t->psk, "s3cret-Key", "flip: pre-shared key");
	is_int((long long)t->nts, 4, "flip: one pair per distinct element");
	if (t->nts == 4) {
		is_str(t->ts[0].local, "192.168.1.0/24", "flip: ts[0].local is "
		    "RemoteCidrBlock[0]");
		is_str(t->ts[0].remote, "10.0.0.0/16", "flip: ts[0].remote is "
		    "the VPC's LocalCidrBlock");
		is_str(t->ts[1].local, "192.168.2.0/24", "flip: ts[1].local");
		is_str(t->ts[1].remote, "10.0.0.0/16", "flip: ts[1].remote");
		is_str(t->ts[2].local, "192.168.3.0/24", "flip: ts[2].local");
		is_str(t->ts[2].remote, "10.1.0.0/16", "flip: ts[2].remote");
		is_str(t->ts[3].local, "192.168.1.0/24", "flip: ts[3].local, "
		    "same customer CIDR, other VPC CIDR");
		is_str(t->ts[3].remote, "10.1.0.0/16", "flip: ts[3].remote");
	} else
		skip("flip: selectors not as expected");
	is_int(t->routing, ROUTING_POLICY, "flip: Policy routing");
	is_int(t->ike_version, 1, "flip: IKEv1");
	is_int(t->ike_mode, IKE_MAIN, "flip: main mode");
	is_str(alg_id(t->ike_enc), "aes256-cbc", "flip: IKE encryption");
	is_str(alg_id(t->ike_integ), "sha256", "flip: IKE integrity");
	is_str(alg_id(t->ike_prf), "sha256", "flip: IKE PRF");
	is_str(alg_id(t->ike_dh), "modp2048", "flip: IKE DH group");
	is_int(t->ike_lifetime, 28800, "flip: IKE lifetime");
	is_str(alg_id(t->esp_enc), "aes128-cbc", "flip: ESP encryption");
	is_str(alg_id(t->esp_integ), "sha256", "flip: ESP integrity");
	is_str(alg_id(t->esp_pfs), "modp2048", "flip: PFS group");
	is_int(t->esp_lifetime, 3600, "flip: ESP lifetime");
	is_int((long long)t->esp_lifetime_kb, 1843200, "flip: ESP volume "
	    "lifetime");
	is_int(t->nat_traversal, 1, "flip: NAT traversal on");
	is_int((long long)l.w.n, 0, "flip: no warnings");
	load_free(&l);
}

static void
t_envelopes(void)
{
	static const struct kv ov2[] = {
		{ "VpnConnectionId", "\"vpnx-eal8tpn2\"" },
	};
	struct load	 l;
	char		*c1, *c2, *s;

	c1 = conn(NULL, 0);
	c2 = conn(N(ov2));

	s = response(c1, "1");
	is_int(load(s, &l), 0, "envelope: {\"Response\":{...}}");
	ok(l.m != NULL && l.m->nconns == 1 &&
	    strcmp(l.m->conns[0].id, "vpnx-df9oztok") == 0,
	    "envelope: Response gives the connection");
	load_free(&l);
	free(s);

	xasprintf(&s, "{\"TotalCount\":2,\"VpnConnectionSet\":[%s,%s],"
	    "\"RequestId\":\"x\"}", c1, c2);
	is_int(load(s, &l), 0, "envelope: the inner object");
	ok(l.m != NULL && l.m->nconns == 2 &&
	    strcmp(l.m->conns[1].id, "vpnx-eal8tpn2") == 0,
	    "envelope: inner object gives both connections");
	load_free(&l);
	free(s);

	is_int(load(c1, &l), 0, "envelope: a bare VpnConnection");
	ok(l.m != NULL && l.m->nconns == 1 &&
	    strcmp(l.m->conns[0].id, "vpnx-df9oztok") == 0,
	    "envelope: bare connection");
	load_free(&l);

	xasprintf(&s, "  [%s,\n%s]\n", c1, c2);
	is_int(load(s, &l), 0, "envelope: an array of connections");
	ok(l.m != NULL && l.m->nconns == 2 &&
	    strcmp(l.m->conns[0].id, "vpnx-df9oztok") == 0 &&
	    strcmp(l.m->conns[1].id, "vpnx-eal8tpn2") == 0,
	    "envelope: array gives both, in order");
	load_free(&l);
	free(s);

	s = response("", "0");
	is_int(load(s, &l), -1, "envelope: an empty set fails");
	is_str(msg(&l), "no VPN connection found", "envelope: empty set "
	    "message");
	load_free(&l);
	free(s);

	is_int(load("{\"Response\":{\"RequestId\":\"x\"}}", &l), -1,
	    "envelope: a Response without connections fails");
	is_str(msg(&l), "neither a VpnConnectionSet nor a VpnConnection",
	    "envelope: message");
	load_free(&l);
	free(c1);
	free(c2);
}

static void
t_api_error(void)
{
	struct load	 l;
	char		 want[2048];
	char		*c, *r;

	is_int(load("{\"Response\":{\"Error\":{\"Code\":"
	    "\"AuthFailure.SignatureFailure\",\"Message\":\"The provided "
	    "credentials could not be validated.\"},\"RequestId\":"
	    "\"ed93f3cb-f35e-473f-b9f3-0d451b8b79c6\"}}", &l), -1,
	    "api error: fails");
	is_int(l.err.code, CGW_E_INPUT, "api error: CGW_E_INPUT");
	snprintf(want, sizeof(want), "%s holds a Tencent Cloud API error, "
	    "not connections: AuthFailure.SignatureFailure: The provided "
	    "credentials could not be validated. (request "
	    "ed93f3cb-f35e-473f-b9f3-0d451b8b79c6)", path);
	is_str(l.err.msg, want, "api error: names the file, code, message "
	    "and request id");
	load_free(&l);

	c = conn(NULL, 0);
	xasprintf(&r, "{\"Response\":{\"Error\":\"boom\",\"TotalCount\":1,"
	    "\"VpnConnectionSet\":[%s],\"RequestId\":\"x\"}}", c);
	load(r, &l);
	ok((l.rc == 0) == (l.err.code == CGW_E_NONE), "api error: an Error "
	    "that is not an object does not leave an error behind a success "
	    "(rc %d, error \"%s\")", l.rc, l.err.msg);
	load_free(&l);
	free(r);
	free(c);
}

static void
t_integrity(void)
{
	static const struct kv old_only[] = {
		{ "IPSECOptionsSpecification.IntegrityAlgorith",
		    "\"SHA-512\"" },
	};
	static const struct kv new_only[] = {
		{ "IPSECOptionsSpecification.IntegrityAlgorith", NULL },
		{ "IPSECOptionsSpecification.IntegrityAlgorithm", "\"MD5\"" },
	};
	static const struct kv both_agree[] = {
		{ "IPSECOptionsSpecification.IntegrityAlgorith", "\"SHA1\"" },
		{ "IPSECOptionsSpecification.IntegrityAlgorithm", "\"sha1\"" },
	};
	static const struct kv both_differ[] = {
		{ "IPSECOptionsSpecification.IntegrityAlgorith", "\"SHA1\"" },
		{ "IPSECOptionsSpecification.IntegrityAlgorithm",
		    "\"SHA-256\"" },
	};
	static const struct kv old_null[] = {
		{ "IPSECOptionsSpecification.IntegrityAlgorith", "null" },
		{ "IPSECOptionsSpecification.IntegrityAlgorithm",
		    "\"SHA-384\"" },
	};
	static const struct kv neither[] = {
		{ "IPSECOptionsSpecification.IntegrityAlgorith", "\"\"" },
	};
	struct load	l;

	is_int(load_conn(N(old_only), &l), 0, "integrity: IntegrityAlgorith "
	    "alone");
	is_str(alg_id(t0(&l)->esp_integ), "sha512", "integrity: (sic) "
	    "spelling read");
	load_free(&l);
	is_int(load_conn(N(new_only), &l), 0, "integrity: IntegrityAlgorithm "
	    "alone");
	is_str(alg_id(t0(&l)->esp_integ), "md5", "integrity: new spelling "
	    "read");
	load_free(&l);
	is_int(load_conn(N(both_agree), &l), 0, "integrity: both agreeing");
	is_str(alg_id(t0(&l)->esp_integ), "sha1", "integrity: agreed value");
	load_free(&l);
	is_int(load_conn(N(old_null), &l), 0, "integrity: old null, new set");
	is_str(alg_id(t0(&l)->esp_integ), "sha384", "integrity: the set one "
	    "wins");
	load_free(&l);
	is_int(load_conn(N(neither), &l), 0, "integrity: neither set");
	is_str(alg_id(t0(&l)->esp_integ), "sha1", "integrity: default SHA1");
	ok(has_warning(&l, "IPSECOptionsSpecification.IntegrityAlgorithm is "
	    "not set; using Tencent Cloud's documented default SHA1"),
	    "integrity: default warned about");
	load_free(&l);
	is_int(load_conn(N(both_differ), &l), -1, "integrity: both "
	    "disagreeing is an error");
	is_str(msg(&l), "VpnConnectionSet[0] (vpnx-df9oztok): "
	    "IPSECOptionsSpecification: IntegrityAlgorith says SHA1 but "
	    "IntegrityAlgorithm says SHA-256", "integrity: disagreement "
	    "message");
	load_free(&l);
}

static void
t_gcm(void)
{
	static const struct kv esp_gcm[] = {
		{ "IPSECOptionsSpecification.EncryptAlgorithm",
		    "\"AES256GCM128\"" },
		{ "IPSECOptionsSpecification.IntegrityAlgorith", "\"SHA1\"" },
	};
	static const struct kv esp_gcm_none[] = {
		{ "IPSECOptionsSpecification.EncryptAlgorithm",
		    "\"AES128GCM128\"" },
		{ "IPSECOptionsSpecification.IntegrityAlgorith", NULL },
	};
	static const struct kv ike_gcm[] = {
		{ "IKEOptionsSpecification.PropoEncryAlgorithm",
		    "\"AES192GCM128\"" },
		{ "IKEOptionsSpecification.PropoAuthenAlgorithm",
		    "\"SHA-512\"" },
	};
	struct load	l;

	is_int(load_conn(N(esp_gcm), &l), 0, "gcm: ESP GCM loads");
	is_str(alg_id(t0(&l)->esp_enc), "aes256-gcm16", "gcm: ESP cipher");
	ok(t0(&l)->esp_integ == NULL, "gcm: ESP integrity dropped");
	load_free(&l);
	is_int(load_conn(N(esp_gcm_none), &l), 0, "gcm: ESP GCM without "
	    "integrity loads");
	ok(t0(&l)->esp_integ == NULL, "gcm: no integrity, no default");
	ok(!has_warning(&l, "IntegrityAlgorithm is not set"),
	    "gcm: no integrity default applied, so none warned about");
	load_free(&l);
	is_int(load_conn(N(ike_gcm), &l), 0, "gcm: IKE GCM loads");
	is_str(alg_id(t0(&l)->ike_enc), "aes192-gcm16", "gcm: IKE cipher");
	ok(t0(&l)->ike_integ == NULL, "gcm: IKE integrity dropped");
	is_str(alg_id(t0(&l)->ike_prf), "sha512", "gcm: the authentication "
	    "algorithm stays the PRF");
	load_free(&l);
}

static void
t_dpd(void)
{
	static const struct kv str30[] = { { "DpdTimeout", "\"30\"" } };
	static const struct kv num30[] = { { "DpdTimeout", "30" } };
	static const struct kv num9[] = { { "DpdTimeout", "9" } };
	static const struct kv num120[] = { { "DpdTimeout", "\"120\"" } };
	static const struct kv bad_timeout[] = { { "DpdTimeout", "\"0\"" } };
	static const struct kv no_timeout[] = { { "DpdTimeout", NULL } };
	static const struct kv en0[] = { { "DpdEnable", "0" } };
	static const struct kv en1[] = { { "DpdEnable", "1" } };
	static const struct kv enm1[] = { { "DpdEnable", "-1" } };
	static const struct kv en2[] = { { "DpdEnable", "2" } };
	static const struct kv enyes[] = { { "DpdEnable", "\"yes\"" } };
	static const struct kv enstr[] = { { "DpdEnable", "\"1\"" } };
	static const struct kv enabs[] = { { "DpdEnable", NULL } };
	struct load	l;

	is_int(load_conn(N(str30), &l), 0, "dpd: timeout \"30\"");
	is_int(t0(&l)->dpd_timeout, 30, "dpd: string timeout read");
	is_int(t0(&l)->dpd_interval, 10, "dpd: interval 10");
	is_int(t0(&l)->dpd_enabled, 1, "dpd: enabled");
	load_free(&l);
	is_int(load_conn(N(num30), &l), 0, "dpd: timeout 30");
	is_int(t0(&l)->dpd_timeout, 30, "dpd: number timeout read");
	load_free(&l);
	is_int(load_conn(N(num9), &l), 0, "dpd: timeout 9");
	is_int(t0(&l)->dpd_interval, 3, "dpd: three probes per timeout");
	load_free(&l);
	is_int(load_conn(N(num120), &l), 0, "dpd: timeout 120");
	is_int(t0(&l)->dpd_interval, 10, "dpd: interval at most 10");
	load_free(&l);
	is_int(load_conn(N(no_timeout), &l), 0, "dpd: no timeout");
	is_int(t0(&l)->dpd_timeout, 30, "dpd: default timeout 30");
	load_free(&l);
	is_int(load_conn(N(bad_timeout), &l), -1, "dpd: timeout 0 refused");
	is_str(msg(&l), "VpnConnectionSet[0] (vpnx-df9oztok): DpdTimeout: "
	    "\"0\" is not a whole number in 1-3600", "dpd: timeout message");
	load_free(&l);
	is_int(load_conn(N(en0), &l), 0, "dpd: DpdEnable 0");
	is_int(t0(&l)->dpd_enabled, 0, "dpd: 0 is off");
	load_free(&l);
	is_int(load_conn(N(en1), &l), 0, "dpd: DpdEnable 1");
	is_int(t0(&l)->dpd_enabled, 1, "dpd: 1 is on");
	load_free(&l);
	is_int(load_conn(N(enm1), &l), 0, "dpd: DpdEnable -1");
	is_int(t0(&l)->dpd_enabled, 0, "dpd: -1 is off");
	load_free(&l);
	is_int(load_conn(N(enabs), &l), 0, "dpd: DpdEnable absent");
	is_int(t0(&l)->dpd_enabled, 0, "dpd: absent is off");
	load_free(&l);
	is_int(load_conn(N(enstr), &l), 0, "dpd: DpdEnable \"1\"");
	is_int(t0(&l)->dpd_enabled, 1, "dpd: \"1\" is on");
	load_free(&l);
	is_int(load_conn(N(en2), &l), -1, "dpd: DpdEnable 2 refused");
	is_str(msg(&l), "VpnConnectionSet[0] (vpnx-df9oztok): DpdEnable: 2 "
	    "is not 0, 1 or -1", "dpd: DpdEnable 2 message");
	load_free(&l);
	is_int(load_conn(N(enyes), &l), -1, "dpd: DpdEnable \"yes\" refused");
	ok(strstr(msg(&l), "DpdEnable") != NULL, "dpd: message names "
	    "DpdEnable: %s", msg(&l));
	load_free(&l);
}

static void
t_defaults(void)
{
	static const struct kv empty[] = {
		{ "IKEOptionsSpecification.PropoEncryAlgorithm", "\"\"" },
		{ "IKEOptionsSpecification.PropoAuthenAlgorithm", "\"\"" },
		{ "IKEOptionsSpecification.DhGroupName", "\"\"" },
		{ "IKEOptionsSpecification.IKESaLifetimeSeconds", "\"\"" },
		{ "IKEOptionsSpecification.IKEVersion", "\"\"" },
		{ "IKEOptionsSpecification.ExchangeMode", "\"\"" },
		{ "IKEOptionsSpecification.LocalIdentity", "\"\"" },
		{ "IKEOptionsSpecification.RemoteIdentity", "\"\"" },
		{ "IPSECOptionsSpecification.EncryptAlgorithm", "\"\"" },
		{ "IPSECOptionsSpecification.IntegrityAlgorith", "\"\"" },
		{ "IPSECOptionsSpecification.PfsDhGroup", "\"\"" },
		{ "IPSECOptionsSpecification.IPSECSaLifetimeSeconds", "\"\"" },
		{ "IPSECOptionsSpecification.IPSECSaLifetimeTraffic", "\"\"" },
		{ "NegotiationType", "\"\"" },
		{ "DpdTimeout", "\"\"" },
		{ "DpdAction", "\"\"" },
		{ "VpnConnectionName", "\"\"" },
	};
	static const struct {
		const char	*field;
		const char	*value;
	} warned[] = {
		{ "IKEOptionsSpecification.PropoEncryAlgorithm", "3DES-CBC" },
		{ "IKEOptionsSpecification.PropoAuthenAlgorithm", "SHA" },
		{ "IKEOptionsSpecification.DhGroupName", "GROUP1" },
		{ "IKEOptionsSpecification.IKESaLifetimeSeconds", "86400" },
		{ "IKEOptionsSpecification.IKEVersion", "IKEV1" },
		{ "IKEOptionsSpecification.ExchangeMode", "MAIN" },
		{ "IKEOptionsSpecification.LocalIdentity", "ADDRESS" },
		{ "IKEOptionsSpecification.RemoteIdentity", "ADDRESS" },
		{ "IPSECOptionsSpecification.EncryptAlgorithm", "AES-CBC-128" },
		{ "IPSECOptionsSpecification.IntegrityAlgorithm", "SHA1" },
		{ "IPSECOptionsSpecification.IPSECSaLifetimeSeconds", "14400" },
		{ "NegotiationType", "active" },
	};
	struct load	 l;
	struct tunnel	*t;
	char		 want[2048];
	size_t		 i;

	is_int(load_conn(N(empty), &l), 0, "defaults: empty strings load");
	t = t0(&l);
	is_str(alg_id(t->ike_enc), "3des-cbc", "defaults: IKE 3DES-CBC");
	is_str(alg_id(t->ike_integ), "sha1", "defaults: IKE SHA");
	is_str(alg_id(t->ike_prf), "sha1", "defaults: IKE PRF SHA");
	is_str(alg_id(t->ike_dh), "modp768", "defaults: IKE GROUP1");
	is_int(t->ike_lifetime, 86400, "defaults: IKE lifetime 86400");
	is_int(t->ike_version, 1, "defaults: IKEv1");
	is_int(t->ike_mode, IKE_MAIN, "defaults: main mode");
	is_int(t->local_id.type, ID_ADDRESS, "defaults: local id ADDRESS");
	is_int(t->remote_id.type, ID_ADDRESS, "defaults: remote id ADDRESS");
	is_str(alg_id(t->esp_enc), "aes128-cbc", "defaults: ESP AES-CBC-128");
	is_str(alg_id(t->esp_integ), "sha1", "defaults: ESP SHA1");
	ok(t->esp_pfs == NULL, "defaults: no PFS");
	is_int(t->esp_lifetime, 14400, "defaults: ESP lifetime 14400");
	is_int((long long)t->esp_lifetime_kb, 4096000000LL, "defaults: ESP "
	    "volume 4096000000 KB");
	is_int(t->initiator, INIT_CLOUD, "defaults: active");
	is_int(t->dpd_timeout, 30, "defaults: DPD timeout 30");
	is_int(t->dpd_action, DPD_CLEAR, "defaults: DPD action clear");
	ok(l.m != NULL && l.m->conns[0].name == NULL, "defaults: empty name "
	    "is no name");
	for (i = 0; i < nitems(warned); i++) {
		snprintf(want, sizeof(want), "%s: VpnConnectionSet[0] "
		    "(vpnx-df9oztok): %s is not set; using Tencent Cloud's "
		    "documented default %s", path, warned[i].field,
		    warned[i].value);
		ok(has_warning(&l, want), "defaults: warning for %s",
		    warned[i].field);
	}
	load_free(&l);
}

static void
t_unknown_alg(void)
{
	static const struct kv ike_enc[] = {
		{ "IKEOptionsSpecification.PropoEncryAlgorithm",
		    "\"AES-CBC-512\"" },
	};
	static const struct kv esp_integ[] = {
		{ "IPSECOptionsSpecification.IntegrityAlgorithm", "\"SHA-3\"" },
	};
	static const struct kv pfs[] = {
		{ "IPSECOptionsSpecification.PfsDhGroup", "\"DH-GROUP3\"" },
	};
	static const struct kv dh[] = {
		{ "IKEOptionsSpecification.DhGroupName", "\"DH-GROUP99\"" },
	};
	static const struct kv ike_null[] = {
		{ "IKEOptionsSpecification.PropoEncryAlgorithm", "\"NULL\"" },
	};
	struct load	l;

	is_int(load_conn(N(ike_enc), &l), -1, "unknown: IKE cipher refused");
	is_str(msg(&l), "VpnConnectionSet[0] (vpnx-df9oztok): "
	    "IKEOptionsSpecification.PropoEncryAlgorithm: unknown value "
	    "\"AES-CBC-512\" (Tencent Cloud documents DES-CBC, 3DES-CBC, "
	    "AES-CBC-128, AES-CBC-192, AES-CBC-256, AES128GCM128, "
	    "AES192GCM128, AES256GCM128, SM4)", "unknown: names field, value "
	    "and connection");
	load_free(&l);
	is_int(load_conn(N(esp_integ), &l), -1, "unknown: ESP integrity "
	    "refused");
	is_str(msg(&l), "VpnConnectionSet[0] (vpnx-df9oztok): "
	    "IPSECOptionsSpecification.IntegrityAlgorithm: unknown value "
	    "\"SHA-3\" (Tencent Cloud documents MD5, SHA1, SHA-256, SHA-384, "
	    "SHA-512, SM3)", "unknown: ESP integrity message");
	load_free(&l);
	is_int(load_conn(N(pfs), &l), -1, "unknown: PFS DH-GROUP3 refused");
	is_str(msg(&l), "VpnConnectionSet[0] (vpnx-df9oztok): "
	    "IPSECOptionsSpecification.PfsDhGroup: unknown value "
	    "\"DH-GROUP3\" (Tencent Cloud documents DH-GROUP1, DH-GROUP2, "
	    "DH-GROUP5, DH-GROUP14, DH-GROUP15, DH-GROUP16, DH-GROUP19, "
	    "DH-GROUP20, DH-GROUP21, DH-GROUP24)", "unknown: PFS message");
	load_free(&l);
	is_int(load_conn(N(dh), &l), -1, "unknown: DH-GROUP99 refused");
	ok(strstr(msg(&l), "vpnx-df9oztok") != NULL &&
	    strstr(msg(&l), "DhGroupName") != NULL &&
	    strstr(msg(&l), "\"DH-GROUP99\"") != NULL, "unknown: DH message: "
	    "%s", msg(&l));
	load_free(&l);
	is_int(load_conn(N(ike_null), &l), -1, "unknown: NULL cannot "
	    "protect IKE");
	is_str(msg(&l), "VpnConnectionSet[0] (vpnx-df9oztok): "
	    "IKEOptionsSpecification.PropoEncryAlgorithm: NULL cannot protect "
	    "IKE", "unknown: NULL in IKE message");
	load_free(&l);
}

static void
t_negotiation(void)
{
	static const struct {
		const char	*type;
		const char	*action;
		enum initiator	 init;
		enum dpd_action	 dpd;
	} c[] = {
		{ "\"active\"", "\"clear\"", INIT_CLOUD, DPD_CLEAR },
		{ "\"active\"", "\"restart\"", INIT_CLOUD, DPD_RESTART },
		{ "\"active\"", NULL, INIT_CLOUD, DPD_CLEAR },
		{ "\"passive\"", "\"clear\"", INIT_CUSTOMER, DPD_RESTART },
		{ "\"passive\"", "\"restart\"", INIT_CUSTOMER, DPD_RESTART },
		{ "\"flowTrigger\"", "\"clear\"", INIT_BOTH, DPD_RESTART },
		{ "\"FLOWTRIGGER\"", "\"CLEAR\"", INIT_BOTH, DPD_RESTART },
		{ "\"ACTIVE\"", "\"Restart\"", INIT_CLOUD, DPD_RESTART },
	};
	struct kv	ov[2];
	struct load	l;
	size_t		i;

	for (i = 0; i < nitems(c); i++) {
		ov[0].key = "NegotiationType";
		ov[0].raw = c[i].type;
		ov[1].key = "DpdAction";
		ov[1].raw = c[i].action;
		is_int(load_conn(ov, 2, &l), 0, "negotiation %s, DpdAction %s: "
		    "loads", c[i].type, c[i].action == NULL ? "absent" :
		    c[i].action);
		is_int(t0(&l)->initiator, c[i].init, "negotiation %s: "
		    "initiator %s", c[i].type, initiator_name(c[i].init));
		is_int(t0(&l)->dpd_action, c[i].dpd, "negotiation %s, "
		    "DpdAction %s: dpd %s", c[i].type, c[i].action == NULL ?
		    "absent" : c[i].action, dpd_action_name(c[i].dpd));
		load_free(&l);
	}
	ov[0].raw = "\"sometimes\"";
	ov[1].raw = "\"clear\"";
	is_int(load_conn(ov, 2, &l), -1, "negotiation: unknown refused");
	is_str(msg(&l), "VpnConnectionSet[0] (vpnx-df9oztok): NegotiationType: "
	    "unknown value \"sometimes\" (Tencent Cloud documents active, "
	    "passive, flowTrigger)", "negotiation: message");
	load_free(&l);
	ov[0].raw = "\"active\"";
	ov[1].raw = "\"hold\"";
	is_int(load_conn(ov, 2, &l), -1, "negotiation: unknown DpdAction "
	    "refused");
	ok(strstr(msg(&l), "DpdAction: unknown value \"hold\"") != NULL,
	    "negotiation: DpdAction message: %s", msg(&l));
	load_free(&l);
}

static void
t_routing(void)
{
	static const char any[] = "[{\"LocalCidrBlock\":\"0.0.0.0/0\","
	    "\"RemoteCidrBlock\":[\"0.0.0.0/0\"]}]";
	static const char some[] = "[{\"LocalCidrBlock\":\"10.0.0.0/16\","
	    "\"RemoteCidrBlock\":[\"192.168.1.0/24\"]}]";
	static const struct {
		const char	*type;
		const char	*spd;
		enum routing	 want;
		int		 warn;
	} c[] = {
		{ "\"StaticRoute\"", some, ROUTING_STATIC, 0 },
		{ "\"StaticRoute\"", any, ROUTING_STATIC, 0 },
		{ "\"Policy\"", some, ROUTING_POLICY, 0 },
		{ "\"Policy\"", any, ROUTING_STATIC, 1 },
		{ "\"STATIC\"", any, ROUTING_STATIC, 0 },
		{ "\"STATIC\"", some, ROUTING_POLICY, 0 },
		{ NULL, any, ROUTING_STATIC, 0 },
		{ NULL, some, ROUTING_POLICY, 0 },
		{ "\"\"", some, ROUTING_POLICY, 0 },
		{ "\"staticroute\"", some, ROUTING_STATIC, 0 },
		{ "\"StaticRoute\"", "[]", ROUTING_STATIC, 0 },
		{ "\"STATIC\"", "[]", ROUTING_STATIC, 0 },
	};
	struct kv	ov[2];
	struct load	l;
	size_t		i;

	for (i = 0; i < nitems(c); i++) {
		ov[0].key = "RouteType";
		ov[0].raw = c[i].type;
		ov[1].key = "SecurityPolicyDatabaseSet";
		ov[1].raw = c[i].spd;
		is_int(load_conn(ov, 2, &l), 0, "routing %zu: RouteType %s "
		    "loads", i, c[i].type == NULL ? "absent" : c[i].type);
		is_int(t0(&l)->routing, c[i].want, "routing %zu: RouteType %s, "
		    "SPD %s: %s", i, c[i].type == NULL ? "absent" : c[i].type,
		    c[i].spd == any ? "any" : c[i].spd == some ? "specific" :
		    "empty", routing_name(c[i].want));
		ok(has_warning(&l, "RouteType Policy with 0.0.0.0/0 on both "
		    "sides would send all traffic into the tunnel; rendering "
		    "it route-based") == c[i].warn, "routing %zu: %s", i,
		    c[i].warn ? "warned" : "no warning");
		if (strcmp(c[i].spd, "[]") == 0)
			ok(t0(&l)->nts == 1 &&
			    strcmp(t0(&l)->ts[0].local, "0.0.0.0/0") == 0 &&
			    strcmp(t0(&l)->ts[0].remote, "0.0.0.0/0") == 0,
			    "routing %zu: no SPD gives 0.0.0.0/0 both ways", i);
		load_free(&l);
	}
	ov[0].raw = "\"Policy\"";
	ov[1].raw = "[]";
	is_int(load_conn(ov, 2, &l), -1, "routing: Policy without SPD "
	    "refused");
	ok(strstr(msg(&l), "SecurityPolicyDatabaseSet is empty") != NULL,
	    "routing: Policy without SPD message: %s", msg(&l));
	load_free(&l);
	ov[0].raw = "\"OSPF\"";
	ov[1].raw = some;
	is_int(load_conn(ov, 2, &l), -1, "routing: unknown RouteType refused");
	is_str(msg(&l), "VpnConnectionSet[0] (vpnx-df9oztok): RouteType: "
	    "unknown value \"OSPF\" (Tencent Cloud documents STATIC, "
	    "StaticRoute, Policy, Bgp)", "routing: unknown message");
	load_free(&l);
}

static void
t_bgp(void)
{
	static const struct kv bgp[] = {
		{ "RouteType", "\"Bgp\"" },
		{ "BgpConfig", "{\"TunnelCidr\":\"169.254.128.0/30\","
		    "\"LocalBgpIp\":\"169.254.128.1\",\"RemoteBgpIp\":"
		    "\"169.254.128.2\",\"LocalBgpAsn\":\"64512\","
		    "\"RemoteBgpAsn\":\"65010\"}" },
	};
	static const struct kv bgp_num[] = {
		{ "RouteType", "\"Bgp\"" },
		{ "BgpConfig", "{\"TunnelCidr\":\"169.254.128.0/30\","
		    "\"LocalBgpIp\":\"169.254.128.1\",\"RemoteBgpIp\":"
		    "\"169.254.128.2\",\"LocalBgpAsn\":4200000000,"
		    "\"RemoteBgpAsn\":\"\"}" },
	};
	static const struct kv no_cfg[] = {
		{ "RouteType", "\"Bgp\"" },
	};
	static const struct kv no_ip[] = {
		{ "RouteType", "\"Bgp\"" },
		{ "BgpConfig", "{\"TunnelCidr\":\"169.254.128.0/30\","
		    "\"LocalBgpIp\":\"169.254.128.1\","
		    "\"LocalBgpAsn\":\"64512\"}" },
	};
	static const struct kv no_asn[] = {
		{ "RouteType", "\"Bgp\"" },
		{ "BgpConfig", "{\"TunnelCidr\":\"169.254.128.0/30\","
		    "\"LocalBgpIp\":\"169.254.128.1\",\"RemoteBgpIp\":"
		    "\"169.254.128.2\"}" },
	};
	struct load	 l;
	struct tunnel	*t;

	is_int(load_conn(N(bgp), &l), 0, "bgp: loads");
	t = t0(&l);
	is_int(t->routing, ROUTING_BGP, "bgp: routing bgp");
	is_str(t->bgp.tunnel_cidr, "169.254.128.0/30", "bgp: tunnel CIDR");
	is_str(t->bgp.remote_ip, "169.254.128.1", "bgp: LocalBgpIp is the "
	    "cloud's, remote_ip");
	is_str(t->bgp.local_ip, "169.254.128.2", "bgp: RemoteBgpIp is ours, "
	    "local_ip");
	is_int(t->bgp.remote_asn, 64512, "bgp: LocalBgpAsn \"64512\" is the "
	    "remote ASN");
	is_int(t->bgp.local_asn, 65010, "bgp: RemoteBgpAsn is the local ASN");
	load_free(&l);
	is_int(load_conn(N(bgp_num), &l), 0, "bgp: numeric ASN loads");
	is_int(t0(&l)->bgp.remote_asn, 4200000000U, "bgp: 32-bit ASN");
	is_int(t0(&l)->bgp.local_asn, 0, "bgp: empty RemoteBgpAsn unknown");
	load_free(&l);
	is_int(load_conn(N(no_cfg), &l), -1, "bgp: no BgpConfig refused");
	ok(strstr(msg(&l), "RouteType is Bgp but BgpConfig is missing") !=
	    NULL, "bgp: no BgpConfig message: %s", msg(&l));
	load_free(&l);
	is_int(load_conn(N(no_ip), &l), -1, "bgp: no RemoteBgpIp refused");
	ok(strstr(msg(&l), "BgpConfig.RemoteBgpIp is missing") != NULL,
	    "bgp: no RemoteBgpIp message: %s", msg(&l));
	load_free(&l);
	is_int(load_conn(N(no_asn), &l), -1, "bgp: no LocalBgpAsn refused");
	ok(strstr(msg(&l), "BgpConfig.LocalBgpAsn (the cloud's ASN) is "
	    "missing") != NULL, "bgp: no ASN message: %s", msg(&l));
	load_free(&l);
}

static void
t_fqdn(void)
{
	static const struct kv fqdn[] = {
		{ "IKEOptionsSpecification.LocalIdentity", "\"FQDN\"" },
		{ "IKEOptionsSpecification.LocalFqdnName",
		    "\"vpn.cloud.example\"" },
		{ "IKEOptionsSpecification.LocalAddress", "\"\"" },
	};
	static const struct kv customer[] = {
		{ "IKEOptionsSpecification.RemoteIdentity", "\"FQDN\"" },
		{ "IKEOptionsSpecification.RemoteFqdnName",
		    "\"ops@customer.example\"" },
	};
	static const struct kv fqdn_empty[] = {
		{ "IKEOptionsSpecification.LocalIdentity", "\"FQDN\"" },
	};
	struct source_opts	 opts;
	struct load		 l;
	char			*c, *r;

	is_int(load_conn(N(fqdn), &l), -1, "fqdn: cloud FQDN without "
	    "--peer-address refused");
	ok(strstr(msg(&l), "--peer-address") != NULL &&
	    strstr(msg(&l), "vpn.cloud.example") != NULL, "fqdn: message "
	    "mentions --peer-address and the name: %s", msg(&l));
	load_free(&l);

	memset(&opts, 0, sizeof(opts));
	opts.peer_address = "203.0.113.77";
	c = conn(N(fqdn));
	r = response(c, "1");
	is_int(load_opts(r, &opts, &l), 0, "fqdn: with --peer-address loads");
	is_str(t0(&l)->remote_addr, "203.0.113.77", "fqdn: remote address "
	    "from --peer-address");
	is_int(t0(&l)->remote_id.type, ID_FQDN, "fqdn: remote id is FQDN");
	is_str(t0(&l)->remote_id.value, "vpn.cloud.example", "fqdn: remote id "
	    "value");
	load_free(&l);
	opts.peer_address = "not-an-address";
	is_int(load_opts(r, &opts, &l), -1, "fqdn: a bad --peer-address is "
	    "refused");
	is_int(l.err.code, CGW_E_USAGE, "fqdn: bad --peer-address is a usage "
	    "error");
	load_free(&l);
	free(c);
	free(r);

	is_int(load_conn(N(customer), &l), 0, "fqdn: customer user@domain "
	    "identity loads");
	is_int(t0(&l)->local_id.type, ID_USER_FQDN, "fqdn: user@domain is a "
	    "user FQDN");
	is_str(t0(&l)->local_id.value, "ops@customer.example", "fqdn: local "
	    "id value");
	ok(t0(&l)->local_addr == NULL, "fqdn: local address unknown");
	load_free(&l);

	is_int(load_conn(N(fqdn_empty), &l), -1, "fqdn: FQDN with empty name "
	    "refused");
	ok(strstr(msg(&l), "LocalIdentity is FQDN but "
	    "IKEOptionsSpecification.LocalFqdnName is empty") != NULL,
	    "fqdn: empty name message: %s", msg(&l));
	load_free(&l);
}

static void
t_selection(void)
{
	static const struct kv a[] = { { "VpnConnectionId", "\"vpnx-a\"" } };
	static const struct kv b[] = {
		{ "VpnConnectionId", "\"vpnx-b\"" },
		{ "IKEOptionsSpecification.RemoteAddress",
		    "\"198.51.100.21\"" },
	};
	static const struct kv cc[] = {
		{ "VpnConnectionId", "\"vpnx-c\"" },
		{ "IKEOptionsSpecification.PropoEncryAlgorithm", "\"BAD\"" },
	};
	struct source_opts	 opts;
	struct load		 l;
	char			*ca, *cb, *cx, *set, *r;
	char			 id_a[] = "vpnx-a", id_b[] = "vpnx-b";
	char			 id_z[] = "vpnx-zzz";
	char			*ids[2];

	ca = conn(N(a));
	cb = conn(N(b));
	cx = conn(N(cc));
	xasprintf(&set, "%s,%s,%s", ca, cb, cx);
	r = response(set, "3");
	memset(&opts, 0, sizeof(opts));
	opts.ids = ids;

	ids[0] = id_b;
	opts.nids = 1;
	is_int(load_opts(r, &opts, &l), 0, "selection: vpnx-b alone loads, "
	    "the broken vpnx-c is skipped");
	ok(l.m != NULL && l.m->nconns == 1 &&
	    strcmp(l.m->conns[0].id, "vpnx-b") == 0, "selection: only vpnx-b");
	is_str(t0(&l)->local_addr, "198.51.100.21", "selection: vpnx-b's own "
	    "settings");
	load_free(&l);

	ids[0] = id_b;
	ids[1] = id_a;
	opts.nids = 2;
	is_int(load_opts(r, &opts, &l), 0, "selection: two ids");
	ok(l.m != NULL && l.m->nconns == 2 &&
	    strcmp(l.m->conns[0].id, "vpnx-a") == 0 &&
	    strcmp(l.m->conns[1].id, "vpnx-b") == 0, "selection: in the "
	    "input's order");
	load_free(&l);

	ids[0] = id_z;
	opts.nids = 1;
	is_int(load_opts(r, &opts, &l), -1, "selection: an absent id fails");
	is_str(msg(&l), "connection vpnx-zzz is not in this input (it holds "
	    "vpnx-a, vpnx-b, vpnx-c)", "selection: message lists the ids "
	    "present");
	load_free(&l);

	opts.nids = 0;
	is_int(load_opts(r, &opts, &l), -1, "selection: without --connection "
	    "the broken one fails the load");
	is_str(msg(&l), "VpnConnectionSet[2] (vpnx-c): "
	    "IKEOptionsSpecification.PropoEncryAlgorithm: unknown value "
	    "\"BAD\" (Tencent Cloud documents DES-CBC, 3DES-CBC, AES-CBC-128, "
	    "AES-CBC-192, AES-CBC-256, AES128GCM128, AES192GCM128, "
	    "AES256GCM128, SM4)", "selection: the error names the third "
	    "connection");
	load_free(&l);
	free(r);
	free(set);

	xasprintf(&set, "%s,%s", ca, cb);
	r = response(set, "2");
	is_int(load_opts(r, &opts, &l), 0, "selection: all connections");
	is_int(l.m == NULL ? 0 : (long long)l.m->nconns, 2, "selection: two "
	    "connections");
	is_int((long long)l.w.n, 0, "selection: no warning when TotalCount "
	    "matches");
	load_free(&l);
	free(r);
	free(set);
	free(ca);
	free(cb);
	free(cx);
}

static void
t_total_count(void)
{
	struct load	 l;
	char		*c, *r, want[2048];

	c = conn(NULL, 0);
	r = response(c, "25");
	is_int(load(r, &l), 0, "total: a partial page loads");
	snprintf(want, sizeof(want), "%s: the response holds 1 of 25 "
	    "connections (one page); the others are not rendered", path);
	ok(has_warning(&l, want), "total: warned about the other 24");
	load_free(&l);
	free(r);
	r = response(c, "\"25\"");
	is_int(load(r, &l), 0, "total: TotalCount as a string");
	ok(has_warning(&l, "holds 1 of 25 connections"), "total: string "
	    "TotalCount warned too");
	load_free(&l);
	free(r);
	r = response(c, "\"many\"");
	load(r, &l);
	ok((l.rc == 0) == (l.err.code == CGW_E_NONE), "total: a malformed "
	    "TotalCount does not leave an error behind a success (rc %d, "
	    "error \"%s\")", l.rc, l.err.msg);
	load_free(&l);
	free(r);
	free(c);
}

static void
t_host_bits(void)
{
	static const struct kv ov[] = {
		{ "SecurityPolicyDatabaseSet", "[{\"LocalCidrBlock\":"
		    "\"10.0.0.1/16\",\"RemoteCidrBlock\":[\"192.168.1.5/24\","
		    "\"192.168.1.0/24\"]}]" },
	};
	struct load	 l;
	char		 want[2048];

	is_int(load_conn(N(ov), &l), 0, "host bits: loads");
	is_int((long long)t0(&l)->nts, 1, "host bits: normalized duplicates "
	    "merged");
	if (t0(&l)->nts > 0) {
		is_str(t0(&l)->ts[0].remote, "10.0.0.0/16", "host bits: VPC "
		    "CIDR normalized");
		is_str(t0(&l)->ts[0].local, "192.168.1.0/24", "host bits: "
		    "customer CIDR normalized");
	} else
		skip("host bits: no selectors");
	snprintf(want, sizeof(want), "%s: VpnConnectionSet[0] "
	    "(vpnx-df9oztok): SecurityPolicyDatabaseSet[0].LocalCidrBlock "
	    "10.0.0.1/16 has host bits set; using 10.0.0.0/16", path);
	ok(has_warning(&l, want), "host bits: LocalCidrBlock warned");
	snprintf(want, sizeof(want), "%s: VpnConnectionSet[0] "
	    "(vpnx-df9oztok): SecurityPolicyDatabaseSet[0].RemoteCidrBlock[0] "
	    "192.168.1.5/24 has host bits set; using 192.168.1.0/24", path);
	ok(has_warning(&l, want), "host bits: RemoteCidrBlock warned");
	load_free(&l);
}

static void
t_malformed(void)
{
	struct load	 l;
	char		 want[2048];

	is_int(load("{\n  \"Response\": {\n    \"TotalCount\": ,\n  }\n}\n",
	    &l), -1, "malformed: fails");
	snprintf(want, sizeof(want), "%s:3:19: invalid JSON", path);
	is_str(l.err.msg, want, "malformed: line and column");
	load_free(&l);
	is_int(load("[{\"VpnConnectionId\": \"x\"", &l), -1,
	    "malformed: truncated fails");
	ok(strncmp(l.err.msg, path, strlen(path)) == 0 &&
	    strstr(l.err.msg, ": invalid JSON") != NULL &&
	    strncmp(l.err.msg + strlen(path), ":1:", 3) == 0,
	    "malformed: truncated on line 1: %s", l.err.msg);
	load_free(&l);
	is_int(load("VpnConnectionId=x\n", &l), -1, "malformed: not JSON");
	is_str(msg(&l), "neither JSON nor XML nor a device configuration "
	    "cgwgen reads (expected a saved API response or a cgwgen model)",
	    "malformed: not JSON message");
	load_free(&l);
	is_int(load(" \n\t", &l), -1, "malformed: empty input");
	is_str(msg(&l), "the input is empty", "malformed: empty message");
	load_free(&l);
	is_int(load("{\"Something\":1}", &l), -1, "malformed: unknown JSON");
	ok(strstr(msg(&l), "not a format cgwgen knows") != NULL,
	    "malformed: unknown format message: %s", msg(&l));
	load_free(&l);
}

static void
t_ike_version(void)
{
	static const struct kv v2aggr[] = {
		{ "IKEOptionsSpecification.IKEVersion", "\"IKEV2\"" },
		{ "IKEOptionsSpecification.ExchangeMode", "\"AGGRESSIVE\"" },
	};
	static const struct kv v1aggr[] = {
		{ "IKEOptionsSpecification.ExchangeMode", "\"AGGRESSIVE\"" },
	};
	static const struct kv v3[] = {
		{ "IKEOptionsSpecification.IKEVersion", "\"IKEV3\"" },
	};
	struct load	l;

	is_int(load_conn(N(v2aggr), &l), 0, "ike: IKEV2 + AGGRESSIVE loads");
	is_int(t0(&l)->ike_version, 2, "ike: version 2");
	is_int(t0(&l)->ike_mode, IKE_MAIN, "ike: IKEv2 mode is main");
	load_free(&l);
	is_int(load_conn(N(v1aggr), &l), 0, "ike: IKEV1 + AGGRESSIVE loads");
	is_int(t0(&l)->ike_mode, IKE_AGGRESSIVE, "ike: IKEv1 keeps "
	    "aggressive");
	load_free(&l);
	is_int(load_conn(N(v3), &l), -1, "ike: IKEV3 refused");
	ok(strstr(msg(&l), "IKEVersion: unknown value \"IKEV3\"") != NULL,
	    "ike: message: %s", msg(&l));
	load_free(&l);
}

static void
t_misc(void)
{
	static const struct kv state[] = { { "State", "\"PENDING\"" } };
	static const struct kv proto[] = { { "VpnProto", "\"SSL\"" } };
	static const struct kv nopsk[] = { { "PreShareKey", "\"\"" } };
	static const struct kv badid[] = {
		{ "VpnConnectionId", "\"vpnx/../x\"" },
	};
	struct source_opts	 opts;
	struct load		 l;
	char			*c, *r;

	is_int(load_conn(N(state), &l), 0, "misc: PENDING loads");
	ok(has_warning(&l, "the connection's State is PENDING, not AVAILABLE"),
	    "misc: PENDING warned");
	load_free(&l);
	is_int(load_conn(N(proto), &l), -1, "misc: VpnProto SSL refused");
	ok(strstr(msg(&l), "VpnProto is \"SSL\"") != NULL, "misc: VpnProto "
	    "message: %s", msg(&l));
	load_free(&l);
	is_int(load_conn(N(nopsk), &l), -1, "misc: empty PreShareKey "
	    "refused");
	ok(strstr(msg(&l), "PreShareKey is missing or empty") != NULL,
	    "misc: PreShareKey message: %s", msg(&l));
	load_free(&l);
	is_int(load_conn(N(badid), &l), -1, "misc: an id with a slash "
	    "refused");
	ok(strstr(msg(&l), "\"vpnx/../x\" is not a plain identifier") != NULL,
	    "misc: id message: %s", msg(&l));
	load_free(&l);

	memset(&opts, 0, sizeof(opts));
	opts.local_address = "192.0.2.1";
	opts.cloud = "tencent";
	c = conn(NULL, 0);
	r = response(c, "1");
	is_int(load_opts(r, &opts, &l), 0, "misc: --local-address and "
	    "--cloud tencent");
	is_str(t0(&l)->local_addr, "192.0.2.1", "misc: --local-address "
	    "overrides the identity's address");
	is_str(t0(&l)->local_id.value, "198.51.100.20", "misc: the identity "
	    "stays");
	load_free(&l);
	opts.cloud = "aws";
	is_int(load_opts(r, &opts, &l), -1, "misc: unknown --cloud refused");
	is_str(l.err.msg, "--cloud: unknown cloud \"aws\" (one of tencent, "
	    "alibaba, comware, model)", "misc: --cloud message");
	load_free(&l);
	free(c);
	free(r);
}

int
main(void)
{
	const char	*tmp;

	if ((tmp = getenv("TMPDIR")) == NULL || *tmp == '\0')
		tmp = "/tmp";
	snprintf(dir, sizeof(dir), "%s/t-tencent.XXXXXX", tmp);
	if (mkdtemp(dir) == NULL)
		skip_all("mkdtemp %s: %s", dir, strerror(errno));
	snprintf(path, sizeof(path), "%s/response.json", dir);
	t_flip();
	t_envelopes();
	t_api_error();
	t_integrity();
	t_gcm();
	t_dpd();
	t_defaults();
	t_unknown_alg();
	t_negotiation();
	t_routing();
	t_bgp();
	t_fqdn();
	t_selection();
	t_total_count();
	t_host_bits();
	t_malformed();
	t_ike_version();
	t_misc();
	unlink(path);
	if (rmdir(dir) == -1)
		diag("rmdir %s: %s", dir, strerror(errno));
	return done_testing();
}
