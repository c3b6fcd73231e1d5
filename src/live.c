/*
 * Commands against Tencent Cloud's VPC API.
 */
#include "config.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cjson/cJSON.h>

#include "buf.h"
#include "cli.h"
#include "creds.h"
#include "err.h"
#include "jsonutil.h"
#include "live.h"
#include "live-tencent.h"
#include "log.h"
#include "model.h"
#include "output.h"
#include "source.h"
#include "tencent-api.h"
#include "util.h"
#include "warn.h"
#include "xmalloc.h"

struct live {
	struct creds		 creds;
	struct tc_client	*client;
};

static int	live_open(const struct cli_opts *, int, struct live *,
		    struct warnings *, struct cgw_err *);
static void	live_close(struct live *);
static int	print_json(const cJSON *, struct cgw_err *);
static int	gateway_of(struct live *, const struct cli_opts *, char **,
		    struct cgw_err *);
static void	select_from(const struct cli_opts *, struct tc_select *);
static int	check_found(const struct cli_opts *, const char *,
		    const cJSON *, struct cgw_err *);
static const char *field(const cJSON *, const char *, const char *);
static void	add_cell(struct buf *, const char *, size_t);
static void	proposal(const cJSON *, char *, size_t);

/* Credentials and a client; need_region: the action needs a region. */
static int
live_open(const struct cli_opts *o, int need_region, struct live *l,
    struct warnings *warn, struct cgw_err *err)
{
	struct tc_client_opts	co;

	memset(l, 0, sizeof(*l));
	if (creds_tencent(o->profile, o->region, &l->creds, warn, err) == -1)
		return -1;
	if (need_region && l->creds.region == NULL) {
		creds_free(&l->creds);
		return err_set(err, CGW_E_USAGE, "no region: give --region "
		    "(e.g. ap-guangzhou) or set TENCENTCLOUD_REGION");
	}
	log_debug("tencent: credentials from %s, region %s", l->creds.from,
	    l->creds.region == NULL ? "none" : l->creds.region);
	memset(&co, 0, sizeof(co));
	co.endpoint = o->endpoint;
	co.creds = &l->creds;
	co.region = l->creds.region;
	co.timeout_ms = o->timeout_ms;
	co.ca_file = o->ca_file;
	if ((l->client = tc_client_new(&co, err)) == NULL) {
		creds_free(&l->creds);
		return -1;
	}
	return 0;
}

static void
live_close(struct live *l)
{
	if (l->client != NULL)
		log_debug("tencent: requests sent: %zu", tc_requests(l->client));
	tc_client_free(l->client);
	creds_free(&l->creds);
	memset(l, 0, sizeof(*l));
}

static int
print_json(const cJSON *v, struct cgw_err *err)
{
	char	*text;
	int	 ret;

	if ((text = cJSON_Print(v)) == NULL)
		return err_set(err, CGW_E_SYS, "out of memory");
	ret = output_stdout(text, strlen(text), err);
	if (ret == 0)
		ret = output_stdout("\n", 1, err);
	cJSON_free(text);
	return ret;
}

static void
select_from(const struct cli_opts *o, struct tc_select *sel)
{
	memset(sel, 0, sizeof(*sel));
	sel->ids = o->ids;
	sel->nids = o->nids;
	sel->vpn_gateways = o->vpn_gateways;
	sel->nvpn_gateways = o->nvpn_gateways;
	sel->customer_gateways = o->customer_gateways;
	sel->ncustomer_gateways = o->ncustomer_gateways;
	sel->vpcs = o->vpcs;
	sel->nvpcs = o->nvpcs;
}

/* Every --connection asked for came back. */
static int
check_found(const struct cli_opts *o, const char *region, const cJSON *set,
    struct cgw_err *err)
{
	const cJSON	*conn;
	size_t		 i;
	int		 found;

	for (i = 0; i < o->nids; i++) {
		found = 0;
		cJSON_ArrayForEach(conn, set)
			if (strcmp(field(conn, "", "VpnConnectionId"),
			    o->ids[i]) == 0)
				found = 1;
		if (!found)
			return err_set(err, CGW_E_INPUT, "tencent: connection "
			    "%s does not exist in region %s", o->ids[i],
			    region);
	}
	return 0;
}

int
live_model(const struct cli_opts *o, struct model **m,
    struct warnings *warn, struct cgw_err *err)
{
	struct live		 l;
	struct tc_select	 sel;
	struct source_opts	 so;
	struct addr_entry	*addrs = NULL;
	cJSON			*set = NULL, *root = NULL;
	char			*name = NULL;
	size_t			 naddrs = 0;
	int			 ret = -1;

