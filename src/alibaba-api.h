/*
 * Alibaba Cloud VPC API calls (RPC style, version 2016-04-28): a POST to
 * "/" with every parameter in the query string and an empty body, signed
 * with the RPC signature (HMAC-SHA1, the default) or V3
 * (ACS3-HMAC-SHA256), answered in JSON or XML. Each try is signed afresh
 * (a new nonce and timestamp). Throttling*, ServiceUnavailable,
 * InternalError, HTTP 5xx and network failures are retried, up to 5 tries
 * with bounded exponential backoff and jitter, for the actions that read
 * (every action cgwgen calls reads). An error answer becomes
 * "alibaba: ACTION: CODE: MESSAGE (request ID)" with advice where it
 * helps (the clock, the key, the region).
 */
#ifndef CGW_ALIBABA_API_H
#define CGW_ALIBABA_API_H

#include <stddef.h>

struct acs_param;
struct cJSON;
struct cgw_err;
struct creds;
struct al_client;

#define AL_VERSION	"2016-04-28"

enum al_signature {
	AL_SIG_RPC,		/* SignatureVersion=1.0, HMAC-SHA1 */
	AL_SIG_V3		/* ACS3-HMAC-SHA256 */
};

enum al_format {
	AL_FMT_JSON,
	AL_FMT_XML
};

struct al_client_opts {
	const char		*endpoint;	/* NULL: from the region */
	const struct creds	*creds;		/* borrowed, must outlive */
	const char		*region;	/* RegionId, required */
	long			 timeout_ms;	/* 0: the HTTP default */
	const char		*ca_file;	/* NULL: the system's CAs */
	enum al_signature	 signature;
	enum al_format		 format;
};

struct al_client	*al_client_new(const struct al_client_opts *,
			    struct cgw_err *);
void			 al_client_free(struct al_client *);

/* The region's endpoint: vpc.aliyuncs.com or vpc.REGION.aliyuncs.com. */
void	al_default_host(const char *region, char *, size_t);

/*
 * Call action with n parameters (RegionId is added). On success *out is
 * the answer, parsed (XML turned into the same JSON shape: the root
 * element's content): free with cJSON_Delete.
 */
int	al_call(struct al_client *, const char *action,
	    const struct acs_param *, size_t, struct cJSON **out,
	    struct cgw_err *);

/* The error code of the last failed call ("" if none), for callers that
 * explain some codes better (a connection that does not exist). */
const char	*al_last_code(const struct al_client *);

/* Requests sent so far, retries included. */
size_t	al_requests(const struct al_client *);

#endif
