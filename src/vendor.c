/*
 * Loading vendor data files and their templates.
 */
#include "config.h"

#include <dirent.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cjson/cJSON.h>

#include "alg.h"
#include "compat.h"
#include "err.h"
#include "escape.h"
#include "jsonutil.h"
#include "model.h"
#include "tmpl.h"
#include "util.h"
#include "vendor.h"
#include "xmalloc.h"

#define VENDOR_FILE_MAX		(1024 * 1024)
#define TEMPLATE_EXT		".mustache"

static const struct {
	const char	*key;
	enum alg_kind	 kind;
} vmaps[VM__COUNT] = {
	[VM_IKE_ENC] = { "ike_encryption", ALG_ENC },
	[VM_IKE_INTEG] = { "ike_integrity", ALG_INTEG },
	[VM_IKE_PRF] = { "ike_prf", ALG_INTEG },
	[VM_IKE_DH] = { "ike_dh", ALG_DH },
	[VM_ESP_ENC] = { "esp_encryption", ALG_ENC },
	[VM_ESP_INTEG] = { "esp_integrity", ALG_INTEG },
	[VM_ESP_PFS] = { "esp_pfs", ALG_DH },
};

/* Every key a vendor data file may hold: a typo is an error. */
static const char *const root_keys[] = { "name", "title", "templates",
    "interface", "device", "files", "quoting", "supports", "limits",
    "algorithms", NULL };
static const char *const device_keys[] = { "tunnel_number", "acl_number",
    "zone", "inside_zone", "tunnel_zone", NULL };
static const char *const limits_keys[] = { "ike_lifetime_max",
    "esp_lifetime_max", "ike_lifetime_min", "esp_lifetime_min",
    "dpd_interval_min", "dpd_interval_max", "dpd_retries_max", NULL };
static const char *const file_keys[] = { "template", "suffix", NULL };
static const char *const quoting_keys[] = { "bare", "quote", "escape",
    "escaped", "unquotable", "secrets_quoted", "secret_encoding",
    "secret_prefix", "secret_encode_prefixes", "lossy", NULL };
static const char *const supports_keys[] = { "ike_versions",
    "aggressive_mode", "separate_prf", "identity_types", "routing", "ipv6",
    NULL };

static int	load_map_set(struct vendor_map *, const cJSON *, const char *,
		    int, struct cgw_err *);
static int	load_maps(struct vendor *, const cJSON *, struct cgw_err *);
static void	map_free(struct vendor_map *);
static int	load_escape(struct vendor *, const cJSON *, struct cgw_err *);
static int	load_supports(struct vendor *, const cJSON *, struct cgw_err *);
static int	load_files(struct vendor *, const cJSON *, struct cgw_err *);
static int	load_limits(struct vendor *, const cJSON *, struct cgw_err *);
static int	load_device(struct vendor *, const cJSON *, struct cgw_err *);
static int	load_templates(struct vendor *, struct cgw_err *);
static int	name_cmp(const void *, const void *);
static int	str_list(const cJSON *, const char *, const char *,
		    char ***, size_t *, struct cgw_err *);

const char *
vendor_map_name(enum vmap m)
{
	return vmaps[m].key;
}

const char *
vendor_spell(const struct vendor *v, int version, enum vmap m,
    const struct alg *a)
{
	const struct vendor_map	*vm = &v->maps[m];
	size_t			 i;

	if (a == NULL)
		return NULL;
	if ((version == 1 || version == 2) && v->vmaps[version][m].present)
		vm = &v->vmaps[version][m];
	for (i = 0; i < vm->n; i++)
		if (strcmp(vm->ids[i], a->id) == 0)
			return vm->names[i];
	return NULL;
}

const struct tmpl *
vendor_partial(void *arg, const char *name)
{
	const struct vendor	*v = arg;
	size_t			 i;

	for (i = 0; i < v->ntmpls; i++)
		if (strcmp(v->tmpl_names[i], name) == 0)
			return v->tmpls[i];
	return NULL;
}

static int
str_list(const cJSON *obj, const char *path, const char *key, char ***out,
    size_t *n, struct cgw_err *err)
{
	const cJSON	*a, *e;
	int		 r;

	*out = NULL;
	*n = 0;
	if ((r = json_array(obj, path, key, &a, err)) == -1)
		return -1;
	if (r == 1)
		return 0;
	cJSON_ArrayForEach(e, a) {
		if (!cJSON_IsString(e))
			return err_set(err, CGW_E_TEMPLATE, "%s.%s: expected "
			    "strings", path, key);
		*out = xreallocarray(*out, *n + 1, sizeof(**out));
		(*out)[(*n)++] = xstrdup(e->valuestring);
	}
	return 0;
}

