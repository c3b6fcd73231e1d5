/*
 * HTTP over libcurl: the only module that includes curl. HTTPS with the
 * peer's certificate and name verified; plain http only to a loopback
 * address (the tests' mock servers). No redirects are followed; the
 * response body is bounded; connect and total timeouts; proxies from the
 * usual environment variables (libcurl reads them); a User-Agent naming
 * cgwgen. It knows nothing of signing or of clouds.
 */
#ifndef CGW_HTTP_H
#define CGW_HTTP_H

#include <stddef.h>

#include "buf.h"

struct cgw_err;
struct http;

#define HTTP_RESPONSE_MAX	(32u * 1024 * 1024)

struct http_opts {
	long		 connect_timeout_ms; /* 0: 10 s */
	long		 timeout_ms;	/* 0: 60 s */
	const char	*ca_file;	/* PEM CAs; NULL: the system's */
};

struct http_header {
	const char	*name;
	const char	*value;
};

/* An endpoint taken apart: what to connect to and what to sign. */
struct http_url {
	char	*url;		/* "https://vpc.tencentcloudapi.com/" */
	char	*authority;	/* "vpc.tencentcloudapi.com" or "127.0.0.1:8080" */
	char	*host;		/* without the port */
	int	 plain;		/* http:// (loopback only) */
};

struct http_resp {
	long		status;
	struct buf	body;
};

/*
 * Parse an endpoint given as "host", "https://host[:port][/]" or
 * "http://loopback[:port][/]". Returns -1 with err set (usage) for
 * anything else: plain http to a non-loopback address, a path, a query.
 */
int		 http_url_parse(const char *, struct http_url *,
		    struct cgw_err *);
void		 http_url_free(struct http_url *);

/* Once per process, before and after any request. */
int		 http_global_init(void);
void		 http_global_cleanup(void);

struct http	*http_new(const struct http_opts *, struct cgw_err *);
void		 http_free(struct http *);
/* Whether a failed request is worth another try, and whether it may
 * have reached the server. */
enum http_retry {
	HTTP_RETRY_NO,		/* a bad certificate, a response too large */
	HTTP_RETRY_UNSENT,	/* no connection: the server never saw it */
	HTTP_RETRY_MAYBE	/* a timeout, a cut connection, HTTP 5xx */
};

/*
 * POST body to url (with "?query" when query is not NULL; messages and
 * traces never show the query) with the headers given (Host among them, so that what
 * was signed is what is sent). On success resp->body holds the response
 * and resp->status its status (any status: API errors have bodies).
 * Network, TLS and size failures return -1 with err set; then
 * http_retryable() says whether another try could succeed.
 */
int		 http_post(struct http *, const struct http_url *,
		    const char *, const struct http_header *, size_t, const char *, size_t,
		    struct http_resp *, struct cgw_err *);
/* The last failure of http_post, or its status >= 500: worth a retry? */
enum http_retry	 http_retryable(const struct http *);
void		 http_resp_free(struct http_resp *);

/*
 * The clouds' retry policy: HTTP_TRIES tries at most; before try n + 1,
 * http_backoff(n) sleeps 200 ms doubled each retry up to 5 s, with equal
 * jitter (half of it random), so that clients throttled together spread.
 */
#define HTTP_TRIES	5
void		 http_backoff(int);

#endif
