/*
 * Mustache templates. tmpl_parse() turns the text into an immutable tree
 * of nodes, each tag keeping its line and column; tmpl_render() walks the
 * tree over a stack of struct val contexts; tmpl_check() walks every
 * branch against a schema. The standalone-line rule is applied once, at
 * parse time. Partial indentation is applied at render time: text nodes
 * that start a line of the template are flagged, and the renderer writes
 * the current indentation in front of them, so newlines coming from data
 * are never indented.
 */
#include "config.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "err.h"
#include "tmpl.h"
#include "val.h"
#include "xmalloc.h"

#define TMPL_MAX_PARTIAL_DEPTH	100	/* nested partials while rendering */
#define TMPL_NOTFOUND		((size_t)-1)

enum tmpl_ntype {
	TN_TEXT,
	TN_VAR,			/* {{x}} */
	TN_RAW,			/* {{{x}}} and {{&x}} */
	TN_SECTION,		/* {{#x}} */
	TN_INVERTED,		/* {{^x}} */
	TN_PARTIAL		/* {{>x}} */
};

struct tmpl_node {
	enum tmpl_ntype		 type;
	int			 bol;		/* TN_TEXT: starts a line */
	int			 standalone;	/* TN_PARTIAL */
	int			 line;
	int			 col;
	const char		*text;		/* TN_TEXT: into tmpl->src */
	size_t			 len;
	char			*name;		/* as written, trimmed */
	char			*pbuf;		/* name, '.' replaced by NUL */
	char			**parts;	/* dotted parts; NULL for "." */
	size_t			 nparts;
	char			*indent;	/* TN_PARTIAL, standalone */
	size_t			 indentlen;
	struct tmpl_node	*kids;		/* sections */
	size_t			 nkids;
};

struct tmpl {
	char			*name;
	char			*src;
	struct tmpl_node	*nodes;
	size_t			 n;
};

struct tmpl_nvec {
	struct tmpl_node	*v;
	size_t			 n;
	size_t			 cap;
};

/* One open section while parsing; fr[0] is the template itself. */
struct tmpl_frame {
	struct tmpl_nvec	 nodes;
	size_t			 at;	/* index of the section in the parent */
};

struct tmpl_parser {
	const char		*name;
	const char		*s;
	size_t			 len;
	int			 flags;
	struct cgw_err		*err;
	const char		*otag;
	size_t			 olen;
	const char		*ctag;
	size_t			 clen;
	size_t			 lc_off;	/* lines counted up to here */
	int			 lc_line;
	size_t			 lc_start;	/* start of line lc_line */
	struct tmpl_frame	*fr;
	size_t			 nfr;
	size_t			 capfr;
};

/* Render or check state. */
struct tmpl_rctx {
	tmpl_escape_fn		 escape;
	void			*escape_arg;
	tmpl_partial_fn		 partial;
	void			*partial_arg;
	int			 strict;
	struct buf		*out;
	struct cgw_err		*err;
	const struct val	**stack;
	size_t			 depth;
	size_t			 cap;
	int			 pdepth;
	const struct tmpl	**seen;		/* tmpl_check: partials done */
	size_t			 nseen;
	size_t			 capseen;
};

/* Name resolution results. */
#define TMPL_R_FOUND	0
#define TMPL_R_MISS	1
#define TMPL_R_NULL	2	/* a part before the last one is null */

static const struct val	tmpl_null_val = { .type = VAL_NULL };

static int	 is_space(char);
static int	 is_blank(const char *, size_t);
static size_t	 find(const char *, size_t, size_t, int, const char *,
		    size_t);
static void	 trim(const char **, size_t *);
static struct tmpl_node *nvec_add(struct tmpl_nvec *);
static void	 node_clear(struct tmpl_node *);
static void	 nodes_free(struct tmpl_node *, size_t);
static void	 where(struct tmpl_parser *, size_t, int *, int *);
static int	 perr(struct tmpl_parser *, size_t, const char *, ...)
		    printflike(3, 4);
