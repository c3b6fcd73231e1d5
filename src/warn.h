/*
 * Warnings collected on the way (weak algorithms, defaults applied, a
 * partial page of results). Modules add to the list; only main prints
 * it. Each check runs once per connection, so messages do not repeat.
 */
#ifndef CGW_WARN_H
#define CGW_WARN_H

#include <stddef.h>

#include "compat.h"

struct warnings {
	char	**msgs;
	size_t	  n;
};

void	warn_add(struct warnings *, const char *, ...) printflike(2, 3);
void	warn_free(struct warnings *);

#endif
