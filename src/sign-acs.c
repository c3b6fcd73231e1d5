/*
 * Alibaba Cloud's RPC (HMAC-SHA1) and V3 (ACS3-HMAC-SHA256) signatures.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "crypto.h"
#include "err.h"
#include "sign-acs.h"
#include "util.h"

static int	param_cmp(const void *, const void *);
static int	acs_field(const char *, const char *, struct cgw_err *);

int
acs_encode(struct buf *b, const char *s, struct cgw_err *err)
{
	static const char	 hex[] = "0123456789ABCDEF";
	unsigned char		 c;

	for (; *s != '\0'; s++) {
		c = (unsigned char)*s;
		if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
		    (c >= '0' && c <= '9') || c == '-' || c == '_' ||
		    c == '.' || c == '~') {
			if (buf_addc(b, (char)c, err) == -1)
				return -1;
		} else if (buf_addc(b, '%', err) == -1 ||
		    buf_addc(b, hex[c >> 4], err) == -1 ||
		    buf_addc(b, hex[c & 0xf], err) == -1)
			return -1;
	}
	return 0;
}

static int
param_cmp(const void *a, const void *b)
{
	return strcmp(((const struct acs_param *)a)->name,
	    ((const struct acs_param *)b)->name);
}

int
acs_query(struct acs_param *p, size_t n, struct buf *out,
    struct cgw_err *err)
{
	size_t	i;

	if (n > 0)
		qsort(p, n, sizeof(*p), param_cmp);
	for (i = 0; i < n; i++)
		if ((i > 0 && buf_addc(out, '&', err) == -1) ||
		    acs_encode(out, p[i].name, err) == -1 ||
		    buf_addc(out, '=', err) == -1 ||
		    acs_encode(out, p[i].value, err) == -1)
			return -1;
	if (out->data == NULL)
		return buf_adds(out, "", err);
	return 0;
}

/* A field that goes into a header or a line of the canonical request. */
static int
acs_field(const char *what, const char *s, struct cgw_err *err)
{
	if (s == NULL || *s == '\0')
		return err_set(err, CGW_E_INPUT, "acs signing: missing %s",
		    what);
	for (; *s != '\0'; s++)
		if ((unsigned char)*s < 0x20 || *s == 0x7f)
			return err_set(err, CGW_E_INPUT, "acs signing: %s "
			    "contains a control character", what);
	return 0;
}

int
sign_acs_rpc(const char *method, const char *query, const char *secret,
    char sig[ACS_RPC_SIG_LEN], struct cgw_err *err)
{
	struct buf	 sts, key;
	unsigned char	 mac[CRYPTO_SHA1_LEN];
	int		 ret = -1;

	buf_init(&sts, 0);
	buf_init(&key, 4096);
	if (query == NULL) {
		err_set(err, CGW_E_INPUT, "acs signing: missing query");
		goto out;
	}
	if (acs_field("method", method, err) == -1 ||
	    acs_field("AccessKeySecret", secret, err) == -1)
		goto out;
	if (buf_adds(&sts, method, err) == -1 ||
	    buf_adds(&sts, "&%2F&", err) == -1 ||
	    acs_encode(&sts, query, err) == -1 ||
	    buf_adds(&key, secret, err) == -1 ||
	    buf_addc(&key, '&', err) == -1)
		goto out;
	crypto_hmac_sha1(key.data, key.len, sts.data, sts.len, mac);
	crypto_base64(mac, sizeof(mac), sig);
	crypto_wipe(mac, sizeof(mac));
	ret = 0;
out:
	buf_free(&sts);
	buf_free(&key);
	return ret;
}

int
sign_acs3(const struct acs3_request *r, const char *id, const char *secret,
    struct buf *out, struct acs3_trace *t, struct cgw_err *err)
{
	struct buf	 cr, sts;
	unsigned char	 mac[CRYPTO_SHA256_LEN];
	int		 ret = -1;

	buf_init(&cr, 0);
	buf_init(&sts, 0);
	if (acs_field("method", r->method, err) == -1 ||
	    acs_field("host", r->host, err) == -1 ||
	    acs_field("action", r->action, err) == -1 ||
	    acs_field("version", r->version, err) == -1 ||
	    acs_field("date", r->date, err) == -1 ||
	    acs_field("nonce", r->nonce, err) == -1 ||
	    (r->token != NULL && acs_field("security token", r->token,
	    err) == -1) ||
	    acs_field("AccessKeyId", id, err) == -1 ||
	    acs_field("AccessKeySecret", secret, err) == -1)
		goto out;
	crypto_sha256_hex(r->payload == NULL ? "" : r->payload,
	    r->payload == NULL ? 0 : r->payload_len, t->payload_hash);
	snprintf(t->signed_headers, sizeof(t->signed_headers), "host;"
	    "x-acs-action;x-acs-content-sha256;x-acs-date;%s"
	    "x-acs-signature-nonce;x-acs-version",
	    r->token != NULL ? "x-acs-security-token;" : "");
	/* Headers sorted by name: the order of signed_headers. */
	if (buf_printf(&cr, err, "%s\n/\n%s\nhost:%s\nx-acs-action:%s\n"
	    "x-acs-content-sha256:%s\nx-acs-date:%s\n", r->method,
	    r->query == NULL ? "" : r->query, r->host, r->action,
	    t->payload_hash, r->date) == -1 ||
	    (r->token != NULL && buf_printf(&cr, err,
	    "x-acs-security-token:%s\n", r->token) == -1) ||
	    buf_printf(&cr, err, "x-acs-signature-nonce:%s\n"
	    "x-acs-version:%s\n\n%s\n%s", r->nonce, r->version,
	    t->signed_headers, t->payload_hash) == -1)
		goto out;
	crypto_sha256_hex(cr.data, cr.len, t->canonical_hash);
	if (buf_printf(&sts, err, "ACS3-HMAC-SHA256\n%s",
	    t->canonical_hash) == -1)
		goto out;
	crypto_hmac_sha256(secret, strlen(secret), sts.data, sts.len, mac);
	crypto_hex(mac, sizeof(mac), t->signature);
	crypto_wipe(mac, sizeof(mac));
	if (buf_printf(out, err, "ACS3-HMAC-SHA256 Credential=%s,"
	    "SignedHeaders=%s,Signature=%s", id, t->signed_headers,
	    t->signature) == -1)
		goto out;
	ret = 0;
out:
	buf_free(&cr);
	buf_free(&sts);
	return ret;
}
