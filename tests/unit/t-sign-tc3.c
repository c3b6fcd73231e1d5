/*
 * Tests for TC3-HMAC-SHA256 signing against Tencent Cloud's two
 * published worked examples (the English page's "content-type;host" and
 * the Chinese page's "content-type;host;x-tc-action"), plus the UTC date
 * at midnight, trimming and case rules, and the error cases. Values not
 * published by Tencent were computed independently (Python hmac/hashlib).
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "buf.h"
#include "err.h"
#include "sign-tc3.h"
#include "tap.h"

static void	t_vector_a(void);
static void	t_vector_b(void);
static void	t_action_case(void);
static void	t_trim_and_case(void);
static void	t_midnight(void);
static void	t_service(void);
static void	t_null_trace(void);
static void	t_errors(void);
static void	vector_a(struct tc3_request *, struct tc3_credentials *);
static int	sign(const struct tc3_request *, const struct tc3_credentials *,
		    struct buf *, struct tc3_trace *, struct cgw_err *);

/* Byte for byte: the \u escapes are backslash sequences, not UTF-8. */
static const char payload[] = "{\"Limit\": 1, \"Filters\": [{\"Values\": "
    "[\"\\u672a\\u547d\\u540d\"], \"Name\": \"instance-name\"}]}";

#define A_ID		"AKID**********************0123456789EXAMPLE"
#define A_KEY		"Gu5t9xGARNpq86cd98joQYCN3EXAMPLE"
#define B_ID		"AKID********************************"
#define B_KEY		"********************************"
#define TIMESTAMP	1551113065
#define PAYLOAD_HASH \
	"35e9c5b0e3ae67532d3c9f17ead6c90222632e5b1ff7f6e89887f1398934f064"
#define A_SIGNATURE \
	"72e494ea809ad7a8c8f7a4507b9bddcbaa8e581f516e8da2f66e2c5a96525168"
#define A_AUTH "TC3-HMAC-SHA256 Credential=" A_ID "/2019-02-25/cvm/" \
	"tc3_request, SignedHeaders=content-type;host, Signature=" A_SIGNATURE
#define B_SIGNATURE \
	"10b1a37a7301a02ca19a647ad722d5e43b4b3cff309d421d85b46093f6ab6c4f"
#define B_AUTH "TC3-HMAC-SHA256 Credential=" B_ID "/2019-02-25/cvm/" \
	"tc3_request, SignedHeaders=content-type;host;x-tc-action, " \
	"Signature=" B_SIGNATURE

static void
vector_a(struct tc3_request *req, struct tc3_credentials *cred)
{
	memset(req, 0, sizeof(*req));
	req->method = "POST";
	req->host = "cvm.tencentcloudapi.com";
	req->query = "";
	req->content_type = "application/json; charset=utf-8";
	req->action = "DescribeInstances";
	req->sign_action = 0;
	req->payload = payload;
	req->payload_len = strlen(payload);
	req->timestamp = TIMESTAMP;
	cred->secret_id = A_ID;
	cred->secret_key = A_KEY;
}

/* sign_tc3 into a fresh buffer, with a clean error. */
static int
sign(const struct tc3_request *req, const struct tc3_credentials *cred,
    struct buf *out, struct tc3_trace *trace, struct cgw_err *err)
{
	memset(err, 0, sizeof(*err));
	buf_init(out, 0);
	return sign_tc3(req, cred, out, trace, err);
}

static void
t_vector_a(void)
{
	struct tc3_request	req;
	struct tc3_credentials	cred;
	struct tc3_trace	tr;
	struct buf		out;
	struct cgw_err		err;

	vector_a(&req, &cred);
	is_int((long long)req.payload_len, 86, "vector a: payload is 86 bytes");
	is_int(sign(&req, &cred, &out, &tr, &err), 0, "vector a: signs");
	is_str(tr.date, "2019-02-25", "vector a: date");
	is_str(tr.service, "cvm", "vector a: service");
	is_str(tr.payload_hash, PAYLOAD_HASH, "vector a: HashedRequestPayload");
	is_str(tr.canonical_hash, "5ffe6a04c0664d6b969fab9a13bdab201d63ee70963"
	    "8e2749d62a09ca18d7031", "vector a: HashedCanonicalRequest");
	is_str(tr.secret_date, "d1308c81fe71cfd4e06437bbc067b2b8a3d2d8c0e375d5"
	    "47f15c41d5214b395a", "vector a: SecretDate");
	is_str(tr.secret_service, "3c7cb7c7795393edc14fd2e0e6434a518564b4504b"
	    "88e94f5d11bf59ba3e7050", "vector a: SecretService");
	is_str(tr.secret_signing, "ac658d5dde49e9bfdd14e04e062f66b05d9f637d44b"
	    "8a8d845327d4a77f666b1", "vector a: SecretSigning");
	is_str(tr.signature, A_SIGNATURE, "vector a: Signature");
	is_str(out.data, A_AUTH, "vector a: Authorization");
	buf_free(&out);
}

