/*
 * Reading an input: the file, its format, which source it is, the
 * connections wanted, and the checks every model must pass.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cjson/cJSON.h>

#include "alg.h"
#include "buf.h"
#include "compat.h"
#include "err.h"
#include "model.h"
#include "model-json.h"
#include "source.h"
#include "source-alibaba.h"
#include "source-comware.h"
#include "source-tencent.h"
#include "util.h"
#include "warn.h"
#include "xmalloc.h"
#include "xml.h"

static const struct source *const sources[] = {
	&source_tencent,
	&source_alibaba,
	&source_comware,
	&source_model,
};

static void	json_error_position(const char *, size_t, const char *,
		    size_t *, size_t *);
static int	check_selected(struct source_ctx *, struct cgw_err *);
static int	apply_addresses(struct model *, const struct source_opts *,
		    struct cgw_err *);
static int	check_opts(const struct source_opts *, const struct source **,
		    struct cgw_err *);
static const struct source *pick_source(const struct source *,
		    const cJSON *, const char *, const char *,
		    struct cgw_err *);
static int	finish(struct source_ctx *, struct model **, struct cgw_err *);
static void	ctx_init(struct source_ctx *, const char *,
		    const struct source_opts *, struct warnings *);
static void	ctx_free(struct source_ctx *);
static int	load_tree(struct source_ctx *, const struct source *,
		    const cJSON *, const char *, struct model **,
		    struct cgw_err *);
static const struct source *source_of(const char *);
static int	addr_key_cmp(const void *, const void *);

static int
addr_key_cmp(const void *key, const void *e)
{
	return strcmp(key, ((const struct addr_entry *)e)->id);
}

const char *
source_addr(const struct source_opts *o, const char *id)
{
	const struct addr_entry	*e;

	if (id == NULL || o->naddrs == 0)
		return NULL;
	e = bsearch(id, o->addrs, o->naddrs, sizeof(*o->addrs), addr_key_cmp);
	return e == NULL ? NULL : e->addr;
}

const char *
source_spell_lookup(const struct value_spelling *t, size_t n, enum mfield f,
    const char *v)
{
	size_t	i;

	for (i = 0; i < n; i++)
		if (t[i].field == f && strcmp(t[i].model, v) == 0)
			return t[i].cloud;
	return v;
}

const struct source *
source_find(const char *name)
{
	size_t	i;

	for (i = 0; i < nitems(sources); i++)
		if (strcmp(sources[i]->name, name) == 0)
			return sources[i];
	return NULL;
}

const char *
source_names(void)
{
	static char	names[128];
	size_t		i, len = 0;

	if (names[0] != '\0')
		return names;
	for (i = 0; i < nitems(sources) && len < sizeof(names); i++)
		len += snprintf(names + len, sizeof(names) - len, "%s%s",
		    i > 0 ? ", " : "", sources[i]->name);
	return names;
}

int
source_wanted(struct source_ctx *ctx, const char *id)
{
	size_t	i;

	ctx->seen = xreallocarray(ctx->seen, ctx->nseen + 1,
	    sizeof(*ctx->seen));
	ctx->seen[ctx->nseen++] = xstrdup(id);
	if (ctx->opts->nids == 0)
		return 1;
	for (i = 0; i < ctx->opts->nids; i++)
		if (strcmp(ctx->opts->ids[i], id) == 0)
			return 1;
	return 0;
}

static int
check_selected(struct source_ctx *ctx, struct cgw_err *err)
{
	struct buf	 have;
	size_t		 i, j;
	int		 found, ret = -1;

	buf_init(&have, 4096);
	for (i = 0; i < ctx->opts->nids; i++) {
		found = 0;
		for (j = 0; j < ctx->nseen; j++)
			if (strcmp(ctx->seen[j], ctx->opts->ids[i]) == 0)
				found = 1;
		if (found)
			continue;
		for (j = 0; j < ctx->nseen && j < 20; j++)
			if (buf_printf(&have, err, "%s%s", j == 0 ? "" : ", ",
			    ctx->seen[j]) == -1)
				goto out;
		if (ctx->nseen > 20 && buf_adds(&have, ", ...", err) == -1)
			goto out;
		err_set(err, CGW_E_INPUT, "%s: connection %s is not in this "
		    "input (it holds %s)", ctx->path, ctx->opts->ids[i],
		    have.data == NULL ? "no connection" : have.data);
		goto out;
	}
	ret = 0;
out:
	buf_free(&have);
	return ret;
}

/*
 * --peer-address and --local-address override what the input says. One
 * peer address cannot be right for tunnels to several gateways.
 */
static int
apply_addresses(struct model *m, const struct source_opts *opts,
    struct cgw_err *err)
{
	struct tunnel	*t;
	const char	*gw = NULL;
	size_t		 i, j;

