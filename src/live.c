/*
 * Commands against Tencent Cloud's VPC API.
 */
#include "config.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cjson/cJSON.h>

#include "alibaba-api.h"
#include "buf.h"
#include "cli.h"
#include "creds.h"
#include "err.h"
#include "idset.h"
#include "jsonutil.h"
#include "live.h"
#include "live-alibaba.h"
#include "live-tencent.h"
#include "log.h"
#include "model.h"
#include "output.h"
#include "source.h"
#include "tencent-api.h"
#include "util.h"
#include "warn.h"
#include "xmalloc.h"

/* A cloud's client: client for Tencent Cloud, al for Alibaba Cloud. */
struct live {
	struct creds		 creds;
	struct tc_client	*client;
	struct al_client	*al;
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

static int
is_alibaba(const struct cli_opts *o)
{
	return o->cloud != NULL && strcmp(o->cloud, "alibaba") == 0;
}

/* Credentials and a client; need_region: the action needs a region. */
static int
live_open(const struct cli_opts *o, int need_region, struct live *l,
    struct warnings *warn, struct cgw_err *err)
{
	struct tc_client_opts	co;
	struct al_client_opts	ao;
	int			al = is_alibaba(o), r;

	memset(l, 0, sizeof(*l));
	r = al ? creds_alibaba(o->profile, o->region, &l->creds, warn, err) :
	    creds_tencent(o->profile, o->region, &l->creds, warn, err);
	if (r == -1)
		return -1;
	if ((need_region || al) && l->creds.region == NULL) {
		creds_free(&l->creds);
		return err_set(err, CGW_E_USAGE, "no region: give --region "
		    "(e.g. %s) or set %s", al ? "cn-hangzhou" : "ap-guangzhou",
		    al ? "ALIBABA_CLOUD_REGION_ID" : "TENCENTCLOUD_REGION");
	}
	log_debug("%s: credentials from %s, region %s", o->cloud,
	    l->creds.from, l->creds.region == NULL ? "none" :
	    l->creds.region);
	if (al) {
		memset(&ao, 0, sizeof(ao));
		ao.endpoint = o->endpoint;
		ao.creds = &l->creds;
		ao.region = l->creds.region;
		ao.timeout_ms = o->timeout_ms;
		ao.ca_file = o->ca_file;
		ao.signature = o->sig_v3 ? AL_SIG_V3 : AL_SIG_RPC;
		ao.format = o->api_xml ? AL_FMT_XML : AL_FMT_JSON;
		if ((l->al = al_client_new(&ao, err)) == NULL) {
			creds_free(&l->creds);
			return -1;
		}
		return 0;
	}
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
	if (l->al != NULL)
		log_debug("alibaba: requests sent: %zu", al_requests(l->al));
	tc_client_free(l->client);
	al_client_free(l->al);
	creds_free(&l->creds);
	memset(l, 0, sizeof(*l));
}

/* The selected connections, as the cloud's API describes them. */
static int
fetch_set(const struct cli_opts *o, struct live *l, cJSON **set,
    struct cgw_err *err)
{
	struct tc_select	tsel;
	struct al_select	asel;

	if (l->al != NULL) {
		memset(&asel, 0, sizeof(asel));
		asel.ids = o->ids;
		asel.nids = o->nids;
		asel.vpn_gateway = o->nvpn_gateways > 0 ? o->vpn_gateways[0] :
		    NULL;
		asel.customer_gateway = o->ncustomer_gateways > 0 ?
		    o->customer_gateways[0] : NULL;
		return al_fetch_connections(l->al, &asel, l->creds.region, set,
		    err);
	}
	select_from(o, &tsel);
	if (tc_fetch_connections(l->client, &tsel, set, err) == -1 ||
	    check_found(o, l->creds.region, *set, err) == -1) {
		cJSON_Delete(*set);
		*set = NULL;
		return -1;
	}
	return 0;
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
	struct source_opts	 so;
	struct addr_entry	*addrs = NULL;
	cJSON			*set = NULL, *root = NULL, *list;
	char			*name = NULL;
	size_t			 naddrs = 0;
	int			 ret = -1;

