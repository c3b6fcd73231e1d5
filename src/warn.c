/*
 * The warning list.
 */
#include "config.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include "warn.h"
#include "xmalloc.h"

void
warn_add(struct warnings *w, const char *fmt, ...)
{
	va_list	 ap;
	char	*msg;

	if (w == NULL)
		return;
	va_start(ap, fmt);
	if (vasprintf(&msg, fmt, ap) == -1)
		msg = xstrdup(fmt);
	va_end(ap);
	w->msgs = xreallocarray(w->msgs, w->n + 1, sizeof(*w->msgs));
	w->msgs[w->n++] = msg;
}

void
warn_free(struct warnings *w)
{
	size_t	i;

	for (i = 0; i < w->n; i++)
		free(w->msgs[i]);
	free(w->msgs);
	w->msgs = NULL;
	w->n = 0;
}
