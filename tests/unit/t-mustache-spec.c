/*
 * Conformance of the template engine with the official mustache
 * specification: reads the spec's JSON test files, renders every test
 * with HTML escaping, not strict, and compares with the expected text.
 * The directory is $MUSTACHE_SPEC_DIR, else
 * $top_srcdir/../shared/mustache-spec; the test is skipped without it.
 */
#include "config.h"

#include <sys/stat.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cjson/cJSON.h>

#include "buf.h"
#include "err.h"
#include "tap.h"
#include "tmpl.h"
#include "val.h"
#include "xmalloc.h"

struct partials {
	char		**names;
	struct tmpl	**tmpls;
	size_t		  n;
};

static const char *const spec_files[] = {
	"comments",
	"delimiters",
	"interpolation",
	"inverted",
	"partials",
	"sections",
};

static char		*read_file(const char *, size_t *);
static char		*num_text(double);
static struct val	*to_val(const cJSON *);
static const struct tmpl *find_partial(void *, const char *);
static void		 partials_free(struct partials *);
static void		 run_test(const char *, const cJSON *);
static void		 run_file(const char *, const char *);

/* The whole file, NUL-terminated, or NULL. */
static char *
read_file(const char *path, size_t *lenp)
{
	struct cgw_err	 err;
	struct buf	 b;
	FILE		*fp;
	char		 chunk[4096];
	size_t		 n;
	char		*ret = NULL;

	memset(&err, 0, sizeof(err));
	buf_init(&b, 0);
	if ((fp = fopen(path, "r")) == NULL)
		return NULL;
	while ((n = fread(chunk, 1, sizeof(chunk), fp)) > 0)
		if (buf_add(&b, chunk, n, &err) == -1)
			goto out;
	if (ferror(fp))
		goto out;
	*lenp = b.len;
	ret = buf_release(&b);
 out:
	buf_free(&b);
	fclose(fp);
	return ret;
}

/*
 * Integers as their decimal text; other numbers with the fewest digits
 * that read back as the same double (1.21 gives "1.21").
 */
static char *
num_text(double d)
{
	char	s[64];
	int	prec;

	if (d > -1e15 && d < 1e15 && (double)(long long)d == d) {
		snprintf(s, sizeof(s), "%lld", (long long)d);
		return xstrdup(s);
	}
	for (prec = 1; prec < 17; prec++) {
		snprintf(s, sizeof(s), "%.*g", prec, d);
		if (strtod(s, NULL) == d)
			break;
	}
	return xstrdup(s);
}

static struct val *
to_val(const cJSON *j)
{
	const cJSON	*it;
	struct val	*v;
	char		*s;

	if (cJSON_IsTrue(j))
		return val_bool(1);
	if (cJSON_IsFalse(j))
		return val_bool(0);
	if (cJSON_IsNumber(j)) {
		s = num_text(j->valuedouble);
		v = val_num_text(s);
		free(s);
		return v;
	}
	if (cJSON_IsString(j))
		return val_str(j->valuestring);
	if (cJSON_IsArray(j)) {
		v = val_list();
		cJSON_ArrayForEach(it, j)
			val_push(v, to_val(it));
		return v;
	}
	if (cJSON_IsObject(j)) {
		v = val_map();
		cJSON_ArrayForEach(it, j)
			val_set(v, it->string, to_val(it));
		return v;
	}
	return val_null();
}

static const struct tmpl *
find_partial(void *arg, const char *name)
{
	struct partials	*ps = arg;
	size_t		 i;

	for (i = 0; i < ps->n; i++)
		if (strcmp(ps->names[i], name) == 0)
			return ps->tmpls[i];
	return NULL;
}

static void
partials_free(struct partials *ps)
{
	size_t	i;

	for (i = 0; i < ps->n; i++) {
		free(ps->names[i]);
		tmpl_free(ps->tmpls[i]);
	}
	free(ps->names);
	free(ps->tmpls);
}

