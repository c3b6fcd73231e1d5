/*
 * Command-line parsing. The options are one table, in alphabetical
 * order; each says which commands accept it, and combinations are checked
 * after the loop. Options may come before or after the command.
 */
#include "config.h"

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "compat.h"
#include "err.h"
#include "util.h"
#include "xmalloc.h"

#define FOR_RENDER	0x01
#define FOR_SHOW	0x02
#define FOR_VENDORS	0x04
#define FOR_LIST	0x08
#define FOR_DOWNLOAD	0x10
#define FOR_RESET	0x20
#define FOR_CREATE	0x40
#define FOR_ALL		0x7f
#define FOR_INPUT	(FOR_RENDER | FOR_SHOW)
/* The commands that may call a cloud's API. */
#define FOR_LIVE	(FOR_RENDER | FOR_SHOW | FOR_VENDORS | FOR_LIST | \
			 FOR_DOWNLOAD | FOR_RESET | FOR_CREATE)
#define FOR_SELECT	(FOR_RENDER | FOR_SHOW | FOR_LIST)

enum opt_id {
	OPT_ADDRESS = 256,
	OPT_ACL_NUMBER,
	OPT_API_FORMAT,
	OPT_CLOUD,
	OPT_CONNECTION,
	OPT_CUSTOMER_GATEWAY,
	OPT_DEVICE_VENDOR,
	OPT_ENDPOINT,
	OPT_IF_ID,
	OPT_INSIDE_ZONE,
	OPT_INTERFACE,
	OPT_JSON,
	OPT_LOCAL_ADDRESS,
	OPT_MODE,
	OPT_NAME,
	OPT_OUTPUT_DIR,
	OPT_PEER_ADDRESS,
	OPT_PLATFORM,
	OPT_PROFILE,
	OPT_REGION,
	OPT_SIGNATURE,
	OPT_SOFTWARE_VERSION,
	OPT_SOURCE,
	OPT_TAG,
	OPT_TEMPLATE_DIR,
	OPT_TIMEOUT,
	OPT_CA_FILE,
	OPT_TUNNEL_NUMBER,
	OPT_TUNNEL_ZONE,
	OPT_VENDOR,
	OPT_VPC,
	OPT_VPN_GATEWAY,
	OPT_VRF,
	OPT_ZONE
};

static const struct {
	const char	*name;
	int		 has_arg;
	int		 id;
	int		 commands;
} options[] = {
	{ "acl-number",		1, OPT_ACL_NUMBER,	FOR_RENDER },
	{ "address",		1, OPT_ADDRESS,		FOR_CREATE },
	{ "api-format",		1, OPT_API_FORMAT,	FOR_SELECT },
	{ "ca-file",		1, OPT_CA_FILE,		FOR_LIVE },
	{ "cloud",		1, OPT_CLOUD,		FOR_LIVE },
	{ "connection",		1, OPT_CONNECTION,
	    FOR_INPUT | FOR_LIST | FOR_DOWNLOAD | FOR_RESET },
	{ "customer-gateway",	1, OPT_CUSTOMER_GATEWAY, FOR_SELECT },
	{ "device-vendor",	1, OPT_DEVICE_VENDOR,	FOR_DOWNLOAD },
	{ "endpoint",		1, OPT_ENDPOINT,	FOR_LIVE },
	{ "help",		0, 'h',			FOR_ALL },
	{ "if-id",		1, OPT_IF_ID,		FOR_RENDER },
	{ "input",		1, 'i',			FOR_INPUT },
	{ "inside-zone",	1, OPT_INSIDE_ZONE,	FOR_RENDER },
	{ "interface",		1, OPT_INTERFACE,	FOR_RENDER | FOR_DOWNLOAD },
	{ "json",		0, OPT_JSON,
	    FOR_VENDORS | FOR_LIST | FOR_RESET | FOR_CREATE },
	{ "local-address",	1, OPT_LOCAL_ADDRESS,	FOR_INPUT },
	{ "mode",		1, OPT_MODE,		FOR_INPUT },
	{ "name",		1, OPT_NAME,		FOR_CREATE },
	{ "output",		1, 'o',			FOR_INPUT | FOR_DOWNLOAD },
	{ "output-dir",		1, OPT_OUTPUT_DIR,	FOR_RENDER },
	{ "peer-address",	1, OPT_PEER_ADDRESS,	FOR_INPUT },
	{ "platform",		1, OPT_PLATFORM,	FOR_DOWNLOAD },
	{ "profile",		1, OPT_PROFILE,		FOR_LIVE },
	{ "quiet",		0, 'q',			FOR_ALL },
	{ "region",		1, OPT_REGION,		FOR_LIVE },
	{ "signature",		1, OPT_SIGNATURE,	FOR_SELECT },
	{ "software-version",	1, OPT_SOFTWARE_VERSION, FOR_DOWNLOAD },
	{ "source",		1, OPT_SOURCE,		FOR_INPUT },
	{ "tag",		1, OPT_TAG,		FOR_CREATE },
	{ "template-dir",	1, OPT_TEMPLATE_DIR,	FOR_RENDER | FOR_VENDORS },
	{ "timeout",		1, OPT_TIMEOUT,		FOR_LIVE },
	{ "tunnel-number",	1, OPT_TUNNEL_NUMBER,	FOR_RENDER },
	{ "tunnel-zone",	1, OPT_TUNNEL_ZONE,	FOR_RENDER },
	{ "vendor",		1, OPT_VENDOR,		FOR_RENDER },
	{ "verbose",		0, 'v',			FOR_ALL },
	{ "version",		0, 'V',			FOR_ALL },
	{ "vpc",		1, OPT_VPC,		FOR_SELECT },
	{ "vpn-gateway",	1, OPT_VPN_GATEWAY,
	    FOR_SELECT | FOR_DOWNLOAD | FOR_RESET },
	{ "vrf",		1, OPT_VRF,		FOR_RENDER },
	{ "zone",		1, OPT_ZONE,		FOR_RENDER },
};
static const char shortopts[] = "+:hi:o:qvV";