static void
t_vector_b(void)
{
	struct tc3_request	req;
	struct tc3_credentials	cred;
	struct tc3_trace	tr;
	struct buf		out;
	struct cgw_err		err;

	vector_a(&req, &cred);
	req.sign_action = 1;
	cred.secret_id = B_ID;
	cred.secret_key = B_KEY;
	is_int(sign(&req, &cred, &out, &tr, &err), 0, "vector b: signs");
	is_str(tr.date, "2019-02-25", "vector b: date");
	is_str(tr.service, "cvm", "vector b: service");
	is_str(tr.payload_hash, PAYLOAD_HASH, "vector b: HashedRequestPayload");
	is_str(tr.canonical_hash, "7019a55be8395899b900fb5564e4200d984910f3479"
	    "4a27cb3fb7d10ff6a1e84", "vector b: HashedCanonicalRequest");
	is_str(tr.secret_date, "da98fb70dcf6b112dc21038d1eeeb3a95c74b4dcb12c11"
	    "31f864f6066bd02be0", "vector b: SecretDate");
	is_str(tr.secret_service, "8d70cbefb03939f929db64d32dc2ba89b109562011"
	    "9fe3e050e2b18c5bd2752f", "vector b: SecretService");
	is_str(tr.secret_signing, "b596b923aad85185e2d1f6659d2a062e0a86731226e"
	    "021e61bfe06f7ed05f5af", "vector b: SecretSigning");
	is_str(tr.signature, B_SIGNATURE, "vector b: Signature");
	is_str(out.data, B_AUTH, "vector b: Authorization");
	buf_free(&out);
}

/*
 * Vector B's canonical request carries "x-tc-action:describeinstances":
 * the action is lower-cased whatever case it is given in. Signing the
 * value as given ("DescribeInstances") would give f96dc2a9...
 */
static void
t_action_case(void)
{
	struct tc3_request	req;
	struct tc3_credentials	cred;
	struct tc3_trace	tr;
	struct buf		out;
	struct cgw_err		err;
	static const char	*forms[] = { "describeinstances",
				    "DESCRIBEINSTANCES",
				    " DescribeInstances\t" };
	size_t			i;

	for (i = 0; i < nitems(forms); i++) {
		vector_a(&req, &cred);
		req.sign_action = 1;
		req.action = forms[i];
		cred.secret_id = B_ID;
		cred.secret_key = B_KEY;
		is_int(sign(&req, &cred, &out, &tr, &err), 0, "action \"%s\": "
		    "signs", forms[i]);
		is_str(out.data, B_AUTH, "action \"%s\": same as vector b",
		    forms[i]);
		buf_free(&out);
	}

	vector_a(&req, &cred);
	req.action = NULL;
	is_int(sign(&req, &cred, &out, NULL, &err), 0, "action: not needed "
	    "unless signed");
	is_str(out.data, A_AUTH, "action: unsigned action does not matter");
	buf_free(&out);
}

static void
t_trim_and_case(void)
{
	struct tc3_request	req;
	struct tc3_credentials	cred;
	struct tc3_trace	tr;
	struct buf		out;
	struct cgw_err		err;

	vector_a(&req, &cred);
	req.host = " CVM.TencentCloudAPI.com\t";
	req.content_type = "  application/json; charset=utf-8 ";
	is_int(sign(&req, &cred, &out, &tr, &err), 0, "trim: signs");
	is_str(tr.service, "cvm", "trim: service from the lower-cased host");
	is_str(out.data, A_AUTH, "trim: blanks dropped, host lower-cased");
	buf_free(&out);

	/* The content-type value must equal the one sent: used as given. */
	vector_a(&req, &cred);
	req.content_type = "Application/JSON; charset=utf-8";
	is_int(sign(&req, &cred, &out, &tr, &err), 0, "content-type case: "
	    "signs");
	is_str(tr.canonical_hash, "9f322fd73ef74d9a63e1c3603c84de6ce7f4b747c26"
	    "bf152bd3c2b265a569d3c", "content-type case: value not "
	    "lower-cased");
	is_str(tr.signature, "d3dd1c5b4829c741cd4e87e5c1c75f2746017effe893ebe"
	    "365e4145d215ef88a", "content-type case: signature");
	buf_free(&out);

	/* The secret key is used byte for byte, blanks included. */
	vector_a(&req, &cred);
	cred.secret_key = " " A_KEY;
	is_int(sign(&req, &cred, &out, &tr, &err), 0, "secret key: signs");
	ok(strcmp(tr.signature, A_SIGNATURE) != 0, "secret key: not trimmed");
	buf_free(&out);
}

