/*
 * The command line: getopt_long over one table of options, the commands,
 * the help text, and the checks of option combinations. Only this module
 * and main.c know about argv.
 */
#ifndef CGW_CLI_H
#define CGW_CLI_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

struct cgw_err;

enum command {
	CMD_NONE,
	CMD_RENDER,
	CMD_SHOW,
	CMD_VENDORS,
	CMD_LIST,
	CMD_DOWNLOAD,
	CMD_RESET,
	CMD_CREATE_CGW
};

/* --mode: the model's routing, or forced to policy- or route-based. */
enum route_mode {
	MODE_MODEL,
	MODE_POLICY,
	MODE_ROUTE
};

struct cli_opts {
	enum command	 cmd;
	const char	*input;
	const char	*cloud;
	const char	*peer_address;
	const char	*local_address;
	const char	*vendor;
	const char	*output;
	const char	*output_dir;
	const char	*interface;
	const char	*template_dir;
	char		**ids;		/* --connection, repeatable */
	size_t		 nids;
	uint32_t	 if_id;
	int		 quiet;
	int		 help;
	int		 version;
	/* Live calls to a cloud's API. */
	const char	*region;
	const char	*profile;
	const char	*endpoint;
	long		 timeout_ms;
	const char	*ca_file;	/* --ca-file */
	int		 json;
	int		 verbose;
	char		**vpn_gateways;	/* --vpn-gateway, repeatable */
	size_t		 nvpn_gateways;
	char		**customer_gateways;
	size_t		 ncustomer_gateways;
	char		**vpcs;
	size_t		 nvpcs;
	const char	*device_vendor;	/* download */
	const char	*platform;
	const char	*software_version;
	const char	*name;		/* create-customer-gateway */
	const char	*address;
	char		**tags;		/* KEY=VALUE, repeatable */
	size_t		 ntags;
	int		 sig_v3;	/* Alibaba: --signature v3 */
	int		 api_xml;	/* Alibaba: --api-format xml */
	int		 source_download; /* Alibaba: --source download */
	/* Device-local facts of network devices (render). */
	enum route_mode	 mode;		/* --mode, MODE_MODEL: the model's */
	int32_t		 tunnel_number;	/* -1: the vendor's default */
	uint32_t	 acl_number;	/* 0: the vendor's default */
	const char	*zone;
	const char	*inside_zone;
	const char	*tunnel_zone;
	const char	*vrf;
};

/* Whether render or show reads a cloud's API rather than a file. */
int	cli_live(const struct cli_opts *);

/* Fill opts from argv; usage errors come back as CGW_E_USAGE. */
int	cli_parse(int, char **, struct cli_opts *, struct cgw_err *);
void	cli_free(struct cli_opts *);
void	cli_help(FILE *);

#endif
