/*
 * H3C Comware V7 configuration text into the model: what Tencent Cloud's
 * DownloadCustomerGatewayConfiguration (and the legacy GetVpnConnConfig)
 * renders for h3c/comware, or a device's own configuration.
 *
 * A Comware configuration is the customer device's own, so nothing is
 * flipped: local is this device, remote the cloud gateway. The text is
 * read in two passes: the first collects every block (keychains,
 * proposals, profiles, transform sets, ACLs, IPsec policies and
 * profiles, interfaces, routes) and checks each value where it stands;
 * the second builds one connection per IPsec policy entry that is applied
 * or complete (policy-based) and per tunnel interface that an IPsec
 * profile protects (route-based), following the references between the
 * blocks the way the device does; a bgp peer inside a tunnel interface's
 * network makes that tunnel BGP-routed. The header comment cgwgen writes
 * for the h3c-comware target groups tunnels into connections and gives
 * their roles, which Comware itself has no place for.
 *
 * Lines end with \n, \r\n or a lone \r; "#" and "!" start comments;
 * "quit" and "return" close blocks, but need not be there: a line that
 * is not a command of the open block is tried as a system command, as
 * the Comware CLI does. Keywords are case-insensitive. Every line that
 * is not read is reported, never quoting a key.
 */
#include "config.h"

#include <arpa/inet.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "alg.h"
#include "compat.h"
#include "err.h"
#include "model.h"
#include "source.h"
#include "source-comware.h"
#include "util.h"
#include "warn.h"
#include "xmalloc.h"

/*
 * Documented Comware V7 defaults (H3C/HPE Comware 7 security command
 * references): the default IKE proposal (non-FIPS) is DES-CBC, HMAC-SHA1,
 * DH group 1 and 86400 s; IKE and IKEv2 SA lifetimes 86400 s; the global
 * IPsec SA lifetimes 3600 s and 1843200 KB; the DPD retry interval 5 s.
 */
#define CW_DEF_IKE_ENC		"des-cbc"
#define CW_DEF_IKE_AUTH		"sha1"
#define CW_DEF_IKE_DH		"modp768"
#define CW_DEF_IKE_LIFE		86400
#define CW_DEF_ESP_LIFE		3600
#define CW_DEF_ESP_KB		1843200ULL
#define CW_DEF_DPD_RETRY	5
/*
 * The default IKEv2 proposal, the first of each of its lists
 * (aes-cbc-128, sha1, sha1, group5) [UNVERIFIED on a device].
 */
#define CW_DEF_V2_ENC		"aes128-cbc"
#define CW_DEF_V2_INTEG		"sha1"
#define CW_DEF_V2_DH		"modp1536"
/* DPD gives up after the first probe and two retries (Comware V5 doc). */
#define CW_DPD_TRIES		3

#define CW_MAXWORDS		40
#define CW_SHOWN		160	/* longest line quoted in a warning */

/* Where an algorithm keyword is valid. */
#define CW_IKE			0x01	/* ike proposal */
#define CW_V2			0x02	/* ikev2 proposal */
#define CW_ESP			0x04	/* transform set: esp ... */
#define CW_PFS			0x08	/* pfs dh-groupN */

enum cw_view {
	V_NONE,
	V_IKE_KEYCHAIN,
	V_IKE_PROPOSAL,
	V_IKE_PROFILE,
	V_V2_PROPOSAL,
	V_V2_POLICY,
	V_V2_KEYCHAIN,
	V_V2_PEER,
	V_V2_PROFILE,
	V_TSET,
	V_ACL,
	V_IPOL,
	V_IFACE,
	V_BGP
};

struct cw_alg {
	enum alg_kind	 kind;
	const char	*cw;		/* Comware keyword */
	const char	*id;		/* canonical id */
	int		 where;
};

/* Comware keywords, each with its canonical algorithm (alg.c). */
static const struct cw_alg cw_algs[] = {
	{ ALG_ENC, "des-cbc", "des-cbc", CW_IKE | CW_V2 | CW_ESP },
	{ ALG_ENC, "3des-cbc", "3des-cbc", CW_IKE | CW_V2 | CW_ESP },
	{ ALG_ENC, "aes-cbc-128", "aes128-cbc", CW_IKE | CW_V2 | CW_ESP },
	{ ALG_ENC, "aes-cbc-192", "aes192-cbc", CW_IKE | CW_V2 | CW_ESP },
	{ ALG_ENC, "aes-cbc-256", "aes256-cbc", CW_IKE | CW_V2 | CW_ESP },
	{ ALG_ENC, "aes-gcm-128", "aes128-gcm16", CW_V2 | CW_ESP },
	{ ALG_ENC, "aes-gcm-192", "aes192-gcm16", CW_V2 | CW_ESP },
	{ ALG_ENC, "aes-gcm-256", "aes256-gcm16", CW_V2 | CW_ESP },
	{ ALG_ENC, "gcm-128", "aes128-gcm16", CW_ESP },
	{ ALG_ENC, "gcm-192", "aes192-gcm16", CW_ESP },
	{ ALG_ENC, "gcm-256", "aes256-gcm16", CW_ESP },
	{ ALG_ENC, "sm4-cbc", "sm4-cbc", CW_IKE | CW_V2 | CW_ESP },
	{ ALG_ENC, "null", "null", CW_ESP },
	{ ALG_INTEG, "md5", "md5", CW_IKE | CW_V2 | CW_ESP },
	{ ALG_INTEG, "sha", "sha1", CW_IKE },
	{ ALG_INTEG, "sha1", "sha1", CW_IKE | CW_V2 | CW_ESP },
	{ ALG_INTEG, "sha256", "sha256", CW_IKE | CW_V2 | CW_ESP },
	{ ALG_INTEG, "sha384", "sha384", CW_IKE | CW_V2 | CW_ESP },
	{ ALG_INTEG, "sha512", "sha512", CW_IKE | CW_V2 | CW_ESP },
	{ ALG_INTEG, "sm3", "sm3", CW_IKE | CW_V2 | CW_ESP },
	{ ALG_DH, "group1", "modp768", CW_IKE | CW_V2 },
	{ ALG_DH, "group2", "modp1024", CW_IKE | CW_V2 },
	{ ALG_DH, "group5", "modp1536", CW_IKE | CW_V2 },
	{ ALG_DH, "group14", "modp2048", CW_IKE | CW_V2 },
	{ ALG_DH, "group15", "modp3072", CW_IKE | CW_V2 },
	{ ALG_DH, "group16", "modp4096", CW_IKE | CW_V2 },
	{ ALG_DH, "group19", "ecp256", CW_IKE | CW_V2 },
	{ ALG_DH, "group20", "ecp384", CW_IKE | CW_V2 },
	{ ALG_DH, "group21", "ecp521", CW_IKE | CW_V2 },
	{ ALG_DH, "group24", "modp2048s256", CW_IKE | CW_V2 },
	{ ALG_DH, "dh-group1", "modp768", CW_PFS },
	{ ALG_DH, "dh-group2", "modp1024", CW_PFS },
	{ ALG_DH, "dh-group5", "modp1536", CW_PFS },
	{ ALG_DH, "dh-group14", "modp2048", CW_PFS },
	{ ALG_DH, "dh-group15", "modp3072", CW_PFS },
	{ ALG_DH, "dh-group16", "modp4096", CW_PFS },
	{ ALG_DH, "dh-group19", "ecp256", CW_PFS },
	{ ALG_DH, "dh-group20", "ecp384", CW_PFS },
	{ ALG_DH, "dh-group21", "ecp521", CW_PFS },
	{ ALG_DH, "dh-group24", "modp2048s256", CW_PFS },
};

/* One line, split into words. */
struct cw_line {
	size_t		 no;
	char		*text;		/* trimmed */
	char		*buf;		/* the words, NUL-terminated */
	char		*w[CW_MAXWORDS];
	size_t		 off[CW_MAXWORDS];	/* where word i starts in text */
	size_t		 nw;
	int		 toolong;
};

/* Every named block starts with this. */
struct cw_obj {
	char		*name;
	size_t		 line;
};

struct cw_name {
	char		*s;
	size_t		 line;
};

struct cw_ident {
	int		 set;
	enum id_type	 type;
	char		*value;
	size_t		 line;
};

struct cw_dpd {
	int		 set;
	uint32_t	 interval;
	uint32_t	 retry;
	size_t		 line;
};

struct cw_sa {
	uint32_t	 time;		/* 0: not set */
	uint64_t	 kb;
	size_t		 time_line;
	size_t		 kb_line;
};

struct cw_psk {
	char		 net[64];	/* canonical CIDR */
	char		*key;
	size_t		 line;
};

struct cw_keychain {			/* ike keychain */
	struct cw_obj	 o;
	struct cw_psk	*psks;
	size_t		 npsks;
};

struct cw_prop {			/* ike proposal N */
	struct cw_obj	 o;
	uint32_t	 num;
	const struct alg *enc;
	const struct alg *auth;
	const struct alg *dh;
	uint32_t	 life;
};

struct cw_ikeprof {			/* ike profile */
	struct cw_obj	 o;
	struct cw_name	*keychains;
	size_t		 nkeychains;
	struct cw_ident	 local;
	struct cw_ident	 remote;
	int		 mode_set;
	enum ike_mode	 mode;
	uint32_t	*props;
	size_t		 nprops;
	size_t		 props_line;
	struct cw_dpd	 dpd;
};

struct cw_v2prop {			/* ikev2 proposal */
	struct cw_obj	 o;
	const struct alg *enc;
	const struct alg *integ;
	const struct alg *prf;
	const struct alg *dh;
};

struct cw_v2pol {			/* ikev2 policy */
	struct cw_obj	 o;
	uint32_t	 priority;
	struct cw_name	*props;
	size_t		 nprops;
};

struct cw_v2peer {			/* peer in an ikev2 keychain */
	struct cw_obj	 o;
	int		 has_net;
	char		 net[64];
	struct cw_ident	 id;
	char		*psk_local;
	char		*psk_remote;
};

struct cw_v2kc {			/* ikev2 keychain */
	struct cw_obj	 o;
	struct cw_v2peer *peers;
	size_t		 npeers;
};

struct cw_v2prof {			/* ikev2 profile */
	struct cw_obj	 o;
	struct cw_name	*keychains;
	size_t		 nkeychains;
	struct cw_ident	 local;
	struct cw_ident	 remote;
	uint32_t	 life;
	struct cw_dpd	 dpd;
};

struct cw_tset {			/* ipsec transform-set */
	struct cw_obj	 o;
	const struct alg *enc;
	const struct alg *auth;
	const struct alg *pfs;
	size_t		 enc_line;
};

struct cw_rule {
	char		 src[64];
	char		 dst[64];
	size_t		 line;
};

struct cw_acl {
	struct cw_obj	 o;		/* the number, as text */
	int		 v6;
	struct cw_rule	*rules;		/* the permit rules */
	size_t		 nrules;
	size_t		 ndeny;
	size_t		 deny_line;
};

struct cw_ipol {			/* ipsec policy entry or profile */
	struct cw_obj	 o;		/* "NAME SEQ" or "NAME" */
	char		*pname;		/* the policy's name */
	uint32_t	 seq;
	int		 profile;	/* an ipsec profile */
	struct cw_name	*tsets;
	size_t		 ntsets;
	struct cw_name	 acl;
	struct cw_name	 remote;
	struct cw_name	 local;
	struct cw_name	 ikeprof;
	struct cw_name	 v2prof;
	struct cw_sa	 sa;
	const struct alg *pfs;
	size_t		 pfs_line;
	char		*descr;		/* description, when one token */
};

struct cw_iface {
	struct cw_obj	 o;		/* name without spaces */
	int		 tunnel;	/* interface tunnel N mode ipsec */
	char		*ip;
	char		 ipnet[64];	/* its network, with ip */
	struct cw_name	 source;
	struct cw_name	 dest;
	struct cw_name	 protect;	/* tunnel protection ipsec profile */
	struct cw_name	*apply;		/* ipsec apply policy */
	size_t		 napply;
};

struct cw_route {
	char		 net[64];
	char		*iface;
	size_t		 line;
};

/* A tunnel that cgwgen's header comment gives a connection and role. */
struct cw_member {
	char		*tunnel;
	char		*conn;
	enum tunnel_role role;
};

struct cw_peer {			/* peer IP as-number N, in bgp view */
	char		 ip[64];
	uint32_t	 asn;
	size_t		 line;
};

struct cw {
	struct source_ctx	*ctx;
	const char		*path;
	enum cw_view		 view;
	size_t			 cur;		/* the block the view edits */
	size_t			 peer;

	struct cw_keychain	*kcs;
	size_t			 nkcs;
	struct cw_prop		*props;
	size_t			 nprops;
	struct cw_ikeprof	*ikeprofs;
	size_t			 nikeprofs;
	struct cw_v2prop	*v2props;
	size_t			 nv2props;
	struct cw_v2pol		*v2pols;
	size_t			 nv2pols;
	struct cw_v2kc		*v2kcs;
	size_t			 nv2kcs;
	struct cw_v2prof	*v2profs;
	size_t			 nv2profs;
	struct cw_tset		*tsets;
	size_t			 ntsets;
	struct cw_acl		*acls;
	size_t			 nacls;
	struct cw_ipol		*ipols;
	size_t			 nipols;
	struct cw_iface		*ifaces;
	size_t			 nifaces;
	struct cw_route		*routes;
	size_t			 nroutes;

	struct cw_dpd		 dpd;		/* ike dpd */
	struct cw_dpd		 v2dpd;		/* ikev2 dpd */
	struct cw_ident		 identity;	/* ike identity */
	struct cw_sa		 gsa;		/* ipsec sa global-duration */
	char			*comment_id;	/* a vpnx- id in a comment */
	int			 comment_ids;	/* how many distinct ones */
	struct cw_member	*members;	/* from cgwgen's header */
	size_t			 nmembers;
	char			*hdr_conn;	/* the connection being listed */

	uint32_t		 bgp_asn;	/* bgp N; 0: none */
	size_t			 bgp_line;
	int			 bgp_depth;	/* views open below system */
	struct cw_peer		*peers;
	size_t			 npeers;
};

/* A connection to build: an IPsec policy entry or a tunnel interface. */
struct cw_cand {
	struct cw_ipol	*pol;
	struct cw_iface	*ifc;		/* route-based */
	struct cw_iface	*applied;	/* policy-based: where it is applied */
	char		*id;		/* the connection's */
	char		*tid;		/* the tunnel's */
	enum tunnel_role role;
	char		 where[160];
	size_t		 line;
};

/* What building one connection needs to carry around. */
struct cw_build {
	struct cw		*cw;
	struct cw_cand		*cand;
	struct tunnel		*t;
	const char		*peer;		/* the address to find keys by */
	const char		*local;		/* this device's address */
};

static int	cw_detect(const char *, size_t);
static int	cw_parse_text(const char *, size_t, struct source_ctx *,
		    struct cgw_err *);
static const char *cw_field(enum mfield);
static const char *cw_spell(enum mfield, const struct alg *);
static const char *cw_spell_value(enum mfield, const char *);

static int	cw_err(struct cw *, size_t, struct cgw_err *, const char *, ...)
		    printflike(4, 5);
static void	cw_warn(struct cw *, size_t, const char *, ...)
		    printflike(3, 4);
static const char *word(const struct cw_line *, size_t);
static int	kw(const struct cw_line *, size_t, const char *);
static void	cw_split(struct cw_line *, const char *, size_t, size_t);
static void	cw_line_free(struct cw_line *);
static void	cw_not_read(struct cw *, const struct cw_line *);
static int	is_secret_word(const char *);
static void	cw_comment(struct cw *, const char *);
static void	cw_header(struct cw *, const char *);
static const struct cw_member *cw_member_find(const struct cw *,
		    const char *);
static void	*cw_append(void *, size_t *, size_t);
static size_t	cw_find(const void *, size_t, size_t, const char *);
static void	cw_name_add(struct cw_name **, size_t *, const char *, size_t);
static void	cw_name_set(struct cw_name *, const char *, size_t);
static int	cw_end(struct cw *, const struct cw_line *, size_t,
		    struct cgw_err *);
