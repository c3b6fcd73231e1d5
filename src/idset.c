/*
 * Sets of ids and the gateway addresses found for them.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "idset.h"
#include "source.h"
#include "xmalloc.h"

static int	str_cmp(const void *, const void *);
static int	entry_cmp(const void *, const void *);

void
idset_add(struct idset *s, const char *id)
{
	s->v = xreallocarray(s->v, s->n + 1, sizeof(*s->v));
	s->v[s->n++] = xstrdup(id);
}

static int
str_cmp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

void
idset_unique(struct idset *s)
{
	size_t	i, k = 0;

	if (s->n == 0)
		return;
	qsort(s->v, s->n, sizeof(*s->v), str_cmp);
	for (i = 0; i < s->n; i++) {
		if (k > 0 && strcmp(s->v[k - 1], s->v[i]) == 0)
			free(s->v[i]);
		else
			s->v[k++] = s->v[i];
	}
	s->n = k;
}

void
idset_free(struct idset *s)
{
	size_t	i;

	for (i = 0; i < s->n; i++)
		free(s->v[i]);
	free(s->v);
	s->v = NULL;
	s->n = 0;
}

void
addr_entries_add(struct addr_entry **a, size_t *n, const char *id,
    const char *addr)
{
	*a = xreallocarray(*a, *n + 1, sizeof(**a));
	(*a)[*n].id = xstrdup(id);
	(*a)[*n].addr = xstrdup(addr);
	(*n)++;
}

static int
entry_cmp(const void *a, const void *b)
{
	return strcmp(((const struct addr_entry *)a)->id,
	    ((const struct addr_entry *)b)->id);
}

void
addr_entries_sort(struct addr_entry *a, size_t n)
{
	if (n > 0)
		qsort(a, n, sizeof(*a), entry_cmp);
}

void
addr_entries_free(struct addr_entry *a, size_t n)
{
	size_t	i;

	for (i = 0; i < n; i++) {
		free(a[i].id);
		free(a[i].addr);
	}
	free(a);
}