	for (i = 0; opts->peer_address != NULL && i < m->nconns; i++) {
		if (m->conns[i].ntunnels > 1)
			return err_set(err, CGW_E_USAGE, "--peer-address: "
			    "connection %s has %zu tunnels to different "
			    "addresses", m->conns[i].id, m->conns[i].ntunnels);
		if (m->conns[i].vpn_gateway_id == NULL)
			continue;
		if (gw != NULL && strcmp(gw, m->conns[i].vpn_gateway_id) != 0)
			return err_set(err, CGW_E_USAGE, "--peer-address: the "
			    "connections belong to gateways %s and %s; choose "
			    "one gateway's with --connection", gw,
			    m->conns[i].vpn_gateway_id);
		gw = m->conns[i].vpn_gateway_id;
	}
	for (i = 0; i < m->nconns; i++) {
		for (j = 0; j < m->conns[i].ntunnels; j++) {
			t = &m->conns[i].tunnels[j];
			if (opts->peer_address != NULL) {
				free(t->remote_addr);
				t->remote_addr = xstrdup(opts->peer_address);
			}
			if (opts->local_address != NULL) {
				free(t->local_addr);
				t->local_addr = xstrdup(opts->local_address);
			}
		}
	}
	return 0;
}

static void
json_error_position(const char *data, size_t len, const char *at,
    size_t *line, size_t *col)
{
	const char	*p;

	*line = 1;
	*col = 1;
	if (at == NULL || at < data || at > data + len)
		return;
	for (p = data; p < at; p++) {
		if (*p == '\n') {
			(*line)++;
			*col = 1;
		} else
			(*col)++;
	}
}

/* The checks of the options that every input shares. */
static int
check_opts(const struct source_opts *opts, const struct source **src,
    struct cgw_err *err)
{
	*src = NULL;
	if (opts->cloud != NULL && (*src = source_find(opts->cloud)) == NULL)
		return err_set(err, CGW_E_USAGE, "--cloud: unknown cloud \"%s\" "
		    "(one of %s)", opts->cloud, source_names());
	if (opts->peer_address != NULL && addr_family(opts->peer_address) == 0)
		return err_set(err, CGW_E_USAGE, "--peer-address: \"%s\" is not "
		    "an IP address", opts->peer_address);
	if (opts->local_address != NULL &&
	    addr_family(opts->local_address) == 0)
		return err_set(err, CGW_E_USAGE, "--local-address: \"%s\" is "
		    "not an IP address", opts->local_address);
	return 0;
}

/* Which source reads a JSON document (or XML turned into one). */
static const struct source *
pick_source(const struct source *forced, const cJSON *root,
    const char *xmlroot, const char *name, struct cgw_err *err)
{
	const struct source	*src = forced, *best_src = NULL;
	size_t			 i;
	int			 score, best = 0;

	/* An Alibaba response root names its action: trust it. */
	if (src == NULL && xmlroot != NULL && (strcmp(xmlroot, "Error") == 0 ||
	    strncmp(xmlroot, "DescribeVpnConnection", 21) == 0 ||
	    strcmp(xmlroot, "DownloadVpnConnectionConfigResponse") == 0))
		src = &source_alibaba;
	/* Otherwise the source most sure that the document is its own. */
	for (i = 0; forced == NULL && src == NULL && i < nitems(sources);
	    i++) {
		if (sources[i]->detect_json == NULL)
			continue;
		if ((score = sources[i]->detect_json(root)) > best) {
			best = score;
			best_src = sources[i];
		}
	}
	if (src == NULL)
		src = best_src;
	if (src == NULL) {
		err_set(err, CGW_E_INPUT, "%s: not a format cgwgen knows%s%s%s: "
		    "expected a Tencent Cloud DescribeVpnConnections response, "
		    "an Alibaba Cloud DescribeVpnConnection(s) or "
		    "DownloadVpnConnectionConfig response, or a cgwgen model "
		    "(see cgwgen-model(5)); --cloud forces one", name,
		    xmlroot != NULL ? " (XML root element " : "",
		    xmlroot != NULL ? xmlroot : "", xmlroot != NULL ? ")" : "");
		return NULL;
	}
	if (src->parse_json == NULL) {
		err_set(err, CGW_E_INPUT, "%s: %s input is text, not JSON",
		    name, src->title);
		return NULL;
	}
	return src;
}

/* What every input goes through once its source has read it. */
static int
finish(struct source_ctx *ctx, struct model **out, struct cgw_err *err)
{
	if (check_selected(ctx, err) == -1)
		return -1;
	if (ctx->model->nconns == 0)
		return err_set(err, CGW_E_INPUT, "%s: no VPN connection found",
		    ctx->path);
	if (apply_addresses(ctx->model, ctx->opts, err) == -1)
		return -1;
	if (model_validate(ctx->model, err) == -1) {
		err_prefix(err, "%s", ctx->path);
		return -1;
	}
	*out = ctx->model;
	ctx->model = NULL;
	return 0;
}

