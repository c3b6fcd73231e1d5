/*
 * HTTP requests with libcurl.
 */
#include "config.h"

#include <arpa/inet.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <curl/curl.h>

#include "buf.h"
#include "crypto.h"
#include "err.h"
#include "http.h"
#include "log.h"
#include "util.h"
#include "xmalloc.h"

#define HTTP_BACKOFF_MS		200	/* doubled each retry ... */
#define HTTP_BACKOFF_MAX_MS	5000	/* ... up to this */

struct http {
	CURL	*curl;
	long	 connect_timeout_ms;
	long	 timeout_ms;
	char	*ca_file;
	enum http_retry	 retryable;
	char	 errbuf[CURL_ERROR_SIZE];
};

static size_t	write_body(char *, size_t, size_t, void *);
static int	is_loopback(const char *);

static int
is_loopback(const char *host)
{
	struct in_addr	 a4;
	struct in6_addr	 a6;

	if (strcmp(host, "localhost") == 0)
		return 1;
	if (inet_pton(AF_INET, host, &a4) == 1)
		return (ntohl(a4.s_addr) >> 24) == 127;
	if (inet_pton(AF_INET6, host, &a6) == 1)
		return IN6_IS_ADDR_LOOPBACK(&a6);
	return 0;
}

int
http_url_parse(const char *s, struct http_url *u, struct cgw_err *err)
{
	const char	*auth, *end, *colon, *port;
	char		*portstr;
	uint64_t	 pnum;
	size_t		 len;
	int		 plain = 0;

	memset(u, 0, sizeof(*u));
	if (strncmp(s, "https://", 8) == 0)
		auth = s + 8;
	else if (strncmp(s, "http://", 7) == 0) {
		auth = s + 7;
		plain = 1;
	} else if (strstr(s, "://") != NULL)
		return err_set(err, CGW_E_USAGE, "endpoint %s: only https:// "
		    "is accepted", s);
	else
		auth = s;
	len = strcspn(auth, "/?#");
	end = auth + len;
	if (len == 0 || len > 255)
		return err_set(err, CGW_E_USAGE, "endpoint %s: no host", s);
	if (*end != '\0' && strcmp(end, "/") != 0)
		return err_set(err, CGW_E_USAGE, "endpoint %s: give the host "
		    "only, without a path or a query", s);
	if (strspn(auth, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
	    "0123456789.-:[]") < len)
		return err_set(err, CGW_E_USAGE, "endpoint %s: not a host name",
		    s);
	u->authority = xstrndup(auth, len);
	/* The host without the port, and without brackets for IPv6. */
	port = NULL;
	if (*auth == '[' && (colon = memchr(auth, ']', len)) != NULL) {
		u->host = xstrndup(auth + 1, (size_t)(colon - auth - 1));
		if (colon[1] == ':')
			port = colon + 2;
		else if (colon + 1 != end) {
			err_set(err, CGW_E_USAGE, "endpoint %s: not a host name",
			    s);
			goto fail;
		}
	} else if ((colon = memchr(auth, ':', len)) != NULL) {
		u->host = xstrndup(auth, (size_t)(colon - auth));
		port = colon + 1;
	} else
		u->host = xstrndup(auth, len);
	if (port != NULL) {
		portstr = xstrndup(port, (size_t)(end - port));
		if (parse_u64(portstr, 1, 65535, &pnum) == -1) {
			err_set(err, CGW_E_USAGE, "endpoint %s: \"%s\" is not a "
			    "port number", s, portstr);
			free(portstr);
			goto fail;
		}
		free(portstr);
	}
	if (*u->host == '\0') {
		err_set(err, CGW_E_USAGE, "endpoint %s: no host", s);
		goto fail;
	}
	if (plain && !is_loopback(u->host)) {
		err_set(err, CGW_E_USAGE, "endpoint %s: plain http is accepted "
		    "only to a loopback address (tests); use https://", s);
		goto fail;
	}
	u->plain = plain;
	xasprintf(&u->url, "%s://%s/", plain ? "http" : "https",
	    u->authority);
	return 0;
fail:
	http_url_free(u);
	return -1;
}

void
http_url_free(struct http_url *u)
{
	free(u->url);
	free(u->authority);
	free(u->host);
	memset(u, 0, sizeof(*u));
}

