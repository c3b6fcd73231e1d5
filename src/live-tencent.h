/*
 * Live Tencent Cloud reads: the VPN connections of a region, selected by
 * id or filtered by gateway or VPC, and the public addresses of their
 * VPN and customer gateways, with as few requests as the API allows:
 * pages of 100 connections, and gateways asked 100 ids at a time, each
 * distinct gateway once.
 */
#ifndef CGW_LIVE_TENCENT_H
#define CGW_LIVE_TENCENT_H

#include <stddef.h>

struct addr_entry;
struct cJSON;
struct cgw_err;
struct tc_client;

#define TC_PAGE		100	/* the API's largest Limit, and id batch */
#define TC_FILTER_MAX	5	/* values per filter the API accepts */

struct tc_select {
	char *const	*ids;		/* --connection */
	size_t		 nids;
	char *const	*vpn_gateways;	/* --vpn-gateway */
	size_t		 nvpn_gateways;
	char *const	*customer_gateways; /* --customer-gateway */
	size_t		 ncustomer_gateways;
	char *const	*vpcs;		/* --vpc */
	size_t		 nvpcs;
};

/* The selected connections as a JSON array of VpnConnection objects. */
int	tc_fetch_connections(struct tc_client *, const struct tc_select *,
	    struct cJSON **, struct cgw_err *);
/*
 * The public addresses of the VPN gateways and customer gateways the
 * connections name: *out holds one entry per gateway found.
 */
int	tc_fetch_addresses(struct tc_client *, const struct cJSON *,
	    struct addr_entry **, size_t *, struct cgw_err *);

#endif
