/*
 * Signed Alibaba Cloud VPC API calls with retries.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>

#include <cjson/cJSON.h>

#include "alibaba-api.h"
#include "api.h"
#include "buf.h"
#include "compat.h"
#include "creds.h"
#include "crypto.h"
#include "err.h"
#include "http.h"
#include "jsonutil.h"
#include "log.h"
#include "sign-acs.h"
#include "util.h"
#include "xmalloc.h"
#include "xml.h"

#define AL_MAX_PARAMS	24	/* the common ones and the action's */

struct al_client {
	struct http		*http;
	struct http_url		 url;
	const struct creds	*creds;
	char			*region;
	enum al_signature	 signature;
	enum al_format		 format;
	size_t			 requests;
	char			 code[80];	/* of the last error answer */
};

/*
 * Advice for an error, by a prefix of the action (NULL for any) and a
 * prefix of the code; the first match wins.
 */
static const struct api_advice al_advice[] = {
	{ NULL, "InvalidTimeStamp", "check this machine's clock: Alibaba "
	    "Cloud accepts a request for 15 minutes" },
	{ NULL, "IllegalTimestamp", "check this machine's clock" },
	{ NULL, "SignatureDoesNotMatch", "check the AccessKey secret" },
	{ NULL, "IncompleteSignature", "check the AccessKey secret" },
	{ NULL, "InvalidAccessKeyId.Inactive", "the AccessKey is disabled: "
	    "enable it in the RAM console, or use another" },
	{ NULL, "InvalidAccessKeyId", "check the AccessKey id" },
	{ NULL, "InvalidSecurityToken", "the STS token is wrong or has "
	    "expired: get a new one" },
	{ NULL, "Forbidden", "the key lacks a RAM permission for this "
	    "action" },
	{ NULL, "NoPermission", "the key lacks a RAM permission for this "
	    "action" },
	{ NULL, "InvalidRegionId", "check --region" },
	{ NULL, "Throttling", "the account is throttled: wait a minute, or "
	    "run fewer cgwgen at once" },
};

/* Codes worth another try: the server did not act on the request. */
static const char *const al_transient[] = {
	"Throttling",
	"ServiceUnavailable",
	"InternalError",
	"SignatureNonceUsed",
};

static int	is_transient(const char *);
static void	error_text(const char *, char *, size_t);
static int	al_parse(struct al_client *, const char *,
		    const struct http_resp *, cJSON **, struct cgw_err *);
static int	al_try(struct al_client *, const char *,
		    const struct acs_param *, size_t, cJSON **,
		    enum http_retry *, struct cgw_err *);

void
al_default_host(const char *region, char *out, size_t len)
{
	if (region == NULL || strcmp(region, "cn-hangzhou") == 0)
		snprintf(out, len, "vpc.aliyuncs.com");
	else
		snprintf(out, len, "vpc.%s.aliyuncs.com", region);
}

struct al_client *
al_client_new(const struct al_client_opts *o, struct cgw_err *err)
{
	struct http_opts	 ho;
	struct al_client	*c;
	char			 host[128];

	c = xcalloc(1, sizeof(*c));
	memset(&ho, 0, sizeof(ho));
	ho.timeout_ms = o->timeout_ms;
	ho.ca_file = o->ca_file;
	al_default_host(o->region, host, sizeof(host));
	if (http_url_parse(o->endpoint != NULL ? o->endpoint : host, &c->url,
	    err) == -1)
		goto fail;
	if ((c->http = http_new(&ho, err)) == NULL)
		goto fail;
	c->creds = o->creds;
	c->region = o->region == NULL ? NULL : xstrdup(o->region);
	c->signature = o->signature;
	c->format = o->format;
	return c;
fail:
	al_client_free(c);
	return NULL;
}

void
al_client_free(struct al_client *c)
{
	if (c == NULL)
		return;
	http_free(c->http);
	http_url_free(&c->url);
	free(c->region);
	free(c);
}

size_t
al_requests(const struct al_client *c)
{
	return c->requests;
}

const char *
al_last_code(const struct al_client *c)
{
	return c->code;
}

static int
is_transient(const char *code)
{
	size_t	i;

	for (i = 0; i < nitems(al_transient); i++)
		if (strstr(code, al_transient[i]) != NULL)
			return 1;
	return 0;
}

/*
 * The cloud's message, printable and without the string to sign that a
 * signature mismatch quotes (it holds the AccessKey id).
 */
static void
error_text(const char *msg, char *out, size_t len)
{
	const char	*p;
	char		*cut;
	size_t		 i;

	cut = xstrdup(msg);
	for (i = 0; cut[i] != '\0'; i++)
		if (strncasecmp(cut + i, "server string to sign", 21) == 0 ||
		    strncasecmp(cut + i, "string to sign is", 17) == 0) {
			cut[i] = '\0';
			break;
		}
	while (i > 0 && (cut[i - 1] == ' ' || cut[i - 1] == ':'))
		cut[--i] = '\0';
	p = cut;
	shown(p, out, len);
	explicit_bzero(cut, strlen(cut));
	free(cut);
}