static int	cw_num(struct cw *, const struct cw_line *, size_t, uint64_t,
		    uint64_t, const char *, uint64_t *, struct cgw_err *);
static int	cw_masklen(const char *, int, int, unsigned *);
static int	cw_cidr(const char *, unsigned, char *, int *);
static int	cw_alg(struct cw *, const struct cw_line *, size_t, enum alg_kind,
		    int, const char *, const struct alg **, struct cgw_err *);
static int	cw_algs_list(struct cw *, const struct cw_line *, size_t,
		    enum alg_kind, int, const char *, const struct alg **,
		    struct cgw_err *);
static int	cw_ident(struct cw *, const struct cw_line *, size_t, int,
		    int, const char *, struct cw_ident *, struct cgw_err *);
static int	cw_dpd(struct cw *, const struct cw_line *, size_t,
		    struct cw_dpd *, struct cgw_err *);
static int	cw_sa(struct cw *, const struct cw_line *, size_t,
		    struct cw_sa *, struct cgw_err *);
static int	cw_key(struct cw *, const struct cw_line *, size_t,
		    const char *, const char *, const char *, char **,
		    struct cgw_err *);
static int	cw_addr(struct cw *, const struct cw_line *, size_t, int,
		    char *, size_t *, struct cgw_err *);
static void	cw_ifname(const struct cw_line *, size_t, size_t, char *,
		    size_t);

static int	cw_line(struct cw *, struct cw_line *, struct cgw_err *);
static int	cw_system(struct cw *, struct cw_line *, struct cgw_err *);
static int	cw_sys_ike(struct cw *, struct cw_line *, struct cgw_err *);
static int	cw_sys_ikev2(struct cw *, struct cw_line *, struct cgw_err *);
static int	cw_sys_ipsec(struct cw *, struct cw_line *, struct cgw_err *);
static int	cw_sys_acl(struct cw *, struct cw_line *, struct cgw_err *);
static int	cw_sys_interface(struct cw *, struct cw_line *,
		    struct cgw_err *);
static int	cw_sys_route(struct cw *, struct cw_line *, struct cgw_err *);
static int	cw_sys_bgp(struct cw *, struct cw_line *, struct cgw_err *);
static int	cw_v_bgp(struct cw *, struct cw_line *, struct cgw_err *);
static int	cw_v_keychain(struct cw *, struct cw_line *, struct cgw_err *);
static int	cw_v_proposal(struct cw *, struct cw_line *, struct cgw_err *);
static int	cw_v_ikeprof(struct cw *, struct cw_line *, struct cgw_err *);
static int	cw_v_v2prop(struct cw *, struct cw_line *, struct cgw_err *);
static int	cw_v_v2pol(struct cw *, struct cw_line *, struct cgw_err *);
static int	cw_v_v2kc(struct cw *, struct cw_line *, struct cgw_err *);
static int	cw_v_v2peer(struct cw *, struct cw_line *, struct cgw_err *);
static int	cw_v_v2prof(struct cw *, struct cw_line *, struct cgw_err *);
static int	cw_v_tset(struct cw *, struct cw_line *, struct cgw_err *);
static int	cw_v_acl(struct cw *, struct cw_line *, struct cgw_err *);
static int	cw_v_ipol(struct cw *, struct cw_line *, struct cgw_err *);
static int	cw_v_iface(struct cw *, struct cw_line *, struct cgw_err *);
static int	cw_rule_addr(struct cw *, const struct cw_line *, size_t *,
		    int, char *, struct cgw_err *);

static int	cw_build_all(struct cw *, struct cgw_err *);
static int	cw_cand_cmp(const void *, const void *);
static int	cw_candidates(struct cw *, struct cw_cand **, size_t *,
		    struct cgw_err *);
static int	cw_ids(struct cw *, struct cw_cand *, size_t,
		    struct cgw_err *);
static int	cw_connection(struct cw *, struct cw_cand *,
		    struct cgw_err *);
static int	cw_remote(struct cw_build *, struct cgw_err *);
static int	cw_ikev1(struct cw_build *, struct cgw_err *);
static int	cw_ikev2(struct cw_build *, struct cgw_err *);
static int	cw_esp(struct cw_build *, struct cgw_err *);
static int	cw_selectors(struct cw_build *, struct cgw_err *);
static void	cw_set_dpd(struct tunnel *, const struct cw_dpd *);
static void	cw_bgp(struct cw_build *);
static int	cw_set_ident(struct cw_build *, struct ident *,
		    const struct cw_ident *, int, const char *,
		    struct cgw_err *);
static long	cw_plen(const char *);
static int	cw_is_host(const char *);
static const struct cw_psk *cw_psk_find(const struct cw_keychain *,
		    const char *);
static struct cw_iface *cw_iface_find(struct cw *, const char *);
static void	cw_free(struct cw *);

const struct source source_comware = {
	.name = "comware",
	.title = "an H3C Comware configuration",
	.detect_text = cw_detect,
	.parse_text = cw_parse_text,
	.field = cw_field,
	.spell = cw_spell,
	.spell_value = cw_spell_value,
};

static const char *cw_fields[MF__COUNT] = {
	[MF_IKE_VERSION] = "the IPsec policy's ike-profile or ikev2-profile",
	[MF_IKE_MODE] = "exchange-mode in the ike profile",
	[MF_IKE_ENC] = "encryption-algorithm in the ike proposal",
	[MF_IKE_INTEG] = "authentication-algorithm in the ike proposal",
	[MF_IKE_DH] = "dh in the ike proposal",
	[MF_IKE_LIFETIME] = "sa duration in the ike proposal",
	[MF_ESP_ENC] = "esp encryption-algorithm in the transform set",
	[MF_ESP_INTEG] = "esp authentication-algorithm in the transform set",
	[MF_ESP_PFS] = "pfs in the transform set",
	[MF_ESP_LIFETIME] = "sa duration time-based in the IPsec policy",
	[MF_LOCAL_ID] = "local-identity in the ike profile",
	[MF_REMOTE_ID] = "match remote identity in the ike profile",
	[MF_PSK] = "pre-shared-key in the keychain",
	[MF_TS] = "the rules of the IPsec policy's ACL",
	[MF_ROUTING] = "the IPsec policy or tunnel interface",
	[MF_DPD] = "dpd in the ike profile",
	[MF_INITIATOR] = "the IPsec policy",
};

static const char *
cw_field(enum mfield f)
{
	return cw_fields[f];
}

static const char *
cw_spell(enum mfield f, const struct alg *a)
{
	size_t	i;
	int	where;

	switch (f) {
	case MF_ESP_ENC:
	case MF_ESP_INTEG:
		where = CW_ESP;
		break;
	case MF_ESP_PFS:
		where = CW_PFS;
		break;
	default:
		where = CW_IKE | CW_V2;
		break;
	}
	for (i = 0; i < nitems(cw_algs); i++)
		if ((cw_algs[i].where & where) && strcmp(cw_algs[i].id,
		    a->id) == 0)
			return cw_algs[i].cw;
	return a->id;
}

static const char *
cw_spell_value(enum mfield f, const char *v)
{
	static const struct value_spelling values[] = {
		{ MF_IKE_VERSION, "1", "an ike-profile" },
		{ MF_IKE_VERSION, "2", "an ikev2-profile" },
		{ MF_ROUTING, "policy", "an IPsec policy with an ACL" },
		{ MF_ROUTING, "static", "a tunnel interface in mode ipsec" },
		{ MF_ROUTING, "bgp", "a tunnel interface in mode ipsec" },
		{ MF_TS, "0.0.0.0/0", "rule permit ip (any to any)" },
	};
	return source_spell_lookup(values, nitems(values), f, v);
}

/* Comware-only block names make the text ours. */
static int
cw_detect(const char *data, size_t len)
{
	static const char *const strong[] = { "ike keychain ", "ike profile ",
	    "ikev2 keychain ", "ikev2 profile ", "ipsec transform-set " };
	static const char *const weak[] = { "ipsec policy ", "ipsec profile ",
	    "ike proposal " };
	const char	*p = data, *end = data + len;
	size_t		 i, n;
	int		 score = 0;

	while (p < end) {
		while (p < end && strchr(" \t\r\n", *p) != NULL && *p != '\0')
			p++;
		for (i = 0; i < nitems(strong); i++) {
			n = strlen(strong[i]);
			if ((size_t)(end - p) > n && strncasecmp(p, strong[i],
			    n) == 0)
				return 60;
		}
		for (i = 0; i < nitems(weak); i++) {
			n = strlen(weak[i]);
			if ((size_t)(end - p) > n && strncasecmp(p, weak[i],
			    n) == 0)
				score = 20;
		}
		while (p < end && *p != '\n' && *p != '\r')
			p++;
	}
	return score;
}

static int
cw_err(struct cw *cw, size_t line, struct cgw_err *err, const char *fmt,
    ...)
{
	va_list	 ap;
	char	 msg[CGW_ERR_MSGLEN];

	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	return err_set(err, CGW_E_INPUT, "%s:%zu: %s", cw->path, line, msg);
}

static void
cw_warn(struct cw *cw, size_t line, const char *fmt, ...)
{
	va_list	 ap;
	char	 msg[1024];

	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	warn_add(cw->ctx->warn, "%s:%zu: %s", cw->path, line, msg);
}

/* Word i, or "" past the end (so that keyword tests simply fail). */
static const char *
word(const struct cw_line *l, size_t i)
{
	return i < l->nw ? l->w[i] : "";
}

static int
kw(const struct cw_line *l, size_t i, const char *k)
{
	return strcasecmp(word(l, i), k) == 0;
}

/* Copy the trimmed line and split it into words. */
static void
cw_split(struct cw_line *l, const char *s, size_t len, size_t no)
{
	char	*p;

	memset(l, 0, sizeof(*l));
	l->no = no;
	l->text = xstrndup(s, len);
	l->buf = xstrdup(l->text);
	for (p = l->buf; *p != '\0';) {
		while (*p == ' ' || *p == '\t')
			*p++ = '\0';
		if (*p == '\0')
			break;
		if (l->nw == CW_MAXWORDS) {
			l->toolong = 1;
			break;
		}
		l->off[l->nw] = (size_t)(p - l->buf);
		l->w[l->nw++] = p;
		while (*p != '\0' && *p != ' ' && *p != '\t')
			p++;
	}
}

/* Lines may hold keys: wipe them (buf has a NUL after each word). */
static void
cw_line_free(struct cw_line *l)
{
	if (l->buf != NULL)
		explicit_bzero(l->buf, strlen(l->text));
	free(l->buf);
	freezero_str(l->text);
	l->text = l->buf = NULL;
}

/* Words that introduce a key: nothing after them is shown. */
static int
is_secret_word(const char *w)
{
	static const char *const secret[] = { "key", "simple", "cipher",
	    "plaintext", "ciphertext", "password", "secret", "pre-shared-key",
	    "authentication-key", "preshared-key" };
	size_t	i;

	for (i = 0; i < nitems(secret); i++)
		if (strcasecmp(w, secret[i]) == 0)
			return 1;
	return 0;
}

/* "FILE:LINE: not read: the line", without a key or control characters. */
static void
cw_not_read(struct cw *cw, const struct cw_line *l)
{
	char	 shown[CW_SHOWN + 64];
	size_t	 i, n = strlen(l->text), cut = n;
	int	 hidden = 0;

	for (i = 0; i < l->nw; i++) {
		if (is_secret_word(l->w[i])) {
			cut = l->off[i] + strlen(l->w[i]);
			hidden = 1;
			break;
		}
	}
	if (l->toolong)
		hidden = 0;
	if (cut > CW_SHOWN)
		cut = CW_SHOWN;
	for (i = 0; i < cut; i++) {
		unsigned char	c = (unsigned char)l->text[i];

		shown[i] = c < 0x20 || c == 0x7f ? '?' : (char)c;
	}
	shown[cut] = '\0';
	cw_warn(cw, l->no, "not read: %s%s", shown, hidden ?
	    " ... (the rest is not shown)" : cut < n ? "..." : "");
}

/* A comment may name the connection: "vpnx-" and its id. */
static void
cw_comment(struct cw *cw, const char *s)
{
	const char	*p, *q;
	char		*id;

	cw_header(cw, s);
	for (p = s; (p = strstr(p, "vpnx-")) != NULL; p = q) {
		for (q = p + 5; (*q >= 'a' && *q <= 'z') ||
		    (*q >= '0' && *q <= '9'); q++)
			;
		if (q == p + 5 || (size_t)(q - p) > 64 || (p > s &&
		    (p[-1] == '-' || p[-1] == '_' ||
		    (p[-1] >= 'a' && p[-1] <= 'z') ||
		    (p[-1] >= 'A' && p[-1] <= 'Z') ||
		    (p[-1] >= '0' && p[-1] <= '9'))))
			continue;
		id = xstrndup(p, (size_t)(q - p));
		if (cw->comment_id == NULL) {
			cw->comment_id = id;
			cw->comment_ids = 1;
			continue;
		}
		if (strcmp(cw->comment_id, id) != 0)
			cw->comment_ids = 2;
		free(id);
	}
}

/*
 * cgwgen's own header lists each connection and its tunnels:
 *	# Connection ID [anything]
 *	#   tunnel ID [(primary)|(standby)]: anything
 * Comware has no connection above its tunnels and no standby tunnel, so
 * this is the only place the text holds them.
 */
static void
cw_header(struct cw *cw, const char *s)
{
	static const struct {
		const char	*text;
		enum tunnel_role role;
	} roles[] = {
		{ ":", ROLE_NONE },
		{ " (primary):", ROLE_PRIMARY },
		{ " (standby):", ROLE_STANDBY },
	};
	struct cw_member	*m;
	const char		*p;
	size_t			 n, i;

	while (*s == '#' || *s == '!' || *s == ' ' || *s == '\t')
		s++;
	if (strncmp(s, "Connection ", 11) == 0) {
		s += 11;
		n = strcspn(s, " \t,");
		free(cw->hdr_conn);
		cw->hdr_conn = xstrndup(s, n);
		if (!is_token(cw->hdr_conn)) {
			free(cw->hdr_conn);
			cw->hdr_conn = NULL;
		}
		return;
	}
	if (cw->hdr_conn == NULL || strncmp(s, "tunnel ", 7) != 0)
		return;
	s += 7;
	for (p = s; (*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') ||
	    (*p >= '0' && *p <= '9') || *p == '-' || *p == '_'; p++)
		;
	n = (size_t)(p - s);
	if (n == 0 || n > 64)
		return;
	for (i = 0; i < nitems(roles); i++)
		if (strncmp(p, roles[i].text, strlen(roles[i].text)) == 0)
			break;
	if (i == nitems(roles))
		return;
	cw->members = cw_append(cw->members, &cw->nmembers,
	    sizeof(*cw->members));
	m = &cw->members[cw->nmembers - 1];
	m->tunnel = xstrndup(s, n);
	m->conn = xstrdup(cw->hdr_conn);
	m->role = roles[i].role;
}

/* The header's entry for a tunnel id, the last one when repeated. */
static const struct cw_member *
cw_member_find(const struct cw *cw, const char *tunnel)
{
	size_t	i;

	for (i = cw->nmembers; i > 0; i--)
		if (strcmp(cw->members[i - 1].tunnel, tunnel) == 0)
			return &cw->members[i - 1];
	return NULL;
}

static void *
cw_append(void *arr, size_t *n, size_t size)
{
	char	*p;

	p = xreallocarray(arr, *n + 1, size);
	memset(p + *n * size, 0, size);
	(*n)++;
	return p;
}

/* The index of the block named name (case-insensitive), n if none. */
static size_t
cw_find(const void *arr, size_t n, size_t size, const char *name)
{
	const char	*p = arr;
	size_t		 i;

	for (i = 0; i < n; i++, p += size)
		if (strcasecmp(((const struct cw_obj *)(const void *)p)->name,
		    name) == 0)
			return i;
	return n;
}

/* Open block name of an array of cw, creating it when new. */
#define CW_OPEN(cw, arr, n, nm, ln) do {				\
	(cw)->cur = cw_find((cw)->arr, (cw)->n, sizeof(*(cw)->arr),	\
	    (nm));							\
	if ((cw)->cur == (cw)->n) {					\
		(cw)->arr = cw_append((cw)->arr, &(cw)->n,		\
		    sizeof(*(cw)->arr));				\
		(cw)->arr[(cw)->cur].o.name = xstrdup(nm);		\
		(cw)->arr[(cw)->cur].o.line = (ln);			\
	}								\
} while (0)