static const struct {
	const char	*name;
	enum command	 cmd;
	int		 bit;
} commands[] = {
	{ "create-customer-gateway", CMD_CREATE_CGW, FOR_CREATE },
	{ "download",	CMD_DOWNLOAD,	FOR_DOWNLOAD },
	{ "list",	CMD_LIST,	FOR_LIST },
	{ "render",	CMD_RENDER,	FOR_RENDER },
	{ "reset",	CMD_RESET,	FOR_RESET },
	{ "show",	CMD_SHOW,	FOR_SHOW },
	{ "vendors",	CMD_VENDORS,	FOR_VENDORS },
};

static const char	*option_name(int);
static const char	*command_names(void);
static void		 push(char ***, size_t *, char *);
static int		 check_live(const struct cli_opts *, struct cgw_err *);

/* "create-customer-gateway, download, ...", from the table. */
static const char *
command_names(void)
{
	static char	names[160];
	size_t		i, len = 0;

	if (names[0] != '\0')
		return names;
	for (i = 0; i < nitems(commands) && len < sizeof(names); i++)
		len += snprintf(names + len, sizeof(names) - len, "%s%s",
		    i > 0 ? ", " : "", commands[i].name);
	return names;
}

static const char help_text[] =
"usage: cgwgen render (--input FILE | --cloud tencent|alibaba) --vendor NAME\n"
"                [options]\n"
"       cgwgen show (--input FILE | --cloud tencent|alibaba) [options]\n"
"       cgwgen list --cloud tencent|alibaba [--region R] [--json] [filters]\n"
"       cgwgen download --cloud tencent --connection ID --device-vendor V\n"
"                --platform P --software-version S --interface NAME [-o FILE]\n"
"       cgwgen reset --cloud tencent --connection ID [--json]\n"
"       cgwgen create-customer-gateway --cloud tencent --name NAME\n"
"                --address IP [--tag KEY=VALUE]... [--json]\n"
"       cgwgen vendors [--template-dir DIR | --cloud tencent [--json]]\n"
"       cgwgen --help | --version\n"
"\n"
"Render the configuration of an on-premises IPsec device from a cloud's\n"
"description of a site-to-site VPN connection: a saved API response, or\n"
"Tencent Cloud's or Alibaba Cloud's API itself.\n"
"\n"
"commands:\n"
"  render    write the device configuration for the connections\n"
"  show      print the normalized model as JSON (cgwgen-model(5))\n"
"  list      list a region's VPN connections (a table, or --json)\n"
"  download  write the configuration text the cloud renders for a device\n"
"  reset     reset a VPN connection (Tencent Cloud ResetVpnConnection)\n"
"  create-customer-gateway\n"
"            create a customer gateway (Tencent Cloud CreateCustomerGateway)\n"
"  vendors   list the target vendors and check their templates; with\n"
"            --cloud tencent, the devices the cloud renders for\n"
"\n"
"input (render, show):\n"
"  -i, --input FILE        a saved API response, a cgwgen model or an H3C\n"
"                          Comware configuration; JSON, XML or text;\n"
"                          - reads stdin. Tencent Cloud:\n"
"                          DescribeVpnConnections; Alibaba Cloud:\n"
"                          DescribeVpnConnection(s), DownloadVpnConnectionConfig\n"
"      --cloud NAME        what FILE is: tencent, alibaba, comware or model\n"
"                          (default: detect); without --input, --cloud\n"
"                          tencent or alibaba reads the connections from\n"
"                          the cloud's API\n"
"      --connection ID     only this connection; repeat for more\n"
"                          (default: every connection); names the\n"
"                          connection of an Alibaba download, which has no id\n"
"      --peer-address IP   the cloud gateway's public address, needed when\n"
"                          the input does not hold it (an FQDN identity)\n"
"      --local-address IP  this device's outside address; render pins the\n"
"                          device to it (local_addrs, left=)\n"
"\n"
"A cloud's API (render and show without --input, list; for Tencent Cloud\n"
"also download, reset, create-customer-gateway, vendors --cloud tencent):\n"
"      --region REGION     the region, e.g. ap-guangzhou, cn-hangzhou (also\n"
"                          TENCENTCLOUD_REGION, ALIBABA_CLOUD_REGION_ID, or\n"
"                          the CLI profile's)\n"
"      --profile NAME      the CLI profile: tccli's ~/.tccli/NAME.credential\n"
"                          (also TCCLI_PROFILE), the aliyun CLI's\n"
"                          ~/.aliyun/config.json (also ALIBABA_CLOUD_PROFILE);\n"
"                          credentials are never options: the environment\n"
"                          or the files of cgwgen(1) CREDENTIALS\n"
"      --endpoint HOST     the API host or https://HOST[:PORT] (default:\n"
"                          vpc.tencentcloudapi.com; vpc.aliyuncs.com, or\n"
"                          vpc.REGION.aliyuncs.com)\n"
"      --timeout SECONDS   give up a request after this long (default: 60)\n"
"      --ca-file FILE      trust the CAs in FILE (PEM) instead of the\n"
"                          system's, for a TLS-inspecting proxy\n"
"      --vpn-gateway ID    only connections of this VPN gateway (repeatable\n"
"                          for Tencent Cloud)\n"
"      --customer-gateway ID  only those to this customer gateway\n"
"      --vpc ID            only those of this VPC (Tencent Cloud)\n"
"      --json              print the whole answer as JSON\n"
"  -v, --verbose           trace each request (without keys or signatures)\n"
"\n"
"Alibaba Cloud's API:\n"
"      --signature rpc|v3  sign with HMAC-SHA1 (rpc, the default) or\n"
"                          ACS3-HMAC-SHA256 (v3)\n"
"      --api-format json|xml  the answers' format (default: json)\n"
"      --source describe|download  read DescribeVpnConnection(s) (the\n"
"                          default) or the DownloadVpnConnectionConfig of\n"
"                          one --connection\n"
"\n"
"download:\n"
"      --device-vendor V, --platform P, --software-version S\n"
"                          the device, as vendors --cloud tencent lists\n"
"      --interface NAME    the device's outside interface (required)\n"
"  -o, --output FILE       write FILE (mode 0600) instead of stdout\n"
"\n"
"create-customer-gateway:\n"
"      --name NAME         its name (at most 60 characters)\n"
"      --address IP        its public IP address\n"
"      --tag KEY=VALUE     a tag (repeatable)\n"
"\n"
"render:\n"
"      --vendor NAME       the target: strongswan, libreswan, h3c-comware,\n"
"                          cisco-ios, cisco-ios15, juniper-srx (cgwgen\n"
"                          vendors)\n"
"  -o, --output FILE       write FILE (mode 0600, replaced atomically)\n"
"                          instead of standard output; a target with two\n"
"                          files writes the second beside it (.secrets)\n"
"      --output-dir DIR    write DIR/ID.conf (and ID.secrets) for each\n"
"                          connection ID\n"
"      --interface NAME    this device's outside interface (default: the\n"
"                          vendor's: eth0, GigabitEthernet1/0/1, ...)\n"
"      --if-id N           XFRM interface id of the first route-based\n"
"                          tunnel; the next tunnels count up (default: 1)\n"
"      --mode policy|route force policy-based (crypto maps, ACLs) or\n"
"                          route-based (tunnel interfaces, static routes)\n"
"                          output instead of the connection's own\n"
"      --tunnel-number N   the first tunnel interface (Tunnel N, st0.N) of\n"
"                          network devices (default: the vendor's, 1)\n"
"      --acl-number N      the first ACL number (Comware default: 3000)\n"
"      --zone NAME         Junos: the outside interface's security zone\n"
"                          (default: untrust)\n"
"      --inside-zone NAME  Junos: the protected networks' zone (trust)\n"
"      --tunnel-zone NAME  Junos: the st0 interfaces' zone (vpn)\n"
"      --vrf NAME          the VRF (routing instance) of the tunnels\n"
"      --template-dir DIR  vendors/ and templates/ from DIR (also\n"
"                          CGWGEN_TEMPLATE_DIR; default: installed data)\n"
"\n"
"show:\n"
"  -o, --output FILE       write the model to FILE (mode 0600)\n"
"\n"
"  -q, --quiet             do not print warnings\n"
"  -h, --help              print this help\n"
"  -V, --version           print the version\n"
"\n"
"Exit status: 0 success, 1 failure, 2 usage error.\n"
"See cgwgen(1), cgwgen-model(5) and cgwgen-template(5).\n";

