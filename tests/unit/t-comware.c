/*
 * Unit tests for the H3C Comware source, through source_load() on
 * temporary files holding configuration text: the legacy Tencent
 * GetVpnConnConfig sample (cloud-apis.md 1.5, commands separated by
 * \r), the Comware V7 examples of device-syntax.md 2.3, and a base
 * policy-based configuration that each test changes by appending lines
 * (a block named again is edited again) or by dropping lines.
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
#include "source-comware.h"
#include "tap.h"
#include "warn.h"
#include "xmalloc.h"

/* One loaded input. */
struct load {
	int		 rc;
	struct model	*m;
	struct warnings	 w;
	struct cgw_err	 err;
};

static char	*lines_to(const char *const *, size_t, const char *);
static int	 load_raw(const char *, size_t, const struct source_opts *,
		    struct load *);
static int	 load_opts(const char *, const struct source_opts *,
		    struct load *);
static int	 load(const char *, struct load *);
static int	 dropped(const char *, const char *);
static int	 load_base(const char *, const char *, struct load *);
static void	 load_free(struct load *);
static const char *msg(const struct load *);
static int	 find_warning(const struct load *, const char *);
static int	 has_warning(const struct load *, const char *);
static int	 no_warning_has(const struct load *, const char *);
static struct tunnel *t0(const struct load *);
static const char *alg_id(const struct alg *);
static int	 err_is(struct load *, const char *, const char *);
static void	 t_legacy(void);
static void	 t_line_ends(void);
static void	 t_lexing(void);
static void	 t_policy_v1(void);
static void	 t_keychain(void);
static void	 t_proposal(void);
static void	 t_profile(void);
static void	 t_identity(void);
static void	 t_dpd(void);
static void	 t_route_v2(void);
static void	 t_v2_errors(void);
static void	 t_v2_choices(void);
static void	 t_transform_set(void);
static void	 t_acl(void);
static void	 t_ipsec_policy(void);
static void	 t_ipv6(void);
static void	 t_lifetimes(void);
static void	 t_addresses(void);
static void	 t_candidates(void);
static void	 t_ids(void);
static void	 t_interfaces(void);
static void	 t_detect(void);
static void	 t_spell(void);

#define N(a)	(a), nitems(a)

static char	dir[1024];
static char	path[1100];

/* The legacy GetVpnConnConfig sample, quit lines omitted as there. */
static const char *const legacy[] = {
	"ike keychain keychain1",
	"pre-shared-key address 65.0.0.21 key simple key123",
	"ike proposal 1",
	"encryption-algorithm aes-cbc-128",
	"authentication-algorithm md5",
	"dh group14",
	"sa Lifetime 60",
	"ike profile profile1",
	"keychain keychain1",
	"local-identity fqdn remote1",
	"match remote identity fqdn local1",
	"exchange-mode aggressive",
	"ike invalid-spi-recovery enable",
	"ipsec transform-set transform-set1",
	"esp authentication-algorithm sha1",
	"esp encryption-algorithm aes-cbc-128",
	"pfs dh-group1",
	"acl advanced 3001",
	"rule permit ip source 55.55.55.55 0.0.0.255 destination "
	    "11.11.11.11 0.0.0.255",
	"ipsec policy policy1 1 isakmp",
	"transform-set transform-set1",
	"security acl 3001",
	"remote-address 65.0.0.21",
	"ike-profile profile1",
	"sa Lifetime time-based 180",
	"sa Lifetime traffic-based 2560",
	"ip unreachables enable",
	"interface GigabitEthernet0/0",
	"port link-mode route",
	"ipsec apply policy policy1",
};

/* device-syntax.md 2.3: route-based, IKEv2 (the UCloud guide's shape). */
static const char route_v2[] =
	"ikev2 proposal p2\n"
	" encryption aes-cbc-128\n"
	" integrity sha1\n"
	" prf sha1\n"
	" dh group14\n"
	"ikev2 policy pol2\n"
	" priority 1\n"
	" proposal p2\n"
	"ikev2 keychain kc2\n"
	" peer cloud\n"
	"  address 203.0.113.1 32\n"
	"  identity address 203.0.113.1\n"
	"  pre-shared-key plaintext the-psk\n"
	"ikev2 profile pf2\n"
	" authentication-method local pre-share\n"
	" authentication-method remote pre-share\n"
	" keychain kc2\n"
	" identity local address 198.51.100.10\n"
	" match remote identity address 203.0.113.1 32\n"
	" sa duration 28800\n"
	" dpd interval 10 periodic\n"
	"ipsec transform-set ts2\n"
	" encapsulation-mode tunnel\n"
	" protocol esp\n"
	" esp encryption-algorithm aes-cbc-128\n"
	" esp authentication-algorithm sha1\n"
	" pfs dh-group14\n"
	"ipsec profile vti2 isakmp\n"
	" transform-set ts2\n"
	" ikev2-profile pf2\n"
	" sa duration time-based 3600\n"
	" sa duration traffic-based 1843200\n"
	"interface tunnel 1 mode ipsec\n"
	" ip address 169.254.10.2 30\n"
	" source 198.51.100.10\n"
	" destination 203.0.113.1\n"
	" tunnel protection ipsec profile vti2\n"
	"ip route-static 172.16.0.0 16 Tunnel 1\n"
	"ip route-static 172.17.0.0 255.255.0.0 Tunnel1\n";

/* device-syntax.md 2.3: policy-based, IKEv1, every value given. */
static const char base_v1[] =
	"acl advanced 3001\n"
	" rule 0 permit ip source 10.0.0.0 0.0.255.255 destination "
	"172.16.0.0 0.0.255.255\n"
	" rule 5 permit ip source 10.1.0.0 0.0.255.255 destination "
	"172.17.0.0 0.0.255.255\n"
	"#\n"
	"ike proposal 10\n"
	" encryption-algorithm aes-cbc-256\n"
	" authentication-algorithm sha256\n"
	" dh group14\n"
	" sa duration 28800\n"
	"#\n"
	"ike keychain kc-cloud\n"
	" pre-shared-key address 203.0.113.1 255.255.255.255 key simple "
	"the-psk\n"
	"#\n"
	"ike profile pf-cloud\n"
	" keychain kc-cloud\n"
	" local-identity address 198.51.100.10\n"
	" match remote identity address 203.0.113.1 255.255.255.255\n"
	" proposal 10\n"
	" exchange-mode main\n"
	" dpd interval 10 retry 3 periodic\n"
	"#\n"
	"ipsec transform-set ts-cloud\n"
	" encapsulation-mode tunnel\n"
	" protocol esp\n"
	" esp encryption-algorithm aes-cbc-128\n"
	" esp authentication-algorithm sha256\n"
	" pfs dh-group14\n"
	"#\n"
	"ipsec policy pol-cloud 10 isakmp\n"
	" transform-set ts-cloud\n"
	" security acl 3001\n"
	" remote-address 203.0.113.1\n"
	" ike-profile pf-cloud\n"
	" sa duration time-based 3600\n"
	" sa duration traffic-based 1843200\n"
	"#\n"
	"interface GigabitEthernet1/0/1\n"
	" ip address 198.51.100.10 255.255.255.0\n"
	" ipsec apply policy pol-cloud\n"
	"#\n"
	"return\n";

/* The lines joined with a line end. */
static char *
lines_to(const char *const *lines, size_t n, const char *end)
{
	struct buf	b;
	size_t		i;

	buf_init(&b, 0);
	for (i = 0; i < n; i++) {
		buf_adds(&b, lines[i], NULL);
		buf_adds(&b, end, NULL);
	}
	return buf_release(&b);
}

static int
load_raw(const char *text, size_t len, const struct source_opts *opts,
    struct load *l)
{
	FILE	*f;

	memset(l, 0, sizeof(*l));
	if ((f = fopen(path, "w")) == NULL) {
		diag("%s: %s", path, strerror(errno));
		return l->rc = -1;
	}
	fwrite(text, 1, len, f);
	fclose(f);
	l->rc = source_load(path, opts, &l->m, &l->w, &l->err);
	if ((l->rc == 0) != (l->m != NULL))
		diag("source_load returned %d with model %p", l->rc,
		    (void *)l->m);
	if (l->rc == -1 && l->err.code == CGW_E_NONE)
		diag("source_load failed without an error");
	return l->rc;
}

static int
load_opts(const char *text, const struct source_opts *opts, struct load *l)
{
	return load_raw(text, strlen(text), opts, l);
}

static int
load(const char *text, struct load *l)
{
	struct source_opts	opts;

	memset(&opts, 0, sizeof(opts));
	return load_opts(text, &opts, l);
}

/* Whether a line starts with one of the |-separated prefixes in drop. */
static int
dropped(const char *line, const char *drop)
{
	const char	*p, *bar;
	size_t		 n;

	for (p = drop; p != NULL && *p != '\0'; p = bar == NULL ? NULL :
	    bar + 1) {
		bar = strchr(p, '|');
		n = bar == NULL ? strlen(p) : (size_t)(bar - p);
		if (strncmp(line, p, n) == 0)
			return 1;
	}
	return 0;
}

/*
 * The base configuration without the lines starting with one of the
 * prefixes in drop (NULL: none), with extra before its final "return".
 */
static int
load_base(const char *drop, const char *extra, struct load *l)
{
	struct buf	 b;
	const char	*p, *nl;
	char		*line;
	int		 rc;

	buf_init(&b, 0);
	for (p = base_v1; *p != '\0'; p = nl + 1) {
		nl = strchr(p, '\n');
		line = xstrndup(p, (size_t)(nl - p));
		if (strcmp(line, "return") == 0 && extra != NULL)
			buf_adds(&b, extra, NULL);
		if (!dropped(line, drop)) {
			buf_adds(&b, line, NULL);
			buf_addc(&b, '\n', NULL);
		}
		free(line);
	}
	line = buf_release(&b);
	rc = load(line, l);
	free(line);
	return rc;
}

static void
load_free(struct load *l)
{
	model_free(l->m);
	l->m = NULL;
	warn_free(&l->w);
}

/* The error message after "PATH" (":LINE: ..."). */
static const char *
msg(const struct load *l)
{
	size_t	len = strlen(path);

	if (strncmp(l->err.msg, path, len) == 0)
		return l->err.msg + len;
	return l->err.msg;
}

static int
find_warning(const struct load *l, const char *s)
{
	size_t	i;

	for (i = 0; i < l->w.n; i++)
		if (strstr(l->w.msgs[i], s) != NULL)
			return 1;
	return 0;
}

/* Some warning holds s; the warnings are shown when none does. */
static int
has_warning(const struct load *l, const char *s)
{
	size_t	i;

	if (find_warning(l, s))
		return 1;
	diag("no warning holds: %s", s);
	for (i = 0; i < l->w.n; i++)
		diag("warning: %s", l->w.msgs[i]);
	if (l->rc == -1)
		diag("error: %s", l->err.msg);
	return 0;
}

