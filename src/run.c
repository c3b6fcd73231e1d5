/*
 * The commands: render, show, vendors.
 */
#include "config.h"

#include <sys/stat.h>

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "check.h"
#include "cli.h"
#include "compat.h"
#include "datadir.h"
#include "err.h"
#include "live.h"
#include "model.h"
#include "model-json.h"
#include "output.h"
#include "render.h"
#include "run.h"
#include "source.h"
#include "vendor.h"
#include "warn.h"
#include "xmalloc.h"

static void	source_opts_from(const struct cli_opts *, struct source_opts *);
static int	run_render(const struct cli_opts *, struct warnings *,
		    struct cgw_err *);
static int	run_show(const struct cli_opts *, struct warnings *,
		    struct cgw_err *);
static int	run_vendors(const struct cli_opts *, struct warnings *,
		    struct cgw_err *);

static int	load_model(const struct cli_opts *, struct model **,
		    struct warnings *, struct cgw_err *);

static const struct {
	enum command	 cmd;
	int		(*run)(const struct cli_opts *, struct warnings *,
			    struct cgw_err *);
} runners[] = {
	{ CMD_RENDER, run_render },
	{ CMD_SHOW, run_show },
	{ CMD_VENDORS, run_vendors },
	{ CMD_LIST, live_list },
	{ CMD_DOWNLOAD, live_download },
	{ CMD_RESET, live_reset },
	{ CMD_CREATE_CGW, live_create_cgw },
};

static void
source_opts_from(const struct cli_opts *o, struct source_opts *so)
{
	memset(so, 0, sizeof(*so));
	so->cloud = o->cloud;
	so->peer_address = o->peer_address;
	so->local_address = o->local_address;
	so->ids = o->ids;
	so->nids = o->nids;
}

/* The model from --input, or from the cloud's API. */
static int
load_model(const struct cli_opts *o, struct model **m, struct warnings *warn,
    struct cgw_err *err)
{
	struct source_opts	so;

	if (cli_live(o))
		return live_model(o, m, warn, err);
	source_opts_from(o, &so);
	return source_load(o->input, &so, m, warn, err);
}

static int
run_render(const struct cli_opts *o, struct warnings *warn,
    struct cgw_err *err)
{
	struct render_opts	 ro;
	struct stat		 st;
	struct vendor		*v = NULL;
	struct model		*m = NULL;
	char			*dir = NULL;
	int			 ret = -1;

	memset(&ro, 0, sizeof(ro));
	ro.dev.local_address = o->local_address;
	ro.dev.interface = o->interface;
	ro.dev.if_id = o->if_id;
	ro.dev.tunnel_number = o->tunnel_number;
	ro.dev.acl_number = o->acl_number;
	ro.dev.zone = o->zone;
	ro.dev.inside_zone = o->inside_zone;
	ro.dev.tunnel_zone = o->tunnel_zone;
	ro.dev.vrf = o->vrf;
	ro.output = o->output;
	ro.output_dir = o->output_dir;
	/* Where the output goes is known before anything is read. */
	if (o->output != NULL && output_check(o->output, err) == -1)
		goto out;
	if (o->output_dir != NULL && stat(o->output_dir, &st) == -1) {
		err_sys(err, "--output-dir %s", o->output_dir);
		goto out;
	}
	if (o->output_dir != NULL && !S_ISDIR(st.st_mode)) {
		err_set(err, CGW_E_INPUT, "--output-dir %s: not a directory",
		    o->output_dir);
		goto out;
	}
	if ((dir = datadir_find(o->template_dir, err)) == NULL)
		goto out;
	if (vendor_load(dir, o->vendor, &v, err) == -1) {
		if (err->code == CGW_E_SYS)
			err_prefix(err, "vendor %s (cgwgen vendors lists them)",
			    o->vendor);
		goto out;
	}
	if (render_check_templates(v, &ro.dev, err) == -1)
		goto out;
	if (load_model(o, &m, warn, err) == -1 ||
	    (o->mode != MODE_MODEL && model_force_routing(m,
	    o->mode == MODE_ROUTE, warn, err) == -1) ||
	    check_model(m, v, warn, err) == -1 ||
	    render_model(m, v, &ro, err) == -1)
		goto out;
	ret = 0;
out:
	model_free(m);
	vendor_free(v);
	free(dir);
	return ret;
}

static int
run_show(const struct cli_opts *o, struct warnings *warn, struct cgw_err *err)
{
	struct out_file		 f;
	struct model		*m = NULL;
	struct buf		 b;
	int			 ret = -1;

	buf_init(&b, 0);
	if ((o->output != NULL && output_check(o->output, err) == -1) ||
	    load_model(o, &m, warn, err) == -1 ||
	    (o->mode != MODE_MODEL && model_force_routing(m,
	    o->mode == MODE_ROUTE, warn, err) == -1))
		goto out;
	check_weak(m, warn);
	if (model_json_write(m, &b, err) == -1)
		goto out;
	if (o->output == NULL)
		ret = output_stdout(b.data, b.len, err);
	else {
		f.path = (char *)(uintptr_t)o->output;
		f.data = b.data;
		f.len = b.len;
		ret = output_files(&f, 1, 0600, err);
	}
out:
	buf_free(&b);
	model_free(m);
	return ret;
}

static int
run_vendors(const struct cli_opts *o, struct warnings *warn,
    struct cgw_err *err)
{
	struct device_opts	 dev;
	struct vendor		*v = NULL;
	struct buf		 b;
	char			*dir = NULL, **names = NULL;
	size_t			 n = 0, i;
	int			 ret = -1;

	if (o->cloud != NULL)
		return live_vendors(o, warn, err);
	memset(&dev, 0, sizeof(dev));
	dev.if_id = 1;
	dev.tunnel_number = -1;
	buf_init(&b, 0);
	if ((dir = datadir_find(o->template_dir, err)) == NULL ||
	    vendor_list(dir, &names, &n, err) == -1)
		goto out;
	for (i = 0; i < n; i++) {
		if (vendor_load(dir, names[i], &v, err) == -1 ||
		    render_check_templates(v, &dev, err) == -1)
			goto out;
		if (buf_printf(&b, err, "%-16s %s\n", v->name, v->title) == -1)
			goto out;
		vendor_free(v);
		v = NULL;
	}
	ret = output_stdout(b.data == NULL ? "" : b.data, b.len, err);
out:
	vendor_free(v);
	for (i = 0; i < n; i++)
		free(names[i]);
	free(names);
	free(dir);
	buf_free(&b);
	return ret;
}

int
run_command(const struct cli_opts *o, struct warnings *warn,
    struct cgw_err *err)
{
	size_t	i;

	for (i = 0; i < nitems(runners); i++)
		if (runners[i].cmd == o->cmd)
			return runners[i].run(o, warn, err);
	return err_set(err, CGW_E_USAGE, "no command given");
}