static struct tmpl_nvec *cur_nodes(struct tmpl_parser *);
static void	 add_text(struct tmpl_parser *, size_t, size_t);
static void	 add_bol(struct tmpl_parser *);
static int	 set_name(struct tmpl_parser *, struct tmpl_node *,
		    const char *, size_t, size_t, int);
static int	 set_delims(struct tmpl_parser *, const char *, size_t,
		    size_t);
static void	 open_section(struct tmpl_parser *, struct tmpl_node *);
static int	 close_section(struct tmpl_parser *, const char *, size_t,
		    size_t);
static int	 parse_tag(struct tmpl_parser *, size_t, size_t, size_t, int,
		    size_t *, int *);
static int	 parse_run(struct tmpl_parser *);
static void	 rctx_init(struct tmpl_rctx *, const struct tmpl_env *,
		    struct buf *, struct cgw_err *);
static void	 rctx_free(struct tmpl_rctx *);
static void	 push(struct tmpl_rctx *, const struct val *);
static int	 nerr(struct tmpl_rctx *, const struct tmpl *,
		    const struct tmpl_node *, const char *, ...)
		    printflike(4, 5);
static int	 resolve(const struct tmpl_rctx *, const struct tmpl_node *,
		    const struct val **, int *);
static const char *type_name(const struct val *);
static const char *val_text(const struct val *);
static int	 render_var(struct tmpl_rctx *, const struct tmpl *,
		    const struct tmpl_node *);
static int	 render_section(struct tmpl_rctx *, const struct tmpl *,
		    const struct tmpl_node *, const char *, size_t);
static int	 render_partial(struct tmpl_rctx *, const struct tmpl *,
		    const struct tmpl_node *, const char *, size_t);
static int	 render_nodes(struct tmpl_rctx *, const struct tmpl *,
		    const struct tmpl_node *, size_t, const char *, size_t);
static int	 check_partial(struct tmpl_rctx *, const struct tmpl *,
		    const struct tmpl_node *);
static int	 check_nodes(struct tmpl_rctx *, const struct tmpl *,
		    const struct tmpl_node *, size_t);

static int
is_space(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' ||
	    c == '\v' || c == '\f';
}

/* Only spaces and tabs: what may surround a standalone tag. */
static int
is_blank(const char *s, size_t len)
{
	size_t	i;

	for (i = 0; i < len; i++)
		if (s[i] != ' ' && s[i] != '\t')
			return 0;
	return 1;
}

/*
 * Offset of the first pat in s[from, len), or TMPL_NOTFOUND. When pre is
 * not -1, pat must be preceded by the character pre, and the offset of
 * that character is returned.
 */
static size_t
find(const char *s, size_t from, size_t len, int pre, const char *pat,
    size_t plen)
{
	size_t	i, need;

	need = plen + (pre != -1);
	for (i = from; i < len && len - i >= need; i++) {
		if (pre != -1) {
			if (s[i] == pre && memcmp(s + i + 1, pat, plen) == 0)
				return i;
		} else if (s[i] == pat[0] && memcmp(s + i, pat, plen) == 0)
			return i;
	}
	return TMPL_NOTFOUND;
}

static void
trim(const char **s, size_t *len)
{
	while (*len > 0 && is_space(**s)) {
		(*s)++;
		(*len)--;
	}
	while (*len > 0 && is_space((*s)[*len - 1]))
		(*len)--;
}

static struct tmpl_node *
nvec_add(struct tmpl_nvec *nv)
{
	struct tmpl_node	*n;

	if (nv->n == nv->cap) {
		nv->cap = nv->cap == 0 ? 8 : nv->cap * 2;
		nv->v = xreallocarray(nv->v, nv->cap, sizeof(*nv->v));
	}
	n = &nv->v[nv->n++];
	memset(n, 0, sizeof(*n));
	return n;
}

static void
node_clear(struct tmpl_node *n)
{
	free(n->name);
	free(n->pbuf);
	free(n->parts);
	free(n->indent);
	nodes_free(n->kids, n->nkids);
	memset(n, 0, sizeof(*n));
}

static void
nodes_free(struct tmpl_node *v, size_t n)
{
	size_t	i;

	for (i = 0; i < n; i++)
		node_clear(&v[i]);
	free(v);
}

