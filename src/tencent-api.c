/*
 * Signed Tencent Cloud API calls with retries.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <cjson/cJSON.h>

#include "api.h"
#include "buf.h"
#include "compat.h"
#include "creds.h"
#include "crypto.h"
#include "err.h"
#include "http.h"
#include "jsonutil.h"
#include "log.h"
#include "sign-tc3.h"
#include "tencent-api.h"
#include "util.h"
#include "xmalloc.h"


struct tc_client {
	struct http		*http;
	struct http_url		 url;
	const struct creds	*creds;
	char			*region;
	size_t			 requests;
};

/*
 * Advice for an error, by a prefix of the action (NULL for any) and a
 * prefix of the code; the first match wins.
 */
static const struct api_advice tc_advice[] = {
	{ NULL, "AuthFailure.SignatureExpire", "check this machine's clock: "
	    "a request is valid for 5 minutes" },
	{ NULL, "AuthFailure.SecretIdNotFound", "check the SecretId, or "
	    "whether the key was disabled" },
	{ NULL, "AuthFailure.InvalidSecretId", "check the SecretId" },
	{ NULL, "AuthFailure.SignatureFailure", "check the SecretKey" },
	{ NULL, "AuthFailure.TokenFailure", "the session token is wrong or "
	    "has expired" },
	{ NULL, "AuthFailure.UnauthorizedOperation", "the key lacks a CAM "
	    "permission for this action" },
	{ NULL, "UnauthorizedOperation", "the key lacks a CAM permission "
	    "for this action" },
	{ NULL, "UnsupportedRegion", "check --region" },
	{ NULL, "InvalidParameterValue.Region", "check --region" },
	{ "Download", "ResourceNotFound", "the cloud has no configuration "
	    "for this device: 'cgwgen vendors --cloud tencent' lists the "
	    "devices it has" },
	{ NULL, "ResourceNotFound", "check the ids given" },
	{ "Reset", "UnsupportedOperation", "a connection can be reset only "
	    "when its state is AVAILABLE: wait and try again" },
	{ NULL, "RequestLimitExceeded", "the account is throttled: wait a "
	    "minute, or run fewer cgwgen at once" },
};

static int	is_throttle(const char *);
static int	tc_try(struct tc_client *, const char *, const char *, size_t,
		    cJSON **, const cJSON **, enum http_retry *,
		    struct cgw_err *);

struct tc_client *
tc_client_new(const struct tc_client_opts *o, struct cgw_err *err)
{
	struct http_opts	 ho;
	struct tc_client	*c;

	c = xcalloc(1, sizeof(*c));
	memset(&ho, 0, sizeof(ho));
	ho.timeout_ms = o->timeout_ms;
	ho.ca_file = o->ca_file;
	if (http_url_parse(o->endpoint != NULL ? o->endpoint :
	    TC_DEFAULT_HOST, &c->url, err) == -1)
		goto fail;
	if ((c->http = http_new(&ho, err)) == NULL)
		goto fail;
	c->creds = o->creds;
	c->region = o->region == NULL ? NULL : xstrdup(o->region);
	return c;
fail:
	tc_client_free(c);
	return NULL;
}

void
tc_client_free(struct tc_client *c)
{
	if (c == NULL)
		return;
	http_free(c->http);
	http_url_free(&c->url);
	free(c->region);
	free(c);
}

size_t
tc_requests(const struct tc_client *c)
{
	return c->requests;
}

static int
is_throttle(const char *code)
{
	return strncmp(code, "RequestLimitExceeded", 20) == 0;
}

/*
 * One try. On failure *again says whether another try could succeed and
 * whether this one may have reached the server (a throttled request did
 * not: HTTP_RETRY_UNSENT); the error is in err like any other (the caller
 * clears it to retry).
 */
static int
tc_try(struct tc_client *c, const char *action, const char *body,
    size_t len, cJSON **rootp, const cJSON **respp, enum http_retry *again,
    struct cgw_err *err)
{
	struct tc3_request	 rq;
	struct tc3_credentials	 cr;
	struct http_header	 hdrs[8];
	struct http_resp	 resp;
	struct buf		 auth;
	const cJSON		*r = NULL, *e;
	const char		*code = "?", *msg = "", *rid = "?", *adv;
	cJSON			*root = NULL;
	char			 ts[32], scode[80], smsg[400], srid[80];
	size_t			 nh = 0;
	int			 ret = -1;