/*
 * 1551052799 is 2019-02-24 23:59:59 UTC, but already 07:59:59 on the 25th
 * in UTC+8: the date must come from UTC whatever the local zone.
 */
static void
t_midnight(void)
{
	struct tc3_request	req;
	struct tc3_credentials	cred;
	struct tc3_trace	tr;
	struct buf		out;
	struct cgw_err		err;

	setenv("TZ", "CST-8", 1);
	tzset();

	vector_a(&req, &cred);
	req.timestamp = 1551052799;
	is_int(sign(&req, &cred, &out, &tr, &err), 0, "23:59:59: signs");
	is_str(tr.date, "2019-02-24", "23:59:59: the UTC date, not local");
	is_str(tr.canonical_hash, "5ffe6a04c0664d6b969fab9a13bdab201d63ee70963"
	    "8e2749d62a09ca18d7031", "23:59:59: canonical request unchanged");
	is_str(tr.secret_date, "106fc4ad5f809806db0a8d371cde1753d6e598e4bcdf4e"
	    "8a935689510706de64", "23:59:59: SecretDate");
	is_str(out.data, "TC3-HMAC-SHA256 Credential=" A_ID "/2019-02-24/cvm/"
	    "tc3_request, SignedHeaders=content-type;host, Signature="
	    "fbdad4cbdadf37d863fedc7496c51fcccfd55cc86892eb834e8491596b7fee10",
	    "23:59:59: Authorization");
	buf_free(&out);

	req.timestamp = 1551052800;
	is_int(sign(&req, &cred, &out, &tr, &err), 0, "00:00:00: signs");
	is_str(tr.date, "2019-02-25", "00:00:00: the next day");
	is_str(tr.secret_date, "d1308c81fe71cfd4e06437bbc067b2b8a3d2d8c0e375d5"
	    "47f15c41d5214b395a", "00:00:00: SecretDate as in vector a");
	is_str(out.data, "TC3-HMAC-SHA256 Credential=" A_ID "/2019-02-25/cvm/"
	    "tc3_request, SignedHeaders=content-type;host, Signature="
	    "5ca473d9eccad7de166bc60b6ebfb54ad8dfd9641ebae9647f7f72b71d7a54a4",
	    "00:00:00: Authorization (timestamp is signed)");
	buf_free(&out);

	unsetenv("TZ");
	tzset();
}

static void
t_service(void)
{
	struct tc3_request	req;
	struct tc3_credentials	cred;
	struct tc3_trace	tr;
	struct buf		out;
	struct cgw_err		err;

	vector_a(&req, &cred);
	req.host = "vpc.ap-guangzhou.tencentcloudapi.com";
	req.content_type = "application/json";
	req.action = "DescribeVpnConnections";
	req.payload = "{}";
	req.payload_len = 2;
	req.timestamp = 1700000000;
	cred.secret_id = "AKIDEXAMPLE";
	is_int(sign(&req, &cred, &out, &tr, &err), 0, "regional host: signs");
	is_str(tr.service, "vpc", "regional host: service is the first label");
	is_str(tr.payload_hash, "44136fa355b3678a1146ad16f7e8649e94fb4fc21fe77e"
	    "8310c060f61caaff8a", "regional host: payload hash of \"{}\"");
	is_str(out.data, "TC3-HMAC-SHA256 Credential=AKIDEXAMPLE/2023-11-14/"
	    "vpc/tc3_request, SignedHeaders=content-type;host, Signature="
	    "4bdcbfaadefe02cf4df5e4fe6cc816a782c966f0bf7fa2632970285a4f9b8a21",
	    "regional host: Authorization");
	buf_free(&out);

	/*
	 * A named service wins over the host (a test server on loopback);
	 * the expected value is from tests/e2e/tc3_sign.py, a separate
	 * signer.
	 */
	req.host = "127.0.0.1:8080";
	req.service = "vpc";
	is_int(sign(&req, &cred, &out, &tr, &err), 0, "named service: signs");
	is_str(tr.service, "vpc", "named service: in the trace");
	is_str(out.data, "TC3-HMAC-SHA256 Credential=AKIDEXAMPLE/2023-11-14/"
	    "vpc/tc3_request, SignedHeaders=content-type;host, Signature="
	    "15f97096266c0eeb31c5070ff0cf149492f9afb3bcaa6489353c21f3af8ba732",
	    "named service: Authorization");
	buf_free(&out);
	req.service = NULL;
	is_int(sign(&req, &cred, &out, &tr, &err), 0, "no service: signs");
	is_str(tr.service, "127", "no service: the host's first label");
	buf_free(&out);
	req.service = "vpc/x";
	is_int(sign(&req, &cred, &out, &tr, &err), -1, "service with a "
	    "slash: refused");
	buf_free(&out);
}

