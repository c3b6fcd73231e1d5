/*
 * Live Alibaba Cloud reads: the VPN connections of a region, by id or
 * filtered by gateway, paged 50 at a time (the API's largest PageSize);
 * the public addresses of their gateways, each distinct gateway asked
 * once (the API has no batch call by id); and the download form of one
 * connection.
 */
#ifndef CGW_LIVE_ALIBABA_H
#define CGW_LIVE_ALIBABA_H

#include <stddef.h>

struct addr_entry;
struct al_client;
struct cJSON;
struct cgw_err;

#define AL_PAGE		50	/* the API's largest PageSize */
#define AL_BY_ID_MAX	3	/* more ids than this: list the region */

struct al_select {
	char *const	*ids;		/* --connection */
	size_t		 nids;
	const char	*vpn_gateway;	/* --vpn-gateway, or NULL */
	const char	*customer_gateway; /* --customer-gateway, or NULL */
};

/*
 * The selected connections as a JSON array of connection objects (as
 * DescribeVpnConnections has them), in the order of the ids when ids
 * are given. An id that does not exist is an error naming it.
 */
int	al_fetch_connections(struct al_client *, const struct al_select *,
	    const char *region, struct cJSON **, struct cgw_err *);

/*
 * The addresses the connections do not hold: each customer gateway's
 * IpAddress, and the VPN gateway's InternetIp for a single-tunnel
 * connection without one. *out is sorted by id.
 */
int	al_fetch_addresses(struct al_client *, const struct cJSON *,
	    struct addr_entry **, size_t *, struct cgw_err *);

/* DownloadVpnConnectionConfig of one connection: the whole answer. */
int	al_fetch_download(struct al_client *, const char *id,
	    const char *region, struct cJSON **, struct cgw_err *);

#endif