/*
 * The maps of one object: algorithms (every map required), or its ikev1
 * or ikev2 member (any of them, each overriding the general one for
 * tunnels of that version).
 */
static int
load_map_set(struct vendor_map *maps, const cJSON *algs, const char *path,
    int required, struct cgw_err *err)
{
	const cJSON		*m, *e;
	struct vendor_map	*vm;
	size_t			 i;
	int			 r;

	cJSON_ArrayForEach(e, algs) {
		for (i = 0; i < VM__COUNT; i++)
			if (strcmp(e->string, vmaps[i].key) == 0)
				break;
		if (i == VM__COUNT && (!required ||
		    (strcmp(e->string, "ikev1") != 0 &&
		    strcmp(e->string, "ikev2") != 0)))
			return err_set(err, CGW_E_TEMPLATE, "%s: unknown map "
			    "\"%s\"", path, e->string);
	}
	for (i = 0; i < VM__COUNT; i++) {
		vm = &maps[i];
		if ((r = json_object(algs, path, vmaps[i].key, &m, err)) == -1)
			return -1;
		if (r == 1 && required)
			return err_set(err, CGW_E_TEMPLATE, "%s.%s is missing",
			    path, vmaps[i].key);
		if (r == 1)
			continue;
		vm->present = 1;
		cJSON_ArrayForEach(e, m) {
			if (alg_by_id(vmaps[i].kind, e->string) == NULL)
				return err_set(err, CGW_E_TEMPLATE, "%s.%s: "
				    "\"%s\" is not a canonical %s id", path,
				    vmaps[i].key, e->string,
				    alg_kind_name(vmaps[i].kind));
			if (!cJSON_IsString(e) || *e->valuestring == '\0' ||
			    !is_text(e->valuestring))
				return err_set(err, CGW_E_TEMPLATE, "%s.%s.%s: "
				    "expected a non-empty printable string", path,
				    vmaps[i].key, e->string);
			vm->ids = xreallocarray(vm->ids, vm->n + 1,
			    sizeof(*vm->ids));
			vm->names = xreallocarray(vm->names, vm->n + 1,
			    sizeof(*vm->names));
			vm->ids[vm->n] = xstrdup(e->string);
			vm->names[vm->n++] = xstrdup(e->valuestring);
		}
	}
	return 0;
}

static int
load_maps(struct vendor *v, const cJSON *root, struct cgw_err *err)
{
	static const char *const versions[] = { NULL, "ikev1", "ikev2" };
	const cJSON	*algs, *ver;
	char		 path[32];
	size_t		 i;
	int		 r;

	if ((r = json_object(root, "", "algorithms", &algs, err)) == -1)
		return -1;
	if (r == 1)
		return err_set(err, CGW_E_TEMPLATE, "algorithms is missing");
	if (load_map_set(v->maps, algs, "algorithms", 1, err) == -1)
		return -1;
	for (i = 1; i < nitems(versions); i++) {
		if ((r = json_object(algs, "algorithms", versions[i], &ver,
		    err)) == -1)
			return -1;
		snprintf(path, sizeof(path), "algorithms.%s", versions[i]);
		if (r == 0 && load_map_set(v->vmaps[i], ver, path, 0,
		    err) == -1)
			return -1;
	}
	return 0;
}

