/*
 * Finding the vendor data and templates.
 */
#include "config.h"

#include <sys/stat.h>

#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "datadir.h"
#include "err.h"
#include "xmalloc.h"

static int	has_vendors(const char *);
static int	running_uninstalled(void);

static int
has_vendors(const char *dir)
{
	struct stat	 st;
	char		*p;
	int		 ok;

	xasprintf(&p, "%s/vendors", dir);
	ok = stat(p, &st) == 0 && S_ISDIR(st.st_mode);
	free(p);
	return ok;
}

/* Whether this binary is the one in the build tree. */
static int
running_uninstalled(void)
{
	char	exe[PATH_MAX], build[PATH_MAX], *slash;
	ssize_t	n;

	if ((n = readlink("/proc/self/exe", exe, sizeof(exe) - 1)) <= 0)
		return 0;
	exe[n] = '\0';
	if ((slash = strrchr(exe, '/')) == NULL)
		return 0;
	*slash = '\0';
	/* A libtool-less build puts the binary in the top build dir. */
	if (realpath(CGW_BUILDDIR, build) == NULL)
		return 0;
	return strcmp(exe, build) == 0;
}

char *
datadir_find(const char *option, struct cgw_err *err)
{
	const char	*env = getenv("CGWGEN_TEMPLATE_DIR");

	if (option != NULL) {
		if (!has_vendors(option)) {
			err_set(err, CGW_E_USAGE, "--template-dir %s: no "
			    "vendors/ directory in it", option);
			return NULL;
		}
		return xstrdup(option);
	}
	if (env != NULL && *env != '\0') {
		if (!has_vendors(env)) {
			err_set(err, CGW_E_USAGE, "CGWGEN_TEMPLATE_DIR=%s: no "
			    "vendors/ directory in it", env);
			return NULL;
		}
		return xstrdup(env);
	}
	if (running_uninstalled() && has_vendors(CGW_SRCDIR))
		return xstrdup(CGW_SRCDIR);
	if (!has_vendors(CGW_DATADIR)) {
		err_set(err, CGW_E_TEMPLATE, "no vendor data in %s: is cgwgen "
		    "installed? (--template-dir or CGWGEN_TEMPLATE_DIR point "
		    "elsewhere)", CGW_DATADIR);
		return NULL;
	}
	return xstrdup(CGW_DATADIR);
}
