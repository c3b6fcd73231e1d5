/*
 * Unit tests for the template engine: every tag kind, standalone lines,
 * set delimiters, dotted names, contexts, partial indentation, strict
 * mode, TMPL_NO_RAW, tmpl_check, custom escaping and parse errors, each
 * compared with the exact expected text.
 */
#include "config.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "buf.h"
#include "err.h"
#include "tap.h"
#include "tmpl.h"
#include "val.h"
#include "xmalloc.h"

/* A partial: its name and source; parsed by parts_parse(). */
struct part {
	const char	*name;
	const char	*src;
	struct tmpl	*t;
};

struct parts {
	struct part	*v;
	size_t		 n;
};

static struct val	*vmap(const char *, ...);
static struct val	*vlist(struct val *, ...);
static const struct tmpl *part_find(void *, const char *);
static void		 parts_parse(struct parts *);
static void		 parts_free(struct parts *);
static char		*run(const char *, const struct val *, int,
			    struct tmpl_env *, struct parts *);
static char		*check(const char *, const struct val *,
			    struct parts *);
static int		 quote_escape(void *, const char *, const struct val *,
			    const char *, struct buf *, struct cgw_err *);
static void		 t_interpolation(void);
static void		 t_sections(void);
static void		 t_comments(void);
static void		 t_standalone(void);
static void		 t_delimiters(void);
static void		 t_dotted(void);
static void		 t_partials(void);
static void		 t_strict(void);
static void		 t_no_raw(void);
static void		 t_check(void);
static void		 t_escape(void);
static void		 t_parse_errors(void);
static void		 t_reuse(void);
static void		 t_speed(void);

/* vmap("k1", v1, "k2", v2, ..., NULL) */
static struct val *
vmap(const char *key, ...)
{
	struct val	*m;
	va_list		 ap;

	m = val_map();
	va_start(ap, key);
	while (key != NULL) {
		val_set(m, key, va_arg(ap, struct val *));
		key = va_arg(ap, const char *);
	}
	va_end(ap);
	return m;
}

/* vlist(v1, v2, ..., NULL) */
static struct val *
vlist(struct val *v, ...)
{
	struct val	*l;
	va_list		 ap;

	l = val_list();
	va_start(ap, v);
	while (v != NULL) {
		val_push(l, v);
		v = va_arg(ap, struct val *);
	}
	va_end(ap);
	return l;
}

static const struct tmpl *
part_find(void *arg, const char *name)
{
	struct parts	*ps = arg;
	size_t		 i;

	for (i = 0; i < ps->n; i++)
		if (strcmp(ps->v[i].name, name) == 0)
			return ps->v[i].t;
	return NULL;
}

static void
parts_parse(struct parts *ps)
{
	struct cgw_err	err;
	size_t		i;

	for (i = 0; i < ps->n; i++) {
		memset(&err, 0, sizeof(err));
		ps->v[i].t = tmpl_parse(ps->v[i].name, ps->v[i].src,
		    strlen(ps->v[i].src), 0, &err);
		if (ps->v[i].t == NULL)
			diag("partial %s: %s", ps->v[i].name, err.msg);
	}
}

static void
parts_free(struct parts *ps)
{
	size_t	i;

	for (i = 0; i < ps->n; i++) {
		tmpl_free(ps->v[i].t);
		ps->v[i].t = NULL;
	}
}

/*
 * Parse src as template "t" with parse flags pflags and render it. Returns
 * the output, or "ERR: " and the error message. env may be NULL; ps, when
 * not NULL, provides the partials.
 */
static char *
run(const char *src, const struct val *data, int pflags,
    struct tmpl_env *env, struct parts *ps)
{
	struct tmpl_env	 denv;
	struct cgw_err	 err;
	struct buf	 out;
	struct tmpl	*t;
	char		*ret;

