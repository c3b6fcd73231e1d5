/*
 * Reading a region's VPN connections and gateway addresses from Tencent
 * Cloud's API.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cjson/cJSON.h>

#include "err.h"
#include "idset.h"
#include "jsonutil.h"
#include "live-tencent.h"
#include "source.h"
#include "tencent-api.h"
#include "util.h"
#include "xmalloc.h"

static int	add_filter(cJSON *, const char *, char *const *, size_t,
		    struct cgw_err *);
static int	take_set(const cJSON *, const char *, cJSON *, size_t *,
		    struct cgw_err *);
static int	lookup(struct tc_client *, const char *, const char *,
		    const char *, const char *, const char *, struct idset *,
		    struct addr_entry **, size_t *, struct cgw_err *);

static int
add_filter(cJSON *filters, const char *name, char *const *values, size_t n,
    struct cgw_err *err)
{
	cJSON	*f, *vals;
	size_t	 i;

	if (n == 0)
		return 0;
	if (n > TC_FILTER_MAX)
		return err_set(err, CGW_E_USAGE, "Tencent Cloud takes at most "
		    "%d values per filter (%s): give fewer", TC_FILTER_MAX,
		    name);
	f = cJSON_CreateObject();
	cJSON_AddStringToObject(f, "Name", name);
	vals = cJSON_AddArrayToObject(f, "Values");
	for (i = 0; i < n; i++)
		cJSON_AddItemToArray(vals, cJSON_CreateString(values[i]));
	cJSON_AddItemToArray(filters, f);
	return 0;
}

/*
 * Move the elements of resp.key (an array of objects) to the end of out;
 * *n counts them.
 */
static int
take_set(const cJSON *resp, const char *key, cJSON *out, size_t *n,
    struct cgw_err *err)
{
	const cJSON	*set;
	cJSON		*e;
	int		 r;

	*n = 0;
	if ((r = json_array(resp, "Response", key, &set, err)) == -1)
		return -1;
	if (r == 1)
		return 0;
	while ((e = cJSON_DetachItemFromArray((cJSON *)(uintptr_t)set,
	    0)) != NULL) {
		cJSON_AddItemToArray(out, e);
		(*n)++;
	}
	return 0;
}

int
tc_fetch_connections(struct tc_client *c, const struct tc_select *sel,
    cJSON **out, struct cgw_err *err)
{
	cJSON		*set, *params = NULL, *root = NULL, *filters, *ids;
	const cJSON	*resp;
	uint64_t	 total;
	size_t		 i, j, got, offset = 0;
	int		 ret = -1;

	set = cJSON_CreateArray();
	if (sel->nids > 0) {
		/* By id: 100 ids a call; ids and filters exclude each other. */
		if (sel->nvpn_gateways + sel->ncustomer_gateways +
		    sel->nvpcs > 0) {
			err_set(err, CGW_E_USAGE, "--connection and the filters "
			    "(--vpn-gateway, --customer-gateway, --vpc) "
			    "exclude each other");
			goto out;
		}
		for (i = 0; i < sel->nids; i += TC_PAGE) {
			params = cJSON_CreateObject();
			ids = cJSON_AddArrayToObject(params,
			    "VpnConnectionIds");
			for (j = i; j < sel->nids && j < i + TC_PAGE; j++)
				cJSON_AddItemToArray(ids,
				    cJSON_CreateString(sel->ids[j]));
			cJSON_AddNumberToObject(params, "Offset", 0);
			cJSON_AddNumberToObject(params, "Limit", TC_PAGE);
			if (tc_call(c, "DescribeVpnConnections", params, &root,
			    &resp, err) == -1 ||
			    take_set(resp, "VpnConnectionSet", set, &got,
			    err) == -1)
				goto out;
			cJSON_Delete(params);
			cJSON_Delete(root);
			params = root = NULL;
		}
	} else {
		/* Everything, or what the filters keep, a page at a time. */
		for (;;) {
			params = cJSON_CreateObject();
			filters = cJSON_CreateArray();
			if (add_filter(filters, "vpn-gateway-id",
			    sel->vpn_gateways, sel->nvpn_gateways, err) == -1 ||
			    add_filter(filters, "customer-gateway-id",
			    sel->customer_gateways, sel->ncustomer_gateways,
			    err) == -1 ||
			    add_filter(filters, "vpc-id", sel->vpcs, sel->nvpcs,
			    err) == -1) {
				cJSON_Delete(filters);
				goto out;
			}
			if (cJSON_GetArraySize(filters) > 0)
				cJSON_AddItemToObject(params, "Filters",
				    filters);
			else
				cJSON_Delete(filters);
			cJSON_AddNumberToObject(params, "Offset",
			    (double)offset);
			cJSON_AddNumberToObject(params, "Limit", TC_PAGE);
			if (tc_call(c, "DescribeVpnConnections", params, &root,
			    &resp, err) == -1 ||
			    take_set(resp, "VpnConnectionSet", set, &got,
			    err) == -1 ||
			    json_uint(resp, "Response", "TotalCount", 0,
			    UINT32_MAX, &total, err) == -1)
				goto out;
			cJSON_Delete(params);
			cJSON_Delete(root);
			params = root = NULL;
			offset += got;
			if (got == 0 || offset >= total)
				break;
		}
	}
	*out = set;
	set = NULL;
	ret = 0;
out:
	cJSON_Delete(params);
	cJSON_Delete(root);
	cJSON_Delete(set);
	return ret;
}