void
cli_help(FILE *f)
{
	fputs(help_text, f);
}

void
cli_free(struct cli_opts *o)
{
	free(o->ids);
	free(o->vpn_gateways);
	free(o->customer_gateways);
	free(o->vpcs);
	free(o->tags);
	memset(o, 0, sizeof(*o));
}

static void
push(char ***v, size_t *n, char *s)
{
	*v = xreallocarray(*v, *n + 1, sizeof(**v));
	(*v)[(*n)++] = s;
}

/* The clouds whose API cgwgen calls. */
static int
is_live_cloud(const char *cloud)
{
	return cloud != NULL && (strcmp(cloud, "tencent") == 0 ||
	    strcmp(cloud, "alibaba") == 0);
}

int
cli_live(const struct cli_opts *o)
{
	return o->input == NULL && is_live_cloud(o->cloud);
}

/* What only one cloud's API has. */
static int
check_cloud(const struct cli_opts *o, int seen_alibaba_only,
    struct cgw_err *err)
{
	int	alibaba = cli_live(o) && strcmp(o->cloud, "alibaba") == 0;

	if (!alibaba && seen_alibaba_only)
		return err_set(err, CGW_E_USAGE, "--signature, --api-format and "
		    "--source apply to Alibaba Cloud's API (--cloud alibaba "
		    "without --input)");
	if (alibaba && o->nvpcs > 0)
		return err_set(err, CGW_E_USAGE, "--vpc: Alibaba Cloud's "
		    "DescribeVpnConnections has no VPC filter; use "
		    "--vpn-gateway");
	if (alibaba && (o->nvpn_gateways > 1 || o->ncustomer_gateways > 1))
		return err_set(err, CGW_E_USAGE, "Alibaba Cloud filters by one "
		    "--vpn-gateway and one --customer-gateway at a time");
	if (alibaba && o->source_download && (o->nids != 1 || o->nvpn_gateways +
	    o->ncustomer_gateways > 0))
		return err_set(err, CGW_E_USAGE, "--source download reads one "
		    "connection: give one --connection ID and no filters");
	return 0;
}