	memset(&err, 0, sizeof(err));
	memset(&denv, 0, sizeof(denv));
	if (env == NULL)
		env = &denv;
	if (ps != NULL) {
		parts_parse(ps);
		env->partial = part_find;
		env->partial_arg = ps;
	}
	buf_init(&out, 0);
	if ((t = tmpl_parse("t", src, strlen(src), pflags, &err)) != NULL &&
	    tmpl_render(t, data, env, &out, &err) == 0)
		ret = buf_release(&out);
	else
		xasprintf(&ret, "ERR: %s", err.msg);
	buf_free(&out);
	tmpl_free(t);
	if (ps != NULL)
		parts_free(ps);
	return ret;
}

/* tmpl_check() src against schema: "OK" or "ERR: " and the message. */
static char *
check(const char *src, const struct val *schema, struct parts *ps)
{
	struct tmpl_env	 env;
	struct cgw_err	 err;
	struct tmpl	*t;
	char		*ret;

	memset(&err, 0, sizeof(err));
	memset(&env, 0, sizeof(env));
	if (ps != NULL) {
		parts_parse(ps);
		env.partial = part_find;
		env.partial_arg = ps;
	}
	if ((t = tmpl_parse("t", src, strlen(src), 0, &err)) != NULL &&
	    tmpl_check(t, schema, &env, &err) == 0)
		ret = xstrdup(err_isset(&err) ? "ERR: set on success" : "OK");
	else
		xasprintf(&ret, "ERR: %s", err.msg);
	tmpl_free(t);
	if (ps != NULL)
		parts_free(ps);
	return ret;
}

/*
 * An escaper for a configuration syntax: wraps the value in the quote
 * string passed as arg, refuses values holding a newline.
 */
static int
quote_escape(void *arg, const char *name, const struct val *v,
    const char *text, struct buf *out, struct cgw_err *err)
{
	const char	*q = arg;

	(void)v;
	if (strchr(text, '\n') != NULL)
		return err_set(err, CGW_E_TEMPLATE, "value of \"%s\" contains "
		    "a newline", name);
	if (buf_adds(out, q, err) == -1 || buf_adds(out, text, err) == -1 ||
	    buf_adds(out, q, err) == -1)
		return -1;
	return 0;
}

#define IS(got, want, ...)	do {					\
	char	*got_ = (got);						\
	is_str(got_, (want), __VA_ARGS__);				\
	free(got_);							\
} while (0)

static void
t_interpolation(void)
{
	struct val	*d;

	d = vmap("name", val_str("World"),
	    "html", val_str("<a href=\"b\">&</a>"),
	    "raw", val_str("<&>"),
	    "n", val_int(42), "dec", val_num_text("1.5"),
	    "t", val_bool(1), "f", val_bool(0),
	    "z", val_null(), "l", vlist(val_str("x"), NULL),
	    "m", vmap("k", val_str("v"), NULL), NULL);
	IS(run("no tags { at } all\n", d, 0, NULL, NULL),
	    "no tags { at } all\n", "plain text");
	IS(run("Hello, {{name}}!", d, 0, NULL, NULL), "Hello, World!",
	    "escaped interpolation");
	IS(run("{{html}}", d, 0, NULL, NULL),
	    "&lt;a href=&quot;b&quot;&gt;&amp;&lt;/a&gt;", "HTML escaping");
	IS(run("{{{raw}}}|{{&raw}}", d, 0, NULL, NULL), "<&>|<&>",
	    "triple mustache and ampersand are raw");
	IS(run("[{{ name }}][{{{ name }}}][{{& name }}]", d, 0, NULL, NULL),
	    "[World][World][World]", "whitespace inside tags");
	IS(run("{{n}} {{dec}} {{t}} {{f}}", d, 0, NULL, NULL),
	    "42 1.5 true false", "numbers and booleans");
	IS(run("[{{z}}][{{nope}}][{{l}}][{{m}}]", d, 0, NULL, NULL),
	    "[][][][]", "null, missing, list, map: empty when not strict");
	IS(run("[{{.}}]", d, 0, NULL, NULL), "[]",
	    "{{.}} on a map is empty when not strict");
	val_free(d);
}

