/*
 * Tests for Alibaba Cloud's RPC (HMAC-SHA1) and V3 (ACS3-HMAC-SHA256)
 * signatures against the published vectors (cloud-apis.md section 2.2
 * and 2.3: DescribeDedicatedHosts GET and POST, DescribeRegions, V3
 * RunInstances), the encoding rules, and the error cases. Values not
 * published by Alibaba were computed independently (Python hmac,
 * hashlib, urllib.parse.quote with safe="-_.~").
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "err.h"
#include "sign-acs.h"
#include "tap.h"
#include "util.h"

static void	t_encode(void);
static void	t_rpc_vectors(void);
static void	t_rpc_sorting(void);
static void	t_v3_vector(void);
static void	t_v3_token(void);
static void	t_errors(void);
static const char *query(struct acs_param *, size_t, struct buf *);
static const char *rpc(const char *, struct acs_param *, size_t, char *);

#define V3_HASH \
	"7ea06492da5221eba5297e897ce16e55f964061054b7695beedaac1145b1e259"
#define V3_SIG \
	"06563a9e1b43f5dfe96b81484da74bceab24a1d853912eee15083a6f0f3283c0"

static const char *
query(struct acs_param *p, size_t n, struct buf *b)
{
	struct cgw_err	err;

	memset(&err, 0, sizeof(err));
	buf_init(b, 0);
	if (acs_query(p, n, b, &err) == -1)
		return "error";
	return b->data;
}

/* The RPC signature of the parameters, in sig. */
static const char *
rpc(const char *method, struct acs_param *p, size_t n, char *sig)
{
	struct cgw_err	err;
	struct buf	b;

	memset(&err, 0, sizeof(err));
	query(p, n, &b);
	if (sign_acs_rpc(method, b.data, "testsecret", sig, &err) == -1)
		snprintf(sig, ACS_RPC_SIG_LEN, "error");
	buf_free(&b);
	return sig;
}

static void
t_encode(void)
{
	static const struct {
		const char	*in, *out, *what;
	} v[] = {
		{ "AZaz09-_.~", "AZaz09-_.~", "unreserved kept (~ too)" },
		{ "a b", "a%20b", "space is %20, not +" },
		{ "*", "%2A", "* is %2A" },
		{ "+/=&:", "%2B%2F%3D%26%3A", "reserved characters escaped" },
		{ "'()!", "%27%28%29%21", "what encodeURIComponent keeps" },
		{ "\xe4\xbd\xa0", "%E4%BD%A0", "UTF-8 bytes, upper-case hex" },
		{ "", "", "empty" },
	};
	struct cgw_err	err;
	struct buf	b;
	size_t		i;

	for (i = 0; i < nitems(v); i++) {
		memset(&err, 0, sizeof(err));
		buf_init(&b, 0);
		buf_adds(&b, "", &err);
		is_int(acs_encode(&b, v[i].in, &err), 0, "encode: %s: ok",
		    v[i].what);
		is_str(b.data, v[i].out, "encode: %s", v[i].what);
		buf_free(&b);
	}
}