static void
run_test(const char *file, const cJSON *test)
{
	struct partials	 ps;
	struct tmpl_env	 env;
	struct cgw_err	 err;
	struct buf	 out;
	struct tmpl	*t = NULL, *pt;
	struct val	*data = NULL;
	const cJSON	*name, *tpl, *exp, *parts, *it;
	char		*got = NULL;

	memset(&ps, 0, sizeof(ps));
	memset(&env, 0, sizeof(env));
	memset(&err, 0, sizeof(err));
	buf_init(&out, 0);
	name = cJSON_GetObjectItemCaseSensitive(test, "name");
	tpl = cJSON_GetObjectItemCaseSensitive(test, "template");
	exp = cJSON_GetObjectItemCaseSensitive(test, "expected");
	parts = cJSON_GetObjectItemCaseSensitive(test, "partials");
	if (!cJSON_IsString(name) || !cJSON_IsString(tpl) ||
	    !cJSON_IsString(exp)) {
		ok(0, "%s: malformed test", file);
		goto out;
	}
	cJSON_ArrayForEach(it, parts) {
		if (!cJSON_IsString(it))
			continue;
		pt = tmpl_parse(it->string, it->valuestring,
		    strlen(it->valuestring), 0, &err);
		if (pt == NULL)
			break;
		ps.names = xreallocarray(ps.names, ps.n + 1,
		    sizeof(*ps.names));
		ps.tmpls = xreallocarray(ps.tmpls, ps.n + 1,
		    sizeof(*ps.tmpls));
		ps.names[ps.n] = xstrdup(it->string);
		ps.tmpls[ps.n++] = pt;
	}
	if (!err_isset(&err))
		t = tmpl_parse("template", tpl->valuestring,
		    strlen(tpl->valuestring), 0, &err);
	if (t == NULL) {
		ok(0, "%s: %s", file, name->valuestring);
		diag("%s", err.msg);
		goto out;
	}
	data = to_val(cJSON_GetObjectItemCaseSensitive(test, "data"));
	env.partial = find_partial;
	env.partial_arg = &ps;
	if (tmpl_render(t, data, &env, &out, &err) == -1) {
		ok(0, "%s: %s", file, name->valuestring);
		diag("%s", err.msg);
		goto out;
	}
	got = buf_release(&out);
	is_str(got, exp->valuestring, "%s: %s", file, name->valuestring);
 out:
	free(got);
	buf_free(&out);
	val_free(data);
	tmpl_free(t);
	partials_free(&ps);
}

static void
run_file(const char *dir, const char *base)
{
	cJSON		*root = NULL;
	const cJSON	*tests, *test;
	char		*path, *text;
	size_t		 len = 0;

	xasprintf(&path, "%s/%s.json", dir, base);
	if ((text = read_file(path, &len)) == NULL) {
		ok(0, "%s: cannot read %s", base, path);
		goto out;
	}
	if ((root = cJSON_ParseWithLength(text, len)) == NULL) {
		ok(0, "%s: cannot parse %s", base, path);
		goto out;
	}
	tests = cJSON_GetObjectItemCaseSensitive(root, "tests");
	if (!cJSON_IsArray(tests) || cJSON_GetArraySize(tests) == 0) {
		ok(0, "%s: no tests in %s", base, path);
		goto out;
	}
	cJSON_ArrayForEach(test, tests)
		run_test(base, test);
 out:
	cJSON_Delete(root);
	free(text);
	free(path);
}

int
main(void)
{
	struct stat	 st;
	const char	*env, *top;
	char		*dir;
	size_t		 i;
	int		 ret;

	if ((env = getenv("MUSTACHE_SPEC_DIR")) != NULL && *env != '\0')
		dir = xstrdup(env);
	else {
		if ((top = getenv("top_srcdir")) == NULL || *top == '\0')
			top = ".";
		xasprintf(&dir, "%s/../shared/mustache-spec", top);
	}
	if (stat(dir, &st) == -1 || !S_ISDIR(st.st_mode))
		skip_all("mustache spec not found at %s", dir);
	for (i = 0; i < nitems(spec_files); i++)
		run_file(dir, spec_files[i]);
	free(dir);
	ret = done_testing();
	return ret;
}
