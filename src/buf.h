/*
 * A growable byte buffer with a hard maximum size (curl's dynbuf idea).
 * The contents are always NUL-terminated. When an append would pass the
 * maximum, the buffer is freed and the call fails with CGW_E_LIMIT, so
 * callers only propagate the error. buf_free() wipes the memory, because
 * rendered configurations hold pre-shared keys.
 */
#ifndef CGW_BUF_H
#define CGW_BUF_H

#include <stdarg.h>
#include <stddef.h>

#include "compat.h"

struct cgw_err;

#define BUF_MAX_DEFAULT	(16u * 1024 * 1024)

struct buf {
	char	*data;
	size_t	 len;
	size_t	 cap;
	size_t	 max;
};

void	 buf_init(struct buf *, size_t max);
void	 buf_free(struct buf *);
void	 buf_reset(struct buf *);
int	 buf_add(struct buf *, const void *, size_t, struct cgw_err *);
int	 buf_adds(struct buf *, const char *, struct cgw_err *);
int	 buf_addc(struct buf *, char, struct cgw_err *);
int	 buf_printf(struct buf *, struct cgw_err *, const char *, ...)
	    printflike(3, 4);
/* Hand the contents over to the caller (free with free()); resets. */
char	*buf_release(struct buf *);

#endif