/* No warning holds s (a key that must not be shown). */
static int
no_warning_has(const struct load *l, const char *s)
{
	return !find_warning(l, s);
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

/* The load failed with a message that holds want (after "PATH:"). */
static int
err_is(struct load *l, const char *want, const char *what)
{
	int	pass;

	pass = ok(l->rc == -1 && strstr(msg(l), want) != NULL, "%s", what);
	if (!pass)
		diag("rc %d, message: %s", l->rc, l->err.msg);
	load_free(l);
	return pass;
}

static void
t_legacy(void)
{
	struct load		 l;
	struct connection	*c;
	struct tunnel		*t;
	char			*text;

	text = lines_to(N(legacy), "\r");
	is_int(load(text, &l), 0, "legacy: the \\r-separated sample loads");
	c = l.m == NULL ? NULL : &l.m->conns[0];
	t = t0(&l);
	is_int(l.m == NULL ? 0 : (long long)l.m->nconns, 1, "legacy: one "
	    "connection");
	is_str(c == NULL ? NULL : c->id, "policy1", "legacy: named after the "
	    "policy");
	ok(c != NULL && c->cloud == NULL, "legacy: no cloud");
	is_str(t->id, "policy1", "legacy: tunnel id");
	is_str(t->remote_addr, "65.0.0.21", "legacy: remote-address");
	ok(t->local_addr == NULL, "legacy: the interface has no address: "
	    "local address unknown");
	is_str(t->psk, "key123", "legacy: the keychain's key");
	is_int(t->ike_version, 1, "legacy: IKEv1");
	is_int(t->ike_mode, IKE_AGGRESSIVE, "legacy: aggressive mode");
	is_str(alg_id(t->ike_enc), "aes128-cbc", "legacy: IKE encryption");
	is_str(alg_id(t->ike_integ), "md5", "legacy: IKE integrity");
	is_str(alg_id(t->ike_prf), "md5", "legacy: the PRF is the integrity "
	    "algorithm");
	is_str(alg_id(t->ike_dh), "modp2048", "legacy: dh group14");
	is_int(t->ike_lifetime, 60, "legacy: sa Lifetime 60");
	is_int(t->local_id.type, ID_FQDN, "legacy: local id is an FQDN");
	is_str(t->local_id.value, "remote1", "legacy: local-identity, not "
	    "flipped");
	is_int(t->remote_id.type, ID_FQDN, "legacy: remote id is an FQDN");
	is_str(t->remote_id.value, "local1", "legacy: match remote identity");
	is_str(alg_id(t->esp_enc), "aes128-cbc", "legacy: ESP encryption");
	is_str(alg_id(t->esp_integ), "sha1", "legacy: ESP integrity");
	is_str(alg_id(t->esp_pfs), "modp768", "legacy: pfs dh-group1");
	is_int(t->esp_lifetime, 180, "legacy: sa Lifetime time-based 180");
	is_int((long long)t->esp_lifetime_kb, 2560, "legacy: traffic-based "
	    "2560");
	is_int((long long)t->nts, 1, "legacy: one selector");
	is_str(t->nts > 0 ? t->ts[0].local : NULL, "55.55.55.0/24", "legacy: "
	    "source is local, normalized");
	is_str(t->nts > 0 ? t->ts[0].remote : NULL, "11.11.11.0/24",
	    "legacy: destination is remote, normalized");
	is_int(t->routing, ROUTING_POLICY, "legacy: policy-based");
	is_int(t->dpd_enabled, 0, "legacy: no DPD");
	is_int(t->nat_traversal, 1, "legacy: NAT traversal");
	is_int(t->initiator, INIT_BOTH, "legacy: both sides may start it");
	ok(has_warning(&l, ":19: rule: 55.55.55.55 with that mask has host "
	    "bits set; using 55.55.55.0/24"), "legacy: host bits warned with "
	    "the line number");
	ok(has_warning(&l, ":8: the ike profile names no proposal; Comware "
	    "offers every ike proposal, the lowest-numbered first: using ike "
	    "proposal 1"), "legacy: the proposal choice is said");
	is_int((long long)l.w.n, 3, "legacy: nothing else warned");
	ok(no_warning_has(&l, "not read"), "legacy: every line read");
	load_free(&l);
	free(text);
}

static void
t_line_ends(void)
{
	static const char *const ends[] = { "\n", "\r\n", "\r" };
	static const char *const names[] = { "LF", "CRLF", "CR" };
	static const char *const text[] = {
		"ike keychain kc",
		" pre-shared-key address 203.0.113.1 key simple k",
		"sysname edge",
		"ike profile pf",
		" keychain kc",
		" local-identity address 198.51.100.10",
		"ipsec transform-set ts",
		" esp encryption-algorithm aes-cbc-256",
		" esp authentication-algorithm sha256",
		"acl number 3000",
		" rule permit ip source 10.0.0.0 0.0.0.255 destination any",
		"ipsec policy p 1 isakmp",
		" transform-set ts",
		" security acl 3000",
		" remote-address 203.0.113.1",
		" ike-profile pf",
	};
	struct load	 l;
	char		*s;
	size_t		 i;

	for (i = 0; i < nitems(ends); i++) {
		s = lines_to(N(text), ends[i]);
		is_int(load(s, &l), 0, "line ends %s: loads", names[i]);
		ok(has_warning(&l, ":3: not read: sysname edge"), "line ends "
		    "%s: the unknown line 3 is warned with its number",
		    names[i]);
		is_str(t0(&l)->psk, "k", "line ends %s: the key has no line "
		    "end", names[i]);
		is_str(t0(&l)->nts == 1 ? t0(&l)->ts[0].remote : NULL,
		    "0.0.0.0/0", "line ends %s: the last word of a line",
		    names[i]);
		is_str(t0(&l)->remote_addr, "203.0.113.1", "line ends %s: the "
		    "last line", names[i]);
		load_free(&l);
		free(s);
	}
	/* Mixed, with a final line without an end. */
	is_int(load("ike keychain kc\r\n pre-shared-key address 203.0.113.1 "
	    "key simple k\rike profile pf\n keychain kc\n local-identity "
	    "address 198.51.100.10\r\nipsec transform-set ts\r esp "
	    "encryption-algorithm aes-cbc-256\n esp authentication-algorithm "
	    "sha1\nacl advanced 3000\n rule permit ip\nfoo\r\r\nipsec policy "
	    "p 1 isakmp\n transform-set ts\n security acl 3000\n "
	    "remote-address 203.0.113.1\n ike-profile pf", &l), 0, "line ends: "
	    "mixed, no final end");
	ok(has_warning(&l, ":11: not read: foo"), "line ends: mixed line "
	    "numbers (an empty CR line counts)");
	load_free(&l);
}

static void
t_lexing(void)
{
	struct load	 l;
	char		*s;
	size_t		 i, n;

	/* Comments, indentation, case, quit, return, BOM, description. */
	is_int(load("\xef\xbb\xbf# a comment\n! another\n\n"
	    "IKE KEYCHAIN kc\n\t PRE-SHARED-KEY ADDRESS 203.0.113.1 KEY "
	    "SIMPLE MiXeD\n quit\n"
	    "ike proposal 1\n Encryption-Algorithm AES-CBC-256\n "
	    "authentication-algorithm SHA256\n DH GROUP14\n SA LIFETIME 3600\n"
	    " description the cloud\n quit\n dh group2\n"
	    "ike profile pf\n keychain kc\n local-identity address 192.0.2.1\n"
	    "return\n"
	    "ipsec transform-set ts\n esp encryption-algorithm aes-cbc-256\n "
	    "esp authentication-algorithm sha1\n"
	    "acl advanced 3000\n rule permit ip\n"
	    "ipsec policy p 1 isakmp\n transform-set ts\n security acl 3000\n"
	    " remote-address 203.0.113.1\n ike-profile pf\n"
	    " sa duration time-based 3600\n sa duration traffic-based 9000\n"
	    "system-view\n", &l), 0, "lexing: loads");
	is_str(t0(&l)->psk, "MiXeD", "lexing: keys keep their case");
	is_str(alg_id(t0(&l)->ike_dh), "modp2048", "lexing: a line after "
	    "quit is not the proposal's");
	ok(has_warning(&l, ":14: not read: dh group2"), "lexing: and is "
	    "warned");
	is_int(t0(&l)->ike_lifetime, 3600, "lexing: upper-case keywords");
	for (i = 0, n = 0; i < l.w.n; i++)
		if (strstr(l.w.msgs[i], "not read") != NULL)
			n++;
	is_int((long long)n, 1, "lexing: comments, BOM, description and "
	    "system-view are read");
	load_free(&l);

	/* A line holding a key is never quoted. */
	is_int(load("local-user admin class manage\n password simple "
	    "S3cretA\nike keychain kc\n pre-shared-key hostname gw key simple "
	    "S3cretB\n pre-shared-key address 203.0.113.1 key simple k\n"
	    "ike profile pf\n keychain kc\n local-identity address 192.0.2.1\n"
	    "ipsec transform-set ts\n esp encryption-algorithm aes-cbc-256\n "
	    "esp authentication-algorithm sha1\nacl advanced 3000\n rule "
	    "permit ip\nipsec policy p 1 isakmp\n transform-set ts\n security "
	    "acl 3000\n remote-address 203.0.113.1\n ike-profile pf\n", &l), 0,
	    "secrets: loads");
	ok(has_warning(&l, ":2: not read: password ... (the rest is not "
	    "shown)"), "secrets: an unknown line with a password is cut");
	ok(!find_warning(&l, ":4:") && !find_warning(&l, "S3cretB"),
	    "secrets: a hostname key is read, and not shown");
	ok(no_warning_has(&l, "S3cretA") && no_warning_has(&l, "S3cretB"),
	    "secrets: no key in any warning");
	load_free(&l);

	/* Control characters and long lines are shown safely. */
	s = xstrdup("ike keychain k\nfoo\x1b[31mbar\n");
	is_int(load(s, &l), -1, "lexing: no policy is an error");
	ok(has_warning(&l, ":2: not read: foo?[31mbar"), "lexing: control "
	    "characters are replaced");
	ok(strstr(msg(&l), ": no IPsec policy applied to an interface and no "
	    "tunnel interface with an IPsec profile: nothing to render") !=
	    NULL, "lexing: nothing to render: %s", msg(&l));
	load_free(&l);
	free(s);
	s = xcalloc(1, 400);
	memcpy(s, "ike proposal 1\n", 15);
	memset(s + 15, 'x', 300);
	s[315] = '\n';
	load(s, &l);
	ok(l.w.n == 1 && strlen(l.w.msgs[0]) < 250 &&
	    strstr(l.w.msgs[0], "xxx...") != NULL, "lexing: a long line is "
	    "cut");
	load_free(&l);
	memset(s, 0, 400);
	memcpy(s, "ike proposal 1\n", 15);
	for (i = 0; i < 45; i++)
		memcpy(s + 15 + i * 2, "a ", 2);
	load(s, &l);
	ok(has_warning(&l, ":2: not read: a a a"), "lexing: a line of too "
	    "many words is not read");
	load_free(&l);
	free(s);

	/* A NUL byte. */
	{
		struct source_opts	opts;

		memset(&opts, 0, sizeof(opts));
		load_raw("ike proposal 1\n dh gr\0up1\n", 25, &opts, &l);
	}
	err_is(&l, ":2: the line holds a NUL byte: this is not a "
	    "configuration text", "lexing: a NUL byte is refused with its "
	    "line");
}

static void
t_policy_v1(void)
{
	struct load	 l;
	struct tunnel	*t;

	is_int(load_base(NULL, NULL, &l), 0, "policy v1: the base loads");
	t = t0(&l);
	is_str(l.m == NULL ? NULL : l.m->conns[0].id, "pol-cloud", "policy "
	    "v1: id is the policy name");
	is_str(t->remote_addr, "203.0.113.1", "policy v1: remote address");
	is_str(t->psk, "the-psk", "policy v1: the key");
	is_int(t->ike_version, 1, "policy v1: IKEv1");
	is_int(t->ike_mode, IKE_MAIN, "policy v1: main mode");
	is_str(alg_id(t->ike_enc), "aes256-cbc", "policy v1: IKE encryption");
	is_str(alg_id(t->ike_integ), "sha256", "policy v1: IKE integrity");
	is_str(alg_id(t->ike_prf), "sha256", "policy v1: IKE PRF");
	is_int(t->ike_lifetime, 28800, "policy v1: IKE lifetime");
	is_str(t->local_id.value, "198.51.100.10", "policy v1: local id");
	is_str(t->remote_id.value, "203.0.113.1", "policy v1: remote id");
	is_str(alg_id(t->esp_integ), "sha256", "policy v1: ESP integrity");
	is_str(alg_id(t->esp_pfs), "modp2048", "policy v1: PFS");
	is_int(t->esp_lifetime, 3600, "policy v1: ESP lifetime");
	is_int((long long)t->esp_lifetime_kb, 1843200, "policy v1: ESP volume");
	is_int((long long)t->nts, 2, "policy v1: two ACL rules, two pairs");
	if (t->nts == 2) {
		is_str(t->ts[0].local, "10.0.0.0/16", "policy v1: rule 0 source");
		is_str(t->ts[0].remote, "172.16.0.0/16", "policy v1: rule 0 "
		    "destination");
		is_str(t->ts[1].local, "10.1.0.0/16", "policy v1: rule 5 source");
		is_str(t->ts[1].remote, "172.17.0.0/16", "policy v1: rule 5 "
		    "destination");
	} else
		skip("policy v1: selectors");
	is_int(t->dpd_enabled, 1, "policy v1: DPD on");
	is_int(t->dpd_interval, 10, "policy v1: DPD interval");
	is_int(t->dpd_timeout, 19, "policy v1: DPD timeout: interval and "
	    "three tries 3 s apart");
	is_int(t->dpd_action, DPD_RESTART, "policy v1: DPD restarts");
	is_int((long long)l.w.n, 0, "policy v1: no warnings");
	load_free(&l);
}

static void
t_keychain(void)
{
	struct load	l;

	is_int(load_base(NULL, "ike keychain kc-cloud\n pre-shared-key address "
	    "0.0.0.0 0.0.0.0 key simple any\n pre-shared-key address "
	    "203.0.113.0 24 key simple \"two words\"\n", &l), 0, "keychain: "
	    "several keys");
	is_str(t0(&l)->psk, "the-psk", "keychain: the longest match wins");
	load_free(&l);
	is_int(load_base(" pre-shared-key address 203", "ike keychain kc-cloud\n"
	    " pre-shared-key address 0.0.0.0 0.0.0.0 key simple any\n"
	    " pre-shared-key address 203.0.113.0 24 key simple \"two words\"\n",
	    &l), 0, "keychain: a network key");
	is_str(t0(&l)->psk, "two words", "keychain: quotes are removed");
	load_free(&l);
	load_base(NULL, "ike keychain kc-cloud\n pre-shared-key address "
	    "203.0.113.9 key cipher $c$3$NotTheKey==\n", &l);
	ok(l.rc == -1 && strstr(l.err.msg, "NotTheKey") == NULL,
	    "keychain: the encrypted key is not quoted");
	err_is(&l, ":42: pre-shared-key: the key is stored encrypted (cipher), "
	    "and an encrypted key cannot be recovered; write it as \"simple\" "
	    "followed by the key itself", "keychain: key cipher refused");
	load_base(NULL, "ike keychain kc-cloud\n pre-shared-key address "
	    "203.0.113.9 key simple\n", &l);
	err_is(&l, ":42: pre-shared-key: the key is missing", "keychain: no "
	    "key");
	load_base(NULL, "ike keychain kc-cloud\n pre-shared-key address "
	    "203.0.113.9 key simple \"\"\n", &l);
	err_is(&l, ":42: pre-shared-key: the key is empty", "keychain: an "
	    "empty key");
	load_base(NULL, "ike keychain kc-cloud\n pre-shared-key address "
	    "203.0.113.9 key\n", &l);
	err_is(&l, ":42: pre-shared-key: expected simple or cipher before the "
	    "key", "keychain: key without simple");
	load_base(NULL, "ike keychain kc-cloud\n pre-shared-key address "
	    "203.0.113.x key simple k\n", &l);
	err_is(&l, ":42: pre-shared-key: \"203.0.113.x\" is not an IPv4 "
	    "address", "keychain: a bad address");
	load_base(NULL, "ike keychain kc-cloud\n pre-shared-key address "
	    "203.0.113.9 255.0.255.0 key simple k\n", &l);
	err_is(&l, ":42: pre-shared-key: \"255.0.255.0\" is not a mask or "
	    "prefix length", "keychain: a bad mask");
	load_base(NULL, "ike keychain kc-cloud\n pre-shared-key address "
	    "203.0.113.9 k simple k\n", &l);
	err_is(&l, ":42: pre-shared-key: expected \"key\" after the address, "
	    "found \"k\"", "keychain: a word for key");
	load_base(NULL, "ike keychain kc-cloud\n pre-shared-key local k\n",
	    &l);
	err_is(&l, ":42: pre-shared-key: expected address, found \"local\"",
	    "keychain: neither address nor hostname");
	load_base(NULL, "ike keychain kc other\n", &l);
	err_is(&l, ":41: ike keychain: expected one keychain name",
	    "keychain: two names");
	is_int(load_base(NULL, "ike keychain kc2 vpn-instance v\n", &l), 0,
	    "keychain: vpn-instance is accepted");
	load_free(&l);
	load_base(NULL, "ike profile pf-cloud\n keychain other\n", &l);
	err_is(&l, ":42: keychain other is not defined (no \"ike keychain "
	    "other\")", "keychain: an undefined keychain");
	load_base(" pre-shared-key", "ike keychain kc-cloud\n pre-shared-key "
	    "address 192.0.2.1 key simple k\n", &l);
	err_is(&l, ":13: ipsec policy pol-cloud 10: no pre-shared-key address "
	    "in the profile's keychains matches the cloud gateway 203.0.113.1",
	    "keychain: no key for the peer");
	load_base(" keychain kc-cloud", NULL, &l);
	err_is(&l, ":14: ike profile pf-cloud names no keychain: the "
	    "pre-shared key is not known", "keychain: a profile without one");
	load_base(NULL, "ike profile pf-cloud\n keychain\n", &l);
	err_is(&l, ":42: keychain: expected one keychain name", "keychain: "
	    "no name");
}

static void
t_proposal(void)
{
	static const struct {
		const char	*line;
		const char	*enc, *auth, *dh;
	} algs[] = {
		{ "encryption-algorithm des-cbc", "des-cbc", NULL, NULL },
		{ "encryption-algorithm 3des-cbc", "3des-cbc", NULL, NULL },
		{ "encryption-algorithm aes-cbc-128", "aes128-cbc", NULL, NULL },
		{ "encryption-algorithm aes-cbc-192", "aes192-cbc", NULL, NULL },
		{ "encryption-algorithm sm4-cbc", "sm4-cbc", NULL, NULL },
		{ "authentication-algorithm md5", NULL, "md5", NULL },
		{ "authentication-algorithm sha", NULL, "sha1", NULL },
		{ "authentication-algorithm sha1", NULL, "sha1", NULL },
		{ "authentication-algorithm sha384", NULL, "sha384", NULL },
		{ "authentication-algorithm sha512", NULL, "sha512", NULL },
		{ "dh group1", NULL, NULL, "modp768" },
		{ "dh group2", NULL, NULL, "modp1024" },
		{ "dh group5", NULL, NULL, "modp1536" },
		{ "dh group15", NULL, NULL, "modp3072" },
		{ "dh group16", NULL, NULL, "modp4096" },
		{ "dh group19", NULL, NULL, "ecp256" },
		{ "dh group20", NULL, NULL, "ecp384" },
		{ "dh group21", NULL, NULL, "ecp521" },
		{ "dh group24", NULL, NULL, "modp2048s256" },
	};
	struct load	 l;
	struct tunnel	*t;
	char		*extra;
	size_t		 i;

	for (i = 0; i < nitems(algs); i++) {
		xasprintf(&extra, "ike proposal 10\n %s\n", algs[i].line);
		is_int(load_base(NULL, extra, &l), 0, "proposal: %s",
		    algs[i].line);
		t = t0(&l);
		if (algs[i].enc != NULL)
			is_str(alg_id(t->ike_enc), algs[i].enc, "proposal: %s "
			    "maps", algs[i].line);
		if (algs[i].auth != NULL)
			ok(strcmp(alg_id(t->ike_integ), algs[i].auth) == 0 &&
			    t->ike_prf == t->ike_integ, "proposal: %s maps, "
			    "integrity and PRF", algs[i].line);
		if (algs[i].dh != NULL)
			is_str(alg_id(t->ike_dh), algs[i].dh, "proposal: %s "
			    "maps", algs[i].line);
		load_free(&l);
		free(extra);
	}
	load_base(NULL, "ike proposal 10\n encryption-algorithm aes-gcm-128\n",
	    &l);
	err_is(&l, ":42: encryption-algorithm: unknown value \"aes-gcm-128\" "
	    "(cgwgen reads des-cbc, 3des-cbc, aes-cbc-128, aes-cbc-192, "
	    "aes-cbc-256, sm4-cbc)", "proposal: an unknown cipher lists the "
	    "known ones");
	load_base(NULL, "ike proposal 10\n authentication-algorithm\n", &l);
	err_is(&l, ":42: authentication-algorithm: the algorithm is missing",
	    "proposal: no algorithm");
	load_base(NULL, "ike proposal 10\n dh group3\n", &l);
	err_is(&l, ":42: dh: unknown value \"group3\"", "proposal: unknown "
	    "dh");
	load_base(NULL, "ike proposal 10\n dh group14 group2\n", &l);
	err_is(&l, ":42: dh: unexpected \"group2\"", "proposal: one dh only");
	load_base(NULL, "ike proposal 10\n sa duration 59\n", &l);
	err_is(&l, ":42: sa duration: \"59\" is not a number from 60 to "
	    "604800", "proposal: lifetime range");
	load_base(NULL, "ike proposal 10\n authentication-method "
	    "rsa-signature\n", &l);
	err_is(&l, ":42: authentication-method: \"rsa-signature\" cannot be "
	    "rendered", "proposal: certificates refused");
	is_int(load_base(NULL, "ike proposal 10\n authentication-method "
	    "pre-share\n", &l), 0, "proposal: pre-share is accepted");
	is_int((long long)l.w.n, 0, "proposal: silently");
	load_free(&l);
	load_base(NULL, "ike proposal 0\n", &l);
	err_is(&l, ":41: ike proposal: \"0\" is not a number from 1 to 65535",
	    "proposal: number range");

	/* Which proposal. */
	is_int(load_base(NULL, "ike proposal 1\n dh group5\nike proposal 20\n"
	    " dh group2\n", &l), 0, "proposal: the profile's is used");
	is_str(alg_id(t0(&l)->ike_dh), "modp2048", "proposal: proposal 10, "
	    "not 1");
	load_free(&l);
	is_int(load_base(NULL, "ike proposal 1\n dh group5\nike profile "
	    "pf-cloud\n proposal 1 10\n", &l), 0, "proposal: two named");
	is_str(alg_id(t0(&l)->ike_dh), "modp1536", "proposal: the first named");
	ok(has_warning(&l, ":44: ike profile pf-cloud offers 2 proposals; the "
	    "model holds one: using the first, ike proposal 1"), "proposal: "
	    "the others are warned");
	load_free(&l);
	load_base(NULL, "ike profile pf-cloud\n proposal 7\n", &l);
	err_is(&l, ":42: ike profile pf-cloud: proposal 7 is not defined (no "
	    "\"ike proposal 7\")", "proposal: an undefined proposal");
	load_base(NULL, "ike profile pf-cloud\n proposal 1 2 3 4 5 6 7\n", &l);
	err_is(&l, ":42: proposal: expected one to six proposal numbers",
	    "proposal: at most six");
	load_base(NULL, "ike profile pf-cloud\n proposal x\n", &l);
	err_is(&l, ":42: proposal: \"x\" is not a number", "proposal: a "
	    "number");
	is_int(load_base(" proposal 10", "ike proposal 3\n dh group5\nike "
	    "proposal 2\n dh group15\n encryption-algorithm 3des-cbc\n "
	    "authentication-algorithm md5\n sa duration 600\n", &l), 0,
	    "proposal: the profile names none");
	is_str(alg_id(t0(&l)->ike_dh), "modp3072", "proposal: the "
	    "lowest-numbered");
	ok(has_warning(&l, "the ike profile names no proposal; Comware offers "
	    "every ike proposal, the lowest-numbered first: using ike proposal "
	    "2 (the model holds one)"), "proposal: the choice is warned");
	load_free(&l);

	/* Defaults. */
	is_int(load_base(NULL, "ike proposal 10\n undo dh\n", &l), 0,
	    "proposal: undo lines are not read");
	ok(has_warning(&l, ":42: not read: undo dh"), "proposal: undo warned");
	load_free(&l);
	is_int(load(
	    "ike keychain kc\n pre-shared-key address 203.0.113.1 key simple k\n"
	    "ike proposal 4\n"
	    "ike profile pf\n keychain kc\n local-identity address 192.0.2.1\n"
	    "ipsec transform-set ts\n esp encryption-algorithm aes-cbc-256\n"
	    " esp authentication-algorithm sha1\n"
	    "acl advanced 3000\n rule permit ip\n"
	    "ipsec policy p 1 isakmp\n transform-set ts\n security acl 3000\n"
	    " remote-address 203.0.113.1\n ike-profile pf\n", &l), 0,
	    "proposal: an empty proposal");
	t = t0(&l);
	is_str(alg_id(t->ike_enc), "des-cbc", "proposal: default des-cbc");
	is_str(alg_id(t->ike_integ), "sha1", "proposal: default sha1");
	is_str(alg_id(t->ike_dh), "modp768", "proposal: default group1");
	is_int(t->ike_lifetime, 86400, "proposal: default 86400 s");
	ok(has_warning(&l, ":3: ike proposal 4: no encryption-algorithm; "
	    "using Comware's default des-cbc") && has_warning(&l, ":3: ike "
	    "proposal 4: no authentication-algorithm; using Comware's default "
	    "sha1") && has_warning(&l, ":3: ike proposal 4: no dh; using "
	    "Comware's default group1") && has_warning(&l, ":3: ike proposal "
	    "4: no sa duration; using Comware's default 86400 seconds"),
	    "proposal: each default warned");
	load_free(&l);
	is_int(load(
	    "ike keychain kc\n pre-shared-key address 203.0.113.1 key simple k\n"
	    "ike profile pf\n keychain kc\n local-identity address 192.0.2.1\n"
	    "ipsec transform-set ts\n esp encryption-algorithm aes-cbc-256\n"
	    " esp authentication-algorithm sha1\n"
	    "acl advanced 3000\n rule permit ip\n"
	    "ipsec policy p 1 isakmp\n transform-set ts\n security acl 3000\n"
	    " remote-address 203.0.113.1\n ike-profile pf\n", &l), 0,
	    "proposal: no proposal at all");
	t = t0(&l);
	ok(strcmp(alg_id(t->ike_enc), "des-cbc") == 0 &&
	    strcmp(alg_id(t->ike_prf), "sha1") == 0 &&
	    strcmp(alg_id(t->ike_dh), "modp768") == 0 &&
	    t->ike_lifetime == 86400, "proposal: Comware's default proposal");
	ok(has_warning(&l, ":11: ipsec policy p 1: no ike proposal; using "
	    "Comware's default proposal (des-cbc, sha1, group1, 86400 "
	    "seconds)"), "proposal: the default proposal is warned");
	load_free(&l);
}

static void
t_profile(void)
{
	struct load	l;

	load_base(NULL, "ike profile pf-cloud\n exchange-mode quick\n", &l);
	err_is(&l, ":42: exchange-mode: unknown value \"quick\" (main or "
	    "aggressive)", "profile: exchange-mode value");
	is_int(load_base(NULL, "ike profile pf-cloud\n exchange-mode "
	    "aggressive\n match local address 198.51.100.10\n priority 5\n",
	    &l), 0, "profile: aggressive");
	is_int(t0(&l)->ike_mode, IKE_AGGRESSIVE, "profile: aggressive mode");
	is_int((long long)l.w.n, 0, "profile: match local address and "
	    "priority are silent");
	load_free(&l);
	load_base(NULL, "ike profile pf-cloud\n priority high\n", &l);
	err_is(&l, ":42: priority: \"high\" is not a number", "profile: "
	    "priority value");
	load_base(NULL, "ipsec policy pol-cloud 10 isakmp\n ike-profile "
	    "nope\n", &l);
	err_is(&l, ":42: ike-profile nope is not defined (no \"ike profile "
	    "nope\")", "profile: undefined");
	load_base(NULL, "ipsec policy pol-cloud 10 isakmp\n ike-profile\n", &l);
	err_is(&l, ":42: ike-profile: expected one profile name", "profile: "
	    "no name");
	load_base(NULL, "ike profile\n", &l);
	err_is(&l, ":41: ike profile: expected one profile name", "profile: "
	    "ike profile without a name");

	/* A policy without an ike-profile uses every keychain and proposal. */
	is_int(load_base(" ike-profile pf-cloud", "ike keychain other\n "
	    "pre-shared-key address 203.0.113.0 24 key simple wide\n"
	    "ike identity fqdn edge.example.com\n", &l), 0, "profile: none");
	is_str(t0(&l)->psk, "the-psk", "profile: keys from every keychain, "
	    "longest match");
	is_str(alg_id(t0(&l)->ike_enc), "aes256-cbc", "profile: the only "
	    "proposal");
	is_int(t0(&l)->local_id.type, ID_FQDN, "profile: ike identity");
	is_str(t0(&l)->local_id.value, "edge.example.com", "profile: ike "
	    "identity value");
	is_int(t0(&l)->dpd_enabled, 0, "profile: no DPD without a profile");
	ok(has_warning(&l, ":29: ipsec policy pol-cloud 10: no ike-profile; "
	    "using every ike keychain and ike proposal, as Comware does"),
	    "profile: warned");
	ok(has_warning(&l, "ipsec policy pol-cloud 10 names no proposal"),
	    "profile: the proposal choice warned");
	ok(has_warning(&l, "ipsec policy pol-cloud 10: no match remote "
	    "identity; expecting the cloud gateway to identify itself by its "
	    "address, 203.0.113.1"), "profile: the remote id warned");
	load_free(&l);
	load_base(" ike-profile pf-cloud", "ike identity dn\n", &l);
	err_is(&l, ":40: ike identity: dn identities cannot be rendered",
	    "profile: ike identity dn");
	is_int(load_base(NULL, "ike sa keepalive-timer interval 20\nikev2 "
	    "cookie-challenge 100\nipsec anti-replay check\nacl user 4000\n",
	    &l), 0, "profile: other ike, ikev2, ipsec and acl lines");
	ok(has_warning(&l, ":41: not read: ike sa keepalive-timer interval 20")
	    && has_warning(&l, ":42: not read: ikev2 cookie-challenge 100") &&
	    has_warning(&l, ":43: not read: ipsec anti-replay check") &&
	    has_warning(&l, ":44: not read: acl user 4000"), "profile: are not "
	    "read");
	load_free(&l);
	load_base(NULL, "ipsec profile\n", &l);
	err_is(&l, ":41: ipsec profile: the name is missing", "profile: ipsec "
	    "profile without a name");
	is_int(load_base(NULL, "ike nat-keepalive 20\nike invalid-spi-recovery "
	    "enable\nipsec invalid-spi-recovery enable\nip unreachables enable\n",
	    &l), 0, "profile: harmless globals");
	is_int((long long)l.w.n, 0, "profile: silently");
	load_free(&l);
	load_base(NULL, "ike nat-keepalive often\n", &l);
	err_is(&l, ":41: ike nat-keepalive: \"often\" is not a number",
	    "profile: nat-keepalive value");
	load_base(NULL, "ike invalid-spi-recovery enable now\n", &l);
	err_is(&l, ":41: ike: unexpected \"now\"", "profile: trailing word");
}

static void
t_identity(void)
{
	struct load	l;

	is_int(load_base(NULL, "ike profile pf-cloud\n local-identity fqdn "
	    "edge.example.com\n", &l), 0, "identity: fqdn");
	ok(t0(&l)->local_id.type == ID_FQDN &&
	    strcmp(t0(&l)->local_id.value, "edge.example.com") == 0,
	    "identity: local fqdn");
	load_free(&l);
	is_int(load_base(NULL, "ike profile pf-cloud\n local-identity user-fqdn "
	    "vpn@example.com\n", &l), 0, "identity: user-fqdn");
	ok(t0(&l)->local_id.type == ID_USER_FQDN &&
	    strcmp(t0(&l)->local_id.value, "vpn@example.com") == 0,
	    "identity: local user-fqdn");
	load_free(&l);
	is_int(load_base(" match remote identity", "ike profile pf-cloud\n "
	    "match remote identity address 203.0.113.0 255.255.255.0\n match "
	    "remote identity fqdn other.example\n", &l), 0,
	    "identity: remote ranges");
	is_str(t0(&l)->remote_id.value, "203.0.113.0", "identity: the range's "
	    "address");
	ok(has_warning(&l, ":41: match remote identity matches a range of "
	    "addresses; the model expects exactly 203.0.113.0"), "identity: "
	    "the range warned");
	ok(has_warning(&l, ":42: ike profile pf-cloud matches more than one "
	    "remote identity; the model holds one: using the first, "
	    "203.0.113.0"), "identity: the second warned");
	load_free(&l);
	is_int(load_base(" local-identity", NULL, &l), 0, "identity: no local "
	    "identity");
	is_str(t0(&l)->local_id.value, "198.51.100.10", "identity: the "
	    "applied interface's address");
	ok(has_warning(&l, ":28: ipsec policy pol-cloud 10: no local-identity; "
	    "this device identifies itself by its address, 198.51.100.10"),
	    "identity: warned");
	load_free(&l);
	load_base(" local-identity", "interface GigabitEthernet1/0/1\n ip "
	    "address dhcp-alloc\ninterface GigabitEthernet1/0/2\n ip address "
	    "192.0.2.1 255.255.255.0\n", &l);
	err_is(&l, ":28: ipsec policy pol-cloud 10: no local-identity, and "
	    "this device's address is not known either: add local-identity, "
	    "or give the address with --local-address", "identity: none at "
	    "all");
	{
		struct source_opts	opts;
		char			*s = NULL;

		memset(&opts, 0, sizeof(opts));
		opts.local_address = "192.0.2.77";
		load_base(NULL, NULL, &l);
		load_free(&l);
		xasprintf(&s, "%s", "ike keychain kc\n pre-shared-key address "
		    "203.0.113.1 key simple k\nike profile pf\n keychain kc\n"
		    "ipsec transform-set ts\n esp encryption-algorithm "
		    "aes-cbc-256\n esp authentication-algorithm sha1\nacl "
		    "advanced 3000\n rule permit ip\nipsec policy p 1 isakmp\n "
		    "transform-set ts\n security acl 3000\n remote-address "
		    "203.0.113.1\n ike-profile pf\n");
		is_int(load_opts(s, &opts, &l), 0, "identity: --local-address");
		is_str(t0(&l)->local_id.value, "192.0.2.77", "identity: gives "
		    "the local identity");
		is_str(t0(&l)->local_addr, "192.0.2.77", "identity: and the "
		    "local address");
		load_free(&l);
		free(s);
	}
	load_base(NULL, "ike profile pf-cloud\n local-identity fqdn\n", &l);
	err_is(&l, ":42: local-identity fqdn without a name: the device would "
	    "send its own name", "identity: fqdn without a name");
	load_base(NULL, "ike profile pf-cloud\n local-identity fqdn a..b\n",
	    &l);
	err_is(&l, ":42: local-identity: \"a..b\" is not a host name",
	    "identity: a bad fqdn");
	load_base(NULL, "ike profile pf-cloud\n local-identity user-fqdn "
	    "nobody\n", &l);
	err_is(&l, ":42: local-identity: \"nobody\" is not a user@host name",
	    "identity: a bad user-fqdn");
	load_base(NULL, "ike profile pf-cloud\n local-identity address "
	    "2001:db8::1\n", &l);
	err_is(&l, ":42: local-identity: \"2001:db8::1\" is not an IPv4 "
	    "address", "identity: a v6 address needs ipv6");
	load_base(NULL, "ike profile pf-cloud\n local-identity dn\n", &l);
	err_is(&l, ":42: local-identity: dn identities cannot be rendered",
	    "identity: dn");
	load_base(NULL, "ike profile pf-cloud\n local-identity email "
	    "a@example.com\n", &l);
	err_is(&l, ":42: local-identity: unknown identity type \"email\" "
	    "(cgwgen reads address, fqdn, user-fqdn)", "identity: email is "
	    "IKEv2's");
	load_base(NULL, "ike profile pf-cloud\n match remote identity address "
	    "range 203.0.113.1 203.0.113.9\n", &l);
	err_is(&l, ":42: match remote identity: an address range cannot be "
	    "rendered as an identity", "identity: a range");
	load_base(NULL, "ike profile pf-cloud\n match remote identity address "
	    "203.0.113.1 255.255.0.255\n", &l);
	err_is(&l, ":42: match remote identity: \"255.255.0.255\" is not a mask "
	    "or prefix length", "identity: a bad mask");
	load_base(NULL, "ike profile pf-cloud\n local-identity address "
	    "192.0.2.1 32\n", &l);
	err_is(&l, ":42: local-identity: unexpected \"32\"", "identity: no "
	    "mask on the local identity");
}

static void
t_dpd(void)
{
	struct load	l;

	is_int(load_base(NULL, "ike profile pf-cloud\n dpd interval 30 "
	    "on-demand\n", &l), 0, "dpd: default retry");
	is_int(t0(&l)->dpd_interval, 30, "dpd: interval");
	is_int(t0(&l)->dpd_timeout, 45, "dpd: timeout with the 5 s default "
	    "retry");
	load_free(&l);
	is_int(load_base(" dpd interval", "ike dpd interval 20 retry 2 "
	    "on-demand\n", &l), 0, "dpd: global");
	ok(t0(&l)->dpd_enabled && t0(&l)->dpd_interval == 20 &&
	    t0(&l)->dpd_timeout == 26, "dpd: the global setting applies");
	load_free(&l);
	is_int(load_base(NULL, "ike dpd interval 20 retry 2 on-demand\n", &l),
	    0, "dpd: both");
	is_int(t0(&l)->dpd_interval, 10, "dpd: the profile's wins");
	load_free(&l);
	load_base(NULL, "ike dpd interval 301 periodic\n", &l);
	err_is(&l, ":41: dpd interval: \"301\" is not a number from 1 to 300",
	    "dpd: interval range");
	load_base(NULL, "ike dpd interval 10 retry 61 periodic\n", &l);
	err_is(&l, ":41: dpd retry: \"61\" is not a number from 1 to 60",
	    "dpd: retry range");
	load_base(NULL, "ike profile pf-cloud\n dpd interval 10\n", &l);
	err_is(&l, ":42: dpd: expected on-demand or periodic, found \"\"",
	    "dpd: the mode is needed");
	load_base(NULL, "ike profile pf-cloud\n dpd 10\n", &l);
	err_is(&l, ":42: dpd: expected \"interval\", found \"10\"", "dpd: "
	    "interval keyword");
	load_base(NULL, "ike profile pf-cloud\n dpd interval 10 periodic x\n",
	    &l);
	err_is(&l, ":42: dpd: unexpected \"x\"", "dpd: trailing word");
	load_base(NULL, "ike dpd interval\n", &l);
	err_is(&l, ":41: dpd interval: a number from 1 to 300 is missing",
	    "dpd: no interval");
}

static void
t_route_v2(void)
{
	struct load		 l;
	struct connection	*c;
	struct tunnel		*t;

	is_int(load(route_v2, &l), 0, "route v2: loads");
	c = l.m == NULL ? NULL : &l.m->conns[0];
	t = t0(&l);
	is_str(c == NULL ? NULL : c->id, "vti2", "route v2: named after the "
	    "IPsec profile");
	is_str(t->remote_addr, "203.0.113.1", "route v2: the destination");
	is_str(t->local_addr, "198.51.100.10", "route v2: the source");
	is_str(t->psk, "the-psk", "route v2: the peer's key");
	is_int(t->ike_version, 2, "route v2: IKEv2");
	is_int(t->ike_mode, IKE_MAIN, "route v2: no aggressive mode");
	is_str(alg_id(t->ike_enc), "aes128-cbc", "route v2: encryption");
	is_str(alg_id(t->ike_integ), "sha1", "route v2: integrity");
	is_str(alg_id(t->ike_prf), "sha1", "route v2: prf");
	is_str(alg_id(t->ike_dh), "modp2048", "route v2: dh");
	is_int(t->ike_lifetime, 28800, "route v2: profile sa duration");
	is_str(t->local_id.value, "198.51.100.10", "route v2: identity local");
	is_str(t->remote_id.value, "203.0.113.1", "route v2: match remote "
	    "identity");
	is_str(alg_id(t->esp_enc), "aes128-cbc", "route v2: ESP encryption");
	is_str(alg_id(t->esp_pfs), "modp2048", "route v2: PFS");
	is_int(t->esp_lifetime, 3600, "route v2: ESP lifetime");
	is_int(t->routing, ROUTING_STATIC, "route v2: static routing");
	ok(t->nts == 1 && strcmp(t->ts[0].local, "0.0.0.0/0") == 0 &&
	    strcmp(t->ts[0].remote, "0.0.0.0/0") == 0, "route v2: selectors "
	    "carry everything");
	ok(t->dpd_enabled && t->dpd_interval == 10 && t->dpd_timeout == 25,
	    "route v2: DPD 10 s, default retry");
	ok(has_warning(&l, ":33: interface Tunnel1: the model holds no "
	    "routes: route 172.16.0.0/16, 172.17.0.0/16 into the tunnel on the "
	    "target, as the ip route-static lines do here"), "route v2: the "
	    "routes are named");
	is_int((long long)l.w.n, 1, "route v2: nothing else warned");
	load_free(&l);
}

/* The route-based example with changes, for the IKEv2 tests. */
static int
load_v2(const char *drop, const char *extra, struct load *l)
{
	struct buf	 b;
	const char	*p, *nl;
	char		*line;
	int		 rc;

	buf_init(&b, 0);
	for (p = route_v2; *p != '\0'; p = nl + 1) {
		nl = strchr(p, '\n');
		line = xstrndup(p, (size_t)(nl - p));
		if (!dropped(line, drop)) {
			buf_adds(&b, line, NULL);
			buf_addc(&b, '\n', NULL);
		}
		free(line);
	}
	if (extra != NULL)
		buf_adds(&b, extra, NULL);
	line = buf_release(&b);
	rc = load(line, l);
	free(line);
	return rc;
}

static void
t_v2_errors(void)
{
	struct load	l;

	load_v2(NULL, "ikev2 profile pf2\n authentication-method local "
	    "rsa-signature\n", &l);
	err_is(&l, ":41: authentication-method: \"rsa-signature\" cannot be "
	    "rendered", "v2: certificates refused");
	load_v2(NULL, "ikev2 profile pf2\n authentication-method both "
	    "pre-share\n", &l);
	err_is(&l, ":41: authentication-method: expected local or remote",
	    "v2: local or remote");
	load_v2(NULL, "ikev2 keychain kc2\n peer cloud\n  pre-shared-key "
	    "ciphertext $c$3$abc\n", &l);
	err_is(&l, ":42: pre-shared-key: the key is stored encrypted "
	    "(ciphertext)", "v2: ciphertext refused");
	load_v2(NULL, "ikev2 keychain kc2\n peer cloud\n  pre-shared-key "
	    "local plaintext a\n  pre-shared-key remote plaintext b\n", &l);
	err_is(&l, ":10: peer cloud has different local and remote pre-shared "
	    "keys", "v2: asymmetric keys refused");
	is_int(load_v2("  pre-shared-key", "ikev2 keychain kc2\n peer cloud\n  "
	    "pre-shared-key local plaintext same\n  pre-shared-key remote "
	    "plaintext same\n", &l), 0, "v2: equal local and remote keys");
	is_str(t0(&l)->psk, "same", "v2: the key");
	load_free(&l);
	is_int(load_v2("  pre-shared-key", "ikev2 keychain kc2\n peer cloud\n  "
	    "pre-shared-key remote plaintext only-remote\n", &l), 0, "v2: a "
	    "remote key only");
	is_str(t0(&l)->psk, "only-remote", "v2: the remote key");
	load_free(&l);
	load_v2("  pre-shared-key", NULL, &l);
	err_is(&l, ":10: peer cloud has no pre-shared-key", "v2: no key");
	load_v2(NULL, "ikev2 keychain kc2\n peer cloud\n  address 203.0.113.1 "
	    "255.255.0.255\n", &l);
	err_is(&l, ":42: address: \"255.255.0.255\" is not a mask", "v2: a bad "
	    "peer mask");
	load_v2("  address", NULL, &l);
	err_is(&l, ":13: interface Tunnel1: no peer address in the keychains "
	    "of ikev2 profile pf2 matches the cloud gateway 203.0.113.1",
	    "v2: no peer for the gateway");
	load_v2(NULL, "ikev2 profile pf2\n keychain nokc\n", &l);
	err_is(&l, ":41: keychain nokc is not defined (no \"ikev2 keychain "
	    "nokc\")", "v2: an undefined keychain");
	load_v2(" keychain kc2", NULL, &l);
	err_is(&l, ":14: ikev2 profile pf2 names no keychain", "v2: no "
	    "keychain");
	load_v2(" ikev2-profile", "ipsec profile vti2\n ikev2-profile pfx\n",
	    &l);
	err_is(&l, ":40: ikev2-profile pfx is not defined (no \"ikev2 profile "
	    "pfx\")", "v2: an undefined profile");
	load_v2(" encryption aes", NULL, &l);
	err_is(&l, ":1: ikev2 proposal p2 has no encryption", "v2: no "
	    "encryption");
	load_v2(" integrity", NULL, &l);
	err_is(&l, ":1: ikev2 proposal p2 has no integrity", "v2: no "
	    "integrity");
	load_v2(" dh group14", NULL, &l);
	err_is(&l, ":1: ikev2 proposal p2 has no dh", "v2: no dh");
	load_v2(" integrity", "ikev2 proposal p2\n encryption aes-gcm-128\n "
	    "prf\n", &l);
	err_is(&l, ":41: prf: the algorithm is missing", "v2: prf without "
	    "an algorithm");
	load_v2(" integrity", "ikev2 proposal p2\n encryption aes-gcm-256\n",
	    &l);
	ok(l.rc == 0, "v2: GCM with a prf and no integrity loads");
	ok(t0(&l)->ike_integ == NULL && strcmp(alg_id(t0(&l)->ike_prf),
	    "sha1") == 0 && strcmp(alg_id(t0(&l)->ike_enc), "aes256-gcm16") ==
	    0, "v2: GCM: no integrity, the prf");
	load_free(&l);
	load_v2(" prf", "ikev2 proposal p2\n encryption aes-gcm-256\n"
	    " integrity\n", &l);
	err_is(&l, ":41: integrity: the algorithm is missing", "v2: integrity "
	    "without an algorithm");
	load_v2(" integrity| prf", "ikev2 proposal p2\n encryption "
	    "aes-gcm-128\n", &l);
	err_is(&l, ":1: ikev2 proposal p2 has no prf (a combined-mode cipher "
	    "needs one)", "v2: GCM without a prf");
	load_v2(NULL, "ikev2 proposal p2\n integrity sha1 sha2\n", &l);
	err_is(&l, ":41: integrity: unknown value \"sha2\"", "v2: every "
	    "algorithm of a list is checked");
	load_v2(NULL, "ikev2 profile pf2\n match remote identity fqdn "
	    "-bad-.example..\n", &l);
	load_free(&l);
	load_v2(NULL, "ikev2 profile pf2\n match remote identity fqdn x\n "
	    "match remote identity address 1.2.3\n", &l);
	err_is(&l, ":42: match remote identity: \"1.2.3\" is not an IPv4 "
	    "address", "v2: a second remote identity is checked too");
	load_v2(NULL, "ikev2 proposal p2\n encryption rc4\n", &l);
	err_is(&l, ":41: encryption: unknown value \"rc4\"", "v2: unknown "
	    "cipher");
	load_v2(" proposal p2", "ikev2 policy pol2\n proposal nope\n", &l);
	err_is(&l, ":40: ikev2 policy pol2: proposal nope is not defined",
	    "v2: an undefined proposal");
	load_v2(NULL, "ikev2 policy pol2\n priority 0\n", &l);
	err_is(&l, ":41: priority: \"0\" is not a number", "v2: priority "
	    "range");
	load_v2(NULL, "ikev2 policy pol2\n proposal\n", &l);
	err_is(&l, ":41: proposal: the proposal name is missing", "v2: policy "
	    "proposal without a name");
	load_v2(NULL, "ikev2 profile pf2\n identity local key-id abc\n", &l);
	err_is(&l, ":41: identity local: key-id identities cannot be rendered",
	    "v2: key-id refused");
	load_v2(NULL, "ikev2 profile pf2\n sa duration 10\n", &l);
	err_is(&l, ":41: sa duration: \"10\" is not a number from 60",
	    "v2: IKE lifetime range");
	load_v2(NULL, "ikev2 proposal\n", &l);
	err_is(&l, ":40: ikev2 proposal: expected one name", "v2: a name");
	load_v2(NULL, "ikev2 keychain kc2\n peer\n", &l);
	err_is(&l, ":41: peer: expected one peer name", "v2: peer name");
	load_v2(NULL, "ikev2 profile pf2\n keychain a b\n", &l);
	err_is(&l, ":41: keychain: expected one keychain name", "v2: one "
	    "keychain a line");
	load_v2(" destination", NULL, &l);
	err_is(&l, ":33: interface Tunnel1: no destination: the cloud "
	    "gateway's address is not known", "v2: no destination");
	load_v2(NULL, "interface Tunnel1\n destination gw.example.com\n", &l);
	err_is(&l, ":41: destination: \"gw.example.com\" is not an IP address",
	    "v2: a named destination");
	load_v2(NULL, "interface Tunnel1\n source\n", &l);
	err_is(&l, ":41: source: the address is missing", "v2: source "
	    "without an address");
	load_v2(NULL, "ikev2 dpd interval 500 periodic\n", &l);
	err_is(&l, ":40: dpd interval: \"500\" is not a number", "v2: global "
	    "dpd range");
}

static void
t_v2_choices(void)
{
	struct load	 l;
	struct tunnel	*t;

	/* Without prf, the integrity algorithm is the PRF. */
	is_int(load_v2(" prf", "ikev2 proposal p2\n integrity sha256 sha1\n",
	    &l), 0, "v2: no prf");
	t = t0(&l);
	ok(strcmp(alg_id(t->ike_integ), "sha256") == 0 && t->ike_prf ==
	    t->ike_integ, "v2: the first integrity is also the PRF");
	ok(has_warning(&l, ":40: integrity lists 2 algorithms; the model holds "
	    "one: using the first, sha256"), "v2: the others warned");
	load_free(&l);
	/* No policy: the only proposal, with a warning. */
	is_int(load_v2(" proposal p2", "ikev2 policy pol2\n undo proposal\n",
	    &l), 0, "v2: a policy without a proposal");
	ok(has_warning(&l, "no ikev2 policy names a proposal; using Comware's "
	    "default IKEv2 proposal, the first of each of its lists "
	    "(aes-cbc-128, sha1, group5)"), "v2: default proposal warned");
	ok(strcmp(alg_id(t0(&l)->ike_dh), "modp1536") == 0, "v2: default "
	    "group5");
	load_free(&l);
	is_int(load_v2("ikev2 policy| priority 1| proposal p2", NULL, &l), 0,
	    "v2: no ikev2 policy");
	ok(has_warning(&l, ":1: interface Tunnel1: no ikev2 policy names ikev2 "
	    "proposal p2; using it all the same (Comware would use its default "
	    "proposal)"), "v2: the lone proposal is used, warned");
	is_str(alg_id(t0(&l)->ike_dh), "modp2048", "v2: its dh");
	load_free(&l);
	/* Two policies: the highest priority. */
	is_int(load_v2(NULL, "ikev2 proposal p3\n encryption aes-cbc-256\n "
	    "integrity sha512\n dh group19 group14\nikev2 policy pol3\n "
	    "priority 0001\n proposal p3\n", &l), 0, "v2: two policies");
	ok(strcmp(alg_id(t0(&l)->ike_enc), "aes128-cbc") == 0, "v2: equal "
	    "priority: the first");
	ok(has_warning(&l, "using ikev2 policy pol2 and its first proposal, p2 "
	    "(the model holds one)"), "v2: the choice warned");
	load_free(&l);
	is_int(load_v2(NULL, "ikev2 proposal p3\n encryption aes-cbc-256\n "
	    "integrity sha512\n dh group19\nikev2 policy pol0\n priority 0\n",
	    &l), -1, "v2: priority 0 refused");
	load_free(&l);
	is_int(load_v2(NULL, "ikev2 proposal p3\n encryption aes-cbc-256 sm4-cbc"
	    "\n integrity sha512\n dh group19\nikev2 policy pol3\n priority 1\n"
	    " proposal p3\nikev2 policy pol2\n priority 2\n", &l), 0,
	    "v2: priorities");
	ok(strcmp(alg_id(t0(&l)->ike_enc), "aes256-cbc") == 0 &&
	    strcmp(alg_id(t0(&l)->ike_dh), "ecp256") == 0, "v2: the lower "
	    "number wins");
	load_free(&l);
	/* Identities and the keychain peer's. */
	is_int(load_v2(" match remote", "ikev2 profile pf2\n identity local "
	    "email vpn@example.com\nikev2 keychain kc2\n peer cloud\n  identity "
	    "fqdn gw.example.com\n", &l), 0, "v2: the peer's identity");
	ok(t0(&l)->local_id.type == ID_USER_FQDN, "v2: email is user-fqdn");
	ok(t0(&l)->remote_id.type == ID_FQDN &&
	    strcmp(t0(&l)->remote_id.value, "gw.example.com") == 0, "v2: the "
	    "keychain peer's identity is the remote id");
	load_free(&l);
	is_int(load_v2("  identity| identity local| match remote", NULL, &l),
	    0, "v2: no identities");
	ok(has_warning(&l, ":30: interface Tunnel1: no identity local; this "
	    "device identifies itself by its address, 198.51.100.10"), "v2: "
	    "the local address is the identity");
	ok(has_warning(&l, ":30: interface Tunnel1: no match remote identity; "
	    "expecting the cloud gateway to identify itself by its address, "
	    "203.0.113.1"), "v2: and the remote");
	load_free(&l);
	/* Lifetimes, DPD, a second keychain and a hostname peer line. */
	is_int(load_v2(" sa duration 28800", "ikev2 dpd interval 30 retry 10 "
	    "on-demand\nikev2 nat-keepalive 20\nikev2 keychain kc3\n peer other"
	    "\n  hostname gw\n  address 203.0.113.0 24\n  pre-shared-key "
	    "plaintext wide\n quit\n peer x\n quit\nquit\nikev2 profile pf2\n "
	    "keychain kc3\n nat-keepalive 10\n match local address "
	    "198.51.100.10\n", &l), 0, "v2: more");
	t = t0(&l);
	is_int(t->ike_lifetime, 86400, "v2: default IKE SA lifetime");
	ok(has_warning(&l, ":14: ikev2 profile pf2: no sa duration; using "
	    "Comware's default 86400 seconds"), "v2: warned");
	is_str(t->psk, "the-psk", "v2: the longest peer address");
	ok(t->dpd_interval == 10, "v2: the profile's DPD over the global");
	ok(has_warning(&l, ":43: not read: hostname gw"), "v2: hostname not "
	    "read");
	load_free(&l);
	is_int(load_v2(" dpd interval", "ikev2 dpd interval 30 retry 10 "
	    "on-demand\n", &l), 0, "v2: global DPD");
	ok(t0(&l)->dpd_interval == 30 && t0(&l)->dpd_timeout == 60, "v2: "
	    "global DPD used");
	load_free(&l);
	is_int(load_v2(NULL, "ikev2 profile pf2\n match remote identity fqdn "
	    "gw.example.com\n match vrf name x\nikev2 policy pol2\n match "
	    "local address 198.51.100.10\n", &l), 0, "v2: a second remote "
	    "identity");
	ok(has_warning(&l, ":41: ikev2 profile pf2 matches more than one "
	    "remote identity; the model holds one: using the first, "
	    "203.0.113.1"), "v2: warned");
	ok(!find_warning(&l, "not read"), "v2: match local and match vrf "
	    "are read");
	load_free(&l);
	/* Both profiles named: IKEv2. */
	is_int(load_v2(NULL, "ike profile p1\nipsec profile vti2\n ike-profile "
	    "p1\n", &l), 0, "v2: both profiles");
	is_int(t0(&l)->ike_version, 2, "v2: IKEv2 is rendered");
	ok(has_warning(&l, ":42: interface Tunnel1 names both an ike-profile "
	    "and an ikev2-profile; the model holds one IKE version: rendering "
	    "IKEv2"), "v2: warned");
	load_free(&l);
	/* Source as an interface name. */
	is_int(load_v2(" source", "interface GigabitEthernet 1/0/1\n ip "
	    "address 192.0.2.9 24\ninterface Tunnel1\n source "
	    "GigabitEthernet1/0/1\n", &l), 0, "v2: source interface");
	is_str(t0(&l)->local_addr, "192.0.2.9", "v2: its address");
	load_free(&l);
	is_int(load_v2(" source", "interface Tunnel1\n source Dialer0\n", &l),
	    0, "v2: an unknown source interface");
	ok(t0(&l)->local_addr == NULL, "v2: no local address");
	load_free(&l);
}

static void
t_transform_set(void)
{
	struct load	 l;
	struct tunnel	*t;

	load_base(NULL, "ipsec transform-set ts-cloud\n encapsulation-mode "
	    "transport\n", &l);
	err_is(&l, ":42: encapsulation-mode transport cannot be rendered",
	    "tset: transport mode");
	load_base(NULL, "ipsec transform-set ts-cloud\n encapsulation-mode "
	    "bus\n", &l);
	err_is(&l, ":42: encapsulation-mode: unknown value \"bus\"", "tset: "
	    "bad mode");
	load_base(NULL, "ipsec transform-set ts-cloud\n protocol ah-esp\n", &l);
	err_is(&l, ":42: protocol ah-esp cannot be rendered (the model is ESP "
	    "only)", "tset: AH");
	is_int(load_base(NULL, "ipsec transform-set ts-cloud\n esp "
	    "encryption-algorithm aes-cbc-256 aes-cbc-128\n esp "
	    "authentication-algorithm sha384 sha1\n", &l), 0, "tset: lists");
	t = t0(&l);
	ok(strcmp(alg_id(t->esp_enc), "aes256-cbc") == 0 &&
	    strcmp(alg_id(t->esp_integ), "sha384") == 0, "tset: the first of "
	    "each");
	ok(has_warning(&l, ":42: esp encryption-algorithm lists 2 algorithms; "
	    "the model holds one: using the first, aes-cbc-256"), "tset: "
	    "warned");
	load_free(&l);
	is_int(load_base(NULL, "ipsec transform-set ts-cloud\n esp "
	    "encryption-algorithm gcm-256\n", &l), 0, "tset: GCM");
	ok(t0(&l)->esp_integ == NULL && strcmp(alg_id(t0(&l)->esp_enc),
	    "aes256-gcm16") == 0, "tset: GCM carries integrity");
	ok(has_warning(&l, ":42: transform-set ts-cloud: AES-GCM-256 (16-octet "
	    "ICV) carries its own integrity; esp authentication-algorithm is "
	    "not used"), "tset: the unused integrity warned");
	load_free(&l);
	is_int(load_base(NULL, "ipsec transform-set ts-cloud\n esp "
	    "encryption-algorithm null\n esp authentication-algorithm sm3\n",
	    &l), 0, "tset: null and sm3");
	ok(strcmp(alg_id(t0(&l)->esp_enc), "null") == 0 &&
	    strcmp(alg_id(t0(&l)->esp_integ), "sm3") == 0, "tset: mapped");
	load_free(&l);
	load_base(" esp encryption", NULL, &l);
	err_is(&l, ":22: transform-set ts-cloud has no esp "
	    "encryption-algorithm", "tset: no cipher");
	load_base(" esp authentication", NULL, &l);
	err_is(&l, ":22: transform-set ts-cloud has no esp "
	    "authentication-algorithm (the model needs one with AES-CBC-128)",
	    "tset: no integrity");
	load_base(NULL, "ipsec transform-set ts-cloud\n esp "
	    "encryption-algorithm aes-cbc-512\n", &l);
	err_is(&l, ":42: esp encryption-algorithm: unknown value "
	    "\"aes-cbc-512\" (cgwgen reads des-cbc, 3des-cbc, aes-cbc-128, "
	    "aes-cbc-192, aes-cbc-256, aes-gcm-128, aes-gcm-192, aes-gcm-256, "
	    "gcm-128, gcm-192, gcm-256, sm4-cbc, null)", "tset: unknown cipher");
	load_base(NULL, "ipsec transform-set ts-cloud\n esp "
	    "authentication-algorithm sha\n", &l);
	err_is(&l, ":42: esp authentication-algorithm: unknown value \"sha\"",
	    "tset: sha is IKE's spelling");
	load_base(NULL, "ipsec transform-set ts-cloud\n pfs group14\n", &l);
	err_is(&l, ":42: pfs: unknown value \"group14\" (cgwgen reads "
	    "dh-group1, dh-group2", "tset: pfs spelling");
	is_int(load_base(" pfs", NULL, &l), 0, "tset: no PFS");
	ok(t0(&l)->esp_pfs == NULL, "tset: none");
	load_free(&l);
	is_int(load_base(NULL, "ipsec policy pol-cloud 10 isakmp\n pfs "
	    "dh-group24\n", &l), 0, "tset: pfs in the policy");
	is_str(alg_id(t0(&l)->esp_pfs), "modp2048s256", "tset: the policy's "
	    "wins");
	load_free(&l);
	load_base(NULL, "ipsec policy pol-cloud 10 isakmp\n pfs dh-group3\n",
	    &l);
	err_is(&l, ":42: pfs: unknown value \"dh-group3\"", "tset: a bad "
	    "pfs in the policy");
	load_base(" transform-set ts-cloud", NULL, &l);
	err_is(&l, ":29: ipsec policy pol-cloud 10 names no transform-set",
	    "tset: none named (applied policy)");
	load_base(NULL, "ipsec policy pol-cloud 10 isakmp\n transform-set\n",
	    &l);
	err_is(&l, ":42: transform-set: the name is missing", "tset: no name");
	load_base(" transform-set ts-cloud", "ipsec policy pol-cloud 10 isakmp"
	    "\n transform-set ts-other\n", &l);
	err_is(&l, ":41: transform-set ts-other is not defined (no \"ipsec "
	    "transform-set ts-other\")", "tset: undefined");
	is_int(load_base(" transform-set ts-cloud", "ipsec transform-set ts2\n "
	    "esp encryption-algorithm 3des-cbc\n esp authentication-algorithm "
	    "md5\nipsec policy pol-cloud 10 isakmp\n transform-set ts2 "
	    "ts-cloud\n", &l), 0, "tset: two named");
	is_str(alg_id(t0(&l)->esp_enc), "3des-cbc", "tset: the first");
	ok(has_warning(&l, ":44: ipsec policy pol-cloud 10 offers 2 transform "
	    "sets; the model holds one: using the first, ts2"), "tset: warned");
	load_free(&l);
	load_base(NULL, "ipsec transform-set\n", &l);
	err_is(&l, ":41: ipsec transform-set: expected one name", "tset: "
	    "the name");
}

static void
t_acl(void)
{
	struct load	 l;
	struct tunnel	*t;

	is_int(load_base(NULL, "acl advanced 3001\n rule 10 permit ip source "
	    "any destination 192.168.7.7 0\n rule 15 permit ip source 10.0.0.0 "
	    "0.0.255.255 destination 172.16.0.0 0.0.255.255 counting\n rule 20 "
	    "deny ip\n rule 25 deny ip source 1.2.3.4 0 destination-port eq 80"
	    "\n step 5\n", &l), 0, "acl: more rules");
	t = t0(&l);
	is_int((long long)t->nts, 3, "acl: a duplicate rule is one pair");
	if (t->nts == 3) {
		is_str(t->ts[2].local, "0.0.0.0/0", "acl: source any");
		is_str(t->ts[2].remote, "192.168.7.7/32", "acl: wildcard 0 is a "
		    "host");
	} else
		skip("acl: selectors");
	ok(has_warning(&l, ":44: acl 3001: 2 deny rules are not rendered: "
	    "traffic selectors cannot exclude traffic, so the permit rules are "
	    "protected whole"), "acl: deny rules warned");
	load_free(&l);
	is_int(load_base(NULL, "acl advanced 3001\n rule permit ip source "
	    "10.0.0.1 0.0.0.255\n", &l), 0, "acl: host bits");
	ok(has_warning(&l, ":42: rule: 10.0.0.1 with that mask has host bits "
	    "set; using 10.0.0.0/24"), "acl: host bits warned");
	ok(t0(&l)->nts == 3 && strcmp(t0(&l)->ts[2].remote, "0.0.0.0/0") == 0,
	    "acl: destination omitted is any");
	load_free(&l);
	load_base(NULL, "acl advanced 3001\n rule permit tcp source any\n",
	    &l);
	err_is(&l, ":42: rule: protocol \"tcp\" cannot be rendered (traffic "
	    "selectors carry every protocol: ip)", "acl: tcp refused");
	load_base(NULL, "acl advanced 3001\n rule permit ip source any "
	    "destination-port eq 443\n", &l);
	err_is(&l, ":42: rule: \"destination-port\" cannot be rendered (cgwgen "
	    "reads source and destination)", "acl: ports refused");
	load_base(NULL, "acl advanced 3001\n rule permit ip source 10.0.0.0 "
	    "0.255.0.255\n", &l);
	err_is(&l, ":42: rule: \"0.255.0.255\" after 10.0.0.0 is not a "
	    "wildcard mask (inverse mask, 0.0.0.255 for a /24)", "acl: a "
	    "non-contiguous wildcard");
	load_base(NULL, "acl advanced 3001\n rule permit ip source 10.0.0.0 "
	    "24\n", &l);
	err_is(&l, ":42: rule: \"24\" after 10.0.0.0 is not a wildcard mask",
	    "acl: a length is no wildcard");
	load_base(NULL, "acl advanced 3001\n rule permit ip destination "
	    "10.0.0.0\n", &l);
	err_is(&l, ":42: rule: \"\" after 10.0.0.0 is not a wildcard mask",
	    "acl: a destination without a wildcard");
	load_base(NULL, "acl advanced 3001\n rule permit ip source ten\n", &l);
	err_is(&l, ":42: rule: \"ten\" is not an IPv4 address", "acl: an "
	    "address");
	load_base(NULL, "acl advanced 3001\n rule allow ip\n", &l);
	err_is(&l, ":42: rule: expected permit or deny, found \"allow\"",
	    "acl: permit or deny");
	is_int(load_base(NULL, "acl advanced 3001\n rule 30 comment the cloud\n",
	    &l), 0, "acl: rule comments are accepted");
	load_free(&l);
	load_base(NULL, "acl advanced 4000\n", &l);
	err_is(&l, ":41: acl: \"4000\" is not a number from 2000 to 3999",
	    "acl: the number range");
	load_base(NULL, "acl advanced name cloud\n", &l);
	err_is(&l, ":41: acl advanced name: cgwgen reads numbered ACLs",
	    "acl: named ACLs");
	load_base(NULL, "acl advanced 3001 match-order config extra\n", &l);
	err_is(&l, ":41: acl: unexpected \"extra\"", "acl: trailing word");
	is_int(load_base(" security acl", "acl number 3009 match-order auto\n "
	    "rule permit source 10.9.0.0 0.0.0.255\nipsec policy pol-cloud 10 "
	    "isakmp\n security acl 3009 aggregation\n", &l), 0, "acl: acl "
	    "number, a basic rule");
	ok(t0(&l)->nts == 1 && strcmp(t0(&l)->ts[0].local, "10.9.0.0/24") == 0
	    && strcmp(t0(&l)->ts[0].remote, "0.0.0.0/0") == 0, "acl: source "
	    "only");
	load_free(&l);
	load_base(" security acl", "acl advanced 3002\n rule deny ip\n"
	    "ipsec policy pol-cloud 10 isakmp\n security acl 3002\n", &l);
	err_is(&l, ":40: acl 3002 has no permit rule: the policy protects no "
	    "traffic", "acl: only deny");
	load_base(" security acl", "ipsec policy pol-cloud 10 isakmp\n "
	    "security acl 3999\n", &l);
	err_is(&l, ":41: security acl 3999 is not defined (no \"acl advanced "
	    "3999\")", "acl: undefined");
	load_base(" security acl", NULL, &l);
	err_is(&l, ":29: ipsec policy pol-cloud 10 names no security acl",
	    "acl: none named");
	load_base(NULL, "ipsec policy pol-cloud 10 isakmp\n security acl "
	    "1000\n", &l);
	err_is(&l, ":42: security acl: \"1000\" is not an ACL number", "acl: "
	    "reference range");
	load_base(NULL, "ipsec policy pol-cloud 10 isakmp\n security acl name "
	    "x\n", &l);
	err_is(&l, ":42: security acl name: cgwgen reads numbered ACLs",
	    "acl: reference by name");
	is_int(load_base(" rule ", "acl advanced 3001\n rule permit ip\n", &l),
	    0, "acl: any to any");
	is_int(t0(&l)->routing, ROUTING_STATIC, "acl: rendered route-based");
	ok(has_warning(&l, ":1: ipsec policy pol-cloud 10: acl 3001 permits "
	    "everything, which a policy-based tunnel would send into the "
	    "tunnel; rendering it route-based"), "acl: warned");
	load_free(&l);
	/* IPv6 rules. */
	is_int(load_base(" security acl", "acl ipv6 advanced 3100\n rule "
	    "permit ipv6 source 2001:db8:1::/48 destination 2001:db8:2:: 48\n"
	    "ipsec policy pol-cloud 10 isakmp\n security acl ipv6 3100\n", &l),
	    0, "acl: IPv6");
	ok(t0(&l)->nts == 1 && strcmp(t0(&l)->ts[0].local, "2001:db8:1::/48") ==
	    0 && strcmp(t0(&l)->ts[0].remote, "2001:db8:2::/48") == 0,
	    "acl: IPv6 prefixes");
	load_free(&l);
	load_base(NULL, "acl ipv6 advanced 3100\n rule permit ipv6 source "
	    "2001:db8::/129\n", &l);
	err_is(&l, ":42: rule: \"2001:db8::/129\" is not an IPv6 prefix",
	    "acl: a bad IPv6 prefix");
}

static void
t_ipsec_policy(void)
{
	struct load	l;

	load_base(NULL, "ipsec policy pol-cloud 10 manual\n", &l);
	err_is(&l, ":41: ipsec policy pol-cloud: manual (keys typed in) SAs "
	    "cannot be rendered", "ipol: manual refused");
	load_base(NULL, "ipsec profile vti manual\n", &l);
	err_is(&l, ":41: ipsec profile vti: manual", "ipol: manual profile");
	load_base(NULL, "ipsec policy pol-cloud x isakmp\n", &l);
	err_is(&l, ":41: ipsec policy sequence number: \"x\" is not a number",
	    "ipol: sequence number");
	load_base(NULL, "ipsec policy pol-cloud\n", &l);
	err_is(&l, ":41: ipsec policy sequence number: a number from 1 to "
	    "65535 is missing", "ipol: no sequence number");
	load_base(NULL, "ipsec policy pol-cloud 10 isakmp extra\n", &l);
	err_is(&l, ":41: ipsec: unexpected \"extra\"", "ipol: trailing word");
	load_base(NULL, "ipsec profile pol-cloud 10\n", &l);
	err_is(&l, ":41: ipsec: unexpected \"10\"", "ipol: profile without a "
	    "number");
	is_int(load_base(NULL, "ipsec policy pol-cloud 20 isakmp template t\n",
	    &l), 0, "ipol: a template policy");
	ok(has_warning(&l, ":41: not read: ipsec policy pol-cloud 20 isakmp "
	    "template t"), "ipol: not read");
	load_free(&l);
	load_base(NULL, "ipsec policy pol-cloud 10 isakmp\n remote-address "
	    "1.2.3.4 5\n", &l);
	err_is(&l, ":42: remote-address: expected one address", "ipol: one "
	    "address");
	load_base(NULL, "ipsec policy pol-cloud 10 isakmp\n local-address "
	    "gw.example.com\n", &l);
	err_is(&l, ":42: local-address: \"gw.example.com\" is not an IPv4 "
	    "address", "ipol: local-address");
	load_base(NULL, "ipsec policy pol-cloud 10 isakmp\n remote-address "
	    "ipv6 203.0.113.1\n", &l);
	err_is(&l, ":42: remote-address: \"203.0.113.1\" is not an IPv6 "
	    "address", "ipol: remote-address ipv6");
	load_base(NULL, "ipsec policy pol-cloud 10 isakmp\n remote-address "
	    "gw.example.com\n", &l);
	err_is(&l, ":42: ipsec policy pol-cloud 10: the remote-address "
	    "gw.example.com is a host name; give the cloud gateway's IP "
	    "address with --peer-address", "ipol: a host name");
	{
		struct source_opts	 opts;
		struct buf		 b;
		char			*s;

		memset(&opts, 0, sizeof(opts));
		opts.peer_address = "203.0.113.1";
		buf_init(&b, 0);
		buf_adds(&b, base_v1, NULL);
		buf_adds(&b, "ipsec policy pol-cloud 10 isakmp\n remote-address "
		    "gw.example.com\n", NULL);
		s = buf_release(&b);
		is_int(load_opts(s, &opts, &l), 0, "ipol: a host name with "
		    "--peer-address");
		is_str(t0(&l)->remote_addr, "203.0.113.1", "ipol: the given "
		    "address");
		load_free(&l);
		free(s);
	}
	/* A missing remote address. */
	load_base(" remote-address", "ike keychain kc-cloud\n pre-shared-key "
	    "address 0.0.0.0 0.0.0.0 key simple any\n", &l);
	err_is(&l, ":29: ipsec policy pol-cloud 10: no remote-address: the "
	    "cloud gateway's address is not known; add it, or give it with "
	    "--peer-address", "ipol: a missing remote address is refused");
	load_v2(" destination| ikev2-profile", "ipsec profile vti2\n "
	    "ike-profile p1\nike profile p1\n keychain k1\nike keychain k1\n "
	    "pre-shared-key address 0.0.0.0 0 key simple k\n", &l);
	err_is(&l, ":32: interface Tunnel1: no destination: the cloud "
	    "gateway's address is not known; add it, or give it with "
	    "--peer-address", "ipol: an IKEv1 tunnel without a destination");
	is_int(load_base(" remote-address", NULL, &l), 0, "ipol: the keychain's "
	    "single address");
	is_str(t0(&l)->remote_addr, "203.0.113.1", "ipol: from the keychain");
	ok(has_warning(&l, ":29: ipsec policy pol-cloud 10: no remote-address; "
	    "using the address of keychain kc-cloud's key, 203.0.113.1"),
	    "ipol: warned");
	load_free(&l);
}

static void
t_ipv6(void)
{
	struct load	 l;
	struct tunnel	*t;

	is_int(load(
	    "ike keychain kc\n pre-shared-key address ipv6 2001:db8:ff::0 48 "
	    "key simple v6-psk\n"
	    "ike profile pf\n keychain kc\n local-identity address ipv6 "
	    "2001:db8:1::1\n match remote identity address ipv6 "
	    "2001:db8:ff::1 128\n"
	    "ipsec transform-set ts\n esp encryption-algorithm aes-cbc-256\n"
	    " esp authentication-algorithm sha256\n"
	    "acl ipv6 advanced 3000\n rule permit ipv6 source 2001:db8:10::/48 "
	    "destination any\n"
	    "ipsec policy p 1 isakmp\n transform-set ts\n security acl ipv6 "
	    "3000\n remote-address ipv6 2001:db8:ff::1\n local-address ipv6 "
	    "2001:db8:1::1\n ike-profile pf\n sa duration time-based 3600\n"
	    " sa duration traffic-based 9000\n"
	    "interface GigabitEthernet1/0/1\n ipsec apply policy p\n", &l), 0,
	    "ipv6: loads");
	t = t0(&l);
	is_str(t->remote_addr, "2001:db8:ff::1", "ipv6: remote-address ipv6");
	is_str(t->local_addr, "2001:db8:1::1", "ipv6: local-address ipv6");
	is_str(t->psk, "v6-psk", "ipv6: the key of the /48");
	is_str(t->local_id.value, "2001:db8:1::1", "ipv6: local identity");
	is_str(t->remote_id.value, "2001:db8:ff::1", "ipv6: remote identity");
	ok(t->nts == 1 && strcmp(t->ts[0].local, "2001:db8:10::/48") == 0 &&
	    strcmp(t->ts[0].remote, "::/0") == 0, "ipv6: selectors");
	is_int(t->routing, ROUTING_POLICY, "ipv6: policy-based");
	ok(l.w.n == 1 && has_warning(&l, ": ipsec policy p 1: no ike proposal; "
	    "using Comware's default proposal"), "ipv6: only the default "
	    "proposal is warned");
	load_free(&l);
	is_int(load_base(" remote-address| ipsec apply| keychain kc-cloud",
	    "ike keychain v6\n "
	    "pre-shared-key address ipv6 2001:db8::9 key simple one\n"
	    "ike profile pf-cloud\n keychain v6\n", &l), 0, "ipv6: a key's "
	    "host address without remote-address");
	is_str(t0(&l)->remote_addr, "2001:db8::9", "ipv6: from the keychain");
	load_free(&l);
	load_base(NULL, "ike keychain kc-cloud\n pre-shared-key address ipv6 "
	    "2001:db8::1 255.255.255.0 key simple k\n", &l);
	err_is(&l, ":42: pre-shared-key: \"255.255.255.0\" is not a mask or "
	    "prefix length", "ipv6: a dotted mask is IPv4's");
}

static void
t_lifetimes(void)
{
	struct load	l;

	is_int(load_base(" sa duration t", NULL, &l), 0, "life: defaults");
	is_int(t0(&l)->esp_lifetime, 3600, "life: 3600 s");
	is_int((long long)t0(&l)->esp_lifetime_kb, 1843200, "life: 1843200 KB");
	ok(has_warning(&l, ":29: ipsec policy pol-cloud 10: no sa duration "
	    "time-based; using Comware's default 3600 seconds") &&
	    has_warning(&l, ":29: ipsec policy pol-cloud 10: no sa duration "
	    "traffic-based; using Comware's default 1843200 kilobytes"),
	    "life: both warned");
	load_free(&l);
	is_int(load_base(" sa duration t", "ipsec sa global-duration time-based "
	    "7200\nipsec sa global-duration traffic-based 10240\n", &l), 0,
	    "life: global");
	ok(t0(&l)->esp_lifetime == 7200 && t0(&l)->esp_lifetime_kb == 10240,
	    "life: global values");
	is_int((long long)l.w.n, 0, "life: not warned");
	load_free(&l);
	is_int(load_base(NULL, "ipsec sa global-duration time-based 7200\n"
	    "ipsec policy pol-cloud 10 isakmp\n SA LIFETIME TIME-BASED 900\n",
	    &l), 0, "life: the policy's");
	is_int(t0(&l)->esp_lifetime, 900, "life: over the global one");
	load_free(&l);
	load_base(NULL, "ipsec policy pol-cloud 10 isakmp\n sa duration "
	    "time-based 179\n", &l);
	err_is(&l, ":42: sa duration time-based: \"179\" is not a number from "
	    "180 to 604800", "life: time range");
	load_base(NULL, "ipsec policy pol-cloud 10 isakmp\n sa duration "
	    "traffic-based 2559\n", &l);
	err_is(&l, ":42: sa duration traffic-based: \"2559\" is not a number "
	    "from 2560 to 4294967295", "life: volume range");
	load_base(NULL, "ipsec policy pol-cloud 10 isakmp\n sa duration "
	    "idle 60\n", &l);
	err_is(&l, ":42: sa duration: expected time-based or traffic-based, "
	    "found \"idle\"", "life: kind");
	load_base(NULL, "ipsec sa global-duration time-based 600 x\n", &l);
	err_is(&l, ":41: ipsec: unexpected \"x\"", "life: global trailing "
	    "word");
}

static void
t_addresses(void)
{
	struct load	l;

	is_int(load_base(" ip address", NULL, &l), 0, "addr: no interface "
	    "address");
	ok(t0(&l)->local_addr == NULL, "addr: local address unknown");
	load_free(&l);
	is_int(load_base(NULL, "ipsec policy pol-cloud 10 isakmp\n "
	    "local-address 198.51.100.99\n", &l), 0, "addr: local-address");
	is_str(t0(&l)->local_addr, "198.51.100.99", "addr: over the "
	    "interface's");
	load_free(&l);
	is_int(load_base(NULL, NULL, &l), 0, "addr: the applied interface");
	is_str(t0(&l)->local_addr, "198.51.100.10", "addr: its address");
	load_free(&l);
	is_int(load_base(NULL, "interface GigabitEthernet1/0/1\n ip address "
	    "198.51.100.11 255.255.255.0 sub\n", &l), 0, "addr: a sub address");
	is_str(t0(&l)->local_addr, "198.51.100.10", "addr: the primary");
	load_free(&l);
	load_base(NULL, "interface GigabitEthernet1/0/1\n ip address "
	    "198.51.100.10\n", &l);
	err_is(&l, ":42: ip address: expected an IPv4 address and a mask, "
	    "found \"198.51.100.10 \"", "addr: a mask is needed");
	load_base(NULL, "interface GigabitEthernet1/0/1\n ip address "
	    "198.51.100.10 24 extra\n", &l);
	err_is(&l, ":42: ip: unexpected \"extra\"", "addr: trailing word");
}

static void
t_candidates(void)
{
	struct load	l;

	is_int(load_base(" ipsec apply", NULL, &l), 0, "cand: not applied but "
	    "complete");
	ok(has_warning(&l, ":29: ipsec policy pol-cloud is not applied to an "
	    "interface (ipsec apply policy); rendering it all the same"),
	    "cand: warned");
	ok(t0(&l)->local_addr == NULL, "cand: no interface address");
	load_free(&l);
	is_int(load_base(NULL, "ipsec policy other 1 isakmp\n remote-address "
	    "192.0.2.99\n", &l), 0, "cand: an incomplete policy");
	ok(has_warning(&l, ":41: ipsec policy other 1 is neither applied to an "
	    "interface nor complete (transform-set and security acl); not "
	    "rendered"), "cand: skipped, warned");
	is_int(l.m == NULL ? 0 : (long long)l.m->nconns, 1, "cand: one "
	    "connection");
	load_free(&l);
	load_base(NULL, "interface GigabitEthernet1/0/2\n ipsec apply policy "
	    "nope\n", &l);
	err_is(&l, ":42: ipsec apply policy: policy nope is not defined",
	    "cand: applying an undefined policy");
	load_base(NULL, "interface GigabitEthernet1/0/2\n ipsec apply policy\n",
	    &l);
	err_is(&l, ":42: ipsec apply policy: expected one policy name",
	    "cand: apply without a name");
	/* Two entries of one policy. */
	is_int(load_base(NULL, "ipsec policy pol-cloud 20 isakmp\n "
	    "transform-set ts-cloud\n security acl 3001\n remote-address "
	    "203.0.113.2\n ike-profile pf-cloud\n", &l), -1, "cand: the second "
	    "entry's peer has no key");
	ok(strstr(msg(&l), "no pre-shared-key address in the profile's "
	    "keychains matches the cloud gateway 203.0.113.2") != NULL,
	    "cand: %s", msg(&l));
	load_free(&l);
	is_int(load_base(NULL, "ike keychain kc-cloud\n pre-shared-key address "
	    "203.0.113.2 key simple second\nipsec policy pol-cloud 20 isakmp\n "
	    "transform-set ts-cloud\n security acl 3001\n remote-address "
	    "203.0.113.2\n ike-profile pf-cloud\n sa duration time-based 7200\n"
	    " sa duration traffic-based 9000\n", &l), 0, "cand: two entries");
	ok(l.m != NULL && l.m->nconns == 2 && strcmp(l.m->conns[0].id,
	    "pol-cloud-10") == 0 && strcmp(l.m->conns[1].id, "pol-cloud-20") ==
	    0, "cand: named NAME-SEQ");
	ok(l.m != NULL && l.m->nconns == 2 && strcmp(l.m->conns[1].tunnels[0].psk,
	    "second") == 0, "cand: each with its key");
	load_free(&l);
}

static void
t_ids(void)
{
	struct source_opts	 opts;
	struct load		 l;
	struct buf		 b;
	char			*s, *two;
	static char		 given[] = "vpnx-given", second[] =
				    "pol-cloud-20", nope[] = "nope";
	static char *const	 one[] = { given };
	static char *const	 sel[] = { second };
	static char *const	 miss[] = { nope };

	memset(&opts, 0, sizeof(opts));
	opts.ids = one;
	opts.nids = 1;
	is_int(load_opts(base_v1, &opts, &l), 0, "ids: one --connection");
	is_str(l.m == NULL ? NULL : l.m->conns[0].id, "vpnx-given", "ids: "
	    "names the single connection");
	is_str(t0(&l)->id, "vpnx-given", "ids: and its tunnel");
	load_free(&l);

	buf_init(&b, 0);
	buf_adds(&b, "# Your VPN Connection ID : vpnx-abc123\r\n", NULL);
	buf_adds(&b, "# (not xvpnx-zzz nor vpnx-)\r\n", NULL);
	buf_adds(&b, base_v1, NULL);
	s = buf_release(&b);
	is_int(load(s, &l), 0, "ids: a comment");
	is_str(l.m == NULL ? NULL : l.m->conns[0].id, "vpnx-abc123", "ids: "
	    "the comment's vpnx- id");
	load_free(&l);

	buf_init(&b, 0);
	buf_adds(&b, s, NULL);
	buf_adds(&b, "ike keychain kc-cloud\n pre-shared-key address "
	    "203.0.113.2 key simple second\nipsec policy pol-cloud 20 isakmp\n "
	    "transform-set ts-cloud\n security acl 3001\n remote-address "
	    "203.0.113.2\n ike-profile pf-cloud\n sa duration time-based 7200\n"
	    " sa duration traffic-based 9000\n# vpnx-other\n", NULL);
	two = buf_release(&b);
	is_int(load(two, &l), 0, "ids: two connections and comments");
	ok(has_warning(&l, ":1: the comments name vpnx-abc123, but the "
	    "configuration holds 2 connections; they are named after their "
	    "policies"), "ids: the comment is not used");
	load_free(&l);
	opts.ids = sel;
	is_int(load_opts(two, &opts, &l), 0, "ids: --connection selects");
	ok(l.m != NULL && l.m->nconns == 1 && strcmp(l.m->conns[0].id,
	    "pol-cloud-20") == 0, "ids: the one selected");
	load_free(&l);
	opts.ids = miss;
	is_int(load_opts(two, &opts, &l), -1, "ids: an unknown --connection");
	ok(strstr(l.err.msg, "connection nope is not in this input (it holds "
	    "pol-cloud-10, pol-cloud-20)") != NULL, "ids: %s", l.err.msg);
	load_free(&l);
	free(two);
	free(s);

	is_int(load_base(NULL, "ipsec policy pol-cloud 10 isakmp\ninterface "
	    "GigabitEthernet1/0/1\n ipsec apply policy my.pol\nipsec policy "
	    "my.pol 1 isakmp\n transform-set ts-cloud\n security acl 3001\n "
	    "remote-address 203.0.113.1\n ike-profile pf-cloud\n sa duration "
	    "time-based 3600\n sa duration traffic-based 9000\n", &l), 0,
	    "ids: a name with a dot");
	ok(l.m != NULL && l.m->nconns == 2 && strcmp(l.m->conns[1].id,
	    "my_pol") == 0, "ids: made a token");
	ok(has_warning(&l, ":44: ipsec policy my.pol 1: \"my.pol\" is not a "
	    "plain identifier; the connection is called my_pol"), "ids: "
	    "warned");
	load_free(&l);
	load_base(" ipsec apply", "interface GigabitEthernet1/0/1\n ipsec apply "
	    "policy ...\nipsec policy ... 1 isakmp\n transform-set ts-cloud\n "
	    "security acl 3001\n remote-address 203.0.113.1\n ike-profile "
	    "pf-cloud\nipsec policy pol-cloud 10 isakmp\n undo ike-profile\n",
	    &l);
	err_is(&l, "ipsec policy ... 1: the name gives no usable connection "
	    "id; rename it", "ids: no usable name");
}

/*
 * What the h3c-comware target writes: cgwgen's header names connections,
 * tunnels and roles; one-token descriptions name policy entries; BGP over
 * a tunnel interface; one ikev2 policy offering each tunnel's proposal.
 */
static const char cgwgen_text[] =
    "# Connection vco-dual dc1, Alibaba Cloud\n"
    "#   tunnel tun-a (primary): cloud gateway 203.0.113.21\n"
    "#   tunnel tun-b (standby): cloud gateway 203.0.113.22\n"
    "#\n"
    "# Connection vpnx-pol1 office\n"
    "#   tunnel vpnx-pol1: cloud gateway 203.0.113.1\n"
    "#\n"
    "system-view\n"
    "ikev2 proposal tun-a\n encryption aes-cbc-256\n integrity sha256\n"
    " prf sha256\n dh group14\n quit\n"
    "ikev2 policy cgwgen\n proposal tun-a\n quit\n"
    "ikev2 keychain tun-a\n peer tun-a\n  address 203.0.113.21 32\n"
    "  identity address 203.0.113.21\n  pre-shared-key plaintext ka\n"
    "  quit\n quit\n"
    "ikev2 profile tun-a\n authentication-method local pre-share\n"
    " authentication-method remote pre-share\n keychain tun-a\n"
    " identity local address 198.51.100.30\n match remote identity address "
    "203.0.113.21 32\n sa duration 86400\n inside-vrf red\n quit\n"
    "ipsec transform-set tun-a\n esp encryption-algorithm aes-cbc-256\n"
    " esp authentication-algorithm sha256\n quit\n"
    "ipsec profile tun-a isakmp\n description tun-a\n transform-set tun-a\n"
    " ikev2-profile tun-a\n sa duration time-based 3600\n quit\n"
    "interface tunnel 1 mode ipsec\n description tun-a\n"
    " ip binding vpn-instance red\n ip address 169.254.10.2 255.255.255.252\n"
    " source GigabitEthernet1/0/1\n destination 203.0.113.21\n"
    " tunnel protection ipsec profile tun-a\n quit\n"
    "bgp 65010\n ip vpn-instance red\n  peer 169.254.10.1 as-number 45104\n"
    "  address-family ipv4 unicast\n   peer 169.254.10.1 enable\n   quit\n"
    "  quit\n quit\n"
    "ikev2 proposal tun-b\n encryption aes-cbc-128\n integrity sha1\n"
    " prf sha1\n dh group14\n quit\n"
    "ikev2 policy cgwgen\n proposal tun-b\n quit\n"
    "ikev2 keychain tun-b\n peer tun-b\n  address 203.0.113.22 32\n"
    "  identity address 203.0.113.22\n  pre-shared-key plaintext kb\n"
    "  quit\n quit\n"
    "ikev2 profile tun-b\n authentication-method local pre-share\n"
    " authentication-method remote pre-share\n keychain tun-b\n"
    " identity local address 198.51.100.30\n match remote identity address "
    "203.0.113.22 32\n sa duration 28800\n quit\n"
    "ipsec transform-set tun-b\n esp encryption-algorithm aes-cbc-128\n"
    " esp authentication-algorithm sha1\n quit\n"
    "ipsec profile tun-b isakmp\n description tun-b\n transform-set tun-b\n"
    " ikev2-profile tun-b\n sa duration time-based 1800\n quit\n"
    "interface tunnel 2 mode ipsec\n description tun-b\n"
    " ip address unnumbered interface GigabitEthernet1/0/1\n"
    " source GigabitEthernet1/0/1\n destination 203.0.113.22\n"
    " tunnel protection ipsec profile tun-b\n quit\n"
    "ip route-static vpn-instance red 10.1.0.0 16 tunnel 2 preference 70\n"
    "ike keychain vpnx-pol1\n pre-shared-key address 203.0.113.1 "
    "255.255.255.255 key simple kp\n"
    " pre-shared-key hostname gw.example key simple kp\n quit\n"
    "ike proposal 3\n encryption-algorithm aes-cbc-128\n"
    " authentication-method pre-share\n authentication-algorithm sha\n"
    " dh group14\n sa duration 3600\n quit\n"
    "ike profile vpnx-pol1\n keychain vpnx-pol1\n exchange-mode main\n"
    " local-identity address 198.51.100.2\n match remote identity address "
    "203.0.113.1 255.255.255.255\n proposal 3\n inside-vpn vpn-instance red\n"
    " quit\n"
    "ipsec transform-set vpnx-pol1\n esp encryption-algorithm aes-cbc-128\n"
    " esp authentication-algorithm sha1\n quit\n"
    "acl advanced 3002\n rule 5 permit ip source 192.168.0.0 0.0.0.255 "
    "destination 10.2.0.0 0.0.255.255\n quit\n"
    "ipsec policy cgwgen 30 isakmp\n description vpnx-pol1\n"
    " transform-set vpnx-pol1\n security acl 3002\n"
    " remote-address 203.0.113.1\n ike-profile vpnx-pol1\n"
    " sa duration time-based 3600\n sa duration traffic-based 1843200\n"
    " quit\n"
    "interface GigabitEthernet1/0/1\n ipsec apply policy cgwgen\n quit\n"
    "return\n";

static void
t_cgwgen_output(void)
{
	struct load		 l;
	const struct connection	*c;
	const struct tunnel	*a, *b;

	is_int(load(cgwgen_text, &l), 0, "cgwgen: loads");
	ok(!find_warning(&l, "not read"), "cgwgen: every line is read");
	if (l.m == NULL || l.m->nconns != 2) {
		ok(0, "cgwgen: two connections");
		load_free(&l);
		return;
	}
	c = &l.m->conns[0];
	is_str(c->id, "vco-dual", "cgwgen: the header names the connection, "
	    "in the order of the text");
	is_int((long long)c->ntunnels, 2, "cgwgen: with both its tunnels");
	a = &c->tunnels[0];
	b = &c->tunnels[c->ntunnels - 1];
	is_str(a->id, "tun-a", "cgwgen: the tunnel is the profile");
	ok(a->role == ROLE_PRIMARY && b->role == ROLE_STANDBY,
	    "cgwgen: primary and standby");
	ok(a->routing == ROUTING_BGP && a->bgp.local_asn == 65010 &&
	    a->bgp.remote_asn == 45104, "cgwgen: BGP in a VPN instance");
	is_str(a->bgp.tunnel_cidr, "169.254.10.0/30", "cgwgen: inside network");
	is_str(a->bgp.local_ip, "169.254.10.2", "cgwgen: this device's end");
	is_str(a->bgp.remote_ip, "169.254.10.1", "cgwgen: the cloud's end");
	is_str(alg_id(a->ike_enc), "aes256-cbc", "cgwgen: tun-a's proposal");
	is_str(alg_id(b->ike_enc), "aes128-cbc", "cgwgen: tun-b's proposal, "
	    "named as its profile");
	ok(!find_warning(&l, "using ikev2 policy"), "cgwgen: no policy warning");
	ok(b->routing == ROUTING_STATIC, "cgwgen: unnumbered, static");
	ok(find_warning(&l, "route 10.1.0.0/16 into the tunnel"),
	    "cgwgen: its VPN instance's route");
	c = &l.m->conns[1];
	is_str(c->id, "vpnx-pol1", "cgwgen: a policy-based connection");
	is_str(c->tunnels[0].id, "vpnx-pol1", "cgwgen: named by the "
	    "description of cgwgen 30");
	ok(c->tunnels[0].role == ROLE_NONE, "cgwgen: single");
	is_str(c->tunnels[0].psk, "kp", "cgwgen: the address key");
	ok(!find_warning(&l, "the comments name"), "cgwgen: the header is not "
	    "taken for a download's comment");
	load_free(&l);

	/* Without the header, each tunnel is its own connection. */
	is_int(load(strstr(cgwgen_text, "system-view"), &l), 0,
	    "cgwgen: loads without the header");
	ok(l.m != NULL && l.m->nconns == 3 && strcmp(l.m->conns[0].id,
	    "tun-a") == 0 && l.m->conns[0].tunnels[0].role == ROLE_NONE,
	    "cgwgen: one connection a tunnel");
	load_free(&l);

	/* A description of several words does not name the tunnel. */
	is_int(load_base(NULL, "ipsec policy pol-cloud 10 isakmp\n description "
	    "to the cloud\n", &l), 0, "cgwgen: a description in words");
	ok(l.m != NULL && l.m->nconns == 1 && strcmp(l.m->conns[0].id,
	    "vpnx-f49l6u0z") != 0 && strcmp(l.m->conns[0].tunnels[0].id,
	    l.m->conns[0].id) == 0, "cgwgen: the policy names it");
	load_free(&l);

	load_base(NULL, "bgp 65010\n quit\nbgp 65011\n", &l);
	err_is(&l, ":43: bgp 65011: line 41 runs BGP as AS 65010 already",
	    "cgwgen: two AS numbers");
}

static void
t_interfaces(void)
{
	struct load	l;

	is_int(load_v2(NULL, "interface Tunnel2 mode ipsec\n description "
	    "spare\ninterface Tunnel 3 mode gre\n source 198.51.100.10\n", &l),
	    0, "ifc: more tunnels");
	ok(has_warning(&l, ":40: interface Tunnel2 has no tunnel protection "
	    "ipsec profile; not rendered"), "ifc: unprotected warned");
	ok(has_warning(&l, ":43: not read: source 198.51.100.10"), "ifc: a GRE "
	    "tunnel's lines are not read");
	load_free(&l);
	load_v2(NULL, "interface Tunnel1\n tunnel protection ipsec profile "
	    "nope\n", &l);
	err_is(&l, ":41: tunnel protection: ipsec profile nope is not defined",
	    "ifc: an undefined profile");
	load_v2(NULL, "interface Tunnel1\n tunnel protection ipsec profile\n",
	    &l);
	err_is(&l, ":41: tunnel protection ipsec profile: expected one profile "
	    "name", "ifc: no profile name");
	is_int(load_v2(NULL, "ipsec profile unused isakmp\n transform-set ts2\n",
	    &l), 0, "ifc: an unused profile");
	ok(has_warning(&l, ":40: ipsec profile unused protects no tunnel "
	    "interface; not rendered"), "ifc: warned");
	load_free(&l);
	is_int(load_v2(NULL, "interface Tunnel2 mode ipsec\n source "
	    "198.51.100.10\n destination 203.0.113.1\n tunnel protection ipsec "
	    "profile vti2\n", &l), 0, "ifc: one profile, two tunnels");
	ok(l.m != NULL && l.m->nconns == 2 && strcmp(l.m->conns[0].id,
	    "vti2-Tunnel1") == 0 && strcmp(l.m->conns[1].id, "vti2-Tunnel2") ==
	    0, "ifc: named PROFILE-TunnelN");
	load_free(&l);
	load_v2(NULL, "interface\n", &l);
	err_is(&l, ":40: interface: the name is missing", "ifc: no name");
	load_v2(NULL, "interface Tunnel5 mode ipsec ipv4 x\n", &l);
	err_is(&l, ":40: interface: unexpected \"x\"", "ifc: trailing word");
	load_v2(NULL, "ip route-static 10.0.0.0 255.0.255.0 Tunnel1\n", &l);
	err_is(&l, ":40: ip route-static: \"255.0.255.0\" is not a mask",
	    "ifc: a bad route mask");
	load_v2(NULL, "ip route-static 10.0.0.0 8\n", &l);
	err_is(&l, ":40: ip route-static: the next hop is missing", "ifc: no "
	    "next hop");
	is_int(load_v2(NULL, "ip route-static 0.0.0.0 0 198.51.100.1\nip "
	    "route-static vpn-instance x 10.0.0.0 8 Tunnel1\n", &l), 0,
	    "ifc: other routes");
	ok(!find_warning(&l, "0.0.0.0/0") && !find_warning(&l, "not read") &&
	    has_warning(&l, ", 10.0.0.0/8 into the tunnel"), "ifc: a default "
	    "route is silent, a VPN instance's goes with the tunnel's");
	load_free(&l);
	is_int(load_v2(NULL, "interface GigabitEthernet1/0/1\n port link-mode "
	    "route\n undo shutdown\n ip address dhcp-alloc\n description up\n"
	    " ip address unnumbered interface LoopBack0\n", &l), 0,
	    "ifc: harmless interface lines");
	is_int((long long)l.w.n, 1, "ifc: silent");
	load_free(&l);
}

static void
t_detect(void)
{
	struct source_opts	 opts;
	struct load		 l;

	memset(&opts, 0, sizeof(opts));
	opts.cloud = "comware";
	is_int(load_opts(route_v2, &opts, &l), 0, "detect: --cloud comware");
	load_free(&l);
	is_int(load("hostname x\ninterface Gi0/1\n", &l), -1, "detect: other "
	    "text");
	ok(strstr(l.err.msg, "neither JSON nor XML nor a device "
	    "configuration cgwgen reads") != NULL, "detect: %s", l.err.msg);
	load_free(&l);
	is_int(load("  ipsec policy p 1 isakmp\n", &l), -1, "detect: a weak "
	    "marker is ours");
	ok(strstr(l.err.msg, ": no IPsec policy applied to an interface") !=
	    NULL && has_warning(&l, ":1: ipsec policy p 1 is neither applied to "
	    "an interface nor complete"), "detect: %s", l.err.msg);
	load_free(&l);
	is_int(load_opts("{\"VpnConnectionSet\":[]}", &opts, &l), -1,
	    "detect: JSON with --cloud comware");
	ok(strstr(l.err.msg, "an H3C Comware configuration input is text, not "
	    "JSON") != NULL, "detect: %s", l.err.msg);
	load_free(&l);
	ok(source_comware.detect_text("ike keychain k\n", 15) > 0 &&
	    source_comware.detect_text("\r\r\tIPSEC TRANSFORM-SET t\r", 24) >
	    0 && source_comware.detect_text("ike keychain", 12) == 0 &&
	    source_comware.detect_text("crypto map x 10 ipsec-isakmp\n", 29) ==
	    0, "detect: the markers");
}

static void
t_spell(void)
{
	const struct alg	*g14 = alg_by_id(ALG_DH, "modp2048");
	const struct alg	*sha1 = alg_by_id(ALG_INTEG, "sha1");
	char			 advice[256];

	is_str(source_comware.spell(MF_IKE_DH, g14), "group14", "spell: IKE dh");
	is_str(source_comware.spell(MF_ESP_PFS, g14), "dh-group14", "spell: "
	    "pfs");
	is_str(source_comware.spell(MF_IKE_INTEG, sha1), "sha", "spell: IKE "
	    "sha");
	is_str(source_comware.spell(MF_ESP_INTEG, sha1), "sha1", "spell: ESP "
	    "sha1");
	is_str(source_comware.spell(MF_ESP_ENC, alg_by_id(ALG_ENC,
	    "aes256-gcm16")), "aes-gcm-256", "spell: ESP GCM");
	is_str(source_comware.field(MF_ESP_PFS), "pfs in the transform set",
	    "spell: field");
	is_str(source_comware.spell_value(MF_IKE_VERSION, "2"),
	    "an ikev2-profile", "spell: value");
	is_str(source_comware.spell_value(MF_IKE_MODE, "main"), "main",
	    "spell: value as is");
	source_advice("comware", MF_IKE_DH, g14, advice, sizeof(advice));
	is_str(advice, "set dh in the ike proposal to group14 in an H3C "
	    "Comware configuration", "spell: advice");
}

int
main(void)
{
	const char	*tmp;

	if ((tmp = getenv("TMPDIR")) == NULL || *tmp == '\0')
		tmp = "/tmp";
	snprintf(dir, sizeof(dir), "%s/t-comware.XXXXXX", tmp);
	if (mkdtemp(dir) == NULL)
		skip_all("mkdtemp %s: %s", dir, strerror(errno));
	snprintf(path, sizeof(path), "%s/device.cfg", dir);
	t_legacy();
	t_line_ends();
	t_lexing();
	t_policy_v1();
	t_keychain();
	t_proposal();
	t_profile();
	t_identity();
	t_dpd();
	t_route_v2();
	t_v2_errors();
	t_v2_choices();
	t_transform_set();
	t_acl();
	t_ipsec_policy();
	t_ipv6();
	t_lifetimes();
	t_addresses();
	t_candidates();
	t_ids();
	t_interfaces();
	t_cgwgen_output();
	t_detect();
	t_spell();
	unlink(path);
	if (rmdir(dir) == -1)
		diag("rmdir %s: %s", dir, strerror(errno));
	return done_testing();
}