static void
cw_name_add(struct cw_name **arr, size_t *n, const char *s, size_t line)
{
	*arr = cw_append(*arr, n, sizeof(**arr));
	(*arr)[*n - 1].s = xstrdup(s);
	(*arr)[*n - 1].line = line;
}

static void
cw_name_set(struct cw_name *nm, const char *s, size_t line)
{
	free(nm->s);
	nm->s = xstrdup(s);
	nm->line = line;
}

/* Nothing may follow word i - 1. */
static int
cw_end(struct cw *cw, const struct cw_line *l, size_t i, struct cgw_err *err)
{
	if (l->nw > i)
		return cw_err(cw, l->no, err, "%s: unexpected \"%s\"",
		    word(l, 0), word(l, i));
	return 0;
}

static int
cw_num(struct cw *cw, const struct cw_line *l, size_t i, uint64_t min,
    uint64_t max, const char *what, uint64_t *v, struct cgw_err *err)
{
	if (i >= l->nw)
		return cw_err(cw, l->no, err, "%s: a number from %llu to %llu "
		    "is missing", what, (unsigned long long)min,
		    (unsigned long long)max);
	if (parse_u64(word(l, i), min, max, v) == -1)
		return cw_err(cw, l->no, err, "%s: \"%s\" is not a number "
		    "from %llu to %llu", what, word(l, i),
		    (unsigned long long)min, (unsigned long long)max);
	return 0;
}

/*
 * A prefix length from a dotted IPv4 mask (a wildcard, inverted, when
 * wildcard is set: "0" is a single host) or from a length.
 */
static int
cw_masklen(const char *s, int fam, int wildcard, unsigned *len)
{
	struct in_addr	a;
	uint64_t	v;
	uint32_t	m;
	unsigned	n = 0;

	if (strchr(s, '.') == NULL) {
		if (wildcard && fam == 4) {
			if (strcmp(s, "0") != 0)
				return -1;
			*len = 32;
			return 0;
		}
		if (parse_u64(s, 0, fam == 6 ? 128 : 32, &v) == -1)
			return -1;
		*len = (unsigned)v;
		return 0;
	}
	if (fam != 4 || inet_pton(AF_INET, s, &a) != 1)
		return -1;
	m = ntohl(a.s_addr);
	if (wildcard)
		m = ~m;
	/* Ones, then zeros. */
	if ((~m & (~m + 1)) != 0)
		return -1;
	while (m != 0) {
		n++;
		m <<= 1;
	}
	*len = n;
	return 0;
}

/* "addr/len" in canonical form; *hb when host bits were cleared. */
static int
cw_cidr(const char *addr, unsigned len, char *out, int *hb)
{
	char	tmp[96];

	snprintf(tmp, sizeof(tmp), "%s/%u", addr, len);
	return cidr_parse(tmp, out, 64, hb);
}

/* Algorithm keyword i of a line, valid where. */
static int
cw_alg(struct cw *cw, const struct cw_line *l, size_t i, enum alg_kind kind,
    int where, const char *what, const struct alg **out, struct cgw_err *err)
{
	char	 list[512];
	size_t	 j, used = 0;

	if (i >= l->nw)
		return cw_err(cw, l->no, err, "%s: the algorithm is missing",
		    what);
	for (j = 0; j < nitems(cw_algs); j++) {
		if (cw_algs[j].kind == kind && (cw_algs[j].where & where) &&
		    strcasecmp(cw_algs[j].cw, word(l, i)) == 0) {
			*out = alg_by_id(kind, cw_algs[j].id);
			return 0;
		}
	}
	list[0] = '\0';
	for (j = 0; j < nitems(cw_algs) && used < sizeof(list); j++) {
		if (cw_algs[j].kind != kind || !(cw_algs[j].where & where))
			continue;
		used += (size_t)snprintf(list + used, sizeof(list) - used,
		    "%s%s", used == 0 ? "" : ", ", cw_algs[j].cw);
	}
	return cw_err(cw, l->no, err, "%s: unknown value \"%s\" (cgwgen reads "
	    "%s)", what, word(l, i), list);
}

/* A list of algorithms from word i: the first is used. */
static int
cw_algs_list(struct cw *cw, const struct cw_line *l, size_t i,
    enum alg_kind kind, int where, const char *what, const struct alg **out,
    struct cgw_err *err)
{
	const struct alg	*a;
	size_t			 j;

	if (cw_alg(cw, l, i, kind, where, what, out, err) == -1)
		return -1;
	for (j = i + 1; j < l->nw; j++)
		if (cw_alg(cw, l, j, kind, where, what, &a, err) == -1)
			return -1;
	if (l->nw > i + 1)
		cw_warn(cw, l->no, "%s lists %zu algorithms; the model holds "
		    "one: using the first, %s", what, l->nw - i, word(l, i));
	return 0;
}

/*
 * An identity from word i: "address [ipv6] IP [MASK]", "fqdn NAME",
 * "user-fqdn NAME" or (IKEv2) "email NAME". A mask or length may follow
 * an address that matches a peer (mask set).
 */
static int
cw_ident(struct cw *cw, const struct cw_line *l, size_t i, int v2, int mask,
    const char *what, struct cw_ident *id, struct cgw_err *err)
{
	const char	*type = word(l, i), *v;
	unsigned	 len;
	int		 fam = 4;

	if (kw(l, i, "address")) {
		if (kw(l, i + 1, "ipv6")) {
			fam = 6;
			i++;
		}
		if (kw(l, i + 1, "range"))
			return cw_err(cw, l->no, err, "%s: an address range "
			    "cannot be rendered as an identity; give one "
			    "address", what);
		v = word(l, i + 1);
		if (addr_family(v) != fam)
			return cw_err(cw, l->no, err, "%s: \"%s\" is not an "
			    "IPv%d address", what, v, fam);
		i += 2;
		if (mask && i < l->nw) {
			if (cw_masklen(word(l, i), fam, 0, &len) == -1)
				return cw_err(cw, l->no, err, "%s: \"%s\" is "
				    "not a mask or prefix length", what,
				    word(l, i));
			if (len != (fam == 4 ? 32u : 128u))
				cw_warn(cw, l->no, "%s matches a range of "
				    "addresses; the model expects exactly %s",
				    what, v);
			i++;
		}
		id->type = ID_ADDRESS;
	} else if (kw(l, i, "fqdn") || kw(l, i, "user-fqdn") ||
	    (v2 && kw(l, i, "email"))) {
		v = word(l, i + 1);
		if (*v == '\0')
			return cw_err(cw, l->no, err, "%s %s without a name: "
			    "the device would send its own name, which the "
			    "text does not hold; give the name", what, type);
		if (kw(l, i, "fqdn")) {
			if (!is_fqdn(v))
				return cw_err(cw, l->no, err, "%s: \"%s\" is not "
				    "a host name (letters, digits, '-', '_' "
				    "and dots)", what, v);
			id->type = ID_FQDN;
		} else {
			if (!is_user_fqdn(v))
				return cw_err(cw, l->no, err, "%s: \"%s\" is not "
				    "a user@host name", what, v);
			id->type = ID_USER_FQDN;
		}
		i += 2;
	} else if (kw(l, i, "dn") || kw(l, i, "key-id") ||
	    kw(l, i, "certificate"))
		return cw_err(cw, l->no, err, "%s: %s identities cannot be "
		    "rendered (cgwgen configures pre-shared keys with address "
		    "or name identities)", what, type);
	else
		return cw_err(cw, l->no, err, "%s: unknown identity type \"%s\" "
		    "(cgwgen reads address, fqdn, %s)", what, type,
		    v2 ? "email" : "user-fqdn");
	if (cw_end(cw, l, i, err) == -1)
		return -1;
	free(id->value);
	id->value = xstrdup(v);
	id->set = 1;
	id->line = l->no;
	return 0;
}

/* "dpd interval N [retry M] {on-demand|periodic}" from word i ("dpd"). */
static int
cw_dpd(struct cw *cw, const struct cw_line *l, size_t i, struct cw_dpd *d,
    struct cgw_err *err)
{
	uint64_t	v;

	if (!kw(l, i + 1, "interval"))
		return cw_err(cw, l->no, err, "dpd: expected \"interval\", "
		    "found \"%s\"", word(l, i + 1));
	if (cw_num(cw, l, i + 2, 1, 300, "dpd interval", &v, err) == -1)
		return -1;
	d->interval = (uint32_t)v;
	d->retry = CW_DEF_DPD_RETRY;
	i += 3;
	if (kw(l, i, "retry")) {
		if (cw_num(cw, l, i + 1, 1, 60, "dpd retry", &v, err) == -1)
			return -1;
		d->retry = (uint32_t)v;
		i += 2;
	}
	if (!kw(l, i, "on-demand") && !kw(l, i, "periodic"))
		return cw_err(cw, l->no, err, "dpd: expected on-demand or "
		    "periodic, found \"%s\"", word(l, i));
	if (cw_end(cw, l, i + 1, err) == -1)
		return -1;
	d->set = 1;
	d->line = l->no;
	return 0;
}

/*
 * "sa duration {time-based N | traffic-based N}" (also "sa Lifetime", as
 * Tencent writes it) from word i ("sa").
 */
static int
cw_sa(struct cw *cw, const struct cw_line *l, size_t i, struct cw_sa *sa,
    struct cgw_err *err)
{
	uint64_t	v;

	if (kw(l, i + 2, "time-based")) {
		if (cw_num(cw, l, i + 3, 180, 604800, "sa duration time-based",
		    &v, err) == -1)
			return -1;
		sa->time = (uint32_t)v;
		sa->time_line = l->no;
	} else if (kw(l, i + 2, "traffic-based")) {
		if (cw_num(cw, l, i + 3, 2560, 4294967295ULL,
		    "sa duration traffic-based", &v, err) == -1)
			return -1;
		sa->kb = v;
		sa->kb_line = l->no;
	} else
		return cw_err(cw, l->no, err, "sa duration: expected time-based "
		    "or traffic-based, found \"%s\"", word(l, i + 2));
	return cw_end(cw, l, i + 4, err);
}

/*
 * The key after word i, which must be plain (plainword) rather than
 * encrypted (cipherword): the rest of the line, without quotes.
 */
static int
cw_key(struct cw *cw, const struct cw_line *l, size_t i, const char *what,
    const char *plainword, const char *cipherword, char **out,
    struct cgw_err *err)
{
	const char	*s;
	size_t		 n;

	if (kw(l, i, cipherword))
		return cw_err(cw, l->no, err, "%s: the key is stored encrypted "
		    "(%s), and an encrypted key cannot be recovered; write it "
		    "as \"%s\" followed by the key itself", what, cipherword,
		    plainword);
	if (!kw(l, i, plainword))
		return cw_err(cw, l->no, err, "%s: expected %s or %s before the "
		    "key", what, plainword, cipherword);
	if (i + 1 >= l->nw)
		return cw_err(cw, l->no, err, "%s: the key is missing", what);
	s = l->text + l->off[i + 1];
	n = strlen(s);
	if (n >= 2 && s[0] == '"' && s[n - 1] == '"') {
		s++;
		n -= 2;
	}
	if (n == 0)
		return cw_err(cw, l->no, err, "%s: the key is empty", what);
	freezero_str(*out);
	*out = xstrndup(s, n);
	return 0;
}

/*
 * A peer address from word *i: "[ipv6] IP [MASK|LEN]" into a CIDR
 * (mask allowed when withmask); *i moves past it.
 */
static int
cw_addr(struct cw *cw, const struct cw_line *l, size_t i, int withmask,
    char *net, size_t *next, struct cgw_err *err)
{
	const char	*a;
	uint64_t	 v;
	unsigned	 len;
	int		 fam = 4, hb;

	if (kw(l, i, "ipv6")) {
		fam = 6;
		i++;
	}
	a = word(l, i);
	if (addr_family(a) != fam)
		return cw_err(cw, l->no, err, "%s: \"%s\" is not an IPv%d "
		    "address", word(l, 0), a, fam);
	len = fam == 4 ? 32 : 128;
	i++;
	/* A mask or length may follow; "key" or the like does not. */
	if (withmask && i < l->nw && (strchr(word(l, i), '.') != NULL ||
	    parse_u64(word(l, i), 0, 128, &v) == 0)) {
		if (cw_masklen(word(l, i), fam, 0, &len) == -1)
			return cw_err(cw, l->no, err, "%s: \"%s\" is not a "
			    "mask or prefix length", word(l, 0), word(l, i));
		i++;
	}
	cw_cidr(a, len, net, &hb);
	*next = i;
	return 0;
}

/* An interface name from words [from, to), without spaces. */
static void
cw_ifname(const struct cw_line *l, size_t from, size_t to, char *out,
    size_t outlen)
{
	size_t	i, used = 0;

	out[0] = '\0';
	for (i = from; i < to && used < outlen; i++)
		used += (size_t)snprintf(out + used, outlen - used, "%s",
		    word(l, i));
	/* "tunnel 1" and "Tunnel1" are the same interface. */
	if (strncasecmp(out, "tunnel", 6) == 0)
		memcpy(out, "Tunnel", 6);
}

static struct cw_iface *
cw_iface_find(struct cw *cw, const char *name)
{
	size_t	i;

	i = cw_find(cw->ifaces, cw->nifaces, sizeof(*cw->ifaces), name);
	return i == cw->nifaces ? NULL : &cw->ifaces[i];
}

/* ike keychain NAME */
static int
cw_v_keychain(struct cw *cw, struct cw_line *l, struct cgw_err *err)
{
	struct cw_keychain	*k = &cw->kcs[cw->cur];
	struct cw_psk		*p;
	char			 net[64];
	size_t			 i;
	char			*key = NULL;

	if (!kw(l, 0, "pre-shared-key"))
		return 0;
	if (kw(l, 1, "hostname"))
		return 1;	/* keys are found by the peer's address */
	if (!kw(l, 1, "address"))
		return cw_err(cw, l->no, err, "pre-shared-key: expected address, "
		    "found \"%s\"", word(l, 1));
	if (cw_addr(cw, l, 2, 1, net, &i, err) == -1)
		return -1;
	if (!kw(l, i, "key"))
		return cw_err(cw, l->no, err, "pre-shared-key: expected \"key\" "
		    "after the address, found \"%s\"", word(l, i));
	if (cw_key(cw, l, i + 1, "pre-shared-key", "simple", "cipher", &key,
	    err) == -1)
		return -1;
	k->psks = cw_append(k->psks, &k->npsks, sizeof(*k->psks));
	p = &k->psks[k->npsks - 1];
	memcpy(p->net, net, sizeof(p->net));
	p->key = key;
	p->line = l->no;
	return 1;
}

/* ike proposal N */
static int
cw_v_proposal(struct cw *cw, struct cw_line *l, struct cgw_err *err)
{
	struct cw_prop	*p = &cw->props[cw->cur];
	uint64_t	 v;

	if (kw(l, 0, "encryption-algorithm")) {
		if (cw_alg(cw, l, 1, ALG_ENC, CW_IKE, "encryption-algorithm",
		    &p->enc, err) == -1)
			return -1;
		return cw_end(cw, l, 2, err) == -1 ? -1 : 1;
	}
	if (kw(l, 0, "authentication-algorithm")) {
		if (cw_alg(cw, l, 1, ALG_INTEG, CW_IKE,
		    "authentication-algorithm", &p->auth, err) == -1)
			return -1;
		return cw_end(cw, l, 2, err) == -1 ? -1 : 1;
	}
	if (kw(l, 0, "dh")) {
		if (cw_alg(cw, l, 1, ALG_DH, CW_IKE, "dh", &p->dh, err) == -1)
			return -1;
		return cw_end(cw, l, 2, err) == -1 ? -1 : 1;
	}
	if (kw(l, 0, "sa") && (kw(l, 1, "duration") || kw(l, 1, "lifetime"))) {
		if (cw_num(cw, l, 2, 60, 604800, "sa duration", &v, err) == -1)
			return -1;
		p->life = (uint32_t)v;
		return cw_end(cw, l, 3, err) == -1 ? -1 : 1;
	}
	if (kw(l, 0, "authentication-method")) {
		if (!kw(l, 1, "pre-share"))
			return cw_err(cw, l->no, err, "authentication-method: "
			    "\"%s\" cannot be rendered (cgwgen configures "
			    "pre-shared keys: pre-share)", word(l, 1));
		return cw_end(cw, l, 2, err) == -1 ? -1 : 1;
	}
	return 0;
}

