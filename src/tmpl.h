/*
 * Mustache templates: parse once, render many times.
 *
 * Supported: interpolation {{x}}, {{{x}}} and {{&x}}, dotted names and
 * {{.}}, sections {{#x}}...{{/x}} (lists iterate, maps and other truthy
 * values push a context, falsey values skip), inverted sections {{^x}},
 * comments {{! }}, partials {{>name}} (with the standalone indentation
 * rule), set-delimiter {{=<% %>=}} and the standalone-line rule.
 * Lambdas and dynamic names are not supported.
 *
 * A parsed template is immutable and keeps the line and column of every
 * tag, so every error reads "NAME:LINE:COL: message".
 *
 * Escaping is a function the caller plugs in: the specification's HTML
 * escaping (tmpl_escape_html) for the conformance tests, the target
 * syntax's quoting for vendor templates.
 */
#ifndef CGW_TMPL_H
#define CGW_TMPL_H

#include <stddef.h>

struct buf;
struct cgw_err;
struct tmpl;
struct val;

/* Flags for tmpl_parse(). */
#define TMPL_NO_RAW	0x1	/* refuse {{{x}}} and {{&x}} at parse time */

/* Flags for struct tmpl_env. */
#define TMPL_STRICT	0x1	/* unknown names, and interpolating null,
				   are errors instead of empty output */

/*
 * Write the escaped form of one interpolated value to out. name is the
 * tag's name as written in the template, v the value found and text its
 * string form (for VAL_BOOL "true" or "false"). Return 0, or -1 with err
 * set to refuse the value; the engine then prefixes the template
 * position.
 */
typedef int (*tmpl_escape_fn)(void *arg, const char *name,
    const struct val *v, const char *text, struct buf *out,
    struct cgw_err *err);

/* Return the parsed partial called name, or NULL if there is none. */
typedef const struct tmpl *(*tmpl_partial_fn)(void *arg, const char *name);

struct tmpl_env {
	tmpl_escape_fn	 escape;	/* NULL: tmpl_escape_html */
	void		*escape_arg;
	tmpl_partial_fn	 partial;	/* NULL: no partials exist */
	void		*partial_arg;
	int		 flags;		/* TMPL_STRICT */
};

/*
 * Parse text (len bytes, need not be NUL-terminated). name is used in
 * error messages, usually the file name. Returns NULL with err set on a
 * syntax error (unclosed tag, unbalanced section, bad delimiter, ...).
 */
struct tmpl	*tmpl_parse(const char *name, const char *text, size_t len,
		    int flags, struct cgw_err *err);

/*
 * Render with data as the bottom of the context stack, appending to out.
 * On error returns -1 with err set; out may then hold partial output and
 * must be discarded by the caller.
 */
int		 tmpl_render(const struct tmpl *, const struct val *data,
		    const struct tmpl_env *, struct buf *out,
		    struct cgw_err *err);

/*
 * Check a template against a schema: a data tree in which every name the
 * template may use is present (lists with at least one element). Every
 * section and inverted section is entered whatever its value; a list is
 * entered with its first element. Every name must resolve, every partial
 * must exist (and is checked too, once). Nothing is escaped or written.
 * Returns 0, or -1 with "NAME:LINE:COL: unknown variable \"x\"" and the
 * like in err.
 */
int		 tmpl_check(const struct tmpl *, const struct val *schema,
		    const struct tmpl_env *, struct cgw_err *err);

const char	*tmpl_name(const struct tmpl *);
void		 tmpl_free(struct tmpl *);

/* The specification's escaping: & < > " become entities. */
int		 tmpl_escape_html(void *arg, const char *name,
		    const struct val *v, const char *text, struct buf *out,
		    struct cgw_err *err);

#endif