int
http_global_init(void)
{
	return curl_global_init(CURL_GLOBAL_DEFAULT) == 0 ? 0 : -1;
}

void
http_global_cleanup(void)
{
	curl_global_cleanup();
}

struct http *
http_new(const struct http_opts *o, struct cgw_err *err)
{
	struct http	*h;

	h = xcalloc(1, sizeof(*h));
	if ((h->curl = curl_easy_init()) == NULL) {
		free(h);
		err_set(err, CGW_E_SYS, "cannot start libcurl");
		return NULL;
	}
	h->connect_timeout_ms = o->connect_timeout_ms > 0 ?
	    o->connect_timeout_ms : 10000;
	h->timeout_ms = o->timeout_ms > 0 ? o->timeout_ms : 60000;
	h->ca_file = o->ca_file == NULL ? NULL : xstrdup(o->ca_file);
	return h;
}

void
http_free(struct http *h)
{
	if (h == NULL)
		return;
	curl_easy_cleanup(h->curl);
	free(h->ca_file);
	free(h);
}

void
http_resp_free(struct http_resp *r)
{
	buf_free(&r->body);
}

enum http_retry
http_retryable(const struct http *h)
{
	return h->retryable;
}

static size_t
write_body(char *p, size_t size, size_t n, void *arg)
{
	struct buf	*b = arg;

	if (buf_add(b, p, size * n, NULL) == -1)
		return 0;	/* over the limit: curl stops */
	return size * n;
}