static int
load_escape(struct vendor *v, const cJSON *root, struct cgw_err *err)
{
	struct escape_rule	*r = &v->esc;
	const cJSON		*q;
	const char		*s;
	int			 rc;

	r->target = v->name;
	if ((rc = json_object(root, "", "quoting", &q, err)) == -1)
		return -1;
	if (rc == 1)
		return err_set(err, CGW_E_TEMPLATE, "quoting is missing");
	if (json_check_keys(q, "quoting", quoting_keys, "cgwgen-template(5)",
	    err) == -1)
		return -1;
	if ((rc = json_string(q, "quoting", "bare", &s, err)) == -1)
		return -1;
	if (rc == 1)
		return err_set(err, CGW_E_TEMPLATE, "quoting.bare is missing");
	if (escape_charset(s, r->bare, err) == -1)
		return -1;
	if ((rc = json_string(q, "quoting", "quote", &s, err)) == -1)
		return -1;
	if (rc == 0) {
		if (strlen(s) != 1)
			return err_set(err, CGW_E_TEMPLATE, "quoting.quote: one "
			    "character expected");
		r->quote = *s;
	}
	if ((rc = json_string(q, "quoting", "escape", &s, err)) == -1)
		return -1;
	if (rc == 0) {
		if (strlen(s) != 1)
			return err_set(err, CGW_E_TEMPLATE, "quoting.escape: "
			    "one character expected");
		r->escape_char = *s;
	}
	if ((rc = json_string(q, "quoting", "escaped", &s, err)) == -1)
		return -1;
	if (rc == 0 && escape_charset(s, r->quote_escapes, err) == -1)
		return -1;
	if (rc == 0 && r->escape_char == 0)
		return err_set(err, CGW_E_TEMPLATE, "quoting.escaped needs "
		    "quoting.escape, the character that escapes them");
	r->lossy = '?';
	if ((rc = json_string(q, "quoting", "lossy", &s, err)) == -1)
		return -1;
	if (rc == 0) {
		if (strlen(s) != 1 || !r->bare[(unsigned char)*s])
			return err_set(err, CGW_E_TEMPLATE, "quoting.lossy: one "
			    "character of quoting.bare expected");
		r->lossy = *s;
	}
	if ((rc = json_string(q, "quoting", "unquotable", &s, err)) == -1)
		return -1;
	if (rc == 0 && escape_charset(s, r->quote_forbid, err) == -1)
		return -1;
	if (json_bool(q, "quoting", "secrets_quoted", &r->secrets_quoted,
	    err) == -1)
		return -1;
	if ((rc = json_string(q, "quoting", "secret_encoding", &s,
	    err)) == -1)
		return -1;
	if (rc == 0) {
		if (strcmp(s, "hex") == 0)
			r->secret_encoding = ENC_HEX;
		else if (strcmp(s, "base64") == 0)
			r->secret_encoding = ENC_BASE64;
		else
			return err_set(err, CGW_E_TEMPLATE, "quoting."
			    "secret_encoding: \"%s\" is not hex or base64", s);
		if ((rc = json_string(q, "quoting", "secret_prefix", &s,
		    err)) == -1)
			return -1;
		r->secret_prefix = xstrdup(rc == 0 ? s : "");
	}
	return str_list(q, "quoting", "secret_encode_prefixes",
	    &r->secret_encode_prefixes, &r->nsecret_encode_prefixes, err);
}

static int
load_supports(struct vendor *v, const cJSON *root, struct cgw_err *err)
{
	const cJSON	*s, *a, *e;
	enum id_type	 idt;
	enum routing	 rt;
	int		 r;

	if ((r = json_object(root, "", "supports", &s, err)) == -1)
		return -1;
	if (r == 1)
		return err_set(err, CGW_E_TEMPLATE, "supports is missing");
	if (json_check_keys(s, "supports", supports_keys,
	    "cgwgen-template(5)", err) == -1)
		return -1;
	if (json_array(s, "supports", "ike_versions", &a, err) != 0)
		return err_set(err, CGW_E_TEMPLATE, "supports.ike_versions: "
		    "an array of 1 and/or 2 is needed");
	cJSON_ArrayForEach(e, a) {
		if (!cJSON_IsNumber(e) || (e->valueint != 1 &&
		    e->valueint != 2))
			return err_set(err, CGW_E_TEMPLATE, "supports."
			    "ike_versions: only 1 and 2 exist");
		v->ike_versions |= 1 << e->valueint;
	}
	if ((r = json_bool(s, "supports", "aggressive_mode", &v->aggressive,
	    err)) == -1)
		return -1;
	if ((r = json_bool(s, "supports", "separate_prf", &v->separate_prf,
	    err)) == -1)
		return -1;
	if ((r = json_bool(s, "supports", "ipv6", &v->ipv6, err)) == -1)
		return -1;
	if (r == 1)
		v->ipv6 = 1;
	if (json_array(s, "supports", "identity_types", &a, err) != 0)
		return err_set(err, CGW_E_TEMPLATE, "supports.identity_types "
		    "is missing");
	cJSON_ArrayForEach(e, a) {
		if (!cJSON_IsString(e) || id_type_parse(e->valuestring,
		    &idt) == -1)
			return err_set(err, CGW_E_TEMPLATE, "supports."
			    "identity_types: expected some of %s",
			    id_type_names());
		v->id_types |= 1 << idt;
	}
	if (json_array(s, "supports", "routing", &a, err) != 0)
		return err_set(err, CGW_E_TEMPLATE, "supports.routing is "
		    "missing");
	cJSON_ArrayForEach(e, a) {
		if (!cJSON_IsString(e) || routing_parse(e->valuestring,
		    &rt) == -1)
			return err_set(err, CGW_E_TEMPLATE, "supports.routing: "
			    "expected some of %s", routing_names());
		v->routings |= 1 << rt;
	}
	return 0;
}