	if (live_open(o, 1, &l, warn, err) == -1)
		return -1;
	select_from(o, &sel);
	if (tc_fetch_connections(l.client, &sel, &set, err) == -1 ||
	    check_found(o, l.creds.region, set, err) == -1 ||
	    tc_fetch_addresses(l.client, set, &addrs, &naddrs, err) == -1)
		goto out;
	root = cJSON_CreateObject();
	cJSON_AddItemToObject(root, "VpnConnectionSet", set);
	set = NULL;
	memset(&so, 0, sizeof(so));
	so.cloud = "tencent";
	so.peer_address = o->peer_address;
	so.local_address = o->local_address;
	so.ids = o->ids;
	so.nids = o->nids;
	so.region = l.creds.region;
	so.addrs = addrs;
	so.naddrs = naddrs;
	xasprintf(&name, "tencent %s", l.creds.region);
	if (source_load_json(name, root, &so, m, warn, err) == -1)
		goto out;
	ret = 0;
out:
	free(name);
	cJSON_Delete(set);
	cJSON_Delete(root);
	addr_entries_free(addrs, naddrs);
	live_close(&l);
	return ret;
}

static const char *
field(const cJSON *obj, const char *path, const char *key)
{
	const char	*s = NULL;

	if (json_string(obj, path, key, &s, NULL) != 0)
		return "";
	return s;
}

/* One column of a table: the text made printable, padded to width. */
static void
add_cell(struct buf *b, const char *s, size_t width)
{
	size_t	n = 0;

	for (; *s != '\0'; s++, n++)
		buf_addc(b, (unsigned char)*s < 0x20 || *s == 0x7f ? '?' : *s,
		    NULL);
	while (width > 0 && n++ < width + 2)
		buf_addc(b, ' ', NULL);
}

/* "v1 AES-CBC-128/SHA/GROUP1, ESP AES-CBC-128/SHA1/NULL" */
static void
proposal(const cJSON *conn, char *out, size_t len)
{
	const cJSON	*ike = NULL, *esp = NULL;
	const char	*integ;

	json_object(conn, "", "IKEOptionsSpecification", &ike, NULL);
	json_object(conn, "", "IPSECOptionsSpecification", &esp, NULL);
	integ = field(esp, "", "IntegrityAlgorith");
	if (*integ == '\0')
		integ = field(esp, "", "IntegrityAlgorithm");
	snprintf(out, len, "%s %s/%s/%s, ESP %s/%s/%s",
	    strcmp(field(ike, "", "IKEVersion"), "IKEV2") == 0 ? "v2" : "v1",
	    field(ike, "", "PropoEncryAlgorithm"),
	    field(ike, "", "PropoAuthenAlgorithm"),
	    field(ike, "", "DhGroupName"), field(esp, "", "EncryptAlgorithm"),
	    integ, field(esp, "", "PfsDhGroup"));
}

int
live_list(const struct cli_opts *o, struct warnings *warn,
    struct cgw_err *err)
{
	static const char *const cols[] = { "ID", "NAME", "VPN GATEWAY",
	    "CUSTOMER GATEWAY", "STATE", "PROPOSALS" };
	static const char *const keys[] = { "VpnConnectionId",
	    "VpnConnectionName", "VpnGatewayId", "CustomerGatewayId", "State" };
	struct live		 l;
	struct tc_select	 sel;
	struct buf		 b;
	const cJSON		*conn;
	cJSON			*set = NULL, *out = NULL, *e;
	char			 prop[256];
	size_t			 width[5] = { 0 }, i;
	int			 ret = -1;

	buf_init(&b, 0);
	if (live_open(o, 1, &l, warn, err) == -1)
		return -1;
	select_from(o, &sel);
	if (tc_fetch_connections(l.client, &sel, &set, err) == -1)
		goto out;
	if (o->json) {
		/* A summary: the API's objects hold the pre-shared keys. */
		out = cJSON_CreateArray();
		cJSON_ArrayForEach(conn, set) {
			e = cJSON_CreateObject();
			cJSON_AddStringToObject(e, "id",
			    field(conn, "", "VpnConnectionId"));
			cJSON_AddStringToObject(e, "name",
			    field(conn, "", "VpnConnectionName"));
			cJSON_AddStringToObject(e, "vpn_gateway_id",
			    field(conn, "", "VpnGatewayId"));
			cJSON_AddStringToObject(e, "customer_gateway_id",
			    field(conn, "", "CustomerGatewayId"));
			cJSON_AddStringToObject(e, "vpc_id",
			    field(conn, "", "VpcId"));
			cJSON_AddStringToObject(e, "state",
			    field(conn, "", "State"));
			cJSON_AddStringToObject(e, "net_status",
			    field(conn, "", "NetStatus"));
			cJSON_AddStringToObject(e, "route_type",
			    field(conn, "", "RouteType"));
			cJSON_AddStringToObject(e, "negotiation",
			    field(conn, "", "NegotiationType"));
			proposal(conn, prop, sizeof(prop));
			cJSON_AddStringToObject(e, "proposals", prop);
			cJSON_AddItemToArray(out, e);
		}
		ret = print_json(out, err);
		goto out;
	}
	for (i = 0; i < nitems(width); i++)
		width[i] = strlen(cols[i]);
	cJSON_ArrayForEach(conn, set)
		for (i = 0; i < nitems(keys); i++)
			if (strlen(field(conn, "", keys[i])) > width[i])
				width[i] = strlen(field(conn, "", keys[i]));
	for (i = 0; i < nitems(cols); i++)
		add_cell(&b, cols[i], i + 1 < nitems(cols) ? width[i] : 0);
	buf_addc(&b, '\n', NULL);
	cJSON_ArrayForEach(conn, set) {
		for (i = 0; i < nitems(keys); i++)
			add_cell(&b, field(conn, "", keys[i]), width[i]);
		proposal(conn, prop, sizeof(prop));
		add_cell(&b, prop, 0);
		buf_addc(&b, '\n', NULL);
	}
	ret = output_stdout(b.data, b.len, err);
out:
	buf_free(&b);
	cJSON_Delete(set);
	cJSON_Delete(out);
	live_close(&l);
	return ret;
}