/* Line and column (1-based) of offset off; offsets only grow. */
static void
where(struct tmpl_parser *p, size_t off, int *line, int *col)
{
	const char	*nl;

	while (p->lc_off < off) {
		nl = memchr(p->s + p->lc_off, '\n', off - p->lc_off);
		if (nl == NULL) {
			p->lc_off = off;
			break;
		}
		p->lc_line++;
		p->lc_off = (size_t)(nl - p->s) + 1;
		p->lc_start = p->lc_off;
	}
	*line = p->lc_line;
	*col = (int)(off - p->lc_start) + 1;
}

static int
perr(struct tmpl_parser *p, size_t off, const char *fmt, ...)
{
	char	msg[CGW_ERR_MSGLEN];
	va_list	ap;
	int	line, col;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	where(p, off, &line, &col);
	return err_set(p->err, CGW_E_TEMPLATE, "%s:%d:%d: %s", p->name, line,
	    col, msg);
}

static struct tmpl_nvec *
cur_nodes(struct tmpl_parser *p)
{
	return &p->fr[p->nfr - 1].nodes;
}

/* Add s[a, b) as text nodes, one per line, flagging line starts. */
static void
add_text(struct tmpl_parser *p, size_t a, size_t b)
{
	struct tmpl_node	*n;
	const char		*nl;
	size_t			 e;

	while (a < b) {
		nl = memchr(p->s + a, '\n', b - a);
		e = nl == NULL ? b : (size_t)(nl - p->s) + 1;
		n = nvec_add(cur_nodes(p));
		n->type = TN_TEXT;
		n->bol = a == 0 || p->s[a - 1] == '\n';
		n->text = p->s + a;
		n->len = e - a;
		a = e;
	}
}

/* An empty line start, for a line that begins with a tag. */
static void
add_bol(struct tmpl_parser *p)
{
	struct tmpl_node	*n;

	n = nvec_add(cur_nodes(p));
	n->type = TN_TEXT;
	n->bol = 1;
	n->text = p->s;
}

/*
 * Fill the name of n from s (len bytes, trimmed, at offset off). A dotted
 * name is also split into its parts.
 */
static int
set_name(struct tmpl_parser *p, struct tmpl_node *n, const char *s,
    size_t len, size_t off, int dotted)
{
	size_t	i, k;

	if (len == 0)
		return perr(p, off, "empty tag name");
	for (i = 0; i < len; i++)
		if (is_space(s[i]) || s[i] == '\0')
			return perr(p, off, "invalid name \"%.*s\"", (int)len,
			    s);
	if (strchr("#^/!>=&{}", s[0]) != NULL)
		return perr(p, off, "invalid name \"%.*s\" (no space is "
		    "allowed before \"%c\")", (int)len, s, s[0]);
	n->name = xstrndup(s, len);
	if (!dotted || strcmp(n->name, ".") == 0)
		return 0;
	if (s[0] == '.' || s[len - 1] == '.' || strstr(n->name, "..") != NULL)
		return perr(p, off, "invalid name \"%s\"", n->name);
	n->pbuf = xstrdup(n->name);
	n->nparts = 1;
	for (i = 0; i < len; i++)
		if (s[i] == '.')
			n->nparts++;
	n->parts = xreallocarray(NULL, n->nparts, sizeof(*n->parts));
	n->parts[0] = n->pbuf;
	for (i = 0, k = 1; i < len; i++) {
		if (n->pbuf[i] == '.') {
			n->pbuf[i] = '\0';
			n->parts[k++] = n->pbuf + i + 1;
		}
	}
	return 0;
}

/* s[0, len) is what lies between "=" and "=": two delimiters. */
static int
set_delims(struct tmpl_parser *p, const char *s, size_t len, size_t off)
{
	const char	*o, *c;
	size_t		 ol, cl, i;
	int		 bad = 0;

	trim(&s, &len);
	o = s;
	for (ol = 0; ol < len && !is_space(o[ol]); ol++)
		;
	c = o + ol;
	cl = len - ol;
	trim(&c, &cl);
	for (i = 0; i < cl; i++)
		if (is_space(c[i]))
			bad = 1;
	if (bad || ol == 0 || cl == 0 || memchr(o, '=', ol) != NULL ||
	    memchr(c, '=', cl) != NULL)
		return perr(p, off, "invalid set-delimiter tag: want two "
		    "delimiters without spaces or \"=\", separated by a "
		    "space");
	p->otag = o;
	p->olen = ol;
	p->ctag = c;
	p->clen = cl;
	return 0;
}

