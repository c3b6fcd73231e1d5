/*
 * Finding cloud credentials.
 */
#include "config.h"

#include <sys/stat.h>

#include <errno.h>
#include <pwd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cjson/cJSON.h>

#include "creds.h"
#include "err.h"
#include "jsonutil.h"
#include "util.h"
#include "warn.h"
#include "xmalloc.h"

#define CREDS_FILE_MAX	(64 * 1024)

static const char	*home_dir(void);
static int	 read_private(const char *, char **, size_t *,
		    struct warnings *, struct cgw_err *);
static int	 tccli_file(const char *, struct creds *, struct warnings *,
		    struct cgw_err *);
/* The key names of an INI credentials file. */
struct ini_keys {
	const char	*id;
	const char	*secret;
	const char	*token;
	const char	*type;		/* NULL: no type key */
};
static const struct ini_keys	tencent_ini = { "secret_id", "secret_key",
				    "token", NULL };
static const struct ini_keys	alibaba_ini = { "access_key_id",
				    "access_key_secret", "security_token",
				    "type" };

static int	 ini_file(const char *, const char *, const struct ini_keys *,
		    struct creds *, struct warnings *, struct cgw_err *);
static int	 aliyun_file(const char *, const char *, int, struct creds *,
		    struct warnings *, struct cgw_err *);
static int	 region_check(const struct creds *, struct cgw_err *);
static int	 env_pair(const char *, const char *, const char *,
		    const char *, struct creds *, struct cgw_err *);
static char	*tccli_region(const char *, struct cgw_err *);
static int	 valid_profile(const char *);

static const char *
home_dir(void)
{
	const char	*h = getenv("HOME");
	struct passwd	*pw;

	if (h != NULL && *h != '\0')
		return h;
	if ((pw = getpwuid(getuid())) != NULL)
		return pw->pw_dir;
	return "/";
}

static int
valid_profile(const char *p)
{
	return is_token(p);
}

/*
 * Read a credentials file: 1 when absent, -1 on error, 0 when read; a
 * file that group or others may read gives a warning.
 */
static int
read_private(const char *path, char **data, size_t *len,
    struct warnings *warn, struct cgw_err *err)
{
	struct stat	st;

	if (stat(path, &st) == -1) {
		if (errno == ENOENT || errno == ENOTDIR)
			return 1;
		return err_sys(err, "%s", path);
	}
	if (st.st_mode & (S_IRWXG | S_IRWXO))
		warn_add(warn, "%s holds secrets and can be read by others "
		    "(mode %04o): chmod 600 %s", path,
		    (unsigned)(st.st_mode & 07777), path);
	return util_read_file(path, CREDS_FILE_MAX, data, len, err);
}

static void
wipe_free(char *data, size_t len)
{
	if (data == NULL)
		return;
	explicit_bzero(data, len);
	free(data);
}

/* tccli's JSON credential file. */
static int
tccli_file(const char *path, struct creds *c, struct warnings *warn,
    struct cgw_err *err)
{
	cJSON		*root = NULL;
	char		*data = NULL;
	const char	*id = NULL, *key = NULL, *tok = NULL;
	size_t		 len = 0;
	int		 r, ret = -1;

	if ((r = read_private(path, &data, &len, warn, err)) != 0)
		return r;
	if ((root = cJSON_ParseWithLength(data, len)) == NULL ||
	    !cJSON_IsObject(root)) {
		err_set(err, CGW_E_INPUT, "%s: not a tccli credential file "
		    "(JSON with secretId and secretKey)", path);
		goto out;
	}
	if (json_string(root, path, "secretId", &id, err) != 0 ||
	    json_string(root, path, "secretKey", &key, err) != 0) {
		err_set(err, CGW_E_INPUT, "%s: secretId or secretKey is missing "
		    "(role and SSO profiles are not supported: use a key)",
		    path);
		goto out;
	}
	if (json_string(root, path, "token", &tok, err) == -1)
		goto out;
	c->id = xstrdup(id);
	c->secret = xstrdup(key);
	c->token = tok == NULL ? NULL : xstrdup(tok);
	c->from = xstrdup(path);
	ret = 0;
out:
	cJSON_Delete(root);
	wipe_free(data, len);
	return ret;
}

/*
 * One section of an INI file: key = value lines. With a type key, the
 * type must be one of a key pair (Alibaba's access_key or sts).
 */
static int
ini_file(const char *path, const char *section, const struct ini_keys *keys,
    struct creds *c, struct warnings *warn, struct cgw_err *err)
{
	char	*data = NULL, *line, *next, *eq, *k, *v, *e, *type = NULL;
	size_t	 len = 0;
	int	 r, in = 0, ret = -1;

