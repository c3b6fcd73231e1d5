/*
 * TAP output for the unit tests.
 */
#include "config.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tap.h"

static int	tap_n;
static int	tap_failed;

static void	tap_line(int, const char *, va_list);
static void	tap_show(const char *, const char *);

static void
tap_line(int pass, const char *fmt, va_list ap)
{
	tap_n++;
	if (!pass)
		tap_failed++;
	printf("%sok %d - ", pass ? "" : "not ", tap_n);
	vprintf(fmt, ap);
	printf("\n");
	fflush(stdout);
}

int
ok(int pass, const char *fmt, ...)
{
	va_list	ap;

	va_start(ap, fmt);
	tap_line(pass, fmt, ap);
	va_end(ap);
	return pass;
}

static void
tap_show(const char *label, const char *s)
{
	const char	*p;

	printf("#   %s: ", label);
	if (s == NULL) {
		printf("(null)\n");
		return;
	}
	putchar('"');
	for (p = s; *p != '\0'; p++) {
		if (*p == '\n')
			printf("\\n\n#          ");
		else
			putchar(*p);
	}
	printf("\"\n");
}

int
is_str(const char *got, const char *want, const char *fmt, ...)
{
	va_list	ap;
	int	pass;

	pass = got != NULL && want != NULL ? strcmp(got, want) == 0 :
	    got == want;
	va_start(ap, fmt);
	tap_line(pass, fmt, ap);
	va_end(ap);
	if (!pass) {
		tap_show("got", got);
		tap_show("want", want);
	}
	return pass;
}

int
is_int(long long got, long long want, const char *fmt, ...)
{
	va_list	ap;
	int	pass = got == want;

	va_start(ap, fmt);
	tap_line(pass, fmt, ap);
	va_end(ap);
	if (!pass)
		printf("#   got %lld, want %lld\n", got, want);
	return pass;
}

void
diag(const char *fmt, ...)
{
	va_list	ap;

	printf("# ");
	va_start(ap, fmt);
	vprintf(fmt, ap);
	va_end(ap);
	printf("\n");
}

void
skip(const char *fmt, ...)
{
	va_list	ap;

	tap_n++;
	printf("ok %d # SKIP ", tap_n);
	va_start(ap, fmt);
	vprintf(fmt, ap);
	va_end(ap);
	printf("\n");
}

void
skip_all(const char *fmt, ...)
{
	va_list	ap;

	printf("1..0 # SKIP ");
	va_start(ap, fmt);
	vprintf(fmt, ap);
	va_end(ap);
	printf("\n");
	exit(0);
}

int
done_testing(void)
{
	printf("1..%d\n", tap_n);
	if (tap_failed > 0)
		printf("# %d of %d failed\n", tap_failed, tap_n);
	return tap_failed > 0 ? 1 : 0;
}