/* Optional: the longest SA lifetimes the target keeps. */
static int
load_limits(struct vendor *v, const cJSON *root, struct cgw_err *err)
{
	const cJSON	*l;
	uint64_t	 x;
	int		 r;

	if ((r = json_object(root, "", "limits", &l, err)) == -1)
		return -1;
	if (r == 1)
		return 0;
	if (json_check_keys(l, "limits", limits_keys, "cgwgen-template(5)",
	    err) == -1)
		return -1;
	if ((r = json_uint(l, "limits", "ike_lifetime_max", 60, 604800, &x,
	    err)) == -1)
		return -1;
	if (r == 0)
		v->ike_lifetime_max = (uint32_t)x;
	if ((r = json_uint(l, "limits", "esp_lifetime_max", 60, 604800, &x,
	    err)) == -1)
		return -1;
	if (r == 0)
		v->esp_lifetime_max = (uint32_t)x;
	if ((r = json_uint(l, "limits", "ike_lifetime_min", 1, 86400, &x,
	    err)) == -1)
		return -1;
	if (r == 0)
		v->ike_lifetime_min = (uint32_t)x;
	if ((r = json_uint(l, "limits", "esp_lifetime_min", 1, 86400, &x,
	    err)) == -1)
		return -1;
	if (r == 0)
		v->esp_lifetime_min = (uint32_t)x;
	if ((r = json_uint(l, "limits", "dpd_interval_min", 1, 3600, &x,
	    err)) == -1)
		return -1;
	if (r == 0)
		v->dpd_interval_min = (uint32_t)x;
	if ((r = json_uint(l, "limits", "dpd_interval_max", 1, 3600, &x,
	    err)) == -1)
		return -1;
	if (r == 0)
		v->dpd_interval_max = (uint32_t)x;
	if ((r = json_uint(l, "limits", "dpd_retries_max", 1, 100, &x,
	    err)) == -1)
		return -1;
	if (r == 0)
		v->dpd_retries_max = (uint32_t)x;
	if ((v->ike_lifetime_max != 0 && v->ike_lifetime_min >
	    v->ike_lifetime_max) || (v->esp_lifetime_max != 0 &&
	    v->esp_lifetime_min > v->esp_lifetime_max))
		return err_set(err, CGW_E_TEMPLATE, "limits: a minimum above "
		    "its maximum");
	return 0;
}

/* Device-local defaults: names checked like the options that set them. */
static int
load_device(struct vendor *v, const cJSON *root, struct cgw_err *err)
{
	static const struct {
		const char	*key;
		size_t		 off;
		const char	*def;
	} names[] = {
		{ "zone", offsetof(struct vendor, zone), "untrust" },
		{ "inside_zone", offsetof(struct vendor, inside_zone), "trust" },
		{ "tunnel_zone", offsetof(struct vendor, tunnel_zone), "vpn" },
	};
	const cJSON	*d = NULL;
	const char	*s;
	uint64_t	 x;
	size_t		 i;
	int		 r;

	v->tunnel_number = 1;
	if ((r = json_object(root, "", "device", &d, err)) == -1)
		return -1;
	if (r == 0 && json_check_keys(d, "device", device_keys,
	    "cgwgen-template(5)", err) == -1)
		return -1;
	if (r == 0 && (r = json_uint(d, "device", "tunnel_number", 0, 65535,
	    &x, err)) == -1)
		return -1;
	if (r == 0)
		v->tunnel_number = (uint32_t)x;
	if (d != NULL && (r = json_uint(d, "device", "acl_number", 1, 999999,
	    &x, err)) == -1)
		return -1;
	if (d != NULL && r == 0)
		v->acl_number = (uint32_t)x;
	for (i = 0; i < nitems(names); i++) {
		s = names[i].def;
		if (d != NULL && (r = json_string(d, "device", names[i].key, &s,
		    err)) == -1)
			return -1;
		if (!is_device_name(s))
			return err_set(err, CGW_E_TEMPLATE, "device.%s: \"%s\" is "
			    "not a name (letters, digits, . _ : / -)",
			    names[i].key, s);
		*(char **)(void *)((char *)v + names[i].off) = xstrdup(s);
	}
	return 0;
}