	if ((r = read_private(path, &data, &len, warn, err)) != 0)
		return r;
	for (line = data; line != NULL; line = next) {
		if ((next = strchr(line, '\n')) != NULL)
			*next++ = '\0';
		line += strspn(line, " \t");
		for (e = line + strlen(line); e > line &&
		    strchr(" \t\r", e[-1]) != NULL; e--)
			e[-1] = '\0';
		if (*line == '\0' || *line == '#' || *line == ';')
			continue;
		if (*line == '[') {
			in = strlen(line) == strlen(section) + 2 &&
			    strncmp(line + 1, section, strlen(section)) == 0 &&
			    line[strlen(line) - 1] == ']';
			continue;
		}
		if (!in || (eq = strchr(line, '=')) == NULL)
			continue;
		*eq = '\0';
		k = line;
		for (e = k + strlen(k); e > k && strchr(" \t", e[-1]); e--)
			e[-1] = '\0';
		v = eq + 1 + strspn(eq + 1, " \t");
		if (strcmp(k, keys->id) == 0 && c->id == NULL)
			c->id = xstrdup(v);
		else if (strcmp(k, keys->secret) == 0 && c->secret == NULL)
			c->secret = xstrdup(v);
		else if (strcmp(k, keys->token) == 0 && c->token == NULL &&
		    *v != '\0')
			c->token = xstrdup(v);
		else if (keys->type != NULL && strcmp(k, keys->type) == 0 &&
		    type == NULL)
			type = xstrdup(v);
	}
	if (type != NULL && strcmp(type, "access_key") != 0 &&
	    strcmp(type, "sts") != 0) {
		err_set(err, CGW_E_USAGE, "%s: [%s] is of type %s, which cgwgen "
		    "does not support: use access_key or sts", path, section,
		    type);
		goto out;
	}
	if (c->id == NULL || c->secret == NULL) {
		err_set(err, CGW_E_INPUT, "%s: section [%s] needs %s and %s",
		    path, section, keys->id, keys->secret);
		goto out;
	}
	c->from = xstrdup(path);
	ret = 0;
out:
	free(type);
	wipe_free(data, len);
	return ret;
}

/* The region tccli keeps in P.configure, or NULL. */
static char *
tccli_region(const char *profile, struct cgw_err *err)
{
	cJSON		*root;
	const cJSON	*sys;
	const char	*region;
	char		*path, *data = NULL, *ret = NULL;
	size_t		 len;
	struct cgw_err	 ignore;

	(void)err;
	err_clear(&ignore);
	xasprintf(&path, "%s/.tccli/%s.configure", home_dir(), profile);
	if (util_read_file(path, CREDS_FILE_MAX, &data, &len, &ignore) == 0 &&
	    (root = cJSON_ParseWithLength(data, len)) != NULL) {
		if (json_object(root, "", "_sys_param", &sys, &ignore) == 0 &&
		    json_string(sys, "", "region", &region, &ignore) == 0)
			ret = xstrdup(region);
		cJSON_Delete(root);
	}
	free(data);
	free(path);
	return ret;
}

/* The first of the variables that is set and not empty, or NULL. */
static const char *
env_first(const char *const *names)
{
	const char	*v;

	for (; *names != NULL; names++)
		if ((v = getenv(*names)) != NULL && *v != '\0')
			return v;
	return NULL;
}

/*
 * A key pair from the environment: 1 when neither variable is set, 0
 * with c filled, -1 when only one is (a mistake, not a reason to read
 * the files).
 */
static int
env_pair(const char *idvar, const char *keyvar, const char *tokvar,
    const char *tokvar2, struct creds *c, struct cgw_err *err)
{
	const char	*const toks[] = { tokvar, tokvar2, NULL };
	const char	*id, *key, *tok;

	id = getenv(idvar);
	key = getenv(keyvar);
	if (id != NULL && *id == '\0')
		id = NULL;
	if (key != NULL && *key == '\0')
		key = NULL;
	if (id == NULL && key == NULL)
		return 1;
	if (id == NULL || key == NULL)
		return err_set(err, CGW_E_USAGE, "%s is set but %s is not: set "
		    "both, or neither to use the credential files",
		    id != NULL ? idvar : keyvar, id != NULL ? keyvar : idvar);
	c->id = xstrdup(id);
	c->secret = xstrdup(key);
	if ((tok = env_first(toks)) != NULL)
		c->token = xstrdup(tok);
	xasprintf(&c->from, "the environment (%s)", idvar);
	return 0;
}