/* ike profile NAME */
static int
cw_v_ikeprof(struct cw *cw, struct cw_line *l, struct cgw_err *err)
{
	struct cw_ikeprof	*p = &cw->ikeprofs[cw->cur];
	struct cw_ident		 id;
	uint64_t		 v;
	size_t			 i;

	if (kw(l, 0, "keychain")) {
		if (l->nw != 2)
			return cw_err(cw, l->no, err, "keychain: expected one "
			    "keychain name");
		cw_name_add(&p->keychains, &p->nkeychains, word(l, 1), l->no);
		return 1;
	}
	if (kw(l, 0, "local-identity"))
		return cw_ident(cw, l, 1, 0, 0, "local-identity", &p->local,
		    err) == -1 ? -1 : 1;
	if (kw(l, 0, "match") && kw(l, 1, "remote") &&
	    kw(l, 2, "identity")) {
		if (!p->remote.set)
			return cw_ident(cw, l, 3, 0, 1, "match remote identity",
			    &p->remote, err) == -1 ? -1 : 1;
		memset(&id, 0, sizeof(id));
		if (cw_ident(cw, l, 3, 0, 1, "match remote identity", &id,
		    err) == -1)
			return -1;
		free(id.value);
		cw_warn(cw, l->no, "ike profile %s matches more than one remote "
		    "identity; the model holds one: using the first, %s",
		    p->o.name, p->remote.value);
		return 1;
	}
	if (kw(l, 0, "match") && kw(l, 1, "local") && kw(l, 2, "address"))
		return 1;	/* which local address may use the profile */
	if (kw(l, 0, "inside-vpn") && kw(l, 1, "vpn-instance") && l->nw == 3)
		return 1;	/* the VPN instance of the protected traffic */
	if (kw(l, 0, "exchange-mode")) {
		if (kw(l, 1, "main"))
			p->mode = IKE_MAIN;
		else if (kw(l, 1, "aggressive"))
			p->mode = IKE_AGGRESSIVE;
		else
			return cw_err(cw, l->no, err, "exchange-mode: unknown "
			    "value \"%s\" (main or aggressive)", word(l, 1));
		p->mode_set = 1;
		return cw_end(cw, l, 2, err) == -1 ? -1 : 1;
	}
	if (kw(l, 0, "proposal")) {
		if (l->nw < 2 || l->nw > 7)
			return cw_err(cw, l->no, err, "proposal: expected one to "
			    "six proposal numbers");
		free(p->props);
		p->props = xcalloc(l->nw - 1, sizeof(*p->props));
		p->nprops = 0;
		for (i = 1; i < l->nw; i++) {
			if (cw_num(cw, l, i, 1, 65535, "proposal", &v,
			    err) == -1)
				return -1;
			p->props[p->nprops++] = (uint32_t)v;
		}
		p->props_line = l->no;
		return 1;
	}
	if (kw(l, 0, "dpd"))
		return cw_dpd(cw, l, 0, &p->dpd, err) == -1 ? -1 : 1;
	if (kw(l, 0, "priority"))
		return cw_num(cw, l, 1, 1, 65535, "priority", &v, err) == -1 ||
		    cw_end(cw, l, 2, err) == -1 ? -1 : 1;
	return 0;
}

/* ikev2 proposal NAME */
static int
cw_v_v2prop(struct cw *cw, struct cw_line *l, struct cgw_err *err)
{
	struct cw_v2prop	*p = &cw->v2props[cw->cur];

	if (kw(l, 0, "encryption"))
		return cw_algs_list(cw, l, 1, ALG_ENC, CW_V2, "encryption",
		    &p->enc, err) == -1 ? -1 : 1;
	if (kw(l, 0, "integrity"))
		return cw_algs_list(cw, l, 1, ALG_INTEG, CW_V2, "integrity",
		    &p->integ, err) == -1 ? -1 : 1;
	if (kw(l, 0, "prf"))
		return cw_algs_list(cw, l, 1, ALG_INTEG, CW_V2, "prf", &p->prf,
		    err) == -1 ? -1 : 1;
	if (kw(l, 0, "dh"))
		return cw_algs_list(cw, l, 1, ALG_DH, CW_V2, "dh", &p->dh,
		    err) == -1 ? -1 : 1;
	return 0;
}

/* ikev2 policy NAME */
static int
cw_v_v2pol(struct cw *cw, struct cw_line *l, struct cgw_err *err)
{
	struct cw_v2pol	*p = &cw->v2pols[cw->cur];
	uint64_t	 v;
	size_t		 i;

	if (kw(l, 0, "priority")) {
		if (cw_num(cw, l, 1, 1, 65535, "priority", &v, err) == -1)
			return -1;
		p->priority = (uint32_t)v;
		return cw_end(cw, l, 2, err) == -1 ? -1 : 1;
	}
	if (kw(l, 0, "proposal")) {
		if (l->nw < 2)
			return cw_err(cw, l->no, err, "proposal: the proposal "
			    "name is missing");
		for (i = 1; i < l->nw; i++)
			cw_name_add(&p->props, &p->nprops, word(l, i), l->no);
		return 1;
	}
	if (kw(l, 0, "match") && (kw(l, 1, "local") || kw(l, 1, "vrf")))
		return 1;	/* which local address or VRF may use it */
	return 0;
}

/* ikev2 keychain NAME */
static int
cw_v_v2kc(struct cw *cw, struct cw_line *l, struct cgw_err *err)
{
	struct cw_v2kc	*k = &cw->v2kcs[cw->cur];

	if (!kw(l, 0, "peer"))
		return 0;
	if (l->nw != 2)
		return cw_err(cw, l->no, err, "peer: expected one peer name");
	cw->peer = cw_find(k->peers, k->npeers, sizeof(*k->peers), word(l, 1));
	if (cw->peer == k->npeers) {
		k->peers = cw_append(k->peers, &k->npeers, sizeof(*k->peers));
		k->peers[cw->peer].o.name = xstrdup(word(l, 1));
		k->peers[cw->peer].o.line = l->no;
	}
	cw->view = V_V2_PEER;
	return 1;
}

/* peer NAME in an ikev2 keychain */
static int
cw_v_v2peer(struct cw *cw, struct cw_line *l, struct cgw_err *err)
{
	struct cw_v2peer	*p = &cw->v2kcs[cw->cur].peers[cw->peer];
	size_t			 i = 1;
	char			**key;

	if (kw(l, 0, "address")) {
		if (cw_addr(cw, l, 1, 1, p->net, &i, err) == -1 ||
		    cw_end(cw, l, i, err) == -1)
			return -1;
		p->has_net = 1;
		return 1;
	}
	if (kw(l, 0, "identity"))
		return cw_ident(cw, l, 1, 1, 0, "identity", &p->id, err) == -1 ?
		    -1 : 1;
	if (kw(l, 0, "pre-shared-key")) {
		key = &p->psk_local;
		if (kw(l, 1, "local") || kw(l, 1, "remote")) {
			if (kw(l, 1, "remote"))
				key = &p->psk_remote;
			i++;
		}
		if (cw_key(cw, l, i, "pre-shared-key", "plaintext",
		    "ciphertext", key, err) == -1)
			return -1;
		if (i == 1)	/* one key for both directions */
			cw_key(cw, l, i, "pre-shared-key", "plaintext",
			    "ciphertext", &p->psk_remote, err);
		return 1;
	}
	return 0;
}

/* ikev2 profile NAME */
static int
cw_v_v2prof(struct cw *cw, struct cw_line *l, struct cgw_err *err)
{
	struct cw_v2prof	*p = &cw->v2profs[cw->cur];
	struct cw_ident		 id;
	uint64_t		 v;

	if (kw(l, 0, "authentication-method")) {
		if (!kw(l, 1, "local") && !kw(l, 1, "remote"))
			return cw_err(cw, l->no, err, "authentication-method: "
			    "expected local or remote, found \"%s\"",
			    word(l, 1));
		if (!kw(l, 2, "pre-share"))
			return cw_err(cw, l->no, err, "authentication-method: "
			    "\"%s\" cannot be rendered (cgwgen configures "
			    "pre-shared keys: pre-share)", word(l, 2));
		return cw_end(cw, l, 3, err) == -1 ? -1 : 1;
	}
	if (kw(l, 0, "keychain")) {
		if (l->nw != 2)
			return cw_err(cw, l->no, err, "keychain: expected one "
			    "keychain name");
		cw_name_add(&p->keychains, &p->nkeychains, word(l, 1), l->no);
		return 1;
	}
	if (kw(l, 0, "identity") && kw(l, 1, "local"))
		return cw_ident(cw, l, 2, 1, 0, "identity local", &p->local,
		    err) == -1 ? -1 : 1;
	if (kw(l, 0, "match") && kw(l, 1, "remote") &&
	    kw(l, 2, "identity")) {
		if (!p->remote.set)
			return cw_ident(cw, l, 3, 1, 1, "match remote identity",
			    &p->remote, err) == -1 ? -1 : 1;
		memset(&id, 0, sizeof(id));
		if (cw_ident(cw, l, 3, 1, 1, "match remote identity", &id,
		    err) == -1)
			return -1;
		free(id.value);
		cw_warn(cw, l->no, "ikev2 profile %s matches more than one "
		    "remote identity; the model holds one: using the first, %s",
		    p->o.name, p->remote.value);
		return 1;
	}
	if (kw(l, 0, "match") && (kw(l, 1, "local") || kw(l, 1, "vrf")))
		return 1;
	if (kw(l, 0, "inside-vrf") && l->nw == 2)
		return 1;	/* the VPN instance of the protected traffic */
	if (kw(l, 0, "sa") && (kw(l, 1, "duration") || kw(l, 1, "lifetime"))) {
		if (cw_num(cw, l, 2, 60, 604800, "sa duration", &v, err) == -1)
			return -1;
		p->life = (uint32_t)v;
		return cw_end(cw, l, 3, err) == -1 ? -1 : 1;
	}
	if (kw(l, 0, "dpd"))
		return cw_dpd(cw, l, 0, &p->dpd, err) == -1 ? -1 : 1;
	if (kw(l, 0, "nat-keepalive") || kw(l, 0, "priority"))
		return cw_num(cw, l, 1, 1, 65535, word(l, 0), &v, err) == -1 ||
		    cw_end(cw, l, 2, err) == -1 ? -1 : 1;
	return 0;
}

/* ipsec transform-set NAME */
static int
cw_v_tset(struct cw *cw, struct cw_line *l, struct cgw_err *err)
{
	struct cw_tset	*t = &cw->tsets[cw->cur];

	if (kw(l, 0, "encapsulation-mode")) {
		if (kw(l, 1, "transport") || kw(l, 1, "auto"))
			return cw_err(cw, l->no, err, "encapsulation-mode %s "
			    "cannot be rendered (site-to-site VPNs use "
			    "tunnel mode)", word(l, 1));
		if (!kw(l, 1, "tunnel"))
			return cw_err(cw, l->no, err, "encapsulation-mode: "
			    "unknown value \"%s\"", word(l, 1));
		return cw_end(cw, l, 2, err) == -1 ? -1 : 1;
	}
	if (kw(l, 0, "protocol")) {
		if (!kw(l, 1, "esp"))
			return cw_err(cw, l->no, err, "protocol %s cannot be "
			    "rendered (the model is ESP only)", word(l, 1));
		return cw_end(cw, l, 2, err) == -1 ? -1 : 1;
	}
	if (kw(l, 0, "esp") && kw(l, 1, "encryption-algorithm")) {
		t->enc_line = l->no;
		return cw_algs_list(cw, l, 2, ALG_ENC, CW_ESP,
		    "esp encryption-algorithm", &t->enc, err) == -1 ? -1 : 1;
	}
	if (kw(l, 0, "esp") && kw(l, 1, "authentication-algorithm"))
		return cw_algs_list(cw, l, 2, ALG_INTEG, CW_ESP,
		    "esp authentication-algorithm", &t->auth, err) == -1 ?
		    -1 : 1;
	if (kw(l, 0, "pfs")) {
		if (cw_alg(cw, l, 1, ALG_DH, CW_PFS, "pfs", &t->pfs, err) == -1)
			return -1;
		return cw_end(cw, l, 2, err) == -1 ? -1 : 1;
	}
	return 0;
}

/*
 * A rule's address from word *i: "any", "ADDR WILDCARD" (IPv4),
 * "ADDR/LEN" or "ADDR LEN" (IPv6).
 */
static int
cw_rule_addr(struct cw *cw, const struct cw_line *l, size_t *i, int v6,
    char *out, struct cgw_err *err)
{
	char		 a[64], *slash;
	unsigned	 len;
	int		 hb, fam = v6 ? 6 : 4;

	if (kw(l, *i, "any")) {
		snprintf(out, 64, "%s", v6 ? "::/0" : "0.0.0.0/0");
		(*i)++;
		return 0;
	}
	snprintf(a, sizeof(a), "%s", word(l, *i));
	if (v6 && (slash = strchr(a, '/')) != NULL) {
		*slash = '\0';
		if (addr_family(a) != 6 || cw_masklen(slash + 1, 6, 0,
		    &len) == -1)
			return cw_err(cw, l->no, err, "rule: \"%s\" is not an "
			    "IPv6 prefix", word(l, *i));
		(*i)++;
	} else {
		if (addr_family(a) != fam)
			return cw_err(cw, l->no, err, "rule: \"%s\" is not an "
			    "IPv%d address", a, fam);
		if (cw_masklen(word(l, *i + 1), fam, 1, &len) == -1)
			return cw_err(cw, l->no, err, "rule: \"%s\" after %s is "
			    "not a%s", word(l, *i + 1), a, v6 ?
			    " prefix length" : " wildcard mask (inverse mask, "
			    "0.0.0.255 for a /24)");
		*i += 2;
	}
	cw_cidr(a, len, out, &hb);
	if (hb)
		cw_warn(cw, l->no, "rule: %s with that mask has host bits set; "
		    "using %s", a, out);
	return 0;
}

