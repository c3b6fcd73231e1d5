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
void	creds_free(struct creds *);

#endif
