/*
 * Sets of ids (gateways to look up, each once) and the addresses found
 * for them, shared by the clouds' live readers.
 */
#ifndef CGW_IDSET_H
#define CGW_IDSET_H

#include <stddef.h>

struct addr_entry;

struct idset {
	char	**v;
	size_t	  n;
};

void	idset_add(struct idset *, const char *);
/* Sort and drop duplicates: n log n for a thousand connections. */
void	idset_unique(struct idset *);
void	idset_free(struct idset *);

/* Append (id, addr) to the n entries at *a. */
void	addr_entries_add(struct addr_entry **, size_t *, const char *,
	    const char *);
/* Sorted by id, for source_addr()'s binary search. */
void	addr_entries_sort(struct addr_entry *, size_t);
void	addr_entries_free(struct addr_entry *, size_t);

#endif
