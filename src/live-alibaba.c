/*
 * Reading a region's VPN connections and gateway addresses from Alibaba
 * Cloud's API.
 */
#include "config.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cjson/cJSON.h>

#include "alibaba-api.h"
#include "err.h"
#include "idset.h"
#include "jsonutil.h"
#include "live-alibaba.h"
#include "sign-acs.h"
#include "source.h"
#include "util.h"
#include "xmalloc.h"

static int	not_found(struct al_client *, const char *, const char *,
		    struct cgw_err *);
static int	by_id(struct al_client *, const char *, const char *,
		    cJSON *, struct cgw_err *);
static int	page(struct al_client *, const struct al_select *, size_t,
		    cJSON *, size_t *, uint64_t *, struct cgw_err *);
static cJSON	*find(const cJSON *, const char *);
static void	items(const cJSON *, const char *, const char *,
		    void (*)(const cJSON *, void *), void *);
static void	want_gateways(const cJSON *, void *);
static void	want_tunnel_cgw(const cJSON *, void *);
static void	count_item(const cJSON *, void *);
static int	lookup(struct al_client *, const char *, const char *,
		    const char *, const struct idset *, struct addr_entry **,
		    size_t *, struct cgw_err *);

struct wanted {
	struct idset	 gws;		/* VPN gateways without an address */
	struct idset	 cgws;		/* every customer gateway */
};

/* An error answer that says the connection is not there, said so. */
static int
not_found(struct al_client *c, const char *id, const char *region,
    struct cgw_err *err)
{
	const char	*code = al_last_code(c);

	if (strstr(code, "NotFound") == NULL ||
	    strncmp(code, "InvalidAccessKeyId", 18) == 0)
		return -1;
	err_clear(err);
	return err_set(err, CGW_E_INPUT, "alibaba: connection %s does not "
	    "exist in region %s (%s)", id, region, code);
}

/* DescribeVpnConnection of one id, appended to set. */
static int
by_id(struct al_client *c, const char *id, const char *region, cJSON *set,
    struct cgw_err *err)
{
	struct acs_param	 p[] = { { "VpnConnectionId", id } };
	cJSON			*root = NULL;
	const char		*got;

	if (al_call(c, "DescribeVpnConnection", p, nitems(p), &root,
	    err) == -1) {
		not_found(c, id, region, err);
		return -1;
	}
	if (json_string(root, "", "VpnConnectionId", &got, NULL) != 0 ||
	    strcmp(got, id) != 0) {
		cJSON_Delete(root);
		return err_set(err, CGW_E_INPUT, "alibaba: connection %s does "
		    "not exist in region %s", id, region);
	}
	cJSON_DeleteItemFromObject(root, "RequestId");
	cJSON_AddItemToArray(set, root);
	return 0;
}

/* Page number n (from 1) of DescribeVpnConnections, appended to set. */
static int
page(struct al_client *c, const struct al_select *sel, size_t n, cJSON *set,
    size_t *got, uint64_t *total, struct cgw_err *err)
{
	struct acs_param	 p[4];
	cJSON			*root = NULL, *conns, *list, *e;
	char			 num[24], size[24];
	size_t			 np = 0;
	int			 ret = -1;

	*got = 0;
	snprintf(num, sizeof(num), "%zu", n);
	snprintf(size, sizeof(size), "%d", AL_PAGE);
	p[np++] = (struct acs_param){ "PageNumber", num };
	p[np++] = (struct acs_param){ "PageSize", size };
	if (sel->vpn_gateway != NULL)
		p[np++] = (struct acs_param){ "VpnGatewayId",
		    sel->vpn_gateway };
	if (sel->customer_gateway != NULL)
		p[np++] = (struct acs_param){ "CustomerGatewayId",
		    sel->customer_gateway };
	if (al_call(c, "DescribeVpnConnections", p, np, &root, err) == -1)
		goto out;
	if (json_uint(root, "", "TotalCount", 0, UINT32_MAX, total,
	    err) != 0) {
		err_prefix(err, "alibaba: DescribeVpnConnections");
		if (!err_isset(err))
			err_set(err, CGW_E_INPUT, "alibaba: "
			    "DescribeVpnConnections: the answer has no "
			    "TotalCount");
		goto out;
	}
	/* VpnConnections.VpnConnection: an array, or (XML) one object. */
	conns = cJSON_GetObjectItemCaseSensitive(root, "VpnConnections");
	list = conns == NULL ? NULL :
	    cJSON_GetObjectItemCaseSensitive(conns, "VpnConnection");
	if (cJSON_IsObject(list)) {
		cJSON_DetachItemViaPointer(conns, list);
		cJSON_AddItemToArray(set, list);
		*got = 1;
	} else if (cJSON_IsArray(list)) {
		while ((e = cJSON_DetachItemFromArray(list, 0)) != NULL) {
			cJSON_AddItemToArray(set, e);
			(*got)++;
		}
	}
	ret = 0;
out:
	cJSON_Delete(root);
	return ret;
}

