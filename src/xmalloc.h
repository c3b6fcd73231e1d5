/*
 * Allocation wrappers. Running out of memory is fatal: these functions
 * print a message and exit(1), so callers never check for NULL.
 */
#ifndef CGW_XMALLOC_H
#define CGW_XMALLOC_H

#include <stddef.h>

#include "compat.h"

void	*xmalloc(size_t);
void	*xcalloc(size_t, size_t);
void	*xreallocarray(void *, size_t, size_t);
char	*xstrdup(const char *);
char	*xstrndup(const char *, size_t);
int	 xasprintf(char **, const char *, ...) printflike(2, 3);
/* Free a string that held a secret, wiping it first. NULL is allowed. */
void	 freezero_str(char *);

#endif