static void
t_sections(void)
{
	struct val	*d;

	d = vmap("l", vlist(val_str("a"), val_str("b"), val_str("c"), NULL),
	    "lm", vlist(vmap("k", val_int(1), NULL),
	    vmap("k", val_int(2), NULL), NULL),
	    "ll", vlist(vlist(val_int(1), val_int(2), NULL),
	    vlist(val_int(3), NULL), NULL),
	    "m", vmap("k", val_str("v"), NULL),
	    "s", val_str("str"), "t", val_bool(1), "f", val_bool(0),
	    "e", val_list(), "z", val_null(), "outer", val_str("O"),
	    "items", vlist(vmap("name", val_str("a"), NULL),
	    vmap("name", val_str("b"), "outer", val_str("X"), NULL), NULL),
	    NULL);
	IS(run("{{#l}}<{{.}}>{{/l}}", d, 0, NULL, NULL), "<a><b><c>",
	    "list section iterates");
	IS(run("{{#lm}}{{k}},{{/lm}}", d, 0, NULL, NULL), "1,2,",
	    "list of maps");
	IS(run("{{#ll}}({{#.}}{{.}}{{/.}}){{/ll}}", d, 0, NULL, NULL),
	    "(12)(3)", "nested lists with the implicit iterator");
	IS(run("{{#m}}{{k}}{{/m}}", d, 0, NULL, NULL), "v",
	    "map section pushes a context");
	IS(run("{{#s}}[{{.}}]{{/s}}{{#t}}[{{.}}]{{/t}}", d, 0, NULL, NULL),
	    "[str][true]", "truthy scalars push themselves");
	IS(run("{{#f}}F{{/f}}{{#e}}E{{/e}}{{#z}}Z{{/z}}{{#nope}}N{{/nope}}",
	    d, 0, NULL, NULL), "", "falsey sections are skipped");
	IS(run("{{^f}}F{{/f}}{{^e}}E{{/e}}{{^z}}Z{{/z}}{{^t}}T{{/t}}"
	    "{{^nope}}N{{/nope}}{{^l}}L{{/l}}{{^m}}M{{/m}}", d, 0, NULL, NULL),
	    "FEZN", "inverted sections");
	IS(run("{{#items}}{{outer}}-{{name}};{{/items}}", d, 0, NULL, NULL),
	    "O-a;X-b;", "names resolve up the context stack, innermost first");
	IS(run("{{#m}}{{#t}}{{k}}{{s}}{{/t}}{{/m}}", d, 0, NULL, NULL),
	    "vstr", "deeply nested contexts");
	val_free(d);
}

static void
t_comments(void)
{
	IS(run("a{{! comment }}b", NULL, 0, NULL, NULL), "ab",
	    "inline comment");
	IS(run("a\n{{! multi\nline }}\nb\n", NULL, 0, NULL, NULL), "a\nb\n",
	    "standalone multi-line comment");
	IS(run("a\n  {{! indented }}\nb", NULL, 0, NULL, NULL), "a\nb",
	    "indented standalone comment");
	IS(run("a {{!x}} b\n", NULL, 0, NULL, NULL), "a  b\n",
	    "inline comment keeps surrounding whitespace");
}

