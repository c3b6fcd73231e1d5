/*
 * Allocation wrappers: out of memory prints a message and exits.
 */
#include "config.h"

#include <errno.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "xmalloc.h"

static cgw_dead void	oom(size_t);

static void
oom(size_t size)
{
	fprintf(stderr, "cgwgen: out of memory allocating %zu bytes\n", size);
	exit(1);
}

void *
xmalloc(size_t size)
{
	void	*p;

	if (size == 0)
		size = 1;
	if ((p = malloc(size)) == NULL)
		oom(size);
	return p;
}

void *
xcalloc(size_t n, size_t size)
{
	void	*p;

	if (n == 0 || size == 0) {
		n = 1;
		size = 1;
	}
	if ((p = calloc(n, size)) == NULL)
		oom(n * size);
	return p;
}

void *
xreallocarray(void *old, size_t n, size_t size)
{
	void	*p;

	if (n == 0 || size == 0) {
		n = 1;
		size = 1;
	}
	if (SIZE_MAX / n < size)
		oom(SIZE_MAX);
	if ((p = realloc(old, n * size)) == NULL)
		oom(n * size);
	return p;
}

char *
xstrdup(const char *s)
{
	return xstrndup(s, strlen(s));
}

char *
xstrndup(const char *s, size_t len)
{
	char	*p;

	p = xmalloc(len + 1);
	memcpy(p, s, len);
	p[len] = '\0';
	return p;
}

int
xasprintf(char **ret, const char *fmt, ...)
{
	va_list	 ap;
	int	 n;

	va_start(ap, fmt);
	n = vasprintf(ret, fmt, ap);
	va_end(ap);
	if (n == -1)
		oom(strlen(fmt));
	return n;
}

void
freezero_str(char *s)
{
	if (s == NULL)
		return;
	explicit_bzero(s, strlen(s));
	free(s);
}