/* The name of an option, by its id, for messages. */
static const char *
option_name(int id)
{
	size_t	i;

	for (i = 0; i < nitems(options); i++)
		if (options[i].id == id)
			return options[i].name;
	return "?";
}

/* The checks of the commands that only talk to a cloud's API. */
static int
check_live(const struct cli_opts *o, struct cgw_err *err)
{
	if (o->cmd == CMD_LIST && is_live_cloud(o->cloud))
		return 0;
	if (o->cmd == CMD_LIST)
		return err_set(err, CGW_E_USAGE, "list needs --cloud tencent or "
		    "--cloud alibaba");
	if (o->cloud == NULL || strcmp(o->cloud, "tencent") != 0)
		return err_set(err, CGW_E_USAGE, "this command needs --cloud "
		    "tencent (cgwgen calls it on Tencent Cloud only%s)",
		    o->cmd == CMD_DOWNLOAD ? "; Alibaba Cloud's download is "
		    "read with render --cloud alibaba --source download" : "");
	switch (o->cmd) {
	case CMD_DOWNLOAD:
		if (o->nids != 1)
			return err_set(err, CGW_E_USAGE, "download needs one "
			    "--connection ID");
		if (o->device_vendor == NULL || o->platform == NULL ||
		    o->software_version == NULL || o->interface == NULL)
			return err_set(err, CGW_E_USAGE, "download needs "
			    "--device-vendor, --platform, --software-version "
			    "(vendors --cloud tencent lists them) and "
			    "--interface");
		break;
	case CMD_RESET:
		if (o->nids != 1)
			return err_set(err, CGW_E_USAGE, "reset needs one "
			    "--connection ID");
		break;
	case CMD_CREATE_CGW:
		if (o->name == NULL || o->address == NULL)
			return err_set(err, CGW_E_USAGE, "create-customer-gateway "
			    "needs --name and --address");
		if (utf8_chars(o->name) > 60 || !is_text(o->name))
			return err_set(err, CGW_E_USAGE, "--name: at most 60 "
			    "printable characters");
		if (addr_family(o->address) != 4)
			return err_set(err, CGW_E_USAGE, "--address: \"%s\" is "
			    "not an IPv4 address", o->address);
		break;
	default:
		break;
	}
	return 0;
}