/*
 * Ask action for the ids in batches of 100 (the request key is idkey,
 * the answer's array setkey, each element's id and address idfield and
 * addrfield); append what it says to the entries.
 */
static int
lookup(struct tc_client *c, const char *action, const char *idkey,
    const char *setkey, const char *idfield, const char *addrfield,
    struct idset *ids, struct addr_entry **out, size_t *nout,
    struct cgw_err *err)
{
	cJSON		*params = NULL, *root = NULL, *arr, *got = NULL, *e;
	const cJSON	*resp;
	const char	*id, *addr;
	size_t		 i, j, n;
	int		 ret = -1;

	for (i = 0; i < ids->n; i += TC_PAGE) {
		params = cJSON_CreateObject();
		arr = cJSON_AddArrayToObject(params, idkey);
		for (j = i; j < ids->n && j < i + TC_PAGE; j++)
			cJSON_AddItemToArray(arr, cJSON_CreateString(ids->v[j]));
		cJSON_AddNumberToObject(params, "Offset", 0);
		cJSON_AddNumberToObject(params, "Limit", TC_PAGE);
		got = cJSON_CreateArray();
		if (tc_call(c, action, params, &root, &resp, err) == -1 ||
		    take_set(resp, setkey, got, &n, err) == -1)
			goto out;
		cJSON_ArrayForEach(e, got) {
			id = addr = NULL;
			if (json_string(e, setkey, idfield, &id, err) != 0 ||
			    json_string(e, setkey, addrfield, &addr, err) != 0 ||
			    addr_family(addr) == 0) {
				err_clear(err);
				continue;	/* no usable address */
			}
			addr_entries_add(out, nout, id, addr);
		}
		cJSON_Delete(params);
		cJSON_Delete(root);
		cJSON_Delete(got);
		params = root = got = NULL;
	}
	ret = 0;
out:
	cJSON_Delete(params);
	cJSON_Delete(root);
	cJSON_Delete(got);
	return ret;
}

int
tc_fetch_addresses(struct tc_client *c, const cJSON *set,
    struct addr_entry **out, size_t *nout, struct cgw_err *err)
{
	struct idset	 gws = { NULL, 0 }, cgws = { NULL, 0 };
	const cJSON	*conn;
	const char	*id;
	int		 ret = -1;

	*out = NULL;
	*nout = 0;
	cJSON_ArrayForEach(conn, set) {
		if (json_string(conn, "", "VpnGatewayId", &id, err) == 0 &&
		    is_token(id))
			idset_add(&gws, id);
		if (json_string(conn, "", "CustomerGatewayId", &id, err) == 0 &&
		    is_token(id))
			idset_add(&cgws, id);
		err_clear(err);
	}
	idset_unique(&gws);
	idset_unique(&cgws);
	if (lookup(c, "DescribeVpnGateways", "VpnGatewayIds", "VpnGatewaySet",
	    "VpnGatewayId", "PublicIpAddress", &gws, out, nout, err) == -1 ||
	    lookup(c, "DescribeCustomerGateways", "CustomerGatewayIds",
	    "CustomerGatewaySet", "CustomerGatewayId", "IpAddress", &cgws, out,
	    nout, err) == -1)
		goto out;
	addr_entries_sort(*out, *nout);
	ret = 0;
out:
	if (ret == -1) {
		addr_entries_free(*out, *nout);
		*out = NULL;
		*nout = 0;
	}
	idset_free(&gws);
	idset_free(&cgws);
	return ret;
}
