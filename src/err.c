/*
 * struct cgw_err: a fixed-size error message, first error wins.
 */
#include "config.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "err.h"

int
err_set(struct cgw_err *err, enum cgw_errcode code, const char *fmt, ...)
{
	va_list	ap;

	if (err == NULL || err->code != CGW_E_NONE)
		return -1;
	err->code = code;
	va_start(ap, fmt);
	vsnprintf(err->msg, sizeof(err->msg), fmt, ap);
	va_end(ap);
	return -1;
}

int
err_sys(struct cgw_err *err, const char *fmt, ...)
{
	va_list	ap;
	size_t	len;
	int	saved = errno;

	if (err == NULL || err->code != CGW_E_NONE)
		return -1;
	err->code = CGW_E_SYS;
	va_start(ap, fmt);
	vsnprintf(err->msg, sizeof(err->msg), fmt, ap);
	va_end(ap);
	len = strlen(err->msg);
	snprintf(err->msg + len, sizeof(err->msg) - len, ": %s",
	    strerror(saved));
	errno = saved;
	return -1;
}

void
err_prefix(struct cgw_err *err, const char *fmt, ...)
{
	char	prefix[CGW_ERR_MSGLEN];
	size_t	plen, olen, room;
	va_list	ap;

	if (err == NULL || err->code == CGW_E_NONE)
		return;
	va_start(ap, fmt);
	vsnprintf(prefix, sizeof(prefix), fmt, ap);
	va_end(ap);
	plen = strlen(prefix);
	if (plen > sizeof(err->msg) - 3)
		plen = sizeof(err->msg) - 3;
	/* Shift the message right, keeping as much of it as fits. */
	room = sizeof(err->msg) - plen - 3;
	olen = strlen(err->msg);
	if (olen > room)
		olen = room;
	memmove(err->msg + plen + 2, err->msg, olen);
	err->msg[plen + 2 + olen] = '\0';
	memcpy(err->msg, prefix, plen);
	err->msg[plen] = ':';
	err->msg[plen + 1] = ' ';
}

void
err_suffix(struct cgw_err *err, const char *fmt, ...)
{
	size_t	olen;
	va_list	ap;

	if (err == NULL || err->code == CGW_E_NONE)
		return;
	olen = strlen(err->msg);
	if (olen + 3 >= sizeof(err->msg))
		return;
	memcpy(err->msg + olen, "; ", 3);
	olen += 2;
	va_start(ap, fmt);
	vsnprintf(err->msg + olen, sizeof(err->msg) - olen, fmt, ap);
	va_end(ap);
}

void
err_clear(struct cgw_err *err)
{
	err->code = CGW_E_NONE;
	err->msg[0] = '\0';
}

int
err_isset(const struct cgw_err *err)
{
	return err->code != CGW_E_NONE;
}
