/*
 * Cloud credentials, never from the command line: the environment and
 * the files the clouds' own tools keep. Each found credential says where
 * it came from, for messages. A file readable by group or others gives a
 * warning (as ssh does for keys). creds_free() wipes the secrets.
 *
 * Tencent Cloud, first found wins:
 *   1. with --profile P (or TCCLI_PROFILE): ~/.tccli/P.credential only;
 *   2. TENCENTCLOUD_SECRET_ID and TENCENTCLOUD_SECRET_KEY, with
 *      TENCENTCLOUD_SESSION_TOKEN or TENCENTCLOUD_TOKEN;
 *   3. ~/.tccli/default.credential (tccli's JSON: secretId, secretKey,
 *      token);
 *   4. ~/.tencentcloud/credentials (the SDKs' INI: [default] secret_id,
 *      secret_key, token).
 * The region: --region, else TENCENTCLOUD_REGION, else the profile's
 * ~/.tccli/P.configure ("_sys_param": {"region": ...}).
 *
 * Alibaba Cloud, first found wins:
 *   1. with --profile P (or ALIBABA_CLOUD_PROFILE, ALIBABACLOUD_PROFILE,
 *      ALICLOUD_PROFILE): profile P of ~/.aliyun/config.json only;
 *   2. ALIBABA_CLOUD_ACCESS_KEY_ID and ALIBABA_CLOUD_ACCESS_KEY_SECRET,
 *      with ALIBABA_CLOUD_SECURITY_TOKEN;
 *   3. the "current" profile of ~/.aliyun/config.json (the aliyun CLI's;
 *      modes AK and StsToken);
 *   4. ~/.alibabacloud/credentials (or ALIBABA_CLOUD_CREDENTIALS_FILE),
 *      [default] with type access_key or sts: access_key_id,
 *      access_key_secret, security_token.
 * The region: --region, else ALIBABA_CLOUD_REGION_ID, else the profile's
 * region_id.
 * Half a key pair in the environment is an error for both clouds.
 */
#ifndef CGW_CREDS_H
#define CGW_CREDS_H

struct cgw_err;
struct warnings;

struct creds {
	char	*id;
	char	*secret;
	char	*token;		/* NULL without a session token */
	char	*region;	/* NULL when none is configured */
	char	*from;		/* "the environment", a file name */
};

int	creds_tencent(const char *profile, const char *region,
	    struct creds *, struct warnings *, struct cgw_err *);
int	creds_alibaba(const char *profile, const char *region,
	    struct creds *, struct warnings *, struct cgw_err *);
void	creds_free(struct creds *);

#endif