/* Take over the section node sec: append it, enter it. */
static void
open_section(struct tmpl_parser *p, struct tmpl_node *sec)
{
	struct tmpl_nvec	*nv;
	struct tmpl_frame	*f;
	size_t			 at;

	nv = cur_nodes(p);
	*nvec_add(nv) = *sec;
	at = nv->n - 1;
	if (p->nfr == p->capfr) {
		p->capfr *= 2;
		p->fr = xreallocarray(p->fr, p->capfr, sizeof(*p->fr));
	}
	f = &p->fr[p->nfr++];
	memset(f, 0, sizeof(*f));
	f->at = at;
}

static int
close_section(struct tmpl_parser *p, const char *s, size_t len, size_t off)
{
	struct tmpl_frame	*f;
	struct tmpl_node	*sec;

	if (len == 0)
		return perr(p, off, "empty tag name");
	if (p->nfr == 1)
		return perr(p, off, "closing tag \"%.*s\" without an open "
		    "section", (int)len, s);
	f = &p->fr[p->nfr - 1];
	sec = &p->fr[p->nfr - 2].nodes.v[f->at];
	if (strlen(sec->name) != len || memcmp(sec->name, s, len) != 0)
		return perr(p, off, "section \"%s\" opened at %d:%d closed by "
		    "\"%.*s\"", sec->name, sec->line, sec->col, (int)len, s);
	sec->kids = f->nodes.v;
	sec->nkids = f->nodes.n;
	p->nfr--;
	return 0;
}

/*
 * Handle the tag that starts at offset start. pos is where the text
 * before it starts, ls where its line starts, on_line whether another tag
 * is on that line before it. Sets *next to the offset after the tag (and
 * after its line when it is standalone).
 */
