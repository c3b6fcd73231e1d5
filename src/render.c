/*
 * From model to text: build the view, render each of the vendor's files,
 * write them out as one unit.
 */
#include "config.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "compat.h"
#include "err.h"
#include "escape.h"
#include "model.h"
#include "output.h"
#include "render.h"
#include "tmpl.h"
#include "val.h"
#include "vendor.h"
#include "view.h"
#include "xmalloc.h"

static int	render_escape(void *, const char *, const struct val *,
		    const char *, struct buf *, struct cgw_err *);
static void	render_env(const struct vendor *, struct tmpl_env *);
static int	render_slice(const struct model *, size_t, size_t,
		    const struct vendor *, const struct render_opts *,
		    struct buf *, struct cgw_err *);
static char	*file_path(const char *, const char *, const char *);

static int
render_escape(void *arg, const char *name, const struct val *v,
    const char *text, struct buf *out, struct cgw_err *err)
{
	const struct vendor	*vendor = arg;

	return escape_value(&vendor->esc, name, v, text, out, err);
}

static void
render_env(const struct vendor *v, struct tmpl_env *env)
{
	memset(env, 0, sizeof(*env));
	env->escape = render_escape;
	env->escape_arg = (void *)(uintptr_t)v;
	env->partial = vendor_partial;
	env->partial_arg = (void *)(uintptr_t)v;
	env->flags = TMPL_STRICT;
}

/*
 * Check the vendor's files before any input is read: every name against
 * the full sample (tmpl_check also checks the partials a file includes, in
 * the context that includes them), then a strict render against the
 * sparse samples, which fails where a null value is used unguarded.
 */
int
render_check_templates(const struct vendor *v, const struct device_opts *dev,
    struct cgw_err *err)
{
	static const enum view_sample sparse[] = { VIEW_SPARSE_POLICY,
	    VIEW_SPARSE_BGP };
	struct tmpl_env	 env;
	struct val	*sample;
	struct buf	 out;
	size_t		 i, j;
	int		 ret = 0;

	render_env(v, &env);
	sample = view_sample(v, dev, VIEW_FULL);
	for (i = 0; i < v->nfiles && ret == 0; i++)
		ret = tmpl_check(v->files[i].tmpl, sample, &env, err);
	val_free(sample);
	for (j = 0; j < nitems(sparse) && ret == 0; j++) {
		sample = view_sample(v, dev, sparse[j]);
		for (i = 0; i < v->nfiles && ret == 0; i++) {
			buf_init(&out, 0);
			ret = tmpl_render(v->files[i].tmpl, sample, &env, &out,
			    err);
			buf_free(&out);
		}
		val_free(sample);
	}
	return ret;
}

/* Render connections [first, first + count) into out, one per file. */
static int
render_slice(const struct model *m, size_t first, size_t count,
    const struct vendor *v, const struct render_opts *opts, struct buf *out,
    struct cgw_err *err)
{
	struct tmpl_env	 env;
	struct val	*view;
	size_t		 i;
	int		 ret = 0;

	render_env(v, &env);
	if ((view = view_build(m, first, count, v, &opts->dev, err)) == NULL)
		return -1;
	for (i = 0; i < v->nfiles && ret == 0; i++)
		ret = tmpl_render(v->files[i].tmpl, view, &env, &out[i], err);
	val_free(view);
	return ret;
}

/* base without its suffix (if it has it), plus the file's suffix. */
static char *
file_path(const char *base, const char *first_suffix, const char *suffix)
{
	size_t	 blen = strlen(base), slen = strlen(first_suffix);
	char	*p;

	if (blen > slen && strcmp(base + blen - slen, first_suffix) == 0)
		xasprintf(&p, "%.*s%s", (int)(blen - slen), base, suffix);
	else
		xasprintf(&p, "%s%s", base, suffix);
	return p;
}

int
render_model(const struct model *m, const struct vendor *v,
    const struct render_opts *opts, struct cgw_err *err)
{
	struct buf	*bufs = NULL;
	struct out_file	*files = NULL;
	size_t		 nbufs = 0, nfiles = 0, i, j;
	int		 ret = -1;

	if (opts->output_dir != NULL)
		nbufs = m->nconns * v->nfiles;
	else
		nbufs = v->nfiles;
	bufs = xcalloc(nbufs, sizeof(*bufs));
	for (i = 0; i < nbufs; i++)
		buf_init(&bufs[i], 0);
	files = xcalloc(nbufs, sizeof(*files));

	if (opts->output_dir != NULL) {
		for (i = 0; i < m->nconns; i++) {
			if (render_slice(m, i, 1, v, opts, &bufs[i * v->nfiles],
			    err) == -1)
				goto out;
			for (j = 0; j < v->nfiles; j++) {
				files[nfiles].data = bufs[i * v->nfiles + j].data;
				files[nfiles].len = bufs[i * v->nfiles + j].len;
				xasprintf(&files[nfiles].path, "%s/%s%s",
				    opts->output_dir, m->conns[i].id,
				    v->files[j].suffix);
				nfiles++;
			}
		}
	} else if (render_slice(m, 0, m->nconns, v, opts, bufs, err) == -1)
		goto out;

	if (opts->output_dir == NULL && opts->output == NULL) {
		for (i = 0; i < v->nfiles; i++)
			if (bufs[i].len > 0 && output_stdout(bufs[i].data,
			    bufs[i].len, err) == -1)
				goto out;
		ret = 0;
		goto out;
	}
	if (opts->output != NULL) {
		for (j = 0; j < v->nfiles; j++) {
			files[nfiles].data = bufs[j].data == NULL ? "" :
			    bufs[j].data;
			files[nfiles].len = bufs[j].len;
			files[nfiles].path = j == 0 ? xstrdup(opts->output) :
			    file_path(opts->output, v->files[0].suffix,
			    v->files[j].suffix);
			nfiles++;
		}
	}
	for (i = 0; i < nfiles; i++)
		if (files[i].data == NULL)
			files[i].data = "";
	ret = output_files(files, nfiles, 0600, err);
out:
	for (i = 0; i < nfiles; i++)
		free(files[i].path);
	free(files);
	for (i = 0; i < nbufs; i++)
		buf_free(&bufs[i]);
	free(bufs);
	return ret;
}
