/*
 * -v tracing on standard error.
 */
#include "config.h"

#include <stdarg.h>
#include <stdio.h>

#include "log.h"

static int	verbose;

void
log_set_verbose(int v)
{
	verbose = v;
}

int
log_verbose(void)
{
	return verbose;
}

void
log_debug(const char *fmt, ...)
{
	va_list	ap;

	if (!verbose)
		return;
	fputs("cgwgen: trace: ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
}