static int
parse_tag(struct tmpl_parser *p, size_t pos, size_t start, size_t ls,
    int on_line, size_t *next, int *standalone)
{
	struct tmpl_node	 node;
	const char		*s = p->s, *name;
	size_t			 c, ce, end, e, nlen;
	int			 kind, pre = -1, ret = -1;

	memset(&node, 0, sizeof(node));
	c = start + p->olen;
	kind = c < p->len ? s[c] : 0;
	switch (kind) {
	case '{':
	case '=':
		pre = kind == '{' ? '}' : '=';
		/* FALLTHROUGH */
	case '&':
	case '#':
	case '^':
	case '/':
	case '!':
	case '>':
		c++;
		break;
	default:
		kind = 0;
		break;
	}
	if ((ce = find(s, c, p->len, pre, p->ctag, p->clen)) ==
	    TMPL_NOTFOUND) {
		if (pre != -1)
			perr(p, start, "unclosed tag: no \"%c%.*s\" after "
			    "\"%.*s%c\"", pre, (int)p->clen, p->ctag,
			    (int)p->olen, p->otag, kind);
		else
			perr(p, start, "unclosed tag: no \"%.*s\" after "
			    "\"%.*s\"", (int)p->clen, p->ctag, (int)p->olen,
			    p->otag);
		goto out;
	}
	end = ce + (pre != -1) + p->clen;
	name = s + c;
	nlen = ce - c;
	trim(&name, &nlen);

	/* The standalone-line rule. */
	*standalone = 0;
	e = end;
	if (kind != 0 && kind != '{' && kind != '&' && !on_line &&
	    is_blank(s + ls, start - ls)) {
		while (e < p->len && (s[e] == ' ' || s[e] == '\t'))
			e++;
		if (e == p->len)
			*standalone = 1;
		else if (s[e] == '\n') {
			*standalone = 1;
			e++;
		} else if (s[e] == '\r' && e + 1 < p->len &&
		    s[e + 1] == '\n') {
			*standalone = 1;
			e += 2;
		}
	}
	*next = *standalone ? e : end;
	add_text(p, pos, *standalone ? ls : start);
	if (!*standalone && (start == 0 || s[start - 1] == '\n'))
		add_bol(p);

	where(p, start, &node.line, &node.col);
	switch (kind) {
	case '!':
		break;
	case '=':
		if (set_delims(p, s + c, ce - c, start) == -1)
			goto out;
		break;
	case '/':
		if (close_section(p, name, nlen, start) == -1)
			goto out;
		break;
	case '#':
	case '^':
		node.type = kind == '#' ? TN_SECTION : TN_INVERTED;
		if (set_name(p, &node, name, nlen, start, 1) == -1)
			goto out;
		open_section(p, &node);
		memset(&node, 0, sizeof(node));
		break;
	case '>':
		if (nlen == 0) {
			perr(p, start, "empty tag name");
			goto out;
		}
		node.type = TN_PARTIAL;
		node.name = xstrndup(name, nlen);
		if (*standalone) {
			node.standalone = 1;
			node.indent = xstrndup(s + ls, start - ls);
			node.indentlen = start - ls;
		}
		*nvec_add(cur_nodes(p)) = node;
		memset(&node, 0, sizeof(node));
		break;
	default:
		if (kind != 0 && (p->flags & TMPL_NO_RAW)) {
			perr(p, start, "raw interpolation of \"%.*s\" is not "
			    "allowed in this template", (int)nlen, name);
			goto out;
		}
		node.type = kind == 0 ? TN_VAR : TN_RAW;
		if (set_name(p, &node, name, nlen, start, 1) == -1)
			goto out;
		*nvec_add(cur_nodes(p)) = node;
		memset(&node, 0, sizeof(node));
		break;
	}
	ret = 0;
 out:
	node_clear(&node);
	return ret;
}

static int
parse_run(struct tmpl_parser *p)
{
	struct tmpl_node	*sec;
	size_t			 pos = 0, ls = 0, start, i, next;
	int			 on_line = 0, standalone;

	for (;;) {
		start = find(p->s, pos, p->len, -1, p->otag, p->olen);
		if (start == TMPL_NOTFOUND) {
			add_text(p, pos, p->len);
			break;
		}
		for (i = start; i > pos; i--) {
			if (p->s[i - 1] == '\n') {
				ls = i;
				on_line = 0;
				break;
			}
		}
		if (parse_tag(p, pos, start, ls, on_line, &next,
		    &standalone) == -1)
			return -1;
		pos = next;
		if (standalone) {
			ls = pos;
			on_line = 0;
		} else
			on_line = 1;
	}
	if (p->nfr > 1) {
		sec = &p->fr[p->nfr - 2].nodes.v[p->fr[p->nfr - 1].at];
		return err_set(p->err, CGW_E_TEMPLATE, "%s:%d:%d: unclosed "
		    "section \"%s\"", p->name, sec->line, sec->col, sec->name);
	}
	return 0;
}

struct tmpl *
tmpl_parse(const char *name, const char *text, size_t len, int flags,
    struct cgw_err *err)
{
	struct tmpl		*t;
	struct tmpl_parser	 p;
	size_t			 i;

	t = xcalloc(1, sizeof(*t));
	t->name = xstrdup(name);
	t->src = xstrndup(text, len);

	memset(&p, 0, sizeof(p));
	p.name = t->name;
	p.s = t->src;
	p.len = len;
	p.flags = flags;
	p.err = err;
	p.otag = "{{";
	p.olen = 2;
	p.ctag = "}}";
	p.clen = 2;
	p.lc_line = 1;
	p.capfr = 8;
	p.fr = xcalloc(p.capfr, sizeof(*p.fr));
	p.nfr = 1;

	if (parse_run(&p) == -1) {
		for (i = p.nfr; i > 0; i--)
			nodes_free(p.fr[i - 1].nodes.v, p.fr[i - 1].nodes.n);
		tmpl_free(t);
		t = NULL;
	} else {
		t->nodes = p.fr[0].nodes.v;
		t->n = p.fr[0].nodes.n;
	}
	free(p.fr);
	return t;
}

