/*
 * Tencent Cloud API 3.0 request signing, TC3-HMAC-SHA256, as a pure
 * function of the request, the credentials and the time (no clock is
 * read here). See Tencent Cloud's "Signature v3":
 *
 *   CanonicalRequest = Method \n CanonicalURI \n CanonicalQueryString \n
 *       CanonicalHeaders \n SignedHeaders \n HexLower(SHA256(payload))
 *   StringToSign = "TC3-HMAC-SHA256" \n Timestamp \n
 *       Date/Service/tc3_request \n HexLower(SHA256(CanonicalRequest))
 *   SecretDate = HMAC("TC3" + SecretKey, Date); SecretService =
 *       HMAC(SecretDate, Service); SecretSigning = HMAC(SecretService,
 *       "tc3_request"); Signature = Hex(HMAC(SecretSigning, StringToSign))
 *
 * Date is the UTC date of the timestamp. The signed headers are
 * content-type and host, and x-tc-action too when sign_action is set
 * (the form of the current Chinese documentation's example).
 */
#ifndef CGW_SIGN_TC3_H
#define CGW_SIGN_TC3_H

#include <stddef.h>
#include <time.h>

struct buf;
struct cgw_err;

struct tc3_request {
	const char	*method;	/* "POST" */
	const char	*host;		/* "vpc.tencentcloudapi.com" */
	const char	*service;	/* "vpc"; NULL: the host's first label */
	const char	*query;		/* "" for POST */
	const char	*content_type;	/* "application/json" */
	const char	*action;	/* "DescribeVpnConnections" */
	int		 sign_action;	/* also sign x-tc-action */
	const char	*payload;	/* the exact body bytes */
	size_t		 payload_len;
	time_t		 timestamp;	/* X-TC-Timestamp */
};

struct tc3_credentials {
	const char	*secret_id;
	const char	*secret_key;
};

/* What the signer computed, for tests and for -v tracing. */
struct tc3_trace {
	char	 date[11];			/* "2019-02-25" */
	char	 service[64];			/* from the host: "vpc" */
	char	 payload_hash[65];
	char	 canonical_hash[65];
	char	 secret_date[65];		/* hex of the derived keys */
	char	 secret_service[65];
	char	 secret_signing[65];
	char	 signature[65];
};

/*
 * Append the Authorization header's value to out:
 * "TC3-HMAC-SHA256 Credential=ID/DATE/SERVICE/tc3_request,
 * SignedHeaders=..., Signature=...". trace may be NULL. The service is
 * req->service, or the host's first label when that is NULL. Returns 0, or -1 with err set (a missing field,
 * a timestamp that is not a date).
 */
int	sign_tc3(const struct tc3_request *, const struct tc3_credentials *,
	    struct buf *out, struct tc3_trace *trace, struct cgw_err *err);

#endif
