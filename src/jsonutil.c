/*
 * Lenient-but-checked field access on cJSON trees.
 */
#include "config.h"

#include <malloc.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <cjson/cJSON.h>

#include "err.h"
#include "jsonutil.h"
#include "util.h"

static void	json_free_wiped(void *);

static void
json_free_wiped(void *p)
{
	if (p != NULL)
		explicit_bzero(p, malloc_usable_size(p));
	free(p);
}

void
json_init(void)
{
	cJSON_Hooks	hooks = { malloc, json_free_wiped };

	cJSON_InitHooks(&hooks);
}

const struct cJSON *
json_get(const struct cJSON *obj, const char *key)
{
	if (obj == NULL || !cJSON_IsObject(obj))
		return NULL;
	return cJSON_GetObjectItemCaseSensitive(obj, key);
}

const char *
json_kind(const struct cJSON *v)
{
	if (v == NULL)
		return "nothing";
	if (cJSON_IsString(v))
		return "a string";
	if (cJSON_IsNumber(v))
		return "a number";
	if (cJSON_IsBool(v))
		return "a boolean";
	if (cJSON_IsNull(v))
		return "null";
	if (cJSON_IsArray(v))
		return "an array";
	if (cJSON_IsObject(v))
		return "an object";
	return "an unknown value";
}

int
json_string(const struct cJSON *obj, const char *path, const char *key,
    const char **out, struct cgw_err *err)
{
	const cJSON	*v = json_get(obj, key);

	if (v == NULL || cJSON_IsNull(v))
		return 1;
	if (!cJSON_IsString(v) || v->valuestring == NULL)
		return err_set(err, CGW_E_INPUT, "%s%s%s: expected a string, "
		    "found %s", path, *path == '\0' ? "" : ".", key,
		    json_kind(v));
	if (*v->valuestring == '\0')
		return 1;
	*out = v->valuestring;
	return 0;
}

int
json_uint(const struct cJSON *obj, const char *path, const char *key,
    uint64_t min, uint64_t max, uint64_t *out, struct cgw_err *err)
{
	const cJSON	*v = json_get(obj, key);
	const char	*dot = *path == '\0' ? "" : ".";
	double		 d;

	if (v == NULL || cJSON_IsNull(v))
		return 1;
	if (cJSON_IsString(v) && v->valuestring != NULL) {
		if (*v->valuestring == '\0')
			return 1;
		if (parse_u64(v->valuestring, min, max, out) == 0)
			return 0;
		return err_set(err, CGW_E_INPUT, "%s%s%s: \"%s\" is not a "
		    "whole number in %llu-%llu", path, dot, key,
		    v->valuestring, (unsigned long long)min,
		    (unsigned long long)max);
	}
	if (cJSON_IsNumber(v)) {
		d = v->valuedouble;
		if (d >= (double)min && d <= (double)max && floor(d) == d) {
			*out = (uint64_t)d;
			return 0;
		}
		return err_set(err, CGW_E_INPUT, "%s%s%s: %g is not a whole "
		    "number in %llu-%llu", path, dot, key, d,
		    (unsigned long long)min, (unsigned long long)max);
	}
	return err_set(err, CGW_E_INPUT, "%s%s%s: expected a number, found "
	    "%s", path, dot, key, json_kind(v));
}

int
json_bool(const struct cJSON *obj, const char *path, const char *key,
    int *out, struct cgw_err *err)
{
	const cJSON	*v = json_get(obj, key);
	const char	*dot = *path == '\0' ? "" : ".";

	if (v == NULL || cJSON_IsNull(v))
		return 1;
	if (cJSON_IsBool(v)) {
		*out = cJSON_IsTrue(v);
		return 0;
	}
	if (cJSON_IsNumber(v) && (v->valuedouble == 0 ||
	    v->valuedouble == 1)) {
		*out = v->valuedouble == 1;
		return 0;
	}
	if (cJSON_IsString(v) && v->valuestring != NULL) {
		if (*v->valuestring == '\0')
			return 1;
		if (strcasecmp(v->valuestring, "true") == 0 ||
		    strcmp(v->valuestring, "1") == 0) {
			*out = 1;
			return 0;
		}
		if (strcasecmp(v->valuestring, "false") == 0 ||
		    strcmp(v->valuestring, "0") == 0) {
			*out = 0;
			return 0;
		}
	}
	return err_set(err, CGW_E_INPUT, "%s%s%s: expected true or false, "
	    "found %s", path, dot, key, json_kind(v));
}

int
json_object(const struct cJSON *obj, const char *path, const char *key,
    const struct cJSON **out, struct cgw_err *err)
{
	/* An empty XML element: as the JSON form's {}. */
	static const cJSON	 empty = { .type = cJSON_Object };
	const cJSON		*v = json_get(obj, key);

	if (v == NULL || cJSON_IsNull(v))
		return 1;
	if (cJSON_IsString(v) && v->valuestring != NULL &&
	    *v->valuestring == '\0') {
		*out = &empty;
		return 0;
	}
	if (!cJSON_IsObject(v))
		return err_set(err, CGW_E_INPUT, "%s%s%s: expected an object, "
		    "found %s", path, *path == '\0' ? "" : ".", key,
		    json_kind(v));
	*out = v;
	return 0;
}

int
json_array(const struct cJSON *obj, const char *path, const char *key,
    const struct cJSON **out, struct cgw_err *err)
{
	const cJSON	*v = json_get(obj, key);

	if (v == NULL || cJSON_IsNull(v))
		return 1;
	if (!cJSON_IsArray(v))
		return err_set(err, CGW_E_INPUT, "%s%s%s: expected an array, "
		    "found %s", path, *path == '\0' ? "" : ".", key,
		    json_kind(v));
	*out = v;
	return 0;
}

int
json_check_keys(const struct cJSON *obj, const char *path,
    const char *const *allowed, const char *see, struct cgw_err *err)
{
	const cJSON	*item;
	size_t		 i;
	int		 found;

	cJSON_ArrayForEach(item, obj) {
		found = 0;
		for (i = 0; allowed[i] != NULL; i++)
			if (item->string != NULL &&
			    strcmp(item->string, allowed[i]) == 0)
				found = 1;
		if (!found)
			return err_set(err, CGW_E_INPUT, "%s: unknown key \"%s\" "
			    "(see %s)", path,
			    item->string == NULL ? "" : item->string, see);
	}
	return 0;
}