static void
t_standalone(void)
{
	struct val	*d;

	d = vmap("t", val_bool(1), "f", val_bool(0), "x", val_str(""), NULL);
	IS(run("begin\n{{#t}}\nin\n{{/t}}\nend\n", d, 0, NULL, NULL),
	    "begin\nin\nend\n", "standalone section lines disappear");
	IS(run("begin\n{{^f}}\nin\n{{/f}}\nend\n", d, 0, NULL, NULL),
	    "begin\nin\nend\n", "standalone inverted section lines");
	IS(run("a\r\n{{#t}}\r\nb\r\n{{/t}}\r\nc", d, 0, NULL, NULL),
	    "a\r\nb\r\nc", "\\r\\n line ends");
	IS(run("a\n{{#t}}\nb\n  {{/t}}", d, 0, NULL, NULL), "a\nb\n",
	    "standalone at end of file without newline");
	IS(run("{{#t}}\nb\n{{/t}}\n", d, 0, NULL, NULL), "b\n",
	    "standalone without previous line");
	IS(run("  {{#t}}\n  x\n\t{{/t}} \n", d, 0, NULL, NULL), "  x\n",
	    "indented standalone lines");
	IS(run(" {{#t}}x{{/t}}\n", d, 0, NULL, NULL), " x\n",
	    "a tag with text on its line is not standalone");
	IS(run("{{#t}}{{/t}}\nx", d, 0, NULL, NULL), "\nx",
	    "two tags on one line are not standalone");
	IS(run("  {{x}}\n", d, 0, NULL, NULL), "  \n",
	    "interpolation is never standalone");
	IS(run("a\n{{#f}}\nb\n{{/f}}\nc\n", d, 0, NULL, NULL), "a\nc\n",
	    "standalone lines of a skipped section");
	val_free(d);
}

static void
t_delimiters(void)
{
	struct val	*d;

	d = vmap("x", val_str("v"), "t", val_bool(1), NULL);
	IS(run("{{=<% %>=}}<% x %> {{x}} <%={{ }}=%>{{x}}", d, 0, NULL,
	    NULL), "v {{x}} v", "set delimiters and back");
	IS(run("a\n{{=| |=}}\n|x|\n", d, 0, NULL, NULL), "a\nv\n",
	    "standalone set-delimiter tag");
	IS(run("{{= [ ] =}}[#t][x][/t][{x}][&x]", d, 0, NULL, NULL),
	    "vvv", "sections and raw tags with new delimiters, padding");
	IS(run("{{=<<< >>>=}}<<<x>>>", d, 0, NULL, NULL), "v",
	    "long delimiters");
	val_free(d);
}

static void
t_dotted(void)
{
	struct val	*d;

	d = vmap("a", vmap("b", vmap("c", val_str("deep"), NULL), NULL),
	    "c", vmap("name", val_str("Jim"), NULL),
	    "x", vmap("y", vmap("v", val_str("up"), NULL), NULL),
	    "y", vmap("v", val_str("ERROR"), "w", val_str("top"), NULL),
	    "q", vmap("y", vmap("w", val_str("q.y.w"), NULL), NULL),
	    "a.b", val_str("single"), NULL);
	IS(run("{{a.b.c}}", d, 0, NULL, NULL), "deep", "dotted name");
	IS(run("[{{a.b.c.name}}][{{a.x.c}}]", d, 0, NULL, NULL), "[][]",
	    "broken chains are empty");
	IS(run("{{#x}}{{y.v}}{{/x}}", d, 0, NULL, NULL), "up",
	    "first part resolves up the stack, innermost first");
	IS(run("{{#q}}[{{y.v}}]{{/q}}", d, 0, NULL, NULL), "[]",
	    "context precedence: no fall back once the first part is found");
	IS(run("{{#a.b}}{{c}}{{/a.b}}", d, 0, NULL, NULL), "deep",
	    "dotted section");
	IS(run("{{#a}}{{b.c}}{{/a}}", d, 0, NULL, NULL), "deep",
	    "dotted name inside a section");
	val_free(d);
}