/* acl advanced N (acl number N, acl basic N, acl ipv6 advanced N) */
static int
cw_v_acl(struct cw *cw, struct cw_line *l, struct cgw_err *err)
{
	struct cw_acl	*a = &cw->acls[cw->cur];
	struct cw_rule	 r;
	uint64_t	 v;
	size_t		 i = 1, j;
	int		 permit;

	if (kw(l, 0, "step"))
		return cw_num(cw, l, 1, 1, 20, "step", &v, err) == -1 ? -1 : 1;
	if (!kw(l, 0, "rule"))
		return 0;
	if (parse_u64(word(l, 1), 0, 65534, &v) == 0)
		i++;
	if (kw(l, i, "permit"))
		permit = 1;
	else if (kw(l, i, "deny"))
		permit = 0;
	else if (kw(l, i, "comment"))
		return 1;
	else
		return cw_err(cw, l->no, err, "rule: expected permit or deny, "
		    "found \"%s\"", word(l, i));
	i++;
	if (!permit) {
		/* Traffic a deny rule keeps out cannot be expressed. */
		if (a->ndeny++ == 0)
			a->deny_line = l->no;
		return 1;
	}
	if (kw(l, i, a->v6 ? "ipv6" : "ip"))
		i++;
	else if (!kw(l, i, "source") && !kw(l, i, "destination") &&
	    i < l->nw)
		return cw_err(cw, l->no, err, "rule: protocol \"%s\" cannot be "
		    "rendered (traffic selectors carry every protocol: %s)",
		    word(l, i), a->v6 ? "ipv6" : "ip");
	memset(&r, 0, sizeof(r));
	snprintf(r.src, sizeof(r.src), "%s", a->v6 ? "::/0" : "0.0.0.0/0");
	snprintf(r.dst, sizeof(r.dst), "%s", a->v6 ? "::/0" : "0.0.0.0/0");
	while (i < l->nw) {
		if (kw(l, i, "source")) {
			i++;
			if (cw_rule_addr(cw, l, &i, a->v6, r.src, err) == -1)
				return -1;
		} else if (kw(l, i, "destination")) {
			i++;
			if (cw_rule_addr(cw, l, &i, a->v6, r.dst, err) == -1)
				return -1;
		} else if (kw(l, i, "counting") || kw(l, i, "logging"))
			i++;
		else
			return cw_err(cw, l->no, err, "rule: \"%s\" cannot be "
			    "rendered (cgwgen reads source and destination)",
			    word(l, i));
	}
	r.line = l->no;
	for (j = 0; j < a->nrules; j++)
		if (strcmp(a->rules[j].src, r.src) == 0 &&
		    strcmp(a->rules[j].dst, r.dst) == 0)
			return 1;
	a->rules = cw_append(a->rules, &a->nrules, sizeof(*a->rules));
	a->rules[a->nrules - 1] = r;
	return 1;
}

/* ipsec policy NAME SEQ isakmp, ipsec profile NAME */
static int
cw_v_ipol(struct cw *cw, struct cw_line *l, struct cgw_err *err)
{
	struct cw_ipol	*p = &cw->ipols[cw->cur];
	uint64_t	 v;
	size_t		 i;

	if (kw(l, 0, "description")) {
		/* One token names the tunnel; other text is not ours. */
		free(p->descr);
		p->descr = l->nw == 2 && is_token(word(l, 1)) ?
		    xstrdup(word(l, 1)) : NULL;
		return 1;
	}
	if (kw(l, 0, "transform-set")) {
		if (l->nw < 2)
			return cw_err(cw, l->no, err, "transform-set: the name "
			    "is missing");
		for (i = 1; i < l->nw; i++)
			cw_name_add(&p->tsets, &p->ntsets, word(l, i), l->no);
		return 1;
	}
	if (kw(l, 0, "ike-profile") || kw(l, 0, "ikev2-profile")) {
		if (l->nw != 2)
			return cw_err(cw, l->no, err, "%s: expected one profile "
			    "name", word(l, 0));
		cw_name_set(kw(l, 0, "ike-profile") ? &p->ikeprof : &p->v2prof,
		    word(l, 1), l->no);
		return 1;
	}
	if (kw(l, 0, "sa") && (kw(l, 1, "duration") || kw(l, 1, "lifetime")))
		return cw_sa(cw, l, 0, &p->sa, err) == -1 ? -1 : 1;
	if (kw(l, 0, "pfs")) {
		if (cw_alg(cw, l, 1, ALG_DH, CW_PFS, "pfs", &p->pfs, err) == -1)
			return -1;
		p->pfs_line = l->no;
		return cw_end(cw, l, 2, err) == -1 ? -1 : 1;
	}
	if (p->profile)
		return 0;
	if (kw(l, 0, "security") && kw(l, 1, "acl")) {
		i = kw(l, 2, "ipv6") ? 3 : 2;
		if (kw(l, i, "name"))
			return cw_err(cw, l->no, err, "security acl name: cgwgen "
			    "reads numbered ACLs (acl advanced N)");
		if (parse_u64(word(l, i), 2000, 3999, &v) == -1)
			return cw_err(cw, l->no, err, "security acl: \"%s\" is "
			    "not an ACL number from 2000 to 3999", word(l, i));
		cw_name_set(&p->acl, word(l, i), l->no);
		i++;
		if (kw(l, i, "aggregation") || kw(l, i, "per-host"))
			i++;
		return cw_end(cw, l, i, err) == -1 ? -1 : 1;
	}
	if (kw(l, 0, "remote-address") || kw(l, 0, "local-address")) {
		i = kw(l, 1, "ipv6") ? 2 : 1;
		if (l->nw != i + 1)
			return cw_err(cw, l->no, err, "%s: expected one address",
			    word(l, 0));
		if (addr_family(word(l, i)) != (i == 2 ? 6 : 4) &&
		    (i == 2 || !kw(l, 0, "remote-address")))
			return cw_err(cw, l->no, err, "%s: \"%s\" is not an "
			    "IPv%d address", word(l, 0), word(l, i),
			    i == 2 ? 6 : 4);
		cw_name_set(kw(l, 0, "remote-address") ? &p->remote : &p->local,
		    word(l, i), l->no);
		return 1;
	}
	return 0;
}

/* interface NAME */
static int
cw_v_iface(struct cw *cw, struct cw_line *l, struct cgw_err *err)
{
	struct cw_iface	*f = &cw->ifaces[cw->cur];
	char		 net[64];
	unsigned	 len;
	int		 hb;

	if (kw(l, 0, "ipsec") && kw(l, 1, "apply") && kw(l, 2, "policy")) {
		if (l->nw != 4)
			return cw_err(cw, l->no, err, "ipsec apply policy: "
			    "expected one policy name");
		cw_name_add(&f->apply, &f->napply, word(l, 3), l->no);
		return 1;
	}
	if ((kw(l, 0, "port") && kw(l, 1, "link-mode")) ||
	    (kw(l, 0, "undo") && kw(l, 1, "shutdown") && l->nw == 2))
		return 1;
	if (kw(l, 0, "ip") && kw(l, 1, "binding") &&
	    kw(l, 2, "vpn-instance") && l->nw == 4)
		return 1;	/* a VPN instance the model does not hold */
	if (kw(l, 0, "ip") && kw(l, 1, "address")) {
		if (kw(l, 2, "dhcp-alloc") || kw(l, 2, "unnumbered")) {
			free(f->ip);	/* not known from the text */
			f->ip = NULL;
			f->ipnet[0] = '\0';
			return 1;
		}
		if (addr_family(word(l, 2)) != 4 || cw_masklen(word(l, 3), 4,
		    0, &len) == -1 || cw_cidr(word(l, 2), len, net, &hb) == 0)
			return cw_err(cw, l->no, err, "ip address: expected an "
			    "IPv4 address and a mask, found \"%s %s\"",
			    word(l, 2), word(l, 3));
		if (kw(l, 4, "sub"))
			return 1;	/* the primary address counts */
		if (cw_end(cw, l, 4, err) == -1)
			return -1;
		free(f->ip);
		f->ip = xstrdup(word(l, 2));
		memcpy(f->ipnet, net, sizeof(f->ipnet));
		return 1;
	}
	if (!f->tunnel)
		return 0;
	if (kw(l, 0, "source") || kw(l, 0, "destination")) {
		if (l->nw < 2)
			return cw_err(cw, l->no, err, "%s: the address is "
			    "missing", word(l, 0));
		if (kw(l, 0, "destination")) {
			if (l->nw != 2 || addr_family(word(l, 1)) == 0)
				return cw_err(cw, l->no, err, "destination: "
				    "\"%s\" is not an IP address", word(l, 1));
			cw_name_set(&f->dest, word(l, 1), l->no);
		} else {
			cw_ifname(l, 1, l->nw, net, sizeof(net));
			cw_name_set(&f->source, net, l->no);
		}
		return 1;
	}
	if (kw(l, 0, "tunnel") && kw(l, 1, "protection") && kw(l, 2, "ipsec") &&
	    kw(l, 3, "profile")) {
		if (l->nw != 5)
			return cw_err(cw, l->no, err, "tunnel protection ipsec "
			    "profile: expected one profile name");
		cw_name_set(&f->protect, word(l, 4), l->no);
		return 1;
	}
	return 0;
}

/* ike ... in system view */
static int
cw_sys_ike(struct cw *cw, struct cw_line *l, struct cgw_err *err)
{
	char		 num[16];
	uint64_t	 v;

	if (kw(l, 1, "keychain")) {
		if (l->nw != 3 && !(l->nw == 5 && kw(l, 3, "vpn-instance")))
			return cw_err(cw, l->no, err, "ike keychain: expected "
			    "one keychain name");
		CW_OPEN(cw, kcs, nkcs, word(l, 2), l->no);
		cw->view = V_IKE_KEYCHAIN;
		return 1;
	}
	if (kw(l, 1, "proposal")) {
		if (cw_num(cw, l, 2, 1, 65535, "ike proposal", &v, err) == -1 ||
		    cw_end(cw, l, 3, err) == -1)
			return -1;
		snprintf(num, sizeof(num), "%llu", (unsigned long long)v);
		CW_OPEN(cw, props, nprops, num, l->no);
		cw->props[cw->cur].num = (uint32_t)v;
		cw->view = V_IKE_PROPOSAL;
		return 1;
	}
	if (kw(l, 1, "profile")) {
		if (l->nw != 3)
			return cw_err(cw, l->no, err, "ike profile: expected one "
			    "profile name");
		CW_OPEN(cw, ikeprofs, nikeprofs, word(l, 2), l->no);
		cw->view = V_IKE_PROFILE;
		return 1;
	}
	if (kw(l, 1, "dpd"))
		return cw_dpd(cw, l, 1, &cw->dpd, err) == -1 ? -1 : 1;
	if (kw(l, 1, "identity"))
		return cw_ident(cw, l, 2, 0, 0, "ike identity", &cw->identity,
		    err) == -1 ? -1 : 1;
	if (kw(l, 1, "invalid-spi-recovery") && kw(l, 2, "enable"))
		return cw_end(cw, l, 3, err) == -1 ? -1 : 1;
	if (kw(l, 1, "nat-keepalive"))
		return cw_num(cw, l, 2, 1, 3600, "ike nat-keepalive", &v,
		    err) == -1 || cw_end(cw, l, 3, err) == -1 ? -1 : 1;
	return 0;
}

/* ikev2 ... in system view */
static int
cw_sys_ikev2(struct cw *cw, struct cw_line *l, struct cgw_err *err)
{
	uint64_t	v;

	if ((kw(l, 1, "proposal") || kw(l, 1, "policy") ||
	    kw(l, 1, "keychain") || kw(l, 1, "profile")) && l->nw != 3)
		return cw_err(cw, l->no, err, "ikev2 %s: expected one name",
		    word(l, 1));
	if (kw(l, 1, "proposal")) {
		CW_OPEN(cw, v2props, nv2props, word(l, 2), l->no);
		cw->view = V_V2_PROPOSAL;
		return 1;
	}
	if (kw(l, 1, "policy")) {
		CW_OPEN(cw, v2pols, nv2pols, word(l, 2), l->no);
		if (cw->v2pols[cw->cur].priority == 0)
			cw->v2pols[cw->cur].priority = 100;
		cw->view = V_V2_POLICY;
		return 1;
	}
	if (kw(l, 1, "keychain")) {
		CW_OPEN(cw, v2kcs, nv2kcs, word(l, 2), l->no);
		cw->view = V_V2_KEYCHAIN;
		return 1;
	}
	if (kw(l, 1, "profile")) {
		CW_OPEN(cw, v2profs, nv2profs, word(l, 2), l->no);
		cw->view = V_V2_PROFILE;
		return 1;
	}
	if (kw(l, 1, "dpd"))
		return cw_dpd(cw, l, 1, &cw->v2dpd, err) == -1 ? -1 : 1;
	if (kw(l, 1, "nat-keepalive"))
		return cw_num(cw, l, 2, 1, 3600, "ikev2 nat-keepalive", &v,
		    err) == -1 || cw_end(cw, l, 3, err) == -1 ? -1 : 1;
	return 0;
}

/* ipsec ... in system view */
static int
cw_sys_ipsec(struct cw *cw, struct cw_line *l, struct cgw_err *err)
{
	struct cw_ipol	*p;
	char		 name[160];
	uint64_t	 v = 0;
	size_t		 i;

	if (kw(l, 1, "transform-set")) {
		if (l->nw != 3)
			return cw_err(cw, l->no, err, "ipsec transform-set: "
			    "expected one name");
		CW_OPEN(cw, tsets, ntsets, word(l, 2), l->no);
		cw->view = V_TSET;
		return 1;
	}
	if (kw(l, 1, "policy") || kw(l, 1, "profile")) {
		i = kw(l, 1, "policy") ? 4 : 3;
		if (kw(l, i, "manual"))
			return cw_err(cw, l->no, err, "ipsec %s %s: manual "
			    "(keys typed in) SAs cannot be rendered; cgwgen "
			    "needs IKE (isakmp)", word(l, 1), word(l, 2));
		if (kw(l, i, "isakmp") && kw(l, i + 1, "template")) {
			cw_not_read(cw, l);
			return 1;
		}
		if (l->nw < 3)
			return cw_err(cw, l->no, err, "ipsec %s: the name is "
			    "missing", word(l, 1));
		if (i == 4 && cw_num(cw, l, 3, 1, 65535, "ipsec policy "
		    "sequence number", &v, err) == -1)
			return -1;
		if (kw(l, i, "isakmp"))
			i++;
		if (cw_end(cw, l, i, err) == -1)
			return -1;
		if (kw(l, 1, "policy"))
			snprintf(name, sizeof(name), "%s %s", word(l, 2),
			    word(l, 3));
		else
			snprintf(name, sizeof(name), "%s", word(l, 2));
		CW_OPEN(cw, ipols, nipols, name, l->no);
		p = &cw->ipols[cw->cur];
		if (p->pname == NULL) {
			p->pname = xstrdup(word(l, 2));
			p->profile = kw(l, 1, "profile");
			p->seq = (uint32_t)v;
		}
		cw->view = V_IPOL;
		return 1;
	}
	if (kw(l, 1, "invalid-spi-recovery") && kw(l, 2, "enable"))
		return cw_end(cw, l, 3, err) == -1 ? -1 : 1;
	if (kw(l, 1, "sa") && kw(l, 2, "global-duration")) {
		/* The same words as "sa duration", two places further. */
		return cw_sa(cw, l, 1, &cw->gsa, err) == -1 ? -1 : 1;
	}
	return 0;
}

/* acl advanced N, acl number N, acl basic N, acl ipv6 advanced N */
static int
cw_sys_acl(struct cw *cw, struct cw_line *l, struct cgw_err *err)
{
	uint64_t	v;
	size_t		i = 1, num;
	int		v6 = 0;

	if (kw(l, 1, "ipv6")) {
		v6 = 1;
		i++;
	}
	if (!kw(l, i, "advanced") && !kw(l, i, "number") &&
	    !kw(l, i, "basic"))
		return 0;
	if (kw(l, i + 1, "name"))
		return cw_err(cw, l->no, err, "acl %s name: cgwgen reads "
		    "numbered ACLs (acl advanced N)", word(l, i));
	if (cw_num(cw, l, i + 1, 2000, 3999, "acl", &v, err) == -1)
		return -1;
	num = i + 1;
	i += 2;
	if (kw(l, i, "match-order") && (kw(l, i + 1, "config") ||
	    kw(l, i + 1, "auto")))
		i += 2;
	if (cw_end(cw, l, i, err) == -1)
		return -1;
	CW_OPEN(cw, acls, nacls, word(l, num), l->no);
	cw->acls[cw->cur].v6 = v6;
	cw->view = V_ACL;
	return 1;
}

/* interface NAME [mode ipsec] */
static int
cw_sys_interface(struct cw *cw, struct cw_line *l, struct cgw_err *err)
{
	struct cw_iface	*f;
	char		 name[128];
	size_t		 i;

	for (i = 1; i < l->nw && !kw(l, i, "mode"); i++)
		;
	if (i == 1)
		return cw_err(cw, l->no, err, "interface: the name is missing");
	cw_ifname(l, 1, i, name, sizeof(name));
	CW_OPEN(cw, ifaces, nifaces, name, l->no);
	f = &cw->ifaces[cw->cur];
	if (kw(l, i, "mode")) {
		if (kw(l, i + 1, "ipsec") && strncmp(name, "Tunnel", 6) == 0) {
			f->tunnel = 1;
			i += 2;
			if (kw(l, i, "ipv4") || kw(l, i, "ipv6"))
				i++;
		} else {
			/* A GRE or other tunnel: its lines are not ours. */
			f->tunnel = 0;
			i = l->nw;
		}
		if (cw_end(cw, l, i, err) == -1)
			return -1;
	}
	cw->view = V_IFACE;
	return 1;
}

