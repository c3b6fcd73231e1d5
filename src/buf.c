/*
 * Bounded growable buffer.
 */
#include "config.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "err.h"
#include "xmalloc.h"

static int	buf_grow(struct buf *, size_t, struct cgw_err *);

void
buf_init(struct buf *b, size_t max)
{
	b->data = NULL;
	b->len = 0;
	b->cap = 0;
	b->max = max == 0 ? BUF_MAX_DEFAULT : max;
}

void
buf_free(struct buf *b)
{
	if (b->data != NULL) {
		explicit_bzero(b->data, b->cap);
		free(b->data);
	}
	b->data = NULL;
	b->len = 0;
	b->cap = 0;
}

void
buf_reset(struct buf *b)
{
	if (b->data != NULL) {
		explicit_bzero(b->data, b->len);
		b->data[0] = '\0';
	}
	b->len = 0;
}

static int
buf_grow(struct buf *b, size_t more, struct cgw_err *err)
{
	size_t	 need, cap;
	char	*p;

	if (more > b->max || b->len > b->max - more) {
		buf_free(b);
		return err_set(err, CGW_E_LIMIT,
		    "output larger than the limit of %zu bytes", b->max);
	}
	need = b->len + more + 1;
	if (need <= b->cap)
		return 0;
	cap = b->cap == 0 ? 256 : b->cap;
	while (cap < need)
		cap *= 2;
	/* Never realloc: the old block may hold secrets, wipe it. */
	p = xmalloc(cap);
	if (b->data != NULL) {
		memcpy(p, b->data, b->len + 1);
		explicit_bzero(b->data, b->cap);
		free(b->data);
	}
	b->data = p;
	b->cap = cap;
	return 0;
}

int
buf_add(struct buf *b, const void *p, size_t len, struct cgw_err *err)
{
	if (buf_grow(b, len, err) == -1)
		return -1;
	if (len > 0)
		memcpy(b->data + b->len, p, len);
	b->len += len;
	b->data[b->len] = '\0';
	return 0;
}

int
buf_adds(struct buf *b, const char *s, struct cgw_err *err)
{
	return buf_add(b, s, strlen(s), err);
}

int
buf_addc(struct buf *b, char c, struct cgw_err *err)
{
	return buf_add(b, &c, 1, err);
}

int
buf_printf(struct buf *b, struct cgw_err *err, const char *fmt, ...)
{
	va_list	 ap;
	char	*s;
	int	 n, ret;

	va_start(ap, fmt);
	n = vasprintf(&s, fmt, ap);
	va_end(ap);
	if (n == -1)
		return err_set(err, CGW_E_SYS, "out of memory");
	ret = buf_add(b, s, (size_t)n, err);
	explicit_bzero(s, (size_t)n);
	free(s);
	return ret;
}

char *
buf_release(struct buf *b)
{
	char	*p;

	if (b->data == NULL)
		return xstrdup("");
	p = b->data;
	b->data = NULL;
	b->len = 0;
	b->cap = 0;
	return p;
}