static void
t_partials(void)
{
	struct part	 pv[] = {
		{ "p", "*{{x}}*", NULL },
		{ "lines", "1\n2\n", NULL },
		{ "data", "<{{{d}}}>\n", NULL },
		{ "outer", "o1\n  {{>inner}}\no2\n", NULL },
		{ "inner", "i1\n{{#t}}\ni2\n{{/t}}\n", NULL },
		{ "inline", "1\n2", NULL },
		{ "node", "{{n}}({{#kids}}{{>node}}{{/kids}})", NULL },
		{ "loop", "{{>loop}}", NULL },
		{ "tagline", "{{x}}\n{{x}}{{x}}\n", NULL },
	};
	struct parts	 ps = { pv, nitems(pv) };
	struct tmpl_env	 env;
	struct val	*d;

	d = vmap("x", val_int(1), "d", val_str("x\ny"), "t", val_bool(1),
	    "n", val_str("r"), "kids", vlist(
	    vmap("n", val_str("a"), "kids", val_list(), NULL),
	    vmap("n", val_str("b"), "kids", vlist(
	    vmap("n", val_str("c"), "kids", val_list(), NULL), NULL), NULL),
	    NULL), NULL);
	IS(run("[{{>p}}][{{> p }}]", d, 0, NULL, &ps), "[*1*][*1*]",
	    "partial sees the context");
	IS(run("a\n  {{>lines}}\nb\n", d, 0, NULL, &ps), "a\n  1\n  2\nb\n",
	    "standalone partial lines are indented");
	IS(run("  {{>data}}\n", d, 0, NULL, &ps), "  <x\ny>\n",
	    "newlines from data are not indented");
	IS(run("  {{>outer}}\n", d, 0, NULL, &ps),
	    "  o1\n    i1\n    i2\n  o2\n", "nested indentation accumulates");
	IS(run("\t{{>tagline}}", d, 0, NULL, &ps), "\t1\n\t11\n",
	    "lines starting with a tag are indented");
	IS(run("  x {{>inline}}\n", d, 0, NULL, &ps), "  x 1\n2\n",
	    "inline partial is not indented");
	IS(run("{{>node}}", d, 0, NULL, &ps), "r(a()b(c()))",
	    "recursive partial");
	IS(run("[{{>nope}}]", d, 0, NULL, &ps), "[]",
	    "missing partial is empty when not strict");
	IS(run("[{{>p}}]", d, 0, NULL, NULL), "[]",
	    "no partial callback: no partials");
	IS(run("{{>loop}}", d, 0, NULL, &ps),
	    "ERR: loop:1:1: partials nested more than 100 deep",
	    "endless recursion is an error");
	memset(&env, 0, sizeof(env));
	env.flags = TMPL_STRICT;
	IS(run("\n [{{>nope}}]", d, 0, &env, &ps),
	    "ERR: t:2:3: unknown partial \"nope\"",
	    "missing partial is an error when strict");
	val_free(d);
}

static void
t_strict(void)
{
	struct part	 pv[] = {
		{ "p", "ok\n {{nope}}", NULL },
	};
	struct parts	 ps = { pv, nitems(pv) };
	struct tmpl_env	 env;
	struct val	*d;

	memset(&env, 0, sizeof(env));
	env.flags = TMPL_STRICT;
	d = vmap("x", val_str("v"), "z", val_null(), "f", val_bool(0),
	    "l", vlist(val_int(1), NULL), "m", vmap("k", val_str("v"), NULL),
	    NULL);
	IS(run("{{x}}\n  {{y}}", d, 0, &env, NULL),
	    "ERR: t:2:3: unknown variable \"y\"", "unknown variable");
	IS(run("x={{z}}", d, 0, &env, NULL),
	    "ERR: t:1:3: variable \"z\" is null here; guard it with {{#z}}",
	    "null is an error");
	IS(run("[{{#z}}x={{z}}{{/z}}]", d, 0, &env, NULL), "[]",
	    "a guarded null is fine");
	IS(run("{{m.k}}{{z.w}}", d, 0, &env, NULL),
	    "ERR: t:1:8: variable \"z\" is null here; guard it with {{#z}}",
	    "null in the middle of a dotted name");
	IS(run("{{m.nope}}", d, 0, &env, NULL),
	    "ERR: t:1:1: unknown variable \"m.nope\"", "unknown dotted name");
	IS(run("\n{{#nope}}x{{/nope}}", d, 0, &env, NULL),
	    "ERR: t:2:1: unknown variable \"nope\"", "unknown section");
	IS(run("ab{{^nope}}x{{/nope}}", d, 0, &env, NULL),
	    "ERR: t:1:3: unknown variable \"nope\"",
	    "unknown inverted section");
	IS(run("{{l}}", d, 0, &env, NULL),
	    "ERR: t:1:1: variable \"l\" is a list, not a value",
	    "interpolating a list");
	IS(run("{{{m}}}", d, 0, &env, NULL),
	    "ERR: t:1:1: variable \"m\" is a map, not a value",
	    "interpolating a map");
	IS(run("{{>p}}", d, 0, &env, &ps),
	    "ERR: p:2:2: unknown variable \"nope\"",
	    "errors in a partial carry the partial's name");
	IS(run("[{{#f}}{{nope}}{{/f}}]", d, 0, &env, NULL), "[]",
	    "render does not look inside a false section");
	val_free(d);
}

