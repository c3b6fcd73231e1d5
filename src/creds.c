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
static int	 ini_file(const char *, const char *, struct creds *,
		    struct warnings *, struct cgw_err *);
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

/* One section of an INI file: key = value lines. */
static int
ini_file(const char *path, const char *section, struct creds *c,
    struct warnings *warn, struct cgw_err *err)
{
	char	*data = NULL, *line, *next, *eq, *k, *v, *e;
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
		if (strcmp(k, "secret_id") == 0 && c->id == NULL)
			c->id = xstrdup(v);
		else if (strcmp(k, "secret_key") == 0 && c->secret == NULL)
			c->secret = xstrdup(v);
		else if (strcmp(k, "token") == 0 && c->token == NULL &&
		    *v != '\0')
			c->token = xstrdup(v);
	}
	if (c->id == NULL || c->secret == NULL) {
		err_set(err, CGW_E_INPUT, "%s: section [%s] needs secret_id and "
		    "secret_key", path, section);
		goto out;
	}
	c->from = xstrdup(path);
	ret = 0;
out:
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

int
creds_tencent(const char *profile, const char *region, struct creds *c,
    struct warnings *warn, struct cgw_err *err)
{
	const char	*env_id, *env_key, *env_tok, *env_profile;
	char		*path = NULL, *ini = NULL;
	int		 r, ret = -1;

	memset(c, 0, sizeof(*c));
	env_profile = getenv("TCCLI_PROFILE");
	if (profile == NULL && env_profile != NULL && *env_profile != '\0')
		profile = env_profile;
	if (profile != NULL && !valid_profile(profile)) {
		err_set(err, CGW_E_USAGE, "profile \"%s\" is not a plain name",
		    profile);
		goto out;
	}
	env_id = getenv("TENCENTCLOUD_SECRET_ID");
	env_key = getenv("TENCENTCLOUD_SECRET_KEY");
	env_tok = getenv("TENCENTCLOUD_SESSION_TOKEN");
	if (env_tok == NULL || *env_tok == '\0')
		env_tok = getenv("TENCENTCLOUD_TOKEN");

	/* Half a key pair in the environment is a mistake, not a fallback. */
	if (profile == NULL && (env_id != NULL && *env_id != '\0') !=
	    (env_key != NULL && *env_key != '\0')) {
		err_set(err, CGW_E_USAGE, "%s is set but %s is not: set both, "
		    "or neither to use the credential files",
		    env_key == NULL || *env_key == '\0' ?
		    "TENCENTCLOUD_SECRET_ID" : "TENCENTCLOUD_SECRET_KEY",
		    env_key == NULL || *env_key == '\0' ?
		    "TENCENTCLOUD_SECRET_KEY" : "TENCENTCLOUD_SECRET_ID");
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
	} else if (env_id != NULL && *env_id != '\0' && env_key != NULL &&
	    *env_key != '\0') {
		c->id = xstrdup(env_id);
		c->secret = xstrdup(env_key);
		if (env_tok != NULL && *env_tok != '\0')
			c->token = xstrdup(env_tok);
		c->from = xstrdup("the environment (TENCENTCLOUD_SECRET_ID)");
	} else {
		xasprintf(&path, "%s/.tccli/default.credential", home_dir());
		xasprintf(&ini, "%s/.tencentcloud/credentials", home_dir());
		if ((r = tccli_file(path, c, warn, err)) == -1)
			goto out;
		if (r == 1 && (r = ini_file(ini, "default", c, warn,
		    err)) == -1)
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
	else if (getenv("TENCENTCLOUD_REGION") != NULL &&
	    *getenv("TENCENTCLOUD_REGION") != '\0')
		c->region = xstrdup(getenv("TENCENTCLOUD_REGION"));
	else
		c->region = tccli_region(profile != NULL ? profile : "default",
		    err);
	if (c->region != NULL && !is_token(c->region)) {
		err_set(err, CGW_E_USAGE, "region \"%s\" is not a region name",
		    c->region);
		goto out;
	}
	ret = 0;
out:
	if (ret == -1)
		creds_free(c);
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
