/*
 * The commands that talk to a cloud's API (today Tencent Cloud's): the
 * live source of render and show, list, download, reset,
 * create-customer-gateway, and the cloud's own device list. Credentials
 * come from creds.c; every call goes through tencent-api.c.
 */
#ifndef CGW_LIVE_H
#define CGW_LIVE_H

struct cgw_err;
struct cli_opts;
struct model;
struct warnings;

/* The selected connections, read from the API, as a model. */
int	live_model(const struct cli_opts *, struct model **,
	    struct warnings *, struct cgw_err *);
int	live_list(const struct cli_opts *, struct warnings *,
	    struct cgw_err *);
int	live_download(const struct cli_opts *, struct warnings *,
	    struct cgw_err *);
int	live_reset(const struct cli_opts *, struct warnings *,
	    struct cgw_err *);
int	live_create_cgw(const struct cli_opts *, struct warnings *,
	    struct cgw_err *);
int	live_vendors(const struct cli_opts *, struct warnings *,
	    struct cgw_err *);

#endif
