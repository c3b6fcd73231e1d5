/*
 * Tencent Cloud TC3-HMAC-SHA256 request signing as a pure function: the
 * time comes in the request, nothing reads the clock or the environment.
 * Header values are trimmed and checked for control characters before
 * they enter the canonical request. The secret key and every key derived
 * from it are wiped before returning, on every path.
 */
#include "config.h"

#include <stdio.h>
#include <string.h>
#include <time.h>

#include "buf.h"
#include "crypto.h"
#include "err.h"
#include "sign-tc3.h"

#define TC3_ALGORITHM	"TC3-HMAC-SHA256"
#define TC3_TERMINATOR	"tc3_request"

static int	tc3_field(const char *, const char *, int, const char **,
		    size_t *, struct cgw_err *);
static int	tc3_add_lower(struct buf *, const char *, size_t,
		    struct cgw_err *);
static int	tc3_date(time_t, char *, size_t, struct cgw_err *);

/*
 * Check a required field and find it without surrounding blanks (only
 * when trim is set: the secret key is used byte for byte). A control
 * character would break the canonical request's line structure or the
 * header it is sent in.
 */
static int
tc3_field(const char *what, const char *s, int trim, const char **start,
    size_t *len, struct cgw_err *err)
{
	size_t	n, i;

	if (s == NULL)
		return err_set(err, CGW_E_INPUT, "tc3 signing: missing %s",
		    what);
	n = strlen(s);
	if (trim) {
		while (n > 0 && (*s == ' ' || *s == '\t')) {
			s++;
			n--;
		}
		while (n > 0 && (s[n - 1] == ' ' || s[n - 1] == '\t'))
			n--;
	}
	if (n == 0)
		return err_set(err, CGW_E_INPUT, "tc3 signing: missing %s",
		    what);
	for (i = 0; i < n; i++)
		if ((unsigned char)s[i] < 0x20 || s[i] == 0x7f)
			return err_set(err, CGW_E_INPUT, "tc3 signing: %s "
			    "contains a control character", what);
	*start = s;
	*len = n;
	return 0;
}

static int
tc3_add_lower(struct buf *b, const char *s, size_t len, struct cgw_err *err)
{
	size_t	i;
	char	c;

	for (i = 0; i < len; i++) {
		c = s[i];
		if (c >= 'A' && c <= 'Z')
			c = (char)(c - 'A' + 'a');
		if (buf_addc(b, c, err) == -1)
			return -1;
	}
	return 0;
}

/* The UTC date of the timestamp as YYYY-MM-DD (never local time). */
static int
tc3_date(time_t t, char *out, size_t len, struct cgw_err *err)
{
	struct tm	tm;

	if (t < 0 || gmtime_r(&t, &tm) == NULL || tm.tm_year + 1900 > 9999 ||
	    strftime(out, len, "%Y-%m-%d", &tm) != 10)
		return err_set(err, CGW_E_INPUT, "tc3 signing: timestamp %lld "
		    "is not a date", (long long)t);
	return 0;
}

int
sign_tc3(const struct tc3_request *req, const struct tc3_credentials *cred,
    struct buf *out, struct tc3_trace *trace, struct cgw_err *err)
{
	struct buf	 host, action, creq, sts, key;
	const char	*method, *hostv, *ctype, *actionv = NULL, *id, *secret;
	const char	*query, *payload, *signed_headers, *dot, *servname;
	size_t		 methodlen, hostlen, ctypelen, actionlen = 0, idlen;
	size_t		 secretlen, servicelen;
	unsigned char	 k_date[CRYPTO_SHA256_LEN];
	unsigned char	 k_service[CRYPTO_SHA256_LEN];
	unsigned char	 k_signing[CRYPTO_SHA256_LEN];
	unsigned char	 sig[CRYPTO_SHA256_LEN];
	char		 date[11], service[64];
	char		 payload_hash[65], canonical_hash[65], signature[65];
	int		 ret = -1;

	buf_init(&host, 0);
	buf_init(&action, 0);
	buf_init(&creq, 0);
	buf_init(&sts, 0);
	buf_init(&key, 0);
	if (trace != NULL)
		memset(trace, 0, sizeof(*trace));

	if (tc3_field("method", req->method, 1, &method, &methodlen,
	    err) == -1 ||
	    tc3_field("host", req->host, 1, &hostv, &hostlen, err) == -1 ||
	    tc3_field("content type", req->content_type, 1, &ctype,
	    &ctypelen, err) == -1 ||
	    (req->sign_action && tc3_field("action", req->action, 1,
	    &actionv, &actionlen, err) == -1) ||
	    tc3_field("secret id", cred->secret_id, 0, &id, &idlen,
	    err) == -1 ||
	    tc3_field("secret key", cred->secret_key, 0, &secret, &secretlen,
	    err) == -1)
		goto out;
	query = req->query != NULL ? req->query : "";
	if (strchr(query, '\n') != NULL) {
		err_set(err, CGW_E_INPUT, "tc3 signing: query contains a "
		    "newline");
		goto out;
	}
	payload = req->payload;
	if (payload == NULL) {
		if (req->payload_len != 0) {
			err_set(err, CGW_E_INPUT, "tc3 signing: missing "
			    "payload");
			goto out;
		}
		payload = "";
	}