static void
t_no_raw(void)
{
	struct val	*d;

	d = vmap("x", val_str("<v>"), NULL);
	IS(run("ok {{x}}\n  {{{x}}}", d, TMPL_NO_RAW, NULL, NULL),
	    "ERR: t:2:3: raw interpolation of \"x\" is not allowed in this "
	    "template", "TMPL_NO_RAW refuses {{{x}}}");
	IS(run("{{&x}}", d, TMPL_NO_RAW, NULL, NULL),
	    "ERR: t:1:1: raw interpolation of \"x\" is not allowed in this "
	    "template", "TMPL_NO_RAW refuses {{&x}}");
	IS(run("{{x}}", d, TMPL_NO_RAW, NULL, NULL), "&lt;v&gt;",
	    "TMPL_NO_RAW allows escaped tags");
	val_free(d);
}

static void
t_check(void)
{
	struct part	 pv[] = {
		{ "p", "line1\n  {{#m}}{{b}}{{/m}}", NULL },
		{ "good", "{{#m}}{{a}}{{/m}}{{>good}}", NULL },
		{ "node", "{{n}}{{#kids}}{{>node}}{{/kids}}", NULL },
	};
	struct parts	 ps = { pv, nitems(pv) };
	struct tmpl_env	 env;
	struct val	*s, *d;
	const char	*src;

	s = vmap("f", val_bool(0), "s", val_str("x"), "z", val_null(),
	    "l", vlist(vmap("k", val_int(1), NULL), NULL),
	    "m", vmap("a", val_int(1), NULL), "n", val_str("r"),
	    "kids", vlist(vmap("n", val_str("c"), "kids", val_list(), NULL),
	    NULL), NULL);
	src = "{{#f}}\n{{typo}}\n{{/f}}";
	memset(&env, 0, sizeof(env));
	env.flags = TMPL_STRICT;
	d = vmap("f", val_bool(0), NULL);
	IS(run(src, d, 0, &env, NULL), "",
	    "strict render skips the false section");
	val_free(d);
	IS(check(src, s, NULL), "ERR: t:2:1: unknown variable \"typo\"",
	    "check finds an unknown name inside a false section");
	IS(check("{{^s}}{{z}}{{typo}}{{/s}}", s, NULL),
	    "ERR: t:1:12: unknown variable \"typo\"",
	    "check enters inverted sections");
	IS(check("{{#l}}{{k}}{{s}}{{/l}}", s, NULL), "OK",
	    "check enters lists with their first element");
	IS(check("{{#l}}{{kk}}{{/l}}", s, NULL),
	    "ERR: t:1:7: unknown variable \"kk\"", "unknown name in a list");
	IS(check("{{#nope}}{{/nope}}", s, NULL),
	    "ERR: t:1:1: unknown variable \"nope\"", "unknown section name");
	IS(check("a\n{{>p}}", s, &ps),
	    "ERR: p:2:9: unknown variable \"b\"",
	    "check finds an unknown name inside a partial");
	IS(check("{{>good}}{{>good}}{{>node}}", s, &ps), "OK",
	    "recursive partials are checked once");
	IS(check("{{>nope}}", s, &ps),
	    "ERR: t:1:1: unknown partial \"nope\"", "check: missing partial");
	IS(check("{{l}}", s, NULL),
	    "ERR: t:1:1: variable \"l\" is a list, not a value",
	    "check: interpolating a list");
	IS(check("{{m.a}} {{{s}}} {{z}} {{#m}}{{.}}{{/m}}", s, NULL),
	    "ERR: t:1:29: variable \".\" is a map, not a value",
	    "check: implicit iterator on a map");
	val_free(s);
}