static void
t_rpc_vectors(void)
{
	struct acs_param	hosts[] = {
		{ "Action", "DescribeDedicatedHosts" },
		{ "Format", "JSON" },
		{ "RegionId", "cn-beijing" },
		{ "SignatureMethod", "HMAC-SHA1" },
		{ "SignatureNonce", "edb2b34af0af9a6d14deaf7c1a5315eb" },
		{ "SignatureVersion", "1.0" },
		{ "Timestamp", "2023-03-13T08:34:30Z" },
		{ "Version", "2014-05-26" },
		{ "AccessKeyId", "testid" },
	};
	struct acs_param	regions[] = {
		{ "Action", "DescribeRegions" },
		{ "Format", "XML" },
		{ "SignatureMethod", "HMAC-SHA1" },
		{ "SignatureNonce", "3ee8c1b8-83d3-44af-a94f-4e0ad82fd6cf" },
		{ "SignatureVersion", "1.0" },
		{ "Timestamp", "2016-02-23T12:46:24Z" },
		{ "Version", "2014-05-26" },
		{ "AccessKeyId", "testid" },
	};
	struct buf		b;
	char			sig[ACS_RPC_SIG_LEN];

	is_str(query(hosts, nitems(hosts), &b), "AccessKeyId=testid&"
	    "Action=DescribeDedicatedHosts&Format=JSON&RegionId=cn-beijing&"
	    "SignatureMethod=HMAC-SHA1&SignatureNonce=edb2b34af0af9a6d14deaf7"
	    "c1a5315eb&SignatureVersion=1.0&Timestamp=2023-03-13T08%3A34%3A30Z"
	    "&Version=2014-05-26", "DescribeDedicatedHosts: canonical query "
	    "(sorted, : encoded)");
	buf_free(&b);
	is_str(rpc("GET", hosts, nitems(hosts), sig),
	    "9NaGiOspFP5UPcwX8Iwt2YJXXuk=", "DescribeDedicatedHosts GET: the "
	    "published signature");
	is_str(rpc("POST", hosts, nitems(hosts), sig),
	    "ZvQ9xGiFnquSJRvj+WE6kdSpTwU=", "DescribeDedicatedHosts POST: the "
	    "SDK's signature (the method is signed)");
	is_str(rpc("GET", regions, nitems(regions), sig),
	    "OLeaidS1JvxuMvnyHOwuJ+uX5qY=", "DescribeRegions GET: the "
	    "published signature");
}

/* Awkward values and an order that is not sorted: computed in Python. */
static void
t_rpc_sorting(void)
{
	struct acs_param	p[] = {
		{ "Version", "2016-04-28" },
		{ "Timestamp", "2026-12-04T00:00:00Z" },
		{ "Tag.1.Value", "a b*~/'()!" },
		{ "SignatureVersion", "1.0" },
		{ "SignatureNonce", "n1" },
		{ "SignatureMethod", "HMAC-SHA1" },
		{ "RegionId", "cn-hangzhou" },
		{ "Format", "JSON" },
		{ "Action", "DescribeVpnConnections" },
		{ "AccessKeyId", "testid" },
	};
	struct buf		b;
	char			sig[ACS_RPC_SIG_LEN];

	is_str(query(p, nitems(p), &b), "AccessKeyId=testid&Action="
	    "DescribeVpnConnections&Format=JSON&RegionId=cn-hangzhou&"
	    "SignatureMethod=HMAC-SHA1&SignatureNonce=n1&SignatureVersion=1.0&"
	    "Tag.1.Value=a%20b%2A~%2F%27%28%29%21&Timestamp=2026-12-04T00%3A00"
	    "%3A00Z&Version=2016-04-28", "sorted by name in byte order, values "
	    "encoded");
	buf_free(&b);
	is_str(rpc("POST", p, nitems(p), sig), "J24x9od+dlJFBN+VmQv5jzQ2Zus=",
	    "awkward values: Python's signature");
}

static void
t_v3_vector(void)
{
	struct acs_param	q[] = {
		{ "RegionId", "cn-shanghai" },
		{ "ImageId", "win2019_1809_x64_dtc_zh-cn_40G_alibase_"
		    "20230811.vhd" },
	};
	struct acs3_request	r;
	struct acs3_trace	t;
	struct cgw_err		err;
	struct buf		qb, out;

	memset(&err, 0, sizeof(err));
	memset(&r, 0, sizeof(r));
	r.method = "POST";
	r.host = "ecs.cn-shanghai.aliyuncs.com";
	r.query = query(q, nitems(q), &qb);
	r.action = "RunInstances";
	r.version = "2014-05-26";
	r.date = "2023-10-26T10:22:32Z";
	r.nonce = "3156853299f313e23d1673dc12e1703d";
	r.payload = "";
	buf_init(&out, 0);
	is_int(sign_acs3(&r, "YourAccessKeyId", "YourAccessKeySecret", &out,
	    &t, &err), 0, "v3 RunInstances: signs");
	is_str(t.payload_hash, "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b"
	    "934ca495991b7852b855", "v3: the empty body's hash");
	is_str(t.canonical_hash, V3_HASH, "v3: HashedCanonicalRequest");
	is_str(t.signature, V3_SIG, "v3: the published signature");
	is_str(out.data, "ACS3-HMAC-SHA256 Credential=YourAccessKeyId,"
	    "SignedHeaders=host;x-acs-action;x-acs-content-sha256;x-acs-date;"
	    "x-acs-signature-nonce;x-acs-version,Signature=" V3_SIG,
	    "v3: the published Authorization header");
	buf_free(&out);
	buf_free(&qb);
}