/*
 * ip route-static [vpn-instance NAME] NET MASK {Tunnel N | IFACE | NEXTHOP}
 * [preference N] ...
 */
static int
cw_sys_route(struct cw *cw, struct cw_line *l, struct cgw_err *err)
{
	struct cw_route	*r;
	char		 net[64], name[64];
	unsigned	 len;
	size_t		 i = 2, to;
	int		 hb;

	if (kw(l, 2, "vpn-instance"))
		i = 4;		/* the model holds no VPN instance */
	if (addr_family(word(l, i)) != 4)
		return 0;	/* IPv6, a name ... */
	if (cw_masklen(word(l, i + 1), 4, 0, &len) == -1 ||
	    cw_cidr(word(l, i), len, net, &hb) == 0)
		return cw_err(cw, l->no, err, "ip route-static: \"%s\" is not "
		    "a mask or prefix length", word(l, i + 1));
	if (l->nw < i + 3)
		return cw_err(cw, l->no, err, "ip route-static: the next hop is "
		    "missing");
	i += 2;
	if (strncasecmp(word(l, i), "tunnel", 6) != 0)
		return 1;	/* another interface or a next hop */
	to = word(l, i)[6] == '\0' ? i + 2 : i + 1;
	cw_ifname(l, i, to, name, sizeof(name));
	cw->routes = cw_append(cw->routes, &cw->nroutes, sizeof(*cw->routes));
	r = &cw->routes[cw->nroutes - 1];
	memcpy(r->net, net, sizeof(r->net));
	r->iface = xstrdup(name);
	r->line = l->no;
	return 1;
}

/* bgp N: the AS number this device speaks BGP with. */
static int
cw_sys_bgp(struct cw *cw, struct cw_line *l, struct cgw_err *err)
{
	uint64_t	v;

	if (cw_num(cw, l, 1, 1, 4294967295ULL, "bgp", &v, err) == -1)
		return -1;
	if (l->nw > 2 && !kw(l, 2, "instance"))
		return cw_end(cw, l, 2, err);
	if (cw->bgp_asn != 0 && cw->bgp_asn != v)
		return cw_err(cw, l->no, err, "bgp %llu: line %zu runs BGP as AS "
		    "%u already; the model holds one AS number for this device",
		    (unsigned long long)v, cw->bgp_line, (unsigned)cw->bgp_asn);
	cw->bgp_asn = (uint32_t)v;
	cw->bgp_line = l->no;
	cw->bgp_depth = 1;
	cw->view = V_BGP;
	return 1;
}

/*
 * bgp view, with its VPN instance and address family views: the peers
 * and their AS numbers; which tunnel each one runs over is found later.
 */
static int
cw_v_bgp(struct cw *cw, struct cw_line *l, struct cgw_err *err)
{
	struct cw_peer	*p;
	char		 ip[64];
	uint64_t	 v;
	size_t		 i;
	int		 hb;

	if ((kw(l, 0, "ip") && kw(l, 1, "vpn-instance") && l->nw == 3) ||
	    (kw(l, 0, "address-family") && kw(l, 1, "ipv4") &&
	    (l->nw == 2 || (l->nw == 3 && kw(l, 2, "unicast"))))) {
		cw->bgp_depth++;
		return 1;
	}
	if (kw(l, 0, "router-id") && l->nw == 2)
		return 1;
	if (!kw(l, 0, "peer") || addr_family(word(l, 1)) != 4)
		return 0;
	if (kw(l, 2, "enable") && l->nw == 3)
		return 1;
	if (!kw(l, 2, "as-number"))
		return 0;
	if (cw_num(cw, l, 3, 1, 4294967295ULL, "peer as-number", &v,
	    err) == -1 || cw_end(cw, l, 4, err) == -1)
		return -1;
	cidr_parse(word(l, 1), ip, sizeof(ip), &hb);
	ip[strcspn(ip, "/")] = '\0';
	for (i = 0; i < cw->npeers; i++)
		if (strcmp(cw->peers[i].ip, ip) == 0)
			break;
	if (i == cw->npeers)
		cw->peers = cw_append(cw->peers, &cw->npeers,
		    sizeof(*cw->peers));
	p = &cw->peers[i];
	memcpy(p->ip, ip, sizeof(p->ip));
	p->asn = (uint32_t)v;
	p->line = l->no;
	return 1;
}

/* A command of system view; a match closes the open block. */
static int
cw_system(struct cw *cw, struct cw_line *l, struct cgw_err *err)
{
	enum cw_view	old = cw->view;
	int		r = 0;

	cw->view = V_NONE;
	if (kw(l, 0, "system-view") && l->nw == 1)
		r = 1;
	else if (kw(l, 0, "ike"))
		r = cw_sys_ike(cw, l, err);
	else if (kw(l, 0, "ikev2"))
		r = cw_sys_ikev2(cw, l, err);
	else if (kw(l, 0, "ipsec"))
		r = cw_sys_ipsec(cw, l, err);
	else if (kw(l, 0, "acl"))
		r = cw_sys_acl(cw, l, err);
	else if (kw(l, 0, "interface"))
		r = cw_sys_interface(cw, l, err);
	else if (kw(l, 0, "ip") && kw(l, 1, "route-static"))
		r = cw_sys_route(cw, l, err);
	else if (kw(l, 0, "bgp"))
		r = cw_sys_bgp(cw, l, err);
	else if (kw(l, 0, "ip") && kw(l, 1, "unreachables") &&
	    kw(l, 2, "enable") && l->nw == 3)
		r = 1;
	if (r == 0)
		cw->view = old;
	return r;
}

/* One line: a command of the open block, else of system view. */
static int
cw_line(struct cw *cw, struct cw_line *l, struct cgw_err *err)
{
	int	r = 0;

	if (l->toolong) {
		cw_not_read(cw, l);
		return 0;
	}
	if (l->nw == 1 && (kw(l, 0, "quit") || kw(l, 0, "return"))) {
		if (cw->view == V_BGP && kw(l, 0, "quit") &&
		    --cw->bgp_depth > 0)
			return 0;
		cw->view = cw->view == V_V2_PEER && kw(l, 0, "quit") ?
		    V_V2_KEYCHAIN : V_NONE;
		return 0;
	}
	if (cw->view != V_NONE && cw->view != V_IPOL &&
	    kw(l, 0, "description"))
		return 0;
	switch (cw->view) {
	case V_NONE:
		break;
	case V_IKE_KEYCHAIN:
		r = cw_v_keychain(cw, l, err);
		break;
	case V_IKE_PROPOSAL:
		r = cw_v_proposal(cw, l, err);
		break;
	case V_IKE_PROFILE:
		r = cw_v_ikeprof(cw, l, err);
		break;
	case V_V2_PROPOSAL:
		r = cw_v_v2prop(cw, l, err);
		break;
	case V_V2_POLICY:
		r = cw_v_v2pol(cw, l, err);
		break;
	case V_V2_PEER:
		/* A command of the peer, else the keychain's next peer. */
		if ((r = cw_v_v2peer(cw, l, err)) == 0)
			r = cw_v_v2kc(cw, l, err);
		break;
	case V_V2_KEYCHAIN:
		r = cw_v_v2kc(cw, l, err);
		break;
	case V_V2_PROFILE:
		r = cw_v_v2prof(cw, l, err);
		break;
	case V_TSET:
		r = cw_v_tset(cw, l, err);
		break;
	case V_ACL:
		r = cw_v_acl(cw, l, err);
		break;
	case V_IPOL:
		r = cw_v_ipol(cw, l, err);
		break;
	case V_IFACE:
		r = cw_v_iface(cw, l, err);
		break;
	case V_BGP:
		r = cw_v_bgp(cw, l, err);
		break;
	}
	if (r == 0)
		r = cw_system(cw, l, err);
	if (r == 0)
		cw_not_read(cw, l);
	return r == -1 ? -1 : 0;
}

/* The prefix length of a canonical CIDR. */
static long
cw_plen(const char *net)
{
	return strtol(strchr(net, '/') + 1, NULL, 10);
}

/* Whether a canonical CIDR is one address. */
static int
cw_is_host(const char *net)
{
	return cw_plen(net) == (strchr(net, ':') != NULL ? 128 : 32);
}

/* The key of the longest matching pre-shared-key address. */
static const struct cw_psk *
cw_psk_find(const struct cw_keychain *k, const char *peer)
{
	const struct cw_psk	*best = NULL;
	size_t			 i;
	long			 blen = -1, len;

	for (i = 0; i < k->npsks; i++) {
		if (!cidr_contains(k->psks[i].net, peer))
			continue;
		len = cw_plen(k->psks[i].net);
		if (len > blen) {
			best = &k->psks[i];
			blen = len;
		}
	}
	return best;
}

static void
cw_set_dpd(struct tunnel *t, const struct cw_dpd *d)
{
	t->dpd_action = DPD_RESTART;
	if (d == NULL || !d->set) {
		t->dpd_enabled = 0;
		return;
	}
	/*
	 * The device probes after interval seconds without traffic, then
	 * retries every retry seconds; after the last try the peer is dead.
	 */
	t->dpd_enabled = 1;
	t->dpd_interval = d->interval;
	t->dpd_timeout = d->interval + CW_DPD_TRIES * d->retry;
}

/*
 * An identity: the configured one, else an address with a warning: this
 * device's (local, what Comware sends) or the cloud gateway's (remote);
 * what names the command.
 */
static int
cw_set_ident(struct cw_build *b, struct ident *out, const struct cw_ident *in,
    int local, const char *what, struct cgw_err *err)
{
	struct cw_cand	*c = b->cand;
	const char	*addr = local ? b->local : b->peer;

	if (in != NULL && in->set) {
		out->type = in->type;
		out->value = xstrdup(in->value);
		return 0;
	}
	if (addr == NULL)
		return cw_err(b->cw, c->line, err, "%s: no %s, and this device's "
		    "address is not known either: add %s, or give the address "
		    "with --local-address", c->where, what, what);
	if (local)
		cw_warn(b->cw, c->line, "%s: no %s; this device identifies "
		    "itself by its address, %s", c->where, what, addr);
	else
		cw_warn(b->cw, c->line, "%s: no %s; expecting the cloud gateway "
		    "to identify itself by its address, %s", c->where, what,
		    addr);
	out->type = ID_ADDRESS;
	out->value = xstrdup(addr);
	return 0;
}

/* The cloud gateway's address, and this device's. */
static int
cw_remote(struct cw_build *b, struct cgw_err *err)
{
	struct cw		*cw = b->cw;
	struct cw_cand		*c = b->cand;
	struct cw_iface		*src;
	const struct source_opts *o = cw->ctx->opts;
	const char		*remote = NULL, *local = NULL;

	if (c->ifc != NULL) {
		remote = c->ifc->dest.s;
		if (c->ifc->source.s != NULL) {
			if (addr_family(c->ifc->source.s) != 0)
				local = c->ifc->source.s;
			else if ((src = cw_iface_find(cw,
			    c->ifc->source.s)) != NULL)
				local = src->ip;
		}
	} else {
		remote = c->pol->remote.s;
		local = c->pol->local.s;
		if (local == NULL && c->applied != NULL)
			local = c->applied->ip;
		if (remote != NULL && addr_family(remote) == 0 &&
		    o->peer_address == NULL)
			return cw_err(cw, c->pol->remote.line, err, "%s: the "
			    "remote-address %s is a host name; give the cloud "
			    "gateway's IP address with --peer-address",
			    c->where, remote);
	}
	if (local != NULL)
		b->t->local_addr = xstrdup(local);
	b->local = o->local_address != NULL ? o->local_address : local;
	if (o->peer_address != NULL)
		remote = o->peer_address;
	if (remote != NULL && addr_family(remote) != 0) {
		b->t->remote_addr = xstrdup(remote);
		b->peer = b->t->remote_addr;
	}
	return 0;
}

/* IKEv1: an ike profile (or none), its keychains and proposals. */
static int
cw_ikev1(struct cw_build *b, struct cgw_err *err)
{
	struct cw		*cw = b->cw;
	struct cw_cand		*c = b->cand;
	struct tunnel		*t = b->t;
	struct cw_ikeprof	*p = NULL;
	struct cw_keychain	*k;
	struct cw_prop		*prop = NULL;
	const struct cw_psk	*psk = NULL, *e;
	const struct cw_name	*pn = &c->pol->ikeprof;
	size_t			 i, j, nk;

	t->ike_version = 1;
	if (pn->s != NULL) {
		i = cw_find(cw->ikeprofs, cw->nikeprofs, sizeof(*cw->ikeprofs),
		    pn->s);
		if (i == cw->nikeprofs)
			return cw_err(cw, pn->line, err, "ike-profile %s is not "
			    "defined (no \"ike profile %s\")", pn->s, pn->s);
		p = &cw->ikeprofs[i];
	} else
		cw_warn(cw, c->line, "%s: no ike-profile; using every ike "
		    "keychain and ike proposal, as Comware does", c->where);

	/* The pre-shared key: the longest matching address. */
	if (p != NULL && p->nkeychains == 0)
		return cw_err(cw, p->o.line, err, "ike profile %s names no "
		    "keychain: the pre-shared key is not known", p->o.name);
	nk = p != NULL ? p->nkeychains : cw->nkcs;
	for (i = 0; i < nk; i++) {
		if (p != NULL) {
			j = cw_find(cw->kcs, cw->nkcs, sizeof(*cw->kcs),
			    p->keychains[i].s);
			if (j == cw->nkcs)
				return cw_err(cw, p->keychains[i].line, err,
				    "keychain %s is not defined (no \"ike "
				    "keychain %s\")", p->keychains[i].s,
				    p->keychains[i].s);
			k = &cw->kcs[j];
		} else
			k = &cw->kcs[i];
		/* No remote-address: a keychain's single host gives it. */
		if (b->peer == NULL && k->npsks == 1 &&
		    cw_is_host(k->psks[0].net)) {
			t->remote_addr = xstrndup(k->psks[0].net,
			    strcspn(k->psks[0].net, "/"));
			b->peer = t->remote_addr;
			cw_warn(cw, c->line, "%s: no remote-address; using the "
			    "address of keychain %s's key, %s", c->where,
			    k->o.name, t->remote_addr);
		}
		if (b->peer != NULL && (e = cw_psk_find(k, b->peer)) != NULL &&
		    (psk == NULL || cw_plen(e->net) > cw_plen(psk->net)))
			psk = e;
	}
	if (b->peer == NULL)
		return cw_err(cw, c->line, err, "%s: no %s: the cloud gateway's "
		    "address is not known; add it, or give it with "
		    "--peer-address", c->where, c->ifc != NULL ? "destination" :
		    "remote-address");
	if (psk == NULL)
		return cw_err(cw, p != NULL ? p->o.line : c->line, err, "%s: no "
		    "pre-shared-key address in %s matches the cloud gateway "
		    "%s", c->where, p != NULL ? "the profile's keychains" :
		    "any ike keychain", b->peer);
	t->psk = xstrdup(psk->key);

	/* The proposal the profile names, else the lowest-numbered one. */
	if (p != NULL && p->nprops > 0) {
		i = 0;
		while (i < cw->nprops && cw->props[i].num != p->props[0])
			i++;
		if (i == cw->nprops)
			return cw_err(cw, p->props_line, err, "ike profile %s: "
			    "proposal %u is not defined (no \"ike proposal "
			    "%u\")", p->o.name, (unsigned)p->props[0],
			    (unsigned)p->props[0]);
		prop = &cw->props[i];
		if (p->nprops > 1)
			cw_warn(cw, p->props_line, "ike profile %s offers %zu "
			    "proposals; the model holds one: using the first, "
			    "ike proposal %u", p->o.name, p->nprops,
			    (unsigned)prop->num);
	} else if (cw->nprops > 0) {
		for (i = 0; i < cw->nprops; i++)
			if (prop == NULL || cw->props[i].num < prop->num)
				prop = &cw->props[i];
		cw_warn(cw, p != NULL ? p->o.line : c->line, "%s names no "
		    "proposal; Comware offers every ike proposal, the "
		    "lowest-numbered first: using ike proposal %u%s",
		    p != NULL ? "the ike profile" : c->where, (unsigned)prop->num,
		    cw->nprops > 1 ? " (the model holds one)" : "");
	} else
		cw_warn(cw, c->line, "%s: no ike proposal; using Comware's "
		    "default proposal (des-cbc, sha1, group1, 86400 seconds)",
		    c->where);
	if (prop != NULL && prop->enc == NULL)
		cw_warn(cw, prop->o.line, "ike proposal %u: no "
		    "encryption-algorithm; using Comware's default des-cbc",
		    (unsigned)prop->num);
	if (prop != NULL && prop->auth == NULL)
		cw_warn(cw, prop->o.line, "ike proposal %u: no "
		    "authentication-algorithm; using Comware's default sha1",
		    (unsigned)prop->num);
	if (prop != NULL && prop->dh == NULL)
		cw_warn(cw, prop->o.line, "ike proposal %u: no dh; using "
		    "Comware's default group1", (unsigned)prop->num);
	if (prop != NULL && prop->life == 0)
		cw_warn(cw, prop->o.line, "ike proposal %u: no sa duration; "
		    "using Comware's default 86400 seconds",
		    (unsigned)prop->num);
	t->ike_enc = prop != NULL && prop->enc != NULL ? prop->enc :
	    alg_by_id(ALG_ENC, CW_DEF_IKE_ENC);
	t->ike_prf = prop != NULL && prop->auth != NULL ? prop->auth :
	    alg_by_id(ALG_INTEG, CW_DEF_IKE_AUTH);
	t->ike_integ = t->ike_prf;
	t->ike_dh = prop != NULL && prop->dh != NULL ? prop->dh :
	    alg_by_id(ALG_DH, CW_DEF_IKE_DH);
	t->ike_lifetime = prop != NULL && prop->life != 0 ? prop->life :
	    CW_DEF_IKE_LIFE;
	t->ike_mode = p != NULL && p->mode_set ? p->mode : IKE_MAIN;

	if (cw_set_ident(b, &t->local_id, p != NULL && p->local.set ?
	    &p->local : &cw->identity, 1, "local-identity", err) == -1 ||
	    cw_set_ident(b, &t->remote_id, p != NULL ? &p->remote : NULL, 0,
	    "match remote identity", err) == -1)
		return -1;
	cw_set_dpd(t, p != NULL && p->dpd.set ? &p->dpd : &cw->dpd);
	return 0;
}

