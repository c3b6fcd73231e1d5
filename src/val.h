/*
 * The data a template sees: a small tree of null, booleans, numbers,
 * strings, lists and maps (string keys, insertion order kept). The view
 * builder turns the model into this tree; the template engine only reads
 * it. A string may be marked secret: escapers then never quote it in
 * error messages, and val_free() wipes it.
 *
 * Ownership: val_push() and val_set() take ownership of the value they
 * are given. val_get() and the fields are borrowed from the tree.
 * A string marked trusted is cgwgen's own text (a title, a cloud's name),
 * which escapers may write as is.
 */
#ifndef CGW_VAL_H
#define CGW_VAL_H

#include <stddef.h>

enum val_type {
	VAL_NULL,
	VAL_BOOL,
	VAL_NUM,		/* kept as its decimal text in s */
	VAL_STR,
	VAL_LIST,
	VAL_MAP
};

#define VAL_SECRET	0x1
#define VAL_TRUSTED	0x2	/* our own text: written without quoting */
#define VAL_LOSSY	0x4	/* display text: what cannot be written
				   becomes '?' instead of an error */

struct val {
	enum val_type	  type;
	int		  flags;
	int		  b;		/* VAL_BOOL */
	char		 *s;		/* VAL_STR, VAL_NUM */
	struct val	**items;	/* VAL_LIST elements, VAL_MAP values */
	char		**keys;		/* VAL_MAP keys */
	size_t		  n;
	size_t		  cap;
};

struct val	*val_null(void);
struct val	*val_bool(int);
struct val	*val_str(const char *);
struct val	*val_strn(const char *, size_t);
struct val	*val_secret(const char *);
struct val	*val_trusted(const char *);
struct val	*val_lossy(const char *);
struct val	*val_int(long long);
struct val	*val_num_text(const char *);
struct val	*val_list(void);
struct val	*val_map(void);
/* A string, or null when s is NULL. */
struct val	*val_str_or_null(const char *);

void		 val_push(struct val *, struct val *);
void		 val_set(struct val *, const char *, struct val *);
const struct val *val_get(const struct val *, const char *);
void		 val_free(struct val *);

/* Mustache truthiness: null, false and the empty list are false. */
int		 val_truthy(const struct val *);

#endif