static void
t_escape(void)
{
	struct tmpl_env	 env;
	struct val	*d;
	char		 q[] = "'";

	memset(&env, 0, sizeof(env));
	env.escape = quote_escape;
	env.escape_arg = q;
	d = vmap("x", val_str("abc"), "y", val_str("1\n2"), "t", val_bool(1),
	    "n", val_int(7), NULL);
	IS(run("x = {{x}}; t = {{t}}; n = {{ n }}", d, 0, &env, NULL),
	    "x = 'abc'; t = 'true'; n = '7'", "custom escape with its arg");
	IS(run("{{{x}}} {{&y}}", d, 0, &env, NULL), "abc 1\n2",
	    "raw tags bypass the escape function");
	IS(run("a\nb = {{y}}", d, 0, &env, NULL),
	    "ERR: t:2:5: value of \"y\" contains a newline",
	    "escape error gets the template position");
	IS(run("{{#y}}{{.}}{{/y}}", d, 0, &env, NULL),
	    "ERR: t:1:7: value of \".\" contains a newline",
	    "escape gets the tag name as written");
	val_free(d);
}

static void
t_parse_errors(void)
{
	IS(run("abc\n  {{x", NULL, 0, NULL, NULL),
	    "ERR: t:2:3: unclosed tag: no \"}}\" after \"{{\"",
	    "unclosed tag");
	IS(run("{{{x}}", NULL, 0, NULL, NULL),
	    "ERR: t:1:1: unclosed tag: no \"}}}\" after \"{{{\"",
	    "unclosed triple mustache");
	IS(run("{{#a}}\n{{/b}}", NULL, 0, NULL, NULL),
	    "ERR: t:2:1: section \"a\" opened at 1:1 closed by \"b\"",
	    "section closed by the wrong name");
	IS(run("x\n {{#a}}\n{{#b}}{{/b}}\n", NULL, 0, NULL, NULL),
	    "ERR: t:2:2: unclosed section \"a\"", "unclosed section");
	IS(run("ok\n{{/a}}", NULL, 0, NULL, NULL),
	    "ERR: t:2:1: closing tag \"a\" without an open section",
	    "closing tag without a section");
	IS(run("a {{ }}", NULL, 0, NULL, NULL),
	    "ERR: t:1:3: empty tag name", "empty tag name");
	IS(run("{{#}}{{/}}", NULL, 0, NULL, NULL),
	    "ERR: t:1:1: empty tag name", "empty section name");
	IS(run("{{>}}", NULL, 0, NULL, NULL),
	    "ERR: t:1:1: empty tag name", "empty partial name");
	IS(run("\n\n   {{=<%=}}", NULL, 0, NULL, NULL),
	    "ERR: t:3:4: invalid set-delimiter tag: want two delimiters "
	    "without spaces or \"=\", separated by a space",
	    "set delimiter with one delimiter");
	IS(run("{{=a b c=}}", NULL, 0, NULL, NULL),
	    "ERR: t:1:1: invalid set-delimiter tag: want two delimiters "
	    "without spaces or \"=\", separated by a space",
	    "set delimiter with three delimiters");
	IS(run("{{=<% %>=}}\n<% x", NULL, 0, NULL, NULL),
	    "ERR: t:2:1: unclosed tag: no \"%>\" after \"<%\"",
	    "unclosed tag with new delimiters");
	IS(run("{{a b}}", NULL, 0, NULL, NULL),
	    "ERR: t:1:1: invalid name \"a b\"", "space inside a name");
	IS(run("{{ #a }}", NULL, 0, NULL, NULL),
	    "ERR: t:1:1: invalid name \"#a\" (no space is allowed before "
	    "\"#\")", "space before the sigil");
	IS(run("{{a..b}}{{.a}}", NULL, 0, NULL, NULL),
	    "ERR: t:1:1: invalid name \"a..b\"", "empty part in a name");
}