/* IKEv2: the ikev2 profile, its keychain peer, and the policy's proposal. */
static int
cw_ikev2(struct cw_build *b, struct cgw_err *err)
{
	struct cw		*cw = b->cw;
	struct cw_cand		*c = b->cand;
	struct tunnel		*t = b->t;
	struct cw_v2prof	*p;
	struct cw_v2kc		*k;
	struct cw_v2peer	*peer = NULL, *e;
	struct cw_v2pol		*pol = NULL;
	struct cw_v2prop	*prop = NULL;
	const struct cw_name	*pn = &c->pol->v2prof;
	size_t			 i, j;

	t->ike_version = 2;
	t->ike_mode = IKE_MAIN;
	i = cw_find(cw->v2profs, cw->nv2profs, sizeof(*cw->v2profs), pn->s);
	if (i == cw->nv2profs)
		return cw_err(cw, pn->line, err, "ikev2-profile %s is not "
		    "defined (no \"ikev2 profile %s\")", pn->s, pn->s);
	p = &cw->v2profs[i];
	if (p->nkeychains == 0)
		return cw_err(cw, p->o.line, err, "ikev2 profile %s names no "
		    "keychain: the pre-shared key is not known", p->o.name);
	if (b->peer == NULL)
		return cw_err(cw, c->line, err, "%s: no %s: the cloud gateway's "
		    "address is not known; add it, or give it with "
		    "--peer-address", c->where, c->ifc != NULL ?
		    "destination" : "remote-address");
	for (i = 0; i < p->nkeychains; i++) {
		j = cw_find(cw->v2kcs, cw->nv2kcs, sizeof(*cw->v2kcs),
		    p->keychains[i].s);
		if (j == cw->nv2kcs)
			return cw_err(cw, p->keychains[i].line, err, "keychain "
			    "%s is not defined (no \"ikev2 keychain %s\")",
			    p->keychains[i].s, p->keychains[i].s);
		k = &cw->v2kcs[j];
		for (j = 0; j < k->npeers; j++) {
			e = &k->peers[j];
			if (!e->has_net || !cidr_contains(e->net, b->peer))
				continue;
			if (peer == NULL || cw_plen(e->net) >
			    cw_plen(peer->net))
				peer = e;
		}
	}
	if (peer == NULL)
		return cw_err(cw, p->o.line, err, "%s: no peer address in the "
		    "keychains of ikev2 profile %s matches the cloud gateway %s",
		    c->where, p->o.name, b->peer);
	if (peer->psk_local == NULL && peer->psk_remote == NULL)
		return cw_err(cw, peer->o.line, err, "peer %s has no "
		    "pre-shared-key", peer->o.name);
	if (peer->psk_local != NULL && peer->psk_remote != NULL &&
	    strcmp(peer->psk_local, peer->psk_remote) != 0)
		return cw_err(cw, peer->o.line, err, "peer %s has different "
		    "local and remote pre-shared keys; the model holds one key "
		    "for both directions", peer->o.name);
	t->psk = xstrdup(peer->psk_local != NULL ? peer->psk_local :
	    peer->psk_remote);

	/* The ikev2 policy of highest priority (lowest number) picks. */
	for (i = 0; i < cw->nv2pols; i++)
		if (pol == NULL || cw->v2pols[i].priority < pol->priority)
			pol = &cw->v2pols[i];
	/*
	 * The device offers every proposal of the policy and the cloud
	 * takes the one it is set to; the model holds that one. A proposal
	 * named as the profile is taken for this tunnel's.
	 */
	for (i = 0; pol != NULL && i < pol->nprops && prop == NULL; i++) {
		if (strcasecmp(pol->props[i].s, p->o.name) != 0)
			continue;
		j = cw_find(cw->v2props, cw->nv2props, sizeof(*cw->v2props),
		    pol->props[i].s);
		if (j < cw->nv2props)
			prop = &cw->v2props[j];
	}
	if (prop == NULL && pol != NULL && pol->nprops > 0) {
		i = cw_find(cw->v2props, cw->nv2props, sizeof(*cw->v2props),
		    pol->props[0].s);
		if (i == cw->nv2props)
			return cw_err(cw, pol->props[0].line, err, "ikev2 policy "
			    "%s: proposal %s is not defined (no \"ikev2 "
			    "proposal %s\")", pol->o.name, pol->props[0].s,
			    pol->props[0].s);
		prop = &cw->v2props[i];
		if (pol->nprops > 1 || cw->nv2pols > 1)
			cw_warn(cw, pol->o.line, "%s: using ikev2 policy %s and "
			    "its first proposal, %s (the model holds one)",
			    c->where, pol->o.name, prop->o.name);
	} else if (prop == NULL && pol == NULL && cw->nv2props == 1) {
		prop = &cw->v2props[0];
		cw_warn(cw, prop->o.line, "%s: no ikev2 policy names ikev2 "
		    "proposal %s; using it all the same (Comware would use its "
		    "default proposal)", c->where, prop->o.name);
	} else if (prop == NULL)
		cw_warn(cw, c->line, "%s: no ikev2 policy names a proposal; "
		    "using Comware's default IKEv2 proposal, the first of each "
		    "of its lists (aes-cbc-128, sha1, group5)", c->where);
	if (prop != NULL) {
		if (prop->enc == NULL)
			return cw_err(cw, prop->o.line, err, "ikev2 proposal %s "
			    "has no encryption", prop->o.name);
		if (prop->integ == NULL && !(prop->enc->flags & ALG_AEAD))
			return cw_err(cw, prop->o.line, err, "ikev2 proposal %s "
			    "has no integrity", prop->o.name);
		if (prop->prf == NULL && prop->integ == NULL)
			return cw_err(cw, prop->o.line, err, "ikev2 proposal %s "
			    "has no prf (a combined-mode cipher needs one)",
			    prop->o.name);
		if (prop->dh == NULL)
			return cw_err(cw, prop->o.line, err, "ikev2 proposal %s "
			    "has no dh", prop->o.name);
		t->ike_enc = prop->enc;
		t->ike_integ = (prop->enc->flags & ALG_AEAD) ? NULL :
		    prop->integ;
		/* Without a prf, Comware uses the integrity algorithm. */
		t->ike_prf = prop->prf != NULL ? prop->prf : prop->integ;
		t->ike_dh = prop->dh;
	} else {
		t->ike_enc = alg_by_id(ALG_ENC, CW_DEF_V2_ENC);
		t->ike_integ = alg_by_id(ALG_INTEG, CW_DEF_V2_INTEG);
		t->ike_prf = t->ike_integ;
		t->ike_dh = alg_by_id(ALG_DH, CW_DEF_V2_DH);
	}
	if (p->life == 0)
		cw_warn(cw, p->o.line, "ikev2 profile %s: no sa duration; using "
		    "Comware's default 86400 seconds", p->o.name);
	t->ike_lifetime = p->life != 0 ? p->life : CW_DEF_IKE_LIFE;

	if (cw_set_ident(b, &t->local_id, &p->local, 1, "identity local",
	    err) == -1 ||
	    cw_set_ident(b, &t->remote_id, p->remote.set ? &p->remote :
	    &peer->id, 0, "match remote identity", err) == -1)
		return -1;
	cw_set_dpd(t, p->dpd.set ? &p->dpd : &cw->v2dpd);
	return 0;
}

/* ESP: the transform set, and the policy's or the global lifetimes. */
static int
cw_esp(struct cw_build *b, struct cgw_err *err)
{
	struct cw	*cw = b->cw;
	struct cw_cand	*c = b->cand;
	struct cw_ipol	*pol = c->pol;
	struct tunnel	*t = b->t;
	struct cw_tset	*ts;
	size_t		 i;

	if (pol->ntsets == 0)
		return cw_err(cw, c->line, err, "%s names no transform-set",
		    c->where);
	i = cw_find(cw->tsets, cw->ntsets, sizeof(*cw->tsets), pol->tsets[0].s);
	if (i == cw->ntsets)
		return cw_err(cw, pol->tsets[0].line, err, "transform-set %s is "
		    "not defined (no \"ipsec transform-set %s\")",
		    pol->tsets[0].s, pol->tsets[0].s);
	ts = &cw->tsets[i];
	if (pol->ntsets > 1)
		cw_warn(cw, pol->tsets[0].line, "%s offers %zu transform sets; "
		    "the model holds one: using the first, %s", c->where,
		    pol->ntsets, ts->o.name);
	if (ts->enc == NULL)
		return cw_err(cw, ts->o.line, err, "transform-set %s has no esp "
		    "encryption-algorithm", ts->o.name);
	t->esp_enc = ts->enc;
	if (ts->enc->flags & ALG_AEAD) {
		if (ts->auth != NULL)
			cw_warn(cw, ts->enc_line, "transform-set %s: %s carries "
			    "its own integrity; esp authentication-algorithm "
			    "is not used", ts->o.name, ts->enc->name);
	} else if (ts->auth == NULL)
		return cw_err(cw, ts->o.line, err, "transform-set %s has no esp "
		    "authentication-algorithm (the model needs one with %s)",
		    ts->o.name, ts->enc->name);
	else
		t->esp_integ = ts->auth;
	t->esp_pfs = pol->pfs_line != 0 ? pol->pfs : ts->pfs;

	if (pol->sa.time != 0)
		t->esp_lifetime = pol->sa.time;
	else if (cw->gsa.time != 0)
		t->esp_lifetime = cw->gsa.time;
	else {
		t->esp_lifetime = CW_DEF_ESP_LIFE;
		cw_warn(cw, c->line, "%s: no sa duration time-based; using "
		    "Comware's default 3600 seconds", c->where);
	}
	if (pol->sa.kb != 0)
		t->esp_lifetime_kb = pol->sa.kb;
	else if (cw->gsa.kb != 0)
		t->esp_lifetime_kb = cw->gsa.kb;
	else {
		t->esp_lifetime_kb = CW_DEF_ESP_KB;
		cw_warn(cw, c->line, "%s: no sa duration traffic-based; using "
		    "Comware's default 1843200 kilobytes", c->where);
	}
	return 0;
}

/*
 * BGP over a tunnel interface: a peer of the bgp view in the interface's
 * network is the cloud's end of the session.
 */
static void
cw_bgp(struct cw_build *b)
{
	struct cw	*cw = b->cw;
	struct cw_iface	*f = b->cand->ifc;
	struct tunnel	*t = b->t;
	size_t		 i;

	if (f == NULL || f->ip == NULL || f->ipnet[0] == '\0' ||
	    cw->bgp_asn == 0)
		return;
	for (i = 0; i < cw->npeers; i++)
		if (cidr_contains(f->ipnet, cw->peers[i].ip) &&
		    strcmp(cw->peers[i].ip, f->ip) != 0)
			break;
	if (i == cw->npeers)
		return;
	t->routing = ROUTING_BGP;
	t->bgp.local_asn = cw->bgp_asn;
	t->bgp.remote_asn = cw->peers[i].asn;
	t->bgp.tunnel_cidr = xstrdup(f->ipnet);
	t->bgp.local_ip = xstrdup(f->ip);
	t->bgp.remote_ip = xstrdup(cw->peers[i].ip);
}

/* Policy-based: the ACL's permit rules. Route-based: everything. */
static int
cw_selectors(struct cw_build *b, struct cgw_err *err)
{
	struct cw	*cw = b->cw;
	struct cw_cand	*c = b->cand;
	struct tunnel	*t = b->t;
	struct cw_acl	*a;
	char		 list[512];
	size_t		 i, used = 0;
	int		 all_any = 1;

	if (c->ifc != NULL) {
		t->routing = ROUTING_STATIC;
		tunnel_add_ts(t, "0.0.0.0/0", "0.0.0.0/0");
		cw_bgp(b);
		list[0] = '\0';
		for (i = 0; i < cw->nroutes && used < sizeof(list); i++)
			if (strcasecmp(cw->routes[i].iface, c->ifc->o.name) ==
			    0)
				used += (size_t)snprintf(list + used,
				    sizeof(list) - used, "%s%s", used == 0 ?
				    "" : ", ", cw->routes[i].net);
		if (used > 0)
			cw_warn(cw, c->line, "%s: the model holds no routes: "
			    "route %s into the tunnel on the target, as the "
			    "ip route-static lines do here", c->where, list);
		return 0;
	}
	if (c->pol->acl.s == NULL)
		return cw_err(cw, c->line, err, "%s names no security acl",
		    c->where);
	i = cw_find(cw->acls, cw->nacls, sizeof(*cw->acls), c->pol->acl.s);
	if (i == cw->nacls)
		return cw_err(cw, c->pol->acl.line, err, "security acl %s is not "
		    "defined (no \"acl advanced %s\")", c->pol->acl.s,
		    c->pol->acl.s);
	a = &cw->acls[i];
	if (a->nrules == 0)
		return cw_err(cw, a->o.line, err, "acl %s has no permit rule: "
		    "the policy protects no traffic", a->o.name);
	if (a->ndeny > 0)
		cw_warn(cw, a->deny_line, "acl %s: %zu deny rule%s not "
		    "rendered: traffic selectors cannot exclude traffic, so the "
		    "permit rules are protected whole", a->o.name, a->ndeny,
		    a->ndeny == 1 ? " is" : "s are");
	for (i = 0; i < a->nrules; i++) {
		tunnel_add_ts(t, a->rules[i].src, a->rules[i].dst);
		if (strcmp(a->rules[i].src, "0.0.0.0/0") != 0 &&
		    strcmp(a->rules[i].src, "::/0") != 0)
			all_any = 0;
		if (strcmp(a->rules[i].dst, "0.0.0.0/0") != 0 &&
		    strcmp(a->rules[i].dst, "::/0") != 0)
			all_any = 0;
	}
	t->routing = ROUTING_POLICY;
	if (all_any) {
		cw_warn(cw, a->o.line, "%s: acl %s permits everything, which a "
		    "policy-based tunnel would send into the tunnel; rendering "
		    "it route-based", c->where, a->o.name);
		t->routing = ROUTING_STATIC;
	}
	return 0;
}