/* The VPN gateway of the one --connection: given, or asked. */
static int
gateway_of(struct live *l, const struct cli_opts *o, char **gw,
    struct cgw_err *err)
{
	struct tc_select	 sel;
	cJSON			*set = NULL;
	const char		*s;
	int			 ret = -1;

	if (o->nvpn_gateways == 1) {
		*gw = xstrdup(o->vpn_gateways[0]);
		return 0;
	}
	if (o->nvpn_gateways > 1)
		return err_set(err, CGW_E_USAGE, "give at most one "
		    "--vpn-gateway");
	memset(&sel, 0, sizeof(sel));
	sel.ids = o->ids;
	sel.nids = 1;
	if (tc_fetch_connections(l->client, &sel, &set, err) == -1)
		goto out;
	if (cJSON_GetArraySize(set) != 1 || json_string(cJSON_GetArrayItem(set,
	    0), "", "VpnGatewayId", &s, err) != 0) {
		err_set(err, CGW_E_INPUT, "tencent: connection %s does not "
		    "exist in region %s", o->ids[0], l->creds.region);
		goto out;
	}
	*gw = xstrdup(s);
	ret = 0;
out:
	cJSON_Delete(set);
	return ret;
}

int
live_download(const struct cli_opts *o, struct warnings *warn,
    struct cgw_err *err)
{
	struct live	 l;
	struct out_file	 f;
	cJSON		*params = NULL, *root = NULL, *v;
	const cJSON	*resp;
	const char	*text;
	char		*gw = NULL;
	int		 ret = -1;

	if (o->output != NULL && output_check(o->output, err) == -1)
		return -1;
	if (live_open(o, 1, &l, warn, err) == -1)
		return -1;
	if (gateway_of(&l, o, &gw, err) == -1)
		goto out;
	params = cJSON_CreateObject();
	cJSON_AddStringToObject(params, "VpnGatewayId", gw);
	cJSON_AddStringToObject(params, "VpnConnectionId", o->ids[0]);
	v = cJSON_AddObjectToObject(params, "CustomerGatewayVendor");
	cJSON_AddStringToObject(v, "Platform", o->platform);
	cJSON_AddStringToObject(v, "SoftwareVersion", o->software_version);
	cJSON_AddStringToObject(v, "VendorName", o->device_vendor);
	cJSON_AddStringToObject(params, "InterfaceName", o->interface);
	if (tc_call(l.client, "DownloadCustomerGatewayConfiguration", params,
	    &root, &resp, err) == -1)
		goto out;
	if (json_string(resp, "Response", "CustomerGatewayConfiguration",
	    &text, err) != 0) {
		err_set(err, CGW_E_INPUT, "tencent: "
		    "DownloadCustomerGatewayConfiguration: the answer holds no "
		    "configuration");
		goto out;
	}
	/* Byte for byte: it holds the pre-shared key, so 0600 as always. */
	if (o->output == NULL)
		ret = output_stdout(text, strlen(text), err);
	else {
		f.path = (char *)(uintptr_t)o->output;
		f.data = text;
		f.len = strlen(text);
		ret = output_files(&f, 1, 0600, err);
	}
out:
	free(gw);
	cJSON_Delete(params);
	cJSON_Delete(root);
	live_close(&l);
	return ret;
}

int
live_reset(const struct cli_opts *o, struct warnings *warn,
    struct cgw_err *err)
{
	struct live	 l;
	struct buf	 b;
	cJSON		*params = NULL, *root = NULL;
	const cJSON	*resp;
	char		*gw = NULL;
	int		 ret = -1;