	if (live_open(o, 1, &l, warn, err) == -1)
		return -1;
	if (l.al != NULL && o->source_download) {
		if (al_fetch_download(l.al, o->ids[0], l.creds.region, &root,
		    err) == -1)
			goto out;
	} else {
		if (fetch_set(o, &l, &set, err) == -1 ||
		    (l.al != NULL ? al_fetch_addresses(l.al, set, &addrs,
		    &naddrs, err) : tc_fetch_addresses(l.client, set, &addrs,
		    &naddrs, err)) == -1)
			goto out;
		/* The shape of the cloud's list answer, for its reader. */
		root = cJSON_CreateObject();
		if (l.al != NULL) {
			list = cJSON_AddObjectToObject(root, "VpnConnections");
			cJSON_AddItemToObject(list, "VpnConnection", set);
		} else
			cJSON_AddItemToObject(root, "VpnConnectionSet", set);
		set = NULL;
	}
	memset(&so, 0, sizeof(so));
	so.cloud = o->cloud;
	so.peer_address = o->peer_address;
	so.local_address = o->local_address;
	so.ids = o->ids;
	so.nids = o->nids;
	so.region = l.creds.region;
	so.addrs = addrs;
	so.naddrs = naddrs;
	xasprintf(&name, "%s %s", o->cloud, l.creds.region);
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

/* The list's summary of a Tencent connection (also its --json). */
static cJSON *
tc_summary(const cJSON *conn)
{
	static const char *const keys[][2] = {
		{ "id", "VpnConnectionId" },
		{ "name", "VpnConnectionName" },
		{ "vpn_gateway_id", "VpnGatewayId" },
		{ "customer_gateway_id", "CustomerGatewayId" },
		{ "vpc_id", "VpcId" },
		{ "state", "State" },
		{ "net_status", "NetStatus" },
		{ "route_type", "RouteType" },
		{ "negotiation", "NegotiationType" },
	};
	cJSON	*e;
	char	 prop[256];
	size_t	 i;

	e = cJSON_CreateObject();
	for (i = 0; i < nitems(keys); i++)
		cJSON_AddStringToObject(e, keys[i][0],
		    field(conn, "", keys[i][1]));
	proposal(conn, prop, sizeof(prop));
	cJSON_AddStringToObject(e, "proposals", prop);
	return e;
}

/* "v1 aes/sha1/group2, ESP aes/sha1/group2" from IkeConfig-shaped ones. */
static void
al_proposal(const cJSON *ike, const cJSON *esp, char *out, size_t len)
{
	snprintf(out, len, "%s %s/%s/%s, ESP %s/%s/%s",
	    strcmp(field(ike, "", "IkeVersion"), "ikev2") == 0 ? "v2" : "v1",
	    field(ike, "", "IkeEncAlg"), field(ike, "", "IkeAuthAlg"),
	    field(ike, "", "IkePfs"), field(esp, "", "IpsecEncAlg"),
	    field(esp, "", "IpsecAuthAlg"), field(esp, "", "IpsecPfs"));
}

/* The tunnels of an Alibaba connection: an array, one object, or none. */
static const cJSON *
al_tunnel(const cJSON *conn, size_t i, size_t *n)
{
	const cJSON	*spec, *t;

	*n = 0;
	spec = cJSON_GetObjectItemCaseSensitive(conn,
	    "TunnelOptionsSpecification");
	t = spec == NULL ? NULL : cJSON_GetObjectItemCaseSensitive(spec,
	    "TunnelOptions");
	if (cJSON_IsObject(t)) {
		*n = 1;
		return i == 0 ? t : NULL;
	}
	if (!cJSON_IsArray(t))
		return NULL;
	*n = (size_t)cJSON_GetArraySize(t);
	return cJSON_GetArrayItem(t, (int)i);
}

/* The list's summary of an Alibaba connection (also its --json). */
static cJSON *
al_summary(const cJSON *conn)
{
	const cJSON	*t, *ike, *esp;
	cJSON		*e;
	struct buf	 cgws;
	char		 prop[256];
	size_t		 n, i;

	buf_init(&cgws, 0);
	e = cJSON_CreateObject();
	cJSON_AddStringToObject(e, "id", field(conn, "", "VpnConnectionId"));
	cJSON_AddStringToObject(e, "name", field(conn, "", "Name"));
	cJSON_AddStringToObject(e, "vpn_gateway_id",
	    field(conn, "", "VpnGatewayId"));
	/* A dual-tunnel connection names a customer gateway per tunnel. */
	buf_adds(&cgws, field(conn, "", "CustomerGatewayId"), NULL);
	for (i = 0; (t = al_tunnel(conn, i, &n)) != NULL; i++)
		if (*field(t, "", "CustomerGatewayId") != '\0' &&
		    (cgws.data == NULL || strstr(cgws.data,
		    field(t, "", "CustomerGatewayId")) == NULL))
			buf_printf(&cgws, NULL, "%s%s", cgws.len > 0 ? "," : "",
			    field(t, "", "CustomerGatewayId"));
	cJSON_AddStringToObject(e, "customer_gateway_id", cgws.data == NULL ?
	    "" : cgws.data);
	cJSON_AddStringToObject(e, "state", field(conn, "", "Status"));
	cJSON_AddNumberToObject(e, "tunnels", n == 0 ? 1 : (double)n);
	/* Describe speaks from the cloud's side: Local is the VPC's. */
	cJSON_AddStringToObject(e, "cloud_subnets",
	    field(conn, "", "LocalSubnet"));
	cJSON_AddStringToObject(e, "customer_subnets",
	    field(conn, "", "RemoteSubnet"));
	t = al_tunnel(conn, 0, &n);
	ike = cJSON_GetObjectItemCaseSensitive(t != NULL ? t : conn,
	    t != NULL ? "TunnelIkeConfig" : "IkeConfig");
	esp = cJSON_GetObjectItemCaseSensitive(t != NULL ? t : conn,
	    t != NULL ? "TunnelIpsecConfig" : "IpsecConfig");
	al_proposal(ike, esp, prop, sizeof(prop));
	cJSON_AddStringToObject(e, "proposals", prop);
	buf_free(&cgws);
	return e;
}

/* The summaries as a table, or as JSON with --json. */
static int
print_list(const struct cli_opts *o, const cJSON *rows, struct cgw_err *err)
{
	static const char *const cols[] = { "ID", "NAME", "VPN GATEWAY",
	    "CUSTOMER GATEWAY", "STATE", "PROPOSALS" };
	static const char *const keys[] = { "id", "name", "vpn_gateway_id",
	    "customer_gateway_id", "state", "proposals" };
	const cJSON	*r;
	struct buf	 b;
	size_t		 width[nitems(cols)], i;
	int		 ret;

	if (o->json)
		return print_json(rows, err);
	buf_init(&b, 0);
	for (i = 0; i < nitems(cols); i++)
		width[i] = strlen(cols[i]);
	cJSON_ArrayForEach(r, rows)
		for (i = 0; i < nitems(keys); i++)
			if (strlen(field(r, "", keys[i])) > width[i])
				width[i] = strlen(field(r, "", keys[i]));
	for (i = 0; i < nitems(cols); i++)
		add_cell(&b, cols[i], i + 1 < nitems(cols) ? width[i] : 0);
	buf_addc(&b, '\n', NULL);
	cJSON_ArrayForEach(r, rows) {
		for (i = 0; i < nitems(keys); i++)
			add_cell(&b, field(r, "", keys[i]),
			    i + 1 < nitems(keys) ? width[i] : 0);
		buf_addc(&b, '\n', NULL);
	}
	ret = output_stdout(b.data, b.len, err);
	buf_free(&b);
	return ret;
}

int
live_list(const struct cli_opts *o, struct warnings *warn,
    struct cgw_err *err)
{
	struct live		 l;
	const cJSON		*conn;
	cJSON			*set = NULL, *rows;
	int			 ret = -1;

	if (live_open(o, 1, &l, warn, err) == -1)
		return -1;
	if (fetch_set(o, &l, &set, err) == -1)
		goto out;
	/* A summary: the API's objects hold the pre-shared keys. */
	rows = cJSON_CreateArray();
	cJSON_ArrayForEach(conn, set)
		cJSON_AddItemToArray(rows, l.al != NULL ? al_summary(conn) :
		    tc_summary(conn));
	ret = print_list(o, rows, err);
	cJSON_Delete(rows);
out:
	cJSON_Delete(set);
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