/* The connection with this id in set, or NULL. */
static cJSON *
find(const cJSON *set, const char *id)
{
	cJSON		*e;
	const char	*s;

	cJSON_ArrayForEach(e, set)
		if (json_string(e, "", "VpnConnectionId", &s, NULL) == 0 &&
		    strcmp(s, id) == 0)
			return e;
	return NULL;
}

int
al_fetch_connections(struct al_client *c, const struct al_select *sel,
    const char *region, cJSON **out, struct cgw_err *err)
{
	cJSON		*all, *set, *e;
	uint64_t	 total = 0;
	size_t		 i, n, got, have = 0, missing, pages;
	int		 ret = -1;

	all = cJSON_CreateArray();
	set = cJSON_CreateArray();
	if (sel->nids > 0 && (sel->vpn_gateway != NULL ||
	    sel->customer_gateway != NULL)) {
		err_set(err, CGW_E_USAGE, "--connection and the filters "
		    "(--vpn-gateway, --customer-gateway) exclude each other");
		goto out;
	}
	if (sel->nids == 0 || sel->nids > AL_BY_ID_MAX) {
		/*
		 * A page at a time; with ids, stop when they are all found,
		 * or go on by id when fewer are missing than pages remain.
		 */
		for (n = 1; ; n++) {
			if (page(c, sel, n, all, &got, &total, err) == -1)
				goto out;
			have += got;
			if (got == 0 || have >= total)
				break;
			if (sel->nids == 0)
				continue;
			for (i = 0, missing = 0; i < sel->nids; i++)
				if (find(all, sel->ids[i]) == NULL)
					missing++;
			pages = (size_t)((total - have + AL_PAGE - 1) /
			    AL_PAGE);
			if (missing == 0 || missing <= pages)
				break;
		}
	}
	if (sel->nids == 0) {
		cJSON_Delete(set);
		set = all;
		all = NULL;
	} else {
		for (i = 0; i < sel->nids; i++) {
			if (find(set, sel->ids[i]) != NULL)
				continue;	/* given twice */
			if ((e = find(all, sel->ids[i])) != NULL)
				cJSON_AddItemToArray(set,
				    cJSON_DetachItemViaPointer(all, e));
			else if (by_id(c, sel->ids[i], region, set, err) == -1)
				goto out;
		}
	}
	*out = set;
	set = NULL;
	ret = 0;
out:
	cJSON_Delete(all);
	cJSON_Delete(set);
	return ret;
}

/* Call fn on each item of obj.key.item: an array, or one object. */
static void
items(const cJSON *obj, const char *key, const char *item,
    void (*fn)(const cJSON *, void *), void *arg)
{
	const cJSON	*c, *v, *e;

	if ((c = cJSON_GetObjectItemCaseSensitive(obj, key)) == NULL ||
	    (v = cJSON_GetObjectItemCaseSensitive(c, item)) == NULL)
		return;
	if (cJSON_IsObject(v))
		fn(v, arg);
	else if (cJSON_IsArray(v))
		cJSON_ArrayForEach(e, v)
			if (cJSON_IsObject(e))
				fn(e, arg);
}