const char *
tmpl_name(const struct tmpl *t)
{
	return t->name;
}

void
tmpl_free(struct tmpl *t)
{
	if (t == NULL)
		return;
	nodes_free(t->nodes, t->n);
	free(t->src);
	free(t->name);
	free(t);
}

static void
rctx_init(struct tmpl_rctx *r, const struct tmpl_env *env, struct buf *out,
    struct cgw_err *err)
{
	memset(r, 0, sizeof(*r));
	r->escape = tmpl_escape_html;
	if (env != NULL) {
		if (env->escape != NULL) {
			r->escape = env->escape;
			r->escape_arg = env->escape_arg;
		}
		r->partial = env->partial;
		r->partial_arg = env->partial_arg;
		r->strict = (env->flags & TMPL_STRICT) != 0;
	}
	r->out = out;
	r->err = err;
}

static void
rctx_free(struct tmpl_rctx *r)
{
	free(r->stack);
	free(r->seen);
}

static void
push(struct tmpl_rctx *r, const struct val *v)
{
	if (r->depth == r->cap) {
		r->cap = r->cap == 0 ? 16 : r->cap * 2;
		r->stack = xreallocarray(r->stack, r->cap, sizeof(*r->stack));
	}
	r->stack[r->depth++] = v;
}

/* Set an error at node n of template t. */
static int
nerr(struct tmpl_rctx *r, const struct tmpl *t, const struct tmpl_node *n,
    const char *fmt, ...)
{
	char	msg[CGW_ERR_MSGLEN];
	va_list	ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	return err_set(r->err, CGW_E_TEMPLATE, "%s:%d:%d: %s", t->name,
	    n->line, n->col, msg);
}

/*
 * Find the value of n's name: the first part up the context stack, the
 * others inside it. On TMPL_R_NULL, *nulllen is the length of the prefix
 * of the name whose value is null.
 */
static int
resolve(const struct tmpl_rctx *r, const struct tmpl_node *n,
    const struct val **vp, int *nulllen)
{
	const struct val	*v = NULL;
	size_t			 i;

	*vp = NULL;
	if (n->parts == NULL) {
		*vp = r->stack[r->depth - 1];
		return TMPL_R_FOUND;
	}
	for (i = r->depth; i > 0 && v == NULL; i--)
		v = val_get(r->stack[i - 1], n->parts[0]);
	if (v == NULL)
		return TMPL_R_MISS;
	for (i = 1; i < n->nparts; i++) {
		if (v->type == VAL_NULL) {
			*nulllen = (int)(n->parts[i] - n->parts[0] - 1);
			return TMPL_R_NULL;
		}
		if ((v = val_get(v, n->parts[i])) == NULL)
			return TMPL_R_MISS;
	}
	*vp = v;
	return TMPL_R_FOUND;
}

static const char *
type_name(const struct val *v)
{
	return v->type == VAL_LIST ? "a list" : "a map";
}

/* The text of a scalar value; NULL for null, lists and maps. */
static const char *
val_text(const struct val *v)
{
	switch (v->type) {
	case VAL_BOOL:
		return v->b ? "true" : "false";
	case VAL_NUM:
	case VAL_STR:
		return v->s != NULL ? v->s : "";
	default:
		return NULL;
	}
}