/* A region from any source must be a name: it goes into a header. */
static int
region_check(const struct creds *c, struct cgw_err *err)
{
	if (c->region != NULL && !is_token(c->region))
		return err_set(err, CGW_E_USAGE, "region \"%s\" is not a region "
		    "name", c->region);
	return 0;
}

int
creds_tencent(const char *profile, const char *region, struct creds *c,
    struct warnings *warn, struct cgw_err *err)
{
	static const char *const profile_vars[] = { "TCCLI_PROFILE", NULL };
	static const char *const region_vars[] = { "TENCENTCLOUD_REGION",
	    NULL };
	const char	*env;
	char		*path = NULL, *ini = NULL;
	int		 r = 1, ret = -1;

	memset(c, 0, sizeof(*c));
	if (profile == NULL)
		profile = env_first(profile_vars);
	if (profile != NULL && !valid_profile(profile)) {
		err_set(err, CGW_E_USAGE, "profile \"%s\" is not a plain name",
		    profile);
		goto out;
	}
	if (profile != NULL) {
		xasprintf(&path, "%s/.tccli/%s.credential", home_dir(), profile);
		if ((r = tccli_file(path, c, warn, err)) == -1)
			goto out;
		if (r == 1) {
			err_set(err, CGW_E_USAGE, "profile %s: %s does not "
			    "exist (tccli configure --profile %s writes it)",
			    profile, path, profile);
			goto out;
		}
	} else if ((r = env_pair("TENCENTCLOUD_SECRET_ID",
	    "TENCENTCLOUD_SECRET_KEY", "TENCENTCLOUD_SESSION_TOKEN",
	    "TENCENTCLOUD_TOKEN", c, err)) == -1)
		goto out;
	else if (r == 1) {
		xasprintf(&path, "%s/.tccli/default.credential", home_dir());
		xasprintf(&ini, "%s/.tencentcloud/credentials", home_dir());
		if ((r = tccli_file(path, c, warn, err)) == -1)
			goto out;
		if (r == 1 && (r = ini_file(ini, "default", &tencent_ini, c,
		    warn, err)) == -1)
			goto out;
		if (r == 1) {
			err_set(err, CGW_E_USAGE, "no Tencent Cloud credentials: "
			    "set TENCENTCLOUD_SECRET_ID and "
			    "TENCENTCLOUD_SECRET_KEY, or write %s (tccli "
			    "configure) or %s", path, ini);
			goto out;
		}
	}
	if (region != NULL)
		c->region = xstrdup(region);
	else if ((env = env_first(region_vars)) != NULL)
		c->region = xstrdup(env);
	else
		c->region = tccli_region(profile != NULL ? profile : "default",
		    err);
	if (region_check(c, err) == -1)
		goto out;
	ret = 0;
out:
	if (ret == -1)
		creds_free(c);
	free(path);
	free(ini);
	return ret;
}

/*
 * A profile of the aliyun CLI's config.json: name, or the file's
 * "current" when name is NULL. 1 when the file is absent, or when the
 * profile is and need is 0. AK and StsToken profiles only.
 */
static int
aliyun_file(const char *path, const char *name, int need, struct creds *c,
    struct warnings *warn, struct cgw_err *err)
{
	cJSON		*root = NULL;
	const cJSON	*profiles = NULL, *p, *found = NULL;
	const char	*s, *mode = "AK", *id = NULL, *key = NULL, *tok = NULL;
	const char	*region = NULL;
	char		*data = NULL;
	size_t		 len = 0;
	int		 r, ret = -1;

