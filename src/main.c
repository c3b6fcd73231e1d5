/*
 * cgwgen: render on-premises IPsec configurations from cloud VPN
 * connection descriptions. main() is the only place that prints errors
 * and warnings and chooses the exit status.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "err.h"
#include "http.h"
#include "jsonutil.h"
#include "log.h"
#include "run.h"
#include "warn.h"
#include "xml.h"

static void	print_lines(const char *, const char *);

/* Print each line of msg as "cgwgen: [kind: ]line". */
static void
print_lines(const char *kind, const char *msg)
{
	const char	*p = msg, *nl;

	do {
		nl = strchr(p, '\n');
		fprintf(stderr, "cgwgen: %s%.*s\n", kind,
		    nl == NULL ? (int)strlen(p) : (int)(nl - p), p);
		p = nl + 1;
	} while (nl != NULL);
}

int
main(int argc, char **argv)
{
	struct cli_opts	 opts;
	struct warnings	 warn = { NULL, 0 };
	struct cgw_err	 err;
	size_t		 i;
	int		 status = 0;

	err_clear(&err);
	json_init();
	xml_init();
	if (cli_parse(argc, argv, &opts, &err) == -1) {
		print_lines("", err.msg);
		fprintf(stderr, "cgwgen: usage: cgwgen render|show|list|"
		    "download|reset|create-customer-gateway|vendors [options]; "
		    "cgwgen --help tells more\n");
		cli_free(&opts);
		return 2;
	}
	if (opts.help) {
		cli_help(stdout);
		cli_free(&opts);
		return 0;
	}
	if (opts.version) {
		printf("cgwgen %s\n", PACKAGE_VERSION);
		cli_free(&opts);
		return 0;
	}
	log_set_verbose(opts.verbose);
	if (http_global_init() == -1) {
		fprintf(stderr, "cgwgen: cannot initialise libcurl\n");
		cli_free(&opts);
		return 1;
	}
	if (run_command(&opts, &warn, &err) == -1)
		status = err.code == CGW_E_USAGE ? 2 : 1;
	if (!opts.quiet || status != 0)
		for (i = 0; i < warn.n; i++)
			print_lines("warning: ", warn.msgs[i]);
	if (status != 0)
		print_lines("", err.msg);
	http_global_cleanup();
	warn_free(&warn);
	cli_free(&opts);
	return status;
}