static void
want_tunnel_cgw(const cJSON *t, void *arg)
{
	struct wanted	*w = arg;
	const char	*id;

	if (json_string(t, "", "CustomerGatewayId", &id, NULL) == 0 &&
	    is_token(id))
		idset_add(&w->cgws, id);
}

static void
count_item(const cJSON *t, void *arg)
{
	(void)t;
	(*(size_t *)arg)++;
}

/* The gateways of one connection whose addresses are wanted. */
static void
want_gateways(const cJSON *conn, void *arg)
{
	struct wanted	*w = arg;
	const char	*id, *ip;
	size_t		 ntunnels = 0;

	if (json_string(conn, "", "CustomerGatewayId", &id, NULL) == 0 &&
	    is_token(id))
		idset_add(&w->cgws, id);
	items(conn, "TunnelOptionsSpecification", "TunnelOptions",
	    want_tunnel_cgw, w);
	items(conn, "TunnelOptionsSpecification", "TunnelOptions",
	    count_item, &ntunnels);
	if (ntunnels == 0 &&
	    json_string(conn, "", "InternetIp", &ip, NULL) != 0 &&
	    json_string(conn, "", "VpnGatewayId", &id, NULL) == 0 &&
	    is_token(id))
		idset_add(&w->gws, id);
}

/* One call per id: action (idkey = id) answers addrkey. */
static int
lookup(struct al_client *c, const char *action, const char *idkey,
    const char *addrkey, const struct idset *ids, struct addr_entry **out,
    size_t *nout, struct cgw_err *err)
{
	struct acs_param	 p[1];
	cJSON			*root;
	const char		*addr;
	size_t			 i;

	for (i = 0; i < ids->n; i++) {
		p[0] = (struct acs_param){ idkey, ids->v[i] };
		if (al_call(c, action, p, 1, &root, err) == -1)
			return -1;
		if (json_string(root, "", addrkey, &addr, NULL) == 0 &&
		    addr_family(addr) != 0)
			addr_entries_add(out, nout, ids->v[i], addr);
		cJSON_Delete(root);
	}
	return 0;
}

int
al_fetch_addresses(struct al_client *c, const cJSON *set,
    struct addr_entry **out, size_t *nout, struct cgw_err *err)
{
	struct wanted	 w;
	const cJSON	*conn;
	int		 ret = -1;

	memset(&w, 0, sizeof(w));
	*out = NULL;
	*nout = 0;
	cJSON_ArrayForEach(conn, set)
		want_gateways(conn, &w);
	idset_unique(&w.gws);
	idset_unique(&w.cgws);
	if (lookup(c, "DescribeVpnGateway", "VpnGatewayId", "InternetIp",
	    &w.gws, out, nout, err) == -1 ||
	    lookup(c, "DescribeCustomerGateway", "CustomerGatewayId",
	    "IpAddress", &w.cgws, out, nout, err) == -1)
		goto out;
	addr_entries_sort(*out, *nout);
	ret = 0;
out:
	if (ret == -1) {
		addr_entries_free(*out, *nout);
		*out = NULL;
		*nout = 0;
	}
	idset_free(&w.gws);
	idset_free(&w.cgws);
	return ret;
}

int
al_fetch_download(struct al_client *c, const char *id, const char *region,
    cJSON **out, struct cgw_err *err)
{
	struct acs_param	 p[] = { { "VpnConnectionId", id } };

	if (al_call(c, "DownloadVpnConnectionConfig", p, nitems(p), out,
	    err) == -1) {
		not_found(c, id, region, err);
		return -1;
	}
	if (cJSON_GetObjectItemCaseSensitive(*out,
	    "VpnConnectionConfig") == NULL) {
		cJSON_Delete(*out);
		*out = NULL;
		return err_set(err, CGW_E_INPUT, "alibaba: "
		    "DownloadVpnConnectionConfig: the answer holds no "
		    "VpnConnectionConfig for connection %s", id);
	}
	return 0;
}