	buf_init(&b, 0);
	if (o->output != NULL && output_check(o->output, err) == -1)
		return -1;
	if (live_open(o, 1, &l, warn, err) == -1)
		return -1;
	if (gateway_of(&l, o, &gw, err) == -1)
		goto out;
	params = cJSON_CreateObject();
	cJSON_AddStringToObject(params, "VpnGatewayId", gw);
	cJSON_AddStringToObject(params, "VpnConnectionId", o->ids[0]);
	if (tc_call(l.client, "ResetVpnConnection", params, &root, &resp,
	    err) == -1)
		goto out;
	if (o->json)
		ret = print_json(resp, err);
	else if (buf_printf(&b, err, "%s\n", field(resp, "Response",
	    "RequestId")) == 0)
		ret = output_stdout(b.data, b.len, err);
out:
	buf_free(&b);
	free(gw);
	cJSON_Delete(params);
	cJSON_Delete(root);
	live_close(&l);
	return ret;
}

int
live_create_cgw(const struct cli_opts *o, struct warnings *warn,
    struct cgw_err *err)
{
	struct live	 l;
	struct buf	 b;
	cJSON		*params = NULL, *root = NULL, *tags, *t;
	const cJSON	*resp, *cgw = NULL;
	const char	*eq;
	char		*key;
	size_t		 i;
	int		 ret = -1;

	buf_init(&b, 0);
	if (live_open(o, 1, &l, warn, err) == -1)
		return -1;
	params = cJSON_CreateObject();
	cJSON_AddStringToObject(params, "CustomerGatewayName", o->name);
	cJSON_AddStringToObject(params, "IpAddress", o->address);
	if (o->ntags > 0) {
		tags = cJSON_AddArrayToObject(params, "Tags");
		for (i = 0; i < o->ntags; i++) {
			eq = strchr(o->tags[i], '=');
			key = xstrndup(o->tags[i], (size_t)(eq - o->tags[i]));
			t = cJSON_CreateObject();
			cJSON_AddStringToObject(t, "Key", key);
			cJSON_AddStringToObject(t, "Value", eq + 1);
			cJSON_AddItemToArray(tags, t);
			free(key);
		}
	}
	if (tc_call(l.client, "CreateCustomerGateway", params, &root, &resp,
	    err) == -1)
		goto out;
	if (o->json) {
		ret = print_json(resp, err);
		goto out;
	}
	json_object(resp, "Response", "CustomerGateway", &cgw, err);
	err_clear(err);
	/* The new id and the request, tab-separated, for scripts. */
	if (buf_printf(&b, err, "%s\t%s\n",
	    field(cgw, "CustomerGateway", "CustomerGatewayId"),
	    field(resp, "Response", "RequestId")) == 0)
		ret = output_stdout(b.data, b.len, err);
out:
	buf_free(&b);
	cJSON_Delete(params);
	cJSON_Delete(root);
	live_close(&l);
	return ret;
}

int
live_vendors(const struct cli_opts *o, struct warnings *warn,
    struct cgw_err *err)
{
	static const char *const cols[] = { "VendorName", "Platform",
	    "SoftwareVersion" };
	struct live	 l;
	struct buf	 b;
	cJSON		*root = NULL;
	const cJSON	*resp, *set = NULL, *v;
	size_t		 width[3] = { 6, 8, 16 }, i;
	int		 ret = -1;

	buf_init(&b, 0);
	if (live_open(o, 0, &l, warn, err) == -1)
		return -1;
	if (tc_call(l.client, "DescribeCustomerGatewayVendors", NULL, &root,
	    &resp, err) == -1)
		goto out;
	if (o->json) {
		ret = print_json(resp, err);
		goto out;
	}
	json_array(resp, "Response", "CustomerGatewayVendorSet", &set, err);
	err_clear(err);
	cJSON_ArrayForEach(v, set)
		for (i = 0; i < nitems(cols); i++)
			if (strlen(field(v, "", cols[i])) > width[i])
				width[i] = strlen(field(v, "", cols[i]));
	add_cell(&b, "VENDOR", width[0]);
	add_cell(&b, "PLATFORM", width[1]);
	add_cell(&b, "SOFTWARE VERSION", 0);
	buf_addc(&b, '\n', NULL);
	cJSON_ArrayForEach(v, set) {
		for (i = 0; i < nitems(cols); i++)
			add_cell(&b, field(v, "", cols[i]),
			    i + 1 < nitems(cols) ? width[i] : 0);
		buf_addc(&b, '\n', NULL);
	}
	ret = output_stdout(b.data, b.len, err);
out:
	buf_free(&b);
	cJSON_Delete(root);
	live_close(&l);
	return ret;
}
