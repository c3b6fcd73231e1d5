/*
 * Advice, read-only actions and retries, for every cloud's client.
 */
#include "config.h"

#include <string.h>

#include "api.h"
#include "compat.h"
#include "err.h"
#include "http.h"
#include "log.h"
#include "util.h"

static const char *const readonly[] = {
	"Describe",
	"Download",
};

const char *
api_advice(const struct api_advice *t, size_t n, const char *action,
    const char *code)
{
	size_t	i;

	for (i = 0; i < n; i++) {
		if (t[i].action != NULL && strncmp(action, t[i].action,
		    strlen(t[i].action)) != 0)
			continue;
		if (strncmp(code, t[i].code, strlen(t[i].code)) == 0)
			return t[i].advice;
	}
	return NULL;
}

int
api_readonly(const char *action)
{
	size_t	i;

	for (i = 0; i < nitems(readonly); i++)
		if (strncmp(action, readonly[i], strlen(readonly[i])) == 0)
			return 1;
	return 0;
}

int
api_retry(const char *action,
    int (*try)(void *, enum http_retry *, struct cgw_err *), void *arg,
    struct cgw_err *err)
{
	enum http_retry	again = HTTP_RETRY_NO;
	int		n, ret = -1;

	for (n = 1; ; n++) {
		if (try(arg, &again, err) == 0) {
			ret = 0;
			break;
		}
		if (again == HTTP_RETRY_NO || (again == HTTP_RETRY_MAYBE &&
		    !api_readonly(action)) || n >= HTTP_TRIES)
			break;
		log_debug("retrying after: %s", err->msg);
		err_clear(err);
		http_backoff(n);
	}
	if (ret == -1 && again == HTTP_RETRY_MAYBE && !api_readonly(action))
		err_suffix(err, "the request may have been carried out "
		    "even so: look before trying again");
	else if (ret == -1 && again != HTTP_RETRY_NO && n > 1)
		err_suffix(err, "gave up after %d tries", n);
	return ret;
}