/*
 * An answer: JSON or XML as asked, an error for any status but 200. A
 * body that is neither, on an error status, is reported by its status.
 */
static int
al_parse(struct al_client *c, const char *action,
    const struct http_resp *resp, cJSON **out, struct cgw_err *err)
{
	struct cgw_err	 perr;
	const char	*code = NULL, *msg = "", *rid = "?", *adv;
	cJSON		*root = NULL;
	char		*xroot = NULL, name[128], scode[80], smsg[400];
	char		 srid[80];
	int		 ret = -1;

	memset(&perr, 0, sizeof(perr));
	snprintf(name, sizeof(name), "alibaba: %s: the answer", action);
	if (resp->body.len > 0 && resp->body.data[0] == '<') {
		if (xml_to_json(resp->body.data, resp->body.len, name, &root,
		    &xroot, &perr) == -1)
			root = NULL;
	} else
		root = cJSON_ParseWithLength(resp->body.data == NULL ? "" :
		    resp->body.data, resp->body.len);
	if (root != NULL && !cJSON_IsObject(root)) {
		cJSON_Delete(root);
		root = NULL;
	}
	if (root != NULL) {
		json_string(root, "", "Code", &code, NULL);
		json_string(root, "", "Message", &msg, NULL);
		json_string(root, "", "RequestId", &rid, NULL);
	}
	/* JSON errors have a Code; XML ones are an <Error> element. */
	if (resp->status == 200 && root != NULL && (code == NULL ||
	    (xroot != NULL && strcmp(xroot, "Error") != 0))) {
		*out = root;
		root = NULL;
		ret = 0;
		goto out;
	}
	if (code == NULL) {
		if (resp->status == 200)
			err_set(err, CGW_E_INPUT, "alibaba: %s: the answer is "
			    "not %s (%zu bytes from %s)%s%s", action,
			    c->format == AL_FMT_XML ? "XML" : "JSON",
			    resp->body.len, c->url.url,
			    perr.msg[0] != '\0' ? ": " : "", perr.msg);
		else
			err_set(err, CGW_E_INPUT, "alibaba: %s: HTTP %ld from %s",
			    action, resp->status, c->url.url);
		goto out;
	}
	snprintf(c->code, sizeof(c->code), "%s", code);
	adv = api_advice(al_advice, nitems(al_advice), action, code);
	shown(code, scode, sizeof(scode));
	error_text(msg, smsg, sizeof(smsg));
	err_set(err, CGW_E_INPUT, "alibaba: %s: %s: %s (request %s)%s%s",
	    action, scode, smsg, shown(rid, srid, sizeof(srid)),
	    adv != NULL ? "; " : "", adv != NULL ? adv : "");
out:
	free(xroot);
	cJSON_Delete(root);
	return ret;
}

/*
 * One try, signed afresh. On failure *again says whether another try
 * could succeed and whether this one may have reached the server.
 */
