/*
 * Errors returned by every module below main. A module never prints and
 * never exits: it fills a caller-provided struct cgw_err and returns -1
 * (or NULL). The first error set wins; later calls do not overwrite it,
 * so the innermost, most precise message reaches the user.
 *
 * Message style: lower case, no trailing period, context outermost first,
 * joined by ": " (for example "input.json: VpnConnectionSet[0]: ...").
 */
#ifndef CGW_ERR_H
#define CGW_ERR_H

#include <stddef.h>

#include "compat.h"

enum cgw_errcode {
	CGW_E_NONE = 0,
	CGW_E_USAGE,		/* bad command line: exit status 2 */
	CGW_E_SYS,		/* system call failed */
	CGW_E_INPUT,		/* malformed or incomplete input */
	CGW_E_TEMPLATE,		/* template or vendor data file problem */
	CGW_E_UNSUPPORTED,	/* the target cannot do what the cloud asks */
	CGW_E_LIMIT		/* a size limit was reached */
};

#define CGW_ERR_MSGLEN	1024

struct cgw_err {
	enum cgw_errcode	code;
	char			msg[CGW_ERR_MSGLEN];
};

/* Set the error unless one is already set. Always returns -1. */
int	err_set(struct cgw_err *, enum cgw_errcode, const char *, ...)
	    printflike(3, 4);
/* Like err_set with CGW_E_SYS, appending ": " and strerror(errno). */
int	err_sys(struct cgw_err *, const char *, ...) printflike(2, 3);
/* Put "context: " in front of an error already set. */
void	err_prefix(struct cgw_err *, const char *, ...) printflike(2, 3);
/* Append "; " and a note to an error already set. */
void	err_suffix(struct cgw_err *, const char *, ...) printflike(2, 3);
void	err_clear(struct cgw_err *);
int	err_isset(const struct cgw_err *);

#endif