static int
render_var(struct tmpl_rctx *r, const struct tmpl *t,
    const struct tmpl_node *n)
{
	const struct val	*v;
	const char		*text;
	int			 nl = 0;

	switch (resolve(r, n, &v, &nl)) {
	case TMPL_R_MISS:
		if (r->strict)
			return nerr(r, t, n, "unknown variable \"%s\"",
			    n->name);
		return 0;
	case TMPL_R_NULL:
		if (r->strict)
			return nerr(r, t, n, "variable \"%.*s\" is null here; "
			    "guard it with {{#%.*s}}", nl, n->name, nl,
			    n->name);
		return 0;
	}
	if (v->type == VAL_NULL) {
		if (r->strict)
			return nerr(r, t, n, "variable \"%s\" is null here; "
			    "guard it with {{#%s}}", n->name, n->name);
		return 0;
	}
	if ((text = val_text(v)) == NULL) {
		if (r->strict)
			return nerr(r, t, n, "variable \"%s\" is %s, not a "
			    "value", n->name, type_name(v));
		return 0;
	}
	if (n->type == TN_RAW)
		return buf_adds(r->out, text, r->err);
	if (r->escape(r->escape_arg, n->name, v, text, r->out, r->err) ==
	    -1) {
		err_set(r->err, CGW_E_TEMPLATE, "cannot escape \"%s\"",
		    n->name);
		err_prefix(r->err, "%s:%d:%d", t->name, n->line, n->col);
		return -1;
	}
	return 0;
}

static int
render_section(struct tmpl_rctx *r, const struct tmpl *t,
    const struct tmpl_node *n, const char *ind, size_t indlen)
{
	const struct val	*v;
	size_t			 i;
	int			 rc, nl = 0, truthy;

	rc = resolve(r, n, &v, &nl);
	if (rc == TMPL_R_MISS && r->strict)
		return nerr(r, t, n, "unknown variable \"%s\"", n->name);
	truthy = rc == TMPL_R_FOUND && val_truthy(v);
	if (n->type == TN_INVERTED)
		return truthy ? 0 : render_nodes(r, t, n->kids, n->nkids, ind,
		    indlen);
	if (!truthy)
		return 0;
	if (v->type != VAL_LIST) {
		push(r, v);
		rc = render_nodes(r, t, n->kids, n->nkids, ind, indlen);
		r->depth--;
		return rc;
	}
	for (i = 0; i < v->n; i++) {
		push(r, v->items[i]);
		rc = render_nodes(r, t, n->kids, n->nkids, ind, indlen);
		r->depth--;
		if (rc == -1)
			return -1;
	}
	return 0;
}

static int
render_partial(struct tmpl_rctx *r, const struct tmpl *t,
    const struct tmpl_node *n, const char *ind, size_t indlen)
{
	const struct tmpl	*pt = NULL;
	char			*nind = NULL;
	size_t			 nlen = 0;
	int			 rc;

	if (r->partial != NULL)
		pt = r->partial(r->partial_arg, n->name);
	if (pt == NULL) {
		if (r->strict)
			return nerr(r, t, n, "unknown partial \"%s\"",
			    n->name);
		return 0;
	}
	if (r->pdepth >= TMPL_MAX_PARTIAL_DEPTH)
		return nerr(r, t, n, "partials nested more than %d deep",
		    TMPL_MAX_PARTIAL_DEPTH);
	/* A standalone tag indents the partial; an inline one does not. */
	if (n->standalone) {
		nlen = indlen + n->indentlen;
		nind = xmalloc(nlen + 1);
		if (indlen > 0)
			memcpy(nind, ind, indlen);
		memcpy(nind + indlen, n->indent, n->indentlen);
		nind[nlen] = '\0';
	}
	r->pdepth++;
	rc = render_nodes(r, pt, pt->nodes, pt->n, nind, nlen);
	r->pdepth--;
	free(nind);
	return rc;
}

static int
render_nodes(struct tmpl_rctx *r, const struct tmpl *t,
    const struct tmpl_node *v, size_t n, const char *ind, size_t indlen)
{
	const struct tmpl_node	*nd;
	size_t			 i;
	int			 rc = 0;

	for (i = 0; i < n && rc == 0; i++) {
		nd = &v[i];
		switch (nd->type) {
		case TN_TEXT:
			if (nd->bol && indlen > 0)
				rc = buf_add(r->out, ind, indlen, r->err);
			if (rc == 0)
				rc = buf_add(r->out, nd->text, nd->len,
				    r->err);
			break;
		case TN_VAR:
		case TN_RAW:
			rc = render_var(r, t, nd);
			break;
		case TN_SECTION:
		case TN_INVERTED:
			rc = render_section(r, t, nd, ind, indlen);
			break;
		case TN_PARTIAL:
			rc = render_partial(r, t, nd, ind, indlen);
			break;
		}
	}
	return rc;
}