static int
load_files(struct vendor *v, const cJSON *root, struct cgw_err *err)
{
	const cJSON		*a, *e;
	struct vendor_file	*f;
	const char		*t, *suffix;
	size_t			 i;

	if (json_array(root, "", "files", &a, err) != 0 ||
	    cJSON_GetArraySize(a) == 0)
		return err_set(err, CGW_E_TEMPLATE, "files: an array of "
		    "{\"template\", \"suffix\"} objects is needed");
	cJSON_ArrayForEach(e, a) {
		t = suffix = NULL;
		if (!cJSON_IsObject(e) || json_check_keys(e, "files[]",
		    file_keys, "cgwgen-template(5)", err) == -1)
			return err_set(err, CGW_E_TEMPLATE, "files[]: each is an "
			    "object with a template and a suffix");
		if (json_string(e, "files[]", "template", &t, err) != 0 ||
		    json_string(e, "files[]", "suffix", &suffix, err) != 0)
			return err_set(err, CGW_E_TEMPLATE, "files[]: each "
			    "needs a template and a suffix");
		if (strchr(t, '/') != NULL || strchr(suffix, '/') != NULL)
			return err_set(err, CGW_E_TEMPLATE, "files[]: names "
			    "must not hold '/'");
		v->files = xreallocarray(v->files, v->nfiles + 1,
		    sizeof(*v->files));
		f = &v->files[v->nfiles++];
		f->template = xstrdup(t);
		f->suffix = xstrdup(suffix);
		f->tmpl = NULL;
		for (i = 0; i < v->nfiles - 1; i++)
			if (strcmp(v->files[i].suffix, suffix) == 0)
				return err_set(err, CGW_E_TEMPLATE, "files[]: "
				    "suffix %s appears twice", suffix);
	}
	return 0;
}

static int
name_cmp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Parse every NAME.mustache in the vendor's template directory. */
static int
load_templates(struct vendor *v, struct cgw_err *err)
{
	DIR		*d;
	struct dirent	*de;
	char		**names = NULL, *path = NULL, *text = NULL;
	size_t		 n = 0, i, j, len, extlen = strlen(TEMPLATE_EXT), nl;
	int		 ret = -1;

	if ((d = opendir(v->dir)) == NULL)
		return err_sys(err, "%s", v->dir);
	while ((de = readdir(d)) != NULL) {
		nl = strlen(de->d_name);
		if (de->d_name[0] == '.' || nl <= extlen ||
		    strcmp(de->d_name + nl - extlen, TEMPLATE_EXT) != 0)
			continue;
		names = xreallocarray(names, n + 1, sizeof(*names));
		names[n++] = xstrndup(de->d_name, nl - extlen);
	}
	closedir(d);
	if (n > 1)
		qsort(names, n, sizeof(*names), name_cmp);
	v->tmpls = xcalloc(n, sizeof(*v->tmpls));
	v->tmpl_names = xcalloc(n, sizeof(*v->tmpl_names));
	for (i = 0; i < n; i++) {
		xasprintf(&path, "%s/%s%s", v->dir, names[i], TEMPLATE_EXT);
		if (util_read_file(path, VENDOR_FILE_MAX, &text, &len,
		    err) == -1)
			goto out;
		v->tmpls[i] = tmpl_parse(path, text, len, TMPL_NO_RAW, err);
		if (v->tmpls[i] == NULL)
			goto out;
		v->tmpl_names[i] = names[i];
		names[i] = NULL;
		v->ntmpls = i + 1;
		free(path);
		free(text);
		path = text = NULL;
	}
	for (j = 0; j < v->nfiles; j++) {
		v->files[j].tmpl = vendor_partial(v, v->files[j].template);
		if (v->files[j].tmpl == NULL) {
			err_set(err, CGW_E_TEMPLATE, "%s/%s%s: no such "
			    "template", v->dir, v->files[j].template,
			    TEMPLATE_EXT);
			goto out;
		}
	}
	ret = 0;
out:
	for (i = 0; i < n; i++)
		free(names[i]);
	free(names);
	free(path);
	free(text);
	return ret;
}

int
vendor_load(const char *datadir, const char *name, struct vendor **out,
    struct cgw_err *err)
{
	struct vendor	*v;
	cJSON		*root = NULL;
	char		*path = NULL, *data = NULL;
	const char	*s;
	size_t		 len;
	int		 r, ret = -1;