/* One connection from a candidate. */
static int
cw_connection(struct cw *cw, struct cw_cand *c, struct cgw_err *err)
{
	struct model		*m = cw->ctx->model;
	struct connection	*conn = NULL;
	struct cw_build		 b;
	size_t			 i;

	/* The tunnels cgwgen's header puts in one connection join it. */
	for (i = 0; i < m->nconns && conn == NULL; i++)
		if (strcmp(m->conns[i].id, c->id) == 0)
			conn = &m->conns[i];
	if (conn == NULL) {
		if (!source_wanted(cw->ctx, c->id))
			return 0;
		conn = model_add_connection(m);
		conn->id = xstrdup(c->id);
	}
	memset(&b, 0, sizeof(b));
	b.cw = cw;
	b.cand = c;
	b.t = connection_add_tunnel(conn);
	b.t->id = xstrdup(c->tid);
	b.t->role = c->role;
	b.t->nat_traversal = 1;
	/* Comware starts IKE on traffic the policy matches, and answers. */
	b.t->initiator = INIT_BOTH;
	if (cw_remote(&b, err) == -1)
		return -1;
	if (c->pol->v2prof.s != NULL) {
		if (c->pol->ikeprof.s != NULL)
			cw_warn(cw, c->pol->ikeprof.line, "%s names both an "
			    "ike-profile and an ikev2-profile; the model holds "
			    "one IKE version: rendering IKEv2", c->where);
		if (cw_ikev2(&b, err) == -1)
			return -1;
	} else if (cw_ikev1(&b, err) == -1)
		return -1;
	if (cw_esp(&b, err) == -1 || cw_selectors(&b, err) == -1)
		return -1;
	return 0;
}

static int
cw_cand_cmp(const void *a, const void *b)
{
	size_t	la = ((const struct cw_cand *)a)->line;
	size_t	lb = ((const struct cw_cand *)b)->line;

	return la < lb ? -1 : la > lb;
}

/* Which IPsec policy entries and tunnel interfaces become connections. */
static int
cw_candidates(struct cw *cw, struct cw_cand **out, size_t *nout,
    struct cgw_err *err)
{
	struct cw_cand	*cands = NULL, *c;
	struct cw_iface	*f, *applied;
	struct cw_ipol	*p;
	size_t		 n = 0, i, j, k, uses;

	/* Every applied policy must exist. */
	for (i = 0; i < cw->nifaces; i++) {
		f = &cw->ifaces[i];
		for (j = 0; j < f->napply; j++) {
			for (k = 0; k < cw->nipols; k++)
				if (!cw->ipols[k].profile && strcasecmp(
				    cw->ipols[k].pname, f->apply[j].s) == 0)
					break;
			if (k == cw->nipols) {
				free(cands);
				return cw_err(cw, f->apply[j].line, err,
				    "ipsec apply policy: policy %s is not "
				    "defined (no \"ipsec policy %s SEQ "
				    "isakmp\")", f->apply[j].s, f->apply[j].s);
			}
		}
	}
	for (i = 0; i < cw->nipols; i++) {
		p = &cw->ipols[i];
		if (p->profile)
			continue;
		applied = NULL;
		for (j = 0; j < cw->nifaces && applied == NULL; j++)
			for (k = 0; k < cw->ifaces[j].napply; k++)
				if (strcasecmp(cw->ifaces[j].apply[k].s,
				    p->pname) == 0)
					applied = &cw->ifaces[j];
		if (applied == NULL && (p->ntsets == 0 || p->acl.s == NULL)) {
			cw_warn(cw, p->o.line, "ipsec policy %s is neither "
			    "applied to an interface nor complete (transform-set "
			    "and security acl); not rendered", p->o.name);
			continue;
		}
		if (applied == NULL)
			cw_warn(cw, p->o.line, "ipsec policy %s is not applied "
			    "to an interface (ipsec apply policy); rendering it "
			    "all the same", p->pname);
		cands = cw_append(cands, &n, sizeof(*cands));
		c = &cands[n - 1];
		c->pol = p;
		c->applied = applied;
		c->line = p->o.line;
		snprintf(c->where, sizeof(c->where), "ipsec policy %s",
		    p->o.name);
	}
	for (i = 0; i < cw->nifaces; i++) {
		f = &cw->ifaces[i];
		if (!f->tunnel)
			continue;
		if (f->protect.s == NULL) {
			cw_warn(cw, f->o.line, "interface %s has no tunnel "
			    "protection ipsec profile; not rendered", f->o.name);
			continue;
		}
		j = cw_find(cw->ipols, cw->nipols, sizeof(*cw->ipols),
		    f->protect.s);
		if (j == cw->nipols || !cw->ipols[j].profile) {
			free(cands);
			return cw_err(cw, f->protect.line, err, "tunnel "
			    "protection: ipsec profile %s is not defined (no "
			    "\"ipsec profile %s isakmp\")", f->protect.s,
			    f->protect.s);
		}
		cands = cw_append(cands, &n, sizeof(*cands));
		c = &cands[n - 1];
		c->pol = &cw->ipols[j];
		c->ifc = f;
		c->line = f->o.line;
		snprintf(c->where, sizeof(c->where), "interface %s", f->o.name);
	}
	/* An IPsec profile no tunnel uses is left alone. */
	for (i = 0; i < cw->nipols; i++) {
		if (!cw->ipols[i].profile)
			continue;
		for (j = 0, uses = 0; j < n; j++)
			if (cands[j].pol == &cw->ipols[i])
				uses++;
		if (uses == 0)
			cw_warn(cw, cw->ipols[i].o.line, "ipsec profile %s "
			    "protects no tunnel interface; not rendered",
			    cw->ipols[i].o.name);
	}
	/* In the order of the text, which is the order of the model. */
	if (n > 1)
		qsort(cands, n, sizeof(*cands), cw_cand_cmp);
	*out = cands;
	*nout = n;
	return 0;
}

/*
 * Ids. The tunnel's: the one-token description of its IPsec policy entry
 * or profile, else the policy (or profile) name as a token, with the
 * sequence number (or tunnel) when the name is shared. The connection's:
 * the one cgwgen's header gives the tunnel (with its role), else the one
 * --connection (when only one connection is read), else a vpnx- id a
 * comment gives (likewise), else the tunnel's; the last two name the
 * tunnel too.
 */
static int
cw_ids(struct cw *cw, struct cw_cand *cands, size_t n, struct cgw_err *err)
{
	const struct source_opts *o = cw->ctx->opts;
	const struct cw_member	*m;
	struct cw_cand		*c;
	char			 id[128], raw[128], *p;
	size_t			 i, j, same;
	int			 alnum;

	for (i = 0; i < n; i++) {
		c = &cands[i];
		if (c->pol->descr != NULL)
			snprintf(id, sizeof(id), "%s", c->pol->descr);
		else {
			for (j = 0, same = 0; j < n; j++)
				if (strcasecmp(cands[j].pol->pname,
				    c->pol->pname) == 0)
					same++;
			if (same == 1)
				snprintf(id, sizeof(id), "%s", c->pol->pname);
			else if (c->ifc != NULL)
				snprintf(id, sizeof(id), "%s-%s",
				    c->pol->pname, c->ifc->o.name);
			else
				snprintf(id, sizeof(id), "%s-%u",
				    c->pol->pname, (unsigned)c->pol->seq);
		}
		if ((m = cw_member_find(cw, id)) != NULL) {
			c->tid = xstrdup(id);
			c->id = xstrdup(m->conn);
			c->role = m->role;
			continue;
		}
		if (n == 1 && (o->nids == 1 || cw->comment_ids == 1)) {
			c->id = xstrdup(o->nids == 1 ? o->ids[0] :
			    cw->comment_id);
			c->tid = xstrdup(c->id);
			continue;
		}
		memcpy(raw, id, sizeof(raw));
		alnum = 0;
		for (p = id; *p != '\0'; p++) {
			if ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') ||
			    (*p >= '0' && *p <= '9'))
				alnum = 1;
			else if (*p != '-' && *p != '_')
				*p = '_';
		}
		id[64] = '\0';
		if (!alnum)
			return cw_err(cw, c->line, err, "%s: the name gives no "
			    "usable connection id; rename it%s", c->where,
			    n == 1 ? ", or give the id with --connection" : "");
		if (strcmp(id, raw) != 0)
			cw_warn(cw, c->line, "%s: \"%s\" is not a plain "
			    "identifier; the connection is called %s", c->where,
			    raw, id);
		c->id = xstrdup(id);
		c->tid = xstrdup(id);
	}
	if (n > 1 && cw->comment_ids > 0 && cw->nmembers == 0)
		cw_warn(cw, 1, "the comments name %s, but the configuration "
		    "holds %zu connections; they are named after their "
		    "policies", cw->comment_id, n);
	return 0;
}

static int
cw_build_all(struct cw *cw, struct cgw_err *err)
{
	struct cw_cand	*cands = NULL;
	size_t		 n = 0, i;
	int		 ret = -1;

	if (cw_candidates(cw, &cands, &n, err) == -1)
		return -1;
	if (n == 0) {
		ret = err_set(err, CGW_E_INPUT, "%s: no IPsec policy applied to "
		    "an interface and no tunnel interface with an IPsec "
		    "profile: nothing to render", cw->path);
		goto out;
	}
	if (cw_ids(cw, cands, n, err) == -1)
		goto out;
	for (i = 0; i < n; i++)
		if (cw_connection(cw, &cands[i], err) == -1)
			goto out;
	ret = 0;
out:
	for (i = 0; i < n; i++) {
		free(cands[i].id);
		free(cands[i].tid);
	}
	free(cands);
	return ret;
}

static void
cw_free(struct cw *cw)
{
	size_t	i, j;

	for (i = 0; i < cw->nkcs; i++) {
		free(cw->kcs[i].o.name);
		for (j = 0; j < cw->kcs[i].npsks; j++)
			freezero_str(cw->kcs[i].psks[j].key);
		free(cw->kcs[i].psks);
	}
	free(cw->kcs);
	for (i = 0; i < cw->nprops; i++)
		free(cw->props[i].o.name);
	free(cw->props);
	for (i = 0; i < cw->nikeprofs; i++) {
		free(cw->ikeprofs[i].o.name);
		for (j = 0; j < cw->ikeprofs[i].nkeychains; j++)
			free(cw->ikeprofs[i].keychains[j].s);
		free(cw->ikeprofs[i].keychains);
		free(cw->ikeprofs[i].local.value);
		free(cw->ikeprofs[i].remote.value);
		free(cw->ikeprofs[i].props);
	}
	free(cw->ikeprofs);
	for (i = 0; i < cw->nv2props; i++)
		free(cw->v2props[i].o.name);
	free(cw->v2props);
	for (i = 0; i < cw->nv2pols; i++) {
		free(cw->v2pols[i].o.name);
		for (j = 0; j < cw->v2pols[i].nprops; j++)
			free(cw->v2pols[i].props[j].s);
		free(cw->v2pols[i].props);
	}
	free(cw->v2pols);
	for (i = 0; i < cw->nv2kcs; i++) {
		free(cw->v2kcs[i].o.name);
		for (j = 0; j < cw->v2kcs[i].npeers; j++) {
			free(cw->v2kcs[i].peers[j].o.name);
			free(cw->v2kcs[i].peers[j].id.value);
			freezero_str(cw->v2kcs[i].peers[j].psk_local);
			freezero_str(cw->v2kcs[i].peers[j].psk_remote);
		}
		free(cw->v2kcs[i].peers);
	}
	free(cw->v2kcs);
	for (i = 0; i < cw->nv2profs; i++) {
		free(cw->v2profs[i].o.name);
		for (j = 0; j < cw->v2profs[i].nkeychains; j++)
			free(cw->v2profs[i].keychains[j].s);
		free(cw->v2profs[i].keychains);
		free(cw->v2profs[i].local.value);
		free(cw->v2profs[i].remote.value);
	}
	free(cw->v2profs);
	for (i = 0; i < cw->ntsets; i++)
		free(cw->tsets[i].o.name);
	free(cw->tsets);
	for (i = 0; i < cw->nacls; i++) {
		free(cw->acls[i].o.name);
		free(cw->acls[i].rules);
	}
	free(cw->acls);
	for (i = 0; i < cw->nipols; i++) {
		free(cw->ipols[i].o.name);
		free(cw->ipols[i].pname);
		for (j = 0; j < cw->ipols[i].ntsets; j++)
			free(cw->ipols[i].tsets[j].s);
		free(cw->ipols[i].tsets);
		free(cw->ipols[i].acl.s);
		free(cw->ipols[i].remote.s);
		free(cw->ipols[i].local.s);
		free(cw->ipols[i].ikeprof.s);
		free(cw->ipols[i].v2prof.s);
		free(cw->ipols[i].descr);
	}
	free(cw->ipols);
	for (i = 0; i < cw->nifaces; i++) {
		free(cw->ifaces[i].o.name);
		free(cw->ifaces[i].ip);
		free(cw->ifaces[i].source.s);
		free(cw->ifaces[i].dest.s);
		free(cw->ifaces[i].protect.s);
		for (j = 0; j < cw->ifaces[i].napply; j++)
			free(cw->ifaces[i].apply[j].s);
		free(cw->ifaces[i].apply);
	}
	free(cw->ifaces);
	for (i = 0; i < cw->nroutes; i++)
		free(cw->routes[i].iface);
	free(cw->routes);
	free(cw->identity.value);
	free(cw->comment_id);
	for (i = 0; i < cw->nmembers; i++) {
		free(cw->members[i].tunnel);
		free(cw->members[i].conn);
	}
	free(cw->members);
	free(cw->hdr_conn);
	free(cw->peers);
}

static int
cw_parse_text(const char *data, size_t len, struct source_ctx *ctx,
    struct cgw_err *err)
{
	struct cw	 cw;
	struct cw_line	 l;
	const char	*p = data, *end = data + len, *s, *e;
	size_t		 no = 0;
	int		 ret = -1;

	memset(&cw, 0, sizeof(cw));
	cw.ctx = ctx;
	cw.path = ctx->path;
	/* A UTF-8 byte order mark, as Windows editors write. */
	if (len >= 3 && memcmp(p, "\xef\xbb\xbf", 3) == 0)
		p += 3;
	while (p < end) {
		s = p;
		while (p < end && *p != '\n' && *p != '\r')
			p++;
		e = p;
		if (p < end && *p == '\r' && p + 1 < end && p[1] == '\n')
			p += 2;
		else if (p < end)
			p++;
		no++;
		if (memchr(s, '\0', (size_t)(e - s)) != NULL) {
			cw_err(&cw, no, err, "the line holds a NUL byte: this is "
			    "not a configuration text");
			goto out;
		}
		while (s < e && (*s == ' ' || *s == '\t'))
			s++;
		while (e > s && (e[-1] == ' ' || e[-1] == '\t'))
			e--;
		if (s == e)
			continue;
		if (*s == '#' || *s == '!') {
			char	*c = xstrndup(s, (size_t)(e - s));

			cw_comment(&cw, c);
			free(c);
			continue;
		}
		/* cgwgen's header is one run of comment lines. */
		free(cw.hdr_conn);
		cw.hdr_conn = NULL;
		cw_split(&l, s, (size_t)(e - s), no);
		if (cw_line(&cw, &l, err) == -1) {
			cw_line_free(&l);
			goto out;
		}
		cw_line_free(&l);
	}
	if (cw_build_all(&cw, err) == -1)
		goto out;
	ret = 0;
out:
	cw_free(&cw);
	return ret;
}