	/* Host names are case-insensitive; the signed form is lower case. */
	if (tc3_add_lower(&host, hostv, hostlen, err) == -1)
		goto out;
	/*
	 * The service is the host's first label, as the SDKs compute it,
	 * unless the caller names it (a custom endpoint such as a proxy or a
	 * test server on 127.0.0.1).
	 */
	if (req->service != NULL) {
		servname = req->service;
		servicelen = strlen(servname);
	} else {
		servname = host.data;
		dot = strchr(host.data, '.');
		servicelen = dot != NULL ? (size_t)(dot - host.data) :
		    host.len;
	}
	if (servicelen == 0 || servicelen >= sizeof(service) ||
	    strcspn(servname, "/\n") < servicelen) {
		err_set(err, CGW_E_INPUT, "tc3 signing: no usable service "
		    "name for host \"%s\"", host.data);
		goto out;
	}
	memcpy(service, servname, servicelen);
	service[servicelen] = '\0';
	if (req->sign_action &&
	    tc3_add_lower(&action, actionv, actionlen, err) == -1)
		goto out;
	if (tc3_date(req->timestamp, date, sizeof(date), err) == -1)
		goto out;
	crypto_sha256_hex(payload, req->payload_len, payload_hash);

	/* Sorted by name: content-type < host < x-tc-action. */
	signed_headers = req->sign_action ? "content-type;host;x-tc-action" :
	    "content-type;host";
	if (/* HTTPRequestMethod, e.g. "POST" */
	    buf_add(&creq, method, methodlen, err) == -1 ||
	    buf_addc(&creq, '\n', err) == -1 ||
	    /* CanonicalURI: API 3.0 always posts to the root */
	    buf_adds(&creq, "/\n", err) == -1 ||
	    /* CanonicalQueryString: "" for POST */
	    buf_printf(&creq, err, "%s\n", query) == -1 ||
	    /* CanonicalHeaders: "content-type:application/json\n" */
	    buf_adds(&creq, "content-type:", err) == -1 ||
	    buf_add(&creq, ctype, ctypelen, err) == -1 ||
	    buf_addc(&creq, '\n', err) == -1 ||
	    /* "host:vpc.tencentcloudapi.com\n" */
	    buf_printf(&creq, err, "host:%s\n", host.data) == -1 ||
	    /* "x-tc-action:describevpnconnections\n" when signed */
	    (req->sign_action && buf_printf(&creq, err, "x-tc-action:%s\n",
	    action.data) == -1) ||
	    /* the newline that separates CanonicalHeaders */
	    buf_addc(&creq, '\n', err) == -1 ||
	    /* SignedHeaders: "content-type;host" */
	    buf_printf(&creq, err, "%s\n", signed_headers) == -1 ||
	    /* HashedRequestPayload, with no newline after it */
	    buf_adds(&creq, payload_hash, err) == -1)
		goto out;
	crypto_sha256_hex(creq.data, creq.len, canonical_hash);

	if (/* Algorithm */
	    buf_printf(&sts, err, "%s\n", TC3_ALGORITHM) == -1 ||
	    /* RequestTimestamp: the X-TC-Timestamp value */
	    buf_printf(&sts, err, "%lld\n", (long long)req->timestamp) == -1 ||
	    /* CredentialScope: "2019-02-25/cvm/tc3_request" */
	    buf_printf(&sts, err, "%s/%s/%s\n", date, service,
	    TC3_TERMINATOR) == -1 ||
	    /* HashedCanonicalRequest, with no newline after it */
	    buf_adds(&sts, canonical_hash, err) == -1)
		goto out;

	/* key is a struct buf so that buf_free wipes "TC3" + SecretKey. */
	if (buf_adds(&key, "TC3", err) == -1 ||
	    buf_add(&key, secret, secretlen, err) == -1)
		goto out;
	crypto_hmac_sha256(key.data, key.len, date, strlen(date), k_date);
	crypto_hmac_sha256(k_date, sizeof(k_date), service, strlen(service),
	    k_service);
	crypto_hmac_sha256(k_service, sizeof(k_service), TC3_TERMINATOR,
	    strlen(TC3_TERMINATOR), k_signing);
	crypto_hmac_sha256(k_signing, sizeof(k_signing), sts.data, sts.len,
	    sig);
	crypto_hex(sig, sizeof(sig), signature);

	if (buf_printf(out, err, "%s Credential=%s/%s/%s/%s, "
	    "SignedHeaders=%s, Signature=%s", TC3_ALGORITHM, id, date,
	    service, TC3_TERMINATOR, signed_headers, signature) == -1)
		goto out;

	if (trace != NULL) {
		memcpy(trace->date, date, sizeof(trace->date));
		memcpy(trace->service, service, sizeof(trace->service));
		memcpy(trace->payload_hash, payload_hash,
		    sizeof(trace->payload_hash));
		memcpy(trace->canonical_hash, canonical_hash,
		    sizeof(trace->canonical_hash));
		crypto_hex(k_date, sizeof(k_date), trace->secret_date);
		crypto_hex(k_service, sizeof(k_service),
		    trace->secret_service);
		crypto_hex(k_signing, sizeof(k_signing),
		    trace->secret_signing);
		memcpy(trace->signature, signature, sizeof(trace->signature));
	}
	ret = 0;
 out:
	crypto_wipe(k_date, sizeof(k_date));
	crypto_wipe(k_service, sizeof(k_service));
	crypto_wipe(k_signing, sizeof(k_signing));
	crypto_wipe(sig, sizeof(sig));
	crypto_wipe(signature, sizeof(signature));
	buf_free(&key);
	buf_free(&sts);
	buf_free(&creq);
	buf_free(&action);
	buf_free(&host);
	return ret;
}
