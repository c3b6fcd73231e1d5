/*
 * Reading fields out of cJSON trees the way cloud APIs send them: numbers
 * that arrive as strings, booleans as "true"/"false" or 0/1, empty
 * strings that mean "not set". Each getter returns 0 when the field holds
 * a value, 1 when it is absent, null or an empty string, and -1 with err
 * set (naming path and key) when it holds something of the wrong kind.
 * Where an object is expected, an empty string (an empty XML element)
 * reads as an empty object.
 */
#ifndef CGW_JSONUTIL_H
#define CGW_JSONUTIL_H

#include <stdint.h>

struct cJSON;
struct cgw_err;

/*
 * Make cJSON wipe the memory it frees: a parsed response holds the
 * pre-shared keys. Call once, before any parsing.
 */
void	json_init(void);

const struct cJSON	*json_get(const struct cJSON *, const char *);
int	json_string(const struct cJSON *, const char *, const char *,
	    const char **, struct cgw_err *);
int	json_uint(const struct cJSON *, const char *, const char *, uint64_t,
	    uint64_t, uint64_t *, struct cgw_err *);
int	json_bool(const struct cJSON *, const char *, const char *, int *,
	    struct cgw_err *);
int	json_object(const struct cJSON *, const char *, const char *,
	    const struct cJSON **, struct cgw_err *);
int	json_array(const struct cJSON *, const char *, const char *,
	    const struct cJSON **, struct cgw_err *);
/*
 * Every key of obj must be in the NULL-terminated list allowed; else -1
 * with "PATH: unknown key "x" (see SEE)" in err.
 */
int	json_check_keys(const struct cJSON *, const char *,
	    const char *const *, const char *, struct cgw_err *);
/* The type of a JSON value in words, for messages. */
const char	*json_kind(const struct cJSON *);

#endif
