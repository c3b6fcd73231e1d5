/*
 * The normalized model: one shape for every cloud, always from the
 * customer device's point of view ("local" is the customer's device,
 * "remote" the cloud's VPN gateway). A connection has one or more
 * tunnels; each tunnel carries everything a device needs to bring it up.
 *
 * Ownership: a struct model owns everything below it; strings are
 * heap-allocated and freed by model_free(), the pre-shared key wiped.
 * Algorithms point into the static tables of alg.c and are never freed.
 */
#ifndef CGW_MODEL_H
#define CGW_MODEL_H

#include <stddef.h>
#include <stdint.h>

struct alg;
struct cgw_err;

enum id_type {
	ID_ADDRESS,
	ID_FQDN,
	ID_USER_FQDN
};

enum ike_mode {
	IKE_MAIN,
	IKE_AGGRESSIVE
};

enum routing {
	ROUTING_POLICY,		/* traffic selectors decide (crypto map) */
	ROUTING_STATIC,		/* route-based, static routes */
	ROUTING_BGP		/* route-based, BGP over the tunnel */
};

enum dpd_action {
	DPD_CLEAR,
	DPD_RESTART
};

/* Who brings the tunnel up. */
enum initiator {
	INIT_CLOUD,		/* the cloud initiates, the device answers */
	INIT_CUSTOMER,		/* the cloud only answers */
	INIT_BOTH		/* the cloud initiates on its own traffic */
};

enum tunnel_role {
	ROLE_NONE,		/* single-tunnel connection */
	ROLE_PRIMARY,
	ROLE_STANDBY
};

struct ident {
	enum id_type	 type;
	char		*value;
};

struct ts_pair {
	char		*local;		/* customer side CIDR */
	char		*remote;	/* cloud side CIDR */
};

struct bgp {
	uint32_t	 local_asn;	/* 0 when unknown */
	uint32_t	 remote_asn;
	char		*tunnel_cidr;	/* inside network, e.g. 169.254.1.0/30 */
	char		*local_ip;	/* customer's inside address */
	char		*remote_ip;	/* cloud's inside address */
};

struct tunnel {
	char			*id;
	enum tunnel_role	 role;
	char			*local_addr;	/* NULL: not known */
	char			*remote_addr;

	int			 ike_version;	/* 1 or 2 */
	enum ike_mode		 ike_mode;
	const struct alg	*ike_enc;
	const struct alg	*ike_integ;	/* NULL with AEAD ciphers */
	const struct alg	*ike_prf;
	const struct alg	*ike_dh;
	uint32_t		 ike_lifetime;	/* seconds */

	struct ident		 local_id;
	struct ident		 remote_id;
	char			*psk;

	const struct alg	*esp_enc;
	const struct alg	*esp_integ;	/* NULL with AEAD ciphers */
	const struct alg	*esp_pfs;	/* NULL: no PFS */
	uint32_t		 esp_lifetime;	/* seconds */
	uint64_t		 esp_lifetime_kb; /* 0: no volume limit */

	struct ts_pair		*ts;
	size_t			 nts;

	enum routing		 routing;
	struct bgp		 bgp;

	int			 dpd_enabled;
	uint32_t		 dpd_interval;	/* seconds */
	uint32_t		 dpd_timeout;	/* seconds */
	enum dpd_action		 dpd_action;

	int			 nat_traversal;
	enum initiator		 initiator;
};

struct connection {
	char		*cloud;		/* "tencent", "alibaba", or NULL */
	char		*id;
	char		*name;
	char		*region;
	char		*vpn_gateway_id;
	char		*customer_gateway_id;
	char		*vpc_id;
	struct tunnel	*tunnels;
	size_t		 ntunnels;
};

struct model {
	struct connection	*conns;
	size_t			 nconns;
};

/* Model fields, for messages that name the cloud-side setting. */
enum mfield {
	MF_IKE_VERSION,
	MF_IKE_MODE,
	MF_IKE_ENC,
	MF_IKE_INTEG,
	MF_IKE_DH,
	MF_IKE_LIFETIME,
	MF_ESP_ENC,
	MF_ESP_INTEG,
	MF_ESP_PFS,
	MF_ESP_LIFETIME,
	MF_LOCAL_ID,
	MF_REMOTE_ID,
	MF_PSK,
	MF_TS,
	MF_ROUTING,
	MF_DPD,
	MF_INITIATOR,
	MF__COUNT
};

struct model		*model_new(void);
void			 model_free(struct model *);
struct connection	*model_add_connection(struct model *);
struct tunnel		*connection_add_tunnel(struct connection *);
void			 tunnel_add_ts(struct tunnel *, const char *,
			    const char *);

/*
 * Check what every source must guarantee: ids are tokens, addresses and
 * CIDRs parse, identities are well-formed, lifetimes in range, the PSK
 * present. Messages name the connection and the model field.
 */
/*
 * --mode: make every tunnel policy-based (route 0) or route-based with
 * static routes (route 1). A BGP tunnel cannot be policy-based: error.
 */
struct warnings;
int			 model_force_routing(struct model *, int route,
			    struct warnings *, struct cgw_err *);
int			 model_validate(const struct model *,
			    struct cgw_err *);

/* Names of enum values, as used in the model JSON and the views. */
const char		*id_type_name(enum id_type);
const char		*ike_mode_name(enum ike_mode);
const char		*routing_name(enum routing);
const char		*dpd_action_name(enum dpd_action);
const char		*initiator_name(enum initiator);
const char		*role_name(enum tunnel_role);
int			 id_type_parse(const char *, enum id_type *);
int			 ike_mode_parse(const char *, enum ike_mode *);
int			 routing_parse(const char *, enum routing *);
int			 dpd_action_parse(const char *, enum dpd_action *);
int			 initiator_parse(const char *, enum initiator *);
int			 role_parse(const char *, enum tunnel_role *);
/* "one, two, three" list of a name table, for messages. */
const char		*id_type_names(void);
const char		*ike_mode_names(void);
const char		*routing_names(void);
const char		*dpd_action_names(void);
const char		*initiator_names(void);
const char		*role_names(void);

#endif
