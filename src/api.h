/*
 * What the clouds' API clients share: advice tables for error codes,
 * which actions only read, and the retry loop (the policy of http.h:
 * HTTP_TRIES tries, http_backoff between them; a try that may have
 * reached the server is repeated only for an action that reads).
 */
#ifndef CGW_API_H
#define CGW_API_H

#include <stddef.h>

#include "http.h"

struct cgw_err;

/* Advice by a prefix of the action (NULL: any) and of the error code. */
struct api_advice {
	const char	*action;
	const char	*code;
	const char	*advice;
};

/* The first matching entry's advice, or NULL. */
const char	*api_advice(const struct api_advice *, size_t, const char *,
		    const char *);
/* Describe* and Download*: a repeated try changes nothing. */
int		 api_readonly(const char *);

/*
 * Call try(arg, &again, err) until it succeeds or the policy stops; on
 * failure the error says that a write may have been carried out, or how
 * many tries were made.
 */
int		 api_retry(const char *action,
		    int (*)(void *, enum http_retry *, struct cgw_err *),
		    void *, struct cgw_err *);

#endif
