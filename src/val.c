/*
 * The template data tree.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "val.h"
#include "xmalloc.h"

static struct val	*val_new(enum val_type);
static void		 val_grow(struct val *);

static struct val *
val_new(enum val_type type)
{
	struct val	*v;

	v = xcalloc(1, sizeof(*v));
	v->type = type;
	return v;
}

struct val *
val_null(void)
{
	return val_new(VAL_NULL);
}

struct val *
val_bool(int b)
{
	struct val	*v;

	v = val_new(VAL_BOOL);
	v->b = b != 0;
	return v;
}

struct val *
val_str(const char *s)
{
	return val_strn(s, strlen(s));
}

struct val *
val_strn(const char *s, size_t len)
{
	struct val	*v;

	v = val_new(VAL_STR);
	v->s = xstrndup(s, len);
	return v;
}

struct val *
val_secret(const char *s)
{
	struct val	*v;

	v = val_str(s);
	v->flags |= VAL_SECRET;
	return v;
}

struct val *
val_trusted(const char *s)
{
	struct val	*v;

	v = val_str(s);
	v->flags |= VAL_TRUSTED;
	return v;
}

struct val *
val_lossy(const char *s)
{
	struct val	*v;

	v = val_str(s);
	v->flags |= VAL_LOSSY;
	return v;
}

struct val *
val_int(long long n)
{
	struct val	*v;

	v = val_new(VAL_NUM);
	xasprintf(&v->s, "%lld", n);
	return v;
}

struct val *
val_num_text(const char *s)
{
	struct val	*v;

	v = val_new(VAL_NUM);
	v->s = xstrdup(s);
	return v;
}

struct val *
val_str_or_null(const char *s)
{
	return s == NULL ? val_null() : val_str(s);
}

struct val *
val_list(void)
{
	return val_new(VAL_LIST);
}

struct val *
val_map(void)
{
	return val_new(VAL_MAP);
}

static void
val_grow(struct val *v)
{
	if (v->n < v->cap)
		return;
	v->cap = v->cap == 0 ? 8 : v->cap * 2;
	v->items = xreallocarray(v->items, v->cap, sizeof(*v->items));
	if (v->type == VAL_MAP)
		v->keys = xreallocarray(v->keys, v->cap, sizeof(*v->keys));
}

void
val_push(struct val *list, struct val *item)
{
	val_grow(list);
	list->items[list->n++] = item;
}

void
val_set(struct val *map, const char *key, struct val *v)
{
	size_t	i;

	for (i = 0; i < map->n; i++) {
		if (map->keys[i][0] == key[0] &&
		    strcmp(map->keys[i], key) == 0) {
			val_free(map->items[i]);
			map->items[i] = v;
			return;
		}
	}
	val_grow(map);
	map->keys[map->n] = xstrdup(key);
	map->items[map->n++] = v;
}

const struct val *
val_get(const struct val *map, const char *key)
{
	size_t	i;

	if (map == NULL || map->type != VAL_MAP)
		return NULL;
	/* Comparing first bytes first skips most strcmp calls. */
	for (i = 0; i < map->n; i++)
		if (map->keys[i][0] == key[0] &&
		    strcmp(map->keys[i], key) == 0)
			return map->items[i];
	return NULL;
}

void
val_free(struct val *v)
{
	size_t	i;

	if (v == NULL)
		return;
	for (i = 0; i < v->n; i++) {
		val_free(v->items[i]);
		if (v->keys != NULL)
			free(v->keys[i]);
	}
	free(v->items);
	free(v->keys);
	if (v->flags & VAL_SECRET)
		freezero_str(v->s);
	else
		free(v->s);
	free(v);
}

int
val_truthy(const struct val *v)
{
	if (v == NULL)
		return 0;
	switch (v->type) {
	case VAL_NULL:
		return 0;
	case VAL_BOOL:
		return v->b;
	case VAL_LIST:
		return v->n > 0;
	default:
		return 1;
	}
}