	if ((r = read_private(path, &data, &len, warn, err)) != 0)
		return r;
	if ((root = cJSON_ParseWithLength(data, len)) == NULL ||
	    !cJSON_IsObject(root) ||
	    json_array(root, "", "profiles", &profiles, err) != 0) {
		err_set(err, CGW_E_INPUT, "%s: not an aliyun CLI configuration "
		    "(JSON with \"profiles\")", path);
		goto out;
	}
	if (name == NULL && json_string(root, "", "current", &name,
	    err) != 0) {
		err_clear(err);
		name = "default";
	}
	cJSON_ArrayForEach(p, profiles)
		if (json_string(p, "", "name", &s, NULL) == 0 &&
		    strcmp(s, name) == 0)
			found = p;
	if (found == NULL) {
		if (need)
			err_set(err, CGW_E_USAGE, "profile %s is not in %s "
			    "(aliyun configure --profile %s writes it)", name,
			    path, name);
		ret = need ? -1 : 1;
		goto out;
	}
	if (json_string(found, "", "mode", &mode, NULL) == -1 ||
	    (strcmp(mode, "AK") != 0 && strcmp(mode, "StsToken") != 0)) {
		err_set(err, CGW_E_USAGE, "%s: profile %s is of mode %s, which "
		    "cgwgen does not support: use AK or StsToken", path, name,
		    mode);
		goto out;
	}
	if (json_string(found, "", "access_key_id", &id, NULL) != 0 ||
	    json_string(found, "", "access_key_secret", &key, NULL) != 0 ||
	    *id == '\0' || *key == '\0') {
		err_set(err, CGW_E_INPUT, "%s: profile %s has no "
		    "access_key_id or access_key_secret", path, name);
		goto out;
	}
	if (strcmp(mode, "StsToken") == 0 && (json_string(found, "",
	    "sts_token", &tok, NULL) != 0 || *tok == '\0')) {
		err_set(err, CGW_E_INPUT, "%s: profile %s (StsToken) has no "
		    "sts_token", path, name);
		goto out;
	}
	c->id = xstrdup(id);
	c->secret = xstrdup(key);
	c->token = tok == NULL ? NULL : xstrdup(tok);
	xasprintf(&c->from, "%s (profile %s)", path, name);
	if (json_string(found, "", "region_id", &region, NULL) == 0 &&
	    *region != '\0')
		c->region = xstrdup(region);
	ret = 0;
out:
	cJSON_Delete(root);
	wipe_free(data, len);
	return ret;
}

int
creds_alibaba(const char *profile, const char *region, struct creds *c,
    struct warnings *warn, struct cgw_err *err)
{
	static const char *const profile_vars[] = { "ALIBABA_CLOUD_PROFILE",
	    "ALIBABACLOUD_PROFILE", "ALICLOUD_PROFILE", NULL };
	static const char *const region_vars[] = { "ALIBABA_CLOUD_REGION_ID",
	    NULL };
	static const char *const file_vars[] = {
	    "ALIBABA_CLOUD_CREDENTIALS_FILE", NULL };
	const char	*env;
	char		*path = NULL, *ini = NULL, *file_region = NULL;
	int		 r = 1, ret = -1;

	memset(c, 0, sizeof(*c));
	if (profile == NULL)
		profile = env_first(profile_vars);
	if (profile != NULL && !valid_profile(profile)) {
		err_set(err, CGW_E_USAGE, "profile \"%s\" is not a plain name",
		    profile);
		goto out;
	}
	xasprintf(&path, "%s/.aliyun/config.json", home_dir());
	if (profile != NULL) {
		if ((r = aliyun_file(path, profile, 1, c, warn, err)) == -1)
			goto out;
		if (r == 1) {
			err_set(err, CGW_E_USAGE, "profile %s: %s does not "
			    "exist (aliyun configure --profile %s writes it)",
			    profile, path, profile);
			goto out;
		}
	} else if ((r = env_pair("ALIBABA_CLOUD_ACCESS_KEY_ID",
	    "ALIBABA_CLOUD_ACCESS_KEY_SECRET", "ALIBABA_CLOUD_SECURITY_TOKEN",
	    NULL, c, err)) == -1)
		goto out;
	else if (r == 1) {
		if ((env = env_first(file_vars)) != NULL)
			ini = xstrdup(env);
		else
			xasprintf(&ini, "%s/.alibabacloud/credentials",
			    home_dir());
		if ((r = aliyun_file(path, NULL, 0, c, warn, err)) == -1)
			goto out;
		if (r == 1 && (r = ini_file(ini, "default", &alibaba_ini, c,
		    warn, err)) == -1)
			goto out;
		if (r == 1) {
			err_set(err, CGW_E_USAGE, "no Alibaba Cloud credentials: "
			    "set ALIBABA_CLOUD_ACCESS_KEY_ID and "
			    "ALIBABA_CLOUD_ACCESS_KEY_SECRET, or write %s "
			    "(aliyun configure) or %s", path, ini);
			goto out;
		}
	}
	/* The region: --region, the environment, else the profile's. */
	file_region = c->region;
	c->region = NULL;
	if (region != NULL)
		c->region = xstrdup(region);
	else if ((env = env_first(region_vars)) != NULL)
		c->region = xstrdup(env);
	else if (file_region != NULL) {
		c->region = file_region;
		file_region = NULL;
	}
	if (region_check(c, err) == -1)
		goto out;
	ret = 0;
out:
	if (ret == -1)
		creds_free(c);
	free(file_region);
	free(path);
	free(ini);
	return ret;
}

void
creds_free(struct creds *c)
{
	freezero_str(c->id);
	freezero_str(c->secret);
	freezero_str(c->token);
	free(c->region);
	free(c->from);
	memset(c, 0, sizeof(*c));
}