	v = xcalloc(1, sizeof(*v));
	if (!is_token(name)) {
		err_set(err, CGW_E_USAGE, "\"%s\" is not a vendor name", name);
		goto out;
	}
	v->name = xstrdup(name);
	xasprintf(&path, "%s/vendors/%s.json", datadir, name);
	if (util_read_file(path, VENDOR_FILE_MAX, &data, &len, err) == -1)
		goto out;
	if ((root = cJSON_ParseWithLength(data, len)) == NULL ||
	    !cJSON_IsObject(root)) {
		err_set(err, CGW_E_TEMPLATE, "invalid JSON");
		goto fail;
	}
	if (json_check_keys(root, "vendor file", root_keys,
	    "cgwgen-template(5)", err) == -1)
		goto fail;
	if ((r = json_string(root, "", "name", &s, err)) == -1)
		goto fail;
	if (r == 1 || strcmp(s, name) != 0) {
		err_set(err, CGW_E_TEMPLATE, "name must be \"%s\", the file's "
		    "name", name);
		goto fail;
	}
	if ((r = json_string(root, "", "title", &s, err)) == -1)
		goto fail;
	v->title = xstrdup(r == 0 ? s : name);
	if ((r = json_string(root, "", "interface", &s, err)) == -1)
		goto fail;
	v->interface = xstrdup(r == 0 ? s : "eth0");
	if (load_maps(v, root, err) == -1 || load_escape(v, root, err) == -1 ||
	    load_supports(v, root, err) == -1 ||
	    load_limits(v, root, err) == -1 ||
	    load_device(v, root, err) == -1 ||
	    load_files(v, root, err) == -1)
		goto fail;
	/* Another vendor's templates, for a software line of a platform. */
	if ((r = json_string(root, "", "templates", &s, err)) == -1)
		goto fail;
	if (r == 0 && !is_token(s)) {
		err_set(err, CGW_E_TEMPLATE, "templates: \"%s\" is not a "
		    "vendor name", s);
		goto fail;
	}
	xasprintf(&v->dir, "%s/templates/%s", datadir, r == 0 ? s : name);
	if (load_templates(v, err) == -1)
		goto out;
	*out = v;
	v = NULL;
	ret = 0;
	goto out;
fail:
	err_prefix(err, "%s", path);
out:
	cJSON_Delete(root);
	free(data);
	free(path);
	vendor_free(v);
	return ret;
}

static void
map_free(struct vendor_map *vm)
{
	size_t	j;

	for (j = 0; j < vm->n; j++) {
		free(vm->ids[j]);
		free(vm->names[j]);
	}
	free(vm->ids);
	free(vm->names);
}

void
vendor_free(struct vendor *v)
{
	size_t	i;

	if (v == NULL)
		return;
	for (i = 0; i < VM__COUNT; i++) {
		map_free(&v->maps[i]);
		map_free(&v->vmaps[1][i]);
		map_free(&v->vmaps[2][i]);
	}
	for (i = 0; i < v->nfiles; i++) {
		free(v->files[i].template);
		free(v->files[i].suffix);
	}
	free(v->files);
	for (i = 0; i < v->ntmpls; i++) {
		tmpl_free(v->tmpls[i]);
		free(v->tmpl_names[i]);
	}
	free(v->tmpls);
	free(v->tmpl_names);
	escape_rule_free(&v->esc);
	free(v->name);
	free(v->title);
	free(v->dir);
	free(v->interface);
	free(v->zone);
	free(v->inside_zone);
	free(v->tunnel_zone);
	free(v);
}

int
vendor_list(const char *datadir, char ***out, size_t *n, struct cgw_err *err)
{
	DIR		*d;
	struct dirent	*de;
	char		*path, **names = NULL;
	size_t		 nl, count = 0;

	xasprintf(&path, "%s/vendors", datadir);
	if ((d = opendir(path)) == NULL) {
		err_sys(err, "%s", path);
		free(path);
		return -1;
	}
	free(path);
	while ((de = readdir(d)) != NULL) {
		nl = strlen(de->d_name);
		if (de->d_name[0] == '.' || nl <= 5 ||
		    strcmp(de->d_name + nl - 5, ".json") != 0)
			continue;
		names = xreallocarray(names, count + 1, sizeof(*names));
		names[count++] = xstrndup(de->d_name, nl - 5);
	}
	closedir(d);
	if (count > 1)
		qsort(names, count, sizeof(*names), name_cmp);
	*out = names;
	*n = count;
	return 0;
}