int
cli_parse(int argc, char **argv, struct cli_opts *o, struct cgw_err *err)
{
	struct option	 longopts[nitems(options) + 1];
	uint64_t	 v;
	size_t		 i;
	int		 c, bit = 0, alibaba_only = 0, seen[nitems(options)];

	memset(o, 0, sizeof(*o));
	memset(seen, 0, sizeof(seen));
	o->if_id = 1;
	o->tunnel_number = -1;
	for (i = 0; i < nitems(options); i++) {
		longopts[i].name = options[i].name;
		longopts[i].has_arg = options[i].has_arg ? required_argument :
		    no_argument;
		longopts[i].flag = NULL;
		longopts[i].val = options[i].id;
	}
	memset(&longopts[nitems(options)], 0, sizeof(longopts[0]));

	/*
	 * Options may come before and after the command: parse up to the
	 * first word that is not an option, take it as the command, go on.
	 */
	optind = 1;
	opterr = 0;
	for (;;) {
		c = getopt_long(argc, argv, shortopts, longopts, NULL);
		if (c == -1) {
			if (optind >= argc || o->cmd != CMD_NONE)
				break;
			for (i = 0; i < nitems(commands); i++)
				if (strcmp(argv[optind], commands[i].name) == 0)
					break;
			if (i == nitems(commands))
				return err_set(err, CGW_E_USAGE, "unknown "
				    "command \"%s\" (%s)", argv[optind],
				    command_names());
			o->cmd = commands[i].cmd;
			bit = commands[i].bit;
			optind++;
			continue;
		}
		if (c == ':') {
			if (optopt >= 256 || (optopt != 0 &&
			    strchr("io", optopt) != NULL))
				return err_set(err, CGW_E_USAGE, "option --%s "
				    "needs a value", option_name(optopt));
			return err_set(err, CGW_E_USAGE, "option -%c needs a "
			    "value", optopt);
		}
		if (c == '?') {
			if (optopt != 0 && optopt < 256)
				return err_set(err, CGW_E_USAGE, "option -%c is "
				    "unknown", optopt);
			return err_set(err, CGW_E_USAGE, "option %s is unknown",
			    argv[optind - 1]);
		}
		for (i = 0; i < nitems(options); i++)
			if (options[i].id == c)
				seen[i] = 1;
		switch (c) {
		case 'h':
			o->help = 1;
			break;
		case 'V':
			o->version = 1;
			break;
		case 'q':
			o->quiet = 1;
			break;
		case 'v':
			o->verbose = 1;
			break;
		case OPT_ADDRESS:
			o->address = optarg;
			break;
		case OPT_ACL_NUMBER:
			if (parse_u64(optarg, 1, 999999, &v) == -1)
				return err_set(err, CGW_E_USAGE, "--acl-number: "
				    "\"%s\" is not a number from 1 to 999999",
				    optarg);
			o->acl_number = (uint32_t)v;
			break;
		case OPT_TUNNEL_NUMBER:
			if (parse_u64(optarg, 0, 65535, &v) == -1)
				return err_set(err, CGW_E_USAGE, "--tunnel-number: "
				    "\"%s\" is not a number from 0 to 65535",
				    optarg);
			o->tunnel_number = (int32_t)v;
			break;
		case OPT_MODE:
			if (strcmp(optarg, "policy") == 0)
				o->mode = MODE_POLICY;
			else if (strcmp(optarg, "route") == 0)
				o->mode = MODE_ROUTE;
			else
				return err_set(err, CGW_E_USAGE, "--mode: \"%s\" "
				    "is neither policy nor route", optarg);
			break;
		case OPT_ZONE:
		case OPT_INSIDE_ZONE:
		case OPT_TUNNEL_ZONE:
		case OPT_VRF:
			if (!is_device_name(optarg))
				return err_set(err, CGW_E_USAGE, "--%s: \"%s\" is "
				    "not a name (letters, digits, . _ : / -; at "
				    "most 63)", option_name(c), optarg);
			if (c == OPT_ZONE)
				o->zone = optarg;
			else if (c == OPT_INSIDE_ZONE)
				o->inside_zone = optarg;
			else if (c == OPT_TUNNEL_ZONE)
				o->tunnel_zone = optarg;
			else
				o->vrf = optarg;
			break;
		case OPT_API_FORMAT:
			if (strcmp(optarg, "json") != 0 &&
			    strcmp(optarg, "xml") != 0)
				return err_set(err, CGW_E_USAGE, "--api-format: "
				    "\"%s\" is neither json nor xml", optarg);
			o->api_xml = strcmp(optarg, "xml") == 0;
			break;
		case OPT_SIGNATURE:
			if (strcmp(optarg, "rpc") != 0 &&
			    strcmp(optarg, "v3") != 0)
				return err_set(err, CGW_E_USAGE, "--signature: "
				    "\"%s\" is neither rpc nor v3", optarg);
			o->sig_v3 = strcmp(optarg, "v3") == 0;
			break;
		case OPT_SOURCE:
			if (strcmp(optarg, "describe") != 0 &&
			    strcmp(optarg, "download") != 0)
				return err_set(err, CGW_E_USAGE, "--source: "
				    "\"%s\" is neither describe nor download",
				    optarg);
			o->source_download = strcmp(optarg, "download") == 0;
			break;
		case OPT_CUSTOMER_GATEWAY:
			push(&o->customer_gateways, &o->ncustomer_gateways,
			    optarg);
			break;
		case OPT_DEVICE_VENDOR:
			o->device_vendor = optarg;
			break;
		case OPT_ENDPOINT:
			o->endpoint = optarg;
			break;
		case OPT_JSON:
			o->json = 1;
			break;
		case OPT_NAME:
			o->name = optarg;
			break;
		case OPT_PLATFORM:
			o->platform = optarg;
			break;
		case OPT_PROFILE:
			o->profile = optarg;
			break;
		case OPT_REGION:
			o->region = optarg;
			break;
		case OPT_SOFTWARE_VERSION:
			o->software_version = optarg;
			break;
		case OPT_TAG:
			if (strchr(optarg, '=') == NULL || *optarg == '=')
				return err_set(err, CGW_E_USAGE, "--tag: \"%s\" "
				    "is not KEY=VALUE", optarg);
			push(&o->tags, &o->ntags, optarg);
			break;
		case OPT_CA_FILE:
			o->ca_file = optarg;
			break;
		case OPT_TIMEOUT:
			if (parse_u64(optarg, 1, 3600, &v) == -1)
				return err_set(err, CGW_E_USAGE, "--timeout: "
				    "\"%s\" is not a number of seconds from 1 to "
				    "3600", optarg);
			o->timeout_ms = (long)v * 1000;
			break;
		case OPT_VPC:
			push(&o->vpcs, &o->nvpcs, optarg);
			break;
		case OPT_VPN_GATEWAY:
			push(&o->vpn_gateways, &o->nvpn_gateways, optarg);
			break;
		case 'i':
			o->input = optarg;
			break;
		case 'o':
			o->output = optarg;
			break;
		case OPT_CLOUD:
			o->cloud = optarg;
			break;
		case OPT_CONNECTION:
			push(&o->ids, &o->nids, optarg);
			break;
		case OPT_IF_ID:
			if (parse_u64(optarg, 1, 0xfffffff0, &v) == -1)
				return err_set(err, CGW_E_USAGE, "--if-id: \"%s\" "
				    "is not a number from 1 to 4294967280",
				    optarg);
			o->if_id = (uint32_t)v;
			break;
		case OPT_INTERFACE:
			o->interface = optarg;
			break;
		case OPT_LOCAL_ADDRESS:
			o->local_address = optarg;
			break;
		case OPT_OUTPUT_DIR:
			o->output_dir = optarg;
			break;
		case OPT_PEER_ADDRESS:
			o->peer_address = optarg;
			break;
		case OPT_TEMPLATE_DIR:
			o->template_dir = optarg;
			break;
		case OPT_VENDOR:
			o->vendor = optarg;
			break;
		}
	}
	if (optind < argc)
		return err_set(err, CGW_E_USAGE, "unexpected argument \"%s\"",
		    argv[optind]);
	if (o->help || o->version)
		return 0;
	for (i = 0; i < nitems(options); i++) {
		if (seen[i] && bit != 0 && !(options[i].commands & bit))
			return err_set(err, CGW_E_USAGE, "--%s does not apply "
			    "to this command", options[i].name);
		if (seen[i] && (options[i].id == OPT_SIGNATURE ||
		    options[i].id == OPT_API_FORMAT ||
		    options[i].id == OPT_SOURCE))
			alibaba_only = 1;
	}

	switch (o->cmd) {
	case CMD_NONE:
		return err_set(err, CGW_E_USAGE, "no command given (render, "
		    "show, list, download, reset, create-customer-gateway or "
		    "vendors); cgwgen --help tells more");
	case CMD_RENDER:
		if (o->vendor == NULL)
			return err_set(err, CGW_E_USAGE, "render needs --vendor "
			    "(cgwgen vendors lists them)");
		/* FALLTHROUGH */
	case CMD_SHOW:
		if (o->input == NULL && !cli_live(o))
			return err_set(err, CGW_E_USAGE, "%s needs --input FILE "
			    "(a saved API response or a model; - for stdin), or "
			    "--cloud tencent or --cloud alibaba to read the "
			    "cloud's API", o->cmd == CMD_SHOW ? "show" :
			    "render");
		if (o->input != NULL && (o->nvpn_gateways +
		    o->ncustomer_gateways + o->nvpcs > 0 ||
		    o->region != NULL || o->profile != NULL ||
		    o->endpoint != NULL))
			return err_set(err, CGW_E_USAGE, "--region, --profile, "
			    "--endpoint and the gateway and VPC filters apply "
			    "to the API, not to --input");
		break;
	case CMD_VENDORS:
		if (o->cloud != NULL && strcmp(o->cloud, "tencent") != 0)
			return err_set(err, CGW_E_USAGE, "vendors --cloud: only "
			    "tencent has an API that lists devices");
		break;
	case CMD_LIST:
	case CMD_DOWNLOAD:
	case CMD_RESET:
	case CMD_CREATE_CGW:
		if (check_live(o, err) == -1)
			return -1;
		break;
	}
	if (check_cloud(o, alibaba_only, err) == -1)
		return -1;
	if (o->output != NULL && o->output_dir != NULL)
		return err_set(err, CGW_E_USAGE, "--output and --output-dir "
		    "exclude each other");
	if (o->interface != NULL && (*o->interface == '\0' ||
	    strlen(o->interface) > 64 || strspn(o->interface,
	    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"
	    "/._-:") != strlen(o->interface)))
		return err_set(err, CGW_E_USAGE, "--interface: \"%s\" is not an "
		    "interface name", o->interface);
	return 0;
}