int
http_post(struct http *h, const struct http_url *u, const char *query,
    const struct http_header *hdrs, size_t nhdrs, const char *body,
    size_t len, struct http_resp *resp, struct cgw_err *err)
{
	struct curl_slist	*list = NULL, *l;
	CURLcode		 rc;
	curl_off_t		 us = 0;
	char			*line, *full = NULL;
	size_t			 i;
	int			 ret = -1;

	h->retryable = HTTP_RETRY_NO;
	memset(resp, 0, sizeof(*resp));
	buf_init(&resp->body, HTTP_RESPONSE_MAX);
	for (i = 0; i < nhdrs; i++) {
		/* A line break would add headers; the value is not shown. */
		if (!is_text(hdrs[i].value)) {
			err_set(err, CGW_E_INPUT, "the %s header would hold a "
			    "control character: check the value it comes from",
			    hdrs[i].name);
			goto out;
		}
		xasprintf(&line, "%s: %s", hdrs[i].name, hdrs[i].value);
		l = curl_slist_append(list, line);
		explicit_bzero(line, strlen(line));
		free(line);
		if (l == NULL) {
			err_set(err, CGW_E_SYS, "out of memory");
			goto out;
		}
		list = l;
	}
	/* Nothing curl adds by itself, so that the signature covers all. */
	if ((l = curl_slist_append(list, "Expect:")) == NULL ||
	    (list = l, (l = curl_slist_append(list, "Accept:")) == NULL)) {
		err_set(err, CGW_E_SYS, "out of memory");
		goto out;
	}
	list = l;

	curl_easy_reset(h->curl);
	h->errbuf[0] = '\0';
	curl_easy_setopt(h->curl, CURLOPT_ERRORBUFFER, h->errbuf);
	/* The query may hold a key id and a signature: messages name u. */
	if (query != NULL)
		xasprintf(&full, "%s?%s", u->url, query);
	curl_easy_setopt(h->curl, CURLOPT_URL, full != NULL ? full : u->url);
	curl_easy_setopt(h->curl, CURLOPT_PROTOCOLS_STR,
	    u->plain ? "http" : "https");
	curl_easy_setopt(h->curl, CURLOPT_FOLLOWLOCATION, 0L);
	curl_easy_setopt(h->curl, CURLOPT_SSL_VERIFYPEER, 1L);
	curl_easy_setopt(h->curl, CURLOPT_SSL_VERIFYHOST, 2L);
	if (h->ca_file != NULL)
		curl_easy_setopt(h->curl, CURLOPT_CAINFO, h->ca_file);
	curl_easy_setopt(h->curl, CURLOPT_CONNECTTIMEOUT_MS,
	    h->connect_timeout_ms);
	curl_easy_setopt(h->curl, CURLOPT_TIMEOUT_MS, h->timeout_ms);
	curl_easy_setopt(h->curl, CURLOPT_NOSIGNAL, 1L);
	curl_easy_setopt(h->curl, CURLOPT_USERAGENT, PACKAGE_NAME "/"
	    PACKAGE_VERSION);
	curl_easy_setopt(h->curl, CURLOPT_HTTPHEADER, list);
	curl_easy_setopt(h->curl, CURLOPT_POST, 1L);
	curl_easy_setopt(h->curl, CURLOPT_POSTFIELDS, body);
	curl_easy_setopt(h->curl, CURLOPT_POSTFIELDSIZE_LARGE,
	    (curl_off_t)len);
	curl_easy_setopt(h->curl, CURLOPT_WRITEFUNCTION, write_body);
	curl_easy_setopt(h->curl, CURLOPT_WRITEDATA, &resp->body);

	rc = curl_easy_perform(h->curl);
	if (rc != CURLE_OK) {
		switch (rc) {
		case CURLE_COULDNT_RESOLVE_HOST:
		case CURLE_COULDNT_RESOLVE_PROXY:
		case CURLE_COULDNT_CONNECT:
			h->retryable = HTTP_RETRY_UNSENT;
			break;
		case CURLE_OPERATION_TIMEDOUT:
		case CURLE_RECV_ERROR:
		case CURLE_SEND_ERROR:
		case CURLE_GOT_NOTHING:
		case CURLE_PARTIAL_FILE:
			h->retryable = HTTP_RETRY_MAYBE;
			break;
		default:
			break;
		}
		if (rc == CURLE_WRITE_ERROR)
			err_set(err, CGW_E_LIMIT, "%s: the response is larger "
			    "than %u bytes", u->url, HTTP_RESPONSE_MAX);
		else if (rc == CURLE_PEER_FAILED_VERIFICATION)
			err_set(err, CGW_E_SYS, "%s: %s; the server's "
			    "certificate does not verify (behind a "
			    "TLS-inspecting proxy, give its CA with --ca-file)",
			    u->url, h->errbuf[0] != '\0' ? h->errbuf :
			    curl_easy_strerror(rc));
		else if (rc == CURLE_SSL_CACERT_BADFILE)
			err_set(err, CGW_E_SYS, "--ca-file %s: %s", h->ca_file,
			    h->errbuf[0] != '\0' ? h->errbuf :
			    curl_easy_strerror(rc));
		else
			err_set(err, CGW_E_SYS, "%s: %s", u->url,
			    h->errbuf[0] != '\0' ? h->errbuf :
			    curl_easy_strerror(rc));
		buf_free(&resp->body);
		goto out;
	}
	curl_easy_getinfo(h->curl, CURLINFO_RESPONSE_CODE, &resp->status);
	curl_easy_getinfo(h->curl, CURLINFO_TOTAL_TIME_T, &us);
	if (resp->status >= 500)
		h->retryable = HTTP_RETRY_MAYBE;
	log_debug("%s: HTTP %ld, %zu bytes in %lld ms", u->url, resp->status,
	    resp->body.len, (long long)(us / 1000));
	ret = 0;
out:
	if (full != NULL) {
		explicit_bzero(full, strlen(full));
		free(full);
	}
	curl_slist_free_all(list);
	return ret;
}

/* Sleep before try number n + 1 (n = 1 before the first retry). */
void
http_backoff(int n)
{
	unsigned long	ms = HTTP_BACKOFF_MS, r = 0;
	struct timespec	ts;
	int		i;

	for (i = 1; i < n && ms < HTTP_BACKOFF_MAX_MS; i++)
		ms *= 2;
	if (ms > HTTP_BACKOFF_MAX_MS)
		ms = HTTP_BACKOFF_MAX_MS;
	if (crypto_random(&r, sizeof(r)) == -1)
		r = (unsigned long)time(NULL);
	ms = ms / 2 + r % (ms / 2 + 1);
	ts.tv_sec = (time_t)(ms / 1000);
	ts.tv_nsec = (long)(ms % 1000) * 1000000L;
	while (nanosleep(&ts, &ts) == -1)
		;
}