static void
ctx_init(struct source_ctx *ctx, const char *name,
    const struct source_opts *opts, struct warnings *warn)
{
	memset(ctx, 0, sizeof(*ctx));
	ctx->path = name;
	ctx->opts = opts;
	ctx->warn = warn;
	ctx->model = model_new();
}

static void
ctx_free(struct source_ctx *ctx)
{
	size_t	i;

	for (i = 0; i < ctx->nseen; i++)
		free(ctx->seen[i]);
	free(ctx->seen);
	model_free(ctx->model);
}

/* A parsed document (JSON, or XML turned into it) through its source. */
static int
load_tree(struct source_ctx *ctx, const struct source *forced,
    const cJSON *root, const char *xmlroot, struct model **out,
    struct cgw_err *err)
{
	const struct source	*src;

	if ((src = pick_source(forced, root, xmlroot, ctx->path, err)) == NULL ||
	    src->parse_json(root, ctx, err) == -1)
		return -1;
	return finish(ctx, out, err);
}

int
source_load_json(const char *name, const cJSON *root,
    const struct source_opts *opts, struct model **out,
    struct warnings *warn, struct cgw_err *err)
{
	const struct source	*forced;
	struct source_ctx	 ctx;
	int			 ret = -1;

	ctx_init(&ctx, name, opts, warn);
	if (check_opts(opts, &forced, err) == 0 &&
	    load_tree(&ctx, forced, root, NULL, out, err) == 0)
		ret = 0;
	ctx_free(&ctx);
	return ret;
}

int
source_load(const char *path, const struct source_opts *opts,
    struct model **out, struct warnings *warn, struct cgw_err *err)
{
	const struct source	*src;
	struct source_ctx	 ctx;
	cJSON			*root = NULL;
	char			*data = NULL, *xmlroot = NULL;
	const char		*shown, *p;
	size_t			 len = 0, i, line, col;
	int			 ret = -1;

	shown = strcmp(path, "-") == 0 ? "stdin" : path;
	ctx_init(&ctx, shown, opts, warn);
	if (check_opts(opts, &src, err) == -1 ||
	    util_read_file(path, INPUT_MAX, &data, &len, err) == -1)
		goto out;
	for (p = data; p < data + len && strchr(" \t\r\n", *p) != NULL; p++)
		;
	if (p == data + len) {
		err_set(err, CGW_E_INPUT, "%s: the input is empty", shown);
		goto out;
	}
	if (*p == '<') {
		/* XML: only Alibaba Cloud answers in it (Format=XML). */
		if (xml_to_json(data, len, shown, &root, &xmlroot, err) == -1 ||
		    load_tree(&ctx, src, root, xmlroot, out, err) == -1)
			goto out;
	} else if (*p == '{' || *p == '[') {
		if ((root = cJSON_ParseWithLength(data, len)) == NULL) {
			json_error_position(data, len, cJSON_GetErrorPtr(),
			    &line, &col);
			err_set(err, CGW_E_INPUT, "%s:%zu:%zu: invalid JSON",
			    shown, line, col);
			goto out;
		}
		if (load_tree(&ctx, src, root, NULL, out, err) == -1)
			goto out;
	} else {
		/* Text: a device configuration a cloud rendered. */
		for (i = 0; src == NULL && i < nitems(sources); i++)
			if (sources[i]->detect_text != NULL &&
			    sources[i]->detect_text(data, len) > 0)
				src = sources[i];
		if (src == NULL || src->parse_text == NULL) {
			err_set(err, CGW_E_INPUT, "%s: neither JSON nor XML nor "
			    "a device configuration cgwgen reads (expected a "
			    "saved API response or a cgwgen model)", shown);
			goto out;
		}
		if (src->parse_text(data, len, &ctx, err) == -1 ||
		    finish(&ctx, out, err) == -1)
			goto out;
	}
	ret = 0;
out:
	ctx_free(&ctx);
	cJSON_Delete(root);
	free(xmlroot);
	if (data != NULL) {
		explicit_bzero(data, len);
		free(data);
	}
	return ret;
}

static const struct source *
source_of(const char *cloud)
{
	const struct source	*src = NULL;

	if (cloud != NULL)
		src = source_find(cloud);
	return src == NULL ? &source_model : src;
}

void
source_advice_value(const char *cloud, enum mfield f, const char *value,
    char *out, size_t len)
{
	const struct source	*src = source_of(cloud);

	snprintf(out, len, "set %s to %s in %s", src->field(f),
	    src->spell_value(f, value), src->title);
}

void
source_advice(const char *cloud, enum mfield f, const struct alg *suggest,
    char *out, size_t len)
{
	const struct source	*src = source_of(cloud);

	if (suggest != NULL)
		snprintf(out, len, "set %s to %s in %s", src->field(f),
		    src->spell(f, suggest), src->title);
	else
		snprintf(out, len, "change %s in %s", src->field(f),
		    src->title);
}
