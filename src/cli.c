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

#define FOR_RENDER	0x1
#define FOR_SHOW	0x2
#define FOR_VENDORS	0x4

enum opt_id {
	OPT_CLOUD = 256,
	OPT_CONNECTION,
	OPT_IF_ID,
	OPT_INTERFACE,
	OPT_LOCAL_ADDRESS,
	OPT_OUTPUT_DIR,
	OPT_PEER_ADDRESS,
	OPT_TEMPLATE_DIR,
	OPT_VENDOR
};

static const struct {
	const char	*name;
	int		 has_arg;
	int		 id;
	int		 commands;
} options[] = {
	{ "cloud",		1, OPT_CLOUD,		FOR_RENDER | FOR_SHOW },
	{ "connection",		1, OPT_CONNECTION,	FOR_RENDER | FOR_SHOW },
	{ "help",		0, 'h',	FOR_RENDER | FOR_SHOW | FOR_VENDORS },
	{ "if-id",		1, OPT_IF_ID,		FOR_RENDER },
	{ "input",		1, 'i',			FOR_RENDER | FOR_SHOW },
	{ "interface",		1, OPT_INTERFACE,	FOR_RENDER },
	{ "local-address",	1, OPT_LOCAL_ADDRESS,	FOR_RENDER | FOR_SHOW },
	{ "output",		1, 'o',			FOR_RENDER | FOR_SHOW },
	{ "output-dir",		1, OPT_OUTPUT_DIR,	FOR_RENDER },
	{ "peer-address",	1, OPT_PEER_ADDRESS,	FOR_RENDER | FOR_SHOW },
	{ "quiet",		0, 'q',	FOR_RENDER | FOR_SHOW | FOR_VENDORS },
	{ "template-dir",	1, OPT_TEMPLATE_DIR,	FOR_RENDER | FOR_VENDORS },
	{ "vendor",		1, OPT_VENDOR,		FOR_RENDER },
	{ "version",		0, 'V',	FOR_RENDER | FOR_SHOW | FOR_VENDORS },
};
static const char shortopts[] = "+:hi:o:qV";

static const struct {
	const char	*name;
	enum command	 cmd;
	int		 bit;
} commands[] = {
	{ "render",	CMD_RENDER,	FOR_RENDER },
	{ "show",	CMD_SHOW,	FOR_SHOW },
	{ "vendors",	CMD_VENDORS,	FOR_VENDORS },
};

static const char	*option_name(int);

static const char help_text[] =
"usage: cgwgen render --input FILE --vendor NAME [options]\n"
"       cgwgen show --input FILE [options]\n"
"       cgwgen vendors [--template-dir DIR]\n"
"       cgwgen --help | --version\n"
"\n"
"Render the configuration of an on-premises IPsec device from a cloud's\n"
"description of a site-to-site VPN connection.\n"
"\n"
"commands:\n"
"  render    write the device configuration for the connections in FILE\n"
"  show      print the normalized model of FILE as JSON (cgwgen-model(5))\n"
"  vendors   list the target vendors and check their templates\n"
"\n"
"input (render, show):\n"
"  -i, --input FILE        a saved API response or a cgwgen model, JSON or\n"
"                          XML; - reads stdin. Tencent Cloud:\n"
"                          DescribeVpnConnections; Alibaba Cloud:\n"
"                          DescribeVpnConnection(s), DownloadVpnConnectionConfig\n"
"      --cloud NAME        what FILE is: tencent, alibaba or model\n"
"                          (default: detect)\n"
"      --connection ID     only this connection; repeat for more\n"
"                          (default: every connection in FILE); names the\n"
"                          connection of an Alibaba download, which has no id\n"
"      --peer-address IP   the cloud gateway's public address, needed when\n"
"                          the input does not hold it (an FQDN identity)\n"
"      --local-address IP  this device's outside address; render pins the\n"
"                          device to it (local_addrs, left=)\n"
"\n"
"render:\n"
"      --vendor NAME       the target: strongswan, libreswan (cgwgen vendors)\n"
"  -o, --output FILE       write FILE (mode 0600, replaced atomically)\n"
"                          instead of standard output; a target with two\n"
"                          files writes the second beside it (.secrets)\n"
"      --output-dir DIR    write DIR/ID.conf (and ID.secrets) for each\n"
"                          connection ID\n"
"      --interface NAME    this device's outside interface, for the\n"
"                          commands in comments (default: eth0)\n"
"      --if-id N           XFRM interface id of the first route-based\n"
"                          tunnel; the next tunnels count up (default: 1)\n"
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
	memset(o, 0, sizeof(*o));
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

int
cli_parse(int argc, char **argv, struct cli_opts *o, struct cgw_err *err)
{
	struct option	 longopts[nitems(options) + 1];
	uint64_t	 v;
	size_t		 i;
	int		 c, bit = 0, seen[nitems(options)];

	memset(o, 0, sizeof(*o));
	memset(seen, 0, sizeof(seen));
	o->if_id = 1;
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
				    "command \"%s\" (render, show or vendors)",
				    argv[optind]);
			o->cmd = commands[i].cmd;
			bit = commands[i].bit;
			optind++;
			continue;
		}
		if (c == ':') {
			if (optopt >= 256 || strchr("io", optopt) != NULL)
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
			o->ids = xreallocarray(o->ids, o->nids + 1,
			    sizeof(*o->ids));
			o->ids[o->nids++] = optarg;
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
	for (i = 0; i < nitems(options); i++)
		if (seen[i] && bit != 0 && !(options[i].commands & bit))
			return err_set(err, CGW_E_USAGE, "--%s does not apply "
			    "to this command", options[i].name);

	switch (o->cmd) {
	case CMD_NONE:
		return err_set(err, CGW_E_USAGE, "no command given (render, "
		    "show or vendors); cgwgen --help tells more");
	case CMD_RENDER:
		if (o->vendor == NULL)
			return err_set(err, CGW_E_USAGE, "render needs --vendor "
			    "(cgwgen vendors lists them)");
		/* FALLTHROUGH */
	case CMD_SHOW:
		if (o->input == NULL)
			return err_set(err, CGW_E_USAGE, "%s needs --input FILE "
			    "(a saved API response or a model; - for stdin)",
			    o->cmd == CMD_SHOW ? "show" : "render");
		break;
	case CMD_VENDORS:
		break;
	}
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
