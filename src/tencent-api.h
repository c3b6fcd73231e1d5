/*
 * Tencent Cloud API 3.0 calls (VPC, version 2017-03-12): a signed POST of
 * a JSON body per action, with retries: up to 5 tries, bounded
 * exponential backoff with jitter, each try signed afresh.
 * RequestLimitExceeded* and failures to connect are retried for every
 * action; InternalError, HTTP 5xx, timeouts and cut connections only for
 * the actions that read (Describe*, Download*), since a Reset or a Create
 * may have been carried out (the error then says so). An error answer
 * becomes "tencent: ACTION: CODE: MESSAGE (request ID)" with advice where
 * it helps (the clock, the key, the region).
 */
#ifndef CGW_TENCENT_API_H
#define CGW_TENCENT_API_H

#include <stddef.h>

struct cJSON;
struct cgw_err;
struct creds;
struct tc_client;

#define TC_DEFAULT_HOST	"vpc.tencentcloudapi.com"
#define TC_VERSION	"2017-03-12"
#define TC_SERVICE	"vpc"		/* the credential scope's service */

struct tc_client_opts {
	const char		*endpoint;	/* NULL: TC_DEFAULT_HOST */
	const struct creds	*creds;		/* borrowed, must outlive */
	const char		*region;	/* NULL: none sent */
	long			 timeout_ms;	/* 0: the HTTP default */
	const char		*ca_file;	/* NULL: the system's CAs */
};

struct tc_client	*tc_client_new(const struct tc_client_opts *,
			    struct cgw_err *);
void			 tc_client_free(struct tc_client *);

/*
 * Call action with params (a JSON object, may be NULL for {}). On success
 * *root is the whole parsed answer (free with cJSON_Delete) and *resp its
 * "Response" object, borrowed from it.
 */
int	tc_call(struct tc_client *, const char *action,
	    const struct cJSON *params, struct cJSON **root,
	    const struct cJSON **resp, struct cgw_err *);

/* Requests sent so far, retries included (for -v and the benchmark). */
size_t	tc_requests(const struct tc_client *);

#endif