static int
al_try(struct al_client *c, const char *action, const struct acs_param *ap,
    size_t nap, cJSON **out, enum http_retry *again, struct cgw_err *err)
{
	struct acs_param	 p[AL_MAX_PARAMS];
	struct http_header	 hdrs[10];
	struct http_resp	 resp;
	struct acs3_request	 r3;
	struct acs3_trace	 t3;
	struct buf		 query, auth;
	unsigned char		 rnd[16];
	struct tm		 tm;
	time_t			 now;
	char			 nonce[33], date[32], sig[ACS_RPC_SIG_LEN];
	char			 rid[80];
	const char		*rs;
	size_t			 n = 0, nh = 0, i;
	int			 ret = -1;

	*again = HTTP_RETRY_NO;
	c->code[0] = '\0';
	memset(&resp, 0, sizeof(resp));
	buf_init(&query, 0);
	buf_init(&auth, 0);
	if (nap + 12 > nitems(p)) {
		err_set(err, CGW_E_INPUT, "alibaba: %s: too many parameters",
		    action);
		goto out;
	}
	if (crypto_random(rnd, sizeof(rnd)) == -1) {
		err_set(err, CGW_E_SYS, "no random numbers for a nonce");
		goto out;
	}
	crypto_hex(rnd, sizeof(rnd), nonce);
	now = time(NULL);
	gmtime_r(&now, &tm);
	strftime(date, sizeof(date), "%Y-%m-%dT%H:%M:%SZ", &tm);

	for (i = 0; i < nap; i++)
		p[n++] = ap[i];
	p[n++] = (struct acs_param){ "RegionId", c->region };
	if (c->signature == AL_SIG_RPC) {
		p[n++] = (struct acs_param){ "Action", action };
		p[n++] = (struct acs_param){ "Version", AL_VERSION };
		p[n++] = (struct acs_param){ "Format",
		    c->format == AL_FMT_XML ? "XML" : "JSON" };
		p[n++] = (struct acs_param){ "AccessKeyId", c->creds->id };
		p[n++] = (struct acs_param){ "SignatureMethod", "HMAC-SHA1" };
		p[n++] = (struct acs_param){ "SignatureVersion", "1.0" };
		p[n++] = (struct acs_param){ "SignatureNonce", nonce };
		p[n++] = (struct acs_param){ "Timestamp", date };
		if (c->creds->token != NULL)
			p[n++] = (struct acs_param){ "SecurityToken",
			    c->creds->token };
	} else if (c->format == AL_FMT_XML)
		p[n++] = (struct acs_param){ "Format", "XML" };
	if (acs_query(p, n, &query, err) == -1)
		goto out;

	hdrs[nh++] = (struct http_header){ "Host", c->url.authority };
	if (c->signature == AL_SIG_RPC) {
		if (sign_acs_rpc("POST", query.data, c->creds->secret, sig,
		    err) == -1 || buf_adds(&query, "&Signature=", err) == -1 ||
		    acs_encode(&query, sig, err) == -1)
			goto out;
	} else {
		memset(&r3, 0, sizeof(r3));
		r3.method = "POST";
		r3.host = c->url.authority;
		r3.query = query.data;
		r3.action = action;
		r3.version = AL_VERSION;
		r3.date = date;
		r3.nonce = nonce;
		r3.token = c->creds->token;
		r3.payload = "";
		r3.payload_len = 0;
		if (sign_acs3(&r3, c->creds->id, c->creds->secret, &auth, &t3,
		    err) == -1)
			goto out;
		hdrs[nh++] = (struct http_header){ "x-acs-action", action };
		hdrs[nh++] = (struct http_header){ "x-acs-version",
		    AL_VERSION };
		hdrs[nh++] = (struct http_header){ "x-acs-date", date };
		hdrs[nh++] = (struct http_header){ "x-acs-signature-nonce",
		    nonce };
		hdrs[nh++] = (struct http_header){ "x-acs-content-sha256",
		    t3.payload_hash };
		if (c->creds->token != NULL)
			hdrs[nh++] = (struct http_header){
			    "x-acs-security-token", c->creds->token };
		hdrs[nh++] = (struct http_header){ "Authorization",
		    auth.data };
	}
	log_debug("alibaba: %s to %s, region %s, %s signature, %s, key "
	    "%.4s... (query, signature and token not shown)", action,
	    c->url.url, c->region, c->signature == AL_SIG_RPC ? "RPC" : "V3",
	    c->format == AL_FMT_XML ? "XML" : "JSON", c->creds->id);

	c->requests++;
	if (http_post(c->http, &c->url, query.data, hdrs, nh, "", 0, &resp,
	    err) == -1) {
		*again = http_retryable(c->http);
		err_prefix(err, "alibaba: %s", action);
		goto out;
	}
	if (al_parse(c, action, &resp, out, err) == -1) {
		if (is_transient(c->code))
			*again = strstr(c->code, "Throttling") != NULL ||
			    strcmp(c->code, "SignatureNonceUsed") == 0 ?
			    HTTP_RETRY_UNSENT : HTTP_RETRY_MAYBE;
		else if (c->code[0] == '\0')
			*again = http_retryable(c->http);
		goto out;
	}
	if (json_string(*out, "", "RequestId", &rs, NULL) != 0)
		rs = "?";
	log_debug("alibaba: %s: request %s", action, shown(rs, rid,
	    sizeof(rid)));
	ret = 0;
out:
	http_resp_free(&resp);
	buf_free(&query);
	buf_free(&auth);
	return ret;
}

/* The arguments of one try, for api_retry(). */
struct al_call_arg {
	struct al_client	*c;
	const char		*action;
	const struct acs_param	*p;
	size_t			 n;
	cJSON			**out;
};

static int
al_try_arg(void *arg, enum http_retry *again, struct cgw_err *err)
{
	struct al_call_arg	*a = arg;

	return al_try(a->c, a->action, a->p, a->n, a->out, again, err);
}

int
al_call(struct al_client *c, const char *action, const struct acs_param *p,
    size_t n, cJSON **out, struct cgw_err *err)
{
	struct al_call_arg	a = { c, action, p, n, out };

	*out = NULL;
	if (c->region == NULL)
		return err_set(err, CGW_E_USAGE, "no region: give --region "
		    "(e.g. cn-hangzhou) or set ALIBABA_CLOUD_REGION_ID");
	return api_retry(action, al_try_arg, &a, err);
}