static void
t_v3_token(void)
{
	struct acs3_request	r;
	struct acs3_trace	t;
	struct cgw_err		err;
	struct buf		out;

	memset(&err, 0, sizeof(err));
	memset(&r, 0, sizeof(r));
	r.method = "POST";
	r.host = "ecs.cn-shanghai.aliyuncs.com";
	r.query = "ImageId=win2019_1809_x64_dtc_zh-cn_40G_alibase_20230811."
	    "vhd&RegionId=cn-shanghai";
	r.action = "RunInstances";
	r.version = "2014-05-26";
	r.date = "2023-10-26T10:22:32Z";
	r.nonce = "3156853299f313e23d1673dc12e1703d";
	r.token = "STS.tok/en+=";
	buf_init(&out, 0);
	is_int(sign_acs3(&r, "YourAccessKeyId", "YourAccessKeySecret", &out,
	    &t, &err), 0, "v3 with a security token: signs (NULL body)");
	is_str(t.signed_headers, "host;x-acs-action;x-acs-content-sha256;"
	    "x-acs-date;x-acs-security-token;x-acs-signature-nonce;"
	    "x-acs-version", "v3: the token header is signed, in order");
	is_str(t.canonical_hash, "da2f55914efc880d1a55c094cfdc742ea13ee2ec1c61"
	    "e5de3eda725b552eb842", "v3 token: HashedCanonicalRequest "
	    "(Python)");
	is_str(t.signature, "77733d20ee53e6e8f317c4af8c308414f6cbafafc122107e"
	    "5883ecdaf3b894a3", "v3 token: signature (Python)");
	buf_free(&out);
}

static void
t_errors(void)
{
	struct acs3_request	r;
	struct acs3_trace	t;
	struct cgw_err		err;
	struct buf		out;
	char			sig[ACS_RPC_SIG_LEN];

	memset(&err, 0, sizeof(err));
	is_int(sign_acs_rpc("POST", NULL, "s", sig, &err), -1,
	    "rpc: no query fails");
	is_str(err.msg, "acs signing: missing query", "rpc: says so");
	memset(&err, 0, sizeof(err));
	is_int(sign_acs_rpc("POST", "a=b", "", sig, &err), -1,
	    "rpc: an empty secret fails");
	is_str(err.msg, "acs signing: missing AccessKeySecret", "rpc: named");

	memset(&r, 0, sizeof(r));
	r.method = "POST";
	r.host = "h";
	r.query = "";
	r.action = "A";
	r.version = "v";
	r.date = "d";
	r.nonce = "n\r\nx-acs-evil: 1";
	memset(&err, 0, sizeof(err));
	buf_init(&out, 0);
	buf_adds(&out, "kept", &err);
	is_int(sign_acs3(&r, "id", "secret", &out, &t, &err), -1,
	    "v3: a control character in a header value fails");
	is_str(err.msg, "acs signing: nonce contains a control character",
	    "v3: naming the field");
	is_str(out.data, "kept", "v3: output untouched");
	r.nonce = "n";
	r.action = NULL;
	memset(&err, 0, sizeof(err));
	is_int(sign_acs3(&r, "id", "secret", &out, &t, &err), -1,
	    "v3: a missing action fails");
	is_str(err.msg, "acs signing: missing action", "v3: named");
	buf_free(&out);
}

int
main(void)
{
	t_encode();
	t_rpc_vectors();
	t_rpc_sorting();
	t_v3_vector();
	t_v3_token();
	t_errors();
	return done_testing();
}