static void
t_reuse(void)
{
	struct cgw_err	 err;
	struct buf	 out;
	struct tmpl	*t;
	struct val	*d1, *d2;
	const char	*src = "{{x}}trailing";
	int		 i, rc;

	memset(&err, 0, sizeof(err));
	buf_init(&out, 0);
	d1 = vmap("x", val_str("1"), NULL);
	d2 = vmap("x", val_str("2"), NULL);
	t = tmpl_parse("t", src, 5, 0, &err);
	ok(t != NULL, "parse text that is not NUL-terminated");
	if (t != NULL) {
		is_str(tmpl_name(t), "t", "tmpl_name");
		rc = tmpl_render(t, d1, NULL, &out, &err);
		rc |= tmpl_render(t, d2, NULL, &out, &err);
		rc |= tmpl_render(t, d1, NULL, &out, &err);
		is_int(rc, 0, "render three times");
		is_str(out.data, "121", "renders append; the tree is reused");
		buf_free(&out);
		buf_init(&out, 4);
		for (i = 0, rc = 0; i < 4 && rc == 0; i++)
			rc = tmpl_render(t, d1, NULL, &out, &err);
		ok(rc == 0 && strcmp(out.data, "1111") == 0,
		    "output up to the limit");
		rc = tmpl_render(t, d1, NULL, &out, &err);
		ok(rc == -1 && err.code == CGW_E_LIMIT,
		    "output over the limit is an error");
		is_str(err.msg, "t:1:1: output larger than the limit of 4 "
		    "bytes", "limit error from the escaper gets the position");
	}
	buf_free(&out);
	tmpl_free(t);
	val_free(d1);
	val_free(d2);
}

/* A 200-line template with 40 sections; reports the cost per render. */
static void
t_speed(void)
{
	struct cgw_err	 err;
	struct buf	 src, out;
	struct tmpl	*t;
	struct val	*d, *tun;
	struct timespec	 a, b;
	double		 us;
	int		 i, n = 2000, rc = 0;

	memset(&err, 0, sizeof(err));
	buf_init(&src, 0);
	buf_init(&out, 0);
	for (i = 0; i < 40; i++)
		buf_printf(&src, &err, "{{#tunnels}}\n"
		    "conn {{name}}-%d {\n"
		    "  local = {{local.addr}}\n"
		    "  remote = {{{remote}}}\n"
		    "}\n{{/tunnels}}\n", i);
	d = vmap("tunnels", val_list(), NULL);
	for (i = 0; i < 2; i++) {
		tun = vmap("name", val_str("vpn"), "local",
		    vmap("addr", val_str("192.0.2.1"), NULL),
		    "remote", val_str("198.51.100.1"), NULL);
		val_push((struct val *)val_get(d, "tunnels"), tun);
	}
	t = tmpl_parse("speed", src.data, src.len, 0, &err);
	ok(t != NULL, "parse a 240-line template");
	if (t != NULL) {
		clock_gettime(CLOCK_MONOTONIC, &a);
		for (i = 0; i < n && rc == 0; i++) {
			buf_reset(&out);
			rc = tmpl_render(t, d, NULL, &out, &err);
		}
		clock_gettime(CLOCK_MONOTONIC, &b);
		us = ((double)(b.tv_sec - a.tv_sec) * 1e6 +
		    (double)(b.tv_nsec - a.tv_nsec) / 1e3) / n;
		ok(rc == 0 && out.len == 4780, "render it %d times", n);
		diag("%.1f us per render of %zu bytes", us, out.len);
	}
	tmpl_free(t);
	val_free(d);
	buf_free(&src);
	buf_free(&out);
}

int
main(void)
{
	t_interpolation();
	t_sections();
	t_comments();
	t_standalone();
	t_delimiters();
	t_dotted();
	t_partials();
	t_strict();
	t_no_raw();
	t_check();
	t_escape();
	t_parse_errors();
	t_reuse();
	t_speed();
	return done_testing();
}
