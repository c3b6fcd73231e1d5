/*
 * Writing results: stdout, or atomic replacement of a set of files.
 */
#include "config.h"

#include <sys/stat.h>

#include <errno.h>
#include <fcntl.h>
#include <libgen.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "err.h"
#include "output.h"
#include "xmalloc.h"

static int	write_all(int, const char *, size_t);
static int	temp_for(const char *, mode_t, char **, struct cgw_err *);
static void	sync_dir(const char *);

static int
write_all(int fd, const char *p, size_t len)
{
	ssize_t	n;

	while (len > 0) {
		n = write(fd, p, len);
		if (n == -1 && errno == EINTR)
			continue;
		if (n == -1)
			return -1;
		p += n;
		len -= (size_t)n;
	}
	return 0;
}

int
output_stdout(const char *data, size_t len, struct cgw_err *err)
{
	if (write_all(STDOUT_FILENO, data, len) == -1)
		return err_sys(err, "standard output");
	return 0;
}

/* Create DIR/.BASE.XXXXXX beside path; returns the open descriptor. */
static int
temp_for(const char *path, mode_t mode, char **tmp, struct cgw_err *err)
{
	char	*d, *b, *dcopy, *bcopy;
	int	 fd;

	dcopy = xstrdup(path);
	bcopy = xstrdup(path);
	d = dirname(dcopy);
	b = basename(bcopy);
	xasprintf(tmp, "%s/.%s.XXXXXX", d, b);
	free(dcopy);
	free(bcopy);
	if ((fd = mkstemp(*tmp)) == -1) {
		err_sys(err, "%s: cannot create a file beside it", path);
		free(*tmp);
		*tmp = NULL;
		return -1;
	}
	if (fchmod(fd, mode) == -1) {
		err_sys(err, "%s", *tmp);
		close(fd);
		unlink(*tmp);
		free(*tmp);
		*tmp = NULL;
		return -1;
	}
	return fd;
}

static void
sync_dir(const char *path)
{
	char	*copy = xstrdup(path);
	int	 fd;

	if ((fd = open(dirname(copy), O_RDONLY | O_DIRECTORY)) != -1) {
		(void)fsync(fd);
		close(fd);
	}
	free(copy);
}

/*
 * Whether a file could be written at path: a name, not a directory, in a
 * directory that exists. Checked before any work whose result it holds.
 */
int
output_check(const char *path, struct cgw_err *err)
{
	struct stat	 st;
	char		*copy, *d;
	size_t		 len = strlen(path);
	int		 ret = -1;

	copy = xstrdup(path);
	if (len == 0 || path[len - 1] == '/')
		err_set(err, CGW_E_USAGE, "%s: a file name is needed, not a "
		    "directory", path);
	else if (stat(path, &st) == 0 && S_ISDIR(st.st_mode))
		err_set(err, CGW_E_USAGE, "%s is a directory", path);
	else if (stat((d = dirname(copy)), &st) == -1)
		err_sys(err, "%s: its directory %s", path, d);
	else if (!S_ISDIR(st.st_mode))
		err_set(err, CGW_E_USAGE, "%s: %s is not a directory", path,
		    d);
	else
		ret = 0;
	free(copy);
	return ret;
}

int
output_files(const struct out_file *files, size_t n, mode_t mode,
    struct cgw_err *err)
{
	char	**tmp;
	size_t	  i;
	int	  fd = -1, ret = -1;

	tmp = xcalloc(n, sizeof(*tmp));
	/* Refuse what rename(2) would refuse, before anything is written. */
	for (i = 0; i < n; i++)
		if (output_check(files[i].path, err) == -1)
			goto out;
	for (i = 0; i < n; i++) {
		if ((fd = temp_for(files[i].path, mode, &tmp[i], err)) == -1)
			goto out;
		if (write_all(fd, files[i].data, files[i].len) == -1 ||
		    fsync(fd) == -1) {
			err_sys(err, "%s", tmp[i]);
			goto out;
		}
		if (close(fd) == -1) {
			fd = -1;
			err_sys(err, "%s", tmp[i]);
			goto out;
		}
		fd = -1;
	}
	for (i = 0; i < n; i++) {
		if (rename(tmp[i], files[i].path) == -1) {
			err_sys(err, "%s", files[i].path);
			goto out;
		}
		free(tmp[i]);
		tmp[i] = NULL;
		sync_dir(files[i].path);
	}
	ret = 0;
out:
	if (fd != -1)
		close(fd);
	for (i = 0; i < n; i++) {
		if (tmp[i] != NULL)
			(void)unlink(tmp[i]);
		free(tmp[i]);
	}
	free(tmp);
	return ret;
}