static void
t_null_trace(void)
{
	struct tc3_request	req;
	struct tc3_credentials	cred;
	struct buf		out;
	struct cgw_err		err;

	vector_a(&req, &cred);
	memset(&err, 0, sizeof(err));
	buf_init(&out, 0);
	buf_adds(&out, "Authorization: ", &err);
	is_int(sign_tc3(&req, &cred, &out, NULL, &err), 0,
	    "null trace: signs");
	is_str(out.data, "Authorization: " A_AUTH, "null trace: appends the "
	    "same value");
	is_int(err.code, CGW_E_NONE, "null trace: no error");
	buf_free(&out);
}

static void
t_errors(void)
{
	static const struct {
		const char	*name;
		int		 field;
		const char	*value;
		const char	*msg;
	} v[] = {
		{ "secret key NULL", 0, NULL,
		    "tc3 signing: missing secret key" },
		{ "secret key empty", 0, "",
		    "tc3 signing: missing secret key" },
		{ "host NULL", 1, NULL, "tc3 signing: missing host" },
		{ "host empty", 1, "", "tc3 signing: missing host" },
		{ "host blank", 1, " \t ", "tc3 signing: missing host" },
		{ "host without a service", 1, ".tencentcloudapi.com",
		    "tc3 signing: no usable service name for host "
		    "\".tencentcloudapi.com\"" },
		{ "host with a newline", 1, "cvm.tencentcloudapi.com\nx: y",
		    "tc3 signing: host contains a control character" },
		{ "secret id NULL", 2, NULL, "tc3 signing: missing secret id" },
		{ "method NULL", 3, NULL, "tc3 signing: missing method" },
		{ "content type NULL", 4, NULL,
		    "tc3 signing: missing content type" },
		{ "signed action NULL", 5, NULL,
		    "tc3 signing: missing action" },
		{ "negative timestamp", 6, NULL,
		    "tc3 signing: timestamp -1 is not a date" },
		{ "payload NULL with a length", 7, NULL,
		    "tc3 signing: missing payload" },
	};
	struct tc3_request	req;
	struct tc3_credentials	cred;
	struct tc3_trace	tr;
	struct buf		out;
	struct cgw_err		err;
	size_t			i;

	for (i = 0; i < nitems(v); i++) {
		vector_a(&req, &cred);
		switch (v[i].field) {
		case 0:
			cred.secret_key = v[i].value;
			break;
		case 1:
			req.host = v[i].value;
			break;
		case 2:
			cred.secret_id = v[i].value;
			break;
		case 3:
			req.method = v[i].value;
			break;
		case 4:
			req.content_type = v[i].value;
			break;
		case 5:
			req.sign_action = 1;
			req.action = v[i].value;
			break;
		case 6:
			req.timestamp = -1;
			break;
		case 7:
			req.payload = NULL;
			break;
		}
		memset(&err, 0, sizeof(err));
		buf_init(&out, 0);
		buf_adds(&out, "kept", &err);
		is_int(sign_tc3(&req, &cred, &out, &tr, &err), -1, "%s: fails",
		    v[i].name);
		is_int(err.code, CGW_E_INPUT, "%s: CGW_E_INPUT", v[i].name);
		is_str(err.msg, v[i].msg, "%s: message", v[i].name);
		is_str(out.data, "kept", "%s: output untouched", v[i].name);
		is_str(tr.signature, "", "%s: no signature traced", v[i].name);
		buf_free(&out);
	}
}

int
main(void)
{
	t_vector_a();
	t_vector_b();
	t_action_case();
	t_trim_and_case();
	t_midnight();
	t_service();
	t_null_trace();
	t_errors();
	return done_testing();
}