	*again = HTTP_RETRY_NO;
	memset(&resp, 0, sizeof(resp));
	buf_init(&auth, 4096);
	memset(&rq, 0, sizeof(rq));
	rq.method = "POST";
	rq.host = c->url.authority;
	rq.query = "";
	rq.content_type = "application/json";
	rq.action = action;
	rq.payload = body;
	rq.payload_len = len;
	rq.timestamp = time(NULL);
	cr.secret_id = c->creds->id;
	cr.secret_key = c->creds->secret;
	/* The scope's service is vpc even on a test endpoint (loopback). */
	rq.service = TC_SERVICE;
	if (sign_tc3(&rq, &cr, &auth, NULL, err) == -1)
		goto out;
	snprintf(ts, sizeof(ts), "%lld", (long long)rq.timestamp);
	hdrs[nh++] = (struct http_header){ "Host", c->url.authority };
	hdrs[nh++] = (struct http_header){ "Content-Type", rq.content_type };
	hdrs[nh++] = (struct http_header){ "X-TC-Action", action };
	hdrs[nh++] = (struct http_header){ "X-TC-Version", TC_VERSION };
	hdrs[nh++] = (struct http_header){ "X-TC-Timestamp", ts };
	if (c->region != NULL)
		hdrs[nh++] = (struct http_header){ "X-TC-Region", c->region };
	if (c->creds->token != NULL)
		hdrs[nh++] = (struct http_header){ "X-TC-Token",
		    c->creds->token };
	hdrs[nh++] = (struct http_header){ "Authorization", auth.data };
	log_debug("tencent: %s to %s, region %s, %zu bytes, signed with "
	    "%.4s... (Authorization and token redacted)", action, c->url.url,
	    c->region == NULL ? "none" : c->region, len, c->creds->id);

	c->requests++;
	if (http_post(c->http, &c->url, NULL, hdrs, nh, body, len, &resp,
	    err) == -1) {
		*again = http_retryable(c->http);
		err_prefix(err, "tencent: %s", action);
		goto out;
	}
	if (resp.status != 200) {
		*again = http_retryable(c->http);
		err_set(err, CGW_E_INPUT, "tencent: %s: HTTP %ld from %s",
		    action, resp.status, c->url.url);
		goto out;
	}
	root = cJSON_ParseWithLength(resp.body.data == NULL ? "" :
	    resp.body.data, resp.body.len);
	if (root == NULL || json_object(root, "", "Response", &r,
	    err) != 0) {
		err_set(err, CGW_E_INPUT, "tencent: %s: the answer is not a "
		    "Tencent Cloud API response (%zu bytes from %s)", action,
		    resp.body.len, c->url.url);
		goto out;
	}
	json_string(r, "Response", "RequestId", &rid, err);
	if (json_object(r, "Response", "Error", &e, err) == 0) {
		json_string(e, "Error", "Code", &code, err);
		json_string(e, "Error", "Message", &msg, err);
		if (is_throttle(code))
			*again = HTTP_RETRY_UNSENT;
		else if (strcmp(code, "InternalError") == 0)
			*again = HTTP_RETRY_MAYBE;
		adv = api_advice(tc_advice, nitems(tc_advice), action, code);
		/* The cloud's words are untrusted: no control characters. */
		err_set(err, CGW_E_INPUT, "tencent: %s: %s: %s (request %s)%s%s",
		    action, shown(code, scode, sizeof(scode)),
		    shown(msg, smsg, sizeof(smsg)),
		    shown(rid, srid, sizeof(srid)), adv != NULL ? "; " : "",
		    adv != NULL ? adv : "");
		goto out;
	}
	log_debug("tencent: %s: request %s", action,
	    shown(rid, srid, sizeof(srid)));
	*rootp = root;
	*respp = r;
	root = NULL;
	ret = 0;
out:
	cJSON_Delete(root);
	http_resp_free(&resp);
	buf_free(&auth);
	return ret;
}

/* The arguments of one try, for api_retry(). */
struct tc_call_arg {
	struct tc_client	*c;
	const char		*action;
	const char		*body;
	size_t			 len;
	cJSON			**root;
	const cJSON		**resp;
};

static int
tc_try_arg(void *arg, enum http_retry *again, struct cgw_err *err)
{
	struct tc_call_arg	*a = arg;

	return tc_try(a->c, a->action, a->body, a->len, a->root, a->resp,
	    again, err);
}

int
tc_call(struct tc_client *c, const char *action, const cJSON *params,
    cJSON **root, const cJSON **resp, struct cgw_err *err)
{
	struct tc_call_arg	 a;
	char			*body;
	int			 ret;

	body = params == NULL ? xstrdup("{}") :
	    cJSON_PrintUnformatted(params);
	if (body == NULL)
		return err_set(err, CGW_E_SYS, "out of memory");
	a = (struct tc_call_arg){ c, action, body, strlen(body), root, resp };
	ret = api_retry(action, tc_try_arg, &a, err);
	explicit_bzero(body, a.len);
	if (params == NULL)
		free(body);
	else
		cJSON_free(body);
	return ret;
}