int
tmpl_render(const struct tmpl *t, const struct val *data,
    const struct tmpl_env *env, struct buf *out, struct cgw_err *err)
{
	struct tmpl_rctx	r;
	int			ret;

	rctx_init(&r, env, out, err);
	push(&r, data != NULL ? data : &tmpl_null_val);
	ret = render_nodes(&r, t, t->nodes, t->n, NULL, 0);
	rctx_free(&r);
	return ret;
}

/* Check the partial named by n, unless it has been checked already. */
static int
check_partial(struct tmpl_rctx *r, const struct tmpl *t,
    const struct tmpl_node *n)
{
	const struct tmpl	*pt = NULL;
	size_t			 i;

	if (r->partial != NULL)
		pt = r->partial(r->partial_arg, n->name);
	if (pt == NULL)
		return nerr(r, t, n, "unknown partial \"%s\"", n->name);
	for (i = 0; i < r->nseen; i++)
		if (r->seen[i] == pt)
			return 0;
	if (r->nseen == r->capseen) {
		r->capseen = r->capseen == 0 ? 8 : r->capseen * 2;
		r->seen = xreallocarray(r->seen, r->capseen,
		    sizeof(*r->seen));
	}
	r->seen[r->nseen++] = pt;
	return check_nodes(r, pt, pt->nodes, pt->n);
}

static int
check_nodes(struct tmpl_rctx *r, const struct tmpl *t,
    const struct tmpl_node *v, size_t n)
{
	const struct tmpl_node	*nd;
	const struct val	*val;
	size_t			 i;
	int			 rc = 0, nl;

	for (i = 0; i < n && rc == 0; i++) {
		nd = &v[i];
		if (nd->type == TN_TEXT)
			continue;
		if (nd->type == TN_PARTIAL) {
			rc = check_partial(r, t, nd);
			continue;
		}
		if (resolve(r, nd, &val, &nl) != TMPL_R_FOUND) {
			rc = nerr(r, t, nd, "unknown variable \"%s\"",
			    nd->name);
			continue;
		}
		switch (nd->type) {
		case TN_VAR:
		case TN_RAW:
			if (val->type == VAL_LIST || val->type == VAL_MAP)
				rc = nerr(r, t, nd, "variable \"%s\" is %s, "
				    "not a value", nd->name, type_name(val));
			break;
		case TN_SECTION:
			if (val->type == VAL_LIST && val->n > 0)
				val = val->items[0];
			push(r, val);
			rc = check_nodes(r, t, nd->kids, nd->nkids);
			r->depth--;
			break;
		default:
			rc = check_nodes(r, t, nd->kids, nd->nkids);
			break;
		}
	}
	return rc;
}

int
tmpl_check(const struct tmpl *t, const struct val *schema,
    const struct tmpl_env *env, struct cgw_err *err)
{
	struct tmpl_rctx	r;
	int			ret;

	rctx_init(&r, env, NULL, err);
	push(&r, schema != NULL ? schema : &tmpl_null_val);
	r.seen = xreallocarray(NULL, 8, sizeof(*r.seen));
	r.capseen = 8;
	r.seen[r.nseen++] = t;
	ret = check_nodes(&r, t, t->nodes, t->n);
	rctx_free(&r);
	return ret;
}

int
tmpl_escape_html(void *arg, const char *name, const struct val *v,
    const char *text, struct buf *out, struct cgw_err *err)
{
	const char	*p, *ent;
	size_t		 run;

	(void)arg;
	(void)name;
	(void)v;
	for (p = text; *p != '\0'; p += run) {
		run = strcspn(p, "&<>\"");
		if (run > 0) {
			if (buf_add(out, p, run, err) == -1)
				return -1;
			continue;
		}
		switch (*p) {
		case '&':
			ent = "&amp;";
			break;
		case '<':
			ent = "&lt;";
			break;
		case '>':
			ent = "&gt;";
			break;
		default:
			ent = "&quot;";
			break;
		}
		if (buf_adds(out, ent, err) == -1)
			return -1;
		run = 1;
	}
	return 0;
}
