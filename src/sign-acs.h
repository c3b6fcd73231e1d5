/*
 * Alibaba Cloud request signing, as pure functions of the request, the
 * key and the time (no clock is read here).
 *
 * RPC signature (SignatureVersion=1.0, HMAC-SHA1; "V2" in the docs):
 *
 *   CanonicalizedQueryString = enc(k1)=enc(v1)&... sorted by name
 *   StringToSign = Method & enc("/") & enc(CanonicalizedQueryString)
 *   Signature = Base64(HMAC-SHA1(AccessKeySecret + "&", StringToSign))
 *
 * V3 (ACS3-HMAC-SHA256):
 *
 *   CanonicalRequest = Method \n "/" \n CanonicalQueryString \n
 *       CanonicalHeaders \n SignedHeaders \n HexLower(SHA256(body))
 *   StringToSign = "ACS3-HMAC-SHA256" \n HexLower(SHA256(CanonicalRequest))
 *   Signature = HexLower(HMAC-SHA256(AccessKeySecret, StringToSign))
 *
 * enc() is RFC 3986 percent-encoding of UTF-8: A-Z a-z 0-9 - _ . ~ kept,
 * every other byte %XY in upper-case hex (a space is %20, never +).
 */
#ifndef CGW_SIGN_ACS_H
#define CGW_SIGN_ACS_H

#include <stddef.h>

struct buf;
struct cgw_err;

struct acs_param {
	const char	*name;
	const char	*value;
};

/* Append s percent-encoded. */
int	acs_encode(struct buf *, const char *, struct cgw_err *);

/*
 * The canonical query string of n parameters (sorted in place by name,
 * byte order): "name=value&..." with both encoded. Also what is sent.
 */
int	acs_query(struct acs_param *, size_t, struct buf *,
	    struct cgw_err *);

/*
 * The RPC signature (Base64, 28 characters and a NUL) over the canonical
 * query string of every parameter but Signature itself.
 */
#define ACS_RPC_SIG_LEN	29
int	sign_acs_rpc(const char *method, const char *query,
	    const char *secret, char sig[ACS_RPC_SIG_LEN], struct cgw_err *);

struct acs3_request {
	const char	*method;	/* "POST" */
	const char	*host;		/* "vpc.aliyuncs.com" or "127.0.0.1:8080" */
	const char	*query;		/* canonical query string, may be "" */
	const char	*action;	/* x-acs-action */
	const char	*version;	/* x-acs-version */
	const char	*date;		/* x-acs-date: 2023-10-26T10:22:32Z */
	const char	*nonce;		/* x-acs-signature-nonce */
	const char	*token;		/* x-acs-security-token, or NULL */
	const char	*payload;	/* the exact body, may be "" */
	size_t		 payload_len;
};

/* What the V3 signer computed, for tests and -v. */
struct acs3_trace {
	char	payload_hash[65];	/* also x-acs-content-sha256 */
	char	canonical_hash[65];
	char	signature[65];
	char	signed_headers[160];
};

/*
 * Append the Authorization header's value: "ACS3-HMAC-SHA256
 * Credential=ID,SignedHeaders=host;x-acs-...,Signature=HEX". The headers
 * signed are host and every x-acs-* header of the request: the caller
 * sends exactly those (x-acs-content-sha256 is trace->payload_hash, so
 * trace is required).
 */
int	sign_acs3(const struct acs3_request *, const char *id,
	    const char *secret, struct buf *out, struct acs3_trace *trace,
	    struct cgw_err *);

#endif
